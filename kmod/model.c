// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath configuration model: objects and rules (SPEC §2).
 *
 * Every mutator runs under the namespace's configuration mutex, validates
 * the complete resulting state first and changes nothing when it refuses;
 * allocations happen before the first change.  Documentation/model.rst
 * lists every rule with its error code and message.
 */
#include <linux/etherdevice.h>
#include <linux/lockdep.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <crypto/algapi.h>

#include "compat.h"
#include "counters.h"
#include "model.h"

#define fp_err(m, extack, fmt, ...) \
	FP_SET_ERR_MSG_FMT(m, extack, fmt, ##__VA_ARGS__)

static const char * const fp_sku_names[__FP_SKU_MAX] = {
	[FP_SKU_NONE] = "none",
	[FP_SKU_STANDARD] = "Standard",
	[FP_SKU_HIGH_PERFORMANCE] = "HighPerformance",
	[FP_SKU_ULTRA_PERFORMANCE] = "UltraPerformance",
	[FP_SKU_ERGW1AZ] = "ErGw1AZ",
	[FP_SKU_ERGW2AZ] = "ErGw2AZ",
	[FP_SKU_ERGW3AZ] = "ErGw3AZ",
	[FP_SKU_ERGWSCALE] = "ErGwScale",
};

/* ExpressRoute bandwidths (Mbit/s) and premium vnet links for each. */
static const u32 fp_bandwidths[] = {
	50, 100, 200, 500, 1000, 2000, 5000, 10000, 40000, 100000
};

static const u16 fp_premium_links[] = {
	20, 25, 25, 40, 50, 60, 75, 100, 100, 100
};

#define FP_STANDARD_LINKS	10

static u64 fp_stamp(struct fp_model *m)
{
	return ++m->seq;
}

static u32 fp_new_id(struct fp_model *m)
{
	return ++m->next_id;
}

static void fp_assert_locked(const struct fp_model *m)
{
	lockdep_assert_held(m->lock);
}

/* Is device @ifindex present and up (asks the device code)? */
static bool fp_dev_active(const struct fp_model *m, int ifindex)
{
	return ifindex > 0 && m->ops && m->ops->dev_active(m, ifindex);
}

/* ---- names and prefixes ------------------------------------------------ */

static bool fp_string_valid(const char *s, size_t size)
{
	size_t len;
	size_t i;

	if (!s)
		return false;
	len = strnlen(s, size);
	if (len == 0 || len >= size)
		return false;
	/* Printable, non-blank ASCII (isgraph() also takes Latin-1). */
	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] >= 0x7f)
			return false;
	return true;
}

/**
 * fp_name_valid() - is @name an acceptable object name
 * @name: NUL-terminated string
 *
 * Return: true for 1..15 printable, non-blank ASCII characters.
 */
bool fp_name_valid(const char *name)
{
	return fp_string_valid(name, FP_NAME_LEN);
}

FP_EXPORT_FOR_KUNIT(fp_name_valid);

static unsigned int fp_prefix_maxlen(const struct fp_prefix *p)
{
	return p->family == AF_INET ? 32 : 128;
}

/**
 * fp_prefix_valid() - is @p a well-formed, canonical prefix
 * @p: the prefix
 *
 * Return: true if the family is AF_INET or AF_INET6, the length fits the
 * family, host bits are zero and an IPv4 prefix's unused bytes are zero.
 */
bool fp_prefix_valid(const struct fp_prefix *p)
{
	unsigned int bytes, i;

	if (p->family != AF_INET && p->family != AF_INET6)
		return false;
	if (p->len > fp_prefix_maxlen(p))
		return false;
	bytes = p->len / 8;
	if (p->len % 8 && (p->addr[bytes] & (0xffU >> (p->len % 8))))
		return false;
	for (i = DIV_ROUND_UP(p->len, 8); i < sizeof(p->addr); i++)
		if (p->addr[i])
			return false;
	return true;
}

FP_EXPORT_FOR_KUNIT(fp_prefix_valid);

/**
 * fp_prefix_v4mapped() - is @p inside ::ffff:0:0/96, IPv4 in IPv6 clothing
 * @p: the prefix
 *
 * Such a prefix names IPv4 addresses that the IPv4 tables hold: a vnet
 * could hold it beside the same IPv4 space without an overlap, and no
 * packet is ever looked up in IPv6 by those addresses.  The UAPI refuses
 * it; the IPv4 form is the one to use.
 *
 * Return: true for an IPv6 prefix of length 96 or more in ::ffff:0:0/96.
 */
bool fp_prefix_v4mapped(const struct fp_prefix *p)
{
	static const u8 mapped[12] = { [10] = 0xff, [11] = 0xff };

	return p->family == AF_INET6 && p->len >= 96 &&
	       !memcmp(p->addr, mapped, sizeof(mapped));
}

