// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: connections.
 *
 * A connection links a vnet's gateway to a circuit and carries the flags
 * that decide which of the vnet's routes the circuit's tables get
 * (fastpath, peering, udr, private-link).  Adding one checks the most
 * rules of any object (fp_conn_add() lists them in order): the circuit
 * and vnet must exist, an authorization of the circuit must be redeemed
 * across subscriptions, the gateway, circuit and vnet limits must hold and
 * the vnet's spaces must not overlap another vnet on the circuit.  A
 * deleted connection waits for fp_model_reap() like a circuit (model.c's
 * fp_conn_free(), which revoking its authorization uses too).
 */
#include <linux/err.h>
#include <linux/slab.h>

#include "compat.h"
#include "counters.h"
#include "model_internal.h"

/* Stamp the flags @new turns on: their routes become eligible now. */
static void fp_conn_stamp(struct fp_model *m, struct fp_conn *k, u32 old,
			  u32 new)
{
	u32 on = new & ~old;

	if (on & FP_CONN_F_FASTPATH)
		k->fp_stamp = fp_stamp(m);
	if (on & FP_CONN_F_PEERING)
		k->peering_stamp = fp_stamp(m);
	if (on & FP_CONN_F_UDR)
		k->udr_stamp = fp_stamp(m);
}

/**
 * fp_conn_find() - look up a connection by name
 * @m: the model
 * @name: its name
 *
 * Return: the connection or NULL.
 */
struct fp_conn *fp_conn_find(const struct fp_model *m, const char *name)
{
	return fp_index_find(&m->conn_names, NULL, name);
}

FP_EXPORT_FOR_KUNIT(fp_conn_find);

static struct fp_conn *fp_conn_get(struct fp_model *m, const char *name,
				   struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_conn_find(m, name), "connection", name, extack);
}

/* The flag rules, for a connection @name of @c and @v with @flags. */
static int fp_conn_flags_check(struct fp_model *m, const char *name,
			       const struct fp_circuit *c,
			       const struct fp_vnet *v, u32 flags,
			       struct netlink_ext_ack *extack)
{
	if (flags & ~FP_CONN_F_ALL) {
		fp_err(m, extack, "connection %s: unknown flags 0x%x", name,
		       flags & ~FP_CONN_F_ALL);
		return -EINVAL;
	}
	if ((flags & FP_CONN_F_FASTPATH) && !fp_sku_fastpath(v->sku, v->units)) {
		fp_err(m, extack, "connection %s: SKU %s can't do FastPath",
		       name, fp_sku_name(v->sku));
		return -EINVAL;
	}
	if ((flags & (FP_CONN_F_PEERING | FP_CONN_F_UDR |
		      FP_CONN_F_PRIVATE_LINK)) &&
	    !(flags & FP_CONN_F_FASTPATH)) {
		fp_err(m, extack, "connection %s: peering/udr/private-link need fastpath",
		       name);
		return -EINVAL;
	}
	if ((flags & FP_CONN_F_PEERING) && c->port == FP_PORT_NONE) {
		fp_err(m, extack, "connection %s: peering needs a Direct circuit",
		       name);
		return -EINVAL;
	}
	if ((flags & FP_CONN_F_UDR) && c->port == FP_PORT_NONE) {
		fp_err(m, extack, "connection %s: udr needs a Direct circuit",
		       name);
		return -EINVAL;
	}
	if ((flags & FP_CONN_F_PRIVATE_LINK) &&
	    c->port != FP_PORT_10G && c->port != FP_PORT_100G) {
		fp_err(m, extack, "connection %s: private-link needs Direct 10G/100G",
		       name);
		return -EINVAL;
	}
	return 0;
}

static unsigned int fp_vnet_link_spaces(struct fp_model *m,
					const struct fp_vnet *v)
{
	unsigned int n = v->n_spaces;
	struct fp_peering *p;

	list_for_each_entry(p, &m->peerings, node) {
		if (p->a == v)
			n += p->b->n_spaces;
		else if (p->b == v)
			n += p->a->n_spaces;
	}
	return n;
}

/**
 * fp_conn_add() - link a vnet's gateway to a circuit
 * @m: the model
 * @cfg: its attributes
 * @extack: error reporting, may be NULL
 *
 * Checks, in order: name, circuit and vnet exist, known flags, the vnet
 * has a gateway, not linked yet, authorization (different subscriptions
 * need an unredeemed key of the circuit; a key given is always checked),
 * gateway connections by SKU, circuits per vnet, links per circuit,
 * <= 200 address spaces (own and peered), no overlap with vnets on the
 * circuit, then the flag rules.
 *
 * Return: 0, -EINVAL, -ENOENT, -EEXIST, -EPERM, -ENOSPC or -ENOMEM.
 */
int fp_conn_add(struct fp_model *m, const struct fp_conn_cfg *cfg,
		struct netlink_ext_ack *extack)
{
	struct fp_auth *auth = NULL;
	struct fp_circuit *c;
	struct fp_vnet *v, *o;
	struct fp_conn *k;
	unsigned int n;
	int err;

