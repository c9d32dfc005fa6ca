// SPDX-License-Identifier: GPL-2.0
/*
 * Multithreaded RCU stress test of kmod/trie.c in user space: reader
 * threads look up addresses inside a set of stable prefixes and must never
 * get anything but the stable prefix's value, while a writer inserts,
 * deletes and replaces covering, sibling and unrelated prefixes, replaces
 * stable values by themselves, and swaps in whole new tables.  Every
 * fourth stable prefix is a host route, and the first two stable /24s
 * fill with host routes and empty again in turns, so that IPv4 host
 * blocks (trie.c) come and go under the readers.
 *
 *   trie_stress [-s seconds] [-r readers]
 */
#include <unistd.h>
#include <time.h>
#include "fp_kshim.h"
#include "trie.h"
#include "trie_oracle.h"

#define STABLE 256

static DEFINE_MUTEX(lock);
static int vals[2048];

/*
 * Value @i (never dereferenced): a slot of vals[], except ten values 2 bytes
 * into their slot (a finer common alignment) and ten 2^42 bytes away (too
 * far from the others for a host block: a /24 that gets one goes back to
 * depth-30 nodes until it is gone, under the readers).
 */
static void *V(unsigned int i)
{
	i %= 2048;
	if (i >= 1990)
		return (void *)((uintptr_t)&vals[i] + (1ULL << 42));
	if (i >= 1980)
		return (char *)&vals[i] + 2;
	return &vals[i];
}

struct ctx {
	struct fp_trie t;
	unsigned int bits;
	struct fp_trie_prefix stable[STABLE];
	u8 probe[STABLE][16];
	volatile int stop;
	unsigned long lookups, misses;
	pthread_mutex_t stat;
};

