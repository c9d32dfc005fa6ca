// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: the data path.
 *
 * Hook point
 * ----------
 * One netfilter netdev ingress hook (NFPROTO_NETDEV, NF_NETDEV_INGRESS) per
 * published circuit, on its uplink, registered in the uplink's namespace:
 * the mechanism nftables' netdev chains and flowtables use.  It runs after
 * tc ingress (clsact) and after the packet taps, in the receive softirq
 * under rcu_read_lock(), before the bridge/bond/macvlan rx_handler and the
 * IP stack (the gateway).  Unlike an rx_handler it is not exclusive: the
 * uplink may also be a bridge port or carry nftables chains.  Its priority
 * is the module parameter hook_priority (default 100): netdev chains at
 * lower numbers, such as the usual "priority 0" filter chains, see every
 * packet first and may drop it.  @ops.priv is the circuit's published
 * tables, so a packet costs no lookup of its circuit.
 *
 * Packet walk (SPEC §3); everything is decided before the packet is
 * touched, and every "pass" returns NF_ACCEPT with the packet unchanged:
 *   1. PACKET_HOST, no VLAN tag, Ethernet; IPv4 without options with a
 *      valid header checksum and sane length, or IPv6 with a sane length
 *      and no hop-by-hop header; a unicast destination
 *   2. TTL / hop limit > 1
 *   3-4. fp_pub_lookup(): exception, route (hub, spoke, UDR to its NVA)
 *   5. target present, up, with carrier, Ethernet; fits its MTU (a GSO
 *      packet whose segments fit, as ip_forward() checks)
 *   6. destination MAC: the endpoint's static MAC, else a valid neighbour
 *      entry on the target device for the destination (a UDR: for the
 *      NVA), confirmed in use on every hit; unresolved entries are
 *      created and resolution started
 *   7. made writable (else pass), TTL decremented with an incremental
 *      checksum update (hop limit for IPv6, with CHECKSUM_COMPLETE kept
 *      valid), Ethernet rewritten (source: the target's address), dst and
 *      timestamp dropped, transmitted: NF_STOLEN
 *
 * Transmit
 * --------
 * A veth target's packet goes straight into its peer's receive path, as
 * bpf_redirect_peer() does: __dev_forward_skb() (scrubbed when crossing
 * namespaces, eth_type_trans()) and netif_receive_skb_core() on the peer
 * (no RPS, no generic XDP: the peer's receive core itself), nested
 * in this softirq (a per-CPU depth limit, FP_NEST_MAX, as act_mirred and
 * the bridge nest).  That skips the host side's transmit path: its egress
 * qdisc and tc egress filters, and the backlog queue that veth_xmit() and
 * a mirred redirect pay.  The host side's counters are updated as
 * veth_xmit() would.  Only when the peer is up, has no XDP program (its
 * NAPI/XDP receive path would be skipped too) and no packet tap is active
 * (they would miss the packet); otherwise, and always for tap and other
 * devices, dev_queue_xmit().  A transmit the device refuses counts as
 * TX_ERROR: the packet is then lost, like a full queue on the gateway.
 *
 * Every outcome is counted per circuit and, once the route is known, per
 * connection, and reported by the fastpath:fastpath_packet tracepoint.
 *
 * Attach and detach
 * -----------------
 * publish.c calls fp_dp_attach() when a circuit is published on an uplink
 * that is registered in the namespace (also when it comes back), and
 * fp_dp_detach() when the circuit goes away or moves to another uplink and
 * when the uplink unregisters (netfilter keeps a device's hooks when it
 * unregisters).  nf_unregister_net_hook() does not wait for callers in
 * flight: the caller frees the circuit after a grace period, which also
 * covers the hook; the hook structure itself is freed with kfree_rcu().
 * Registering or unregistering a hook swaps the device's hook array under
 * RCU: packets of other hooks are never dropped.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/percpu.h>
#include <linux/skbuff.h>
#include <net/arp.h>
#include <net/ip.h>
#include <net/ndisc.h>
#include <net/neighbour.h>
#include <net/route.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "counters.h"
#include "datapath.h"
#include "lookup.h"

#define CREATE_TRACE_POINTS
#include "fp_trace.h"

static int hook_priority = 100;
module_param(hook_priority, int, 0444);
MODULE_PARM_DESC(hook_priority,
		 "netfilter netdev ingress priority of the fast path (default 100: after netdev chains at priority 0)");

/* Nested receives into a veth peer per CPU, as act_mirred limits them. */
#define FP_NEST_MAX	4
static DEFINE_PER_CPU(unsigned int, fp_nest);

/* What the walk learnt about one packet. */
struct fp_pkt {
	struct fp_verdict v;
	struct net_device *dev;		/* the target */
	unsigned int len;		/* network length, from the header */
	u8 family;
	u8 dmac[ETH_ALEN];
	u8 saddr[16];
	u8 daddr[16];
};

/* Steps 1 and 2 for IPv4. */
static unsigned int fp_check4(struct sk_buff *skb, struct fp_pkt *p)
{
	const struct iphdr *iph;
	unsigned int len;

	if (!pskb_may_pull(skb, sizeof(*iph)))
		return FASTPATH_REASON_BAD_HEADER;
	iph = ip_hdr(skb);
	if (iph->version != 4 || iph->ihl != 5 ||
	    ip_fast_csum((const u8 *)iph, 5))
		return FASTPATH_REASON_BAD_HEADER;
	len = ntohs(iph->tot_len);
	if (len < sizeof(*iph) || len > skb->len)
		return FASTPATH_REASON_BAD_HEADER;
	p->family = AF_INET;
	p->len = len;
	memcpy(p->saddr, &iph->saddr, 4);
	memcpy(p->daddr, &iph->daddr, 4);
	if (ipv4_is_multicast(iph->daddr) || ipv4_is_lbcast(iph->daddr) ||
	    ipv4_is_loopback(iph->daddr) || ipv4_is_zeronet(iph->daddr))
		return FASTPATH_REASON_NOT_UNICAST;
	if (iph->ttl <= 1)
		return FASTPATH_REASON_TTL;
	return FASTPATH_REASON_FORWARDED;
}

static bool fp_v6_linklocal(const struct in6_addr *a)
{
	return (a->s6_addr32[0] & htonl(0xffc00000)) == htonl(0xfe800000);
}

/* Steps 1 and 2 for IPv6. */
static unsigned int fp_check6(struct sk_buff *skb, struct fp_pkt *p)
{
	const struct ipv6hdr *ip6h;
	unsigned int len;

	if (!pskb_may_pull(skb, sizeof(*ip6h)))
		return FASTPATH_REASON_BAD_HEADER;
	ip6h = ipv6_hdr(skb);
	len = ntohs(ip6h->payload_len);
	/* Jumbograms and hop-by-hop options are the gateway's business. */
	if (ip6h->version != 6 || !len || ip6h->nexthdr == NEXTHDR_HOP)
		return FASTPATH_REASON_BAD_HEADER;
	len += sizeof(*ip6h);
	if (len > skb->len)
		return FASTPATH_REASON_BAD_HEADER;
	p->family = AF_INET6;
	p->len = len;
	memcpy(p->saddr, &ip6h->saddr, 16);
	memcpy(p->daddr, &ip6h->daddr, 16);
	if (ipv6_addr_is_multicast(&ip6h->daddr) ||
	    ipv6_addr_loopback(&ip6h->daddr) || ipv6_addr_any(&ip6h->daddr) ||
	    fp_v6_linklocal(&ip6h->daddr) || fp_v6_linklocal(&ip6h->saddr))
		return FASTPATH_REASON_NOT_UNICAST;
	if (ip6h->hop_limit <= 1)
		return FASTPATH_REASON_TTL;
	return FASTPATH_REASON_FORWARDED;
}

/* Step 1: what kind of frame is this. */
static unsigned int fp_classify(struct sk_buff *skb, struct fp_pkt *p)
{
	if (unlikely(skb->pkt_type != PACKET_HOST))
		return FASTPATH_REASON_NOT_HOST;
	if (unlikely(skb_vlan_tag_present(skb) || eth_type_vlan(skb->protocol)))
		return FASTPATH_REASON_VLAN;
	if (unlikely(skb->dev->type != ARPHRD_ETHER ||
		     skb->mac_len != ETH_HLEN))
		return FASTPATH_REASON_NOT_IP;
	if (likely(skb->protocol == htons(ETH_P_IP)))
		return fp_check4(skb, p);
	if (skb->protocol == htons(ETH_P_IPV6))
		return fp_check6(skb, p);
	return FASTPATH_REASON_NOT_IP;
}

/* Step 5: the target device can take the packet. */
static unsigned int fp_check_target(const struct sk_buff *skb,
				    struct fp_pkt *p)
{
	struct net_device *dev = fp_nh_dev(p->v.nh);
	unsigned int mtu;

	if (unlikely(!dev || !netif_running(dev) || !netif_carrier_ok(dev) ||
		     dev->type != ARPHRD_ETHER || dev->addr_len != ETH_ALEN))
		return FASTPATH_REASON_TARGET_DOWN;
	mtu = READ_ONCE(dev->mtu);
	if (unlikely(p->len > mtu) &&
	    (!skb_is_gso(skb) || !skb_gso_validate_network_len(skb, mtu)))
		return FASTPATH_REASON_MTU;
	p->dev = dev;
	return FASTPATH_REASON_FORWARDED;
}

/*
 * Step 6: the destination MAC.  A valid entry is confirmed in use (the
 * gateway never sees these packets, nothing else would keep it fresh; a
 * stale one is re-probed); a missing or unresolved one is created and
 * resolution started, and the packet goes to the gateway meanwhile.
 */
static unsigned int fp_resolve(struct fp_pkt *p)
{
	const struct fp_nh *nh = p->v.nh;
	const void *addr = nh->has_gw ? nh->gw : p->daddr;
	struct neighbour *n;
	unsigned int r = FASTPATH_REASON_NO_NEIGH;
	__be32 a4 = 0;

	if (nh->has_mac) {
		ether_addr_copy(p->dmac, nh->mac);
		return FASTPATH_REASON_FORWARDED;
	}
	/* The receive path holds rcu_read_lock(): entries stay valid. */
	if (p->family == AF_INET) {
		memcpy(&a4, addr, sizeof(a4));
		n = __ipv4_neigh_lookup_noref(p->dev, (__force u32)a4);
	} else {
		n = fp_nd_lookup(p->dev, addr);
	}
	if (likely(n && (READ_ONCE(n->nud_state) & NUD_VALID))) {
		neigh_ha_snapshot(p->dmac, n, p->dev);
		neigh_event_send(n, NULL);
		r = FASTPATH_REASON_FORWARDED;
	} else {
		if (!n)
			n = p->family == AF_INET ? ip_neigh_gw4(p->dev, a4) :
			    fp_nd_create(p->dev, addr);
		if (!IS_ERR_OR_NULL(n))
			neigh_event_send(n, NULL);
	}
	return r;
}

/* Step 7, before the transmit: nothing of the packet changed on failure. */
static bool fp_rewrite(struct sk_buff *skb, const struct fp_pkt *p)
{
	struct ethhdr *eth;

	if (skb_ensure_writable(skb, p->family == AF_INET ?
				sizeof(struct iphdr) : sizeof(struct ipv6hdr)) ||
	    skb_cow_head(skb, ETH_HLEN))
		return false;
	/* Link-layer padding; CHECKSUM_COMPLETE is adjusted. */
	if (pskb_trim_rcsum(skb, p->len))
		return false;
	if (p->family == AF_INET) {
		ip_decrease_ttl(ip_hdr(skb));	/* the header's sum is kept */
	} else {
		struct ipv6hdr *ip6h = ipv6_hdr(skb);

		skb_postpull_rcsum(skb, ip6h, 8);
		ip6h->hop_limit--;
		skb_postpush_rcsum(skb, ip6h, 8);
	}
	eth = skb_push(skb, ETH_HLEN);
	skb_reset_mac_header(skb);
	ether_addr_copy(eth->h_dest, p->dmac);
	ether_addr_copy(eth->h_source, p->dev->dev_addr);
	eth->h_proto = skb->protocol;
	skb_postpush_rcsum(skb, eth, ETH_HLEN);
	skb_dst_drop(skb);
	skb_clear_tstamp(skb);
	skb->dev = p->dev;
	return true;
}

/* The veth peer to deliver into, or %NULL to transmit on @dev. */
static struct net_device *fp_peer(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	struct net_device *peer;

	if (!ops->ndo_get_peer_dev || !fp_dev_is_veth(dev))
		return NULL;
	peer = ops->ndo_get_peer_dev(dev);
	if (!peer || !(peer->flags & IFF_UP) || dev_xdp_prog_count(peer) ||
	    fp_nit_active(dev) ||
	    __this_cpu_read(fp_nest) >= FP_NEST_MAX)
		return NULL;
	return peer;
}

/* Transmit a rewritten packet; returns its outcome. */
static unsigned int fp_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct net_device *peer = fp_peer(dev);
	unsigned int len = skb->len;
	int rc;

	if (peer) {
		if (__dev_forward_skb(peer, skb) != NET_RX_SUCCESS)
			return FASTPATH_REASON_TX_ERROR;	/* freed */
		fp_veth_tx_account(dev, len);
		__this_cpu_inc(fp_nest);
		/*
		 * The peer's receive core directly, as bpf_redirect_peer()'s
		 * second round does: no RPS steering and no generic XDP (the
		 * peer has no XDP program, fp_peer()); a pfmemalloc packet
		 * takes netif_receive_skb(), which keeps it from sockets that
		 * may not have it.
		 */
		if (unlikely(skb_pfmemalloc(skb)))
			netif_receive_skb(skb);
		else
			netif_receive_skb_core(skb);
		__this_cpu_dec(fp_nest);
		return FASTPATH_REASON_FORWARDED;
	}
	rc = dev_queue_xmit(skb);
	return net_xmit_eval(rc) ? FASTPATH_REASON_TX_ERROR :
				   FASTPATH_REASON_FORWARDED;
}

static void fp_count(const struct fp_pcirc *pc, const struct fp_pkt *p,
		     unsigned int reason, unsigned int len)
{
	const struct fp_nh *nh = p->v.nh;

	fp_counters_add(pc->counters, reason, len);
	if (nh)
		fp_counters_add(nh->counters, reason, len);
	trace_fastpath_packet(pc->circuit_id, nh ? nh->conn_id : 0, p->family,
			      p->saddr, p->daddr, reason, p->v.exc_kind);
}

static unsigned int fp_dp_hook(void *priv, struct sk_buff *skb,
			       const struct nf_hook_state *state)
{
	const struct fp_pcirc *pc = priv;
	unsigned int len = skb->len;
	unsigned int reason;
	struct fp_pkt p;

	p.family = 0;
	p.v.nh = NULL;
	p.v.exc_kind = 0;
	reason = fp_classify(skb, &p);
	if (reason != FASTPATH_REASON_FORWARDED)
		goto pass;
	reason = fp_pub_lookup(pc, p.family, p.daddr, &p.v);
	if (reason != FASTPATH_REASON_FORWARDED)
		goto pass;
	reason = fp_check_target(skb, &p);
	if (reason != FASTPATH_REASON_FORWARDED)
		goto pass;
	reason = fp_resolve(&p);
	if (reason != FASTPATH_REASON_FORWARDED)
		goto pass;
	if (unlikely(!fp_rewrite(skb, &p))) {
		reason = FASTPATH_REASON_NO_MEMORY;
		goto pass;
	}
	fp_count(pc, &p, fp_xmit(skb, p.dev), len);
	return NF_STOLEN;
pass:
	fp_count(pc, &p, reason, len);
	return NF_ACCEPT;
}

/**
 * fp_dp_hook_priority() - the netfilter priority of the ingress hook
 *
 * Return: the hook_priority module parameter.
 */
int fp_dp_hook_priority(void)
{
	return hook_priority;
}

/**
 * fp_dp_attach() - attach a circuit's ingress hook to its uplink
 * @net: the namespace of the circuit and of @dev
 * @pc: the published circuit (its @hook is %NULL)
 * @dev: the uplink, registered in @net
 *
 * Context: process context, the namespace's configuration mutex held.
 * Return: 0, -ENOMEM or what nf_register_net_hook() returns.
 */
int fp_dp_attach(struct net *net, struct fp_pcirc *pc, struct net_device *dev)
{
	struct fp_hook *h;
	int err;

	h = kzalloc(sizeof(*h), GFP_KERNEL_ACCOUNT);
	if (!h)
		return -ENOMEM;
	h->ops.hook = fp_dp_hook;
	h->ops.pf = NFPROTO_NETDEV;
	h->ops.hooknum = NF_NETDEV_INGRESS;
	h->ops.priority = hook_priority;
	h->ops.priv = pc;
	h->ops.dev = dev;
	h->net = net;
	h->dev = dev;
	netdev_hold(dev, &h->tracker, GFP_KERNEL);
	err = nf_register_net_hook(net, &h->ops);
	if (err) {
		netdev_put(dev, &h->tracker);
		kfree(h);
		return err;
	}
	pc->hook = h;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_dp_attach);

/**
 * fp_dp_detach() - detach a circuit's ingress hook, if attached
 * @pc: the published circuit
 *
 * Packets already in the hook may still use @pc: the caller frees it only
 * after a grace period.
 *
 * Context: process context, the namespace's configuration mutex held.
 */
void fp_dp_detach(struct fp_pcirc *pc)
{
	struct fp_hook *h = pc->hook;

	if (!h)
		return;
	pc->hook = NULL;
	nf_unregister_net_hook(h->net, &h->ops);
	netdev_put(h->dev, &h->tracker);
	kfree_rcu(h, rcu);
}

FP_EXPORT_FOR_KUNIT(fp_dp_detach);
