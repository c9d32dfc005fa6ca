/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-ins for the few kernel APIs kmod/trie.c uses, so that
 * the same source builds in tools/ (tests, fuzzer, stress, benchmark).
 * RCU is liburcu's default ("memb") flavour: threads that read call
 * rcu_register_thread() first.  The headers in linux/ next to this one all
 * include it.
 *
 * Allocation failures can be injected: when fp_shim_fail_nth is > 0, the
 * fp_shim_fail_nth-th allocation from now on fails (once).
 */
#ifndef _FP_KSHIM_H
#define _FP_KSHIM_H

#include <errno.h>
#ifndef _LGPL_SOURCE
#define _LGPL_SOURCE
#endif
#include <urcu.h>
#include <urcu/pointer.h>

#include <assert.h>
#include <endian.h>
#include <limits.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <linux/types.h>	/* __be32, __be64 */

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t s64;

#ifndef __rcu
#define __rcu
#endif
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#ifndef likely
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#endif
#ifndef container_of
#define container_of(ptr, type, member) caa_container_of(ptr, type, member)
#endif

#define READ_ONCE(x)		CMM_LOAD_SHARED(x)
#define WRITE_ONCE(x, v)	CMM_STORE_SHARED(x, v)

#define BIT(n)			(1UL << (n))
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#define smp_wmb()		cmm_smp_wmb()
#define min_t(type, a, b)	((type)(a) < (type)(b) ? (type)(a) : (type)(b))
#define max_t(type, a, b)	((type)(a) > (type)(b) ? (type)(a) : (type)(b))
#define __ffs(w)		((unsigned long)__builtin_ctzl(w))
#define U32_MAX			((u32)~0U)
#define hweight64(w)		((unsigned int)__builtin_popcountll(w))
#define be32_to_cpu(x)		be32toh((uint32_t)(x))
#define cpu_to_be32(x)		((__be32)htobe32(x))
#define be64_to_cpu(x)		be64toh((uint64_t)(x))
#define cpu_to_be64(x)		((__be64)htobe64(x))

#define BUG_ON(c)	do { if (c) fp_shim_bug(__FILE__, __LINE__, #c); } while (0)
#define WARN_ON(c)	({ int __w = !!(c); if (__w) fprintf(stderr, \
			"WARNING %s:%d: %s\n", __FILE__, __LINE__, #c); __w; })
#define WARN_ON_ONCE(c)	WARN_ON(c)

static inline void fp_shim_bug(const char *f, int l, const char *what)
{
	fprintf(stderr, "BUG %s:%d: %s\n", f, l, what);
	abort();
}

/* ---- memory ---- */

typedef unsigned int gfp_t;
#define GFP_KERNEL		0x1u
#define GFP_KERNEL_ACCOUNT	0x3u
#define __GFP_NOWARN		0x4u
#define __GFP_ZERO		0x8u

extern unsigned long fp_shim_fail_nth;	/* defined by fp_kshim.c */
extern unsigned long fp_shim_allocs;

static inline void *kmalloc(size_t size, gfp_t gfp)
{
	fp_shim_allocs++;
	if (fp_shim_fail_nth && --fp_shim_fail_nth == 0)
		return NULL;
	return (gfp & __GFP_ZERO) ? calloc(1, size) : malloc(size);
}

#define kzalloc(s, g)		kmalloc(s, (g) | __GFP_ZERO)
#define kvmalloc(s, g)		kmalloc(s, g)
#define kvzalloc(s, g)		kzalloc(s, g)

static inline void *kvmalloc_array(size_t n, size_t size, gfp_t gfp)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kvmalloc(n * size, gfp);
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

#define kvfree(p)	kfree(p)

/* the module name Kbuild gives every file (slab cache names) */
#define KBUILD_MODNAME		"fastpath"

/* a slab cache: objects of one size, freed with kfree() or kvfree() too */
struct kmem_cache {
	size_t size;
};

static inline struct kmem_cache *kmem_cache_create(const char *name,
						   unsigned int size,
						   unsigned int align,
						   unsigned long flags,
						   void (*ctor)(void *))
{
	struct kmem_cache *c = malloc(sizeof(*c));

	if (c)
		c->size = size;
	return c;
}

