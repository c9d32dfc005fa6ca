// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of fpctl's user-space helpers: keyword matching, number,
 * prefix, MAC and bandwidth parsing, the JSON writer and the -batch line
 * splitter.  No kernel needed.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "json.h"
#include "test.h"
#include "utils.h"

/* ---- keyword matching --------------------------------------------------- */

struct word {
	const char *name;
	int id;
};

static void test_matches(void)
{
	CHECK(matches("-j", "-json") == 0, "-j abbreviates -json");
	CHECK(matches("-json", "-json") == 0, "-json matches itself");
	CHECK(matches("-js", "-json") == 0, "-js abbreviates -json");
	CHECK(matches("-jsonx", "-json") != 0, "-jsonx is longer");
	CHECK(matches("-x", "-json") != 0, "-x does not match");
	CHECK(matches("", "-json") != 0, "empty never matches");
	CHECK(matches("json", "-json") != 0, "no implicit dash");
}

static void test_name_lookup(void)
{
	static const struct word objs[] = {
		{ "circuit", 0 }, { "connection", 1 }, { "version", 2 },
		{ "vnet", 3 }, { "help", 4 }, { NULL, 5 },
	};
	static const struct word addr[] = { { "addr", 0 }, { "add", 1 } };
	/* fpctl's global options, in fpctl.c's order */
	static const struct word opts[] = {
		{ "-json", 0 }, { "-pretty", 1 }, { "-netns", 2 },
		{ "-batch", 3 }, { "-force", 4 }, { "-Version", 5 },
		{ "-help", 6 },
	};
	size_t n = ARRAY_SIZE(objs);
	char buf[64];

	CHECK(TABLE_LOOKUP("circuit", objs, n) == 0, "exact");
	CHECK(TABLE_LOOKUP("ci", objs, n) == 0, "unique prefix");
	CHECK(TABLE_LOOKUP("con", objs, n) == 1, "unique prefix 2");
	CHECK(TABLE_LOOKUP("c", objs, n) == -EEXIST, "ambiguous c");
	CHECK(TABLE_LOOKUP("v", objs, n) == -EEXIST, "ambiguous v");
	CHECK(TABLE_LOOKUP("ve", objs, n) == 2, "ve is version");
	CHECK(TABLE_LOOKUP("vn", objs, n) == 3, "vn is vnet");
	CHECK(TABLE_LOOKUP("h", objs, n) == 4, "h is help");
	CHECK(TABLE_LOOKUP("x", objs, n) == -ENOENT, "unknown");
	CHECK(TABLE_LOOKUP("circuits", objs, n) == -ENOENT, "longer");
	CHECK(TABLE_LOOKUP("Circuit", objs, n) == -ENOENT, "case matters");
	CHECK(TABLE_LOOKUP("", objs, n) == -EINVAL, "empty word");
	CHECK(TABLE_LOOKUP("add", addr, 2) == 1, "exact beats prefix");
	CHECK(TABLE_LOOKUP("ad", addr, 2) == -EEXIST, "ad ambiguous");
	CHECK(TABLE_LOOKUP("addr", addr, 2) == 0, "addr exact");

	CHECK(TABLE_CANDIDATES("c", objs, n, buf, sizeof(buf)) == 2,
	      "two candidates");
	CHECK_STR(buf, "circuit, connection");
	CHECK(TABLE_CANDIDATES("v", objs, n, buf, sizeof(buf)) == 2,
	      "two candidates");
	CHECK_STR(buf, "version, vnet");
	CHECK(TABLE_CANDIDATES("z", objs, n, buf, sizeof(buf)) == 0,
	      "no candidates");
	CHECK_STR(buf, "");
	CHECK(TABLE_CANDIDATES("c", objs, n, buf, 10) == 2, "truncated");
	CHECK_STR(buf, "circuit, ");

	n = ARRAY_SIZE(opts);
	CHECK(TABLE_LOOKUP("-j", opts, n) == 0, "-j");
	CHECK(TABLE_LOOKUP("-json", opts, n) == 0, "-json");
	CHECK(TABLE_LOOKUP("-jso", opts, n) == 0, "-jso");
	CHECK(TABLE_LOOKUP("-jsonx", opts, n) == -ENOENT, "-jsonx");
	CHECK(TABLE_LOOKUP("-p", opts, n) == 1, "-p");
	CHECK(TABLE_LOOKUP("-n", opts, n) == 2, "-n");
	CHECK(TABLE_LOOKUP("-b", opts, n) == 3, "-b");
	CHECK(TABLE_LOOKUP("-f", opts, n) == 4, "-f");
	CHECK(TABLE_LOOKUP("-V", opts, n) == 5, "-V");
	CHECK(TABLE_LOOKUP("-v", opts, n) == -ENOENT, "-v is not -V");
	CHECK(TABLE_LOOKUP("-h", opts, n) == 6, "-h");
	CHECK(TABLE_LOOKUP("-", opts, n) == -EEXIST, "- alone");
	CHECK(TABLE_LOOKUP("-x", opts, n) == -ENOENT, "-x");
}

