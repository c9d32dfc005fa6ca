// SPDX-License-Identifier: GPL-2.0
/*
 * The "fastpath" generic netlink family: the only way user space configures
 * and observes the module.  Every network namespace has its own view
 * (netnsok); Documentation/netlink/specs/fastpath.yaml describes the family.
 * This file holds the family's operation table, its registration and
 * INFO_GET; the family object itself and what every operation shares are
 * in nl_common.c, the object operations in nl_objects.c, the counters in
 * nl_stats.c, the policies in nl_policy.c, ordered batches in nl_batch.c.
 * Calls go one way: this file -> nl_objects/nl_stats/nl_batch ->
 * nl_common.
 */
#include <linux/module.h>
#include <linux/utsname.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "fastpath.h"
#include "netlink.h"

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

#define FP_NL_MAXATTR_circuit	FASTPATH_A_CIRCUIT_MAX
#define FP_NL_MAXATTR_auth	FASTPATH_A_AUTH_MAX
#define FP_NL_MAXATTR_vnet	FASTPATH_A_VNET_MAX
#define FP_NL_MAXATTR_peering	FASTPATH_A_PEERING_MAX
#define FP_NL_MAXATTR_endpoint	FASTPATH_A_ENDPOINT_MAX
#define FP_NL_MAXATTR_conn	FASTPATH_A_CONN_MAX
#define FP_NL_MAXATTR_exception	FASTPATH_A_EXCEPTION_MAX
#define FP_NL_MAXATTR_udr	FASTPATH_A_UDR_MAX
#define FP_NL_MAXATTR_stats	FASTPATH_A_STATS_MAX

/*
 * Every doit handler but INFO_GET's (which reads no namespace state) runs
 * through fp_nl_doit() (nl_common.c): the namespace locked once, and
 * configuration requests (@_link) admitted to and accounted in their
 * ordered batch (nl_batch.c).
 */
#define FP_LOCKED(_doit, _link)						\
	static int _doit##_locked(struct sk_buff *skb,			\
				  struct genl_info *info)		\
	{								\
		return fp_nl_doit(skb, info, _doit, _link);		\
	}

FP_LOCKED(fp_nl_obj_del, true)
FP_LOCKED(fp_nl_vnet_prefix_change, true)
FP_LOCKED(fp_nl_circuit_new, true)
FP_LOCKED(fp_nl_circuit_set, true)
FP_LOCKED(fp_nl_auth_new, true)
FP_LOCKED(fp_nl_auth_del, true)
FP_LOCKED(fp_nl_vnet_new, true)
FP_LOCKED(fp_nl_vnet_set, true)
FP_LOCKED(fp_nl_peering_new, true)
FP_LOCKED(fp_nl_peering_del, true)
FP_LOCKED(fp_nl_endpoint_new, true)
FP_LOCKED(fp_nl_endpoint_set, true)
FP_LOCKED(fp_nl_conn_new, true)
FP_LOCKED(fp_nl_conn_set, true)
FP_LOCKED(fp_nl_obj_get, false)
FP_LOCKED(fp_nl_stats_get, false)
FP_LOCKED(fp_nl_commit, false)
FP_LOCKED(fp_nl_batch, false)

/* Configuration ops: CAP_NET_ADMIN in the namespace owner's user ns. */
#define FP_CFG_OP(_cmd, _doit, _set)					\
	{								\
		.cmd = _cmd,						\
		.doit = _doit##_locked,					\
		.policy = fp_nl_##_set##_policy,			\
		.maxattr = FP_NL_MAXATTR_##_set,			\
		.flags = GENL_UNS_ADMIN_PERM,				\
	}

/*
 * Reads: do and dump, open to everyone in the namespace; @_start (or
 * NULL) runs before a dump's first message.
 */
#define FP_READ_OP(_cmd, _doit, _start, _dumpit, _set)			\
	{								\
		.cmd = _cmd,						\
		.doit = _doit##_locked,					\
		.start = _start,					\
		.dumpit = _dumpit,					\
		.policy = fp_nl_##_set##_policy,			\
		.maxattr = FP_NL_MAXATTR_##_set,			\
	}

