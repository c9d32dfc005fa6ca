// SPDX-License-Identifier: GPL-2.0
/*
 * NEW, DEL, SET and GET (do and dump) of every configuration object of the
 * "fastpath" family.  The rules live in the model (model.c): these
 * handlers only translate attributes into model calls, under the
 * namespace's lock, and the model's extack messages go back unchanged.
 * Every successful change bumps the generation and is announced on the
 * "config" group with the object as a GET reply would show it.
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

/* Finish a change: notify @msg after unlocking if @err is 0. */
static int fp_nl_done(struct genl_info *info, struct fp_net *fpn, int err,
		      struct sk_buff *msg)
{
	if (err && !IS_ERR_OR_NULL(msg)) {
		nlmsg_free(msg);
		msg = NULL;
	}
	fp_nl_unlock(fpn, !err);
	if (!err)
		fp_nl_notify(info, msg);
	return err;
}

/* The notification for a successful NEW or SET of @obj. */
static struct sk_buff *fp_nl_change_msg(struct genl_info *info,
					const struct fp_model *m,
					fp_nl_fill_t fill, const void *obj,
					size_t size)
{
	if (!obj)
		return NULL;
	return fp_nl_obj_msg(m, fill, obj, size, info->genlhdr->cmd, 0, 0);
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

/* Return value of a dump callback: an object too big for an empty buffer
 * is an error, a full buffer asks for another round.
 */
static int fp_nl_dump_ret(struct sk_buff *skb, int err)
{
	if (err && !skb->len)
		return err;
	return skb->len;
}

/*
 * Dump a list of objects in id order, resuming after the last id sent
 * (cb->args[0] holds the next id to send).
 */
#define FP_NL_DUMP_LIST(skb, cb, fpn, head, type, cmd, fill)		\
	({								\
		struct netlink_callback *__cb = (cb);			\
		type *__o;						\
		int __err = 0;						\
		list_for_each_entry(__o, head, node) {			\
			if (__o->id < __cb->args[0])			\
				continue;				\
			__err = fp_nl_dump_one(skb, __cb, fpn, cmd, fill, __o); \
			if (__err)					\
				break;					\
			__cb->args[0] = (long)__o->id + 1;		\
		}							\
		__err;							\
	})

/*
 * Dump the objects kept per vnet in the list at byte offset @off of
 * struct fp_vnet: cb->args[0] is the vnet being walked, cb->args[1] the
 * next object id to send in it.
 */
#define FP_NL_DUMP_PER_VNET(skb, cb, fpn, off, type, cmd, fill)	\
	({								\
		struct netlink_callback *__cb = (cb);			\
		struct fp_net *__fpn = (fpn);				\
		struct list_head *__head;				\
		struct fp_vnet *__v;					\
		type *__o;						\
		int __err = 0;						\
		list_for_each_entry(__v, &__fpn->model.vnets, node) {	\
			if (__v->id < __cb->args[0])			\
				continue;				\
			if (__v->id != __cb->args[0]) {			\
				__cb->args[0] = __v->id;		\
				__cb->args[1] = 0;			\
			}						\
			__head = (void *)__v + (off);			\
			list_for_each_entry(__o, __head, node) {	\
				if (__o->id < __cb->args[1])		\
					continue;			\
				__err = fp_nl_dump_one(skb, __cb, __fpn, \
						       cmd, fill, __o);	\
				if (__err)				\
					break;				\
				__cb->args[1] = (long)__o->id + 1;	\
			}						\
			if (__err)					\
				break;					\
		}							\
		__err;							\
	})

static struct fp_net *fp_nl_dump_lock(struct sk_buff *skb)
{
	struct fp_net *fpn = fp_net(sock_net(skb->sk));

	mutex_lock(&fpn->lock);
	return fpn;
}

/* ---- circuit ------------------------------------------------------------ */

static int fp_nl_circuit_fill(struct sk_buff *skb, const struct fp_model *m,
			      const void *obj)
{
	const struct fp_circuit *c = obj;

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
			fp_circuit_route_limit(c)))
		return -EMSGSIZE;
	return 0;
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

