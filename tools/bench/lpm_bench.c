// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark of the route trie (kmod/trie.c, built unchanged in user space)
 * against DPDK's rte_lpm / rte_lpm6 on the same prefixes and addresses, in
 * one run.  Not a test.  Prefix sets:
 *   real4/real6  range-to-CIDR of Debian tor-geoipdb's geoip/geoip6, plus
 *                nesting: a covering /8 (/16 for IPv6) and /16 (/32) over
 *                every group of routes (the CIDR set alone is a partition)
 *   bgp          ~900k IPv4 clustered like a BGP table: allocations /8-/20
 *                with their more-specifics, 59 % /24 (gen_bgp())
 *   hosts        2,097,152 /32s, 32,768 in each of 64 /16s, + 10,000 /24s
 *                (FastPath's case: one host route per VM; gen_hosts())
 *   nested       500k adversarial /9-/32 in nested chains (gen_nested())
 *   syn1m        synthetic 1M IPv4, BGP-like lengths, nested
 *   dense32      262,144 /32s in one /14 (host routes: VM endpoints)
 *   1k, 100k     random subsets of real4
 * "lpm_bench --dump real4|syn1m|bgp|hosts|nested" prints a set's IPv4 prefixes, one
 * "a.b.c.d/len" per line, for the data-path benchmark (make bench).
 * Addresses: uniformly random over the space (IPv6: over the covered
 * /16s), "routed" ones (inside a random route of the set: where traffic
 * goes, and on partitioned sets the hard case) and a hot set of 4096
 * distinct ones.  Prints ns per lookup
 * (single and batched), build time and rate, incremental inserts/s and
 * bytes per route, with ratios ours/theirs, then one summary line.
 */
#include <inttypes.h>
#include <math.h>
#include <arpa/inet.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_lpm.h>
#include <rte_lpm6.h>
#include <rte_errno.h>

#include "fp_kshim.h"
#include "trie.h"

#define NLOOK	(1u << 24)
#define NHOT	4096

static DEFINE_MUTEX(lock);
static FILE *info;	/* progress lines: stdout, stderr with --dump */
static int nh_obj[65536];	/* values: &nh_obj[next hop id] */

struct pfx {
	u8 a[16];
	u8 len;
	u32 nh;
};

struct set {
	const char *name;
	unsigned int bits;
	struct pfx *p;
	size_t n, cap;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static u64 rs = 88172645463325252ULL;
static u64 rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

/*
 * Start the generator of set @name from its own seed (syn1m and the
 * subsets of real4: the initial one, as --dump syn1m always had), so that
 * a set is the same whichever ran before it, here, in --dump and in
 * kbench's gen_routes.
 */
static void seed_set(const char *name)
{
	rs = 88172645463325252ULL;
	if (strcmp(name, "100k") && strcmp(name, "1k") && strcmp(name, "syn1m"))
		rs ^= name[0] * 0x9e3779b97f4a7c15ULL;
}

static void add(struct set *s, const u8 *a, unsigned int len, u32 nh)
{
	struct pfx *p;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 1024;
		s->p = realloc(s->p, s->cap * sizeof(*s->p));
	}
	p = &s->p[s->n++];
	memset(p, 0, sizeof(*p));
	memcpy(p->a, a, s->bits / 8);
	p->len = len;
	p->nh = nh;
}

static int pfx_cmp(const void *x, const void *y)
{
	const struct pfx *a = x, *b = y;
	int c = memcmp(a->a, b->a, 16);

	return c ? c : (int)a->len - (int)b->len;
}

/* sort, drop duplicates (keep the first added: originals come first) */
static void dedup(struct set *s)
{
	size_t i, j = 0;

	for (i = 0; i < s->n; i++)
		s->p[i].nh |= (u32)(i < 0xffffff ? 0 : 0);
	qsort(s->p, s->n, sizeof(*s->p), pfx_cmp);
	for (i = 0; i < s->n; i++)
		if (!j || pfx_cmp(&s->p[j - 1], &s->p[i]))
			s->p[j++] = s->p[i];
	s->n = j;
}

static void mask(u8 *a, unsigned int len, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < bits / 8; i++) {
		if (i * 8 >= len)
			a[i] = 0;
		else if (len < i * 8 + 8)
			a[i] &= (u8)(0xff00 >> (len - i * 8));
	}
}

static unsigned int cc_id(const char *cc)
{
	static char names[1024][4];
	static unsigned int n;
	unsigned int i;

	for (i = 0; i < n; i++)
		if (!strncmp(names[i], cc, 3))
			return i + 1;
	if (n < 1023)
		snprintf(names[n++], 4, "%s", cc);
	return n;
}

typedef unsigned __int128 u128;

static void u128_to(u128 v, u8 *a)
{
	int i;

	for (i = 15; i >= 0; i--, v >>= 8)
		a[i] = (u8)v;
}

