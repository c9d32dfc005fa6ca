// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: publish the compiled tables of each circuit to the data path.
 *
 * What readers see
 * ----------------
 * Per namespace an xarray maps the uplink's ifindex to a &struct fp_pcirc.
 * It holds four tries (trie.c): IPv4 and IPv6 routes, whose values are next
 * hops (&struct fp_nh), and IPv4 and IPv6 exceptions (&struct fp_pexc, with
 * the lift rules already applied: @blocks).  A reader, in softirq under
 * rcu_read_lock(), loads the circuit's generation once, then looks up the
 * exception trie and the route trie; every value carries the range of
 * generations in which it is valid, and an invalid value's @prev is what
 * the previous generation had there.
 *
 * Why generations
 * ---------------
 * The trie makes each single insert, replace and delete atomic and never
 * hides another prefix, but one configuration change may change many
 * prefixes that must flip together: turning a connection's private-link
 * flag on lifts exceptions and may add routes; a reader must never see the
 * lifts without the routes or the other way round.  Options were (a) a
 * whole new set of tries per change, swapped in with one pointer: simple,
 * but O(table) per change and the SPEC wants incremental updates at
 * thousands of routes per second; (b) a small per-circuit "policy" object
 * with the flags that routes are gated on: atomic for flag changes only,
 * not for peering, region or SKU changes that move exceptions and routes
 * together; (c) generations, chosen here, in the spirit of a two-phase
 * commit: a commit first stages every new value in the tries, valid only
 * from generation G+1 and with @prev set to what generation G shows for
 * that prefix (the replaced value, or for a new prefix the value of the
 * longest prefix covering it); then, with no allocation left to fail, it
 * closes the values that go away at G and publishes G+1 with one
 * smp_store_release().  Readers of G and readers of G+1 each see one
 * consistent table.  Afterwards removed prefixes are deleted from the
 * tries, and the @prev links are cleared once a grace period has passed
 * (checked with poll/cond_synchronize_rcu() at the next commit, so a burst
 * of commits that only add prefixes never waits).
 *
 * Failures
 * --------
 * fp_compile_circuit(), allocation of entries and trie inserts can fail
 * with -ENOMEM before the flip: the staged values, never valid, stay in
 * the tries as "garbage" (readers use their @prev instead), the circuit
 * stays dirty and a delayed work retries; the next attempt first puts the
 * previous values back.  A generation number is never handed out twice, so
 * a leftover staged value can never become valid.  A trie delete that
 * fails after the flip leaves a "tombstone", invalid in every generation,
 * retried the same way.  Every failure counts in &fp_pub.failures and is
 * logged, rate limited.
 *
 * Lifetimes
 * ---------
 * Values are freed with kfree_rcu() once no trie and no @prev points to
 * them.  Next hops point to the owning connection's counters: deleted
 * connections and circuits stay on the model's dead lists until their
 * next hops are gone or killed (@gen_until = 0) and only then are freed
 * after a grace period (fp_model_reap()).  Target devices are held
 * through &struct fp_pdev, one tracked reference per device and
 * namespace, shared by all next hops; NETDEV_UNREGISTER (devices.c) drops
 * it at once, whatever routes still point to the slot, so a device never
 * waits for fastpath to go away.
 *
 * Deferred commits
 * ----------------
 * A commit recompiles every dirty circuit, O(routes of the circuit), so
 * committing each request of a bulk load of n endpoints costs O(n^2).  A
 * request flagged DEFER (netlink) changes the model and marks circuits
 * dirty as usual but only calls fp_pub_defer(): the next commit, whoever
 * runs it (a request without the flag, FASTPATH_CMD_COMMIT, a device event
 * or the safety timer), publishes everything dirty in one flip per
 * circuit, so the data path never sees a half-applied request.  The
 * safety timer is @retry, the work that already retries failed commits
 * (a dirty circuit plus a delayed work is exactly what a deferral is): it
 * is re-armed by every deferral to FP_DEFER_DELAY from now, capped at
 * FP_DEFER_MAX after the first unpublished deferral, so a batch sender
 * that dies or stalls cannot leave the data path stale.  The namespace's
 * teardown cancels it (cancel_delayed_work_sync() before taking the lock,
 * once no request or device event can run any more).
 *
 * Locking: writers hold the namespace's configuration mutex (fp_net.lock),
 * taken after RTNL when called from the netdevice notifier; nothing here
 * takes RTNL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/lockdep.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "compile.h"
#include "counters.h"
#include "datapath.h"
#include "model.h"
#include "publish.h"

