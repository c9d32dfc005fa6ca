/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: compile the configuration model into what one circuit's data
 * path reads: its FastPath routes (installed and pending) and its
 * exception list with the lift rules applied.
 */
#ifndef _FASTPATH_COMPILE_H
#define _FASTPATH_COMPILE_H

#include <linux/if_ether.h>
#include <linux/types.h>

#include "model.h"

enum fp_route_kind {
	FP_ROUTE_HUB,		/* endpoint of a linked vnet (fastpath) */
	FP_ROUTE_SPOKE,		/* endpoint of a peered vnet (peering) */
	FP_ROUTE_UDR,		/* UDR prefix to its next hop (udr) */
};

/**
 * struct fp_croute - one compiled route
 * @prefix: destination
 * @endpoint_id: id of the target endpoint (for a UDR: the next hop)
 * @src_id: id of the endpoint or UDR the route comes from
 * @conn_id: id of the connection whose flags admit it
 * @kind: &enum fp_route_kind
 * @has_mac: the target endpoint has a static MAC, @mac
 * @ifindex: the target endpoint's device, 0 for none
 * @mac: the static MAC, else zero
 * @has_gw: the neighbour to resolve is @gw (a UDR to an NVA with a host
 *	prefix), not the packet's destination
 * @gw: the NVA's address (a UDR's next hop), else zero
 * @conn: the connection (its counters; valid under the model's lock)
 * @key: install priority (lower first): the stamp at which the route
 *	became eligible, then @src_id breaks ties
 * @vnet_id: an endpoint route: its endpoint's vnet; a UDR: the vnet one of
 *	whose address spaces contains the UDR's prefix, 0 if none (used while
 *	compiling only)
 */
struct fp_croute {
	struct fp_prefix prefix;
	u32 endpoint_id;
	u32 src_id;
	u32 conn_id;
	u8 kind;
	bool has_mac;
	int ifindex;
	u8 mac[ETH_ALEN];
	bool has_gw;
	u8 gw[16];
	const struct fp_conn *conn;
	u64 key;
	u32 vnet_id;
};

/**
 * struct fp_cexc - one compiled exception
 * @prefix: the excepted prefix
 * @exc_id: id of the exception object, 0 for an implicit spoke one
 * @vnet_id: id of the vnet it belongs to
 * @kind: &enum fp_exc_kind
 * @lifted: a connection's flags lift it (traffic is not sent to the
 *	gateway because of it)
 * @blocks: traffic to @prefix goes to the gateway: it is not lifted, or
 *	a shorter exception containing it is not.  A longest-prefix match
 *	over the exceptions then gives the verdict.
 */
struct fp_cexc {
	struct fp_prefix prefix;
	u32 exc_id;
	u32 vnet_id;
	u8 kind;
	bool lifted;
	bool blocks;
};

/**
 * struct fp_ctable - the compiled tables of one circuit
 * @circuit_id: the circuit
 * @limit: its route limit
 * @n_installed: routes installed: @routes[0 .. n_installed), by prefix
 * @n_pending: routes waiting for room: @routes[n_installed ..
 *	n_installed + n_pending), in the order they will be installed
 * @routes: the routes
 * @n_exc: number of exceptions
 * @exc: the exceptions, by prefix
 */
struct fp_ctable {
	u32 circuit_id;
	u32 limit;
	u32 n_installed;
	u32 n_pending;
	struct fp_croute *routes;
	u32 n_exc;
	struct fp_cexc *exc;
};

int fp_compile_circuit(const struct fp_model *m, const struct fp_circuit *c,
		       struct fp_ctable **out);
void fp_ctable_free(struct fp_ctable *t);
bool fp_ctable_equal(const struct fp_ctable *a, const struct fp_ctable *b);
bool fp_croute_eq(const struct fp_croute *a, const struct fp_croute *b);
const struct fp_croute *fp_ctable_find_route(const struct fp_ctable *t,
					     const struct fp_prefix *p);
const struct fp_cexc *fp_ctable_find_exc(const struct fp_ctable *t,
					 const struct fp_prefix *p);

#endif /* _FASTPATH_COMPILE_H */
