// SPDX-License-Identifier: GPL-2.0
/*
 * In-kernel lookup benchmark: the fastpath route trie (kmod/trie.c,
 * compiled into this module unchanged) against the kernel's own FIB,
 * fib_table_lookup() for IPv4 and fib6_table_lookup() (through ipv6_stub)
 * for IPv6, on the same routes and the same destination addresses, in one
 * run.  Not part of fastpath.ko and not a test; see
 * Documentation/performance.rst and tools/bench/kbench/kbench.sh.
 *
 * The routes are read from the `ip -batch` file that loaded the FIB table
 * (lines "route add PREFIX/LEN dev DEV table T"), so both sides hold
 * exactly the same prefixes:
 *
 *   ip -batch set.batch
 *   insmod fp_kbench.ko routes=/path/set.batch set=NAME table=T
 *
 * The module builds the trie (fp_trie_replace_all()), takes FIB table T of
 * init_net, checks that both give the same longest match for every
 * address, then times both over the same address arrays: "random"
 * (uniformly random IPv4 addresses; IPv6: random below the /16 of a random
 * route), "hot" (4096 of those, repeated at random) and "routed" (random
 * addresses inside random routes: every one matches).  Lookups run in
 * chunks with BHs disabled under
 * rcu_read_lock(), as in the receive softirq; the best of @reps rounds,
 * ours and the FIB's alternating, is reported.  The trie stays allocated
 * until rmmod so that the caller can read its footprint in /proc/meminfo.
 */
#define pr_fmt(fmt) "kbench: " fmt

#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kernel_read_file.h>
#include <linux/inet.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/sched.h>
#include <linux/bottom_half.h>
#include <linux/mutex.h>
#include <linux/math64.h>
#include <net/net_namespace.h>
#include <net/flow.h>
#include <net/ip_fib.h>
#include <net/ip6_fib.h>
#include <net/ipv6_stubs.h>

#include "trie.h"

static char *routes;
module_param(routes, charp, 0444);
MODULE_PARM_DESC(routes, "ip -batch file with the routes (required)");
static char *set = "set";
module_param(set, charp, 0444);
MODULE_PARM_DESC(set, "name of the route set, for the output");
static uint table = 100;
module_param(table, uint, 0444);
MODULE_PARM_DESC(table, "FIB table id holding the same routes");
static uint nlook = 1 << 20;
module_param(nlook, uint, 0444);
MODULE_PARM_DESC(nlook, "lookups per timed run");
static uint reps = 5;
module_param(reps, uint, 0444);
MODULE_PARM_DESC(reps, "timed rounds (best one reported)");
static ulong seed = 88172645463325252UL;
module_param(seed, ulong, 0444);
MODULE_PARM_DESC(seed, "xorshift seed for the addresses");

#define KB_NHOT		4096
#define KB_CHUNK	4096
#define KB_MAXFILE	(256 << 20)

/* a route as read from the file; our trie's value points at it */
struct kb_route {
	u8 addr[16];
	u8 len;
} __aligned(4);

static DEFINE_MUTEX(kb_lock);
static struct fp_trie kb_trie;
static bool kb_trie_live;
static u64 kb_rs;

static u64 kb_rnd(void)
{
	kb_rs ^= kb_rs << 13;
	kb_rs ^= kb_rs >> 7;
	kb_rs ^= kb_rs << 17;
	return kb_rs;
}

/* one output line, built in pieces */
struct kb_line {
	char buf[512];
	size_t len;
};

static __printf(2, 3) void kb_add(struct kb_line *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	l->len += vscnprintf(l->buf + l->len, sizeof(l->buf) - l->len, fmt,
			     ap);
	va_end(ap);
}

/* " name=a/b" with two decimals */
static void kb_add2(struct kb_line *l, const char *name, u64 a, u64 b)
{
	u64 q = b ? div64_u64(a * 100, b) : 0;

	kb_add(l, " %s=%llu.%02llu", name, div64_u64(q, 100), q % 100);
}

/* ---- the route file ---- */

