// SPDX-License-Identifier: GPL-2.0
/*
 * NEW, DEL, SET and GET (do and dump) of every configuration object of the
 * "fastpath" family.  The rules live in the model (model.c): these
 * handlers only translate attributes into model calls, under the
 * namespace's lock, and the model's extack messages go back unchanged.
 * Every successful change bumps the generation and is announced on the
 * "config" group with the object as a GET reply would show it.
 *
 * Every operation is table driven: one struct fp_nl_obj per object type
 * says how its key is spelled, how to find it, how to walk its list, how
 * to fill its attributes and, for NEW and SET (fp_nl_obj_write()), how to
 * translate its own attributes into a model call (the type's write
 * operation).  Authorizations (whose NEW replies with the key) and
 * peerings (which are not objects of their own) have handlers apart.
 */
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <net/genetlink.h>
#include <net/sock.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "fastpath.h"
#include "model.h"
#include "netlink.h"

#define FP_NL_OBJ_SIZE	NLMSG_DEFAULT_SIZE

static const char *fp_nl_str(struct genl_info *info, int attr)
{
	return info->attrs[attr] ? nla_data(info->attrs[attr]) : NULL;
}

/* Finish a change: if @err is 0, commit it and notify @msg. */
static int fp_nl_done(struct genl_info *info, int err, struct sk_buff *msg)
{
	if (err) {
		if (!IS_ERR_OR_NULL(msg))
			nlmsg_free(msg);
		return err;
	}
	fp_nl_publish(info);
	fp_nl_notify(info, msg);
	return 0;
}

/* ---- the generic part: keys, GET, dumps, DEL, notifications -------------- */

static size_t fp_nl_obj_size(const struct fp_nl_obj *d, const void *obj)
{
	return d->size ? d->size(obj) : FP_NL_OBJ_SIZE;
}

/*
 * Does anyone listen to the "config" group of the request's namespace?  A
 * bulk load usually has no listener: then no notification is even built.
 */
static bool fp_nl_listened(struct genl_info *info)
{
	return genl_has_listeners(&fp_genl_family, genl_info_net(info), 0);
}

/* The notification (@cmd) describing @obj; NULL if there is no @obj. */
static struct sk_buff *fp_nl_obj_event(const struct fp_model *m,
				       const struct fp_nl_obj *d,
				       const void *obj, u8 cmd)
{
	if (!obj)
		return NULL;
	return fp_nl_obj_msg(m, d->fill, obj, fp_nl_obj_size(d, obj), cmd,
			     0, 0);
}

/*
 * Finish a NEW or SET of the object @k: announce it as it is now, after
 * the commit, so that a circuit's route counts are the published ones.
 */
static int fp_nl_obj_changed(struct genl_info *info, struct fp_net *fpn,
			     const struct fp_nl_obj *d,
			     const struct fp_nl_key *k, int err)
{
	if (err)
		return err;
	fp_nl_publish(info);
	if (fp_nl_listened(info))
		fp_nl_notify(info, fp_nl_obj_event(&fpn->model, d,
						   d->find(&fpn->model, k),
						   info->genlhdr->cmd));
	return 0;
}

/* Refuse a request without @attr: "missing <object> <what>". */
static bool fp_nl_obj_missing(struct genl_info *info, struct fp_model *m,
			      const struct fp_nl_obj *d, int attr,
			      const char *what)
{
	if (!GENL_REQ_ATTR_CHECK(info, attr))
		return false;
	FP_SET_ERR_MSG_FMT(m, info->extack, "missing %s %s", d->name, what);
	return true;
}

/* Parse the key of a request for a @d object (the model is locked). */
static int fp_nl_obj_key(struct genl_info *info, struct fp_model *m,
			 const struct fp_nl_obj *d, struct fp_nl_key *k)
{
	memset(k, 0, sizeof(*k));
	if (d->parent_attr) {
		if (fp_nl_obj_missing(info, m, d, d->parent_attr, d->parent))
			return -EINVAL;
		k->parent = fp_nl_str(info, d->parent_attr);
	}
	if (d->name_attr) {
		if (fp_nl_obj_missing(info, m, d, d->name_attr, "name"))
			return -EINVAL;
		k->name = fp_nl_str(info, d->name_attr);
	}
	if (d->prefix_attr) {
		if (fp_nl_obj_missing(info, m, d, d->prefix_attr, "prefix"))
			return -EINVAL;
		return fp_nl_get_prefix(info->attrs[d->prefix_attr],
					&k->prefix, info->extack);
	}
	return 0;
}

/* Refuse a request for an object that does not exist. */
static int fp_nl_obj_enoent(struct genl_info *info, struct fp_model *m,
			    const struct fp_nl_obj *d,
			    const struct fp_nl_key *k)
{
	struct netlink_ext_ack *extack = info->extack;

	if (d->prefix_attr) {
		FP_SET_ERR_MSG_FMT(m, extack, "%s %s has no such %s",
				   d->parent, k->parent, d->name);
		NL_SET_BAD_ATTR(extack, info->attrs[d->prefix_attr]);
	} else if (d->parent_attr) {
		FP_SET_ERR_MSG_FMT(m, extack, "%s %s of %s %s does not exist",
				   d->name, k->name, d->parent, k->parent);
		NL_SET_BAD_ATTR(extack, info->attrs[d->name_attr]);
	} else {
		FP_SET_ERR_MSG_FMT(m, extack, "%s %s does not exist", d->name,
				   k->name);
		NL_SET_BAD_ATTR(extack, info->attrs[d->name_attr]);
	}
	return -ENOENT;
}

/**
 * fp_nl_obj_get() - GET (do) of any configuration object
 * @skb: the request
 * @info: the request's attributes; its command selects the object type
 *
 * Return: 0 after replying, or a negative errno with an extack message.
 */
int fp_nl_obj_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_nl_obj *d = fp_nl_obj_of(info->genlhdr->cmd);
	struct fp_nl_key k;
	struct fp_net *fpn;
	const void *obj;
	int err;

	fpn = fp_nl_net(info);
	err = fp_nl_obj_key(info, &fpn->model, d, &k);
	if (!err) {
		obj = d->find(&fpn->model, &k);
		if (obj)
			err = fp_nl_reply(info, &fpn->model, d->fill, obj,
					  fp_nl_obj_size(d, obj));
		else
			err = fp_nl_obj_enoent(info, &fpn->model, d, &k);
	}
	return err;
}

