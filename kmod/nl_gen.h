/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/fastpath.yaml */
/* YNL-GEN kernel header */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#ifndef _LINUX_FASTPATH_GEN_H
#define _LINUX_FASTPATH_GEN_H

#include <net/netlink.h>
#include <net/genetlink.h>

#include <uapi/linux/fastpath.h>

/* Common nested types */
extern const struct nla_policy fastpath_prefix_nl_policy[FASTPATH_A_PREFIX_LEN + 1];
extern const struct nla_policy fastpath_spaces_nl_policy[FASTPATH_A_SPACES_PREFIX + 1];

/* Ops table for fastpath */
extern const struct genl_split_ops fastpath_nl_ops[41];

int fp_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		   struct genl_info *info);
int fp_nl_obj_dump_start(struct netlink_callback *cb);

int fastpath_nl_info_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_circuit_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_circuit_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_circuit_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_circuit_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_circuit_get_dumpit(struct sk_buff *skb,
				   struct netlink_callback *cb);
int fastpath_nl_auth_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_auth_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_auth_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_auth_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb);
int fastpath_nl_vnet_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_vnet_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_vnet_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_vnet_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_vnet_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb);
int fastpath_nl_peering_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_peering_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_endpoint_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_endpoint_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_endpoint_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_endpoint_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_endpoint_get_dumpit(struct sk_buff *skb,
				    struct netlink_callback *cb);
int fastpath_nl_conn_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_conn_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_conn_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_conn_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_conn_get_dumpit(struct sk_buff *skb,
				struct netlink_callback *cb);
int fastpath_nl_exception_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_exception_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_exception_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_exception_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_exception_get_dumpit(struct sk_buff *skb,
				     struct netlink_callback *cb);
int fastpath_nl_udr_new_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_udr_del_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_udr_set_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_udr_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_udr_get_dumpit(struct sk_buff *skb,
			       struct netlink_callback *cb);
int fastpath_nl_stats_get_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_stats_get_dumpit(struct sk_buff *skb,
				 struct netlink_callback *cb);
int fastpath_nl_commit_doit(struct sk_buff *skb, struct genl_info *info);
int fastpath_nl_batch_doit(struct sk_buff *skb, struct genl_info *info);

enum {
	FASTPATH_NLGRP_CONFIG,
};

#endif /* _LINUX_FASTPATH_GEN_H */