static int kb_parse(const char *buf, size_t size, struct kb_route **out,
		    size_t *nout, unsigned int *bits)
{
	const char *p = buf, *end = buf + size;
	struct kb_route *r;
	size_t n = 0, cap = 0;

	for (p = buf; p < end; p++)
		cap += *p == '\n';
	r = kvcalloc(cap + 1, sizeof(*r), GFP_KERNEL);
	if (!r)
		return -ENOMEM;
	*bits = 0;
	for (p = buf; p < end; ) {
		const char *eol = memchr(p, '\n', end - p), *a, *slash;
		unsigned int len = 0, b;
		const char *q;

		if (!eol)
			eol = end;
		a = strnstr(p, "route add ", eol - p);
		if (!a)
			goto next;
		a += strlen("route add ");
		slash = memchr(a, '/', eol - a);
		if (!slash || n > cap)
			goto bad;
		if (memchr(a, ':', slash - a)) {
			b = 128;
			if (!in6_pton(a, slash - a, r[n].addr, '/', NULL))
				goto bad;
		} else {
			b = 32;
			if (!in4_pton(a, slash - a, r[n].addr, '/', NULL))
				goto bad;
		}
		for (q = slash + 1; q < eol && *q >= '0' && *q <= '9'; q++)
			len = len * 10 + (*q - '0');
		if (q == slash + 1 || len > b || (*bits && *bits != b))
			goto bad;
		*bits = b;
		r[n++].len = len;
next:
		p = eol + 1;
		if (!(n % KB_CHUNK))
			cond_resched();
		continue;
bad:
		pr_err("set=%s: cannot parse line %zu: %.*s\n", set, n + 1,
		       (int)min_t(size_t, eol - p, 80), p);
		kvfree(r);
		return -EINVAL;
	}
	if (!n) {
		kvfree(r);
		return -ENOENT;
	}
	*out = r;
	*nout = n;
	return 0;
}

static int kb_build(struct kb_route *r, size_t n, unsigned int bits)
{
	struct kb_line l = {};
	struct fp_trie_entry *e;
	size_t i;
	u64 t0;
	int err;

	e = kvcalloc(n, sizeof(*e), GFP_KERNEL);
	if (!e)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		memcpy(e[i].pfx.addr, r[i].addr, 16);
		e[i].pfx.len = r[i].len;
		e[i].value = &r[i];
	}
	err = fp_trie_init(&kb_trie, bits, &kb_lock);
	if (err)
		goto out;
	kb_trie_live = true;
	mutex_lock(&kb_lock);
	t0 = ktime_get_ns();
	err = fp_trie_replace_all(&kb_trie, e, n);
	t0 = ktime_get_ns() - t0;
	mutex_unlock(&kb_lock);
	if (err) {
		pr_err("set=%s: fp_trie_replace_all: %d\n", set, err);
		goto out;
	}
	kb_add(&l, "v%u set=%s routes=%zu ours_build_ms=%llu ours_mem=%zu",
	       bits == 32 ? 4 : 6, set, fp_trie_count(&kb_trie),
	       div64_u64(t0, 1000000), fp_trie_mem(&kb_trie));
	kb_add2(&l, "ours_B_per_route", fp_trie_mem(&kb_trie), n);
	pr_info("%s\n", l.buf);
out:
	kvfree(e);
	return err;
}

/* ---- IPv4 ---- */

enum { KB_RANDOM, KB_HOT, KB_ROUTED, KB_NPAT };

struct kb_res {
	u64 ns[2][KB_NPAT];	/* [ours, fib][pattern], best round */
};

static u64 kb_ours4(const __be32 *a, size_t n, unsigned long *sum)
{
	unsigned long s = 0;
	size_t i, j;
	u64 ns = 0;

	for (i = 0; i < n; i += KB_CHUNK) {
		size_t e = min_t(size_t, n, i + KB_CHUNK);
		u64 t0;

		local_bh_disable();
		rcu_read_lock();
		t0 = ktime_get_ns();
		for (j = i; j < e; j++)
			s += (unsigned long)fp_trie_lookup4(&kb_trie, a[j]);
		ns += ktime_get_ns() - t0;
		rcu_read_unlock();
		local_bh_enable();
		cond_resched();
	}
	*sum += s;
	return ns;
}