/**
 * fp_nl_obj_del() - DEL of a configuration object whose descriptor has @del
 * @skb: the request
 * @info: the request's attributes; its command selects the object type
 *
 * Announces the object as it was before the deletion.
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_obj_del(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_nl_obj *d = fp_nl_obj_of(info->genlhdr->cmd);
	struct sk_buff *msg = NULL;
	struct fp_nl_key k;
	struct fp_net *fpn;
	int err;

	fpn = fp_nl_net(info);
	err = fp_nl_obj_key(info, &fpn->model, d, &k);
	if (err)
		return fp_nl_done(info, err, NULL);
	if (fp_nl_listened(info))
		msg = fp_nl_obj_event(&fpn->model, d, d->find(&fpn->model, &k),
				      info->genlhdr->cmd);
	err = d->del(&fpn->model, &k, info->extack);
	return fp_nl_done(info, err, msg);
}

/**
 * fp_nl_obj_write() - NEW or SET of any configuration object
 * @skb: the request
 * @info: the request's attributes; its command selects the object type
 *
 * The type's write operation parses the request and asks the model; the
 * change is then published and announced.
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_obj_write(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_nl_obj *d = fp_nl_obj_of(info->genlhdr->cmd);
	struct fp_net *fpn = fp_nl_net(info);
	struct fp_nl_key k = {};
	int err;

	err = d->write(info, &fpn->model, info->genlhdr->cmd == d->cmd_new,
		       &k);
	return fp_nl_obj_changed(info, fpn, d, &k, err);
}

static int fp_nl_dump_one(struct sk_buff *skb, struct netlink_callback *cb,
			  struct fp_net *fpn, u8 cmd, fp_nl_fill_t fill,
			  const void *obj)
{
	void *hdr;
	int err;

	hdr = fp_nl_dump_put(skb, cb, fpn, cmd);
	if (!hdr)
		return -EMSGSIZE;
	err = fill(skb, &fpn->model, obj);
	if (err) {
		genlmsg_cancel(skb, hdr);
		return err;
	}
	genlmsg_end(skb, hdr);
	return 0;
}

/**
 * fp_nl_dump_list() - dump a list of objects, resuming at an id
 * @skb: the dump buffer
 * @cb: the dump
 * @fpn: the namespace's state (locked)
 * @d: how to walk @head (@d->node, @d->id) and what to send
 *	(@d->cmd_get, @d->fill)
 * @head: the list, in id order
 * @cursor: the next id to send; advanced past every object sent
 *
 * Return: 0 when the whole list is sent, else the error that stopped it
 * (-EMSGSIZE: @skb is full).
 */
int fp_nl_dump_list(struct sk_buff *skb, struct netlink_callback *cb,
		    struct fp_net *fpn, const struct fp_nl_obj *d,
		    const struct list_head *head, long *cursor)
{
	const struct list_head *pos;
	const char *obj;
	u32 id;
	int err;

	list_for_each(pos, head) {
		obj = (const char *)pos - d->node;
		id = *(const u32 *)(obj + d->id);
		if (id < *cursor)
			continue;
		err = fp_nl_dump_one(skb, cb, fpn, d->cmd_get, d->fill, obj);
		if (err)
			return err;
		*cursor = (long)id + 1;
	}
	return 0;
}

/**
 * fp_nl_dump_ret() - the return value of a dump callback
 * @skb: the dump buffer
 * @err: the error that stopped the dump, 0 if it is complete
 *
 * Return: an error if not even one object fits an empty buffer (the dump
 * ends with it), else the bytes in @skb: the core calls again while they
 * are not 0.
 */
int fp_nl_dump_ret(struct sk_buff *skb, int err)
{
	if (err && !skb->len)
		return err;
	return skb->len;
}

/**
 * fp_nl_dump_lock() - lock the configuration of a dump's namespace
 * @skb: the dump buffer
 *
 * Return: the namespace's state, locked; unlock with fp_nl_dump_unlock().
 */
struct fp_net *fp_nl_dump_lock(struct sk_buff *skb)
	__acquires(&fp_net(sock_net(skb->sk))->lock)
{
	struct fp_net *fpn = fp_net(sock_net(skb->sk));

	mutex_lock(&fpn->lock);
	__acquire(&fpn->lock);
	return fpn;
}

/**
 * fp_nl_dump_unlock() - unlock what fp_nl_dump_lock() locked
 * @fpn: the namespace's state
 */
void fp_nl_dump_unlock(struct fp_net *fpn)
	__releases(&fpn->lock)
{
	__release(&fpn->lock);
	mutex_unlock(&fpn->lock);
}

/**
 * fp_nl_obj_dump_start() - size a dump's messages for its largest object
 * @cb: the dump; the request's command selects the object type
 *
 * One object is one message, and a vnet at its legal maximum (1,000 IPv6
 * address spaces, hundreds of peers) needs ~50 KB, more than the core's
 * default dump buffer: the dump asks for a buffer that holds the largest
 * object of the list, as rtnetlink does for links with many VFs.  The
 * reader must receive messages of that size (fpctl peeks at each one's
 * length).  An object that grows past it while the dump runs ends the
 * dump with EMSGSIZE; the dump is inconsistent then anyway.
 *
 * Return: 0.
 */
int fp_nl_obj_dump_start(struct netlink_callback *cb)
{
	const struct genlmsghdr *ghdr = nlmsg_data(cb->nlh);
	const struct fp_nl_obj *d = fp_nl_obj_of(ghdr->cmd);
	struct fp_net *fpn = fp_nl_dump_lock(cb->skb);
	const struct list_head *head, *pos;
	size_t max = 0;

	if (d->size && !d->per_vnet) {
		head = (const void *)((const char *)&fpn->model + d->list);
		list_for_each(pos, head)
			max = max(max, d->size((const char *)pos - d->node));
	}
	fp_nl_dump_unlock(fpn);
	max = nlmsg_total_size(GENL_HDRLEN + max);
	if (max > cb->min_dump_alloc)
		cb->min_dump_alloc = min_t(size_t, max, U16_MAX * 4);
	return 0;
}

