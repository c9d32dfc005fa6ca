// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the route trie (kmod/trie.c).  Hand-written cases, a randomized
 * differential test against a naive linear table (IPv4 and IPv6, down to
 * the empty table), allocation-failure injection, and readers in kthreads
 * that must never miss a stable prefix while a writer churns the table.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/random.h>
#include <linux/atomic.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>

#include "compat.h"
#include "trie.h"
#include "trie_oracle.h"

static DEFINE_MUTEX(fp_trie_test_lock);

/* Values: addresses inside this array. */
static int fp_vals[1024];
#define V(i)	((void *)&fp_vals[(i) % ARRAY_SIZE(fp_vals)])

static struct fp_trie_prefix pfx4(u32 a, unsigned int len)
{
	struct fp_trie_prefix p = { .len = len };
	__be32 b = cpu_to_be32(a);

	memcpy(p.addr, &b, 4);
	return p;
}

static void *look4(struct fp_trie *t, u32 a)
{
	void *v;

	rcu_read_lock();
	v = fp_trie_lookup4(t, cpu_to_be32(a));
	rcu_read_unlock();
	return v;
}

static int ins(struct fp_trie *t, struct fp_trie_prefix p, void *v)
{
	int err;

	mutex_lock(&fp_trie_test_lock);
	err = fp_trie_insert(t, &p, v, NULL);
	mutex_unlock(&fp_trie_test_lock);
	return err;
}

static int del(struct fp_trie *t, struct fp_trie_prefix p)
{
	int err;

	mutex_lock(&fp_trie_test_lock);
	err = fp_trie_delete(t, &p, NULL);
	mutex_unlock(&fp_trie_test_lock);
	return err;
}

#define IP(a, b, c, d)	(((u32)(a) << 24) | ((b) << 16) | ((c) << 8) | (d))

static void trie_default_route(struct kunit *test)
{
	struct fp_trie t;

	KUNIT_ASSERT_EQ(test, fp_trie_init(&t, 32, &fp_trie_test_lock), 0);
	KUNIT_EXPECT_NULL(test, look4(&t, IP(1, 2, 3, 4)));
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(0, 0), V(1)), 0);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, 0), V(1));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, ~0U), V(1));
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(0, 32), V(2)), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(~0U, 32), V(3)), 0);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, 0), V(2));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, 1), V(1));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, ~0U), V(3));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, ~1U), V(1));
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(0, 0)), 0);
	KUNIT_EXPECT_NULL(test, look4(&t, 1));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, 0), V(2));
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 2UL);
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(0, 32)), 0);
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(~0U, 32)), 0);
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 0UL);
	KUNIT_EXPECT_EQ(test, fp_trie_mem(&t), sizeof(t));
	fp_trie_destroy(&t);
}

static void trie_v6_extremes(struct kunit *test)
{
	struct fp_trie t;
	struct fp_trie_prefix p = { .len = 0 }, q;
	u8 a[16];

	KUNIT_ASSERT_EQ(test, fp_trie_init(&t, 128, &fp_trie_test_lock), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, p, V(1)), 0);
	memset(p.addr, 0xff, 16);
	p.len = 128;
	KUNIT_EXPECT_EQ(test, ins(&t, p, V(2)), 0);
	q = p;
	q.len = 127;
	q.addr[15] = 0xfe;
	KUNIT_EXPECT_EQ(test, ins(&t, q, V(3)), 0);
	q.len = 129;
	KUNIT_EXPECT_EQ(test, ins(&t, q, V(3)), -EINVAL);
	memset(a, 0xff, 16);
	rcu_read_lock();
	KUNIT_EXPECT_PTR_EQ(test, fp_trie_lookup6(&t, a), V(2));
	a[15] = 0xfe;
	KUNIT_EXPECT_PTR_EQ(test, fp_trie_lookup6(&t, a), V(3));
	a[15] = 0xfd;
	KUNIT_EXPECT_PTR_EQ(test, fp_trie_lookup6(&t, a), V(1));
	KUNIT_EXPECT_PTR_EQ(test, fp_trie_lookup(&t, a), V(1));
	rcu_read_unlock();
	fp_trie_destroy(&t);
}

