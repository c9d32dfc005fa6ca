/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * fastpath: ExpressRoute FastPath for Linux hosts, generic netlink UAPI.
 *
 * Shared by the kernel module (kmod/) and the user-space tool (tools/fpctl/).
 * Documentation/netlink/specs/fastpath.yaml describes the same family.
 */
#ifndef _UAPI_LINUX_FASTPATH_H
#define _UAPI_LINUX_FASTPATH_H

#define FASTPATH_FAMILY_NAME		"fastpath"
#define FASTPATH_FAMILY_VERSION		1

/* Bumped on every incompatible change of the commands or attributes below. */
#define FASTPATH_UAPI_VERSION		1

#define FASTPATH_MCGRP_CONFIG		"config"

/*
 * Bounds of request attributes (the spec's "checks", which the kernel's
 * policies in kmod/nl_gen.c are generated from).
 */
#define FASTPATH_NAME_MAX_LEN		15	/* object names, without NUL */
#define FASTPATH_REGION_MAX_LEN		31	/* vnet region, without NUL */
#define FASTPATH_SUBSCRIPTION_LEN	16	/* subscription id (UUID) */
#define FASTPATH_KEY_LEN		16	/* authorization key */
#define FASTPATH_BANDWIDTH_MIN		50	/* circuit bandwidth, Mbit/s */
#define FASTPATH_BANDWIDTH_MAX		100000
#define FASTPATH_ROUTE_LIMIT_MAX	16777216	/* circuit route limit */
#define FASTPATH_SCALE_UNITS_MAX	40	/* ErGwScale gateway units */

/**
 * enum fastpath_tier - circuit tier (FASTPATH_A_CIRCUIT_TIER)
 * @FASTPATH_TIER_STANDARD: Standard: at most 10 vnet links.
 * @FASTPATH_TIER_PREMIUM: Premium: vnet links by bandwidth.
 */
enum fastpath_tier {
	FASTPATH_TIER_STANDARD,
	FASTPATH_TIER_PREMIUM,
};

/**
 * enum fastpath_port - ExpressRoute Direct port (FASTPATH_A_CIRCUIT_PORT)
 * @FASTPATH_PORT_NONE: Provider circuit, no Direct port.
 * @FASTPATH_PORT_10G: Direct 10 Gbit/s port.
 * @FASTPATH_PORT_100G: Direct 100 Gbit/s port.
 */
enum fastpath_port {
	FASTPATH_PORT_NONE,
	FASTPATH_PORT_10G,
	FASTPATH_PORT_100G,
};

/**
 * enum fastpath_sku - gateway SKU of a vnet (FASTPATH_A_VNET_SKU)
 * @FASTPATH_SKU_NONE: No gateway.
 * @FASTPATH_SKU_STANDARD: Standard.
 * @FASTPATH_SKU_HIGH_PERFORMANCE: HighPerformance.
 * @FASTPATH_SKU_ULTRA_PERFORMANCE: UltraPerformance.
 * @FASTPATH_SKU_ERGW1AZ: ErGw1AZ.
 * @FASTPATH_SKU_ERGW2AZ: ErGw2AZ.
 * @FASTPATH_SKU_ERGW3AZ: ErGw3AZ.
 * @FASTPATH_SKU_ERGWSCALE: ErGwScale (with scale units).
 */
enum fastpath_sku {
	FASTPATH_SKU_NONE,
	FASTPATH_SKU_STANDARD,
	FASTPATH_SKU_HIGH_PERFORMANCE,
	FASTPATH_SKU_ULTRA_PERFORMANCE,
	FASTPATH_SKU_ERGW1AZ,
	FASTPATH_SKU_ERGW2AZ,
	FASTPATH_SKU_ERGW3AZ,
	FASTPATH_SKU_ERGWSCALE,
};

/**
 * enum fastpath_exception_kind - kind of an exception (FASTPATH_A_EXCEPTION_KIND)
 * @FASTPATH_EXCEPTION_KIND_PRIVATE_ENDPOINT: Private endpoint; lifted by the
 *	private-link flag.
 * @FASTPATH_EXCEPTION_KIND_INTERNAL_LB: Internal load balancer.
 * @FASTPATH_EXCEPTION_KIND_BASIC_LB: Basic load balancer; never lifted.
 * @FASTPATH_EXCEPTION_KIND_DNS_RESOLVER: DNS private resolver.
 * @FASTPATH_EXCEPTION_KIND_CROSS_REGION: Cross-region traffic; never lifted.
 * @FASTPATH_EXCEPTION_KIND_MANUAL: Added by the operator; never lifted.
 */
