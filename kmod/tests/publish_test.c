// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: publishing the compiled tables to the data path (kmod/publish.c):
 * the difference of every kind of change applied to the published tries,
 * what fp_pub_lookup() answers after each, generation flips that change
 * routes and exception lifts together, allocation failures that leave the
 * published tables intact, and real netdevice events (devices.c).
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "compile.h"
#include "devices.h"
#include "fastpath.h"
#include "publish.h"
#include "fp_test_util.h"

struct pt_ctx {
	struct fp_net *fpn;
	bool own;	/* a private fp_net (else the init_net one) */
};

/* A private namespace state on init_net's devices, locked. */
static struct fp_model *pt_begin(struct kunit *test)
{
	struct pt_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	struct fp_net *fpn;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	fpn = kzalloc(sizeof(*fpn), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fpn);
	KUNIT_ASSERT_EQ(test, fp_net_setup(fpn, &init_net), 0);
	ctx->fpn = fpn;
	ctx->own = true;
	test->priv = ctx;
	mutex_lock(&fpn->lock);
	return &fpn->model;
}

/* End of a test: unlock (in the test's thread), then free everything. */
static void pt_end(struct kunit *test)
{
	struct pt_ctx *ctx = test->priv;
	struct fp_net *fpn = ctx->fpn;

	mutex_unlock(&fpn->lock);
	fp_net_teardown(fpn);
	kfree(fpn);
	ctx->fpn = NULL;
}

/*
 * A test that stopped on a failed assertion still holds the lock in a
 * thread that is gone: leave its state (the test failed anyway).
 */
static void pt_exit(struct kunit *test)
{
}

static struct fp_net *pt_fpn(struct kunit *test)
{
	return ((struct pt_ctx *)test->priv)->fpn;
}

static void pt_commit(struct kunit *test)
{
	fp_pub_commit(&pt_fpn(test)->pub);
}

/*
 * Look @addr up in circuit @circuit's published tables: the reason, and
 * in *@ep the target endpoint id (0 for none) and in *@kind its kind.
 */
static noinline unsigned int pt_look(struct kunit *test, const char *circuit,
				     struct fp_prefix addr, u32 *ep, u8 *kind)
{
	struct fp_circuit *c = fp_circuit_find(&pt_fpn(test)->model, circuit);
	struct fp_verdict v;
	unsigned int r;

	*ep = 0;
	if (kind)
		*kind = 0xff;
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, c->pub);
	rcu_read_lock();
	r = fp_pub_lookup(c->pub, addr.family, addr.addr, &v);
	if (v.nh) {
		*ep = v.nh->endpoint_id;
		if (kind)
			*kind = v.nh->kind;
	}
	rcu_read_unlock();
	return r;
}

static noinline void pt_expect(struct kunit *test, struct fp_prefix addr,
			       unsigned int reason, const char *endpoint)
{
	struct fp_model *m = &pt_fpn(test)->model;
	u32 want = 0, got;
	unsigned int r;

	if (endpoint) {
		KUNIT_ASSERT_NOT_NULL(test, fp_endpoint_find(m, endpoint));
		want = fp_endpoint_find(m, endpoint)->id;
	}
	r = pt_look(test, "c", addr, &got, NULL);
	KUNIT_EXPECT_EQ_MSG(test, r, reason, "address %pI4/%pI6c",
			    addr.addr, addr.addr);
	KUNIT_EXPECT_EQ(test, got, want);
}

static noinline void pt_expect_stats(struct kunit *test, u32 installed,
				     u32 pending)
{
	struct fp_circuit *c = fp_circuit_find(&pt_fpn(test)->model, "c");
	struct fp_pub_stats st;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_TRUE(test, fp_pub_circuit_stats(c, &st));
	KUNIT_EXPECT_EQ(test, st.installed, installed);
	KUNIT_EXPECT_EQ(test, st.pending, pending);
	KUNIT_EXPECT_EQ(test, fp_trie_count(&((struct fp_pcirc *)c->pub)->t[FP_PT_RT4]) +
			fp_trie_count(&((struct fp_pcirc *)c->pub)->t[FP_PT_RT6]),
			(size_t)installed);
}

