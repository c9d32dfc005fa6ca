// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: compiling the model into per-circuit tables (kmod/compile.c):
 * hub, spoke and UDR routes, IPv6 eligibility, exception lifts, and the
 * route limit with pending routes.
 */
#include <kunit/test.h>

#include "compat.h"
#include "compile.h"
#include "fp_test_util.h"

static struct fp_ctable *fpt_compile(struct kunit *test, struct fp_model *m,
				     const char *circuit)
{
	struct fp_circuit *c = fp_circuit_find(m, circuit);
	struct fp_ctable *t = NULL;

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_EQ(test, fp_compile_circuit(m, c, &t), 0);
	KUNIT_ASSERT_NOT_NULL(test, t);
	return t;
}

/* Route of @p: 1 installed, 0 pending, -1 absent. */
static int fpt_route(const struct fp_ctable *t, struct fp_prefix p)
{
	const struct fp_croute *r = fp_ctable_find_route(t, &p);

	if (!r)
		return -1;
	return r < t->routes + t->n_installed;
}

/* Exception on @p: 1 active, 0 lifted, -1 absent. */
static int fpt_exc(const struct fp_ctable *t, struct fp_prefix p)
{
	const struct fp_cexc *e = fp_ctable_find_exc(t, &p);

	if (!e)
		return -1;
	return !e->lifted;
}

static noinline void fpt_expect_route(struct kunit *test,
				      const struct fp_ctable *t,
				      struct fp_prefix p, int want)
{
	KUNIT_EXPECT_EQ(test, fpt_route(t, p), want);
}

static noinline void fpt_expect_exc(struct kunit *test,
				    const struct fp_ctable *t,
				    struct fp_prefix p, int want)
{
	KUNIT_EXPECT_EQ(test, fpt_exc(t, p), want);
}

static const struct fp_croute *fpt_r(const struct fp_ctable *t,
				     struct fp_prefix p)
{
	return fp_ctable_find_route(t, &p);
}

static int fpt_exc_kind(const struct fp_ctable *t, struct fp_prefix p)
{
	const struct fp_cexc *e = fp_ctable_find_exc(t, &p);

	return e ? e->kind : -1;
}

static u32 fpt_ep_id(struct fp_model *m, const char *name)
{
	return fp_endpoint_find(m, name)->id;
}

