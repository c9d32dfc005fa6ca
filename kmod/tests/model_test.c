// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the configuration model's rules (kmod/model.c).  Every rule is
 * exercised accepted and refused, every limit at N-1, N and N+1, and every
 * refusal is checked to leave the model unchanged.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/slab.h>

#include "compat.h"
#include "model.h"
#include "fp_test_util.h"

static const u8 fpt_skus[] = {
	FP_SKU_STANDARD, FP_SKU_HIGH_PERFORMANCE, FP_SKU_ULTRA_PERFORMANCE,
	FP_SKU_ERGW1AZ, FP_SKU_ERGW2AZ, FP_SKU_ERGW3AZ,
};

/* ---- helpers ---- */

static void prefix_helpers(struct kunit *test)
{
	struct fp_prefix a = fpt_p4(10, 0, 0, 0, 8), b = fpt_p4(10, 1, 0, 0, 16);
	struct fp_prefix c = fpt_p4(11, 0, 0, 0, 8), d = fpt_p4(10, 0, 0, 1, 8);
	struct fp_prefix e = fpt_p6(1, 0, 0, 48), f = fpt_p6(1, 0, 5, 128);
	struct fp_prefix g = fpt_p4(10, 0, 0, 0, 33), h = fpt_p4(0, 0, 0, 0, 0);

	KUNIT_EXPECT_TRUE(test, fp_prefix_valid(&a));
	KUNIT_EXPECT_FALSE(test, fp_prefix_valid(&d));	/* host bits */
	KUNIT_EXPECT_FALSE(test, fp_prefix_valid(&g));	/* too long */
	KUNIT_EXPECT_TRUE(test, fp_prefix_valid(&h));
	KUNIT_EXPECT_TRUE(test, fp_prefix_valid(&e));
	KUNIT_EXPECT_TRUE(test, fp_prefix_valid(&f));
	f.family = 7;
	KUNIT_EXPECT_FALSE(test, fp_prefix_valid(&f));
	f = fpt_p4(10, 0, 0, 0, 8);
	f.addr[8] = 1;		/* IPv4 with bytes past the address */
	KUNIT_EXPECT_FALSE(test, fp_prefix_valid(&f));
	f = fpt_p6(1, 0, 5, 128);

	/* ::ffff:10.1.0.0/112 and ::ffff:0:0/96 are IPv4 in IPv6 form */
	memset(g.addr, 0, sizeof(g.addr));
	g.family = AF_INET6;
	g.addr[10] = 0xff;
	g.addr[11] = 0xff;
	g.addr[12] = 10;
	g.addr[13] = 1;
	g.len = 112;
	KUNIT_EXPECT_TRUE(test, fp_prefix_v4mapped(&g));
	g.addr[12] = 0;
	g.addr[13] = 0;
	g.len = 96;
	KUNIT_EXPECT_TRUE(test, fp_prefix_v4mapped(&g));
	g.len = 95;		/* contains ::fffe:0:0/96 too: not IPv4 */
	KUNIT_EXPECT_FALSE(test, fp_prefix_v4mapped(&g));
	g.addr[10] = 0;		/* ::10.1.0.0, the deprecated compatible form */
	g.addr[12] = 10;
	g.len = 112;
	KUNIT_EXPECT_FALSE(test, fp_prefix_v4mapped(&g));
	KUNIT_EXPECT_FALSE(test, fp_prefix_v4mapped(&f));
	h = fpt_p4(0, 0, 0, 0, 0);
	KUNIT_EXPECT_FALSE(test, fp_prefix_v4mapped(&h));
	g = fpt_p4(10, 0, 0, 0, 33);

	KUNIT_EXPECT_TRUE(test, fp_prefix_overlap(&a, &b));
	KUNIT_EXPECT_TRUE(test, fp_prefix_overlap(&b, &a));
	KUNIT_EXPECT_FALSE(test, fp_prefix_overlap(&a, &c));
	KUNIT_EXPECT_FALSE(test, fp_prefix_overlap(&a, &e));
	KUNIT_EXPECT_TRUE(test, fp_prefix_overlap(&h, &c));
	KUNIT_EXPECT_TRUE(test, fp_prefix_contains(&a, &b));
	KUNIT_EXPECT_FALSE(test, fp_prefix_contains(&b, &a));
	KUNIT_EXPECT_TRUE(test, fp_prefix_contains(&e, &f));
	KUNIT_EXPECT_TRUE(test, fp_prefix_contains(&a, &a));
	KUNIT_EXPECT_LT(test, fp_prefix_cmp(&a, &b), 0);
	KUNIT_EXPECT_LT(test, fp_prefix_cmp(&a, &e), 0);
	KUNIT_EXPECT_EQ(test, fp_prefix_cmp(&a, &a), 0);
	KUNIT_EXPECT_GT(test, fp_prefix_cmp(&c, &b), 0);
}

static void name_rules(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, fp_name_valid("a"));
	KUNIT_EXPECT_TRUE(test, fp_name_valid("abcdefghijklmno"));	/* 15 */
	KUNIT_EXPECT_FALSE(test, fp_name_valid("abcdefghijklmnop"));	/* 16 */
	KUNIT_EXPECT_FALSE(test, fp_name_valid(""));
	KUNIT_EXPECT_FALSE(test, fp_name_valid(NULL));
	KUNIT_EXPECT_FALSE(test, fp_name_valid("a b"));
	KUNIT_EXPECT_FALSE(test, fp_name_valid("a\tb"));
	KUNIT_EXPECT_FALSE(test, fp_name_valid("a\x7f"));
	KUNIT_EXPECT_FALSE(test, fp_name_valid("\xc3\xa9"));
}

/* ---- SKU tables ---- */

