// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl connection: gateway connections linking a vnet to a circuit, with
 * the fastpath, peering, udr and private-link flags.
 */
#include <linux/fastpath.h>

#include "objects.h"

/* by bit number of enum fastpath_conn_flags */
static const char *const flag_names[] = {
	"fastpath", "peering", "udr", "private-link",
};

static const struct obj_field conn_fields[] = {
	OBJ_FIELD("name", FASTPATH_A_CONN_NAME,
		  OT_STR, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("circuit", FASTPATH_A_CONN_CIRCUIT,
		  OT_STR, OF_ADD | OF_REQ | OF_COL),
	OBJ_FIELD("vnet", FASTPATH_A_CONN_VNET,
		  OT_STR, OF_ADD | OF_REQ | OF_COL),
	OBJ_NAMED("flags", FASTPATH_A_CONN_FLAGS, OT_FLAG, OF_COL, flag_names),
	OBJ_FIELD("auth", FASTPATH_A_CONN_AUTH, OT_STR, OF_COL),
	OBJ_BIT("fastpath", FASTPATH_A_CONN_FLAGS,
		  OF_ADD | OF_SET, FASTPATH_CONN_F_FASTPATH),
	OBJ_BIT("peering", FASTPATH_A_CONN_FLAGS,
		  OF_ADD | OF_SET, FASTPATH_CONN_F_PEERING),
	OBJ_BIT("udr", FASTPATH_A_CONN_FLAGS,
		  OF_ADD | OF_SET, FASTPATH_CONN_F_UDR),
	OBJ_BIT("private-link", FASTPATH_A_CONN_FLAGS,
		  OF_ADD | OF_SET, FASTPATH_CONN_F_PRIVATE_LINK),
	OBJ_FIELD("auth-key", FASTPATH_A_CONN_AUTH_KEY,
		  OT_KEY, OF_ADD | OF_NOJSON),
	OBJ_FIELD("id", FASTPATH_A_CONN_ID, OT_U32, 0),
};

const struct obj_desc conn_desc = {
	.name = "connection",
	OBJ_DESC_CMDS(CONN),
	OBJ_DESC_ATTRS(conn, CONN),
	.usage = conn_usage,
};

OBJ_COMMAND(conn)
