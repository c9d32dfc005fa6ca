/* SPDX-License-Identifier: GPL-2.0 */
/*
 * All differences between the supported kernel lines (6.1, 6.12, 7.x) live
 * here, so that the .c files are written against one API.
 */
#ifndef _FASTPATH_COMPAT_H
#define _FASTPATH_COMPAT_H

#include <linux/version.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/netlink.h>

/*
 * The route trie frees the objects of its slab cache (host blocks) with
 * kvfree() like all its others: kfree() takes objects of any cache with
 * SLUB and SLAB, as documented since 6.4, but not with SLOB (gone in 6.4).
 */
#if IS_ENABLED(CONFIG_SLOB)
#error "fastpath needs SLUB or SLAB: it kvfree()s objects of a slab cache"
#endif

/*
 * Symbols the KUnit module (fastpath_kunit.ko) calls are exported into a
 * namespace of their own, and only when the kernel has KUnit.  Since 6.13
 * the namespace argument is a string literal rather than an identifier.
 */
#if IS_ENABLED(CONFIG_KUNIT)
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define FP_EXPORT_FOR_KUNIT(sym)	EXPORT_SYMBOL_NS_GPL(sym, "FASTPATH_KUNIT")
#define FP_IMPORT_FOR_KUNIT()		MODULE_IMPORT_NS("FASTPATH_KUNIT")
#else
#define FP_EXPORT_FOR_KUNIT(sym)	EXPORT_SYMBOL_NS_GPL(sym, FASTPATH_KUNIT)
#define FP_IMPORT_FOR_KUNIT()		MODULE_IMPORT_NS(FASTPATH_KUNIT)
#endif
#else
#define FP_EXPORT_FOR_KUNIT(sym)
#define FP_IMPORT_FOR_KUNIT()
#endif

/*
 * KUnit test attributes (6.6): a case marked slow is left out (reported as
 * skipped) with "kunit.filter=speed>slow kunit.filter_action=skip" on the
 * kernel command line, which the later kernel lines of make check use for
 * the long randomized cases (tools/testing/qemu/check.sh).  Older kernels
 * have neither the mark nor the filter, and run every case.  Test files
 * include <kunit/test.h> before this header.
 */
#if defined(KUNIT_CASE) && !defined(KUNIT_CASE_SLOW)
#define KUNIT_CASE_SLOW(test_name)	KUNIT_CASE(test_name)
#endif

/*
 * Formatted extack messages: NL_SET_ERR_MSG_FMT_MOD appeared in 6.2.  On
 * older kernels the text is formatted into @buf, which the caller keeps
 * alive until the ack is sent (a per-namespace buffer under the namespace
 * lock: a concurrent failing request in the same namespace can overwrite
 * the text, never overrun it).
 */