#define FP_GEN_OPEN	U32_MAX
#define FP_RETRY_DELAY	(HZ / 10)
/* A deferred commit runs at the latest this long after the last deferral, */
#define FP_DEFER_DELAY	HZ
/* and never later than this after the first one. */
#define FP_DEFER_MAX	(10 * HZ)

/* Frees unpublished circuits a grace period after they went (rcu_work). */
static struct workqueue_struct *fp_pub_wq;

/* ---- device slots ------------------------------------------------------- */

static bool fp_pub_fault(struct fp_pub *pub)
{
	return pub->fault_nth && --pub->fault_nth == 0;
}

static struct fp_pdev *fp_pdev_find(struct fp_pub *pub, int ifindex)
{
	struct fp_pdev *pd;

	hash_for_each_possible(pub->pdevs, pd, hnode, ifindex)
		if (pd->ifindex == ifindex)
			return pd;
	return NULL;
}

static void fp_pdev_bind(struct fp_pdev *pd, struct net_device *dev)
{
	netdev_hold(dev, &pd->tracker, GFP_ATOMIC);
	pd->held = dev;
	rcu_assign_pointer(pd->dev, dev);
}

static struct fp_pdev *fp_pdev_get(struct fp_pub *pub, int ifindex)
{
	struct net_device *dev;
	struct fp_pdev *pd;

	pd = fp_pdev_find(pub, ifindex);
	if (pd) {
		pd->users++;
		return pd;
	}
	if (fp_pub_fault(pub))
		return NULL;
	pd = kzalloc(sizeof(*pd), GFP_KERNEL_ACCOUNT);
	if (!pd)
		return NULL;
	pd->ifindex = ifindex;
	pd->users = 1;
	/*
	 * A device found here is either still listed when its
	 * NETDEV_UNREGISTER comes (which waits for our mutex and drops the
	 * reference) or not found at all: unregistering unlists the device
	 * and waits for RCU readers before it notifies.
	 */
	rcu_read_lock();
	dev = pub->net ? dev_get_by_index_rcu(pub->net, ifindex) : NULL;
	if (dev)
		fp_pdev_bind(pd, dev);
	rcu_read_unlock();
	hash_add(pub->pdevs, &pd->hnode, ifindex);
	return pd;
}

static void fp_pdev_free_rcu(struct rcu_head *head)
{
	struct fp_pdev *pd = container_of(head, struct fp_pdev, rcu);

	netdev_put(pd->held, &pd->tracker);
	kfree(pd);
}

static void fp_pdev_put(struct fp_pdev *pd)
{
	if (!pd || --pd->users)
		return;
	hash_del(&pd->hnode);
	RCU_INIT_POINTER(pd->dev, NULL);
	call_rcu(&pd->rcu, fp_pdev_free_rcu);
}

/**
 * fp_pub_dev_register() - a device appeared in the namespace
 * @pub: the namespace's published state (locked, RTNL held)
 * @dev: the device (NETDEV_REGISTER, also after a netns move)
 *
 * Next hops to an endpoint on this ifindex use the device again, and a
 * circuit on it gets its ingress hook.
 */
void fp_pub_dev_register(struct fp_pub *pub, struct net_device *dev)
{
	struct fp_pcirc *pc;
	struct fp_pdev *pd;

	lockdep_assert_held(pub->lock);
	pd = fp_pdev_find(pub, dev->ifindex);
	if (pd && !pd->held)
		fp_pdev_bind(pd, dev);
	/* A circuit's uplink (back) in the namespace: hook it. */
	pc = xa_load(&pub->circuits, dev->ifindex);
	if (pc && !pc->hook && fp_dp_attach(pub->net, pc, dev)) {
		pub->failures++;
		pr_warn_ratelimited("cannot attach to %s yet, retrying\n",
				    dev->name);
		schedule_delayed_work(&pub->retry, FP_RETRY_DELAY);
	}
}

FP_EXPORT_FOR_KUNIT(fp_pub_dev_register);

/**
 * fp_pub_dev_unregister() - a device leaves the namespace
 * @pub: the namespace's published state (locked, RTNL held)
 * @dev: the device (NETDEV_UNREGISTER, also before a netns move)
 *
 * The tracked reference is dropped before this returns, whatever routes
 * still point to it: they pass their traffic to the gateway (TARGET_DOWN).  A
 * circuit on it loses its ingress hook.
 */
