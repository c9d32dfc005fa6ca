/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: the tables the data path reads (see publish.c for the design).
 *
 * Per namespace, circuits are published by the ifindex of their uplink.
 * Each published circuit has an IPv4 and an IPv6 route trie whose values
 * are &struct fp_nh, and an IPv4 and an IPv6 exception trie whose values
 * are &struct fp_pexc.  Readers run under rcu_read_lock() (softirq),
 * never block and never allocate: fp_pub_circuit(), then fp_pub_lookup().
 */
#ifndef _FASTPATH_PUBLISH_H
#define _FASTPATH_PUBLISH_H

#include <linux/hashtable.h>
#include <linux/if_ether.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>

#include "compat.h"
#include "trie.h"

struct net;
struct fp_net;
struct fp_model;
struct fp_circuit;
struct fp_counters;
struct fp_conn;
struct fp_ctable;

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
 * @prev: while an update is being published: what readers of the previous
 *	generation see instead of this entry (the entry it replaces, or the
 *	entry of the covering prefix); %NULL otherwise
 * @gen_from: first generation of the circuit in which the entry is valid
 * @gen_until: last such generation (U32_MAX: open ended)
 * @node: in &fp_pcirc.entries (writer side)
 * @work: in one of the circuit's retire, garbage or tombstone lists, or a
 *	commit's local list (writer side)
 * @pfx: its prefix
 * @table: &enum fp_pent_table
 * @prev_owned: @prev is the replaced entry, freed with this one's retire
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
 * @endpoint_id: the target endpoint
 * @conn_id: the owning connection
 */
struct fp_nh {
	struct fp_pent e;
	struct fp_pdev *pdev;
	struct fp_counters __percpu *counters;
	const struct fp_conn *conn;
	u8 kind;
	bool has_mac;
	u8 mac[ETH_ALEN];
	u32 endpoint_id;
	u32 conn_id;
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
};

#define FP_PDEV_HASH_BITS	8

/**
 * struct fp_pub - the published state of one namespace
 * @circuits: &struct fp_pcirc by uplink ifindex (readers: xa_load())
 * @pdevs: &struct fp_pdev by ifindex (writer side)
 * @retry: retries a commit that failed for lack of memory, and runs a
 *	deferred commit nobody else ran (the safety timer of fp_pub_defer())
 * @lock: the namespace's configuration mutex (writers hold it)
 * @deferred: changes were applied to the model but not published yet
 * @defer_since: jiffies of the first deferral not yet published
 * @commits: commits of circuit tables that changed something
 * @failures: commits that failed and are retried
 * @timer_commits: deferred commits the safety timer had to run
 * @fault_nth: test hook: the fault_nth-th entry or device slot allocation
 *	from now fails
 */
struct fp_pub {
	struct xarray circuits;
	DECLARE_HASHTABLE(pdevs, FP_PDEV_HASH_BITS);
	struct delayed_work retry;
	struct mutex *lock;	/* the namespace's configuration mutex */
	bool deferred;
	unsigned long defer_since;
	unsigned long commits;
	unsigned long failures;
	unsigned long timer_commits;
	unsigned int fault_nth;
};

/**
 * struct fp_pub_stats - what one circuit has published
 * @installed: routes in its tries
 * @pending: routes waiting for room under the route limit
 * @limit: the route limit
 * @exceptions: exceptions in its tries
 * @gen: its generation
 */
struct fp_pub_stats {
	u32 installed;
	u32 pending;
	u32 limit;
	u32 exceptions;
	u32 gen;
};

void fp_pub_init(struct fp_pub *pub, struct mutex *lock);
void fp_pub_destroy(struct fp_pub *pub, struct fp_model *m);
void fp_pub_commit(struct fp_net *fpn);
void fp_pub_defer(struct fp_net *fpn);
void fp_pub_dev_register(struct fp_net *fpn, struct net_device *dev);
void fp_pub_dev_unregister(struct fp_net *fpn, struct net_device *dev);
bool fp_pub_circuit_stats(const struct fp_circuit *c,
			  struct fp_pub_stats *st);

struct fp_pcirc *fp_pub_circuit(const struct net *net, int ifindex);
unsigned int fp_pub_lookup(const struct fp_pcirc *pc, u8 family,
			   const void *daddr, const struct fp_nh **nhp);

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

#endif /* _FASTPATH_PUBLISH_H */
