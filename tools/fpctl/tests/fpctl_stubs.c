// SPDX-License-Identifier: GPL-2.0
/*
 * What the command runners of objects.c and stats.c need from fpctl.c,
 * for the unit tests that link those files without fpctl.c: no family,
 * no JSON writer, no dispatch; fpctl_bad_arg() reports like the real one.
 */
#include <stddef.h>

#include "fpctl.h"
#include "utils.h"

int fpctl_dispatch(struct fpctl *ctx, const struct fpctl_cmd *tbl, size_t n,
		   const char *path, const char *dflt,
		   void (*level_usage)(FILE *f), int argc, char **argv)
{
	(void)ctx; (void)tbl; (void)n; (void)path; (void)dflt;
	(void)level_usage; (void)argc; (void)argv;
	return FPCTL_EXIT_ERR;
}

struct nl_ctx *fpctl_family(struct fpctl *ctx)
{
	(void)ctx;
	return NULL;
}

struct json_writer *fpctl_json(struct fpctl *ctx)
{
	(void)ctx;
	return NULL;
}

int fpctl_bad_arg(const char *what, const char *arg)
{
	fp_error("%s: unexpected argument \"%s\"", what, arg);
	return FPCTL_EXIT_USAGE;
}
