// SPDX-License-Identifier: GPL-2.0
/* State of tools/include/fp_kshim.h. */
#include "fp_kshim.h"

unsigned long fp_shim_fail_nth;
unsigned long fp_shim_allocs;
bool fp_shim_rcu_inline;
