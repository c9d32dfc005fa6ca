// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: compile the model into one circuit's tables.
 *
 * A pure function of the model (read under the namespace mutex): for
 * every connection of the circuit with fastpath on, the routes are the
 * endpoints of its vnet (hub), the endpoints of same-region peered vnets
 * when peering is on (spoke) and the vnet's UDRs when udr is on; IPv6
 * routes only when the circuit is Direct and the gateway is ErGw3AZ or
 * better.  On one prefix a UDR beats a hub endpoint, which beats a spoke.
 *
 * A UDR overrides the endpoints inside its prefix as Azure's UDR on the
 * gateway subnet overrides the system route of a vnet's address space: when
 * the UDR is at least as specific as that address space (it lies inside
 * one).  Those endpoint routes are not compiled, so their traffic finds the
 * UDR (its NVA).  A UDR wider than the address space (10.0.0.0/8 over a
 * 10.2.0.0/16 spoke) loses to the system route, and the endpoints inside
 * keep their own routes.
 *
 * Route limit: routes are installed in the order they became eligible
 * (their key: the latest stamp of everything that admits them), ties by
 * the id of the endpoint or UDR (creation order).  A new route therefore
 * never displaces an installed one; it waits, pending, and the oldest
 * pending route is installed first when room frees up.
 */
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "compat.h"
#include "compile.h"

struct fp_cbuf {
	struct fp_croute *r;
	u32 nr;
	struct fp_cexc *e;
	u32 ne;
	bool count_only;
};

static void fp_add_route(struct fp_cbuf *b, const struct fp_prefix *p,
			 const struct fp_endpoint *ep, u32 src_id,
			 const struct fp_conn *k, u8 kind, u64 key,
			 u32 vnet_id)
{
	if (!b->count_only) {
		struct fp_croute *r = &b->r[b->nr];

		memset(r, 0, sizeof(*r));
		r->prefix = *p;
		r->endpoint_id = ep->id;
		r->src_id = src_id;
		r->conn_id = k->id;
		r->kind = kind;
		r->ifindex = ep->ifindex;
		r->has_mac = ep->has_mac;
		if (ep->has_mac)
			memcpy(r->mac, ep->mac, ETH_ALEN);
		/* A UDR's neighbour is the NVA, not the packet's destination. */
		if (kind == FP_ROUTE_UDR &&
		    ep->prefix.len == (ep->prefix.family == AF_INET ? 32 : 128)) {
			r->has_gw = true;
			memcpy(r->gw, ep->prefix.addr, sizeof(r->gw));
		}
		r->conn = k;
		r->key = key;
		r->vnet_id = vnet_id;
	}
	b->nr++;
}

static void fp_add_exc(struct fp_cbuf *b, const struct fp_prefix *p,
		       u32 exc_id, u32 vnet_id, u8 kind, bool lifted)
{
	if (!b->count_only) {
		struct fp_cexc *e = &b->e[b->ne];

		e->prefix = *p;
		e->exc_id = exc_id;
		e->vnet_id = vnet_id;
		e->kind = kind;
		e->lifted = lifted;
	}
	b->ne++;
}

static bool fp_linked(const struct fp_model *m, const struct fp_circuit *c,
		      const struct fp_vnet *v)
{
	struct fp_conn *k;

	list_for_each_entry(k, &m->conns, node)
		if (k->circuit == c && k->vnet == v)
			return true;
	return false;
}

static bool fp_pe_lifted(const struct fp_exception *e, u32 flags)
{
	return e->kind == FP_EXC_PRIVATE_ENDPOINT &&
	       (flags & FP_CONN_F_PRIVATE_LINK) &&
	       e->prefix.family == AF_INET;
}

