// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: the objects inside a vnet.
 *
 * Endpoints (VM NICs: a name, an address inside the vnet's spaces, a
 * device), exceptions (a prefix whose traffic goes to the gateway) and
 * UDRs (an IPv4 prefix routed to an endpoint of the vnet or of a peer).
 * Each lives on a list of its vnet and in a (vnet, prefix) index, where
 * its prefix is unique; endpoints are also found by name.  Every change
 * marks the circuits that carry the vnet's routes (fp_mark_vnet()).
 */
#include <linux/etherdevice.h>
#include <linux/err.h>
#include <linux/slab.h>

#include "compat.h"
#include "model_internal.h"

/*
 * Account for a new object @obj of @v, on @list and in @ix, the prefix
 * index of its kind, and mark the circuits that carry @v.
 */
static u32 fp_vobj_add(struct fp_model *m, struct fp_index *ix,
		       struct fp_vnet *v, void *obj, struct list_head *node,
		       struct list_head *list)
{
	fp_index_add(ix, obj, v);
	fp_mark_vnet(m, v);
	return fp_obj_add(m, node, list, &v->n_objs);
}

/* Take object @obj of @v off its list and out of @ix; the caller frees it. */
static void fp_vobj_del(struct fp_model *m, struct fp_index *ix,
			struct fp_vnet *v, void *obj, struct list_head *node)
{
	fp_mark_vnet(m, v);
	fp_index_del(ix, obj);
	fp_obj_del(m, node, NULL, &v->n_objs);
}

/* The object of @ix at @prefix in the vnet named @vnet, or NULL. */
static void *fp_vobj_find(const struct fp_model *m, const struct fp_index *ix,
			  const char *vnet, const struct fp_prefix *prefix)
{
	struct fp_vnet *v = fp_vnet_find(m, vnet);

	return v ? fp_index_find(ix, v, prefix) : NULL;
}

/* ---- endpoints ------------------------------------------------------------- */

/**
 * fp_endpoint_find() - look up an endpoint by name
 * @m: the model
 * @name: its name
 *
 * Return: the endpoint or NULL.
 */
struct fp_endpoint *fp_endpoint_find(const struct fp_model *m,
				     const char *name)
{
	return fp_index_find(&m->ep_names, NULL, name);
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_find);

static struct fp_endpoint *fp_endpoint_get(struct fp_model *m,
					   const char *name,
					   struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_endpoint_find(m, name), "endpoint", name,
			 extack);
}

/* @nep with the fields of @cfg that @mask (FP_EP_SET_*) selects. */
static void fp_endpoint_apply(struct fp_endpoint *nep,
			      const struct fp_endpoint_cfg *cfg, u32 mask)
{
	if (mask & FP_EP_SET_PREFIX)
		nep->prefix = cfg->prefix;
	if (mask & FP_EP_SET_IFINDEX)
		nep->ifindex = cfg->ifindex;
	if (mask & FP_EP_SET_MAC) {
		nep->has_mac = cfg->has_mac;
		if (cfg->has_mac)
			ether_addr_copy(nep->mac, cfg->mac);
		else
			eth_zero_addr(nep->mac);
	}
}

static int fp_endpoint_check(struct fp_model *m, const struct fp_endpoint *nep,
			     const struct fp_endpoint *old,
			     struct netlink_ext_ack *extack)
{
	const struct fp_vnet *v = nep->vnet;
	struct fp_endpoint *dup;

	if (!fp_prefix_valid(&nep->prefix)) {
		fp_err(m, extack, "endpoint %s: prefix is not valid", nep->name);
		return -EINVAL;
	}
	if (!fp_in_spaces(v->spaces, v->n_spaces, &nep->prefix)) {
		fp_err(m, extack, "endpoint %s: outside vnet %s spaces",
		       nep->name, v->name);
		return -EINVAL;
	}
	dup = fp_index_find(&m->ep_prefixes, v, &nep->prefix);
	if (dup && dup != old) {
		fp_err(m, extack, "endpoint %s: prefix used by endpoint %s",
		       nep->name, dup->name);
		return -EEXIST;
	}
	if (nep->ifindex < 0) {
		fp_err(m, extack, "endpoint %s: bad device ifindex", nep->name);
		return -EINVAL;
	}
	if (nep->has_mac && !is_valid_ether_addr(nep->mac)) {
		fp_err(m, extack, "endpoint %s: MAC is not a unicast address",
		       nep->name);
		return -EINVAL;
	}
	if (old && old->n_udrs && nep->prefix.family != AF_INET) {
		fp_err(m, extack, "endpoint %s: UDR next hop must stay IPv4",
		       nep->name);
		return -EBUSY;
	}
	return 0;
}