static u64 kb_fib4(struct fib_table *tb, const __be32 *a, size_t n,
		   unsigned long *sum)
{
	struct flowi4 fl4 = {};
	struct fib_result res;
	unsigned long s = 0;
	size_t i, j;
	u64 ns = 0;

	for (i = 0; i < n; i += KB_CHUNK) {
		size_t e = min_t(size_t, n, i + KB_CHUNK);
		u64 t0;

		local_bh_disable();
		rcu_read_lock();
		t0 = ktime_get_ns();
		for (j = i; j < e; j++) {
			fl4.daddr = a[j];
			if (!fib_table_lookup(tb, &fl4, &res, FIB_LOOKUP_NOREF))
				s += (unsigned long)res.fi;
		}
		ns += ktime_get_ns() - t0;
		rcu_read_unlock();
		local_bh_enable();
		cond_resched();
	}
	*sum += s;
	return ns;
}

/* same longest match (or both none) for every address? */
static size_t kb_check4(struct fib_table *tb, const __be32 *a, size_t n,
			size_t *hits)
{
	struct flowi4 fl4 = {};
	struct fib_result res;
	size_t i, bad = 0;

	*hits = 0;
	for (i = 0; i < n; i++) {
		const struct kb_route *r;
		int ours = -1, fib = -1;
		__be32 op = 0;

		rcu_read_lock();
		r = fp_trie_lookup4(&kb_trie, a[i]);
		if (r) {
			ours = r->len;
			memcpy(&op, r->addr, 4);
		}
		fl4.daddr = a[i];
		if (!fib_table_lookup(tb, &fl4, &res, FIB_LOOKUP_NOREF))
			fib = res.prefixlen;
		rcu_read_unlock();
		*hits += ours >= 0;
		if (ours != fib || (ours >= 0 && op != res.prefix)) {
			if (bad++ < 5)
				pr_warn("set=%s: %pI4: ours /%d, fib /%d\n",
					set, &a[i], ours, fib);
		}
		if (!(i % KB_CHUNK))
			cond_resched();
	}
	return bad;
}

static void kb_time_round(struct kb_res *res, u64 (*fn)(int who, int pat))
{
	int who, pat;

	for (pat = 0; pat < KB_NPAT; pat++)
		for (who = 0; who < 2; who++) {
			u64 ns = fn(who, pat);

			if (!res->ns[who][pat] || ns < res->ns[who][pat])
				res->ns[who][pat] = ns;
		}
}

static struct {
	struct fib_table *tb4;
	struct fib6_table *tb6;
	__be32 *a4[KB_NPAT];
	struct in6_addr *a6[KB_NPAT];
	size_t n;
	unsigned long sum;
} kb;

static u64 kb_round4(int who, int pat)
{
	return who ? kb_fib4(kb.tb4, kb.a4[pat], kb.n, &kb.sum) :
		     kb_ours4(kb.a4[pat], kb.n, &kb.sum);
}

static void kb_report(unsigned int v, size_t routes_n, const struct kb_res *r,
		      size_t bad, size_t hits)
{
	static const char * const pfx[KB_NPAT] = { "", "hot_", "routed_" };
	struct kb_line l = {};
	char name[32];
	int p;

	kb_add(&l, "v%u set=%s routes=%zu lookups=%zu random_hits=%zu mismatches=%zu",
	       v, set, routes_n, kb.n, hits, bad);
	for (p = 0; p < KB_NPAT; p++) {
		snprintf(name, sizeof(name), "%sours_ns", pfx[p]);
		kb_add2(&l, name, r->ns[0][p], kb.n);
		snprintf(name, sizeof(name), "%sfib_ns", pfx[p]);
		kb_add2(&l, name, r->ns[1][p], kb.n);
		snprintf(name, sizeof(name), "%sratio", pfx[p]);
		kb_add2(&l, name, r->ns[0][p], r->ns[1][p]);
	}
	pr_info("%s\n", l.buf);
}

/* a random address inside route @r */
static void kb_in_route(const struct kb_route *r, u8 *a, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < bits / 8; i++) {
		u8 x = (u8)kb_rnd();

		if (r->len >= i * 8 + 8)
			a[i] = r->addr[i];
		else if (r->len <= i * 8)
			a[i] = x;
		else
			a[i] = r->addr[i] | (x & (0xff >> (r->len - i * 8)));
	}
}

