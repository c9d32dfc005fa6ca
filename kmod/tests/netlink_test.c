// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: messages built by kmod/netlink.c, nl_objects.c and nl_stats.c,
 * parsed back the way user space parses them: strictly, against a policy
 * of every attribute a reply may carry, so that an attribute of the wrong
 * type or length, an unknown one or a secret makes the test fail.  The
 * attributes a request may carry must also pass the family's own request
 * policy, so that what GET shows can be sent back in a SET.
 */
#include <kunit/test.h>
#include <linux/bottom_half.h>
#include <linux/utsname.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "counters.h"
#include "netlink.h"
#include "nl_gen.h"
#include "fp_test_util.h"

static const struct nla_policy info_reply_policy[FASTPATH_A_INFO_MAX + 1] = {
	[FASTPATH_A_INFO_MODULE_VERSION] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_INFO_UAPI_VERSION] = { .type = NLA_U32 },
	[FASTPATH_A_INFO_KERNEL_RELEASE] = { .type = NLA_NUL_STRING },
};

static void info_fill_roundtrip(struct kunit *test)
{
	struct nlattr *tb[FASTPATH_A_INFO_MAX + 1];
	struct genlmsghdr *ghdr;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int err;

	skb = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	KUNIT_ASSERT_EQ(test, fp_nl_info_fill(skb, 42, 7, 0), 0);

	nlh = nlmsg_hdr(skb);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_len, skb->len);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_pid, 42U);
	KUNIT_EXPECT_EQ(test, nlh->nlmsg_seq, 7U);
	ghdr = nlmsg_data(nlh);
	KUNIT_EXPECT_EQ(test, ghdr->cmd, FASTPATH_CMD_INFO_GET);
	KUNIT_EXPECT_EQ(test, ghdr->version, FASTPATH_FAMILY_VERSION);

	err = nlmsg_parse(nlh, GENL_HDRLEN, tb, FASTPATH_A_INFO_MAX,
			  info_reply_policy, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_INFO_MODULE_VERSION]);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_INFO_UAPI_VERSION]);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_INFO_KERNEL_RELEASE]);
	KUNIT_EXPECT_STREQ(test,
			   (char *)nla_data(tb[FASTPATH_A_INFO_MODULE_VERSION]),
			   FASTPATH_VERSION);
	KUNIT_EXPECT_EQ(test, nla_get_u32(tb[FASTPATH_A_INFO_UAPI_VERSION]),
			(u32)FASTPATH_UAPI_VERSION);
	KUNIT_EXPECT_STREQ(test,
			   (char *)nla_data(tb[FASTPATH_A_INFO_KERNEL_RELEASE]),
			   init_utsname()->release);

	nlmsg_free(skb);
}

/*
 * A reply that does not fit must leave the buffer untouched: fill the
 * buffer so that only the headers and one attribute would still fit.
 */
static void info_fill_too_small(struct kunit *test)
{
	unsigned int room, filler;
	struct sk_buff *skb;
	int err;

	skb = alloc_skb(NLMSG_GOODSIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	room = nlmsg_total_size(GENL_HDRLEN) + nla_total_size(4);
	filler = skb_tailroom(skb) - room;
	skb_put_zero(skb, filler);

	err = fp_nl_info_fill(skb, 1, 1, 0);
	KUNIT_EXPECT_EQ(test, err, -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, skb->len, filler);
	KUNIT_EXPECT_EQ(test, skb_tailroom(skb), (int)room);

	kfree_skb(skb);
}

/* Back-to-back replies in one buffer, as a dump would build them. */
static void info_fill_two_messages(struct kunit *test)
{
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int count = 0, rem;

	skb = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);

	KUNIT_ASSERT_EQ(test, fp_nl_info_fill(skb, 5, 1, NLM_F_MULTI), 0);
	KUNIT_ASSERT_EQ(test, fp_nl_info_fill(skb, 5, 2, NLM_F_MULTI), 0);

	nlmsg_for_each_msg(nlh, (struct nlmsghdr *)skb->data, skb->len, rem) {
		count++;
		KUNIT_EXPECT_EQ(test, nlh->nlmsg_seq, (u32)count);
		KUNIT_EXPECT_TRUE(test, nlh->nlmsg_flags & NLM_F_MULTI);
	}
	KUNIT_EXPECT_EQ(test, rem, 0);
	KUNIT_EXPECT_EQ(test, count, 2);

	nlmsg_free(skb);
}

/* ---- object fill functions ------------------------------------------- */

static const struct nla_policy prefix_reply_policy[FASTPATH_A_PREFIX_MAX + 1] = {
	[FASTPATH_A_PREFIX_ADDR] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
	[FASTPATH_A_PREFIX_LEN] = { .type = NLA_U8 },
};

static const struct nla_policy spaces_reply_policy[FASTPATH_A_SPACES_MAX + 1] = {
	[FASTPATH_A_SPACES_PREFIX] = NLA_POLICY_NESTED(prefix_reply_policy),
};

static const struct nla_policy circuit_reply_policy[FASTPATH_A_CIRCUIT_MAX + 1] = {
	[FASTPATH_A_CIRCUIT_ID] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_NAME] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_CIRCUIT_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(UUID_SIZE),
	[FASTPATH_A_CIRCUIT_IFINDEX] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_TIER] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_PORT] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_BANDWIDTH] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_ACTIVE] = { .type = NLA_U8 },
	[FASTPATH_A_CIRCUIT_LINKS] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_MAX_LINKS] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_AUTHS] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_ROUTES_INSTALLED] = { .type = NLA_U32 },
	[FASTPATH_A_CIRCUIT_ROUTES_PENDING] = { .type = NLA_U32 },
};