/* range [lo, hi] to CIDR blocks */
static void range_cidr(struct set *s, u128 lo, u128 hi, u32 nh)
{
	unsigned int bits = s->bits;
	u8 a[16];

	while (lo <= hi) {
		unsigned int k = 0;

		/* largest aligned block starting at lo within [lo, hi] */
		while (k < bits && !(lo & ((u128)1 << k)) &&
		       lo + (((u128)2 << k) - 1) <= hi)
			k++;
		if (bits == 32) {
			u32 x = htonl((u32)lo);

			memcpy(a, &x, 4);
		} else {
			u128_to(lo, a);
		}
		add(s, a, bits - k, nh);
		if (k == bits)
			break;
		lo += (u128)1 << k;
		if (!lo)
			break;
	}
}

static u128 parse6(const char *t)
{
	u8 a[16];
	u128 v = 0;
	int i;

	if (inet_pton(AF_INET6, t, a) != 1)
		return 0;
	for (i = 0; i < 16; i++)
		v = v << 8 | a[i];
	return v;
}

/* covering routes over the CIDR partition */
static void nest(struct set *s, unsigned int l1, unsigned int l2)
{
	size_t n = s->n, i;
	u8 a[16];

	for (i = 0; i < n; i++) {
		if (s->p[i].len > l1) {
			memcpy(a, s->p[i].a, 16);
			mask(a, l1, s->bits);
			add(s, a, l1, 1000 + a[0]);
		}
		if (s->p[i].len > l2) {
			memcpy(a, s->p[i].a, 16);
			mask(a, l2, s->bits);
			add(s, a, l2, 2000 + a[1]);
		}
	}
	dedup(s);
}

static int load_geoip(struct set *s, const char *path)
{
	char line[256], *c1, *c2;
	FILE *f = fopen(path, "r");
	size_t base;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		u128 lo, hi;

		if (line[0] == '#' || !(c1 = strchr(line, ',')))
			continue;
		*c1++ = 0;
		c2 = strchr(c1, ',');
		if (!c2)
			continue;
		*c2++ = 0;
		c2[strcspn(c2, "\r\n")] = 0;
		if (s->bits == 32) {
			lo = strtoull(line, NULL, 10);
			hi = strtoull(c1, NULL, 10);
		} else {
			lo = parse6(line);
			hi = parse6(c1);
		}
		range_cidr(s, lo, hi, cc_id(c2));
	}
	fclose(f);
	base = s->n;
	fprintf(info, "%s: %zu CIDR prefixes from %s", s->name, base, path);
	if (s->bits == 32)
		nest(s, 8, 16);
	else
		nest(s, 16, 32);
	fprintf(info, ", %zu with nesting\n", s->n);
	return 0;
}

static void gen_syn1m(struct set *s)
{
	static const struct { unsigned int len, pct10; } dist[] = {
		{ 8, 2 }, { 12, 5 }, { 14, 10 }, { 16, 60 }, { 18, 30 },
		{ 19, 40 }, { 20, 60 }, { 21, 60 }, { 22, 110 }, { 23, 90 },
		{ 24, 500 }, { 28, 10 }, { 32, 23 },
	};
	u8 a[16] = { 0 };

	while (s->n < 1000000) {
		unsigned int r = rnd() % 1000, i, acc = 0, len = 24;
		u32 x;

		for (i = 0; i < sizeof(dist) / sizeof(dist[0]); i++) {
			acc += dist[i].pct10;
			if (r < acc) {
				len = dist[i].len;
				break;
			}
		}
		if (s->n && rnd() % 4 == 0) {
			/* nested below an existing shorter prefix */
			const struct pfx *p = &s->p[rnd() % s->n];

			if (p->len < 32) {
				memcpy(&x, p->a, 4);
				x = ntohl(x) | ((u32)rnd() >> p->len);
				len = p->len + 1 + rnd() % (32 - p->len);
			} else {
				x = (u32)rnd();
			}
		} else {
			x = (u32)rnd();
		}
		x = htonl(x);
		memcpy(a, &x, 4);
		mask(a, len, 32);
		add(s, a, len, 1 + rnd() % 4000);
		if (s->n == 1000000)
			dedup(s);
	}
}

static void gen_dense32(struct set *s)
{
	u32 i;
	u8 a[16] = { 0 };

	for (i = 0; i < (1u << 18); i++) {
		u32 x = htonl(0x0a000000u | i);

		memcpy(a, &x, 4);
		add(s, a, 32, 1 + i % 60000);
	}
	dedup(s);
}

/* a random prefix of length @len inside @base/@blen (host order) */
static u32 inside(u32 base, unsigned int blen, unsigned int len)
{
	u32 x = base;

	if (blen < 32)
		x |= (u32)rnd() & (0xffffffffu >> blen);
	return len ? x & (0xffffffffu << (32 - len)) : 0;
}

