// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer harness for kmod/trie.c: the input is a sequence of operations
 * (insert/replace, delete, lookup, exact get, walk from a cursor,
 * whole-table replace, an allocation failure injected into the next
 * operation) on an IPv4 or IPv6 table, each checked against the naive
 * linear table.  Any disagreement aborts.
 */
#include "fp_kshim.h"
#include "trie.h"
#include "trie_oracle.h"

static DEFINE_MUTEX(lock);
static int vals[256];

/*
 * The value a byte names (never dereferenced): a slot of vals[], or for the
 * top 32 bytes a value 2 bytes into its slot (a finer common alignment) or
 * 2^42 bytes away (too far from the others to share a host block or a
 * lookup image's value encoding).
 */
static void *val(u8 b)
{
	if (b >= 240)
		return (void *)((uintptr_t)&vals[b] + (1ULL << 42));
	if (b >= 224)
		return (char *)&vals[b] + 2;
	return &vals[b];
}

struct in {
	const u8 *p;
	size_t n;
};

static u8 get8(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void getpfx(struct in *in, unsigned int bits, struct fp_trie_prefix *p,
		   const struct naive *nv)
{
	u8 mode = get8(in);
	unsigned int i;

	memset(p, 0, sizeof(*p));
	if ((mode & 3) == 0 && nv->n) {
		/* an existing prefix, possibly shortened/lengthened */
		const struct fp_trie_entry *e = &nv->e[get8(in) % nv->n];

		*p = e->pfx;
		if (mode & 4)
			p->len = get8(in) % (bits + 1);
		if (mode & 8)
			p->addr[get8(in) % (bits / 8)] ^= get8(in);
	} else {
		/* few bytes: most prefixes share the remaining zeros */
		for (i = 0; i < (unsigned int)((mode >> 2) % (bits / 8 + 1)); i++)
			p->addr[i] = get8(in);
		p->len = get8(in) % (bits + 1);
	}
	prefix_mask(p, bits);
}

static void fail(const char *what)
{
	fprintf(stderr, "trie_fuzz: %s\n", what);
	abort();
}

struct wc {
	struct naive *nv;
	size_t i;
	int stop;
};

static int wfn(void *arg, const struct fp_trie_prefix *p, void *v)
{
	struct wc *w = arg;
	struct fp_trie_entry *e;

	if (w->i >= w->nv->n)
		fail("walk: extra prefix");
	e = &w->nv->e[w->i++];
	if (e->pfx.len != p->len || memcmp(e->pfx.addr, p->addr, 16) ||
	    e->value != v)
		fail("walk: wrong prefix");
	return w->stop && w->i >= (size_t)w->stop ? 1 : 0;
}

/* Index of the first (sorted) naive entry after @after. */
static size_t first_after(const struct naive *nv,
			  const struct fp_trie_prefix *after)
{
	size_t i;

	for (i = 0; after && i < nv->n; i++) {
		int c = memcmp(nv->e[i].pfx.addr, after->addr, 16);

		if (c > 0 || (c == 0 && nv->e[i].pfx.len > after->len))
			break;
	}
	return after ? i : 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static bool registered;
	struct in in = { data, size };
	unsigned int bits = get8(&in) & 1 ? 128 : 32;
	struct fp_trie t;
	struct naive nv;
	int ops = 0;

	if (!registered) {
		rcu_register_thread();
		fp_shim_rcu_inline = true;	/* one thread: no readers */
		if (fp_trie_module_init())
			abort();
		registered = true;
	}
	naive_init(&nv, bits);
	fp_trie_init(&t, bits, &lock);
	mutex_lock(&lock);
	while (in.n && ops++ < 400) {
		u8 op = get8(&in);
		struct fp_trie_prefix p;
		u8 a[16] = { 0 };
		void *v, *old;
		int err;

		switch (op % 8) {
		case 0:
		case 1:
		case 2:		/* insert / replace */
			getpfx(&in, bits, &p, &nv);
			v = val(get8(&in));
			if (op & 0x80)
				t.fault_nth = 1 + (op >> 3) % 16;
			err = fp_trie_insert(&t, &p, v, &old);
			t.fault_nth = 0;
			if (err == -ENOMEM)
				break;
			if (err || old != (naive_find(&nv, &p) ?
					   naive_find(&nv, &p)->value : NULL))
				fail("insert");
			naive_set(&nv, &p, v);
			break;
		case 3:		/* delete */
			getpfx(&in, bits, &p, &nv);
			if (op & 0x80)
				t.fault_nth = 1 + (op >> 3) % 16;
			err = fp_trie_delete(&t, &p, NULL);
			t.fault_nth = 0;
			if (err == -ENOMEM)
				break;
			if (err != (naive_find(&nv, &p) ? 0 : -ENOENT))
				fail("delete");
			naive_del(&nv, &p);
			break;
		case 4:		/* lookups near a prefix */
		case 5:
			getpfx(&in, bits, &p, &nv);
			memcpy(a, p.addr, 16);
			a[get8(&in) % (bits / 8)] ^= get8(&in) & (op >> 3);
			rcu_read_lock();
			v = fp_trie_lookup(&t, a);
			if (bits == 32) {
				__be32 x;

				memcpy(&x, a, 4);
				if (fp_trie_lookup4(&t, x) != v)
					fail("lookup4");
			} else if (fp_trie_lookup6(&t, a) != v) {
				fail("lookup6");
			}
			rcu_read_unlock();
			if (v != naive_lookup(&nv, a))
				fail("lookup");
			getpfx(&in, bits, &p, &nv);
			if (fp_trie_get(&t, &p) !=
			    (naive_find(&nv, &p) ? naive_find(&nv, &p)->value : NULL))
				fail("get");
			break;
		case 6: {	/* walk, maybe from a cursor */
			struct wc w = { .nv = &nv, .stop = op >> 4 };
			const struct fp_trie_prefix *after = NULL;

			naive_sort(&nv);
			if (op & 8) {
				getpfx(&in, bits, &p, &nv);
				after = &p;
			}
			w.i = first_after(&nv, after);
			if (w.stop)
				w.stop += w.i;
			fp_trie_walk(&t, after, wfn, &w);
			if (!w.stop && w.i != nv.n)
				fail("walk: missing prefixes");
			break;
		}
		case 7: {	/* whole-table replace with a subset */
			struct fp_trie_entry *e = calloc(nv.n + 1, sizeof(*e));
			size_t i, k = 0;
			u8 keep = get8(&in);

			for (i = 0; i < nv.n; i++) {
				if (!((keep >> (i % 8)) & 1))
					continue;
				e[k].pfx = nv.e[i].pfx;
				e[k++].value = val((i + keep) % 256);
			}
			if (op & 0x80)
				t.fault_nth = 1 + (op >> 3) % 16;
			err = fp_trie_replace_all(&t, e, k);
			t.fault_nth = 0;
			if (err == 0) {
				naive_free(&nv);
				naive_init(&nv, bits);
				for (i = 0; i < k; i++)
					naive_set(&nv, &e[i].pfx, e[i].value);
			} else if (err != -ENOMEM) {
				fail("replace_all");
			}
			free(e);
			break;
		}
		}
		if (fp_trie_count(&t) != nv.n)
			fail("count");
	}
	/* the whole table agrees */
	{
		struct wc w = { .nv = &nv };

		naive_sort(&nv);
		fp_trie_walk(&t, NULL, wfn, &w);
		if (w.i != nv.n)
			fail("final walk");
	}
	mutex_unlock(&lock);
	fp_trie_destroy(&t);
	naive_free(&nv);
	return 0;
}
