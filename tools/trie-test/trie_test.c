// SPDX-License-Identifier: GPL-2.0
/*
 * User-space tests of kmod/trie.c (built unchanged over fp_kshim.h):
 * hand-written cases, randomized differential tests against a naive table,
 * bulk replace, walk/cursor, allocation-failure injection.  Run under
 * ASan/UBSan by "make check".
 */
#include "fp_kshim.h"
#include "trie.h"
#include "trie_oracle.h"

static int passed, failed;
static int case_failed;
static DEFINE_MUTEX(lock);

#define CHECK(c) do {							\
	if (!(c)) {							\
		if (!case_failed)					\
			fprintf(stderr, "  %s:%d: CHECK(%s) failed\n",	\
				__FILE__, __LINE__, #c);		\
		case_failed = 1;					\
	}								\
} while (0)

static void run(const char *name, void (*fn)(void))
{
	case_failed = 0;
	fn();
	if (case_failed) {
		failed++;
		printf("not ok %s\n", name);
	} else {
		passed++;
		printf("ok %s\n", name);
	}
}

static struct fp_trie_prefix P4(const char *s, unsigned int len)
{
	struct fp_trie_prefix p = { .len = (u8)len };
	unsigned int a, b, c, d;

	sscanf(s, "%u.%u.%u.%u", &a, &b, &c, &d);
	p.addr[0] = a;
	p.addr[1] = b;
	p.addr[2] = c;
	p.addr[3] = d;
	return p;
}

static void *L4(struct fp_trie *t, const char *s)
{
	struct fp_trie_prefix p = P4(s, 32);
	__be32 a;
	void *v, *v2;

	memcpy(&a, p.addr, 4);
	rcu_read_lock();
	v = fp_trie_lookup4(t, a);
	v2 = fp_trie_lookup(t, p.addr);
	rcu_read_unlock();
	CHECK(v == v2);
	return v;
}

static int vals[4096];
#define V(i) ((void *)&vals[i])

static int ins(struct fp_trie *t, struct fp_trie_prefix p, void *v)
{
	int err;

	mutex_lock(&lock);
	err = fp_trie_insert(t, &p, v, NULL);
	mutex_unlock(&lock);
	return err;
}

static int del(struct fp_trie *t, struct fp_trie_prefix p)
{
	int err;

	mutex_lock(&lock);
	err = fp_trie_delete(t, &p, NULL);
	mutex_unlock(&lock);
	return err;
}

static void t_basic4(void)
{
	struct fp_trie t;
	void *old = (void *)1;
	struct fp_trie_prefix p;

	CHECK(fp_trie_init(&t, 32, &lock) == 0);
	CHECK(L4(&t, "1.2.3.4") == NULL);
	CHECK(ins(&t, P4("0.0.0.0", 0), V(0)) == 0);
	CHECK(L4(&t, "1.2.3.4") == V(0));
	CHECK(L4(&t, "255.255.255.255") == V(0));
	CHECK(ins(&t, P4("10.0.0.0", 8), V(1)) == 0);
	CHECK(ins(&t, P4("10.1.0.0", 16), V(2)) == 0);
	CHECK(ins(&t, P4("10.1.2.3", 32), V(3)) == 0);
	CHECK(ins(&t, P4("10.1.2.0", 24), V(4)) == 0);
	CHECK(ins(&t, P4("255.255.255.255", 32), V(5)) == 0);
	CHECK(ins(&t, P4("0.0.0.0", 32), V(6)) == 0);
	CHECK(ins(&t, P4("10.1.2.3", 31), V(7)) == -EINVAL);	/* host bit */
	CHECK(ins(&t, P4("10.1.2.2", 33), V(7)) == -EINVAL);
	CHECK(ins(&t, P4("10.1.2.2", 31), NULL) == -EINVAL);
	CHECK(fp_trie_count(&t) == 7);
	CHECK(L4(&t, "10.1.2.3") == V(3));
	CHECK(L4(&t, "10.1.2.2") == V(4));
	CHECK(L4(&t, "10.1.3.2") == V(2));
	CHECK(L4(&t, "10.2.3.2") == V(1));
	CHECK(L4(&t, "11.2.3.2") == V(0));
	CHECK(L4(&t, "255.255.255.255") == V(5));
	CHECK(L4(&t, "255.255.255.254") == V(0));
	CHECK(L4(&t, "0.0.0.0") == V(6));
	CHECK(L4(&t, "0.0.0.1") == V(0));
	/* replace */
	p = P4("10.1.0.0", 16);
	mutex_lock(&lock);
	CHECK(fp_trie_insert(&t, &p, V(8), &old) == 0);
	CHECK(old == V(2));
	CHECK(fp_trie_get(&t, &p) == V(8));
	mutex_unlock(&lock);
	CHECK(fp_trie_count(&t) == 7);
	CHECK(L4(&t, "10.1.3.2") == V(8));
	CHECK(L4(&t, "10.1.2.3") == V(3));
	/* delete absent, delete, re-insert */
	CHECK(del(&t, P4("10.1.0.0", 17)) == -ENOENT);
	CHECK(del(&t, P4("10.2.0.0", 16)) == -ENOENT);
	CHECK(del(&t, P4("10.1.2.0", 24)) == 0);
	CHECK(del(&t, P4("10.1.2.0", 24)) == -ENOENT);
	CHECK(L4(&t, "10.1.2.2") == V(8));
	CHECK(L4(&t, "10.1.2.3") == V(3));
	CHECK(ins(&t, P4("10.1.2.0", 24), V(4)) == 0);
	CHECK(L4(&t, "10.1.2.2") == V(4));
	CHECK(del(&t, P4("0.0.0.0", 0)) == 0);
	CHECK(L4(&t, "11.2.3.2") == NULL);
	CHECK(L4(&t, "10.9.9.9") == V(1));
	CHECK(fp_trie_count(&t) == 6);
	CHECK(del(&t, P4("10.0.0.0", 8)) == 0);
	CHECK(del(&t, P4("10.1.0.0", 16)) == 0);
	CHECK(del(&t, P4("10.1.2.3", 32)) == 0);
	CHECK(del(&t, P4("10.1.2.0", 24)) == 0);
	CHECK(del(&t, P4("255.255.255.255", 32)) == 0);
	CHECK(del(&t, P4("0.0.0.0", 32)) == 0);
	CHECK(fp_trie_count(&t) == 0);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	CHECK(L4(&t, "10.1.2.3") == NULL);
	fp_trie_destroy(&t);
}