static void sku_tables(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_NONE, 0), 0U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_STANDARD, 0), 4U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGW1AZ, 0), 4U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_HIGH_PERFORMANCE, 0), 8U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGW2AZ, 0), 8U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ULTRA_PERFORMANCE, 0),
			16U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGW3AZ, 0), 16U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGWSCALE, 1), 4U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGWSCALE, 2), 8U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGWSCALE, 9), 8U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGWSCALE, 10), 16U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(FP_SKU_ERGWSCALE, 40), 16U);
	KUNIT_EXPECT_EQ(test, fp_sku_max_conns(__FP_SKU_MAX, 0), 0U);

	/* FastPath eligibility matrix. */
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_NONE, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_STANDARD, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_HIGH_PERFORMANCE, 0));
	KUNIT_EXPECT_TRUE(test, fp_sku_fastpath(FP_SKU_ULTRA_PERFORMANCE, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_ERGW1AZ, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_ERGW2AZ, 0));
	KUNIT_EXPECT_TRUE(test, fp_sku_fastpath(FP_SKU_ERGW3AZ, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_fastpath(FP_SKU_ERGWSCALE, 9));
	KUNIT_EXPECT_TRUE(test, fp_sku_fastpath(FP_SKU_ERGWSCALE, 10));
	KUNIT_EXPECT_TRUE(test, fp_sku_fastpath(FP_SKU_ERGWSCALE, 11));

	/* IPv6 FastPath: ErGw3AZ or better. */
	KUNIT_EXPECT_FALSE(test,
			   fp_sku_ipv6_fastpath(FP_SKU_ULTRA_PERFORMANCE, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_ipv6_fastpath(FP_SKU_ERGW2AZ, 0));
	KUNIT_EXPECT_TRUE(test, fp_sku_ipv6_fastpath(FP_SKU_ERGW3AZ, 0));
	KUNIT_EXPECT_FALSE(test, fp_sku_ipv6_fastpath(FP_SKU_ERGWSCALE, 9));
	KUNIT_EXPECT_TRUE(test, fp_sku_ipv6_fastpath(FP_SKU_ERGWSCALE, 10));
}

/* ---- circuits ---- */

static void circuit_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit_cfg cfg = {
		.name = "er1", .bandwidth = 1000, .ifindex = 5,
	};
	struct fp_circuit *c;
	u8 key[FP_KEY_LEN];

	uuid_copy(&cfg.subscription, &fpt_sub_a);
	KUNIT_EXPECT_EQ(test, fp_circuit_add(m, &cfg, NULL), 0);
	c = fp_circuit_find(m, "er1");
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, fp_circuit_route_limit(c), 25000U);
	KUNIT_EXPECT_EQ(test, fp_circuit_max_links(c), 10U);

	FPT_REFUSE(-EEXIST, "already exists", fp_circuit_add(m, &cfg, EA));
	cfg.name = "bad name";
	FPT_REFUSE(-EINVAL, "1-15 printable", fp_circuit_add(m, &cfg, EA));
	cfg.name = "er2";
	FPT_REFUSE(-EBUSY, "uplink used by circuit er1",
		   fp_circuit_add(m, &cfg, EA));
	cfg.ifindex = 0;
	cfg.tier = __FP_TIER_MAX;
	FPT_REFUSE(-EINVAL, "unknown tier", fp_circuit_add(m, &cfg, EA));
	cfg.tier = FP_TIER_PREMIUM;
	cfg.port = __FP_PORT_MAX;
	FPT_REFUSE(-EINVAL, "unknown Direct port",
		   fp_circuit_add(m, &cfg, EA));
	cfg.port = FP_PORT_NONE;
	cfg.bandwidth = 300;
	FPT_REFUSE(-EINVAL, "300 Mbps is not offered",
		   fp_circuit_add(m, &cfg, EA));
	cfg.bandwidth = 40000;
	FPT_REFUSE(-EINVAL, "needs a Direct 100G port",
		   fp_circuit_add(m, &cfg, EA));
	cfg.port = FP_PORT_10G;
	cfg.bandwidth = 100000;
	FPT_REFUSE(-EINVAL, "needs a Direct 100G port",
		   fp_circuit_add(m, &cfg, EA));
	cfg.port = FP_PORT_100G;
	cfg.route_limit = FP_MAX_ROUTE_LIMIT + 1;
	FPT_REFUSE(-EINVAL, "route limit above",
		   fp_circuit_add(m, &cfg, EA));
	cfg.route_limit = FP_MAX_ROUTE_LIMIT;
	cfg.ifindex = -1;
	FPT_REFUSE(-EINVAL, "bad uplink", fp_circuit_add(m, &cfg, EA));
	cfg.ifindex = 6;
	KUNIT_EXPECT_EQ(test, fp_circuit_add(m, &cfg, NULL), 0);
	c = fp_circuit_find(m, "er2");
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, fp_circuit_route_limit(c), FP_MAX_ROUTE_LIMIT);
	KUNIT_EXPECT_EQ(test, fp_circuit_max_links(c), 100U);

	/* Set: fields outside the mask are untouched. */
	cfg = (struct fp_circuit_cfg){ .name = "er2",
		.mask = FP_CIRCUIT_SET_ROUTE_LIMIT, .route_limit = 0,
		.bandwidth = 7 };
	KUNIT_EXPECT_EQ(test, fp_circuit_set(m, &cfg, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_circuit_route_limit(c), 200000U);
	KUNIT_EXPECT_EQ(test, c->bandwidth, 100000U);
	cfg.mask = FP_CIRCUIT_SET_PORT;
	cfg.port = FP_PORT_10G;
	FPT_REFUSE(-EINVAL, "needs a Direct 100G port",
		   fp_circuit_set(m, &cfg, EA));
	cfg.mask = FP_CIRCUIT_SET_IFINDEX;
	cfg.ifindex = 5;
	FPT_REFUSE(-EBUSY, "uplink used by",
		   fp_circuit_set(m, &cfg, EA));
	cfg.ifindex = 6;	/* its own uplink is fine */
	KUNIT_EXPECT_EQ(test, fp_circuit_set(m, &cfg, NULL), 0);
	cfg.name = "nope";
	FPT_REFUSE(-ENOENT, "circuit nope does not exist",
		   fp_circuit_set(m, &cfg, EA));

	/* Delete takes the authorizations along. */
	KUNIT_EXPECT_EQ(test, fp_auth_add(m, "er2", "a1", key, NULL), 0);
	KUNIT_EXPECT_EQ(test, m->n_objects, 3U);
	KUNIT_EXPECT_EQ(test, fp_circuit_del(m, "er2", NULL), 0);
	KUNIT_EXPECT_EQ(test, m->n_objects, 1U);
	KUNIT_EXPECT_NULL(test, fp_auth_find(m, "er2", "a1"));
	FPT_REFUSE(-ENOENT, "does not exist",
		   fp_circuit_del(m, "er2", EA));
	fpt_end(test);
}

/* Standard 10 links; premium by bandwidth; at N-1, N and N+1. */
static void circuit_link_limits(struct kunit *test)
{
	static const u32 bw[] = { 50, 100, 200, 500, 1000, 2000, 5000, 10000,
				  40000, 100000 };
	static const unsigned int premium[] = { 20, 25, 25, 40, 50, 60, 75,
						100, 100, 100 };
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit_cfg set = { .mask = FP_CIRCUIT_SET_TIER |
						FP_CIRCUIT_SET_BANDWIDTH };
	char name[FP_NAME_LEN], cname[FP_NAME_LEN];
	unsigned int i, t, n;

	/* 101 vnets with disjoint address spaces, all ErGw3AZ. */
	for (i = 0; i <= 100; i++) {
		snprintf(name, sizeof(name), "v%u", i);
		KUNIT_ASSERT_EQ(test, fpt_vnet(m, name, FP_SKU_ERGW3AZ, 0,
					       "westeurope", &fpt_sub_a, i), 0);
	}
	for (t = 0; t <= ARRAY_SIZE(bw); t++) {
		bool std = t == ARRAY_SIZE(bw);
		u32 b = std ? 1000 : bw[t];

		n = std ? 10 : premium[t];
		snprintf(cname, sizeof(cname), "c%u", t);
		KUNIT_ASSERT_EQ(test, fpt_circuit(m, cname,
						  std ? FP_TIER_STANDARD :
						  FP_TIER_PREMIUM,
						  b > 10000 ? FP_PORT_100G :
						  FP_PORT_NONE, b, &fpt_sub_a),
				0);
		KUNIT_EXPECT_EQ(test,
				fp_circuit_max_links(fp_circuit_find(m, cname)),
				n);
		for (i = 0; i <= n; i++) {
			char vn[FP_NAME_LEN];
			struct fp_conn_cfg cc = { .name = name,
				.circuit = cname, .vnet = vn };

			snprintf(name, sizeof(name), "k%u.%u", t, i);
			snprintf(vn, sizeof(vn), "v%u", i);
			if (i < n)
				KUNIT_EXPECT_EQ(test,
						fp_conn_add(m, &cc, NULL), 0);
			else
				FPT_REFUSE(-ENOSPC, "links",
					   fp_conn_add(m, &cc, EA));
		}
		/* Set: the tier/bandwidth cannot drop below the links. */
		if (!std && t > 0 && premium[t - 1] < n) {
			set.name = cname;
			set.tier = FP_TIER_PREMIUM;
			set.bandwidth = bw[t - 1];
			FPT_REFUSE(-EBUSY, "new limit",
				   fp_circuit_set(m, &set, EA));
		}
		if (!std) {
			set.name = cname;
			set.tier = FP_TIER_STANDARD;
			set.bandwidth = b;
			FPT_REFUSE(-EBUSY, "new limit 10",
				   fp_circuit_set(m, &set, EA));
		}
		/* Free the vnets for the next circuit. */
		for (i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "k%u.%u", t, i);
			KUNIT_EXPECT_EQ(test, fp_conn_del(m, name, NULL), 0);
		}
	}
	fpt_end(test);
}

/* ---- gateways ---- */

