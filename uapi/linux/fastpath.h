/* SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause) */
/*
 * fastpath: ExpressRoute FastPath for Linux hosts, generic netlink UAPI.
 *
 * Shared by the kernel module (kmod/) and the user-space tool (tools/fpctl/).
 * Documentation/netlink/specs/fastpath.yaml describes the same family.
 */
#ifndef _UAPI_LINUX_FASTPATH_H
#define _UAPI_LINUX_FASTPATH_H

#define FASTPATH_FAMILY_NAME		"fastpath"
#define FASTPATH_FAMILY_VERSION		1

/* Bumped on every incompatible change of the commands or attributes below. */
#define FASTPATH_UAPI_VERSION		1

#define FASTPATH_MCGRP_CONFIG		"config"

/**
 * enum fastpath_cmd - generic netlink commands of the "fastpath" family
 * @FASTPATH_CMD_UNSPEC: unused
 * @FASTPATH_CMD_INFO_GET: report module and UAPI versions (no privilege needed)
 */
enum fastpath_cmd {
	FASTPATH_CMD_UNSPEC,
	FASTPATH_CMD_INFO_GET,

	/* private: */
	__FASTPATH_CMD_MAX,
	FASTPATH_CMD_MAX = (__FASTPATH_CMD_MAX - 1)
};

/**
 * enum fastpath_a_info - attributes of FASTPATH_CMD_INFO_GET replies
 * @FASTPATH_A_INFO_UNSPEC: unused
 * @FASTPATH_A_INFO_MODULE_VERSION: module version (NUL-terminated string)
 * @FASTPATH_A_INFO_UAPI_VERSION: FASTPATH_UAPI_VERSION of the module (u32)
 * @FASTPATH_A_INFO_KERNEL_RELEASE: release of the running kernel (string)
 */
enum fastpath_a_info {
	FASTPATH_A_INFO_UNSPEC,
	FASTPATH_A_INFO_MODULE_VERSION,
	FASTPATH_A_INFO_UAPI_VERSION,
	FASTPATH_A_INFO_KERNEL_RELEASE,

	/* private: */
	__FASTPATH_A_INFO_MAX,
	FASTPATH_A_INFO_MAX = (__FASTPATH_A_INFO_MAX - 1)
};

#endif /* _UAPI_LINUX_FASTPATH_H */
