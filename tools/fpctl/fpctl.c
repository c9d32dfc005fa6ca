// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: configure the fastpath kernel module (ExpressRoute FastPath for
 * Linux hosts) over its generic netlink family.
 *
 * This file holds main(): global options, the command table and its
 * dispatcher, -n NETNS and -batch.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <linux/fastpath.h>

#include "fpctl.h"
#include "objects.h"
#include "utils.h"

#define NETNS_RUN_DIR	"/run/netns"

static void usage(FILE *f);
static int do_help(struct fpctl *ctx, int argc, char **argv);

/*
 * The objects and commands of "fpctl OBJECT ...", in the order "fpctl help"
 * lists them.  Abbreviations must be unique ("fpctl v" is "version"); keep
 * that in mind when naming new entries.
 */
static const struct fpctl_cmd commands[] = {
	{ "circuit", do_circuit, usage_circuit,
	  "ExpressRoute circuits (uplink devices)" },
	{ "auth", do_auth, usage_auth, "circuit authorizations" },
	{ "vnet", do_vnet, usage_vnet,
	  "virtual networks: gateway SKU, address spaces" },
	{ "peering", do_peering, usage_peering, "vnet peerings" },
	{ "endpoint", do_endpoint, usage_endpoint, "VM NICs" },
	{ "connection", do_conn, usage_conn,
	  "gateway connections (vnet to circuit) and their flags" },
	{ "exception", do_exception, usage_exception,
	  "prefixes that always go through the gateway" },
	{ "udr", do_udr, usage_udr,
	  "user-defined routes to an NVA endpoint" },
	{ "monitor", do_monitor, usage_monitor,
	  "print configuration changes as they happen" },
	{ "stats", do_stats, usage_stats,
	  "packet counters per reason, per circuit and connection" },
	{ "save", do_save, usage_save,
	  "print the configuration as -batch lines that re-create it" },
	{ "version", do_version, usage_version,
	  "show the versions of fpctl and of the fastpath module" },
	{ "help", do_help, NULL,
	  "show this help, or \"help OBJECT\" for an object's help" },
};

static void usage_commit(FILE *f)
{
	fprintf(f,
		"Usage: fpctl commit\n"
		"\n"
		"Publish every deferred change (see -batch) to the data path now.\n");
}

/*
 * Send COMMIT: publish what the DEFER flag of -batch left unpublished.
 * Returns an FPCTL_EXIT_* code.
 */
static int batch_commit(struct fpctl *ctx)
{
	struct nlmsghdr *nlh;
	struct nl_ctx *nl;

	ctx->deferred = false;
	nl = fpctl_family(ctx);
	if (!nl)
		return FPCTL_EXIT_ERR;
	nlh = nl_msg_genl(nl, ctx->family.id, FASTPATH_CMD_COMMIT,
			  FASTPATH_FAMILY_VERSION, 0);
	return nl_exec(nl, nlh, NULL, NULL) ? FPCTL_EXIT_ERR : FPCTL_EXIT_OK;
}

static int do_commit(struct fpctl *ctx, int argc, char **argv)
{
	if (argc)
		return fpctl_bad_arg("commit", argv[0]);
	return batch_commit(ctx);
}

/*
 * Not listed by "help" and only run when spelled out in full ("commit"
 * must not make "fpctl co", i.e. connection, ambiguous).
 */
static const struct fpctl_cmd hidden_commands[] = {
	{ "debug", do_debug, usage_debug, "developer helpers" },
	{ "commit", do_commit, usage_commit,
	  "publish deferred changes now" },
};

enum {
	OPT_JSON,
	OPT_PRETTY,
	OPT_DETAILS,
	OPT_NETNS,
	OPT_BATCH,
	OPT_FORCE,
	OPT_VERSION,
	OPT_HELP,
};

/* Global options; like iproute2, "--opt" works too and "-j" is "-json". */
static const struct fpctl_opt {
	const char *name;
	int id;
	bool has_arg;
} options[] = {
	{ "-json", OPT_JSON, false },
	{ "-pretty", OPT_PRETTY, false },
	{ "-details", OPT_DETAILS, false },
	{ "-netns", OPT_NETNS, true },
	{ "-batch", OPT_BATCH, true },
	{ "-force", OPT_FORCE, false },
	{ "-Version", OPT_VERSION, false },
	{ "-help", OPT_HELP, false },
};

