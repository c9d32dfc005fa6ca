/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl: shared definitions of the command-line tool.
 *
 * Adding a command or object:
 *  1. write "int do_OBJECT(struct fpctl *ctx, int argc, char **argv)" and
 *     "void usage_OBJECT(FILE *f)" in OBJECT.c (argv[0] is the first word
 *     after the object name; argc may be 0);
 *  2. declare them below and add one line to the table in fpctl.c;
 *  3. for "OBJECT { add | del | set | show }" use fpctl_dispatch() on a
 *     table of subcommands, which gives abbreviations, "OBJECT help" and
 *     precise errors for free;
 *  4. document it in Documentation/fpctl.8.rst.
 * Commands return an FPCTL_EXIT_* code and never call exit(): they also
 * run from -batch, where the socket stays open across lines.
 */
#ifndef FPCTL_FPCTL_H
#define FPCTL_FPCTL_H

#include <stdbool.h>
#include <stdio.h>

#include "json.h"
#include "nl.h"

#ifndef FPCTL_VERSION
#define FPCTL_VERSION	"0.1.0"
#endif

/* Exit codes, as iproute2. */
#define FPCTL_EXIT_OK		0
#define FPCTL_EXIT_ERR		1	/* kernel or runtime error */
#define FPCTL_EXIT_USAGE	2	/* unknown command/option, bad arg */

struct fpctl {
	/* global options */
	bool json;		/* -j */
	bool pretty;		/* -p */
	bool details;		/* -d: also counters that are zero */
	bool force;		/* -force: -batch goes on after errors */
	const char *netns;	/* -n NETNS (already entered) */
	const char *batch;	/* -batch FILE */

	/* -batch: a change was sent with the DEFER flag, COMMIT is due */
	bool deferred;

	/* lazily opened, shared by all commands of a -batch */
	struct nl_ctx *nl;
	struct nl_family family;	/* "fastpath"; id 0 = not resolved */
};

struct fpctl_cmd {
	const char *name;
	int (*fn)(struct fpctl *ctx, int argc, char **argv);
	void (*usage)(FILE *f);	/* may be NULL */
	const char *summary;	/* one line for "fpctl help" */
};

/*
 * Run the entry of @tbl (@n entries) named or uniquely abbreviated by
 * argv[0], passing it the remaining words (argc - 1, argv + 1).
 * @path is NULL at the top level, else the object ("circuit"); it is used
 * in messages: unknown circuit subcommand "x"; try "fpctl circuit help".
 * "help" as the first word (unless the table has a "help" entry) prints
 * @level_usage (may be NULL) on stdout; "help" as the second word prints
 * the entry's usage.  With no words, runs the entry named @dflt if
 * non-NULL (e.g. "show"), else it is a usage error.  Ambiguous and unknown
 * words are usage errors (FPCTL_EXIT_USAGE) with a precise message.
 */
int fpctl_dispatch(struct fpctl *ctx, const struct fpctl_cmd *tbl, size_t n,
		   const char *path, const char *dflt,
		   void (*level_usage)(FILE *f), int argc, char **argv);

/*
 * The netlink socket, opened on first use (in the -n namespace).
 * NULL after printing an error.
 */
struct nl_ctx *fpctl_nl(struct fpctl *ctx);
/*
 * The socket with the "fastpath" family resolved into ctx->family.  NULL
 * after printing an error; when the module is not loaded:
 *   fpctl: fastpath module not loaded (generic netlink family "fastpath"
 *   not found); try: modprobe fastpath
 */
struct nl_ctx *fpctl_family(struct fpctl *ctx);

/* A JSON writer on stdout honouring -p; NULL (after an error) on ENOMEM. */
struct json_writer *fpctl_json(struct fpctl *ctx);

/* Usage error for an unexpected word: "unknown argument "x" to <what>". */
int fpctl_bad_arg(const char *what, const char *arg);

/* Commands. */
int do_version(struct fpctl *ctx, int argc, char **argv);
void usage_version(FILE *f);
int do_debug(struct fpctl *ctx, int argc, char **argv);
void usage_debug(FILE *f);
int do_circuit(struct fpctl *ctx, int argc, char **argv);
void usage_circuit(FILE *f);
int do_auth(struct fpctl *ctx, int argc, char **argv);
void usage_auth(FILE *f);
int do_vnet(struct fpctl *ctx, int argc, char **argv);
void usage_vnet(FILE *f);
int do_peering(struct fpctl *ctx, int argc, char **argv);
void usage_peering(FILE *f);
int do_endpoint(struct fpctl *ctx, int argc, char **argv);
void usage_endpoint(FILE *f);
int do_conn(struct fpctl *ctx, int argc, char **argv);
void usage_conn(FILE *f);
int do_exception(struct fpctl *ctx, int argc, char **argv);
void usage_exception(FILE *f);
int do_udr(struct fpctl *ctx, int argc, char **argv);
void usage_udr(FILE *f);
int do_monitor(struct fpctl *ctx, int argc, char **argv);
void usage_monitor(FILE *f);
int do_stats(struct fpctl *ctx, int argc, char **argv);
void usage_stats(FILE *f);
int do_save(struct fpctl *ctx, int argc, char **argv);
void usage_save(FILE *f);

#endif /* FPCTL_FPCTL_H */
