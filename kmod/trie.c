// SPDX-License-Identifier: GPL-2.0
/*
 * Route lookup table: a multibit, popcount-compressed trie in the spirit of
 * Poptrie (Asai and Ohara, SIGCOMM 2015), with the original prefixes kept
 * inside the nodes the way Tree Bitmap (Eatherton et al., 2004) keeps them.
 *
 * Layout
 * ------
 * Keys are 32 (IPv4) or 128 (IPv6) bits, held as two host-order u64 words.
 * The trie has a fixed stride of 6 bits: a node at depth d (d = 0, 6, 12,
 * ...) splits its address range into 64 slots by key bits [d, d + 6).
 *
 *   struct fp_node { u64 vec; struct fp_node *kids; struct fp_blk *blk; }
 *
 * Bit s of @vec says that slot s has a child node; the children of a node
 * are one contiguous array, child s being kids[popcount(vec & mask(s)) - 1]
 * (no pointer per child).  Every other slot is a leaf: its value is the
 * value of the longest prefix covering the whole slot ("leaf pushing").
 * Leaves are run-length compressed as in Poptrie: bit s of blk->leafvec is
 * set where a run of equal leaf values starts, and the leaf of slot s is
 * blk->v[popcount(leafvec & mask(s)) - 1].  A lookup is therefore a loop of
 * "test a bit, popcount, index" with one dependent load per 6 bits and no
 * backtracking; tables with long runs of equal values (the common case)
 * need few leaves.
 *
 * The trie is also the route store.  A node at depth d keeps the prefixes
 * whose length is d + 1 .. d + 6 in a 126-bit map (blk->pmap, positions in
 * heap order: length d + r, r bits b -> position 2^r - 2 + b) with their
 * values after the leaves in blk->v.  The /0 route lives in the root.  A
 * node exists only if it holds a prefix or a child, so exact get, delete
 * and an ordered walk need no second structure, and fp_trie_mem() counts
 * everything.  Values are opaque pointers owned by the caller; the table
 * never dereferences them.
 *
 * Lookups start from a direct-pointing table (Poptrie's "direct
 * pointing"): one word per 12-bit address prefix (18-bit once the table
 * has 65,536 routes; 32 KiB or 2 MiB), holding either the node at that
 * depth or, tagged with bit 0, the leaf value covering the whole range (so
 * values must be at least 2-byte aligned).  An IPv4 lookup is then at most
 * 4 (usually 1-2) node levels.
 *
 * Dense /24s and host blocks (IPv4)
 * ----------------------------------
 * FastPath's tables are mostly one /32 per VM, and a /32 lies three 6-bit
 * levels below the 18-bit direct table.  In the plain trie every 4
 * addresses with a /32 take a depth-30 node and its leaf block (about 60
 * bytes per host route), and a lookup takes three levels that all miss
 * the cache once the table is large.  A /24 that holds at least FP_HB_MIN
 * (32) host routes and no /31 is therefore dense: its node at depth 24 has
 * no children, its kids pointer (tagged with bit 0) is instead a block of
 * its 256 addresses' /32 values (0 where there is none), and its own
 * leaves answer for the addresses without a /32.  A block keeps the values
 * as the lookup images do, as u32 multiples of their common alignment
 * above a base: 1,040 bytes from a slab cache of their own, 4 to 33 bytes
 * per host route (a /24 whose values are too far apart for that keeps its
 * depth-30 nodes).  The block is part of the trie, copied on write like a
 * node: get, delete, the walk and the lookups that reach the node read it.
 * The node gets its children back below FP_HB_KEEP (16) host routes or
 * when a /31 arrives.
 *
 * The lookups do not walk down to the block: an 8-KiB bitmap and an array
 * of /16s (the "host blocks") point to the block of every dense /24; the
 * bitmap and the /16s stay cached, the block's lines are the misses (its
 * base and its value, two loads that do not wait for each other), where
 * DIR-24-8 has one.  An IPv4 lookup tries the block first (a test of the cached
 * bitmap where the /16 has none), before the direct table: a non-NULL
 * value is the answer, since a /32 is the longest possible match, and NULL
 * goes on to the direct table and the trie.  Because the trie alone is
 * complete, the writer stores these pointers after the new root is
 * published: a reader sees an old or a new block, each with the values of
 * one version.  fp_trie_mem() counts the blocks with the trie.
 *
 * Lookup images
 * -------------
 * The trie's nodes, leaf blocks and prefix values are scattered over many
 * small allocations, so a lookup that misses the cache pays for a node, a
 * block header and a leaf on every level.  A direct-table entry whose
 * subtree has at most FP_IMG_MAX (64) nodes and FP_IMG_MAXL (1024) leaves
 * therefore points (tagged with bit 1) to a read-only copy of that subtree
 * made for lookups, as Poptrie lays out its arrays: the nodes (vec,
 * leafvec, u32 index of the first child, u32 index of the first leaf)
 * contiguous, children of a node next to each other, then the leaves as
 * u32s, each a multiple of the subtree's common value alignment above its
 * lowest value (0 for NULL).  An image holds no prefix values and half-size
 * leaves, so what the lookups touch is smaller and denser.  Bigger
 * subtrees (dense host routes, long IPv6 chains) keep the trie walk.  The
 * trie stays the route store; images are derived from it by the writer.
 * An update builds images for the direct-table entries it refreshes
 * before publishing anything and keeps the image (or the refusal) of
 * every entry whose node still has the same kids array and leaf block
 * (both immutable, so the same subtree); a replaced image goes to the
 * update's one call_rcu batch like any node.  fp_trie_mem() counts
 * images.
 *
 * Compared with fib_trie (level-compressed binary trie, one node visit per
 * skipped-or-compared bit group, backtracking on mismatch) this visits
 * fewer nodes and never backtracks; compared with DIR-24-8 (rte_lpm) it
 * trades one or two more dependent loads for a table 7-10x smaller that
 * stays in cache.  Tools/bench and Documentation/performance.rst measure
 * both.
 *
 * Updates
 * -------
 * Nodes are immutable once published.  An update rebuilds, under the
 * writer mutex, new copies of the nodes on the path from the root to the
 * prefix's home node, plus the child subtrees whose pushed-down leaves
 * change (only below the prefix itself), sharing every untouched subtree
 * with the old version.  Everything is allocated before anything is
 * published: on -ENOMEM the new objects are freed and the table is as it
 * was.  The new root is published with one rcu_assign_pointer(), so a
 * lookup sees the table before or after the update, never a half-built
 * node, and an update never makes another route disappear, even
 * transiently.  The objects the
 * update replaced are collected in one batch and freed by a single
 * call_rcu(): no synchronize_rcu() per update.  The direct table is
 * updated in place after the root is published: only its entries below the
 * updated prefix or below the one node whose kids array was copied can
 * change, and each goes from its old target to its new one in a single
 * store (both valid until the grace period ends).  fp_trie_replace_all()
 * builds a whole new trie off-line from a sorted copy of the routes (no
 * copy-on-write, ~linear time) and swaps it in together with a new
 * direct table, so readers switch between whole tables.
 */
#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/overflow.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/sort.h>
#include <linux/mutex.h>
#include <linux/lockdep.h>
#include <linux/rcupdate.h>

#include "compat.h"
#include "trie.h"

#define FP_STRIDE	6
#define FP_SLOTS	64
#define FP_NPOS		126	/* prefix positions per node */
#define FP_MAXLEVEL	22	/* nodes on a 128-bit path: depths 0..126 */
#define FP_DIR_SMALL	12	/* direct-pointing table bits ... */
#define FP_DIR_BIG	18	/* ... from FP_DIR_GROW routes on */
#define FP_DIR_GROW	65536
#define FP_DIR_SHRINK	32768

struct fp_key {
	u64 hi;
	u64 lo;
};

struct fp_blk;

struct fp_node {
	u64 vec;
	struct fp_node *kids;
	struct fp_blk *blk;
};

struct fp_blk {
	u64 leafvec;
	u64 pmap[2];
	void *v[];	/* popcount(leafvec) leaves, then the prefixes' values */
};

/* Direct-pointing table: 2^bits words, see fp_dir_entry(). */
struct fp_dir {
	unsigned int bits;
	unsigned long e[];
};

struct fp_trie_root {
	struct fp_node n;
	void *def;	/* value of the /0 route, or NULL */
};

/*
 * Dense /24s (IPv4): a /24 with at least FP_HB_MIN host routes and no /31
 * keeps them in a block of its 256 addresses' /32 values (NULL where it
 * has none) instead of depth-30 nodes, found by the lookups through a
 * bitmap and a table of /16s: three loads that stay cached and one that
 * does not, where the trie below its direct table takes three levels.
 */
#define FP_HB_MIN	32	/* host routes that give a /24 its block */
#define FP_HB_KEEP	16	/* ... and that it keeps it with */

/*
 * A block keeps its 256 values as u32s, each a multiple of the values'
 * common alignment (2^@shift, at most 256) above @base, 0 for NULL, as the
 * lookup images do: 1,040 bytes, from a kmem_cache of their own
 * (fp_hb_cache), where pointers took 2 KiB.  A /24 whose values do not fit
 * (more than 2^32 alignments apart) keeps its depth-30 nodes.  /16s are
 * exactly 2 KiB, a kmalloc size class.  Neither has a counter (a /16 with
 * one would take 4 KiB in the kernel): writers count entries when they
 * need to (fp_hb_count_after(), fp_hb16_count()).
 */
struct fp_hb {
	unsigned long base;
	u32 shift;
	u32 unused;
	u32 v[256];
};

struct fp_hb16 {
	struct fp_hb __rcu *b[256];
};

static_assert(sizeof(struct fp_hb) == 1040 && sizeof(struct fp_hb16) == 2048);

static struct kmem_cache *fp_hb_cache;

/* Value @i of block @b. */
static __always_inline void *fp_hb_val(const struct fp_hb *b, unsigned int i)
{
	u32 l = b->v[i];

	return l ? (void *)(b->base + ((unsigned long)l << b->shift)) : NULL;
}

/* Set value @i of block @b, which fits its base and alignment, to @v. */
static void fp_hb_put(struct fp_hb *b, unsigned int i, const void *v)
{
	b->v[i] = v ? ((unsigned long)v - b->base) >> b->shift : 0;
}

/*
 * A dense /24 (IPv4): its node at depth 24 has no children; its kids
 * pointer, tagged with bit 0, is the block of its host routes instead.
 */
static inline struct fp_hb *fp_dense(const struct fp_node *n)
{
	unsigned long k = (unsigned long)n->kids;

	return k & 1 ? (struct fp_hb *)(k - 1) : NULL;
}

struct fp_hbtop {
	u64 map[65536 / 64];	/* the /16s in @a: 8 KiB that stay cached */
	struct fp_hb16 __rcu *a[65536];
	unsigned int n;		/* /16s with blocks (writers only) */
};

static inline void fp_hb_map(struct fp_hbtop *top, u32 a, bool on)
{
	u64 *w = &top->map[a >> 22], bit = 1ULL << ((a >> 16) & 63);

	WRITE_ONCE(*w, on ? *w | bit : *w & ~bit);
}

