// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the argument parsing of every configuration object
 * (obj_parse() with the tables of circuit.c, auth.c, vnet.c, peering.c,
 * endpoint.c, conn.c, exception.c, udr.c).  No kernel needed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libmnl/libmnl.h>

#include <linux/fastpath.h>

#include "objects.h"
#include "test.h"

/* fpctl.c's part of the command runner: tests/fpctl_stubs.c. */

static struct obj_req req;

/* Parse a NULL-terminated word list; returns obj_parse()'s result. */
static int parse(const struct obj_desc *d, enum obj_op op, ...)
{
	char *argv[32];
	int argc = 0, ret;
	va_list ap;

	va_start(ap, op);
	while ((argv[argc] = va_arg(ap, char *)))
		argc++;
	va_end(ap);
	obj_req_free(&req);
	clear_error();
	ret = obj_parse(d, op, argc, argv, &req);
	return ret;
}

/* Index of field @name in @d. */
static int fld(const struct obj_desc *d, const char *name)
{
	unsigned int i;

	for (i = 0; i < d->n_fields; i++)
		if (!strcmp(d->fields[i].name, name))
			return i;
	printf("FAIL: no field %s in %s\n", name, d->name);
	exit(1);
}

#define V(d, name)	(req.v[fld(d, name)])

#define SUB "0f8fad5b-d9cb-469f-a165-70867728950e"

static void test_circuit(void)
{
	const struct obj_desc *d = &circuit_desc;

	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "10G", "tier", "premium", "port", "100g", "dev", "lo",
		    NULL) == 0, "circuit add: %s", last_error);
	CHECK_STR(V(d, "name").str, "er1");
	CHECK(V(d, "bandwidth").u32 == 10000, "10G is 10000 Mbit/s");
	CHECK(V(d, "tier").u32 == FASTPATH_TIER_PREMIUM, "tier premium");
	CHECK(V(d, "port").u32 == FASTPATH_PORT_100G, "port 100G, any case");
	CHECK(V(d, "dev").u32 == if_nametoindex("lo"), "dev lo");
	CHECK(V(d, "subscription").bytes[0] == 0x0f &&
	      V(d, "subscription").bytes[15] == 0x0e, "uuid bytes");
	CHECK(!V(d, "route-limit").set, "route-limit not given");

	CHECK(parse(d, OBJ_ADD, "name", "er2", "bandwidth", "50M",
		    "subscription", SUB, NULL) == 0, "name keyword");
	CHECK_STR(V(d, "name").str, "er2");
	CHECK(parse(d, OBJ_ADD, "er1", "bandwidth", "10G", NULL) ==
	      FPCTL_EXIT_USAGE, "missing subscription");
	CHECK_STR(last_error, "circuit add: missing \"subscription\"");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1500k", NULL) == FPCTL_EXIT_USAGE, "not whole Mbit/s");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", "xyz", "bandwidth",
		    "1G", NULL) == FPCTL_EXIT_USAGE, "bad uuid");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription",
		    "0f8fad5b-d9cb-469f-a165_70867728950e", "bandwidth",
		    "1G", NULL) == FPCTL_EXIT_USAGE, "uuid dash misplaced");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1G", "tier", "gold", NULL) == FPCTL_EXIT_USAGE,
	      "bad tier");
	CHECK_STR(last_error,
		  "invalid circuit tier \"gold\": want one of standard, premium");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1G", "dev", "no-such-dev0", NULL) == FPCTL_EXIT_ERR,
	      "missing device is a runtime error");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1G", "tier", NULL) == FPCTL_EXIT_USAGE,
	      "keyword without value");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1G", "bandwidth", "2G", NULL) == FPCTL_EXIT_USAGE,
	      "twice");
	CHECK_STR(last_error, "circuit add: \"bandwidth\" given twice");
	CHECK(parse(d, OBJ_ADD, "er1", "er2", NULL) == FPCTL_EXIT_USAGE,
	      "two names");
	CHECK(parse(d, OBJ_ADD, "er1", "subscription", SUB, "bandwidth",
		    "1G", "route-limit", "16777217", NULL) == FPCTL_EXIT_USAGE,
	      "route limit too big");

	CHECK(parse(d, OBJ_SET, "er1", "dev", "none", "route-limit", "0",
		    NULL) == 0, "set dev none");
	CHECK(V(d, "dev").set && V(d, "dev").u32 == 0, "dev none is 0");
	CHECK(parse(d, OBJ_SET, "er1", NULL) == FPCTL_EXIT_USAGE,
	      "set nothing");
	CHECK_STR(last_error, "circuit set: nothing to change");
	CHECK(parse(d, OBJ_SET, "er1", "subscription", SUB, NULL) ==
	      FPCTL_EXIT_USAGE, "subscription is fixed");
	CHECK(parse(d, OBJ_DEL, "er1", NULL) == 0, "del");
	CHECK(parse(d, OBJ_DEL, NULL) == FPCTL_EXIT_USAGE, "del needs name");
	CHECK_STR(last_error, "circuit del: missing name");
	CHECK(parse(d, OBJ_DEL, "er1", "tier", "premium", NULL) ==
	      FPCTL_EXIT_USAGE, "del takes only the key");
	CHECK(parse(d, OBJ_SHOW, NULL) == 0 && !req.has_key, "show all");
	CHECK(parse(d, OBJ_SHOW, "er1", NULL) == 0 && req.has_key,
	      "show one");
}