/* Hub vnet "h" (10.0.1.0/24) on Direct 10G circuit "c", connection "k". */
static noinline void pt_hub(struct kunit *test, struct fp_model *m, u32 flags)
{
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "h", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "h", flags, NULL), 0);
}

#define FWD	FASTPATH_REASON_FORWARDED
#define NOROUTE	FASTPATH_REASON_NO_ROUTE
#define EXC	FASTPATH_REASON_EXCEPTION

/* Endpoints added, changed and deleted: their routes follow. */
static void endpoint_add_del(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_endpoint_cfg set = { .name = "e1", .mask = FP_EP_SET_PREFIX,
				       .prefix = fpt_p4(10, 0, 1, 9, 32) };

	pt_hub(test, m, FP_CONN_F_FASTPATH);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), NOROUTE, NULL);
	pt_expect_stats(test, 0, 0);

	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e1", "h", fpt_p4(10, 0, 1, 5, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e2", "h", fpt_p4(10, 0, 1, 6, 32)), 0);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), FWD, "e1");
	pt_expect(test, fpt_p4(10, 0, 1, 6, 32), FWD, "e2");
	pt_expect(test, fpt_p4(10, 0, 1, 7, 32), NOROUTE, NULL);
	pt_expect_stats(test, 2, 0);

	/* A new prefix: the old one goes, the new one comes. */
	KUNIT_ASSERT_EQ(test, fp_endpoint_set(m, &set, NULL), 0);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 9, 32), FWD, "e1");

	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e1", NULL), 0);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 9, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 6, 32), FWD, "e2");
	pt_expect_stats(test, 1, 0);
	pt_end(test);
}

/* Spoke "s" (10.0.2.0/24) peered with "h", UDR and private endpoint. */
static noinline void flags_setup(struct kunit *test, struct fp_model *m)
{
	struct fp_prefix udr = fpt_p4(10, 9, 0, 0, 16);
	struct fp_prefix pe = fpt_p4(10, 0, 1, 100, 32);

	pt_hub(test, m, FP_CONN_F_FASTPATH);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "h", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h1", "h", fpt_p4(10, 0, 1, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "h", fpt_p4(10, 0, 1, 2, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "s1", "s", fpt_p4(10, 0, 2, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "h", &udr, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "h", &pe,
					       FP_EXC_PRIVATE_ENDPOINT, NULL),
			0);
}

/* What each flag combination must publish. */
static noinline void flags_check(struct kunit *test, u32 flags)
{
	bool fp = flags & FP_CONN_F_FASTPATH;
	bool peer = flags & FP_CONN_F_PEERING;
	bool udr = flags & FP_CONN_F_UDR;
	bool pl = flags & FP_CONN_F_PRIVATE_LINK;

	KUNIT_ASSERT_EQ(test, fp_conn_set(&pt_fpn(test)->model, "k", flags,
					  NULL), 0);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), fp ? FWD : NOROUTE,
		  fp ? "h1" : NULL);
	/* The spoke's space is an exception unless peering lifts it. */
	if (!fp)
		pt_expect(test, fpt_p4(10, 0, 2, 1, 32), NOROUTE, NULL);
	else if (peer)
		pt_expect(test, fpt_p4(10, 0, 2, 1, 32), FWD, "s1");
	else
		pt_expect(test, fpt_p4(10, 0, 2, 1, 32), EXC, NULL);
	pt_expect(test, fpt_p4(10, 9, 3, 4, 32), udr ? FWD : NOROUTE,
		  udr ? "nva" : NULL);
	/* The private endpoint: lifted by private-link, no route to it. */
	if (fp && !pl)
		pt_expect(test, fpt_p4(10, 0, 1, 100, 32), EXC, NULL);
	else
		pt_expect(test, fpt_p4(10, 0, 1, 100, 32), NOROUTE, NULL);
}

