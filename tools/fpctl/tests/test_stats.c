// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of "fpctl stats": argument parsing (stats_parse()) and the
 * table and JSON printers.  No kernel needed.
 */
#include <stdarg.h>
#include <stdlib.h>

#include "fpctl.h"
#include "stats.h"
#include "test.h"

/* fpctl.c's part of the command runner: tests/fpctl_stubs.c. */

static struct stats_req req;

/* Parse a NULL-terminated word list; returns stats_parse()'s result. */
static int parse(const char *first, ...)
{
	char *argv[16];
	int argc = 0;
	va_list ap;

	va_start(ap, first);
	for (argv[0] = (char *)first; argv[argc];
	     argv[++argc] = va_arg(ap, char *))
		;
	va_end(ap);
	clear_error();
	return stats_parse(argc, argv, &req);
}

static void test_parse(void)
{
	CHECK(parse(NULL) == FPCTL_EXIT_OK && !req.attr && !req.name,
	      "no words: all objects");
	CHECK(parse("show", NULL) == FPCTL_EXIT_OK && !req.name, "show");
	CHECK(parse("list", NULL) == FPCTL_EXIT_OK && !req.name, "list");

	CHECK(parse("circuit", "er1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CIRCUIT && !strcmp(req.name, "er1"),
	      "circuit NAME");
	CHECK(parse("show", "circuit", "er1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CIRCUIT, "show circuit NAME");
	CHECK(parse("connection", "k1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CONN && !strcmp(req.name, "k1"),
	      "connection NAME");
	CHECK(parse("conn", "k1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CONN, "conn abbreviates connection");
	CHECK(parse("ci", "er1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CIRCUIT, "ci abbreviates circuit");
	CHECK(parse("list", "connection", "k1", NULL) == FPCTL_EXIT_OK &&
	      req.attr == FASTPATH_A_STATS_CONN, "list connection NAME");

	CHECK(parse("c", "x", NULL) == FPCTL_EXIT_USAGE, "c is ambiguous");
	CHECK_STR(last_error,
		  "stats: ambiguous object \"c\": could be circuit or connection");
	CHECK(parse("circuit", NULL) == FPCTL_EXIT_USAGE, "circuit without name");
	CHECK_STR(last_error, "stats: \"circuit\" needs a name");
	CHECK(parse("show", "connection", NULL) == FPCTL_EXIT_USAGE,
	      "connection without name");
	CHECK_STR(last_error, "stats: \"connection\" needs a name");
	CHECK(parse("circuit", "", NULL) == FPCTL_EXIT_USAGE, "empty name");
	CHECK_STR(last_error, "stats: invalid circuit name: empty");
	CHECK(parse("vnet", "hub", NULL) == FPCTL_EXIT_USAGE, "vnet has none");
	CHECK_STR(last_error,
		  "stats: unexpected argument \"vnet\"; try \"fpctl stats help\"");
	CHECK(parse("circuit", "er1", "extra", NULL) == FPCTL_EXIT_USAGE,
	      "trailing word");
	CHECK_STR(last_error,
		  "stats: unexpected argument \"extra\"; try \"fpctl stats help\"");
	CHECK(parse("circuit", "er1", "connection", "k1", NULL) ==
	      FPCTL_EXIT_USAGE, "two objects");
	CHECK(parse("show", "show", NULL) == FPCTL_EXIT_USAGE, "show twice");
	CHECK(parse("er1", NULL) == FPCTL_EXIT_USAGE, "a bare name");
}

static void test_reason_names(void)
{
	CHECK_STR(stats_reason_name(FASTPATH_REASON_FORWARDED), "forwarded");
	CHECK_STR(stats_reason_name(FASTPATH_REASON_NO_ROUTE), "no-route");
	CHECK_STR(stats_reason_name(FASTPATH_REASON_TX_ERROR), "tx-error");
	CHECK(stats_reason_name(STATS_NREASONS) == NULL, "unknown reason");
}

/* Everything @fn prints into a malloc()ed string. */
static char *capture_table(const struct stats_obj *o, unsigned int n,
			   bool details)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	stats_print_table(f, o, n, details);
	fclose(f);
	return buf;
}

static char *capture_json(const struct stats_obj *o, unsigned int n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct json_writer *jw = jsonw_new(f, false);

	stats_print_json(jw, o, n);
	jsonw_destroy(jw);
	fclose(f);
	return buf;
}

static void test_print(void)
{
	struct stats_obj o[2] = {
		{ .conn = false, .name = "er1", .n = STATS_NREASONS },
		{ .conn = true, .name = "k1", .n = 3 },
	};
	char *s;

	o[0].packets[FASTPATH_REASON_FORWARDED] = 1200;
	o[0].bytes[FASTPATH_REASON_FORWARDED] = 1800000;
	o[0].packets[FASTPATH_REASON_NO_ROUTE] = 3;
	o[0].bytes[FASTPATH_REASON_NO_ROUTE] = 180;

	s = capture_table(o, 2, false);
	CHECK_STR(s,
		  "OBJECT      NAME  REASON     PACKETS  BYTES\n"
		  "circuit     er1   forwarded     1200  1800000\n"
		  "circuit     er1   no-route         3      180\n"
		  "connection  k1    -                0        0\n");
	free(s);

	s = capture_table(o + 1, 1, true);
	CHECK_STR(s,
		  "OBJECT      NAME  REASON     PACKETS  BYTES\n"
		  "connection  k1    forwarded        0      0\n"
		  "connection  k1    not-ip           0      0\n"
		  "connection  k1    not-host         0      0\n");
	free(s);

	s = capture_table(o, 0, false);
	CHECK_STR(s, "");
	free(s);

	/* a reason of a newer module is shown by number */
	o[1].n = STATS_NREASONS + 1;
	o[1].packets[STATS_NREASONS] = 7;
	o[1].bytes[STATS_NREASONS] = 70;
	s = capture_table(o + 1, 1, false);
	CHECK_STR(s,
		  "OBJECT      NAME  REASON  PACKETS  BYTES\n"
		  "connection  k1    14            7     70\n");
	free(s);

	o[1].n = 2;
	s = capture_json(o, 2);
	CHECK_STR(s,
		  "[{\"object\":\"circuit\",\"name\":\"er1\",\"counters\":{"
		  "\"forwarded\":{\"packets\":1200,\"bytes\":1800000},"
		  "\"not-ip\":{\"packets\":0,\"bytes\":0},"
		  "\"not-host\":{\"packets\":0,\"bytes\":0},"
		  "\"bad-header\":{\"packets\":0,\"bytes\":0},"
		  "\"ttl\":{\"packets\":0,\"bytes\":0},"
		  "\"exception\":{\"packets\":0,\"bytes\":0},"
		  "\"no-route\":{\"packets\":3,\"bytes\":180},"
		  "\"target-down\":{\"packets\":0,\"bytes\":0},"
		  "\"mtu\":{\"packets\":0,\"bytes\":0},"
		  "\"no-neigh\":{\"packets\":0,\"bytes\":0},"
		  "\"tx-error\":{\"packets\":0,\"bytes\":0},"
		  "\"vlan\":{\"packets\":0,\"bytes\":0},"
		  "\"not-unicast\":{\"packets\":0,\"bytes\":0},"
		  "\"no-memory\":{\"packets\":0,\"bytes\":0}}},"
		  "{\"object\":\"connection\",\"name\":\"k1\",\"counters\":{"
		  "\"forwarded\":{\"packets\":0,\"bytes\":0},"
		  "\"not-ip\":{\"packets\":0,\"bytes\":0}}}]\n");
	free(s);

	s = capture_json(o, 0);
	CHECK_STR(s, "[]\n");
	free(s);
}

int main(void)
{
	test_capture_errors();
	test_parse();
	test_reason_names();
	test_print();
	return test_summary();
}