static void hub_routes(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix sp[2] = { fpt_space(1), fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg vset = { .name = "v", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 2, .spaces = sp };
	const struct fp_croute *r;
	struct fp_ctable *t;
	u32 i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "o", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_FASTPATH,
				       NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "ko", "o", "v", 0, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e9", "v", fpt_p4(10, 0, 1, 9, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e2", "v", fpt_p4(10, 0, 1, 2, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "n", "v", fpt_p4(10, 0, 1, 64, 26)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e6", "v", fpt_p6(1, 0, 6, 128)), 0);

	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->circuit_id, fp_circuit_find(m, "c")->id);
	KUNIT_EXPECT_EQ(test, t->limit, 25000U);
	/* IPv6 goes to the gateway on a provider circuit. */
	KUNIT_EXPECT_EQ(test, t->n_installed, 3U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 0U);
	fpt_expect_route(test, t, fpt_p6(1, 0, 6, 128), -1);
	for (i = 1; i < t->n_installed; i++)
		KUNIT_EXPECT_LT(test, fp_prefix_cmp(&t->routes[i - 1].prefix,
						    &t->routes[i].prefix), 0);
	r = fpt_r(t, fpt_p4(10, 0, 1, 9, 32));
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->kind, FP_ROUTE_HUB);
	KUNIT_EXPECT_EQ(test, r->endpoint_id, fpt_ep_id(m, "e9"));
	KUNIT_EXPECT_EQ(test, r->conn_id, fp_conn_find(m, "k")->id);
	KUNIT_EXPECT_EQ(test, t->n_exc, 0U);
	fp_ctable_free(t);

	/* The other circuit's connection has no fastpath: nothing. */
	t = fpt_compile(test, m, "o");
	KUNIT_EXPECT_EQ(test, t->n_installed + t->n_pending, 0U);
	fp_ctable_free(t);

	/* Fastpath off: nothing either. */
	KUNIT_EXPECT_EQ(test, fp_conn_set(m, "k", 0, NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed + t->n_pending, 0U);
	fp_ctable_free(t);
	fpt_end(test);
}

/* IPv6 routes: Direct circuit and ErGw3AZ or better. */
static void ipv6_eligibility(struct kunit *test)
{
	static const struct { u8 port, sku, units; bool v6; } rows[] = {
		{ FP_PORT_NONE, FP_SKU_ERGW3AZ, 0, false },
		{ FP_PORT_NONE, FP_SKU_ERGWSCALE, 10, false },
		{ FP_PORT_10G, FP_SKU_ULTRA_PERFORMANCE, 0, false },
		{ FP_PORT_10G, FP_SKU_ERGW3AZ, 0, true },
		{ FP_PORT_100G, FP_SKU_ERGW3AZ, 0, true },
		{ FP_PORT_10G, FP_SKU_ERGWSCALE, 10, true },
		{ FP_PORT_100G, FP_SKU_ERGWSCALE, 40, true },
	};
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix sp[2] = { fpt_space(1), fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg vset = { .name = "v", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 2, .spaces = sp };
	struct fp_circuit_cfg cset = { .name = "c", .mask = FP_CIRCUIT_SET_PORT };
	struct fp_ctable *t;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_FASTPATH,
				       NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e4", "v", fpt_p4(10, 0, 1, 4, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e6", "v", fpt_p6(1, 0, 6, 128)), 0);
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		struct fp_vnet_cfg sset = { .name = "v", .mask = FP_VNET_SET_SKU,
					    .sku = rows[i].sku,
					    .units = rows[i].units };

		cset.port = rows[i].port;
		KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &cset, NULL), 0);
		KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &sset, NULL), 0);
		t = fpt_compile(test, m, "c");
		fpt_expect_route(test, t, fpt_p4(10, 0, 1, 4, 32), 1);
		KUNIT_EXPECT_EQ_MSG(test, fpt_route(t, fpt_p6(1, 0, 6, 128)),
				    rows[i].v6 ? 1 : -1, "row %u", i);
		fp_ctable_free(t);
	}
	fpt_end(test);
}

static noinline void spoke_routes_1(struct kunit *test, struct fp_model *m)
{
	struct fp_ctable *t;

	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 1U);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 1, 32), 1);
	fpt_expect_exc(test, t, fpt_space(2), 1);
	KUNIT_EXPECT_EQ(test, fpt_exc_kind(t, fpt_space(2)),
			FP_EXC_SPOKE);
	fpt_expect_exc(test, t, fpt_space(3), 1);
	KUNIT_EXPECT_EQ(test, fpt_exc_kind(t, fpt_space(3)),
			FP_EXC_CROSS_REGION);
	fpt_expect_exc(test, t, fpt_space(4), -1);
	KUNIT_EXPECT_EQ(test, t->n_exc, 2U);
	fp_ctable_free(t);
}

static noinline void spoke_routes_2(struct kunit *test, struct fp_model *m)
{
	const struct fp_croute *r;
	struct fp_ctable *t;

	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 2U);
	r = fpt_r(t, fpt_p4(10, 0, 2, 1, 32));
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->kind, FP_ROUTE_SPOKE);
	KUNIT_EXPECT_EQ(test, r->endpoint_id, fpt_ep_id(m, "s1"));
	KUNIT_EXPECT_EQ(test, r->conn_id, fp_conn_find(m, "k")->id);
	fpt_expect_exc(test, t, fpt_space(2), 0);	/* lifted */
	fpt_expect_exc(test, t, fpt_space(3), 1);	/* never */
	fpt_expect_route(test, t, fpt_p4(10, 0, 3, 1, 32), -1);
	fpt_expect_route(test, t, fpt_p4(10, 0, 4, 1, 32), -1);
	fp_ctable_free(t);
}