static void t_basic6(void)
{
	struct fp_trie t;
	struct fp_trie_prefix p = { .len = 0 }, q;
	u8 a[16];
	void *v;

	CHECK(fp_trie_init(&t, 128, &lock) == 0);
	memset(a, 0xff, 16);
	CHECK(ins(&t, p, V(0)) == 0);
	memset(p.addr, 0xff, 16);
	p.len = 128;
	CHECK(ins(&t, p, V(1)) == 0);
	q = p;
	q.len = 127;
	q.addr[15] = 0xfe;
	CHECK(ins(&t, q, V(2)) == 0);
	rcu_read_lock();
	CHECK(fp_trie_lookup6(&t, a) == V(1));
	a[15] = 0xfe;
	CHECK(fp_trie_lookup6(&t, a) == V(2));
	a[15] = 0xfd;
	CHECK(fp_trie_lookup6(&t, a) == V(0));
	v = fp_trie_lookup(&t, a);
	CHECK(v == V(0));
	rcu_read_unlock();
	CHECK(del(&t, q) == 0);
	CHECK(del(&t, p) == 0);
	p.len = 0;
	memset(p.addr, 0, 16);
	CHECK(del(&t, p) == 0);
	CHECK(fp_trie_count(&t) == 0);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	fp_trie_destroy(&t);
}

/* ---- walk ---- */

struct wctx {
	struct fp_trie_prefix seen[64];
	void *v[64];
	int n, stop_at;
};

static int wfn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct wctx *w = arg;

	if (w->n == w->stop_at)
		return 1;
	w->seen[w->n] = *p;
	w->v[w->n++] = v;
	return 0;
}

static void t_walk(void)
{
	static const char *const pf[] = {
		"0.0.0.0/0", "0.0.0.0/1", "0.0.0.0/32", "10.0.0.0/8",
		"10.0.0.0/16", "10.0.0.0/24", "10.0.0.0/32", "10.0.0.1/32",
		"10.1.0.0/16", "128.0.0.0/1", "192.168.0.0/16",
		"255.255.255.255/32",
	};
	const int n = sizeof(pf) / sizeof(pf[0]);
	struct fp_trie t;
	struct wctx w = { .stop_at = -1 };
	struct fp_trie_prefix cur;
	char buf[32];
	int i, j, len, got;

	fp_trie_init(&t, 32, &lock);
	for (i = n - 1; i >= 0; i--) {
		snprintf(buf, sizeof(buf), "%s", pf[i]);
		*strchr(buf, '/') = 0;
		len = atoi(strchr(pf[i], '/') + 1);
		CHECK(ins(&t, P4(buf, len), V(i)) == 0);
	}
	rcu_read_lock();
	CHECK(fp_trie_walk(&t, NULL, wfn, &w) == 0);
	rcu_read_unlock();
	CHECK(w.n == n);
	for (i = 0; i < w.n; i++)
		CHECK(w.v[i] == V(i));
	/* resume after every prefix, 3 at a time */
	for (i = 0; i < n; i++) {
		cur = w.seen[i];
		got = i + 1;
		for (;;) {
			struct wctx w2 = { .stop_at = 3 };
			int r;

			mutex_lock(&lock);
			r = fp_trie_walk(&t, &cur, wfn, &w2);
			mutex_unlock(&lock);
			for (j = 0; j < w2.n; j++)
				CHECK(w2.v[j] == V(got + j));
			got += w2.n;
			if (!r)
				break;
			cur = w2.seen[w2.n - 1];
		}
		CHECK(got == n);
	}
	/* cursor not in the table */
	cur = P4("10.0.0.0", 20);
	{
		struct wctx w3 = { .stop_at = -1 };

		mutex_lock(&lock);
		fp_trie_walk(&t, &cur, wfn, &w3);
		mutex_unlock(&lock);
		CHECK(w3.n == n - 5 && w3.v[0] == V(5));
	}
	fp_trie_destroy(&t);
}

/* ---- differential ---- */

struct wcmp {
	struct naive *nv;
	size_t i;
	int bad;
};

