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

#endif /* _FASTPATH_COMPAT_H */
