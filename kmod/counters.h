/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU packet counters, one slot per &enum fastpath_reason.
 *
 * Every circuit and every connection owns one &struct fp_counters.  The data
 * path bumps them from softirq context with fp_counters_add(); netlink readers
 * sum them over all possible CPUs with fp_counters_fold(), so a CPU going
 * offline never loses counts.  Writers never take a lock: each CPU owns its
 * slot and the u64_stats_sync makes 64-bit reads tear-free on 32-bit hosts.
 */
#ifndef _FASTPATH_COUNTERS_H
#define _FASTPATH_COUNTERS_H

#include <linux/percpu.h>
#include <linux/u64_stats_sync.h>
#include <linux/fastpath.h>

#define FP_NREASONS	(FASTPATH_REASON_MAX + 1)

/**
 * struct fp_counter - one outcome's counter on one CPU
 * @pkts: packets
 * @bytes: bytes (skb->len at the hook)
 *
 * Packets and bytes of one outcome share a cache line: counting a packet
 * dirties one line per object.
 */
struct fp_counter {
	u64_stats_t pkts;
	u64_stats_t bytes;
};

/**
 * struct fp_counters - one CPU's counters
 * @syncp: protects @r against torn reads
 * @r: per &enum fastpath_reason
 */
struct fp_counters {
	struct u64_stats_sync syncp;
	struct fp_counter r[FP_NREASONS];
};

/**
 * struct fp_counter_vals - counters summed over all CPUs
 * @pkts: packets per &enum fastpath_reason
 * @bytes: bytes per &enum fastpath_reason
 */
struct fp_counter_vals {
	u64 pkts[FP_NREASONS];
	u64 bytes[FP_NREASONS];
};

struct fp_counters __percpu *fp_counters_alloc(gfp_t gfp);
void fp_counters_free(struct fp_counters __percpu *c);
void fp_counters_fold(struct fp_counters __percpu *c,
		      struct fp_counter_vals *out);
void fp_counter_vals_add(struct fp_counter_vals *acc,
			 const struct fp_counter_vals *v);
const char *fp_reason_name(unsigned int reason);

/**
 * fp_counters_add() - count one packet on this CPU
 * @c: the counters (may be NULL: nothing is counted)
 * @reason: &enum fastpath_reason
 * @len: bytes
 *
 * Context: softirq or process context with bottom halves disabled.
 */
static inline void fp_counters_add(struct fp_counters __percpu *c,
				   unsigned int reason, unsigned int len)
{
	struct fp_counters *s;

	if (!c || reason >= FP_NREASONS)
		return;
	s = this_cpu_ptr(c);
	u64_stats_update_begin(&s->syncp);
	u64_stats_inc(&s->r[reason].pkts);
	u64_stats_add(&s->r[reason].bytes, len);
	u64_stats_update_end(&s->syncp);
}

#endif /* _FASTPATH_COUNTERS_H */
