/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: module-wide declarations shared by the files of kmod/.
 */
#ifndef _FASTPATH_H
#define _FASTPATH_H

#include <linux/mutex.h>
#include <net/net_namespace.h>

#include "model.h"

/**
 * struct fp_net - fastpath state of one network namespace
 * @lock: serialises every configuration change in this namespace
 * @generation: bumped on every configuration change; netlink dumps use it
 *	to detect that they raced with a change (NLM_F_DUMP_INTR)
 * @model: the namespace's objects, protected by @lock
 */
struct fp_net {
	struct mutex lock;	/* serialises configuration changes */
	unsigned int generation;
	struct fp_model model;
};

struct fp_net *fp_net(const struct net *net);
int fp_pernet_init(void);
void fp_pernet_exit(void);

int fp_netlink_init(void);
void fp_netlink_exit(void);

#endif /* _FASTPATH_H */