static inline void *kmem_cache_alloc(struct kmem_cache *c, gfp_t gfp)
{
	return kmalloc(c->size, gfp);
}

static inline void kmem_cache_destroy(struct kmem_cache *c)
{
	free(c);
}
#define struct_size(p, member, n) \
	(sizeof(*(p)) + (size_t)(n) * sizeof((p)->member[0]))

/* ---- misc ---- */

static inline void sort(void *base, size_t num, size_t size,
			int (*cmp)(const void *, const void *), void *swap)
{
	(void)swap;
	qsort(base, num, size, cmp);
}

#define cond_resched()		do { } while (0)
#define might_sleep()		do { } while (0)

/* ---- mutex + lockdep ---- */

struct mutex {
	pthread_mutex_t m;
	pthread_t owner;
	int held;
};

#define DEFINE_MUTEX(name) struct mutex name = { .m = PTHREAD_MUTEX_INITIALIZER }

static inline void mutex_init(struct mutex *m)
{
	pthread_mutex_init(&m->m, NULL);
	m->held = 0;
}

static inline void mutex_lock(struct mutex *m)
{
	pthread_mutex_lock(&m->m);
	m->owner = pthread_self();
	m->held = 1;
}

static inline void mutex_unlock(struct mutex *m)
{
	BUG_ON(!m->held || !pthread_equal(m->owner, pthread_self()));
	m->held = 0;
	pthread_mutex_unlock(&m->m);
}

static inline int fp_shim_mutex_held(const struct mutex *m)
{
	return m && m->held && pthread_equal(m->owner, pthread_self());
}

#define lockdep_is_held(m)	fp_shim_mutex_held(m)
#define lockdep_assert_held(m)	BUG_ON(!fp_shim_mutex_held(m))

/* ---- RCU (liburcu provides rcu_dereference, rcu_assign_pointer,
 * call_rcu, synchronize_rcu, rcu_barrier, rcu_read_lock/unlock) ---- */

/*
 * Single-threaded users (the fuzzer) can set fp_shim_rcu_inline: grace
 * periods are then empty and callbacks run at once, which is only correct
 * while no other thread reads.  Much faster, and ASan still sees every
 * use of a freed node by the writer itself.
 */
extern bool fp_shim_rcu_inline;

static inline void fp_shim_call_rcu(struct rcu_head *h,
				    void (*fn)(struct rcu_head *))
{
	if (fp_shim_rcu_inline)
		fn(h);
	else
		urcu_memb_call_rcu(h, fn);
}

static inline void fp_shim_synchronize_rcu(void)
{
	if (!fp_shim_rcu_inline)
		urcu_memb_synchronize_rcu();
}

static inline void fp_shim_rcu_barrier(void)
{
	if (!fp_shim_rcu_inline)
		urcu_memb_barrier();
}

#undef call_rcu
#undef synchronize_rcu
#undef rcu_barrier
#define call_rcu(h, fn)		fp_shim_call_rcu(h, fn)
#define synchronize_rcu()	fp_shim_synchronize_rcu()
#define rcu_barrier()		fp_shim_rcu_barrier()

#define rcu_dereference_protected(p, c) \
	({ BUG_ON(!(c)); CMM_LOAD_SHARED(p); })
#define rcu_dereference_check(p, c)	rcu_dereference(p)
#define rcu_dereference_bh(p)		rcu_dereference(p)
#define rcu_access_pointer(p)		CMM_LOAD_SHARED(p)
#define RCU_INIT_POINTER(p, v)		CMM_STORE_SHARED(p, v)
#define rcu_read_lock_bh()		rcu_read_lock()
#define rcu_read_unlock_bh()		rcu_read_unlock()

/* ---- module glue ---- */

#define IS_ENABLED(x)			0
#define KERNEL_VERSION(a, b, c)		(((a) << 16) + ((b) << 8) + (c))
#define LINUX_VERSION_CODE		KERNEL_VERSION(6, 1, 0)
#define EXPORT_SYMBOL(s)
#define EXPORT_SYMBOL_GPL(s)
#define EXPORT_SYMBOL_NS_GPL(s, ns)
#define MODULE_LICENSE(x)
#define MODULE_IMPORT_NS(x)

#endif /* _FP_KSHIM_H */