static void add4(struct set *s, u32 host, unsigned int len, u32 nh)
{
	u32 x = htonl(host);
	u8 a[16] = { 0 };

	memcpy(a, &x, 4);
	add(s, a, len, nh);
}

/* a first octet that is unicast and may be routed: 1-223 but 10 and 127 */
static u32 public_octet(void)
{
	u32 o;

	do {
		o = 1 + rnd() % 223;
	} while (o == 10 || o == 127);
	return o;
}

/*
 * "bgp": a clustered BGP-like table of about 900,000 routes.  Address
 * space is handed out in allocations (a /8 to /20 each, 2,500 of them,
 * themselves routes: the covering aggregates); inside each allocation
 * the more-specifics cluster, as announcements of one holder do: most
 * routes are /24s, the rest /16 to /23 and a few /25 to /32, each inside
 * its allocation, and 20 % of the more-specifics sit inside an earlier,
 * shorter more-specific (deaggregated blocks announced with their
 * parts).  Lengths as in public BGP tables:
 * most routes /24, a tail to /8 and a few host routes.
 */
static void gen_bgp(struct set *s)
{
	static const struct { unsigned int len, permille; } dist[] = {
		{ 16, 12 }, { 17, 8 }, { 18, 15 }, { 19, 28 }, { 20, 45 },
		{ 21, 50 }, { 22, 95 }, { 23, 90 }, { 24, 590 }, { 25, 10 },
		{ 26, 10 }, { 27, 8 }, { 28, 10 }, { 29, 10 }, { 30, 6 },
		{ 32, 13 },
	};
	struct { u32 base; unsigned int len; } *alloc;
	const unsigned int nalloc = 2500;
	unsigned int i;

	alloc = calloc(nalloc, sizeof(*alloc));
	for (i = 0; i < nalloc; i++) {
		unsigned int len = 8 + rnd() % 13;	/* /8 .. /20 */

		if (len < 12 && rnd() % 4)
			len += 4;	/* few very large blocks */
		alloc[i].len = len;
		alloc[i].base = inside(public_octet() << 24, 8, len);
		add4(s, alloc[i].base, len, 1 + rnd() % 4000);
	}
	while (s->n < 900000) {
		unsigned int r = rnd() % 1000, acc = 0, len = 24, j;
		unsigned int a = rnd() % nalloc;
		u32 base = alloc[a].base;
		unsigned int blen = alloc[a].len;

		for (j = 0; j < sizeof(dist) / sizeof(dist[0]); j++) {
			acc += dist[j].permille;
			if (r < acc) {
				len = dist[j].len;
				break;
			}
		}
		if (len <= blen)
			len = blen + 1 + rnd() % (24 - blen);
		if (s->n > nalloc && rnd() % 5 == 0) {
			/* below an earlier, shorter more-specific */
			const struct pfx *q = &s->p[nalloc + rnd() % (s->n - nalloc)];
			u32 x;

			memcpy(&x, q->a, 4);
			if (q->len < len) {
				base = ntohl(x);
				blen = q->len;
			}
		}
		add4(s, inside(base, blen, len), len, 1 + rnd() % 4000);
		if (s->n == 900000)
			dedup(s);
	}
	free(alloc);
}

/*
 * "hosts": FastPath's own case, one /32 per VM: 2,097,152 host routes,
 * 32,768 in each of 64 /16s (VNet address spaces half full, addresses
 * spread), plus 10,000 /24s elsewhere (on-premises routes).
 */
static void gen_hosts(struct set *s)
{
	u32 nets[64];
	unsigned int i, k;

	for (i = 0; i < 64; i++)
		nets[i] = (public_octet() << 24) | ((u32)rnd() & 0x00ff0000u);
	for (i = 0; i < 64; i++) {
		/* a random half of the /16: a random odd multiplier permutes */
		u32 mul = (u32)rnd() | 1, off = (u32)rnd();

		for (k = 0; k < 32768; k++)
			add4(s, nets[i] | ((k * mul + off) & 0xffffu), 32,
			     1 + (k + i * 32768) % 60000);
	}
	for (i = 0; i < 10000; i++)
		add4(s, inside(public_octet() << 24, 8, 24), 24,
		     60001 + i % 5000);
	dedup(s);
}

/*
 * "nested": adversarial, 500,000 random /9 to /32 in nested chains:
 * each chain starts at a random /9../16 and goes down one to four bits
 * at a time to a /32, every step a route, so lookups end deep and every
 * level has both a prefix and a child.
 */
static void gen_nested(struct set *s)
{
	do {
		while (s->n < 500000) {
			unsigned int len = 9 + rnd() % 8, plen;
			u32 x = inside(public_octet() << 24, 8, len);

			for (;;) {
				add4(s, x, len, 1 + rnd() % 60000);
				if (len == 32)
					break;
				plen = len;
				len += 1 + rnd() % 4;
				if (len > 32)
					len = 32;
				x = inside(x, plen, len);
			}
		}
		dedup(s);	/* chains may meet: until 500,000 distinct */
	} while (s->n < 500000);
}