enum fastpath_exception_kind {
	FASTPATH_EXCEPTION_KIND_PRIVATE_ENDPOINT,
	FASTPATH_EXCEPTION_KIND_INTERNAL_LB,
	FASTPATH_EXCEPTION_KIND_BASIC_LB,
	FASTPATH_EXCEPTION_KIND_DNS_RESOLVER,
	FASTPATH_EXCEPTION_KIND_CROSS_REGION,
	FASTPATH_EXCEPTION_KIND_MANUAL,
};

/**
 * enum fastpath_conn_flags - connection feature flags (FASTPATH_A_CONN_FLAGS)
 * @FASTPATH_CONN_F_FASTPATH: FastPath (ExpressRouteGatewayBypass) on.
 * @FASTPATH_CONN_F_PEERING: Also bypass for peered (spoke) vnets; needs a
 *	Direct circuit.
 * @FASTPATH_CONN_F_UDR: Honour UDRs on the gateway subnet; needs a Direct
 *	circuit, IPv4 only.
 * @FASTPATH_CONN_F_PRIVATE_LINK: Bypass for private endpoints; needs a 10G or
 *	100G Direct port, IPv4 only.
 */
enum fastpath_conn_flags {
	FASTPATH_CONN_F_FASTPATH = 1 << 0,
	FASTPATH_CONN_F_PEERING = 1 << 1,
	FASTPATH_CONN_F_UDR = 1 << 2,
	FASTPATH_CONN_F_PRIVATE_LINK = 1 << 3,
};

/**
 * enum fastpath_reason - outcome of one packet on a circuit (counter index)
 * @FASTPATH_REASON_FORWARDED: Sent straight to the target device.
 * @FASTPATH_REASON_NOT_IP: Not IPv4 or IPv6; passed to the gateway.
 * @FASTPATH_REASON_NOT_HOST: Not unicast to this host's MAC; passed.
 * @FASTPATH_REASON_BAD_HEADER: Bad version, options (IHL != 5) or lengths;
 *	passed.
 * @FASTPATH_REASON_TTL: TTL or hop limit <= 1; passed (the gateway sends
 *	Time Exceeded).
 * @FASTPATH_REASON_EXCEPTION: Destination matches an exception not lifted by
 *	the connection's flags; passed.
 * @FASTPATH_REASON_NO_ROUTE: No route in the circuit's table; passed.
 * @FASTPATH_REASON_TARGET_DOWN: Target device absent or down; passed.
 * @FASTPATH_REASON_MTU: Does not fit the target device's MTU; passed (the
 *	gateway sends Frag Needed / Packet Too Big).
 * @FASTPATH_REASON_NO_NEIGH: No static MAC and no valid neighbour entry;
 *	passed (resolution is triggered).
 * @FASTPATH_REASON_TX_ERROR: The target device refused the packet after it
 *	was rewritten; dropped.
 * @FASTPATH_REASON_VLAN: Carries a VLAN tag; passed.
 * @FASTPATH_REASON_NOT_UNICAST: Destination is not a unicast address
 *	(multicast, broadcast, loopback, zero network, IPv6 link-local) or the
 *	IPv6 source is link-local; passed.
 * @FASTPATH_REASON_NO_MEMORY: The packet could not be made writable; passed.
 */
enum fastpath_reason {
	FASTPATH_REASON_FORWARDED,
	FASTPATH_REASON_NOT_IP,
	FASTPATH_REASON_NOT_HOST,
	FASTPATH_REASON_BAD_HEADER,
	FASTPATH_REASON_TTL,
	FASTPATH_REASON_EXCEPTION,
	FASTPATH_REASON_NO_ROUTE,
	FASTPATH_REASON_TARGET_DOWN,
	FASTPATH_REASON_MTU,
	FASTPATH_REASON_NO_NEIGH,
	FASTPATH_REASON_TX_ERROR,
	FASTPATH_REASON_VLAN,
	FASTPATH_REASON_NOT_UNICAST,
	FASTPATH_REASON_NO_MEMORY,

	/* private: */
	__FASTPATH_REASON_MAX,
	FASTPATH_REASON_MAX = (__FASTPATH_REASON_MAX - 1)
};

