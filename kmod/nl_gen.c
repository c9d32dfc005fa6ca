// SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
/* Do not edit directly, auto-generated from: */
/*	Documentation/netlink/specs/fastpath.yaml */
/* YNL-GEN kernel source */
/* To regenerate run: tools/net/ynl/ynl-regen.sh */

#include <net/netlink.h>
#include <net/genetlink.h>

#include "nl_gen.h"

#include <uapi/linux/fastpath.h>

/* Integer value ranges */
static const struct netlink_range_validation fastpath_a_circuit_ifindex_range = {
	.max	= S32_MAX,
};

static const struct netlink_range_validation fastpath_a_circuit_bandwidth_range = {
	.min	= FASTPATH_BANDWIDTH_MIN,
	.max	= FASTPATH_BANDWIDTH_MAX,
};

static const struct netlink_range_validation fastpath_a_circuit_route_limit_range = {
	.max	= FASTPATH_ROUTE_LIMIT_MAX,
};

static const struct netlink_range_validation fastpath_a_endpoint_ifindex_range = {
	.max	= S32_MAX,
};

/* Common nested types */
const struct nla_policy fastpath_prefix_nl_policy[FASTPATH_A_PREFIX_LEN + 1] = {
	[FASTPATH_A_PREFIX_ADDR] = NLA_POLICY_MAX_LEN(16),
	[FASTPATH_A_PREFIX_LEN] = NLA_POLICY_MAX(NLA_U8, 128),
};