static void subset(struct set *d, const struct set *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const struct pfx *p = &s->p[rnd() % s->n];

		add(d, p->a, p->len, p->nh);
	}
	dedup(d);
}

/* ---- measurements ---- */

struct res {
	double build_s, ins_per_s, mem, look_ns, routed_ns, hot_ns, batch_ns;
	u64 check;
};

static struct fp_trie_entry *entries(const struct set *s)
{
	struct fp_trie_entry *e = calloc(s->n, sizeof(*e));
	size_t i;

	for (i = 0; i < s->n; i++) {
		memcpy(e[i].pfx.addr, s->p[i].a, 16);
		e[i].pfx.len = s->p[i].len;
		e[i].value = &nh_obj[s->p[i].nh];
	}
	return e;
}

/* u32 next hop id from our value (0: miss) */
static inline u32 our_nh(void *v)
{
	return v ? (u32)((int *)v - nh_obj) : 0;
}

static u64 ours4_run(struct fp_trie *t, const u32 *addr, size_t n, u32 *out)
{
	u64 sum = 0;
	size_t i;

	rcu_read_lock();
	for (i = 0; i < n; i++) {
		u32 h = our_nh(fp_trie_lookup4(t, addr[i]));

		sum += h;
		if (out)
			out[i] = h;
	}
	rcu_read_unlock();
	return sum;
}

static u64 rte4_run(struct rte_lpm *l, const u32 *addr_be, size_t n, u32 *out)
{
	u64 sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		u32 h = 0;

		if (rte_lpm_lookup(l, ntohl(addr_be[i]), &h))
			h = 0;
		sum += h;
		if (out)
			out[i] = h;
	}
	return sum;
}

static u64 rte4_runx4(struct rte_lpm *l, const u32 *host, size_t n)
{
	u64 sum = 0;
	size_t i;
	u32 hop[4];

	for (i = 0; i + 4 <= n; i += 4) {
		xmm_t ip = _mm_loadu_si128((const __m128i *)&host[i]);

		rte_lpm_lookupx4(l, ip, hop, 0);
		sum += hop[0] + hop[1] + hop[2] + hop[3];
	}
	return sum;
}

/* ours, 4 independent lookups per step */
static u64 ours4_runx4(struct fp_trie *t, const u32 *addr, size_t n)
{
	u64 sum = 0;
	size_t i;

	rcu_read_lock();
	for (i = 0; i + 4 <= n; i += 4) {
		sum += our_nh(fp_trie_lookup4(t, addr[i])) +
		       our_nh(fp_trie_lookup4(t, addr[i + 1])) +
		       our_nh(fp_trie_lookup4(t, addr[i + 2])) +
		       our_nh(fp_trie_lookup4(t, addr[i + 3]));
	}
	rcu_read_unlock();
	return sum;
}

static double best_of(double *v, int n)
{
	double b = v[0];
	int i;

	for (i = 1; i < n; i++)
		if (v[i] < b)
			b = v[i];
	return b;
}

#define REPS 5

static int tbl8_needed4(const struct set *s)
{
	u32 *k = malloc(s->n * sizeof(u32) + 4);
	size_t i, m = 0, d = 0;

	for (i = 0; i < s->n; i++) {
		u32 x;

		if (s->p[i].len <= 24)
			continue;
		memcpy(&x, s->p[i].a, 4);
		k[m++] = ntohl(x) >> 8;
	}
	qsort(k, m, sizeof(u32), (int (*)(const void *, const void *))memcmp);
	for (i = 0; i < m; i++)
		if (!i || k[i] != k[i - 1])
			d++;
	free(k);
	return (int)d;
}