static void test_auth(void)
{
	const struct obj_desc *d = &auth_desc;

	CHECK(parse(d, OBJ_ADD, "a1", "circuit", "er1", NULL) == 0,
	      "auth add: %s", last_error);
	CHECK_STR(V(d, "circuit").str, "er1");
	CHECK(parse(d, OBJ_ADD, "a1", NULL) == FPCTL_EXIT_USAGE,
	      "auth needs its circuit");
	CHECK_STR(last_error, "auth add: missing circuit");
	CHECK(parse(d, OBJ_DEL, "a1", "circuit", "er1", NULL) == 0, "del");
	CHECK(parse(d, OBJ_SHOW, "a1", NULL) == FPCTL_EXIT_USAGE,
	      "show needs the whole key");
	CHECK(parse(d, OBJ_ADD, "a1", "circuit", "er1", "key",
		    "00112233445566778899aabbccddeeff", NULL) ==
	      FPCTL_EXIT_USAGE, "the key cannot be chosen");
}

static void test_vnet(void)
{
	const struct obj_desc *d = &vnet_desc;
	char buf[PREFIX_BUFSZ];

	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region",
		    "westeurope", "sku", "ergwscale", "units", "10", "spaces",
		    "10.1.0.0/16,2001:db8::/48", NULL) == 0,
	      "vnet add: %s", last_error);
	CHECK(V(d, "sku").u32 == FASTPATH_SKU_ERGWSCALE, "sku any case");
	CHECK(V(d, "units").u32 == 10, "units");
	CHECK(V(d, "spaces").n_spaces == 2, "two spaces");
	CHECK_STR(format_prefix(&V(d, "spaces").spaces[1], buf, sizeof(buf)),
		  "2001:db8::/48");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "units", "41", NULL) == FPCTL_EXIT_USAGE, "units > 40");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "spaces", "10.1.0.1/16", NULL) == FPCTL_EXIT_USAGE,
	      "host bits in a space");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "spaces", "10.1.0.0/16,", NULL) == FPCTL_EXIT_USAGE,
	      "trailing comma refused");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "spaces", "10.0.0.0/8,,10.1.0.0/16", NULL) ==
	      FPCTL_EXIT_USAGE, "empty element refused");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "spaces", ",10.1.0.0/16", NULL) == FPCTL_EXIT_USAGE,
	      "leading comma refused");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "spaces", ",", NULL) == FPCTL_EXIT_USAGE, "empty list");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, NULL) ==
	      FPCTL_EXIT_USAGE, "region required");
	CHECK(parse(d, OBJ_SET, "hub", "spaces", "none", NULL) == 0 &&
	      V(d, "spaces").set && !V(d, "spaces").n_spaces,
	      "set spaces none empties the list");
	CHECK(parse(d, OBJ_ADD, "hub", "subscription", SUB, "region", "x",
		    "sku", "Basic", NULL) == FPCTL_EXIT_USAGE, "bad sku");
	CHECK(parse(d, OBJ_SET, "hub", "peers", "spoke", NULL) ==
	      FPCTL_EXIT_USAGE, "peers are output only");
}

static void test_peering(void)
{
	const struct obj_desc *d = &peering_desc;

	CHECK(parse(d, OBJ_ADD, "hub", "spoke", NULL) == 0, "peering add");
	CHECK_STR(V(d, "vnet").str, "hub");
	CHECK_STR(V(d, "peer").str, "spoke");
	CHECK(parse(d, OBJ_DEL, "hub", NULL) == FPCTL_EXIT_USAGE,
	      "peering needs two vnets");
	CHECK(parse(d, OBJ_ADD, "hub", "spoke", "x", NULL) ==
	      FPCTL_EXIT_USAGE, "three words");
}