static void *reader(void *arg)
{
	struct ctx *c = arg;
	unsigned long n = 0, miss = 0;
	unsigned int i = 0;
	u64 seed = (u64)(uintptr_t)&n | 1;

	rcu_register_thread();
	while (!c->stop) {
		void *v;

		i = rnd64(&seed) % STABLE;
		rcu_read_lock();
		if (c->bits == 32) {
			__be32 a;

			memcpy(&a, c->probe[i], 4);
			v = fp_trie_lookup4(&c->t, a);
		} else {
			v = fp_trie_lookup6(&c->t, c->probe[i]);
		}
		rcu_read_unlock();
		if (v != V(i))
			miss++;
		n++;
	}
	rcu_unregister_thread();
	pthread_mutex_lock(&c->stat);
	c->lookups += n;
	c->misses += miss;
	pthread_mutex_unlock(&c->stat);
	return NULL;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int run(unsigned int bits, double secs, int nreaders)
{
	static struct fp_trie_entry e[STABLE + 4096];
	unsigned int bl = bits / 8;
	struct ctx *c = calloc(1, sizeof(*c));
	pthread_t th[16];
	u64 seed = bits * 7919;
	unsigned long ops = 0, swaps = 0, hb = 0, far = 0;
	double end;
	int i, ne;

	fp_trie_init(&c->t, bits, &lock);
	c->bits = bits;
	pthread_mutex_init(&c->stat, NULL);
	mutex_lock(&lock);
	for (i = 0; i < STABLE; i++) {
		struct fp_trie_prefix p = { .len = bits == 32 ? 24 : 64 };

		if (bits == 32) {
			p.addr[0] = 10;
			p.addr[1] = i;
			p.addr[2] = (i * 37) & 0xff;
		} else {
			p.addr[0] = 0x20;
			p.addr[1] = 0x01;
			p.addr[2] = 0x0d;
			p.addr[3] = 0xb8;
			p.addr[5] = i;
			p.addr[7] = (i * 37) & 0xff;
		}
		memcpy(c->probe[i], p.addr, 16);
		c->probe[i][bl - 1] = 1;
		if (i % 4 == 0) {
			p.len = bits;
			p.addr[bl - 1] = 1;
		}
		c->stable[i] = p;
		if (fp_trie_insert(&c->t, &p, V(i), NULL))
			abort();
	}
	mutex_unlock(&lock);
	for (i = 0; i < nreaders; i++)
		pthread_create(&th[i], NULL, reader, c);

	end = now() + secs;
	while (now() < end) {
		unsigned int r = rnd64(&seed) % 8, s = rnd64(&seed) % STABLE;
		struct fp_trie_prefix p = c->stable[s];

		switch (r) {
		case 0:	/* covering */
			p.len = (rnd64(&seed) % 3) * 8;
			memset(p.addr + p.len / 8, 0, 16 - p.len / 8);
			break;
		case 1:	/* upper sibling half (a host route has none) */
			if (p.len == bits) {
				r = 3;
				break;
			}
			p.len++;
			p.addr[(p.len - 1) / 8] |= 0x80 >> ((p.len - 1) % 8);
			break;
		case 2:	/* host routes next to the probe, filling or emptying */
			p = c->stable[s % 2];
			p.len = bits;
			p.addr[bl - 1] = 2 + rnd64(&seed) % 250;
			break;
		case 3:
			break;
		default:	/* unrelated, in 192.0.0.0/2 or c000::/2 */
			rnd_bytes(&seed, p.addr, 16);
			p.addr[0] |= 0xc0;
			p.len = bits == 32 ? 8 + rnd64(&seed) % 25 :
					     8 + rnd64(&seed) % 121;
			prefix_mask(&p, bits);
			break;
		}
		mutex_lock(&lock);
		if (r == 3)
			fp_trie_insert(&c->t, &p, V(s), NULL);
		else if (r == 2 && (ops / 800) % 2)
			fp_trie_delete(&c->t, &p, NULL);
		else if (r == 2 || rnd64(&seed) & 1) {
			i = 1000 + rnd64(&seed) % 1000;
			far += r == 2 && i >= 1990;
			fp_trie_insert(&c->t, &p, V(i), NULL);
		}
		else
			fp_trie_delete(&c->t, &p, NULL);
		ops++;
		hb += c->t.hb != NULL;
		if (ops % 2000 == 0) {
			for (ne = 0; ne < STABLE; ne++) {
				e[ne].pfx = c->stable[ne];
				e[ne].value = V(ne);
			}
			for (i = 0; i < 4096; i++) {
				p = c->stable[i % STABLE];
				p.len = bits;
				p.addr[bl - 1] = 3 + i / STABLE;
				e[ne].pfx = p;
				e[ne++].value = V(1500);
			}
			if (fp_trie_replace_all(&c->t, e, ne))
				abort();
			swaps++;
		}
		mutex_unlock(&lock);
	}
	c->stop = 1;
	for (i = 0; i < nreaders; i++)
		pthread_join(th[i], NULL);
	printf("IPv%d: %lu updates (%lu with host blocks, %lu far host routes), %lu table swaps, %lu lookups, %lu misses\n",
	       bits == 32 ? 4 : 6, ops, hb, far, swaps, c->lookups, c->misses);
	fp_trie_destroy(&c->t);
	i = c->misses == 0 && c->lookups > 0 && ops > 0 &&
	    (bits != 32 || (hb > ops / 10 && hb < ops));
	free(c);
	return i;
}

int main(int argc, char **argv)
{
	double secs = 5;
	int readers = 2, opt, passed = 0, failed = 0;

	while ((opt = getopt(argc, argv, "s:r:")) != -1) {
		if (opt == 's')
			secs = atof(optarg);
		else if (opt == 'r')
			readers = atoi(optarg);
	}
	if (readers < 1 || readers > 16)
		readers = 2;
	rcu_register_thread();
	if (fp_trie_module_init())
		return 1;
	if (run(32, secs, readers))
		passed++;
	else
		failed++;
	if (run(128, secs, readers))
		passed++;
	else
		failed++;
	fp_trie_module_exit();
	rcu_unregister_thread();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