/**
 * fp_nl_obj_dump() - GET (dump) of any configuration object
 * @skb: the dump buffer
 * @cb: the dump; the request's command selects the object type.
 *	cb->args[0] is the next id to send or, for objects kept per vnet,
 *	the vnet being walked, with the next id in it in cb->args[1].
 *
 * Return: see fp_nl_dump_ret().
 */
int fp_nl_obj_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	const struct genlmsghdr *ghdr = nlmsg_data(cb->nlh);
	const struct fp_nl_obj *d = fp_nl_obj_of(ghdr->cmd);
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	const struct fp_model *m = &fpn->model;
	const struct fp_vnet *v;
	int err = 0;

	if (!d->per_vnet) {
		err = fp_nl_dump_list(skb, cb, fpn, d,
				      (const void *)((const char *)m + d->list),
				      &cb->args[0]);
		goto out;
	}
	list_for_each_entry(v, &m->vnets, node) {
		if (v->id < cb->args[0])
			continue;
		if (v->id != cb->args[0]) {
			cb->args[0] = v->id;
			cb->args[1] = 0;
		}
		err = fp_nl_dump_list(skb, cb, fpn, d,
				      (const void *)((const char *)v + d->list),
				      &cb->args[1]);
		if (err)
			break;
	}
out:
	fp_nl_dump_unlock(fpn);
	return fp_nl_dump_ret(skb, err);
}

/*
 * The parts of a descriptor every type spells the same way: its commands,
 * where its objects are listed, and its operations by name.
 */
#define FP_NL_OBJ_CMDS(OBJ)						\
	.cmd_get = FASTPATH_CMD_##OBJ##_GET,				\
	.cmd_del = FASTPATH_CMD_##OBJ##_DEL,				\
	.cmd_new = FASTPATH_CMD_##OBJ##_NEW,				\
	.cmd_set = FASTPATH_CMD_##OBJ##_SET
#define FP_NL_OBJ_LIST(where, head, type)				\
	.list = offsetof(struct where, head),				\
	.node = offsetof(struct type, node),				\
	.id = offsetof(struct type, id)
#define FP_NL_OBJ_OPS(obj)						\
	.fill = fp_nl_##obj##_fill,					\
	.find = fp_nl_##obj##_find,					\
	.del = fp_nl_##obj##_delete

/* ---- circuit ------------------------------------------------------------ */

static int fp_nl_circuit_fill(struct sk_buff *skb, const struct fp_model *m,
			      const void *obj)
{
	const struct fp_circuit *c = obj;
	struct fp_pub_stats st;

	/* What the last commit published: 0 and 0 before the first one. */
	fp_pub_circuit_stats(c, &st);
	if (nla_put_u32(skb, FASTPATH_A_CIRCUIT_ID, c->id) ||
	    nla_put_string(skb, FASTPATH_A_CIRCUIT_NAME, c->name) ||
	    nla_put(skb, FASTPATH_A_CIRCUIT_SUBSCRIPTION, UUID_SIZE,
		    &c->subscription) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_IFINDEX, c->ifindex) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_TIER, c->tier) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_PORT, c->port) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_BANDWIDTH, c->bandwidth) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_ROUTE_LIMIT, c->route_limit) ||
	    nla_put_u8(skb, FASTPATH_A_CIRCUIT_ACTIVE, c->active) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_LINKS, c->n_links) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_MAX_LINKS,
			fp_circuit_max_links(c)) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_AUTHS, c->n_auths) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE,
			fp_circuit_route_limit(c)) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_ROUTES_INSTALLED,
			st.installed) ||
	    nla_put_u32(skb, FASTPATH_A_CIRCUIT_ROUTES_PENDING, st.pending))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_circuit_find(const struct fp_model *m,
				      const struct fp_nl_key *k)
{
	return fp_circuit_find(m, k->name);
}

static int fp_nl_circuit_delete(struct fp_model *m, const struct fp_nl_key *k,
				struct netlink_ext_ack *extack)
{
	return fp_circuit_del(m, k->name, extack);
}

static int fp_nl_circuit_cfg(struct genl_info *info,
			     struct fp_circuit_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	int err;

	cfg->name = fp_nl_str(info, FASTPATH_A_CIRCUIT_NAME);
	if (a[FASTPATH_A_CIRCUIT_IFINDEX]) {
		err = fp_nl_check_ifindex(info, FASTPATH_A_CIRCUIT_IFINDEX,
					  &cfg->ifindex);
		if (err)
			return err;
		cfg->mask |= FP_CIRCUIT_SET_IFINDEX;
	}
	if (a[FASTPATH_A_CIRCUIT_TIER]) {
		cfg->tier = nla_get_u32(a[FASTPATH_A_CIRCUIT_TIER]);
		cfg->mask |= FP_CIRCUIT_SET_TIER;
	}
	if (a[FASTPATH_A_CIRCUIT_PORT]) {
		cfg->port = nla_get_u32(a[FASTPATH_A_CIRCUIT_PORT]);
		cfg->mask |= FP_CIRCUIT_SET_PORT;
	}
	if (a[FASTPATH_A_CIRCUIT_BANDWIDTH]) {
		cfg->bandwidth = nla_get_u32(a[FASTPATH_A_CIRCUIT_BANDWIDTH]);
		cfg->mask |= FP_CIRCUIT_SET_BANDWIDTH;
	}
	if (a[FASTPATH_A_CIRCUIT_ROUTE_LIMIT]) {
		cfg->route_limit =
			nla_get_u32(a[FASTPATH_A_CIRCUIT_ROUTE_LIMIT]);
		cfg->mask |= FP_CIRCUIT_SET_ROUTE_LIMIT;
	}
	return 0;
}