/*
 * FASTPATH_REASONS(X, X_LAST): every reason in enum order with its name as
 * the spec spells it, for tables of names (the module's counters and
 * tracepoint, fpctl): X(NO_ROUTE, "no-route") for each but the last,
 * X_LAST() for the last (a tracepoint's symbol list takes no trailing
 * comma).  FASTPATH_EXCEPTION_KINDS() likewise for the exception kinds.
 */
#define FASTPATH_REASONS(X, X_LAST)			\
	X(FORWARDED, "forwarded")			\
	X(NOT_IP, "not-ip")				\
	X(NOT_HOST, "not-host")				\
	X(BAD_HEADER, "bad-header")			\
	X(TTL, "ttl")					\
	X(EXCEPTION, "exception")			\
	X(NO_ROUTE, "no-route")				\
	X(TARGET_DOWN, "target-down")			\
	X(MTU, "mtu")					\
	X(NO_NEIGH, "no-neigh")				\
	X(TX_ERROR, "tx-error")				\
	X(VLAN, "vlan")					\
	X(NOT_UNICAST, "not-unicast")			\
	X_LAST(NO_MEMORY, "no-memory")

#define FASTPATH_EXCEPTION_KINDS(X, X_LAST)		\
	X(PRIVATE_ENDPOINT, "private-endpoint")		\
	X(INTERNAL_LB, "internal-lb")			\
	X(BASIC_LB, "basic-lb")				\
	X(DNS_RESOLVER, "dns-resolver")			\
	X(CROSS_REGION, "cross-region")			\
	X_LAST(MANUAL, "manual")

/**
 * enum fastpath_a_info - attributes of the "info" attribute set
 * @FASTPATH_A_INFO_UNSPEC: unused
 * @FASTPATH_A_INFO_MODULE_VERSION: [string] Version of the loaded module, e.g.
 *	"0.1.0".
 * @FASTPATH_A_INFO_UAPI_VERSION: [u32] FASTPATH_UAPI_VERSION the module was
 *	built with.
 * @FASTPATH_A_INFO_KERNEL_RELEASE: [string] Release of the running kernel
 *	(uname -r).
 */
enum fastpath_a_info {
	FASTPATH_A_INFO_UNSPEC,
	FASTPATH_A_INFO_MODULE_VERSION,
	FASTPATH_A_INFO_UAPI_VERSION,
	FASTPATH_A_INFO_KERNEL_RELEASE,

	/* private: */
	__FASTPATH_A_INFO_MAX,
	FASTPATH_A_INFO_MAX = (__FASTPATH_A_INFO_MAX - 1)
};

/**
 * enum fastpath_a_prefix - attributes of the "prefix" attribute set
 * @FASTPATH_A_PREFIX_UNSPEC: unused
 * @FASTPATH_A_PREFIX_ADDR: [binary] Network address in network byte order: 4
 *	bytes (IPv4) or 16 bytes (IPv6).
 * @FASTPATH_A_PREFIX_LEN: [u8] Prefix length, 0..32 (IPv4) or 0..128 (IPv6).
 */
enum fastpath_a_prefix {
	FASTPATH_A_PREFIX_UNSPEC,
	FASTPATH_A_PREFIX_ADDR,
	FASTPATH_A_PREFIX_LEN,

	/* private: */
	__FASTPATH_A_PREFIX_MAX,
	FASTPATH_A_PREFIX_MAX = (__FASTPATH_A_PREFIX_MAX - 1)
};

/**
 * enum fastpath_a_spaces - attributes of the "spaces" attribute set
 * @FASTPATH_A_SPACES_UNSPEC: unused
 * @FASTPATH_A_SPACES_PREFIX: [nest] One address space; repeated.
 */
enum fastpath_a_spaces {
	FASTPATH_A_SPACES_UNSPEC,
	FASTPATH_A_SPACES_PREFIX,

	/* private: */
	__FASTPATH_A_SPACES_MAX,
	FASTPATH_A_SPACES_MAX = (__FASTPATH_A_SPACES_MAX - 1)
};