enum fp_hb_op { FP_HB_NONE, FP_HB_SET, FP_HB_ADD, FP_HB_DEL, FP_HB_SWAP };

/*
 * Lookup images: the subtree below one direct-table entry, copied into one
 * allocation for the readers (see "Lookup images" at the top).  A node's
 * children are n[kids .. kids + popcount(vec) - 1]; its leaf for slot s is
 * u32 number leaves + popcount(leafvec & mask(s)) - 1 of the image,
 * counted from its start: 0 for NULL, else the value is base + (leaf <<
 * shift).  @src_*: the trie node it copies, to tell whether a later version
 * of the direct-table entry still has the same subtree.
 */
#define FP_IMG_MAX	64	/* nodes: bigger subtrees keep the trie walk */
#define FP_IMG_MAXL	1024	/* ... and leaves */

struct fp_img_node {
	u64 vec;
	u64 leafvec;
	u32 kids;
	u32 leaves;
};

struct fp_img {
	unsigned long base;
	const struct fp_node *src_kids;
	const struct fp_blk *src_blk;
	u8 shift;
	u8 nn;			/* nodes */
	u16 nl;			/* leaves */
	struct fp_img_node n[];	/* then nl u32 leaves */
};

/*
 * The values other than NULL of a set of leaves or host routes: lowest,
 * highest and all their bits ORed (for their common alignment).
 */
struct fp_vrange {
	unsigned long vmin;
	unsigned long vmax;
	unsigned long vor;
};

#define FP_VRANGE_INIT	{ .vmin = ULONG_MAX }

static inline void fp_vrange_add(struct fp_vrange *r, const void *v)
{
	unsigned long x = (unsigned long)v;

	if (!x)
		return;
	r->vmin = min_t(unsigned long, r->vmin, x);
	r->vmax = max_t(unsigned long, r->vmax, x);
	r->vor |= x;
}

/*
 * How to keep the values of @r as u32s: multiples of their common
 * alignment (1 << *@shift, at most 256) above *@base, 1 for the lowest.
 * Return: false if they are too far apart for that.
 */
static bool fp_vrange_enc(const struct fp_vrange *r, unsigned long *base,
			  unsigned int *shift)
{
	*shift = r->vor ? min_t(unsigned int, __ffs(r->vor), 8) : 0;
	if (r->vor && (r->vmax - r->vmin) >> *shift >= U32_MAX)
		return false;
	*base = r->vor ? r->vmin - (1UL << *shift) : 0;
	return true;
}

/* What fp_img_count() finds below a node. */
struct fp_img_census {
	u32 nn;
	u32 nl;
	struct fp_vrange r;	/* of the leaves' values */
};

/* Objects to free after a grace period, or to free on a failed update. */
struct fp_gc {
	struct rcu_head rcu;
	size_t n;
	size_t cap;
	void *obj[];
};

/* One update (insert, delete or whole-table replace) being built. */
struct fp_upd {
	struct fp_trie *t;
	struct fp_key key;
	unsigned int len;
	unsigned int hd;	/* home depth of the prefix */
	int cpos;		/* its position in the home node */
	void *cval;		/* new value, NULL to delete */
	struct fp_gc *fresh;	/* allocated by this update */
	struct fp_gc *stale;	/* replaced by this update */
	ssize_t mem;		/* change of t->mem */
	enum fp_hb_op hb_op;	/* what the commit does to the host blocks */
	struct fp_hb *hb_new;	/* FP_HB_ADD, _SET: the /24's block */
	struct fp_hb16 *hb16_new;	/* ... and its /16's, if new */
	struct fp_hbtop *hbtop_new;	/* ... and the table's (FP_HB_SWAP) */
	bool hb16_gone;		/* FP_HB_DEL: the /16 loses its last block */
	bool hbtop_gone;	/* ... and the table its last /16 */
	unsigned int dfirst;	/* direct-table entries the commit stores: */
	unsigned int dn;	/* ... dn (64 or more) of them from dfirst on, */
	unsigned long *dnew;	/* ... these */
};

static inline u64 fp_mask(unsigned int s)
{
	/* bits 0..s; (2 << 63) wraps to 0, giving all ones */
	return (2ULL << s) - 1;
}

static inline unsigned int fp_chunk(const struct fp_key *k, unsigned int d)
{
	if (d <= 58)
		return (k->hi << d) >> 58;
	if (d >= 64)
		return (k->lo << (d - 64)) >> 58;
	return ((k->hi << d) >> 58) | (k->lo >> (122 - d));
}

/* Set key bits [d, d + 6) to @s. */
static inline void fp_set_chunk(struct fp_key *k, unsigned int d,
				unsigned int s)
{
	u64 v = (u64)s;

	if (d <= 58) {
		k->hi &= ~(0x3fULL << (58 - d));
		k->hi |= v << (58 - d);
	} else if (d > 122) {	/* the chunk runs past bit 127 */
		k->lo &= ~(0x3fULL >> (d - 122));
		k->lo |= v >> (d - 122);
	} else if (d >= 64) {
		k->lo &= ~(0x3fULL << (122 - d));
		k->lo |= v << (122 - d);
	} else {
		k->hi &= ~(0x3fULL >> (d - 58));
		k->hi |= v >> (d - 58);
		k->lo &= ~(0x3fULL << (122 - d));
		k->lo |= v << (122 - d);
	}
}

/* Keep the first @len bits of @k. */
static inline void fp_key_trunc(struct fp_key *k, unsigned int len)
{
	if (len == 0) {
		k->hi = 0;
		k->lo = 0;
	} else if (len < 64) {
		k->hi &= ~0ULL << (64 - len);
		k->lo = 0;
	} else if (len == 64) {
		k->lo = 0;
	} else if (len < 128) {
		k->lo &= ~0ULL << (128 - len);
	}
}

static inline int fp_key_cmp(const struct fp_key *a, const struct fp_key *b)
{
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return 0;
}

static inline u64 fp_get_be64(const u8 *p)
{
	__be64 v;

	memcpy(&v, p, sizeof(v));
	return be64_to_cpu(v);
}

static inline void fp_put_be64(u8 *p, u64 x)
{
	__be64 v = cpu_to_be64(x);

	memcpy(p, &v, sizeof(v));
}

static void fp_addr_to_key(const struct fp_trie *t, const u8 *addr,
			   struct fp_key *k)
{
	if (t->bits == 32) {
		__be32 v;

		memcpy(&v, addr, sizeof(v));
		k->hi = (u64)be32_to_cpu(v) << 32;
		k->lo = 0;
	} else {
		k->hi = fp_get_be64(addr);
		k->lo = fp_get_be64(addr + 8);
	}
}

static void fp_key_to_prefix(const struct fp_trie *t, const struct fp_key *k,
			     unsigned int len, struct fp_trie_prefix *p)
{
	memset(p, 0, sizeof(*p));
	fp_put_be64(p->addr, k->hi);
	if (t->bits == 128)
		fp_put_be64(p->addr + 8, k->lo);
	else
		memset(p->addr + 4, 0, 4);
	p->len = len;
}

/* Valid prefix with no host bits set -> key; else -EINVAL. */
static int fp_prefix_key(const struct fp_trie *t,
			 const struct fp_trie_prefix *p, struct fp_key *k)
{
	struct fp_key m;

	if (p->len > t->bits)
		return -EINVAL;
	fp_addr_to_key(t, p->addr, k);
	m = *k;
	fp_key_trunc(&m, p->len);
	return fp_key_cmp(&m, k) ? -EINVAL : 0;
}

/* ---- prefix positions inside a node ---- */

static inline unsigned int fp_home(unsigned int len)
{
	return (len - 1) / FP_STRIDE * FP_STRIDE;
}

static inline unsigned int fp_pos(const struct fp_key *k, unsigned int len)
{
	unsigned int d = fp_home(len), r = len - d;

	return (1U << r) - 2 + (fp_chunk(k, d) >> (FP_STRIDE - r));
}

static inline bool fp_pm_test(const u64 *pm, unsigned int p)
{
	return (pm[p >> 6] >> (p & 63)) & 1;
}

static inline unsigned int fp_pm_rank(const u64 *pm, unsigned int p)
{
	if (p < 64)
		return hweight64(pm[0] & ((1ULL << p) - 1));
	return hweight64(pm[0]) + hweight64(pm[1] & ((1ULL << (p - 64)) - 1));
}

static inline unsigned int fp_pm_weight(const u64 *pm)
{
	return hweight64(pm[0]) + hweight64(pm[1]);
}

static inline unsigned int fp_nleaves(const struct fp_blk *b)
{
	return hweight64(b->leafvec);
}

static inline void *fp_pm_val(const struct fp_blk *b, unsigned int p)
{
	return b->v[fp_nleaves(b) + fp_pm_rank(b->pmap, p)];
}

/*
 * Longest of the node's own prefixes covering slot @s, else @inh.  @cpos,
 * if >= 0, overrides that position with @cval (NULL: absent).
 */
static void *fp_slot_best(const struct fp_blk *b, unsigned int s, void *inh,
			  int cpos, void *cval)
{
	int r;

	for (r = FP_STRIDE; r >= 1; r--) {
		unsigned int p = (1U << r) - 2 + (s >> (FP_STRIDE - r));

		if ((int)p == cpos) {
			if (cval)
				return cval;
			continue;
		}
		if (b && fp_pm_test(b->pmap, p))
			return fp_pm_val(b, p);
	}
	return inh;
}

static inline size_t fp_kids_size(u64 vec)
{
	return hweight64(vec) * sizeof(struct fp_node);
}

static inline size_t fp_blk_size(unsigned int nleaves, unsigned int npfx)
{
	return sizeof(struct fp_blk) + (nleaves + npfx) * sizeof(void *);
}

/* ---- object lists ---- */

static int fp_gc_push(struct fp_gc **gcp, void *obj)
{
	struct fp_gc *gc = *gcp, *ngc;
	size_t cap;

	if (!gc || gc->n == gc->cap) {
		cap = gc ? gc->cap * 2 : 16;
		ngc = kvmalloc(struct_size(ngc, obj, cap), GFP_KERNEL);
		if (!ngc)
			return -ENOMEM;
		ngc->cap = cap;
		ngc->n = 0;
		if (gc) {
			memcpy(ngc->obj, gc->obj, gc->n * sizeof(void *));
			ngc->n = gc->n;
			kvfree(gc);
		}
		*gcp = ngc;
		gc = ngc;
	}
	gc->obj[gc->n++] = obj;
	return 0;
}

static void fp_gc_free_now(struct fp_gc *gc)
{
	size_t i;

	if (!gc)
		return;
	for (i = 0; i < gc->n; i++)
		kvfree(gc->obj[i]);
	kvfree(gc);
}

static void fp_gc_rcu(struct rcu_head *head)
{
	fp_gc_free_now(container_of(head, struct fp_gc, rcu));
}

/* Fail here?  (t->fault_nth: the tests' allocation-failure injection) */
static bool fp_fault(struct fp_upd *u)
{
	return u->t->fault_nth && --u->t->fault_nth == 0;
}