static void usage(FILE *f)
{
	size_t i;

	fprintf(f,
		"Usage: fpctl [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       fpctl [ OPTIONS ] -batch FILE\n"
		"where  OBJECT := { ");
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "%s%s", i ? " | " : "", commands[i].name);
	fprintf(f,
		" }\n"
		"       OPTIONS := { -j[son] | -p[retty] | -d[etails] | -n[etns] NETNS |\n"
		"                    -b[atch] FILE | -f[orce] | -V[ersion] | -h[elp] }\n"
		"\n");
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name,
			commands[i].summary);
	fprintf(f,
		"\n"
		"Objects and commands may be abbreviated as long as they stay\n"
		"unique.  See fpctl(8).\n");
}

static int do_help(struct fpctl *ctx, int argc, char **argv)
{
	int idx;

	(void)ctx;
	if (!argc) {
		usage(stdout);
		return FPCTL_EXIT_OK;
	}
	if (argc > 1) {
		fp_error("usage: fpctl help [ OBJECT ]");
		return FPCTL_EXIT_USAGE;
	}
	idx = TABLE_LOOKUP(argv[0], commands, ARRAY_SIZE(commands));
	if (idx < 0) {
		fp_error("%s object \"%s\"; try \"fpctl help\"",
			 idx == -EEXIST ? "ambiguous" : "unknown", argv[0]);
		return FPCTL_EXIT_USAGE;
	}
	if (commands[idx].usage)
		commands[idx].usage(stdout);
	else
		usage(stdout);
	return FPCTL_EXIT_OK;
}

int fpctl_bad_arg(const char *what, const char *arg)
{
	fp_error("%s: unexpected argument \"%s\"; try \"fpctl %s help\"",
		 what, arg, what);
	return FPCTL_EXIT_USAGE;
}

int fpctl_dispatch(struct fpctl *ctx, const struct fpctl_cmd *tbl, size_t n,
		   const char *path, const char *dflt,
		   void (*level_usage)(FILE *f), int argc, char **argv)
{
	char what[64], cands[256];
	const char *word;
	int idx;

	snprintf(what, sizeof(what), "%s%s", path ? path : "command",
		 path ? " subcommand" : "");
	if (argc > 0) {
		word = argv[0];
		argc--;
		argv++;
	} else if (dflt) {
		word = dflt;
	} else {
		fp_error("missing %s; try \"fpctl %s%shelp\"", what,
			 path ? path : "", path ? " " : "");
		return FPCTL_EXIT_USAGE;
	}

	if (!strcmp(word, "help") && TABLE_LOOKUP(word, tbl, n) < 0) {
		if (level_usage)
			level_usage(stdout);
		return FPCTL_EXIT_OK;
	}
	idx = TABLE_LOOKUP(word, tbl, n);
	if (idx == -EEXIST) {
		TABLE_CANDIDATES(word, tbl, n, cands, sizeof(cands));
		fp_error("ambiguous %s \"%s\": could be %s", what, word, cands);
		return FPCTL_EXIT_USAGE;
	}
	if (idx < 0) {
		fp_error("unknown %s \"%s\"; try \"fpctl %s%shelp\"", what,
			 word, path ? path : "", path ? " " : "");
		return FPCTL_EXIT_USAGE;
	}
	/* "fpctl OBJECT help" */
	if (argc > 0 && !strcmp(argv[0], "help") && tbl[idx].usage) {
		tbl[idx].usage(stdout);
		return FPCTL_EXIT_OK;
	}
	return tbl[idx].fn(ctx, argc, argv);
}

static int run_command(struct fpctl *ctx, int argc, char **argv)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(hidden_commands); i++)
		if (!strcmp(argv[0], hidden_commands[i].name))
			return fpctl_dispatch(ctx, hidden_commands,
					      ARRAY_SIZE(hidden_commands),
					      NULL, NULL, NULL, argc, argv);
	return fpctl_dispatch(ctx, commands, ARRAY_SIZE(commands), NULL, NULL,
			      usage, argc, argv);
}

struct nl_ctx *fpctl_nl(struct fpctl *ctx)
{
	int err;

	if (ctx->nl)
		return ctx->nl;
	err = nl_open(&ctx->nl);
	if (err) {
		fp_error("cannot open a generic netlink socket: %s",
			 strerror(-err));
		ctx->nl = NULL;
	}
	return ctx->nl;
}

struct nl_ctx *fpctl_family(struct fpctl *ctx)
{
	struct nl_ctx *nl = fpctl_nl(ctx);
	int err;

