// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: circuits and their authorizations.
 *
 * A circuit is an uplink with a tier, a Direct port (or none), a bandwidth
 * and a route limit; an authorization is a random key a circuit's owner
 * hands to another subscription, redeemed by at most one connection
 * (model_conn.c asks fp_auth_match()).  Add and set validate the complete
 * new state of a circuit in fp_circuit_prepare() before changing anything;
 * a deleted circuit waits on the dead list for fp_model_reap() (model.c),
 * because the data path may still read it.
 */
#include <crypto/algapi.h>
#include <linux/err.h>
#include <linux/random.h>
#include <linux/slab.h>

#include "compat.h"
#include "counters.h"
#include "model_internal.h"

/* ---- circuits ------------------------------------------------------------ */

/**
 * fp_circuit_find() - look up a circuit by name
 * @m: the model
 * @name: its name
 *
 * Return: the circuit or NULL.
 */
struct fp_circuit *fp_circuit_find(const struct fp_model *m, const char *name)
{
	return fp_index_find(&m->circuit_names, NULL, name);
}

FP_EXPORT_FOR_KUNIT(fp_circuit_find);

/* @nc with the fields of @cfg that @mask (FP_CIRCUIT_SET_*) selects. */
static void fp_circuit_apply(struct fp_circuit *nc,
			     const struct fp_circuit_cfg *cfg, u32 mask)
{
	if (mask & FP_CIRCUIT_SET_IFINDEX)
		nc->ifindex = cfg->ifindex;
	if (mask & FP_CIRCUIT_SET_TIER)
		nc->tier = cfg->tier;
	if (mask & FP_CIRCUIT_SET_PORT)
		nc->port = cfg->port;
	if (mask & FP_CIRCUIT_SET_BANDWIDTH)
		nc->bandwidth = cfg->bandwidth;
	if (mask & FP_CIRCUIT_SET_ROUTE_LIMIT)
		nc->route_limit = cfg->route_limit;
}

/*
 * Prepare @nc, the new state of circuit @old (NULL when adding): apply the
 * fields of @cfg that @mask selects and validate the result.
 */
static int fp_circuit_prepare(struct fp_model *m, struct fp_circuit *nc,
			      const struct fp_circuit_cfg *cfg, u32 mask,
			      const struct fp_circuit *old,
			      struct netlink_ext_ack *extack)
{
	struct fp_circuit *c;
	struct fp_conn *k;

	fp_circuit_apply(nc, cfg, mask);
	if (nc->tier >= __FP_TIER_MAX) {
		fp_err(m, extack, "circuit %s: unknown tier %u", nc->name,
		       nc->tier);
		return -EINVAL;
	}
	if (nc->port >= __FP_PORT_MAX) {
		fp_err(m, extack, "circuit %s: unknown Direct port %u",
		       nc->name, nc->port);
		return -EINVAL;
	}
	if (!fp_bandwidth_offered(nc->bandwidth)) {
		fp_err(m, extack, "circuit %s: bandwidth %u Mbps is not offered",
		       nc->name, nc->bandwidth);
		return -EINVAL;
	}
	if (nc->bandwidth > fp_port_mbps(nc->port)) {
		fp_err(m, extack, "circuit %s: %u Mbps needs a Direct 100G port",
		       nc->name, nc->bandwidth);
		return -EINVAL;
	}
	if (nc->route_limit > FP_MAX_ROUTE_LIMIT) {
		fp_err(m, extack, "circuit %s: route limit above %u", nc->name,
		       FP_MAX_ROUTE_LIMIT);
		return -EINVAL;
	}
	if (nc->ifindex < 0) {
		fp_err(m, extack, "circuit %s: bad uplink ifindex", nc->name);
		return -EINVAL;
	}
	if (nc->ifindex) {
		list_for_each_entry(c, &m->circuits, node) {
			if (c != old && c->ifindex == nc->ifindex) {
				fp_err(m, extack,
				       "circuit %s: uplink used by circuit %s",
				       nc->name, c->name);
				return -EBUSY;
			}
		}
	}
	if (!old)
		return 0;