FP_EXPORT_FOR_KUNIT(fp_prefix_v4mapped);

/* Do the first @len bits of @a and @b agree? */
static bool fp_bits_equal(const u8 *a, const u8 *b, unsigned int len)
{
	unsigned int bytes = len / 8, rem = len % 8;

	if (memcmp(a, b, bytes))
		return false;
	if (rem && ((a[bytes] ^ b[bytes]) & (0xff00U >> rem) & 0xff))
		return false;
	return true;
}

/**
 * fp_prefix_overlap() - do two prefixes share an address
 * @a: one prefix
 * @b: the other
 *
 * Return: true if both are of one family and one contains the other.
 */
bool fp_prefix_overlap(const struct fp_prefix *a, const struct fp_prefix *b)
{
	if (a->family != b->family)
		return false;
	return fp_bits_equal(a->addr, b->addr, min(a->len, b->len));
}

FP_EXPORT_FOR_KUNIT(fp_prefix_overlap);

/**
 * fp_prefix_contains() - does @outer contain @inner
 * @outer: the larger prefix
 * @inner: the smaller (or equal) prefix
 *
 * Return: true if every address of @inner is in @outer.
 */
bool fp_prefix_contains(const struct fp_prefix *outer,
			const struct fp_prefix *inner)
{
	if (outer->family != inner->family || outer->len > inner->len)
		return false;
	return fp_bits_equal(outer->addr, inner->addr, outer->len);
}

FP_EXPORT_FOR_KUNIT(fp_prefix_contains);

/**
 * fp_prefix_cmp() - total order on prefixes
 * @a: one prefix
 * @b: the other
 *
 * IPv4 before IPv6, then by address, then shorter before longer.
 *
 * Return: <0, 0 or >0 like memcmp().
 */
int fp_prefix_cmp(const struct fp_prefix *a, const struct fp_prefix *b)
{
	int r;

	if (a->family != b->family)
		return a->family == AF_INET ? -1 : 1;
	r = memcmp(a->addr, b->addr, sizeof(a->addr));
	if (r)
		return r;
	return (int)a->len - (int)b->len;
}

FP_EXPORT_FOR_KUNIT(fp_prefix_cmp);

static bool fp_prefix_eq(const struct fp_prefix *a, const struct fp_prefix *b)
{
	return fp_prefix_cmp(a, b) == 0;
}

/* ---- SKU and circuit tables ----------------------------------------------- */

/**
 * fp_sku_max_conns() - connections a gateway accepts
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * Return: the limit, 0 for no gateway or an unknown SKU.
 */
unsigned int fp_sku_max_conns(u8 sku, u8 units)
{
	switch (sku) {
	case FP_SKU_STANDARD:
	case FP_SKU_ERGW1AZ:
		return 4;
	case FP_SKU_HIGH_PERFORMANCE:
	case FP_SKU_ERGW2AZ:
		return 8;
	case FP_SKU_ULTRA_PERFORMANCE:
	case FP_SKU_ERGW3AZ:
		return 16;
	case FP_SKU_ERGWSCALE:
		if (units >= 10)
			return 16;
		if (units >= 2)
			return 8;
		return units ? 4 : 0;
	default:
		return 0;
	}
}

FP_EXPORT_FOR_KUNIT(fp_sku_max_conns);

/**
 * fp_sku_fastpath() - may connections of this gateway enable FastPath
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * Return: true for UltraPerformance, ErGw3AZ and ErGwScale >= 10 units.
 */
bool fp_sku_fastpath(u8 sku, u8 units)
{
	return sku == FP_SKU_ULTRA_PERFORMANCE || sku == FP_SKU_ERGW3AZ ||
	       (sku == FP_SKU_ERGWSCALE && units >= 10);
}

FP_EXPORT_FOR_KUNIT(fp_sku_fastpath);

/**
 * fp_sku_ipv6_fastpath() - can this gateway carry IPv6 FastPath
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * "ErGw3AZ or better": ErGw3AZ and ErGwScale >= 10 units (the zone
 * redundant SKUs of ErGw3AZ's size).  UltraPerformance is not.  The
 * circuit must also be an ExpressRoute Direct one (see compile.c).
 *
 * Return: true if IPv6 routes may be compiled for it.
 */
bool fp_sku_ipv6_fastpath(u8 sku, u8 units)
{
	return sku == FP_SKU_ERGW3AZ || (sku == FP_SKU_ERGWSCALE && units >= 10);
}

FP_EXPORT_FOR_KUNIT(fp_sku_ipv6_fastpath);

static int fp_bandwidth_index(u32 bw)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fp_bandwidths); i++)
		if (fp_bandwidths[i] == bw)
			return i;
	return -1;
}

static unsigned int fp_max_links(u8 tier, u32 bw)
{
	int i = fp_bandwidth_index(bw);

	if (tier != FP_TIER_PREMIUM || i < 0)
		return FP_STANDARD_LINKS;
	return fp_premium_links[i];
}