/* No FASTPATH_A_AUTH_KEY: a GET reply or a dump carrying it fails to parse. */
static const struct nla_policy auth_reply_policy[FASTPATH_A_AUTH_MAX + 1] = {
	[FASTPATH_A_AUTH_ID] = { .type = NLA_U32 },
	[FASTPATH_A_AUTH_NAME] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_AUTH_CIRCUIT] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_AUTH_KEY] = { .type = NLA_REJECT },
	[FASTPATH_A_AUTH_REDEEMED_BY] = { .type = NLA_NUL_STRING },
};

static const struct nla_policy vnet_reply_policy[FASTPATH_A_VNET_MAX + 1] = {
	[FASTPATH_A_VNET_ID] = { .type = NLA_U32 },
	[FASTPATH_A_VNET_NAME] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_VNET_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(UUID_SIZE),
	[FASTPATH_A_VNET_REGION] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_VNET_SKU] = { .type = NLA_U32 },
	[FASTPATH_A_VNET_UNITS] = { .type = NLA_U32 },
	[FASTPATH_A_VNET_SPACES] = NLA_POLICY_NESTED(spaces_reply_policy),
	[FASTPATH_A_VNET_PEER] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_VNET_CONNS] = { .type = NLA_U32 },
	[FASTPATH_A_VNET_MAX_CONNS] = { .type = NLA_U32 },
};

static const struct nla_policy endpoint_reply_policy[FASTPATH_A_ENDPOINT_MAX + 1] = {
	[FASTPATH_A_ENDPOINT_ID] = { .type = NLA_U32 },
	[FASTPATH_A_ENDPOINT_NAME] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_ENDPOINT_VNET] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_ENDPOINT_PREFIX] = NLA_POLICY_NESTED(prefix_reply_policy),
	[FASTPATH_A_ENDPOINT_IFINDEX] = { .type = NLA_U32 },
	[FASTPATH_A_ENDPOINT_MAC] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[FASTPATH_A_ENDPOINT_ACTIVE] = { .type = NLA_U8 },
};

/* No FASTPATH_A_CONN_AUTH_KEY either: it is write only. */
static const struct nla_policy conn_reply_policy[FASTPATH_A_CONN_MAX + 1] = {
	[FASTPATH_A_CONN_ID] = { .type = NLA_U32 },
	[FASTPATH_A_CONN_NAME] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_CONN_CIRCUIT] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_CONN_VNET] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_CONN_FLAGS] = { .type = NLA_U32 },
	[FASTPATH_A_CONN_AUTH_KEY] = { .type = NLA_REJECT },
	[FASTPATH_A_CONN_AUTH] = { .type = NLA_NUL_STRING },
};

static const struct nla_policy exception_reply_policy[FASTPATH_A_EXCEPTION_MAX + 1] = {
	[FASTPATH_A_EXCEPTION_ID] = { .type = NLA_U32 },
	[FASTPATH_A_EXCEPTION_VNET] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(prefix_reply_policy),
	[FASTPATH_A_EXCEPTION_KIND] = { .type = NLA_U32 },
};

static const struct nla_policy udr_reply_policy[FASTPATH_A_UDR_MAX + 1] = {
	[FASTPATH_A_UDR_ID] = { .type = NLA_U32 },
	[FASTPATH_A_UDR_VNET] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(prefix_reply_policy),
	[FASTPATH_A_UDR_NEXTHOP] = { .type = NLA_NUL_STRING },
};

/*
 * Replies of each GET, with the operations whose requests may carry the
 * same attributes (their policies are the generated ones, nl_gen.c).
 */
struct reply_set {
	u8 cmd;
	const struct nla_policy *reply;
	unsigned int maxattr;
	u8 req[3];
};

static const struct reply_set reply_sets[] = {
	{ FASTPATH_CMD_CIRCUIT_GET, circuit_reply_policy, FASTPATH_A_CIRCUIT_MAX,
	  { FASTPATH_CMD_CIRCUIT_NEW, FASTPATH_CMD_CIRCUIT_SET,
	    FASTPATH_CMD_CIRCUIT_GET } },
	{ FASTPATH_CMD_AUTH_GET, auth_reply_policy, FASTPATH_A_AUTH_MAX,
	  { FASTPATH_CMD_AUTH_NEW, FASTPATH_CMD_AUTH_GET } },
	{ FASTPATH_CMD_VNET_GET, vnet_reply_policy, FASTPATH_A_VNET_MAX,
	  { FASTPATH_CMD_VNET_NEW, FASTPATH_CMD_VNET_SET,
	    FASTPATH_CMD_VNET_GET } },
	{ FASTPATH_CMD_ENDPOINT_GET, endpoint_reply_policy,
	  FASTPATH_A_ENDPOINT_MAX,
	  { FASTPATH_CMD_ENDPOINT_NEW, FASTPATH_CMD_ENDPOINT_SET,
	    FASTPATH_CMD_ENDPOINT_GET } },
	{ FASTPATH_CMD_CONN_GET, conn_reply_policy, FASTPATH_A_CONN_MAX,
	  { FASTPATH_CMD_CONN_NEW, FASTPATH_CMD_CONN_SET,
	    FASTPATH_CMD_CONN_GET } },
	{ FASTPATH_CMD_EXCEPTION_GET, exception_reply_policy,
	  FASTPATH_A_EXCEPTION_MAX,
	  { FASTPATH_CMD_EXCEPTION_NEW, FASTPATH_CMD_EXCEPTION_SET,
	    FASTPATH_CMD_EXCEPTION_GET } },
	{ FASTPATH_CMD_UDR_GET, udr_reply_policy, FASTPATH_A_UDR_MAX,
	  { FASTPATH_CMD_UDR_NEW, FASTPATH_CMD_UDR_SET,
	    FASTPATH_CMD_UDR_GET } },
};