static void test_endpoint(void)
{
	const struct obj_desc *d = &endpoint_desc;

	CHECK(parse(d, OBJ_ADD, "vm1", "vnet", "hub", "prefix", "10.1.0.4",
		    "dev", "lo", "mac", "52:54:00:12:34:56", NULL) == 0,
	      "endpoint add: %s", last_error);
	CHECK(V(d, "prefix").prefix.len == 32, "bare address is /32");
	CHECK(V(d, "mac").bytes[5] == 0x56, "mac");
	CHECK(parse(d, OBJ_ADD, "vm1", "vnet", "hub", "prefix", "2001:db8::4",
		    NULL) == 0 && V(d, "prefix").prefix.len == 128, "/128");
	CHECK(parse(d, OBJ_ADD, "vm1", "vnet", "hub", NULL) ==
	      FPCTL_EXIT_USAGE, "prefix required");
	CHECK(parse(d, OBJ_ADD, "vm1", "vnet", "hub", "prefix", "10.1.0.4",
		    "mac", "52:54:00:12:34", NULL) == FPCTL_EXIT_USAGE,
	      "short mac");
	CHECK(parse(d, OBJ_SET, "vm1", "mac", "00:00:00:00:00:00", NULL) ==
	      FPCTL_EXIT_USAGE, "all-zero mac refused");
	CHECK(parse(d, OBJ_SET, "vm1", "mac", "none", NULL) == 0 &&
	      V(d, "mac").set && !V(d, "mac").bytes[0], "mac none");
	CHECK(parse(d, OBJ_SET, "vm1", "vnet", "spoke", NULL) ==
	      FPCTL_EXIT_USAGE, "vnet fixed");
	CHECK(parse(d, OBJ_ADD, "vm1", "vnet", "hub", "prefix",
		    "10.1.0.4/33", NULL) == FPCTL_EXIT_USAGE, "/33");
}

static void test_conn(void)
{
	const struct obj_desc *d = &conn_desc;

	CHECK(parse(d, OBJ_ADD, "c1", "circuit", "er1", "vnet", "hub",
		    "fastpath", "on", "udr", "on", "peering", "off", NULL) == 0,
	      "connection add: %s", last_error);
	CHECK(req.flags_on == (FASTPATH_CONN_F_FASTPATH | FASTPATH_CONN_F_UDR),
	      "flags on %#x", req.flags_on);
	CHECK(req.flags_off == FASTPATH_CONN_F_PEERING, "flags off");
	CHECK(parse(d, OBJ_ADD, "c1", "circuit", "er1", "vnet", "hub",
		    "auth-key", "00112233445566778899AABBCCDDEEFF", NULL) == 0,
	      "auth key");
	CHECK(V(d, "auth-key").bytes[15] == 0xff, "key bytes");
	CHECK(parse(d, OBJ_ADD, "c1", "circuit", "er1", "vnet", "hub",
		    "auth-key", "0011", NULL) == FPCTL_EXIT_USAGE, "short key");
	CHECK(parse(d, OBJ_ADD, "c1", "circuit", "er1", "vnet", "hub",
		    "fastpath", "yes", NULL) == FPCTL_EXIT_USAGE, "on|off only");
	CHECK(parse(d, OBJ_ADD, "c1", "circuit", "er1", "vnet", "hub",
		    "fastpath", "on", "fastpath", "off", NULL) ==
	      FPCTL_EXIT_USAGE, "flag twice");
	CHECK(parse(d, OBJ_SET, "c1", "private-link", "on", NULL) == 0 &&
	      req.flags_on == FASTPATH_CONN_F_PRIVATE_LINK, "set a flag");
	CHECK(parse(d, OBJ_SET, "c1", "circuit", "er2", NULL) ==
	      FPCTL_EXIT_USAGE, "circuit fixed");
	CHECK(parse(d, OBJ_SET, "c1", "flags", "3", NULL) ==
	      FPCTL_EXIT_USAGE, "flags is output only");
	CHECK(parse(d, OBJ_ADD, "c1", "vnet", "hub", NULL) ==
	      FPCTL_EXIT_USAGE, "circuit required");
}