/**
 * fp_circuit_max_links() - vnet links a circuit accepts
 * @c: the circuit
 *
 * Return: 10 for standard circuits, else the premium limit of its bandwidth.
 */
unsigned int fp_circuit_max_links(const struct fp_circuit *c)
{
	return fp_max_links(c->tier, c->bandwidth);
}

FP_EXPORT_FOR_KUNIT(fp_circuit_max_links);

static u32 fp_route_limit(u8 port, u32 override)
{
	if (override)
		return override;
	switch (port) {
	case FP_PORT_10G:
		return FP_ROUTE_LIMIT_10G;
	case FP_PORT_100G:
		return FP_ROUTE_LIMIT_100G;
	default:
		return FP_ROUTE_LIMIT_PROVIDER;
	}
}

/**
 * fp_circuit_route_limit() - FastPath routes a circuit may install
 * @c: the circuit
 *
 * Return: the override if set, else 25,000 (provider), 100,000 (Direct 10G)
 * or 200,000 (Direct 100G).
 */
u32 fp_circuit_route_limit(const struct fp_circuit *c)
{
	return fp_route_limit(c->port, c->route_limit);
}

FP_EXPORT_FOR_KUNIT(fp_circuit_route_limit);

static u32 fp_port_mbps(u8 port)
{
	switch (port) {
	case FP_PORT_100G:
		return 100000;
	default:
		return 10000;
	}
}

/* ---- model lifetime and change tracking ---------------------------------- */

/* The prefix indexes compare keys with memcmp(): no padding in one. */
static_assert(sizeof(struct fp_prefix) ==
	      sizeof_field(struct fp_prefix, addr) + 2);

#define FP_NAMES(ix, type)						\
	{ offsetof(struct fp_model, ix), offsetof(type, hnode),		\
	  offsetof(type, name), 0 }
#define FP_PREFIXES(ix, type)						\
	{ offsetof(struct fp_model, ix), offsetof(type, pnode),		\
	  offsetof(type, prefix), sizeof(struct fp_prefix) }

/* Every index of a model: where it is, where its objects keep node and key. */
static const struct {
	size_t ix, node, key, len;
} fp_model_indexes[] = {
	FP_NAMES(circuit_names, struct fp_circuit),
	FP_NAMES(auth_names, struct fp_auth),
	FP_NAMES(vnet_names, struct fp_vnet),
	FP_NAMES(conn_names, struct fp_conn),
	FP_NAMES(ep_names, struct fp_endpoint),
	FP_PREFIXES(ep_prefixes, struct fp_endpoint),
	FP_PREFIXES(exc_prefixes, struct fp_exception),
	FP_PREFIXES(udr_prefixes, struct fp_udr),
};

static struct fp_index *fp_model_index(struct fp_model *m, unsigned int i)
{
	return (struct fp_index *)((char *)m + fp_model_indexes[i].ix);
}

static void fp_model_free_indexes(struct fp_model *m)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fp_model_indexes); i++)
		fp_index_destroy(fp_model_index(m, i));
}

/**
 * fp_model_init() - set up an empty model
 * @m: the model (embedded in the namespace's state)
 * @lock: the namespace's configuration mutex, held by every caller
 *
 * Return: 0 or -ENOMEM.
 */
int fp_model_init(struct fp_model *m, struct mutex *lock)
{
	unsigned int i;

	memset(m, 0, sizeof(*m));
	m->lock = lock;
	INIT_LIST_HEAD(&m->circuits);
	INIT_LIST_HEAD(&m->auths);
	INIT_LIST_HEAD(&m->vnets);
	INIT_LIST_HEAD(&m->peerings);
	INIT_LIST_HEAD(&m->conns);
	INIT_LIST_HEAD(&m->dead_circuits);
	INIT_LIST_HEAD(&m->dead_conns);
	for (i = 0; i < ARRAY_SIZE(fp_model_indexes); i++) {
		if (fp_index_init(fp_model_index(m, i),
				  fp_model_indexes[i].node,
				  fp_model_indexes[i].key,
				  fp_model_indexes[i].len)) {
			fp_model_free_indexes(m);
			return -ENOMEM;
		}
	}
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_model_init);

/**
 * fp_model_destroy() - free every object of a model
 * @m: the model; no other user may be left (namespace exit)
 */