#ifdef NL_SET_ERR_MSG_FMT_MOD
#define FP_NL_SET_ERR_MSG_FMT(buf, len, extack, fmt, ...)		\
	NL_SET_ERR_MSG_FMT_MOD(extack, fmt, ##__VA_ARGS__)
#else
#define FP_NL_SET_ERR_MSG_FMT(buf, len, extack, fmt, ...)		\
	do {								\
		struct netlink_ext_ack *__ea = (extack);		\
		char *__buf = (buf);					\
		if (__ea) {						\
			snprintf(__buf, len, KBUILD_MODNAME ": " fmt,	\
				 ##__VA_ARGS__);			\
			__ea->_msg = __buf;				\
		}							\
	} while (0)
#endif

/*
 * The family's policies and operation table are generated from the YNL
 * spec (nl_gen.c, tools/testing/ynl-gen.sh) as an array of split ops, one
 * per do and per dump, each with its own policy and pre_doit: the form
 * 6.2 introduced.  6.1 registers struct genl_ops (do and dump of a command
 * in one entry, one pre_doit for the family): there the generated table
 * is built as struct fp_split_ops, whose members are the ones the
 * generator fills, and fp_netlink_init() turns it into genl_ops
 * (FP_HAVE_SPLIT_OPS unset).  6.1 also lacks NLA_POLICY_MAX_LEN() and
 * points to a policy's range without const, which the generated ranges
 * are: its NLA_POLICY_FULL_RANGE() is redefined with a cast.
 */
#ifdef __KERNEL__
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define FP_HAVE_SPLIT_OPS	1
#else
#include <net/genetlink.h>

struct fp_split_ops {
	u8 cmd;
	u8 flags;
	int (*pre_doit)(const struct fp_split_ops *ops, struct sk_buff *skb,
			struct genl_info *info);
	int (*doit)(struct sk_buff *skb, struct genl_info *info);
	int (*start)(struct netlink_callback *cb);
	int (*dumpit)(struct sk_buff *skb, struct netlink_callback *cb);
	int (*done)(struct netlink_callback *cb);
	const struct nla_policy *policy;
	unsigned int maxattr;
};

#define genl_split_ops		fp_split_ops

/* The same as 6.1's, but for the cast: validation only reads the range. */
#undef NLA_POLICY_FULL_RANGE
#define NLA_POLICY_FULL_RANGE(tp, _range) {				\
	.type = NLA_ENSURE_UINT_OR_BINARY_TYPE(tp),			\
	.validation_type = NLA_VALIDATE_RANGE_PTR,			\
	.range = (struct netlink_range_validation *)(_range),		\
}
#endif

#ifndef NLA_POLICY_MAX_LEN
#define NLA_POLICY_MAX_LEN(_len)	NLA_POLICY_MAX(NLA_BINARY, _len)
#endif
#endif /* __KERNEL__ */

/*
 * The rest is the data path's: the user-space trie tests (tools/trie-test,
 * tools/stress, tools/fuzz) build trie.c over a shim without it.
 */
#ifdef __KERNEL__

/*
 * The data path's view of devices (datapath.c).
 *
 * fp_dev_is_veth(): a veth, whose peer the data path may deliver into.
 * fp_nit_active(): a packet tap (tcpdump) would see what @dev transmits.
 * fp_veth_tx_account(): count a packet delivered into @dev's veth peer on
 *	@dev as veth_xmit() counts it (its TX, the peer's RX).
 */
#include <linux/netdevice.h>
#include <linux/string.h>
#include <net/rtnetlink.h>

static inline bool fp_dev_is_veth(const struct net_device *dev)
{
	return dev->rtnl_link_ops && !strcmp(dev->rtnl_link_ops->kind, "veth");
}

static inline bool fp_nit_active(struct net_device *dev)
{
	return dev_nit_active(dev);
}

static inline void fp_veth_tx_account(struct net_device *dev,
				      unsigned int len)
{
	/* veth counts in tstats on every supported line (6.1.y backports) */
	if (dev->pcpu_stat_type == NETDEV_PCPU_STAT_TSTATS)
		dev_sw_netstats_tx_add(dev, 1, len);
}

/* skb_gso_validate_network_len() moved to <net/gso.h> in 6.5. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 5, 0)
#include <net/gso.h>
#endif

/*
 * IPv6 neighbours: the data path resolves them in nd_tbl, which exists
 * only when IPv6 is built in (Debian) and enabled (not ipv6.disable=1);
 * 7.1 removed the ipv6_stub indirection, so nd_tbl is used directly.
 * fp_nd_lookup() and fp_nd_create() return %NULL when there is no table.
 */
#include <net/ndisc.h>

static inline struct neighbour *fp_nd_lookup(struct net_device *dev,
					     const void *addr)
{
#if IS_BUILTIN(CONFIG_IPV6)
	if (ipv6_mod_enabled())
		return __ipv6_neigh_lookup_noref(dev, addr);
#endif
	return NULL;
}

static inline struct neighbour *fp_nd_create(struct net_device *dev,
					     const void *addr)
{
#if IS_BUILTIN(CONFIG_IPV6)
	if (ipv6_mod_enabled())
		return __neigh_create(&nd_tbl, addr, dev, false);
#endif
	return NULL;
}

#endif /* __KERNEL__ */

#endif /* _FASTPATH_COMPAT_H */