int fp_nl_circuit_new(struct sk_buff *skb, struct genl_info *info)
{
	struct fp_circuit_cfg cfg = {};
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_NAME, "circuit name") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_SUBSCRIPTION,
			  "circuit subscription") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_BANDWIDTH,
			  "circuit bandwidth"))
		return -EINVAL;
	err = fp_nl_circuit_cfg(info, &cfg);
	if (err)
		return err;
	nla_memcpy(&cfg.subscription,
		   info->attrs[FASTPATH_A_CIRCUIT_SUBSCRIPTION], UUID_SIZE);

	fpn = fp_nl_lock(info);
	err = fp_circuit_add(&fpn->model, &cfg, info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_circuit_fill,
				       fp_circuit_find(&fpn->model, cfg.name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_circuit_set(struct sk_buff *skb, struct genl_info *info)
{
	struct fp_circuit_cfg cfg = {};
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_NAME, "circuit name"))
		return -EINVAL;
	if (info->attrs[FASTPATH_A_CIRCUIT_SUBSCRIPTION]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "the subscription of a circuit is fixed at creation");
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_CIRCUIT_SUBSCRIPTION]);
		return -EOPNOTSUPP;
	}
	err = fp_nl_circuit_cfg(info, &cfg);
	if (err)
		return err;

	fpn = fp_nl_lock(info);
	err = fp_circuit_set(&fpn->model, &cfg, info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_circuit_fill,
				       fp_circuit_find(&fpn->model, cfg.name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_circuit_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_NAME, "circuit name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_CIRCUIT_NAME);

	fpn = fp_nl_lock(info);
	msg = fp_nl_change_msg(info, &fpn->model, fp_nl_circuit_fill,
			       fp_circuit_find(&fpn->model, name),
			       FP_NL_OBJ_SIZE);
	err = fp_circuit_del(&fpn->model, name, info->extack);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_circuit_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_circuit *c;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CIRCUIT_NAME, "circuit name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_CIRCUIT_NAME);

	fpn = fp_nl_lock(info);
	c = fp_circuit_find(&fpn->model, name);
	if (c) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_circuit_fill, c,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "circuit %s does not exist", name);
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_CIRCUIT_NAME]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_circuit_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_LIST(skb, cb, fpn, &fpn->model.circuits,
			      struct fp_circuit, FASTPATH_CMD_CIRCUIT_GET,
			      fp_nl_circuit_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

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

static int fp_nl_conn_fill(struct sk_buff *skb, const struct fp_model *m,
			   const void *obj);

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

	fpn = fp_nl_lock(info);
	err = fp_auth_add(&fpn->model, circuit, name, key, info->extack);
	if (!err) {
		ak.auth = fp_auth_find(&fpn->model, circuit, name);
		ak.key = key;
		reply = fp_nl_obj_msg(&fpn->model, fp_nl_auth_key_fill, &ak,
				      FP_NL_OBJ_SIZE, info->genlhdr->cmd,
				      info->snd_portid, info->snd_seq);
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_auth_fill,
				       ak.auth, FP_NL_OBJ_SIZE);
		if (IS_ERR(reply)) {
			/* without its key the authorization is useless */
			fp_auth_del(&fpn->model, circuit, name, NULL);
			err = PTR_ERR(reply);
		}
	}
	memzero_explicit(key, sizeof(key));
	err = fp_nl_done(info, fpn, err, msg);
	if (err)
		return err;
	return genlmsg_reply(reply, info);
}