/**
 * enum fastpath_a_circuit - attributes of the "circuit" attribute set
 * @FASTPATH_A_CIRCUIT_UNSPEC: unused
 * @FASTPATH_A_CIRCUIT_PAD: [pad] Padding for 64-bit attributes.
 * @FASTPATH_A_CIRCUIT_ID: [u32] Object id, unique in the namespace and never
 *	reused (read only).
 * @FASTPATH_A_CIRCUIT_NAME: [string] Name, 1..15 printable non-blank
 *	characters; the key of the object.
 * @FASTPATH_A_CIRCUIT_SUBSCRIPTION: [binary] Subscription id of the owner, a
 *	16-byte UUID (fixed at creation).
 * @FASTPATH_A_CIRCUIT_IFINDEX: [u32] Uplink device (the hook point), 0 for
 *	none.
 * @FASTPATH_A_CIRCUIT_TIER: [u32] Circuit tier.
 * @FASTPATH_A_CIRCUIT_PORT: [u32] ExpressRoute Direct port, or none for a
 *	provider circuit.
 * @FASTPATH_A_CIRCUIT_BANDWIDTH: [u32] Bandwidth in Mbit/s, one of the
 *	ExpressRoute bandwidths (50 .. 100000).
 * @FASTPATH_A_CIRCUIT_ROUTE_LIMIT: [u32] Override of the route limit, 0 for
 *	the default of the port.
 * @FASTPATH_A_CIRCUIT_ACTIVE: [u8] 1 if the uplink device exists and is up
 *	(read only).
 * @FASTPATH_A_CIRCUIT_LINKS: [u32] Connections (vnet links) on the circuit
 *	(read only).
 * @FASTPATH_A_CIRCUIT_MAX_LINKS: [u32] Most connections the tier and bandwidth
 *	allow (read only).
 * @FASTPATH_A_CIRCUIT_AUTHS: [u32] Authorizations of the circuit (read only).
 * @FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE: [u32] Route limit in force: the
 *	override or the port default (read only).
 * @FASTPATH_A_CIRCUIT_ROUTES_INSTALLED: [u32] Routes (endpoint and UDR
 *	prefixes) the last commit installed in the data path (read only).
 * @FASTPATH_A_CIRCUIT_ROUTES_PENDING: [u32] Routes the last commit left
 *	pending because the route limit was reached; installed when room
 *	frees up (read only).
 * @FASTPATH_A_CIRCUIT_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_circuit {
	FASTPATH_A_CIRCUIT_UNSPEC,
	FASTPATH_A_CIRCUIT_PAD,
	FASTPATH_A_CIRCUIT_ID,
	FASTPATH_A_CIRCUIT_NAME,
	FASTPATH_A_CIRCUIT_SUBSCRIPTION,
	FASTPATH_A_CIRCUIT_IFINDEX,
	FASTPATH_A_CIRCUIT_TIER,
	FASTPATH_A_CIRCUIT_PORT,
	FASTPATH_A_CIRCUIT_BANDWIDTH,
	FASTPATH_A_CIRCUIT_ROUTE_LIMIT,
	FASTPATH_A_CIRCUIT_ACTIVE,
	FASTPATH_A_CIRCUIT_LINKS,
	FASTPATH_A_CIRCUIT_MAX_LINKS,
	FASTPATH_A_CIRCUIT_AUTHS,
	FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE,
	FASTPATH_A_CIRCUIT_ROUTES_INSTALLED,
	FASTPATH_A_CIRCUIT_ROUTES_PENDING,
	FASTPATH_A_CIRCUIT_DEFER,

	/* private: */
	__FASTPATH_A_CIRCUIT_MAX,
	FASTPATH_A_CIRCUIT_MAX = (__FASTPATH_A_CIRCUIT_MAX - 1)
};

/**
 * enum fastpath_a_auth - attributes of the "auth" attribute set
 * @FASTPATH_A_AUTH_UNSPEC: unused
 * @FASTPATH_A_AUTH_ID: [u32] Object id (read only).
 * @FASTPATH_A_AUTH_NAME: [string] Name, unique within its circuit.
 * @FASTPATH_A_AUTH_CIRCUIT: [string] Name of the circuit it authorizes.
 * @FASTPATH_A_AUTH_KEY: [binary] The 16-byte key; only in the reply to auth-
 *	new, never again.
 * @FASTPATH_A_AUTH_REDEEMED_BY: [string] Connection created with it; absent
 *	while unredeemed (read only).
 * @FASTPATH_A_AUTH_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_auth {
	FASTPATH_A_AUTH_UNSPEC,
	FASTPATH_A_AUTH_ID,
	FASTPATH_A_AUTH_NAME,
	FASTPATH_A_AUTH_CIRCUIT,
	FASTPATH_A_AUTH_KEY,
	FASTPATH_A_AUTH_REDEEMED_BY,
	FASTPATH_A_AUTH_DEFER,

	/* private: */
	__FASTPATH_A_AUTH_MAX,
	FASTPATH_A_AUTH_MAX = (__FASTPATH_A_AUTH_MAX - 1)
};