static void trie_overlap_replace_delete(struct kunit *test)
{
	struct fp_trie t;
	struct fp_trie_prefix p;
	void *old = NULL;

	KUNIT_ASSERT_EQ(test, fp_trie_init(&t, 32, &fp_trie_test_lock), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 0, 0, 0), 8), V(1)), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 0, 0), 16), V(2)), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 0), 24), V(3)), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 3), 32), V(4)), 0);
	/* host bits set, bad length, NULL value */
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 3), 24), V(5)), -EINVAL);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 3), 33), V(5)), -EINVAL);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 0), 24), NULL), -EINVAL);

	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 2, 3)), V(4));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 2, 4)), V(3));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 3, 4)), V(2));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 2, 3, 4)), V(1));
	KUNIT_EXPECT_NULL(test, look4(&t, IP(11, 2, 3, 4)));

	/* replace keeps the prefix and reports the old value */
	p = pfx4(IP(10, 1, 0, 0), 16);
	mutex_lock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, fp_trie_insert(&t, &p, V(6), &old), 0);
	KUNIT_EXPECT_PTR_EQ(test, old, V(2));
	KUNIT_EXPECT_PTR_EQ(test, fp_trie_get(&t, &p), V(6));
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 4UL);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 3, 4)), V(6));

	/* delete of absent, delete, re-insert */
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(10, 1, 0, 0), 17)), -ENOENT);
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(10, 1, 2, 0), 24)), 0);
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(10, 1, 2, 0), 24)), -ENOENT);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 2, 4)), V(6));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 2, 3)), V(4));
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(10, 1, 2, 0), 24), V(3)), 0);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(10, 1, 2, 4)), V(3));
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 4UL);
	fp_trie_destroy(&t);
}

struct walk_ctx {
	struct fp_trie_prefix last;
	void *v[16];
	int n, stop_at;
};

static int walk_fn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct walk_ctx *w = arg;

	if (w->n == w->stop_at)
		return 1;
	w->last = *p;
	w->v[w->n++] = v;
	return 0;
}

/* Every address of 198.51.100.0/24: its /32's value, else the /16's. */
struct host_block_state {
	bool on[256];
	int val[256];
};

static int host_block_bad(struct fp_trie *t, const struct host_block_state *h)
{
	const bool *on = h->on;
	const int *val = h->val;
	int i, bad = 0;

	for (i = 0; i < 256; i++)
		bad += look4(t, IP(198, 51, 100, i)) !=
		       (on[i] ? V(val[i]) : V(1));
	return bad;
}

/*
 * Dense /24s and host blocks: a /24 gets its block of /32 values at 32
 * host routes and loses it below 16 or to a /31; lookups of every address
 * agree before, during and after, and nothing is left when the table
 * empties.
 */
