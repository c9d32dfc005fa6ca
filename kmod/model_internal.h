/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the model's own files share; nothing outside kmod/model*.c includes
 * it (model.h is the model's API).  The files, each calling only the ones
 * before it (make lint's layer check):
 *
 *   model_prefix.c     names and prefixes (no state)
 *   model_sku.c        the SKU, bandwidth, link and route limit tables
 *   model.c            the core: lifetime, indexes, accounting, the
 *                      find-or-refuse and add checks, dirty marks, device
 *                      state, reaping
 *   model_circuit.c    circuits and their authorizations
 *   model_vnet.c       vnets and peerings
 *   model_conn.c       connections (a vnet's gateway linked to a circuit)
 *   model_vnet_objs.c  a vnet's endpoints, exceptions and UDRs
 */
#ifndef _FASTPATH_MODEL_INTERNAL_H
#define _FASTPATH_MODEL_INTERNAL_H

#include <linux/lockdep.h>
#include <linux/string.h>

#include "model.h"

#define fp_err(m, extack, fmt, ...) \
	FP_SET_ERR_MSG_FMT(m, extack, fmt, ##__VA_ARGS__)

static inline u64 fp_stamp(struct fp_model *m)
{
	return ++m->seq;
}

static inline void fp_assert_locked(const struct fp_model *m)
{
	lockdep_assert_held(m->lock);
}

/* Is device @ifindex present and up (asks the device code)? */
static inline bool fp_dev_active(const struct fp_model *m, int ifindex)
{
	return ifindex > 0 && m->ops && m->ops->dev_active(m, ifindex);
}

static inline bool fp_prefix_eq(const struct fp_prefix *a,
				const struct fp_prefix *b)
{
	return fp_prefix_cmp(a, b) == 0;
}

/* model_prefix.c */
bool fp_string_valid(const char *s, size_t size);

/* model_sku.c */
const char *fp_sku_name(u8 sku);
bool fp_bandwidth_offered(u32 bw);
u32 fp_port_mbps(u8 port);

/* model.c */
int fp_check_room(struct fp_model *m, const char *what,
		  struct netlink_ext_ack *extack);
void *fp_obj_new(struct fp_model *m, const char *what, size_t size,
		 struct netlink_ext_ack *extack);
int fp_check_name(struct fp_model *m, const char *what, const char *name,
		  struct netlink_ext_ack *extack);
int fp_check_new(struct fp_model *m, const struct fp_index *ix,
		 const char *what, const char *name,
		 struct netlink_ext_ack *extack);
void *fp_exists(struct fp_model *m, void *obj, const char *what,
		const char *name, struct netlink_ext_ack *extack);
u32 fp_obj_add(struct fp_model *m, struct list_head *node,
	       struct list_head *list, unsigned int *count);
void fp_obj_del(struct fp_model *m, struct list_head *node,
		struct list_head *dead, unsigned int *count);
struct fp_peering *fp_peering_find(const struct fp_model *m,
				   const struct fp_vnet *a,
				   const struct fp_vnet *b);

/* The higher of two vnets by address: a peering's key (@hi). */
static inline const struct fp_vnet *fp_peering_hi(const struct fp_vnet *a,
						  const struct fp_vnet *b)
{
	return (uintptr_t)a > (uintptr_t)b ? a : b;
}

void fp_mark_vnet(struct fp_model *m, const struct fp_vnet *v);
void fp_conn_free(struct fp_model *m, struct fp_conn *k);

/* model_circuit.c */
struct fp_auth *fp_auth_match(struct fp_model *m, const struct fp_circuit *c,
			      const u8 *key);

/* model_vnet.c */
bool fp_in_spaces(const struct fp_prefix *spaces, unsigned int n,
		  const struct fp_prefix *p);
struct fp_vnet *fp_link_overlap(struct fp_model *m, const struct fp_vnet *v,
				const struct fp_circuit *circuit,
				const struct fp_prefix *spaces, unsigned int n);

/* The circuit or vnet a request names, or NULL with "... does not exist". */
static inline struct fp_circuit *
fp_circuit_get(struct fp_model *m, const char *name,
	       struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_circuit_find(m, name), "circuit", name, extack);
}

static inline struct fp_vnet *fp_vnet_get(struct fp_model *m, const char *name,
					  struct netlink_ext_ack *extack)
{
	return fp_exists(m, fp_vnet_find(m, name), "vnet", name, extack);
}

#endif /* _FASTPATH_MODEL_INTERNAL_H */