/* The generated "do" operation of @cmd. */
static const struct genl_split_ops *do_op(struct kunit *test, u8 cmd)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fastpath_nl_ops); i++)
		if (fastpath_nl_ops[i].cmd == cmd &&
		    fastpath_nl_ops[i].flags & GENL_CMD_CAP_DO)
			return &fastpath_nl_ops[i];
	KUNIT_FAIL(test, "no do operation for command %u", cmd);
	return NULL;
}

/* Does @op's request accept attribute @type at all. */
static bool op_takes(const struct genl_split_ops *op, unsigned int type)
{
	return op && op->policy && type <= op->maxattr &&
	       op->policy[type].type != NLA_UNSPEC;
}

/* What a test builds; the suite's exit frees it even after a failure. */
struct nl_test_ctx {
	struct sk_buff *skb;
	struct nlattr *tb[32];
	struct mutex lock;	/* stands in for the namespace mutex */
	struct fp_model m;
	bool have_model;
};

static int nl_test_init(struct kunit *test)
{
	struct nl_test_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	if (!ctx)
		return -ENOMEM;
	mutex_init(&ctx->lock);
	test->priv = ctx;
	return 0;
}

static void nl_test_exit(struct kunit *test)
{
	struct nl_test_ctx *ctx = test->priv;

	kfree_skb(ctx->skb);
	/* a test stopped by a failed assertion: the lock dies with it */
	if (ctx->have_model)
		fp_model_destroy(&ctx->m);
}

/* A fresh message of the test, freed by the suite's exit. */
static struct sk_buff *msg_new(struct kunit *test, size_t size)
{
	struct nl_test_ctx *ctx = test->priv;

	ctx->skb = alloc_skb(size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx->skb);
	return ctx->skb;
}

/* The message starts with a generic netlink header of any family. */
static struct nlmsghdr *msg_start(struct kunit *test)
{
	struct nlmsghdr *nlh;

	nlh = nlmsg_put(msg_new(test, NLMSG_GOODSIZE), 0, 1, GENL_ID_CTRL,
			GENL_HDRLEN, 0);
	KUNIT_ASSERT_NOT_NULL(test, nlh);
	return nlh;
}

static bool msg_contains(const struct sk_buff *skb, const u8 *p, size_t len)
{
	unsigned int i;

	for (i = 0; i + len <= skb->len; i++)
		if (!memcmp(skb->data + i, p, len))
			return true;
	return false;
}

/*
 * Fill @obj as the GET reply of @cmd shows it and parse it back strictly;
 * then check every attribute a request may also carry against the request
 * policy.  Returns the attributes by type.
 */
static struct nlattr **fill_parse(struct kunit *test, u8 cmd,
				  const struct fp_model *m, const void *obj)
{
	const struct fp_nl_obj *d = fp_nl_obj_of(cmd);
	struct nl_test_ctx *ctx = test->priv;
	const struct reply_set *rs = NULL;
	struct netlink_ext_ack ea = {};
	struct nlattr **tb = ctx->tb;
	struct nlmsghdr *nlh;
	unsigned int i;
	int err;

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_EXPECT_EQ(test, d->cmd_get, cmd);
	for (i = 0; i < ARRAY_SIZE(reply_sets); i++)
		if (reply_sets[i].cmd == cmd)
			rs = &reply_sets[i];
	KUNIT_ASSERT_NOT_NULL(test, rs);
	KUNIT_ASSERT_LT(test, rs->maxattr, ARRAY_SIZE(ctx->tb));

	nlh = msg_start(test);
	KUNIT_ASSERT_EQ(test, d->fill(ctx->skb, m, obj), 0);
	nlmsg_end(ctx->skb, nlh);

	err = nlmsg_parse(nlh, GENL_HDRLEN, tb, rs->maxattr, rs->reply, &ea);
	KUNIT_ASSERT_EQ_MSG(test, err, 0, "%s", ea._msg ? ea._msg : "");
	for (i = 1; i <= rs->maxattr; i++) {
		unsigned int r;

		for (r = 0; r < ARRAY_SIZE(rs->req) && rs->req[r]; r++) {
			const struct genl_split_ops *op = do_op(test, rs->req[r]);

			if (!tb[i] || !op_takes(op, i))
				continue;
			err = nla_validate(tb[i], nla_total_size(nla_len(tb[i])),
					   op->maxattr, op->policy, &ea);
			KUNIT_EXPECT_EQ_MSG(test, err, 0,
					    "attribute %u, command %u: %s", i,
					    rs->req[r], ea._msg ? ea._msg : "");
		}
	}
	return tb;
}

static void expect_u32(struct kunit *test, struct nlattr **tb, int attr,
		       u32 val)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, tb[attr], "attribute %d", attr);
	KUNIT_EXPECT_EQ_MSG(test, nla_get_u32(tb[attr]), val, "attribute %d",
			    attr);
}

