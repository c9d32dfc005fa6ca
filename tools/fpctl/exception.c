// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl exception: prefixes whose traffic must go through the gateway.
 */
#include <linux/fastpath.h>

#include "objects.h"

/* by enum fastpath_exception_kind value */
static const char *const kind_names[] = {
	"private-endpoint", "internal-lb", "basic-lb", "dns-resolver",
	"cross-region", "manual",
};

static const struct obj_field exception_fields[] = {
	{
		.name = "prefix",
		.attr = FASTPATH_A_EXCEPTION_PREFIX,
		.type = OT_PREFIX,
		.flags = OF_KEY | OF_POS | OF_COL,
	},
	{
		.name = "vnet",
		.attr = FASTPATH_A_EXCEPTION_VNET,
		.type = OT_STR,
		.flags = OF_KEY | OF_COL,
	},
	{
		.name = "kind",
		.attr = FASTPATH_A_EXCEPTION_KIND,
		.type = OT_ENUM,
		.flags = OF_ADD | OF_SET | OF_REQ | OF_COL,
		.names = kind_names,
		.n_names = ARRAY_SIZE(kind_names),
	},
	{
		.name = "id",
		.attr = FASTPATH_A_EXCEPTION_ID,
		.type = OT_U32,
		.flags = 0,
	},
};

const struct obj_desc exception_desc = {
	.name = "exception",
	.cmd_new = FASTPATH_CMD_EXCEPTION_NEW,
	.cmd_del = FASTPATH_CMD_EXCEPTION_DEL,
	.cmd_set = FASTPATH_CMD_EXCEPTION_SET,
	.cmd_get = FASTPATH_CMD_EXCEPTION_GET,
	.maxattr = FASTPATH_A_EXCEPTION_MAX,
	.fields = exception_fields,
	.n_fields = ARRAY_SIZE(exception_fields),
	.usage =
	"Usage: fpctl exception { add | set } PREFIX vnet VNET kind KIND\n"
	"       fpctl exception del PREFIX vnet VNET\n"
	"       fpctl exception { show [ PREFIX vnet VNET ] | list }\n"
	"KIND := private-endpoint | internal-lb | basic-lb | dns-resolver |\n"
	"        cross-region | manual\n",
};

void usage_exception(FILE *f)
{
	obj_usage(&exception_desc, f);
}

int do_exception(struct fpctl *ctx, int argc, char **argv)
{
	return obj_run(ctx, &exception_desc, argc, argv);
}