/* Spokes of @k: vnets peered with its vnet and not linked to @c. */
static void fp_walk_spokes(const struct fp_model *m, const struct fp_circuit *c,
			   const struct fp_conn *k, bool v6, u64 base,
			   u64 base6, struct fp_cbuf *b)
{
	const struct fp_vnet *v = k->vnet;
	struct fp_endpoint *ep;
	struct fp_exception *e;
	struct fp_peering *p;
	unsigned int i;

	list_for_each_entry(p, &m->peerings, node) {
		const struct fp_vnet *s;
		bool same, lift;
		u64 key;

		if (p->a != v && p->b != v)
			continue;
		s = p->a == v ? p->b : p->a;
		if (fp_linked(m, c, s))
			continue;
		same = !strcmp(s->region, v->region);
		lift = same && (k->flags & FP_CONN_F_PEERING);
		for (i = 0; i < s->n_spaces; i++)
			fp_add_exc(b, &s->spaces[i], 0, s->id,
				   same ? FP_EXC_SPOKE : FP_EXC_CROSS_REGION,
				   lift);
		list_for_each_entry(e, &s->exceptions, node)
			fp_add_exc(b, &e->prefix, e->id, s->id, e->kind,
				   lift && fp_pe_lifted(e, k->flags));
		if (!lift)
			continue;
		key = max3(base, k->peering_stamp, p->stamp);
		key = max3(key, v->stamp, s->stamp);
		list_for_each_entry(ep, &s->endpoints, node) {
			u64 ekey = max(key, ep->stamp);

			if (ep->prefix.family == AF_INET6) {
				if (!v6)
					continue;
				ekey = max(ekey, base6);
			}
			fp_add_route(b, &ep->prefix, ep, ep->id, k,
				     FP_ROUTE_SPOKE, ekey, s->id);
		}
	}
}

static bool fp_space_contains(const struct fp_vnet *v,
			      const struct fp_prefix *p)
{
	unsigned int i;

	for (i = 0; i < v->n_spaces; i++)
		if (fp_prefix_contains(&v->spaces[i], p))
			return true;
	return false;
}

/*
 * The vnet, among @k's hub and the spokes whose endpoints it compiles, with
 * an address space containing @p, or 0.  Peered vnets' spaces do not
 * overlap, so there is at most one.
 */
static u32 fp_udr_space_vnet(const struct fp_model *m,
			     const struct fp_circuit *c,
			     const struct fp_conn *k, const struct fp_prefix *p)
{
	const struct fp_vnet *v = k->vnet;
	struct fp_peering *pr;

	if (fp_space_contains(v, p))
		return v->id;
	if (!(k->flags & FP_CONN_F_PEERING))
		return 0;
	list_for_each_entry(pr, &m->peerings, node) {
		const struct fp_vnet *s;

		if (pr->a != v && pr->b != v)
			continue;
		s = pr->a == v ? pr->b : pr->a;
		if (!fp_linked(m, c, s) && !strcmp(s->region, v->region) &&
		    fp_space_contains(s, p))
			return s->id;
	}
	return 0;
}

static void fp_walk(const struct fp_model *m, const struct fp_circuit *c,
		    struct fp_cbuf *b)
{
	struct fp_endpoint *ep;
	struct fp_exception *e;
	struct fp_udr *u;
	struct fp_conn *k;

	list_for_each_entry(k, &m->conns, node) {
		const struct fp_vnet *v = k->vnet;
		u64 base, base6;
		bool v6;

		if (k->circuit != c || !(k->flags & FP_CONN_F_FASTPATH))
			continue;
		v6 = c->port != FP_PORT_NONE &&
		     fp_sku_ipv6_fastpath(v->sku, v->units);
		/* IPv6 routes also wait for the port and SKU that admit them. */
		base = k->fp_stamp;
		base6 = max(c->stamp, v->stamp);
		list_for_each_entry(ep, &v->endpoints, node) {
			u64 key = max(base, ep->stamp);

			if (ep->prefix.family == AF_INET6) {
				if (!v6)
					continue;
				key = max(key, base6);
			}
			fp_add_route(b, &ep->prefix, ep, ep->id, k,
				     FP_ROUTE_HUB, key, v->id);
		}
		if (k->flags & FP_CONN_F_UDR) {
			list_for_each_entry(u, &v->udrs, node)
				fp_add_route(b, &u->prefix, u->nexthop,
					     u->id, k, FP_ROUTE_UDR,
					     max3(base, k->udr_stamp,
						  u->stamp),
					     b->count_only ? 0 :
					     fp_udr_space_vnet(m, c, k,
							       &u->prefix));
		}
		list_for_each_entry(e, &v->exceptions, node)
			fp_add_exc(b, &e->prefix, e->id, v->id, e->kind,
				   fp_pe_lifted(e, k->flags));
		fp_walk_spokes(m, c, k, v6, base, base6, b);
	}
}

