// SPDX-License-Identifier: GPL-2.0
/*
 * A module whose init takes two mutexes in both orders (an AB-BA inversion
 * that cannot deadlock here, one thread): lockdep must report "possible
 * circular locking dependency" and the run must turn red.
 */
#include <linux/module.h>
#include <linux/mutex.h>

static DEFINE_MUTEX(fp_lock_a);
static DEFINE_MUTEX(fp_lock_b);

static int __init fp_lockdep_init(void)
{
	mutex_lock(&fp_lock_a);
	mutex_lock(&fp_lock_b);
	mutex_unlock(&fp_lock_b);
	mutex_unlock(&fp_lock_a);

	mutex_lock(&fp_lock_b);
	mutex_lock(&fp_lock_a);
	mutex_unlock(&fp_lock_a);
	mutex_unlock(&fp_lock_b);
	return 0;
}

static void __exit fp_lockdep_exit(void)
{
}

module_init(fp_lockdep_init);
module_exit(fp_lockdep_exit);
MODULE_LICENSE("GPL");
