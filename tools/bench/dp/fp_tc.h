/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Map layout shared by the benchmark's BPF program (fp_tc.bpf.c) and its
 * loader (fpbpf.c).
 */
#ifndef FP_TC_H
#define FP_TC_H

#include <linux/types.h>

#define FP_TC_MAX_ROUTES	(1U << 21)

struct fp_tc_key4 {
	__u32 prefixlen;
	__u32 addr;		/* network order */
};

struct fp_tc_key6 {
	__u32 prefixlen;
	__u8 addr[16];
};

struct fp_tc_nh {
	__u32 ifindex;		/* the veth (host end) or the tap */
	__u32 peer;		/* 1: bpf_redirect_peer() into its peer */
	__u8 dmac[6];
	__u8 smac[6];
};

#endif
