// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl debug: hidden developer helpers (not listed by "fpctl help").
 *
 *   fpctl debug family NAME	resolve any generic netlink family, e.g.
 *				"nlctrl", which always exists; proves the
 *				netlink layer works without the module.
 */
#include <errno.h>
#include <string.h>

#include "fpctl.h"
#include "utils.h"

void usage_debug(FILE *f)
{
	fprintf(f,
		"Usage: fpctl [ -j [ -p ] ] debug family NAME\n"
		"\n"
		"Resolve the generic netlink family NAME (e.g. nlctrl) and\n"
		"print its id, version, header size, maximum attribute and\n"
		"multicast groups.\n");
}

static int debug_family(struct fpctl *ctx, int argc, char **argv)
{
	struct nl_family fam;
	struct nl_ctx *nl;
	unsigned int i;
	int err;

	if (argc != 1) {
		fp_error("usage: fpctl debug family NAME");
		return FPCTL_EXIT_USAGE;
	}
	nl = fpctl_nl(ctx);
	if (!nl)
		return FPCTL_EXIT_ERR;
	err = nl_family_resolve(nl, argv[0], &fam);
	if (err == -ENOENT) {
		fp_error("generic netlink family \"%s\" not found", argv[0]);
		return FPCTL_EXIT_ERR;
	}
	if (err) {
		nl_print_error(nl);
		return FPCTL_EXIT_ERR;
	}

	if (ctx->json) {
		struct json_writer *jw = fpctl_json(ctx);

		if (!jw)
			return FPCTL_EXIT_ERR;
		jsonw_start_object(jw);
		jsonw_string_field(jw, "name", fam.name);
		jsonw_uint_field(jw, "id", fam.id);
		jsonw_uint_field(jw, "version", fam.version);
		jsonw_uint_field(jw, "hdrsize", fam.hdrsize);
		jsonw_uint_field(jw, "maxattr", fam.maxattr);
		jsonw_start_array_field(jw, "mcast_groups");
		for (i = 0; i < fam.n_mcgrps; i++) {
			jsonw_start_object(jw);
			jsonw_string_field(jw, "name", fam.mcgrps[i].name);
			jsonw_uint_field(jw, "id", fam.mcgrps[i].id);
			jsonw_end_object(jw);
		}
		jsonw_end_array(jw);
		jsonw_end_object(jw);
		jsonw_destroy(jw);
		return FPCTL_EXIT_OK;
	}
	printf("%s: id %u version %u hdrsize %u maxattr %u\n", fam.name,
	       fam.id, fam.version, fam.hdrsize, fam.maxattr);
	for (i = 0; i < fam.n_mcgrps; i++)
		printf("    mcast group %s id %u\n", fam.mcgrps[i].name,
		       fam.mcgrps[i].id);
	return FPCTL_EXIT_OK;
}

static const struct fpctl_cmd debug_commands[] = {
	{ "family", debug_family, usage_debug,
	  "resolve a generic netlink family" },
};

int do_debug(struct fpctl *ctx, int argc, char **argv)
{
	return fpctl_dispatch(ctx, debug_commands, ARRAY_SIZE(debug_commands),
			      "debug", NULL, usage_debug, argc, argv);
}