void fp_model_destroy(struct fp_model *m)
{
	struct fp_endpoint *ep, *ep2;
	struct fp_exception *e, *e2;
	struct fp_udr *u, *u2;
	struct fp_vnet *v, *v2;
	struct fp_circuit *c, *c2;
	struct fp_auth *a, *a2;
	struct fp_conn *k, *k2;
	struct fp_peering *p, *p2;

	list_splice_init(&m->dead_conns, &m->conns);
	list_splice_init(&m->dead_circuits, &m->circuits);
	list_for_each_entry_safe(k, k2, &m->conns, node) {
		fp_counters_free(k->counters);
		kfree(k);
	}
	list_for_each_entry_safe(p, p2, &m->peerings, node)
		kfree(p);
	list_for_each_entry_safe(a, a2, &m->auths, node)
		kfree_sensitive(a);
	list_for_each_entry_safe(c, c2, &m->circuits, node) {
		fp_counters_free(c->counters);
		kfree(c);
	}
	list_for_each_entry_safe(v, v2, &m->vnets, node) {
		list_for_each_entry_safe(u, u2, &v->udrs, node)
			kfree(u);
		list_for_each_entry_safe(e, e2, &v->exceptions, node)
			kfree(e);
		list_for_each_entry_safe(ep, ep2, &v->endpoints, node)
			kfree(ep);
		kvfree(v->spaces);
		kfree(v);
	}
	fp_model_free_indexes(m);
	memset(m, 0, sizeof(*m));
}

FP_EXPORT_FOR_KUNIT(fp_model_destroy);

/**
 * fp_model_next_dirty() - take one circuit whose tables may have changed
 * @m: the model
 *
 * Every mutation marks the circuits whose compiled tables it may change.
 * The caller recompiles and republishes each circuit this returns, until
 * it returns NULL.  Deleted circuits are not reported (the caller deleted
 * them).
 *
 * Return: a circuit, its dirty mark cleared, or NULL.
 */
struct fp_circuit *fp_model_next_dirty(struct fp_model *m)
{
	struct fp_circuit *c;

	fp_assert_locked(m);
	list_for_each_entry(c, &m->circuits, node) {
		if (c->dirty) {
			c->dirty = false;
			return c;
		}
	}
	return NULL;
}

FP_EXPORT_FOR_KUNIT(fp_model_next_dirty);

/**
 * fp_vnets_peered() - are two vnets peered
 * @m: the model
 * @a: one vnet
 * @b: the other
 *
 * Return: true if a peering between them exists.
 */
bool fp_vnets_peered(const struct fp_model *m, const struct fp_vnet *a,
		     const struct fp_vnet *b)
{
	struct fp_peering *p;

	list_for_each_entry(p, &m->peerings, node)
		if ((p->a == a && p->b == b) || (p->a == b && p->b == a))
			return true;
	return false;
}

FP_EXPORT_FOR_KUNIT(fp_vnets_peered);

/* Circuits whose tables depend on @v: linked to it or to a peer of it. */
static void fp_mark_vnet(struct fp_model *m, const struct fp_vnet *v)
{
	struct fp_conn *k;

	list_for_each_entry(k, &m->conns, node)
		if (k->vnet == v || fp_vnets_peered(m, k->vnet, v))
			k->circuit->dirty = true;
}

static int fp_check_room(struct fp_model *m, const char *what,
			 struct netlink_ext_ack *extack)
{
	if (m->n_objects < FP_MAX_OBJECTS)
		return 0;
	fp_err(m, extack, "%s: namespace holds the maximum %u objects", what,
	       FP_MAX_OBJECTS);
	return -ENOSPC;
}

static int fp_check_name(struct fp_model *m, const char *type,
			 const char *name, struct netlink_ext_ack *extack)
{
	if (fp_name_valid(name))
		return 0;
	fp_err(m, extack, "%s name must be 1-15 printable characters", type);
	return -EINVAL;
}

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

static struct fp_circuit *fp_circuit_get(struct fp_model *m, const char *name,
					 struct netlink_ext_ack *extack)
{
	struct fp_circuit *c = fp_circuit_find(m, name);

	if (!c)
		fp_err(m, extack, "circuit %s does not exist", name ?: "");
	return c;
}