static void *fp_alloc_from(struct fp_upd *u, struct kmem_cache *c,
			   size_t size)
{
	const gfp_t gfp = GFP_KERNEL_ACCOUNT | __GFP_NOWARN;
	void *p;

	if (fp_fault(u))
		return NULL;
	/* Make room in the list first, so that no object can leak. */
	if (fp_gc_push(&u->fresh, NULL))
		return NULL;
	/* freed with kvfree(), which takes slab objects of any cache too */
	p = c ? kmem_cache_alloc(c, gfp) : kvmalloc(size, gfp);
	if (!p) {
		u->fresh->n--;
		return NULL;
	}
	u->fresh->obj[u->fresh->n - 1] = p;
	u->mem += size;
	return p;
}

static void *fp_alloc(struct fp_upd *u, size_t size)
{
	return fp_alloc_from(u, NULL, size);
}

/*
 * A host block for the values of @r, all NULL: NULL if they do not fit a
 * block (*@err 0) or on -ENOMEM (*@err -ENOMEM).
 */
static struct fp_hb *fp_hb_alloc(struct fp_upd *u, const struct fp_vrange *r,
				 int *err)
{
	unsigned long base;
	unsigned int shift;
	struct fp_hb *b;

	*err = 0;
	if (!fp_vrange_enc(r, &base, &shift))
		return NULL;
	b = fp_alloc_from(u, fp_hb_cache, sizeof(*b));
	if (!b) {
		*err = -ENOMEM;
		return NULL;
	}
	memset(b, 0, sizeof(*b));
	b->base = base;
	b->shift = shift;
	return b;
}