static void expect_str(struct kunit *test, struct nlattr **tb, int attr,
		       const char *val)
{
	KUNIT_ASSERT_NOT_NULL_MSG(test, tb[attr], "attribute %d", attr);
	KUNIT_EXPECT_STREQ(test, (char *)nla_data(tb[attr]), val);
}

static void expect_prefix(struct kunit *test, const struct nlattr *nest,
			  const struct fp_prefix *want)
{
	struct nlattr *tb[FASTPATH_A_PREFIX_MAX + 1];
	int len = want->family == AF_INET ? 4 : 16;

	KUNIT_ASSERT_NOT_NULL(test, nest);
	KUNIT_ASSERT_EQ(test, nla_parse_nested(tb, FASTPATH_A_PREFIX_MAX, nest,
					       prefix_reply_policy, NULL), 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_PREFIX_ADDR]);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_PREFIX_LEN]);
	KUNIT_ASSERT_EQ(test, nla_len(tb[FASTPATH_A_PREFIX_ADDR]), len);
	KUNIT_EXPECT_EQ(test, memcmp(nla_data(tb[FASTPATH_A_PREFIX_ADDR]),
				     want->addr, len), 0);
	KUNIT_EXPECT_EQ(test, nla_get_u8(tb[FASTPATH_A_PREFIX_LEN]), want->len);
}

static struct fp_model *model_begin(struct kunit *test)
{
	struct nl_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, fp_model_init(&ctx->m, &ctx->lock), 0);
	mutex_lock(&ctx->lock);
	ctx->have_model = true;
	return &ctx->m;
}

/* The test unlocks in its own thread: the suite's exit may run in another. */
static void model_end(struct kunit *test)
{
	struct nl_test_ctx *ctx = test->priv;

	fp_model_destroy(&ctx->m);
	ctx->have_model = false;
	mutex_unlock(&ctx->lock);
}

/*
 * A small model with one object of every type: circuit er1 (subscription
 * A, Direct 10G), vnet hub (subscription B, ErGw3AZ, peered with spoke),
 * an authorization redeemed by connection k1, endpoints, an exception and
 * a UDR.
 */
static struct fp_model *model_all(struct kunit *test, u8 key[FP_KEY_LEN])
{
	struct fp_model *m = model_begin(test);
	struct fp_prefix nva = fpt_p4(10, 0, 0, 5, 32);
	struct fp_prefix udr = fpt_p4(192, 168, 0, 0, 16);
	struct fp_prefix exc = fpt_p4(10, 0, 0, 128, 25);

	KUNIT_ASSERT_EQ(test, fpt_circuit(m, "er1", FP_TIER_PREMIUM,
					  FP_PORT_10G, 10000, &fpt_sub_a), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "hub", FP_SKU_ERGW3AZ, 0, "westeurope",
				       &fpt_sub_b, 0), 0);
	KUNIT_ASSERT_EQ(test, fpt_vnet(m, "spoke", FP_SKU_NONE, 0,
				       "westeurope", &fpt_sub_b, 1), 0);
	KUNIT_ASSERT_EQ(test, fp_peering_add(m, "hub", "spoke", NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_auth_add(m, "er1", "a1", key, NULL), 0);
	KUNIT_ASSERT_EQ(test, fpt_conn(m, "k1", "er1", "hub",
				       FP_CONN_F_FASTPATH | FP_CONN_F_UDR, key),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "vm1", "hub", fpt_p4(10, 0, 0, 4, 32)),
			0);
	KUNIT_ASSERT_EQ(test, fpt_ep(m, "nva", "hub", nva), 0);
	KUNIT_ASSERT_EQ(test, fp_exception_add(m, "hub", &exc,
					       FP_EXC_INTERNAL_LB, NULL), 0);
	KUNIT_ASSERT_EQ(test, fp_udr_add(m, "hub", &udr, "nva", NULL), 0);
	return m;
}

static void circuit_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_circuit *c = fp_circuit_find(m, "er1");
	struct nlattr **tb;

	tb = fill_parse(test, FASTPATH_CMD_CIRCUIT_GET, m, c);
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_CIRCUIT_PAD]);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_ID, c->id);
	expect_str(test, tb, FASTPATH_A_CIRCUIT_NAME, "er1");
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_CIRCUIT_SUBSCRIPTION]);
	KUNIT_EXPECT_EQ(test, memcmp(nla_data(tb[FASTPATH_A_CIRCUIT_SUBSCRIPTION]),
				     &fpt_sub_a, UUID_SIZE), 0);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_IFINDEX, 0);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_TIER, FASTPATH_TIER_PREMIUM);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_PORT, FASTPATH_PORT_10G);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_BANDWIDTH, 10000);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_ROUTE_LIMIT, 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_CIRCUIT_ACTIVE]);
	KUNIT_EXPECT_EQ(test, nla_get_u8(tb[FASTPATH_A_CIRCUIT_ACTIVE]),
			c->active);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_LINKS, 1);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_MAX_LINKS, 100);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_AUTHS, 1);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE,
		   FP_ROUTE_LIMIT_10G);
	/* Nothing published yet. */
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_ROUTES_INSTALLED, 0);
	expect_u32(test, tb, FASTPATH_A_CIRCUIT_ROUTES_PENDING, 0);
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_CIRCUIT_DEFER]);
	model_end(test);
}

