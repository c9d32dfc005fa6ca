// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl circuit: ExpressRoute circuits (one uplink device each).
 */
#include <linux/fastpath.h>

#include "objects.h"

static const char *const tier_names[] = { "standard", "premium" };
static const char *const port_names[] = { "none", "10G", "100G" };

static const struct obj_field circuit_fields[] = {
	{
		.name = "name",
		.attr = FASTPATH_A_CIRCUIT_NAME,
		.type = OT_STR,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "dev",
		.attr = FASTPATH_A_CIRCUIT_IFINDEX,
		.type = OT_DEV,
		.flags = OF_ADD | OF_SET | OF_COL,
	},
	{
		.name = "tier",
		.attr = FASTPATH_A_CIRCUIT_TIER,
		.type = OT_ENUM,
		.flags = OF_ADD | OF_SET | OF_COL,
		.names = tier_names,
		.n_names = ARRAY_SIZE(tier_names),
	},
	{
		.name = "bandwidth",
		.attr = FASTPATH_A_CIRCUIT_BANDWIDTH,
		.type = OT_MBPS,
		.flags = OF_ADD | OF_SET | OF_REQ | OF_COL,
	},
	{
		.name = "port",
		.attr = FASTPATH_A_CIRCUIT_PORT,
		.type = OT_ENUM,
		.flags = OF_ADD | OF_SET | OF_COL,
		.names = port_names,
		.n_names = ARRAY_SIZE(port_names),
	},
	{
		.name = "subscription",
		.attr = FASTPATH_A_CIRCUIT_SUBSCRIPTION,
		.type = OT_UUID,
		.flags = OF_ADD | OF_REQ,
	},
	{
		.name = "route-limit",
		.attr = FASTPATH_A_CIRCUIT_ROUTE_LIMIT,
		.type = OT_U32,
		.flags = OF_ADD | OF_SET,
		.max = 16777216,
	},
	{
		.name = "limit",
		.attr = FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "links",
		.attr = FASTPATH_A_CIRCUIT_LINKS,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "max-links",
		.attr = FASTPATH_A_CIRCUIT_MAX_LINKS,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "auths",
		.attr = FASTPATH_A_CIRCUIT_AUTHS,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "active",
		.attr = FASTPATH_A_CIRCUIT_ACTIVE,
		.type = OT_BOOL,
		.flags = OF_COL,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_CIRCUIT_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc circuit_desc = {
	.name = "circuit",
	.cmd_new = FASTPATH_CMD_CIRCUIT_NEW,
	.cmd_del = FASTPATH_CMD_CIRCUIT_DEL,
	.cmd_set = FASTPATH_CMD_CIRCUIT_SET,
	.cmd_get = FASTPATH_CMD_CIRCUIT_GET,
	.maxattr = FASTPATH_A_CIRCUIT_MAX,
	.fields = circuit_fields,
	.n_fields = ARRAY_SIZE(circuit_fields),
	.usage =
	"Usage: fpctl circuit add NAME subscription UUID bandwidth BW\n"
	"                         [ dev DEV ] [ tier { standard | premium } ]\n"
	"                         [ port { none | 10G | 100G } ] [ route-limit N ]\n"
	"       fpctl circuit set NAME [ dev { DEV | none } ] [ tier TIER ]\n"
	"                         [ bandwidth BW ] [ port PORT ] [ route-limit N ]\n"
	"       fpctl circuit del NAME\n"
	"       fpctl circuit { show [ NAME ] | list }\n"
	"BW := 50M | 100M | 200M | 500M | 1G | 2G | 5G | 10G | 40G | 100G\n"
	"route-limit 0 restores the default of the port.\n",
};

void usage_circuit(FILE *f)
{
	obj_usage(&circuit_desc, f);
}

int do_circuit(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &circuit_desc, argc, argv);
}
