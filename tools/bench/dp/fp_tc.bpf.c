// SPDX-License-Identifier: GPL-2.0
/*
 * The Cilium-style peer of the data-path benchmark (variant "bpf"): a tc
 * ingress program on the circuit device that does what fastpath's hook
 * does, the way a BPF data path does it.  IPv4 (IHL 5) and IPv6 unicast
 * to this host with a TTL / hop limit above 1; the destination looked up
 * in an LPM_TRIE map; a miss passes the packet on.  A hit decrements the
 * TTL (incremental checksum) or hop limit, rewrites the Ethernet header
 * and redirects: into the veth peer's receive path with
 * bpf_redirect_peer() (no backlog, as fastpath does), or to a tap's
 * transmit with bpf_redirect().
 *
 * Built by tools/bench/dp/Makefile with Debian's clang; loaded, filled
 * and pinned by fpbpf.c, attached with tc ("bpf object-pinned").
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/pkt_cls.h>
#include <bpf/bpf_endian.h>
#include <bpf/bpf_helpers.h>

#include "fp_tc.h"

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, FP_TC_MAX_ROUTES);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct fp_tc_key4);
	__type(value, struct fp_tc_nh);
} routes4 SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_LPM_TRIE);
	__uint(max_entries, FP_TC_MAX_ROUTES);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, struct fp_tc_key6);
	__type(value, struct fp_tc_nh);
} routes6 SEC(".maps");

static __always_inline int fp_tc_out(struct ethhdr *eth,
				     const struct fp_tc_nh *nh)
{
	__builtin_memcpy(eth->h_dest, nh->dmac, ETH_ALEN);
	__builtin_memcpy(eth->h_source, nh->smac, ETH_ALEN);
	if (nh->peer)
		return bpf_redirect_peer(nh->ifindex, 0);
	return bpf_redirect(nh->ifindex, 0);
}

SEC("tc")
int fp_tc(struct __sk_buff *skb)
{
	void *end = (void *)(long)skb->data_end;
	struct ethhdr *eth = (void *)(long)skb->data;
	const struct fp_tc_nh *nh;

	if ((void *)(eth + 1) > end || skb->pkt_type != PACKET_HOST)
		return TC_ACT_OK;
	if (eth->h_proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = (void *)(eth + 1);
		struct fp_tc_key4 k = { .prefixlen = 32 };
		__u32 check;

		if ((void *)(ip + 1) > end || ip->version != 4 ||
		    ip->ihl != 5 || ip->ttl <= 1)
			return TC_ACT_OK;
		k.addr = ip->daddr;
		nh = bpf_map_lookup_elem(&routes4, &k);
		if (!nh)
			return TC_ACT_OK;
		/* ip_decrease_ttl(): one's complement add of 0x0100. */
		check = ip->check;
		check += bpf_htons(0x0100);
		ip->check = (__u16)(check + (check >= 0xFFFF));
		ip->ttl--;
		return fp_tc_out(eth, nh);
	}
	if (eth->h_proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = (void *)(eth + 1);
		struct fp_tc_key6 k = { .prefixlen = 128 };

		if ((void *)(ip6 + 1) > end || ip6->version != 6 ||
		    ip6->hop_limit <= 1)
			return TC_ACT_OK;
		__builtin_memcpy(k.addr, &ip6->daddr, 16);
		nh = bpf_map_lookup_elem(&routes6, &k);
		if (!nh)
			return TC_ACT_OK;
		ip6->hop_limit--;
		return fp_tc_out(eth, nh);
	}
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
