// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl auth: circuit authorizations.  "auth add" prints the key, the only
 * time it is ever shown.
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field auth_fields[] = {
	OBJ_FIELD("name", FASTPATH_A_AUTH_NAME,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("circuit", FASTPATH_A_AUTH_CIRCUIT, OT_STR, OF_KEY | OF_COL),
	OBJ_FIELD("redeemed-by", FASTPATH_A_AUTH_REDEEMED_BY, OT_STR, OF_COL),
	OBJ_FIELD("key", FASTPATH_A_AUTH_KEY, OT_KEY, 0),
	OBJ_FIELD("id", FASTPATH_A_AUTH_ID, OT_U32, 0),
};

const struct obj_desc auth_desc = {
	.name = "auth",
	.cmd_new = FASTPATH_CMD_AUTH_NEW,
	.cmd_del = FASTPATH_CMD_AUTH_DEL,
	.cmd_get = FASTPATH_CMD_AUTH_GET,
	OBJ_DESC_ATTRS(auth, AUTH),
	.usage = auth_usage,
};

OBJ_COMMAND(auth)
