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
	{
		.name = "name",
		.attr = FASTPATH_A_CONN_NAME,
		.type = OT_STR,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "circuit",
		.attr = FASTPATH_A_CONN_CIRCUIT,
		.type = OT_STR,
		.flags = OF_ADD | OF_REQ | OF_COL,
	},
	{
		.name = "vnet",
		.attr = FASTPATH_A_CONN_VNET,
		.type = OT_STR,
		.flags = OF_ADD | OF_REQ | OF_COL,
	},
	{
		.name = "flags",
		.attr = FASTPATH_A_CONN_FLAGS,
		.type = OT_FLAG,
		.flags = OF_COL,
		.names = flag_names,
		.n_names = ARRAY_SIZE(flag_names),
	},
	{
		.name = "auth",
		.attr = FASTPATH_A_CONN_AUTH,
		.type = OT_STR,
		.flags = OF_COL,
	},
	{
		.name = "fastpath",
		.attr = FASTPATH_A_CONN_FLAGS,
		.type = OT_FLAG,
		.flags = OF_ADD | OF_SET,
		.bit = FASTPATH_CONN_F_FASTPATH,
	},
	{
		.name = "peering",
		.attr = FASTPATH_A_CONN_FLAGS,
		.type = OT_FLAG,
		.flags = OF_ADD | OF_SET,
		.bit = FASTPATH_CONN_F_PEERING,
	},
	{
		.name = "udr",
		.attr = FASTPATH_A_CONN_FLAGS,
		.type = OT_FLAG,
		.flags = OF_ADD | OF_SET,
		.bit = FASTPATH_CONN_F_UDR,
	},
	{
		.name = "private-link",
		.attr = FASTPATH_A_CONN_FLAGS,
		.type = OT_FLAG,
		.flags = OF_ADD | OF_SET,
		.bit = FASTPATH_CONN_F_PRIVATE_LINK,
	},
	{
		.name = "auth-key",
		.attr = FASTPATH_A_CONN_AUTH_KEY,
		.type = OT_KEY,
		.flags = OF_ADD | OF_NOJSON,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_CONN_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc conn_desc = {
	.name = "connection",
	.cmd_new = FASTPATH_CMD_CONN_NEW,
	.cmd_del = FASTPATH_CMD_CONN_DEL,
	.cmd_set = FASTPATH_CMD_CONN_SET,
	.cmd_get = FASTPATH_CMD_CONN_GET,
	.maxattr = FASTPATH_A_CONN_MAX,
	.fields = conn_fields,
	.n_fields = ARRAY_SIZE(conn_fields),
	.usage =
	"Usage: fpctl connection add NAME circuit CIRCUIT vnet VNET [ FLAG { on | off } ]...\n"
	"                            [ auth-key KEY ]\n"
	"       fpctl connection set NAME FLAG { on | off } [ FLAG { on | off } ]...\n"
	"       fpctl connection del NAME\n"
	"       fpctl connection { show [ NAME ] | list }\n"
	"FLAG := fastpath | peering | udr | private-link\n"
	"KEY := the 32 hex digits \"fpctl auth add\" printed; needed when the\n"
	"       circuit and the vnet belong to different subscriptions.\n",
};

void usage_conn(FILE *f)
{
	obj_usage(&conn_desc, f);
}

int do_conn(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &conn_desc, argc, argv);
}
