/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath generic netlink family: what its files share.
 *
 *   netlink.c     the family, its operation table and INFO_GET
 *   nl_gen.c      policies and operation table, generated from the YNL
 *                 spec (nl_gen.h declares them and the handlers)
 *   nl_common.c   a request's lock, batch admission, commit and
 *                 notifications (fp_nl_doit()); prefixes; replies
 *   nl_objects.c  NEW/DEL/SET/GET of every configuration object
 *   nl_stats.c    STATS_GET: the per-CPU counters of circuits and
 *                 connections
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

/*
 * A SET request carries @nla (NULL: it does not), an attribute fixed at
 * creation: refuse it with @msg and the attribute.  Evaluates to true if
 * the request is refused (the caller returns -EOPNOTSUPP).
 */
#define FP_NL_FIXED(info, nla, msg)					\
	({								\
		struct genl_info *__fpi = (info);			\
		struct nlattr *__fpa = (nla);				\
		if (__fpa) {						\
			NL_SET_ERR_MSG_MOD(__fpi->extack, msg);		\
			NL_SET_BAD_ATTR(__fpi->extack, __fpa);		\
		}							\
		!!__fpa;						\
	})

/* Fills the attributes of one object into a message (nl_objects.c). */
typedef int (*fp_nl_fill_t)(struct sk_buff *skb, const struct fp_model *m,
			    const void *obj);

/**
 * struct fp_nl_key - the key of an object, as a request spells it
 * @name: its name (not for exceptions and UDRs)
 * @parent: an authorization's circuit; an exception's or a UDR's vnet
 * @prefix: an exception's or a UDR's prefix
 */
struct fp_nl_key {
	const char *name;
	const char *parent;
	struct fp_prefix prefix;
};

/**
 * struct fp_nl_obj - how the family shows one type of object
 * @name: the object in messages ("connection")
 * @cmd_get: its GET command (do and dump)
 * @cmd_del: its DEL command
 * @cmd_new: its NEW command (fp_nl_obj_write()), 0 if it has none there
 * @cmd_set: likewise its SET command
 * @name_attr: attribute of &fp_nl_key.name, 0 if not part of the key
 * @parent_attr: attribute of &fp_nl_key.parent, 0 if not part of the key
 * @parent: what @parent_attr names, in messages ("circuit", "vnet")
 * @prefix_attr: attribute of &fp_nl_key.prefix, 0 if not part of the key
 * @value_attr: the one value NEW and SET require (with @change)
 * @value: @value_attr in messages ("kind")
 * @per_vnet: the objects are listed per vnet, not in &struct fp_model
 * @list: offset of the list of objects in &struct fp_model, or in
 *	&struct fp_vnet if @per_vnet; the list is in id order
 * @node: offset of the list node in the object
 * @id: offset of the u32 object id in the object
 * @fill: adds the attributes of one object, as GET shows it
 * @size: payload size of one object's message, NULL for the default
 * @find: the object with key @k, or NULL
 * @del: deletes the object with key @k (DEL through fp_nl_obj_del())
 * @change: adds (@add) or changes the object with key @k to @value
 *	(exceptions and UDRs, through fp_nl_vnet_prefix_write())
 * @write: NEW (@add) or SET: parses the request, sets @k to the key of
 *	the object and returns the model's verdict (fp_nl_obj_write())
 */
struct fp_nl_obj {
	const char *name;
	u8 cmd_get, cmd_del, cmd_new, cmd_set;
	u16 name_attr, parent_attr, prefix_attr, value_attr;
	const char *parent;
	const char *value;
	bool per_vnet;
	size_t list, node, id;
	fp_nl_fill_t fill;
	size_t (*size)(const void *obj);
	const void *(*find)(const struct fp_model *m,
			    const struct fp_nl_key *k);
	int (*del)(struct fp_model *m, const struct fp_nl_key *k,
		   struct netlink_ext_ack *extack);
	int (*change)(struct fp_model *m, const struct fp_nl_key *k,
		      const struct nlattr *value, bool add,
		      struct netlink_ext_ack *extack);
	int (*write)(struct genl_info *info, struct fp_model *m, bool add,
		     struct fp_nl_key *k);
};

