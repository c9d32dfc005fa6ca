// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl endpoint: VM NICs (a prefix behind a tap or veth device).
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field endpoint_fields[] = {
	OBJ_FIELD("name", FASTPATH_A_ENDPOINT_NAME,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("vnet", FASTPATH_A_ENDPOINT_VNET,
		  OT_STR, OF_ADD | OF_REQ | OF_COL),
	OBJ_FIELD("prefix", FASTPATH_A_ENDPOINT_PREFIX,
		  OT_PREFIX, OF_ADD | OF_SET | OF_REQ | OF_COL),
	OBJ_FIELD("dev", FASTPATH_A_ENDPOINT_IFINDEX,
		  OT_DEV, OF_ADD | OF_SET | OF_COL),
	OBJ_FIELD("mac", FASTPATH_A_ENDPOINT_MAC,
		  OT_MAC, OF_ADD | OF_SET | OF_COL),
	OBJ_FIELD("active", FASTPATH_A_ENDPOINT_ACTIVE, OT_BOOL, OF_COL),
	OBJ_FIELD("id", FASTPATH_A_ENDPOINT_ID, OT_U32, 0),
};

const struct obj_desc endpoint_desc = {
	.name = "endpoint",
	OBJ_DESC_CMDS(ENDPOINT),
	OBJ_DESC_ATTRS(endpoint, ENDPOINT),
	.usage = endpoint_usage,
};

OBJ_COMMAND(endpoint)