/* Connections per gateway by SKU (and scale units) at N-1, N, N+1. */
static void gateway_conn_limits(struct kunit *test)
{
	static const u8 units[] = { 1, 2, 9, 10, 40 };
	struct fp_model *m = fpt_begin(test);
	char name[FP_NAME_LEN], vname[FP_NAME_LEN];
	unsigned int s, i, n, nv = 0;

	for (i = 0; i <= 16; i++) {
		snprintf(name, sizeof(name), "c%u", i);
		KUNIT_ASSERT_EQ(test, fpt_circuit(m, name, FP_TIER_PREMIUM,
						  FP_PORT_NONE, 10000,
						  &fpt_sub_a), 0);
	}
	for (s = 0; s < ARRAY_SIZE(fpt_skus) + ARRAY_SIZE(units); s++) {
		bool scale = s >= ARRAY_SIZE(fpt_skus);
		u8 sku = scale ? FP_SKU_ERGWSCALE : fpt_skus[s];
		u8 u = scale ? units[s - ARRAY_SIZE(fpt_skus)] : 0;

		n = fp_sku_max_conns(sku, u);
		snprintf(vname, sizeof(vname), "v%u", nv);
		KUNIT_ASSERT_EQ(test, fpt_vnet(m, vname, sku, u, "westeurope",
					       &fpt_sub_a, nv), 0);
		nv++;
		for (i = 0; i < n; i++) {
			char cn[FP_NAME_LEN];

			snprintf(name, sizeof(name), "k%u.%u", s, i);
			snprintf(cn, sizeof(cn), "c%u", i);
			KUNIT_EXPECT_EQ(test,
					fpt_conn(m, name, cn, vname, 0, NULL),
					0);
		}
		{
			char cn[FP_NAME_LEN];
			struct fp_conn_cfg cc = { .name = "over",
				.circuit = cn, .vnet = vname };

			snprintf(cn, sizeof(cn), "c%u", n);
			FPT_REFUSE(-ENOSPC, "gateway full", fp_conn_add(m, &cc, EA));
		}
		KUNIT_EXPECT_EQ(test, fp_vnet_find(m, vname)->n_conns, n);
	}
	fpt_end(test);
}

/* A vnet links to at most 16 circuits (with the 16-connection SKUs). */
static void vnet_circuit_limit(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "k16", .circuit = "c16",
				  .vnet = "v" };
	char name[FP_NAME_LEN], cn[FP_NAME_LEN];
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGWSCALE, 40,
				       "westeurope", &fpt_sub_a, 0), 0);
	for (i = 0; i <= 16; i++) {
		snprintf(cn, sizeof(cn), "c%u", i);
		KUNIT_ASSERT_EQ(test, fpt_circuit(m, cn, FP_TIER_STANDARD,
						  FP_PORT_NONE, 1000,
						  &fpt_sub_a), 0);
		if (i == 16)
			break;
		snprintf(name, sizeof(name), "k%u", i);
		KUNIT_EXPECT_EQ(test, fpt_conn(m, name, cn, "v", 0, NULL), 0);
	}
	KUNIT_EXPECT_EQ(test, fp_vnet_find(m, "v")->n_conns, 16U);
	FPT_REFUSE(-ENOSPC, "gateway full (16)", fp_conn_add(m, &cc, EA));
	fpt_end(test);
}

static void vnet_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix sp[3] = { fpt_space(1), fpt_space(2),
				   fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg cfg = { .name = "hub", .region = "westeurope",
				   .sku = FP_SKU_ERGW3AZ, .n_spaces = 3,
				   .spaces = sp };
	struct fp_vnet *v;

	KUNIT_EXPECT_EQ(test, fp_vnet_add(m, &cfg, NULL), 0);
	v = fp_vnet_find(m, "hub");
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_EQ(test, v->n_spaces, 3U);
	FPT_REFUSE(-EEXIST, "vnet hub already exists",
		   fp_vnet_add(m, &cfg, EA));
	cfg.name = "v2";
	cfg.region = "";
	FPT_REFUSE(-EINVAL, "region", fp_vnet_add(m, &cfg, EA));
	cfg.region = "north europe";
	FPT_REFUSE(-EINVAL, "region", fp_vnet_add(m, &cfg, EA));
	cfg.region = "northeurope";
	cfg.sku = __FP_SKU_MAX;
	FPT_REFUSE(-EINVAL, "unknown gateway SKU",
		   fp_vnet_add(m, &cfg, EA));
	cfg.sku = FP_SKU_ERGWSCALE;
	cfg.units = 0;
	FPT_REFUSE(-EINVAL, "1-40 scale units", fp_vnet_add(m, &cfg, EA));
	cfg.units = 41;
	FPT_REFUSE(-EINVAL, "1-40 scale units", fp_vnet_add(m, &cfg, EA));
	cfg.sku = FP_SKU_ERGW3AZ;
	cfg.units = 2;
	FPT_REFUSE(-EINVAL, "ErGwScale only", fp_vnet_add(m, &cfg, EA));
	cfg.units = 0;
	sp[1] = fpt_p4(10, 0, 1, 128, 25);	/* inside sp[0] */
	FPT_REFUSE(-EINVAL, "address spaces 1 and 2 overlap",
		   fp_vnet_add(m, &cfg, EA));
	sp[1] = fpt_p4(10, 0, 2, 1, 24);	/* host bits */
	FPT_REFUSE(-EINVAL, "address space 2 is not a valid",
		   fp_vnet_add(m, &cfg, EA));
	sp[1] = fpt_space(2);
	cfg.sku = FP_SKU_NONE;		/* a vnet without a gateway is fine */
	KUNIT_EXPECT_EQ(test, fp_vnet_add(m, &cfg, NULL), 0);

	/* Peering: not with itself, once, without overlap. */
	FPT_REFUSE(-EINVAL, "itself", fp_peering_add(m, "hub", "hub", EA));
	FPT_REFUSE(-EINVAL, "overlap",
		   fp_peering_add(m, "hub", "v2", EA));
	KUNIT_EXPECT_EQ(test, fpt_vnet(m, "sp", FP_SKU_NONE, 0, "westeurope",
				       &fpt_sub_b, 9), 0);
	FPT_REFUSE(-ENOENT, "vnet nope does not exist",
		   fp_peering_add(m, "hub", "nope", EA));
	KUNIT_EXPECT_EQ(test, fp_peering_add(m, "hub", "sp", NULL), 0);
	KUNIT_EXPECT_TRUE(test, fp_vnets_peered(m, fp_vnet_find(m, "sp"), v));
	FPT_REFUSE(-EEXIST, "already peered",
		   fp_peering_add(m, "sp", "hub", EA));
	/* A peer's new address space must not overlap. */
	cfg = (struct fp_vnet_cfg){ .name = "sp", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 1, .spaces = &sp[0] };
	FPT_REFUSE(-EINVAL, "overlap peer hub",
		   fp_vnet_set(m, &cfg, EA));
	/* Busy while peered; then deletable. */
	FPT_REFUSE(-EBUSY, "still has", fp_vnet_del(m, "sp", EA));
	KUNIT_EXPECT_EQ(test, fp_peering_del(m, "sp", "hub", NULL), 0);
	FPT_REFUSE(-ENOENT, "not peered",
		   fp_peering_del(m, "sp", "hub", EA));
	KUNIT_EXPECT_EQ(test, fp_vnet_del(m, "sp", NULL), 0);
	FPT_REFUSE(-ENOENT, "does not exist", fp_vnet_del(m, "sp", EA));
	/* Region set. */
	cfg = (struct fp_vnet_cfg){ .name = "hub", .mask = FP_VNET_SET_REGION,
				    .region = "northeurope" };
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &cfg, NULL), 0);
	KUNIT_EXPECT_STREQ(test, v->region, "northeurope");
	cfg.region = "x y";
	FPT_REFUSE(-EINVAL, "region", fp_vnet_set(m, &cfg, EA));
	fpt_end(test);
}

