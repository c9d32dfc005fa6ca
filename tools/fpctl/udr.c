// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl udr: user-defined routes on a vnet's gateway subnet, pointing at
 * an NVA endpoint.
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field udr_fields[] = {
	OBJ_FIELD("prefix", FASTPATH_A_UDR_PREFIX,
		  OT_PREFIX, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("vnet", FASTPATH_A_UDR_VNET, OT_STR, OF_KEY | OF_COL),
	OBJ_FIELD("nexthop", FASTPATH_A_UDR_NEXTHOP,
		  OT_STR, OF_ADD | OF_SET | OF_REQ | OF_COL),
	OBJ_FIELD("id", FASTPATH_A_UDR_ID, OT_U32, 0),
};

const struct obj_desc udr_desc = {
	.name = "udr",
	OBJ_DESC_CMDS(UDR),
	OBJ_DESC_ATTRS(udr, UDR),
	.usage = udr_usage,
};

OBJ_COMMAND(udr)
