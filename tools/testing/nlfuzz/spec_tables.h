/* SPDX-License-Identifier: GPL-2.0 */
/* Do not edit: generated from Documentation/netlink/specs/fastpath.yaml
 * by tools/testing/ynl-tables.py (make ynl-gen). */
#ifndef _NLFUZZ_SPEC_TABLES_H
#define _NLFUZZ_SPEC_TABLES_H

/* The attribute sets of the spec. */
enum set_id {
	S_NONE,
	S_INFO,
	S_PREFIX,
	S_SPACES,
	S_CIRCUIT,
	S_AUTH,
	S_VNET,
	S_PEERING,
	S_ENDPOINT,
	S_CONN,
	S_EXCEPTION,
	S_UDR,
	S_COUNTER,
	S_STATS,
	S_COUNT
};

/* The largest attribute type of each set. */
static const int set_max[S_COUNT] = {
	[S_INFO] = FASTPATH_A_INFO_MAX,
	[S_PREFIX] = FASTPATH_A_PREFIX_MAX,
	[S_SPACES] = FASTPATH_A_SPACES_MAX,
	[S_CIRCUIT] = FASTPATH_A_CIRCUIT_MAX,
	[S_AUTH] = FASTPATH_A_AUTH_MAX,
	[S_VNET] = FASTPATH_A_VNET_MAX,
	[S_PEERING] = FASTPATH_A_PEERING_MAX,
	[S_ENDPOINT] = FASTPATH_A_ENDPOINT_MAX,
	[S_CONN] = FASTPATH_A_CONN_MAX,
	[S_EXCEPTION] = FASTPATH_A_EXCEPTION_MAX,
	[S_UDR] = FASTPATH_A_UDR_MAX,
	[S_COUNTER] = FASTPATH_A_COUNTER_MAX,
	[S_STATS] = FASTPATH_A_STATS_MAX,
};

static const char *const info_names[] = {
	[FASTPATH_A_INFO_MODULE_VERSION] = "module-version",
	[FASTPATH_A_INFO_UAPI_VERSION] = "uapi-version",
	[FASTPATH_A_INFO_KERNEL_RELEASE] = "kernel-release",
};

static const char *const prefix_names[] = {
	[FASTPATH_A_PREFIX_ADDR] = "addr",
	[FASTPATH_A_PREFIX_LEN] = "len",
};

static const char *const spaces_names[] = {
	[FASTPATH_A_SPACES_PREFIX] = "prefix",
};

static const char *const circuit_names[] = {
	[FASTPATH_A_CIRCUIT_PAD] = "pad",
	[FASTPATH_A_CIRCUIT_ID] = "id",
	[FASTPATH_A_CIRCUIT_NAME] = "name",
	[FASTPATH_A_CIRCUIT_SUBSCRIPTION] = "subscription",
	[FASTPATH_A_CIRCUIT_IFINDEX] = "ifindex",
	[FASTPATH_A_CIRCUIT_TIER] = "tier",
	[FASTPATH_A_CIRCUIT_PORT] = "port",
	[FASTPATH_A_CIRCUIT_BANDWIDTH] = "bandwidth",
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT] = "route-limit",
	[FASTPATH_A_CIRCUIT_ACTIVE] = "active",
	[FASTPATH_A_CIRCUIT_LINKS] = "links",
	[FASTPATH_A_CIRCUIT_MAX_LINKS] = "max-links",
	[FASTPATH_A_CIRCUIT_AUTHS] = "auths",
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE] = "route-limit-effective",
	[FASTPATH_A_CIRCUIT_ROUTES_INSTALLED] = "routes-installed",
	[FASTPATH_A_CIRCUIT_ROUTES_PENDING] = "routes-pending",
	[FASTPATH_A_CIRCUIT_DEFER] = "defer",
};

static const char *const auth_names[] = {
	[FASTPATH_A_AUTH_ID] = "id",
	[FASTPATH_A_AUTH_NAME] = "name",
	[FASTPATH_A_AUTH_CIRCUIT] = "circuit",
	[FASTPATH_A_AUTH_KEY] = "key",
	[FASTPATH_A_AUTH_REDEEMED_BY] = "redeemed-by",
	[FASTPATH_A_AUTH_DEFER] = "defer",
};