static void bench4(const struct set *s, struct res *o, struct res *r)
{
	struct fp_trie_entry *e = entries(s);
	struct rte_lpm_config cfg = { 0 };
	u32 *addr = malloc(NLOOK * 4), *host = malloc(NLOOK * 4);
	u32 *hot = malloc(NLOOK * 4), *hoth = malloc(NLOOK * 4);
	u32 *o1 = malloc(NLOOK * 4), *o2 = malloc(NLOOK * 4);
	u32 *routed = malloc(NLOOK * 4);
	double t0, to[4][REPS], tr[4][REPS];
	struct fp_trie t, t2;
	struct rte_lpm *l;
	size_t i, bad = 0;
	int k, tbl8;
	char name[64];

	for (i = 0; i < NLOOK; i++) {
		host[i] = (u32)rnd();
		addr[i] = htonl(host[i]);
	}
	for (i = 0; i < NLOOK; i++) {
		hoth[i] = host[rnd() % NHOT];
		hot[i] = htonl(hoth[i]);
	}
	/* inside random routes of the set: where traffic goes */
	for (i = 0; i < NLOOK; i++) {
		const struct pfx *p = &s->p[rnd() % s->n];
		u32 x;

		memcpy(&x, p->a, 4);
		routed[i] = htonl(inside(ntohl(x), p->len, 32));
	}

	/* ours: bulk build */
	fp_trie_init(&t, 32, &lock);
	mutex_lock(&lock);
	t0 = now();
	if (fp_trie_replace_all(&t, e, s->n))
		abort();
	o->build_s = now() - t0;
	mutex_unlock(&lock);
	o->mem = fp_trie_mem(&t);

	/* ours: incremental inserts (random order) */
	fp_trie_init(&t2, 32, &lock);
	mutex_lock(&lock);
	for (i = s->n - 1; i > 0; i--) {
		size_t j = rnd() % (i + 1);
		struct fp_trie_entry x = e[i];

		e[i] = e[j];
		e[j] = x;
	}
	t0 = now();
	for (i = 0; i < s->n; i++)
		if (fp_trie_insert(&t2, &e[i].pfx, e[i].value, NULL))
			abort();
	o->ins_per_s = s->n / (now() - t0);
	mutex_unlock(&lock);
	if (fp_trie_mem(&t2) != o->mem)
		printf("  note: incremental build uses %zu bytes, bulk %zu\n",
		       fp_trie_mem(&t2), (size_t)o->mem);
	fp_trie_destroy(&t2);

	/* rte_lpm */
	tbl8 = tbl8_needed4(s);
	cfg.max_rules = s->n + 16;
	cfg.number_tbl8s = tbl8 + 16;
	snprintf(name, sizeof(name), "l4_%s", s->name);
	l = rte_lpm_create(name, 0, &cfg);
	if (!l) {
		fprintf(stderr, "rte_lpm_create: %s\n", rte_strerror(rte_errno));
		exit(1);
	}
	t0 = now();
	for (i = 0; i < s->n; i++) {
		u32 x;

		memcpy(&x, s->p[i].a, 4);
		if (rte_lpm_add(l, ntohl(x), s->p[i].len, s->p[i].nh)) {
			fprintf(stderr, "rte_lpm_add failed\n");
			exit(1);
		}
	}
	r->build_s = now() - t0;
	r->ins_per_s = s->n / r->build_s;
	/* tbl24 + tbl8 groups + rule table, as allocated */
	r->mem = (double)(1u << 24) * 4 + (double)cfg.number_tbl8s * 256 * 4 +
		 (double)cfg.max_rules * 8;

	/* same answers? */
	ours4_run(&t, addr, NLOOK, o1);
	rte4_run(l, addr, NLOOK, o2);
	for (i = 0; i < NLOOK; i++)
		bad += o1[i] != o2[i];
	ours4_run(&t, routed, NLOOK, o1);
	rte4_run(l, routed, NLOOK, o2);
	for (i = 0; i < NLOOK; i++)
		bad += o1[i] != o2[i];
	if (bad) {
		printf("  MISMATCH: %zu of %u lookups differ\n", bad, 2 * NLOOK);
		exit(1);
	}

	/* ours and theirs alternate, best of REPS each (shared machine) */
	for (k = 0; k < REPS; k++) {
		t0 = now();
		o->check += ours4_run(&t, addr, NLOOK, NULL);
		to[0][k] = now() - t0;
		t0 = now();
		r->check += rte4_run(l, addr, NLOOK, NULL);
		tr[0][k] = now() - t0;
		t0 = now();
		o->check += ours4_run(&t, hot, NLOOK, NULL);
		to[1][k] = now() - t0;
		t0 = now();
		r->check += rte4_run(l, hot, NLOOK, NULL);
		tr[1][k] = now() - t0;
		t0 = now();
		o->check += ours4_runx4(&t, addr, NLOOK);
		to[2][k] = now() - t0;
		t0 = now();
		r->check += rte4_runx4(l, host, NLOOK);
		tr[2][k] = now() - t0;
		t0 = now();
		o->check += ours4_run(&t, routed, NLOOK, NULL);
		to[3][k] = now() - t0;
		t0 = now();
		r->check += rte4_run(l, routed, NLOOK, NULL);
		tr[3][k] = now() - t0;
	}
	o->look_ns = best_of(to[0], REPS) * 1e9 / NLOOK;
	r->look_ns = best_of(tr[0], REPS) * 1e9 / NLOOK;
	o->hot_ns = best_of(to[1], REPS) * 1e9 / NLOOK;
	r->hot_ns = best_of(tr[1], REPS) * 1e9 / NLOOK;
	o->batch_ns = best_of(to[2], REPS) * 1e9 / NLOOK;
	r->batch_ns = best_of(tr[2], REPS) * 1e9 / NLOOK;
	o->routed_ns = best_of(to[3], REPS) * 1e9 / NLOOK;
	r->routed_ns = best_of(tr[3], REPS) * 1e9 / NLOOK;

	rte_lpm_free(l);
	free(routed);
	fp_trie_destroy(&t);
	free(e);
	free(addr);
	free(host);
	free(hot);
	free(hoth);
	free(o1);
	free(o2);
}