/**
 * enum fastpath_a_vnet - attributes of the "vnet" attribute set
 * @FASTPATH_A_VNET_UNSPEC: unused
 * @FASTPATH_A_VNET_ID: [u32] Object id (read only).
 * @FASTPATH_A_VNET_NAME: [string] Name; the key of the object.
 * @FASTPATH_A_VNET_SUBSCRIPTION: [binary] Subscription id, a 16-byte UUID
 *	(fixed at creation).
 * @FASTPATH_A_VNET_REGION: [string] Region name, at most 31 characters.
 * @FASTPATH_A_VNET_SKU: [u32] Gateway SKU.
 * @FASTPATH_A_VNET_UNITS: [u32] Scale units (ErGwScale only, 1..40; else 0).
 * @FASTPATH_A_VNET_SPACES: [nest] Address spaces; in vnet-set it replaces the
 *	whole list.
 * @FASTPATH_A_VNET_PEER: [string] Name of a peered vnet; repeated (read only,
 *	see peering-new).
 * @FASTPATH_A_VNET_CONNS: [u32] Connections of the vnet (read only).
 * @FASTPATH_A_VNET_MAX_CONNS: [u32] Most connections its gateway SKU allows
 *	(read only).
 * @FASTPATH_A_VNET_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_vnet {
	FASTPATH_A_VNET_UNSPEC,
	FASTPATH_A_VNET_ID,
	FASTPATH_A_VNET_NAME,
	FASTPATH_A_VNET_SUBSCRIPTION,
	FASTPATH_A_VNET_REGION,
	FASTPATH_A_VNET_SKU,
	FASTPATH_A_VNET_UNITS,
	FASTPATH_A_VNET_SPACES,
	FASTPATH_A_VNET_PEER,
	FASTPATH_A_VNET_CONNS,
	FASTPATH_A_VNET_MAX_CONNS,
	FASTPATH_A_VNET_DEFER,

	/* private: */
	__FASTPATH_A_VNET_MAX,
	FASTPATH_A_VNET_MAX = (__FASTPATH_A_VNET_MAX - 1)
};

/**
 * enum fastpath_a_peering - attributes of the "peering" attribute set
 * @FASTPATH_A_PEERING_UNSPEC: unused
 * @FASTPATH_A_PEERING_VNET: [string] One vnet.
 * @FASTPATH_A_PEERING_PEER: [string] The other vnet.
 * @FASTPATH_A_PEERING_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_peering {
	FASTPATH_A_PEERING_UNSPEC,
	FASTPATH_A_PEERING_VNET,
	FASTPATH_A_PEERING_PEER,
	FASTPATH_A_PEERING_DEFER,

	/* private: */
	__FASTPATH_A_PEERING_MAX,
	FASTPATH_A_PEERING_MAX = (__FASTPATH_A_PEERING_MAX - 1)
};

/**
 * enum fastpath_a_endpoint - attributes of the "endpoint" attribute set
 * @FASTPATH_A_ENDPOINT_UNSPEC: unused
 * @FASTPATH_A_ENDPOINT_ID: [u32] Object id (read only).
 * @FASTPATH_A_ENDPOINT_NAME: [string] Name; the key of the object.
 * @FASTPATH_A_ENDPOINT_VNET: [string] Name of its vnet (fixed at creation).
 * @FASTPATH_A_ENDPOINT_PREFIX: [nest] Its address, normally /32 or /128,
 *	inside an address space of the vnet.
 * @FASTPATH_A_ENDPOINT_IFINDEX: [u32] Target device (tap or veth), 0 for none.
 * @FASTPATH_A_ENDPOINT_MAC: [binary] Static destination MAC, 6 bytes; all
 *	zeros in endpoint-set removes it.
 * @FASTPATH_A_ENDPOINT_ACTIVE: [u8] 1 if the device exists and is up (read
 *	only).
 * @FASTPATH_A_ENDPOINT_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_endpoint {
	FASTPATH_A_ENDPOINT_UNSPEC,
	FASTPATH_A_ENDPOINT_ID,
	FASTPATH_A_ENDPOINT_NAME,
	FASTPATH_A_ENDPOINT_VNET,
	FASTPATH_A_ENDPOINT_PREFIX,
	FASTPATH_A_ENDPOINT_IFINDEX,
	FASTPATH_A_ENDPOINT_MAC,
	FASTPATH_A_ENDPOINT_ACTIVE,
	FASTPATH_A_ENDPOINT_DEFER,

	/* private: */
	__FASTPATH_A_ENDPOINT_MAX,
	FASTPATH_A_ENDPOINT_MAX = (__FASTPATH_A_ENDPOINT_MAX - 1)
};