static void trie_host_blocks(struct kunit *test)
{
	struct host_block_state *h = kunit_kzalloc(test, sizeof(*h),
						   GFP_KERNEL);
	struct fp_trie_entry *e;
	struct fp_trie t;
	void *far;
	bool *on;
	int *val;
	int i, n = 0;

	KUNIT_ASSERT_NOT_NULL(test, h);
	on = h->on;
	val = h->val;
	fp_trie_init(&t, 32, &fp_trie_test_lock);
	KUNIT_ASSERT_EQ(test, ins(&t, pfx4(IP(198, 51, 0, 0), 16), V(1)), 0);
	for (i = 0; i < 256; i += 2) {
		KUNIT_ASSERT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, i), 32),
					  V(10 + i)), 0);
		on[i] = true;
		val[i] = 10 + i;
		if (++n == 31)
			KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	}
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	/* a new value in place, a /31 and a /30 beside the hosts */
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 8), 32), V(500)), 0);
	val[8] = 500;
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 1), 32), V(501)), 0);
	on[1] = true;
	val[1] = 501;
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 101, 1)), V(1));
	/* a /31 takes the block away; the next /32 update brings it back */
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 2), 31), V(502)), 0);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 100, 3)), V(502));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 100, 2)), V(12));
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(198, 51, 100, 2), 31)), 0);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 8), 32), V(503)), 0);
	val[8] = 503;
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	/* a value 2^40 bytes off (wrapping past 2^64) fits no u32: no block */
	far = (void *)((unsigned long)V(504) + BIT_ULL(40));
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 8), 32), far), 0);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 100, 8)), far);
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 100, 10)), V(20));
	/* its delete brings the block back */
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(198, 51, 100, 8), 32)), 0);
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_PTR_EQ(test, look4(&t, IP(198, 51, 100, 8)), V(1));
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(IP(198, 51, 100, 8), 32), V(503)), 0);
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	for (i = 0; i < 256 && n > 16; i += 2, n--) {
		KUNIT_ASSERT_EQ(test, del(&t, pfx4(IP(198, 51, 100, i), 32)), 0);
		on[i] = false;
	}
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	for (; n > 14; i += 2, n--) {
		KUNIT_ASSERT_EQ(test, del(&t, pfx4(IP(198, 51, 100, i), 32)), 0);
		on[i] = false;
	}
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	/* a whole-table replace builds the blocks from the new table */
	e = kcalloc(258, sizeof(*e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	e[0].pfx = pfx4(IP(198, 51, 0, 0), 16);
	e[0].value = V(1);
	for (i = 0, n = 0; i < 256; i++) {
		on[i] = i % 3 == 0;
		val[i] = 700 + i;
		if (!on[i])
			continue;
		e[1 + n].pfx = pfx4(IP(198, 51, 100, i), 32);
		e[1 + n++].value = V(700 + i);
	}
	mutex_lock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, fp_trie_replace_all(&t, e, 1 + n), 0);
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_NOT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, host_block_bad(&t, h), 0);
	mutex_lock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, fp_trie_replace_all(&t, NULL, 0), 0);
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_NULL(test, rcu_access_pointer(t.hb));
	KUNIT_EXPECT_EQ(test, fp_trie_mem(&t), sizeof(t));
	kfree(e);
	fp_trie_destroy(&t);
}

static size_t images(struct fp_trie *t)
{
	size_t n;

	mutex_lock(&fp_trie_test_lock);
	n = fp_trie_images(t);
	mutex_unlock(&fp_trie_test_lock);
	return n;
}

/* 10.0.0.0/12 holds /24s 10.a.b.0 in its /18 number j: what each answers */
static u32 img_net(int j)
{
	return IP(10, j >> 2, (j & 3) << 6, 0);
}

static int img_bad(struct fp_trie *t, int n, void *far)
{
	int j, bad = 0;

	for (j = 0; j < 64; j++) {
		void *want = j < n ? (j == 0 && far ? far : V(10 + j)) : V(1);

		bad += look4(t, img_net(j) + 7) != want;
		bad += look4(t, img_net(j) + 256) != V(1);
	}
	return bad + (look4(t, IP(10, 16, 0, 1)) != V(1)) +
	       !!look4(t, IP(11, 0, 0, 1));
}

/*
 * Lookup images: the direct-table entry of 10.0.0.0/12 leads to an image
 * up to 64 nodes (the /12's node and one per /18 with a /24) and to the
 * trie past it; a value too far from the others for u32 leaves also keeps
 * the trie.  Every /24 and its neighbour answer right all along.
 */
static void trie_images(struct kunit *test)
{
	void *far = (void *)((unsigned long)V(0) + (1UL << 40));
	struct fp_trie t;
	int j;

	fp_trie_init(&t, 32, &fp_trie_test_lock);
	KUNIT_ASSERT_EQ(test, ins(&t, pfx4(IP(10, 0, 0, 0), 8), V(1)), 0);
	KUNIT_EXPECT_EQ(test, images(&t), 0UL);	/* leaves only */
	for (j = 0; j < 64; j++) {
		KUNIT_ASSERT_EQ(test, ins(&t, pfx4(img_net(j), 24), V(10 + j)),
				0);
		KUNIT_EXPECT_EQ(test, img_bad(&t, j + 1, NULL), 0);
		KUNIT_EXPECT_EQ(test, images(&t), j < 63 ? 1UL : 0UL);
	}
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(img_net(63), 24)), 0);
	KUNIT_EXPECT_EQ(test, images(&t), 1UL);
	KUNIT_EXPECT_EQ(test, img_bad(&t, 63, NULL), 0);
	/* 2^40 bytes apart: no u32 leaf for it */
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(img_net(0), 24), far), 0);
	KUNIT_EXPECT_EQ(test, images(&t), 0UL);
	KUNIT_EXPECT_EQ(test, img_bad(&t, 63, far), 0);
	KUNIT_EXPECT_EQ(test, ins(&t, pfx4(img_net(0), 24), V(10)), 0);
	KUNIT_EXPECT_EQ(test, images(&t), 1UL);
	KUNIT_EXPECT_EQ(test, img_bad(&t, 63, NULL), 0);
	for (j = 0; j < 63; j++)
		KUNIT_EXPECT_EQ(test, del(&t, pfx4(img_net(j), 24)), 0);
	KUNIT_EXPECT_EQ(test, images(&t), 0UL);
	KUNIT_EXPECT_EQ(test, img_bad(&t, 0, NULL), 0);
	KUNIT_EXPECT_EQ(test, del(&t, pfx4(IP(10, 0, 0, 0), 8)), 0);
	KUNIT_EXPECT_EQ(test, fp_trie_mem(&t), sizeof(t));
	fp_trie_destroy(&t);
}

