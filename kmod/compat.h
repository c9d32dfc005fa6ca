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

#endif /* _FASTPATH_COMPAT_H */
