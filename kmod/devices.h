/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: netdevice events -> circuit and endpoint state (devices.c).
 */
#ifndef _FASTPATH_DEVICES_H
#define _FASTPATH_DEVICES_H

#include <linux/netdevice.h>

#include "model.h"

struct fp_net;

extern const struct fp_model_ops fp_devices_model_ops;

bool fp_dev_up(const struct net_device *dev);
void fp_dev_event(struct fp_net *fpn, struct net_device *dev,
		  unsigned long event);

#endif /* _FASTPATH_DEVICES_H */