static void trie_walk_order_cursor(struct kunit *test)
{
	static const struct { u32 a; u8 len; } pf[] = {
		{ 0, 0 }, { 0, 1 }, { 0, 32 }, { IP(10, 0, 0, 0), 8 },
		{ IP(10, 0, 0, 0), 16 }, { IP(10, 0, 0, 0), 24 },
		{ IP(10, 0, 0, 0), 32 }, { IP(10, 0, 0, 1), 32 },
		{ IP(10, 1, 0, 0), 16 }, { IP(128, 0, 0, 0), 1 },
		{ IP(192, 168, 0, 0), 16 }, { ~0U, 32 },
	};
	const int n = ARRAY_SIZE(pf);
	struct walk_ctx w = { .stop_at = -1 };
	struct fp_trie_prefix cur;
	struct fp_trie t;
	int i, got, r;

	fp_trie_init(&t, 32, &fp_trie_test_lock);
	for (i = n - 1; i >= 0; i--)
		KUNIT_ASSERT_EQ(test, ins(&t, pfx4(pf[i].a, pf[i].len), V(i)), 0);
	rcu_read_lock();
	KUNIT_EXPECT_EQ(test, fp_trie_walk(&t, NULL, walk_fn, &w), 0);
	rcu_read_unlock();
	KUNIT_EXPECT_EQ(test, w.n, n);
	for (i = 0; i < w.n; i++)
		KUNIT_EXPECT_PTR_EQ(test, w.v[i], V(i));

	/* a dump in pieces of 3, resumed from the last prefix sent */
	got = 0;
	r = 1;
	memset(&cur, 0, sizeof(cur));
	while (r) {
		struct walk_ctx w2 = { .stop_at = 3 };

		rcu_read_lock();
		r = fp_trie_walk(&t, got ? &cur : NULL, walk_fn, &w2);
		rcu_read_unlock();
		for (i = 0; i < w2.n; i++)
			KUNIT_EXPECT_PTR_EQ(test, w2.v[i], V(got + i));
		got += w2.n;
		cur = w2.last;
	}
	KUNIT_EXPECT_EQ(test, got, n);

	/* a cursor that is not in the table (deleted meanwhile) */
	{
		struct walk_ctx w3 = { .stop_at = -1 };

		cur = pfx4(IP(10, 0, 0, 0), 20);
		rcu_read_lock();
		fp_trie_walk(&t, &cur, walk_fn, &w3);
		rcu_read_unlock();
		KUNIT_EXPECT_EQ(test, w3.n, n - 5);
		KUNIT_EXPECT_PTR_EQ(test, w3.v[0], V(5));
	}
	fp_trie_destroy(&t);
}

static bool check_around(struct fp_trie *t, struct naive *nv, u64 *s,
			 const struct fp_trie_prefix *p, int probes)
{
	bool ok = true;
	u8 a[16];
	int i;

	rcu_read_lock();
	for (i = 0; i < probes; i++) {
		void *want;

		rnd_addr(s, nv->bits, p, a);
		want = naive_lookup(nv, a);
		if (fp_trie_lookup(t, a) != want)
			ok = false;
		if (nv->bits == 32) {
			__be32 x;

			memcpy(&x, a, 4);
			if (fp_trie_lookup4(t, x) != want)
				ok = false;
		} else if (fp_trie_lookup6(t, a) != want) {
			ok = false;
		}
	}
	rcu_read_unlock();
	return ok;
}

