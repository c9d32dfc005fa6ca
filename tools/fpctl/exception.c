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
	OBJ_DESC_CMDS(EXCEPTION),
	OBJ_DESC_ATTRS(exception, EXCEPTION),
	.usage = exception_usage,
};

OBJ_COMMAND(exception)