void fp_pub_dev_unregister(struct fp_pub *pub, struct net_device *dev)
{
	struct fp_pcirc *pc;
	struct fp_pdev *pd;

	lockdep_assert_held(pub->lock);
	/* Netfilter keeps a device's hooks when it unregisters. */
	pc = xa_load(&pub->circuits, dev->ifindex);
	if (pc && pc->hook && pc->hook->dev == dev)
		fp_dp_detach(pc);
	pd = fp_pdev_find(pub, dev->ifindex);
	if (!pd || pd->held != dev)
		return;
	/*
	 * No wait for readers here: unregister_netdevice_many() waits for a
	 * grace period (synchronize_net()) after the NETDEV_UNREGISTER
	 * notifiers and before the device can be freed, and a device moved
	 * to another namespace lives on.
	 */
	RCU_INIT_POINTER(pd->dev, NULL);
	netdev_put(pd->held, &pd->tracker);
	pd->held = NULL;
}

FP_EXPORT_FOR_KUNIT(fp_pub_dev_unregister);

/* ---- entries -------------------------------------------------------------- */

static void fp_prefix_to_trie(const struct fp_prefix *p,
			      struct fp_trie_prefix *tp)
{
	memcpy(tp->addr, p->addr, sizeof(tp->addr));
	tp->len = p->len;
}

static void *fp_pent_alloc(struct fp_pcirc *pc, struct fp_pub *pub,
			   size_t size, u8 table, const struct fp_prefix *p)
{
	struct fp_pent *e;

	if (fp_pub_fault(pub))
		return NULL;
	e = kzalloc(size, GFP_KERNEL_ACCOUNT);
	if (!e)
		return NULL;
	e->table = table;
	fp_prefix_to_trie(p, &e->pfx);
	INIT_LIST_HEAD(&e->work);
	list_add_tail(&e->node, &pc->entries);
	return e;
}

static bool fp_pent_is_route(const struct fp_pent *e)
{
	return e->table == FP_PT_RT4 || e->table == FP_PT_RT6;
}

/* A route's hold on its device slot (the slot is freed after a grace period). */
static void fp_pent_put_dev(struct fp_pent *e)
{
	if (fp_pent_is_route(e))
		fp_pdev_put(((struct fp_nh *)e)->pdev);
}

static void fp_pent_release(struct fp_pent *e)
{
	list_del(&e->node);
	list_del_init(&e->work);
	fp_pent_put_dev(e);
}

/* Readers may still hold @e: free it after a grace period. */
static void fp_pent_free(struct fp_pent *e)
{
	fp_pent_release(e);
	kfree_rcu(e, rcu);
}

static struct fp_pent *fp_pent_prev(const struct fp_pcirc *pc,
				    const struct fp_pent *e)
{
	return rcu_dereference_protected(e->prev,
					 lockdep_is_held(pc->t[0].lock));
}

static struct fp_trie *fp_pent_trie(struct fp_pcirc *pc,
				    const struct fp_pent *e)
{
	return &pc->t[e->table];
}

/*
 * The entry of the longest prefix shorter than @p that contains it; with
 * @live, the longest one that does not die with the commit being built.
 */
static struct fp_pent *fp_pent_shorter(struct fp_trie *t,
				       const struct fp_trie_prefix *p,
				       bool live)
{
	struct fp_trie_prefix q = *p;
	struct fp_pent *e;
	int len;

	for (len = p->len - 1; len >= 0; len--) {
		q.len = len;
		if (len % 8)
			q.addr[len / 8] &= 0xff00U >> (len % 8);
		else
			q.addr[len / 8] = 0;
		e = fp_trie_get(t, &q);
		if (e && !(live && e->dying))
			return e;
	}
	return NULL;
}

/*
 * What generation @gen shows for the addresses of @p that no longer prefix
 * covers: the value of the longest prefix shorter than @p containing it.
 */
static struct fp_pent *fp_pent_cover(struct fp_pcirc *pc, struct fp_trie *t,
				     const struct fp_trie_prefix *p, u32 gen)
{
	struct fp_pent *e;

	rcu_read_lock();
	e = fp_trie_lookup(t, p->addr);
	rcu_read_unlock();
	if (!e)
		return NULL;
	if (e->pfx.len >= p->len) {
		/* A longer prefix answered: find the covering one. */
		e = fp_pent_shorter(t, p, false);
		if (!e)
			return NULL;
	}
	return (struct fp_pent *)fp_pent_visible(t, e, gen);
}

/* ---- commit of one circuit ---------------------------------------------- */

/* Clear the @prev links of the last commit once its readers are gone. */
static void fp_pc_retire(struct fp_pcirc *pc)
{
	struct fp_pent *e, *tmp;

	if (list_empty(&pc->retire))
		return;
	cond_synchronize_rcu(pc->retire_cookie);
	list_for_each_entry_safe(e, tmp, &pc->retire, work) {
		struct fp_pent *prev = fp_pent_prev(pc, e);

		list_del_init(&e->work);
		RCU_INIT_POINTER(e->prev, NULL);
		if (e->prev_owned && prev)
			fp_pent_free(prev);
		e->prev_owned = false;
	}
}

