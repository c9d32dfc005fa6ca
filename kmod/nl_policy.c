// SPDX-License-Identifier: GPL-2.0
/*
 * Attribute policies of the "fastpath" family, one per attribute set of
 * Documentation/netlink/specs/fastpath.yaml.  Every attribute a request may
 * carry is typed, length- and range-checked here; attributes that only
 * appear in replies (ids, counts, state, the authorization key) are
 * NLA_REJECT so that strict validation refuses them with the bad attribute.
 * Every configuration set has a DEFER flag (see fp_nl_lock()); GET
 * requests of the same set accept and ignore it.
 */
#include <linux/if_ether.h>
#include <linux/limits.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "model.h"
#include "netlink.h"

#define FP_NL_NAME	{ .type = NLA_NUL_STRING, .len = FP_NAME_LEN - 1 }

/*
 * Values above S16_MAX need a full range.  Not const: 6.1 declares the
 * policy's range pointer without const.
 */
static struct netlink_range_validation fp_bandwidth_range = {
	.min = 50,
	.max = 100000,
};

static struct netlink_range_validation fp_route_limit_range = {
	.max = FP_MAX_ROUTE_LIMIT,
};

static struct netlink_range_validation fp_ifindex_range = {
	.max = INT_MAX,
};

const struct nla_policy fp_nl_prefix_policy[FASTPATH_A_PREFIX_MAX + 1] = {
	[FASTPATH_A_PREFIX_ADDR] = NLA_POLICY_RANGE(NLA_BINARY, 4, 16),
	[FASTPATH_A_PREFIX_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
};

FP_EXPORT_FOR_KUNIT(fp_nl_prefix_policy);

static const struct nla_policy fp_nl_spaces_policy[FASTPATH_A_SPACES_MAX + 1] = {
	[FASTPATH_A_SPACES_PREFIX] = NLA_POLICY_NESTED(fp_nl_prefix_policy),
};

const struct nla_policy fp_nl_circuit_policy[FASTPATH_A_CIRCUIT_MAX + 1] = {
	[FASTPATH_A_CIRCUIT_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_NAME] = FP_NL_NAME,
	[FASTPATH_A_CIRCUIT_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(UUID_SIZE),
	[FASTPATH_A_CIRCUIT_IFINDEX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &fp_ifindex_range),
	[FASTPATH_A_CIRCUIT_TIER] =
		NLA_POLICY_MAX(NLA_U32, FASTPATH_TIER_PREMIUM),
	[FASTPATH_A_CIRCUIT_PORT] =
		NLA_POLICY_MAX(NLA_U32, FASTPATH_PORT_100G),
	[FASTPATH_A_CIRCUIT_BANDWIDTH] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &fp_bandwidth_range),
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &fp_route_limit_range),
	[FASTPATH_A_CIRCUIT_ACTIVE] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_LINKS] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_MAX_LINKS] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_AUTHS] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_ROUTES_INSTALLED] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_ROUTES_PENDING] = { .type = NLA_REJECT },
	[FASTPATH_A_CIRCUIT_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_circuit_policy);