/*
 * GET of a configuration object, through the object table; a dump's
 * messages are sized for its largest object (fp_nl_obj_dump_start()).
 */
#define FP_GET_OP(_cmd, _set)						\
	FP_READ_OP(_cmd, fp_nl_obj_get, fp_nl_obj_dump_start,		\
		   fp_nl_obj_dump, _set)

/*
 * INFO_GET has no policy: the core's reject-all policy refuses a request
 * carrying any attribute with an extack message.
 */
static const struct genl_ops fp_genl_ops[] = {
	{
		.cmd = FASTPATH_CMD_INFO_GET,
		.doit = fp_nl_info_get_doit,
	},
	FP_CFG_OP(FASTPATH_CMD_CIRCUIT_NEW, fp_nl_circuit_new, circuit),
	FP_CFG_OP(FASTPATH_CMD_CIRCUIT_DEL, fp_nl_obj_del, circuit),
	FP_CFG_OP(FASTPATH_CMD_CIRCUIT_SET, fp_nl_circuit_set, circuit),
	FP_GET_OP(FASTPATH_CMD_CIRCUIT_GET, circuit),
	FP_CFG_OP(FASTPATH_CMD_AUTH_NEW, fp_nl_auth_new, auth),
	FP_CFG_OP(FASTPATH_CMD_AUTH_DEL, fp_nl_auth_del, auth),
	FP_GET_OP(FASTPATH_CMD_AUTH_GET, auth),
	FP_CFG_OP(FASTPATH_CMD_VNET_NEW, fp_nl_vnet_new, vnet),
	FP_CFG_OP(FASTPATH_CMD_VNET_DEL, fp_nl_obj_del, vnet),
	FP_CFG_OP(FASTPATH_CMD_VNET_SET, fp_nl_vnet_set, vnet),
	FP_GET_OP(FASTPATH_CMD_VNET_GET, vnet),
	FP_CFG_OP(FASTPATH_CMD_PEERING_NEW, fp_nl_peering_new, peering),
	FP_CFG_OP(FASTPATH_CMD_PEERING_DEL, fp_nl_peering_del, peering),
	FP_CFG_OP(FASTPATH_CMD_ENDPOINT_NEW, fp_nl_endpoint_new, endpoint),
	FP_CFG_OP(FASTPATH_CMD_ENDPOINT_DEL, fp_nl_obj_del, endpoint),
	FP_CFG_OP(FASTPATH_CMD_ENDPOINT_SET, fp_nl_endpoint_set, endpoint),
	FP_GET_OP(FASTPATH_CMD_ENDPOINT_GET, endpoint),
	FP_CFG_OP(FASTPATH_CMD_CONN_NEW, fp_nl_conn_new, conn),
	FP_CFG_OP(FASTPATH_CMD_CONN_DEL, fp_nl_obj_del, conn),
	FP_CFG_OP(FASTPATH_CMD_CONN_SET, fp_nl_conn_set, conn),
	FP_GET_OP(FASTPATH_CMD_CONN_GET, conn),
	FP_CFG_OP(FASTPATH_CMD_EXCEPTION_NEW, fp_nl_vnet_prefix_change,
		  exception),
	FP_CFG_OP(FASTPATH_CMD_EXCEPTION_DEL, fp_nl_obj_del, exception),
	FP_CFG_OP(FASTPATH_CMD_EXCEPTION_SET, fp_nl_vnet_prefix_change,
		  exception),
	FP_GET_OP(FASTPATH_CMD_EXCEPTION_GET, exception),
	FP_CFG_OP(FASTPATH_CMD_UDR_NEW, fp_nl_vnet_prefix_change, udr),
	FP_CFG_OP(FASTPATH_CMD_UDR_DEL, fp_nl_obj_del, udr),
	FP_CFG_OP(FASTPATH_CMD_UDR_SET, fp_nl_vnet_prefix_change, udr),
	FP_GET_OP(FASTPATH_CMD_UDR_GET, udr),
	FP_READ_OP(FASTPATH_CMD_STATS_GET, fp_nl_stats_get, NULL,
		   fp_nl_stats_dump, stats),
	/* No policy either: COMMIT takes no attribute. */
	{
		.cmd = FASTPATH_CMD_COMMIT,
		.doit = fp_nl_commit_locked,
		.flags = GENL_UNS_ADMIN_PERM,
	},
	/* Nor BATCH: it works on the request's sequence number. */
	{
		.cmd = FASTPATH_CMD_BATCH,
		.doit = fp_nl_batch_locked,
		.flags = GENL_UNS_ADMIN_PERM,
	},
};

