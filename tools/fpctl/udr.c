// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl udr: user-defined routes on a vnet's gateway subnet, pointing at
 * an NVA endpoint.
 */
#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_field udr_fields[] = {
	OBJ_FIELD("prefix", FASTPATH_A_UDR_PREFIX,
		  OT_PREFIX, OF_KEY | OF_POS | OF_COL),
	OBJ_FIELD("vnet", FASTPATH_A_UDR_VNET, OT_STR, OF_KEY | OF_COL),
	OBJ_FIELD("nexthop", FASTPATH_A_UDR_NEXTHOP,
		  OT_STR, OF_ADD | OF_SET | OF_REQ | OF_COL),
	OBJ_FIELD("id", FASTPATH_A_UDR_ID, OT_U32, 0),
};

const struct obj_desc udr_desc = {
	.name = "udr",
	.cmd_new = FASTPATH_CMD_UDR_NEW,
	.cmd_del = FASTPATH_CMD_UDR_DEL,
	.cmd_set = FASTPATH_CMD_UDR_SET,
	.cmd_get = FASTPATH_CMD_UDR_GET,
	.maxattr = FASTPATH_A_UDR_MAX,
	.defer_attr = FASTPATH_A_UDR_DEFER,
	.fields = udr_fields,
	.n_fields = ARRAY_SIZE(udr_fields),
	.usage =
	"Usage: fpctl udr { add | set } PREFIX vnet VNET nexthop ENDPOINT\n"
	"       fpctl udr del PREFIX vnet VNET\n"
	"       fpctl udr { show [ PREFIX vnet VNET ] | list }\n"
	"IPv4 only; the next hop is an endpoint (NVA) in VNET or a peered vnet.\n",
};

OBJ_COMMAND(udr)
