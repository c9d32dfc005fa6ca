/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A hashed index of the model's objects by (scope, key), used by the model's
 * files only and always under the model's mutex (the data path never reads
 * it).  See name_index.c.
 */
#ifndef _FASTPATH_NAME_INDEX_H
#define _FASTPATH_NAME_INDEX_H

#include <linux/list.h>
#include <linux/types.h>

/* The smallest table: 16 buckets, what an idle namespace keeps. */
#define FP_INDEX_MIN_BITS	4U

/**
 * struct fp_hnode - an object's place in a &struct fp_index
 * @node: in one bucket
 * @hash: hash of (@scope, key), kept so that a resize reads no key
 * @scope: what the key is unique within, or NULL
 */
struct fp_hnode {
	struct hlist_node node;
	u32 hash;
	const void *scope;
};

/**
 * struct fp_index - objects by (scope, key)
 * @buckets: 1 << @bits lists of &struct fp_hnode
 * @bits: log2 of the number of buckets
 * @n: objects in the index
 * @seed: hash seed, random per index
 * @node_off: offset of the &struct fp_hnode in an object
 * @key_off: offset of the key in an object
 * @key_len: size of the key, compared with memcmp(); 0 for a NUL-terminated
 *	name, compared with strcmp()
 */
struct fp_index {
	struct hlist_head *buckets;
	unsigned int bits;
	unsigned int n;
	u32 seed;
	size_t node_off;
	size_t key_off;
	size_t key_len;
};

int fp_index_init(struct fp_index *ix, size_t node_off, size_t key_off,
		  size_t key_len);
void fp_index_destroy(struct fp_index *ix);
void fp_index_add(struct fp_index *ix, void *obj, const void *scope);
void fp_index_del(struct fp_index *ix, void *obj);
void *fp_index_find(const struct fp_index *ix, const void *scope,
		    const void *key);

#endif /* _FASTPATH_NAME_INDEX_H */
