/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: the writer side of the tables the data path reads (see
 * publish.c for the design; lookup.h is the read side).
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
#include "lookup.h"
#include "trie.h"

struct net;
struct fp_model;
struct fp_circuit;
struct fp_counters;
struct fp_conn;
struct fp_ctable;

#define FP_PDEV_HASH_BITS	8

/**
 * struct fp_pub - the published state of one namespace
 * @circuits: &struct fp_pcirc by uplink ifindex (readers: xa_load())
 * @pdevs: &struct fp_pdev by ifindex (writer side)
 * @retry: retries a commit that failed for lack of memory, and runs a
 *	deferred commit nobody else ran (the safety timer of fp_pub_defer())
 * @model: the namespace's model, what fp_pub_commit() publishes
 * @lock: the namespace's configuration mutex (writers hold it)
 * @net: the namespace, where devices are looked up (%NULL in some tests)
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
	struct fp_model *model;
	struct mutex *lock;	/* the namespace's configuration mutex */
	struct net *net;
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

void fp_pub_init(struct fp_pub *pub, struct fp_model *model,
		 struct mutex *lock, struct net *net);
void fp_pub_destroy(struct fp_pub *pub);
int fp_pub_module_init(void);
void fp_pub_module_exit(void);
void fp_pub_commit(struct fp_pub *pub);
void fp_pub_defer(struct fp_pub *pub);
void fp_pub_dev_register(struct fp_pub *pub, struct net_device *dev);
void fp_pub_dev_unregister(struct fp_pub *pub, struct net_device *dev);
bool fp_pub_circuit_stats(const struct fp_circuit *c,
			  struct fp_pub_stats *st);

#endif /* _FASTPATH_PUBLISH_H */