/* Undo what a failed attempt left in the tries (garbage, tombstones). */
static int fp_pc_clean(struct fp_pcirc *pc)
{
	struct fp_pent *e, *tmp, *prev;
	void *old;
	int err;

	list_for_each_entry_safe(e, tmp, &pc->garbage, work) {
		prev = fp_pent_prev(pc, e);
		if (e->prev_owned && prev)
			err = fp_trie_insert(fp_pent_trie(pc, e), &e->pfx, prev,
					     &old);
		else
			err = fp_trie_delete(fp_pent_trie(pc, e), &e->pfx, &old);
		if (err)
			return err;
		/* The replaced value went back into the trie. */
		e->prev_owned = false;
		fp_pent_free(e);
	}
	list_for_each_entry_safe(e, tmp, &pc->tombs, work) {
		err = fp_trie_delete(fp_pent_trie(pc, e), &e->pfx, &old);
		if (err && err != -ENOENT)
			return err;
		fp_pent_free(e);
	}
	return 0;
}

/* One commit attempt's bookkeeping. */
struct fp_commit {
	struct fp_pub *pub;
	struct fp_pcirc *pc;
	u32 gen;		/* generation readers see now */
	u32 next;		/* generation being built */
	struct list_head staged;	/* new values, in the tries */
	struct list_head dying;		/* values that go away */
};

/* Put new value @e for its prefix into the trie, valid from @cm->next. */
static int fp_stage(struct fp_commit *cm, struct fp_pent *e)
{
	struct fp_pcirc *pc = cm->pc;
	struct fp_trie *t = fp_pent_trie(pc, e);
	struct fp_pent *cur;
	void *old;
	int err;

	e->gen_from = cm->next;
	e->gen_until = cm->next;
	cur = fp_trie_get(t, &e->pfx);
	if (cur) {
		/* After fp_pc_clean() the trie holds only valid values. */
		RCU_INIT_POINTER(e->prev, cur);
		e->prev_owned = true;
	} else {
		RCU_INIT_POINTER(e->prev, fp_pent_cover(pc, t, &e->pfx,
							cm->gen));
	}
	err = fp_trie_insert(t, &e->pfx, e, &old);
	if (err) {
		RCU_INIT_POINTER(e->prev, NULL);
		e->prev_owned = false;
		fp_pent_release(e);
		kfree(e);	/* never published */
		return err;
	}
	list_add_tail(&e->work, &cm->staged);
	return 0;
}

static int fp_stage_route(struct fp_commit *cm, const struct fp_croute *r)
{
	u8 table = r->prefix.family == AF_INET ? FP_PT_RT4 : FP_PT_RT6;
	struct fp_nh *nh;

	nh = fp_pent_alloc(cm->pc, cm->pub, sizeof(*nh), table,
			   &r->prefix);
	if (!nh)
		return -ENOMEM;
	nh->kind = r->kind;
	nh->has_mac = r->has_mac;
	memcpy(nh->mac, r->mac, ETH_ALEN);
	nh->has_gw = r->has_gw;
	memcpy(nh->gw, r->gw, sizeof(nh->gw));
	nh->endpoint_id = r->endpoint_id;
	nh->conn_id = r->conn_id;
	nh->conn = r->conn;
	nh->counters = r->conn->counters;
	if (r->ifindex > 0) {
		nh->pdev = fp_pdev_get(cm->pub, r->ifindex);
		if (!nh->pdev) {
			fp_pent_release(&nh->e);
			kfree(nh);
			return -ENOMEM;
		}
	}
	return fp_stage(cm, &nh->e);
}

static int fp_stage_exc(struct fp_commit *cm, const struct fp_cexc *x)
{
	u8 table = x->prefix.family == AF_INET ? FP_PT_EX4 : FP_PT_EX6;
	struct fp_pexc *pe;

	pe = fp_pent_alloc(cm->pc, cm->pub, sizeof(*pe), table,
			   &x->prefix);
	if (!pe)
		return -ENOMEM;
	pe->kind = x->kind;
	pe->blocks = x->blocks;
	return fp_stage(cm, &pe->e);
}

