// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: per-CPU packet counters (kmod/counters.c): adds on several CPUs fold
 * to exact sums, out-of-range reasons are ignored, names match the YNL spec.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>

#include "compat.h"
#include "counters.h"

static void fold_sums_cpus(struct kunit *test)
{
	struct fp_counters __percpu *c = fp_counters_alloc(GFP_KERNEL);
	struct fp_counter_vals v;
	unsigned int n = 0, r;
	int cpu;

	/* a __percpu cookie: compare it as a plain pointer */
	KUNIT_ASSERT_NOT_NULL(test, (void __force *)c);
	fp_counters_fold(c, &v);
	for (r = 0; r < FP_NREASONS; r++) {
		KUNIT_EXPECT_EQ(test, v.pkts[r], 0ULL);
		KUNIT_EXPECT_EQ(test, v.bytes[r], 0ULL);
	}

	/* Write other CPUs' slots directly, as each CPU would itself. */
	for_each_possible_cpu(cpu) {
		struct fp_counters *s = per_cpu_ptr(c, cpu);

		u64_stats_add(&s->r[FASTPATH_REASON_NO_ROUTE].pkts, 3);
		u64_stats_add(&s->r[FASTPATH_REASON_NO_ROUTE].bytes, 300);
		n++;
	}
	local_bh_disable();
	fp_counters_add(c, FASTPATH_REASON_FORWARDED, 1500);
	fp_counters_add(c, FASTPATH_REASON_FORWARDED, 60);
	fp_counters_add(c, FP_NREASONS, 1);	/* ignored */
	fp_counters_add(NULL, FASTPATH_REASON_TTL, 1);	/* ignored */
	local_bh_enable();

	fp_counters_fold(c, &v);
	KUNIT_EXPECT_EQ(test, v.pkts[FASTPATH_REASON_FORWARDED], 2ULL);
	KUNIT_EXPECT_EQ(test, v.bytes[FASTPATH_REASON_FORWARDED], 1560ULL);
	KUNIT_EXPECT_EQ(test, v.pkts[FASTPATH_REASON_NO_ROUTE], 3ULL * n);
	KUNIT_EXPECT_EQ(test, v.bytes[FASTPATH_REASON_NO_ROUTE], 300ULL * n);
	KUNIT_EXPECT_EQ(test, v.pkts[FASTPATH_REASON_TTL], 0ULL);
	fp_counters_free(c);
}

static void fold_null_and_accumulate(struct kunit *test)
{
	struct fp_counter_vals v, acc;

	memset(&v, 0xa5, sizeof(v));
	fp_counters_fold(NULL, &v);
	KUNIT_EXPECT_EQ(test, v.pkts[0], 0ULL);
	KUNIT_EXPECT_EQ(test, v.bytes[FP_NREASONS - 1], 0ULL);

	memset(&acc, 0, sizeof(acc));
	v.pkts[FASTPATH_REASON_MTU] = 5;
	v.bytes[FASTPATH_REASON_MTU] = 7000;
	fp_counter_vals_add(&acc, &v);
	fp_counter_vals_add(&acc, &v);
	KUNIT_EXPECT_EQ(test, acc.pkts[FASTPATH_REASON_MTU], 10ULL);
	KUNIT_EXPECT_EQ(test, acc.bytes[FASTPATH_REASON_MTU], 14000ULL);
	KUNIT_EXPECT_EQ(test, acc.pkts[FASTPATH_REASON_FORWARDED], 0ULL);
}

static void reason_names(struct kunit *test)
{
	unsigned int r;

	KUNIT_EXPECT_STREQ(test, fp_reason_name(FASTPATH_REASON_FORWARDED),
			   "forwarded");
	KUNIT_EXPECT_STREQ(test, fp_reason_name(FASTPATH_REASON_NO_NEIGH),
			   "no-neigh");
	KUNIT_EXPECT_STREQ(test, fp_reason_name(FASTPATH_REASON_TX_ERROR),
			   "tx-error");
	KUNIT_EXPECT_STREQ(test, fp_reason_name(FASTPATH_REASON_NO_MEMORY),
			   "no-memory");
	KUNIT_EXPECT_STREQ(test, fp_reason_name(FP_NREASONS), "unknown");
	for (r = 0; r < FP_NREASONS; r++)
		KUNIT_EXPECT_STRNEQ(test, fp_reason_name(r), "unknown");
}

static struct kunit_case fp_counters_cases[] = {
	KUNIT_CASE(fold_sums_cpus),
	KUNIT_CASE(fold_null_and_accumulate),
	KUNIT_CASE(reason_names),
	{}
};

static struct kunit_suite fp_counters_suite = {
	.name = "fastpath_counters",
	.test_cases = fp_counters_cases,
};

kunit_test_suite(fp_counters_suite);
