/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath generic netlink family: what its files share.
 *
 *   netlink.c     the family, its operation table and INFO_GET
 *   nl_policy.c   attribute policies
 *   nl_common.c   locking, required attributes, prefixes, notifications
 *   nl_objects.c  NEW/DEL/SET/GET of every configuration object
 */
#ifndef _FASTPATH_NETLINK_H
#define _FASTPATH_NETLINK_H

#include <linux/skbuff.h>
#include <linux/types.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "fastpath.h"

extern struct genl_family fp_genl_family;

int fp_nl_info_fill(struct sk_buff *skb, u32 portid, u32 seq, int flags);

extern const struct nla_policy fp_nl_prefix_policy[FASTPATH_A_PREFIX_MAX + 1];
extern const struct nla_policy fp_nl_circuit_policy[FASTPATH_A_CIRCUIT_MAX + 1];
extern const struct nla_policy fp_nl_auth_policy[FASTPATH_A_AUTH_MAX + 1];
extern const struct nla_policy fp_nl_vnet_policy[FASTPATH_A_VNET_MAX + 1];
extern const struct nla_policy fp_nl_peering_policy[FASTPATH_A_PEERING_MAX + 1];
extern const struct nla_policy fp_nl_endpoint_policy[FASTPATH_A_ENDPOINT_MAX + 1];
extern const struct nla_policy fp_nl_conn_policy[FASTPATH_A_CONN_MAX + 1];
extern const struct nla_policy fp_nl_exception_policy[FASTPATH_A_EXCEPTION_MAX + 1];
extern const struct nla_policy fp_nl_udr_policy[FASTPATH_A_UDR_MAX + 1];

/*
 * Refuse a request that lacks attribute @attr with a message naming @what
 * ("circuit name") and the missing attribute (NLMSGERR_ATTR_MISS_TYPE).
 */
#define FP_NL_REQUIRE(info, attr, what)					\
	({								\
		struct genl_info *__fpi = (info);			\
		bool __missing = GENL_REQ_ATTR_CHECK(__fpi, attr);	\
		if (__missing)						\
			NL_SET_ERR_MSG_MOD(__fpi->extack,		\
					   "missing " what);		\
		__missing;						\
	})

/* Fills the attributes of one object into a message (nl_objects.c). */
typedef int (*fp_nl_fill_t)(struct sk_buff *skb, const struct fp_model *m,
			    const void *obj);

struct fp_net *fp_nl_lock(struct genl_info *info);
void fp_nl_unlock(struct fp_net *fpn, bool changed);
int fp_nl_get_prefix(const struct nlattr *nla, struct fp_prefix *p,
		     struct netlink_ext_ack *extack);
int fp_nl_put_prefix(struct sk_buff *skb, int type, const struct fp_prefix *p);
int fp_nl_check_ifindex(struct genl_info *info, int attr, int *ifindex);
struct sk_buff *fp_nl_obj_msg(const struct fp_model *m, fp_nl_fill_t fill,
			      const void *obj, size_t size, u8 cmd,
			      u32 portid, u32 seq);
int fp_nl_reply(struct genl_info *info, const struct fp_model *m,
		fp_nl_fill_t fill, const void *obj, size_t size);
void fp_nl_notify(struct genl_info *info, struct sk_buff *msg);
void *fp_nl_dump_put(struct sk_buff *skb, struct netlink_callback *cb,
		     struct fp_net *fpn, u8 cmd);

/* Operation handlers (nl_objects.c). */
int fp_nl_circuit_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_circuit_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_circuit_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_circuit_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_circuit_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_auth_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_auth_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_auth_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_auth_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_vnet_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_vnet_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_vnet_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_vnet_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_vnet_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_peering_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_peering_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_endpoint_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_endpoint_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_endpoint_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_endpoint_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_endpoint_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_conn_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_conn_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_conn_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_conn_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_conn_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_exception_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_exception_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_exception_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_exception_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_exception_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_udr_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_udr_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_udr_set(struct sk_buff *skb, struct genl_info *info);
int fp_nl_udr_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_udr_dump(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _FASTPATH_NETLINK_H */