/* The current value of @p in @table goes away with this commit. */
static void fp_doom(struct fp_commit *cm, u8 table, const struct fp_prefix *p)
{
	struct fp_trie_prefix tp;
	struct fp_pent *e;

	fp_prefix_to_trie(p, &tp);
	e = fp_trie_get(&cm->pc->t[table], &tp);
	if (e) {
		e->dying = true;
		list_add_tail(&e->work, &cm->dying);
	}
}

/*
 * What the new generation shows for the addresses of dying entry @d: the
 * entry of the longest shorter prefix that stays or comes with this
 * commit.  Every trie entry is valid now or staged (fp_pc_clean() ran)
 * except the dying ones.
 */
static struct fp_pent *fp_pent_next_cover(struct fp_pcirc *pc,
					  const struct fp_pent *d)
{
	return fp_pent_shorter(fp_pent_trie(pc, d), &d->pfx, true);
}

static bool fp_cexc_eq(const void *pa, const void *pb)
{
	const struct fp_cexc *a = pa, *b = pb;

	return a->kind == b->kind && a->blocks == b->blocks;
}

static bool fp_croute_same(const void *a, const void *b)
{
	return fp_croute_eq(a, b);
}

static int fp_stage_route_v(struct fp_commit *cm, const void *r)
{
	return fp_stage_route(cm, r);
}

static int fp_stage_exc_v(struct fp_commit *cm, const void *x)
{
	return fp_stage_exc(cm, x);
}

/* How to diff one kind of compiled array (routes or exceptions). */
struct fp_diff_ops {
	size_t size;
	u8 table4, table6;
	bool (*eq)(const void *a, const void *b);
	int (*stage)(struct fp_commit *cm, const void *x);
};

/* Both start with their prefix. */
static_assert(offsetof(struct fp_croute, prefix) == 0);
static_assert(offsetof(struct fp_cexc, prefix) == 0);

static const struct fp_diff_ops fp_diff_routes = {
	.size = sizeof(struct fp_croute),
	.table4 = FP_PT_RT4, .table6 = FP_PT_RT6,
	.eq = fp_croute_same, .stage = fp_stage_route_v,
};

static const struct fp_diff_ops fp_diff_exc = {
	.size = sizeof(struct fp_cexc),
	.table4 = FP_PT_EX4, .table6 = FP_PT_EX6,
	.eq = fp_cexc_eq, .stage = fp_stage_exc_v,
};

/* Stage the difference of two prefix-sorted arrays @a (old), @b (new). */
static int fp_diff(struct fp_commit *cm, const struct fp_diff_ops *ops,
		   const void *a, u32 na, const void *b, u32 nb)
{
	const struct fp_prefix *pa, *pb;
	u32 i = 0, j = 0;
	int r, err;

	while (i < na || j < nb) {
		pa = i < na ? a + i * ops->size : NULL;
		pb = j < nb ? b + j * ops->size : NULL;
		r = !pa ? 1 : !pb ? -1 : fp_prefix_cmp(pa, pb);
		if (r < 0) {
			fp_doom(cm, pa->family == AF_INET ? ops->table4 :
				ops->table6, pa);
			i++;
			continue;
		}
		if (r > 0 || !ops->eq(pa, pb)) {
			err = ops->stage(cm, pb);
			if (err)
				return err;
		}
		if (r == 0)
			i++;
		j++;
	}
	return 0;
}

/* Close @e at generation @gen (never reopen a killed value). */
static void fp_pent_close(struct fp_pent *e, u32 gen)
{
	if (READ_ONCE(e->gen_until) > gen)
		WRITE_ONCE(e->gen_until, gen);
}

/* The flip: nothing here can fail. */
static void fp_flip(struct fp_commit *cm)
{
	struct fp_pcirc *pc = cm->pc;
	struct fp_pent *e, *tmp;
	void *old;

	/*
	 * Readers of the new generation that still find a dying entry in
	 * the trie (until its delete below, or for good as a tombstone) go
	 * on to the prefix that covers it then.  No reader follows the link
	 * before the new generation is published.
	 */
	list_for_each_entry(e, &cm->dying, work)
		rcu_assign_pointer(e->prev, fp_pent_next_cover(pc, e));
	list_for_each_entry(e, &cm->dying, work)
		fp_pent_close(e, cm->gen);
	list_for_each_entry(e, &cm->staged, work) {
		if (e->prev_owned)
			fp_pent_close(fp_pent_prev(pc, e), cm->gen);
		WRITE_ONCE(e->gen_until, FP_GEN_OPEN);
	}
	/* Readers that load the new generation see every store above. */
	smp_store_release(&pc->gen, cm->next);
	pc->retire_cookie = get_state_synchronize_rcu();

	list_for_each_entry_safe(e, tmp, &cm->dying, work) {
		list_del_init(&e->work);
		if (fp_trie_delete(fp_pent_trie(pc, e), &e->pfx, &old) &&
		    fp_trie_get(fp_pent_trie(pc, e), &e->pfx) == e)
			list_add_tail(&e->work, &pc->tombs);
		else
			fp_pent_free(e);
	}
	list_for_each_entry_safe(e, tmp, &cm->staged, work) {
		list_del_init(&e->work);
		if (fp_pent_prev(pc, e))
			list_add_tail(&e->work, &pc->retire);
	}
}

