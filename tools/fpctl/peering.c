// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl peering: symmetric vnet peerings ("fpctl vnet show" lists them).
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field peering_fields[] = {
	OBJ_FIELD("vnet", FASTPATH_A_PEERING_VNET,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("peer", FASTPATH_A_PEERING_PEER,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
};

const struct obj_desc peering_desc = {
	.name = "peering",
	.cmd_new = FASTPATH_CMD_PEERING_NEW,
	.cmd_del = FASTPATH_CMD_PEERING_DEL,
	OBJ_DESC_ATTRS(peering, PEERING),
	.usage = peering_usage,
};

OBJ_COMMAND(peering)