/**
 * fp_endpoint_add() - create an endpoint (a VM NIC)
 * @m: the model
 * @cfg: its attributes (every field is used, @cfg->mask is ignored)
 * @extack: error reporting, may be NULL
 *
 * The prefix must lie inside one of the vnet's address spaces and be
 * unique in the vnet.  Beyond a circuit's route limit the endpoint is
 * accepted and its route is pending (see compile.c).
 *
 * Return: 0, -EINVAL, -ENOENT, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_endpoint_add(struct fp_model *m, const struct fp_endpoint_cfg *cfg,
		    struct netlink_ext_ack *extack)
{
	struct fp_endpoint nep = {}, *ep;
	struct fp_vnet *v;
	int err;

	fp_assert_locked(m);
	err = fp_check_new(m, &m->ep_names, "endpoint", cfg->name, extack);
	if (err)
		return err;
	v = fp_vnet_get(m, cfg->vnet, extack);
	if (!v)
		return -ENOENT;
	err = fp_check_room(m, "endpoint", extack);
	if (err)
		return err;
	strscpy(nep.name, cfg->name, sizeof(nep.name));
	nep.vnet = v;
	fp_endpoint_apply(&nep, cfg, U32_MAX);
	err = fp_endpoint_check(m, &nep, NULL, extack);
	if (err)
		return err;

	ep = kmemdup(&nep, sizeof(*ep), GFP_KERNEL_ACCOUNT);
	if (!ep)
		return -ENOMEM;
	ep->active = fp_dev_active(m, ep->ifindex);
	ep->stamp = fp_stamp(m);
	fp_index_add(&m->ep_names, ep, NULL);
	ep->id = fp_vobj_add(m, &m->ep_prefixes, v, ep, &ep->node,
			     &v->endpoints);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_add);

/**
 * fp_endpoint_set() - change an endpoint's prefix, device or MAC
 * @m: the model
 * @cfg: the name and the fields selected by @cfg->mask (FP_EP_SET_*)
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, -EINVAL, -EEXIST or -EBUSY.
 */
int fp_endpoint_set(struct fp_model *m, const struct fp_endpoint_cfg *cfg,
		    struct netlink_ext_ack *extack)
{
	struct fp_endpoint *ep, nep;
	int err;

	fp_assert_locked(m);
	ep = fp_endpoint_get(m, cfg->name, extack);
	if (!ep)
		return -ENOENT;
	nep = *ep;
	fp_endpoint_apply(&nep, cfg, cfg->mask);
	err = fp_endpoint_check(m, &nep, ep, extack);
	if (err)
		return err;

	if (!fp_prefix_eq(&nep.prefix, &ep->prefix)) {
		fp_index_del(&m->ep_prefixes, ep);
		ep->prefix = nep.prefix;
		fp_index_add(&m->ep_prefixes, ep, ep->vnet);
		ep->stamp = fp_stamp(m);
	}
	if (nep.ifindex != ep->ifindex)
		ep->active = fp_dev_active(m, nep.ifindex);
	ep->ifindex = nep.ifindex;
	ep->has_mac = nep.has_mac;
	ether_addr_copy(ep->mac, nep.mac);
	fp_mark_vnet(m, ep->vnet);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_set);

/**
 * fp_endpoint_del() - delete an endpoint
 * @m: the model
 * @name: the endpoint
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT, or -EBUSY while a UDR uses it as next hop.
 */
int fp_endpoint_del(struct fp_model *m, const char *name,
		    struct netlink_ext_ack *extack)
{
	struct fp_endpoint *ep;

	fp_assert_locked(m);
	ep = fp_endpoint_get(m, name, extack);
	if (!ep)
		return -ENOENT;
	if (ep->n_udrs) {
		fp_err(m, extack, "endpoint %s: next hop of %u UDRs", ep->name,
		       ep->n_udrs);
		return -EBUSY;
	}
	fp_index_del(&m->ep_names, ep);
	fp_vobj_del(m, &m->ep_prefixes, ep->vnet, ep, &ep->node);
	kfree(ep);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_del);

