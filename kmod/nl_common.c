// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the operations of the "fastpath" family: the family
 * object (its operation table is netlink.c's, set when it registers), the
 * namespace lock and generation, prefixes, device checks, building replies
 * and change notifications, and dump messages that detect concurrent
 * change.
 */
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "fastpath.h"
#include "model.h"
#include "netlink.h"
#include "nl_gen.h"

/**
 * fp_nl_string_whole() - does a string attribute end at its first NUL
 * @nla: an attribute that passed NLA_NUL_STRING validation
 *
 * The policy lets "ab\0cd" through and the name read from it is "ab":
 * bytes after the first NUL would be dropped without a word.  NUL padding
 * is fine.
 *
 * Return: true if nothing but NUL bytes follows the first NUL.
 */
bool fp_nl_string_whole(const struct nlattr *nla)
{
	const char *s = nla_data(nla);
	int len = nla_len(nla);
	int n = strnlen(s, len);

	return n == len || !memchr_inv(s + n, 0, len - n);
}

FP_EXPORT_FOR_KUNIT(fp_nl_string_whole);

/**
 * fp_nl_pre_doit() - the "pre" of every request with attributes
 * @ops: the operation, with the policy its attributes passed
 * @skb: the request
 * @info: its attributes
 *
 * No top-level string attribute may hide bytes after a NUL.
 *
 * Return: 0, or -EINVAL with a message and the bad attribute.
 */
int fp_nl_pre_doit(const struct genl_split_ops *ops, struct sk_buff *skb,
		   struct genl_info *info)
{
	unsigned int i;

	if (!info->attrs || !ops->policy)
		return 0;
	for (i = 1; i <= ops->maxattr; i++) {
		const struct nlattr *a = info->attrs[i];

		if (a && ops->policy[i].type == NLA_NUL_STRING &&
		    !fp_nl_string_whole(a)) {
			NL_SET_ERR_MSG_ATTR(info->extack, a,
					    "a name must not contain a NUL byte");
			return -EINVAL;
		}
	}
	return 0;
}

/*
 * The ops and multicast groups (generated from the spec) are set by
 * fp_netlink_init(), before the family registers.
 */
struct genl_family fp_genl_family __ro_after_init = {
	.name = FASTPATH_FAMILY_NAME,
	.version = FASTPATH_FAMILY_VERSION,
	.netnsok = true,
	.module = THIS_MODULE,
};

/*
 * The DEFER flag of each configuration command: every configuration
 * attribute set has one, under its own number.
 */
static const u16 fp_nl_defer_attr[FASTPATH_CMD_MAX + 1] = {
	[FASTPATH_CMD_CIRCUIT_NEW] = FASTPATH_A_CIRCUIT_DEFER,
	[FASTPATH_CMD_CIRCUIT_DEL] = FASTPATH_A_CIRCUIT_DEFER,
	[FASTPATH_CMD_CIRCUIT_SET] = FASTPATH_A_CIRCUIT_DEFER,
	[FASTPATH_CMD_AUTH_NEW] = FASTPATH_A_AUTH_DEFER,
	[FASTPATH_CMD_AUTH_DEL] = FASTPATH_A_AUTH_DEFER,
	[FASTPATH_CMD_VNET_NEW] = FASTPATH_A_VNET_DEFER,
	[FASTPATH_CMD_VNET_DEL] = FASTPATH_A_VNET_DEFER,
	[FASTPATH_CMD_VNET_SET] = FASTPATH_A_VNET_DEFER,
	[FASTPATH_CMD_PEERING_NEW] = FASTPATH_A_PEERING_DEFER,
	[FASTPATH_CMD_PEERING_DEL] = FASTPATH_A_PEERING_DEFER,
	[FASTPATH_CMD_ENDPOINT_NEW] = FASTPATH_A_ENDPOINT_DEFER,
	[FASTPATH_CMD_ENDPOINT_DEL] = FASTPATH_A_ENDPOINT_DEFER,
	[FASTPATH_CMD_ENDPOINT_SET] = FASTPATH_A_ENDPOINT_DEFER,
	[FASTPATH_CMD_CONN_NEW] = FASTPATH_A_CONN_DEFER,
	[FASTPATH_CMD_CONN_DEL] = FASTPATH_A_CONN_DEFER,
	[FASTPATH_CMD_CONN_SET] = FASTPATH_A_CONN_DEFER,
	[FASTPATH_CMD_EXCEPTION_NEW] = FASTPATH_A_EXCEPTION_DEFER,
	[FASTPATH_CMD_EXCEPTION_DEL] = FASTPATH_A_EXCEPTION_DEFER,
	[FASTPATH_CMD_EXCEPTION_SET] = FASTPATH_A_EXCEPTION_DEFER,
	[FASTPATH_CMD_UDR_NEW] = FASTPATH_A_UDR_DEFER,
	[FASTPATH_CMD_UDR_DEL] = FASTPATH_A_UDR_DEFER,
	[FASTPATH_CMD_UDR_SET] = FASTPATH_A_UDR_DEFER,
};

/**
 * fp_nl_defer_requested() - does a request carry its DEFER flag
 * @info: the request
 *
 * Return: true for a configuration request with the flag; reads never
 * defer anything (their generated policies refuse the flag).
 */
bool fp_nl_defer_requested(const struct genl_info *info)
{
	u8 cmd = info->genlhdr->cmd;
	u16 attr;

	if (cmd > FASTPATH_CMD_MAX)
		return false;
	attr = fp_nl_defer_attr[cmd];
	return attr && info->attrs && info->attrs[attr];
}

FP_EXPORT_FOR_KUNIT(fp_nl_defer_requested);

/**
 * fp_nl_lock() - start a request: lock its namespace, admit it to its batch
 * @info: the request
 * @req: its state, on the caller's stack, reachable from @info until
 *	fp_nl_unlock()
 * @link: a configuration request (NEW, DEL, SET): a link of the sending
 *	socket's ordered batch, if it has one (nl_batch.c), whose commit
 *	(fp_nl_publish()) is deferred if it carries its DEFER flag
 *
 * The lock is taken whatever the outcome: fp_nl_unlock() follows in every
 * case.  A link its chain refuses gets a message and must not run.
 *
 * Return: 0, or -ECANCELED if the request's chain refused it.
 */
int fp_nl_lock(struct genl_info *info, struct fp_nl_req *req, bool link)
	__acquires(&req->fpn->lock)
{
	int err = 0;

	req->fpn = fp_net(genl_info_net(info));
	req->chain = NULL;
	req->defer = link && fp_nl_defer_requested(info);
	__skb_queue_head_init(&req->notify);
	mutex_lock(&req->fpn->lock);
	__acquire(&req->fpn->lock);
	info->user_ptr[0] = req;
	if (link)
		req->chain = fp_batch_find(req->fpn, info->snd_portid);
	if (req->chain)
		err = fp_batch_admit(req->chain, info->snd_seq);
	if (err == -ECANCELED)
		NL_SET_ERR_MSG_MOD(info->extack,
				   "not applied: an earlier request of this batch failed");
	else if (err)
		NL_SET_ERR_MSG_MOD(info->extack,
				   "not applied: out of sequence in this batch (a request before it is missing or failed)");
	req->admitted = !err;
	return err ? -ECANCELED : 0;
}

/**
 * fp_nl_publish() - the commit point of a change, lock held
 * @info: the request (between fp_nl_lock() and fp_nl_unlock())
 *
 * The data path's tables are brought up to date (publish.c), together with
 * every change deferred before; unless the request carries the DEFER flag,
 * in which case the commit is left to the next one (fp_pub_defer()).  The
 * generation moves on: dumps in progress compare it to flag
 * NLM_F_DUMP_INTR.  Every request that changed the configuration calls
 * it once, before building a notification that shows published state.
 */
void fp_nl_publish(struct genl_info *info)
{
	struct fp_nl_req *req = info->user_ptr[0];
	struct fp_net *fpn = req->fpn;

	lockdep_assert_held(&fpn->lock);
	if (req->defer)
		fp_pub_defer(&fpn->pub);
	else
		fp_pub_commit(&fpn->pub);
	fpn->generation++;
	/* 0 means "no sequence check" to genl_dump_check_consistent */
	if (!fpn->generation)
		fpn->generation++;
}

/**
 * fp_nl_unlock() - end a request started by fp_nl_lock()
 * @info: the request
 * @req: its state
 * @err: what the request returns
 *
 * An admitted link is accounted in its chain; the lock is dropped, then
 * the notifications the handler queued (fp_nl_notify()) are sent.
 */
void fp_nl_unlock(struct genl_info *info, struct fp_nl_req *req, int err)
	__releases(&req->fpn->lock)
{
	struct sk_buff *msg;

	if (req->admitted && req->chain)
		fp_batch_done(req->chain, info->snd_seq, err);
	info->user_ptr[0] = NULL;
	__release(&req->fpn->lock);
	mutex_unlock(&req->fpn->lock);
	while ((msg = __skb_dequeue(&req->notify)))
		genlmsg_multicast_netns(&fp_genl_family, genl_info_net(info),
					msg, 0, 0, GFP_KERNEL);
}

/**
 * fp_nl_doit() - run a request's handler with its namespace locked
 * @skb: the request
 * @info: its attributes
 * @doit: the handler; it finds the namespace with fp_nl_net()
 * @link: a configuration request (see fp_nl_lock())
 *
 * Every doit operation of the family but INFO_GET runs through here
 * (netlink.c), the way ovpn's pre_doit and post_doit bracket its
 * handlers: one lock per request, batch admission and completion, the
 * commit and the change notifications in one place.
 *
 * Return: what @doit returned, or -ECANCELED if the request's chain
 * refused it.
 */
int fp_nl_doit(struct sk_buff *skb, struct genl_info *info,
	       int (*doit)(struct sk_buff *skb, struct genl_info *info),
	       bool link)
{
	struct fp_nl_req req;
	int err;

	err = fp_nl_lock(info, &req, link);
	if (!err)
		err = doit(skb, info);
	fp_nl_unlock(info, &req, err);
	return err;
}

/**
 * fp_nl_commit() - COMMIT: publish every deferred change now
 * @skb: the request
 * @info: the request (no attributes)
 *
 * Return: 0.
 */
int fp_nl_commit(struct sk_buff *skb, struct genl_info *info)
{
	/* Also retries what failed for lack of memory; cheap if nothing did. */
	fp_pub_commit(&fp_nl_net(info)->pub);
	return 0;
}

/**
 * fp_nl_get_prefix() - parse a nested "prefix" attribute
 * @nla: the attribute, already validated against fastpath_prefix_nl_policy
 *	by the operation's policy (nl_gen.c), which is not parsed again here
 * @p: the prefix
 * @extack: error reporting
 *
 * Return: 0, or -EINVAL with a message and @nla as the bad attribute.
 */
int fp_nl_get_prefix(const struct nlattr *nla, struct fp_prefix *p,
		     struct netlink_ext_ack *extack)
{
	struct nlattr *tb[FASTPATH_A_PREFIX_MAX + 1];
	int err;

	err = nla_parse_nested(tb, FASTPATH_A_PREFIX_MAX, nla, NULL, extack);
	if (err)
		return err;
	if (!tb[FASTPATH_A_PREFIX_ADDR] || !tb[FASTPATH_A_PREFIX_LEN]) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "prefix needs both addr and len");
		return -EINVAL;
	}
	memset(p, 0, sizeof(*p));
	switch (nla_len(tb[FASTPATH_A_PREFIX_ADDR])) {
	case 4:
		p->family = AF_INET;
		break;
	case 16:
		p->family = AF_INET6;
		break;
	default:
		NL_SET_ERR_MSG_ATTR(extack, tb[FASTPATH_A_PREFIX_ADDR],
				    "prefix address must be 4 or 16 bytes");
		return -EINVAL;
	}
	nla_memcpy(p->addr, tb[FASTPATH_A_PREFIX_ADDR], sizeof(p->addr));
	p->len = nla_get_u8(tb[FASTPATH_A_PREFIX_LEN]);
	if (p->len > (p->family == AF_INET ? 32 : 128)) {
		NL_SET_ERR_MSG_ATTR(extack, tb[FASTPATH_A_PREFIX_LEN],
				    "prefix length too long for the address family");
		return -EINVAL;
	}
	if (!fp_prefix_valid(p)) {
		NL_SET_ERR_MSG_ATTR(extack, nla, "prefix has host bits set");
		return -EINVAL;
	}
	if (fp_prefix_v4mapped(p)) {
		NL_SET_ERR_MSG_ATTR(extack, nla,
				    "IPv4-mapped IPv6 prefix: use the IPv4 form");
		return -EINVAL;
	}
	return 0;
}