/* Spokes: same-region peers lifted by peering; cross-region never. */
static void spoke_routes(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	const u32 fp = FP_CONN_F_FASTPATH;
	struct fp_ctable *t;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "hub", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "x", FP_SKU_NONE, 0, "ne",
				       &fpt_sub_a, 3), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "l", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 4), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "x", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "l", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h1", "hub", fpt_p4(10, 0, 1, 1, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "s1", "s", fpt_p4(10, 0, 2, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "x1", "x", fpt_p4(10, 0, 3, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "l1", "l", fpt_p4(10, 0, 4, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "hub", fp, NULL), 0);
	/* "l" is linked to the circuit itself (no fastpath): not a spoke. */
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "kl", "c", "l", 0, NULL), 0);

	spoke_routes_1(test, m);

	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", fp | FP_CONN_F_PEERING,
					  NULL), 0);
	spoke_routes_2(test, m);

	/* Moving the spoke to another region takes its routes away. */
	{
		struct fp_vnet_cfg rset = { .name = "s",
					    .mask = FP_VNET_SET_REGION,
					    .region = "ne" };

		KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &rset, NULL), 0);
	}
	t = fpt_compile(test, m, "c");
	fpt_expect_route(test, t, fpt_p4(10, 0, 2, 1, 32), -1);
	fpt_expect_exc(test, t, fpt_space(2), 1);
	fp_ctable_free(t);
	fpt_end(test);
}

/* A spoke peered with two hubs on one circuit gives one route. */
static void spoke_two_hubs(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	const u32 f = FP_CONN_F_FASTPATH | FP_CONN_F_PEERING;
	struct fp_ctable *t;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "h1", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "h2", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 3), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "h1", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "h2", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "s1", "s", fpt_p4(10, 0, 3, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k1", "c", "h1", f, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k2", "c", "h2",
				       FP_CONN_F_FASTPATH, NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 1U);
	KUNIT_EXPECT_EQ(test, t->routes[0].conn_id, fp_conn_find(m, "k1")->id);
	/* Lifted through k1, though k2 has no peering. */
	fpt_expect_exc(test, t, fpt_space(3), 0);
	KUNIT_EXPECT_EQ(test, t->n_exc, 1U);
	fp_ctable_free(t);
	fpt_end(test);
}

/*
 * UDRs: with udr on, the prefix goes to the NVA; a UDR beats an endpoint on
 * its prefix and overrides the endpoints inside it.
 */
static void udr_routes(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix big = fpt_p4(10, 0, 1, 0, 24);
	struct fp_prefix same = fpt_p4(10, 0, 1, 7, 32);
	const u32 fp = FP_CONN_F_FASTPATH;
	const struct fp_croute *r;
	struct fp_ctable *t;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_100G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "v", fpt_p4(10, 0, 1, 4, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "vm", "v", same), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "v", &big, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "v", &same, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", fp, NULL), 0);

	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 2U);
	fpt_expect_route(test, t, big, -1);
	fp_ctable_free(t);

	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", fp | FP_CONN_F_UDR, NULL), 0);
	t = fpt_compile(test, m, "c");
	/* The UDR (the whole address space) overrides the NVA's own /32. */
	KUNIT_EXPECT_EQ(test, t->n_installed, 2U);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 4, 32), -1);
	r = fp_ctable_find_route(t, &big);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->kind, FP_ROUTE_UDR);
	KUNIT_EXPECT_EQ(test, r->endpoint_id, fpt_ep_id(m, "nva"));
	KUNIT_EXPECT_EQ(test, r->src_id, fp_udr_find(m, "v", &big)->id);
	r = fp_ctable_find_route(t, &same);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->kind, FP_ROUTE_UDR);
	KUNIT_EXPECT_EQ(test, r->endpoint_id, fpt_ep_id(m, "nva"));
	fp_ctable_free(t);
	fpt_end(test);
}

/*
 * A UDR overrides the endpoints inside it, hub or spoke, when it lies inside
 * their vnet's address space (as Azure's UDR beats the system route of equal
 * or shorter length); a UDR wider than the address space does not.
 */
