/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: the data path's interface to the writer side (datapath.c).
 *
 * publish.c attaches the ingress hook when a circuit is published on an
 * uplink that exists, and detaches it when the circuit goes, its uplink
 * changes or the uplink leaves the namespace.  Calls go one way: the
 * writer calls these two functions, the data path reads the published
 * tables (lookup.h) and never calls the writer.
 */
#ifndef _FASTPATH_DATAPATH_H
#define _FASTPATH_DATAPATH_H

#include <linux/netdevice.h>
#include <linux/netfilter.h>

struct net;
struct fp_pcirc;

/**
 * struct fp_hook - the ingress hook of one published circuit
 * @ops: the netfilter netdev ingress hook; @ops.priv is the circuit
 * @net: the namespace it is registered in
 * @dev: the uplink it is attached to
 * @tracker: the tracked reference on @dev
 * @rcu: freed after a grace period
 */
struct fp_hook {
	struct nf_hook_ops ops;
	struct net *net;
	struct net_device *dev;
	netdevice_tracker tracker;
	struct rcu_head rcu;
};

int fp_dp_attach(struct net *net, struct fp_pcirc *pc, struct net_device *dev);
void fp_dp_detach(struct fp_pcirc *pc);
int fp_dp_hook_priority(void);

#endif /* _FASTPATH_DATAPATH_H */