int fp_nl_auth_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg, *conn_msg = NULL;
	const char *circuit, *name;
	const struct fp_auth *a;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_AUTH_CIRCUIT, "auth circuit") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_AUTH_NAME, "auth name"))
		return -EINVAL;
	circuit = fp_nl_str(info, FASTPATH_A_AUTH_CIRCUIT);
	name = fp_nl_str(info, FASTPATH_A_AUTH_NAME);

	fpn = fp_nl_lock(info);
	a = fp_auth_find(&fpn->model, circuit, name);
	msg = fp_nl_change_msg(info, &fpn->model, fp_nl_auth_fill, a,
			       FP_NL_OBJ_SIZE);
	/* revoking deletes the connection made with it: announce that too */
	if (a && a->redeemed_by)
		conn_msg = fp_nl_obj_msg(&fpn->model, fp_nl_conn_fill,
					 a->redeemed_by, FP_NL_OBJ_SIZE,
					 FASTPATH_CMD_CONN_DEL, 0, 0);
	err = fp_auth_del(&fpn->model, circuit, name, info->extack);
	if (err && !IS_ERR_OR_NULL(conn_msg))
		nlmsg_free(conn_msg);
	err = fp_nl_done(info, fpn, err, msg);
	if (!err)
		fp_nl_notify(info, conn_msg);
	return err;
}

int fp_nl_auth_get(struct sk_buff *skb, struct genl_info *info)
{
	const char *circuit, *name;
	const struct fp_auth *a;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_AUTH_CIRCUIT, "auth circuit") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_AUTH_NAME, "auth name"))
		return -EINVAL;
	circuit = fp_nl_str(info, FASTPATH_A_AUTH_CIRCUIT);
	name = fp_nl_str(info, FASTPATH_A_AUTH_NAME);

	fpn = fp_nl_lock(info);
	a = fp_auth_find(&fpn->model, circuit, name);
	if (a) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_auth_fill, a,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "auth %s of circuit %s does not exist",
				   name, circuit);
		NL_SET_BAD_ATTR(info->extack, info->attrs[FASTPATH_A_AUTH_NAME]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_auth_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_LIST(skb, cb, fpn, &fpn->model.auths,
			      struct fp_auth, FASTPATH_CMD_AUTH_GET,
			      fp_nl_auth_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

/* ---- vnet and peering --------------------------------------------------- */

static size_t fp_nl_vnet_size(const struct fp_vnet *v)
{
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

int fp_nl_vnet_new(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct fp_vnet_cfg cfg = {};
	struct sk_buff *msg = NULL;
	const struct fp_vnet *v;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_VNET_NAME, "vnet name") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_VNET_SUBSCRIPTION,
			  "vnet subscription") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_VNET_REGION, "vnet region"))
		return -EINVAL;
	cfg.name = fp_nl_str(info, FASTPATH_A_VNET_NAME);
	cfg.region = fp_nl_str(info, FASTPATH_A_VNET_REGION);
	nla_memcpy(&cfg.subscription, a[FASTPATH_A_VNET_SUBSCRIPTION],
		   UUID_SIZE);
	if (a[FASTPATH_A_VNET_SKU])
		cfg.sku = nla_get_u32(a[FASTPATH_A_VNET_SKU]);
	if (a[FASTPATH_A_VNET_UNITS])
		cfg.units = nla_get_u32(a[FASTPATH_A_VNET_UNITS]);
	if (a[FASTPATH_A_VNET_SPACES]) {
		err = fp_nl_vnet_spaces(info, &cfg);
		if (err)
			return err;
	}

	fpn = fp_nl_lock(info);
	err = fp_vnet_add(&fpn->model, &cfg, info->extack);
	if (!err) {
		v = fp_vnet_find(&fpn->model, cfg.name);
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_vnet_fill, v,
				       fp_nl_vnet_size(v));
	}
	err = fp_nl_done(info, fpn, err, msg);
	kfree(cfg.spaces);
	return err;
}