/* <= 200 address spaces (own and peered) to link, then up to 1000. */
static void vnet_space_limits(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_vnet_cfg cfg = { .name = "hub", .mask = FP_VNET_SET_SPACES };
	struct fp_conn_cfg cc = { .name = "k", .circuit = "c", .vnet = "hub" };
	struct fp_prefix *sp;
	unsigned int i;

	sp = kunit_kcalloc(test, FP_MAX_SPACES + 1, sizeof(*sp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sp);
	for (i = 0; i <= FP_MAX_SPACES; i++)
		sp[i] = fpt_space(i);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "hub", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 0), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "spoke", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2000), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "spoke", NULL), 0);

	/* 199 own + 1 peered = 200: may link.  201: may not. */
	cfg.spaces = sp;
	cfg.n_spaces = 200;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &cfg, NULL), 0);
	FPT_REFUSE(-ENOSPC, "201 > 200 address spaces",
		   fp_conn_add(m, &cc, EA));
	cfg.n_spaces = 199;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &cfg, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
	/* Linked: grows to 999, 1000, not 1001. */
	cfg.n_spaces = FP_MAX_SPACES - 1;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &cfg, NULL), 0);
	cfg.n_spaces = FP_MAX_SPACES;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &cfg, NULL), 0);
	cfg.n_spaces = FP_MAX_SPACES + 1;
	FPT_REFUSE(-ENOSPC, "more than 1000 address spaces",
		   fp_vnet_set(m, &cfg, EA));
	KUNIT_EXPECT_EQ(test, fp_vnet_find(m, "hub")->n_spaces, FP_MAX_SPACES);
	/* And a fresh vnet with 1001 is refused too. */
	cfg = (struct fp_vnet_cfg){ .name = "big", .region = "we",
				    .n_spaces = FP_MAX_SPACES + 1,
				    .spaces = sp };
	FPT_REFUSE(-ENOSPC, "more than 1000", fp_vnet_add(m, &cfg, EA));
	fpt_end(test);
}

/* Address spaces of vnets on one circuit must not overlap. */
static void vnet_overlap(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "k2", .circuit = "c1", .vnet = "b" };
	struct fp_prefix sp[2] = { fpt_space(2), fpt_p4(10, 0, 1, 0, 25) };
	struct fp_vnet_cfg set = { .name = "b", .mask = FP_VNET_SET_SPACES,
				   .n_spaces = 2, .spaces = sp };

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c1", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c2", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "a", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "b", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_EXPECT_EQ(test, fpt_conn(m, "k1", "c1", "a", 0, NULL), 0);
	FPT_REFUSE(-EINVAL, "spaces overlap vnet a",
		   fp_conn_add(m, &cc, EA));
	/* Another circuit is another routing domain. */
	KUNIT_EXPECT_EQ(test, fpt_conn(m, "k3", "c2", "b", 0, NULL), 0);
	/* Growing "a" into "b"'s space is fine while they share no circuit. */
	set.name = "a";
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	set.n_spaces = 1;
	set.spaces = &sp[0];
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_conn_del(m, "k3", NULL), 0);
	KUNIT_EXPECT_EQ(test, fpt_vnet(m, "x", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 7), 0);
	KUNIT_EXPECT_EQ(test, fpt_conn(m, "k4", "c1", "x", 0, NULL), 0);
	/* Growing "x" into "a"'s space on the shared circuit is not. */
	set.name = "x";
	set.n_spaces = 2;
	set.spaces = sp;
	sp[1] = fpt_space(7);
	FPT_REFUSE(-EINVAL, "vnet x: overlaps vnet a on a circuit",
		   fp_vnet_set(m, &set, EA));
	fpt_end(test);
}

/* ---- connections ---- */

static void conn_basic_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "k", .circuit = "c", .vnet = "nogw" };

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "nogw", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW1AZ, 0, "we",
				       &fpt_sub_a, 2), 0);
	FPT_REFUSE(-EINVAL, "vnet nogw has no gateway",
		   fp_conn_add(m, &cc, EA));
	cc.vnet = "nope";
	FPT_REFUSE(-ENOENT, "vnet nope does not exist",
		   fp_conn_add(m, &cc, EA));
	cc.vnet = "v";
	cc.circuit = "nope";
	FPT_REFUSE(-ENOENT, "circuit nope does not exist",
		   fp_conn_add(m, &cc, EA));
	cc.circuit = "c";
	cc.flags = 0x10;
	FPT_REFUSE(-EINVAL, "unknown flags 0x10",
		   fp_conn_add(m, &cc, EA));
	cc.flags = 0;
	cc.name = "";
	FPT_REFUSE(-EINVAL, "connection name", fp_conn_add(m, &cc, EA));
	cc.name = "k";
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
	FPT_REFUSE(-EEXIST, "connection k already exists",
		   fp_conn_add(m, &cc, EA));
	cc.name = "k2";
	FPT_REFUSE(-EEXIST, "vnet already linked by k",
		   fp_conn_add(m, &cc, EA));
	/* Busy objects. */
	FPT_REFUSE(-EBUSY, "still has 1 connections",
		   fp_circuit_del(m, "c", EA));
	FPT_REFUSE(-EBUSY, "still has", fp_vnet_del(m, "v", EA));
	FPT_REFUSE(-ENOENT, "connection zz does not exist",
		   fp_conn_del(m, "zz", EA));
	FPT_REFUSE(-ENOENT, "connection zz does not exist",
		   fp_conn_set(m, "zz", 0, EA));
	KUNIT_EXPECT_EQ(test, fp_conn_del(m, "k", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_vnet_del(m, "v", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_circuit_del(m, "c", NULL), 0);
	fpt_end(test);
}

/* FastPath by SKU, on add, on set, and SKU changes under connections. */
static void conn_fastpath_eligibility(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "k", .circuit = "c", .vnet = "v",
				  .flags = FP_CONN_F_FASTPATH };
	struct fp_vnet_cfg set = { .name = "v", .mask = FP_VNET_SET_SKU };
	unsigned int s;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_STANDARD, 0, "we",
				       &fpt_sub_a, 1), 0);
	for (s = 0; s < ARRAY_SIZE(fpt_skus); s++) {
		set.sku = fpt_skus[s];
		set.units = 0;
		KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
		if (fp_sku_fastpath(set.sku, 0)) {
			KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
			KUNIT_EXPECT_EQ(test, fp_conn_del(m, "k", NULL), 0);
		} else {
			FPT_REFUSE(-EINVAL, "can't do FastPath",
				   fp_conn_add(m, &cc, EA));
		}
	}
	set.sku = FP_SKU_ERGWSCALE;
	set.units = 9;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	FPT_REFUSE(-EINVAL, "SKU ErGwScale can't do FastPath",
		   fp_conn_add(m, &cc, EA));
	set.units = 10;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);

	/* The SKU cannot drop below FastPath while it is on. */
	set.units = 9;
	FPT_REFUSE(-EBUSY, "can't carry its FastPath conns",
		   fp_vnet_set(m, &set, EA));
	set.sku = FP_SKU_NONE;
	set.units = 0;
	FPT_REFUSE(-EBUSY, "> none limit 0",
		   fp_vnet_set(m, &set, EA));
	/* Turn FastPath off, then the SKU may drop. */
	KUNIT_EXPECT_EQ(test, fp_conn_set(m, "k", 0, NULL), 0);
	set.sku = FP_SKU_ERGW1AZ;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	FPT_REFUSE(-EINVAL, "can't do FastPath",
		   fp_conn_set(m, "k", FP_CONN_F_FASTPATH, EA));
	KUNIT_EXPECT_EQ(test, fp_conn_find(m, "k")->flags, 0U);
	fpt_end(test);
}

