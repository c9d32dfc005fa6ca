// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: vnets and peerings.
 *
 * A vnet has a region, a gateway SKU (or none) and up to 1000 address
 * spaces that do not overlap one another; two vnets peer symmetrically
 * when their spaces do not overlap either.  A vnet's spaces must also
 * stay clear of its peers' and of every vnet on a circuit it is linked to
 * (fp_link_overlap(), which model_conn.c asks when linking), and must
 * keep holding its endpoints.  A vnet goes only once it holds nothing.
 */
#include <linux/err.h>
#include <linux/slab.h>

#include "compat.h"
#include "model_internal.h"

/* ---- vnets ----------------------------------------------------------------- */

/**
 * fp_vnet_find() - look up a vnet by name
 * @m: the model
 * @name: its name
 *
 * Return: the vnet or NULL.
 */
struct fp_vnet *fp_vnet_find(const struct fp_model *m, const char *name)
{
	return fp_index_find(&m->vnet_names, NULL, name);
}

FP_EXPORT_FOR_KUNIT(fp_vnet_find);

static bool fp_spaces_overlap(const struct fp_prefix *a, unsigned int na,
			      const struct fp_prefix *b, unsigned int nb)
{
	unsigned int i, j;

	for (i = 0; i < na; i++)
		for (j = 0; j < nb; j++)
			if (fp_prefix_overlap(&a[i], &b[j]))
				return true;
	return false;
}

/**
 * fp_in_spaces() - is a prefix inside one of a list of address spaces
 * @spaces: the address spaces
 * @n: how many
 * @p: the prefix
 *
 * Return: true if one of @spaces contains @p.
 */
bool fp_in_spaces(const struct fp_prefix *spaces, unsigned int n,
		  const struct fp_prefix *p)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (fp_prefix_contains(&spaces[i], p))
			return true;
	return false;
}

/**
 * fp_link_overlap() - a vnet on a shared circuit whose spaces overlap
 * @m: the model
 * @v: the vnet
 * @circuit: a circuit @v would be linked to, or NULL
 * @spaces: the address spaces to check (@v's, or its new ones)
 * @n: how many
 *
 * Return: a vnet other than @v, linked to a circuit that @v is (or, with
 * @circuit, would be) linked to, whose address spaces overlap @spaces; or
 * NULL.
 */
struct fp_vnet *fp_link_overlap(struct fp_model *m, const struct fp_vnet *v,
				const struct fp_circuit *circuit,
				const struct fp_prefix *spaces, unsigned int n)
{
	struct fp_conn *k, *k2;

	list_for_each_entry(k2, &m->conns, node) {
		bool shared = k2->circuit == circuit;

		if (k2->vnet == v)
			continue;
		list_for_each_entry(k, &m->conns, node) {
			if (shared)
				break;
			shared = k->vnet == v && k->circuit == k2->circuit;
		}
		if (shared && fp_spaces_overlap(spaces, n, k2->vnet->spaces,
						k2->vnet->n_spaces))
			return k2->vnet;
	}
	return NULL;
}

/* A vnet peered with @v whose address spaces overlap @spaces. */
static struct fp_vnet *fp_peer_overlap(struct fp_model *m,
				       const struct fp_vnet *v,
				       const struct fp_prefix *spaces,
				       unsigned int n)
{
	struct fp_peering *p;

	list_for_each_entry(p, &m->peerings, node) {
		struct fp_vnet *o;

		if (p->a != v && p->b != v)
			continue;
		o = p->a == v ? p->b : p->a;
		if (fp_spaces_overlap(spaces, n, o->spaces, o->n_spaces))
			return o;
	}
	return NULL;
}

static int fp_region_check(struct fp_model *m, const char *vnet,
			   const char *region, struct netlink_ext_ack *extack)
{
	if (fp_string_valid(region, FP_REGION_LEN))
		return 0;
	fp_err(m, extack, "vnet %s: region must be 1-31 printable characters",
	       vnet);
	return -EINVAL;
}

