// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl circuit: ExpressRoute circuits (one uplink device each).
 */
#include <linux/fastpath.h>

#include "objects.h"

static const char *const tier_names[] = { "standard", "premium" };
static const char *const port_names[] = { "none", "10G", "100G" };

static const struct obj_field circuit_fields[] = {
	OBJ_FIELD("name", FASTPATH_A_CIRCUIT_NAME,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("dev", FASTPATH_A_CIRCUIT_IFINDEX,
		  OT_DEV, OF_ADD | OF_SET | OF_COL),
	OBJ_NAMED("tier", FASTPATH_A_CIRCUIT_TIER,
		  OT_ENUM, OF_ADD | OF_SET | OF_COL, tier_names),
	OBJ_FIELD("bandwidth", FASTPATH_A_CIRCUIT_BANDWIDTH,
		  OT_MBPS, OF_ADD | OF_SET | OF_REQ | OF_COL),
	OBJ_NAMED("port", FASTPATH_A_CIRCUIT_PORT,
		  OT_ENUM, OF_ADD | OF_SET | OF_COL, port_names),
	OBJ_FIELD("subscription", FASTPATH_A_CIRCUIT_SUBSCRIPTION,
		  OT_UUID, OF_ADD | OF_REQ),
	OBJ_U32("route-limit", FASTPATH_A_CIRCUIT_ROUTE_LIMIT,
		  OF_ADD | OF_SET, FASTPATH_ROUTE_LIMIT_MAX),
	OBJ_FIELD("limit", FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE,
		  OT_U32, OF_COL),
	OBJ_FIELD("installed", FASTPATH_A_CIRCUIT_ROUTES_INSTALLED,
		  OT_U32, OF_COL),
	OBJ_FIELD("pending", FASTPATH_A_CIRCUIT_ROUTES_PENDING,
		  OT_U32, OF_COL),
	OBJ_FIELD("links", FASTPATH_A_CIRCUIT_LINKS, OT_U32, OF_COL),
	OBJ_FIELD("max-links", FASTPATH_A_CIRCUIT_MAX_LINKS, OT_U32, OF_COL),
	OBJ_FIELD("auths", FASTPATH_A_CIRCUIT_AUTHS, OT_U32, OF_COL),
	OBJ_FIELD("active", FASTPATH_A_CIRCUIT_ACTIVE, OT_BOOL, OF_COL),
	OBJ_FIELD("id", FASTPATH_A_CIRCUIT_ID, OT_U32, 0),
};

const struct obj_desc circuit_desc = {
	.name = "circuit",
	OBJ_DESC_CMDS(CIRCUIT),
	OBJ_DESC_ATTRS(circuit, CIRCUIT),
	.usage = circuit_usage,
};

OBJ_COMMAND(circuit)
