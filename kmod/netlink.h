/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath generic netlink family: message builders shared with KUnit.
 */
#ifndef _FASTPATH_NETLINK_H
#define _FASTPATH_NETLINK_H

#include <linux/skbuff.h>
#include <linux/types.h>

int fp_nl_info_fill(struct sk_buff *skb, u32 portid, u32 seq, int flags);

#endif /* _FASTPATH_NETLINK_H */