/* The UAPI enums are the model's values: nothing is translated. */
#define FP_SAME(uapi, model)	BUILD_BUG_ON((int)(uapi) != (int)(model))

static void __init fp_netlink_check_uapi(void)
{
	FP_SAME(FASTPATH_TIER_PREMIUM, FP_TIER_PREMIUM);
	FP_SAME(FASTPATH_PORT_10G, FP_PORT_10G);
	FP_SAME(FASTPATH_PORT_100G, FP_PORT_100G);
	FP_SAME(FASTPATH_SKU_STANDARD, FP_SKU_STANDARD);
	FP_SAME(FASTPATH_SKU_HIGH_PERFORMANCE, FP_SKU_HIGH_PERFORMANCE);
	FP_SAME(FASTPATH_SKU_ULTRA_PERFORMANCE, FP_SKU_ULTRA_PERFORMANCE);
	FP_SAME(FASTPATH_SKU_ERGW1AZ, FP_SKU_ERGW1AZ);
	FP_SAME(FASTPATH_SKU_ERGW2AZ, FP_SKU_ERGW2AZ);
	FP_SAME(FASTPATH_SKU_ERGW3AZ, FP_SKU_ERGW3AZ);
	FP_SAME(FASTPATH_SKU_ERGWSCALE, FP_SKU_ERGWSCALE);
	FP_SAME(FASTPATH_EXCEPTION_KIND_PRIVATE_ENDPOINT, FP_EXC_PRIVATE_ENDPOINT);
	FP_SAME(FASTPATH_EXCEPTION_KIND_INTERNAL_LB, FP_EXC_INTERNAL_LB);
	FP_SAME(FASTPATH_EXCEPTION_KIND_BASIC_LB, FP_EXC_BASIC_LB);
	FP_SAME(FASTPATH_EXCEPTION_KIND_DNS_RESOLVER, FP_EXC_DNS_RESOLVER);
	FP_SAME(FASTPATH_EXCEPTION_KIND_CROSS_REGION, FP_EXC_CROSS_REGION);
	FP_SAME(FASTPATH_EXCEPTION_KIND_MANUAL, FP_EXC_MANUAL);
	FP_SAME(FASTPATH_CONN_F_FASTPATH, FP_CONN_F_FASTPATH);
	FP_SAME(FASTPATH_CONN_F_PEERING, FP_CONN_F_PEERING);
	FP_SAME(FASTPATH_CONN_F_UDR, FP_CONN_F_UDR);
	FP_SAME(FASTPATH_CONN_F_PRIVATE_LINK, FP_CONN_F_PRIVATE_LINK);
	BUILD_BUG_ON((int)FP_CONN_F_ALL != (int)(FASTPATH_CONN_F_FASTPATH |
				       FASTPATH_CONN_F_PEERING |
				       FASTPATH_CONN_F_UDR |
				       FASTPATH_CONN_F_PRIVATE_LINK));
}

/**
 * fp_netlink_init() - register the "fastpath" generic netlink family
 *
 * Return: 0 or a negative errno.
 */
int __init fp_netlink_init(void)
{
	fp_netlink_check_uapi();
	/* The family is nl_common.c's, which every operation uses. */
	fp_genl_family.ops = fp_genl_ops;
	fp_genl_family.n_ops = ARRAY_SIZE(fp_genl_ops);
	return genl_register_family(&fp_genl_family);
}

/**
 * fp_netlink_exit() - unregister the family; no op runs after it returns
 */
void fp_netlink_exit(void)
{
	genl_unregister_family(&fp_genl_family);
}