/* Validate @nc, the complete new state of circuit @old (NULL when adding). */
static int fp_circuit_check(struct fp_model *m, const struct fp_circuit *nc,
			    const struct fp_circuit *old,
			    struct netlink_ext_ack *extack)
{
	struct fp_circuit *c;
	struct fp_conn *k;

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
	if (fp_bandwidth_index(nc->bandwidth) < 0) {
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
	struct fp_circuit *c;
	int err;

	fp_assert_locked(m);
	err = fp_check_name(m, "circuit", cfg->name, extack);
	if (err)
		return err;
	if (fp_circuit_find(m, cfg->name)) {
		fp_err(m, extack, "circuit %s already exists", cfg->name);
		return -EEXIST;
	}
	err = fp_check_room(m, "circuit", extack);
	if (err)
		return err;

	c = kzalloc(sizeof(*c), GFP_KERNEL_ACCOUNT);
	if (!c)
		return -ENOMEM;
	c->counters = fp_counters_alloc(GFP_KERNEL_ACCOUNT);
	if (!c->counters) {
		kfree(c);
		return -ENOMEM;
	}
	strscpy(c->name, cfg->name, sizeof(c->name));
	uuid_copy(&c->subscription, &cfg->subscription);
	c->ifindex = cfg->ifindex;
	c->tier = cfg->tier;
	c->port = cfg->port;
	c->bandwidth = cfg->bandwidth;
	c->route_limit = cfg->route_limit;
	err = fp_circuit_check(m, c, NULL, extack);
	if (err) {
		fp_counters_free(c->counters);
		kfree(c);
		return err;
	}
	c->active = fp_dev_active(m, c->ifindex);
	c->id = fp_new_id(m);
	c->stamp = fp_stamp(m);
	c->dirty = true;
	list_add_tail(&c->node, &m->circuits);
	fp_index_add(&m->circuit_names, c, NULL);
	m->n_circuits++;
	m->n_objects++;
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
	if (cfg->mask & FP_CIRCUIT_SET_IFINDEX)
		nc.ifindex = cfg->ifindex;
	if (cfg->mask & FP_CIRCUIT_SET_TIER)
		nc.tier = cfg->tier;
	if (cfg->mask & FP_CIRCUIT_SET_PORT)
		nc.port = cfg->port;
	if (cfg->mask & FP_CIRCUIT_SET_BANDWIDTH)
		nc.bandwidth = cfg->bandwidth;
	if (cfg->mask & FP_CIRCUIT_SET_ROUTE_LIMIT)
		nc.route_limit = cfg->route_limit;
	err = fp_circuit_check(m, &nc, c, extack);
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

static void fp_circuit_free_rcu(struct rcu_head *head)
{
	struct fp_circuit *c = container_of(head, struct fp_circuit, rcu);

	fp_counters_free(c->counters);
	kfree(c);
}

static void fp_conn_free_rcu(struct rcu_head *head)
{
	struct fp_conn *k = container_of(head, struct fp_conn, rcu);

	fp_counters_free(k->counters);
	kfree(k);
}

static void fp_conn_free(struct fp_model *m, struct fp_conn *k)
{
	k->circuit->n_links--;
	k->circuit->dirty = true;
	k->vnet->n_conns--;
	if (k->auth)
		k->auth->redeemed_by = NULL;
	fp_index_del(&m->conn_names, k);
	list_move_tail(&k->node, &m->dead_conns);
	m->n_conns--;
	m->n_objects--;
}

static void fp_auth_free(struct fp_model *m, struct fp_auth *a)
{
	if (a->redeemed_by)
		fp_conn_free(m, a->redeemed_by);
	a->circuit->n_auths--;
	fp_index_del(&m->auth_names, a);
	list_del(&a->node);
	m->n_objects--;
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
	list_move_tail(&c->node, &m->dead_circuits);
	m->n_circuits--;
	m->n_objects--;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_circuit_del);

/**
 * fp_model_reap() - free deleted circuits and connections
 * @m: the model
 *
 * Deleted circuits and connections wait on the model's dead lists until
 * the caller has taken everything the data path reads of them out of the
 * published tables (publish.c); then this frees them after a grace
 * period, so a reader that found them before may still use them.
 */
void fp_model_reap(struct fp_model *m)
{
	struct fp_circuit *c, *c2;
	struct fp_conn *k, *k2;

	fp_assert_locked(m);
	list_for_each_entry_safe(k, k2, &m->dead_conns, node) {
		list_del(&k->node);
		call_rcu(&k->rcu, fp_conn_free_rcu);
	}
	list_for_each_entry_safe(c, c2, &m->dead_circuits, node) {
		list_del(&c->node);
		call_rcu(&c->rcu, fp_circuit_free_rcu);
	}
}

FP_EXPORT_FOR_KUNIT(fp_model_reap);

/**
 * fp_circuit_set_active() - record the uplink's state (device code)
 * @m: the model
 * @c: the circuit
 * @active: uplink present and up
 */
void fp_circuit_set_active(struct fp_model *m, struct fp_circuit *c,
			   bool active)
{
	fp_assert_locked(m);
	if (c->active != active) {
		c->active = active;
		c->dirty = true;
	}
}

FP_EXPORT_FOR_KUNIT(fp_circuit_set_active);

/**
 * fp_model_set_ifindex_active() - record a device's state (device code)
 * @m: the model
 * @ifindex: the device
 * @active: present and up
 *
 * Every circuit (uplink) and endpoint on @ifindex becomes (in)active; the
 * affected circuits are marked dirty.  Objects keep the ifindex: a device
 * that goes away leaves them visibly inactive, never dangling.
 *
 * Return: the number of objects whose state changed.
 */
unsigned int fp_model_set_ifindex_active(struct fp_model *m, int ifindex,
					 bool active)
{
	struct fp_endpoint *ep;
	struct fp_circuit *c;
	struct fp_vnet *v;
	unsigned int n = 0;

	fp_assert_locked(m);
	if (ifindex <= 0)
		return 0;
	list_for_each_entry(c, &m->circuits, node) {
		if (c->ifindex == ifindex && c->active != active) {
			fp_circuit_set_active(m, c, active);
			n++;
		}
	}
	list_for_each_entry(v, &m->vnets, node) {
		list_for_each_entry(ep, &v->endpoints, node) {
			if (ep->ifindex == ifindex && ep->active != active) {
				fp_endpoint_set_active(m, ep, active);
				n++;
			}
		}
	}
	return n;
}

FP_EXPORT_FOR_KUNIT(fp_model_set_ifindex_active);

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
	if (fp_auth_find(m, circuit, name)) {
		fp_err(m, extack, "auth %s of circuit %s already exists",
		       name, c->name);
		return -EEXIST;
	}
	if (c->n_auths >= FP_MAX_AUTHS) {
		fp_err(m, extack, "circuit %s: at most %u authorizations",
		       c->name, FP_MAX_AUTHS);
		return -ENOSPC;
	}
	err = fp_check_room(m, "authorization", extack);
	if (err)
		return err;
	a = kzalloc(sizeof(*a), GFP_KERNEL_ACCOUNT);
	if (!a)
		return -ENOMEM;
	strscpy(a->name, name, sizeof(a->name));
	a->circuit = c;
	get_random_bytes(a->key, sizeof(a->key));
	memcpy(key, a->key, FP_KEY_LEN);
	a->id = fp_new_id(m);
	list_add_tail(&a->node, &m->auths);
	fp_index_add(&m->auth_names, a, c);
	c->n_auths++;
	m->n_objects++;
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

/*
 * The authorization of @c whose key is @key.  Every authorization of the
 * circuit is compared, each in constant time, so the time taken does not
 * depend on which key (if any) matched.
 */
static struct fp_auth *fp_auth_match(struct fp_model *m,
				     const struct fp_circuit *c, const u8 *key)
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

static struct fp_vnet *fp_vnet_get(struct fp_model *m, const char *name,
				   struct netlink_ext_ack *extack)
{
	struct fp_vnet *v = fp_vnet_find(m, name);

	if (!v)
		fp_err(m, extack, "vnet %s does not exist", name ?: "");
	return v;
}

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

static bool fp_in_spaces(const struct fp_prefix *spaces, unsigned int n,
			 const struct fp_prefix *p)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (fp_prefix_contains(&spaces[i], p))
			return true;
	return false;
}

/*
 * A vnet other than @v, linked to a circuit that @v is (or, with @circuit,
 * would be) linked to, whose address spaces overlap @spaces.
 */
static struct fp_vnet *fp_link_overlap(struct fp_model *m,
				       const struct fp_vnet *v,
				       const struct fp_circuit *circuit,
				       const struct fp_prefix *spaces,
				       unsigned int n)
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
	err = fp_check_name(m, "vnet", cfg->name, extack);
	if (err)
		return err;
	if (fp_vnet_find(m, cfg->name)) {
		fp_err(m, extack, "vnet %s already exists", cfg->name);
		return -EEXIST;
	}
	err = fp_region_check(m, cfg->name, cfg->region, extack);
	if (!err)
		err = fp_sku_check(m, cfg->name, cfg->sku, cfg->units, extack);
	if (!err)
		err = fp_spaces_check(m, cfg->name, cfg->spaces, cfg->n_spaces,
				      extack);
	if (!err)
		err = fp_check_room(m, "vnet", extack);
	if (err)
		return err;