static int fp_sku_check(struct fp_model *m, const char *vnet, u8 sku, u8 units,
			struct netlink_ext_ack *extack)
{
	if (sku >= __FP_SKU_MAX) {
		fp_err(m, extack, "vnet %s: unknown gateway SKU %u", vnet, sku);
		return -EINVAL;
	}
	if (sku == FP_SKU_ERGWSCALE &&
	    (units < 1 || units > FP_MAX_SCALE_UNITS)) {
		fp_err(m, extack, "vnet %s: ErGwScale needs 1-%u scale units",
		       vnet, FP_MAX_SCALE_UNITS);
		return -EINVAL;
	}
	if (sku != FP_SKU_ERGWSCALE && units) {
		fp_err(m, extack, "vnet %s: scale units are for ErGwScale only",
		       vnet);
		return -EINVAL;
	}
	return 0;
}

static int fp_spaces_check(struct fp_model *m, const char *vnet,
			   const struct fp_prefix *s, unsigned int n,
			   struct netlink_ext_ack *extack)
{
	unsigned int i, j;

	if (n > FP_MAX_SPACES) {
		fp_err(m, extack, "vnet %s: more than %u address spaces", vnet,
		       FP_MAX_SPACES);
		return -ENOSPC;
	}
	for (i = 0; i < n; i++) {
		if (!fp_prefix_valid(&s[i])) {
			fp_err(m, extack, "vnet %s: address space %u is not a valid prefix",
			       vnet, i + 1);
			return -EINVAL;
		}
		for (j = 0; j < i; j++) {
			if (fp_prefix_overlap(&s[i], &s[j])) {
				fp_err(m, extack, "vnet %s: address spaces %u and %u overlap",
				       vnet, j + 1, i + 1);
				return -EINVAL;
			}
		}
	}
	return 0;
}

/* A copy of @cfg's address spaces in *@spaces (NULL for none). */
static int fp_spaces_dup(const struct fp_vnet_cfg *cfg,
			 struct fp_prefix **spaces)
{
	*spaces = NULL;
	if (!cfg->n_spaces)
		return 0;
	*spaces = kvmalloc_array(cfg->n_spaces, sizeof(**spaces),
				 GFP_KERNEL_ACCOUNT);
	if (!*spaces)
		return -ENOMEM;
	memcpy(*spaces, cfg->spaces, cfg->n_spaces * sizeof(**spaces));
	return 0;
}

/**
 * fp_vnet_add() - create a vnet
 * @m: the model
 * @cfg: its attributes (every field is used, @cfg->mask is ignored)
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_vnet_add(struct fp_model *m, const struct fp_vnet_cfg *cfg,
		struct netlink_ext_ack *extack)
{
	struct fp_prefix *spaces = NULL;
	struct fp_vnet *v;
	int err;

	fp_assert_locked(m);
	err = fp_check_new(m, &m->vnet_names, "vnet", cfg->name, extack);
	if (!err)
		err = fp_region_check(m, cfg->name, cfg->region, extack);
	if (!err)
		err = fp_sku_check(m, cfg->name, cfg->sku, cfg->units, extack);
	if (!err)
		err = fp_spaces_check(m, cfg->name, cfg->spaces, cfg->n_spaces,
				      extack);
	if (err)
		return err;

	v = fp_obj_new(m, "vnet", sizeof(*v), extack);
	if (IS_ERR(v))
		return PTR_ERR(v);
	err = fp_spaces_dup(cfg, &spaces);
	if (err) {
		kfree(v);
		return err;
	}
	strscpy(v->name, cfg->name, sizeof(v->name));
	strscpy(v->region, cfg->region, sizeof(v->region));
	uuid_copy(&v->subscription, &cfg->subscription);
	v->sku = cfg->sku;
	v->units = cfg->units;
	v->spaces = spaces;
	v->n_spaces = cfg->n_spaces;
	INIT_LIST_HEAD(&v->endpoints);
	INIT_LIST_HEAD(&v->exceptions);
	INIT_LIST_HEAD(&v->udrs);
	v->stamp = fp_stamp(m);
	v->id = fp_obj_add(m, &v->node, &m->vnets, &m->n_vnets);
	fp_index_add(&m->vnet_names, v, NULL);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_vnet_add);

/**
 * fp_vnet_set() - change a vnet's region, gateway or address spaces
 * @m: the model
 * @cfg: the name and the fields selected by @cfg->mask (FP_VNET_SET_*)
 * @extack: error reporting, may be NULL
 *
 * A new gateway SKU must still accept every existing connection (count and
 * FastPath); new address spaces must keep every endpoint, may grow to 1000
 * while linked and must not overlap peers or vnets on the same circuits.
 *
 * Return: 0, -ENOENT, -EINVAL, -ENOSPC, -EBUSY or -ENOMEM.
 */
