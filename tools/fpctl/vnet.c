// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl vnet: virtual networks with their gateway SKU and address spaces.
 */
#include <linux/fastpath.h>

#include "objects.h"

/* by enum fastpath_sku value */
static const char *const sku_names[] = {
	"none", "Standard", "HighPerformance", "UltraPerformance",
	"ErGw1AZ", "ErGw2AZ", "ErGw3AZ", "ErGwScale",
};

static const struct obj_field vnet_fields[] = {
	{
		.name = "name",
		.attr = FASTPATH_A_VNET_NAME,
		.type = OT_STR,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "region",
		.attr = FASTPATH_A_VNET_REGION,
		.type = OT_STR,
		.flags = OF_ADD | OF_SET | OF_REQ | OF_COL,
	},
	{
		.name = "sku",
		.attr = FASTPATH_A_VNET_SKU,
		.type = OT_ENUM,
		.flags = OF_ADD | OF_SET | OF_COL,
		.names = sku_names,
		.n_names = ARRAY_SIZE(sku_names),
	},
	{
		.name = "units",
		.attr = FASTPATH_A_VNET_UNITS,
		.type = OT_U32,
		.flags = OF_ADD | OF_SET | OF_COL,
		.max = 40,
	},
	{
		.name = "conns",
		.attr = FASTPATH_A_VNET_CONNS,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "max-conns",
		.attr = FASTPATH_A_VNET_MAX_CONNS,
		.type = OT_U32,
		.flags = OF_COL,
	},
	{
		.name = "spaces",
		.attr = FASTPATH_A_VNET_SPACES,
		.type = OT_SPACES,
		.flags = OF_ADD | OF_SET | OF_COL,
	},
	{
		.name = "peers",
		.attr = FASTPATH_A_VNET_PEER,
		.type = OT_STRLIST,
		.flags = OF_COL,
	},
	{
		.name = "subscription",
		.attr = FASTPATH_A_VNET_SUBSCRIPTION,
		.type = OT_UUID,
		.flags = OF_ADD | OF_REQ,
	},
	{
		.name = "id",
		.attr = FASTPATH_A_VNET_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc vnet_desc = {
	.name = "vnet",
	.cmd_new = FASTPATH_CMD_VNET_NEW,
	.cmd_del = FASTPATH_CMD_VNET_DEL,
	.cmd_set = FASTPATH_CMD_VNET_SET,
	.cmd_get = FASTPATH_CMD_VNET_GET,
	.maxattr = FASTPATH_A_VNET_MAX,
	.fields = vnet_fields,
	.n_fields = ARRAY_SIZE(vnet_fields),
	.usage =
	"Usage: fpctl vnet add NAME subscription UUID region REGION\n"
	"                      [ sku SKU [ units N ] ] [ spaces PREFIX[,PREFIX...] ]\n"
	"       fpctl vnet set NAME [ region REGION ] [ sku SKU ] [ units N ]\n"
	"                      [ spaces { PREFIX[,PREFIX...] | none } ]\n"
	"       fpctl vnet del NAME\n"
	"       fpctl vnet { show [ NAME ] | list }\n"
	"SKU := none | Standard | HighPerformance | UltraPerformance |\n"
	"       ErGw1AZ | ErGw2AZ | ErGw3AZ | ErGwScale (with units 1..40)\n"
	"\"set spaces\" replaces the whole list.  Peerings: fpctl peering.\n",
};

void usage_vnet(FILE *f)
{
	obj_usage(&vnet_desc, f);
}

int do_vnet(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &vnet_desc, argc, argv);
}