/* ---- numbers ------------------------------------------------------------ */

static void test_u32(void)
{
	uint32_t v;
	uint64_t w;

	clear_error();
	CHECK(parse_u32("0", "x", 0, UINT32_MAX, &v) == 0 && v == 0, "0");
	CHECK(parse_u32("4294967295", "x", 0, UINT32_MAX, &v) == 0 &&
	      v == UINT32_MAX, "u32 max");
	CHECK(parse_u32("0x10", "x", 0, UINT32_MAX, &v) == 0 && v == 16,
	      "hex");
	CHECK(parse_u32("0XfF", "x", 0, UINT32_MAX, &v) == 0 && v == 255,
	      "hex upper");
	CHECK(parse_u32("010", "x", 0, UINT32_MAX, &v) == 0 && v == 10,
	      "leading zero is decimal");
	CHECK(parse_u32("100", "x", 1, 100, &v) == 0 && v == 100,
	      "max inclusive");
	CHECK(parse_u32("1", "x", 1, 100, &v) == 0 && v == 1,
	      "min inclusive");
	CHECK_STR(last_error, "");

	v = 42;
	CHECK(parse_u32("4294967296", "x", 0, UINT32_MAX, &v) == -ERANGE,
	      "u32 overflow");
	CHECK(v == 42, "output untouched on error");
	CHECK(parse_u32("0", "weight", 1, 100, &v) == -ERANGE, "below min");
	CHECK_STR(last_error,
		  "weight 0 out of range: must be between 1 and 100");
	CHECK(parse_u32("101", "weight", 1, 100, &v) == -ERANGE,
	      "above max");
	CHECK(parse_u32("0x65", "weight", 1, 100, &v) == -ERANGE,
	      "hex above max");
	CHECK_STR(last_error,
		  "weight 0x65 out of range: must be between 1 and 100");
	CHECK(parse_u32("99999999999999999999999", "x", 0, UINT32_MAX, &v) ==
	      -ERANGE, "huge");
	CHECK(parse_u32("", "weight", 0, 10, &v) == -EINVAL, "empty");
	CHECK_STR(last_error, "invalid weight \"\": empty value");
	CHECK(parse_u32("12a", "weight", 0, 100, &v) == -EINVAL, "garbage");
	CHECK_STR(last_error,
		  "invalid weight \"12a\": not an unsigned integer");
	CHECK(parse_u32("-1", "x", 0, UINT32_MAX, &v) == -EINVAL, "negative");
	CHECK(parse_u32("+1", "x", 0, UINT32_MAX, &v) == -EINVAL, "plus");
	CHECK(parse_u32(" 1", "x", 0, UINT32_MAX, &v) == -EINVAL, "space");
	CHECK(parse_u32("1 ", "x", 0, UINT32_MAX, &v) == -EINVAL, "trailing");
	CHECK(parse_u32("0x", "x", 0, UINT32_MAX, &v) == -EINVAL, "bare 0x");
	CHECK(parse_u32("0xg", "x", 0, UINT32_MAX, &v) == -EINVAL, "0xg");
	CHECK(parse_u32("1e3", "x", 0, UINT32_MAX, &v) == -EINVAL, "1e3");
	CHECK(parse_u32("1.0", "x", 0, UINT32_MAX, &v) == -EINVAL, "1.0");
	CHECK(v == 42, "output untouched on errors");

	CHECK(parse_u64("18446744073709551615", "x", 0, UINT64_MAX, &w) == 0 &&
	      w == UINT64_MAX, "u64 max");
	CHECK(parse_u64("0xffffffffffffffff", "x", 0, UINT64_MAX, &w) == 0 &&
	      w == UINT64_MAX, "u64 max hex");
	CHECK(parse_u64("18446744073709551616", "x", 0, UINT64_MAX, &w) ==
	      -ERANGE, "u64 overflow");
	CHECK(parse_u64("0x10000000000000000", "x", 0, UINT64_MAX, &w) ==
	      -ERANGE, "u64 hex overflow");
	CHECK(parse_u64("4294967296", "x", 0, UINT64_MAX, &w) == 0 &&
	      w == 4294967296ULL, "above u32");
}

