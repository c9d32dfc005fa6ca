/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Longest-prefix-match table for IPv4 and IPv6 routes (see trie.c).
 *
 * Readers (fp_trie_lookup*(), fp_trie_get(), fp_trie_walk()) run under
 * rcu_read_lock() or rcu_read_lock_bh(), never block and never allocate.
 * Writers hold the mutex given to fp_trie_init().  This file has no
 * networking dependencies and builds unchanged in user space
 * (tools/include/fp_kshim.h).
 */
#ifndef _FASTPATH_TRIE_H
#define _FASTPATH_TRIE_H

#include <linux/types.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>

struct fp_trie_root;
struct fp_dir;
struct fp_hbtop;

/**
 * struct fp_trie - one routing table (IPv4 or IPv6)
 * @root: current version of the table, %NULL when empty
 * @dir: direct-pointing table over the top 12 or 18 bits, %NULL when
 *	empty
 * @hb: IPv4 host blocks: the /32 values of every /24 that holds many
 *	host routes, by /16 and /24 (see trie.c); %NULL when there are none
 * @lock: the writers' mutex, checked by lockdep
 * @bits: 32 (IPv4) or 128 (IPv6)
 * @count: number of prefixes
 * @mem: bytes allocated for the table (every node, leaf and prefix)
 * @fault_nth: test hook: when > 0, the fault_nth-th allocation from now
 *	fails (with -ENOMEM returned and the table unchanged)
 */
struct fp_trie {
	struct fp_trie_root __rcu *root;
	struct fp_dir __rcu *dir;
	struct fp_hbtop __rcu *hb;
	struct mutex *lock;	/* writers hold it (lockdep-checked) */
	unsigned int bits;
	size_t count;
	size_t mem;
	unsigned int fault_nth;
};

/**
 * struct fp_trie_prefix - a prefix as seen by callers
 * @addr: network byte order; the first 4 bytes for IPv4.  Host bits
 *	(beyond @len) must be zero.
 * @len: prefix length, 0..32 or 0..128
 */
struct fp_trie_prefix {
	u8 addr[16];
	u8 len;
};

/**
 * struct fp_trie_entry - one route for fp_trie_replace_all()
 * @pfx: the prefix
 * @value: its value, not %NULL, at least 2-byte aligned
 */
struct fp_trie_entry {
	struct fp_trie_prefix pfx;
	void *value;
};

/**
 * typedef fp_trie_walk_fn - fp_trie_walk() callback
 * @arg: caller's cookie
 * @pfx: the prefix (only valid during the call)
 * @value: its value
 *
 * Return: 0 to continue, anything else stops the walk and is returned by
 * fp_trie_walk().
 */
typedef int (*fp_trie_walk_fn)(void *arg, const struct fp_trie_prefix *pfx,
			       void *value);

int fp_trie_module_init(void);
void fp_trie_module_exit(void);
int fp_trie_init(struct fp_trie *t, unsigned int bits, struct mutex *lock);
void fp_trie_free(struct fp_trie *t);
void fp_trie_destroy(struct fp_trie *t);
int fp_trie_insert(struct fp_trie *t, const struct fp_trie_prefix *pfx,
		   void *value, void **old);
int fp_trie_delete(struct fp_trie *t, const struct fp_trie_prefix *pfx,
		   void **old);
int fp_trie_replace_all(struct fp_trie *t, const struct fp_trie_entry *e,
			size_t n);
void *fp_trie_get(const struct fp_trie *t, const struct fp_trie_prefix *pfx);
void *fp_trie_lookup(const struct fp_trie *t, const u8 *addr);
void *fp_trie_lookup4(const struct fp_trie *t, __be32 addr);
void *fp_trie_lookup6(const struct fp_trie *t, const u8 *addr);
int fp_trie_walk(const struct fp_trie *t, const struct fp_trie_prefix *after,
		 fp_trie_walk_fn fn, void *arg);
size_t fp_trie_count(const struct fp_trie *t);
size_t fp_trie_mem(const struct fp_trie *t);
size_t fp_trie_images(const struct fp_trie *t);

#endif /* _FASTPATH_TRIE_H */