/* The DEFER flag counts only in configuration requests of its own set. */
static void defer_requested(struct kunit *test)
{
	struct nlattr *attrs[32] = {};
	struct nlattr flag = { .nla_len = NLA_HDRLEN };
	struct genlmsghdr hdr = { .cmd = FASTPATH_CMD_ENDPOINT_NEW };
	struct genl_info info = { .genlhdr = &hdr, .attrs = attrs };

	BUILD_BUG_ON(ARRAY_SIZE(attrs) <= FASTPATH_A_CIRCUIT_MAX);
	KUNIT_EXPECT_FALSE(test, fp_nl_defer_requested(&info));
	attrs[FASTPATH_A_ENDPOINT_DEFER] = &flag;
	KUNIT_EXPECT_TRUE(test, fp_nl_defer_requested(&info));
	hdr.cmd = FASTPATH_CMD_ENDPOINT_DEL;
	KUNIT_EXPECT_TRUE(test, fp_nl_defer_requested(&info));
	hdr.cmd = FASTPATH_CMD_ENDPOINT_GET;
	KUNIT_EXPECT_FALSE(test, fp_nl_defer_requested(&info));
	hdr.cmd = FASTPATH_CMD_COMMIT;
	KUNIT_EXPECT_FALSE(test, fp_nl_defer_requested(&info));
	hdr.cmd = FASTPATH_CMD_MAX + 1;
	KUNIT_EXPECT_FALSE(test, fp_nl_defer_requested(&info));
	/* Another set's number: not this one's flag. */
	hdr.cmd = FASTPATH_CMD_CIRCUIT_SET;
	KUNIT_EXPECT_EQ(test, fp_nl_defer_requested(&info),
			(int)FASTPATH_A_CIRCUIT_DEFER ==
			(int)FASTPATH_A_ENDPOINT_DEFER);
	attrs[FASTPATH_A_CIRCUIT_DEFER] = &flag;
	KUNIT_EXPECT_TRUE(test, fp_nl_defer_requested(&info));
	info.attrs = NULL;
	KUNIT_EXPECT_FALSE(test, fp_nl_defer_requested(&info));
}

/* Keys never leave the kernel after AUTH_NEW: not in GET, dumps, events. */
static void auth_fill_no_key(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_nl_obj *d = fp_nl_obj_of(FASTPATH_CMD_AUTH_GET);
	const struct fp_nl_key k = { .parent = "er1", .name = "a1" };
	const struct fp_auth *a = fp_auth_find(m, "er1", "a1");
	struct nlattr **tb;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_EXPECT_PTR_EQ(test, d->find(m, &k), (const void *)a);
	KUNIT_EXPECT_PTR_EQ(test, fp_nl_obj_of(FASTPATH_CMD_AUTH_DEL), d);
	tb = fill_parse(test, FASTPATH_CMD_AUTH_GET, m, a);
	expect_u32(test, tb, FASTPATH_A_AUTH_ID, a->id);
	expect_str(test, tb, FASTPATH_A_AUTH_NAME, "a1");
	expect_str(test, tb, FASTPATH_A_AUTH_CIRCUIT, "er1");
	expect_str(test, tb, FASTPATH_A_AUTH_REDEEMED_BY, "k1");
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_AUTH_KEY]);
	/* nor anywhere in the message, under any attribute type */
	KUNIT_EXPECT_FALSE(test, msg_contains(((struct nl_test_ctx *)test->priv)->skb,
					      key, FP_KEY_LEN));
	model_end(test);
}

static void vnet_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_vnet *v = fp_vnet_find(m, "hub");
	struct fp_prefix space = fpt_space(0);
	struct nlattr **tb, *a;
	int rem, n = 0;

	tb = fill_parse(test, FASTPATH_CMD_VNET_GET, m, v);
	expect_u32(test, tb, FASTPATH_A_VNET_ID, v->id);
	expect_str(test, tb, FASTPATH_A_VNET_NAME, "hub");
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_VNET_SUBSCRIPTION]);
	KUNIT_EXPECT_EQ(test, memcmp(nla_data(tb[FASTPATH_A_VNET_SUBSCRIPTION]),
				     &fpt_sub_b, UUID_SIZE), 0);
	expect_str(test, tb, FASTPATH_A_VNET_REGION, "westeurope");
	expect_u32(test, tb, FASTPATH_A_VNET_SKU, FASTPATH_SKU_ERGW3AZ);
	expect_u32(test, tb, FASTPATH_A_VNET_UNITS, 0);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_VNET_SPACES]);
	nla_for_each_nested(a, tb[FASTPATH_A_VNET_SPACES], rem) {
		KUNIT_EXPECT_EQ(test, nla_type(a), FASTPATH_A_SPACES_PREFIX);
		expect_prefix(test, a, &space);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 1);
	/* the one peer (the last PEER wins in tb; there is only one) */
	expect_str(test, tb, FASTPATH_A_VNET_PEER, "spoke");
	expect_u32(test, tb, FASTPATH_A_VNET_CONNS, 1);
	expect_u32(test, tb, FASTPATH_A_VNET_MAX_CONNS, 16);
	model_end(test);
}

static void endpoint_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_endpoint *ep = fp_endpoint_find(m, "vm1");
	struct fp_prefix p = fpt_p4(10, 0, 0, 4, 32);
	struct nlattr **tb;

	tb = fill_parse(test, FASTPATH_CMD_ENDPOINT_GET, m, ep);
	expect_u32(test, tb, FASTPATH_A_ENDPOINT_ID, ep->id);
	expect_str(test, tb, FASTPATH_A_ENDPOINT_NAME, "vm1");
	expect_str(test, tb, FASTPATH_A_ENDPOINT_VNET, "hub");
	expect_prefix(test, tb[FASTPATH_A_ENDPOINT_PREFIX], &p);
	expect_u32(test, tb, FASTPATH_A_ENDPOINT_IFINDEX, 1);
	/* no static MAC: the neighbour table is used, no MAC attribute */
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_ENDPOINT_MAC]);
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_ENDPOINT_ACTIVE]);
	KUNIT_EXPECT_EQ(test, nla_get_u8(tb[FASTPATH_A_ENDPOINT_ACTIVE]),
			ep->active);
	model_end(test);
}

