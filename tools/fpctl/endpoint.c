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
	.cmd_new = FASTPATH_CMD_ENDPOINT_NEW,
	.cmd_del = FASTPATH_CMD_ENDPOINT_DEL,
	.cmd_set = FASTPATH_CMD_ENDPOINT_SET,
	.cmd_get = FASTPATH_CMD_ENDPOINT_GET,
	.maxattr = FASTPATH_A_ENDPOINT_MAX,
	.defer_attr = FASTPATH_A_ENDPOINT_DEFER,
	.fields = endpoint_fields,
	.n_fields = ARRAY_SIZE(endpoint_fields),
	.usage =
	"Usage: fpctl endpoint add NAME vnet VNET prefix PREFIX [ dev DEV ]\n"
	"                          [ mac LLADDR ]\n"
	"       fpctl endpoint set NAME [ prefix PREFIX ] [ dev { DEV | none } ]\n"
	"                          [ mac { LLADDR | none } ]\n"
	"       fpctl endpoint del NAME\n"
	"       fpctl endpoint { show [ NAME ] | list }\n"
	"A bare address is a host prefix (/32 or /128).  Without a MAC the\n"
	"neighbour table of the device resolves it.\n",
};

OBJ_COMMAND(endpoint)
