// SPDX-License-Identifier: GPL-2.0
/* A KUnit suite with one passing and one failing case. */
#include <kunit/test.h>
#include <linux/module.h>

static void harness_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 2, 1 + 1);
}

static void harness_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 3, 1 + 1);
}

static struct kunit_case harness_cases[] = {
	KUNIT_CASE(harness_passes),
	KUNIT_CASE(harness_fails),
	{}
};

static struct kunit_suite harness_suite = {
	.name = "fastpath_harness_must_fail",
	.test_cases = harness_cases,
};

kunit_test_suite(harness_suite);
MODULE_LICENSE("GPL");
