// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: every fastpath object lives in exactly one
 * namespace and goes away with it.
 */
#include <linux/module.h>
#include <net/netns/generic.h>

#include "devices.h"
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

FP_EXPORT_FOR_KUNIT(fp_net);

/**
 * fp_net_setup() - set up one namespace's state
 * @fpn: the state (zeroed)
 * @net: its namespace
 *
 * Return: 0 or -ENOMEM.
 */
int fp_net_setup(struct fp_net *fpn, struct net *net)
{
	int err;

	mutex_init(&fpn->lock);
	fpn->generation = 1;
	fpn->net = net;
	INIT_LIST_HEAD(&fpn->batches);
	err = fp_model_init(&fpn->model, &fpn->lock);
	if (err) {
		mutex_destroy(&fpn->lock);
		return err;
	}
	fpn->model.ops = &fp_devices_model_ops;
	fp_pub_init(&fpn->pub, &fpn->lock);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_net_setup);

/**
 * fp_net_teardown() - free everything of one namespace's state
 * @fpn: the state, unlocked
 */
void fp_net_teardown(struct fp_net *fpn)
{
	/* The retry work takes the lock: stop it first. */
	cancel_delayed_work_sync(&fpn->pub.retry);
	mutex_lock(&fpn->lock);
	fp_batch_release_all(fpn);
	fp_pub_destroy(&fpn->pub, &fpn->model);
	fp_model_destroy(&fpn->model);
	mutex_unlock(&fpn->lock);
	mutex_destroy(&fpn->lock);
}

FP_EXPORT_FOR_KUNIT(fp_net_teardown);

static int __net_init fp_net_init(struct net *net)
{
	return fp_net_setup(fp_net(net), net);
}

static void __net_exit fp_net_exit(struct net *net)
{
	fp_net_teardown(fp_net(net));
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