static void endpoint_fill_mac(struct kunit *test)
{
	static const u8 mac[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x42 };
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	struct fp_endpoint_cfg cfg = {
		.name = "vm1", .has_mac = true, .mask = FP_EP_SET_MAC,
	};
	struct nlattr **tb;

	memcpy(cfg.mac, mac, ETH_ALEN);
	KUNIT_ASSERT_EQ(test, fp_endpoint_set(m, &cfg, NULL), 0);
	tb = fill_parse(test, FASTPATH_CMD_ENDPOINT_GET, m,
			fp_endpoint_find(m, "vm1"));
	KUNIT_ASSERT_NOT_NULL(test, tb[FASTPATH_A_ENDPOINT_MAC]);
	KUNIT_EXPECT_EQ(test, memcmp(nla_data(tb[FASTPATH_A_ENDPOINT_MAC]),
				     mac, ETH_ALEN), 0);
	model_end(test);
}

static void conn_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_conn *k = fp_conn_find(m, "k1");
	struct nlattr **tb;

	tb = fill_parse(test, FASTPATH_CMD_CONN_GET, m, k);
	expect_u32(test, tb, FASTPATH_A_CONN_ID, k->id);
	expect_str(test, tb, FASTPATH_A_CONN_NAME, "k1");
	expect_str(test, tb, FASTPATH_A_CONN_CIRCUIT, "er1");
	expect_str(test, tb, FASTPATH_A_CONN_VNET, "hub");
	expect_u32(test, tb, FASTPATH_A_CONN_FLAGS,
		   FASTPATH_CONN_F_FASTPATH | FASTPATH_CONN_F_UDR);
	expect_str(test, tb, FASTPATH_A_CONN_AUTH, "a1");
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_CONN_AUTH_KEY]);
	model_end(test);
}

static void exception_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_nl_obj *d = fp_nl_obj_of(FASTPATH_CMD_EXCEPTION_GET);
	struct fp_nl_key k = { .parent = "hub" };
	const struct fp_exception *e;
	struct nlattr **tb;

	k.prefix = fpt_p4(10, 0, 0, 128, 25);
	e = fp_exception_find(m, "hub", &k.prefix);
	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_EXPECT_PTR_EQ(test, d->find(m, &k), (const void *)e);
	tb = fill_parse(test, FASTPATH_CMD_EXCEPTION_GET, m, e);
	expect_u32(test, tb, FASTPATH_A_EXCEPTION_ID, e->id);
	expect_str(test, tb, FASTPATH_A_EXCEPTION_VNET, "hub");
	expect_prefix(test, tb[FASTPATH_A_EXCEPTION_PREFIX], &k.prefix);
	expect_u32(test, tb, FASTPATH_A_EXCEPTION_KIND,
		   FASTPATH_EXCEPTION_KIND_INTERNAL_LB);
	model_end(test);
}

static void udr_fill_all(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	const struct fp_nl_obj *d = fp_nl_obj_of(FASTPATH_CMD_UDR_GET);
	struct fp_nl_key k = { .parent = "hub" };
	const struct fp_udr *u;
	struct nlattr **tb;

	k.prefix = fpt_p4(192, 168, 0, 0, 16);
	u = fp_udr_find(m, "hub", &k.prefix);
	KUNIT_ASSERT_NOT_NULL(test, u);
	KUNIT_EXPECT_PTR_EQ(test, d->find(m, &k), (const void *)u);
	tb = fill_parse(test, FASTPATH_CMD_UDR_GET, m, u);
	expect_u32(test, tb, FASTPATH_A_UDR_ID, u->id);
	expect_str(test, tb, FASTPATH_A_UDR_VNET, "hub");
	expect_prefix(test, tb[FASTPATH_A_UDR_PREFIX], &k.prefix);
	expect_str(test, tb, FASTPATH_A_UDR_NEXTHOP, "nva");
	model_end(test);
}