static int wcmp_fn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct wcmp *c = arg;
	struct fp_trie_entry *e;

	if (c->i >= c->nv->n) {
		c->bad = 1;
		return 1;
	}
	e = &c->nv->e[c->i++];
	if (e->pfx.len != p->len || memcmp(e->pfx.addr, p->addr, 16) ||
	    e->value != v)
		c->bad = 1;
	return 0;
}

static void full_compare(struct fp_trie *t, struct naive *nv, u64 *seed,
			 int probes)
{
	struct wcmp c = { .nv = nv };
	u8 a[16];
	size_t i;

	naive_sort(nv);
	CHECK(fp_trie_walk(t, NULL, wcmp_fn, &c) == 0);
	CHECK(!c.bad && c.i == nv->n);
	CHECK(fp_trie_count(t) == nv->n);
	for (i = 0; i < nv->n; i++) {
		CHECK(fp_trie_get(t, &nv->e[i].pfx) == nv->e[i].value);
	}
	rcu_read_lock();
	for (i = 0; i < (size_t)probes; i++) {
		struct fp_trie_prefix *near = NULL, np;

		if (nv->n) {
			struct fp_trie_entry *e = &nv->e[rnd64(seed) % nv->n];

			np = e->pfx;
			near = &np;
		}
		rnd_addr(seed, nv->bits, near, a);
		CHECK(fp_trie_lookup(t, a) == naive_lookup(nv, a));
	}
	rcu_read_unlock();
}

static void check_around(struct fp_trie *t, struct naive *nv, u64 *seed,
			 const struct fp_trie_prefix *p)
{
	u8 a[16];
	int i;

	rcu_read_lock();
	for (i = 0; i < 8; i++) {
		rnd_addr(seed, nv->bits, p, a);
		CHECK(fp_trie_lookup(t, a) == naive_lookup(nv, a));
		if (nv->bits == 32) {
			__be32 x;

			memcpy(&x, a, 4);
			CHECK(fp_trie_lookup4(t, x) == naive_lookup(nv, a));
		} else {
			CHECK(fp_trie_lookup6(t, a) == naive_lookup(nv, a));
		}
	}
	rcu_read_unlock();
}

static void differential(unsigned int bits, u64 seed, int n)
{
	struct fp_trie t;
	struct naive nv;
	struct fp_trie_prefix p, near;
	int i, err;

	naive_init(&nv, bits);
	fp_trie_init(&t, bits, &lock);
	mutex_lock(&lock);
	/* grow */
	for (i = 0; i < n; i++) {
		bool has = nv.n;

		if (has) {
			struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];

			near = e->pfx;
		}
		rnd_prefix(&seed, bits, has ? &near : NULL, &p);
		err = fp_trie_insert(&t, &p, V(rnd64(&seed) % 4096), NULL);
		CHECK(err == 0);
		naive_set(&nv, &p, fp_trie_get(&t, &p));
		check_around(&t, &nv, &seed, &p);
		if (rnd64(&seed) % 4 == 0) {	/* replace a random one */
			struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];
			void *v = V(rnd64(&seed) % 4096);

			p = e->pfx;
			CHECK(fp_trie_insert(&t, &p, v, NULL) == 0);
			e->value = v;
			check_around(&t, &nv, &seed, &p);
		}
		if (rnd64(&seed) % 8 == 0) {	/* delete a random one */
			struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];

			p = e->pfx;
			CHECK(fp_trie_delete(&t, &p, NULL) == 0);
			naive_del(&nv, &p);
			check_around(&t, &nv, &seed, &p);
			CHECK(fp_trie_delete(&t, &p, NULL) == -ENOENT);
		}
		if (i % 512 == 0)
			full_compare(&t, &nv, &seed, 200);
	}
	full_compare(&t, &nv, &seed, 2000);
	/* shrink to empty */
	while (nv.n) {
		struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];

		p = e->pfx;
		CHECK(fp_trie_delete(&t, &p, NULL) == 0);
		naive_del(&nv, &p);
		check_around(&t, &nv, &seed, &p);
		if (nv.n % 512 == 0)
			full_compare(&t, &nv, &seed, 200);
	}
	CHECK(fp_trie_count(&t) == 0);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	mutex_unlock(&lock);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

static void t_diff4(void)
{
	differential(32, 0x1234567, 6000);
	differential(32, 42, 3000);
}

static void t_diff6(void)
{
	differential(128, 0x7654321, 6000);
	differential(128, 7, 3000);
}

