// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath: ExpressRoute FastPath for Linux hosts.
 *
 * Module init and exit.  Each step of the init ladder is undone by the exit
 * path in exactly the reverse order.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <net/genetlink.h>
#include <linux/fastpath.h>

#include "fastpath.h"

static int __init fastpath_init(void)
{
	int err;

	/* Before any route table: the slab cache of their host blocks. */
	err = fp_trie_module_init();
	if (err)
		goto err_trie;

	/* Namespaces going away queue their tables' frees on it. */
	err = fp_pub_module_init();
	if (err)
		goto err_pub;

	err = fp_pernet_init();
	if (err)
		goto err_pernet;

	/* After the namespaces' state: the notifier replays every device. */
	err = fp_devices_init();
	if (err)
		goto err_devices;

	/* Before the family: no ordered batch may outlive its socket. */
	err = fp_batch_init();
	if (err)
		goto err_batch;

	/* Last: user space can reach us as soon as the family exists. */
	err = fp_netlink_init();
	if (err)
		goto err_netlink;

	pr_info("version %s loaded (uapi %u)\n", FASTPATH_VERSION,
		FASTPATH_UAPI_VERSION);
	return 0;

err_netlink:
	fp_batch_exit();
err_batch:
	fp_devices_exit();
err_devices:
	fp_pernet_exit();
err_pernet:
	fp_pub_module_exit();
err_pub:
	fp_trie_module_exit();
err_trie:
	return err;
}

static void __exit fastpath_exit(void)
{
	fp_netlink_exit();
	fp_batch_exit();
	/* Replays NETDEV_UNREGISTER: every device reference is dropped. */
	fp_devices_exit();
	fp_pernet_exit();
	/*
	 * The wait of the unload: every object freed after a grace period
	 * (call_rcu, kfree_rcu, rcu_work) is freed before this returns.
	 */
	fp_pub_module_exit();
	/* Its own rcu_barrier() finds nothing left to wait for, normally. */
	fp_trie_module_exit();
}

module_init(fastpath_init);
module_exit(fastpath_exit);

MODULE_LICENSE("GPL");
MODULE_AUTHOR("fastpath developers");
MODULE_DESCRIPTION("ExpressRoute FastPath: bypass the gateway for eligible traffic");
MODULE_VERSION(FASTPATH_VERSION);
MODULE_ALIAS_GENL_FAMILY(FASTPATH_FAMILY_NAME);