/* ---- IPv6 ---- */

static int tbl8_needed6(const struct set *s)
{
	/* distinct (level, prefix truncated to the level) below depth 24 */
	size_t cap = s->n * 14 + 1, m = 0, i, d = 0;
	struct pfx *k = malloc(cap * sizeof(*k));
	unsigned int b;

	for (i = 0; i < s->n; i++) {
		for (b = 24; b < s->p[i].len; b += 8) {
			memcpy(k[m].a, s->p[i].a, 16);
			mask(k[m].a, b, 128);
			k[m].len = b;
			m++;
		}
	}
	qsort(k, m, sizeof(*k), pfx_cmp);
	for (i = 0; i < m; i++)
		if (!i || pfx_cmp(&k[i - 1], &k[i]))
			d++;
	free(k);
	return (int)d;
}

#define NLOOK6	(1u << 22)

static u64 ours6_run(struct fp_trie *t, u8 (*addr)[16], size_t n)
{
	u64 sum = 0;
	size_t i;

	rcu_read_lock();
	for (i = 0; i < n; i++)
		sum += our_nh(fp_trie_lookup6(t, addr[i]));
	rcu_read_unlock();
	return sum;
}

static u64 rte6_run(struct rte_lpm6 *l, u8 (*addr)[16], size_t n)
{
	u64 sum = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		u32 h = 0;

		rte_lpm6_lookup(l, addr[i], &h);
		sum += h;
	}
	return sum;
}

static void bench6(const struct set *s, struct res *o, struct res *r)
{
	struct fp_trie_entry *e = entries(s);
	struct rte_lpm6_config cfg = { 0 };
	u8 (*addr)[16] = malloc(NLOOK6 * 16), (*hot)[16] = malloc(NLOOK6 * 16);
	int32_t *nh = malloc(NLOOK6 * 4);
	u8 (*routed)[16] = malloc(NLOOK6 * 16);
	double t0, to[4][REPS], tr[4][REPS];
	struct rte_lpm6 *l;
	struct fp_trie t, t2;
	size_t i, bad = 0;
	int k, tbl8;

	/* random addresses below random routes' /16s (the populated space) */
	for (i = 0; i < NLOOK6; i++) {
		const struct pfx *p = &s->p[rnd() % s->n];
		u64 x = rnd(), y = rnd();

		memcpy(addr[i], &x, 8);
		memcpy(addr[i] + 8, &y, 8);
		addr[i][0] = p->a[0];
		addr[i][1] = p->a[1];
	}
	for (i = 0; i < NLOOK6; i++)
		memcpy(hot[i], addr[rnd() % NHOT], 16);
	/* inside random routes of the set */
	for (i = 0; i < NLOOK6; i++) {
		const struct pfx *p = &s->p[rnd() % s->n];
		unsigned int b;

		for (b = 0; b < 16; b++) {
			u8 m = b * 8 >= p->len ? 0xff :
			       b * 8 + 8 <= p->len ? 0 :
			       (u8)(0xff >> (p->len - b * 8));

			routed[i][b] = (p->a[b] & ~m) | ((u8)rnd() & m);
		}
	}

	fp_trie_init(&t, 128, &lock);
	mutex_lock(&lock);
	t0 = now();
	if (fp_trie_replace_all(&t, e, s->n))
		abort();
	o->build_s = now() - t0;
	mutex_unlock(&lock);
	o->mem = fp_trie_mem(&t);

	fp_trie_init(&t2, 128, &lock);
	mutex_lock(&lock);
	t0 = now();
	for (i = 0; i < s->n; i++)
		if (fp_trie_insert(&t2, &e[i].pfx, e[i].value, NULL))
			abort();
	o->ins_per_s = s->n / (now() - t0);
	mutex_unlock(&lock);
	fp_trie_destroy(&t2);

	tbl8 = tbl8_needed6(s);
	cfg.max_rules = s->n + 16;
	cfg.number_tbl8s = tbl8 + 16;
	l = rte_lpm6_create("l6", 0, &cfg);
	if (!l) {
		fprintf(stderr, "rte_lpm6_create: %s\n", rte_strerror(rte_errno));
		exit(1);
	}
	t0 = now();
	for (i = 0; i < s->n; i++)
		if (rte_lpm6_add(l, s->p[i].a, s->p[i].len, s->p[i].nh)) {
			fprintf(stderr, "rte_lpm6_add failed\n");
			exit(1);
		}
	r->build_s = now() - t0;
	r->ins_per_s = s->n / r->build_s;
	/* tbl24 (2^24 x 4 B) + tbl8 groups + rule hash (approx. 32 B) */
	r->mem = (double)(1u << 24) * 4 + (double)cfg.number_tbl8s * 256 * 4 +
		 (double)cfg.max_rules * 32;

	rcu_read_lock();
	for (i = 0; i < NLOOK6; i++) {
		u32 h = 0;

		if (rte_lpm6_lookup(l, addr[i], &h))
			h = 0;
		bad += h != our_nh(fp_trie_lookup6(&t, addr[i]));
		h = 0;
		if (rte_lpm6_lookup(l, routed[i], &h))
			h = 0;
		bad += h != our_nh(fp_trie_lookup6(&t, routed[i]));
	}
	rcu_read_unlock();
	if (bad) {
		printf("  MISMATCH: %zu IPv6 lookups differ\n", bad);
		exit(1);
	}

	for (k = 0; k < REPS; k++) {
		t0 = now();
		o->check += ours6_run(&t, addr, NLOOK6);
		to[0][k] = now() - t0;
		t0 = now();
		r->check += rte6_run(l, addr, NLOOK6);
		tr[0][k] = now() - t0;
		t0 = now();
		o->check += ours6_run(&t, hot, NLOOK6);
		to[1][k] = now() - t0;
		t0 = now();
		r->check += rte6_run(l, hot, NLOOK6);
		tr[1][k] = now() - t0;
		t0 = now();
		for (i = 0; i + 64 <= NLOOK6; i += 64)
			rte_lpm6_lookup_bulk_func(l, &addr[i], nh + i, 64);
		tr[2][k] = now() - t0;
		t0 = now();
		o->check += ours6_run(&t, routed, NLOOK6);
		to[3][k] = now() - t0;
		t0 = now();
		r->check += rte6_run(l, routed, NLOOK6);
		tr[3][k] = now() - t0;
	}
	o->look_ns = best_of(to[0], REPS) * 1e9 / NLOOK6;
	r->look_ns = best_of(tr[0], REPS) * 1e9 / NLOOK6;
	o->hot_ns = best_of(to[1], REPS) * 1e9 / NLOOK6;
	r->hot_ns = best_of(tr[1], REPS) * 1e9 / NLOOK6;
	r->batch_ns = best_of(tr[2], REPS) * 1e9 / NLOOK6;
	o->batch_ns = o->look_ns;	/* no separate bulk API */
	o->routed_ns = best_of(to[3], REPS) * 1e9 / NLOOK6;
	r->routed_ns = best_of(tr[3], REPS) * 1e9 / NLOOK6;
	free(routed);

	rte_lpm6_free(l);
	fp_trie_destroy(&t);
	free(e);
	free(addr);
	free(hot);
	free(nh);
}

