// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath configuration model: the core (SPEC §2).
 *
 * Every mutator runs under the namespace's configuration mutex, validates
 * the complete resulting state first and changes nothing when it refuses;
 * allocations happen before the first change.  Documentation/model.rst
 * lists every rule with its error code and message.
 *
 * The object files (model_internal.h lists them) keep to that shape with
 * the helpers here: fp_check_new() opens every add of a named object (a
 * valid name, not taken), fp_check_room() counts it against FP_MAX_OBJECTS
 * (fp_obj_new() with the allocation that follows),
 * fp_exists() turns a failed lookup into "<kind> <name> does not exist",
 * and fp_obj_add()/fp_obj_del() keep the lists, counts and ids.  Besides
 * these, this file holds what no one object owns: the model's lifetime and
 * its indexes (name_index.c), the dirty marks, the device state, and the
 * deferred free of deleted circuits and connections.
 */
#include <linux/err.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

#include "compat.h"
#include "counters.h"
#include "model_internal.h"

/* The prefix indexes compare keys with memcmp(): no padding in one. */
static_assert(sizeof(struct fp_prefix) ==
	      sizeof_field(struct fp_prefix, addr) + 2);

/* ---- model lifetime -------------------------------------------------------- */

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
	{ offsetof(struct fp_model, peering_pairs),
	  offsetof(struct fp_peering, hnode), offsetof(struct fp_peering, hi),
	  sizeof_field(struct fp_peering, hi) },
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

/* ---- what every add, get and delete shares ----------------------------------- */

/**
 * fp_check_room() - may the namespace hold one more object
 * @m: the model
 * @what: the object's kind, for the message
 * @extack: error reporting, may be NULL
 *
 * Return: 0, or -ENOSPC at FP_MAX_OBJECTS.
 */
int fp_check_room(struct fp_model *m, const char *what,
		  struct netlink_ext_ack *extack)
{
	if (m->n_objects < FP_MAX_OBJECTS)
		return 0;
	fp_err(m, extack, "%s: namespace holds the maximum %u objects", what,
	       FP_MAX_OBJECTS);
	return -ENOSPC;
}

/**
 * fp_obj_new() - room for one more object, and its memory
 * @m: the model
 * @what: the object's kind, for the message
 * @size: its size
 * @extack: error reporting, may be NULL
 *
 * The last step before an add changes anything: every rule has been
 * checked, the namespace's object limit is the last one.
 *
 * Return: the zeroed object, ERR_PTR(-ENOSPC) (see fp_check_room()) or
 * ERR_PTR(-ENOMEM).
 */
void *fp_obj_new(struct fp_model *m, const char *what, size_t size,
		 struct netlink_ext_ack *extack)
{
	int err = fp_check_room(m, what, extack);
	void *obj;

	if (err)
		return ERR_PTR(err);
	obj = kzalloc(size, GFP_KERNEL_ACCOUNT);
	return obj ?: ERR_PTR(-ENOMEM);
}

/**
 * fp_check_name() - is a new object's name acceptable
 * @m: the model
 * @what: the object's kind, for the message
 * @name: the name, or NULL
 * @extack: error reporting, may be NULL
 *
 * Return: 0, or -EINVAL unless fp_name_valid().
 */
int fp_check_name(struct fp_model *m, const char *what, const char *name,
		  struct netlink_ext_ack *extack)
{
	if (fp_name_valid(name))
		return 0;
	fp_err(m, extack, "%s name must be 1-15 printable characters", what);
	return -EINVAL;
}

/**
 * fp_check_new() - the checks that open the add of a named object
 * @m: the model
 * @ix: the index of its kind, by name alone
 * @what: the object's kind, for the messages
 * @name: the new name, or NULL
 * @extack: error reporting, may be NULL
 *
 * Return: 0, -EINVAL (not a valid name) or -EEXIST (taken).
 */
int fp_check_new(struct fp_model *m, const struct fp_index *ix,
		 const char *what, const char *name,
		 struct netlink_ext_ack *extack)
{
	int err = fp_check_name(m, what, name, extack);