	fp_assert_locked(m);
	err = fp_check_new(m, &m->conn_names, "connection", cfg->name, extack);
	if (err)
		return err;
	c = fp_circuit_get(m, cfg->circuit, extack);
	if (!c)
		return -ENOENT;
	v = fp_vnet_get(m, cfg->vnet, extack);
	if (!v)
		return -ENOENT;
	if (cfg->flags & ~FP_CONN_F_ALL) {
		fp_err(m, extack, "connection %s: unknown flags 0x%x", cfg->name,
		       cfg->flags & ~FP_CONN_F_ALL);
		return -EINVAL;
	}
	if (v->sku == FP_SKU_NONE) {
		fp_err(m, extack, "connection %s: vnet %s has no gateway",
		       cfg->name, v->name);
		return -EINVAL;
	}
	list_for_each_entry(k, &m->conns, node) {
		if (k->circuit == c && k->vnet == v) {
			fp_err(m, extack, "connection %s: vnet already linked by %s",
			       cfg->name, k->name);
			return -EEXIST;
		}
	}
	if (cfg->key) {
		auth = fp_auth_match(m, c, cfg->key);
		if (!auth) {
			fp_err(m, extack, "connection %s: bad key for circuit %s",
			       cfg->name, c->name);
			return -EPERM;
		}
		if (auth->redeemed_by) {
			fp_err(m, extack, "connection %s: auth %s already redeemed",
			       cfg->name, auth->name);
			return -EPERM;
		}
	} else if (!uuid_equal(&c->subscription, &v->subscription)) {
		fp_err(m, extack, "connection %s: other subscription, needs an auth key",
		       cfg->name);
		return -EPERM;
	}
	if (v->n_conns >= fp_sku_max_conns(v->sku, v->units)) {
		fp_err(m, extack, "connection %s: vnet %s gateway full (%u)",
		       cfg->name, v->name, fp_sku_max_conns(v->sku, v->units));
		return -ENOSPC;
	}
	if (v->n_conns >= FP_MAX_VNET_CIRCUITS) {
		fp_err(m, extack, "connection %s: vnet %s at max %u circuits",
		       cfg->name, v->name, FP_MAX_VNET_CIRCUITS);
		return -ENOSPC;
	}
	if (c->n_links >= fp_circuit_max_links(c)) {
		fp_err(m, extack, "connection %s: circuit %s has %u links",
		       cfg->name, c->name, fp_circuit_max_links(c));
		return -ENOSPC;
	}
	n = fp_vnet_link_spaces(m, v);
	if (n > FP_MAX_SPACES_LINK) {
		fp_err(m, extack, "connection %s: vnet has %u > %u address spaces",
		       cfg->name, n, FP_MAX_SPACES_LINK);
		return -ENOSPC;
	}
	o = fp_link_overlap(m, v, c, v->spaces, v->n_spaces);
	if (o) {
		fp_err(m, extack, "connection %s: spaces overlap vnet %s",
		       cfg->name, o->name);
		return -EINVAL;
	}
	err = fp_conn_flags_check(m, cfg->name, c, v, cfg->flags, extack);
	if (err)
		return err;

	k = fp_obj_new(m, "connection", sizeof(*k), extack);
	if (IS_ERR(k))
		return PTR_ERR(k);
	k->counters = fp_counters_alloc(GFP_KERNEL_ACCOUNT);
	if (!k->counters) {
		kfree(k);
		return -ENOMEM;
	}
	strscpy(k->name, cfg->name, sizeof(k->name));
	k->circuit = c;
	k->vnet = v;
	k->flags = cfg->flags;
	k->auth = auth;
	if (auth)
		auth->redeemed_by = k;
	fp_conn_stamp(m, k, 0, k->flags);
	c->n_links++;
	c->dirty = true;
	v->n_conns++;
	k->id = fp_obj_add(m, &k->node, &m->conns, &m->n_conns);
	fp_index_add(&m->conn_names, k, NULL);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_conn_add);

/**
 * fp_conn_set() - change a connection's flags
 * @m: the model
 * @name: the connection
 * @flags: the complete new FP_CONN_F_* set
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT or -EINVAL.
 */
int fp_conn_set(struct fp_model *m, const char *name, u32 flags,
		struct netlink_ext_ack *extack)
{
	struct fp_conn *k;
	int err;

	fp_assert_locked(m);
	k = fp_conn_get(m, name, extack);
	if (!k)
		return -ENOENT;
	err = fp_conn_flags_check(m, k->name, k->circuit, k->vnet, flags,
				  extack);
	if (err)
		return err;
	fp_conn_stamp(m, k, k->flags, flags);
	k->flags = flags;
	k->circuit->dirty = true;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_conn_set);

/**
 * fp_conn_del() - delete a connection, freeing its authorization
 * @m: the model
 * @name: the connection
 * @extack: error reporting, may be NULL
 *
 * Return: 0 or -ENOENT.
 */
int fp_conn_del(struct fp_model *m, const char *name,
		struct netlink_ext_ack *extack)
{
	struct fp_conn *k;

	fp_assert_locked(m);
	k = fp_conn_get(m, name, extack);
	if (!k)
		return -ENOENT;
	fp_conn_free(m, k);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_conn_del);
