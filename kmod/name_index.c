// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: a hashed index of objects by (scope, key).
 *
 * Every object the model finds by a key embeds a &struct fp_hnode: the
 * named objects (circuits, authorizations, vnets, connections, endpoints)
 * by name, and endpoints, exceptions and UDRs also by (vnet, prefix).  The
 * key is a field at a fixed offset in the object, a NUL-terminated name or
 * a fixed-size value; the scope is a pointer it is unique within (an
 * authorization's circuit, a prefix's vnet), NULL where the key alone is
 * unique.  So one lookup costs a hash and a short chain, and loading N
 * objects is O(N), where a list walk with strcmp() made it O(N^2).
 *
 * The table starts with FP_INDEX_MIN_BITS buckets (an idle namespace
 * keeps only that), doubles when it holds more than two objects per
 * bucket and halves when it holds fewer than one per eight.  A resize
 * rehashes from the hash each node keeps.  A resize that cannot allocate
 * keeps the table it has (slower chains, same answers), so adding and
 * removing never fail: a model mutator still allocates everything it
 * needs before its first change.
 *
 * No locking and no RCU: the model's mutex serialises every user, and the
 * data path never reads the model.  The seed is random per index, so
 * names chosen to collide in one namespace do not collide in another.
 */
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "name_index.h"

static u32 fp_index_hash(const struct fp_index *ix, const void *scope,
			 const void *key)
{
	size_t len = ix->key_len ?: strlen(key);

	return jhash(key, len, ix->seed ^ hash_ptr(scope, 32));
}

static struct fp_hnode *fp_index_node(const struct fp_index *ix, void *obj)
{
	return (struct fp_hnode *)((char *)obj + ix->node_off);
}

static void *fp_index_obj(const struct fp_index *ix, struct fp_hnode *hn)
{
	return (char *)hn - ix->node_off;
}

static bool fp_index_match(const struct fp_index *ix, struct fp_hnode *hn,
			   u32 hash, const void *scope, const void *key)
{
	const char *k = (const char *)fp_index_obj(ix, hn) + ix->key_off;

	if (hn->hash != hash || hn->scope != scope)
		return false;
	return ix->key_len ? !memcmp(k, key, ix->key_len) : !strcmp(k, key);
}

static struct hlist_head *fp_index_bucket(const struct fp_index *ix, u32 hash)
{
	return &ix->buckets[hash_32(hash, ix->bits)];
}

static struct hlist_head *fp_index_alloc(unsigned int bits)
{
	struct hlist_head *b;
	size_t i;

	b = kvmalloc_array(BIT(bits), sizeof(*b),
			   GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!b)
		return NULL;
	for (i = 0; i < BIT(bits); i++)
		INIT_HLIST_HEAD(&b[i]);
	return b;
}

/* Move every node to a table of 1 << @bits buckets, or keep the old one. */
static void fp_index_resize(struct fp_index *ix, unsigned int bits)
{
	struct hlist_head *old = ix->buckets;
	unsigned int old_bits = ix->bits;
	struct hlist_node *tmp;
	struct fp_hnode *hn;
	size_t i;

	ix->buckets = fp_index_alloc(bits);
	if (!ix->buckets) {
		ix->buckets = old;
		return;
	}
	ix->bits = bits;
	for (i = 0; i < BIT(old_bits); i++)
		hlist_for_each_entry_safe(hn, tmp, &old[i], node)
			hlist_add_head(&hn->node, fp_index_bucket(ix, hn->hash));
	kvfree(old);
}

/**
 * fp_index_init() - set up an empty index
 * @ix: the index
 * @node_off: offset of the &struct fp_hnode in the objects
 * @key_off: offset of their key
 * @key_len: size of the key, or 0 for a NUL-terminated name
 *
 * Return: 0 or -ENOMEM.
 */
int fp_index_init(struct fp_index *ix, size_t node_off, size_t key_off,
		  size_t key_len)
{
	ix->buckets = fp_index_alloc(FP_INDEX_MIN_BITS);
	if (!ix->buckets)
		return -ENOMEM;
	ix->bits = FP_INDEX_MIN_BITS;
	ix->n = 0;
	ix->seed = get_random_u32();
	ix->node_off = node_off;
	ix->key_off = key_off;
	ix->key_len = key_len;
	return 0;
}

/**
 * fp_index_destroy() - free an index's table (not its objects)
 * @ix: the index, set up or zeroed
 */
void fp_index_destroy(struct fp_index *ix)
{
	kvfree(ix->buckets);
	ix->buckets = NULL;
	ix->n = 0;
}

/**
 * fp_index_add() - index an object under (@scope, its key)
 * @ix: the index
 * @obj: the object; its key is set and not in the index under @scope yet
 * @scope: what the key is unique within, or NULL
 *
 * Never fails: when the table cannot grow, chains get longer.
 */
void fp_index_add(struct fp_index *ix, void *obj, const void *scope)
{
	struct fp_hnode *hn = fp_index_node(ix, obj);

	hn->hash = fp_index_hash(ix, scope, (char *)obj + ix->key_off);
	hn->scope = scope;
	hlist_add_head(&hn->node, fp_index_bucket(ix, hn->hash));
	if (++ix->n > 2 * BIT(ix->bits))
		fp_index_resize(ix, ix->bits + 1);
}

/**
 * fp_index_del() - take an object out of the index
 * @ix: the index
 * @obj: the object, in @ix
 *
 * Call it before changing the object's key (and fp_index_add() after).
 */
void fp_index_del(struct fp_index *ix, void *obj)
{
	hlist_del(&fp_index_node(ix, obj)->node);
	if (--ix->n < BIT(ix->bits) / 8 && ix->bits > FP_INDEX_MIN_BITS)
		fp_index_resize(ix, ix->bits - 1);
}

/**
 * fp_index_find() - the object with a key in a scope
 * @ix: the index
 * @scope: the scope the object was added under
 * @key: a name (NUL-terminated, any length) or a key of the index's size;
 *	NULL finds nothing
 *
 * Return: the object or NULL.
 */
void *fp_index_find(const struct fp_index *ix, const void *scope,
		    const void *key)
{
	struct fp_hnode *hn;
	u32 hash;

	if (!key)
		return NULL;
	hash = fp_index_hash(ix, scope, key);
	hlist_for_each_entry(hn, fp_index_bucket(ix, hash), node)
		if (fp_index_match(ix, hn, hash, scope, key))
			return fp_index_obj(ix, hn);
	return NULL;
}
