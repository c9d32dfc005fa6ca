// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl endpoint: VM NICs (a prefix behind a tap or veth device).
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field endpoint_fields[] = {
	{
		.name = "name",
		.attr = FASTPATH_A_ENDPOINT_NAME,
		.type = OT_STR,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "vnet",
		.attr = FASTPATH_A_ENDPOINT_VNET,
		.type = OT_STR,
		.flags = OF_ADD | OF_REQ | OF_COL,
	},
	{
		.name = "prefix",
		.attr = FASTPATH_A_ENDPOINT_PREFIX,
		.type = OT_PREFIX,
		.flags = OF_ADD | OF_SET | OF_REQ | OF_COL,
	},
	{
		.name = "dev",
		.attr = FASTPATH_A_ENDPOINT_IFINDEX,
		.type = OT_DEV,
		.flags = OF_ADD | OF_SET | OF_COL,
	},
	{
		.name = "mac",
		.attr = FASTPATH_A_ENDPOINT_MAC,
		.type = OT_MAC,
		.flags = OF_ADD | OF_SET | OF_COL,
	},
	{
		.name = "active",
		.attr = FASTPATH_A_ENDPOINT_ACTIVE,
		.type = OT_BOOL,
		.flags = OF_COL,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_ENDPOINT_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc endpoint_desc = {
	.name = "endpoint",
	.cmd_new = FASTPATH_CMD_ENDPOINT_NEW,
	.cmd_del = FASTPATH_CMD_ENDPOINT_DEL,
	.cmd_set = FASTPATH_CMD_ENDPOINT_SET,
	.cmd_get = FASTPATH_CMD_ENDPOINT_GET,
	.maxattr = FASTPATH_A_ENDPOINT_MAX,
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

void usage_endpoint(FILE *f)
{
	obj_usage(&endpoint_desc, f);
}

int do_endpoint(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &endpoint_desc, argc, argv);
}
