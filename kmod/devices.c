// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: the device code owns the devices.
 *
 * Circuits (uplink) and endpoints (target tap/veth) name their device by
 * ifindex in the model.  An object is "active" while a device with that
 * ifindex is registered in the object's namespace, running and has
 * carrier.  The model asks the namespace's fp_model_ops (pernet.c) when an
 * object is created or its device changes (under the namespace's mutex,
 * without RTNL); a netdevice notifier keeps the state current afterwards:
 *
 *   NETDEV_REGISTER      a device appears (also at the end of a netns
 *                        move): next hops on its ifindex use it again;
 *                        objects recompute their state (a new or moved
 *                        device is down, so they stay inactive until UP)
 *   NETDEV_UP/DOWN/CHANGE  running or carrier changed: recompute
 *   NETDEV_CHANGENAME    nothing to rebind (objects hold the ifindex)
 *   NETDEV_UNREGISTER    the device leaves the namespace (deleted or moved
 *                        away): its objects become inactive, keep their
 *                        ifindex and never dangle; the published tables
 *                        drop their tracked reference before the notifier
 *                        returns (publish.c)
 *
 * A device that comes back with the same ifindex into the same namespace
 * (moved back, typically) is taken to be the same device: objects bind to
 * it again and become active when it is up.  Linux hands out ifindexes
 * cyclically per namespace, so another device gets that number only after
 * the counter wraps; a device that comes back with a different ifindex is
 * a different device for fastpath (the operator points the object at it).
 *
 * Locking: the notifier runs under RTNL and takes the namespace's mutex
 * (RTNL -> fp_net.lock).  The configuration path holds fp_net.lock and
 * only reads device state under RCU; it never takes RTNL, so the order
 * is never inverted.
 */
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <linux/rtnetlink.h>

#include "compat.h"
#include "devices.h"
#include "fastpath.h"
#include "netlink.h"
#include "publish.h"

/**
 * fp_dev_event() - apply one netdevice event to a namespace
 * @fpn: the namespace the device is in (before a move: the old one)
 * @dev: the device
 * @event: NETDEV_REGISTER, NETDEV_UNREGISTER, NETDEV_UP, NETDEV_DOWN,
 *	NETDEV_CHANGE or NETDEV_CHANGENAME
 *
 * Updates the ACTIVE state of every circuit and endpoint on the device's
 * ifindex, publishes the result and, if anything changed, announces the
 * objects on the "config" group (as CIRCUIT_SET and ENDPOINT_SET).
 *
 * Context: process context, RTNL held; takes @fpn->lock.
 */
void fp_dev_event(struct fp_net *fpn, struct net_device *dev,
		  unsigned long event)
{
	struct sk_buff_head q;
	bool active;

	ASSERT_RTNL();
	__skb_queue_head_init(&q);
	mutex_lock(&fpn->lock);
	if (event == NETDEV_UNREGISTER) {
		fp_pub_dev_unregister(&fpn->pub, dev);
		active = false;
	} else {
		if (event == NETDEV_REGISTER)
			fp_pub_dev_register(&fpn->pub, dev);
		active = fp_dev_up(dev);
	}
	if (fp_model_set_ifindex_active(&fpn->model, dev->ifindex, active)) {
		fp_pub_commit(&fpn->pub);
		/* Dumps in progress see a change. */
		fpn->generation++;
		if (!fpn->generation)
			fpn->generation++;
		fp_nl_queue_ifindex(fpn, dev->ifindex, &q);
	}
	mutex_unlock(&fpn->lock);
	fp_nl_notify_queue(fpn->net, &q);
}

FP_EXPORT_FOR_KUNIT(fp_dev_event);

static int fp_netdev_event(struct notifier_block *nb, unsigned long event,
			   void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);

	switch (event) {
	case NETDEV_REGISTER:
	case NETDEV_UNREGISTER:
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
	case NETDEV_CHANGENAME:
		fp_dev_event(fp_net(dev_net(dev)), dev, event);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block fp_netdev_nb = {
	.notifier_call = fp_netdev_event,
};

/**
 * fp_devices_init() - start following netdevice events
 *
 * Registration replays NETDEV_REGISTER and NETDEV_UP for every existing
 * device of every namespace.
 *
 * Return: 0 or a negative errno.
 */
int fp_devices_init(void)
{
	return register_netdevice_notifier(&fp_netdev_nb);
}

/**
 * fp_devices_exit() - stop following netdevice events
 *
 * Unregistration replays NETDEV_DOWN and NETDEV_UNREGISTER for every
 * device: every device reference the published tables hold is dropped.
 */
void fp_devices_exit(void)
{
	unregister_netdevice_notifier(&fp_netdev_nb);
}