static void test_bandwidth(void)
{
	static const struct {
		const char *in;
		uint64_t bps;
	} good[] = {
		{ "50M", 50000000ULL },
		{ "10G", 10000000000ULL },
		{ "100g", 100000000000ULL },
		{ "1T", 1000000000000ULL },
		{ "2.5G", 2500000000ULL },
		{ "1.000G", 1000000000ULL },
		{ "0.5K", 500ULL },
		{ "100Mbps", 100000000ULL },
		{ "10Gbit", 10000000000ULL },
		{ "10gBPS", 10000000000ULL },
		{ "1k", 1000ULL },
		{ "1000", 1000ULL },
		{ "1bit", 1ULL },
		{ "0.000000000001T", 1ULL },
		{ "18446744073709551615", UINT64_MAX },
		{ "18446744T", 18446744000000000000ULL },
	};
	static const char *const bad[] = {
		"", "G", "10X", "10 G", " 10G", "10G ", "-1G", "+1G", "1.G",
		".5G", "10GB", "10Gbits", "1..5G", "0x10G", "1,5G", "10KM",
	};
	char buf[BANDWIDTH_BUFSZ];
	uint64_t v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(good); i++) {
		v = 0;
		CHECK(parse_bandwidth(good[i].in, "bandwidth", &v) == 0 &&
		      v == good[i].bps, "\"%s\" -> %llu, got %llu", good[i].in,
		      (unsigned long long)good[i].bps, (unsigned long long)v);
	}
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		v = 7;
		CHECK(parse_bandwidth(bad[i], "bandwidth", &v) == -EINVAL &&
		      v == 7, "\"%s\" must be rejected", bad[i]);
	}
	CHECK(parse_bandwidth("10X", "bandwidth", &v) == -EINVAL, "10X");
	CHECK_STR(last_error,
		  "invalid bandwidth \"10X\": expected a number of bit/s with an optional K, M, G or T suffix, e.g. 10G");
	CHECK(parse_bandwidth("1.5", "bandwidth", &v) == -EINVAL,
	      "fraction of a bit");
	CHECK_STR(last_error,
		  "invalid bandwidth \"1.5\": not a whole number of bit/s");
	CHECK(parse_bandwidth("0.0001K", "bandwidth", &v) == -EINVAL,
	      "0.1 bit");
	CHECK(parse_bandwidth("0", "bandwidth", &v) == -ERANGE, "zero");
	CHECK_STR(last_error,
		  "invalid bandwidth \"0\": must be greater than zero");
	CHECK(parse_bandwidth("0.0M", "bandwidth", &v) == -ERANGE, "0.0M");
	CHECK(parse_bandwidth("18446745T", "bandwidth", &v) == -ERANGE,
	      "overflow with suffix");
	CHECK(parse_bandwidth("18446744073709551616", "bandwidth", &v) ==
	      -ERANGE, "overflow");
	CHECK(parse_bandwidth("99999999999999999999999", "bandwidth", &v) ==
	      -ERANGE, "huge");
	CHECK_STR(last_error,
		  "invalid bandwidth \"99999999999999999999999\": too large");

	CHECK_STR(format_bandwidth(10000000000ULL, buf, sizeof(buf)), "10G");
	CHECK_STR(format_bandwidth(1500000000ULL, buf, sizeof(buf)), "1500M");
	CHECK_STR(format_bandwidth(50000000ULL, buf, sizeof(buf)), "50M");
	CHECK_STR(format_bandwidth(1000000000000ULL, buf, sizeof(buf)), "1T");
	CHECK_STR(format_bandwidth(1000ULL, buf, sizeof(buf)), "1K");
	CHECK_STR(format_bandwidth(1001ULL, buf, sizeof(buf)), "1001");
	CHECK_STR(format_bandwidth(999ULL, buf, sizeof(buf)), "999");
	CHECK_STR(format_bandwidth(0, buf, sizeof(buf)), "0");
	CHECK_STR(format_bandwidth(UINT64_MAX, buf, sizeof(buf)),
		  "18446744073709551615");
	/* round trip */
	CHECK(parse_bandwidth(format_bandwidth(2500000000ULL, buf, sizeof(buf)),
			      "bw", &v) == 0 && v == 2500000000ULL,
	      "round trip");
}

