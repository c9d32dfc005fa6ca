// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl version: versions of the tool, of its UAPI and of the loaded module.
 */
#include <errno.h>
#include <string.h>

#include <linux/fastpath.h>

#include "fpctl.h"
#include "utils.h"

struct module_info {
	char version[128];	/* "" if the module did not say */
	char kernel[128];
	bool has_uapi;
	uint32_t uapi;
};

void usage_version(FILE *f)
{
	fprintf(f,
		"Usage: fpctl [ -j [ -p ] ] version\n"
		"\n"
		"Print the version of fpctl and of the UAPI it was built for,\n"
		"then ask the fastpath module for its version, UAPI and the\n"
		"kernel release.  Fails (exit 1) if the module is not loaded.\n");
}

static int info_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[FASTPATH_A_INFO_MAX + 1];
	struct module_info *info = data;
	const char *s;

	if (nl_genl_parse(nlh, tb, FASTPATH_A_INFO_MAX)) {
		fp_error("malformed reply to FASTPATH_CMD_INFO_GET");
		return -EBADMSG;
	}
	s = nl_attr_str(tb[FASTPATH_A_INFO_MODULE_VERSION]);
	if (s)
		snprintf(info->version, sizeof(info->version), "%s", s);
	s = nl_attr_str(tb[FASTPATH_A_INFO_KERNEL_RELEASE]);
	if (s)
		snprintf(info->kernel, sizeof(info->kernel), "%s", s);
	info->has_uapi = !nl_attr_u32(tb[FASTPATH_A_INFO_UAPI_VERSION],
				      &info->uapi);
	return NL_CB_OK;
}

static void print_json(struct fpctl *ctx, const struct module_info *info)
{
	struct json_writer *jw = fpctl_json(ctx);

	if (!jw)
		return;
	jsonw_start_object(jw);
	jsonw_start_object_field(jw, "tool");
	jsonw_string_field(jw, "version", FPCTL_VERSION);
	jsonw_uint_field(jw, "uapi", FASTPATH_UAPI_VERSION);
	jsonw_end_object(jw);
	if (!info) {
		jsonw_null_field(jw, "module");
	} else {
		jsonw_start_object_field(jw, "module");
		if (info->version[0])
			jsonw_string_field(jw, "version", info->version);
		else
			jsonw_null_field(jw, "version");
		if (info->has_uapi)
			jsonw_uint_field(jw, "uapi", info->uapi);
		else
			jsonw_null_field(jw, "uapi");
		if (info->kernel[0])
			jsonw_string_field(jw, "kernel", info->kernel);
		else
			jsonw_null_field(jw, "kernel");
		jsonw_end_object(jw);
	}
	jsonw_end_object(jw);
	jsonw_destroy(jw);
}

int do_version(struct fpctl *ctx, int argc, char **argv)
{
	struct module_info info = { 0 };
	struct nlmsghdr *nlh;
	struct nl_ctx *nl;

	if (argc)
		return fpctl_bad_arg("version", argv[0]);

	if (!ctx->json) {
		printf("fpctl %s (uapi %u)\n", FPCTL_VERSION,
		       FASTPATH_UAPI_VERSION);
		fflush(stdout);
	}
	nl = fpctl_family(ctx);
	if (!nl)
		goto no_module;
	nlh = nl_msg_genl(nl, ctx->family.id, FASTPATH_CMD_INFO_GET,
			  FASTPATH_FAMILY_VERSION, 0);
	if (nl_exec(nl, nlh, info_cb, &info))
		goto no_module;

	if (!info.has_uapi)
		fp_warn("the fastpath module did not report its uapi version");
	else if (info.uapi != FASTPATH_UAPI_VERSION)
		fp_warn("the fastpath module speaks uapi %u but fpctl was built for uapi %u; install matching versions",
			info.uapi, FASTPATH_UAPI_VERSION);

	if (ctx->json) {
		print_json(ctx, &info);
	} else {
		printf("fastpath module %s", info.version[0] ?
		       info.version : "(unknown version)");
		if (info.has_uapi)
			printf(" (uapi %u)", info.uapi);
		printf(" on kernel %s\n", info.kernel[0] ?
		       info.kernel : "(unknown)");
	}
	return FPCTL_EXIT_OK;

no_module:
	if (ctx->json)
		print_json(ctx, NULL);
	return FPCTL_EXIT_ERR;
}