	if (old->n_links > fp_circuit_max_links(nc)) {
		fp_err(m, extack, "circuit %s: has %u vnet links, new limit %u",
		       nc->name, old->n_links, fp_circuit_max_links(nc));
		return -EBUSY;
	}
	if (nc->port == FP_PORT_NONE) {
		list_for_each_entry(k, &m->conns, node) {
			if (k->circuit != old ||
			    !(k->flags & (FP_CONN_F_PEERING | FP_CONN_F_UDR |
					  FP_CONN_F_PRIVATE_LINK)))
				continue;
			fp_err(m, extack,
			       "circuit %s: conn %s uses Direct features",
			       nc->name, k->name);
			return -EBUSY;
		}
	}
	return 0;
}

/**
 * fp_circuit_add() - create a circuit
 * @m: the model
 * @cfg: its attributes (every field is used, @cfg->mask is ignored)
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL, -EEXIST, -EBUSY, -ENOSPC or -ENOMEM.
 */
int fp_circuit_add(struct fp_model *m, const struct fp_circuit_cfg *cfg,
		   struct netlink_ext_ack *extack)
{
	struct fp_circuit nc = {}, *c;
	int err;

	fp_assert_locked(m);
	err = fp_check_new(m, &m->circuit_names, "circuit", cfg->name, extack);
	if (!err)
		err = fp_check_room(m, "circuit", extack);
	if (err)
		return err;
	strscpy(nc.name, cfg->name, sizeof(nc.name));
	uuid_copy(&nc.subscription, &cfg->subscription);
	err = fp_circuit_prepare(m, &nc, cfg, U32_MAX, NULL, extack);
	if (err)
		return err;

	c = kmemdup(&nc, sizeof(*c), GFP_KERNEL_ACCOUNT);
	if (c)
		c->counters = fp_counters_alloc(GFP_KERNEL_ACCOUNT);
	if (!c || !c->counters) {
		kfree(c);
		return -ENOMEM;
	}
	c->active = fp_dev_active(m, c->ifindex);
	c->stamp = fp_stamp(m);
	c->dirty = true;
	c->id = fp_obj_add(m, &c->node, &m->circuits, &m->n_circuits);
	fp_index_add(&m->circuit_names, c, NULL);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_circuit_add);

/**
 * fp_circuit_set() - change a circuit
 * @m: the model
 * @cfg: the name and the fields selected by @cfg->mask (FP_CIRCUIT_SET_*)
 * @extack: error reporting, may be NULL
 *
 * Refused with -EBUSY when existing connections would break a rule
 * (more links than the new tier/bandwidth allows, Direct features on a
 * provider circuit).
 *
 * Return: 0, -ENOENT, -EINVAL or -EBUSY.
 */
int fp_circuit_set(struct fp_model *m, const struct fp_circuit_cfg *cfg,
		   struct netlink_ext_ack *extack)
{
	struct fp_circuit *c, nc;
	int err;

	fp_assert_locked(m);
	c = fp_circuit_get(m, cfg->name, extack);
	if (!c)
		return -ENOENT;
	nc = *c;
	err = fp_circuit_prepare(m, &nc, cfg, cfg->mask, c, extack);
	if (err)
		return err;

	if (nc.port != c->port)
		c->stamp = fp_stamp(m);
	if (nc.ifindex != c->ifindex)
		c->active = fp_dev_active(m, nc.ifindex);
	c->ifindex = nc.ifindex;
	c->tier = nc.tier;
	c->port = nc.port;
	c->bandwidth = nc.bandwidth;
	c->route_limit = nc.route_limit;
	c->dirty = true;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_circuit_set);

static void fp_auth_free(struct fp_model *m, struct fp_auth *a)
{
	if (a->redeemed_by)
		fp_conn_free(m, a->redeemed_by);
	fp_index_del(&m->auth_names, a);
	fp_obj_del(m, &a->node, NULL, &a->circuit->n_auths);
	kfree_sensitive(a);
}

/**
 * fp_circuit_del() - delete a circuit and its authorizations
 * @m: the model
 * @name: the circuit
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, or -EBUSY while vnets are linked to it.
 */
int fp_circuit_del(struct fp_model *m, const char *name,
		   struct netlink_ext_ack *extack)
{
	struct fp_auth *a, *a2;
	struct fp_circuit *c;

