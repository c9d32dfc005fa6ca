/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: the read side of the published tables (lookup.c; see
 * publish.c for the design): what the data path includes, and all it
 * includes of them.
 *
 * Per namespace, circuits are published by the ifindex of their uplink.
 * Each published circuit has an IPv4 and an IPv6 route trie whose values
 * are &struct fp_nh, and an IPv4 and an IPv6 exception trie whose values
 * are &struct fp_pexc.  Readers run under rcu_read_lock() (softirq),
 * never block and never allocate: fp_pub_lookup() on the circuit the
 * ingress hook was attached for (its @ops.priv).
 */
#ifndef _FASTPATH_LOOKUP_H
#define _FASTPATH_LOOKUP_H

#include <linux/if_ether.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "compat.h"
#include "trie.h"

struct net;
struct fp_counters;
struct fp_conn;
struct fp_ctable;
struct fp_hook;

/**
 * struct fp_pdev - a target device, shared by every next hop that uses it
 * @dev: the device while it is registered in the namespace, else %NULL
 *	(readers: rcu_dereference())
 * @held: the device @tracker holds a reference on (writer side)
 * @tracker: the tracked reference
 * @ifindex: the device's ifindex
 * @users: next hops using it (writer side)
 * @hnode: in &fp_pub.pdevs
 * @rcu: freed (and @held released) after a grace period
 */
struct fp_pdev {
	struct net_device __rcu *dev;
	struct net_device *held;
	netdevice_tracker tracker;
	int ifindex;
	unsigned int users;
	struct hlist_node hnode;
	struct rcu_head rcu;
};

enum fp_pent_table {
	FP_PT_RT4,
	FP_PT_RT6,
	FP_PT_EX4,
	FP_PT_EX6,
	FP_PT_N
};

/**
 * struct fp_pent - what every published trie value starts with
 * @prev: while an update is being published: what readers of a
 *	generation in which this entry is not valid see instead of it.  For
 *	a new entry, what the previous generation had (the entry it
 *	replaces, or the entry of the covering prefix); for an entry that
 *	goes away, the entry of the prefix that covers it in the new
 *	generation.  %NULL otherwise
 * @gen_from: first generation of the circuit in which the entry is valid
 * @gen_until: last such generation (U32_MAX: open ended)
 * @node: in &fp_pcirc.entries (writer side)
 * @work: in one of the circuit's retire, garbage or tombstone lists, or a
 *	commit's local list (writer side)
 * @pfx: its prefix
 * @table: &enum fp_pent_table
 * @prev_owned: @prev is the replaced entry, freed with this one's retire
 * @dying: goes away with the commit being built (writer side)
 * @rcu: freed after a grace period
 */
struct fp_pent {
	struct fp_pent __rcu *prev;
	u32 gen_from;
	u32 gen_until;
	struct list_head node;
	struct list_head work;
	struct fp_trie_prefix pfx;
	u8 table;
	bool prev_owned;
	bool dying;
	struct rcu_head rcu;
};

/**
 * struct fp_nh - the next hop of one route
 * @e: the entry header (first)
 * @pdev: target device slot, %NULL if the endpoint has no device
 * @counters: the owning connection's per-CPU counters
 * @conn: the owning connection (writer side identity only)
 * @kind: &enum fp_route_kind
 * @has_mac: use @mac, else the neighbour table of the target device
 * @mac: static destination MAC
 * @has_gw: resolve @gw in the neighbour table, not the destination
 * @gw: the neighbour to resolve (a UDR's NVA), network order
 * @endpoint_id: the target endpoint
 * @conn_id: the owning connection
 *
 * The fields the data path reads on every packet come first after @e.
 */
struct fp_nh {
	struct fp_pent e;
	struct fp_pdev *pdev;
	struct fp_counters __percpu *counters;
	u8 kind;
	bool has_mac;
	u8 mac[ETH_ALEN];
	u32 conn_id;
	bool has_gw;
	u8 gw[16];
	const struct fp_conn *conn;
	u32 endpoint_id;
};

/**
 * struct fp_pexc - one published exception
 * @e: the entry header (first)
 * @kind: &enum fp_exc_kind
 * @blocks: matching traffic goes to the gateway (see &fp_cexc.blocks)
 */
struct fp_pexc {
	struct fp_pent e;
	u8 kind;
	bool blocks;
};

/**
 * struct fp_pcirc - the published tables of one circuit
 * @gen: current generation (readers: smp_load_acquire())
 * @counters: the circuit's per-CPU counters
 * @ifindex: uplink, the key in &fp_pub.circuits (0: not published there)
 * @circuit_id: the circuit's id
 * @t: route and exception tries, &enum fp_pent_table
 * @committed: the compiled tables the tries show at @gen
 * @next_gen: last generation number handed to a commit attempt
 * @retire_cookie: RCU state when the last generation was published
 * @entries: every entry of this circuit (writer side)
 * @retire: entries whose @prev is cleared once @retire_cookie expired
 * @garbage: entries of a failed commit attempt (never valid), to undo
 * @tombs: entries no longer valid whose removal from a trie failed
 * @hook: the ingress hook on the uplink while it is attached (datapath.c;
 *	writer side)
 * @free_work: frees it a grace period after it was unpublished
 */
struct fp_pcirc {
	u32 gen;
	struct fp_counters __percpu *counters;
	int ifindex;
	u32 circuit_id;
	struct fp_trie t[FP_PT_N];
	struct fp_ctable *committed;
	u32 next_gen;
	unsigned long retire_cookie;
	struct list_head entries;
	struct list_head retire;
	struct list_head garbage;
	struct list_head tombs;
	struct fp_hook *hook;
	struct rcu_work free_work;
};

/**
 * struct fp_verdict - what the published tables say about a destination
 * @nh: the next hop (FORWARDED and TARGET_DOWN), else %NULL
 * @exc_kind: the kind of the blocking exception (EXCEPTION), else 0
 */
struct fp_verdict {
	const struct fp_nh *nh;
	u8 exc_kind;
};

const struct fp_pent *fp_pent_visible(const struct fp_trie *t,
				      const struct fp_pent *e, u32 gen);
unsigned int fp_pub_lookup(const struct fp_pcirc *pc, u8 family,
			   const void *daddr, struct fp_verdict *v);

/**
 * fp_nh_dev() - the target device of a next hop
 * @nh: the next hop, from fp_pub_lookup()
 *
 * Context: rcu_read_lock() held; the device is valid until it is dropped.
 * Return: the device, or %NULL if the endpoint has none or it is gone.
 */
static inline struct net_device *fp_nh_dev(const struct fp_nh *nh)
{
	return nh->pdev ? rcu_dereference(nh->pdev->dev) : NULL;
}

#endif /* _FASTPATH_LOOKUP_H */