static void *fp_zalloc(struct fp_upd *u, size_t size)
{
	void *p = fp_alloc(u, size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* @obj (@size bytes) is replaced by this update. */
static int fp_retire(struct fp_upd *u, void *obj, size_t size)
{
	if (!obj)
		return 0;
	if (fp_fault(u))
		return -ENOMEM;
	u->mem -= size;
	return fp_gc_push(&u->stale, obj);
}

static int fp_retire_node(struct fp_upd *u, const struct fp_node *n,
			  bool kids, bool blk)
{
	int err = 0;

	if (kids && fp_dense(n))
		err = fp_retire(u, fp_dense(n), sizeof(struct fp_hb));
	else if (kids && n->vec)
		err = fp_retire(u, n->kids, fp_kids_size(n->vec));
	if (!err && blk && n->blk)
		err = fp_retire(u, n->blk,
				fp_blk_size(fp_nleaves(n->blk),
					    fp_pm_weight(n->blk->pmap)));
	return err;
}

/* Drop everything an unsuccessful update allocated. */
static void fp_upd_abort(struct fp_upd *u)
{
	fp_gc_free_now(u->fresh);
	kvfree(u->stale);
	kvfree(u->dnew);
}

/*
 * Direct pointing (as in Poptrie): t->dir has one word per address prefix
 * of dir->bits (12, or 18 for big tables) bits: either the node at that
 * depth (inside its parent's kids array) or, tagged with bit 0, the leaf
 * value that covers it.  The lookups start there, skipping the top two or
 * three levels.
 */
static unsigned long fp_dir_entry(const struct fp_trie_root *root,
				  unsigned int bits, unsigned int i)
{
	const struct fp_node *n;
	unsigned int lv, s;

	if (!root)
		return 1;
	n = &root->n;
	for (lv = 1; lv <= bits / FP_STRIDE; lv++) {
		s = (i >> (bits - lv * FP_STRIDE)) & (FP_SLOTS - 1);
		if (!(n->vec & (1ULL << s)))
			return (unsigned long)n->blk->v[hweight64(n->blk->leafvec &
							 fp_mask(s)) - 1] | 1;
		n = &n->kids[hweight64(n->vec & fp_mask(s)) - 1];
	}
	return (unsigned long)n;
}

static struct fp_dir *fp_dir(const struct fp_trie *t)
{
	return rcu_dereference_protected(t->dir, lockdep_is_held(t->lock));
}

static inline size_t fp_dir_size(unsigned int bits)
{
	return sizeof(struct fp_dir) + sizeof(unsigned long) * BIT(bits);
}

/* ---- lookup images ---- */

static inline size_t fp_img_size(u32 nn, u32 nl)
{
	return sizeof(struct fp_img) + nn * sizeof(struct fp_img_node) +
	       nl * sizeof(u32);
}

/* The image a direct-table entry points to, or NULL. */
static inline struct fp_img *fp_img_of(unsigned long e)
{
	return (e & 3) == 2 ? (struct fp_img *)(e - 2) : NULL;
}

/*
 * Count the nodes and leaves below @n; false past FP_IMG_MAX nodes or
 * FP_IMG_MAXL leaves (what an update may have to copy).
 */
static bool fp_img_count(const struct fp_node *n, struct fp_img_census *c)
{
	unsigned int i, nk = hweight64(n->vec);

	c->nl += n->blk ? fp_nleaves(n->blk) : 0;
	if (++c->nn > FP_IMG_MAX || c->nl > FP_IMG_MAXL || fp_dense(n))
		return false;
	for (i = 0; i < nk; i++)
		if (!fp_img_count(&n->kids[i], c))
			return false;
	return true;
}

/* The lowest and highest of the values below @n other than NULL. */
static void fp_img_range(const struct fp_node *n, struct fp_img_census *c)
{
	unsigned int i, nk = hweight64(n->vec);
	unsigned int nl = n->blk ? fp_nleaves(n->blk) : 0;

	for (i = 0; i < nl; i++)
		fp_vrange_add(&c->r, n->blk->v[i]);
	for (i = 0; i < nk; i++)
		fp_img_range(&n->kids[i], c);
}

/*
 * Copy @n into image node @at: its children go to the next free nodes
 * (*@nn on), its leaves to the next free u32s (*@nw on), then the
 * children's subtrees, depth first.
 */
static void fp_img_fill(struct fp_img *im, u32 at, const struct fp_node *n,
			u32 *nn, u32 *nw)
{
	unsigned int i, nk = hweight64(n->vec);
	unsigned int nl = n->blk ? fp_nleaves(n->blk) : 0;
	struct fp_img_node *in = &im->n[at];
	u32 *w = (u32 *)im;
	unsigned long v;

	in->vec = n->vec;
	in->leafvec = nl ? n->blk->leafvec : 0;
	in->kids = *nn;
	in->leaves = *nw;
	*nn += nk;
	*nw += nl;
	for (i = 0; i < nl; i++) {
		v = (unsigned long)n->blk->v[i];
		w[in->leaves + i] = v ? (v - im->base) >> im->shift : 0;
	}
	for (i = 0; i < nk; i++)
		fp_img_fill(im, in->kids + i, &n->kids[i], nn, nw);
}

/*
 * The direct-table entry to store for @e (a leaf or node entry from
 * fp_dir_entry()) where the entry is @old now: @old itself if it is an
 * image of the same subtree (kids arrays and leaf blocks are immutable and
 * live while a table entry leads to them), a new image, or @e when the
 * subtree is bigger than FP_IMG_MAX nodes.  0 on -ENOMEM.
 */
static unsigned long fp_img_entry(struct fp_upd *u, unsigned long old,
				  unsigned long e)
{
	const struct fp_node *n = (const struct fp_node *)e;
	struct fp_img_census c = { .r = FP_VRANGE_INIT };
	struct fp_img *im = fp_img_of(old);
	unsigned long base;
	unsigned int shift;
	u32 nn, nw;

	if (e & 1)
		return e;
	/* same kids array and leaf block: same vec and subtree */
	if (im && im->src_kids == n->kids && im->src_blk == n->blk)
		return old;
	/* a node entry is a subtree refused before; the old node is live */
	if (old && !(old & 3) &&
	    ((const struct fp_node *)old)->kids == n->kids &&
	    ((const struct fp_node *)old)->blk == n->blk)
		return e;
	if (!fp_img_count(n, &c))
		return e;
	fp_img_range(n, &c);
	if (!fp_vrange_enc(&c.r, &base, &shift))
		return e;
	im = fp_alloc(u, fp_img_size(c.nn, c.nl));
	if (!im)
		return 0;
	im->base = base;
	im->shift = shift;
	im->src_kids = n->kids;
	im->src_blk = n->blk;
	im->nn = c.nn;
	im->nl = c.nl;
	nw = fp_img_size(c.nn, 0) / sizeof(u32);
	nn = 1;
	fp_img_fill(im, 0, n, &nn, &nw);
	return (unsigned long)im | 2;
}

/* Entry @old is replaced by @e: retire its image, if it has one. */
static int fp_img_retire(struct fp_upd *u, unsigned long old, unsigned long e)
{
	struct fp_img *im = fp_img_of(old);

	if (!im || old == e)
		return 0;
	return fp_retire(u, im, fp_img_size(im->nn, im->nl));
}

/*
 * Work out, before anything is published, the direct-table entries the
 * commit stores, building the images they need and retiring the ones they
 * replace: every entry of @ndir if there is one (the current table and
 * its images go), none if @root is empty, else the entries of the current
 * table that can have changed: those below the updated prefix @k/@len, or
 * below the highest node whose kids array the update copied (the one at
 * depth dir->bits - 6 on the path).  Unchanged subtrees keep their images.
 */
static int fp_dir_stage(struct fp_upd *u, const struct fp_trie_root *root,
			struct fp_dir *ndir, const struct fp_key *k,
			unsigned int len)
{
	struct fp_dir *dir = fp_dir(u->t);
	unsigned int i, dl;
	unsigned long e;
	int err;

	for (i = 0; ndir && i < BIT(ndir->bits); i++) {
		e = fp_img_entry(u, 0, fp_dir_entry(root, ndir->bits, i));
		if (!e)
			return -ENOMEM;
		ndir->e[i] = e;
	}
	if (!dir)
		return 0;
	if (ndir || !root) {
		for (i = 0; i < BIT(dir->bits); i++) {
			err = fp_img_retire(u, dir->e[i], 0);
			if (err)
				return err;
		}
		return 0;
	}
	dl = min_t(unsigned int, len, dir->bits - FP_STRIDE);
	u->dfirst = (k->hi >> (64 - dir->bits)) & ~(BIT(dir->bits - dl) - 1);
	u->dn = BIT(dir->bits - dl);
	if (fp_fault(u))
		return -ENOMEM;
	u->dnew = kvmalloc_array(u->dn, sizeof(*u->dnew),
				 GFP_KERNEL | __GFP_NOWARN);
	if (!u->dnew)
		return -ENOMEM;
	for (i = 0; i < u->dn; i++) {
		unsigned long old = dir->e[u->dfirst + i];

		e = fp_img_entry(u, old,
				 fp_dir_entry(root, dir->bits, u->dfirst + i));
		if (!e)
			return -ENOMEM;
		u->dnew[i] = e;
		err = fp_img_retire(u, old, e);
		if (err)
			return err;
	}
	return 0;
}

static void fp_hb_commit(struct fp_upd *u);

/*
 * Publish @root and free what the update replaced after a grace period.
 * @ndir: a new direct table to publish (filled by fp_dir_stage()), else
 * the entries fp_dir_stage() staged are stored in the current one, each
 * going from its old node, image or leaf to its new one in one store.
 */
static void fp_upd_commit(struct fp_upd *u, struct fp_trie_root *root,
			  struct fp_dir *ndir)
{
	struct fp_trie *t = u->t;
	struct fp_dir *dir;
	unsigned int i;

	rcu_assign_pointer(t->root, root);
	dir = fp_dir(t);
	if (ndir) {
		rcu_assign_pointer(t->dir, ndir);
	} else if (dir && !root) {
		RCU_INIT_POINTER(t->dir, NULL);
	} else if (dir) {
		smp_wmb();	/* nodes and images before the entries */
		for (i = 0; i < u->dn; i++)
			WRITE_ONCE(dir->e[u->dfirst + i], u->dnew[i]);
	}
	kvfree(u->dnew);
	fp_hb_commit(u);
	WRITE_ONCE(t->mem, t->mem + u->mem);
	kvfree(u->fresh);
	if (u->stale)
		call_rcu(&u->stale->rcu, fp_gc_rcu);
}

/*
 * Get the direct table ready for a table of @count routes after the
 * update: none if empty, else a new one when there is none yet, when its
 * size should change, or when @fresh (whole-table replace); the one it
 * replaces is queued for freeing.
 */
static int fp_dir_prepare(struct fp_upd *u, size_t count, bool fresh,
			  struct fp_dir **ndir)
{
	struct fp_dir *dir = fp_dir(u->t);
	unsigned int bits = dir ? dir->bits : FP_DIR_SMALL;

	*ndir = NULL;
	if (count >= FP_DIR_GROW)
		bits = FP_DIR_BIG;
	else if (count < FP_DIR_SHRINK)
		bits = FP_DIR_SMALL;
	if (count && dir && dir->bits == bits && !fresh)
		return 0;
	if (count) {
		*ndir = fp_alloc(u, fp_dir_size(bits));
		if (!*ndir)
			return -ENOMEM;
		(*ndir)->bits = bits;
	}
	return dir ? fp_retire(u, dir, fp_dir_size(dir->bits)) : 0;
}

/* ---- copy-on-write update ---- */

static void *fp_bulk_best(const u64 *pmap, void *const *rib, unsigned int s,
			  void *inh);

/*
 * The leaf block of a node whose children are @nvec, own prefixes those
 * of @ob (or none) and inherited value @inh; NULL when it has neither
 * leaves nor prefixes.
 */
static int fp_leaf_blk(struct fp_upd *u, const struct fp_blk *ob, u64 nvec,
		       void *inh, struct fp_blk **out)
{
	unsigned int s, i, nl = 0, np = ob ? fp_pm_weight(ob->pmap) : 0;
	u64 leafvec = 0, bit;
	void *v, *prev = NULL;
	struct fp_blk *b;

	for (s = 0; s < FP_SLOTS; s++) {
		bit = 1ULL << s;
		if (nvec & bit)
			continue;
		v = fp_slot_best(ob, s, inh, -1, NULL);
		if (!nl || v != prev) {
			leafvec |= bit;
			nl++;
		}
		prev = v;
	}
	*out = NULL;
	if (!nl && !np)
		return 0;
	b = fp_alloc(u, fp_blk_size(nl, np));
	if (!b)
		return -ENOMEM;
	b->leafvec = leafvec;
	b->pmap[0] = ob ? ob->pmap[0] : 0;
	b->pmap[1] = ob ? ob->pmap[1] : 0;
	for (s = 0, i = 0; s < FP_SLOTS; s++)
		if (leafvec & (1ULL << s))
			b->v[i++] = fp_slot_best(ob, s, inh, -1, NULL);
	if (np)
		memcpy(&b->v[i], &ob->v[fp_nleaves(ob)], np * sizeof(void *));
	*out = b;
	return 0;
}

/*
 * The leaf block of a node whose children are @vec and whose own prefixes
 * are @pmap, their values at rib[position], under inherited value @inh;
 * NULL when it has neither leaves nor prefixes.
 */
static int fp_rib_blk(struct fp_upd *u, const u64 *pmap, void *const *rib,
		      u64 vec, void *inh, struct fp_blk **out)
{
	unsigned int s, i, nl = 0, np = fp_pm_weight(pmap);
	u64 leafvec = 0;
	void *v, *prev = NULL;
	struct fp_blk *blk;

	for (s = 0; s < FP_SLOTS; s++) {
		if (vec & (1ULL << s))
			continue;
		v = fp_bulk_best(pmap, rib, s, inh);
		if (!nl || v != prev) {
			leafvec |= 1ULL << s;
			nl++;
		}
		prev = v;
	}
	*out = NULL;
	if (!nl && !np)
		return 0;
	blk = fp_alloc(u, fp_blk_size(nl, np));
	if (!blk)
		return -ENOMEM;
	blk->leafvec = leafvec;
	blk->pmap[0] = pmap[0];
	blk->pmap[1] = pmap[1];
	for (s = 0, i = 0; s < FP_SLOTS; s++)
		if (leafvec & (1ULL << s))
			blk->v[i++] = fp_bulk_best(pmap, rib, s, inh);
	for (s = 0; s < FP_NPOS; s++)
		if (fp_pm_test(pmap, s))
			blk->v[i++] = rib[s];
	*out = blk;
	return 0;
}

/*
 * A depth-30 node (IPv4, no children) with the /31s and /32s @pv[0..5]
 * (prefix positions 0-5, NULL where none) under inherited value @inh.
 */
static int fp_host_node(struct fp_upd *u, void *const *pv, void *inh,
			struct fp_node *out)
{
	u64 pmap[2] = { 0, 0 };
	unsigned int p;

	for (p = 0; p < 6; p++)
		if (pv[p])
			pmap[0] |= 1ULL << p;
	out->vec = 0;
	out->kids = NULL;
	return fp_rib_blk(u, pmap, pv, 0, inh, &out->blk);
}

static unsigned int fp_hb_scan(const struct fp_node *n24, struct fp_hb *hb,
			       struct fp_vrange *r, unsigned int skip);
static unsigned int fp_hb_count_after(const struct fp_hb *hb, u32 a,
				      const void *val);
static int fp_retire_tree(struct fp_upd *u, const struct fp_node *n);

/* Whether the /24 node @n24 (with children) has the /32 of address @a. */
static bool fp_get_host(const struct fp_node *n24, unsigned int a)
{
	unsigned int s = (a & 255) >> 2;
	const struct fp_node *c;

	if (!(n24->vec & (1ULL << s)))
		return false;
	c = &n24->kids[hweight64(n24->vec & fp_mask(s)) - 1];
	return c->blk && fp_pm_test(c->blk->pmap, 2 + (a & 3));
}

/*
 * The /31 and /32 values (positions 0-5 of its depth-30 node) of slot @s
 * of a dense /24 whose block is @od, once update u is made.
 */
static void fp_host_slot(const struct fp_upd *u, const struct fp_hb *od,
			 unsigned int s, void **pv)
{
	u32 a = (u32)(u->key.hi >> 32) & 255;
	unsigned int r;

	pv[0] = NULL;
	pv[1] = NULL;
	for (r = 0; r < 4; r++)
		pv[2 + r] = fp_hb_val(od, s << 2 | r);
	if (s == a >> 2)
		pv[u->cpos] = u->cval;
}

/*
 * Update u (a /31 or /32, IPv4) below the /24 node @old (depth 24,
 * inherited value @inh, which the update does not change): a dense node
 * stays dense with a new block (while it keeps FP_HB_KEEP host routes and
 * gets no /31) or gets its children back; a node with children becomes
 * dense when the update gives it FP_HB_MIN host routes and it has no /31.
 * Return: 0 done in @out, 1 for the generic rebuild, or -ENOMEM.
 */
static int fp_rebuild_host24(struct fp_upd *u, const struct fp_node *old,
			     struct fp_node *out, void *inh)
{
	struct fp_hb *od = old ? fp_dense(old) : NULL, *nd = NULL;
	unsigned int a = (u32)(u->key.hi >> 32) & 255, s, r, i, nk;
	const struct fp_blk *ob = old ? old->blk : NULL;
	struct fp_vrange vr = FP_VRANGE_INIT;
	struct fp_node *kids = NULL;
	void *pv[6];
	u64 nvec = 0;
	int err;

	if (!od) {
		/*
		 * promote: after a /32 update the /24 has FP_HB_MIN host
		 * routes, no /31 and values that fit a block (a /24 that had
		 * a /31 or a value too far away becomes dense at its next /32
		 * update, a delete too)
		 */
		if (u->len != 32 || !old)
			return 1;
		nk = hweight64(old->vec);
		for (i = 0; i < nk; i++)
			if (old->kids[i].blk && (old->kids[i].blk->pmap[0] & 3))
				return 1;
		if (fp_hb_scan(old, NULL, &vr, a) - fp_get_host(old, a) +
		    !!u->cval < FP_HB_MIN)
			return 1;
		fp_vrange_add(&vr, u->cval);
		nd = fp_hb_alloc(u, &vr, &err);
		if (!nd)
			return err ?: 1;	/* or values too far apart */
		fp_hb_scan(old, nd, NULL, a);
		fp_hb_put(nd, a, u->cval);
		err = fp_leaf_blk(u, ob, 0, inh, &out->blk);
		if (err)
			return err;
		out->vec = 0;
		out->kids = (struct fp_node *)((unsigned long)nd | 1);
		return fp_retire_tree(u, old);
	}
	if (u->len == 32 && fp_hb_count_after(od, a, u->cval) >= FP_HB_KEEP) {
		for (i = 0; i < ARRAY_SIZE(od->v); i++)
			fp_vrange_add(&vr, i == a ? u->cval : fp_hb_val(od, i));
		nd = fp_hb_alloc(u, &vr, &err);
		if (err)
			return err;
	}
	if (nd) {
		for (i = 0; i < ARRAY_SIZE(od->v); i++)
			fp_hb_put(nd, i, i == a ? u->cval : fp_hb_val(od, i));
		*out = *old;
		out->kids = (struct fp_node *)((unsigned long)nd | 1);
		return fp_retire(u, od, sizeof(*od));
	}
	/*
	 * demote: children again, from the block and the update (a /31, too
	 * few host routes left, or values too far apart for a block)
	 */
	for (s = 0; s < FP_SLOTS; s++) {
		fp_host_slot(u, od, s, pv);
		for (r = 0; r < 6; r++)
			if (pv[r])
				nvec |= 1ULL << s;
	}
	if (nvec) {
		kids = fp_alloc(u, fp_kids_size(nvec));
		if (!kids)
			return -ENOMEM;
	}
	for (s = 0, i = 0; s < FP_SLOTS; s++) {
		if (!(nvec & (1ULL << s)))
			continue;
		fp_host_slot(u, od, s, pv);
		err = fp_host_node(u, pv, fp_slot_best(ob, s, inh, -1, NULL),
				   &kids[i++]);
		if (err)
			return err;
	}
	memset(out, 0, sizeof(*out));
	/* a node with neither prefixes nor children vanishes */
	if (nvec || (ob && (ob->pmap[0] || ob->pmap[1]))) {
		err = fp_leaf_blk(u, ob, nvec, inh, &out->blk);
		if (err)
			return err;
		out->vec = nvec;
		out->kids = kids;
	}
	err = fp_retire(u, od, sizeof(*od));
	return err ? err : fp_retire_node(u, old, false, true);
}

/*
 * Build in @out the new version of node @old (NULL: none yet) at depth @d,
 * whose inherited value (longest prefix covering the whole node) changes
 * from @oinh to @ninh.  @onpath: the updated prefix lies at or below this
 * node.  A node left with neither prefixes nor children (and not the root)
 * vanishes: @out is zeroed.
 */
static int fp_rebuild(struct fp_upd *u, const struct fp_node *old,
		      struct fp_node *out, unsigned int d, void *oinh,
		      void *ninh, bool onpath)
{
	const struct fp_blk *ob = old ? old->blk : NULL;
	u64 ovec = old ? old->vec : 0, nvec = ovec, nleafvec = 0, bit;
	bool home = onpath && d == u->hd;
	int cpos = home ? u->cpos : -1;
	unsigned int ps = FP_SLOTS, s, i, nl, np;
	u64 npmap[2] = { 0, 0 };
	bool kids_changed = false, leaves_changed = home;
	/* no value seen by this node changes: only the path child does */
	bool same = !home && oinh == ninh;
	struct fp_node pk = { 0 }, *kids;
	struct fp_blk *blk;
	void *ob_s, *nb_s, *prev;
	int err;

	if (onpath && d == 24 && u->hd == 30 && u->t->bits == 32) {
		err = fp_rebuild_host24(u, old, out, ninh);
		if (err <= 0)
			return err;
	}
	if (ob) {
		npmap[0] = ob->pmap[0];
		npmap[1] = ob->pmap[1];
	}
	if (home) {
		if (u->cval)
			npmap[cpos >> 6] |= 1ULL << (cpos & 63);
		else
			npmap[cpos >> 6] &= ~(1ULL << (cpos & 63));
	}

	/* The child on the way to the home node, built first. */
	if (onpath && d < u->hd) {
		const struct fp_node *ok = NULL;

		ps = fp_chunk(&u->key, d);
		bit = 1ULL << ps;
		if (ovec & bit)
			ok = &old->kids[hweight64(ovec & fp_mask(ps)) - 1];
		err = fp_rebuild(u, ok, &pk, d + FP_STRIDE,
				 fp_slot_best(ob, ps, oinh, -1, NULL),
				 fp_slot_best(ob, ps, ninh, -1, NULL), true);
		if (err)
			return err;
		if (pk.vec || pk.blk)
			nvec |= bit;
		else
			nvec &= ~bit;
		kids_changed = true;
	}

	if (!nvec && !npmap[0] && !npmap[1] && !(d == 0 && ninh) &&
	    !(old && fp_dense(old))) {
		memset(out, 0, sizeof(*out));
		return old ? fp_retire_node(u, old, true, true) : 0;
	}

	/* Other children whose inherited value changes: rebuild them too. */
	if (!kids_changed && (oinh != ninh || home)) {
		for (s = 0; s < FP_SLOTS; s++) {
			if (!(ovec & (1ULL << s)))
				continue;
			if (fp_slot_best(ob, s, oinh, -1, NULL) !=
			    fp_slot_best(ob, s, ninh, cpos, u->cval)) {
				kids_changed = true;
				break;
			}
		}
	}

	kids = old ? old->kids : NULL;
	if (kids_changed) {
		kids = NULL;
		if (nvec) {
			kids = fp_alloc(u, fp_kids_size(nvec));
			if (!kids)
				return -ENOMEM;
		}
		for (s = 0, i = 0; s < FP_SLOTS; s++) {
			const struct fp_node *ok;

			bit = 1ULL << s;
			if (!(nvec & bit))
				continue;
			if (s == ps) {
				kids[i++] = pk;
				continue;
			}
			ok = &old->kids[hweight64(ovec & fp_mask(s)) - 1];
			if (same) {
				kids[i++] = *ok;
				continue;
			}
			ob_s = fp_slot_best(ob, s, oinh, -1, NULL);
			nb_s = fp_slot_best(ob, s, ninh, cpos, u->cval);
			if (ob_s == nb_s) {
				kids[i++] = *ok;
				continue;
			}
			err = fp_rebuild(u, ok, &kids[i++], d + FP_STRIDE,
					 ob_s, nb_s, false);
			if (err)
				return err;
		}
		if (old) {
			err = fp_retire_node(u, old, true, false);
			if (err)
				return err;
		}
	}

	/* Leaves. */
	nl = 0;
	prev = NULL;
	for (s = 0; s < FP_SLOTS && !(same && nvec == ovec); s++) {
		bit = 1ULL << s;
		if (nvec & bit)
			continue;
		nb_s = fp_slot_best(ob, s, ninh, cpos, u->cval);
		if (!nl || nb_s != prev) {
			nleafvec |= bit;
			nl++;
		}
		prev = nb_s;
		if (!leaves_changed &&
		    ((ovec & bit) ||
		     fp_slot_best(ob, s, oinh, -1, NULL) != nb_s))
			leaves_changed = true;
	}
	if (nvec != ovec)
		leaves_changed = true;

	blk = old ? old->blk : NULL;
	np = npmap[0] || npmap[1] ? fp_pm_weight(npmap) : 0;
	if (leaves_changed) {
		blk = NULL;
		if (nl || np) {
			blk = fp_alloc(u, fp_blk_size(nl, np));
			if (!blk)
				return -ENOMEM;
			blk->leafvec = nleafvec;
			blk->pmap[0] = npmap[0];
			blk->pmap[1] = npmap[1];
			for (s = 0, i = 0; s < FP_SLOTS; s++)
				if (nleafvec & (1ULL << s))
					blk->v[i++] = fp_slot_best(ob, s, ninh,
								   cpos,
								   u->cval);
			for (s = 0; s < FP_NPOS; s++) {
				if (!fp_pm_test(npmap, s))
					continue;
				blk->v[i++] = (int)s == cpos ? u->cval :
					      fp_pm_val(ob, s);
			}
		}
		if (old) {
			err = fp_retire_node(u, old, false, true);
			if (err)
				return err;
		}
	}

	out->vec = nvec;
	out->kids = nvec || (old && fp_dense(old)) ? kids : NULL;
	out->blk = blk;
	return 0;
}

static struct fp_trie_root *fp_root(const struct fp_trie *t)
{
	return rcu_dereference_protected(t->root, lockdep_is_held(t->lock));
}

static int fp_hb_prepare(struct fp_upd *u, const struct fp_trie_root *root);
static int fp_hb_rebuild(struct fp_upd *u, const struct fp_trie_root *root);

/*
 * Insert, replace (@val != NULL) or delete (@val == NULL) one prefix; the
 * count of routes changes by @dcount.
 */
static int fp_update(struct fp_trie *t, const struct fp_key *k,
		     unsigned int len, void *val, int dcount)
{
	struct fp_trie_root *oroot = fp_root(t), *nroot;
	struct fp_upd u = {
		.t = t, .key = *k, .len = len, .cval = val, .cpos = -1,
	};
	void *odef = oroot ? oroot->def : NULL;
	void *ndef = len ? odef : val;
	struct fp_dir *ndir;
	struct fp_node rn;
	int err;

	if (len) {
		u.hd = fp_home(len);
		u.cpos = fp_pos(k, len);
	}
	err = fp_rebuild(&u, oroot ? &oroot->n : NULL, &rn, 0, odef, ndef,
			 len > 0);
	if (!err && oroot)
		err = fp_retire(&u, oroot, sizeof(*oroot));
	if (err)
		goto fail;
	nroot = NULL;
	if (rn.vec || rn.blk) {
		nroot = fp_alloc(&u, sizeof(*nroot));
		if (!nroot) {
			err = -ENOMEM;
			goto fail;
		}
		nroot->n = rn;
		nroot->def = ndef;
	}
	if (len >= 31 && t->bits == 32) {
		err = fp_hb_prepare(&u, nroot);
		if (err)
			goto fail;
	}
	err = fp_dir_prepare(&u, nroot ? t->count + dcount : 0, false, &ndir);
	if (!err)
		err = fp_dir_stage(&u, nroot, ndir, k, len);
	if (err)
		goto fail;
	fp_upd_commit(&u, nroot, ndir);
	WRITE_ONCE(t->count, t->count + dcount);
	return 0;
fail:
	fp_upd_abort(&u);
	return err;
}

/* ---- readers ---- */

/* The node at depth @depth on the path of @k in @root, or NULL. */
static const struct fp_node *fp_descend(const struct fp_trie_root *root,
					const struct fp_key *k,
					unsigned int depth)
{
	const struct fp_node *n;
	unsigned int d, s;

	if (!root)
		return NULL;
	n = &root->n;
	for (d = 0; d < depth; d += FP_STRIDE) {
		s = fp_chunk(k, d);
		if (!(n->vec & (1ULL << s)))
			return NULL;
		n = &READ_ONCE(n->kids)[hweight64(n->vec & fp_mask(s)) - 1];
	}
	return n;
}

static void *fp_get_key(const struct fp_trie_root *root,
			const struct fp_key *k, unsigned int len)
{
	const struct fp_node *n;
	const struct fp_blk *b;
	unsigned int p;

	if (!root)
		return NULL;
	if (!len)
		return root->def;
	if (fp_home(len) == 30) {
		/* a dense /24 (IPv4) holds its /32s and no /31 */
		n = fp_descend(root, k, 24);
		if (n && fp_dense(n))
			return len == 32 ?
			       fp_hb_val(fp_dense(n), (k->hi >> 32) & 255) :
			       NULL;
	}
	n = fp_descend(root, k, fp_home(len));
	if (!n)
		return NULL;
	b = READ_ONCE(n->blk);
	p = fp_pos(k, len);
	if (!b || !fp_pm_test(b->pmap, p))
		return NULL;
	return fp_pm_val(b, p);
}

/* The value of the /32 @a if its /24 has a host block, else NULL. */
static __always_inline void *fp_hb_lookup(const struct fp_trie *t, u32 a)
{
	const struct fp_hbtop *top = rcu_dereference(t->hb);
	const struct fp_hb16 *a16;
	const struct fp_hb *b;

	if (!top || !((READ_ONCE(top->map[a >> 22]) >> ((a >> 16) & 63)) & 1))
		return NULL;
	a16 = rcu_dereference(top->a[a >> 16]);
	if (!a16)
		return NULL;
	b = rcu_dereference(a16->b[(a >> 8) & 255]);
	return b ? fp_hb_val(b, a & 255) : NULL;
}

/* The value of leaf @i of image @im. */
static __always_inline void *fp_img_val(const struct fp_img *im, u32 i)
{
	u32 l = ((const u32 *)im)[i];

	return l ? (void *)(im->base + ((unsigned long)l << im->shift)) : NULL;
}

/*
 * The leaf of @k in image @im, whose root is at depth @d.  @v4: an IPv4
 * key, all in k->hi (depth 30 takes its 2 last bits and 4 zero bits).
 */
static __always_inline void *fp_img_lookup(const struct fp_img *im,
					   const struct fp_key *k,
					   unsigned int d, bool v4)
{
	const struct fp_img_node *n = im->n;
	u64 bit, vec;

	for (;;) {
		bit = 1ULL << (v4 ? (k->hi << d) >> 58 : fp_chunk(k, d));
		vec = n->vec;
		if (!(vec & bit))
			break;
		n = &im->n[n->kids + hweight64(vec & (bit - 1))];
		d += FP_STRIDE;
	}
	return fp_img_val(im, n->leaves +
			  hweight64(n->leafvec & (bit | (bit - 1))) - 1);
}

/* @v4: an IPv4 table, whose /24 nodes may be dense */
static __always_inline void *fp_lookup_key(const struct fp_dir *dir,
					   const struct fp_key *k, bool v4)
{
	const struct fp_node *n;
	const struct fp_blk *b;
	unsigned long e;
	unsigned int d;
	u64 bit, vec;

	if (unlikely(!dir))
		return NULL;
	d = dir->bits;
	e = READ_ONCE(dir->e[k->hi >> (64 - d)]);
	if (e & 1)
		return (void *)(e - 1);
	if (e & 2)
		return fp_img_lookup((const struct fp_img *)(e - 2), k, d,
				     false);
	n = (const struct fp_node *)e;
	for (;;) {
		unsigned int s = fp_chunk(k, d);

		bit = 1ULL << s;
		vec = n->vec;
		if (!(vec & bit))
			break;
		n = &READ_ONCE(n->kids)[hweight64(vec & (bit | (bit - 1))) - 1];
		d += FP_STRIDE;
	}
	if (v4 && unlikely(fp_dense(n))) {
		void *v = fp_hb_val(fp_dense(n), (k->hi >> 32) & 255);

		if (v)
			return v;
	}
	b = READ_ONCE(n->blk);
	return b->v[hweight64(b->leafvec & (bit | (bit - 1))) - 1];
}

/**
 * fp_trie_lookup4() - longest-prefix match of an IPv4 address
 * @t: an IPv4 table
 * @addr: the address
 *
 * Context: rcu_read_lock() or rcu_read_lock_bh() held.
 * Return: the value of the longest prefix containing @addr, or %NULL.
 */
void *fp_trie_lookup4(const struct fp_trie *t, __be32 addr)
{
	const struct fp_dir *dir = rcu_dereference(t->dir);
	u64 a = (u64)be32_to_cpu(addr) << 32, bit, vec;
	const struct fp_node *n;
	const struct fp_blk *b;
	unsigned long e;
	unsigned int d;
	void *v;

	/* a /32 is the longest match: a host block's answer needs no more */
	v = fp_hb_lookup(t, (u32)(a >> 32));
	if (v)
		return v;
	if (unlikely(!dir))
		return NULL;
	d = dir->bits;
	e = READ_ONCE(dir->e[a >> (64 - d)]);
	if (e & 1)
		return (void *)(e - 1);
	if (e & 2) {
		struct fp_key k = { .hi = a };

		return fp_img_lookup((const struct fp_img *)(e - 2), &k, d,
				     true);
	}
	n = (const struct fp_node *)e;
	for (;;) {
		/* depth 30 takes the 2 last bits and 4 zero bits */
		bit = 1ULL << ((a << d) >> 58);
		vec = n->vec;
		if (!(vec & bit))
			break;
		n = &READ_ONCE(n->kids)[hweight64(vec & (bit | (bit - 1))) - 1];
		d += FP_STRIDE;
	}
	/* a dense /24 the host blocks do not show yet (being published) */
	if (unlikely(fp_dense(n))) {
		v = fp_hb_val(fp_dense(n), (a >> 32) & 255);
		if (v)
			return v;
	}
	b = READ_ONCE(n->blk);
	return b->v[hweight64(b->leafvec & (bit | (bit - 1))) - 1];
}

FP_EXPORT_FOR_KUNIT(fp_trie_lookup4);

/**
 * fp_trie_lookup6() - longest-prefix match of an IPv6 address
 * @t: an IPv6 table
 * @addr: the address, 16 bytes in network byte order
 *
 * Context: rcu_read_lock() or rcu_read_lock_bh() held.
 * Return: the value of the longest prefix containing @addr, or %NULL.
 */
void *fp_trie_lookup6(const struct fp_trie *t, const u8 *addr)
{
	struct fp_key k = { fp_get_be64(addr), fp_get_be64(addr + 8) };

	return fp_lookup_key(rcu_dereference(t->dir), &k, false);
}

FP_EXPORT_FOR_KUNIT(fp_trie_lookup6);

/**
 * fp_trie_lookup() - longest-prefix match of an address of the table's family
 * @t: the table
 * @addr: 4 or 16 bytes in network byte order
 *
 * Context: rcu_read_lock() or rcu_read_lock_bh() held.
 * Return: the value of the longest prefix containing @addr, or %NULL.
 */
void *fp_trie_lookup(const struct fp_trie *t, const u8 *addr)
{
	struct fp_key k;
	void *v;

	fp_addr_to_key(t, addr, &k);
	if (t->bits == 32) {
		v = fp_hb_lookup(t, (u32)(k.hi >> 32));
		if (v)
			return v;
	}
	return fp_lookup_key(rcu_dereference(t->dir), &k, t->bits == 32);
}

FP_EXPORT_FOR_KUNIT(fp_trie_lookup);

/**
 * fp_trie_get() - exact-match lookup of a prefix
 * @t: the table
 * @pfx: the prefix
 *
 * Context: rcu_read_lock() or the table's mutex held.
 * Return: the prefix's value, or %NULL if it is not in the table (or
 * invalid).
 */
void *fp_trie_get(const struct fp_trie *t, const struct fp_trie_prefix *pfx)
{
	struct fp_key k;

	if (fp_prefix_key(t, pfx, &k))
		return NULL;
	return fp_get_key(rcu_dereference_check(t->root,
						lockdep_is_held(t->lock)),
			  &k, pfx->len);
}

FP_EXPORT_FOR_KUNIT(fp_trie_get);

/* ---- writers ---- */

/**
 * fp_trie_insert() - add a prefix, or replace its value
 * @t: the table
 * @pfx: the prefix; host bits must be zero
 * @value: its value: not %NULL, at least 2-byte aligned (an object's
 *	address)
 * @old: if not %NULL, receives on success the value replaced (%NULL if
 *	the prefix is new, @value itself if it was already there); the
 *	caller frees a replaced value after a grace period
 *
 * Concurrent readers see either the old or the new value; no other prefix
 * is affected, even transiently.
 *
 * Context: process context, the table's mutex held.
 * Return: 0, -EINVAL for a bad prefix or value, or -ENOMEM (table unchanged).
 */
int fp_trie_insert(struct fp_trie *t, const struct fp_trie_prefix *pfx,
		   void *value, void **old)
{
	struct fp_key k;
	void *cur;
	int err;

	lockdep_assert_held(t->lock);
	err = fp_prefix_key(t, pfx, &k);
	if (err)
		return err;
	if (!value || ((unsigned long)value & 1))
		return -EINVAL;
	cur = fp_get_key(fp_root(t), &k, pfx->len);
	err = cur == value ? 0 :
	      fp_update(t, &k, pfx->len, value, cur ? 0 : 1);
	if (!err && old)
		*old = cur;
	return err;
}

FP_EXPORT_FOR_KUNIT(fp_trie_insert);

/**
 * fp_trie_delete() - remove a prefix
 * @t: the table
 * @pfx: the prefix
 * @old: if not %NULL, receives the value removed
 *
 * Context: process context, the table's mutex held.
 * Return: 0, -ENOENT if the prefix is not in the table, -EINVAL for a bad
 * prefix, or -ENOMEM (table unchanged).
 */
int fp_trie_delete(struct fp_trie *t, const struct fp_trie_prefix *pfx,
		   void **old)
{
	struct fp_key k;
	void *cur;
	int err;

	lockdep_assert_held(t->lock);
	err = fp_prefix_key(t, pfx, &k);
	if (err)
		return err;
	cur = fp_get_key(fp_root(t), &k, pfx->len);
	if (!cur)
		return -ENOENT;
	err = fp_update(t, &k, pfx->len, NULL, -1);
	if (!err && old)
		*old = cur;
	return err;
}

FP_EXPORT_FOR_KUNIT(fp_trie_delete);

/* ---- bulk build ---- */

struct fp_bent {
	struct fp_key k;
	unsigned int len;
	void *v;
};

struct fp_bulk {
	struct fp_upd *u;
	void **scratch;		/* FP_NPOS values per level */
};

static int fp_bent_cmp(const void *a, const void *b)
{
	const struct fp_bent *x = a, *y = b;
	int c = fp_key_cmp(&x->k, &y->k);

	if (c)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static void *fp_bulk_best(const u64 *pmap, void *const *rib, unsigned int s,
			  void *inh)
{
	int r;

	for (r = FP_STRIDE; r >= 1; r--) {
		unsigned int p = (1U << r) - 2 + (s >> (FP_STRIDE - r));

		if (fp_pm_test(pmap, p))
			return rib[p];
	}
	return inh;
}

/*
 * Whether the entries below a /24 (IPv4) make it dense: FP_HB_MIN host
 * routes and no /31.  @r: their values.
 */
static bool fp_bulk_dense(const struct fp_bent *e, size_t n,
			  struct fp_vrange *r)
{
	size_t a, hosts = 0;

	for (a = 0; a < n; a++) {
		if (e[a].len == 31)
			return false;
		if (e[a].len == 32) {
			hosts++;
			fp_vrange_add(r, e[a].v);
		}
	}
	return hosts >= FP_HB_MIN;
}

/* Build node at depth @d from @e[0..@n), all longer than @d, sorted. */
static int fp_bulk_node(struct fp_bulk *bk, const struct fp_bent *e, size_t n,
			unsigned int d, void *inh, struct fp_node *out)
{
	void **rib = bk->scratch + (d / FP_STRIDE) * FP_NPOS;
	struct fp_vrange vr = FP_VRANGE_INIT;
	u64 pmap[2] = { 0, 0 }, vec = 0;
	struct fp_node *kids = NULL;
	struct fp_hb *nd = NULL;
	struct fp_blk *blk;
	unsigned int s, i;
	size_t a, b;
	int err = 0;

	if (d == 24 && bk->u->t->bits == 32 && fp_bulk_dense(e, n, &vr)) {
		nd = fp_hb_alloc(bk->u, &vr, &err);
		if (err)
			return err;
	}
	for (a = 0; a < n; a++) {
		if (e[a].len <= d + FP_STRIDE) {
			unsigned int p = fp_pos(&e[a].k, e[a].len);

			if (fp_pm_test(pmap, p))
				return -EEXIST;
			pmap[p >> 6] |= 1ULL << (p & 63);
			rib[p] = e[a].v;
		} else if (nd) {
			fp_hb_put(nd, (e[a].k.hi >> 32) & 255, e[a].v);
		} else {
			vec |= 1ULL << fp_chunk(&e[a].k, d);
		}
	}
	err = fp_rib_blk(bk->u, pmap, rib, vec, inh, &blk);
	if (err)
		return err;
	if (vec) {
		kids = fp_alloc(bk->u, fp_kids_size(vec));
		if (!kids)
			return -ENOMEM;
	}
	out->vec = vec;
	out->kids = nd ? (struct fp_node *)((unsigned long)nd | 1) : kids;
	out->blk = blk;

	i = 0;
	for (a = 0; a < n && !nd; a = b) {
		if (e[a].len <= d + FP_STRIDE) {
			b = a + 1;
			continue;
		}
		s = fp_chunk(&e[a].k, d);
		for (b = a + 1; b < n && fp_chunk(&e[b].k, d) == s; b++)
			if (e[b].len <= d + FP_STRIDE)
				return -EINVAL;	/* not sorted */
		err = fp_bulk_node(bk, e + a, b - a, d + FP_STRIDE,
				   fp_bulk_best(pmap, rib, s, inh), &kids[i++]);
		if (err)
			return err;
		cond_resched();
	}
	return 0;
}

/* Queue every object of the tree below @n for freeing. */
static int fp_retire_tree(struct fp_upd *u, const struct fp_node *n)
{
	unsigned int i, nk = hweight64(n->vec);
	int err;

	for (i = 0; i < nk; i++) {
		err = fp_retire_tree(u, &n->kids[i]);
		if (err)
			return err;
	}
	return fp_retire_node(u, n, true, true);
}

/**
 * fp_trie_replace_all() - atomically replace the whole table
 * @t: the table
 * @e: the new routes (any order; the array is not modified)
 * @n: number of routes; 0 empties the table
 *
 * The new table is built off-line and swapped in with one pointer store:
 * readers see the old table or the new one, never a mix.  Also the fast way
 * to load many routes at once.  The caller frees the old values after a
 * grace period.
 *
 * Context: process context, the table's mutex held.
 * Return: 0, -EINVAL for a bad prefix or %NULL value, -EEXIST for a
 * duplicate prefix, or -ENOMEM; the table is unchanged on error.
 */
int fp_trie_replace_all(struct fp_trie *t, const struct fp_trie_entry *e,
			size_t n)
{
	struct fp_trie_root *oroot = fp_root(t), *nroot = NULL;
	struct fp_upd u = { .t = t };
	struct fp_bulk bk = { .u = &u };
	struct fp_bent *be = NULL;
	struct fp_dir *ndir;
	size_t i, start = 0;
	void *def = NULL;
	int err = -ENOMEM;

	lockdep_assert_held(t->lock);
	if (n) {
		be = kvmalloc_array(n, sizeof(*be), GFP_KERNEL);
		if (!be)
			goto fail;
		for (i = 0; i < n; i++) {
			err = fp_prefix_key(t, &e[i].pfx, &be[i].k);
			if (err || !e[i].value || ((unsigned long)e[i].value & 1)) {
				err = -EINVAL;
				goto fail;
			}
			be[i].len = e[i].pfx.len;
			be[i].v = e[i].value;
		}
		sort(be, n, sizeof(*be), fp_bent_cmp, NULL);
		for (i = 1; i < n; i++) {
			if (!fp_bent_cmp(&be[i - 1], &be[i])) {
				err = -EEXIST;
				goto fail;
			}
		}
		if (be[0].len == 0) {
			def = be[0].v;
			start = 1;
		}
		err = -ENOMEM;
		bk.scratch = kvmalloc_array(FP_MAXLEVEL * FP_NPOS,
					    sizeof(void *), GFP_KERNEL);
		if (!bk.scratch)
			goto fail;
		nroot = fp_alloc(&u, sizeof(*nroot));
		if (!nroot)
			goto fail;
		nroot->def = def;
		err = fp_bulk_node(&bk, be + start, n - start, 0, def,
				   &nroot->n);
		if (err)
			goto fail;
	}
	if (oroot) {
		err = fp_retire_tree(&u, &oroot->n);
		if (!err)
			err = fp_retire(&u, oroot, sizeof(*oroot));
		if (err)
			goto fail;
	}
	/* readers switch to the new table with one pointer store */
	err = t->bits == 32 ? fp_hb_rebuild(&u, nroot) : 0;
	if (!err)
		err = fp_dir_prepare(&u, nroot ? n : 0, true, &ndir);
	if (!err)
		err = fp_dir_stage(&u, nroot, ndir, &u.key, 0);
	if (err)
		goto fail;
	kvfree(bk.scratch);
	kvfree(be);
	fp_upd_commit(&u, nroot, ndir);
	WRITE_ONCE(t->count, n);
	return 0;
fail:
	kvfree(bk.scratch);
	kvfree(be);
	fp_upd_abort(&u);
	return err;
}

FP_EXPORT_FOR_KUNIT(fp_trie_replace_all);

/* ---- walk ---- */

struct fp_walk {
	const struct fp_trie *t;
	bool has_after;
	struct fp_key after;
	unsigned int after_len;
	fp_trie_walk_fn fn;
	void *arg;
	struct fp_trie_prefix p;
};

static int fp_walk_emit(struct fp_walk *w, const struct fp_key *k,
			unsigned int len, void *v)
{
	if (w->has_after) {
		int c = fp_key_cmp(k, &w->after);

		if (c < 0 || (c == 0 && len <= w->after_len))
			return 0;
	}
	fp_key_to_prefix(w->t, k, len, &w->p);
	return w->fn(w->arg, &w->p, v);
}

static int fp_walk_node(struct fp_walk *w, const struct fp_node *n,
			struct fp_key *k, unsigned int d)
{
	const struct fp_blk *b = READ_ONCE(n->blk);
	const struct fp_node *kids = READ_ONCE(n->kids);
	unsigned int s, r, ki = 0;
	struct fp_key hi;
	int err;

	for (s = 0; s < FP_SLOTS; s++) {
		fp_set_chunk(k, d, s);
		for (r = 1; b && r <= FP_STRIDE; r++) {
			unsigned int p;

			if (s & ((1U << (FP_STRIDE - r)) - 1))
				continue;
			p = (1U << r) - 2 + (s >> (FP_STRIDE - r));
			if (!fp_pm_test(b->pmap, p))
				continue;
			err = fp_walk_emit(w, k, d + r, fp_pm_val(b, p));
			if (err)
				return err;
		}
		for (r = 0; fp_dense(n) && r < 4; r++) {
			/* the /32s of the slot's 4 addresses (IPv4, d 24) */
			void *v = fp_hb_val(fp_dense(n), s << 2 | r);

			if (!v)
				continue;
			fp_set_chunk(k, d + FP_STRIDE, r << 4);
			err = fp_walk_emit(w, k, 32, v);
			fp_set_chunk(k, d + FP_STRIDE, 0);
			if (err)
				return err;
		}
		if (!(n->vec & (1ULL << s)))
			continue;
		ki++;
		if (w->has_after) {
			/* Skip subtrees entirely before the cursor. */
			hi = *k;
			fp_key_trunc(&hi, d + FP_STRIDE);
			if (d + FP_STRIDE < 64) {
				hi.hi |= ~0ULL >> (d + FP_STRIDE);
				hi.lo = ~0ULL;
			} else if (d + FP_STRIDE < 128) {
				hi.lo |= ~0ULL >> (d + FP_STRIDE - 64);
			}
			if (fp_key_cmp(&hi, &w->after) < 0)
				continue;
		}
		err = fp_walk_node(w, &kids[ki - 1], k, d + FP_STRIDE);
		if (err)
			return err;
		fp_set_chunk(k, d + FP_STRIDE, 0);
	}
	fp_set_chunk(k, d, 0);
	return 0;
}

/**
 * fp_trie_walk() - visit the prefixes in order
 * @t: the table
 * @after: %NULL to start at the beginning, else visit only the prefixes
 *	after this one (which need not be in the table): the cursor of a
 *	resumed netlink dump
 * @fn: called for each prefix, in order of address then length
 * @arg: passed to @fn
 *
 * Context: rcu_read_lock() or the table's mutex held; @fn must not sleep
 * under rcu_read_lock().  The walk sees one consistent version of the table.
 * Return: 0 when all prefixes were visited, else what @fn returned.
 */
int fp_trie_walk(const struct fp_trie *t, const struct fp_trie_prefix *after,
		 fp_trie_walk_fn fn, void *arg)
{
	const struct fp_trie_root *root;
	struct fp_walk w = { .t = t, .fn = fn, .arg = arg };
	struct fp_key k = { 0, 0 };
	int err;

	root = rcu_dereference_check(t->root, lockdep_is_held(t->lock));
	if (!root)
		return 0;
	if (after) {
		w.has_after = true;
		fp_addr_to_key(t, after->addr, &w.after);
		w.after_len = after->len;
	}
	if (root->def) {
		err = fp_walk_emit(&w, &k, 0, root->def);
		if (err)
			return err;
	}
	return fp_walk_node(&w, &root->n, &k, 0);
}

FP_EXPORT_FOR_KUNIT(fp_trie_walk);

/* ---- host blocks (IPv4) ---- */

static struct fp_hbtop *fp_hbtop(const struct fp_trie *t)
{
	return rcu_dereference_protected(t->hb, lockdep_is_held(t->lock));
}

/*
 * Host routes of the /24 whose node is @n24: /32s sit in its children (at
 * depth 30), prefix positions 2-5 (length 30 + 2, last two address bits).
 * With @hb (all NULL, its base and alignment set for them), also write
 * their values into it; with @r, add the values to it; both but the value
 * of address @skip (the one an update changes).
 */
static unsigned int fp_hb_scan(const struct fp_node *n24, struct fp_hb *hb,
			       struct fp_vrange *r, unsigned int skip)
{
	unsigned int s, i = 0, b, cnt = 0;
	const struct fp_node *c;

	if (!n24)
		return 0;
	for (s = 0; s < FP_SLOTS; s++) {
		if (!(n24->vec & (1ULL << s)))
			continue;
		c = &n24->kids[i++];
		if (!c->blk)
			continue;
		cnt += hweight64((c->blk->pmap[0] >> 2) & 0xf);
		for (b = 0; b < 4 && (hb || r); b++) {
			if (!fp_pm_test(c->blk->pmap, 2 + b) ||
			    (s << 2 | b) == skip)
				continue;
			if (hb)
				fp_hb_put(hb, s << 2 | b,
					  fp_pm_val(c->blk, 2 + b));
			if (r)
				fp_vrange_add(r, fp_pm_val(c->blk, 2 + b));
		}
	}
	return cnt;
}

/* Host routes of block @hb once address @a has value @val (NULL: none). */
static unsigned int fp_hb_count_after(const struct fp_hb *hb, u32 a,
				      const void *val)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(hb->v); i++)
		n += i == (a & 255) ? !!val : !!hb->v[i];
	return n;
}

/* Blocks of the /16 @a16. */
static unsigned int fp_hb16_count(const struct fp_hb16 *a16)
{
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(a16->b); i++)
		n += !!rcu_access_pointer(a16->b[i]);
	return n;
}