/**
 * enum fastpath_a_conn - attributes of the "conn" attribute set
 * @FASTPATH_A_CONN_UNSPEC: unused
 * @FASTPATH_A_CONN_ID: [u32] Object id (read only).
 * @FASTPATH_A_CONN_NAME: [string] Name; the key of the object.
 * @FASTPATH_A_CONN_CIRCUIT: [string] Name of the circuit (fixed at creation).
 * @FASTPATH_A_CONN_VNET: [string] Name of the vnet (fixed at creation).
 * @FASTPATH_A_CONN_FLAGS: [u32] Feature flags.
 * @FASTPATH_A_CONN_AUTH_KEY: [binary] Authorization key, 16 bytes; needed when
 *	the subscriptions differ (write only).
 * @FASTPATH_A_CONN_AUTH: [string] Name of the authorization it redeemed (read
 *	only).
 * @FASTPATH_A_CONN_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_conn {
	FASTPATH_A_CONN_UNSPEC,
	FASTPATH_A_CONN_ID,
	FASTPATH_A_CONN_NAME,
	FASTPATH_A_CONN_CIRCUIT,
	FASTPATH_A_CONN_VNET,
	FASTPATH_A_CONN_FLAGS = 5,
	FASTPATH_A_CONN_AUTH_KEY,
	FASTPATH_A_CONN_AUTH,
	FASTPATH_A_CONN_DEFER,

	/* private: */
	__FASTPATH_A_CONN_MAX,
	FASTPATH_A_CONN_MAX = (__FASTPATH_A_CONN_MAX - 1)
};

/**
 * enum fastpath_a_exception - attributes of the "exception" attribute set
 * @FASTPATH_A_EXCEPTION_UNSPEC: unused
 * @FASTPATH_A_EXCEPTION_ID: [u32] Object id (read only).
 * @FASTPATH_A_EXCEPTION_VNET: [string] Name of the vnet; with prefix the key
 *	of the object.
 * @FASTPATH_A_EXCEPTION_PREFIX: [nest] The prefix, unique within the vnet.
 * @FASTPATH_A_EXCEPTION_KIND: [u32] Why the prefix is not supported by
 *	FastPath.
 * @FASTPATH_A_EXCEPTION_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_exception {
	FASTPATH_A_EXCEPTION_UNSPEC,
	FASTPATH_A_EXCEPTION_ID,
	FASTPATH_A_EXCEPTION_VNET,
	FASTPATH_A_EXCEPTION_PREFIX,
	FASTPATH_A_EXCEPTION_KIND,
	FASTPATH_A_EXCEPTION_DEFER,

	/* private: */
	__FASTPATH_A_EXCEPTION_MAX,
	FASTPATH_A_EXCEPTION_MAX = (__FASTPATH_A_EXCEPTION_MAX - 1)
};

/**
 * enum fastpath_a_udr - attributes of the "udr" attribute set
 * @FASTPATH_A_UDR_UNSPEC: unused
 * @FASTPATH_A_UDR_ID: [u32] Object id (read only).
 * @FASTPATH_A_UDR_VNET: [string] Name of the vnet; with prefix the key of the
 *	object.
 * @FASTPATH_A_UDR_PREFIX: [nest] IPv4 destination, unique within the vnet.
 * @FASTPATH_A_UDR_NEXTHOP: [string] Name of the next-hop endpoint (an NVA), in
 *	the vnet or a peered vnet.
 * @FASTPATH_A_UDR_DEFER: [flag] Apply the change to the configuration now
 *	but publish it to the data path later: at the next request without
 *	this flag that changes something, at commit, or at the latest after
 *	about a second (write only, config requests).
 */