int fp_vnet_set(struct fp_model *m, const struct fp_vnet_cfg *cfg,
		struct netlink_ext_ack *extack)
{
	struct fp_prefix *spaces = NULL;
	struct fp_endpoint *ep;
	struct fp_vnet *v, *o;
	struct fp_conn *k;
	u8 sku, units;
	int err;

	fp_assert_locked(m);
	v = fp_vnet_get(m, cfg->name, extack);
	if (!v)
		return -ENOENT;

	if (cfg->mask & FP_VNET_SET_REGION) {
		err = fp_region_check(m, v->name, cfg->region, extack);
		if (err)
			return err;
	}

	sku = v->sku;
	units = v->units;
	if (cfg->mask & FP_VNET_SET_SKU) {
		sku = cfg->sku;
		units = cfg->units;
		err = fp_sku_check(m, v->name, sku, units, extack);
		if (err)
			return err;
		if (v->n_conns > fp_sku_max_conns(sku, units)) {
			fp_err(m, extack, "vnet %s: %u conns > %s limit %u",
			       v->name, v->n_conns, fp_sku_name(sku),
			       fp_sku_max_conns(sku, units));
			return -EBUSY;
		}
		list_for_each_entry(k, &m->conns, node) {
			if (k->vnet != v || !(k->flags & FP_CONN_F_FASTPATH) ||
			    fp_sku_fastpath(sku, units))
				continue;
			fp_err(m, extack, "vnet %s: %s can't carry its FastPath conns",
			       v->name, fp_sku_name(sku));
			return -EBUSY;
		}
	}

	if (cfg->mask & FP_VNET_SET_SPACES) {
		err = fp_spaces_check(m, v->name, cfg->spaces, cfg->n_spaces,
				      extack);
		if (err)
			return err;
		list_for_each_entry(ep, &v->endpoints, node) {
			if (fp_in_spaces(cfg->spaces, cfg->n_spaces,
					 &ep->prefix))
				continue;
			fp_err(m, extack, "vnet %s: endpoint %s outside new spaces",
			       v->name, ep->name);
			return -EBUSY;
		}
		o = fp_peer_overlap(m, v, cfg->spaces, cfg->n_spaces);
		if (o) {
			fp_err(m, extack, "vnet %s: address spaces overlap peer %s",
			       v->name, o->name);
			return -EINVAL;
		}
		o = fp_link_overlap(m, v, NULL, cfg->spaces, cfg->n_spaces);
		if (o) {
			fp_err(m, extack, "vnet %s: overlaps vnet %s on a circuit",
			       v->name, o->name);
			return -EINVAL;
		}
		err = fp_spaces_dup(cfg, &spaces);
		if (err)
			return err;
	}

	/* Commit. */
	if (cfg->mask & FP_VNET_SET_REGION) {
		if (strcmp(v->region, cfg->region))
			v->stamp = fp_stamp(m);
		strscpy(v->region, cfg->region, sizeof(v->region));
	}
	if (sku != v->sku || units != v->units)
		v->stamp = fp_stamp(m);
	v->sku = sku;
	v->units = units;
	if (cfg->mask & FP_VNET_SET_SPACES) {
		kvfree(v->spaces);
		v->spaces = spaces;
		v->n_spaces = cfg->n_spaces;
	}
	fp_mark_vnet(m, v);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_vnet_set);

/**
 * fp_vnet_del() - delete an unused vnet
 * @m: the model
 * @name: the vnet
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, or -EBUSY while it has connections, peerings,
 * endpoints, exceptions or UDRs.
 */
int fp_vnet_del(struct fp_model *m, const char *name,
		struct netlink_ext_ack *extack)
{
	struct fp_vnet *v;

	fp_assert_locked(m);
	v = fp_vnet_get(m, name, extack);
	if (!v)
		return -ENOENT;
	if (v->n_conns || v->n_peers || v->n_objs) {
		fp_err(m, extack, "vnet %s: still has connections, peerings or objects",
		       v->name);
		return -EBUSY;
	}
	fp_index_del(&m->vnet_names, v);
	fp_obj_del(m, &v->node, NULL, &m->n_vnets);
	kvfree(v->spaces);
	kfree(v);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_vnet_del);