/* Dropping a gateway SKU below its connection count is refused. */
static void gateway_sku_shrink(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_vnet_cfg set = { .name = "v", .mask = FP_VNET_SET_SKU };
	char name[FP_NAME_LEN];
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW2AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof(name), "c%u", i);
		KUNIT_ASSERT_EQ(test, fpt_circuit(m, name, FP_TIER_STANDARD,
						  FP_PORT_NONE, 1000,
						  &fpt_sub_a), 0);
		KUNIT_EXPECT_EQ(test, fpt_conn(m, name, name, "v", 0, NULL),
				0);
	}
	set.sku = FP_SKU_ERGW1AZ;
	FPT_REFUSE(-EBUSY, "5 conns > ErGw1AZ limit 4",
		   fp_vnet_set(m, &set, EA));
	set.sku = FP_SKU_ERGWSCALE;
	set.units = 1;
	FPT_REFUSE(-EBUSY, "> ErGwScale limit 4",
		   fp_vnet_set(m, &set, EA));
	set.units = 2;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_conn_del(m, "c4", NULL), 0);
	set.sku = FP_SKU_STANDARD;
	set.units = 0;
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &set, NULL), 0);
	fpt_end(test);
}

/* peering/udr/private-link: need fastpath and Direct (private-link 10/100G). */
static void conn_feature_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit_cfg cset = { .name = "d", .mask = FP_CIRCUIT_SET_PORT,
				       .port = FP_PORT_NONE };
	const u32 fp = FP_CONN_F_FASTPATH;
	struct fp_conn_cfg cc = { .name = "k", .circuit = "p", .vnet = "v" };

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "p", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "d", FP_TIER_STANDARD,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	cc.flags = fp | FP_CONN_F_PEERING;
	FPT_REFUSE(-EINVAL, "peering needs a Direct circuit",
		   fp_conn_add(m, &cc, EA));
	cc.flags = fp | FP_CONN_F_UDR;
	FPT_REFUSE(-EINVAL, "udr needs a Direct circuit",
		   fp_conn_add(m, &cc, EA));
	cc.flags = fp | FP_CONN_F_PRIVATE_LINK;
	FPT_REFUSE(-EINVAL, "private-link needs Direct 10G/100G",
		   fp_conn_add(m, &cc, EA));
	cc.flags = FP_CONN_F_PEERING;
	cc.circuit = "d";
	FPT_REFUSE(-EINVAL, "need fastpath", fp_conn_add(m, &cc, EA));
	cc.flags = fp | FP_CONN_F_PEERING | FP_CONN_F_UDR |
		   FP_CONN_F_PRIVATE_LINK;
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
	/* Fastpath off while features stay on: refused; all off: fine. */
	FPT_REFUSE(-EINVAL, "need fastpath",
		   fp_conn_set(m, "k", FP_CONN_F_UDR, EA));
	/* Direct port removed under Direct features: refused. */
	FPT_REFUSE(-EBUSY, "conn k uses Direct features",
		   fp_circuit_set(m, &cset, EA));
	KUNIT_EXPECT_EQ(test, fp_conn_set(m, "k", fp, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_circuit_set(m, &cset, NULL), 0);
	FPT_REFUSE(-EINVAL, "private-link needs",
		   fp_conn_set(m, "k", fp | FP_CONN_F_PRIVATE_LINK, EA));
	cset.port = FP_PORT_100G;
	KUNIT_EXPECT_EQ(test, fp_circuit_set(m, &cset, NULL), 0);
	KUNIT_EXPECT_EQ(test,
			fp_conn_set(m, "k", fp | FP_CONN_F_PRIVATE_LINK, NULL),
			0);
	fpt_end(test);
}

/* ---- authorizations ---- */

static void auth_lifecycle(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "k", .circuit = "c", .vnet = "v" };
	u8 key[FP_KEY_LEN], key2[FP_KEY_LEN], okey[FP_KEY_LEN], bad[FP_KEY_LEN];
	struct fp_auth *a;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "o", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	/* The vnet is in another subscription. */
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_b, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "w", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_b, 2), 0);
	KUNIT_EXPECT_EQ(test, fp_auth_add(m, "c", "a1", key, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_auth_add(m, "c", "a2", key2, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_auth_add(m, "o", "a1", okey, NULL), 0);
	KUNIT_EXPECT_NE(test, memcmp(key, key2, FP_KEY_LEN), 0);
	FPT_REFUSE(-EEXIST, "auth a1 of circuit c already",
		   fp_auth_add(m, "c", "a1", bad, EA));
	FPT_REFUSE(-ENOENT, "circuit x does not exist",
		   fp_auth_add(m, "x", "a3", bad, EA));
	FPT_REFUSE(-EINVAL, "authorization name",
		   fp_auth_add(m, "c", "a b", bad, EA));

	FPT_REFUSE(-EPERM, "other subscription, needs an auth key",
		   fp_conn_add(m, &cc, EA));
	/* Every single-bit change of the key is refused. */
	for (i = 0; i < FP_KEY_LEN * 8; i += 7) {
		memcpy(bad, key, FP_KEY_LEN);
		bad[i / 8] ^= BIT(i % 8);
		cc.key = bad;
		FPT_REFUSE(-EPERM, "bad key for circuit c",
			   fp_conn_add(m, &cc, EA));
	}
	cc.key = okey;		/* a key of another circuit */
	FPT_REFUSE(-EPERM, "bad key", fp_conn_add(m, &cc, EA));
	cc.key = key;
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
	a = fp_auth_find(m, "c", "a1");
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, a->redeemed_by, fp_conn_find(m, "k"));
	KUNIT_EXPECT_PTR_EQ(test, fp_conn_find(m, "k")->auth, a);

	/* One authorization, one connection. */
	cc.name = "k2";
	cc.vnet = "w";
	FPT_REFUSE(-EPERM, "auth a1 already redeemed",
		   fp_conn_add(m, &cc, EA));
	/* Deleting the connection frees the authorization. */
	KUNIT_EXPECT_EQ(test, fp_conn_del(m, "k", NULL), 0);
	KUNIT_EXPECT_NULL(test, a->redeemed_by);
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, a->redeemed_by, fp_conn_find(m, "k2"));
	cc.name = "k3";
	cc.vnet = "v";
	cc.key = key2;
	KUNIT_EXPECT_EQ(test, fp_conn_add(m, &cc, NULL), 0);

	/* Revoking deletes the connection made with it, and only that. */
	KUNIT_EXPECT_EQ(test, m->n_conns, 2U);
	KUNIT_EXPECT_EQ(test, fp_auth_del(m, "c", "a1", NULL), 0);
	KUNIT_EXPECT_NULL(test, fp_conn_find(m, "k2"));
	KUNIT_EXPECT_NOT_NULL(test, fp_conn_find(m, "k3"));
	KUNIT_EXPECT_EQ(test, m->n_conns, 1U);
	KUNIT_EXPECT_EQ(test, fp_circuit_find(m, "c")->n_links, 1U);
	KUNIT_EXPECT_EQ(test, fp_vnet_find(m, "w")->n_conns, 0U);
	FPT_REFUSE(-ENOENT, "auth a1 of circuit c does not",
		   fp_auth_del(m, "c", "a1", EA));
	/* The revoked key no longer works. */
	cc.name = "k4";
	cc.vnet = "w";
	cc.key = key;
	FPT_REFUSE(-EPERM, "bad key", fp_conn_add(m, &cc, EA));

	/* Same subscription: no key needed. */
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "own", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 3), 0);
	KUNIT_EXPECT_EQ(test, fpt_conn(m, "k5", "c", "own", 0, NULL), 0);
	fpt_end(test);
}

/* At most FP_MAX_AUTHS authorizations per circuit. */
static void auth_limit(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	char name[FP_NAME_LEN];
	u8 key[FP_KEY_LEN];
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	for (i = 0; i < FP_MAX_AUTHS; i++) {
		snprintf(name, sizeof(name), "a%u", i);
		KUNIT_EXPECT_EQ(test, fp_auth_add(m, "c", name, key, NULL), 0);
	}
	FPT_REFUSE(-ENOSPC, "at most 1000 authorizations",
		   fp_auth_add(m, "c", "more", key, EA));
	fpt_end(test);
}

/* ---- endpoints, exceptions, UDRs ---- */