struct cmp_ctx {
	struct naive *nv;
	size_t n;
	bool bad;
};

static int cmp_fn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct cmp_ctx *c = arg;
	const struct fp_trie_entry *e;

	if (c->n >= c->nv->n) {
		c->bad = true;
		return 1;
	}
	e = &c->nv->e[c->n++];
	if (e->pfx.len != p->len || memcmp(e->pfx.addr, p->addr, 16) ||
	    e->value != v)
		c->bad = true;
	/* The tests walk under the writer mutex, not under RCU: may sleep. */
	if (c->n % 64 == 0)
		cond_resched();
	return 0;
}

/* Walk = naive set in order, every prefix gets its value, count agrees. */
static bool check_all(struct fp_trie *t, struct naive *nv)
{
	struct cmp_ctx c = { .nv = nv };
	size_t i;

	naive_sort(nv);
	fp_trie_walk(t, NULL, cmp_fn, &c);
	if (c.bad || c.n != nv->n || fp_trie_count(t) != nv->n)
		return false;
	for (i = 0; i < nv->n; i++) {
		if (fp_trie_get(t, &nv->e[i].pfx) != nv->e[i].value)
			return false;
		if (i % 64 == 63)
			cond_resched();
	}
	return true;
}

static void pick(struct naive *nv, u64 *s, struct fp_trie_prefix *p)
{
	*p = nv->e[rnd64(s) % nv->n].pfx;
}

static void differential(struct kunit *test, unsigned int bits, u64 seed,
			 size_t n)
{
	struct naive nv = { .bits = bits, .cap = n };
	struct fp_trie_prefix p, near;
	int bad_lookup = 0, bad_all = 0, bad_op = 0;
	struct fp_trie t;
	size_t i;

	kunit_info(test, "%zu prefixes of up to %u bits\n", n, bits);
	nv.e = kvcalloc(n, sizeof(*nv.e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nv.e);
	fp_trie_init(&t, bits, &fp_trie_test_lock);
	mutex_lock(&fp_trie_test_lock);
	for (i = 0; nv.n < n && i < 2 * n; i++) {
		void *v = V(rnd64(&seed));

		if (nv.n)
			pick(&nv, &seed, &near);
		rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
		bad_op += fp_trie_insert(&t, &p, v, NULL) != 0;
		naive_set(&nv, &p, v);
		bad_lookup += !check_around(&t, &nv, &seed, &p, 2);
		if (rnd64(&seed) % 8 == 0) {
			pick(&nv, &seed, &p);
			bad_op += fp_trie_delete(&t, &p, NULL) != 0;
			naive_del(&nv, &p);
			bad_op += fp_trie_delete(&t, &p, NULL) != -ENOENT;
			bad_lookup += !check_around(&t, &nv, &seed, &p, 2);
		}
		if (i % 256 == 0)
			bad_all += !check_all(&t, &nv);
		cond_resched();
	}
	bad_all += !check_all(&t, &nv);
	while (nv.n) {
		pick(&nv, &seed, &p);
		bad_op += fp_trie_delete(&t, &p, NULL) != 0;
		naive_del(&nv, &p);
		bad_lookup += !check_around(&t, &nv, &seed, &p, 2);
		if (nv.n % 256 == 0)
			bad_all += !check_all(&t, &nv);
		cond_resched();
	}
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, bad_op, 0);
	KUNIT_EXPECT_EQ(test, bad_lookup, 0);
	KUNIT_EXPECT_EQ(test, bad_all, 0);
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 0UL);
	KUNIT_EXPECT_EQ(test, fp_trie_mem(&t), sizeof(t));
	fp_trie_destroy(&t);
	kvfree(nv.e);
}

/*
 * Each case checks every step against the naive table.  Scale is the job
 * of the user-space differential tests (tools/trie-test: 9000 prefixes per
 * family under ASan, run by make check on the host); these cases run the
 * same code under the kernel's allocator, RCU and KASAN, and their sizes
 * are chosen for time: measured on 6.1 under TCG with one vCPU, 1000 IPv4
 * prefixes took 27 s and 1000 IPv6 prefixes 70-90 s per case (an IPv6
 * update copies a deeper path), and every kernel line runs them.  Two
 * seeds per family.
 */