	if (err)
		return err;
	if (!fp_index_find(ix, NULL, name))
		return 0;
	fp_err(m, extack, "%s %s already exists", what, name);
	return -EEXIST;
}

/**
 * fp_exists() - the object a request names, or a refusal
 * @m: the model
 * @obj: what the lookup found, or NULL
 * @what: the object's kind as the message names it ("circuit",
 *	"exception in vnet")
 * @name: the name the request gave, or NULL
 * @extack: error reporting, may be NULL
 *
 * Return: @obj; when it is NULL, the message is "<what> <name> does not
 * exist" and the caller returns -ENOENT.
 */
void *fp_exists(struct fp_model *m, void *obj, const char *what,
		const char *name, struct netlink_ext_ack *extack)
{
	if (!obj)
		fp_err(m, extack, "%s %s does not exist", what, name ?: "");
	return obj;
}

/**
 * fp_obj_add() - account for a new object: the last step of an add
 * @m: the model
 * @node: the object's list node
 * @list: the list it joins, at the end (creation order, which dumps rely on)
 * @count: the count of its kind or of its parent to raise, or NULL
 *
 * Return: the object's id, unique and never reused in this namespace.
 */
u32 fp_obj_add(struct fp_model *m, struct list_head *node,
	       struct list_head *list, unsigned int *count)
{
	list_add_tail(node, list);
	if (count)
		(*count)++;
	m->n_objects++;
	return ++m->next_id;
}

/**
 * fp_obj_del() - account for an object that goes
 * @m: the model
 * @node: the object's list node
 * @dead: the dead list it waits on for fp_model_reap(), or NULL when the
 *	caller frees it now
 * @count: the count of its kind or of its parent to lower, or NULL
 */
void fp_obj_del(struct fp_model *m, struct list_head *node,
		struct list_head *dead, unsigned int *count)
{
	if (dead)
		list_move_tail(node, dead);
	else
		list_del(node);
	if (count)
		(*count)--;
	m->n_objects--;
}

/* ---- change tracking ------------------------------------------------------- */

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
 * fp_peering_find() - the peering of two vnets
 * @m: the model
 * @a: one vnet
 * @b: the other (either order)
 *
 * Return: the peering or NULL.
 */
struct fp_peering *fp_peering_find(const struct fp_model *m,
				   const struct fp_vnet *a,
				   const struct fp_vnet *b)
{
	const struct fp_vnet *hi = fp_peering_hi(a, b);

	return fp_index_find(&m->peering_pairs, hi == a ? b : a, &hi);
}

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
	return fp_peering_find(m, a, b);
}

FP_EXPORT_FOR_KUNIT(fp_vnets_peered);

/**
 * fp_mark_vnet() - mark the circuits whose tables depend on a vnet
 * @m: the model
 * @v: the vnet
 *
 * Those are the circuits linked to @v or to a vnet peered with it.
 */
void fp_mark_vnet(struct fp_model *m, const struct fp_vnet *v)
{
	struct fp_conn *k;

	list_for_each_entry(k, &m->conns, node)
		if (k->vnet == v || fp_vnets_peered(m, k->vnet, v))
			k->circuit->dirty = true;
}

/* ---- device state ------------------------------------------------------------ */

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

/* ---- deleted circuits and connections ------------------------------------- */

/**
 * fp_conn_free() - delete a connection
 * @m: the model
 * @k: the connection
 *
 * Its circuit and vnet lose a link, its authorization (if any) is free
 * again, and it waits on &fp_model.dead_conns for fp_model_reap().  Used
 * by fp_conn_del() and when an authorization is revoked.
 */
void fp_conn_free(struct fp_model *m, struct fp_conn *k)
{
	k->circuit->n_links--;
	k->circuit->dirty = true;
	k->vnet->n_conns--;
	if (k->auth)
		k->auth->redeemed_by = NULL;
	fp_index_del(&m->conn_names, k);
	fp_obj_del(m, &k->node, &m->dead_conns, &m->n_conns);
}

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
