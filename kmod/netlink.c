// SPDX-License-Identifier: GPL-2.0
/*
 * The "fastpath" generic netlink family: the only way user space configures
 * and observes the module.  Every network namespace has its own view
 * (netnsok); Documentation/netlink/specs/fastpath.yaml describes the family.
 */
#include <linux/module.h>
#include <linux/utsname.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "fastpath.h"
#include "netlink.h"

static struct genl_family fp_genl_family;

/**
 * fp_nl_info_fill() - build a FASTPATH_CMD_INFO_GET reply
 * @skb: message buffer to append the reply to
 * @portid: netlink port id of the requester
 * @seq: sequence number of the request
 * @flags: netlink message flags of the reply
 *
 * On failure @skb is left exactly as it was.
 *
 * Return: 0 on success, -EMSGSIZE if @skb is too small.
 */
int fp_nl_info_fill(struct sk_buff *skb, u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(skb, portid, seq, &fp_genl_family, flags,
			  FASTPATH_CMD_INFO_GET);
	if (!hdr)
		return -EMSGSIZE;

	if (nla_put_string(skb, FASTPATH_A_INFO_MODULE_VERSION,
			   FASTPATH_VERSION) ||
	    nla_put_u32(skb, FASTPATH_A_INFO_UAPI_VERSION,
			FASTPATH_UAPI_VERSION) ||
	    nla_put_string(skb, FASTPATH_A_INFO_KERNEL_RELEASE,
			   init_utsname()->release)) {
		genlmsg_cancel(skb, hdr);
		return -EMSGSIZE;
	}

	genlmsg_end(skb, hdr);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_nl_info_fill);

static int fp_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;

	err = fp_nl_info_fill(msg, info->snd_portid, info->snd_seq, 0);
	if (err) {
		nlmsg_free(msg);
		return err;
	}

	return genlmsg_reply(msg, info);
}

/*
 * Operations without a policy get the core's reject-all policy: a request
 * carrying any attribute is refused with an extack message.
 */
static const struct genl_small_ops fp_genl_ops[] = {
	{
		.cmd = FASTPATH_CMD_INFO_GET,
		.doit = fp_nl_info_get_doit,
	},
};

static const struct genl_multicast_group fp_genl_mcgrps[] = {
	{ .name = FASTPATH_MCGRP_CONFIG },
};

static struct genl_family fp_genl_family __ro_after_init = {
	.name = FASTPATH_FAMILY_NAME,
	.version = FASTPATH_FAMILY_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = fp_genl_ops,
	.n_small_ops = ARRAY_SIZE(fp_genl_ops),
	.mcgrps = fp_genl_mcgrps,
	.n_mcgrps = ARRAY_SIZE(fp_genl_mcgrps),
};

/**
 * fp_netlink_init() - register the "fastpath" generic netlink family
 *
 * Return: 0 or a negative errno.
 */
int fp_netlink_init(void)
{
	return genl_register_family(&fp_genl_family);
}

/**
 * fp_netlink_exit() - unregister the family; no op runs after it returns
 */
void fp_netlink_exit(void)
{
	genl_unregister_family(&fp_genl_family);
}