/* Every connection flag flipped on and off. */
static void conn_flags(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	const u32 fp = FP_CONN_F_FASTPATH;

	flags_setup(test, m);
	flags_check(test, fp);
	flags_check(test, fp | FP_CONN_F_PEERING);
	flags_check(test, fp | FP_CONN_F_PEERING | FP_CONN_F_UDR);
	flags_check(test, fp | FP_CONN_F_UDR | FP_CONN_F_PRIVATE_LINK);
	flags_check(test, fp | FP_CONN_F_PRIVATE_LINK);
	flags_check(test, FP_CONN_F_ALL);
	flags_check(test, 0);
	flags_check(test, fp);
	pt_end(test);
}

/* Revoking the authorization deletes the connection and its routes. */
static void auth_revoke(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	u8 key[FP_KEY_LEN];

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "h", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_b, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_auth_add(m, "c", "a", key, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "h", FP_CONN_F_FASTPATH,
				       key), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h1", "h", fpt_p4(10, 0, 1, 1, 32)), 0);
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), FWD, "h1");

	KUNIT_ASSERT_EQ(test, fp_auth_del(m, "c", "a", NULL), 0);
	KUNIT_EXPECT_NULL(test, fp_conn_find(m, "k"));
	pt_commit(test);
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), NOROUTE, NULL);
	pt_expect_stats(test, 0, 0);
	/* Published nothing of it any more, so it was freed. */
	KUNIT_EXPECT_TRUE(test, list_empty(&m->dead_conns));
	pt_end(test);
}

/* Pending routes appear when room frees up. */
static void route_limit(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_circuit_cfg lim = { .name = "c",
				      .mask = FP_CIRCUIT_SET_ROUTE_LIMIT,
				      .route_limit = 2 };

	pt_hub(test, m, FP_CONN_F_FASTPATH);
	KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e1", "h", fpt_p4(10, 0, 1, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e2", "h", fpt_p4(10, 0, 1, 2, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e3", "h", fpt_p4(10, 0, 1, 3, 32)), 0);
	pt_commit(test);
	pt_expect_stats(test, 2, 1);
	pt_expect(test, fpt_p4(10, 0, 1, 3, 32), NOROUTE, NULL);

	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e1", NULL), 0);
	pt_commit(test);
	pt_expect_stats(test, 2, 0);
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 3, 32), FWD, "e3");

	lim.route_limit = 1;
	KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	pt_commit(test);
	pt_expect_stats(test, 1, 1);
	pt_expect(test, fpt_p4(10, 0, 1, 2, 32), FWD, "e2");
	pt_expect(test, fpt_p4(10, 0, 1, 3, 32), NOROUTE, NULL);
	pt_end(test);
}

/*
 * Deferred commits: a deferral leaves the data path as it was and arms the
 * safety timer; the next commit publishes everything deferred in one flip
 * and stops the timer; a deferral nobody commits is published by the
 * timer; a burst of deferrals keeps re-arming it.
 */