static int fp_kind_rank(u8 kind)
{
	switch (kind) {
	case FP_ROUTE_UDR:
		return 0;
	case FP_ROUTE_HUB:
		return 1;
	default:
		return 2;
	}
}

static int fp_cmp_u64(u64 a, u64 b)
{
	return (a > b) - (a < b);
}

/* By prefix, then the route that wins the prefix first. */
static int fp_route_cmp_prefix(const void *pa, const void *pb)
{
	const struct fp_croute *a = pa, *b = pb;
	int r;

	r = fp_prefix_cmp(&a->prefix, &b->prefix);
	if (r)
		return r;
	r = fp_cmp_u64(fp_kind_rank(a->kind), fp_kind_rank(b->kind));
	if (r)
		return r;
	r = fp_cmp_u64(a->key, b->key);
	if (r)
		return r;
	return fp_cmp_u64(a->src_id, b->src_id);
}

/* Install order. */
static int fp_route_cmp_key(const void *pa, const void *pb)
{
	const struct fp_croute *a = pa, *b = pb;
	int r;

	r = fp_cmp_u64(a->key, b->key);
	if (r)
		return r;
	r = fp_cmp_u64(a->src_id, b->src_id);
	if (r)
		return r;
	return fp_prefix_cmp(&a->prefix, &b->prefix);
}

/* By prefix, then by exception; per exception a lifted copy first. */
static int fp_exc_cmp(const void *pa, const void *pb)
{
	const struct fp_cexc *a = pa, *b = pb;
	int r;

	r = fp_prefix_cmp(&a->prefix, &b->prefix);
	if (r)
		return r;
	r = fp_cmp_u64(a->exc_id, b->exc_id);
	if (r)
		return r;
	r = fp_cmp_u64(a->vnet_id, b->vnet_id);
	if (r)
		return r;
	r = fp_cmp_u64(a->kind, b->kind);
	if (r)
		return r;
	return fp_cmp_u64(b->lifted, a->lifted);
}

static bool fp_exc_same(const struct fp_cexc *a, const struct fp_cexc *b)
{
	return !fp_prefix_cmp(&a->prefix, &b->prefix) &&
	       a->exc_id == b->exc_id && a->vnet_id == b->vnet_id &&
	       a->kind == b->kind;
}

/*
 * One entry per prefix.  One exception reached through several
 * connections is lifted if any of them lifts it (its copies are adjacent,
 * the lifted one first); of several exceptions on one prefix, one that is
 * not lifted wins.
 */
static u32 fp_exc_merge(struct fp_cexc *e, u32 ne)
{
	u32 i, n = 0, k = 0;

	for (i = 0; i < ne; i++)
		if (!n || !fp_exc_same(&e[n - 1], &e[i]))
			e[n++] = e[i];
	for (i = 0; i < n; i++) {
		if (k && !fp_prefix_cmp(&e[k - 1].prefix, &e[i].prefix)) {
			if (e[k - 1].lifted && !e[i].lifted)
				e[k - 1] = e[i];
			continue;
		}
		e[k++] = e[i];
	}
	return k;
}

/*
 * @e is sorted by prefix, so an exception comes after every exception that
 * contains it; the stack holds the chain of exceptions containing the
 * current one (strictly growing lengths, so at most 129 deep).
 */
static void fp_exc_blocks(struct fp_cexc *e, u32 n)
{
	u32 stack[129];
	u32 i, sp = 0;

	for (i = 0; i < n; i++) {
		while (sp && !fp_prefix_contains(&e[stack[sp - 1]].prefix,
						 &e[i].prefix))
			sp--;
		e[i].blocks = !e[i].lifted || (sp && e[stack[sp - 1]].blocks);
		if (sp < ARRAY_SIZE(stack))
			stack[sp++] = i;
	}
}