static const char *const vnet_names[] = {
	[FASTPATH_A_VNET_ID] = "id",
	[FASTPATH_A_VNET_NAME] = "name",
	[FASTPATH_A_VNET_SUBSCRIPTION] = "subscription",
	[FASTPATH_A_VNET_REGION] = "region",
	[FASTPATH_A_VNET_SKU] = "sku",
	[FASTPATH_A_VNET_UNITS] = "units",
	[FASTPATH_A_VNET_SPACES] = "spaces",
	[FASTPATH_A_VNET_PEER] = "peer",
	[FASTPATH_A_VNET_CONNS] = "conns",
	[FASTPATH_A_VNET_MAX_CONNS] = "max-conns",
	[FASTPATH_A_VNET_DEFER] = "defer",
};

static const char *const peering_names[] = {
	[FASTPATH_A_PEERING_VNET] = "vnet",
	[FASTPATH_A_PEERING_PEER] = "peer",
	[FASTPATH_A_PEERING_DEFER] = "defer",
};

static const char *const endpoint_names[] = {
	[FASTPATH_A_ENDPOINT_ID] = "id",
	[FASTPATH_A_ENDPOINT_NAME] = "name",
	[FASTPATH_A_ENDPOINT_VNET] = "vnet",
	[FASTPATH_A_ENDPOINT_PREFIX] = "prefix",
	[FASTPATH_A_ENDPOINT_IFINDEX] = "ifindex",
	[FASTPATH_A_ENDPOINT_MAC] = "mac",
	[FASTPATH_A_ENDPOINT_ACTIVE] = "active",
	[FASTPATH_A_ENDPOINT_DEFER] = "defer",
};

static const char *const conn_names[] = {
	[FASTPATH_A_CONN_ID] = "id",
	[FASTPATH_A_CONN_NAME] = "name",
	[FASTPATH_A_CONN_CIRCUIT] = "circuit",
	[FASTPATH_A_CONN_VNET] = "vnet",
	[FASTPATH_A_CONN_FLAGS] = "flags",
	[FASTPATH_A_CONN_AUTH_KEY] = "auth-key",
	[FASTPATH_A_CONN_AUTH] = "auth",
	[FASTPATH_A_CONN_DEFER] = "defer",
};

static const char *const exception_names[] = {
	[FASTPATH_A_EXCEPTION_ID] = "id",
	[FASTPATH_A_EXCEPTION_VNET] = "vnet",
	[FASTPATH_A_EXCEPTION_PREFIX] = "prefix",
	[FASTPATH_A_EXCEPTION_KIND] = "kind",
	[FASTPATH_A_EXCEPTION_DEFER] = "defer",
};

static const char *const udr_names[] = {
	[FASTPATH_A_UDR_ID] = "id",
	[FASTPATH_A_UDR_VNET] = "vnet",
	[FASTPATH_A_UDR_PREFIX] = "prefix",
	[FASTPATH_A_UDR_NEXTHOP] = "nexthop",
	[FASTPATH_A_UDR_DEFER] = "defer",
};

static const char *const counter_names[] = {
	[FASTPATH_A_COUNTER_PAD] = "pad",
	[FASTPATH_A_COUNTER_REASON] = "reason",
	[FASTPATH_A_COUNTER_PACKETS] = "packets",
	[FASTPATH_A_COUNTER_BYTES] = "bytes",
};

static const char *const stats_names[] = {
	[FASTPATH_A_STATS_CIRCUIT] = "circuit",
	[FASTPATH_A_STATS_CONN] = "conn",
	[FASTPATH_A_STATS_COUNTER] = "counter",
};

#define NAMES(a) { a, sizeof(a) / sizeof(a[0]) }
static const struct {
	const char *const *names;
	size_t n;
} set_names[S_COUNT] = {
	[S_INFO] = NAMES(info_names),
	[S_PREFIX] = NAMES(prefix_names),
	[S_SPACES] = NAMES(spaces_names),
	[S_CIRCUIT] = NAMES(circuit_names),
	[S_AUTH] = NAMES(auth_names),
	[S_VNET] = NAMES(vnet_names),
	[S_PEERING] = NAMES(peering_names),
	[S_ENDPOINT] = NAMES(endpoint_names),
	[S_CONN] = NAMES(conn_names),
	[S_EXCEPTION] = NAMES(exception_names),
	[S_UDR] = NAMES(udr_names),
	[S_COUNTER] = NAMES(counter_names),
	[S_STATS] = NAMES(stats_names),
};