/* replace_all against the naive table, then updates on top of it */
static void bulk(unsigned int bits, u64 seed, int n)
{
	struct fp_trie t;
	struct naive nv;
	struct fp_trie_entry *e;
	struct fp_trie_prefix p, near;
	size_t i;
	int k;

	naive_init(&nv, bits);
	fp_trie_init(&t, bits, &lock);
	for (k = 0; k < 3; k++) {
		naive_free(&nv);
		naive_init(&nv, bits);
		for (i = 0; i < (size_t)n; i++) {
			if (nv.n) {
				struct fp_trie_entry *x = &nv.e[rnd64(&seed) % nv.n];

				near = x->pfx;
			}
			rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
			naive_set(&nv, &p, V(rnd64(&seed) % 64));
		}
		e = calloc(nv.n + 1, sizeof(*e));
		memcpy(e, nv.e, nv.n * sizeof(*e));
		mutex_lock(&lock);
		CHECK(fp_trie_replace_all(&t, e, nv.n) == 0);
		full_compare(&t, &nv, &seed, 3000);
		/* a duplicate is refused, table unchanged */
		if (nv.n) {
			e[nv.n] = e[0];
			CHECK(fp_trie_replace_all(&t, e, nv.n + 1) == -EEXIST);
			full_compare(&t, &nv, &seed, 100);
		}
		/* updates on a bulk-built table */
		for (i = 0; i < 300 && nv.n; i++) {
			struct fp_trie_entry *x = &nv.e[rnd64(&seed) % nv.n];

			near = x->pfx;
			rnd_prefix(&seed, bits, &near, &p);
			if (rnd64(&seed) & 1) {
				CHECK(fp_trie_insert(&t, &p, V(i % 64), NULL) == 0);
				naive_set(&nv, &p, V(i % 64));
			} else {
				CHECK(fp_trie_delete(&t, &near, NULL) == 0);
				naive_del(&nv, &near);
			}
			check_around(&t, &nv, &seed, &p);
		}
		full_compare(&t, &nv, &seed, 1000);
		mutex_unlock(&lock);
		free(e);
	}
	mutex_lock(&lock);
	CHECK(fp_trie_replace_all(&t, NULL, 0) == 0);
	mutex_unlock(&lock);
	CHECK(fp_trie_count(&t) == 0);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	fp_trie_destroy(&t);
	naive_free(&nv);
}

static void t_bulk4(void)
{
	bulk(32, 99, 5000);
}

static void t_bulk6(void)
{
	bulk(128, 98, 5000);
}

/* Every allocation of an update fails in turn: the table stays intact. */
/*
 * fp_trie_replace_all(@t, @e, @n) with its first, second, ... allocation
 * failing until it succeeds; every failure must leave the memory as it
 * was.  Return: the final result (0 expected); *@fails counts failures.
 */
static int replace_faults(struct fp_trie *t, const struct fp_trie_entry *e,
			  size_t n, int *fails)
{
	unsigned int nth;
	size_t mem;
	int err;

	for (nth = 1;; nth++) {
		mem = fp_trie_mem(t);
		t->fault_nth = nth;
		err = fp_trie_replace_all(t, e, n);
		t->fault_nth = 0;
		if (err != -ENOMEM)
			return err;
		(*fails)++;
		CHECK(fp_trie_mem(t) == mem);
	}
}

