// SPDX-License-Identifier: GPL-2.0
/*
 * Per network namespace state: every fastpath object lives in exactly one
 * namespace and goes away with it.
 *
 * This file sets up and tears down the lower layers of one namespace (the
 * model, the published tables) and answers the model's device question;
 * the netlink family, the netdevice notifier and the ordered batches reach
 * a namespace's state through fp_net().  It calls nothing above it.
 */
#include <linux/module.h>
#include <linux/rcupdate.h>
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

/* Is device @ifindex of the model's namespace present and up. */
static bool fp_net_dev_active(const struct fp_model *m, int ifindex)
{
	const struct fp_net *fpn = container_of(m, struct fp_net, model);
	struct net_device *dev;
	bool up = false;

	if (!fpn->net)
		return false;
	rcu_read_lock();
	dev = dev_get_by_index_rcu(fpn->net, ifindex);
	if (dev)
		up = fp_dev_up(dev);
	rcu_read_unlock();
	return up;
}

static const struct fp_model_ops fp_net_model_ops = {
	.dev_active = fp_net_dev_active,
};

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
	fpn->model.ops = &fp_net_model_ops;
	fp_pub_init(&fpn->pub, &fpn->model, &fpn->lock, net);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_net_setup);

/**
 * fp_net_teardown() - free everything of one namespace's state
 * @fpn: the state, unlocked; its ordered batches are gone (nl_batch.c
 *	frees them first)
 *
 * Waits for no grace period: the published tables are unpublished here
 * and freed by RCU callbacks and rcu_work (module exit waits for those).
 */
void fp_net_teardown(struct fp_net *fpn)
{
	fp_pub_destroy(&fpn->pub);
	mutex_lock(&fpn->lock);
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
