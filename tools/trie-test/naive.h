/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A naive linear LPM table, the reference kmod/trie.c is checked against
 * (tests, fuzzer, stress), and helpers to make random prefixes.
 */
#ifndef _FP_NAIVE_H
#define _FP_NAIVE_H

#include "fp_kshim.h"
#include "trie.h"

struct naive_ent {
	u8 addr[16];
	unsigned int len;
	void *v;
};

struct naive {
	unsigned int bits;
	size_t n, cap;
	struct naive_ent *e;
};

static inline void naive_init(struct naive *nv, unsigned int bits)
{
	memset(nv, 0, sizeof(*nv));
	nv->bits = bits;
}

static inline void naive_free(struct naive *nv)
{
	free(nv->e);
	nv->e = NULL;
	nv->n = nv->cap = 0;
}

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

static inline struct naive_ent *naive_find(struct naive *nv,
					   const struct fp_trie_prefix *p)
{
	size_t i;

	for (i = 0; i < nv->n; i++)
		if (nv->e[i].len == p->len &&
		    !memcmp(nv->e[i].addr, p->addr, nv->bits / 8))
			return &nv->e[i];
	return NULL;
}

static inline void naive_set(struct naive *nv, const struct fp_trie_prefix *p,
			     void *v)
{
	struct naive_ent *e = naive_find(nv, p);

	if (e) {
		e->v = v;
		return;
	}
	if (nv->n == nv->cap) {
		nv->cap = nv->cap ? nv->cap * 2 : 64;
		nv->e = realloc(nv->e, nv->cap * sizeof(*nv->e));
		if (!nv->e)
			abort();
	}
	e = &nv->e[nv->n++];
	memset(e, 0, sizeof(*e));
	memcpy(e->addr, p->addr, nv->bits / 8);
	e->len = p->len;
	e->v = v;
}

static inline bool naive_del(struct naive *nv, const struct fp_trie_prefix *p)
{
	struct naive_ent *e = naive_find(nv, p);

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
		if ((int)nv->e[i].len > best &&
		    naive_match(a, nv->e[i].addr, nv->e[i].len)) {
			best = nv->e[i].len;
			v = nv->e[i].v;
		}
	}
	return v;
}

static inline int naive_cmp(const void *a, const void *b)
{
	const struct naive_ent *x = a, *y = b;
	int c = memcmp(x->addr, y->addr, 16);

	if (c)
		return c;
	return (int)x->len - (int)y->len;
}

static inline void naive_sort(struct naive *nv)
{
	if (nv->n)
		qsort(nv->e, nv->n, sizeof(*nv->e), naive_cmp);
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

/* A probe address: random, or inside/next to @p. */
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

#endif /* _FP_NAIVE_H */
