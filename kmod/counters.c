// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU packet counters: allocation, folding and reason names.
 */
#include <linux/cpumask.h>
#include <linux/slab.h>

#include "compat.h"
#include "counters.h"

/*
 * As the YNL spec spells them, in enum order (FASTPATH_REASONS(), the UAPI
 * header; make lint checks it against the spec).
 */
#define FP_REASON_NAME(id, name)	name,
static const char * const fp_reason_names[] = {
	FASTPATH_REASONS(FP_REASON_NAME, FP_REASON_NAME)
};

static_assert(ARRAY_SIZE(fp_reason_names) == FP_NREASONS);

/**
 * fp_counters_alloc() - allocate zeroed per-CPU counters
 * @gfp: allocation flags (GFP_KERNEL_ACCOUNT for objects users create)
 *
 * Return: the counters, or NULL when out of memory.
 */
struct fp_counters __percpu *fp_counters_alloc(gfp_t gfp)
{
	struct fp_counters __percpu *c;
	int cpu;

	c = alloc_percpu_gfp(struct fp_counters, gfp | __GFP_ZERO);
	if (!c)
		return NULL;
	for_each_possible_cpu(cpu)
		u64_stats_init(&per_cpu_ptr(c, cpu)->syncp);
	return c;
}

FP_EXPORT_FOR_KUNIT(fp_counters_alloc);

/**
 * fp_counters_free() - free counters from fp_counters_alloc()
 * @c: the counters, or NULL
 *
 * The caller makes sure no reader or writer can still reach @c (an RCU grace
 * period after it was unpublished).
 */
void fp_counters_free(struct fp_counters __percpu *c)
{
	free_percpu(c);
}

FP_EXPORT_FOR_KUNIT(fp_counters_free);

/**
 * fp_counters_fold() - sum counters over every possible CPU
 * @c: the counters, or NULL (all zero)
 * @out: the sums
 */
void fp_counters_fold(struct fp_counters __percpu *c,
		      struct fp_counter_vals *out)
{
	unsigned int start, r;
	int cpu;

	memset(out, 0, sizeof(*out));
	if (!c)
		return;
	for_each_possible_cpu(cpu) {
		const struct fp_counters *s = per_cpu_ptr(c, cpu);
		u64 pkts[FP_NREASONS], bytes[FP_NREASONS];

		do {
			start = u64_stats_fetch_begin(&s->syncp);
			for (r = 0; r < FP_NREASONS; r++) {
				pkts[r] = u64_stats_read(&s->r[r].pkts);
				bytes[r] = u64_stats_read(&s->r[r].bytes);
			}
		} while (u64_stats_fetch_retry(&s->syncp, start));
		for (r = 0; r < FP_NREASONS; r++) {
			out->pkts[r] += pkts[r];
			out->bytes[r] += bytes[r];
		}
	}
}

FP_EXPORT_FOR_KUNIT(fp_counters_fold);

/**
 * fp_counter_vals_add() - add folded counters to an accumulator
 * @acc: the accumulator
 * @v: what to add
 */
void fp_counter_vals_add(struct fp_counter_vals *acc,
			 const struct fp_counter_vals *v)
{
	unsigned int r;

	for (r = 0; r < FP_NREASONS; r++) {
		acc->pkts[r] += v->pkts[r];
		acc->bytes[r] += v->bytes[r];
	}
}

FP_EXPORT_FOR_KUNIT(fp_counter_vals_add);

/**
 * fp_reason_name() - the name of an outcome, as the YNL spec spells it
 * @reason: &enum fastpath_reason
 *
 * Return: a static string, "unknown" when @reason is out of range.
 */
const char *fp_reason_name(unsigned int reason)
{
	if (reason >= FP_NREASONS || !fp_reason_names[reason])
		return "unknown";
	return fp_reason_names[reason];
}

FP_EXPORT_FOR_KUNIT(fp_reason_name);