enum fastpath_a_udr {
	FASTPATH_A_UDR_UNSPEC,
	FASTPATH_A_UDR_ID,
	FASTPATH_A_UDR_VNET,
	FASTPATH_A_UDR_PREFIX,
	FASTPATH_A_UDR_NEXTHOP,
	FASTPATH_A_UDR_DEFER,

	/* private: */
	__FASTPATH_A_UDR_MAX,
	FASTPATH_A_UDR_MAX = (__FASTPATH_A_UDR_MAX - 1)
};

/**
 * enum fastpath_a_counter - attributes of the "counter" attribute set
 * @FASTPATH_A_COUNTER_UNSPEC: unused
 * @FASTPATH_A_COUNTER_PAD: [pad] Padding for 64-bit attributes.
 * @FASTPATH_A_COUNTER_REASON: [u32] The outcome counted.
 * @FASTPATH_A_COUNTER_PACKETS: [u64] Packets with this outcome since the
 *	object was created.
 * @FASTPATH_A_COUNTER_BYTES: [u64] Bytes of those packets (their length at
 *	the hook, from the network header on).
 */
enum fastpath_a_counter {
	FASTPATH_A_COUNTER_UNSPEC,
	FASTPATH_A_COUNTER_PAD,
	FASTPATH_A_COUNTER_REASON,
	FASTPATH_A_COUNTER_PACKETS,
	FASTPATH_A_COUNTER_BYTES,

	/* private: */
	__FASTPATH_A_COUNTER_MAX,
	FASTPATH_A_COUNTER_MAX = (__FASTPATH_A_COUNTER_MAX - 1)
};

/**
 * enum fastpath_a_stats - attributes of the "stats" attribute set
 * @FASTPATH_A_STATS_UNSPEC: unused
 * @FASTPATH_A_STATS_CIRCUIT: [string] A circuit: in a request, the one whose
 *	counters to get; in a reply, the circuit the counters belong to.
 * @FASTPATH_A_STATS_CONN: [string] A connection, likewise; a request names a
 *	circuit or a connection, never both.
 * @FASTPATH_A_STATS_COUNTER: [nest] Counters of one outcome; repeated, one per
 *	reason in the order of enum fastpath_reason (read only).
 */
enum fastpath_a_stats {
	FASTPATH_A_STATS_UNSPEC,
	FASTPATH_A_STATS_CIRCUIT,
	FASTPATH_A_STATS_CONN,
	FASTPATH_A_STATS_COUNTER,

	/* private: */
	__FASTPATH_A_STATS_MAX,
	FASTPATH_A_STATS_MAX = (__FASTPATH_A_STATS_MAX - 1)
};

