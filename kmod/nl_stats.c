// SPDX-License-Identifier: GPL-2.0
/*
 * STATS_GET: the per-CPU counters of every circuit and connection, one
 * nested FASTPATH_A_STATS_COUNTER per &enum fastpath_reason, summed over
 * all CPUs when they are read.
 *
 * Like "ip -s link", reading counters needs no privilege; there is no
 * reset: the counters of an object start at zero when it is created and
 * only grow, so that two readers never disagree about what a value means.
 */
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "compat.h"
#include "counters.h"
#include "fastpath.h"
#include "model.h"
#include "netlink.h"

/* Name and eleven nests of reason, packets and bytes: about 500 bytes. */
#define FP_NL_STATS_SIZE	NLMSG_DEFAULT_SIZE

/**
 * fp_nl_stats_fill() - add the counters of one object to a message
 * @skb: the message
 * @type: FASTPATH_A_STATS_CIRCUIT or FASTPATH_A_STATS_CONN
 * @name: the object's name
 * @vals: its counters, summed over all CPUs
 *
 * Every reason is reported, zero or not, in the order of
 * &enum fastpath_reason.  64-bit values are padded with
 * FASTPATH_A_COUNTER_PAD so that they are aligned on every architecture.
 *
 * Return: 0, or -EMSGSIZE if @skb is full (cancel the message).
 */
int fp_nl_stats_fill(struct sk_buff *skb, u16 type, const char *name,
		     const struct fp_counter_vals *vals)
{
	struct nlattr *nest;
	unsigned int r;

	if (nla_put_string(skb, type, name))
		return -EMSGSIZE;
	for (r = 0; r < FP_NREASONS; r++) {
		nest = nla_nest_start(skb, FASTPATH_A_STATS_COUNTER);
		if (!nest ||
		    nla_put_u32(skb, FASTPATH_A_COUNTER_REASON, r) ||
		    nla_put_u64_64bit(skb, FASTPATH_A_COUNTER_PACKETS,
				      vals->pkts[r], FASTPATH_A_COUNTER_PAD) ||
		    nla_put_u64_64bit(skb, FASTPATH_A_COUNTER_BYTES,
				      vals->bytes[r], FASTPATH_A_COUNTER_PAD))
			return -EMSGSIZE;
		nla_nest_end(skb, nest);
	}
	return 0;
}

FP_EXPORT_FOR_KUNIT(fp_nl_stats_fill);

static int fp_nl_circuit_stats_fill(struct sk_buff *skb,
				    const struct fp_model *m, const void *obj)
{
	const struct fp_circuit *c = obj;
	struct fp_counter_vals vals;

	fp_counters_fold(c->counters, &vals);
	return fp_nl_stats_fill(skb, FASTPATH_A_STATS_CIRCUIT, c->name, &vals);
}

static const void *fp_nl_circuit_stats_find(const struct fp_model *m,
					    const struct fp_nl_key *k)
{
	return fp_circuit_find(m, k->name);
}

static int fp_nl_conn_stats_fill(struct sk_buff *skb,
				 const struct fp_model *m, const void *obj)
{
	const struct fp_conn *k = obj;
	struct fp_counter_vals vals;

	fp_counters_fold(k->counters, &vals);
	return fp_nl_stats_fill(skb, FASTPATH_A_STATS_CONN, k->name, &vals);
}

static const void *fp_nl_conn_stats_find(const struct fp_model *m,
					 const struct fp_nl_key *k)
{
	return fp_conn_find(m, k->name);
}

/* The objects with counters, in the order a dump sends them. */
static const struct fp_nl_obj fp_nl_stats_objs[] = {
	{
		.name = "circuit",
		.cmd_get = FASTPATH_CMD_STATS_GET,
		.name_attr = FASTPATH_A_STATS_CIRCUIT,
		.list = offsetof(struct fp_model, circuits),
		.node = offsetof(struct fp_circuit, node),
		.id = offsetof(struct fp_circuit, id),
		.fill = fp_nl_circuit_stats_fill,
		.find = fp_nl_circuit_stats_find,
	},
	{
		.name = "connection",
		.cmd_get = FASTPATH_CMD_STATS_GET,
		.name_attr = FASTPATH_A_STATS_CONN,
		.list = offsetof(struct fp_model, conns),
		.node = offsetof(struct fp_conn, node),
		.id = offsetof(struct fp_conn, id),
		.fill = fp_nl_conn_stats_fill,
		.find = fp_nl_conn_stats_find,
	},
};

/**
 * fp_nl_stats_get() - STATS_GET (do): the counters of one object
 * @skb: the request
 * @info: names a circuit (FASTPATH_A_STATS_CIRCUIT) or a connection
 *	(FASTPATH_A_STATS_CONN), not both
 *
 * Return: 0 after replying, or a negative errno with an extack message.
 */
int fp_nl_stats_get(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *circuit = info->attrs[FASTPATH_A_STATS_CIRCUIT];
	struct nlattr *conn = info->attrs[FASTPATH_A_STATS_CONN];
	const struct fp_nl_obj *d;
	struct fp_nl_key k = {};
	struct fp_net *fpn;
	const void *obj;
	int err;

	if (circuit && conn) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "stats of a circuit or of a connection, not both");
		NL_SET_BAD_ATTR(info->extack, conn);
		return -EINVAL;
	}
	if (!circuit && !conn) {
		NL_SET_ERR_MSG_MOD(info->extack,
				   "missing stats circuit or connection");
		return -EINVAL;
	}
	d = &fp_nl_stats_objs[circuit ? 0 : 1];
	k.name = nla_data(info->attrs[d->name_attr]);

	fpn = fp_nl_net(info);
	obj = d->find(&fpn->model, &k);
	if (obj) {
		err = fp_nl_reply(info, &fpn->model, d->fill, obj,
				  FP_NL_STATS_SIZE);
	} else {
		FP_SET_ERR_MSG_FMT(&fpn->model, info->extack,
				   "%s %s does not exist", d->name, k.name);
		NL_SET_BAD_ATTR(info->extack, info->attrs[d->name_attr]);
		err = -ENOENT;
	}
	return err;
}

/**
 * fp_nl_stats_dump() - STATS_GET (dump): every circuit, then every connection
 * @skb: the dump buffer
 * @cb: the dump; cb->args[0] indexes the object type being sent and
 *	cb->args[1] holds the next id of that type
 *
 * Return: see fp_nl_dump_ret().
 */
int fp_nl_stats_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct fp_net *fpn = fp_nl_dump_lock(skb);
	const struct fp_nl_obj *d;
	int err = 0;

	for (; cb->args[0] < ARRAY_SIZE(fp_nl_stats_objs); cb->args[0]++) {
		d = &fp_nl_stats_objs[cb->args[0]];
		err = fp_nl_dump_list(skb, cb, fpn, d,
				      (const void *)((const char *)&fpn->model +
						     d->list),
				      &cb->args[1]);
		if (err)
			break;
		cb->args[1] = 0;
	}
	fp_nl_dump_unlock(fpn);
	return fp_nl_dump_ret(skb, err);
}