/* Every GET, DEL, NEW and SET the table handles maps to its object. */
static void obj_table(struct kunit *test)
{
	static const struct {
		u8 cmd;
		const char *name;
	} map[] = {
		{ FASTPATH_CMD_CIRCUIT_NEW, "circuit" },
		{ FASTPATH_CMD_CIRCUIT_SET, "circuit" },
		{ FASTPATH_CMD_CIRCUIT_GET, "circuit" },
		{ FASTPATH_CMD_CIRCUIT_DEL, "circuit" },
		{ FASTPATH_CMD_AUTH_GET, "auth" },
		{ FASTPATH_CMD_VNET_NEW, "vnet" },
		{ FASTPATH_CMD_VNET_SET, "vnet" },
		{ FASTPATH_CMD_VNET_GET, "vnet" },
		{ FASTPATH_CMD_VNET_DEL, "vnet" },
		{ FASTPATH_CMD_ENDPOINT_NEW, "endpoint" },
		{ FASTPATH_CMD_ENDPOINT_SET, "endpoint" },
		{ FASTPATH_CMD_ENDPOINT_GET, "endpoint" },
		{ FASTPATH_CMD_ENDPOINT_DEL, "endpoint" },
		{ FASTPATH_CMD_CONN_NEW, "connection" },
		{ FASTPATH_CMD_CONN_SET, "connection" },
		{ FASTPATH_CMD_CONN_GET, "connection" },
		{ FASTPATH_CMD_CONN_DEL, "connection" },
		{ FASTPATH_CMD_EXCEPTION_NEW, "exception" },
		{ FASTPATH_CMD_EXCEPTION_SET, "exception" },
		{ FASTPATH_CMD_EXCEPTION_DEL, "exception" },
		{ FASTPATH_CMD_EXCEPTION_GET, "exception" },
		{ FASTPATH_CMD_UDR_NEW, "udr" },
		{ FASTPATH_CMD_UDR_SET, "udr" },
		{ FASTPATH_CMD_UDR_DEL, "udr" },
		{ FASTPATH_CMD_UDR_GET, "udr" },
	};
	const struct fp_nl_obj *d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(map); i++) {
		d = fp_nl_obj_of(map[i].cmd);
		KUNIT_ASSERT_NOT_NULL_MSG(test, d, "command %u", map[i].cmd);
		KUNIT_EXPECT_STREQ(test, d->name, map[i].name);
		KUNIT_EXPECT_NOT_NULL(test, d->fill);
		KUNIT_EXPECT_NOT_NULL(test, d->find);
		/* NEW and SET go through the type's write operation */
		if (map[i].cmd == d->cmd_new || map[i].cmd == d->cmd_set)
			KUNIT_EXPECT_NOT_NULL(test, d->write);
	}
	KUNIT_EXPECT_NULL(test, fp_nl_obj_of(FASTPATH_CMD_INFO_GET));
	KUNIT_EXPECT_NULL(test, fp_nl_obj_of(FASTPATH_CMD_PEERING_NEW));
	KUNIT_EXPECT_NULL(test, fp_nl_obj_of(FASTPATH_CMD_STATS_GET));
	/* an authorization is created by its own handler (the key reply) */
	KUNIT_EXPECT_NULL(test, fp_nl_obj_of(FASTPATH_CMD_AUTH_NEW));
}

/* ---- stats ------------------------------------------------------------- */

static const struct nla_policy counter_reply_policy[FASTPATH_A_COUNTER_MAX + 1] = {
	[FASTPATH_A_COUNTER_PAD] = { .type = NLA_BINARY },
	[FASTPATH_A_COUNTER_REASON] = NLA_POLICY_MAX(NLA_U32, FASTPATH_REASON_MAX),
	[FASTPATH_A_COUNTER_PACKETS] = { .type = NLA_U64 },
	[FASTPATH_A_COUNTER_BYTES] = { .type = NLA_U64 },
};

static const struct nla_policy stats_reply_policy[FASTPATH_A_STATS_MAX + 1] = {
	[FASTPATH_A_STATS_CIRCUIT] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_STATS_CONN] = { .type = NLA_NUL_STRING },
	[FASTPATH_A_STATS_COUNTER] = NLA_POLICY_NESTED(counter_reply_policy),
};

/*
 * Fill @vals as the counters of connection @name, parse the reply back and
 * check one COUNTER nest per reason, in order, with the values.
 */
static void stats_check(struct kunit *test, const char *name,
			const struct fp_counter_vals *vals)
{
	struct nlattr *tb[FASTPATH_A_STATS_MAX + 1];
	struct nlattr *ctb[FASTPATH_A_COUNTER_MAX + 1];
	struct nl_test_ctx *ctx = test->priv;
	const struct genl_split_ops *op;
	struct netlink_ext_ack ea = {};
	struct nlmsghdr *nlh;
	struct nlattr *a;
	u32 r = 0;
	int rem;

	nlh = msg_start(test);
	KUNIT_ASSERT_EQ(test, fp_nl_stats_fill(ctx->skb, FASTPATH_A_STATS_CONN,
					       name, vals), 0);
	nlmsg_end(ctx->skb, nlh);

	KUNIT_ASSERT_EQ_MSG(test, nlmsg_parse(nlh, GENL_HDRLEN, tb,
					      FASTPATH_A_STATS_MAX,
					      stats_reply_policy, &ea), 0,
			    "%s", ea._msg ? ea._msg : "");
	KUNIT_EXPECT_NULL(test, tb[FASTPATH_A_STATS_CIRCUIT]);
	expect_str(test, tb, FASTPATH_A_STATS_CONN, name);
	/* the name is what a request would send */
	op = do_op(test, FASTPATH_CMD_STATS_GET);
	KUNIT_ASSERT_TRUE(test, op_takes(op, FASTPATH_A_STATS_CONN));
	KUNIT_EXPECT_EQ(test, nla_validate(tb[FASTPATH_A_STATS_CONN],
					   nla_total_size(nla_len(tb[FASTPATH_A_STATS_CONN])),
					   op->maxattr, op->policy, NULL), 0);
	nlmsg_for_each_attr(a, nlh, GENL_HDRLEN, rem) {
		if (nla_type(a) != FASTPATH_A_STATS_COUNTER)
			continue;
		KUNIT_ASSERT_LT(test, r, (u32)FP_NREASONS);
		KUNIT_ASSERT_EQ(test, nla_parse_nested(ctb, FASTPATH_A_COUNTER_MAX,
						       a, counter_reply_policy,
						       NULL), 0);
		expect_u32(test, ctb, FASTPATH_A_COUNTER_REASON, r);
		KUNIT_ASSERT_NOT_NULL(test, ctb[FASTPATH_A_COUNTER_PACKETS]);
		KUNIT_ASSERT_NOT_NULL(test, ctb[FASTPATH_A_COUNTER_BYTES]);
		KUNIT_EXPECT_EQ(test, nla_get_u64(ctb[FASTPATH_A_COUNTER_PACKETS]),
				vals->pkts[r]);
		KUNIT_EXPECT_EQ(test, nla_get_u64(ctb[FASTPATH_A_COUNTER_BYTES]),
				vals->bytes[r]);
		r++;
	}
	KUNIT_EXPECT_EQ(test, r, (u32)FP_NREASONS);
}