static void udr_overrides(struct kunit *test)
{
	const u32 fp = FP_CONN_F_FASTPATH | FP_CONN_F_PEERING;
	struct fp_prefix wide = fpt_p4(10, 0, 0, 0, 16);
	struct fp_prefix spoke = fpt_space(2);
	struct fp_prefix half = fpt_p4(10, 0, 1, 128, 25);
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix h1 = fpt_p4(10, 0, 1, 1, 32);
	struct fp_prefix h2 = fpt_p4(10, 0, 1, 200, 32);
	struct fp_prefix s1 = fpt_p4(10, 0, 2, 1, 32);
	struct fp_prefix nva = fpt_p4(10, 0, 1, 4, 32);
	const struct fp_croute *r;
	struct fp_ctable *t;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "hub", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "hub", nva), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h1", "hub", h1), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "h2", "hub", h2), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "s1", "s", s1), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "hub", &wide, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "hub", &spoke, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "hub", &half, "nva", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "hub", fp, NULL), 0);

	/* udr off: every endpoint has its route, no UDR. */
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 4U);
	fp_ctable_free(t);

	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", fp | FP_CONN_F_UDR, NULL), 0);
	t = fpt_compile(test, m, "c");
	/* 10.0.2.0/24 is the spoke's space: s1 goes to the NVA. */
	fpt_expect_route(test, t, s1, -1);
	r = fp_ctable_find_route(t, &spoke);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_EXPECT_EQ(test, r->kind, FP_ROUTE_UDR);
	/* 10.0.1.128/25 is inside the hub's space: h2 goes to the NVA ... */
	fpt_expect_route(test, t, h2, -1);
	/* ... and 10.0.0.0/16, wider than the hub's /24, overrides nothing. */
	fpt_expect_route(test, t, h1, 1);
	fpt_expect_route(test, t, nva, 1);
	fpt_expect_route(test, t, wide, 1);
	fpt_expect_route(test, t, half, 1);
	KUNIT_EXPECT_EQ(test, t->n_installed, 5U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 0U);
	fp_ctable_free(t);

	/* Without peering the spoke's endpoints are not routes at all. */
	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", FP_CONN_F_FASTPATH |
					  FP_CONN_F_UDR, NULL), 0);
	t = fpt_compile(test, m, "c");
	fpt_expect_route(test, t, s1, -1);
	fpt_expect_route(test, t, h1, 1);
	fpt_expect_route(test, t, h2, -1);
	fp_ctable_free(t);
	fpt_end(test);
}

/* Exception lifts: private-endpoint by private-link (IPv4), nothing else. */
static noinline void exception_lifts_setup(struct kunit *test,
					   struct fp_model *m)
{
	struct fp_prefix sp[2] = { fpt_space(1), fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg vset = { .name = "v", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 2, .spaces = sp };
	struct fp_prefix pe6 = fpt_p6(1, 0, 9, 128);
	u8 k;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "v", "s", NULL), 0);
	for (k = 0; k < FP_EXC_SPOKE; k++) {
		struct fp_prefix h = fpt_p4(10, 0, 1, 100 + k, 32);
		struct fp_prefix s = fpt_p4(10, 0, 2, 100 + k, 32);

		KUNIT_ASSERT_EQ(test, fp_exception_add(m, "v", &h, k, NULL), 0);
		KUNIT_ASSERT_EQ(test, fp_exception_add(m, "s", &s, k, NULL), 0);
	}
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "v", &pe6,
					       FP_EXC_PRIVATE_ENDPOINT, NULL),
			0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_FASTPATH,
				       NULL), 0);
}

/*
 * Expected state of the exceptions for connection flags @flags: hub
 * (10.0.1.100+kind) and spoke (10.0.2.100+kind) exceptions of each kind,
 * and an IPv6 private endpoint in the hub.
 */