static void report(const struct set *s, const struct res *o,
		   const struct res *r, const char *peer)
{
	printf("%-8s %8zu routes | ours: build %.3f s (%.2fM/s), insert %.0fk/s, %.2f MiB (%.1f B/route), lookup %.2f ns, routed %.2f ns, hot %.2f ns, x4 %.2f ns\n",
	       s->name, s->n, o->build_s, s->n / o->build_s / 1e6,
	       o->ins_per_s / 1e3, o->mem / 1048576, o->mem / s->n,
	       o->look_ns, o->routed_ns, o->hot_ns, o->batch_ns);
	printf("%-8s %8s        | %s: build %.3f s (%.2fM/s), %.2f MiB (%.1f B/route), lookup %.2f ns, routed %.2f ns, hot %.2f ns, batch %.2f ns\n",
	       "", "", peer, r->build_s, r->ins_per_s / 1e6, r->mem / 1048576,
	       r->mem / s->n, r->look_ns, r->routed_ns, r->hot_ns, r->batch_ns);
	printf("%-8s %8s        | ratio ours/%s: lookup %.2f, routed %.2f, hot %.2f, batch %.2f, memory %.3f, build time %.3f\n",
	       "", "", peer, o->look_ns / r->look_ns,
	       o->routed_ns / r->routed_ns, o->hot_ns / r->hot_ns,
	       o->batch_ns / r->batch_ns, o->mem / r->mem,
	       o->build_s / r->build_s);
}

/* --dump NAME: the IPv4 set's prefixes as text, one per line */
static int dump(const char *name)
{
	struct set set = { name, 32 };
	size_t i;

	info = stderr;
	seed_set(name);
	if (!strcmp(name, "real4")) {
		if (load_geoip(&set, "/usr/share/tor/geoip")) {
			fprintf(stderr, "tor-geoipdb missing (make deps)\n");
			return 1;
		}
	} else if (!strcmp(name, "syn1m")) {
		gen_syn1m(&set);
	} else if (!strcmp(name, "bgp")) {
		gen_bgp(&set);
	} else if (!strcmp(name, "hosts")) {
		gen_hosts(&set);
	} else if (!strcmp(name, "nested")) {
		gen_nested(&set);
	} else {
		fprintf(stderr, "--dump: real4, syn1m, bgp, hosts or nested\n");
		return 2;
	}
	for (i = 0; i < set.n; i++)
		printf("%u.%u.%u.%u/%u\n", set.p[i].a[0], set.p[i].a[1],
		       set.p[i].a[2], set.p[i].a[3], set.p[i].len);
	return 0;
}