#define FP_RANDOM_N4	600
#define FP_RANDOM_N6	400

static void trie_random_v4(struct kunit *test)
{
	differential(test, 32, 0x5eed4, FP_RANDOM_N4);
}

static void trie_random_v4_b(struct kunit *test)
{
	differential(test, 32, 0xb5eed4, FP_RANDOM_N4);
}

static void trie_random_v6(struct kunit *test)
{
	differential(test, 128, 0x5eed6, FP_RANDOM_N6);
}

static void trie_random_v6_b(struct kunit *test)
{
	differential(test, 128, 0xb5eed6, FP_RANDOM_N6);
}

/* Bulk load / whole-table replace against the naive table. */
static void bulk(struct kunit *test, unsigned int bits, u64 seed, size_t n)
{
	struct naive nv = { .bits = bits, .cap = n + 1 };
	struct fp_trie_prefix p, near;
	struct fp_trie t;
	int round, bad = 0;
	size_t i;

	nv.e = kvcalloc(n + 1, sizeof(*nv.e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nv.e);
	fp_trie_init(&t, bits, &fp_trie_test_lock);
	mutex_lock(&fp_trie_test_lock);
	for (round = 0; round < 2; round++) {
		nv.n = 0;
		for (i = 0; i < n; i++) {
			if (nv.n)
				pick(&nv, &seed, &near);
			rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
			naive_set(&nv, &p, V(rnd64(&seed) % 16));
		}
		KUNIT_EXPECT_EQ(test, fp_trie_replace_all(&t, nv.e, nv.n), 0);
		bad += !check_all(&t, &nv);
		for (i = 0; i < 200; i++)
			bad += !check_around(&t, &nv, &seed,
					     &nv.e[rnd64(&seed) % nv.n].pfx, 1);
		/* a duplicate is refused and changes nothing */
		nv.e[nv.n] = nv.e[0];
		KUNIT_EXPECT_EQ(test, fp_trie_replace_all(&t, nv.e, nv.n + 1),
				-EEXIST);
		bad += !check_all(&t, &nv);
	}
	KUNIT_EXPECT_EQ(test, fp_trie_replace_all(&t, NULL, 0), 0);
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_EQ(test, fp_trie_count(&t), 0UL);
	KUNIT_EXPECT_EQ(test, fp_trie_mem(&t), sizeof(t));
	fp_trie_destroy(&t);
	kvfree(nv.e);
}

static void trie_bulk_v4(struct kunit *test)
{
	bulk(test, 32, 11, 2000);
}

static void trie_bulk_v6(struct kunit *test)
{
	bulk(test, 128, 12, 1000);
}

/* Every allocation of an update fails in turn: the table stays intact. */
static void faults(struct kunit *test, unsigned int bits, u64 seed,
		   int ops)
{
	struct naive nv = { .bits = bits, .cap = 200 };
	struct fp_trie_prefix p, near;
	int k, err = 0, fails = 0, bad = 0;
	unsigned int nth;
	struct fp_trie t;
	size_t mem;

	nv.e = kvcalloc(nv.cap, sizeof(*nv.e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nv.e);
	fp_trie_init(&t, bits, &fp_trie_test_lock);
	mutex_lock(&fp_trie_test_lock);
	for (k = 0; k < ops; k++) {
		bool insert = !nv.n || rnd64(&seed) % 3;
		void *v = V(k);

		if (nv.n)
			pick(&nv, &seed, &near);
		if (insert)
			rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
		else
			p = near;
		for (nth = 1; nth < 10000; nth++) {
			mem = fp_trie_mem(&t);
			t.fault_nth = nth;
			err = insert ? fp_trie_insert(&t, &p, v, NULL) :
				       fp_trie_delete(&t, &p, NULL);
			t.fault_nth = 0;
			if (err != -ENOMEM)
				break;
			fails++;
			bad += fp_trie_mem(&t) != mem;
			bad += !check_around(&t, &nv, &seed, &p, 2);
		}
		KUNIT_EXPECT_EQ(test, err, 0);
		if (insert)
			naive_set(&nv, &p, v);
		else
			naive_del(&nv, &p);
		bad += !check_all(&t, &nv);
		cond_resched();
	}
	for (nth = 1; nth < 10000; nth++) {
		mem = fp_trie_mem(&t);
		t.fault_nth = nth;
		err = fp_trie_replace_all(&t, nv.e, nv.n / 2);
		t.fault_nth = 0;
		if (err != -ENOMEM)
			break;
		fails++;
		bad += fp_trie_mem(&t) != mem;
		bad += !check_all(&t, &nv);
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	mutex_unlock(&fp_trie_test_lock);
	KUNIT_EXPECT_EQ(test, bad, 0);
	KUNIT_EXPECT_GT(test, fails, 100);
	fp_trie_destroy(&t);
	kvfree(nv.e);
}

static void trie_alloc_fail_v4(struct kunit *test)
{
	faults(test, 32, 21, 80);
}

static void trie_alloc_fail_v6(struct kunit *test)
{
	faults(test, 128, 22, 16);
}

/* ---- concurrency ---- */

#define STABLE	64

struct conc {
	struct fp_trie t;
	struct fp_trie_prefix stable[STABLE];
	u8 probe[STABLE][16];
	atomic_long_t lookups;
	atomic_long_t misses;
};

static int conc_reader(void *arg)
{
	struct conc *c = arg;
	unsigned int i = 0;
	long n = 0;

	while (!kthread_should_stop()) {
		void *v;

		rcu_read_lock();
		v = fp_trie_lookup(&c->t, c->probe[i]);
		rcu_read_unlock();
		if (v != V(i))
			atomic_long_inc(&c->misses);
		i = (i + 1) % STABLE;
		if (++n % 64 == 0)
			cond_resched();
	}
	atomic_long_add(n, &c->lookups);
	return 0;
}

/*
 * Stable prefixes: /24s in 10/8 (IPv4) or /64s in 2001:db8::/32 (IPv6),
 * each probed at its address 1.  The writer churns their covering
 * prefixes (/0, /8, /16), siblings sharing their nodes (/25 upper half,
 * /32 at .2, .200) and unrelated prefixes, and replaces the whole table;
 * none of it may change what the probes resolve to.
 */
static void concurrency(struct kunit *test, unsigned int bits)
{
	struct task_struct *rd[2];
	struct fp_trie_entry *e;
	struct fp_trie_prefix p;
	unsigned int bl = bits / 8;
	struct conc *c;
	u64 seed = bits;
	int i, k, ne, nrd;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	e = kunit_kcalloc(test, STABLE + 512, sizeof(*e), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, e);
	fp_trie_init(&c->t, bits, &fp_trie_test_lock);
	for (i = 0; i < STABLE; i++) {
		p = (struct fp_trie_prefix){ .len = bits == 32 ? 24 : 64 };
		if (bits == 32) {
			p.addr[0] = 10;
			p.addr[1] = i * 3;
			p.addr[2] = i * 7;
		} else {
			p.addr[0] = 0x20;
			p.addr[1] = 0x01;
			p.addr[2] = 0x0d;
			p.addr[3] = 0xb8;
			p.addr[5] = i * 3;
			p.addr[7] = i * 7;
		}
		c->stable[i] = p;
		memcpy(c->probe[i], p.addr, 16);
		c->probe[i][bl - 1] = 1;
		KUNIT_ASSERT_EQ(test, ins(&c->t, p, V(i)), 0);
	}
	atomic_long_set(&c->lookups, 0);
	atomic_long_set(&c->misses, 0);
	/*
	 * One reader per other CPU, at least one: on a single CPU a reader
	 * still runs between the writer's steps (preemption), and a second
	 * one would only take the writer's time.
	 */
	nrd = clamp_t(int, num_online_cpus() - 1, 1, ARRAY_SIZE(rd));
	for (i = 0; i < nrd; i++) {
		rd[i] = kthread_run(conc_reader, c, "fp_trie_rd%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(rd[i]));
	}

	for (k = 0; k < 600; k++) {
		unsigned int r = rnd64(&seed) % 8, s = rnd64(&seed) % STABLE;

		p = c->stable[s];
		switch (r) {
		case 0:		/* covering prefixes */
			p.len = (rnd64(&seed) % 3) * 8;
			memset(p.addr + p.len / 8, 0, 16 - p.len / 8);
			break;
		case 1:		/* upper sibling half */
			p.len++;
			p.addr[(p.len - 1) / 8] |= 0x80 >> ((p.len - 1) % 8);
			break;
		case 2:		/* host routes next to the probe */
			p.len = bits;
			p.addr[bl - 1] = rnd64(&seed) & 1 ? 2 : 200;
			break;
		case 3:		/* replace a stable prefix's value by itself */
			break;
		default:	/* unrelated */
			get_random_bytes(p.addr, 16);
			p.addr[0] = 0xc0 | (p.addr[0] & 0x3f);
			p.len = bits == 32 ? 16 + rnd64(&seed) % 17 :
					     16 + rnd64(&seed) % 113;
			prefix_mask(&p, bits);
			break;
		}
		mutex_lock(&fp_trie_test_lock);
		if (r == 3)
			fp_trie_insert(&c->t, &p, V(s), NULL);
		else if (rnd64(&seed) & 1)
			fp_trie_insert(&c->t, &p, V(900 + k % 100), NULL);
		else
			fp_trie_delete(&c->t, &p, NULL);
		if (k % 200 == 199) {
			/* whole-table replace: stable set plus new churn */
			for (ne = 0; ne < STABLE; ne++) {
				e[ne].pfx = c->stable[ne];
				e[ne].value = V(ne);
			}
			for (i = 0; i < 200; i++) {
				p = c->stable[i % STABLE];
				p.len = bits;
				p.addr[bl - 1] = 3 + i / STABLE;
				e[ne].pfx = p;
				e[ne++].value = V(950);
			}
			KUNIT_EXPECT_EQ(test,
					fp_trie_replace_all(&c->t, e, ne), 0);
		}
		mutex_unlock(&fp_trie_test_lock);
		if (k % 16 == 0)
			cond_resched();
	}
	for (i = 0; i < nrd; i++)
		kthread_stop(rd[i]);
	KUNIT_EXPECT_EQ(test, atomic_long_read(&c->misses), 0L);
	KUNIT_EXPECT_GT(test, atomic_long_read(&c->lookups), 0L);
	kunit_info(test, "%ld lookups, %ld misses\n",
		   atomic_long_read(&c->lookups),
		   atomic_long_read(&c->misses));
	fp_trie_destroy(&c->t);
}

static void trie_concurrent_v4(struct kunit *test)
{
	concurrency(test, 32);
}

static void trie_concurrent_v6(struct kunit *test)
{
	concurrency(test, 128);
}

static struct kunit_case fp_trie_cases[] = {
	KUNIT_CASE(trie_default_route),
	KUNIT_CASE(trie_v6_extremes),
	KUNIT_CASE(trie_overlap_replace_delete),
	KUNIT_CASE(trie_walk_order_cursor),
	KUNIT_CASE(trie_host_blocks),
	KUNIT_CASE(trie_images),
	{}
};

static struct kunit_suite fp_trie_suite = {
	.name = "fastpath_trie",
	.test_cases = fp_trie_cases,
};

static struct kunit_case fp_trie_random_cases[] = {
	KUNIT_CASE_SLOW(trie_random_v4),
	KUNIT_CASE_SLOW(trie_random_v4_b),
	KUNIT_CASE_SLOW(trie_random_v6),
	KUNIT_CASE_SLOW(trie_random_v6_b),
	KUNIT_CASE_SLOW(trie_bulk_v4),
	KUNIT_CASE_SLOW(trie_bulk_v6),
	KUNIT_CASE_SLOW(trie_alloc_fail_v4),
	KUNIT_CASE_SLOW(trie_alloc_fail_v6),
	{}
};

static struct kunit_suite fp_trie_random_suite = {
	.name = "fastpath_trie_random",
	.test_cases = fp_trie_random_cases,
};

static struct kunit_case fp_trie_concurrent_cases[] = {
	KUNIT_CASE_SLOW(trie_concurrent_v4),
	KUNIT_CASE_SLOW(trie_concurrent_v6),
	{}
};

static struct kunit_suite fp_trie_concurrent_suite = {
	.name = "fastpath_trie_concurrent",
	.test_cases = fp_trie_concurrent_cases,
};

kunit_test_suites(&fp_trie_suite, &fp_trie_random_suite,
		  &fp_trie_concurrent_suite);

FP_IMPORT_FOR_KUNIT();
