// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl auth: circuit authorizations.  "auth add" prints the key, the only
 * time it is ever shown.
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field auth_fields[] = {
	{
		.name = "name",
		.attr = FASTPATH_A_AUTH_NAME,
		.type = OT_STR,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "circuit",
		.attr = FASTPATH_A_AUTH_CIRCUIT,
		.type = OT_STR,
		.flags = OF_KEY | OF_COL,
	},
	{
		.name = "redeemed-by",
		.attr = FASTPATH_A_AUTH_REDEEMED_BY,
		.type = OT_STR,
		.flags = OF_COL,
	},
	{
		.name = "key",
		.attr = FASTPATH_A_AUTH_KEY,
		.type = OT_KEY,
		.flags = 0,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_AUTH_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc auth_desc = {
	.name = "auth",
	.cmd_new = FASTPATH_CMD_AUTH_NEW,
	.cmd_del = FASTPATH_CMD_AUTH_DEL,
	.cmd_get = FASTPATH_CMD_AUTH_GET,
	.maxattr = FASTPATH_A_AUTH_MAX,
	.fields = auth_fields,
	.n_fields = ARRAY_SIZE(auth_fields),
	.usage =
	"Usage: fpctl auth add NAME circuit CIRCUIT\n"
	"       fpctl auth del NAME circuit CIRCUIT\n"
	"       fpctl auth { show [ NAME circuit CIRCUIT ] | list }\n"
	"\"auth add\" prints the 128-bit key once; it is never shown again.\n"
	"\"auth del\" revokes it and deletes the connection made with it.\n",
};

void usage_auth(FILE *f)
{
	obj_usage(&auth_desc, f);
}

int do_auth(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &auth_desc, argc, argv);
}