int fp_nl_vnet_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct fp_vnet_cfg cfg = {};
	struct sk_buff *msg = NULL;
	const struct fp_vnet *v;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_VNET_NAME, "vnet name"))
		return -EINVAL;
	if (a[FASTPATH_A_VNET_SUBSCRIPTION]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "the subscription of a vnet is fixed at creation");
		NL_SET_BAD_ATTR(info->extack, a[FASTPATH_A_VNET_SUBSCRIPTION]);
		return -EOPNOTSUPP;
	}
	cfg.name = fp_nl_str(info, FASTPATH_A_VNET_NAME);
	if (a[FASTPATH_A_VNET_REGION]) {
		cfg.region = fp_nl_str(info, FASTPATH_A_VNET_REGION);
		cfg.mask |= FP_VNET_SET_REGION;
	}
	if (a[FASTPATH_A_VNET_SPACES]) {
		err = fp_nl_vnet_spaces(info, &cfg);
		if (err)
			return err;
	}

	fpn = fp_nl_lock(info);
	v = fp_vnet_find(&fpn->model, cfg.name);
	if (v && (a[FASTPATH_A_VNET_SKU] || a[FASTPATH_A_VNET_UNITS])) {
		/* SKU and units change together; an absent one is kept */
		cfg.sku = a[FASTPATH_A_VNET_SKU] ?
			  nla_get_u32(a[FASTPATH_A_VNET_SKU]) : v->sku;
		if (a[FASTPATH_A_VNET_UNITS])
			cfg.units = nla_get_u32(a[FASTPATH_A_VNET_UNITS]);
		else
			cfg.units = cfg.sku == v->sku ? v->units : 0;
		cfg.mask |= FP_VNET_SET_SKU;
	}
	err = fp_vnet_set(&fpn->model, &cfg, info->extack);
	if (!err) {
		v = fp_vnet_find(&fpn->model, cfg.name);
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_vnet_fill, v,
				       fp_nl_vnet_size(v));
	}
	err = fp_nl_done(info, fpn, err, msg);
	kfree(cfg.spaces);
	return err;
}

