/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: module-wide declarations shared by the files of kmod/.
 */
#ifndef _FASTPATH_H
#define _FASTPATH_H

#include <linux/mutex.h>
#include <net/net_namespace.h>

#include "model.h"
#include "publish.h"

/**
 * struct fp_net - fastpath state of one network namespace
 * @lock: serialises every configuration change in this namespace
 * @generation: bumped on every configuration change; netlink dumps use it
 *	to detect that they raced with a change (NLM_F_DUMP_INTR)
 * @model: the namespace's objects, protected by @lock
 * @pub: what the data path reads, rebuilt from @model at every commit
 * @net: the namespace
 * @batches: the ordered batches of this namespace's sockets (nl_batch.c),
 *	protected by @lock
 *
 * Lock order: RTNL, then @lock (the netdevice notifier takes @lock under
 * RTNL); code holding @lock never takes RTNL.
 */
struct fp_net {
	struct mutex lock;	/* serialises configuration changes */
	unsigned int generation;
	struct fp_model model;
	struct fp_pub pub;
	struct net *net;
	struct list_head batches;
};

struct fp_net *fp_net(const struct net *net);
int fp_net_setup(struct fp_net *fpn, struct net *net);
void fp_net_teardown(struct fp_net *fpn);
int fp_pernet_init(void);
void fp_pernet_exit(void);

int fp_devices_init(void);
void fp_devices_exit(void);

int fp_batch_init(void);
void fp_batch_exit(void);
void fp_batch_release_all(struct fp_net *fpn);

int fp_netlink_init(void);
void fp_netlink_exit(void);

#endif /* _FASTPATH_H */