/*
 * Get the host blocks ready for an update of the /31 or /32 u->key whose
 * trie after the update is @root (not yet published): at commit, point
 * the /24's entry to the block of its node in @root if that node is dense
 * (a new block, or a /24 that became dense), else clear it; the trie owns
 * the blocks.
 */
static int fp_hb_prepare(struct fp_upd *u, const struct fp_trie_root *root)
{
	const struct fp_node *n24 = fp_descend(root, &u->key, 24);
	struct fp_hb *nd = n24 ? fp_dense(n24) : NULL;
	struct fp_hbtop *top = fp_hbtop(u->t);
	u32 a = (u32)(u->key.hi >> 32);
	struct fp_hb16 *a16;
	struct fp_hb *hb;
	int err = 0;

	a16 = top ? rcu_dereference_protected(top->a[a >> 16], 1) : NULL;
	hb = a16 ? rcu_dereference_protected(a16->b[(a >> 8) & 255], 1) : NULL;
	if (nd == hb)
		return 0;
	u->hb_new = nd;
	if (nd && hb) {
		u->hb_op = FP_HB_SET;
		return 0;
	}
	if (hb) {
		u->hb_op = FP_HB_DEL;
		u->hb16_gone = fp_hb16_count(a16) == 1;
		u->hbtop_gone = u->hb16_gone && top->n == 1;
		if (u->hb16_gone)
			err = fp_retire(u, a16, sizeof(*a16));
		if (!err && u->hbtop_gone)
			err = fp_retire(u, top, sizeof(*top));
		return err;
	}
	if (!a16) {
		u->hb16_new = fp_zalloc(u, sizeof(*u->hb16_new));
		if (!u->hb16_new)
			return -ENOMEM;
	}
	if (!top) {
		u->hbtop_new = fp_zalloc(u, sizeof(*u->hbtop_new));
		if (!u->hbtop_new)
			return -ENOMEM;
	}
	u->hb_op = FP_HB_ADD;
	return 0;
}