static void endpoint_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix sp[2] = { fpt_space(1), fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg vset = { .name = "v", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 1, .spaces = sp };
	struct fp_endpoint_cfg cfg = { .name = "vm1", .vnet = "v",
				       .prefix = fpt_p4(10, 0, 1, 4, 32),
				       .ifindex = 3 };
	struct fp_endpoint *ep;

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	vset.n_spaces = 2;
	KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_endpoint_add(m, &cfg, NULL), 0);
	ep = fp_endpoint_find(m, "vm1");
	KUNIT_ASSERT_NOT_NULL(test, ep);
	KUNIT_EXPECT_FALSE(test, ep->has_mac);
	FPT_REFUSE(-EEXIST, "endpoint vm1 already exists",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.name = "vm2";
	FPT_REFUSE(-EEXIST, "prefix used by endpoint vm1",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.prefix = fpt_p4(10, 0, 9, 4, 32);
	FPT_REFUSE(-EINVAL, "outside vnet v spaces",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.prefix = fpt_p4(10, 0, 1, 5, 31);
	FPT_REFUSE(-EINVAL, "prefix is not valid",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.prefix = fpt_p4(10, 0, 1, 5, 32);
	cfg.has_mac = true;
	eth_broadcast_addr(cfg.mac);
	FPT_REFUSE(-EINVAL, "MAC is not a unicast",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.mac[0] = 0x02;
	cfg.ifindex = -4;
	FPT_REFUSE(-EINVAL, "bad device", fp_endpoint_add(m, &cfg, EA));
	cfg.ifindex = 4;
	cfg.vnet = "x";
	FPT_REFUSE(-ENOENT, "vnet x does not exist",
		   fp_endpoint_add(m, &cfg, EA));
	cfg.vnet = "v";
	KUNIT_EXPECT_EQ(test, fp_endpoint_add(m, &cfg, NULL), 0);
	KUNIT_EXPECT_TRUE(test, fp_endpoint_find(m, "vm2")->has_mac);
	KUNIT_EXPECT_EQ(test, fpt_ep(m, "vm6", "v", fpt_p6(1, 0, 6, 128)), 0);

	/* Set. */
	cfg = (struct fp_endpoint_cfg){ .name = "vm1", .mask = FP_EP_SET_PREFIX,
					.prefix = fpt_p4(10, 0, 1, 5, 32) };
	FPT_REFUSE(-EEXIST, "prefix used by endpoint vm2",
		   fp_endpoint_set(m, &cfg, EA));
	cfg.prefix = fpt_p4(10, 0, 1, 6, 32);
	KUNIT_EXPECT_EQ(test, fp_endpoint_set(m, &cfg, NULL), 0);
	KUNIT_EXPECT_EQ(test, ep->prefix.addr[3], 6);
	cfg.mask = FP_EP_SET_MAC;
	cfg.has_mac = true;
	eth_zero_addr(cfg.mac);
	FPT_REFUSE(-EINVAL, "MAC is not", fp_endpoint_set(m, &cfg, EA));
	cfg.name = "zz";
	FPT_REFUSE(-ENOENT, "endpoint zz does not exist",
		   fp_endpoint_set(m, &cfg, EA));

	/* Address spaces cannot drop an endpoint. */
	vset.n_spaces = 1;
	FPT_REFUSE(-EBUSY, "endpoint vm6 outside new spaces",
		   fp_vnet_set(m, &vset, EA));
	KUNIT_EXPECT_EQ(test, fp_endpoint_del(m, "vm6", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	FPT_REFUSE(-ENOENT, "endpoint vm6 does not exist",
		   fp_endpoint_del(m, "vm6", EA));
	FPT_REFUSE(-EBUSY, "still has", fp_vnet_del(m, "v", EA));
	fpt_end(test);
}

static void exception_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix p = fpt_p4(10, 0, 1, 10, 32), q = fpt_p4(9, 9, 9, 9, 31);
	u8 k;

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	for (k = 0; k < FP_EXC_SPOKE; k++) {
		struct fp_prefix e = fpt_p4(10, 0, 1, 100 + k, 32);

		KUNIT_EXPECT_EQ(test, fp_exception_add(m, "v", &e, k, NULL),
				0);
	}
	FPT_REFUSE(-EINVAL, "unknown kind 6",
		   fp_exception_add(m, "v", &p, FP_EXC_SPOKE, EA));
	FPT_REFUSE(-EINVAL, "prefix is not valid",
		   fp_exception_add(m, "v", &q, FP_EXC_MANUAL, EA));
	FPT_REFUSE(-ENOENT, "vnet w does not exist",
		   fp_exception_add(m, "w", &p, FP_EXC_MANUAL, EA));
	KUNIT_EXPECT_EQ(test, fp_exception_add(m, "v", &p, FP_EXC_BASIC_LB,
					       NULL), 0);
	FPT_REFUSE(-EEXIST, "already excepted",
		   fp_exception_add(m, "v", &p, FP_EXC_MANUAL, EA));
	KUNIT_EXPECT_EQ(test, fp_exception_set(m, "v", &p, FP_EXC_INTERNAL_LB,
					       NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_exception_find(m, "v", &p)->kind,
			FP_EXC_INTERNAL_LB);
	FPT_REFUSE(-EINVAL, "unknown kind",
		   fp_exception_set(m, "v", &p, 200, EA));
	FPT_REFUSE(-ENOENT, "does not exist",
		   fp_exception_set(m, "v", &q, FP_EXC_MANUAL, EA));
	KUNIT_EXPECT_EQ(test, fp_exception_del(m, "v", &p, NULL), 0);
	FPT_REFUSE(-ENOENT, "does not exist",
		   fp_exception_del(m, "v", &p, EA));
	fpt_end(test);
}

static void udr_rules(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix r = fpt_p4(192, 168, 0, 0, 16);
	struct fp_prefix r6 = fpt_p6(9, 0, 0, 48);
	struct fp_prefix sp[2] = { fpt_space(1), fpt_p6(1, 0, 0, 48) };
	struct fp_vnet_cfg vset = { .name = "v", .mask = FP_VNET_SET_SPACES,
				    .n_spaces = 2, .spaces = sp };
	struct fp_endpoint_cfg eset = { .name = "nva", .mask = FP_EP_SET_PREFIX,
					.prefix = fpt_p6(1, 0, 7, 128) };

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_vnet_set(m, &vset, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "o", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "v", fpt_p4(10, 0, 1, 4, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva6", "v", fpt_p6(1, 0, 4, 128)), 0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "onva", "o", fpt_p4(10, 0, 2, 4, 32)),
			0);

	FPT_REFUSE(-EINVAL, "UDRs are IPv4 only",
		   fp_udr_add(m, "v", &r6, "nva", EA));
	FPT_REFUSE(-EINVAL, "next hop nva6 must be IPv4",
		   fp_udr_add(m, "v", &r, "nva6", EA));
	FPT_REFUSE(-ENOENT, "no endpoint zz",
		   fp_udr_add(m, "v", &r, "zz", EA));
	FPT_REFUSE(-EINVAL, "onva not in vnet or a peer",
		   fp_udr_add(m, "v", &r, "onva", EA));
	KUNIT_EXPECT_EQ(test, fp_udr_add(m, "v", &r, "nva", NULL), 0);
	FPT_REFUSE(-EEXIST, "already routed",
		   fp_udr_add(m, "v", &r, "nva", EA));
	/* The next hop is held. */
	FPT_REFUSE(-EBUSY, "endpoint nva: next hop of 1 UDRs",
		   fp_endpoint_del(m, "nva", EA));
	FPT_REFUSE(-EBUSY, "UDR next hop must stay IPv4",
		   fp_endpoint_set(m, &eset, EA));
	/* A peer's endpoint may be the next hop; then the peering is held. */
	KUNIT_EXPECT_EQ(test, fp_peering_add(m, "v", "o", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_udr_set(m, "v", &r, "onva", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_endpoint_find(m, "nva")->n_udrs, 0U);
	KUNIT_EXPECT_EQ(test, fp_endpoint_find(m, "onva")->n_udrs, 1U);
	FPT_REFUSE(-EBUSY, "UDR uses peer endpoint onva",
		   fp_peering_del(m, "o", "v", EA));
	FPT_REFUSE(-EINVAL, "must be IPv4",
		   fp_udr_set(m, "v", &r, "nva6", EA));
	FPT_REFUSE(-ENOENT, "udr in vnet v does not exist",
		   fp_udr_set(m, "v", &r6, "nva", EA));
	KUNIT_EXPECT_EQ(test, fp_udr_del(m, "v", &r, NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_endpoint_find(m, "onva")->n_udrs, 0U);
	FPT_REFUSE(-ENOENT, "does not exist",
		   fp_udr_del(m, "v", &r, EA));
	KUNIT_EXPECT_EQ(test, fp_peering_del(m, "o", "v", NULL), 0);
	fpt_end(test);
}

/* Long names still give whole messages. */
static void message_lengths(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_conn_cfg cc = { .name = "kkkkkkkkkkkkkkk",
				  .circuit = "ccccccccccccccc",
				  .vnet = "vvvvvvvvvvvvvvv" };

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "ccccccccccccccc",
					  FP_TIER_STANDARD, FP_PORT_NONE, 1000,
					  &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "vvvvvvvvvvvvvvv",
				       FP_SKU_HIGH_PERFORMANCE, 0, "we",
				       &fpt_sub_b, 1), 0);
	FPT_REFUSE(-EPERM, "needs an auth key", fp_conn_add(m, &cc, EA));
	cc.key = (const u8 *)"0123456789abcdef";
	FPT_REFUSE(-EPERM, "bad key", fp_conn_add(m, &cc, EA));
	fpt_end(test);
}

/* Mutations mark exactly the circuits whose tables depend on them. */
static void dirty_tracking(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit *c1, *c2;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c1", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c2", FP_TIER_STANDARD,
					  FP_PORT_NONE, 1000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v1", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v2", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 2), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "sp", FP_SKU_NONE, 0, "we",
				       &fpt_sub_a, 3), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k1", "c1", "v1", 1, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k2", "c2", "v2", 1, NULL), 0);
	c1 = fp_circuit_find(m, "c1");
	c2 = fp_circuit_find(m, "c2");
	while (fp_model_next_dirty(m))
		;
	KUNIT_EXPECT_EQ(test, fpt_ep(m, "e1", "v1", fpt_p4(10, 0, 1, 1, 32)),
			0);
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m), c1);
	KUNIT_EXPECT_NULL(test, fp_model_next_dirty(m));
	/* A spoke's change reaches the circuits of its hubs. */
	KUNIT_EXPECT_EQ(test, fp_peering_add(m, "v2", "sp", NULL), 0);
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m), c2);
	KUNIT_EXPECT_NULL(test, fp_model_next_dirty(m));
	KUNIT_EXPECT_EQ(test, fpt_ep(m, "e3", "sp", fpt_p4(10, 0, 3, 1, 32)),
			0);
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m), c2);
	KUNIT_EXPECT_NULL(test, fp_model_next_dirty(m));
	/* A refused change marks nothing. */
	KUNIT_EXPECT_EQ(test, fp_conn_set(m, "k1", FP_CONN_F_PEERING, NULL),
			-EINVAL);
	KUNIT_EXPECT_NULL(test, fp_model_next_dirty(m));
	/* The uplink's state marks its circuit. */
	fp_circuit_set_active(m, c1, true);
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m), c1);
	fpt_end(test);
}