/**
 * fp_nl_put_prefix() - add a nested "prefix" attribute
 * @skb: the message
 * @type: attribute type of the nest
 * @p: the prefix
 *
 * Return: 0 or -EMSGSIZE.
 */
int fp_nl_put_prefix(struct sk_buff *skb, int type, const struct fp_prefix *p)
{
	struct nlattr *nest;

	nest = nla_nest_start(skb, type);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put(skb, FASTPATH_A_PREFIX_ADDR,
		    p->family == AF_INET ? 4 : 16, p->addr) ||
	    nla_put_u8(skb, FASTPATH_A_PREFIX_LEN, p->len)) {
		nla_nest_cancel(skb, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(skb, nest);
	return 0;
}

/**
 * fp_nl_check_ifindex() - read an ifindex attribute and check the device
 * @info: the request
 * @attr: the attribute type
 * @ifindex: the ifindex (0 means no device and is always accepted)
 *
 * Return: 0, or -ENODEV if no such device exists in the request's namespace.
 */
int fp_nl_check_ifindex(struct genl_info *info, int attr, int *ifindex)
{
	struct net *net = genl_info_net(info);
	bool found;

	*ifindex = nla_get_u32(info->attrs[attr]);
	if (!*ifindex)
		return 0;
	rcu_read_lock();
	found = dev_get_by_index_rcu(net, *ifindex);
	rcu_read_unlock();
	if (!found) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "no such device in this network namespace");
		NL_SET_BAD_ATTR(info->extack, info->attrs[attr]);
		return -ENODEV;
	}
	return 0;
}