int fp_nl_vnet_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg = NULL;
	const struct fp_vnet *v;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_VNET_NAME, "vnet name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_VNET_NAME);

	fpn = fp_nl_lock(info);
	v = fp_vnet_find(&fpn->model, name);
	if (v)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_vnet_fill, v,
				       fp_nl_vnet_size(v));
	err = fp_vnet_del(&fpn->model, name, info->extack);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_vnet_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_vnet *v;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_VNET_NAME, "vnet name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_VNET_NAME);

	fpn = fp_nl_lock(info);
	v = fp_vnet_find(&fpn->model, name);
	if (v) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_vnet_fill, v,
				  fp_nl_vnet_size(v));
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "vnet %s does not exist", name);
		NL_SET_BAD_ATTR(info->extack, info->attrs[FASTPATH_A_VNET_NAME]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_vnet_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_LIST(skb, cb, fpn, &fpn->model.vnets,
			      struct fp_vnet, FASTPATH_CMD_VNET_GET,
			      fp_nl_vnet_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

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

	fpn = fp_nl_lock(info);
	if (add)
		err = fp_peering_add(&fpn->model, p.vnet, p.peer, info->extack);
	else
		err = fp_peering_del(&fpn->model, p.vnet, p.peer, info->extack);
	msg = err ? NULL : fp_nl_change_msg(info, &fpn->model,
					    fp_nl_peering_fill, &p,
					    FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_peering_new(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_peering_op(info, true);
}

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

int fp_nl_endpoint_new(struct sk_buff *skb, struct genl_info *info)
{
	struct fp_endpoint_cfg cfg = {};
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_NAME, "endpoint name") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_VNET, "endpoint vnet") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_PREFIX, "endpoint prefix"))
		return -EINVAL;
	err = fp_nl_endpoint_cfg(info, &cfg);
	if (err)
		return err;

	fpn = fp_nl_lock(info);
	err = fp_endpoint_add(&fpn->model, &cfg, info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_endpoint_fill,
				       fp_endpoint_find(&fpn->model, cfg.name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_endpoint_set(struct sk_buff *skb, struct genl_info *info)
{
	struct fp_endpoint_cfg cfg = {};
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_NAME, "endpoint name"))
		return -EINVAL;
	if (info->attrs[FASTPATH_A_ENDPOINT_VNET]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "the vnet of an endpoint is fixed at creation");
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_ENDPOINT_VNET]);
		return -EOPNOTSUPP;
	}
	err = fp_nl_endpoint_cfg(info, &cfg);
	if (err)
		return err;

	fpn = fp_nl_lock(info);
	err = fp_endpoint_set(&fpn->model, &cfg, info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_endpoint_fill,
				       fp_endpoint_find(&fpn->model, cfg.name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_endpoint_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_NAME, "endpoint name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_ENDPOINT_NAME);

	fpn = fp_nl_lock(info);
	msg = fp_nl_change_msg(info, &fpn->model, fp_nl_endpoint_fill,
			       fp_endpoint_find(&fpn->model, name),
			       FP_NL_OBJ_SIZE);
	err = fp_endpoint_del(&fpn->model, name, info->extack);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_endpoint_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_endpoint *ep;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_ENDPOINT_NAME, "endpoint name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_ENDPOINT_NAME);

	fpn = fp_nl_lock(info);
	ep = fp_endpoint_find(&fpn->model, name);
	if (ep) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_endpoint_fill, ep,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "endpoint %s does not exist", name);
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_ENDPOINT_NAME]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_endpoint_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_PER_VNET(skb, cb, fpn,
				  offsetof(struct fp_vnet, endpoints),
				  struct fp_endpoint,
				  FASTPATH_CMD_ENDPOINT_GET,
				  fp_nl_endpoint_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

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

int fp_nl_conn_new(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct fp_conn_cfg cfg = {};
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_NAME, "connection name") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CONN_CIRCUIT, "connection circuit") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CONN_VNET, "connection vnet"))
		return -EINVAL;
	cfg.name = fp_nl_str(info, FASTPATH_A_CONN_NAME);
	cfg.circuit = fp_nl_str(info, FASTPATH_A_CONN_CIRCUIT);
	cfg.vnet = fp_nl_str(info, FASTPATH_A_CONN_VNET);
	if (a[FASTPATH_A_CONN_FLAGS])
		cfg.flags = nla_get_u32(a[FASTPATH_A_CONN_FLAGS]);
	if (a[FASTPATH_A_CONN_AUTH_KEY])
		cfg.key = nla_data(a[FASTPATH_A_CONN_AUTH_KEY]);

	fpn = fp_nl_lock(info);
	err = fp_conn_add(&fpn->model, &cfg, info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_conn_fill,
				       fp_conn_find(&fpn->model, cfg.name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_conn_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr **a = info->attrs;
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_NAME, "connection name") ||
	    FP_NL_REQUIRE(info, FASTPATH_A_CONN_FLAGS, "connection flags"))
		return -EINVAL;
	if (a[FASTPATH_A_CONN_CIRCUIT] || a[FASTPATH_A_CONN_VNET] ||
	    a[FASTPATH_A_CONN_AUTH_KEY]) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "only the flags of a connection can change");
		NL_SET_BAD_ATTR(info->extack,
				a[FASTPATH_A_CONN_CIRCUIT] ?:
				a[FASTPATH_A_CONN_VNET] ?:
				a[FASTPATH_A_CONN_AUTH_KEY]);
		return -EOPNOTSUPP;
	}
	name = fp_nl_str(info, FASTPATH_A_CONN_NAME);

	fpn = fp_nl_lock(info);
	err = fp_conn_set(&fpn->model, name,
			  nla_get_u32(a[FASTPATH_A_CONN_FLAGS]), info->extack);
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_conn_fill,
				       fp_conn_find(&fpn->model, name),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_conn_del(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_NAME, "connection name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_CONN_NAME);

	fpn = fp_nl_lock(info);
	msg = fp_nl_change_msg(info, &fpn->model, fp_nl_conn_fill,
			       fp_conn_find(&fpn->model, name),
			       FP_NL_OBJ_SIZE);
	err = fp_conn_del(&fpn->model, name, info->extack);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_conn_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_conn *k;
	struct fp_net *fpn;
	const char *name;
	int err;

	if (FP_NL_REQUIRE(info, FASTPATH_A_CONN_NAME, "connection name"))
		return -EINVAL;
	name = fp_nl_str(info, FASTPATH_A_CONN_NAME);

	fpn = fp_nl_lock(info);
	k = fp_conn_find(&fpn->model, name);
	if (k) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_conn_fill, k,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "connection %s does not exist", name);
		NL_SET_BAD_ATTR(info->extack, info->attrs[FASTPATH_A_CONN_NAME]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_conn_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_LIST(skb, cb, fpn, &fpn->model.conns,
			      struct fp_conn, FASTPATH_CMD_CONN_GET,
			      fp_nl_conn_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

/* ---- exception ---------------------------------------------------------- */

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

/* vnet + prefix, the key of exceptions and UDRs (both checked present) */
static int fp_nl_vnet_prefix(struct genl_info *info, int vattr, int pattr,
			     const char **vnet, struct fp_prefix *prefix)
{
	*vnet = fp_nl_str(info, vattr);
	return fp_nl_get_prefix(info->attrs[pattr], prefix, info->extack);
}

static bool fp_nl_require_exception(struct genl_info *info)
{
	return FP_NL_REQUIRE(info, FASTPATH_A_EXCEPTION_VNET,
			     "exception vnet") ||
	       FP_NL_REQUIRE(info, FASTPATH_A_EXCEPTION_PREFIX,
			     "exception prefix");
}

static bool fp_nl_require_udr(struct genl_info *info)
{
	return FP_NL_REQUIRE(info, FASTPATH_A_UDR_VNET, "udr vnet") ||
	       FP_NL_REQUIRE(info, FASTPATH_A_UDR_PREFIX, "udr prefix");
}

static int fp_nl_exception_op(struct genl_info *info, u8 cmd)
{
	struct nlattr *kind_attr = info->attrs[FASTPATH_A_EXCEPTION_KIND];
	const struct fp_exception *e;
	struct fp_prefix prefix;
	struct sk_buff *msg = NULL;
	struct fp_net *fpn;
	const char *vnet;
	u8 kind = 0;
	int err;

	if (fp_nl_require_exception(info))
		return -EINVAL;
	err = fp_nl_vnet_prefix(info, FASTPATH_A_EXCEPTION_VNET,
				FASTPATH_A_EXCEPTION_PREFIX, &vnet, &prefix);
	if (err)
		return err;
	if (cmd != FASTPATH_CMD_EXCEPTION_DEL &&
	    FP_NL_REQUIRE(info, FASTPATH_A_EXCEPTION_KIND, "exception kind"))
		return -EINVAL;
	if (kind_attr)
		kind = nla_get_u32(kind_attr);

	fpn = fp_nl_lock(info);
	switch (cmd) {
	case FASTPATH_CMD_EXCEPTION_NEW:
		err = fp_exception_add(&fpn->model, vnet, &prefix, kind,
				       info->extack);
		break;
	case FASTPATH_CMD_EXCEPTION_SET:
		err = fp_exception_set(&fpn->model, vnet, &prefix, kind,
				       info->extack);
		break;
	default:
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_exception_fill,
				       fp_exception_find(&fpn->model, vnet,
							 &prefix),
				       FP_NL_OBJ_SIZE);
		err = fp_exception_del(&fpn->model, vnet, &prefix,
				       info->extack);
		return fp_nl_done(info, fpn, err, msg);
	}
	if (!err) {
		e = fp_exception_find(&fpn->model, vnet, &prefix);
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_exception_fill,
				       e, FP_NL_OBJ_SIZE);
	}
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_exception_new(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_exception_op(info, FASTPATH_CMD_EXCEPTION_NEW);
}

int fp_nl_exception_set(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_exception_op(info, FASTPATH_CMD_EXCEPTION_SET);
}

int fp_nl_exception_del(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_exception_op(info, FASTPATH_CMD_EXCEPTION_DEL);
}

int fp_nl_exception_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_exception *e;
	struct fp_prefix prefix;
	struct fp_net *fpn;
	const char *vnet;
	int err;

	if (fp_nl_require_exception(info))
		return -EINVAL;
	err = fp_nl_vnet_prefix(info, FASTPATH_A_EXCEPTION_VNET,
				FASTPATH_A_EXCEPTION_PREFIX, &vnet, &prefix);
	if (err)
		return err;

	fpn = fp_nl_lock(info);
	e = fp_exception_find(&fpn->model, vnet, &prefix);
	if (e) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_exception_fill, e,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "vnet %s has no such exception", vnet);
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_EXCEPTION_PREFIX]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_exception_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_PER_VNET(skb, cb, fpn,
				  offsetof(struct fp_vnet, exceptions),
				  struct fp_exception,
				  FASTPATH_CMD_EXCEPTION_GET,
				  fp_nl_exception_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}