	fp_assert_locked(m);
	c = fp_circuit_get(m, name, extack);
	if (!c)
		return -ENOENT;
	if (c->n_links) {
		fp_err(m, extack, "circuit %s: still has %u connections",
		       c->name, c->n_links);
		return -EBUSY;
	}
	list_for_each_entry_safe(a, a2, &m->auths, node) {
		if (!c->n_auths)
			break;
		if (a->circuit == c)
			fp_auth_free(m, a);
	}
	fp_index_del(&m->circuit_names, c);
	fp_obj_del(m, &c->node, &m->dead_circuits, &m->n_circuits);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_circuit_del);

/* ---- authorizations ------------------------------------------------------ */

/**
 * fp_auth_find() - look up an authorization
 * @m: the model
 * @circuit: circuit name
 * @name: authorization name
 *
 * Return: the authorization or NULL.
 */
struct fp_auth *fp_auth_find(const struct fp_model *m, const char *circuit,
			     const char *name)
{
	struct fp_circuit *c = fp_circuit_find(m, circuit);

	return c ? fp_index_find(&m->auth_names, c, name) : NULL;
}

FP_EXPORT_FOR_KUNIT(fp_auth_find);

/**
 * fp_auth_add() - create an authorization with a fresh random key
 * @m: the model
 * @circuit: circuit name
 * @name: authorization name, unique within the circuit
 * @key: receives the key; the only time it leaves the kernel
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL, -ENOENT, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_auth_add(struct fp_model *m, const char *circuit, const char *name,
		u8 key[FP_KEY_LEN], struct netlink_ext_ack *extack)
{
	struct fp_circuit *c;
	struct fp_auth *a;
	int err;

	fp_assert_locked(m);
	err = fp_check_name(m, "authorization", name, extack);
	if (err)
		return err;
	c = fp_circuit_get(m, circuit, extack);
	if (!c)
		return -ENOENT;
	if (fp_index_find(&m->auth_names, c, name)) {
		fp_err(m, extack, "auth %s of circuit %s already exists",
		       name, c->name);
		return -EEXIST;
	}
	if (c->n_auths >= FP_MAX_AUTHS) {
		fp_err(m, extack, "circuit %s: at most %u authorizations",
		       c->name, FP_MAX_AUTHS);
		return -ENOSPC;
	}
	a = fp_obj_new(m, "authorization", sizeof(*a), extack);
	if (IS_ERR(a))
		return PTR_ERR(a);
	strscpy(a->name, name, sizeof(a->name));
	a->circuit = c;
	get_random_bytes(a->key, sizeof(a->key));
	memcpy(key, a->key, FP_KEY_LEN);
	a->id = fp_obj_add(m, &a->node, &m->auths, &c->n_auths);
	fp_index_add(&m->auth_names, a, c);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_auth_add);

/**
 * fp_auth_del() - revoke an authorization
 * @m: the model
 * @circuit: circuit name
 * @name: authorization name
 * @extack: error reporting, may be NULL
 *
 * The connection made with it, if any, is deleted too.
 *
 * Return: 0 or -ENOENT.
 */
int fp_auth_del(struct fp_model *m, const char *circuit, const char *name,
		struct netlink_ext_ack *extack)
{
	struct fp_auth *a;

	fp_assert_locked(m);
	a = fp_auth_find(m, circuit, name);
	if (!a) {
		fp_err(m, extack, "auth %s of circuit %s does not exist",
		       name ?: "", circuit ?: "");
		return -ENOENT;
	}
	fp_auth_free(m, a);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_auth_del);

/**
 * fp_auth_match() - the authorization of a circuit that a key redeems
 * @m: the model
 * @c: the circuit
 * @key: FP_KEY_LEN bytes
 *
 * Every authorization of the circuit is compared, each in constant time,
 * so the time taken does not depend on which key (if any) matched.
 *
 * Return: the authorization whose key is @key, or NULL.
 */
struct fp_auth *fp_auth_match(struct fp_model *m, const struct fp_circuit *c,
			      const u8 *key)
{
	struct fp_auth *a, *found = NULL;

	list_for_each_entry(a, &m->auths, node) {
		bool eq;

		if (a->circuit != c)
			continue;
		eq = !crypto_memneq(a->key, key, FP_KEY_LEN);
		if (eq && !found)
			found = a;
	}
	return found;
}