/* At most 500 peerings per vnet: 499, 500 accepted, 501 refused. */
static void peering_limit(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	char name[FP_NAME_LEN];
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "hub", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 0), 0);
	for (i = 1; i <= FP_MAX_PEERINGS + 1; i++) {
		snprintf(name, sizeof(name), "s%u", i);
		KUNIT_ASSERT_EQ(test, fpt_vnet(m, name, FP_SKU_NONE, 0, "we",
					       &fpt_sub_a, i), 0);
		if (i <= FP_MAX_PEERINGS)
			KUNIT_EXPECT_EQ(test,
					fp_peering_add(m, "hub", name, NULL), 0);
	}
	KUNIT_EXPECT_EQ(test, fp_vnet_find(m, "hub")->n_peers, FP_MAX_PEERINGS);
	FPT_REFUSE(-ENOSPC, "vnet hub: at most 500 peerings",
		   fp_peering_add(m, name, "hub", EA));
	fpt_end(test);
}

/* The device code's view: an ifindex goes down and up. */
static void ifindex_state(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_circuit_cfg cfg = { .name = "c", .bandwidth = 1000,
				      .ifindex = 7 };
	struct fp_endpoint_cfg ep = { .name = "e", .vnet = "v",
				      .prefix = fpt_p4(10, 0, 1, 1, 32),
				      .ifindex = 8 };

	uuid_copy(&cfg.subscription, &fpt_sub_a);
	KUNIT_ASSERT_EQ(test, fp_circuit_add(m, &cfg, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_a, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_endpoint_add(m, &ep, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_FASTPATH,
				       NULL), 0);
	while (fp_model_next_dirty(m))
		;
	KUNIT_EXPECT_FALSE(test, fp_circuit_find(m, "c")->active);
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 7, true), 1U);
	KUNIT_EXPECT_TRUE(test, fp_circuit_find(m, "c")->active);
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 7, true), 0U);
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m),
			    fp_circuit_find(m, "c"));
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 8, true), 1U);
	KUNIT_EXPECT_TRUE(test, fp_endpoint_find(m, "e")->active);
	/* The endpoint's circuit must republish. */
	KUNIT_EXPECT_PTR_EQ(test, fp_model_next_dirty(m),
			    fp_circuit_find(m, "c"));
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 8, false), 1U);
	KUNIT_EXPECT_FALSE(test, fp_endpoint_find(m, "e")->active);
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 0, true), 0U);
	/* A new device for the endpoint starts inactive. */
	KUNIT_EXPECT_EQ(test, fp_model_set_ifindex_active(m, 8, true), 1U);
	ep.mask = FP_EP_SET_IFINDEX;
	ep.ifindex = 9;
	KUNIT_EXPECT_EQ(test, fp_endpoint_set(m, &ep, NULL), 0);
	KUNIT_EXPECT_FALSE(test, fp_endpoint_find(m, "e")->active);
	fpt_end(test);
}

/* Destroy frees every object (kmemleak checks the rest). */
static void destroy_frees_everything(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix p = fpt_p4(10, 0, 1, 128, 25);
	char name[FP_NAME_LEN];
	u8 key[FP_KEY_LEN];
	unsigned int i;

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "c", FP_TIER_PREMIUM, FP_PORT_10G,
					  10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fp_auth_add(m, "c", "a", key, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "v", FP_SKU_ERGW3AZ, 0, "we",
				       &fpt_sub_b, 1), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "s", FP_SKU_NONE, 0, "we",
				       &fpt_sub_b, 2), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "v", "s", NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k", "c", "v", FP_CONN_F_ALL, key),
			0);
	for (i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "e%u", i);
		KUNIT_ASSERT_EQ(test, fpt_ep(m, name, "v",
					     fpt_p4(10, 0, 1, i, 32)), 0);
	}
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "v", &p, FP_EXC_MANUAL,
					       NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "v", &p, "e1", NULL), 0);
	KUNIT_EXPECT_EQ(test, m->n_objects, 1 + 1 + 2 + 1 + 1 + 100 + 2U);
	fp_model_destroy(m);
	KUNIT_EXPECT_EQ(test, m->n_objects, 0U);
	KUNIT_EXPECT_NULL(test, m->ep_names.buckets);
	/* fpt_end() destroys again: must be harmless on an empty model. */
	KUNIT_ASSERT_EQ(test, fp_model_init(m, &((struct fpt_ctx *)test->priv)->lock), 0);
	fpt_end(test);
}

/*
 * The indexes: a key is unique only within its scope (an authorization's
 * circuit, a prefix's vnet), and an endpoint that moves frees its prefix.
 */