/* ---- UDR ---------------------------------------------------------------- */

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

static int fp_nl_udr_op(struct genl_info *info, u8 cmd)
{
	struct fp_prefix prefix;
	struct sk_buff *msg = NULL;
	const char *vnet, *nexthop;
	struct fp_net *fpn;
	int err;

	if (fp_nl_require_udr(info))
		return -EINVAL;
	err = fp_nl_vnet_prefix(info, FASTPATH_A_UDR_VNET,
				FASTPATH_A_UDR_PREFIX, &vnet, &prefix);
	if (err)
		return err;
	if (cmd != FASTPATH_CMD_UDR_DEL &&
	    FP_NL_REQUIRE(info, FASTPATH_A_UDR_NEXTHOP, "udr nexthop"))
		return -EINVAL;
	nexthop = fp_nl_str(info, FASTPATH_A_UDR_NEXTHOP);

	fpn = fp_nl_lock(info);
	switch (cmd) {
	case FASTPATH_CMD_UDR_NEW:
		err = fp_udr_add(&fpn->model, vnet, &prefix, nexthop,
				 info->extack);
		break;
	case FASTPATH_CMD_UDR_SET:
		err = fp_udr_set(&fpn->model, vnet, &prefix, nexthop,
				 info->extack);
		break;
	default:
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_udr_fill,
				       fp_udr_find(&fpn->model, vnet, &prefix),
				       FP_NL_OBJ_SIZE);
		err = fp_udr_del(&fpn->model, vnet, &prefix, info->extack);
		return fp_nl_done(info, fpn, err, msg);
	}
	if (!err)
		msg = fp_nl_change_msg(info, &fpn->model, fp_nl_udr_fill,
				       fp_udr_find(&fpn->model, vnet, &prefix),
				       FP_NL_OBJ_SIZE);
	return fp_nl_done(info, fpn, err, msg);
}