	v = kzalloc(sizeof(*v), GFP_KERNEL_ACCOUNT);
	if (!v)
		return -ENOMEM;
	if (cfg->n_spaces) {
		spaces = kvmalloc_array(cfg->n_spaces, sizeof(*spaces),
					GFP_KERNEL_ACCOUNT);
		if (!spaces) {
			kfree(v);
			return -ENOMEM;
		}
		memcpy(spaces, cfg->spaces, cfg->n_spaces * sizeof(*spaces));
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
	v->id = fp_new_id(m);
	v->stamp = fp_stamp(m);
	list_add_tail(&v->node, &m->vnets);
	fp_index_add(&m->vnet_names, v, NULL);
	m->n_vnets++;
	m->n_objects++;
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
			       v->name, v->n_conns, fp_sku_names[sku],
			       fp_sku_max_conns(sku, units));
			return -EBUSY;
		}
		list_for_each_entry(k, &m->conns, node) {
			if (k->vnet != v || !(k->flags & FP_CONN_F_FASTPATH) ||
			    fp_sku_fastpath(sku, units))
				continue;
			fp_err(m, extack, "vnet %s: %s can't carry its FastPath conns",
			       v->name, fp_sku_names[sku]);
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
		if (cfg->n_spaces) {
			spaces = kvmalloc_array(cfg->n_spaces, sizeof(*spaces),
						GFP_KERNEL_ACCOUNT);
			if (!spaces)
				return -ENOMEM;
			memcpy(spaces, cfg->spaces,
			       cfg->n_spaces * sizeof(*spaces));
		}
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
	list_del(&v->node);
	m->n_vnets--;
	m->n_objects--;
	kvfree(v->spaces);
	kfree(v);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_vnet_del);

