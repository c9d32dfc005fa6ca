/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal unit test helpers for fpctl: CHECK() counts, prints failures
 * with their location, and test_summary() prints the closing line
 * "N passed, N failed" and returns the exit status.
 */
#ifndef FPCTL_TEST_H
#define FPCTL_TEST_H

#include <stdio.h>
#include <string.h>

#include "utils.h"

static int tests_passed, tests_failed;

#define CHECK(cond, ...)						\
	do {								\
		if (cond) {						\
			tests_passed++;					\
		} else {						\
			tests_failed++;					\
			printf("FAIL %s:%d: ", __FILE__, __LINE__);	\
			printf(__VA_ARGS__);				\
			printf("\n");					\
		}							\
	} while (0)

#define CHECK_STR(got, want)						\
	CHECK(!strcmp((got), (want)), "got \"%s\", want \"%s\"",	\
	      (got), (want))

/* The last message passed to fp_error()/fp_warn(). */
static char last_error[1024];
static int n_errors;

static void capture_error(const char *msg)
{
	snprintf(last_error, sizeof(last_error), "%s", msg);
	n_errors++;
}

static inline void test_capture_errors(void)
{
	fp_error_hook = capture_error;
}

static inline void clear_error(void)
{
	last_error[0] = '\0';
}

static inline int test_summary(void)
{
	printf("%d passed, %d failed\n", tests_passed, tests_failed);
	return tests_failed ? 1 : 0;
}

#endif /* FPCTL_TEST_H */
