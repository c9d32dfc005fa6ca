/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: netdevice events -> circuit and endpoint state (devices.c).
 */
#ifndef _FASTPATH_DEVICES_H
#define _FASTPATH_DEVICES_H

#include <linux/netdevice.h>

struct fp_net;

/**
 * fp_dev_up() - does a device count as up for fastpath
 * @dev: the device
 *
 * Return: true if it is running and has carrier.
 */
static inline bool fp_dev_up(const struct net_device *dev)
{
	return netif_running(dev) && netif_carrier_ok(dev);
}

void fp_dev_event(struct fp_net *fpn, struct net_device *dev,
		  unsigned long event);

#endif /* _FASTPATH_DEVICES_H */