static void faults(unsigned int bits, u64 seed)
{
	struct fp_trie t;
	struct naive nv;
	struct fp_trie_prefix p, near;
	struct fp_trie_entry *e;
	unsigned int nth;
	size_t mem, i;
	int k, err, fails = 0;

	naive_init(&nv, bits);
	fp_trie_init(&t, bits, &lock);
	mutex_lock(&lock);
	for (k = 0; k < 400; k++) {
		bool ins_op = !nv.n || rnd64(&seed) % 3;
		void *v = V(k % 100);

		if (nv.n) {
			struct fp_trie_entry *x = &nv.e[rnd64(&seed) % nv.n];

			near = x->pfx;
		}
		if (ins_op)
			rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
		else
			p = near;
		for (nth = 1;; nth++) {
			mem = fp_trie_mem(&t);
			t.fault_nth = nth;
			err = ins_op ? fp_trie_insert(&t, &p, v, NULL) :
				       fp_trie_delete(&t, &p, NULL);
			t.fault_nth = 0;
			if (err != -ENOMEM)
				break;
			fails++;
			CHECK(fp_trie_mem(&t) == mem);
			if (k % 16 == 0)
				full_compare(&t, &nv, &seed, 50);
			else
				check_around(&t, &nv, &seed, &p);
		}
		CHECK(err == 0);
		if (ins_op)
			naive_set(&nv, &p, v);
		else
			naive_del(&nv, &p);
		check_around(&t, &nv, &seed, &p);
	}
	full_compare(&t, &nv, &seed, 500);
	/* whole-table replace under failures */
	e = calloc(nv.n + 1, sizeof(*e));
	for (i = 0; i < nv.n; i++) {
		memcpy(e[i].pfx.addr, nv.e[i].pfx.addr, 16);
		e[i].pfx.len = nv.e[i].pfx.len;
		e[i].value = V(7);
	}
	CHECK(replace_faults(&t, e, nv.n / 2, &fails) == 0);
	free(e);
	mutex_unlock(&lock);
	CHECK(fails > 100);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

static void t_faults4(void)
{
	faults(32, 5);
}

static void t_faults6(void)
{
	faults(128, 6);
}

/* shim-level (malloc) failures too, including the bookkeeping lists */
static void t_faults_shim(void)
{
	struct fp_trie t;
	struct naive nv;
	struct fp_trie_prefix p, near;
	u64 seed = 77;
	unsigned long nth;
	int k, err;

	naive_init(&nv, 32);
	fp_trie_init(&t, 32, &lock);
	mutex_lock(&lock);
	for (k = 0; k < 300; k++) {
		if (nv.n) {
			struct fp_trie_entry *x = &nv.e[rnd64(&seed) % nv.n];

			near = x->pfx;
		}
		rnd_prefix(&seed, 32, nv.n ? &near : NULL, &p);
		for (nth = 1;; nth++) {
			fp_shim_fail_nth = nth;
			err = fp_trie_insert(&t, &p, V(k), NULL);
			fp_shim_fail_nth = 0;
			if (err != -ENOMEM)
				break;
			check_around(&t, &nv, &seed, &p);
		}
		CHECK(err == 0);
		naive_set(&nv, &p, V(k));
	}
	full_compare(&t, &nv, &seed, 500);
	mutex_unlock(&lock);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

/* Big tables: the direct table grows to 18 bits and shrinks back. */
static void t_big(void)
{
	struct fp_trie t;
	struct naive nv;
	struct fp_trie_prefix p, near;
	u64 seed = 4242;
	unsigned int bits;
	int round;

	for (bits = 32; bits <= 128; bits += 96) {
		naive_init(&nv, bits);
		fp_trie_init(&t, bits, &lock);
		mutex_lock(&lock);
		for (round = 0; nv.n < 70000; round++) {
			void *v = V(round % 4096);

			if (nv.n) {
				struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];

				near = e->pfx;
			}
			rnd_prefix(&seed, bits, nv.n ? &near : NULL, &p);
			CHECK(fp_trie_insert(&t, &p, v, NULL) == 0);
			naive_set(&nv, &p, v);
			if (round % 5000 == 0)
				check_around(&t, &nv, &seed, &p);
		}
		full_compare(&t, &nv, &seed, 3000);
		while (nv.n > 20000) {
			struct fp_trie_entry *e = &nv.e[rnd64(&seed) % nv.n];

			p = e->pfx;
			CHECK(fp_trie_delete(&t, &p, NULL) == 0);
			naive_del(&nv, &p);
			if (nv.n % 5000 == 0)
				check_around(&t, &nv, &seed, &p);
		}
		full_compare(&t, &nv, &seed, 3000);
		mutex_unlock(&lock);
		fp_trie_destroy(&t);
		naive_free(&nv);
	}
}

/* every address of the /24 of @p: lookup4 and lookup against the oracle */
static void check_24(struct fp_trie *t, struct naive *nv,
		     const struct fp_trie_prefix *p)
{
	unsigned int i;
	u8 a[16] = { 0 };
	__be32 x;

	memcpy(a, p->addr, 3);
	rcu_read_lock();
	for (i = 0; i < 256; i++) {
		a[3] = (u8)i;
		memcpy(&x, a, 4);
		CHECK(fp_trie_lookup4(t, x) == naive_lookup(nv, a));
		CHECK(fp_trie_lookup(t, a) == naive_lookup(nv, a));
	}
	rcu_read_unlock();
}

/*
 * Dense /24s and host blocks: /24s filled with /32s past FP_HB_MIN (32)
 * and emptied below FP_HB_KEEP (16), with covering routes (/16, /24, /30,
 * and /31s in two of the four /24s, which a dense /24 cannot keep) that
 * answer the addresses without a /32, under allocation failures and a
 * whole-table replace; every address of the changed /24 checked after
 * every change.
 */
static void t_hosts4(void)
{
	static const char *const nets[] = { "198.51.100.0", "198.51.101.0",
					    "198.51.7.0", "203.0.113.0" };
	struct fp_trie_prefix p;
	struct fp_trie_entry *e;
	struct naive nv;
	struct fp_trie t;
	u64 seed = 0x4057;
	unsigned int nth, net;
	int k, err, fails = 0, blocks = 0;
	size_t mem, i;

	naive_init(&nv, 32);
	fp_trie_init(&t, 32, &lock);
	mutex_lock(&lock);
	p = P4("198.51.0.0", 16);
	CHECK(fp_trie_insert(&t, &p, V(1), NULL) == 0);
	naive_set(&nv, &p, V(1));
	for (k = 0; k < 6000; k++) {
		unsigned int r = rnd64(&seed) % 100, len = 32;
		bool del_op;
		void *v = V(2 + k % 90);

		net = rnd64(&seed) % 4;
		p = P4(nets[net], 24);
		/* the first third fills, the last third empties */
		del_op = r < (k < 2000 ? 15 : k < 4000 ? 45 : 85);
		if (r % 25 == 1)
			len = 24;
		else if (r % 25 == 2)	/* a /31 keeps a /24 from being dense */
			len = 30 + (net >= 2 ? rnd64(&seed) % 2 : 0);
		p.addr[3] = len == 24 ? 0 : (u8)(rnd64(&seed) & 0xff);
		p.len = (u8)len;
		prefix_mask(&p, 32);
		if (del_op && !naive_find(&nv, &p))
			continue;
		for (nth = k % 7 ? 0 : 1;; nth++) {
			mem = fp_trie_mem(&t);
			t.fault_nth = nth;
			err = del_op ? fp_trie_delete(&t, &p, NULL) :
				       fp_trie_insert(&t, &p, v, NULL);
			t.fault_nth = 0;
			if (err != -ENOMEM || !nth)
				break;
			fails++;
			CHECK(fp_trie_mem(&t) == mem);
			check_24(&t, &nv, &p);
		}
		CHECK(err == 0);
		if (del_op)
			naive_del(&nv, &p);
		else
			naive_set(&nv, &p, v);
		check_24(&t, &nv, &p);
		blocks += t.hb != NULL;
	}
	CHECK(blocks > 1000);	/* the blocks were there for a while */
	full_compare(&t, &nv, &seed, 2000);
	/* whole-table replace with the blocks rebuilt, under failures */
	e = calloc(nv.n + 1, sizeof(*e));
	for (i = 0; i < nv.n; i++)
		e[i] = nv.e[i];
	for (i = 0; i < 200; i++) {
		p = P4(nets[i % 2], 24);
		p.addr[3] = (u8)i;
		p.len = 32;
		if (!naive_find(&nv, &p)) {
			e[nv.n] = (struct fp_trie_entry){ .pfx = p, .value = V(3) };
			naive_set(&nv, &p, V(3));
			e = realloc(e, (nv.n + 1) * sizeof(*e));
		}
	}
	CHECK(replace_faults(&t, e, nv.n, &fails) == 0);
	CHECK(t.hb != NULL);
	full_compare(&t, &nv, &seed, 2000);
	for (i = 0; i < 4; i++) {
		p = P4(nets[i], 24);
		check_24(&t, &nv, &p);
	}
	free(e);
	/* empty again: nothing left behind */
	while (nv.n) {
		p = nv.e[rnd64(&seed) % nv.n].pfx;
		CHECK(fp_trie_delete(&t, &p, NULL) == 0);
		naive_del(&nv, &p);
		if (p.len == 32 && nv.n % 7 == 0)
			check_24(&t, &nv, &p);
	}
	CHECK(t.hb == NULL);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	mutex_unlock(&lock);
	CHECK(fails > 50);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

/*
 * A dense /24 and its way back: 256 host routes cost the 2-KiB block and
 * little more (not a depth-30 node per 4 addresses), as much built one
 * by one as in a whole-table replace; a /31 gives the /24 its depth-30
 * nodes back, and the next /32 update after the /31 is gone makes it
 * dense again.  Every address checked after each step, and get and the
 * walk see the 256 /32s.
 */
struct dense_walk {
	unsigned int n32;
	unsigned int n;
	struct fp_trie_prefix last;
	bool ordered;
};

static int dense_walk_fn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct dense_walk *w = arg;

	if (w->n && memcmp(p->addr, w->last.addr, 4) < 0)
		w->ordered = false;
	w->last = *p;
	w->n++;
	w->n32 += p->len == 32;
	return 0;
}

static void t_dense4(void)
{
	static struct fp_trie_entry e[2 + 512];
	struct fp_trie_prefix p;
	struct dense_walk w = { .ordered = true };
	struct naive nv;
	struct fp_trie t;
	size_t base = 0, dense, split;
	unsigned int i;

	naive_init(&nv, 32);
	fp_trie_init(&t, 32, &lock);
	e[0] = (struct fp_trie_entry){ P4("198.51.0.0", 16), V(1) };
	e[1] = (struct fp_trie_entry){ P4("198.51.100.64", 26), V(2) };
	for (i = 0; i < 512; i++) {
		/* 198.51.101.0/24 first (the host blocks' top level), then .100 */
		p = P4(i < 256 ? "198.51.101.0" : "198.51.100.0", 32);
		p.addr[3] = (u8)i;
		e[2 + i] = (struct fp_trie_entry){ p, V(10 + i) };
	}
	for (i = 0; i < 2 + 512; i++) {
		if (i == 2 + 256)
			base = fp_trie_mem(&t);
		CHECK(ins(&t, e[i].pfx, e[i].value) == 0);
		naive_set(&nv, &e[i].pfx, e[i].value);
	}
	/* the second dense /24: its block and its node's leaves */
	dense = fp_trie_mem(&t);
	CHECK(t.hb != NULL);
	CHECK(dense - base < 1040 + 512);
	check_24(&t, &nv, &e[2].pfx);
	check_24(&t, &nv, &e[2 + 256].pfx);
	rcu_read_lock();
	for (i = 0; i < 512; i++)
		CHECK(fp_trie_get(&t, &e[2 + i].pfx) == V(10 + i));
	CHECK(fp_trie_walk(&t, NULL, dense_walk_fn, &w) == 0);
	rcu_read_unlock();
	CHECK(w.n == 2 + 512 && w.n32 == 512 && w.ordered);
	/* the same routes in one replace: the same table */
	mutex_lock(&lock);
	CHECK(fp_trie_replace_all(&t, e, 2 + 512) == 0);
	mutex_unlock(&lock);
	CHECK(fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &e[2 + 256].pfx);
	/* a /31: depth-30 nodes again, several times the memory */
	p = P4("198.51.100.6", 31);
	CHECK(ins(&t, p, V(3)) == 0);
	naive_set(&nv, &p, V(3));
	split = fp_trie_mem(&t);
	CHECK(split > dense + 4096);
	check_24(&t, &nv, &p);
	mutex_lock(&lock);
	CHECK(fp_trie_delete(&t, &p, NULL) == 0);
	mutex_unlock(&lock);
	naive_del(&nv, &p);
	check_24(&t, &nv, &p);
	/* the next /32 update makes it dense again */
	CHECK(ins(&t, e[2 + 256 + 9].pfx, V(500)) == 0);
	naive_set(&nv, &e[2 + 256 + 9].pfx, V(500));
	CHECK(fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &p);
	/* down to 15 host routes: children again, then empty */
	for (i = 0; i < 512; i++) {
		mutex_lock(&lock);
		CHECK(fp_trie_delete(&t, &e[2 + i].pfx, NULL) == 0);
		mutex_unlock(&lock);
		naive_del(&nv, &e[2 + i].pfx);
		if (i == 256 + 240) {
			CHECK(t.hb == NULL);
			check_24(&t, &nv, &p);
		}
	}
	check_24(&t, &nv, &p);
	for (i = 0; i < 2; i++) {
		mutex_lock(&lock);
		CHECK(fp_trie_delete(&t, &e[i].pfx, NULL) == 0);
		mutex_unlock(&lock);
	}
	CHECK(fp_trie_mem(&t) == sizeof(t));
	fp_trie_destroy(&t);
	naive_free(&nv);
}

/*
 * Host blocks keep their values as u32 multiples of the values' common
 * alignment above a base: a /24 with one value 2^40 bytes away from the
 * others keeps (or gets back) its depth-30 nodes, and becomes dense again
 * once that value is replaced or deleted; the same from a whole-table
 * replace.  Values only 4-byte aligned, one 2-byte aligned one, and the
 * edge: values (2^32 - 2) * 4 bytes apart fit, (2^32 - 1) * 4 do not.
 */
static void t_dense4_far(void)
{
	static struct fp_trie_entry e[1 + 64];
	void *far = (void *)((unsigned long)V(7) + (1UL << 40));
	void *odd = (void *)((unsigned long)V(9) + 2);
	struct fp_trie_prefix p;
	struct naive nv;
	struct fp_trie t;
	size_t dense;
	unsigned int i;

	naive_init(&nv, 32);
	fp_trie_init(&t, 32, &lock);
	e[0] = (struct fp_trie_entry){ P4("203.0.113.0", 24), V(1) };
	for (i = 0; i < 64; i++) {
		p = P4("203.0.113.0", 32);
		p.addr[3] = (u8)(4 * i + 1);
		e[1 + i] = (struct fp_trie_entry){ p, V(100 + 3 * i) };
	}
	for (i = 0; i < 1 + 64; i++) {
		CHECK(ins(&t, e[i].pfx, e[i].value) == 0);
		naive_set(&nv, &e[i].pfx, e[i].value);
	}
	CHECK(t.hb != NULL);
	dense = fp_trie_mem(&t);
	check_24(&t, &nv, &e[0].pfx);
	/* a 2-byte aligned value: still dense, a finer alignment */
	CHECK(ins(&t, e[5].pfx, odd) == 0);
	naive_set(&nv, &e[5].pfx, odd);
	CHECK(t.hb != NULL && fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &e[0].pfx);
	/* a value too far away: depth-30 nodes again */
	CHECK(ins(&t, e[9].pfx, far) == 0);
	naive_set(&nv, &e[9].pfx, far);
	CHECK(t.hb == NULL);
	check_24(&t, &nv, &e[0].pfx);
	rcu_read_lock();
	CHECK(fp_trie_get(&t, &e[9].pfx) == far);
	CHECK(fp_trie_get(&t, &e[5].pfx) == odd);
	rcu_read_unlock();
	/* and no block while it stays (a /32 added near the far one) */
	p = P4("203.0.113.2", 32);
	CHECK(ins(&t, p, V(3)) == 0);
	naive_set(&nv, &p, V(3));
	CHECK(t.hb == NULL);
	check_24(&t, &nv, &p);
	mutex_lock(&lock);
	CHECK(fp_trie_delete(&t, &p, NULL) == 0);
	mutex_unlock(&lock);
	naive_del(&nv, &p);
	/* the far value replaced: dense again, as before */
	CHECK(ins(&t, e[9].pfx, e[9].value) == 0);
	naive_set(&nv, &e[9].pfx, e[9].value);
	CHECK(t.hb != NULL && fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &e[0].pfx);
	/* the far value again, then deleted: dense again too */
	CHECK(ins(&t, e[9].pfx, far) == 0);
	CHECK(t.hb == NULL);
	mutex_lock(&lock);
	CHECK(fp_trie_delete(&t, &e[9].pfx, NULL) == 0);
	mutex_unlock(&lock);
	naive_del(&nv, &e[9].pfx);
	CHECK(t.hb != NULL);
	check_24(&t, &nv, &e[0].pfx);
	CHECK(ins(&t, e[9].pfx, e[9].value) == 0);
	naive_set(&nv, &e[9].pfx, e[9].value);
	CHECK(t.hb != NULL && fp_trie_mem(&t) == dense);
	/* the widest range a block takes (u32 multiples of 4), one past it */
	CHECK(((unsigned long)V(1) & 7) == 4);
	CHECK(ins(&t, e[5].pfx, e[5].value) == 0);	/* no 2-byte one */
	naive_set(&nv, &e[5].pfx, e[5].value);
	for (i = 0; i < 2; i++) {
		void *hi = (void *)((unsigned long)V(1) +
				    ((U32_MAX - 1UL + i) << 2));

		CHECK(ins(&t, e[3].pfx, V(1)) == 0);
		CHECK(ins(&t, e[4].pfx, hi) == 0);
		naive_set(&nv, &e[3].pfx, V(1));
		naive_set(&nv, &e[4].pfx, hi);
		CHECK((t.hb != NULL) == !i);
		check_24(&t, &nv, &e[0].pfx);
		rcu_read_lock();
		CHECK(fp_trie_get(&t, &e[4].pfx) == hi);
		rcu_read_unlock();
	}
	for (i = 3; i <= 4; i++) {
		CHECK(ins(&t, e[i].pfx, e[i].value) == 0);
		naive_set(&nv, &e[i].pfx, e[i].value);
	}
	CHECK(t.hb != NULL && fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &e[0].pfx);
	/* a replace with the far value: no block; without it: the block */
	e[9].value = far;
	mutex_lock(&lock);
	CHECK(fp_trie_replace_all(&t, e, 1 + 64) == 0);
	mutex_unlock(&lock);
	naive_set(&nv, &e[9].pfx, far);
	naive_set(&nv, &e[5].pfx, e[5].value);
	CHECK(t.hb == NULL);
	check_24(&t, &nv, &e[0].pfx);
	e[9].value = V(100 + 3 * 8);
	mutex_lock(&lock);
	CHECK(fp_trie_replace_all(&t, e, 1 + 64) == 0);
	mutex_unlock(&lock);
	naive_set(&nv, &e[9].pfx, e[9].value);
	CHECK(t.hb != NULL && fp_trie_mem(&t) == dense);
	check_24(&t, &nv, &e[0].pfx);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

/*
 * Lookup images: four direct-table entries' subtrees (10.0.0.0/12 ..
 * 10.48.0.0/12, or 2000::/12 .. 2030::/12), one dense and three sparse,
 * grow past the image limits and shrink back, with values 4- and
 * 2-byte aligned and some 2^40 bytes away from the others (no u32 leaf for
 * those), under allocation failures; lookups around every change and in
 * its /12 against the oracle, images there for a while, none at the end.
 */
static void images(unsigned int bits)
{
	struct fp_trie_prefix p, slot;
	struct fp_trie t;
	struct naive nv;
	u64 seed = 0x1a6e + bits;
	int k, err, fails = 0, with = 0;
	unsigned int i, nth;
	size_t mem;

	naive_init(&nv, bits);
	fp_trie_init(&t, bits, &lock);
	mutex_lock(&lock);
	for (k = 0; k < 4000; k++) {
		unsigned int r = rnd64(&seed) % 100, sl = rnd64(&seed) % 10;
		bool del_op = r < (k < 1500 ? 20 : k < 2500 ? 50 : 85);
		uintptr_t v = (uintptr_t)V(rnd64(&seed) % 200);

		if (r % 10 == 7)
			v += 2;
		else if (r % 50 == 9)
			v += 1UL << 40;
		sl = sl < 7 ? 0 : sl - 6;	/* 70 % in the first */
		memset(&slot, 0, sizeof(slot));
		slot.addr[0] = bits == 32 ? 10 : 0x20;
		slot.addr[1] = (u8)(sl << 4);
		slot.len = 12;
		p = slot;
		p.addr[1] |= rnd64(&seed) & 0xf;
		for (i = 2; i < bits / 8; i++)
			p.addr[i] = (u8)rnd64(&seed);
		/* the sparse ones mostly hold /13s to /20s */
		p.len = (u8)(13 + rnd64(&seed) % (sl && r % 17 ? 8 :
						  bits == 32 ? 20 : 52));
		prefix_mask(&p, bits);
		if (del_op) {
			if (!nv.n)
				continue;
			p = nv.e[rnd64(&seed) % nv.n].pfx;
		}
		for (nth = k % 5 ? 0 : 1;; nth++) {
			mem = fp_trie_mem(&t);
			t.fault_nth = nth;
			err = del_op ? fp_trie_delete(&t, &p, NULL) :
				       fp_trie_insert(&t, &p, (void *)v, NULL);
			t.fault_nth = 0;
			if (err != -ENOMEM || !nth)
				break;
			fails++;
			CHECK(fp_trie_mem(&t) == mem);
			check_around(&t, &nv, &seed, &p);
		}
		CHECK(err == 0);
		if (del_op)
			naive_del(&nv, &p);
		else
			naive_set(&nv, &p, (void *)v);
		check_around(&t, &nv, &seed, &p);
		check_around(&t, &nv, &seed, &slot);
		with += fp_trie_images(&t) > 0;
		if (k % 500 == 0)
			full_compare(&t, &nv, &seed, 500);
	}
	CHECK(with > 1000);
	full_compare(&t, &nv, &seed, 3000);
	while (nv.n) {
		p = nv.e[rnd64(&seed) % nv.n].pfx;
		CHECK(fp_trie_delete(&t, &p, NULL) == 0);
		naive_del(&nv, &p);
		check_around(&t, &nv, &seed, &p);
	}
	CHECK(fp_trie_images(&t) == 0);
	CHECK(fp_trie_mem(&t) == sizeof(t));
	mutex_unlock(&lock);
	CHECK(fails > 100);
	fp_trie_destroy(&t);
	naive_free(&nv);
}

static void t_images4(void)
{
	images(32);
}

static void t_images6(void)
{
	images(128);
}

int main(void)
{
	rcu_register_thread();
	if (fp_trie_module_init())
		return 1;
	run("basic4", t_basic4);
	run("basic6", t_basic6);
	run("walk", t_walk);
	run("diff4", t_diff4);
	run("diff6", t_diff6);
	run("bulk4", t_bulk4);
	run("bulk6", t_bulk6);
	run("faults4", t_faults4);
	run("faults6", t_faults6);
	run("faults_shim", t_faults_shim);
	run("hosts4", t_hosts4);
	run("dense4", t_dense4);
	run("dense4_far", t_dense4_far);
	run("images4", t_images4);
	run("images6", t_images6);
	run("big", t_big);
	fp_trie_module_exit();
	rcu_unregister_thread();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