static void index_scopes(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_prefix p = fpt_p4(10, 0, 1, 7, 32);
	struct fp_endpoint_cfg set = { .name = "e1", .mask = FP_EP_SET_PREFIX,
				       .prefix = fpt_p4(10, 0, 1, 8, 32) };
	u8 key[FP_KEY_LEN];
	unsigned int i;

	/* Two circuits, each with an authorization "a"; two unlinked vnets,
	 * each with the same space, endpoint prefix, exception and UDR.
	 */
	for (i = 0; i < 2; i++) {
		const char *c = i ? "d" : "c", *v = i ? "w" : "v";
		const char *e = i ? "e2" : "e1";

		KUNIT_ASSERT_EQ(test, fpt_circuit(m, c, FP_TIER_STANDARD,
						  FP_PORT_NONE, 1000,
						  &fpt_sub_a), 0);
		KUNIT_EXPECT_EQ(test, fp_auth_add(m, c, "a", key, NULL), 0);
		KUNIT_ASSERT_EQ(test, fpt_vnet(m, v, FP_SKU_NONE, 0, "we",
					       &fpt_sub_a, 1), 0);
		KUNIT_EXPECT_EQ(test, fpt_ep(m, e, v, p), 0);
		KUNIT_EXPECT_EQ(test, fp_exception_add(m, v, &p, FP_EXC_MANUAL,
						       NULL), 0);
		KUNIT_EXPECT_EQ(test, fp_udr_add(m, v, &p, e, NULL), 0);
	}
	KUNIT_EXPECT_PTR_EQ(test, fp_auth_find(m, "d", "a")->circuit,
			    fp_circuit_find(m, "d"));
	KUNIT_EXPECT_NULL(test, fp_auth_find(m, "x", "a"));
	KUNIT_EXPECT_EQ(test, fp_auth_del(m, "c", "a", NULL), 0);
	KUNIT_EXPECT_NULL(test, fp_auth_find(m, "c", "a"));
	KUNIT_EXPECT_NOT_NULL(test, fp_auth_find(m, "d", "a"));
	KUNIT_EXPECT_PTR_EQ(test, fp_udr_find(m, "w", &p)->nexthop,
			    fp_endpoint_find(m, "e2"));
	KUNIT_EXPECT_EQ(test, fp_udr_del(m, "v", &p, NULL), 0);
	KUNIT_EXPECT_NULL(test, fp_udr_find(m, "v", &p));
	KUNIT_EXPECT_NOT_NULL(test, fp_udr_find(m, "w", &p));
	KUNIT_EXPECT_EQ(test, fp_exception_del(m, "w", &p, NULL), 0);
	KUNIT_EXPECT_NOT_NULL(test, fp_exception_find(m, "v", &p));
	KUNIT_EXPECT_NULL(test, fp_exception_find(m, "w", &p));

	/* e1 moves: its old prefix is free, its new one taken. */
	KUNIT_EXPECT_EQ(test, fp_endpoint_set(m, &set, NULL), 0);
	KUNIT_EXPECT_EQ(test, fpt_ep(m, "e3", "v", p), 0);
	set.name = "e4";
	set.vnet = "v";
	FPT_REFUSE(-EEXIST, "prefix used by endpoint e1",
		   fp_endpoint_add(m, &set, EA));
	KUNIT_EXPECT_EQ(test, fp_endpoint_del(m, "e1", NULL), 0);
	KUNIT_EXPECT_EQ(test, fp_endpoint_add(m, &set, NULL), 0);
	fpt_end(test);
}

/*
 * Loading N named objects is O(N): 100,000 vnets, each add finding its
 * name free in the index rather than by a walk of every vnet.  The time
 * is printed for the record, never asserted.
 */
#define FPT_MANY	100000U

static void many_named_objects(struct kunit *test)
{
	struct fp_model *m = fpt_begin(test);
	struct fp_vnet_cfg cfg = { .region = "we" };
	char name[FP_NAME_LEN];
	u64 t0, add_ns, find_ns, del_ns;
	unsigned int i, found = 0;
	struct fp_vnet *v;

	cfg.name = name;
	t0 = ktime_get_ns();
	for (i = 0; i < FPT_MANY; i++) {
		snprintf(name, sizeof(name), "vnet%u", i);
		KUNIT_ASSERT_EQ(test, fp_vnet_add(m, &cfg, NULL), 0);
	}
	add_ns = ktime_get_ns() - t0;
	KUNIT_EXPECT_EQ(test, m->n_vnets, FPT_MANY);
	KUNIT_EXPECT_GT(test, m->vnet_names.bits, FP_INDEX_MIN_BITS + 10U);
	/* The list keeps creation order (dumps resume by id). */
	v = list_first_entry(&m->vnets, struct fp_vnet, node);
	KUNIT_EXPECT_STREQ(test, v->name, "vnet0");
	v = list_last_entry(&m->vnets, struct fp_vnet, node);
	KUNIT_EXPECT_STREQ(test, v->name, "vnet99999");
	snprintf(name, sizeof(name), "vnet%u", 4242);
	KUNIT_EXPECT_EQ(test, fp_vnet_add(m, &cfg, NULL), -EEXIST);

	t0 = ktime_get_ns();
	for (i = 0; i < FPT_MANY; i += 997) {
		snprintf(name, sizeof(name), "vnet%u", i);
		v = fp_vnet_find(m, name);
		found += v && !strcmp(v->name, name);
	}
	find_ns = ktime_get_ns() - t0;
	KUNIT_EXPECT_EQ(test, found, DIV_ROUND_UP(FPT_MANY, 997));
	KUNIT_EXPECT_NULL(test, fp_vnet_find(m, "vnet100000"));

	t0 = ktime_get_ns();
	for (i = 0; i < FPT_MANY; i++) {
		snprintf(name, sizeof(name), "vnet%u", i);
		KUNIT_ASSERT_EQ(test, fp_vnet_del(m, name, NULL), 0);
	}
	del_ns = ktime_get_ns() - t0;
	KUNIT_EXPECT_EQ(test, m->n_vnets, 0U);
	KUNIT_EXPECT_EQ(test, m->vnet_names.bits, FP_INDEX_MIN_BITS);
	kunit_info(test, "%u vnets: add %llu ms, %u finds %llu us, delete %llu ms\n",
		   FPT_MANY, div_u64(add_ns, NSEC_PER_MSEC), found,
		   div_u64(find_ns, NSEC_PER_USEC),
		   div_u64(del_ns, NSEC_PER_MSEC));
	fpt_end(test);
}

static struct kunit_case fp_model_cases[] = {
	KUNIT_CASE(prefix_helpers),
	KUNIT_CASE(name_rules),
	KUNIT_CASE(sku_tables),
	KUNIT_CASE(circuit_rules),
	KUNIT_CASE(circuit_link_limits),
	KUNIT_CASE(gateway_conn_limits),
	KUNIT_CASE(vnet_circuit_limit),
	KUNIT_CASE(vnet_rules),
	KUNIT_CASE(vnet_space_limits),
	KUNIT_CASE(vnet_overlap),
	KUNIT_CASE(conn_basic_rules),
	KUNIT_CASE(conn_fastpath_eligibility),
	KUNIT_CASE(gateway_sku_shrink),
	KUNIT_CASE(conn_feature_rules),
	KUNIT_CASE(auth_lifecycle),
	KUNIT_CASE(auth_limit),
	KUNIT_CASE(endpoint_rules),
	KUNIT_CASE(exception_rules),
	KUNIT_CASE(udr_rules),
	KUNIT_CASE(message_lengths),
	KUNIT_CASE(dirty_tracking),
	KUNIT_CASE(peering_limit),
	KUNIT_CASE(ifindex_state),
	KUNIT_CASE(destroy_frees_everything),
	KUNIT_CASE(index_scopes),
	KUNIT_CASE_SLOW(many_named_objects),
	{}
};

static struct kunit_suite fp_model_suite = {
	.name = "fastpath_model",
	.exit = fpt_exit,
	.test_cases = fp_model_cases,
};

kunit_test_suite(fp_model_suite);