static int kb_run4(const struct kb_route *r, size_t routes_n)
{
	struct kb_res res = {};
	size_t i, bad, hits;
	unsigned int k;

	kb.tb4 = fib_new_table(&init_net, table);
	if (!kb.tb4)
		return -ENOENT;
	for (i = 0; i < KB_NPAT; i++) {
		kb.a4[i] = kvmalloc_array(kb.n, sizeof(__be32), GFP_KERNEL);
		if (!kb.a4[i])
			return -ENOMEM;
	}
	for (i = 0; i < kb.n; i++)
		kb.a4[0][i] = (__force __be32)(u32)kb_rnd();
	for (i = 0; i < kb.n; i++)
		kb.a4[KB_HOT][i] = kb.a4[KB_RANDOM][kb_rnd() % KB_NHOT];
	for (i = 0; i < kb.n; i++)
		kb_in_route(&r[kb_rnd() % routes_n], (u8 *)&kb.a4[KB_ROUTED][i],
			    32);

	bad = kb_check4(kb.tb4, kb.a4[KB_ROUTED], kb.n, &hits);
	if (hits != kb.n)
		pr_warn("set=%s: %zu routed addresses missed\n", set,
			kb.n - hits);
	bad += kb_check4(kb.tb4, kb.a4[KB_RANDOM], kb.n, &hits);
	for (k = 0; k < reps; k++)
		kb_time_round(&res, kb_round4);
	kb_report(4, routes_n, &res, bad, hits);
	return 0;
}

/* ---- IPv6 ---- */

static u64 kb_ours6(const struct in6_addr *a, size_t n, unsigned long *sum)
{
	unsigned long s = 0;
	size_t i, j;
	u64 ns = 0;

	for (i = 0; i < n; i += KB_CHUNK) {
		size_t e = min_t(size_t, n, i + KB_CHUNK);
		u64 t0;

		local_bh_disable();
		rcu_read_lock();
		t0 = ktime_get_ns();
		for (j = i; j < e; j++)
			s += (unsigned long)fp_trie_lookup6(&kb_trie,
							    a[j].s6_addr);
		ns += ktime_get_ns() - t0;
		rcu_read_unlock();
		local_bh_enable();
		cond_resched();
	}
	*sum += s;
	return ns;
}

static u64 kb_fib6(struct fib6_table *tb, const struct in6_addr *a, size_t n,
		   unsigned long *sum)
{
	struct flowi6 fl6 = {};
	unsigned long s = 0;
	size_t i, j;
	u64 ns = 0;

	for (i = 0; i < n; i += KB_CHUNK) {
		size_t e = min_t(size_t, n, i + KB_CHUNK);
		u64 t0;

		local_bh_disable();
		rcu_read_lock();
		t0 = ktime_get_ns();
		for (j = i; j < e; j++) {
			struct fib6_result res = {};

			fl6.daddr = a[j];
			ipv6_stub->fib6_table_lookup(&init_net, tb, 0, &fl6,
						     &res, 0);
			s += (unsigned long)res.f6i;
		}
		ns += ktime_get_ns() - t0;
		rcu_read_unlock();
		local_bh_enable();
		cond_resched();
	}
	*sum += s;
	return ns;
}

static size_t kb_check6(struct fib6_table *tb, const struct in6_addr *a,
			size_t n, size_t *hits)
{
	struct flowi6 fl6 = {};
	size_t i, bad = 0;

	*hits = 0;
	for (i = 0; i < n; i++) {
		struct fib6_result res = {};
		const struct kb_route *r;
		int ours = -1, fib = -1;
		bool same = true;

		rcu_read_lock();
		r = fp_trie_lookup6(&kb_trie, a[i].s6_addr);
		fl6.daddr = a[i];
		ipv6_stub->fib6_table_lookup(&init_net, tb, 0, &fl6, &res, 0);
		if (r)
			ours = r->len;
		if (res.f6i && res.f6i != init_net.ipv6.fib6_null_entry) {
			fib = res.f6i->fib6_dst.plen;
			same = !r || !memcmp(r->addr, &res.f6i->fib6_dst.addr,
					     16);
		}
		rcu_read_unlock();
		*hits += ours >= 0;
		if (ours != fib || !same) {
			if (bad++ < 5)
				pr_warn("set=%s: %pI6c: ours /%d, fib6 /%d\n",
					set, &a[i], ours, fib);
		}
		if (!(i % KB_CHUNK))
			cond_resched();
	}
	return bad;
}

static u64 kb_round6(int who, int pat)
{
	return who ? kb_fib6(kb.tb6, kb.a6[pat], kb.n, &kb.sum) :
		     kb_ours6(kb.a6[pat], kb.n, &kb.sum);
}

