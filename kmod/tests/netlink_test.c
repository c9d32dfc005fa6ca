// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: messages built by kmod/netlink.c, parsed back the way user space
 * parses them.
 */
#include <kunit/test.h>
#include <linux/utsname.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "netlink.h"

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

static struct kunit_case fp_netlink_cases[] = {
	KUNIT_CASE(info_fill_roundtrip),
	KUNIT_CASE(info_fill_too_small),
	KUNIT_CASE(info_fill_two_messages),
	{}
};

static struct kunit_suite fp_netlink_suite = {
	.name = "fastpath_netlink",
	.test_cases = fp_netlink_cases,
};

kunit_test_suite(fp_netlink_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for fastpath");
FP_IMPORT_FOR_KUNIT();
