// SPDX-License-Identifier: GPL-2.0
/*
 * A module whose init reads an RCU-protected pointer with rcu_dereference()
 * outside any read-side critical section: PROVE_RCU must report
 * "suspicious RCU usage" and the run must turn red.
 */
#include <linux/module.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

struct fp_rcu_obj {
	int value;
};

static struct fp_rcu_obj __rcu *fp_rcu_ptr;

static int __init fp_rcu_init(void)
{
	struct fp_rcu_obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	if (!o)
		return -ENOMEM;
	rcu_assign_pointer(fp_rcu_ptr, o);
	/* The planted defect: no rcu_read_lock() around this. */
	pr_info("fp_rcu: value %d\n", rcu_dereference(fp_rcu_ptr)->value);
	return 0;
}

static void __exit fp_rcu_exit(void)
{
	kfree(rcu_dereference_protected(fp_rcu_ptr, 1));
}

module_init(fp_rcu_init);
module_exit(fp_rcu_exit);
MODULE_LICENSE("GPL");