/* ---- prefixes ----------------------------------------------------------- */

static bool prefix_is(const char *in, int family, unsigned int flags,
		      int want_family, unsigned int want_len, const char *addr)
{
	struct fp_prefix p;
	uint8_t raw[16] = { 0 };

	if (parse_prefix(in, "prefix", family, flags, &p))
		return false;
	if (inet_pton(want_family, addr, raw) != 1)
		return false;
	return p.family == want_family && p.len == want_len &&
	       !memcmp(p.addr.raw, raw, want_family == AF_INET ? 4 : 16);
}

/* Rejected with error @err and a message containing @needle. */
static bool prefix_rejected(const char *in, int family, unsigned int flags,
			    int err, const char *needle)
{
	struct fp_prefix p = { .family = 99 };

	clear_error();
	if (parse_prefix(in, "prefix", family, flags, &p) != err)
		return false;
	if (p.family != 99)
		return false;	/* output must stay untouched */
	return strstr(last_error, needle) != NULL;
}

static void test_prefix(void)
{
	char buf[PREFIX_BUFSZ];
	struct fp_prefix p;

	/* valid */
	CHECK(prefix_is("10.0.0.0/8", AF_UNSPEC, 0, AF_INET, 8, "10.0.0.0"),
	      "10.0.0.0/8");
	CHECK(prefix_is("0.0.0.0/0", AF_UNSPEC, 0, AF_INET, 0, "0.0.0.0"),
	      "default v4");
	CHECK(prefix_is("192.168.1.1/32", AF_INET, 0, AF_INET, 32,
			"192.168.1.1"), "host v4");
	CHECK(prefix_is("172.16.0.0/12", AF_INET, 0, AF_INET, 12,
			"172.16.0.0"), "/12");
	CHECK(prefix_is("255.255.255.254/31", AF_UNSPEC, 0, AF_INET, 31,
			"255.255.255.254"), "/31");
	CHECK(prefix_is("2001:db8::/32", AF_UNSPEC, 0, AF_INET6, 32,
			"2001:db8::"), "2001:db8::/32");
	CHECK(prefix_is("2001:DB8::/32", AF_INET6, 0, AF_INET6, 32,
			"2001:db8::"), "upper case v6");
	CHECK(prefix_is("::/0", AF_UNSPEC, 0, AF_INET6, 0, "::"),
	      "default v6");
	CHECK(prefix_is("fe80::1/128", AF_UNSPEC, 0, AF_INET6, 128,
			"fe80::1"), "host v6");
	CHECK(prefix_is("2001:db8:0:1::/64", AF_UNSPEC, 0, AF_INET6, 64,
			"2001:db8:0:1::"), "/64");
	CHECK(prefix_is("2001:db8::8000/113", AF_UNSPEC, 0, AF_INET6, 113,
			"2001:db8::8000"), "/113 boundary bit");
	CHECK(prefix_is("10.1.2.3", AF_UNSPEC, PREFIX_ALLOW_HOST, AF_INET, 32,
			"10.1.2.3"), "bare v4 host");
	CHECK(prefix_is("2001:db8::1", AF_UNSPEC, PREFIX_ALLOW_HOST, AF_INET6,
			128, "2001:db8::1"), "bare v6 host");
	CHECK(prefix_is("::1.2.3.4/128", AF_UNSPEC, 0, AF_INET6, 128,
			"::1.2.3.4"), "v4-compatible is plain v6");

	/* invalid */
	CHECK(prefix_rejected("", AF_UNSPEC, 0, -EINVAL,
			      "invalid prefix \"\": empty value"), "empty");
	CHECK(prefix_rejected("10.0.0.1/8", AF_UNSPEC, 0, -EINVAL,
			      "invalid prefix \"10.0.0.1/8\": host bits set (did you mean 10.0.0.0/8?)"),
	      "host bits v4");
	CHECK(prefix_rejected("1.2.3.4/0", AF_UNSPEC, 0, -EINVAL,
			      "(did you mean 0.0.0.0/0?)"), "host bits /0");
	CHECK(prefix_rejected("255.255.255.255/31", AF_UNSPEC, 0, -EINVAL,
			      "(did you mean 255.255.255.254/31?)"),
	      "host bits /31");
	CHECK(prefix_rejected("10.1.2.3/17", AF_UNSPEC, 0, -EINVAL,
			      "(did you mean 10.1.0.0/17?)"),
	      "host bits mid-byte");
	CHECK(prefix_rejected("2001:db8::1/32", AF_UNSPEC, 0, -EINVAL,
			      "host bits set (did you mean 2001:db8::/32?)"),
	      "host bits v6");
	CHECK(prefix_rejected("2001:db8::8000/112", AF_UNSPEC, 0, -EINVAL,
			      "(did you mean 2001:db8::/112?)"),
	      "host bits v6 /112");
	CHECK(prefix_rejected("10.0.0.0/33", AF_UNSPEC, 0, -ERANGE,
			      "prefix length 33 out of range for IPv4 (0-32)"),
	      "/33");
	CHECK(prefix_rejected("2001:db8::/129", AF_UNSPEC, 0, -ERANGE,
			      "prefix length 129 out of range for IPv6 (0-128)"),
	      "/129");
	CHECK(prefix_rejected("10.0.0.0/", AF_UNSPEC, 0, -EINVAL,
			      "missing prefix length after '/'"), "no len");
	CHECK(prefix_rejected("10.0.0.0", AF_UNSPEC, 0, -EINVAL,
			      "missing prefix length (e.g. 10.0.0.0/32)"),
	      "bare address without PREFIX_ALLOW_HOST");
	CHECK(prefix_rejected("10.0.0.0/-1", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length \"-1\""), "/-1");
	CHECK(prefix_rejected("10.0.0.0/+8", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length"), "/+8");
	CHECK(prefix_rejected("10.0.0.0/08", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length \"08\""), "leading zero");
	CHECK(prefix_rejected("10.0.0.0/8/8", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length \"8/8\""), "two slashes");
	CHECK(prefix_rejected("10.0.0.0/8 ", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length"), "trailing space");
	CHECK(prefix_rejected("10.0.0.0/0x8", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length"), "hex length");
	CHECK(prefix_rejected("10.0.0.0/0008", AF_UNSPEC, 0, -EINVAL,
			      "bad prefix length"), "long length");
	CHECK(prefix_rejected("/8", AF_UNSPEC, 0, -EINVAL,
			      "missing address before '/'"), "no address");
	CHECK(prefix_rejected("garbage", AF_UNSPEC, 0, -EINVAL,
			      "\"garbage\" is not a valid IPv4 address"),
	      "garbage");
	CHECK(prefix_rejected("10.0.0/24", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv4 address"), "short v4");
	CHECK(prefix_rejected("10.0.0.256/32", AF_UNSPEC, 0, -EINVAL,
			      "\"10.0.0.256\" is not a valid IPv4 address"),
	      "octet > 255");
	CHECK(prefix_rejected("010.0.0.0/8", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv4 address"),
	      "leading zero octet (octal ambiguity)");
	CHECK(prefix_rejected(" 10.0.0.0/8", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv4 address"), "leading space");
	CHECK(prefix_rejected("10.0.0.0.0/8", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv4 address"), "five octets");
	CHECK(prefix_rejected("2001:db8:::/32", AF_UNSPEC, 0, -EINVAL,
			      "\"2001:db8:::\" is not a valid IPv6 address"),
	      "triple colon");
	CHECK(prefix_rejected("2001:db8::g/32", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv6 address"), "bad hex");
	CHECK(prefix_rejected("1:2:3:4:5:6:7:8:9/128", AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv6 address"), "9 groups");
	CHECK(prefix_rejected("fe80::1%eth0/128", AF_UNSPEC, 0, -EINVAL,
			      "scope ids (%...) are not allowed"), "scope id");
	CHECK(prefix_rejected("::ffff:10.0.0.0/104", AF_UNSPEC, 0, -EINVAL,
			      "IPv4-mapped IPv6 addresses are not accepted; use the IPv4 form 10.0.0.0/8"),
	      "v4-mapped prefix");
	CHECK(prefix_rejected("::ffff:10.1.2.3", AF_UNSPEC, PREFIX_ALLOW_HOST,
			      -EINVAL, "use the IPv4 form 10.1.2.3/32"),
	      "v4-mapped host");
	CHECK(prefix_rejected("::ffff:0:0/96", AF_UNSPEC, 0, -EINVAL,
			      "use the IPv4 form 0.0.0.0/0"),
	      "v4-mapped range");
	CHECK(prefix_rejected("::ffff:10.1.2.3/104", AF_UNSPEC, 0, -EINVAL,
			      "IPv4-mapped"), "v4-mapped before host bits");
	CHECK(prefix_rejected("::ffff:0:0/80", AF_UNSPEC, 0, -EINVAL,
			      "IPv4-mapped IPv6 addresses are not accepted"),
	      "v4-mapped short prefix");
	CHECK(prefix_rejected("10.0.0.0/8", AF_INET6, 0, -EINVAL,
			      "expected an IPv6 prefix"), "family v6 only");
	CHECK(prefix_rejected("2001:db8::/32", AF_INET, 0, -EINVAL,
			      "expected an IPv4 prefix"), "family v4 only");
	CHECK(prefix_rejected("2001:db8:0000:0000:0000:0000:0000:0000:1/128",
			      AF_UNSPEC, 0, -EINVAL,
			      "is not a valid IPv6 address"), "too long");

	/* formatting */
	CHECK(parse_prefix("2001:db8::/32", "p", AF_UNSPEC, 0, &p) == 0,
	      "parse for format");
	CHECK_STR(format_prefix(&p, buf, sizeof(buf)), "2001:db8::/32");
	CHECK(parse_prefix("10.0.0.0/8", "p", AF_UNSPEC, 0, &p) == 0,
	      "parse for format");
	CHECK_STR(format_prefix(&p, buf, sizeof(buf)), "10.0.0.0/8");
	CHECK(parse_prefix("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", "p",
			   AF_UNSPEC, 0, &p) == 0, "longest v6");
	CHECK_STR(format_prefix(&p, buf, sizeof(buf)),
		  "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128");
}

/* ---- MAC addresses ------------------------------------------------------ */

static void test_mac(void)
{
	static const char *const bad[] = {
		"", "52:54:00:12:34", "52:54:00:12:34:56:78",
		"52-54-00-12-34-56", "525400123456", "52:54:00:12:34:5g",
		"123:54:00:12:34:56", "52:54:00:12:34:56:", ":52:54:00:12:34:56",
		"52::00:12:34:56", "52:54:00:12:34:56 ", " 52:54:00:12:34:56",
		"0x52:54:00:12:34:56", "52:54:00:12:34:-1",
	};
	const uint8_t want[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	const uint8_t want2[6] = { 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff };
	const uint8_t want3[6] = { 0, 1, 2, 3, 4, 5 };
	uint8_t mac[6], orig[6] = { 9, 9, 9, 9, 9, 9 };
	char buf[MAC_BUFSZ];
	size_t i;

	CHECK(parse_mac("52:54:00:12:34:56", "mac", mac) == 0 &&
	      !memcmp(mac, want, 6), "plain");
	CHECK(parse_mac("AA:bb:CC:dd:EE:ff", "mac", mac) == 0 &&
	      !memcmp(mac, want2, 6), "mixed case");
	CHECK(parse_mac("0:1:2:3:4:5", "mac", mac) == 0 &&
	      !memcmp(mac, want3, 6), "single digits");
	CHECK_STR(format_mac(want, buf, sizeof(buf)), "52:54:00:12:34:56");
	CHECK_STR(format_mac(want2, buf, sizeof(buf)), "aa:bb:cc:dd:ee:ff");
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memcpy(mac, orig, 6);
		CHECK(parse_mac(bad[i], "mac", mac) == -EINVAL &&
		      !memcmp(mac, orig, 6), "\"%s\" must be rejected", bad[i]);
	}
	parse_mac("52:54", "mac", mac);
	CHECK_STR(last_error,
		  "invalid mac \"52:54\": expected an Ethernet address like 52:54:00:12:34:56");
}

/* ---- JSON --------------------------------------------------------------- */

static char *json_of(const char *s)
{
	static char out[512];
	size_t len;
	char *buf;
	FILE *f;

	f = open_memstream(&buf, &len);
	json_print_string(f, s);
	fclose(f);
	snprintf(out, sizeof(out), "%s", buf);
	free(buf);
	return out;
}

static void test_json_escape(void)
{
	CHECK_STR(json_of("plain"), "\"plain\"");
	CHECK_STR(json_of(""), "\"\"");
	CHECK_STR(json_of("say \"hi\""), "\"say \\\"hi\\\"\"");
	CHECK_STR(json_of("back\\slash"), "\"back\\\\slash\"");
	CHECK_STR(json_of("a/b"), "\"a/b\"");
	CHECK_STR(json_of("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"");
	CHECK_STR(json_of("\x01\x1f\x7f"), "\"\\u0001\\u001f\\u007f\"");
	CHECK_STR(json_of("\x1b[31m"), "\"\\u001b[31m\"");
	CHECK_STR(json_of(" ~"), "\" ~\"");
	/* valid UTF-8 passes through */
	CHECK_STR(json_of("caf\xc3\xa9"), "\"caf\xc3\xa9\"");
	CHECK_STR(json_of("\xe2\x82\xac"), "\"\xe2\x82\xac\"");
	CHECK_STR(json_of("\xf0\x9f\x98\x80"), "\"\xf0\x9f\x98\x80\"");
	CHECK_STR(json_of("\xf4\x8f\xbf\xbf"), "\"\xf4\x8f\xbf\xbf\"");
	/* invalid UTF-8 becomes U+FFFD, byte by byte */
	CHECK_STR(json_of("\xff"), "\"\\ufffd\"");
	CHECK_STR(json_of("a\xc3"), "\"a\\ufffd\"");
	CHECK_STR(json_of("\xc3(x"), "\"\\ufffd(x\"");
	CHECK_STR(json_of("\xc0\xaf"), "\"\\ufffd\\ufffd\"");
	CHECK_STR(json_of("\xe0\x80\xaf"), "\"\\ufffd\\ufffd\\ufffd\"");
	CHECK_STR(json_of("\xed\xa0\x80"), "\"\\ufffd\\ufffd\\ufffd\"");
	CHECK_STR(json_of("\xf4\x90\x80\x80"),
		  "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
	CHECK_STR(json_of("\x80"), "\"\\ufffd\"");
}

static char *json_doc(bool pretty, void (*fn)(struct json_writer *jw))
{
	static char out[1024];
	struct json_writer *jw;
	size_t len;
	char *buf;
	FILE *f;

	f = open_memstream(&buf, &len);
	jw = jsonw_new(f, pretty);
	fn(jw);
	jsonw_destroy(jw);
	fclose(f);
	snprintf(out, sizeof(out), "%s", buf);
	free(buf);
	return out;
}

static void doc_all(struct json_writer *jw)
{
	jsonw_start_object(jw);
	jsonw_uint_field(jw, "a", 1);
	jsonw_string_field(jw, "b", "x\"y");
	jsonw_start_array_field(jw, "c");
	jsonw_bool(jw, true);
	jsonw_bool(jw, false);
	jsonw_null(jw);
	jsonw_end_array(jw);
	jsonw_start_object_field(jw, "d");
	jsonw_end_object(jw);
	jsonw_start_array_field(jw, "e");
	jsonw_end_array(jw);
	jsonw_int_field(jw, "f", -5);
	jsonw_uint_field(jw, "g", UINT64_MAX);
	jsonw_int_field(jw, "h", INT64_MIN);
	jsonw_start_array_field(jw, "i");
	jsonw_start_object(jw);
	jsonw_string_field(jw, "n\tm", "v");
	jsonw_end_object(jw);
	jsonw_uint(jw, 0);
	jsonw_end_array(jw);
	jsonw_bool_field(jw, "j", true);
	jsonw_null_field(jw, "k");
	jsonw_end_object(jw);
}

static void doc_empty(struct json_writer *jw)
{
	jsonw_start_object(jw);
	jsonw_end_object(jw);
}

static void doc_array(struct json_writer *jw)
{
	jsonw_start_array(jw);
	jsonw_string(jw, "a");
	jsonw_start_array(jw);
	jsonw_end_array(jw);
	jsonw_end_array(jw);
}

static void doc_two(struct json_writer *jw)
{
	jsonw_uint(jw, 1);
	jsonw_string(jw, "two");
}

static void test_json_writer(void)
{
	CHECK_STR(json_doc(false, doc_all),
		  "{\"a\":1,\"b\":\"x\\\"y\",\"c\":[true,false,null],"
		  "\"d\":{},\"e\":[],\"f\":-5,\"g\":18446744073709551615,"
		  "\"h\":-9223372036854775808,"
		  "\"i\":[{\"n\\tm\":\"v\"},0],\"j\":true,\"k\":null}\n");
	CHECK_STR(json_doc(true, doc_all),
		  "{\n"
		  "    \"a\": 1,\n"
		  "    \"b\": \"x\\\"y\",\n"
		  "    \"c\": [\n"
		  "        true,\n"
		  "        false,\n"
		  "        null\n"
		  "    ],\n"
		  "    \"d\": {},\n"
		  "    \"e\": [],\n"
		  "    \"f\": -5,\n"
		  "    \"g\": 18446744073709551615,\n"
		  "    \"h\": -9223372036854775808,\n"
		  "    \"i\": [\n"
		  "        {\n"
		  "            \"n\\tm\": \"v\"\n"
		  "        },\n"
		  "        0\n"
		  "    ],\n"
		  "    \"j\": true,\n"
		  "    \"k\": null\n"
		  "}\n");
	CHECK_STR(json_doc(false, doc_empty), "{}\n");
	CHECK_STR(json_doc(true, doc_empty), "{}\n");
	CHECK_STR(json_doc(false, doc_array), "[\"a\",[]]\n");
	CHECK_STR(json_doc(true, doc_array), "[\n    \"a\",\n    []\n]\n");
	/* top-level values are separate documents, one per line */
	CHECK_STR(json_doc(false, doc_two), "1\n\"two\"\n");
}

/* ---- -batch line splitting ---------------------------------------------- */

/* Split @in and compare with the '|'-joined words @want (NULL: error). */
static bool split_is(const char *in, const char *want)
{
	char line[256], got[256] = "", **argv;
	int argc, i;

	snprintf(line, sizeof(line), "%s", in);
	argc = split_line(line, &argv);
	if (argc < 0)
		return want == NULL;
	for (i = 0; i < argc; i++) {
		strcat(got, i ? "|" : "");
		strcat(got, argv[i]);
	}
	if (argv[argc] != NULL)
		i = -1;
	free(argv);
	if (i < 0 || !want)
		return false;
	if (strcmp(got, want))
		printf("  split \"%s\": got \"%s\", want \"%s\"\n", in, got,
		       want);
	return !strcmp(got, want);
}

static void test_split(void)
{
	char line[512], **argv;
	int argc, i;

	CHECK(split_is("version", "version"), "one word");
	CHECK(split_is("  a  b\tc  ", "a|b|c"), "blanks");
	CHECK(split_is("", ""), "empty line");
	CHECK(split_is("   \t ", ""), "blank line");
	CHECK(split_is("# comment", ""), "comment line");
	CHECK(split_is("   # indented comment", ""), "indented comment");
	CHECK(split_is("a b # comment 'x", "a|b"), "trailing comment");
	CHECK(split_is("a#b", "a#b"), "# inside a word");
	CHECK(split_is("'a b' c", "a b|c"), "single quotes");
	CHECK(split_is("\"a \\\"q\\\" b\"", "a \"q\" b"), "double quotes");
	CHECK(split_is("'a\\b'", "a\\b"), "backslash literal in ''");
	CHECK(split_is("a\\ b", "a b"), "escaped blank");
	CHECK(split_is("''", ""), "empty quoted word counts");
	CHECK(split_is("a '' b", "a||b"), "empty word in the middle");
	CHECK(split_is("x'y'\"z\"w", "xyzw"), "joined quoting");
	CHECK(split_is("'#not a comment'", "#not a comment"), "quoted #");
	CHECK(split_is("dev \"eth 0\"", "dev|eth 0"), "quoted argument");
	CHECK(split_is("version\r", "version"), "CRLF");
	CHECK(split_is("'unterminated", NULL), "unterminated single");
	CHECK_STR(last_error, "unterminated single quote");
	CHECK(split_is("a \"unterminated", NULL), "unterminated double");
	CHECK_STR(last_error, "unterminated double quote");
	CHECK(split_is("trailing\\", NULL), "trailing backslash");
	CHECK_STR(last_error, "trailing backslash");

	/* many words: the array grows */
	line[0] = '\0';
	for (i = 0; i < 100; i++)
		strcat(line, "w ");
	argc = split_line(line, &argv);
	CHECK(argc == 100, "100 words, got %d", argc);
	if (argc == 100)
		CHECK(!strcmp(argv[99], "w") && argv[100] == NULL,
		      "100th word and NULL terminator");
	if (argc >= 0)
		free(argv);
}

int main(void)
{
	test_capture_errors();
	test_matches();
	test_name_lookup();
	test_u32();
	test_bandwidth();
	test_prefix();
	test_mac();
	test_json_escape();
	test_json_writer();
	test_split();
	return test_summary();
}