static void deferral(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_net *fpn = pt_fpn(test);
	struct fp_pub *pub = &fpn->pub;

	pt_hub(test, m, FP_CONN_F_FASTPATH);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e1", "h", fpt_p4(10, 0, 1, 1, 32)), 0);
	pt_commit(test);
	pt_expect_stats(test, 1, 0);
	KUNIT_EXPECT_FALSE(test, pub->deferred);
	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&pub->retry));

	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e2", "h", fpt_p4(10, 0, 1, 2, 32)), 0);
	fp_pub_defer(&fpn->pub);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e3", "h", fpt_p4(10, 0, 1, 3, 32)), 0);
	fp_pub_defer(&fpn->pub);
	KUNIT_EXPECT_TRUE(test, pub->deferred);
	KUNIT_EXPECT_TRUE(test, delayed_work_pending(&pub->retry));
	pt_expect_stats(test, 1, 0);
	pt_expect(test, fpt_p4(10, 0, 1, 2, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 3, 32), NOROUTE, NULL);

	/* One commit publishes both deferred changes and stops the timer. */
	pt_commit(test);
	KUNIT_EXPECT_FALSE(test, pub->deferred);
	KUNIT_EXPECT_FALSE(test, delayed_work_pending(&pub->retry));
	pt_expect_stats(test, 3, 0);
	pt_expect(test, fpt_p4(10, 0, 1, 2, 32), FWD, "e2");
	pt_expect(test, fpt_p4(10, 0, 1, 3, 32), FWD, "e3");

	/* Nobody commits: the safety timer does (run now, not in 1 s). */
	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e1", NULL), 0);
	fp_pub_defer(&fpn->pub);
	pt_expect_stats(test, 3, 0);
	mutex_unlock(&fpn->lock);
	flush_delayed_work(&pub->retry);
	mutex_lock(&fpn->lock);
	KUNIT_EXPECT_FALSE(test, pub->deferred);
	KUNIT_EXPECT_EQ(test, pub->timer_commits, 1UL);
	pt_expect_stats(test, 2, 0);
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), NOROUTE, NULL);
	pt_end(test);
}

/*
 * Turning peering on adds the spoke's route and lifts its exception in one
 * flip.  Every allocation of the commit is made to fail in turn: each
 * failed attempt must leave readers exactly the old state (the staged
 * values are in the tries but invisible), the circuit stays dirty, and the
 * next attempt publishes the new state whole.
 */
static noinline void pt_old_state(struct kunit *test)
{
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), FWD, "h1");
	pt_expect(test, fpt_p4(10, 0, 2, 1, 32), EXC, NULL);
	pt_expect(test, fpt_p4(10, 0, 2, 7, 32), EXC, NULL);
	pt_expect(test, fpt_p4(10, 9, 0, 1, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 100, 32), EXC, NULL);
}

static noinline void pt_new_state(struct kunit *test)
{
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), FWD, "h1");
	pt_expect(test, fpt_p4(10, 0, 2, 1, 32), FWD, "s1");
	pt_expect(test, fpt_p4(10, 0, 2, 7, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 9, 0, 1, 32), FWD, "nva");
	pt_expect(test, fpt_p4(10, 0, 1, 100, 32), NOROUTE, NULL);
}

static void flip_under_faults(struct kunit *test)
{
	const u32 all = FP_CONN_F_ALL;
	struct fp_model *m = pt_begin(test);
	struct fp_net *fpn = pt_fpn(test);
	struct fp_circuit *c;
	unsigned int nth, fails = 0;

	flags_setup(test, m);
	pt_commit(test);
	pt_old_state(test);
	c = fp_circuit_find(m, "c");

	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", all, NULL), 0);
	for (nth = 1; nth < 64; nth++) {
		unsigned long before = fpn->pub.failures;

		fpn->pub.fault_nth = nth;
		pt_commit(test);
		fpn->pub.fault_nth = 0;
		if (fpn->pub.failures == before)
			break;
		fails++;
		KUNIT_EXPECT_TRUE(test, c->dirty);
		pt_old_state(test);
	}
	KUNIT_EXPECT_GT(test, fails, 2U);
	KUNIT_EXPECT_FALSE(test, c->dirty);
	pt_new_state(test);

	/* And back, with the tries' own allocations failing. */
	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", FP_CONN_F_FASTPATH, NULL), 0);
	for (nth = 1, fails = 0; nth < 64; nth++) {
		struct fp_pcirc *pc = c->pub;
		unsigned long before = fpn->pub.failures;
		unsigned int i;

		for (i = 0; i < FP_PT_N; i++)
			pc->t[i].fault_nth = i == FP_PT_EX4 ? nth : 0;
		pt_commit(test);
		for (i = 0; i < FP_PT_N; i++)
			pc->t[i].fault_nth = 0;
		if (fpn->pub.failures == before)
			break;
		fails++;
		pt_new_state(test);
	}
	KUNIT_EXPECT_GT(test, fails, 0U);
	pt_old_state(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&((struct fp_pcirc *)c->pub)->garbage));
	pt_end(test);
}

