// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: ordered batches (kmod/nl_batch.c).  The chain admits links in
 * sequence, breaks for good on a failure or a gap, restarts on BATCH and
 * goes away with its socket; chains of different sockets do not mix.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "fastpath.h"
#include "netlink.h"

/* A private namespace state, locked until bt_end(). */
static struct fp_net *bt_begin(struct kunit *test)
{
	struct fp_net *fpn = kzalloc(sizeof(*fpn), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fpn);
	KUNIT_ASSERT_EQ(test, fp_net_setup(fpn, &init_net), 0);
	mutex_lock(&fpn->lock);
	return fpn;
}

/*
 * Free the chains left behind, as a dying namespace does, unlock in the
 * test's own thread, then free everything (kmemleak checks).
 * A test that stopped on a failed assertion never gets here and leaves
 * its state behind; it failed anyway.
 */
static void bt_end(struct fp_net *fpn)
{
	fp_batch_release_all(fpn);
	mutex_unlock(&fpn->lock);
	fp_net_teardown(fpn);
	kfree(fpn);
}

/* Links in sequence run; each success moves the expected number on. */
static void chain_in_order(struct kunit *test)
{
	struct fp_net *fpn = bt_begin(test);
	struct fp_batch *b;
	u32 seq;

	KUNIT_EXPECT_NULL(test, fp_batch_find(fpn, 100));
	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 100, 41), 0);
	b = fp_batch_find(fpn, 100);
	KUNIT_ASSERT_NOT_NULL(test, b);
	for (seq = 42; seq < 52; seq++) {
		KUNIT_EXPECT_EQ(test, fp_batch_admit(b, seq), 0);
		fp_batch_done(b, seq, 0);
	}
	/* The sequence number wraps like any other netlink sequence. */
	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 100, U32_MAX), 0);
	KUNIT_EXPECT_PTR_EQ(test, fp_batch_find(fpn, 100), b);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 0), 0);
	fp_batch_done(b, 0, 0);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 1), 0);
	bt_end(fpn);
}

/* After a failed link every later one is refused, in sequence or not. */
static void chain_breaks_on_failure(struct kunit *test)
{
	struct fp_net *fpn = bt_begin(test);
	struct fp_batch *b;

	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 7, 10), 0);
	b = fp_batch_find(fpn, 7);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 11), 0);
	fp_batch_done(b, 11, -EEXIST);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 12), -ECANCELED);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 11), -ECANCELED);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 13), -ECANCELED);
	/* BATCH again: a new chain from its own number. */
	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 7, 20), 0);
	KUNIT_EXPECT_PTR_EQ(test, fp_batch_find(fpn, 7), b);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 21), 0);
	bt_end(fpn);
}

/*
 * A gap (a request the core refused before its handler) breaks the chain
 * at the next link, and so does a repeated or older number.
 */
static void chain_breaks_on_gap(struct kunit *test)
{
	struct fp_net *fpn = bt_begin(test);
	struct fp_batch *b;

	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 7, 10), 0);
	b = fp_batch_find(fpn, 7);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 12), -EPROTO);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 11), -ECANCELED);

	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 7, 10), 0);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 11), 0);
	fp_batch_done(b, 11, 0);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 11), -EPROTO);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 12), -ECANCELED);
	bt_end(fpn);
}

/* Sockets have chains of their own; a released socket's chain is gone. */
static void chain_per_socket(struct kunit *test)
{
	struct fp_net *fpn = bt_begin(test);
	struct fp_batch *a, *b;

	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 1, 100), 0);
	KUNIT_ASSERT_EQ(test, fp_batch_start(fpn, 2, 100), 0);
	a = fp_batch_find(fpn, 1);
	b = fp_batch_find(fpn, 2);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	KUNIT_EXPECT_EQ(test, fp_batch_admit(a, 101), 0);
	fp_batch_done(a, 101, -EINVAL);
	/* The other socket's chain is untouched by that failure. */
	KUNIT_EXPECT_EQ(test, fp_batch_admit(b, 101), 0);
	fp_batch_done(b, 101, 0);

	fp_batch_release(fpn, 1);
	KUNIT_EXPECT_NULL(test, fp_batch_find(fpn, 1));
	KUNIT_EXPECT_PTR_EQ(test, fp_batch_find(fpn, 2), b);
	/* Releasing a socket without a chain is harmless. */
	fp_batch_release(fpn, 1);
	fp_batch_release(fpn, 3);
	KUNIT_EXPECT_PTR_EQ(test, fp_batch_find(fpn, 2), b);
	/* Socket 2 keeps its chain: fp_batch_release_all() must free it. */
	bt_end(fpn);
}

static struct kunit_case fp_batch_cases[] = {
	KUNIT_CASE(chain_in_order),
	KUNIT_CASE(chain_breaks_on_failure),
	KUNIT_CASE(chain_breaks_on_gap),
	KUNIT_CASE(chain_per_socket),
	{}
};

static struct kunit_suite fp_batch_suite = {
	.name = "fastpath_batch",
	.test_cases = fp_batch_cases,
};

kunit_test_suite(fp_batch_suite);