static struct fp_pcirc *fp_pc_new(struct fp_pub *pub,
				  const struct fp_circuit *c)
{
	struct fp_pcirc *pc;

	if (fp_pub_fault(pub))
		return NULL;
	pc = kzalloc(sizeof(*pc), GFP_KERNEL_ACCOUNT);
	if (!pc)
		return NULL;
	fp_trie_init(&pc->t[FP_PT_RT4], 32, pub->lock);
	fp_trie_init(&pc->t[FP_PT_RT6], 128, pub->lock);
	fp_trie_init(&pc->t[FP_PT_EX4], 32, pub->lock);
	fp_trie_init(&pc->t[FP_PT_EX6], 128, pub->lock);
	pc->circuit_id = c->id;
	pc->counters = c->counters;
	pc->gen = 1;
	pc->next_gen = 1;
	INIT_LIST_HEAD(&pc->entries);
	INIT_LIST_HEAD(&pc->retire);
	INIT_LIST_HEAD(&pc->garbage);
	INIT_LIST_HEAD(&pc->tombs);
	return pc;
}

/* Key the circuit by its uplink, as the model now says. */
static int fp_pc_rekey(struct fp_pub *pub, struct fp_pcirc *pc, int ifindex)
{
	int err;

	if (pc->ifindex == ifindex)
		return 0;
	fp_dp_detach(pc);
	if (ifindex > 0) {
		err = xa_err(xa_store(&pub->circuits, ifindex, pc,
				      GFP_KERNEL_ACCOUNT));
		if (err)
			return err;
	}
	if (pc->ifindex > 0)
		xa_cmpxchg(&pub->circuits, pc->ifindex, pc, NULL, 0);
	pc->ifindex = ifindex;
	return 0;
}

/* A grace period after fp_pc_free(), in process context. */
static void fp_pc_free_work(struct work_struct *work)
{
	struct fp_pcirc *pc = container_of(to_rcu_work(work), struct fp_pcirc,
					   free_work);
	struct fp_pent *e, *tmp;
	unsigned int i;

	for (i = 0; i < FP_PT_N; i++)
		fp_trie_free(&pc->t[i]);
	list_for_each_entry_safe(e, tmp, &pc->entries, node)
		kfree(e);
	kfree(pc);
}

/*
 * Unpublish a circuit: no new packet finds it.  It is freed a grace period
 * later, when no packet in the hook can still use it; nothing here waits.
 * The device slots are put now (they are freed after a grace period too).
 */
static void fp_pc_free(struct fp_pub *pub, struct fp_pcirc *pc)
{
	struct fp_pent *e;

	fp_dp_detach(pc);
	if (pc->ifindex > 0)
		xa_cmpxchg(&pub->circuits, pc->ifindex, pc, NULL, 0);
	list_for_each_entry(e, &pc->entries, node)
		fp_pent_put_dev(e);
	fp_ctable_free(pc->committed);
	pc->committed = NULL;
	INIT_RCU_WORK(&pc->free_work, fp_pc_free_work);
	queue_rcu_work(fp_pub_wq, &pc->free_work);
}

/* Hook the circuit's uplink if it is in the namespace and not hooked. */
static int fp_pc_attach(struct fp_pub *pub, struct fp_pcirc *pc)
{
	struct net_device *dev;
	int err;

	if (pc->hook || pc->ifindex <= 0 || !pub->net)
		return 0;
	/*
	 * Found here, the device is either still listed when its
	 * NETDEV_UNREGISTER comes (which waits for our mutex and detaches)
	 * or not found at all.
	 */
	dev = dev_get_by_index(pub->net, pc->ifindex);
	if (!dev)
		return 0;
	err = fp_dp_attach(pub->net, pc, dev);
	dev_put(dev);
	return err;
}