/*
 * Drop the endpoint routes a UDR overrides (see the top of the file).  @r
 * holds one route per prefix, sorted by prefix, so a route comes after
 * every route that contains it; the stack holds the chain of UDRs
 * containing the current route (strictly growing lengths).  Of the UDRs of
 * the route's connection the innermost decides: if it does not lie inside
 * the endpoint's address space, no shorter one does.  Return: routes kept.
 */
static u32 fp_udr_override(struct fp_croute *r, u32 nr)
{
	u32 stack[129];
	u32 i, j, sp = 0, n = 0;

	for (i = 0; i < nr; i++) {
		bool drop = false;

		while (sp && !fp_prefix_contains(&r[stack[sp - 1]].prefix,
						 &r[i].prefix))
			sp--;
		if (r[i].kind == FP_ROUTE_UDR) {
			/* kept routes are never moved again */
			r[n] = r[i];
			if (sp < ARRAY_SIZE(stack))
				stack[sp++] = n;
			n++;
			continue;
		}
		for (j = sp; j > 0; j--) {
			const struct fp_croute *u = &r[stack[j - 1]];

			if (u->conn_id == r[i].conn_id) {
				drop = u->vnet_id == r[i].vnet_id;
				break;
			}
		}
		if (!drop)
			r[n++] = r[i];
	}
	return n;
}

/**
 * fp_compile_circuit() - compile one circuit's route and exception tables
 * @m: the model (caller holds its lock)
 * @c: the circuit
 * @out: receives the tables; free with fp_ctable_free()
 *
 * Routes: one per prefix (UDR over hub over spoke, then install order),
 * without the endpoints a UDR overrides.
 * Exceptions: one per prefix; an exception reached through several
 * connections is lifted if one of them lifts it, and a prefix is lifted
 * only if every exception on it is.
 *
 * Return: 0 or -ENOMEM.
 */
int fp_compile_circuit(const struct fp_model *m, const struct fp_circuit *c,
		       struct fp_ctable **out)
{
	struct fp_cbuf b = { .count_only = true };
	struct fp_ctable *t;
	u32 i, n;

	lockdep_assert_held(m->lock);
	fp_walk(m, c, &b);

	t = kzalloc(sizeof(*t), GFP_KERNEL_ACCOUNT);
	if (!t)
		return -ENOMEM;
	t->circuit_id = c->id;
	t->limit = fp_circuit_route_limit(c);
	if (b.nr) {
		t->routes = kvmalloc_array(b.nr, sizeof(*t->routes),
					   GFP_KERNEL_ACCOUNT);
		if (!t->routes)
			goto nomem;
	}
	if (b.ne) {
		t->exc = kvmalloc_array(b.ne, sizeof(*t->exc),
					GFP_KERNEL_ACCOUNT);
		if (!t->exc)
			goto nomem;
	}
	b = (struct fp_cbuf){ .r = t->routes, .e = t->exc };
	fp_walk(m, c, &b);

	/* One route per prefix. */
	sort(b.r, b.nr, sizeof(*b.r), fp_route_cmp_prefix, NULL);
	for (i = 0, n = 0; i < b.nr; i++)
		if (!n || fp_prefix_cmp(&b.r[n - 1].prefix, &b.r[i].prefix))
			b.r[n++] = b.r[i];
	n = fp_udr_override(b.r, n);
	/* The first "limit" in install order are installed. */
	sort(b.r, n, sizeof(*b.r), fp_route_cmp_key, NULL);
	t->n_installed = min(n, t->limit);
	t->n_pending = n - t->n_installed;
	sort(b.r, t->n_installed, sizeof(*b.r), fp_route_cmp_prefix, NULL);

	sort(b.e, b.ne, sizeof(*b.e), fp_exc_cmp, NULL);
	t->n_exc = fp_exc_merge(b.e, b.ne);
	fp_exc_blocks(t->exc, t->n_exc);

	*out = t;
	return 0;

nomem:
	fp_ctable_free(t);
	return -ENOMEM;
}