static void test_exception(void)
{
	const struct obj_desc *d = &exception_desc;

	CHECK(parse(d, OBJ_ADD, "10.1.0.0/24", "vnet", "hub", "kind",
		    "private-endpoint", NULL) == 0,
	      "exception add: %s", last_error);
	CHECK(V(d, "kind").u32 == FASTPATH_EXCEPTION_KIND_PRIVATE_ENDPOINT,
	      "kind");
	CHECK(V(d, "prefix").prefix.len == 24, "prefix");
	CHECK(parse(d, OBJ_ADD, "10.1.0.0/24", "vnet", "hub", "kind", "spoke",
		    NULL) == FPCTL_EXIT_USAGE, "spoke is implicit only");
	CHECK(parse(d, OBJ_DEL, "10.1.0.0/24", NULL) == FPCTL_EXIT_USAGE,
	      "del needs the vnet");
	CHECK_STR(last_error, "exception del: missing vnet");
	CHECK(parse(d, OBJ_DEL, "vnet", "hub", "prefix", "10.1.0.0/24",
		    NULL) == 0, "keywords in any order");
	CHECK(parse(d, OBJ_SET, "10.1.0.0/24", "vnet", "hub", "kind",
		    "manual", NULL) == 0, "set kind");
}

static void test_udr(void)
{
	const struct obj_desc *d = &udr_desc;

	CHECK(parse(d, OBJ_ADD, "0.0.0.0/0", "vnet", "hub", "nexthop", "nva",
		    NULL) == 0, "udr add: %s", last_error);
	CHECK(V(d, "prefix").prefix.len == 0, "default route");
	CHECK(parse(d, OBJ_ADD, "0.0.0.0/0", "vnet", "hub", NULL) ==
	      FPCTL_EXIT_USAGE, "nexthop required");
	CHECK(parse(d, OBJ_SET, "0.0.0.0/0", "vnet", "hub", "nexthop", "fw",
		    NULL) == 0, "set nexthop");
	CHECK(parse(d, OBJ_ADD, "10.0.0.0/8", "vnet", "hub", "nexthop", "nva",
		    "kind", "manual", NULL) == FPCTL_EXIT_USAGE,
	      "unknown keyword");
}

static void test_values(void)
{
	uint8_t b[16];

	CHECK(parse_uuid(SUB, "x", b) == 0, "uuid");
	CHECK(parse_uuid("0F8FAD5B-D9CB-469F-A165-70867728950E", "x", b) == 0,
	      "upper-case uuid");
	CHECK(parse_uuid("0f8fad5bd9cb469fa16570867728950e", "x", b) ==
	      -EINVAL, "uuid without dashes");
	CHECK(parse_key("00112233445566778899aabbccddeefg", "x", b) ==
	      -EINVAL, "key with a non-hex digit");
	CHECK(obj_enum_lookup("ErGw3AZ", (const char *const[]){ "ergw3az" },
			      1) == 0, "enum case-insensitive");
}

/* A GET reply of command @cmd, attributes from @fill, in @buf. */
static struct nlmsghdr *reply_msg(char *buf, uint8_t cmd,
				  void (*fill)(struct nlmsghdr *nlh))
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct genlmsghdr *g;

	nlh->nlmsg_type = 0x20;
	g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->cmd = cmd;
	fill(nlh);
	return nlh;
}

static void fill_circuit(struct nlmsghdr *nlh)
{
	mnl_attr_put_u32(nlh, FASTPATH_A_CIRCUIT_ID, 7);
	mnl_attr_put_strz(nlh, FASTPATH_A_CIRCUIT_NAME, "er1");
	mnl_attr_put_u32(nlh, FASTPATH_A_CIRCUIT_ROUTE_LIMIT_EFFECTIVE, 100);
	mnl_attr_put_u32(nlh, FASTPATH_A_CIRCUIT_ROUTES_INSTALLED, 100);
	mnl_attr_put_u32(nlh, FASTPATH_A_CIRCUIT_ROUTES_PENDING, 25);
}

/* A circuit GET reply as the kernel builds it, printed both ways. */
static void test_circuit_output(void)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], *out = NULL;
	const struct obj_desc *d = &circuit_desc;
	struct json_writer *jw;
	struct nlmsghdr *nlh;
	size_t len = 0;
	FILE *f;

	nlh = reply_msg(buf, FASTPATH_CMD_CIRCUIT_GET, fill_circuit);
	f = open_memstream(&out, &len);
	CHECK(f && obj_print_line(d, nlh, f) == 0, "print line");
	fclose(f);
	CHECK(strstr(out, " limit 100 installed 100 pending 25") != NULL,
	      "line: limit, installed, pending in a row: %s", out);
	free(out);

	out = NULL;
	f = open_memstream(&out, &len);
	jw = f ? jsonw_new(f, false) : NULL;
	CHECK(jw && obj_print_json(d, nlh, jw) == 0, "print json");
	jsonw_destroy(jw);
	fclose(f);
	CHECK(strstr(out, "\"limit\":100,\"installed\":100,\"pending\":25") !=
	      NULL, "json: numbers under the column names: %s", out);
	free(out);
}