/**
 * enum fastpath_cmd - generic netlink commands of the "fastpath" family
 * @FASTPATH_CMD_UNSPEC: unused
 * @FASTPATH_CMD_INFO_GET: Report module and UAPI versions; needs no privilege.
 * @FASTPATH_CMD_CIRCUIT_NEW: Create a circuit.
 * @FASTPATH_CMD_CIRCUIT_DEL: Delete a circuit; refused while it has
 *	connections or authorizations.
 * @FASTPATH_CMD_CIRCUIT_SET: Change the device, tier, port, bandwidth or route
 *	limit of a circuit.
 * @FASTPATH_CMD_CIRCUIT_GET: Get one circuit by name, or dump all.
 * @FASTPATH_CMD_AUTH_NEW: Create an authorization; the reply carries its key,
 *	the only time it leaves the kernel.
 * @FASTPATH_CMD_AUTH_DEL: Revoke an authorization; deletes the connection
 *	created with it.
 * @FASTPATH_CMD_AUTH_GET: Get one authorization, or dump all; never carries
 *	the key.
 * @FASTPATH_CMD_VNET_NEW: Create a vnet.
 * @FASTPATH_CMD_VNET_DEL: Delete a vnet; refused while it has connections,
 *	endpoints, exceptions, UDRs or peerings.
 * @FASTPATH_CMD_VNET_SET: Change the region, gateway SKU (with units) or
 *	address spaces of a vnet.
 * @FASTPATH_CMD_VNET_GET: Get one vnet by name, or dump all.
 * @FASTPATH_CMD_PEERING_NEW: Peer two vnets.
 * @FASTPATH_CMD_PEERING_DEL: Remove the peering of two vnets.
 * @FASTPATH_CMD_ENDPOINT_NEW: Create an endpoint.
 * @FASTPATH_CMD_ENDPOINT_DEL: Delete an endpoint; refused while a UDR uses it
 *	as next hop.
 * @FASTPATH_CMD_ENDPOINT_SET: Change the prefix, device or MAC of an endpoint.
 * @FASTPATH_CMD_ENDPOINT_GET: Get one endpoint by name, or dump all.
 * @FASTPATH_CMD_CONN_NEW: Create a connection (link a vnet to a circuit).
 * @FASTPATH_CMD_CONN_DEL: Delete a connection; frees its authorization.
 * @FASTPATH_CMD_CONN_SET: Change the feature flags of a connection.
 * @FASTPATH_CMD_CONN_GET: Get one connection by name, or dump all.
 * @FASTPATH_CMD_EXCEPTION_NEW: Create an exception.
 * @FASTPATH_CMD_EXCEPTION_DEL: Delete an exception.
 * @FASTPATH_CMD_EXCEPTION_SET: Change the kind of an exception.
 * @FASTPATH_CMD_EXCEPTION_GET: Get one exception by vnet and prefix, or dump
 *	all.
 * @FASTPATH_CMD_UDR_NEW: Create a UDR.
 * @FASTPATH_CMD_UDR_DEL: Delete a UDR.
 * @FASTPATH_CMD_UDR_SET: Change the next hop of a UDR.
 * @FASTPATH_CMD_UDR_GET: Get one UDR by vnet and prefix, or dump all.
 * @FASTPATH_CMD_STATS_GET: Get the counters of one circuit or connection, or
 *	dump those of every circuit, then every connection; needs no
 *	privilege.
 * @FASTPATH_CMD_COMMIT: Publish every deferred change of the namespace to
 *	the data path now, in one commit per circuit; a no-op when nothing is
 *	deferred.
 * @FASTPATH_CMD_BATCH: Start an ordered batch on the sending socket: from
 *	now on each of its configuration requests (NEW, DEL, SET) must carry
 *	the sequence number one above the last one that succeeded (the first:
 *	one above this request's); once one fails, or one is missing, every
 *	later one is refused with ECANCELED and changes nothing, until the
 *	socket sends BATCH again or is closed.  Lets a client pipeline its
 *	requests and still stop at the first error.
 */
enum fastpath_cmd {
	FASTPATH_CMD_UNSPEC,
	FASTPATH_CMD_INFO_GET,
	FASTPATH_CMD_CIRCUIT_NEW,
	FASTPATH_CMD_CIRCUIT_DEL,
	FASTPATH_CMD_CIRCUIT_SET,
	FASTPATH_CMD_CIRCUIT_GET,
	FASTPATH_CMD_AUTH_NEW,
	FASTPATH_CMD_AUTH_DEL,
	FASTPATH_CMD_AUTH_GET,
	FASTPATH_CMD_VNET_NEW,
	FASTPATH_CMD_VNET_DEL,
	FASTPATH_CMD_VNET_SET,
	FASTPATH_CMD_VNET_GET,
	FASTPATH_CMD_PEERING_NEW,
	FASTPATH_CMD_PEERING_DEL,
	FASTPATH_CMD_ENDPOINT_NEW,
	FASTPATH_CMD_ENDPOINT_DEL,
	FASTPATH_CMD_ENDPOINT_SET,
	FASTPATH_CMD_ENDPOINT_GET,
	FASTPATH_CMD_CONN_NEW,
	FASTPATH_CMD_CONN_DEL,
	FASTPATH_CMD_CONN_SET,
	FASTPATH_CMD_CONN_GET,
	FASTPATH_CMD_EXCEPTION_NEW,
	FASTPATH_CMD_EXCEPTION_DEL,
	FASTPATH_CMD_EXCEPTION_SET,
	FASTPATH_CMD_EXCEPTION_GET,
	FASTPATH_CMD_UDR_NEW,
	FASTPATH_CMD_UDR_DEL,
	FASTPATH_CMD_UDR_SET,
	FASTPATH_CMD_UDR_GET,
	FASTPATH_CMD_STATS_GET,
	FASTPATH_CMD_COMMIT,
	FASTPATH_CMD_BATCH,

	/* private: */
	__FASTPATH_CMD_MAX,
	FASTPATH_CMD_MAX = (__FASTPATH_CMD_MAX - 1)
};

#endif /* _UAPI_LINUX_FASTPATH_H */