int fp_nl_udr_new(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_udr_op(info, FASTPATH_CMD_UDR_NEW);
}

int fp_nl_udr_set(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_udr_op(info, FASTPATH_CMD_UDR_SET);
}

int fp_nl_udr_del(struct sk_buff *skb, struct genl_info *info)
{
	return fp_nl_udr_op(info, FASTPATH_CMD_UDR_DEL);
}

int fp_nl_udr_get(struct sk_buff *skb, struct genl_info *info)
{
	const struct fp_udr *u;
	struct fp_prefix prefix;
	struct fp_net *fpn;
	const char *vnet;
	int err;

	if (fp_nl_require_udr(info))
		return -EINVAL;
	err = fp_nl_vnet_prefix(info, FASTPATH_A_UDR_VNET,
				FASTPATH_A_UDR_PREFIX, &vnet, &prefix);
	if (err)
		return err;

	fpn = fp_nl_lock(info);
	u = fp_udr_find(&fpn->model, vnet, &prefix);
	if (u) {
		err = fp_nl_reply(info, &fpn->model, fp_nl_udr_fill, u,
				  FP_NL_OBJ_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "vnet %s has no such udr", vnet);
		NL_SET_BAD_ATTR(info->extack,
				info->attrs[FASTPATH_A_UDR_PREFIX]);
		err = -ENOENT;
	}
	fp_nl_unlock(fpn, false);
	return err;
}

int fp_nl_udr_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	int err;

	err = FP_NL_DUMP_PER_VNET(skb, cb, fpn,
				  offsetof(struct fp_vnet, udrs), struct fp_udr,
				  FASTPATH_CMD_UDR_GET, fp_nl_udr_fill);
	mutex_unlock(&fpn->lock);
	return fp_nl_dump_ret(skb, err);
}