/* NEW (@add) or SET of a circuit; its subscription is fixed at creation. */
static int fp_nl_circuit_write(struct genl_info *info, struct fp_model *m,
			       bool add, struct fp_nl_key *k)
{
	struct nlattr *sub = info->attrs[FASTPATH_A_CIRCUIT_SUBSCRIPTION];
	struct fp_circuit_cfg cfg = {};
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_NAME, "circuit name") ||
	    (add && (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_SUBSCRIPTION,
				   "circuit subscription") ||
		     FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_BANDWIDTH,
				   "circuit bandwidth"))))
		return -EINVAL;
	if (!add && FP_NL_FIXED(info, sub,
				"the subscription of a circuit is fixed at creation"))
		return -EOPNOTSUPP;
	err = fp_nl_circuit_cfg(info, &cfg);
	if (err)
		return err;
	k->name = cfg.name;
	if (!add)
		return fp_circuit_set(m, &cfg, info->extack);
	nla_memcpy(&cfg.subscription, sub, UUID_SIZE);
	return fp_circuit_add(m, &cfg, info->extack);
}

static const struct fp_nl_obj fp_nl_circuit_obj = {
	.name = "circuit",
	FP_NL_OBJ_CMDS(CIRCUIT),
	.name_attr = FASTPATH_A_CIRCUIT_NAME,
	.write = fp_nl_circuit_write,
	FP_NL_OBJ_LIST(fp_model, circuits, fp_circuit),
	FP_NL_OBJ_OPS(circuit),
};

/* ---- authorization ------------------------------------------------------ */

static int fp_nl_auth_fill(struct sk_buff *skb, const struct fp_model *m,
			   const void *obj)
{
	const struct fp_auth *a = obj;

	if (nla_put_u32(skb, FASTPATH_A_AUTH_ID, a->id) ||
	    nla_put_string(skb, FASTPATH_A_AUTH_NAME, a->name) ||
	    nla_put_string(skb, FASTPATH_A_AUTH_CIRCUIT, a->circuit->name))
		return -EMSGSIZE;
	if (a->redeemed_by &&
	    nla_put_string(skb, FASTPATH_A_AUTH_REDEEMED_BY,
			   a->redeemed_by->name))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_auth_find(const struct fp_model *m,
				   const struct fp_nl_key *k)
{
	return fp_auth_find(m, k->parent, k->name);
}

/* AUTH_DEL has its own handler: revoking deletes a connection too. */
static const struct fp_nl_obj fp_nl_auth_obj = {
	.name = "auth",
	.cmd_get = FASTPATH_CMD_AUTH_GET,
	.cmd_del = FASTPATH_CMD_AUTH_DEL,
	.name_attr = FASTPATH_A_AUTH_NAME,
	.parent_attr = FASTPATH_A_AUTH_CIRCUIT,
	.parent = "circuit",
	.fill = fp_nl_auth_fill,
	.find = fp_nl_auth_find,
	FP_NL_OBJ_LIST(fp_model, auths, fp_auth),
};

/* The reply to AUTH_NEW: the one message that carries the key. */
struct fp_nl_auth_key {
	const struct fp_auth *auth;
	const u8 *key;
};

static int fp_nl_auth_key_fill(struct sk_buff *skb, const struct fp_model *m,
			       const void *obj)
{
	const struct fp_nl_auth_key *ak = obj;

	if (fp_nl_auth_fill(skb, m, ak->auth) ||
	    nla_put(skb, FASTPATH_A_AUTH_KEY, FP_KEY_LEN, ak->key))
		return -EMSGSIZE;
	return 0;
}

static const struct fp_nl_obj fp_nl_conn_obj;

/**
 * fp_nl_auth_new() - AUTH_NEW: create an authorization; the reply has its key
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_auth_new(struct sk_buff *skb, struct genl_info *info)
{
	struct fp_nl_auth_key ak = {};
	struct sk_buff *reply = NULL, *msg = NULL;
	const char *circuit, *name;
	u8 key[FP_KEY_LEN];
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_AUTH_CIRCUIT, "auth circuit") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_AUTH_NAME, "auth name"))
		return -EINVAL;
	circuit = fp_nl_str(info, FASTPATH_A_AUTH_CIRCUIT);
	name = fp_nl_str(info, FASTPATH_A_AUTH_NAME);

	fpn = fp_nl_net(info);
	err = fp_auth_add(&fpn->model, circuit, name, key, info->extack);
	if (!err) {
		ak.auth = fp_auth_find(&fpn->model, circuit, name);
		ak.key = key;
		reply = fp_nl_obj_msg(&fpn->model, fp_nl_auth_key_fill, &ak,
				      FP_NL_OBJ_SIZE, info->genlhdr->cmd,
				      info->snd_portid, info->snd_seq);
		msg = fp_nl_obj_event(&fpn->model, &fp_nl_auth_obj, ak.auth,
				      info->genlhdr->cmd);
		if (IS_ERR(reply)) {
			/* without its key the authorization is useless */
			fp_auth_del(&fpn->model, circuit, name, NULL);
			err = PTR_ERR(reply);
		}
	}
	memzero_explicit(key, sizeof(key));
	err = fp_nl_done(info, err, msg);
	if (err)
		return err;
	return genlmsg_reply(reply, info);
}

/**
 * fp_nl_auth_del() - AUTH_DEL: revoke an authorization and its connection
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_auth_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg, *conn_msg = NULL;
	const struct fp_auth *a;
	struct fp_nl_key k;
	struct fp_net *fpn;
	int err;

	fpn = fp_nl_net(info);
	err = fp_nl_obj_key(info, &fpn->model, &fp_nl_auth_obj, &k);
	if (err)
		return fp_nl_done(info, err, NULL);
	a = fp_auth_find(&fpn->model, k.parent, k.name);
	msg = fp_nl_obj_event(&fpn->model, &fp_nl_auth_obj, a,
			      info->genlhdr->cmd);
	/* revoking deletes the connection made with it: announce that too */
	if (a)
		conn_msg = fp_nl_obj_event(&fpn->model, &fp_nl_conn_obj,
					   a->redeemed_by,
					   FASTPATH_CMD_CONN_DEL);
	err = fp_auth_del(&fpn->model, k.parent, k.name, info->extack);
	if (err && !IS_ERR_OR_NULL(conn_msg))
		nlmsg_free(conn_msg);
	err = fp_nl_done(info, err, msg);
	if (!err)
		fp_nl_notify(info, conn_msg);
	return err;
}

/* ---- vnet and peering --------------------------------------------------- */

