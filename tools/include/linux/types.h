/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space shim: the system header only; kernel types and APIs come
 * from ../fp_kshim.h, which the other headers here include.
 */
#include_next <linux/types.h>
