// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl exception: prefixes whose traffic must go through the gateway.
 */
#include <linux/fastpath.h>

#include "objects.h"

/* by enum fastpath_exception_kind value, as the spec spells them */
#define KIND_NAME(id, name)	[FASTPATH_EXCEPTION_KIND_##id] = name,
static const char *const kind_names[] = {
	FASTPATH_EXCEPTION_KINDS(KIND_NAME, KIND_NAME)
};

static const struct obj_field exception_fields[] = {
	OBJ_FIELD("prefix", FASTPATH_A_EXCEPTION_PREFIX,
		  OT_PREFIX, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("vnet", FASTPATH_A_EXCEPTION_VNET, OT_STR, OF_KEY | OF_COL),
	OBJ_NAMED("kind", FASTPATH_A_EXCEPTION_KIND,
		  OT_ENUM, OF_ADD | OF_SET | OF_REQ | OF_COL, kind_names),
	OBJ_FIELD("id", FASTPATH_A_EXCEPTION_ID, OT_U32, 0),
};

const struct obj_desc exception_desc = {
	.name = "exception",
	.cmd_new = FASTPATH_CMD_EXCEPTION_NEW,
	.cmd_del = FASTPATH_CMD_EXCEPTION_DEL,
	.cmd_set = FASTPATH_CMD_EXCEPTION_SET,
	.cmd_get = FASTPATH_CMD_EXCEPTION_GET,
	.maxattr = FASTPATH_A_EXCEPTION_MAX,
	.defer_attr = FASTPATH_A_EXCEPTION_DEFER,
	.fields = exception_fields,
	.n_fields = ARRAY_SIZE(exception_fields),
	.usage =
	"Usage: fpctl exception { add | set } PREFIX vnet VNET kind KIND\n"
	"       fpctl exception del PREFIX vnet VNET\n"
	"       fpctl exception { show [ PREFIX vnet VNET ] | list }\n"
	"KIND := private-endpoint | internal-lb | basic-lb | dns-resolver |\n"
	"        cross-region | manual\n",
};

OBJ_COMMAND(exception)