static size_t fp_nl_vnet_size(const void *obj)
{
	const struct fp_vnet *v = obj;

	return FP_NL_OBJ_SIZE + v->n_spaces * 48 + v->n_peers * 24;
}

static int fp_nl_vnet_fill(struct sk_buff *skb, const struct fp_model *m,
			   const void *obj)
{
	const struct fp_vnet *v = obj;
	const struct fp_peering *p;
	struct nlattr *nest;
	unsigned int i;

	if (nla_put_u32(skb, FASTPATH_A_VNET_ID, v->id) ||
	    nla_put_string(skb, FASTPATH_A_VNET_NAME, v->name) ||
	    nla_put(skb, FASTPATH_A_VNET_SUBSCRIPTION, UUID_SIZE,
		    &v->subscription) ||
	    nla_put_string(skb, FASTPATH_A_VNET_REGION, v->region) ||
	    nla_put_u32(skb, FASTPATH_A_VNET_SKU, v->sku) ||
	    nla_put_u32(skb, FASTPATH_A_VNET_UNITS, v->units))
		return -EMSGSIZE;
	nest = nla_nest_start(skb, FASTPATH_A_VNET_SPACES);
	if (!nest)
		return -EMSGSIZE;
	for (i = 0; i < v->n_spaces; i++)
		if (fp_nl_put_prefix(skb, FASTPATH_A_SPACES_PREFIX,
				     &v->spaces[i]))
			return -EMSGSIZE;
	nla_nest_end(skb, nest);
	list_for_each_entry(p, &m->peerings, node) {
		const struct fp_vnet *peer;

		if (p->a != v && p->b != v)
			continue;
		peer = p->a == v ? p->b : p->a;
		if (nla_put_string(skb, FASTPATH_A_VNET_PEER, peer->name))
			return -EMSGSIZE;
	}
	if (nla_put_u32(skb, FASTPATH_A_VNET_CONNS, v->n_conns) ||
	    nla_put_u32(skb, FASTPATH_A_VNET_MAX_CONNS,
			fp_sku_max_conns(v->sku, v->units)))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_vnet_find(const struct fp_model *m,
				   const struct fp_nl_key *k)
{
	return fp_vnet_find(m, k->name);
}

static int fp_nl_vnet_delete(struct fp_model *m, const struct fp_nl_key *k,
			     struct netlink_ext_ack *extack)
{
	return fp_vnet_del(m, k->name, extack);
}

/* Parse FASTPATH_A_VNET_SPACES into a kmalloc()ed array in cfg->spaces. */
static int fp_nl_vnet_spaces(struct genl_info *info, struct fp_vnet_cfg *cfg)
{
	const struct nlattr *spaces = info->attrs[FASTPATH_A_VNET_SPACES];
	struct fp_prefix *p;
	const struct nlattr *a;
	unsigned int n = 0;
	int rem, err;

	nla_for_each_nested(a, spaces, rem)
		n++;
	if (n > FP_MAX_SPACES) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "a vnet has at most 1000 address spaces");
		NL_SET_BAD_ATTR(info->extack, spaces);
		return -E2BIG;
	}
	p = kcalloc(max(n, 1U), sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	n = 0;
	nla_for_each_nested(a, spaces, rem) {
		err = fp_nl_get_prefix(a, &p[n++], info->extack);
		if (err) {
			kfree(p);
			return err;
		}
	}
	cfg->spaces = p;
	cfg->n_spaces = n;
	cfg->mask |= FP_VNET_SET_SPACES;
	return 0;
}

/* SKU and units change together; an absent one is kept (vnet SET). */
static void fp_nl_vnet_sku(struct genl_info *info, const struct fp_vnet *v,
			   struct fp_vnet_cfg *cfg)
{
	struct nlattr **a = info->attrs;

	if (!v || (!a[FASTPATH_A_VNET_SKU] && !a[FASTPATH_A_VNET_UNITS]))
		return;
	cfg->sku = a[FASTPATH_A_VNET_SKU] ?
		   nla_get_u32(a[FASTPATH_A_VNET_SKU]) : v->sku;
	if (a[FASTPATH_A_VNET_UNITS])
		cfg->units = nla_get_u32(a[FASTPATH_A_VNET_UNITS]);
	else
		cfg->units = cfg->sku == v->sku ? v->units : 0;
	cfg->mask |= FP_VNET_SET_SKU;
}

/* NEW (@add) or SET of a vnet; its subscription is fixed at creation. */
static int fp_nl_vnet_write(struct genl_info *info, struct fp_model *m,
			    bool add, struct fp_nl_key *k)
{
	struct nlattr **a = info->attrs;
	struct fp_vnet_cfg cfg = {};
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_VNET_NAME, "vnet name") ||
	    (add && (FP_NL_REQUIRE(info, FASTPATH_A_VNET_SUBSCRIPTION,
				   "vnet subscription") ||
		     FP_NL_REQUIRE(info, FASTPATH_A_VNET_REGION,
				   "vnet region"))))
		return -EINVAL;
	if (!add && FP_NL_FIXED(info, a[FASTPATH_A_VNET_SUBSCRIPTION],
				"the subscription of a vnet is fixed at creation"))
		return -EOPNOTSUPP;
	cfg.name = fp_nl_str(info, FASTPATH_A_VNET_NAME);
	k->name = cfg.name;
	if (a[FASTPATH_A_VNET_REGION]) {
		cfg.region = fp_nl_str(info, FASTPATH_A_VNET_REGION);
		cfg.mask |= FP_VNET_SET_REGION;
	}
	if (a[FASTPATH_A_VNET_SPACES]) {
		err = fp_nl_vnet_spaces(info, &cfg);
		if (err)
			return err;
	}
	if (add) {
		nla_memcpy(&cfg.subscription, a[FASTPATH_A_VNET_SUBSCRIPTION],
			   UUID_SIZE);
		if (a[FASTPATH_A_VNET_SKU])
			cfg.sku = nla_get_u32(a[FASTPATH_A_VNET_SKU]);
		if (a[FASTPATH_A_VNET_UNITS])
			cfg.units = nla_get_u32(a[FASTPATH_A_VNET_UNITS]);
		err = fp_vnet_add(m, &cfg, info->extack);
	} else {
		fp_nl_vnet_sku(info, fp_vnet_find(m, cfg.name), &cfg);
		err = fp_vnet_set(m, &cfg, info->extack);
	}
	kfree(cfg.spaces);
	return err;
}