/* ---- exceptions -------------------------------------------------------------- */

/**
 * fp_exception_find() - look up an exception
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 *
 * Return: the exception or NULL.
 */
struct fp_exception *fp_exception_find(const struct fp_model *m,
				       const char *vnet,
				       const struct fp_prefix *prefix)
{
	return fp_vobj_find(m, &m->exc_prefixes, vnet, prefix);
}

FP_EXPORT_FOR_KUNIT(fp_exception_find);

static struct fp_exception *fp_exception_get(struct fp_model *m,
					     const char *vnet,
					     const struct fp_prefix *prefix,
					     struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_exception_find(m, vnet, prefix),
			 "exception in vnet", vnet, extack);
}

static int fp_exc_kind_check(struct fp_model *m, const char *vnet, u8 kind,
			     struct netlink_ext_ack *extack)
{
	if (kind < FP_EXC_SPOKE)
		return 0;
	fp_err(m, extack, "exception in vnet %s: unknown kind %u", vnet, kind);
	return -EINVAL;
}

/**
 * fp_exception_add() - send traffic to @prefix in @vnet to the gateway
 * @m: the model
 * @vnet: vnet name
 * @prefix: the prefix, unique within the vnet
 * @kind: &enum fp_exc_kind other than FP_EXC_SPOKE
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL, -ENOENT, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_exception_add(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix, u8 kind,
		     struct netlink_ext_ack *extack)
{
	struct fp_exception *e;
	struct fp_vnet *v;
	int err;

	fp_assert_locked(m);
	v = fp_vnet_get(m, vnet, extack);
	if (!v)
		return -ENOENT;
	if (!fp_prefix_valid(prefix)) {
		fp_err(m, extack, "exception in vnet %s: prefix is not valid",
		       v->name);
		return -EINVAL;
	}
	err = fp_exc_kind_check(m, v->name, kind, extack);
	if (err)
		return err;
	if (fp_index_find(&m->exc_prefixes, v, prefix)) {
		fp_err(m, extack, "exception in vnet %s: prefix already excepted",
		       v->name);
		return -EEXIST;
	}
	e = fp_obj_new(m, "exception", sizeof(*e), extack);
	if (IS_ERR(e))
		return PTR_ERR(e);
	e->vnet = v;
	e->prefix = *prefix;
	e->kind = kind;
	e->id = fp_vobj_add(m, &m->exc_prefixes, v, e, &e->node,
			    &v->exceptions);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_exception_add);

/**
 * fp_exception_set() - change an exception's kind
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 * @kind: new kind
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT or -EINVAL.
 */
int fp_exception_set(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix, u8 kind,
		     struct netlink_ext_ack *extack)
{
	struct fp_exception *e;
	int err;

	fp_assert_locked(m);
	e = fp_exception_get(m, vnet, prefix, extack);
	if (!e)
		return -ENOENT;
	err = fp_exc_kind_check(m, e->vnet->name, kind, extack);
	if (err)
		return err;
	e->kind = kind;
	fp_mark_vnet(m, e->vnet);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_exception_set);

/**
 * fp_exception_del() - delete an exception
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 * @extack: error reporting, may be NULL
 *
 * Return: 0 or -ENOENT.
 */
int fp_exception_del(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix,
		     struct netlink_ext_ack *extack)
{
	struct fp_exception *e;

	fp_assert_locked(m);
	e = fp_exception_get(m, vnet, prefix, extack);
	if (!e)
		return -ENOENT;
	fp_vobj_del(m, &m->exc_prefixes, e->vnet, e, &e->node);
	kfree(e);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_exception_del);

/* ---- UDRs ------------------------------------------------------------------- */

/**
 * fp_udr_find() - look up a UDR
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 *
 * Return: the UDR or NULL.
 */
struct fp_udr *fp_udr_find(const struct fp_model *m, const char *vnet,
			   const struct fp_prefix *prefix)
{
	return fp_vobj_find(m, &m->udr_prefixes, vnet, prefix);
}

FP_EXPORT_FOR_KUNIT(fp_udr_find);

static struct fp_udr *fp_udr_get(struct fp_model *m, const char *vnet,
				 const struct fp_prefix *prefix,
				 struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_udr_find(m, vnet, prefix), "udr in vnet", vnet,
			 extack);
}

