/* SPDX-License-Identifier: GPL-2.0 */
/* User-space shim: see ../fp_kshim.h */
#include "../fp_kshim.h"
