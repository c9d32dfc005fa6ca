// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: every fastpath object lives in exactly one
 * namespace and goes away with it.
 */
#include <linux/module.h>
#include <net/netns/generic.h>

#include "fastpath.h"

static unsigned int fp_net_id __read_mostly;

/**
 * fp_net() - fastpath state of a network namespace
 * @net: the namespace
 *
 * Return: the namespace's &struct fp_net, valid while @net is alive.
 */
struct fp_net *fp_net(const struct net *net)
{
	return net_generic(net, fp_net_id);
}

static int __net_init fp_net_init(struct net *net)
{
	struct fp_net *fpn = fp_net(net);
	int err;

	mutex_init(&fpn->lock);
	fpn->generation = 1;
	err = fp_model_init(&fpn->model, &fpn->lock);
	if (err)
		mutex_destroy(&fpn->lock);
	return err;
}

static void __net_exit fp_net_exit(struct net *net)
{
	struct fp_net *fpn = fp_net(net);

	mutex_lock(&fpn->lock);
	fp_model_destroy(&fpn->model);
	mutex_unlock(&fpn->lock);
	mutex_destroy(&fpn->lock);
}

static struct pernet_operations fp_net_ops = {
	.init = fp_net_init,
	.exit = fp_net_exit,
	.id = &fp_net_id,
	.size = sizeof(struct fp_net),
};

/**
 * fp_pernet_init() - register the per-namespace state
 *
 * Return: 0 or a negative errno.
 */
int fp_pernet_init(void)
{
	return register_pernet_subsys(&fp_net_ops);
}

/**
 * fp_pernet_exit() - unregister the per-namespace state of every namespace
 */
void fp_pernet_exit(void)
{
	unregister_pernet_subsys(&fp_net_ops);
}