/* A nested attribute -> the set it holds (S_NONE: not nested). */
static enum set_id nested_set(enum set_id set, int type)
{
	switch (set) {
	case S_SPACES:
		if (type == FASTPATH_A_SPACES_PREFIX)
			return S_PREFIX;
		return S_NONE;
	case S_VNET:
		if (type == FASTPATH_A_VNET_SPACES)
			return S_SPACES;
		return S_NONE;
	case S_ENDPOINT:
		if (type == FASTPATH_A_ENDPOINT_PREFIX)
			return S_PREFIX;
		return S_NONE;
	case S_EXCEPTION:
		if (type == FASTPATH_A_EXCEPTION_PREFIX)
			return S_PREFIX;
		return S_NONE;
	case S_UDR:
		if (type == FASTPATH_A_UDR_PREFIX)
			return S_PREFIX;
		return S_NONE;
	case S_STATS:
		if (type == FASTPATH_A_STATS_COUNTER)
			return S_COUNTER;
		return S_NONE;
	default:
		return S_NONE;
	}
}

struct cmd_info {
	const char *name;
	enum set_id set;
};

static const struct cmd_info cmds[FASTPATH_CMD_MAX + 1] = {
	[FASTPATH_CMD_INFO_GET] = { "info-get", S_INFO },
	[FASTPATH_CMD_CIRCUIT_NEW] = { "circuit-new", S_CIRCUIT },
	[FASTPATH_CMD_CIRCUIT_DEL] = { "circuit-del", S_CIRCUIT },
	[FASTPATH_CMD_CIRCUIT_SET] = { "circuit-set", S_CIRCUIT },
	[FASTPATH_CMD_CIRCUIT_GET] = { "circuit-get", S_CIRCUIT },
	[FASTPATH_CMD_AUTH_NEW] = { "auth-new", S_AUTH },
	[FASTPATH_CMD_AUTH_DEL] = { "auth-del", S_AUTH },
	[FASTPATH_CMD_AUTH_GET] = { "auth-get", S_AUTH },
	[FASTPATH_CMD_VNET_NEW] = { "vnet-new", S_VNET },
	[FASTPATH_CMD_VNET_DEL] = { "vnet-del", S_VNET },
	[FASTPATH_CMD_VNET_SET] = { "vnet-set", S_VNET },
	[FASTPATH_CMD_VNET_GET] = { "vnet-get", S_VNET },
	[FASTPATH_CMD_PEERING_NEW] = { "peering-new", S_PEERING },
	[FASTPATH_CMD_PEERING_DEL] = { "peering-del", S_PEERING },
	[FASTPATH_CMD_ENDPOINT_NEW] = { "endpoint-new", S_ENDPOINT },
	[FASTPATH_CMD_ENDPOINT_DEL] = { "endpoint-del", S_ENDPOINT },
	[FASTPATH_CMD_ENDPOINT_SET] = { "endpoint-set", S_ENDPOINT },
	[FASTPATH_CMD_ENDPOINT_GET] = { "endpoint-get", S_ENDPOINT },
	[FASTPATH_CMD_CONN_NEW] = { "conn-new", S_CONN },
	[FASTPATH_CMD_CONN_DEL] = { "conn-del", S_CONN },
	[FASTPATH_CMD_CONN_SET] = { "conn-set", S_CONN },
	[FASTPATH_CMD_CONN_GET] = { "conn-get", S_CONN },
	[FASTPATH_CMD_EXCEPTION_NEW] = { "exception-new", S_EXCEPTION },
	[FASTPATH_CMD_EXCEPTION_DEL] = { "exception-del", S_EXCEPTION },
	[FASTPATH_CMD_EXCEPTION_SET] = { "exception-set", S_EXCEPTION },
	[FASTPATH_CMD_EXCEPTION_GET] = { "exception-get", S_EXCEPTION },
	[FASTPATH_CMD_UDR_NEW] = { "udr-new", S_UDR },
	[FASTPATH_CMD_UDR_DEL] = { "udr-del", S_UDR },
	[FASTPATH_CMD_UDR_SET] = { "udr-set", S_UDR },
	[FASTPATH_CMD_UDR_GET] = { "udr-get", S_UDR },
	[FASTPATH_CMD_STATS_GET] = { "stats-get", S_STATS },
	[FASTPATH_CMD_COMMIT] = { "commit", S_INFO },
	[FASTPATH_CMD_BATCH] = { "batch", S_INFO },
};

#endif /* _NLFUZZ_SPEC_TABLES_H */