/*
 * A reader that loaded the old generation keeps seeing the old state while
 * a commit publishes the new one (the @prev links), and a reader of the new
 * generation sees only the new state.
 */
static void generations(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_circuit *c;
	struct fp_pcirc *pc;
	u32 old;

	flags_setup(test, m);
	pt_commit(test);
	c = fp_circuit_find(m, "c");
	pc = c->pub;
	old = pc->gen;
	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", FP_CONN_F_ALL, NULL), 0);
	pt_commit(test);
	KUNIT_EXPECT_EQ(test, pc->gen, old + 1);
	pt_new_state(test);
	/* Pretend to be a reader still on the old generation. */
	pc->gen = old;
	pt_old_state(test);
	pc->gen = old + 1;
	pt_new_state(test);
	/* The next commit clears the links (after a grace period). */
	KUNIT_EXPECT_FALSE(test, list_empty(&pc->retire));
	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "h1", NULL), 0);
	pt_commit(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&pc->retire));
	pt_expect(test, fpt_p4(10, 0, 1, 1, 32), NOROUTE, NULL);
	pt_end(test);
}

/*
 * A trie delete that fails after the flip: the removed route stays in the
 * trie as a tombstone, invalid in every generation, so readers already
 * miss it; the commit counts as failed, the circuit stays dirty, and the
 * next commit removes the tombstone before anything else.
 */
static void delete_tombstone(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_net *fpn = pt_fpn(test);
	struct fp_circuit *c;
	struct fp_pcirc *pc;
	unsigned long before;

	pt_hub(test, m, FP_CONN_F_FASTPATH);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e1", "h", fpt_p4(10, 0, 1, 5, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e2", "h", fpt_p4(10, 0, 1, 6, 32)), 0);
	pt_commit(test);
	pt_expect_stats(test, 2, 0);
	c = fp_circuit_find(m, "c");
	pc = c->pub;

	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e1", NULL), 0);
	before = fpn->pub.failures;
	/* The only operation on the IPv4 route trie is the delete. */
	pc->t[FP_PT_RT4].fault_nth = 1;
	pt_commit(test);
	pc->t[FP_PT_RT4].fault_nth = 0;
	KUNIT_EXPECT_EQ(test, fpn->pub.failures, before + 1);
	KUNIT_EXPECT_TRUE(test, c->dirty);
	KUNIT_EXPECT_FALSE(test, list_empty(&pc->tombs));
	KUNIT_EXPECT_EQ(test, fp_trie_count(&pc->t[FP_PT_RT4]), (size_t)2);
	/* Flipped all the same: e1 is gone for readers, e2 untouched. */
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), NOROUTE, NULL);
	pt_expect(test, fpt_p4(10, 0, 1, 6, 32), FWD, "e2");

	/* The same prefix comes back before the tombstone is cleared. */
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e3", "h", fpt_p4(10, 0, 1, 5, 32)), 0);
	pt_commit(test);
	KUNIT_EXPECT_EQ(test, fpn->pub.failures, before + 1);
	KUNIT_EXPECT_FALSE(test, c->dirty);
	KUNIT_EXPECT_TRUE(test, list_empty(&pc->tombs));
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), FWD, "e3");
	pt_expect_stats(test, 2, 0);

	/* And a tombstone with nothing else pending. */
	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e3", NULL), 0);
	pc->t[FP_PT_RT4].fault_nth = 1;
	pt_commit(test);
	pc->t[FP_PT_RT4].fault_nth = 0;
	KUNIT_EXPECT_EQ(test, fpn->pub.failures, before + 2);
	KUNIT_EXPECT_FALSE(test, list_empty(&pc->tombs));
	pt_expect(test, fpt_p4(10, 0, 1, 5, 32), NOROUTE, NULL);
	pt_commit(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&pc->tombs));
	KUNIT_EXPECT_FALSE(test, c->dirty);
	pt_expect_stats(test, 1, 0);
	pt_end(test);
}

