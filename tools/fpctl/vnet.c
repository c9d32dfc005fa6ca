// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl vnet: virtual networks with their gateway SKU and address spaces.
 */
#include <linux/fastpath.h>

#include "objects.h"

/* by enum fastpath_sku value */
static const char *const sku_names[] = {
	"none", "Standard", "HighPerformance", "UltraPerformance",
	"ErGw1AZ", "ErGw2AZ", "ErGw3AZ", "ErGwScale",
};

static const struct obj_field vnet_fields[] = {
	OBJ_FIELD("name", FASTPATH_A_VNET_NAME,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("region", FASTPATH_A_VNET_REGION,
		  OT_STR, OF_ADD | OF_SET | OF_REQ | OF_COL),
	OBJ_NAMED("sku", FASTPATH_A_VNET_SKU,
		  OT_ENUM, OF_ADD | OF_SET | OF_COL, sku_names),
	OBJ_U32("units", FASTPATH_A_VNET_UNITS, OF_ADD | OF_SET | OF_COL,
		FASTPATH_SCALE_UNITS_MAX),
	OBJ_FIELD("conns", FASTPATH_A_VNET_CONNS, OT_U32, OF_COL),
	OBJ_FIELD("max-conns", FASTPATH_A_VNET_MAX_CONNS, OT_U32, OF_COL),
	OBJ_FIELD("spaces", FASTPATH_A_VNET_SPACES,
		  OT_SPACES, OF_ADD | OF_SET | OF_COL),
	OBJ_FIELD("peers", FASTPATH_A_VNET_PEER, OT_STRLIST, OF_COL),
	OBJ_FIELD("subscription", FASTPATH_A_VNET_SUBSCRIPTION,
		  OT_UUID, OF_ADD | OF_REQ),
	OBJ_FIELD("id", FASTPATH_A_VNET_ID, OT_U32, 0),
};

const struct obj_desc vnet_desc = {
	.name = "vnet",
	OBJ_DESC_CMDS(VNET),
	OBJ_DESC_ATTRS(vnet, VNET),
	.usage = vnet_usage,
};

OBJ_COMMAND(vnet)