const struct fp_nl_obj *fp_nl_obj_of(u8 cmd);

struct fp_batch;

/**
 * struct fp_nl_req - one doit request, from fp_nl_lock() to fp_nl_unlock()
 * @fpn: the namespace's state, locked in between
 * @chain: the ordered batch the request is a link of, or %NULL
 * @admitted: its chain, if any, let it run
 * @defer: a configuration request with its DEFER flag (fp_nl_publish())
 * @notify: change notifications, sent after the lock is dropped
 */
struct fp_nl_req {
	struct fp_net *fpn;
	struct fp_batch *chain;
	bool admitted;
	bool defer;
	struct sk_buff_head notify;
};

/* The locked namespace of a request that runs through fp_nl_doit(). */
static inline struct fp_net *fp_nl_net(const struct genl_info *info)
{
	const struct fp_nl_req *req = info->user_ptr[0];

	lockdep_assert_held(&req->fpn->lock);
	return req->fpn;
}

bool fp_nl_defer_requested(const struct genl_info *info);
int fp_nl_lock(struct genl_info *info, struct fp_nl_req *req, bool link)
	__acquires(&req->fpn->lock);
void fp_nl_publish(struct genl_info *info);
void fp_nl_unlock(struct genl_info *info, struct fp_nl_req *req, int err)
	__releases(&req->fpn->lock);
int fp_nl_doit(struct sk_buff *skb, struct genl_info *info,
	       int (*doit)(struct sk_buff *skb, struct genl_info *info),
	       bool link);
int fp_nl_commit(struct sk_buff *skb, struct genl_info *info);
bool fp_nl_string_whole(const struct nlattr *nla);
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
void fp_nl_queue_ifindex(struct fp_net *fpn, int ifindex,
			 struct sk_buff_head *q);
void fp_nl_notify_queue(struct net *net, struct sk_buff_head *q);
void *fp_nl_dump_put(struct sk_buff *skb, struct netlink_callback *cb,
		     struct fp_net *fpn, u8 cmd);
struct fp_net *fp_nl_dump_lock(struct sk_buff *skb)
	__acquires(&fp_net(sock_net(skb->sk))->lock);
void fp_nl_dump_unlock(struct fp_net *fpn) __releases(&fpn->lock);
int fp_nl_dump_list(struct sk_buff *skb, struct netlink_callback *cb,
		    struct fp_net *fpn, const struct fp_nl_obj *d,
		    const struct list_head *head, long *cursor);
int fp_nl_dump_ret(struct sk_buff *skb, int err);

/* Operation handlers (nl_objects.c): GET, DEL, NEW and SET by the table. */
int fp_nl_obj_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_obj_dump_start(struct netlink_callback *cb);
int fp_nl_obj_dump(struct sk_buff *skb, struct netlink_callback *cb);
int fp_nl_obj_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_obj_write(struct sk_buff *skb, struct genl_info *info);
int fp_nl_auth_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_auth_del(struct sk_buff *skb, struct genl_info *info);
int fp_nl_peering_new(struct sk_buff *skb, struct genl_info *info);
int fp_nl_peering_del(struct sk_buff *skb, struct genl_info *info);

/* Ordered batches (nl_batch.c). */
int fp_batch_admit(struct fp_batch *b, u32 seq);
void fp_batch_done(struct fp_batch *b, u32 seq, int err);
struct fp_batch *fp_batch_find(struct fp_net *fpn, u32 portid);
int fp_batch_start(struct fp_net *fpn, u32 portid, u32 seq);
void fp_batch_release(struct fp_net *fpn, u32 portid);
int fp_nl_batch(struct sk_buff *skb, struct genl_info *info);

/* STATS_GET (nl_stats.c). */
struct fp_counter_vals;
int fp_nl_stats_fill(struct sk_buff *skb, u16 type, const char *name,
		     const struct fp_counter_vals *vals);
int fp_nl_stats_get(struct sk_buff *skb, struct genl_info *info);
int fp_nl_stats_dump(struct sk_buff *skb, struct netlink_callback *cb);

#endif /* _FASTPATH_NETLINK_H */