/*
 * A prefix that goes away while a shorter one covers it: readers of the
 * new generation that still find the dying value in the trie (before its
 * delete, or for good when the delete fails and leaves a tombstone) must
 * see the cover, never a miss.  For routes a miss is a brief NO_ROUTE;
 * for exceptions it would unmask a blocking exception and send traffic
 * that must go to the gateway down the fast path.  A failing trie delete
 * freezes that window so the test can look into it.
 */
static void dying_cover(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_prefix udr = fpt_p4(10, 0, 0, 0, 16);
	struct fp_prefix x25 = fpt_p4(10, 0, 1, 0, 25);
	struct fp_prefix x26 = fpt_p4(10, 0, 1, 0, 26);
	struct fp_prefix a = fpt_p4(10, 0, 1, 1, 32);
	struct fp_circuit *c;
	struct fp_pcirc *pc;

	pt_hub(test, m, FP_CONN_F_FASTPATH | FP_CONN_F_UDR |
	       FP_CONN_F_PRIVATE_LINK);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h1", "h", a), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "h", fpt_p4(10, 0, 1, 200, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "h", &udr, "nva", NULL), 0);
	pt_commit(test);
	c = fp_circuit_find(m, "c");
	pc = c->pub;
	pt_expect(test, a, FWD, "h1");

	/* Route: h1's /32 dies, the UDR's /16 covers it. */
	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "h1", NULL), 0);
	pc->t[FP_PT_RT4].fault_nth = 1;
	pt_commit(test);
	pc->t[FP_PT_RT4].fault_nth = 0;
	KUNIT_EXPECT_FALSE(test, list_empty(&pc->tombs));
	pt_expect(test, a, FWD, "nva");
	pt_commit(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&pc->tombs));
	pt_expect(test, a, FWD, "nva");

	/*
	 * Exceptions: a lifted private endpoint /26 inside a manual /25 (so
	 * it blocks too).  The /26 dies: the /25 must still block.
	 */
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "h", &x25, FP_EXC_MANUAL,
					       NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "h", &x26,
					       FP_EXC_PRIVATE_ENDPOINT, NULL),
			0);
	pt_commit(test);
	pt_expect(test, a, EXC, NULL);
	KUNIT_ASSERT_EQ(test, fp_exception_del(m, "h", &x26, NULL), 0);
	pc->t[FP_PT_EX4].fault_nth = 1;
	pt_commit(test);
	pc->t[FP_PT_EX4].fault_nth = 0;
	KUNIT_EXPECT_FALSE(test, list_empty(&pc->tombs));
	pt_expect(test, a, EXC, NULL);
	pt_commit(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&pc->tombs));
	pt_expect(test, a, EXC, NULL);
	pt_end(test);
}

/* A UDR's next hop carries the NVA's address for neighbour resolution. */
static void udr_gateway(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);
	struct fp_prefix p = fpt_p4(10, 9, 1, 1, 32);
	struct fp_prefix nva = fpt_p4(10, 0, 1, 2, 32);
	struct fp_circuit *c;
	struct fp_verdict v;
	unsigned int r;

	flags_setup(test, m);
	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", FP_CONN_F_FASTPATH |
					  FP_CONN_F_UDR, NULL), 0);
	pt_commit(test);
	c = fp_circuit_find(m, "c");
	rcu_read_lock();
	r = fp_pub_lookup(c->pub, AF_INET, p.addr, &v);
	KUNIT_EXPECT_EQ(test, r, FWD);
	KUNIT_ASSERT_NOT_NULL(test, v.nh);
	KUNIT_EXPECT_EQ(test, v.nh->kind, FP_ROUTE_UDR);
	KUNIT_EXPECT_TRUE(test, v.nh->has_gw);
	KUNIT_EXPECT_EQ(test, memcmp(v.nh->gw, nva.addr, 4), 0);
	/* A hub route resolves the destination itself. */
	r = fp_pub_lookup(c->pub, AF_INET, nva.addr, &v);
	KUNIT_EXPECT_EQ(test, r, FWD);
	KUNIT_ASSERT_NOT_NULL(test, v.nh);
	KUNIT_EXPECT_FALSE(test, v.nh->has_gw);
	rcu_read_unlock();
	pt_end(test);
}