/* A message of object @d with what @fill puts, printed by obj_print_cmd(). */
static char *cmd_output(const struct obj_desc *d, uint8_t cmd,
			void (*fill)(struct nlmsghdr *nlh), const char *verb,
			const char *only, unsigned int max_spaces)
{
	char buf[MNL_SOCKET_BUFFER_SIZE], *out = NULL;
	struct nlmsghdr *nlh = reply_msg(buf, cmd, fill);
	size_t len = 0;
	FILE *f;

	f = open_memstream(&out, &len);
	CHECK(f && obj_print_cmd(d, verb, only, nlh, f, max_spaces) == 0,
	      "print %s %s", d->name, verb);
	fclose(f);
	return out;
}

static void put_space(struct nlmsghdr *nlh, uint8_t a, uint8_t len)
{
	struct nlattr *p = mnl_attr_nest_start(nlh, 0);

	mnl_attr_put(nlh, FASTPATH_A_PREFIX_ADDR, 4,
		     (const uint8_t[]){ 10, a, 0, 0 });
	mnl_attr_put_u8(nlh, FASTPATH_A_PREFIX_LEN, len);
	mnl_attr_nest_end(nlh, p);
}

static void fill_vnet(struct nlmsghdr *nlh)
{
	struct nlattr *sp;

	mnl_attr_put_u32(nlh, FASTPATH_A_VNET_ID, 3);
	mnl_attr_put_strz(nlh, FASTPATH_A_VNET_NAME, "hub");
	mnl_attr_put_strz(nlh, FASTPATH_A_VNET_REGION, "we#st'\"x");
	mnl_attr_put_u32(nlh, FASTPATH_A_VNET_SKU, 6);
	mnl_attr_put_u32(nlh, FASTPATH_A_VNET_UNITS, 0);
	mnl_attr_put_u32(nlh, FASTPATH_A_VNET_CONNS, 1);
	sp = mnl_attr_nest_start(nlh, FASTPATH_A_VNET_SPACES);
	put_space(nlh, 1, 16);
	put_space(nlh, 2, 16);
	put_space(nlh, 3, 16);
	mnl_attr_nest_end(nlh, sp);
	mnl_attr_put_strz(nlh, FASTPATH_A_VNET_PEER, "spoke");
}

static void fill_conn(struct nlmsghdr *nlh)
{
	mnl_attr_put_strz(nlh, FASTPATH_A_CONN_NAME, "k1");
	mnl_attr_put_strz(nlh, FASTPATH_A_CONN_CIRCUIT, "er1");
	mnl_attr_put_strz(nlh, FASTPATH_A_CONN_VNET, "hub");
	mnl_attr_put_u32(nlh, FASTPATH_A_CONN_FLAGS,
			 FASTPATH_CONN_F_FASTPATH | FASTPATH_CONN_F_UDR);
}

/* fpctl save's lines: what an add takes, by keyword, quoted for -batch. */
static void test_save_lines(void)
{
	char *out;

	out = cmd_output(&vnet_desc, FASTPATH_CMD_VNET_GET, fill_vnet, "add",
			 NULL, 0);
	CHECK(!strcmp(out, "vnet add name hub region \"we#st'\\\"x\" sku ErGw3AZ spaces 10.1.0.0/16,10.2.0.0/16,10.3.0.0/16\n"),
	      "vnet add: %s", out);
	free(out);
	out = cmd_output(&vnet_desc, FASTPATH_CMD_VNET_GET, fill_vnet, "add",
			 NULL, 2);
	CHECK(strstr(out, " spaces 10.1.0.0/16,10.2.0.0/16\n") != NULL,
	      "vnet add, two spaces at most: %s", out);
	free(out);
	out = cmd_output(&vnet_desc, FASTPATH_CMD_VNET_GET, fill_vnet, "set",
			 "spaces", 0);
	CHECK(!strcmp(out, "vnet set name hub spaces 10.1.0.0/16,10.2.0.0/16,10.3.0.0/16\n"),
	      "vnet set spaces: %s", out);
	free(out);
	out = cmd_output(&conn_desc, FASTPATH_CMD_CONN_GET, fill_conn, "add",
			 NULL, 0);
	CHECK(!strcmp(out, "connection add name k1 circuit er1 vnet hub fastpath on udr on\n"),
	      "connection add: %s", out);
	free(out);
}

int main(void)
{
	test_capture_errors();
	test_values();
	test_circuit();
	test_circuit_output();
	test_save_lines();
	test_auth();
	test_vnet();
	test_peering();
	test_endpoint();
	test_conn();
	test_exception();
	test_udr();
	obj_req_free(&req);
	return test_summary();
}