static struct fp_peering *fp_peering_find(const struct fp_model *m,
					  const struct fp_vnet *a,
					  const struct fp_vnet *b)
{
	struct fp_peering *p;

	list_for_each_entry(p, &m->peerings, node)
		if ((p->a == a && p->b == b) || (p->a == b && p->b == a))
			return p;
	return NULL;
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
	va = fp_vnet_get(m, a, extack);
	if (!va)
		return -ENOENT;
	vb = fp_vnet_get(m, b, extack);
	if (!vb)
		return -ENOENT;
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
	err = fp_check_room(m, "peering", extack);
	if (err)
		return err;
	p = kzalloc(sizeof(*p), GFP_KERNEL_ACCOUNT);
	if (!p)
		return -ENOMEM;
	p->a = va;
	p->b = vb;
	p->stamp = fp_stamp(m);
	list_add_tail(&p->node, &m->peerings);
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
	int i;

	fp_assert_locked(m);
	va = fp_vnet_get(m, a, extack);
	if (!va)
		return -ENOENT;
	vb = fp_vnet_get(m, b, extack);
	if (!vb)
		return -ENOENT;
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
	va->n_peers--;
	vb->n_peers--;
	m->n_objects--;
	kfree(p);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_peering_del);

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

/* Find-or-refuse helpers: the object, or NULL with "... does not exist". */
static struct fp_endpoint *fp_endpoint_get(struct fp_model *m,
					   const char *name,
					   struct netlink_ext_ack *extack)
{
	struct fp_endpoint *ep = fp_endpoint_find(m, name);

	if (!ep)
		fp_err(m, extack, "endpoint %s does not exist", name ?: "");
	return ep;
}

static struct fp_endpoint *fp_endpoint_by_prefix(const struct fp_model *m,
						 const struct fp_vnet *v,
						 const struct fp_prefix *p)
{
	return fp_index_find(&m->ep_prefixes, v, p);
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
	dup = fp_endpoint_by_prefix(m, v, &nep->prefix);
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
	struct fp_endpoint *ep;
	struct fp_vnet *v;
	int err;

	fp_assert_locked(m);
	err = fp_check_name(m, "endpoint", cfg->name, extack);
	if (err)
		return err;
	if (fp_endpoint_find(m, cfg->name)) {
		fp_err(m, extack, "endpoint %s already exists", cfg->name);
		return -EEXIST;
	}
	v = fp_vnet_get(m, cfg->vnet, extack);
	if (!v)
		return -ENOENT;
	err = fp_check_room(m, "endpoint", extack);
	if (err)
		return err;
	ep = kzalloc(sizeof(*ep), GFP_KERNEL_ACCOUNT);
	if (!ep)
		return -ENOMEM;
	strscpy(ep->name, cfg->name, sizeof(ep->name));
	ep->vnet = v;
	ep->prefix = cfg->prefix;
	ep->ifindex = cfg->ifindex;
	ep->has_mac = cfg->has_mac;
	if (cfg->has_mac)
		ether_addr_copy(ep->mac, cfg->mac);
	err = fp_endpoint_check(m, ep, NULL, extack);
	if (err) {
		kfree(ep);
		return err;
	}
	ep->active = fp_dev_active(m, ep->ifindex);
	ep->id = fp_new_id(m);
	ep->stamp = fp_stamp(m);
	list_add_tail(&ep->node, &v->endpoints);
	fp_index_add(&m->ep_names, ep, NULL);
	fp_index_add(&m->ep_prefixes, ep, v);
	v->n_objs++;
	m->n_objects++;
	fp_mark_vnet(m, v);
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
	if (cfg->mask & FP_EP_SET_PREFIX)
		nep.prefix = cfg->prefix;
	if (cfg->mask & FP_EP_SET_IFINDEX)
		nep.ifindex = cfg->ifindex;
	if (cfg->mask & FP_EP_SET_MAC) {
		nep.has_mac = cfg->has_mac;
		if (cfg->has_mac)
			ether_addr_copy(nep.mac, cfg->mac);
		else
			eth_zero_addr(nep.mac);
	}
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
	fp_mark_vnet(m, ep->vnet);
	list_del(&ep->node);
	fp_index_del(&m->ep_names, ep);
	fp_index_del(&m->ep_prefixes, ep);
	ep->vnet->n_objs--;
	m->n_objects--;
	kfree(ep);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_del);

/**
 * fp_endpoint_set_active() - record the device's state (device code)
 * @m: the model
 * @ep: the endpoint
 * @active: device present and up
 */