/* one IPv4 set: generate, measure against rte_lpm, report, free */
static void run4(struct set *st, void (*gen)(struct set *), struct res *o,
		 struct res *r)
{
	memset(o, 0, sizeof(*o));
	memset(r, 0, sizeof(*r));
	if (gen) {
		seed_set(st->name);
		gen(st);
	}
	bench4(st, o, r);
	report(st, o, r, "rte_lpm");
}

int main(int argc, char **argv)
{
	/* --no-shconf: no shared run-time files, so runs may overlap */
	char *eal[] = { argv[0], "--no-huge", "--no-pci", "-m", "3072",
			"--log-level=error", "--no-telemetry", "--no-shconf",
			NULL };
	struct set real4 = { "real4", 32 }, real6 = { "real6", 128 };
	struct set syn = { "syn1m", 32 }, dense = { "dense32", 32 };
	struct set bgp = { "bgp", 32 }, hosts = { "hosts", 32 };
	struct set nested = { "nested", 32 };
	struct set s1k = { "1k", 32 }, s100k = { "100k", 32 };
	struct res o4 = { 0 }, r4 = { 0 }, o6 = { 0 }, r6 = { 0 }, o, r;
	struct res ob = { 0 }, rb = { 0 }, oh = { 0 }, rh = { 0 };
	double mem_worst = 0, routed_worst = 0;
	bool quick = argc > 1 && !strcmp(argv[1], "--quick");
	/* --sets a,b: only these IPv4 sets after real4/real6 */
	const char *only = argc > 2 && !strcmp(argv[1], "--sets") ? argv[2] : NULL;

	if (argc > 2 && !strcmp(argv[1], "--dump"))
		return dump(argv[2]);
	info = stdout;
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (rte_eal_init(8, eal) < 0) {
		fprintf(stderr, "rte_eal_init failed\n");
		return 1;
	}
	rcu_register_thread();
	if (fp_trie_module_init()) {
		fprintf(stderr, "fp_trie_module_init failed\n");
		return 1;
	}
	if (load_geoip(&real4, "/usr/share/tor/geoip") ||
	    load_geoip(&real6, "/usr/share/tor/geoip6")) {
		fprintf(stderr, "tor-geoipdb missing (make deps)\n");
		return 1;
	}

#define WORST(o, r) do {						\
		if ((o).mem / (r).mem > mem_worst)			\
			mem_worst = (o).mem / (r).mem;			\
		if ((o).routed_ns / (r).routed_ns > routed_worst)	\
			routed_worst = (o).routed_ns / (r).routed_ns;	\
	} while (0)

	run4(&real4, NULL, &o4, &r4);
	WORST(o4, r4);
	bench6(&real6, &o6, &r6);
	report(&real6, &o6, &r6, "rte_lpm6");
#define WANT(name) (!quick && (!only || strstr(only, name)))
	if (WANT("bgp")) {
		run4(&bgp, gen_bgp, &ob, &rb);
		WORST(ob, rb);
	}
	if (WANT("hosts")) {
		run4(&hosts, gen_hosts, &oh, &rh);
		WORST(oh, rh);
	}
	if (WANT("nested")) {
		run4(&nested, gen_nested, &o, &r);
		WORST(o, r);
	}
	if (WANT("syn1m")) {
		run4(&syn, gen_syn1m, &o, &r);
		WORST(o, r);
	}
	if (WANT("dense32"))
		run4(&dense, gen_dense32, &o, &r);
	if (WANT("100k")) {
		seed_set("100k");
		subset(&s100k, &real4, 100000);
		run4(&s100k, NULL, &o, &r);
	}
	if (WANT("1k")) {
		seed_set("1k");
		subset(&s1k, &real4, 1000);
		run4(&s1k, NULL, &o, &r);
	}
	rcu_unregister_thread();
	printf("lpm: v4_lookup_vs_rte_lpm=%.2f v4_routed_vs_rte_lpm=%.2f v4_mem_vs_rte_lpm=%.3f v4_build_per_s=%.0f v6_lookup_vs_rte_lpm6=%.2f v6_routed_vs_rte_lpm6=%.2f",
	       o4.look_ns / r4.look_ns, o4.routed_ns / r4.routed_ns,
	       o4.mem / r4.mem, real4.n / o4.build_s,
	       o6.look_ns / r6.look_ns, o6.routed_ns / r6.routed_ns);
	if (!quick && !only)
		printf(" hosts_routed_vs_rte_lpm=%.2f bgp_routed_vs_rte_lpm=%.2f routed_worst=%.2f mem_worst=%.3f",
		       oh.routed_ns / rh.routed_ns, ob.routed_ns / rb.routed_ns,
		       routed_worst, mem_worst);
	printf("\n");
	rte_eal_cleanup();
	return 0;
}
