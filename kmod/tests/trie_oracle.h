/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The reference every test of kmod/trie.c checks it against, kernel and
 * user space alike: a naive linear longest-prefix-match table of
 * &struct fp_trie_entry, and the random prefixes and probe addresses the
 * differential tests draw.  Included by the KUnit suite (trie_test.c)
 * and, over tools/include's kernel shim, by tools/trie-test, tools/stress
 * and tools/fuzz: one copy of the oracle, so that no test can drift from
 * the others.
 *
 * The table grows in user space; in the kernel the caller sizes it up
 * front (@cap entries of @e, from kvcalloc()) and naive_set() ignores a
 * prefix that does not fit.
 */
#ifndef _FP_TRIE_ORACLE_H
#define _FP_TRIE_ORACLE_H

#ifdef __KERNEL__
#include <linux/sort.h>
#include <linux/string.h>
#else
#include "fp_kshim.h"
#endif
#include "trie.h"

struct naive {
	unsigned int bits;
	size_t n, cap;
	struct fp_trie_entry *e;
};

#ifdef __KERNEL__
static inline bool naive_grow(struct naive *nv)
{
	return false;
}
#else
static inline bool naive_grow(struct naive *nv)
{
	nv->cap = nv->cap ? nv->cap * 2 : 64;
	nv->e = realloc(nv->e, nv->cap * sizeof(*nv->e));
	if (!nv->e)
		abort();
	return true;
}

static inline void naive_init(struct naive *nv, unsigned int bits)
{
	memset(nv, 0, sizeof(*nv));
	nv->bits = bits;
}

static inline void naive_free(struct naive *nv)
{
	free(nv->e);
	nv->e = NULL;
	nv->n = 0;
	nv->cap = 0;
}
#endif

static inline bool naive_match(const u8 *a, const u8 *p, unsigned int len)
{
	unsigned int i;

	for (i = 0; i < len / 8; i++)
		if (a[i] != p[i])
			return false;
	if (len % 8) {
		u8 m = (u8)(0xff00 >> (len % 8));

		if ((a[i] & m) != (p[i] & m))
			return false;
	}
	return true;
}

static inline struct fp_trie_entry *naive_find(const struct naive *nv,
					       const struct fp_trie_prefix *p)
{
	size_t i;

	for (i = 0; i < nv->n; i++)
		if (nv->e[i].pfx.len == p->len &&
		    !memcmp(nv->e[i].pfx.addr, p->addr, 16))
			return &nv->e[i];
	return NULL;
}

static inline void naive_set(struct naive *nv, const struct fp_trie_prefix *p,
			     void *v)
{
	struct fp_trie_entry *e = naive_find(nv, p);

	if (!e) {
		if (nv->n == nv->cap && !naive_grow(nv))
			return;
		e = &nv->e[nv->n++];
		e->pfx = *p;
	}
	e->value = v;
}

static inline bool naive_del(struct naive *nv, const struct fp_trie_prefix *p)
{
	struct fp_trie_entry *e = naive_find(nv, p);

	if (!e)
		return false;
	*e = nv->e[--nv->n];
	return true;
}

static inline void *naive_lookup(const struct naive *nv, const u8 *a)
{
	int best = -1;
	void *v = NULL;
	size_t i;

	for (i = 0; i < nv->n; i++) {
		if ((int)nv->e[i].pfx.len > best &&
		    naive_match(a, nv->e[i].pfx.addr, nv->e[i].pfx.len)) {
			best = nv->e[i].pfx.len;
			v = nv->e[i].value;
		}
	}
	return v;
}

/* Address order, shorter first: the order of fp_trie_walk(). */
static inline int naive_cmp(const void *a, const void *b)
{
	const struct fp_trie_entry *x = a, *y = b;
	int c = memcmp(x->pfx.addr, y->pfx.addr, 16);

	return c ? c : (int)x->pfx.len - (int)y->pfx.len;
}