static const struct fp_nl_obj fp_nl_vnet_obj = {
	.name = "vnet",
	FP_NL_OBJ_CMDS(VNET),
	.name_attr = FASTPATH_A_VNET_NAME,
	.size = fp_nl_vnet_size,
	.write = fp_nl_vnet_write,
	FP_NL_OBJ_LIST(fp_model, vnets, fp_vnet),
	FP_NL_OBJ_OPS(vnet),
};

struct fp_nl_peering {
	const char *vnet;
	const char *peer;
};

static int fp_nl_peering_fill(struct sk_buff *skb, const struct fp_model *m,
			      const void *obj)
{
	const struct fp_nl_peering *p = obj;

	if (nla_put_string(skb, FASTPATH_A_PEERING_VNET, p->vnet) ||
	    nla_put_string(skb, FASTPATH_A_PEERING_PEER, p->peer))
		return -EMSGSIZE;
	return 0;
}

static int fp_nl_peering_op(struct genl_info *info, bool add)
{
	struct fp_nl_peering p;
	struct sk_buff *msg;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_PEERING_VNET, "peering vnet") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_PEERING_PEER, "peering peer"))
		return -EINVAL;
	p.vnet = fp_nl_str(info, FASTPATH_A_PEERING_VNET);
	p.peer = fp_nl_str(info, FASTPATH_A_PEERING_PEER);

	fpn = fp_nl_net(info);
	if (add)
		err = fp_peering_add(&fpn->model, p.vnet, p.peer, info->extack);
	else
		err = fp_peering_del(&fpn->model, p.vnet, p.peer, info->extack);
	msg = err ? NULL : fp_nl_obj_msg(&fpn->model, fp_nl_peering_fill, &p,
					 FP_NL_OBJ_SIZE, info->genlhdr->cmd,
					 0, 0);
	return fp_nl_done(info, err, msg);
}

/**
 * fp_nl_peering_new() - PEERING_NEW: peer two vnets
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_peering_new(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_peering_op(info, true);
}

/**
 * fp_nl_peering_del() - PEERING_DEL: remove the peering of two vnets
 * @skb: the request
 * @info: its attributes
 *
 * Return: 0 or a negative errno with an extack message.
 */
int fp_nl_peering_del(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_peering_op(info, false);
}

/* ---- endpoint ----------------------------------------------------------- */

static int fp_nl_endpoint_fill(struct sk_buff *skb, const struct fp_model *m,
			       const void *obj)
{
	const struct fp_endpoint *ep = obj;

	if (nla_put_u32(skb, FASTPATH_A_ENDPOINT_ID, ep->id) ||
	    nla_put_string(skb, FASTPATH_A_ENDPOINT_NAME, ep->name) ||
	    nla_put_string(skb, FASTPATH_A_ENDPOINT_VNET, ep->vnet->name) ||
	    fp_nl_put_prefix(skb, FASTPATH_A_ENDPOINT_PREFIX, &ep->prefix) ||
	    nla_put_u32(skb, FASTPATH_A_ENDPOINT_IFINDEX, ep->ifindex) ||
	    (ep->has_mac &&
	     nla_put(skb, FASTPATH_A_ENDPOINT_MAC, ETH_ALEN, ep->mac)) ||
	    nla_put_u8(skb, FASTPATH_A_ENDPOINT_ACTIVE, ep->active))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_endpoint_find(const struct fp_model *m,
				       const struct fp_nl_key *k)
{
	return fp_endpoint_find(m, k->name);
}

static int fp_nl_endpoint_delete(struct fp_model *m,
				 const struct fp_nl_key *k,
				 struct netlink_ext_ack *extack)
{
	return fp_endpoint_del(m, k->name, extack);
}

static int fp_nl_endpoint_cfg(struct genl_info *info,
			      struct fp_endpoint_cfg *cfg)
{
	struct nlattr **a = info->attrs;
	int err;

	cfg->name = fp_nl_str(info, FASTPATH_A_ENDPOINT_NAME);
	cfg->vnet = fp_nl_str(info, FASTPATH_A_ENDPOINT_VNET);
	if (a[FASTPATH_A_ENDPOINT_PREFIX]) {
		err = fp_nl_get_prefix(a[FASTPATH_A_ENDPOINT_PREFIX],
				       &cfg->prefix, info->extack);
		if (err)
			return err;
		cfg->mask |= FP_EP_SET_PREFIX;
	}
	if (a[FASTPATH_A_ENDPOINT_IFINDEX]) {
		err = fp_nl_check_ifindex(info, FASTPATH_A_ENDPOINT_IFINDEX,
					  &cfg->ifindex);
		if (err)
			return err;
		cfg->mask |= FP_EP_SET_IFINDEX;
	}
	if (a[FASTPATH_A_ENDPOINT_MAC]) {
		nla_memcpy(cfg->mac, a[FASTPATH_A_ENDPOINT_MAC], ETH_ALEN);
		/* all zeros: no static MAC, use the neighbour table */
		cfg->has_mac = !is_zero_ether_addr(cfg->mac);
		cfg->mask |= FP_EP_SET_MAC;
	}
	return 0;
}

/* NEW (@add) or SET of an endpoint; its vnet is fixed at creation. */
static int fp_nl_endpoint_write(struct genl_info *info, struct fp_model *m,
				bool add, struct fp_nl_key *k)
{
	struct fp_endpoint_cfg cfg = {};
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_NAME, "endpoint name") ||
	    (add && (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_VNET,
				   "endpoint vnet") ||
		     FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_PREFIX,
				   "endpoint prefix"))))
		return -EINVAL;
	if (!add && FP_NL_FIXED(info, info->attrs[FASTPATH_A_ENDPOINT_VNET],
				"the vnet of an endpoint is fixed at creation"))
		return -EOPNOTSUPP;
	err = fp_nl_endpoint_cfg(info, &cfg);
	if (err)
		return err;
	k->name = cfg.name;
	return add ? fp_endpoint_add(m, &cfg, info->extack) :
		     fp_endpoint_set(m, &cfg, info->extack);
}