FP_EXPORT_FOR_KUNIT(fp_compile_circuit);

/**
 * fp_ctable_free() - free compiled tables
 * @t: the tables, or NULL
 */
void fp_ctable_free(struct fp_ctable *t)
{
	if (!t)
		return;
	kvfree(t->routes);
	kvfree(t->exc);
	kfree(t);
}

FP_EXPORT_FOR_KUNIT(fp_ctable_free);

/**
 * fp_ctable_find_route() - the compiled route of exactly @p
 * @t: the tables
 * @p: the prefix
 *
 * It is installed if its index is below @t->n_installed.
 *
 * Return: the route (installed or pending) or NULL.
 */
const struct fp_croute *fp_ctable_find_route(const struct fp_ctable *t,
					     const struct fp_prefix *p)
{
	u32 i;

	for (i = 0; i < t->n_installed + t->n_pending; i++)
		if (!fp_prefix_cmp(&t->routes[i].prefix, p))
			return &t->routes[i];
	return NULL;
}

FP_EXPORT_FOR_KUNIT(fp_ctable_find_route);

/**
 * fp_ctable_find_exc() - the compiled exception of exactly @p
 * @t: the tables
 * @p: the prefix
 *
 * Return: the exception or NULL.
 */
const struct fp_cexc *fp_ctable_find_exc(const struct fp_ctable *t,
					 const struct fp_prefix *p)
{
	u32 i;

	for (i = 0; i < t->n_exc; i++)
		if (!fp_prefix_cmp(&t->exc[i].prefix, p))
			return &t->exc[i];
	return NULL;
}

FP_EXPORT_FOR_KUNIT(fp_ctable_find_exc);

/**
 * fp_croute_eq() - do two compiled routes publish the same next hop
 * @a: one route
 * @b: the other
 *
 * Compares the prefix, where the route comes from and what the data path
 * uses (connection, kind, target device, MAC and neighbour address), not
 * the install key.
 *
 * Return: true if they are the same.
 */
bool fp_croute_eq(const struct fp_croute *a, const struct fp_croute *b)
{
	return !fp_prefix_cmp(&a->prefix, &b->prefix) &&
	       a->endpoint_id == b->endpoint_id && a->src_id == b->src_id &&
	       a->conn_id == b->conn_id && a->kind == b->kind &&
	       a->ifindex == b->ifindex && a->has_mac == b->has_mac &&
	       !memcmp(a->mac, b->mac, ETH_ALEN) && a->has_gw == b->has_gw &&
	       !memcmp(a->gw, b->gw, sizeof(a->gw));
}

FP_EXPORT_FOR_KUNIT(fp_croute_eq);

/**
 * fp_ctable_equal() - would publishing @b change what @a published
 * @a: the tables published before
 * @b: freshly compiled tables of the same circuit
 *
 * Compares what the data path and the counters see: the installed routes,
 * the pending routes and the limit, and the exceptions with their lifts
 * (not the install keys).  A dirty circuit whose tables compare equal
 * need not be republished.
 *
 * Return: true if they are the same.
 */
bool fp_ctable_equal(const struct fp_ctable *a, const struct fp_ctable *b)
{
	u32 i;

	if (a->circuit_id != b->circuit_id || a->limit != b->limit ||
	    a->n_installed != b->n_installed || a->n_pending != b->n_pending ||
	    a->n_exc != b->n_exc)
		return false;
	for (i = 0; i < a->n_installed + a->n_pending; i++)
		if (!fp_croute_eq(&a->routes[i], &b->routes[i]))
			return false;
	for (i = 0; i < a->n_exc; i++) {
		const struct fp_cexc *x = &a->exc[i], *y = &b->exc[i];

		if (fp_prefix_cmp(&x->prefix, &y->prefix) ||
		    x->exc_id != y->exc_id || x->vnet_id != y->vnet_id ||
		    x->kind != y->kind || x->lifted != y->lifted ||
		    x->blocks != y->blocks)
			return false;
	}
	return true;
}

FP_EXPORT_FOR_KUNIT(fp_ctable_equal);