static inline void naive_sort(struct naive *nv)
{
	if (!nv->n)
		return;
#ifdef __KERNEL__
	sort(nv->e, nv->n, sizeof(*nv->e), naive_cmp, NULL);
#else
	qsort(nv->e, nv->n, sizeof(*nv->e), naive_cmp);
#endif
}

/* xorshift64* */
static inline u64 rnd64(u64 *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static inline void prefix_mask(struct fp_trie_prefix *p, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < 16; i++) {
		if (i * 8 >= bits || i * 8 >= p->len) {
			if (i * 8 >= p->len)
				p->addr[i] = 0;
			continue;
		}
		if (p->len < i * 8 + 8)
			p->addr[i] &= (u8)(0xff00 >> (p->len - i * 8));
	}
	if (bits == 32)
		memset(p->addr + 4, 0, 12);
}

static inline void rnd_bytes(u64 *s, u8 *b, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		b[i] = (u8)rnd64(s);
}

/*
 * A random prefix: fully random, or (half the time) a mutation of @near
 * (an existing prefix): same leading bits, some flipped, another length,
 * to get nesting and siblings.
 */
static inline void rnd_prefix(u64 *s, unsigned int bits,
			      const struct fp_trie_prefix *near,
			      struct fp_trie_prefix *p)
{
	u64 r = rnd64(s);

	memset(p, 0, sizeof(*p));
	if (near && (r & 1)) {
		unsigned int flip;

		*p = *near;
		rnd_bytes(s, p->addr + near->len / 8,
			  bits / 8 - near->len / 8);
		if (near->len % 8)
			p->addr[near->len / 8] =
				(near->addr[near->len / 8] &
				 (u8)(0xff00 >> (near->len % 8))) |
				(p->addr[near->len / 8] &
				 (u8)(0xff >> (near->len % 8)));
		if ((r >> 1) & 1 && bits) {
			flip = rnd64(s) % bits;
			p->addr[flip / 8] ^= 0x80 >> (flip % 8);
		}
		switch ((r >> 2) & 3) {
		case 0:
			p->len = near->len;
			break;
		case 1:
			p->len = near->len + rnd64(s) % (bits - near->len + 1);
			break;
		default:
			p->len = rnd64(s) % (near->len + 1);
			break;
		}
	} else {
		rnd_bytes(s, p->addr, bits / 8);
		/* many lengths near the common ones, some anywhere */
		if ((r >> 4) & 1)
			p->len = rnd64(s) % (bits + 1);
		else if (bits == 32)
			p->len = 16 + rnd64(s) % 17;
		else
			p->len = 32 + rnd64(s) % 97;
	}
	prefix_mask(p, bits);
}

/*
 * A probe address: random, or (three times in four) inside @p or next to
 * it: its first or last address, or just outside (its last bit flipped).
 */
static inline void rnd_addr(u64 *s, unsigned int bits,
			    const struct fp_trie_prefix *p, u8 *a)
{
	unsigned int i;

	rnd_bytes(s, a, 16);
	if (bits == 32)
		memset(a + 4, 0, 12);
	if (!p || !(rnd64(s) & 3))
		return;
	for (i = 0; i < p->len / 8; i++)
		a[i] = p->addr[i];
	if (p->len % 8)
		a[i] = (p->addr[i] & (u8)(0xff00 >> (p->len % 8))) |
		       (a[i] & (u8)(0xff >> (p->len % 8)));
	switch (rnd64(s) & 3) {
	case 0:	/* first address */
		for (i = p->len; i < bits; i++)
			a[i / 8] &= ~(0x80 >> (i % 8));
		break;
	case 1:	/* last address */
		for (i = p->len; i < bits; i++)
			a[i / 8] |= 0x80 >> (i % 8);
		break;
	case 2:	/* just outside: flip the last prefix bit */
		if (p->len)
			a[(p->len - 1) / 8] ^= 0x80 >> ((p->len - 1) % 8);
		break;
	}
}

#endif /* _FP_TRIE_ORACLE_H */