static struct fp_endpoint *fp_udr_nexthop(struct fp_model *m,
					  const struct fp_vnet *v,
					  const char *nexthop,
					  struct netlink_ext_ack *extack,
					  int *err)
{
	struct fp_endpoint *ep = fp_endpoint_find(m, nexthop);

	if (!ep) {
		fp_err(m, extack, "udr in vnet %s: no endpoint %s",
		       v->name, nexthop ?: "");
		*err = -ENOENT;
		return NULL;
	}
	if (ep->prefix.family != AF_INET) {
		fp_err(m, extack, "udr in vnet %s: next hop %s must be IPv4",
		       v->name, ep->name);
		*err = -EINVAL;
		return NULL;
	}
	if (ep->vnet != v && !fp_vnets_peered(m, ep->vnet, v)) {
		fp_err(m, extack, "udr in vnet %s: %s not in vnet or a peer",
		       v->name, ep->name);
		*err = -EINVAL;
		return NULL;
	}
	return ep;
}

/**
 * fp_udr_add() - add a UDR to a vnet's gateway subnet
 * @m: the model
 * @vnet: vnet name
 * @prefix: IPv4 destination, unique within the vnet
 * @nexthop: name of an IPv4 endpoint in the vnet or a peered vnet
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL, -ENOENT, -EEXIST, -ENOSPC or -ENOMEM.
 */
int fp_udr_add(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix, const char *nexthop,
	       struct netlink_ext_ack *extack)
{
	struct fp_endpoint *ep;
	struct fp_vnet *v;
	struct fp_udr *u;
	int err = 0;

	fp_assert_locked(m);
	v = fp_vnet_get(m, vnet, extack);
	if (!v)
		return -ENOENT;
	if (!fp_prefix_valid(prefix)) {
		fp_err(m, extack, "udr in vnet %s: prefix is not valid", v->name);
		return -EINVAL;
	}
	if (prefix->family != AF_INET) {
		fp_err(m, extack, "udr in vnet %s: UDRs are IPv4 only", v->name);
		return -EINVAL;
	}
	if (fp_index_find(&m->udr_prefixes, v, prefix)) {
		fp_err(m, extack, "udr in vnet %s: prefix already routed",
		       v->name);
		return -EEXIST;
	}
	ep = fp_udr_nexthop(m, v, nexthop, extack, &err);
	if (!ep)
		return err;
	u = fp_obj_new(m, "udr", sizeof(*u), extack);
	if (IS_ERR(u))
		return PTR_ERR(u);
	u->vnet = v;
	u->prefix = *prefix;
	u->nexthop = ep;
	u->stamp = fp_stamp(m);
	ep->n_udrs++;
	u->id = fp_vobj_add(m, &m->udr_prefixes, v, u, &u->node, &v->udrs);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_udr_add);

/**
 * fp_udr_set() - change a UDR's next hop
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 * @nexthop: name of the new next hop endpoint
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -ENOENT or -EINVAL.
 */
int fp_udr_set(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix, const char *nexthop,
	       struct netlink_ext_ack *extack)
{
	struct fp_endpoint *ep;
	struct fp_udr *u;
	int err = 0;

	fp_assert_locked(m);
	u = fp_udr_get(m, vnet, prefix, extack);
	if (!u)
		return -ENOENT;
	ep = fp_udr_nexthop(m, u->vnet, nexthop, extack, &err);
	if (!ep)
		return err;
	if (ep != u->nexthop) {
		u->nexthop->n_udrs--;
		ep->n_udrs++;
		u->nexthop = ep;
		u->stamp = fp_stamp(m);
	}
	fp_mark_vnet(m, u->vnet);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_udr_set);

/**
 * fp_udr_del() - delete a UDR
 * @m: the model
 * @vnet: vnet name
 * @prefix: its prefix
 * @extack: error reporting, may be NULL
 *
 * Return: 0 or -ENOENT.
 */
int fp_udr_del(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix,
	       struct netlink_ext_ack *extack)
{
	struct fp_udr *u;

	fp_assert_locked(m);
	u = fp_udr_get(m, vnet, prefix, extack);
	if (!u)
		return -ENOENT;
	u->nexthop->n_udrs--;
	fp_vobj_del(m, &m->udr_prefixes, u->vnet, u, &u->node);
	kfree(u);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_udr_del);