static const struct fp_nl_obj fp_nl_endpoint_obj = {
	.name = "endpoint",
	FP_NL_OBJ_CMDS(ENDPOINT),
	.name_attr = FASTPATH_A_ENDPOINT_NAME,
	.per_vnet = true,
	.write = fp_nl_endpoint_write,
	FP_NL_OBJ_LIST(fp_vnet, endpoints, fp_endpoint),
	FP_NL_OBJ_OPS(endpoint),
};

/* ---- connection --------------------------------------------------------- */

static int fp_nl_conn_fill(struct sk_buff *skb, const struct fp_model *m,
			   const void *obj)
{
	const struct fp_conn *k = obj;

	if (nla_put_u32(skb, FASTPATH_A_CONN_ID, k->id) ||
	    nla_put_string(skb, FASTPATH_A_CONN_NAME, k->name) ||
	    nla_put_string(skb, FASTPATH_A_CONN_CIRCUIT, k->circuit->name) ||
	    nla_put_string(skb, FASTPATH_A_CONN_VNET, k->vnet->name) ||
	    nla_put_u32(skb, FASTPATH_A_CONN_FLAGS, k->flags) ||
	    (k->auth &&
	     nla_put_string(skb, FASTPATH_A_CONN_AUTH, k->auth->name)))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_conn_find(const struct fp_model *m,
				   const struct fp_nl_key *k)
{
	return fp_conn_find(m, k->name);
}

static int fp_nl_conn_delete(struct fp_model *m, const struct fp_nl_key *k,
			     struct netlink_ext_ack *extack)
{
	return fp_conn_del(m, k->name, extack);
}

/* NEW (@add) of a connection, or SET of its flags (all it can change). */
static int fp_nl_conn_write(struct genl_info *info, struct fp_model *m,
			    bool add, struct fp_nl_key *k)
{
	struct nlattr **a = info->attrs;
	struct fp_conn_cfg cfg = {};

	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_NAME, "connection name"))
		return -EINVAL;
	k->name = fp_nl_str(info, FASTPATH_A_CONN_NAME);
	if (!add) {
		if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_FLAGS,
				  "connection flags"))
			return -EINVAL;
		if (FP_NL_FIXED(info, a[FASTPATH_A_CONN_CIRCUIT] ?:
				a[FASTPATH_A_CONN_VNET] ?:
				a[FASTPATH_A_CONN_AUTH_KEY],
				"only the flags of a connection can change"))
			return -EOPNOTSUPP;
		return fp_conn_set(m, k->name,
				   nla_get_u32(a[FASTPATH_A_CONN_FLAGS]),
				   info->extack);
	}
	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_CIRCUIT, "connection circuit") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CONN_VNET, "connection vnet"))
		return -EINVAL;
	cfg.name = k->name;
	cfg.circuit = fp_nl_str(info, FASTPATH_A_CONN_CIRCUIT);
	cfg.vnet = fp_nl_str(info, FASTPATH_A_CONN_VNET);
	if (a[FASTPATH_A_CONN_FLAGS])
		cfg.flags = nla_get_u32(a[FASTPATH_A_CONN_FLAGS]);
	if (a[FASTPATH_A_CONN_AUTH_KEY])
		cfg.key = nla_data(a[FASTPATH_A_CONN_AUTH_KEY]);
	return fp_conn_add(m, &cfg, info->extack);
}

static const struct fp_nl_obj fp_nl_conn_obj = {
	.name = "connection",
	FP_NL_OBJ_CMDS(CONN),
	.name_attr = FASTPATH_A_CONN_NAME,
	.write = fp_nl_conn_write,
	FP_NL_OBJ_LIST(fp_model, conns, fp_conn),
	FP_NL_OBJ_OPS(conn),
};

/* ---- exception and UDR: keyed by vnet and prefix, with one value -------- */

/*
 * The descriptor of an object keyed by vnet and prefix, with the one value
 * @val (attribute @VAL) that NEW and SET require; @obj##s is its list in
 * &struct fp_vnet.
 */