static int fp_pc_commit(struct fp_pub *pub, struct fp_circuit *c)
{
	struct fp_commit cm = { .pub = pub };
	struct fp_ctable *d = NULL, *o;
	struct fp_pent *e, *tmp;
	struct fp_pcirc *pc;
	int err;

	pc = c->pub;
	if (!pc) {
		pc = fp_pc_new(pub, c);
		if (!pc)
			return -ENOMEM;
		c->pub = pc;
	}
	cm.pc = pc;
	err = fp_pc_rekey(pub, pc, c->ifindex);
	if (err)
		return err;
	fp_pc_retire(pc);
	err = fp_pc_clean(pc);
	if (err)
		return err;
	err = fp_compile_circuit(pub->model, c, &d);
	if (err)
		return err;
	o = pc->committed;
	if (o && fp_ctable_equal(o, d)) {
		fp_ctable_free(d);
		return 0;
	}

	INIT_LIST_HEAD(&cm.staged);
	INIT_LIST_HEAD(&cm.dying);
	cm.gen = pc->gen;
	cm.next = ++pc->next_gen;
	err = fp_diff(&cm, &fp_diff_routes, o ? o->routes : NULL,
		      o ? o->n_installed : 0, d->routes, d->n_installed);
	if (!err)
		err = fp_diff(&cm, &fp_diff_exc, o ? o->exc : NULL,
			      o ? o->n_exc : 0, d->exc, d->n_exc);
	if (err) {
		/* Never valid: readers use their @prev instead. */
		list_for_each_entry_safe(e, tmp, &cm.staged, work)
			list_move_tail(&e->work, &pc->garbage);
		list_for_each_entry_safe(e, tmp, &cm.dying, work) {
			e->dying = false;
			list_del_init(&e->work);
		}
		fp_ctable_free(d);
		return err;
	}
	fp_flip(&cm);
	pc->committed = d;
	fp_ctable_free(o);
	pub->commits++;
	/* Tombstones are retried like a failed commit. */
	return list_empty(&pc->tombs) ? 0 : -ENOMEM;
}

/*
 * Routes of deleted connections whose circuit could not be republished:
 * close them now (no allocation), before the connections are freed.
 */
static void fp_kill_dead_conns(struct fp_model *m)
{
	struct fp_pent *e;
	struct fp_pcirc *pc;
	struct fp_conn *k;

	list_for_each_entry(k, &m->dead_conns, node) {
		pc = k->circuit->pub;
		if (!pc)
			continue;
		list_for_each_entry(e, &pc->entries, node)
			if (fp_pent_is_route(e) &&
			    ((struct fp_nh *)e)->conn == k)
				WRITE_ONCE(e->gen_until, 0);
	}
}

/**
 * fp_pub_commit() - publish every change of the namespace's configuration
 * @pub: the namespace's published state (locked)
 *
 * Called at the commit point of every configuration change (and after
 * device events): recompiles each dirty circuit and applies the difference
 * to its published tables, unpublishes deleted circuits, and frees deleted
 * circuits and connections once the data path cannot reach them.  A
 * circuit that fails for lack of memory keeps what it published, stays
 * dirty and is retried by a delayed work.
 */
void fp_pub_commit(struct fp_pub *pub)
{
	struct fp_model *m = pub->model;
	unsigned int failed = 0;
	struct fp_circuit *c;
	int err;

	lockdep_assert_held(pub->lock);
	pub->deferred = false;
	list_for_each_entry(c, &m->dead_circuits, node) {
		if (c->pub) {
			fp_pc_free(pub, c->pub);
			c->pub = NULL;
		}
	}
	list_for_each_entry(c, &m->circuits, node) {
		if (c->dirty) {
			c->dirty = false;
			err = fp_pc_commit(pub, c);
			if (err) {
				c->dirty = true;
				failed++;
			}
		}
		/* Published tables first, then the hook that reads them. */
		if (c->pub && fp_pc_attach(pub, c->pub))
			failed++;
	}
	fp_kill_dead_conns(m);
	fp_model_reap(m);
	if (failed) {
		pub->failures++;
		pr_warn_ratelimited("%u circuit(s) not fully published (out of memory), retrying\n",
				    failed);
		schedule_delayed_work(&pub->retry, FP_RETRY_DELAY);
	} else {
		/* Nothing left to retry or to publish: stop a safety timer. */
		cancel_delayed_work(&pub->retry);
	}
}

FP_EXPORT_FOR_KUNIT(fp_pub_commit);

static void fp_pub_retry(struct work_struct *work)
{
	struct fp_pub *pub = container_of(to_delayed_work(work), struct fp_pub,
					  retry);

	mutex_lock(pub->lock);
	if (pub->deferred)
		pub->timer_commits++;
	fp_pub_commit(pub);
	mutex_unlock(pub->lock);
}