/* Point to the block of every dense /24 of the tree below @n (depth @d). */
static int fp_hb_build(struct fp_upd *u, const struct fp_node *n,
		       struct fp_key *k, unsigned int d, struct fp_hbtop **top)
{
	unsigned int s, i = 0;
	struct fp_hb16 *a16;
	u32 a;
	int err;

	if (d == 24) {
		if (!fp_dense(n))
			return 0;
		if (!*top) {
			*top = fp_zalloc(u, sizeof(**top));
			if (!*top)
				return -ENOMEM;
		}
		a = (u32)(k->hi >> 32);
		a16 = rcu_dereference_protected((*top)->a[a >> 16], 1);
		if (!a16) {
			a16 = fp_zalloc(u, sizeof(*a16));
			if (!a16)
				return -ENOMEM;
			RCU_INIT_POINTER((*top)->a[a >> 16], a16);
			fp_hb_map(*top, a, true);
			(*top)->n++;
		}
		RCU_INIT_POINTER(a16->b[(a >> 8) & 255], fp_dense(n));
		return 0;
	}
	for (s = 0; s < FP_SLOTS; s++) {
		if (!(n->vec & (1ULL << s)))
			continue;
		fp_set_chunk(k, d, s);
		err = fp_hb_build(u, &n->kids[i++], k, d + FP_STRIDE, top);
		if (err)
			return err;
	}
	fp_set_chunk(k, d, 0);
	return 0;
}

