// SPDX-License-Identifier: GPL-2.0
/*
 * Ordered batches: FASTPATH_CMD_BATCH.
 *
 * A client that loads many objects goes fastest when it pipelines its
 * requests: many in one sendmsg(), acks read later, as "fpctl -batch" does.
 * Netlink then runs every request it was sent, whatever happened to the
 * ones before, but a batch is expected to stop at its first error: the
 * lines after a failed one must not be applied.
 *
 * BATCH turns the configuration requests (every NEW, DEL and SET) of the
 * sending socket into a chain.  Each must carry the sequence number one
 * above that of the last one that succeeded, the first one above BATCH's
 * own.  Once a link fails, for whatever reason, every later configuration
 * request of the socket is refused with -ECANCELED and changes nothing,
 * until the socket sends BATCH again or is closed.  A request the core
 * refuses before its handler runs (policy, permission) is never seen here;
 * the gap it leaves in the numbering breaks the chain all the same.
 * Reads, COMMIT and BATCH itself are not links: they neither need a number
 * nor break the chain.
 *
 * fp_nl_lock() admits a link to its chain and fp_nl_unlock() accounts for
 * its outcome (nl_common.c), under the one lock the request takes.  The
 * chains of a namespace are a list in &struct fp_net, under its lock;
 * a socket has at most one, freed when the socket is released
 * (NETLINK_URELEASE) or with the namespace (this file's pernet exit, which
 * runs before the namespace's state is torn down, and frees every chain
 * when the module goes).
 */
#include <linux/netlink.h>
#include <linux/notifier.h>
#include <linux/slab.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "fastpath.h"
#include "netlink.h"

/**
 * struct fp_batch - the chain of one socket
 * @node: in &fp_net.batches
 * @portid: the socket's netlink port id
 * @next_seq: sequence number the next link must carry
 * @broken: a link failed; every later one is refused
 */
struct fp_batch {
	struct list_head node;
	u32 portid;
	u32 next_seq;
	bool broken;
};

/**
 * fp_batch_admit() - may the next configuration request of a chain run
 * @b: the chain
 * @seq: the request's sequence number
 *
 * A request out of sequence breaks the chain.
 *
 * Return: 0, -ECANCELED if the chain is broken, -EPROTO if @seq is not the
 * expected one.
 */
int fp_batch_admit(struct fp_batch *b, u32 seq)
{
	if (b->broken)
		return -ECANCELED;
	if (seq != b->next_seq) {
		b->broken = true;
		return -EPROTO;
	}
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_batch_admit);

/**
 * fp_batch_done() - account for the outcome of an admitted request
 * @b: the chain
 * @seq: the request's sequence number
 * @err: what its handler returned
 */
void fp_batch_done(struct fp_batch *b, u32 seq, int err)
{
	if (err)
		b->broken = true;
	else
		b->next_seq = seq + 1;
}

FP_EXPORT_FOR_KUNIT(fp_batch_done);

/**
 * fp_batch_find() - the chain of a socket
 * @fpn: the namespace's state (locked)
 * @portid: the socket's port id
 *
 * Return: the chain, or NULL if the socket has none.
 */
struct fp_batch *fp_batch_find(struct fp_net *fpn, u32 portid)
{
	struct fp_batch *b;

	lockdep_assert_held(&fpn->lock);
	list_for_each_entry(b, &fpn->batches, node)
		if (b->portid == portid)
			return b;
	return NULL;
}

FP_EXPORT_FOR_KUNIT(fp_batch_find);

/**
 * fp_batch_start() - start (or restart) the chain of a socket
 * @fpn: the namespace's state (locked)
 * @portid: the socket's port id
 * @seq: sequence number of the BATCH request
 *
 * Return: 0 or -ENOMEM.
 */
int fp_batch_start(struct fp_net *fpn, u32 portid, u32 seq)
{
	struct fp_batch *b;

	lockdep_assert_held(&fpn->lock);
	b = fp_batch_find(fpn, portid);
	if (!b) {
		b = kzalloc(sizeof(*b), GFP_KERNEL_ACCOUNT);
		if (!b)
			return -ENOMEM;
		b->portid = portid;
		list_add(&b->node, &fpn->batches);
	}
	b->next_seq = seq + 1;
	b->broken = false;
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_batch_start);

/**
 * fp_batch_release() - forget the chain of a socket, if it has one
 * @fpn: the namespace's state (locked)
 * @portid: the socket's port id
 */
void fp_batch_release(struct fp_net *fpn, u32 portid)
{
	struct fp_batch *b;

	lockdep_assert_held(&fpn->lock);
	b = fp_batch_find(fpn, portid);
	if (b) {
		list_del(&b->node);
		kfree(b);
	}
}

FP_EXPORT_FOR_KUNIT(fp_batch_release);

/**
 * fp_batch_release_all() - free every chain of a namespace
 * @fpn: the namespace's state (locked)
 */
void fp_batch_release_all(struct fp_net *fpn)
{
	struct fp_batch *b, *tmp;

	lockdep_assert_held(&fpn->lock);
	list_for_each_entry_safe(b, tmp, &fpn->batches, node) {
		list_del(&b->node);
		kfree(b);
	}
}

FP_EXPORT_FOR_KUNIT(fp_batch_release_all);

/**
 * fp_nl_batch() - BATCH: start an ordered batch on the sending socket
 * @skb: the request
 * @info: the request (no attributes)
 *
 * Return: 0 or -ENOMEM.
 */
int fp_nl_batch(struct sk_buff *skb, struct genl_info *info)
{
	return fp_batch_start(fp_nl_net(info), info->snd_portid,
			      info->snd_seq);
}

static int fp_batch_urelease(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct netlink_notify *n = ptr;
	struct fp_net *fpn;

	if (event != NETLINK_URELEASE || n->protocol != NETLINK_GENERIC)
		return NOTIFY_DONE;
	fpn = fp_net(n->net);
	mutex_lock(&fpn->lock);
	fp_batch_release(fpn, n->portid);
	mutex_unlock(&fpn->lock);
	return NOTIFY_DONE;
}

static struct notifier_block fp_batch_notifier = {
	.notifier_call = fp_batch_urelease,
};

static void __net_exit fp_batch_net_exit(struct net *net)
{
	struct fp_net *fpn = fp_net(net);

	mutex_lock(&fpn->lock);
	fp_batch_release_all(fpn);
	mutex_unlock(&fpn->lock);
}

/* Registered after the namespaces' state, so it exits before it. */
static struct pernet_operations fp_batch_net_ops = {
	.exit = fp_batch_net_exit,
};

/**
 * fp_batch_init() - forget the chain of every generic netlink socket closed
 *
 * Return: 0 or a negative errno.
 */
int fp_batch_init(void)
{
	int err;

	err = register_pernet_subsys(&fp_batch_net_ops);
	if (err)
		return err;
	err = netlink_register_notifier(&fp_batch_notifier);
	if (err)
		unregister_pernet_subsys(&fp_batch_net_ops);
	return err;
}

/**
 * fp_batch_exit() - stop watching sockets and free every chain left
 */
void fp_batch_exit(void)
{
	netlink_unregister_notifier(&fp_batch_notifier);
	unregister_pernet_subsys(&fp_batch_net_ops);
}
