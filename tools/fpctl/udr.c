// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl udr: user-defined routes on a vnet's gateway subnet, pointing at
 * an NVA endpoint.
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field udr_fields[] = {
	{
		.name = "prefix",
		.attr = FASTPATH_A_UDR_PREFIX,
		.type = OT_PREFIX,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "vnet",
		.attr = FASTPATH_A_UDR_VNET,
		.type = OT_STR,
		.flags = OF_KEY | OF_COL,
	},
	{
		.name = "nexthop",
		.attr = FASTPATH_A_UDR_NEXTHOP,
		.type = OT_STR,
		.flags = OF_ADD | OF_SET | OF_REQ | OF_COL,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_UDR_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc udr_desc = {
	.name = "udr",
	.cmd_new = FASTPATH_CMD_UDR_NEW,
	.cmd_del = FASTPATH_CMD_UDR_DEL,
	.cmd_set = FASTPATH_CMD_UDR_SET,
	.cmd_get = FASTPATH_CMD_UDR_GET,
	.maxattr = FASTPATH_A_UDR_MAX,
	.fields = udr_fields,
	.n_fields = ARRAY_SIZE(udr_fields),
	.usage =
	"Usage: fpctl udr { add | set } PREFIX vnet VNET nexthop ENDPOINT\n"
	"       fpctl udr del PREFIX vnet VNET\n"
	"       fpctl udr { show [ PREFIX vnet VNET ] | list }\n"
	"IPv4 only; the next hop is an endpoint (NVA) in VNET or a peered vnet.\n",
};

void usage_udr(FILE *f)
{
	obj_usage(&udr_desc, f);
}

int do_udr(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &udr_desc, argc, argv);
}