/* Deleted circuits are unpublished, then freed. */
static void circuit_del(struct kunit *test)
{
	struct fp_model *m = pt_begin(test);

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	pt_commit(test);
	KUNIT_EXPECT_NOT_NULL(test, fp_circuit_find(m, "c")->pub);
	KUNIT_ASSERT_EQ(test, fp_circuit_del(m, "c", NULL), 0);
	KUNIT_EXPECT_FALSE(test, list_empty(&m->dead_circuits));
	pt_commit(test);
	KUNIT_EXPECT_TRUE(test, list_empty(&m->dead_circuits));
	pt_end(test);
}

/* ---- real netdevice events ------------------------------------------------ */

static netdev_tx_t pt_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops pt_netdev_ops = {
	.ndo_start_xmit = pt_xmit,
};

static void pt_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &pt_netdev_ops;
	eth_hw_addr_random(dev);
}

static noinline void pt_dev_expect(struct kunit *test, struct fp_net *fpn,
				   bool active, unsigned int reason,
				   struct net_device *dev)
{
	struct fp_model *m = &fpn->model;
	struct fp_circuit *c;
	struct fp_endpoint *ep;
	struct fp_verdict v;
	struct fp_prefix a = fpt_p4(10, 0, 1, 1, 32);
	unsigned int r;

	mutex_lock(&fpn->lock);
	c = fp_circuit_find(m, "kt-c");
	ep = fp_endpoint_find(m, "kt-e");
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, ep);
	KUNIT_EXPECT_EQ(test, c->active, active);
	KUNIT_EXPECT_EQ(test, ep->active, active);
	KUNIT_ASSERT_NOT_NULL(test, c->pub);
	rcu_read_lock();
	r = fp_pub_lookup(c->pub, AF_INET, a.addr, &v);
	KUNIT_EXPECT_EQ(test, r, reason);
	if (v.nh)
		KUNIT_EXPECT_PTR_EQ(test, fp_nh_dev(v.nh), dev);
	rcu_read_unlock();
	mutex_unlock(&fpn->lock);
}

/* The objects of the real init_net state, as netlink would make them. */
static noinline int pt_dev_objects(struct kunit *test, struct fp_net *fpn,
				   int ifindex)
{
	struct fp_model *m = &fpn->model;
	struct fp_circuit_cfg cc = { .name = "kt-c", .tier = FP_TIER_STANDARD,
				     .port = FP_PORT_10G, .bandwidth = 10000,
				     .ifindex = ifindex };
	struct fp_endpoint_cfg ec = { .name = "kt-e", .vnet = "kt-v",
				      .prefix = fpt_p4(10, 0, 1, 1, 32),
				      .ifindex = ifindex };
	int err;

	uuid_copy(&cc.subscription, &fpt_sub_a);
	mutex_lock(&fpn->lock);
	err = fp_circuit_add(m, &cc, NULL);
	if (!err)
		err = fpt_vnet(m, "kt-v", FP_SKU_ERGW3AZ, 0, "we", &fpt_sub_a,
			       1);
	if (!err)
		err = fpt_conn(m, "kt-k", "kt-c", "kt-v", FP_CONN_F_FASTPATH,
			       NULL);
	if (!err)
		err = fp_endpoint_add(m, &ec, NULL);
	fp_pub_commit(&fpn->pub);
	mutex_unlock(&fpn->lock);
	return err;
}