/**
 * fp_pub_defer() - publish the namespace's changes later
 * @pub: the namespace's published state (locked)
 *
 * Instead of fp_pub_commit() at the commit point of a change: the dirty
 * circuits stay dirty and are published by the next fp_pub_commit(), or
 * by the safety timer FP_DEFER_DELAY after the last deferral (at most
 * FP_DEFER_MAX after the first) if nobody commits before.
 */
void fp_pub_defer(struct fp_pub *pub)
{
	unsigned long now = jiffies, last;
	unsigned long delay = FP_DEFER_DELAY;

	lockdep_assert_held(pub->lock);
	if (!pub->deferred) {
		pub->deferred = true;
		pub->defer_since = now;
	}
	last = pub->defer_since + FP_DEFER_MAX;
	if (time_after(now + delay, last))
		delay = time_after(last, now) ? last - now : 0;
	mod_delayed_work(system_wq, &pub->retry, delay);
}

FP_EXPORT_FOR_KUNIT(fp_pub_defer);

/**
 * fp_pub_circuit_stats() - what a circuit has published
 * @c: the circuit (model locked)
 * @st: receives the numbers
 *
 * Return: false if nothing is published for it yet.
 */
bool fp_pub_circuit_stats(const struct fp_circuit *c, struct fp_pub_stats *st)
{
	const struct fp_pcirc *pc = c->pub;

	memset(st, 0, sizeof(*st));
	if (!pc || !pc->committed)
		return false;
	st->installed = pc->committed->n_installed;
	st->pending = pc->committed->n_pending;
	st->limit = pc->committed->limit;
	st->exceptions = pc->committed->n_exc;
	st->gen = pc->gen;
	return true;
}

FP_EXPORT_FOR_KUNIT(fp_pub_circuit_stats);

/**
 * fp_pub_init() - set up a namespace's empty published state
 * @pub: the state
 * @model: the namespace's model, which fp_pub_commit() publishes
 * @lock: the namespace's configuration mutex (the model's)
 * @net: the namespace (devices are looked up there), or %NULL in tests
 */
void fp_pub_init(struct fp_pub *pub, struct fp_model *model,
		 struct mutex *lock, struct net *net)
{
	memset(pub, 0, sizeof(*pub));
	xa_init(&pub->circuits);
	hash_init(pub->pdevs);
	INIT_DELAYED_WORK(&pub->retry, fp_pub_retry);
	pub->model = model;
	pub->lock = lock;
	pub->net = net;
}

FP_EXPORT_FOR_KUNIT(fp_pub_init);

/**
 * fp_pub_destroy() - unpublish everything of a namespace
 * @pub: the state; its lock is not held
 *
 * Stops the retry work, then unpublishes every circuit of the model
 * (deleted ones too); their tables are freed a grace period later
 * (module exit waits for that).  Waits for nothing but the work.
 */
void fp_pub_destroy(struct fp_pub *pub)
{
	struct fp_model *m = pub->model;
	struct hlist_node *tmp;
	struct fp_circuit *c;
	struct fp_pdev *pd;
	unsigned int bkt;

	/* The retry work takes the lock: stop it first. */
	cancel_delayed_work_sync(&pub->retry);
	mutex_lock(pub->lock);
	list_for_each_entry(c, &m->dead_circuits, node) {
		if (c->pub)
			fp_pc_free(pub, c->pub);
		c->pub = NULL;
	}
	list_for_each_entry(c, &m->circuits, node) {
		if (c->pub)
			fp_pc_free(pub, c->pub);
		c->pub = NULL;
	}
	/* Every next hop is gone, so every slot was put; be safe anyway. */
	hash_for_each_safe(pub->pdevs, bkt, tmp, pd, hnode) {
		WARN_ON_ONCE(1);
		pd->users = 1;
		fp_pdev_put(pd);
	}
	xa_destroy(&pub->circuits);
	mutex_unlock(pub->lock);
}

FP_EXPORT_FOR_KUNIT(fp_pub_destroy);

/**
 * fp_pub_module_init() - the workqueue that frees unpublished circuits
 *
 * Return: 0 or -ENOMEM.
 */
int fp_pub_module_init(void)
{
	fp_pub_wq = alloc_workqueue("fastpath_free", WQ_UNBOUND, 0);
	return fp_pub_wq ? 0 : -ENOMEM;
}

/**
 * fp_pub_module_exit() - free what is still queued, then the workqueue
 *
 * After every namespace's fp_pub_destroy().
 */
void fp_pub_module_exit(void)
{
	/* The RCU callbacks queue the last frees. */
	rcu_barrier();
	destroy_workqueue(fp_pub_wq);
}
