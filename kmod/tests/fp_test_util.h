/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers shared by the model and compile suites: a locked model
 * per test, object builders, and a digest of the whole model to prove a
 * refused request changed nothing.
 */
#ifndef _FASTPATH_TEST_UTIL_H
#define _FASTPATH_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/jhash.h>
#include <linux/mutex.h>
#include <linux/socket.h>
#include <linux/string.h>

#include "model.h"

struct fpt_ctx {
	struct mutex lock;	/* stands in for the namespace mutex */
	struct fp_model m;
	bool locked;
	struct netlink_ext_ack ea;
	u32 digest;
};

static const uuid_t fpt_sub_a __maybe_unused = UUID_INIT(0x11111111, 0x1111, 0x1111, 0x11,
					  0x11, 0x11, 0x11, 0x11, 0x11, 0x11,
					  0x11);
static const uuid_t fpt_sub_b __maybe_unused = UUID_INIT(0x22222222, 0x2222, 0x2222, 0x22,
					  0x22, 0x22, 0x22, 0x22, 0x22, 0x22,
					  0x22);

static inline struct fp_model *fpt_begin(struct kunit *test)
{
	struct fpt_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	mutex_init(&ctx->lock);
	KUNIT_ASSERT_EQ(test, fp_model_init(&ctx->m, &ctx->lock), 0);
	mutex_lock(&ctx->lock);
	ctx->locked = true;
	test->priv = ctx;
	return &ctx->m;
}

static inline void fpt_end(struct kunit *test)
{
	struct fpt_ctx *ctx = test->priv;

	fp_model_destroy(&ctx->m);
	ctx->locked = false;
	mutex_unlock(&ctx->lock);
}

/* Suite exit: clean up after a test that stopped on a failed assertion. */
static inline void fpt_exit(struct kunit *test)
{
	struct fpt_ctx *ctx = test->priv;

	if (ctx && ctx->m.lock)
		fp_model_destroy(&ctx->m);
}

static inline struct fp_prefix fpt_p4(u8 a, u8 b, u8 c, u8 d, u8 len)
{
	struct fp_prefix p = { .family = AF_INET, .len = len };

	p.addr[0] = a;
	p.addr[1] = b;
	p.addr[2] = c;
	p.addr[3] = d;
	return p;
}

/* 2001:db8:X:Y::Z/len */
static inline struct fp_prefix fpt_p6(u16 x, u16 y, u8 z, u8 len)
{
	struct fp_prefix p = { .family = AF_INET6, .len = len };

	p.addr[0] = 0x20;
	p.addr[1] = 0x01;
	p.addr[2] = 0x0d;
	p.addr[3] = 0xb8;
	p.addr[4] = x >> 8;
	p.addr[5] = x & 0xff;
	p.addr[6] = y >> 8;
	p.addr[7] = y & 0xff;
	p.addr[15] = z;
	return p;
}

/* Address space number @i: 10.(i / 256).(i % 256).0/24 */
static inline struct fp_prefix fpt_space(unsigned int i)
{
	return fpt_p4(10, i / 256, i % 256, 0, 24);
}

static inline int fpt_circuit(struct fp_model *m, const char *name, u8 tier,
			      u8 port, u32 bw, const uuid_t *sub)
{
	struct fp_circuit_cfg cfg = {
		.name = name, .tier = tier, .port = port, .bandwidth = bw,
	};

	uuid_copy(&cfg.subscription, sub);
	return fp_circuit_add(m, &cfg, NULL);
}

/* A vnet with one address space, fpt_space(@space). */
static inline int fpt_vnet(struct fp_model *m, const char *name, u8 sku,
			   u8 units, const char *region, const uuid_t *sub,
			   unsigned int space)
{
	struct fp_prefix p = fpt_space(space);
	struct fp_vnet_cfg cfg = {
		.name = name, .region = region, .sku = sku, .units = units,
		.n_spaces = 1, .spaces = &p,
	};

	uuid_copy(&cfg.subscription, sub);
	return fp_vnet_add(m, &cfg, NULL);
}

static inline int fpt_conn(struct fp_model *m, const char *name,
			   const char *circuit, const char *vnet, u32 flags,
			   const u8 *key)
{
	struct fp_conn_cfg cfg = {
		.name = name, .circuit = circuit, .vnet = vnet,
		.flags = flags, .key = key,
	};

	return fp_conn_add(m, &cfg, NULL);
}

static inline int fpt_ep(struct fp_model *m, const char *name,
			 const char *vnet, struct fp_prefix p)
{
	struct fp_endpoint_cfg cfg = {
		.name = name, .vnet = vnet, .prefix = p, .ifindex = 1,
	};

	return fp_endpoint_add(m, &cfg, NULL);
}

static inline u32 fpt_mix(u32 h, const void *p, size_t len)
{
	return jhash(p, len, h);
}

static inline void fpt_mix_into(u32 *h, const void *p, size_t len)
{
	*h = jhash(p, len, *h);
}

#define FPT_MIX(h, x)	fpt_mix_into(&(h), &(x), sizeof(x))