/*
 * Call @fn(@u, object, size) for every /16 and the table of @top, in that
 * order (the blocks are the trie's); stop at the first error.  Nothing is
 * unlinked.
 */
static int fp_hb_each(struct fp_hbtop *top,
		      int (*fn)(struct fp_upd *u, void *obj, size_t size),
		      struct fp_upd *u)
{
	struct fp_hb16 *a16;
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(top->a); i++) {
		a16 = rcu_dereference_protected(top->a[i], 1);
		if (!a16)
			continue;
		err = fn(u, a16, sizeof(*a16));
		if (err)
			return err;
	}
	return fn(u, top, sizeof(*top));
}

/* Whole-table replace: new host blocks from @root, the old ones retired. */
static int fp_hb_rebuild(struct fp_upd *u, const struct fp_trie_root *root)
{
	struct fp_hbtop *top = fp_hbtop(u->t), *ntop = NULL;
	struct fp_key k = { 0, 0 };
	int err;

	u->hb_op = FP_HB_SWAP;
	if (root) {
		err = fp_hb_build(u, &root->n, &k, 0, &ntop);
		if (err)
			return err;
	}
	u->hbtop_new = ntop;
	return top ? fp_hb_each(top, fp_retire, u) : 0;
}

/* The host blocks' part of a commit, after the new root is published. */
static void fp_hb_commit(struct fp_upd *u)
{
	struct fp_trie *t = u->t;
	struct fp_hbtop *top = u->hbtop_new ? u->hbtop_new : fp_hbtop(t);
	u32 a = (u32)(u->key.hi >> 32);
	struct fp_hb16 *a16;

	switch (u->hb_op) {
	case FP_HB_NONE:
		break;
	case FP_HB_SWAP:
		rcu_assign_pointer(t->hb, u->hbtop_new);
		break;
	case FP_HB_SET:
		a16 = rcu_dereference_protected(top->a[a >> 16], 1);
		rcu_assign_pointer(a16->b[(a >> 8) & 255], u->hb_new);
		break;
	case FP_HB_ADD:
		a16 = u->hb16_new ? u->hb16_new :
		      rcu_dereference_protected(top->a[a >> 16], 1);
		rcu_assign_pointer(a16->b[(a >> 8) & 255], u->hb_new);
		if (u->hb16_new) {
			rcu_assign_pointer(top->a[a >> 16], a16);
			fp_hb_map(top, a, true);
			top->n++;
		}
		if (u->hbtop_new)
			rcu_assign_pointer(t->hb, top);
		break;
	case FP_HB_DEL:
		a16 = rcu_dereference_protected(top->a[a >> 16], 1);
		RCU_INIT_POINTER(a16->b[(a >> 8) & 255], NULL);
		if (u->hb16_gone) {
			fp_hb_map(top, a, false);
			RCU_INIT_POINTER(top->a[a >> 16], NULL);
			top->n--;
		}
		if (u->hbtop_gone)
			RCU_INIT_POINTER(t->hb, NULL);
		break;
	}
}