static noinline void exception_lifts_check(struct kunit *test,
					   struct fp_model *m, u32 flags)
{
	bool pl = flags & FP_CONN_F_PRIVATE_LINK;
	bool peer = flags & FP_CONN_F_PEERING;
	struct fp_ctable *t;
	u8 k;

	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", flags, NULL), 0);
	t = fpt_compile(test, m, "c");
	/* private-endpoint: lifted by private-link (in a spoke: if the
	 * spoke itself is lifted by peering); every other kind: never.
	 */
	fpt_expect_exc(test, t, fpt_p4(10, 0, 1, 100, 32), pl ? 0 : 1);
	fpt_expect_exc(test, t, fpt_p4(10, 0, 2, 100, 32),
		       pl && peer ? 0 : 1);
	for (k = 1; k < FP_EXC_SPOKE; k++) {
		fpt_expect_exc(test, t, fpt_p4(10, 0, 1, 100 + k, 32), 1);
		fpt_expect_exc(test, t, fpt_p4(10, 0, 2, 100 + k, 32), 1);
	}
	/* IPv4 only. */
	fpt_expect_exc(test, t, fpt_p6(1, 0, 9, 128), 1);
	/* The spoke's address space: lifted by peering. */
	fpt_expect_exc(test, t, fpt_space(2), peer ? 0 : 1);
	/* Sorted by prefix. */
	for (k = 1; k < t->n_exc; k++)
		KUNIT_EXPECT_LT(test, fp_prefix_cmp(&t->exc[k - 1].prefix,
						    &t->exc[k].prefix), 0);
	fp_ctable_free(t);
}

/* Exception lifts over every combination of the lifting flags. */
static void exception_lifts(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	const u32 fp = FP_CONN_F_FASTPATH;

	exception_lifts_setup(test, m);
	exception_lifts_check(test, m, fp);
	exception_lifts_check(test, m, fp | FP_CONN_F_PRIVATE_LINK);
	exception_lifts_check(test, m, fp | FP_CONN_F_PEERING);
	exception_lifts_check(test, m, FP_CONN_F_ALL);
	exception_lifts_check(test, m, fp | FP_CONN_F_UDR);
	fpt_end(test);
}

static void default_limits(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_ctable *t;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "p", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "d10", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "d100", FP_TIER_STANDARD,
					  FP_PORT_100G, 100000, &fpt_sub_a), 0);
	t = fpt_compile(test, m, "p");
	KUNIT_EXPECT_EQ(test, t->limit, 25000U);
	fp_ctable_free(t);
	t = fpt_compile(test, m, "d10");
	KUNIT_EXPECT_EQ(test, t->limit, 100000U);
	fp_ctable_free(t);
	t = fpt_compile(test, m, "d100");
	KUNIT_EXPECT_EQ(test, t->limit, 200000U);
	fp_ctable_free(t);
	fpt_end(test);
}

/* Route limit: the oldest routes are installed, the rest pend in order. */
static void route_limit_pending(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit_cfg lim = { .name = "c",
				      .mask = FP_CIRCUIT_SET_ROUTE_LIMIT };
	const u32 fp = FP_CONN_F_FASTPATH;
	char name[FP_NAME_LEN];
	struct fp_ctable *t;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	lim.route_limit = 3;
	KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "v", "s", NULL), 0);
	/* A spoke endpoint older than everything in the hub. */
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "s1", "s", fpt_p4(10, 0, 2, 1, 32)), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", fp, NULL), 0);
	/* Added in the order 5, 4, 3, 2, 1 (prefix order reversed). */
	for (i = 5; i >= 1; i--) {
		snprintf(name, sizeof(name), "e%u", i);
		KUNIT_ASSERT_EQ(test, fpt_ep(m, name, "v",
					     fpt_p4(10, 0, 1, i, 32)), 0);
	}
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->limit, 3U);
	KUNIT_EXPECT_EQ(test, t->n_installed, 3U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 2U);
	/* Installed: e5, e4, e3 (the oldest), by prefix. */
	KUNIT_EXPECT_EQ(test, t->routes[0].endpoint_id, fpt_ep_id(m, "e3"));
	KUNIT_EXPECT_EQ(test, t->routes[2].endpoint_id, fpt_ep_id(m, "e5"));
	/* Pending in install order: e2 then e1. */
	KUNIT_EXPECT_EQ(test, t->routes[3].endpoint_id, fpt_ep_id(m, "e2"));
	KUNIT_EXPECT_EQ(test, t->routes[4].endpoint_id, fpt_ep_id(m, "e1"));
	fp_ctable_free(t);

	/* Turning peering on later: the old spoke endpoint waits too. */
	KUNIT_ASSERT_EQ(test, fp_conn_set(m, "k", fp | FP_CONN_F_PEERING,
					  NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 3U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 3U);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 5, 32), 1);
	fpt_expect_route(test, t, fpt_p4(10, 0, 2, 1, 32), 0);
	KUNIT_EXPECT_EQ(test, t->routes[5].endpoint_id, fpt_ep_id(m, "s1"));
	fp_ctable_free(t);

	/* A new endpoint at the limit is accepted, pending. */
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e6", "v", fpt_p4(10, 0, 1, 6, 32)),
			0);
	t = fpt_compile(test, m, "c");
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 6, 32), 0);
	KUNIT_EXPECT_EQ(test, t->n_pending, 4U);
	fp_ctable_free(t);

	/* Deleting an installed route promotes the oldest pending one. */
	KUNIT_ASSERT_EQ(test, fp_endpoint_del(m, "e4", NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 3U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 3U);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 2, 32), 1);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 1, 32), 0);
	fp_ctable_free(t);

	/* Raising the limit installs everything; lowering pends the newest. */
	lim.route_limit = 100;
	KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 6U);
	KUNIT_EXPECT_EQ(test, t->n_pending, 0U);
	fp_ctable_free(t);
	lim.route_limit = 5;
	KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	t = fpt_compile(test, m, "c");
	KUNIT_EXPECT_EQ(test, t->n_installed, 5U);
	fpt_expect_route(test, t, fpt_p4(10, 0, 1, 6, 32), 0);
	fp_ctable_free(t);
	fpt_end(test);
}