static void pt_dev_cleanup(struct fp_net *fpn)
{
	struct fp_model *m = &fpn->model;

	mutex_lock(&fpn->lock);
	fp_endpoint_del(m, "kt-e", NULL);
	fp_conn_del(m, "kt-k", NULL);
	fp_vnet_del(m, "kt-v", NULL);
	fp_circuit_del(m, "kt-c", NULL);
	fp_pub_commit(&fpn->pub);
	mutex_unlock(&fpn->lock);
}

/*
 * A real ether device in init_net as uplink and target: up/down, rename,
 * unregister while the published tables hold it (must not hang), and
 * ACTIVE computed at creation.
 */
static void device_events(struct kunit *test)
{
	struct pt_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	struct fp_net *fpn = fp_net(&init_net);
	struct net_device *dev;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->fpn = fpn;
	test->priv = ctx;
	dev = alloc_netdev(0, "fpkt%d", NET_NAME_UNKNOWN, pt_setup);
	KUNIT_ASSERT_NOT_NULL(test, dev);
	err = register_netdev(dev);
	if (err)
		free_netdev(dev);
	KUNIT_ASSERT_EQ(test, err, 0);

	err = pt_dev_objects(test, fpn, dev->ifindex);
	KUNIT_EXPECT_EQ(test, err, 0);
	if (err)
		goto out;
	/* Registered but down: inactive; the slot holds the device. */
	pt_dev_expect(test, fpn, false, FWD, dev);

	rtnl_lock();
	err = dev_open(dev, NULL);
	rtnl_unlock();
	KUNIT_EXPECT_EQ(test, err, 0);
	pt_dev_expect(test, fpn, true, FWD, dev);

	rtnl_lock();
	dev_close(dev);
	/* dev_change_name() is not exported: deliver the event itself. */
	fp_dev_event(fpn, dev, NETDEV_CHANGENAME);
	rtnl_unlock();
	pt_dev_expect(test, fpn, false, FWD, dev);
	rtnl_lock();
	err = dev_open(dev, NULL);
	rtnl_unlock();
	pt_dev_expect(test, fpn, true, FWD, dev);

	/* Unregistering must not wait for fastpath. */
	unregister_netdev(dev);
	free_netdev(dev);
	dev = NULL;
	pt_dev_expect(test, fpn, false, FASTPATH_REASON_TARGET_DOWN, NULL);

	/* Another device: its state is taken at once. */
	mutex_lock(&fpn->lock);
	{
		struct fp_endpoint_cfg ec = { .name = "kt-e",
					      .mask = FP_EP_SET_IFINDEX,
					      .ifindex = 1 };

		KUNIT_EXPECT_EQ(test, fp_endpoint_set(&fpn->model, &ec, NULL),
				0);
		/* Computed as soon as it is set. */
		KUNIT_EXPECT_EQ(test,
				fp_endpoint_find(&fpn->model, "kt-e")->active,
				fp_dev_up(init_net.loopback_dev));
	}
	mutex_unlock(&fpn->lock);
out:
	pt_dev_cleanup(fpn);
	if (dev) {
		unregister_netdev(dev);
		free_netdev(dev);
	}
}

static struct kunit_case fp_publish_cases[] = {
	KUNIT_CASE(endpoint_add_del),
	KUNIT_CASE(conn_flags),
	KUNIT_CASE(auth_revoke),
	KUNIT_CASE(route_limit),
	KUNIT_CASE(deferral),
	KUNIT_CASE(flip_under_faults),
	KUNIT_CASE(generations),
	KUNIT_CASE(delete_tombstone),
	KUNIT_CASE(dying_cover),
	KUNIT_CASE(udr_gateway),
	KUNIT_CASE(circuit_del),
	KUNIT_CASE(device_events),
	{}
};

static struct kunit_suite fp_publish_suite = {
	.name = "fastpath_publish",
	.exit = pt_exit,
	.test_cases = fp_publish_cases,
};

kunit_test_suite(fp_publish_suite);
