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
	.maxattr = FASTPATH_A_PEERING_MAX,
	.defer_attr = FASTPATH_A_PEERING_DEFER,
	.fields = peering_fields,
	.n_fields = ARRAY_SIZE(peering_fields),
	.usage =
	"Usage: fpctl peering { add | del } VNET PEER\n"
	"The peers of a vnet are shown by \"fpctl vnet show\".\n",
};

OBJ_COMMAND(peering)