/* Recompiling an unchanged model gives equal tables; a change does not. */
static void tables_equal(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_ctable *a, *b;
	struct fp_prefix x = fpt_p4(10, 0, 1, 200, 32);

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "e1", "v", fpt_p4(10, 0, 1, 1, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_FASTPATH,
				       NULL), 0);
	a = fpt_compile(test, m, "c");
	b = fpt_compile(test, m, "c");
	KUNIT_EXPECT_TRUE(test, fp_ctable_equal(a, b));
	fp_ctable_free(b);
	/* An exception changes the tables; its removal restores them. */
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "v", &x, FP_EXC_MANUAL,
					       NULL), 0);
	b = fpt_compile(test, m, "c");
	KUNIT_EXPECT_FALSE(test, fp_ctable_equal(a, b));
	fp_ctable_free(b);
	KUNIT_ASSERT_EQ(test, fp_exception_del(m, "v", &x, NULL), 0);
	b = fpt_compile(test, m, "c");
	KUNIT_EXPECT_TRUE(test, fp_ctable_equal(a, b));
	fp_ctable_free(b);
	/* A device that only changes state leaves the tables alone. */
	fp_model_set_ifindex_active(m, 1, true);
	b = fpt_compile(test, m, "c");
	KUNIT_EXPECT_TRUE(test, fp_ctable_equal(a, b));
	fp_ctable_free(b);
	/* A lower limit does change them. */
	{
		struct fp_circuit_cfg lim = { .name = "c",
			.mask = FP_CIRCUIT_SET_ROUTE_LIMIT, .route_limit = 7 };

		KUNIT_ASSERT_EQ(test, fp_circuit_set(m, &lim, NULL), 0);
	}
	b = fpt_compile(test, m, "c");
	KUNIT_EXPECT_FALSE(test, fp_ctable_equal(a, b));
	fp_ctable_free(b);
	fp_ctable_free(a);
	fpt_end(test);
}

static struct kunit_case fp_compile_cases[] = {
	KUNIT_CASE(hub_routes),
	KUNIT_CASE(ipv6_eligibility),
	KUNIT_CASE(spoke_routes),
	KUNIT_CASE(spoke_two_hubs),
	KUNIT_CASE(udr_routes),
	KUNIT_CASE(udr_overrides),
	KUNIT_CASE(exception_lifts),
	KUNIT_CASE(default_limits),
	KUNIT_CASE(route_limit_pending),
	KUNIT_CASE(tables_equal),
	{}
};

static struct kunit_suite fp_compile_suite = {
	.name = "fastpath_compile",
	.exit = fpt_exit,
	.test_cases = fp_compile_cases,
};

kunit_test_suite(fp_compile_suite);
