// SPDX-License-Identifier: GPL-2.0
/*
 * Route sets for the in-kernel lookup benchmark, written as `ip -batch`
 * files ("route add PREFIX/LEN dev dummy0 table 100").  The sets come from
 * tools/bench/lpm_bench.c itself (included below, unchanged), so the
 * prefixes are derived exactly as the user-space benchmark derives them:
 *
 *   real4   tor-geoipdb IPv4 ranges -> CIDR, plus the covering /8 and /16
 *           routes (561,828 CIDR prefixes, 571,337 routes)
 *   real6   the same for IPv6 (595,148 CIDR, 601,491 routes)
 *   100k, 1k, 6-100k, 6-1k
 *           random subsets (subset(): draws with replacement, deduplicated)
 *           of real4 / real6 from lpm_bench's fixed xorshift seed
 *   bgp, hosts, nested
 *           lpm_bench's generated IPv4 sets: ~900k clustered like a BGP
 *           table, 2,107,146 host routes (2M /32 in 64 /16s + 10k /24s),
 *           500k adversarial nested chains
 *
 * Usage: gen_routes SET FILE [DEV [TABLE]]
 */
#pragma GCC diagnostic ignored "-Wunused-function"
/*
 * lpm_bench.c's main() becomes an unused static function ("int static
 * lpm_bench_main"), so the compiler drops it and everything only it calls:
 * nothing of DPDK is linked, only its headers are needed.
 */
#define main static lpm_bench_main
#include "../lpm_bench.c"
#undef main

static int emit(const struct set *s, const char *path, const char *dev,
		const char *table)
{
	char buf[INET6_ADDRSTRLEN];
	FILE *f = fopen(path, "w");
	size_t i;

	if (!f) {
		perror(path);
		return 1;
	}
	for (i = 0; i < s->n; i++) {
		inet_ntop(s->bits == 32 ? AF_INET : AF_INET6, s->p[i].a, buf,
			  sizeof(buf));
		fprintf(f, "route add %s/%u dev %s table %s\n", buf,
			s->p[i].len, dev, table);
	}
	if (fclose(f)) {
		perror(path);
		return 1;
	}
	printf("%s: %zu routes -> %s\n", s->name, s->n, path);
	return 0;
}

int main(int argc, char **argv)
{
	const char *name = argc > 2 ? argv[1] : "";
	struct set real = { "real", 32 }, sub = { name, 32 };
	const char *dev = argc > 3 ? argv[3] : "dummy0";
	const char *table = argc > 4 ? argv[4] : "100";
	bool v6 = name[0] == '6' || !strcmp(name, "real6");
	size_t n = 0;

	info = stderr;	/* lpm_bench.c's progress lines (NULL: a crash) */
	seed_set(name);	/* the sets lpm_bench times */
	if (!strcmp(name, "bgp"))
		gen_bgp(&sub);
	else if (!strcmp(name, "hosts"))
		gen_hosts(&sub);
	else if (!strcmp(name, "nested"))
		gen_nested(&sub);
	if (sub.n)
		return emit(&sub, argv[2], dev, table);
	if (!strcmp(name, "100k") || !strcmp(name, "6-100k")) {
		n = 100000;
	} else if (!strcmp(name, "1k") || !strcmp(name, "6-1k")) {
		n = 1000;
	} else if (strcmp(name, "real4") && strcmp(name, "real6")) {
		fprintf(stderr, "usage: gen_routes %s FILE [DEV [TABLE]]\n",
			"real4|real6|100k|1k|6-100k|6-1k|bgp|hosts|nested");
		return 2;
	}
	if (v6) {
		real.bits = 128;
		sub.bits = 128;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	real.name = v6 ? "real6" : "real4";
	if (load_geoip(&real, v6 ? "/usr/share/tor/geoip6" :
			      "/usr/share/tor/geoip")) {
		fprintf(stderr, "gen_routes: tor-geoipdb missing (make deps)\n");
		return 1;
	}
	if (!n)
		return emit(&real, argv[2], dev, table);
	subset(&sub, &real, n);
	return emit(&sub, argv[2], dev, table);
}
