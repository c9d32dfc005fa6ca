// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: the read side of the published tables (lookup.h): what the
 * data path calls per packet, under rcu_read_lock(), without locks or
 * allocation.  publish.c writes the tables (its top comment has the
 * design); nothing here calls the writer.
 */
#include <linux/rcupdate.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "lookup.h"

static_assert(offsetof(struct fp_nh, e) == 0);
static_assert(offsetof(struct fp_pexc, e) == 0);

static bool fp_pent_valid(const struct fp_pent *e, u32 gen)
{
	return READ_ONCE(e->gen_from) <= gen && gen <= READ_ONCE(e->gen_until);
}

/**
 * fp_pent_visible() - the value a generation sees where a trie holds @e
 * @t: the trie that holds @e (its writer's lock is the lockdep condition)
 * @e: a value of @t, or %NULL
 * @gen: the reader's generation of the circuit
 *
 * Context: rcu_read_lock() held, or @t's writer lock.
 * Return: @e if it is valid in @gen, else what @e stands in front of in
 * @gen (its @prev, if valid there), else %NULL.
 */
const struct fp_pent *fp_pent_visible(const struct fp_trie *t,
				      const struct fp_pent *e, u32 gen)
{
	if (!e || fp_pent_valid(e, gen))
		return e;
	e = rcu_dereference_check(e->prev, lockdep_is_held(t->lock));
	if (e && fp_pent_valid(e, gen))
		return e;
	return NULL;
}

/* The family-specialised trie lookups of the hot path. */
static const struct fp_pent *fp_pub_trie_lookup(const struct fp_trie *t,
						bool v6, const void *daddr)
{
	__be32 a;

	if (v6)
		return fp_trie_lookup6(t, daddr);
	memcpy(&a, daddr, sizeof(a));
	return fp_trie_lookup4(t, a);
}

/**
 * fp_pub_lookup() - exception verdict and next hop for a destination
 * @pc: the circuit (the ingress hook's)
 * @family: AF_INET or AF_INET6
 * @daddr: destination address (4 or 16 bytes, network order)
 * @v: receives the next hop (FASTPATH_REASON_FORWARDED and
 *	FASTPATH_REASON_TARGET_DOWN) or the blocking exception's kind
 *	(FASTPATH_REASON_EXCEPTION)
 *
 * Both lookups see one generation of the circuit's tables.  The caller
 * still checks the device (up, MTU) and the neighbour (SPEC §3 steps 5-6)
 * and counts on @v->nh->counters and @pc->counters.
 *
 * Context: rcu_read_lock() held; softirq safe, no allocation.
 * Return: FASTPATH_REASON_EXCEPTION, FASTPATH_REASON_NO_ROUTE,
 * FASTPATH_REASON_TARGET_DOWN (the endpoint has no device or it is gone) or
 * FASTPATH_REASON_FORWARDED (a candidate for forwarding).
 */
unsigned int fp_pub_lookup(const struct fp_pcirc *pc, u8 family,
			   const void *daddr, struct fp_verdict *v)
{
	bool v6 = family == AF_INET6;
	const struct fp_trie *t;
	const struct fp_pent *e;
	const struct fp_pexc *x;
	const struct fp_nh *nh;
	u32 gen;

	v->nh = NULL;
	v->exc_kind = 0;
	/* Pairs with the release in fp_flip(): one generation, whole. */
	gen = smp_load_acquire(&pc->gen);
	t = &pc->t[v6 ? FP_PT_EX6 : FP_PT_EX4];
	e = fp_pub_trie_lookup(t, v6, daddr);
	x = (const struct fp_pexc *)fp_pent_visible(t, e, gen);
	if (unlikely(x && x->blocks)) {
		v->exc_kind = x->kind;
		return FASTPATH_REASON_EXCEPTION;
	}
	t = &pc->t[v6 ? FP_PT_RT6 : FP_PT_RT4];
	e = fp_pub_trie_lookup(t, v6, daddr);
	nh = (const struct fp_nh *)fp_pent_visible(t, e, gen);
	if (!nh)
		return FASTPATH_REASON_NO_ROUTE;
	v->nh = nh;
	if (!fp_nh_dev(nh))
		return FASTPATH_REASON_TARGET_DOWN;
	return FASTPATH_REASON_FORWARDED;
}

FP_EXPORT_FOR_KUNIT(fp_pub_lookup);