#define FP_NL_VNET_PREFIX_OBJ(obj, OBJ, val, VAL)			\
	.name = #obj,							\
	FP_NL_OBJ_CMDS(OBJ),						\
	.parent_attr = FASTPATH_A_##OBJ##_VNET,				\
	.parent = "vnet",						\
	.prefix_attr = FASTPATH_A_##OBJ##_PREFIX,			\
	.value_attr = FASTPATH_A_##OBJ##_##VAL,				\
	.value = #val,							\
	.per_vnet = true,						\
	.change = fp_nl_##obj##_change,					\
	.write = fp_nl_vnet_prefix_write,				\
	FP_NL_OBJ_LIST(fp_vnet, obj##s, fp_##obj),			\
	FP_NL_OBJ_OPS(obj)

/*
 * NEW (@add) or SET of an exception or a UDR: both are keyed by vnet and
 * prefix and carry one value (the exception's kind, the UDR's next hop),
 * which NEW and SET require.
 */
static int fp_nl_vnet_prefix_write(struct genl_info *info, struct fp_model *m,
				   bool add, struct fp_nl_key *k)
{
	const struct fp_nl_obj *d = fp_nl_obj_of(info->genlhdr->cmd);
	int err;

	err = fp_nl_obj_key(info, m, d, k);
	if (err)
		return err;
	if (fp_nl_obj_missing(info, m, d, d->value_attr, d->value))
		return -EINVAL;
	return d->change(m, k, info->attrs[d->value_attr], add, info->extack);
}

static int fp_nl_exception_fill(struct sk_buff *skb, const struct fp_model *m,
				const void *obj)
{
	const struct fp_exception *e = obj;

	if (nla_put_u32(skb, FASTPATH_A_EXCEPTION_ID, e->id) ||
	    nla_put_string(skb, FASTPATH_A_EXCEPTION_VNET, e->vnet->name) ||
	    fp_nl_put_prefix(skb, FASTPATH_A_EXCEPTION_PREFIX, &e->prefix) ||
	    nla_put_u32(skb, FASTPATH_A_EXCEPTION_KIND, e->kind))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_exception_find(const struct fp_model *m,
					const struct fp_nl_key *k)
{
	return fp_exception_find(m, k->parent, &k->prefix);
}

static int fp_nl_exception_change(struct fp_model *m,
				  const struct fp_nl_key *k,
				  const struct nlattr *kind, bool add,
				  struct netlink_ext_ack *extack)
{
	if (add)
		return fp_exception_add(m, k->parent, &k->prefix,
					nla_get_u32(kind), extack);
	return fp_exception_set(m, k->parent, &k->prefix, nla_get_u32(kind),
				extack);
}

static int fp_nl_exception_delete(struct fp_model *m,
				  const struct fp_nl_key *k,
				  struct netlink_ext_ack *extack)
{
	return fp_exception_del(m, k->parent, &k->prefix, extack);
}

static const struct fp_nl_obj fp_nl_exception_obj = {
	FP_NL_VNET_PREFIX_OBJ(exception, EXCEPTION, kind, KIND),
};

static int fp_nl_udr_fill(struct sk_buff *skb, const struct fp_model *m,
			  const void *obj)
{
	const struct fp_udr *u = obj;

	if (nla_put_u32(skb, FASTPATH_A_UDR_ID, u->id) ||
	    nla_put_string(skb, FASTPATH_A_UDR_VNET, u->vnet->name) ||
	    fp_nl_put_prefix(skb, FASTPATH_A_UDR_PREFIX, &u->prefix) ||
	    nla_put_string(skb, FASTPATH_A_UDR_NEXTHOP, u->nexthop->name))
		return -EMSGSIZE;
	return 0;
}

static const void *fp_nl_udr_find(const struct fp_model *m,
				  const struct fp_nl_key *k)
{
	return fp_udr_find(m, k->parent, &k->prefix);
}

static int fp_nl_udr_change(struct fp_model *m, const struct fp_nl_key *k,
			    const struct nlattr *nexthop, bool add,
			    struct netlink_ext_ack *extack)
{
	if (add)
		return fp_udr_add(m, k->parent, &k->prefix, nla_data(nexthop),
				  extack);
	return fp_udr_set(m, k->parent, &k->prefix, nla_data(nexthop), extack);
}

static int fp_nl_udr_delete(struct fp_model *m, const struct fp_nl_key *k,
			    struct netlink_ext_ack *extack)
{
	return fp_udr_del(m, k->parent, &k->prefix, extack);
}

static const struct fp_nl_obj fp_nl_udr_obj = {
	FP_NL_VNET_PREFIX_OBJ(udr, UDR, nexthop, NEXTHOP),
};

/* ---- the table ---------------------------------------------------------- */

static const struct fp_nl_obj *const fp_nl_objs[] = {
	&fp_nl_circuit_obj,
	&fp_nl_auth_obj,
	&fp_nl_vnet_obj,
	&fp_nl_endpoint_obj,
	&fp_nl_conn_obj,
	&fp_nl_exception_obj,
	&fp_nl_udr_obj,
};

/**
 * fp_nl_obj_of() - the object type a command operates on
 * @cmd: a GET, DEL, NEW or SET command handled through the table
 *
 * Return: the descriptor, or NULL if no table entry handles @cmd.
 */
const struct fp_nl_obj *fp_nl_obj_of(u8 cmd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fp_nl_objs); i++) {
		const struct fp_nl_obj *d = fp_nl_objs[i];

		if (cmd == d->cmd_get || cmd == d->cmd_del ||
		    cmd == d->cmd_new || cmd == d->cmd_set)
			return d;
	}
	return NULL;
}

FP_EXPORT_FOR_KUNIT(fp_nl_obj_of);

/* ---- notifications of device events ------------------------------------ */

static void fp_nl_queue_event(struct sk_buff_head *q, const struct fp_model *m,
			      const struct fp_nl_obj *d, const void *obj,
			      u8 cmd)
{
	struct sk_buff *msg = fp_nl_obj_event(m, d, obj, cmd);

	if (IS_ERR_OR_NULL(msg))
		net_warn_ratelimited("fastpath: %s notification lost: %ld\n",
				     d->name, PTR_ERR(msg));
	else
		__skb_queue_tail(q, msg);
}

/**
 * fp_nl_queue_ifindex() - describe the objects on a device after an event
 * @fpn: the namespace's state (locked)
 * @ifindex: the device whose state changed
 * @q: receives one message per circuit and endpoint on @ifindex
 *
 * The messages are CIRCUIT_SET and ENDPOINT_SET notifications showing the
 * objects as GET does now (ACTIVE is what changed): the device code calls
 * this after a state change has been committed and sends the queue with
 * fp_nl_notify_queue() once the lock is dropped, so that "fpctl monitor"
 * sees a device event the way it sees a configuration change.
 */
void fp_nl_queue_ifindex(struct fp_net *fpn, int ifindex,
			 struct sk_buff_head *q)
{
	const struct fp_model *m = &fpn->model;
	const struct fp_endpoint *ep;
	const struct fp_circuit *c;
	const struct fp_vnet *v;

	lockdep_assert_held(&fpn->lock);
	list_for_each_entry(c, &m->circuits, node)
		if (c->ifindex == ifindex)
			fp_nl_queue_event(q, m, &fp_nl_circuit_obj, c,
					  FASTPATH_CMD_CIRCUIT_SET);
	list_for_each_entry(v, &m->vnets, node)
		list_for_each_entry(ep, &v->endpoints, node)
			if (ep->ifindex == ifindex)
				fp_nl_queue_event(q, m, &fp_nl_endpoint_obj,
						  ep, FASTPATH_CMD_ENDPOINT_SET);
}

/**
 * fp_nl_notify_queue() - send queued notifications to the "config" group
 * @net: the namespace the objects belong to
 * @q: messages from fp_nl_queue_ifindex(); emptied
 *
 * Context: process context, the namespace's lock not held.
 */
void fp_nl_notify_queue(struct net *net, struct sk_buff_head *q)
{
	struct sk_buff *msg;

	if (!net) {
		__skb_queue_purge(q);
		return;
	}
	while ((msg = __skb_dequeue(q)))
		genlmsg_multicast_netns(&fp_genl_family, net, msg, 0, 0,
					GFP_KERNEL);
}