/* ---- life cycle ---- */

/**
 * fp_trie_module_init() - create the slab cache of the tables' host blocks
 *
 * Context: module init, before the first fp_trie_init().
 * Return: 0 or -ENOMEM.
 */
int fp_trie_module_init(void)
{
	/* one cache per module that builds this file (fastpath, kbench) */
	fp_hb_cache = kmem_cache_create(KBUILD_MODNAME "_host_blocks",
					sizeof(struct fp_hb), 0, 0, NULL);
	return fp_hb_cache ? 0 : -ENOMEM;
}

/**
 * fp_trie_module_exit() - destroy the slab cache of the host blocks
 *
 * Context: module exit, after every table was destroyed.  Waits for the
 * frees still queued with call_rcu().
 */
void fp_trie_module_exit(void)
{
	rcu_barrier();
	kmem_cache_destroy(fp_hb_cache);
	fp_hb_cache = NULL;
}

/**
 * fp_trie_init() - set up an empty table
 * @t: the table
 * @bits: 32 for IPv4, 128 for IPv6
 * @lock: the mutex writers will hold
 *
 * Return: 0, or -EINVAL for another @bits.
 */
int fp_trie_init(struct fp_trie *t, unsigned int bits, struct mutex *lock)
{
	if (bits != 32 && bits != 128)
		return -EINVAL;
	memset(t, 0, sizeof(*t));
	RCU_INIT_POINTER(t->root, NULL);
	RCU_INIT_POINTER(t->dir, NULL);
	RCU_INIT_POINTER(t->hb, NULL);
	t->bits = bits;
	t->lock = lock;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_trie_init);

static void fp_free_tree(const struct fp_node *n)
{
	unsigned int i, nk = hweight64(n->vec);

	for (i = 0; i < nk; i++)
		fp_free_tree(&n->kids[i]);
	kvfree(fp_dense(n) ? (void *)fp_dense(n) : (void *)n->kids);
	kvfree(n->blk);
}

static int fp_hb_free_one(struct fp_upd *u, void *obj, size_t size)
{
	kvfree(obj);
	return 0;
}

/* Unpublish and free a table; @wait: for its readers and its callbacks. */
static void fp_trie_release(struct fp_trie *t, bool wait)
{
	struct fp_trie_root *root = rcu_dereference_protected(t->root, 1);
	struct fp_dir *dir = rcu_dereference_protected(t->dir, 1);
	struct fp_hbtop *top = rcu_dereference_protected(t->hb, 1);
	unsigned int i;

	RCU_INIT_POINTER(t->root, NULL);
	RCU_INIT_POINTER(t->dir, NULL);
	RCU_INIT_POINTER(t->hb, NULL);
	if (wait)
		synchronize_rcu();
	if (top)
		fp_hb_each(top, fp_hb_free_one, NULL);	/* no reader left */
	for (i = 0; dir && i < BIT(dir->bits); i++)
		kvfree(fp_img_of(dir->e[i]));
	kvfree(dir);
	if (root) {
		fp_free_tree(&root->n);
		kvfree(root);
	}
	if (wait)
		rcu_barrier();
	t->count = 0;
	t->mem = 0;
}

/**
 * fp_trie_free() - free a table that no reader can reach any more
 * @t: the table
 *
 * For a table whose readers are gone: its owner was unpublished at least
 * one grace period ago (e.g. this runs from the owner's rcu_work).  Waits
 * for nothing.  The table's pending RCU callbacks free only their own
 * objects; module exit's rcu_barrier() waits for them.  The values are the
 * caller's.
 *
 * Context: process context; no writer may use @t concurrently.
 */
void fp_trie_free(struct fp_trie *t)
{
	fp_trie_release(t, false);
}

FP_EXPORT_FOR_KUNIT(fp_trie_free);

/**
 * fp_trie_destroy() - free a table, waiting for its readers
 * @t: the table
 *
 * Waits for the readers still using the table and for the table's pending
 * RCU callbacks (rcu_barrier()), so that nothing of it is left when this
 * returns.  The values are the caller's.  The data path's tables are
 * freed with fp_trie_free() instead, which waits for nothing.
 *
 * Context: process context, may sleep; no writer may use @t concurrently.
 */
void fp_trie_destroy(struct fp_trie *t)
{
	fp_trie_release(t, true);
}

FP_EXPORT_FOR_KUNIT(fp_trie_destroy);

/**
 * fp_trie_count() - number of prefixes in the table
 * @t: the table
 *
 * Return: the count (a snapshot when called without the mutex).
 */
size_t fp_trie_count(const struct fp_trie *t)
{
	return READ_ONCE(t->count);
}

FP_EXPORT_FOR_KUNIT(fp_trie_count);

/**
 * fp_trie_images() - direct-table entries that lead to a lookup image
 * @t: the table
 *
 * For tests and statistics: how many subtrees the lookups walk in an image
 * rather than in the trie.
 *
 * Context: the table's mutex held.
 * Return: the number of images.
 */
size_t fp_trie_images(const struct fp_trie *t)
{
	const struct fp_dir *dir = fp_dir(t);
	size_t i, n = 0;

	for (i = 0; dir && i < BIT(dir->bits); i++)
		n += !!fp_img_of(dir->e[i]);
	return n;
}

FP_EXPORT_FOR_KUNIT(fp_trie_images);

/**
 * fp_trie_mem() - memory used by the table
 * @t: the table
 *
 * Return: bytes allocated for nodes, leaves and prefixes (requested sizes,
 * not counting allocator rounding), plus the table header.
 */
size_t fp_trie_mem(const struct fp_trie *t)
{
	return READ_ONCE(t->mem) + sizeof(*t);
}

FP_EXPORT_FOR_KUNIT(fp_trie_mem);