void fp_endpoint_set_active(struct fp_model *m, struct fp_endpoint *ep,
			    bool active)
{
	fp_assert_locked(m);
	if (ep->active != active) {
		ep->active = active;
		fp_mark_vnet(m, ep->vnet);
	}
}

FP_EXPORT_FOR_KUNIT(fp_endpoint_set_active);

/* ---- connections ----------------------------------------------------------- */

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
	struct fp_conn *k = fp_conn_find(m, name);

	if (!k)
		fp_err(m, extack, "connection %s does not exist", name ?: "");
	return k;
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
		       name, fp_sku_names[v->sku]);
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
	err = fp_check_name(m, "connection", cfg->name, extack);
	if (err)
		return err;
	if (fp_conn_find(m, cfg->name)) {
		fp_err(m, extack, "connection %s already exists", cfg->name);
		return -EEXIST;
	}
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
	if (!err)
		err = fp_check_room(m, "connection", extack);
	if (err)
		return err;

	k = kzalloc(sizeof(*k), GFP_KERNEL_ACCOUNT);
	if (!k)
		return -ENOMEM;
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
	k->id = fp_new_id(m);
	fp_conn_stamp(m, k, 0, k->flags);
	list_add_tail(&k->node, &m->conns);
	fp_index_add(&m->conn_names, k, NULL);
	c->n_links++;
	c->dirty = true;
	v->n_conns++;
	m->n_conns++;
	m->n_objects++;
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
	struct fp_vnet *v = fp_vnet_find(m, vnet);

	return v ? fp_index_find(&m->exc_prefixes, v, prefix) : NULL;
}

FP_EXPORT_FOR_KUNIT(fp_exception_find);

static struct fp_exception *fp_exception_get(struct fp_model *m,
					     const char *vnet,
					     const struct fp_prefix *prefix,
					     struct netlink_ext_ack *extack)
{
	struct fp_exception *e = fp_exception_find(m, vnet, prefix);

	if (!e)
		fp_err(m, extack, "exception in vnet %s does not exist",
		       vnet ?: "");
	return e;
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
	if (fp_exception_find(m, vnet, prefix)) {
		fp_err(m, extack, "exception in vnet %s: prefix already excepted",
		       v->name);
		return -EEXIST;
	}
	err = fp_check_room(m, "exception", extack);
	if (err)
		return err;
	e = kzalloc(sizeof(*e), GFP_KERNEL_ACCOUNT);
	if (!e)
		return -ENOMEM;
	e->vnet = v;
	e->prefix = *prefix;
	e->kind = kind;
	e->id = fp_new_id(m);
	list_add_tail(&e->node, &v->exceptions);
	fp_index_add(&m->exc_prefixes, e, v);
	v->n_objs++;
	m->n_objects++;
	fp_mark_vnet(m, v);
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
	fp_mark_vnet(m, e->vnet);
	fp_index_del(&m->exc_prefixes, e);
	list_del(&e->node);
	e->vnet->n_objs--;
	m->n_objects--;
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
	struct fp_vnet *v = fp_vnet_find(m, vnet);

	return v ? fp_index_find(&m->udr_prefixes, v, prefix) : NULL;
}

FP_EXPORT_FOR_KUNIT(fp_udr_find);

static struct fp_udr *fp_udr_get(struct fp_model *m, const char *vnet,
				 const struct fp_prefix *prefix,
				 struct netlink_ext_ack *extack)
{
	struct fp_udr *u = fp_udr_find(m, vnet, prefix);

	if (!u)
		fp_err(m, extack, "udr in vnet %s does not exist", vnet ?: "");
	return u;
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
	if (fp_udr_find(m, vnet, prefix)) {
		fp_err(m, extack, "udr in vnet %s: prefix already routed",
		       v->name);
		return -EEXIST;
	}
	ep = fp_udr_nexthop(m, v, nexthop, extack, &err);
	if (!ep)
		return err;
	err = fp_check_room(m, "udr", extack);
	if (err)
		return err;
	u = kzalloc(sizeof(*u), GFP_KERNEL_ACCOUNT);
	if (!u)
		return -ENOMEM;
	u->vnet = v;
	u->prefix = *prefix;
	u->nexthop = ep;
	u->id = fp_new_id(m);
	u->stamp = fp_stamp(m);
	ep->n_udrs++;
	list_add_tail(&u->node, &v->udrs);
	fp_index_add(&m->udr_prefixes, u, v);
	v->n_objs++;
	m->n_objects++;
	fp_mark_vnet(m, v);
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
	fp_mark_vnet(m, u->vnet);
	u->nexthop->n_udrs--;
	fp_index_del(&m->udr_prefixes, u);
	list_del(&u->node);
	u->vnet->n_objs--;
	m->n_objects--;
	kfree(u);
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_udr_del);
