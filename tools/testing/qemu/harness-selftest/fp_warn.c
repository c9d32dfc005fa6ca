// SPDX-License-Identifier: GPL-2.0
/* A module whose init WARNs: with panic_on_warn the guest must die. */
#include <linux/module.h>
#include <linux/bug.h>

static int __init fp_warn_init(void)
{
	WARN(1, "fastpath harness self-test: deliberate WARN\n");
	return 0;
}

static void __exit fp_warn_exit(void)
{
}

module_init(fp_warn_init);
module_exit(fp_warn_exit);
MODULE_LICENSE("GPL");
