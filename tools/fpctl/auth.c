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
	.maxattr = FASTPATH_A_AUTH_MAX,
	.defer_attr = FASTPATH_A_AUTH_DEFER,
	.fields = auth_fields,
	.n_fields = ARRAY_SIZE(auth_fields),
	.usage =
	"Usage: fpctl auth add NAME circuit CIRCUIT\n"
	"       fpctl auth del NAME circuit CIRCUIT\n"
	"       fpctl auth { show [ NAME circuit CIRCUIT ] | list }\n"
	"\"auth add\" prints the 128-bit key once; it is never shown again.\n"
	"\"auth del\" revokes it and deletes the connection made with it.\n",
};

OBJ_COMMAND(auth)