const struct nla_policy fastpath_spaces_nl_policy[FASTPATH_A_SPACES_PREFIX + 1] = {
	[FASTPATH_A_SPACES_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
};

/* FASTPATH_CMD_CIRCUIT_NEW - do */
static const struct nla_policy fastpath_circuit_new_nl_policy[FASTPATH_A_CIRCUIT_DEFER + 1] = {
	[FASTPATH_A_CIRCUIT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CIRCUIT_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(FASTPATH_SUBSCRIPTION_LEN),
	[FASTPATH_A_CIRCUIT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_ifindex_range),
	[FASTPATH_A_CIRCUIT_TIER] = NLA_POLICY_MAX(NLA_U32, 1),
	[FASTPATH_A_CIRCUIT_PORT] = NLA_POLICY_MAX(NLA_U32, 2),
	[FASTPATH_A_CIRCUIT_BANDWIDTH] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_bandwidth_range),
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_route_limit_range),
	[FASTPATH_A_CIRCUIT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CIRCUIT_DEL - do */
static const struct nla_policy fastpath_circuit_del_nl_policy[FASTPATH_A_CIRCUIT_DEFER + 1] = {
	[FASTPATH_A_CIRCUIT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CIRCUIT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CIRCUIT_SET - do */
static const struct nla_policy fastpath_circuit_set_nl_policy[FASTPATH_A_CIRCUIT_DEFER + 1] = {
	[FASTPATH_A_CIRCUIT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CIRCUIT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_ifindex_range),
	[FASTPATH_A_CIRCUIT_TIER] = NLA_POLICY_MAX(NLA_U32, 1),
	[FASTPATH_A_CIRCUIT_PORT] = NLA_POLICY_MAX(NLA_U32, 2),
	[FASTPATH_A_CIRCUIT_BANDWIDTH] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_bandwidth_range),
	[FASTPATH_A_CIRCUIT_ROUTE_LIMIT] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_circuit_route_limit_range),
	[FASTPATH_A_CIRCUIT_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(FASTPATH_SUBSCRIPTION_LEN),
	[FASTPATH_A_CIRCUIT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CIRCUIT_GET - do */
static const struct nla_policy fastpath_circuit_get_nl_policy[FASTPATH_A_CIRCUIT_NAME + 1] = {
	[FASTPATH_A_CIRCUIT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* FASTPATH_CMD_AUTH_NEW - do */
static const struct nla_policy fastpath_auth_new_nl_policy[FASTPATH_A_AUTH_DEFER + 1] = {
	[FASTPATH_A_AUTH_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_AUTH_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_AUTH_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_AUTH_DEL - do */
static const struct nla_policy fastpath_auth_del_nl_policy[FASTPATH_A_AUTH_DEFER + 1] = {
	[FASTPATH_A_AUTH_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_AUTH_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_AUTH_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_AUTH_GET - do */
static const struct nla_policy fastpath_auth_get_nl_policy[FASTPATH_A_AUTH_CIRCUIT + 1] = {
	[FASTPATH_A_AUTH_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_AUTH_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* FASTPATH_CMD_VNET_NEW - do */
static const struct nla_policy fastpath_vnet_new_nl_policy[FASTPATH_A_VNET_DEFER + 1] = {
	[FASTPATH_A_VNET_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_VNET_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(FASTPATH_SUBSCRIPTION_LEN),
	[FASTPATH_A_VNET_REGION] = { .type = NLA_NUL_STRING, .len = FASTPATH_REGION_MAX_LEN, },
	[FASTPATH_A_VNET_SKU] = NLA_POLICY_MAX(NLA_U32, 7),
	[FASTPATH_A_VNET_UNITS] = NLA_POLICY_MAX(NLA_U32, FASTPATH_SCALE_UNITS_MAX),
	[FASTPATH_A_VNET_SPACES] = NLA_POLICY_NESTED(fastpath_spaces_nl_policy),
	[FASTPATH_A_VNET_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_VNET_DEL - do */
static const struct nla_policy fastpath_vnet_del_nl_policy[FASTPATH_A_VNET_DEFER + 1] = {
	[FASTPATH_A_VNET_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_VNET_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_VNET_SET - do */
static const struct nla_policy fastpath_vnet_set_nl_policy[FASTPATH_A_VNET_DEFER + 1] = {
	[FASTPATH_A_VNET_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_VNET_REGION] = { .type = NLA_NUL_STRING, .len = FASTPATH_REGION_MAX_LEN, },
	[FASTPATH_A_VNET_SKU] = NLA_POLICY_MAX(NLA_U32, 7),
	[FASTPATH_A_VNET_UNITS] = NLA_POLICY_MAX(NLA_U32, FASTPATH_SCALE_UNITS_MAX),
	[FASTPATH_A_VNET_SPACES] = NLA_POLICY_NESTED(fastpath_spaces_nl_policy),
	[FASTPATH_A_VNET_SUBSCRIPTION] = NLA_POLICY_EXACT_LEN(FASTPATH_SUBSCRIPTION_LEN),
	[FASTPATH_A_VNET_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_VNET_GET - do */
static const struct nla_policy fastpath_vnet_get_nl_policy[FASTPATH_A_VNET_NAME + 1] = {
	[FASTPATH_A_VNET_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* FASTPATH_CMD_PEERING_NEW - do */
static const struct nla_policy fastpath_peering_new_nl_policy[FASTPATH_A_PEERING_DEFER + 1] = {
	[FASTPATH_A_PEERING_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_PEERING_PEER] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_PEERING_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_PEERING_DEL - do */
static const struct nla_policy fastpath_peering_del_nl_policy[FASTPATH_A_PEERING_DEFER + 1] = {
	[FASTPATH_A_PEERING_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_PEERING_PEER] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_PEERING_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_ENDPOINT_NEW - do */
static const struct nla_policy fastpath_endpoint_new_nl_policy[FASTPATH_A_ENDPOINT_DEFER + 1] = {
	[FASTPATH_A_ENDPOINT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_ENDPOINT_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_ENDPOINT_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_ENDPOINT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_endpoint_ifindex_range),
	[FASTPATH_A_ENDPOINT_MAC] = NLA_POLICY_EXACT_LEN(6),
	[FASTPATH_A_ENDPOINT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_ENDPOINT_DEL - do */
static const struct nla_policy fastpath_endpoint_del_nl_policy[FASTPATH_A_ENDPOINT_DEFER + 1] = {
	[FASTPATH_A_ENDPOINT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_ENDPOINT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_ENDPOINT_SET - do */
static const struct nla_policy fastpath_endpoint_set_nl_policy[FASTPATH_A_ENDPOINT_DEFER + 1] = {
	[FASTPATH_A_ENDPOINT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_ENDPOINT_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_ENDPOINT_IFINDEX] = NLA_POLICY_FULL_RANGE(NLA_U32, &fastpath_a_endpoint_ifindex_range),
	[FASTPATH_A_ENDPOINT_MAC] = NLA_POLICY_EXACT_LEN(6),
	[FASTPATH_A_ENDPOINT_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_ENDPOINT_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_ENDPOINT_GET - do */
static const struct nla_policy fastpath_endpoint_get_nl_policy[FASTPATH_A_ENDPOINT_NAME + 1] = {
	[FASTPATH_A_ENDPOINT_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* FASTPATH_CMD_CONN_NEW - do */
static const struct nla_policy fastpath_conn_new_nl_policy[FASTPATH_A_CONN_DEFER + 1] = {
	[FASTPATH_A_CONN_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0xf),
	[FASTPATH_A_CONN_AUTH_KEY] = NLA_POLICY_EXACT_LEN(FASTPATH_KEY_LEN),
	[FASTPATH_A_CONN_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CONN_DEL - do */
static const struct nla_policy fastpath_conn_del_nl_policy[FASTPATH_A_CONN_DEFER + 1] = {
	[FASTPATH_A_CONN_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CONN_SET - do */
static const struct nla_policy fastpath_conn_set_nl_policy[FASTPATH_A_CONN_DEFER + 1] = {
	[FASTPATH_A_CONN_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_FLAGS] = NLA_POLICY_MASK(NLA_U32, 0xf),
	[FASTPATH_A_CONN_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_CONN_AUTH_KEY] = NLA_POLICY_EXACT_LEN(FASTPATH_KEY_LEN),
	[FASTPATH_A_CONN_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_CONN_GET - do */
static const struct nla_policy fastpath_conn_get_nl_policy[FASTPATH_A_CONN_NAME + 1] = {
	[FASTPATH_A_CONN_NAME] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* FASTPATH_CMD_EXCEPTION_NEW - do */
static const struct nla_policy fastpath_exception_new_nl_policy[FASTPATH_A_EXCEPTION_DEFER + 1] = {
	[FASTPATH_A_EXCEPTION_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_EXCEPTION_KIND] = NLA_POLICY_MAX(NLA_U32, 5),
	[FASTPATH_A_EXCEPTION_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_EXCEPTION_DEL - do */
static const struct nla_policy fastpath_exception_del_nl_policy[FASTPATH_A_EXCEPTION_DEFER + 1] = {
	[FASTPATH_A_EXCEPTION_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_EXCEPTION_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_EXCEPTION_SET - do */
static const struct nla_policy fastpath_exception_set_nl_policy[FASTPATH_A_EXCEPTION_DEFER + 1] = {
	[FASTPATH_A_EXCEPTION_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_EXCEPTION_KIND] = NLA_POLICY_MAX(NLA_U32, 5),
	[FASTPATH_A_EXCEPTION_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_EXCEPTION_GET - do */
static const struct nla_policy fastpath_exception_get_nl_policy[FASTPATH_A_EXCEPTION_PREFIX + 1] = {
	[FASTPATH_A_EXCEPTION_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_EXCEPTION_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
};

/* FASTPATH_CMD_UDR_NEW - do */
static const struct nla_policy fastpath_udr_new_nl_policy[FASTPATH_A_UDR_DEFER + 1] = {
	[FASTPATH_A_UDR_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_UDR_NEXTHOP] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_UDR_DEL - do */
static const struct nla_policy fastpath_udr_del_nl_policy[FASTPATH_A_UDR_DEFER + 1] = {
	[FASTPATH_A_UDR_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_UDR_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_UDR_SET - do */
static const struct nla_policy fastpath_udr_set_nl_policy[FASTPATH_A_UDR_DEFER + 1] = {
	[FASTPATH_A_UDR_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
	[FASTPATH_A_UDR_NEXTHOP] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_DEFER] = { .type = NLA_FLAG, },
};

/* FASTPATH_CMD_UDR_GET - do */
static const struct nla_policy fastpath_udr_get_nl_policy[FASTPATH_A_UDR_PREFIX + 1] = {
	[FASTPATH_A_UDR_VNET] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_UDR_PREFIX] = NLA_POLICY_NESTED(fastpath_prefix_nl_policy),
};

/* FASTPATH_CMD_STATS_GET - do */
static const struct nla_policy fastpath_stats_get_nl_policy[FASTPATH_A_STATS_CONN + 1] = {
	[FASTPATH_A_STATS_CIRCUIT] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
	[FASTPATH_A_STATS_CONN] = { .type = NLA_NUL_STRING, .len = FASTPATH_NAME_MAX_LEN, },
};

/* Ops table for fastpath */
const struct genl_split_ops fastpath_nl_ops[41] = {
	{
		.cmd	= FASTPATH_CMD_INFO_GET,
		.doit	= fastpath_nl_info_get_doit,
		.flags	= GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CIRCUIT_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_circuit_new_doit,
		.policy		= fastpath_circuit_new_nl_policy,
		.maxattr	= FASTPATH_A_CIRCUIT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CIRCUIT_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_circuit_del_doit,
		.policy		= fastpath_circuit_del_nl_policy,
		.maxattr	= FASTPATH_A_CIRCUIT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CIRCUIT_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_circuit_set_doit,
		.policy		= fastpath_circuit_set_nl_policy,
		.maxattr	= FASTPATH_A_CIRCUIT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CIRCUIT_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_circuit_get_doit,
		.policy		= fastpath_circuit_get_nl_policy,
		.maxattr	= FASTPATH_A_CIRCUIT_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_CIRCUIT_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_circuit_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_AUTH_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_auth_new_doit,
		.policy		= fastpath_auth_new_nl_policy,
		.maxattr	= FASTPATH_A_AUTH_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_AUTH_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_auth_del_doit,
		.policy		= fastpath_auth_del_nl_policy,
		.maxattr	= FASTPATH_A_AUTH_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_AUTH_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_auth_get_doit,
		.policy		= fastpath_auth_get_nl_policy,
		.maxattr	= FASTPATH_A_AUTH_CIRCUIT,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_AUTH_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_auth_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_VNET_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_vnet_new_doit,
		.policy		= fastpath_vnet_new_nl_policy,
		.maxattr	= FASTPATH_A_VNET_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_VNET_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_vnet_del_doit,
		.policy		= fastpath_vnet_del_nl_policy,
		.maxattr	= FASTPATH_A_VNET_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_VNET_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_vnet_set_doit,
		.policy		= fastpath_vnet_set_nl_policy,
		.maxattr	= FASTPATH_A_VNET_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_VNET_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_vnet_get_doit,
		.policy		= fastpath_vnet_get_nl_policy,
		.maxattr	= FASTPATH_A_VNET_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_VNET_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_vnet_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_PEERING_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_peering_new_doit,
		.policy		= fastpath_peering_new_nl_policy,
		.maxattr	= FASTPATH_A_PEERING_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_PEERING_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_peering_del_doit,
		.policy		= fastpath_peering_del_nl_policy,
		.maxattr	= FASTPATH_A_PEERING_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_ENDPOINT_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_endpoint_new_doit,
		.policy		= fastpath_endpoint_new_nl_policy,
		.maxattr	= FASTPATH_A_ENDPOINT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_ENDPOINT_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_endpoint_del_doit,
		.policy		= fastpath_endpoint_del_nl_policy,
		.maxattr	= FASTPATH_A_ENDPOINT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_ENDPOINT_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_endpoint_set_doit,
		.policy		= fastpath_endpoint_set_nl_policy,
		.maxattr	= FASTPATH_A_ENDPOINT_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_ENDPOINT_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_endpoint_get_doit,
		.policy		= fastpath_endpoint_get_nl_policy,
		.maxattr	= FASTPATH_A_ENDPOINT_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_ENDPOINT_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_endpoint_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_CONN_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_conn_new_doit,
		.policy		= fastpath_conn_new_nl_policy,
		.maxattr	= FASTPATH_A_CONN_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CONN_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_conn_del_doit,
		.policy		= fastpath_conn_del_nl_policy,
		.maxattr	= FASTPATH_A_CONN_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CONN_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_conn_set_doit,
		.policy		= fastpath_conn_set_nl_policy,
		.maxattr	= FASTPATH_A_CONN_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_CONN_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_conn_get_doit,
		.policy		= fastpath_conn_get_nl_policy,
		.maxattr	= FASTPATH_A_CONN_NAME,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_CONN_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_conn_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_EXCEPTION_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_exception_new_doit,
		.policy		= fastpath_exception_new_nl_policy,
		.maxattr	= FASTPATH_A_EXCEPTION_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_EXCEPTION_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_exception_del_doit,
		.policy		= fastpath_exception_del_nl_policy,
		.maxattr	= FASTPATH_A_EXCEPTION_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_EXCEPTION_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_exception_set_doit,
		.policy		= fastpath_exception_set_nl_policy,
		.maxattr	= FASTPATH_A_EXCEPTION_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_EXCEPTION_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_exception_get_doit,
		.policy		= fastpath_exception_get_nl_policy,
		.maxattr	= FASTPATH_A_EXCEPTION_PREFIX,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_EXCEPTION_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_exception_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_UDR_NEW,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_udr_new_doit,
		.policy		= fastpath_udr_new_nl_policy,
		.maxattr	= FASTPATH_A_UDR_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_UDR_DEL,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_udr_del_doit,
		.policy		= fastpath_udr_del_nl_policy,
		.maxattr	= FASTPATH_A_UDR_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_UDR_SET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_udr_set_doit,
		.policy		= fastpath_udr_set_nl_policy,
		.maxattr	= FASTPATH_A_UDR_DEFER,
		.flags		= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd		= FASTPATH_CMD_UDR_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_udr_get_doit,
		.policy		= fastpath_udr_get_nl_policy,
		.maxattr	= FASTPATH_A_UDR_PREFIX,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_UDR_GET,
		.start	= fp_nl_obj_dump_start,
		.dumpit	= fastpath_nl_udr_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd		= FASTPATH_CMD_STATS_GET,
		.pre_doit	= fp_nl_pre_doit,
		.doit		= fastpath_nl_stats_get_doit,
		.policy		= fastpath_stats_get_nl_policy,
		.maxattr	= FASTPATH_A_STATS_CONN,
		.flags		= GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_STATS_GET,
		.dumpit	= fastpath_nl_stats_get_dumpit,
		.flags	= GENL_CMD_CAP_DUMP,
	},
	{
		.cmd	= FASTPATH_CMD_COMMIT,
		.doit	= fastpath_nl_commit_doit,
		.flags	= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
	{
		.cmd	= FASTPATH_CMD_BATCH,
		.doit	= fastpath_nl_batch_doit,
		.flags	= GENL_UNS_ADMIN_PERM | GENL_CMD_CAP_DO,
	},
};

static const struct genl_multicast_group fastpath_nl_mcgrps[] = {
	[FASTPATH_NLGRP_CONFIG] = { "config", },
};