/* ---- peerings -------------------------------------------------------------- */

/* The two vnets a peering request names, or -ENOENT. */
static int fp_peering_vnets(struct fp_model *m, const char *a, const char *b,
			    struct fp_vnet **va, struct fp_vnet **vb,
			    struct netlink_ext_ack *extack)
{
	*va = fp_vnet_get(m, a, extack);
	if (!*va)
		return -ENOENT;
	*vb = fp_vnet_get(m, b, extack);
	return *vb ? 0 : -ENOENT;
}

/**
 * fp_peering_add() - peer two vnets (symmetric)
 * @m: the model
 * @a: one vnet's name
 * @b: the other's
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, -EINVAL, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_peering_add(struct fp_model *m, const char *a, const char *b,
		   struct netlink_ext_ack *extack)
{
	struct fp_vnet *va, *vb;
	struct fp_peering *p;
	int err;

	fp_assert_locked(m);
	err = fp_peering_vnets(m, a, b, &va, &vb, extack);
	if (err)
		return err;
	if (va == vb) {
		fp_err(m, extack, "vnet %s: cannot peer with itself", va->name);
		return -EINVAL;
	}
	if (fp_peering_find(m, va, vb)) {
		fp_err(m, extack, "vnets %s and %s are already peered", va->name,
		       vb->name);
		return -EEXIST;
	}
	if (va->n_peers >= FP_MAX_PEERINGS || vb->n_peers >= FP_MAX_PEERINGS) {
		fp_err(m, extack, "vnet %s: at most %u peerings",
		       va->n_peers >= FP_MAX_PEERINGS ? va->name : vb->name,
		       FP_MAX_PEERINGS);
		return -ENOSPC;
	}
	if (fp_spaces_overlap(va->spaces, va->n_spaces, vb->spaces,
			      vb->n_spaces)) {
		fp_err(m, extack, "vnets %s and %s: address spaces overlap",
		       va->name, vb->name);
		return -EINVAL;
	}
	p = fp_obj_new(m, "peering", sizeof(*p), extack);
	if (IS_ERR(p))
		return PTR_ERR(p);
	p->a = va;
	p->b = vb;
	p->hi = fp_peering_hi(va, vb);
	p->stamp = fp_stamp(m);
	list_add_tail(&p->node, &m->peerings);
	fp_index_add(&m->peering_pairs, p, p->hi == va ? vb : va);
	va->n_peers++;
	vb->n_peers++;
	m->n_objects++;
	fp_mark_vnet(m, va);
	fp_mark_vnet(m, vb);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_peering_add);

/**
 * fp_peering_del() - remove the peering of two vnets
 * @m: the model
 * @a: one vnet's name
 * @b: the other's
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, or -EBUSY while a UDR of one uses an endpoint of the
 * other as next hop.
 */
int fp_peering_del(struct fp_model *m, const char *a, const char *b,
		   struct netlink_ext_ack *extack)
{
	struct fp_vnet *va, *vb, *x, *y;
	struct fp_peering *p;
	struct fp_udr *u;
	int err, i;

	fp_assert_locked(m);
	err = fp_peering_vnets(m, a, b, &va, &vb, extack);
	if (err)
		return err;
	p = fp_peering_find(m, va, vb);
	if (!p) {
		fp_err(m, extack, "vnets %s and %s are not peered", va->name,
		       vb->name);
		return -ENOENT;
	}
	for (i = 0; i < 2; i++) {
		x = i ? vb : va;
		y = i ? va : vb;
		list_for_each_entry(u, &x->udrs, node) {
			if (u->nexthop->vnet != y)
				continue;
			fp_err(m, extack, "vnet %s: UDR uses peer endpoint %s",
			       x->name, u->nexthop->name);
			return -EBUSY;
		}
	}
	fp_mark_vnet(m, va);
	fp_mark_vnet(m, vb);
	list_del(&p->node);
	fp_index_del(&m->peering_pairs, p);
	va->n_peers--;
	vb->n_peers--;
	m->n_objects--;
	kfree(p);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_peering_del);