/* A digest of every object and counter of the model (not dirty marks). */
static inline u32 fpt_digest(const struct fp_model *m)
{
	struct fp_circuit *c;
	struct fp_auth *a;
	struct fp_vnet *v;
	struct fp_peering *p;
	struct fp_endpoint *ep;
	struct fp_conn *k;
	struct fp_exception *e;
	struct fp_udr *u;
	u32 h = 0;

	FPT_MIX(h, m->n_circuits);
	FPT_MIX(h, m->n_vnets);
	FPT_MIX(h, m->n_conns);
	FPT_MIX(h, m->n_objects);
	FPT_MIX(h, m->next_id);
	FPT_MIX(h, m->seq);
	list_for_each_entry(c, &m->circuits, node) {
		FPT_MIX(h, c->id);
		FPT_MIX(h, c->stamp);
		FPT_MIX(h, c->ifindex);
		FPT_MIX(h, c->active);
		FPT_MIX(h, c->tier);
		FPT_MIX(h, c->port);
		FPT_MIX(h, c->bandwidth);
		FPT_MIX(h, c->route_limit);
		FPT_MIX(h, c->n_links);
		FPT_MIX(h, c->n_auths);
		h = fpt_mix(h, c->name, sizeof(c->name));
	}
	list_for_each_entry(a, &m->auths, node) {
		FPT_MIX(h, a->id);
		FPT_MIX(h, a->redeemed_by);
		h = fpt_mix(h, a->key, sizeof(a->key));
	}
	list_for_each_entry(p, &m->peerings, node) {
		FPT_MIX(h, p->a->id);
		FPT_MIX(h, p->b->id);
	}
	list_for_each_entry(k, &m->conns, node) {
		FPT_MIX(h, k->id);
		FPT_MIX(h, k->fp_stamp);
		FPT_MIX(h, k->peering_stamp);
		FPT_MIX(h, k->udr_stamp);
		FPT_MIX(h, k->flags);
		FPT_MIX(h, k->auth);
		FPT_MIX(h, k->circuit->id);
		FPT_MIX(h, k->vnet->id);
	}
	list_for_each_entry(v, &m->vnets, node) {
		FPT_MIX(h, v->id);
		FPT_MIX(h, v->stamp);
		FPT_MIX(h, v->sku);
		FPT_MIX(h, v->units);
		FPT_MIX(h, v->n_spaces);
		FPT_MIX(h, v->n_conns);
		FPT_MIX(h, v->n_peers);
		FPT_MIX(h, v->n_objs);
		h = fpt_mix(h, v->region, sizeof(v->region));
		if (v->n_spaces)
			h = fpt_mix(h, v->spaces,
				    v->n_spaces * sizeof(*v->spaces));
		list_for_each_entry(ep, &v->endpoints, node) {
			FPT_MIX(h, ep->id);
			FPT_MIX(h, ep->stamp);
			FPT_MIX(h, ep->prefix);
			FPT_MIX(h, ep->ifindex);
			FPT_MIX(h, ep->has_mac);
			FPT_MIX(h, ep->mac);
			FPT_MIX(h, ep->n_udrs);
		}
		list_for_each_entry(e, &v->exceptions, node) {
			FPT_MIX(h, e->id);
			FPT_MIX(h, e->prefix);
			FPT_MIX(h, e->kind);
		}
		list_for_each_entry(u, &v->udrs, node) {
			FPT_MIX(h, u->id);
			FPT_MIX(h, u->prefix);
			FPT_MIX(h, u->nexthop->id);
		}
	}
	return h;
}

static inline void fpt_refuse_begin(struct kunit *test)
{
	struct fpt_ctx *ctx = test->priv;

	memset(&ctx->ea, 0, sizeof(ctx->ea));
	ctx->digest = fpt_digest(&ctx->m);
}

static noinline __maybe_unused void fpt_refuse_end(struct kunit *test, int r,
						   int err, const char *text)
{
	struct fpt_ctx *ctx = test->priv;
	const char *msg = ctx->ea._msg;

	KUNIT_EXPECT_EQ(test, r, err);
	KUNIT_EXPECT_NOT_NULL(test, msg);
	if (msg) {
		KUNIT_EXPECT_NOT_NULL_MSG(test, strstr(msg, text),
					  "message '%s' lacks '%s'", msg, text);
		/* Whole: not cut at the kernel's formatted-message buffer. */
		KUNIT_EXPECT_LT(test, strlen(msg), (size_t)FP_ERRMSG_LEN - 1);
	}
	KUNIT_EXPECT_EQ(test, fpt_digest(&ctx->m), ctx->digest);
}

/*
 * FPT_REFUSE(err, text, call), in a test function with its "test": @call
 * (which passes EA as its extack) must fail with @err, set an extack
 * message containing @text that fits the kernel's formatted-message
 * buffer, and leave the model exactly as it was.  No locals: KASAN stack
 * frames stay small.
 */
#define EA	(&((struct fpt_ctx *)test->priv)->ea)
#define FPT_REFUSE(err, text, call)					\
	do {								\
		fpt_refuse_begin(test);					\
		fpt_refuse_end(test, (call), (err), (text));		\
	} while (0)

#endif /* _FASTPATH_TEST_UTIL_H */