	if (!nl || ctx->family.id)
		return nl;
	err = nl_family_resolve(nl, FASTPATH_FAMILY_NAME, &ctx->family);
	if (err == -ENOENT) {
		fp_error("fastpath module not loaded (generic netlink family \"%s\" not found); try: modprobe fastpath",
			 FASTPATH_FAMILY_NAME);
		return NULL;
	}
	if (err) {
		fp_error("cannot resolve generic netlink family \"%s\": %s",
			 FASTPATH_FAMILY_NAME, strerror(-err));
		return NULL;
	}
	return nl;
}

struct json_writer *fpctl_json(struct fpctl *ctx)
{
	struct json_writer *jw = jsonw_new(stdout, ctx->pretty);

	if (!jw)
		fp_error("out of memory");
	return jw;
}

static int netns_switch(const char *name)
{
	char path[sizeof(NETNS_RUN_DIR) + 256];
	int fd;

	if (!*name || strchr(name, '/') || !strcmp(name, ".") ||
	    !strcmp(name, "..") || strlen(name) > 255) {
		fp_error("invalid network namespace name \"%s\"", name);
		return FPCTL_EXIT_USAGE;
	}
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			fp_error("network namespace \"%s\" does not exist (no %s); see ip-netns(8)",
				 name, path);
		else
			fp_error("cannot open network namespace \"%s\" (%s): %s",
				 name, path, strerror(errno));
		return FPCTL_EXIT_ERR;
	}
	if (setns(fd, CLONE_NEWNET) < 0) {
		fp_error("cannot enter network namespace \"%s\": %s", name,
			 strerror(errno));
		close(fd);
		return FPCTL_EXIT_ERR;
	}
	close(fd);
	return FPCTL_EXIT_OK;
}

struct batch_reader {
	FILE *f;
	char *line;		/* the logical line */
	size_t cap;
	char *part;		/* one physical line */
	size_t part_cap;
	unsigned long lineno;	/* physical lines read so far */
	int error;		/* errno of a read error */
};

/*
 * Read one logical line into br->line: physical lines ending in a
 * backslash continue on the next one.  *@first is set to the number of its
 * first physical line.  Returns 1, 0 at end of input, or -ENOMEM.
 */
static int read_logical_line(struct batch_reader *br, unsigned long *first)
{
	size_t len = 0;
	ssize_t n;
	char *tmp;

	*first = br->lineno + 1;
	while ((n = getline(&br->part, &br->part_cap, br->f)) >= 0) {
		br->lineno++;
		if (n && br->part[n - 1] == '\n')
			br->part[--n] = '\0';
		if (len + n + 1 > br->cap) {
			tmp = realloc(br->line, len + n + 1);
			if (!tmp)
				return -ENOMEM;
			br->line = tmp;
			br->cap = len + n + 1;
		}
		memcpy(br->line + len, br->part, n + 1);
		len += n;
		if (!len || br->line[len - 1] != '\\')
			return 1;
		br->line[--len] = '\0';	/* continued on the next line */
	}
	if (ferror(br->f))
		br->error = errno;
	return br->lineno >= *first;	/* last line ended in a backslash */
}

/*
 * Could reading the next line wait?  Then what is queued goes out first:
 * a batch fed line by line (a pipe, a FIFO, a terminal) is applied line by
 * line, not when 64 lines have come.  Regular files never wait (and cost
 * no poll() per line).  Data already in stdio's buffer is not seen here:
 * at worst a smaller send.
 */
static bool batch_input_waits(FILE *f, bool regular)
{
	struct pollfd pfd = { .fd = fileno(f), .events = POLLIN };

	return !regular && poll(&pfd, 1, 0) == 0;
}