const struct nla_policy fp_nl_auth_policy[FASTPATH_A_AUTH_MAX + 1] = {
	[FASTPATH_A_AUTH_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_AUTH_NAME] = FP_NL_NAME,
	[FASTPATH_A_AUTH_CIRCUIT] = FP_NL_NAME,
	[FASTPATH_A_AUTH_KEY] = { .type = NLA_REJECT },
	[FASTPATH_A_AUTH_REDEEMED_BY] = { .type = NLA_REJECT },
	[FASTPATH_A_AUTH_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_auth_policy);

const struct nla_policy fp_nl_vnet_policy[FASTPATH_A_VNET_MAX + 1] = {
	[FASTPATH_A_VNET_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_VNET_NAME] = FP_NL_NAME,
	[FASTPATH_A_VNET_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(UUID_SIZE),
	[FASTPATH_A_VNET_REGION] = {
		.type = NLA_NUL_STRING,
		.len = FP_REGION_LEN - 1,
	},
	[FASTPATH_A_VNET_SKU] =
		NLA_POLICY_MAX(NLA_U32, FASTPATH_SKU_ERGWSCALE),
	[FASTPATH_A_VNET_UNITS] = NLA_POLICY_MAX(NLA_U32, FP_MAX_SCALE_UNITS),
	[FASTPATH_A_VNET_SPACES] = NLA_POLICY_NESTED(fp_nl_spaces_policy),
	[FASTPATH_A_VNET_PEER] = { .type = NLA_REJECT },
	[FASTPATH_A_VNET_CONNS] = { .type = NLA_REJECT },
	[FASTPATH_A_VNET_MAX_CONNS] = { .type = NLA_REJECT },
	[FASTPATH_A_VNET_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_vnet_policy);

const struct nla_policy fp_nl_peering_policy[FASTPATH_A_PEERING_MAX + 1] = {
	[FASTPATH_A_PEERING_VNET] = FP_NL_NAME,
	[FASTPATH_A_PEERING_PEER] = FP_NL_NAME,
	[FASTPATH_A_PEERING_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_peering_policy);

const struct nla_policy fp_nl_endpoint_policy[FASTPATH_A_ENDPOINT_MAX + 1] = {
	[FASTPATH_A_ENDPOINT_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_ENDPOINT_NAME] = FP_NL_NAME,
	[FASTPATH_A_ENDPOINT_VNET] = FP_NL_NAME,
	[FASTPATH_A_ENDPOINT_PREFIX] = NLA_POLICY_NESTED(fp_nl_prefix_policy),
	[FASTPATH_A_ENDPOINT_IFINDEX] =
		NLA_POLICY_FULL_RANGE(NLA_U32, &fp_ifindex_range),
	[FASTPATH_A_ENDPOINT_MAC] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[FASTPATH_A_ENDPOINT_ACTIVE] = { .type = NLA_REJECT },
	[FASTPATH_A_ENDPOINT_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_endpoint_policy);

const struct nla_policy fp_nl_conn_policy[FASTPATH_A_CONN_MAX + 1] = {
	[FASTPATH_A_CONN_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_CONN_NAME] = FP_NL_NAME,
	[FASTPATH_A_CONN_CIRCUIT] = FP_NL_NAME,
	[FASTPATH_A_CONN_VNET] = FP_NL_NAME,
	[FASTPATH_A_CONN_FLAGS] = NLA_POLICY_MASK(NLA_U32, FP_CONN_F_ALL),
	[FASTPATH_A_CONN_AUTH_KEY] = NLA_POLICY_EXACT_LEN(FP_KEY_LEN),
	[FASTPATH_A_CONN_AUTH] = { .type = NLA_REJECT },
	[FASTPATH_A_CONN_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_conn_policy);

const struct nla_policy fp_nl_exception_policy[FASTPATH_A_EXCEPTION_MAX + 1] = {
	[FASTPATH_A_EXCEPTION_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_EXCEPTION_VNET] = FP_NL_NAME,
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(fp_nl_prefix_policy),
	[FASTPATH_A_EXCEPTION_KIND] =
		NLA_POLICY_MAX(NLA_U32, FASTPATH_EXCEPTION_KIND_MANUAL),
	[FASTPATH_A_EXCEPTION_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_exception_policy);

const struct nla_policy fp_nl_udr_policy[FASTPATH_A_UDR_MAX + 1] = {
	[FASTPATH_A_UDR_ID] = { .type = NLA_REJECT },
	[FASTPATH_A_UDR_VNET] = FP_NL_NAME,
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(fp_nl_prefix_policy),
	[FASTPATH_A_UDR_NEXTHOP] = FP_NL_NAME,
	[FASTPATH_A_UDR_DEFER] = { .type = NLA_FLAG },
};

FP_EXPORT_FOR_KUNIT(fp_nl_udr_policy);

/* Counters are read only: a request names one circuit or connection. */
const struct nla_policy fp_nl_stats_policy[FASTPATH_A_STATS_MAX + 1] = {
	[FASTPATH_A_STATS_CIRCUIT] = FP_NL_NAME,
	[FASTPATH_A_STATS_CONN] = FP_NL_NAME,
	[FASTPATH_A_STATS_COUNTER] = { .type = NLA_REJECT },
};

FP_EXPORT_FOR_KUNIT(fp_nl_stats_policy);