static int kb_run6(const struct kb_route *r, size_t routes_n)
{
	struct kb_res res = {};
	size_t i, bad, hits;
	unsigned int k;

	if (!ipv6_stub || !ipv6_stub->fib6_table_lookup)
		return -EOPNOTSUPP;
	kb.tb6 = fib6_get_table(&init_net, table);
	if (!kb.tb6)
		return -ENOENT;
	for (i = 0; i < KB_NPAT; i++) {
		kb.a6[i] = kvmalloc_array(kb.n, sizeof(struct in6_addr),
					  GFP_KERNEL);
		if (!kb.a6[i])
			return -ENOMEM;
	}
	/* random below the /16 of a random route: the populated space */
	for (i = 0; i < kb.n; i++) {
		const struct kb_route *p = &r[kb_rnd() % routes_n];
		u64 x = kb_rnd(), y = kb_rnd();

		memcpy(&kb.a6[0][i].s6_addr[0], &x, 8);
		memcpy(&kb.a6[0][i].s6_addr[8], &y, 8);
		kb.a6[0][i].s6_addr[0] = p->addr[0];
		kb.a6[0][i].s6_addr[1] = p->addr[1];
	}
	for (i = 0; i < kb.n; i++)
		kb.a6[KB_HOT][i] = kb.a6[KB_RANDOM][kb_rnd() % KB_NHOT];
	for (i = 0; i < kb.n; i++)
		kb_in_route(&r[kb_rnd() % routes_n], kb.a6[KB_ROUTED][i].s6_addr,
			    128);

	bad = kb_check6(kb.tb6, kb.a6[KB_ROUTED], kb.n, &hits);
	if (hits != kb.n)
		pr_warn("set=%s: %zu routed addresses missed\n", set,
			kb.n - hits);
	bad += kb_check6(kb.tb6, kb.a6[KB_RANDOM], kb.n, &hits);
	for (k = 0; k < reps; k++)
		kb_time_round(&res, kb_round6);
	kb_report(6, routes_n, &res, bad, hits);
	return 0;
}

/* ---- module ---- */

static void kb_free(void)
{
	int i;

	for (i = 0; i < KB_NPAT; i++) {
		kvfree(kb.a4[i]);
		kvfree(kb.a6[i]);
		kb.a4[i] = NULL;
		kb.a6[i] = NULL;
	}
}

static int __init kb_init(void)
{
	struct kb_route *r = NULL;
	unsigned int bits;
	void *buf = NULL;
	size_t n, fsize;
	ssize_t len;
	int err;

	if (!routes) {
		pr_err("routes=FILE is required\n");
		return -EINVAL;
	}
	if (nlook < KB_NHOT || !reps) {
		pr_err("nlook must be >= %d and reps >= 1\n", KB_NHOT);
		return -EINVAL;
	}
	len = kernel_read_file_from_path(routes, 0, &buf, KB_MAXFILE, &fsize,
					 READING_UNKNOWN);
	if (len < 0) {
		pr_err("cannot read %s: %zd\n", routes, len);
		return len;
	}
	err = kb_parse(buf, len, &r, &n, &bits);
	vfree(buf);
	if (err)
		return err;
	kb_rs = seed ? seed : 1;
	kb.n = nlook;
	err = fp_trie_module_init();
	if (err) {
		kvfree(r);
		return err;
	}
	err = kb_build(r, n, bits);
	if (!err)
		err = bits == 32 ? kb_run4(r, n) : kb_run6(r, n);
	if (err)
		pr_err("set=%s: failed: %d\n", set, err);
	kb_free();
	/*
	 * The trie's values point into r; it is kept (and never
	 * dereferenced again) only for its footprint: free r now.
	 */
	kvfree(r);
	if (err && kb_trie_live) {
		fp_trie_destroy(&kb_trie);
		kb_trie_live = false;
	}
	if (err)
		fp_trie_module_exit();
	return err;
}

static void __exit kb_exit(void)
{
	if (kb_trie_live)
		fp_trie_destroy(&kb_trie);
	fp_trie_module_exit();
}

module_init(kb_init);
module_exit(kb_exit);
MODULE_DESCRIPTION("fastpath trie vs fib_table_lookup benchmark");
MODULE_LICENSE("GPL");
