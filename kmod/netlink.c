// SPDX-License-Identifier: GPL-2.0
/*
 * The "fastpath" generic netlink family: the only way user space configures
 * and observes the module.  Every network namespace has its own view
 * (netnsok); Documentation/netlink/specs/fastpath.yaml describes the family.
 * This file holds the family's operation table, its registration and
 * INFO_GET; the family object itself and what every operation shares are
 * in nl_common.c, the object operations in nl_objects.c, the counters in
 * nl_stats.c, ordered batches in nl_batch.c; the policies and the table
 * itself are generated from the spec (nl_gen.c, included here).
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

/*
 * The policies, the operation table (fastpath_nl_ops) and the multicast
 * groups, generated from Documentation/netlink/specs/fastpath.yaml by the
 * kernel's YNL generator (tools/testing/ynl-gen.sh; make lint fails if the
 * spec and this file differ).  Included, not built on its own: its groups
 * are static, for the family this file registers.
 */
#include "nl_gen.c"

FP_EXPORT_FOR_KUNIT(fastpath_nl_ops);

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

/**
 * fastpath_nl_info_get_doit() - INFO_GET: module and UAPI versions
 * @skb: the request
 * @info: its attributes (none) and the requester
 *
 * Return: 0 or a negative errno.
 */
int fastpath_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info)
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
 * The handlers the generated table names.  Every doit but INFO_GET's
 * (which reads no namespace state) runs through fp_nl_doit() (nl_common.c):
 * the namespace locked once, and configuration requests (@_link) admitted
 * to and accounted in their ordered batch (nl_batch.c).
 */
#define FP_DOIT(op, fn, link)						\
	int fastpath_nl_##op##_doit(struct sk_buff *skb,		\
				    struct genl_info *info)		\
	{								\
		return fp_nl_doit(skb, info, fn, link);			\
	}

/*
 * Dumps of configuration objects go through the object table; their
 * messages are sized for the largest object (fp_nl_obj_dump_start(), the
 * spec's "pre" of each dump).
 */
#define FP_DUMPIT(op, fn)						\
	int fastpath_nl_##op##_dumpit(struct sk_buff *skb,		\
				      struct netlink_callback *cb)	\
	{								\
		return fn(skb, cb);					\
	}

/* An object with NEW, DEL, SET and GET, all through the object table. */
#define FP_OBJ_HANDLERS(obj)							\
	FP_DOIT(obj##_new, fp_nl_obj_write, true)			\
	FP_DOIT(obj##_del, fp_nl_obj_del, true)				\
	FP_DOIT(obj##_set, fp_nl_obj_write, true)			\
	FP_DOIT(obj##_get, fp_nl_obj_get, false)			\
	FP_DUMPIT(obj##_get, fp_nl_obj_dump)

FP_OBJ_HANDLERS(circuit)
FP_OBJ_HANDLERS(vnet)
FP_OBJ_HANDLERS(endpoint)
FP_OBJ_HANDLERS(conn)
FP_OBJ_HANDLERS(exception)
FP_OBJ_HANDLERS(udr)
FP_DOIT(auth_new, fp_nl_auth_new, true)
FP_DOIT(auth_del, fp_nl_auth_del, true)
FP_DOIT(auth_get, fp_nl_obj_get, false)
FP_DUMPIT(auth_get, fp_nl_obj_dump)
FP_DOIT(peering_new, fp_nl_peering_new, true)
FP_DOIT(peering_del, fp_nl_peering_del, true)
FP_DOIT(stats_get, fp_nl_stats_get, false)
FP_DUMPIT(stats_get, fp_nl_stats_dump)
FP_DOIT(commit, fp_nl_commit, false)
FP_DOIT(batch, fp_nl_batch, false)

#ifdef FP_HAVE_SPLIT_OPS
static void __init fp_netlink_set_ops(void)
{
	fp_genl_family.split_ops = fastpath_nl_ops;
	fp_genl_family.n_split_ops = ARRAY_SIZE(fastpath_nl_ops);
}
#else
/*
 * Kernels without split ops (compat.h): one genl_ops per command, with the
 * do's policy (a dump request carries no attribute), and one pre_doit for
 * the whole family.
 */
static struct genl_ops fp_genl_ops[ARRAY_SIZE(fastpath_nl_ops)] __ro_after_init;

static int fp_nl_pre_doit_ops(const struct genl_ops *ops, struct sk_buff *skb,
			      struct genl_info *info)
{
	const struct genl_split_ops split = {
		.cmd = ops->cmd,
		.policy = ops->policy,
		.maxattr = ops->maxattr,
	};

	return fp_nl_pre_doit(&split, skb, info);
}

static void __init fp_netlink_set_ops(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(fastpath_nl_ops); i++) {
		const struct genl_split_ops *s = &fastpath_nl_ops[i];
		struct genl_ops *o = &fp_genl_ops[n];

		if (n && fp_genl_ops[n - 1].cmd == s->cmd)
			o = &fp_genl_ops[n - 1];
		else
			n++;
		o->cmd = s->cmd;
		o->flags |= s->flags & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM);
		if (s->flags & GENL_CMD_CAP_DO) {
			o->doit = s->doit;
			o->policy = s->policy;
			o->maxattr = s->maxattr;
		}
		if (s->flags & GENL_CMD_CAP_DUMP) {
			o->start = s->start;
			o->dumpit = s->dumpit;
			o->done = s->done;
		}
	}
	fp_genl_family.ops = fp_genl_ops;
	fp_genl_family.n_ops = n;
	fp_genl_family.pre_doit = fp_nl_pre_doit_ops;
}
#endif

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
	FP_SAME(FASTPATH_NAME_MAX_LEN, FP_NAME_LEN - 1);
	FP_SAME(FASTPATH_REGION_MAX_LEN, FP_REGION_LEN - 1);
	FP_SAME(FASTPATH_SUBSCRIPTION_LEN, UUID_SIZE);
	FP_SAME(FASTPATH_KEY_LEN, FP_KEY_LEN);
	FP_SAME(FASTPATH_ROUTE_LIMIT_MAX, FP_MAX_ROUTE_LIMIT);
	FP_SAME(FASTPATH_SCALE_UNITS_MAX, FP_MAX_SCALE_UNITS);
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
	fp_netlink_set_ops();
	fp_genl_family.mcgrps = fastpath_nl_mcgrps;
	fp_genl_family.n_mcgrps = ARRAY_SIZE(fastpath_nl_mcgrps);
	return genl_register_family(&fp_genl_family);
}

/**
 * fp_netlink_exit() - unregister the family; no op runs after it returns
 */
void fp_netlink_exit(void)
{
	genl_unregister_family(&fp_genl_family);
}