/* A fresh connection: every reason present, every counter zero. */
static void stats_fill_zero(struct kunit *test)
{
	u8 key[FP_KEY_LEN];
	struct fp_model *m = model_all(test, key);
	struct fp_counter_vals vals;

	fp_counters_fold(fp_conn_find(m, "k1")->counters, &vals);
	stats_check(test, "k1", &vals);
	KUNIT_EXPECT_EQ(test, vals.pkts[FASTPATH_REASON_FORWARDED], 0ULL);
	model_end(test);
}

/* Counts bumped on this CPU, and values beyond 32 bits, come back whole. */
static void stats_fill_counts(struct kunit *test)
{
	struct fp_counters __percpu *c = fp_counters_alloc(GFP_KERNEL);
	struct fp_counter_vals vals = {};
	unsigned int r;

	KUNIT_ASSERT_TRUE(test, c);	/* sparse: no NULL of __percpu */
	local_bh_disable();
	fp_counters_add(c, FASTPATH_REASON_FORWARDED, 1500);
	fp_counters_add(c, FASTPATH_REASON_FORWARDED, 64);
	fp_counters_add(c, FASTPATH_REASON_TX_ERROR, 100);
	local_bh_enable();
	fp_counters_fold(c, &vals);
	fp_counters_free(c);
	KUNIT_EXPECT_EQ(test, vals.pkts[FASTPATH_REASON_FORWARDED], 2ULL);
	KUNIT_EXPECT_EQ(test, vals.bytes[FASTPATH_REASON_FORWARDED], 1564ULL);
	for (r = 0; r < FP_NREASONS; r++)
		vals.bytes[r] += (u64)r << 40;
	stats_check(test, "conn-with-a-nm", &vals);
}

/* A reply that does not fit fails with -EMSGSIZE instead of truncating. */
static void stats_fill_too_small(struct kunit *test)
{
	struct fp_counter_vals vals = {};
	struct sk_buff *skb;

	skb = msg_new(test, 128);
	skb_put_zero(skb, skb_tailroom(skb) - nla_total_size(4) -
		     nla_total_size(0) - 3 * nla_total_size_64bit(8));
	KUNIT_EXPECT_EQ(test, fp_nl_stats_fill(skb, FASTPATH_A_STATS_CIRCUIT,
					       "er1", &vals), -EMSGSIZE);
}

/* A string attribute of @len bytes from @data, in @buf. */
static const struct nlattr *str_attr(void *buf, const char *data, int len)
{
	struct nlattr *nla = buf;

	nla->nla_type = 1;
	nla->nla_len = nla_attr_size(len);
	memcpy(nla_data(nla), data, len);
	return nla;
}

static void string_whole(struct kunit *test)
{
	u64 buf[8];

	KUNIT_EXPECT_TRUE(test, fp_nl_string_whole(str_attr(buf, "er1", 4)));
	KUNIT_EXPECT_TRUE(test, fp_nl_string_whole(str_attr(buf, "er1\0\0\0", 6)));
	KUNIT_EXPECT_TRUE(test, fp_nl_string_whole(str_attr(buf, "\0", 1)));
	KUNIT_EXPECT_FALSE(test, fp_nl_string_whole(str_attr(buf, "er\0x", 5)));
	KUNIT_EXPECT_FALSE(test, fp_nl_string_whole(str_attr(buf, "\0er1", 5)));
	KUNIT_EXPECT_FALSE(test, fp_nl_string_whole(str_attr(buf, "a\0\0b\0", 5)));
}

static struct kunit_case fp_netlink_cases[] = {
	KUNIT_CASE(string_whole),
	KUNIT_CASE(info_fill_roundtrip),
	KUNIT_CASE(info_fill_too_small),
	KUNIT_CASE(info_fill_two_messages),
	KUNIT_CASE(circuit_fill_all),
	KUNIT_CASE(defer_requested),
	KUNIT_CASE(auth_fill_no_key),
	KUNIT_CASE(vnet_fill_all),
	KUNIT_CASE(endpoint_fill_all),
	KUNIT_CASE(endpoint_fill_mac),
	KUNIT_CASE(conn_fill_all),
	KUNIT_CASE(exception_fill_all),
	KUNIT_CASE(udr_fill_all),
	KUNIT_CASE(obj_table),
	KUNIT_CASE(stats_fill_zero),
	KUNIT_CASE(stats_fill_counts),
	KUNIT_CASE(stats_fill_too_small),
	{}
};

static struct kunit_suite fp_netlink_suite = {
	.name = "fastpath_netlink",
	.test_cases = fp_netlink_cases,
	.init = nl_test_init,
	.exit = nl_test_exit,
};

kunit_test_suite(fp_netlink_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for fastpath");
FP_IMPORT_FOR_KUNIT();