static int do_batch(struct fpctl *ctx, const char *name)
{
	struct batch_reader br = { 0 };
	bool is_stdin = !strcmp(name, "-"), regular;
	struct stat st;
	int ret = FPCTL_EXIT_OK, rc, argc, more;
	unsigned long first;
	char **argv;

	br.f = is_stdin ? stdin : fopen(name, "r");
	if (!br.f) {
		fp_error("cannot open batch file \"%s\": %s", name,
			 strerror(errno));
		return FPCTL_EXIT_ERR;
	}
	regular = !fstat(fileno(br.f), &st) && S_ISREG(st.st_mode);
	for (;;) {
		if (ctx->nl && batch_input_waits(br.f, regular) &&
		    nl_flush(ctx->nl) && nl_pipe_stopped(ctx->nl)) {
			ret = FPCTL_EXIT_ERR;
			more = 0;
			break;
		}
		more = read_logical_line(&br, &first);
		if (more <= 0)
			break;
		fp_lineno = first;
		argc = split_line(br.line, &argv);
		if (argc == -ENOMEM) {
			fp_error("out of memory");
			rc = FPCTL_EXIT_ERR;
		} else if (argc < 0) {
			rc = FPCTL_EXIT_USAGE;
		} else {
			rc = argc ? run_command(ctx, argc, argv) : 0;
			free(argv);
		}
		if (rc && ret == FPCTL_EXIT_OK)
			ret = rc;
		if (rc && !ctx->force)
			break;
	}
	if (more < 0) {
		fp_error("out of memory");
		ret = FPCTL_EXIT_ERR;
	}
	fp_lineno = 0;
	/* The answers to the lines still queued (objects.c pipelines them). */
	if (ctx->nl) {
		nl_flush(ctx->nl);
		if (nl_pipe_failures(ctx->nl) && ret == FPCTL_EXIT_OK)
			ret = FPCTL_EXIT_ERR;
	}
	/*
	 * Config requests of a batch carry the DEFER flag: publish them in
	 * one commit, also after an error stopped the batch, so that what
	 * was applied reaches the data path now.
	 */
	if (ctx->deferred) {
		rc = batch_commit(ctx);
		if (rc && ret == FPCTL_EXIT_OK)
			ret = rc;
	}
	if (ferror(br.f)) {
		fp_error("error reading batch file \"%s\": %s", name,
			 strerror(br.error));
		ret = FPCTL_EXIT_ERR;
	}
	free(br.line);
	free(br.part);
	if (!is_stdin)
		fclose(br.f);
	return ret;
}

int main(int argc, char **argv)
{
	struct fpctl ctx = { 0 };
	bool version = false, help = false;
	char cands[256];
	int ret, idx;

	/* a refused attribute is named by the field it stands for */
	nl_attr_namer = obj_attr_name;
	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-') {
		const char *opt = argv[0];

		if (!strcmp(opt, "--")) {
			argc--;
			argv++;
			break;
		}
		if (opt[1] == '-')
			opt++;
		idx = TABLE_LOOKUP(opt, options, ARRAY_SIZE(options));
		if (idx == -EEXIST) {
			TABLE_CANDIDATES(opt, options, ARRAY_SIZE(options),
					 cands, sizeof(cands));
			fp_error("ambiguous option \"%s\": could be %s",
				 argv[0], cands);
			return FPCTL_EXIT_USAGE;
		}
		if (idx < 0) {
			fp_error("unknown option \"%s\"; try \"fpctl -help\"",
				 argv[0]);
			return FPCTL_EXIT_USAGE;
		}
		if (options[idx].has_arg && argc < 2) {
			fp_error("option \"%s\" requires an argument",
				 argv[0]);
			return FPCTL_EXIT_USAGE;
		}
		switch (options[idx].id) {
		case OPT_JSON:
			ctx.json = true;
			break;
		case OPT_PRETTY:
			ctx.pretty = true;
			break;
		case OPT_DETAILS:
			ctx.details = true;
			break;
		case OPT_NETNS:
			ctx.netns = argv[1];
			break;
		case OPT_BATCH:
			ctx.batch = argv[1];
			break;
		case OPT_FORCE:
			ctx.force = true;
			break;
		case OPT_VERSION:
			version = true;
			break;
		case OPT_HELP:
			help = true;
			break;
		}
		if (options[idx].has_arg) {
			argc--;
			argv++;
		}
		argc--;
		argv++;
	}

	if (help) {
		usage(stdout);
		ret = FPCTL_EXIT_OK;
		goto out;
	}
	if (version) {
		printf("fpctl %s (uapi %u)\n", FPCTL_VERSION,
		       FASTPATH_UAPI_VERSION);
		ret = FPCTL_EXIT_OK;
		goto out;
	}
	if (ctx.batch && argc) {
		fp_error("-batch takes no command, but \"%s\" was given",
			 argv[0]);
		return FPCTL_EXIT_USAGE;
	}
	if (!ctx.batch && !argc) {
		usage(stderr);
		return FPCTL_EXIT_USAGE;
	}
	if (ctx.netns) {
		ret = netns_switch(ctx.netns);
		if (ret)
			return ret;
	}

	if (ctx.batch)
		ret = do_batch(&ctx, ctx.batch);
	else
		ret = run_command(&ctx, argc, argv);

	nl_close(ctx.nl);
out:
	if (fflush(stdout) || ferror(stdout)) {
		fp_error("error writing output: %s", strerror(errno));
		if (!ret)
			ret = FPCTL_EXIT_ERR;
	}
	return ret;
}