/**
 * fp_nl_obj_msg() - build a message describing one object
 * @m: the model (locked)
 * @fill: adds the object's attributes
 * @obj: the object
 * @size: expected payload size
 * @cmd: command of the message
 * @portid: destination port, 0 for notifications
 * @seq: sequence number
 *
 * Return: the message or an ERR_PTR().
 */
struct sk_buff *fp_nl_obj_msg(const struct fp_model *m, fp_nl_fill_t fill,
			      const void *obj, size_t size, u8 cmd,
			      u32 portid, u32 seq)
{
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);
	hdr = genlmsg_put(msg, portid, seq, &fp_genl_family, 0, cmd);
	if (!hdr) {
		err = -EMSGSIZE;
		goto err_free;
	}
	err = fill(msg, m, obj);
	if (err)
		goto err_free;
	genlmsg_end(msg, hdr);
	return msg;

err_free:
	nlmsg_free(msg);
	return ERR_PTR(err);
}

/**
 * fp_nl_reply() - answer a request with one object
 * @info: the request
 * @m: the model (locked)
 * @fill: adds the object's attributes
 * @obj: the object
 * @size: expected payload size
 *
 * Return: 0 or a negative errno.
 */
int fp_nl_reply(struct genl_info *info, const struct fp_model *m,
		fp_nl_fill_t fill, const void *obj, size_t size)
{
	struct sk_buff *msg;

	msg = fp_nl_obj_msg(m, fill, obj, size, info->genlhdr->cmd,
			    info->snd_portid, info->snd_seq);
	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

/**
 * fp_nl_notify() - send a change notification to the "config" group
 * @info: the request that made the change (between fp_nl_lock() and
 *	fp_nl_unlock())
 * @msg: from fp_nl_obj_msg(), or an ERR_PTR() or NULL (nothing is sent)
 *
 * The message is sent by fp_nl_unlock(), once the lock is dropped.
 */
void fp_nl_notify(struct genl_info *info, struct sk_buff *msg)
{
	struct fp_nl_req *req = info->user_ptr[0];

	if (!IS_ERR_OR_NULL(msg))
		__skb_queue_tail(&req->notify, msg);
}

/**
 * fp_nl_dump_put() - start one message of a dump
 * @skb: the dump buffer
 * @cb: the dump; cb->seq holds the generation the dump started from
 * @fpn: the namespace's state (locked)
 * @cmd: command of the message
 *
 * Flags the message NLM_F_DUMP_INTR if the configuration changed since an
 * earlier part of the same dump.
 *
 * Return: the genetlink header, or NULL if @skb is full.
 */
void *fp_nl_dump_put(struct sk_buff *skb, struct netlink_callback *cb,
		     struct fp_net *fpn, u8 cmd)
{
	void *hdr;

	cb->seq = fpn->generation;
	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &fp_genl_family, NLM_F_MULTI, cmd);
	if (hdr)
		genl_dump_check_consistent(cb, hdr);
	return hdr;
}
