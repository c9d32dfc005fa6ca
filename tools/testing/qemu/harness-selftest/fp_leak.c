// SPDX-License-Identifier: GPL-2.0
/* A module that leaks: kmemleak must report the lost objects. */
#include <linux/module.h>
#include <linux/slab.h>

static int __init fp_leak_init(void)
{
	int i;

	for (i = 0; i < 8; i++) {
		void *p = kmalloc(256, GFP_KERNEL);

		if (p)
			memset(p, 0x5a, 256);
		/* ... and forget p. */
	}
	return 0;
}

module_init(fp_leak_init);
MODULE_LICENSE("GPL");
