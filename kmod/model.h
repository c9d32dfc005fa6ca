/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath configuration model: the objects of one network namespace
 * (circuits, authorizations, vnets, peerings, endpoints, connections,
 * exceptions, UDRs) and the rules that keep them consistent.  No netlink
 * and no netdevice code lives here; Documentation/model.rst describes every
 * object and rule.
 */
#ifndef _FASTPATH_MODEL_H
#define _FASTPATH_MODEL_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/uuid.h>
#include <linux/if_ether.h>
#include <linux/bits.h>
#include <linux/netlink.h>

#include "compat.h"
#include "name_index.h"

struct fp_counters;

/* Names: 1..15 printable non-blank ASCII characters, like IFNAMSIZ. */
#define FP_NAME_LEN		16
#define FP_REGION_LEN		32
#define FP_KEY_LEN		16

#define FP_MAX_SPACES_LINK	200	/* address spaces when linking */
#define FP_MAX_SPACES		1000	/* address spaces of a vnet */
#define FP_MAX_VNET_CIRCUITS	16	/* circuits a vnet links to */
#define FP_MAX_PEERINGS		500	/* peerings of one vnet */
#define FP_MAX_AUTHS		1000	/* authorizations per circuit */
#define FP_MAX_SCALE_UNITS	40	/* ErGwScale units */
#define FP_MAX_ROUTE_LIMIT	16777216	/* route limit override */
#define FP_MAX_OBJECTS		2097152	/* objects per namespace */

#define FP_ROUTE_LIMIT_PROVIDER	25000
#define FP_ROUTE_LIMIT_10G	100000
#define FP_ROUTE_LIMIT_100G	200000

/* Longest extack message (the kernel's NETLINK_MAX_FMTMSG_LEN). */
#define FP_ERRMSG_LEN		80

/**
 * struct fp_prefix - an IPv4 or IPv6 prefix
 * @addr: network byte order; IPv4 uses the first 4 bytes, the rest is 0.
 *	Host bits are always 0 (the model refuses non-canonical prefixes).
 * @len: prefix length, 0..32 or 0..128
 * @family: AF_INET or AF_INET6
 */
struct fp_prefix {
	u8 addr[16];
	u8 len;
	u8 family;
};

enum fp_tier {
	FP_TIER_STANDARD,
	FP_TIER_PREMIUM,
	__FP_TIER_MAX
};

enum fp_port {
	FP_PORT_NONE,		/* provider circuit */
	FP_PORT_10G,		/* ExpressRoute Direct 10 Gbit/s port */
	FP_PORT_100G,		/* ExpressRoute Direct 100 Gbit/s port */
	__FP_PORT_MAX
};

enum fp_sku {
	FP_SKU_NONE,		/* no gateway */
	FP_SKU_STANDARD,
	FP_SKU_HIGH_PERFORMANCE,
	FP_SKU_ULTRA_PERFORMANCE,
	FP_SKU_ERGW1AZ,
	FP_SKU_ERGW2AZ,
	FP_SKU_ERGW3AZ,
	FP_SKU_ERGWSCALE,
	__FP_SKU_MAX
};

enum fp_exc_kind {
	FP_EXC_PRIVATE_ENDPOINT,
	FP_EXC_INTERNAL_LB,
	FP_EXC_BASIC_LB,
	FP_EXC_DNS_RESOLVER,
	FP_EXC_CROSS_REGION,
	FP_EXC_MANUAL,
	FP_EXC_SPOKE,		/* implicit only: a spoke's address space */
	__FP_EXC_MAX
};

#define FP_CONN_F_FASTPATH	BIT(0)
#define FP_CONN_F_PEERING	BIT(1)
#define FP_CONN_F_UDR		BIT(2)
#define FP_CONN_F_PRIVATE_LINK	BIT(3)
#define FP_CONN_F_ALL		0xfU

/**
 * struct fp_circuit - an ExpressRoute circuit: one uplink device
 * @node: in &fp_model.circuits
 * @hnode: in &fp_model.circuit_names
 * @id: unique, never reused, in this namespace
 * @stamp: model sequence number of the last change that can add IPv6
 *	routes (a Direct port)
 * @name: unique name
 * @subscription: owner's subscription (fixed at creation)
 * @ifindex: uplink device, 0 for none (the device code owns the device)
 * @active: uplink present and up (set by the device code)
 * @tier: &enum fp_tier
 * @port: &enum fp_port
 * @bandwidth: Mbit/s, one of the ExpressRoute bandwidths
 * @route_limit: override of the route limit, 0 for the default
 * @n_links: connections (vnet links) on this circuit
 * @n_auths: authorizations of this circuit
 * @dirty: compiled tables may be stale (see fp_model_next_dirty())
 * @pub: its published data-path tables (publish.c), or NULL
 * @counters: packets seen on this circuit, per &enum fastpath_reason
 * @rcu: the circuit and @counters are freed after a grace period, so the
 *	data path may use them under rcu_read_lock().  A deleted circuit
 *	waits on &fp_model.dead_circuits until its tables are unpublished
 *	(fp_model_reap()).
 */
struct fp_circuit {
	struct list_head node;
	struct fp_hnode hnode;
	u32 id;
	u64 stamp;
	char name[FP_NAME_LEN];
	uuid_t subscription;
	int ifindex;
	bool active;
	u8 tier;
	u8 port;
	u32 bandwidth;
	u32 route_limit;
	unsigned int n_links;
	unsigned int n_auths;
	bool dirty;
	void *pub;
	struct fp_counters __percpu *counters;
	struct rcu_head rcu;
};

struct fp_conn;

/**
 * struct fp_auth - a circuit authorization
 * @node: in &fp_model.auths
 * @hnode: in &fp_model.auth_names, scope its circuit
 * @id: unique id
 * @name: name, unique within its circuit
 * @circuit: the circuit it authorizes
 * @key: secret key; never leaves the kernel except once, at creation
 * @redeemed_by: connection created with it, or NULL
 */
struct fp_auth {
	struct list_head node;
	struct fp_hnode hnode;
	u32 id;
	char name[FP_NAME_LEN];
	struct fp_circuit *circuit;
	u8 key[FP_KEY_LEN];
	struct fp_conn *redeemed_by;
};

/**
 * struct fp_vnet - a virtual network with its ExpressRoute gateway
 * @node: in &fp_model.vnets
 * @hnode: in &fp_model.vnet_names
 * @id: unique id
 * @stamp: model sequence number of the last change that can add routes
 *	(gateway SKU: IPv6; region: spokes)
 * @name: unique name
 * @subscription: owner's subscription (fixed at creation)
 * @region: region name
 * @sku: gateway &enum fp_sku, FP_SKU_NONE for no gateway
 * @units: scale units, ErGwScale only (else 0)
 * @n_spaces: number of address spaces
 * @spaces: address spaces
 * @endpoints: its &struct fp_endpoint
 * @exceptions: its &struct fp_exception
 * @udrs: its &struct fp_udr
 * @n_conns: connections (one per circuit)
 * @n_peers: peerings
 * @n_objs: endpoints + exceptions + UDRs
 */
struct fp_vnet {
	struct list_head node;
	struct fp_hnode hnode;
	u32 id;
	u64 stamp;
	char name[FP_NAME_LEN];
	uuid_t subscription;
	char region[FP_REGION_LEN];
	u8 sku;
	u8 units;
	unsigned int n_spaces;
	struct fp_prefix *spaces;
	struct list_head endpoints;
	struct list_head exceptions;
	struct list_head udrs;
	unsigned int n_conns;
	unsigned int n_peers;
	unsigned int n_objs;
};

/**
 * struct fp_peering - a (symmetric) vnet peering
 * @node: in &fp_model.peerings
 * @hnode: in &fp_model.peering_pairs, scoped by the lower of @a and @b
 * @a: one vnet
 * @b: the other
 * @hi: the higher of @a and @b (by address): the index's key
 * @stamp: model sequence number at creation
 */
struct fp_peering {
	struct list_head node;
	struct fp_hnode hnode;
	struct fp_vnet *a, *b;
	const struct fp_vnet *hi;
	u64 stamp;
};

/**
 * struct fp_endpoint - a VM NIC
 * @node: in &fp_vnet.endpoints
 * @hnode: in &fp_model.ep_names
 * @pnode: in &fp_model.ep_prefixes, scope its vnet
 * @id: unique id
 * @stamp: model sequence number at creation or last prefix change
 * @name: unique name
 * @vnet: its vnet
 * @prefix: its address, inside one of the vnet's address spaces
 * @ifindex: target device (tap/veth), 0 for none
 * @active: device present and up (set by the device code)
 * @has_mac: @mac is set; else the device's neighbour table is used
 * @mac: static destination MAC
 * @n_udrs: UDRs using it as next hop
 */
struct fp_endpoint {
	struct list_head node;
	struct fp_hnode hnode;
	struct fp_hnode pnode;
	u32 id;
	u64 stamp;
	char name[FP_NAME_LEN];
	struct fp_vnet *vnet;
	struct fp_prefix prefix;
	int ifindex;
	bool active;
	bool has_mac;
	u8 mac[ETH_ALEN];
	unsigned int n_udrs;
};

/**
 * struct fp_conn - a gateway connection (vnet link) to a circuit
 * @node: in &fp_model.conns
 * @hnode: in &fp_model.conn_names (not once deleted)
 * @id: unique id
 * @fp_stamp: model sequence number when fastpath was turned on
 * @peering_stamp: same for peering
 * @udr_stamp: same for udr
 * @name: unique name
 * @circuit: the circuit
 * @vnet: the vnet
 * @flags: FP_CONN_F_*
 * @auth: authorization redeemed to create it, or NULL
 * @counters: packets routed by this connection's routes, per
 *	&enum fastpath_reason
 * @rcu: freed after a grace period, like &struct fp_circuit (a deleted
 *	connection waits on &fp_model.dead_conns, @node reused)
 */
struct fp_conn {
	struct list_head node;
	struct fp_hnode hnode;
	u32 id;
	u64 fp_stamp;
	u64 peering_stamp;
	u64 udr_stamp;
	char name[FP_NAME_LEN];
	struct fp_circuit *circuit;
	struct fp_vnet *vnet;
	u32 flags;
	struct fp_auth *auth;
	struct fp_counters __percpu *counters;
	struct rcu_head rcu;
};

/**
 * struct fp_exception - traffic to @prefix goes to the gateway
 * @node: in &fp_vnet.exceptions
 * @pnode: in &fp_model.exc_prefixes, scope its vnet
 * @id: unique id
 * @vnet: the vnet it lives in
 * @prefix: the prefix, unique within @vnet
 * @kind: &enum fp_exc_kind (never FP_EXC_SPOKE)
 */
struct fp_exception {
	struct list_head node;
	struct fp_hnode pnode;
	u32 id;
	struct fp_vnet *vnet;
	struct fp_prefix prefix;
	u8 kind;
};

/**
 * struct fp_udr - a user-defined route on a vnet's gateway subnet
 * @node: in &fp_vnet.udrs
 * @pnode: in &fp_model.udr_prefixes, scope its vnet
 * @id: unique id
 * @stamp: model sequence number at creation or last change
 * @vnet: the vnet whose gateway subnet carries it
 * @prefix: IPv4 destination, unique within @vnet
 * @nexthop: the NVA endpoint, in @vnet or a vnet peered with it
 */
struct fp_udr {
	struct list_head node;
	struct fp_hnode pnode;
	u32 id;
	u64 stamp;
	struct fp_vnet *vnet;
	struct fp_prefix prefix;
	struct fp_endpoint *nexthop;
};

struct fp_model;

/**
 * struct fp_model_ops - what the model asks of the rest of the module
 * @dev_active: is device @ifindex of the model's namespace present and up
 *	(called under the model's lock; must not take RTNL)
 */
struct fp_model_ops {
	bool (*dev_active)(const struct fp_model *m, int ifindex);
};

/**
 * struct fp_model - every object of one network namespace
 * @lock: the namespace's configuration mutex, held by every caller
 * @ops: device queries, or NULL (objects then start inactive)
 * @circuits: &struct fp_circuit, in creation order
 * @auths: &struct fp_auth, in creation order
 * @vnets: &struct fp_vnet, in creation order
 * @peerings: &struct fp_peering, in creation order
 * @conns: &struct fp_conn, in creation order
 * @dead_circuits: deleted circuits, freed by fp_model_reap()
 * @dead_conns: deleted connections, freed by fp_model_reap()
 * @circuit_names: circuits by name
 * @auth_names: authorizations by (circuit, name)
 * @vnet_names: vnets by name
 * @conn_names: connections by name
 * @ep_names: endpoints by name
 * @ep_prefixes: endpoints by (vnet, prefix)
 * @exc_prefixes: exceptions by (vnet, prefix)
 * @udr_prefixes: UDRs by (vnet, prefix)
 * @peering_pairs: peerings by their two vnets (fp_peering_find())
 * @n_circuits: number of circuits
 * @n_vnets: number of vnets
 * @n_conns: number of connections
 * @n_objects: every object counted against FP_MAX_OBJECTS
 * @next_id: next object id
 * @seq: stamp source, incremented by every change that can add routes
 * @errmsg: extack text on kernels without NL_SET_ERR_MSG_FMT
 */
struct fp_model {
	struct mutex *lock;	/* the namespace's configuration mutex */
	const struct fp_model_ops *ops;
	struct list_head circuits;
	struct list_head auths;
	struct list_head vnets;
	struct list_head peerings;
	struct list_head conns;
	struct list_head dead_circuits;
	struct list_head dead_conns;
	struct fp_index circuit_names;
	struct fp_index auth_names;
	struct fp_index vnet_names;
	struct fp_index conn_names;
	struct fp_index ep_names;
	struct fp_index ep_prefixes;
	struct fp_index exc_prefixes;
	struct fp_index udr_prefixes;
	struct fp_index peering_pairs;
	unsigned int n_circuits;
	unsigned int n_vnets;
	unsigned int n_conns;
	unsigned int n_objects;
	u32 next_id;
	u64 seq;
	char errmsg[FP_ERRMSG_LEN];
};

/* Formatted extack message; on 6.1 the text lives in @m->errmsg. */
#define FP_SET_ERR_MSG_FMT(m, extack, fmt, ...)				\
	FP_NL_SET_ERR_MSG_FMT((m)->errmsg, FP_ERRMSG_LEN, extack, fmt,	\
			      ##__VA_ARGS__)

/* Field masks for the *_set() functions: which fields of the cfg apply. */
#define FP_CIRCUIT_SET_IFINDEX		BIT(0)
#define FP_CIRCUIT_SET_TIER		BIT(1)
#define FP_CIRCUIT_SET_PORT		BIT(2)
#define FP_CIRCUIT_SET_BANDWIDTH	BIT(3)
#define FP_CIRCUIT_SET_ROUTE_LIMIT	BIT(4)

/**
 * struct fp_circuit_cfg - attributes of a circuit add or set
 * @name: the circuit
 * @mask: FP_CIRCUIT_SET_* (set only; add uses every field)
 * @subscription: add only
 * @ifindex: uplink device or 0
 * @tier: &enum fp_tier
 * @port: &enum fp_port
 * @bandwidth: Mbit/s
 * @route_limit: override, 0 for the default of the port
 */
struct fp_circuit_cfg {
	const char *name;
	u32 mask;
	uuid_t subscription;
	int ifindex;
	u8 tier;
	u8 port;
	u32 bandwidth;
	u32 route_limit;
};

#define FP_VNET_SET_REGION	BIT(0)
#define FP_VNET_SET_SKU		BIT(1)	/* sku and units together */
#define FP_VNET_SET_SPACES	BIT(2)	/* replace the whole list */

/**
 * struct fp_vnet_cfg - attributes of a vnet add or set
 * @name: the vnet
 * @mask: FP_VNET_SET_* (set only; add uses every field)
 * @subscription: add only
 * @region: region name
 * @sku: &enum fp_sku
 * @units: ErGwScale units, else 0
 * @n_spaces: number of entries in @spaces
 * @spaces: address spaces (copied)
 */
struct fp_vnet_cfg {
	const char *name;
	u32 mask;
	uuid_t subscription;
	const char *region;
	u8 sku;
	u8 units;
	unsigned int n_spaces;
	const struct fp_prefix *spaces;
};

#define FP_EP_SET_PREFIX	BIT(0)
#define FP_EP_SET_IFINDEX	BIT(1)
#define FP_EP_SET_MAC		BIT(2)

/**
 * struct fp_endpoint_cfg - attributes of an endpoint add or set
 * @name: the endpoint
 * @mask: FP_EP_SET_* (set only; add uses every field)
 * @vnet: vnet name (add only)
 * @prefix: address
 * @ifindex: device or 0
 * @has_mac: @mac is given (set: false clears it)
 * @mac: static MAC
 */
struct fp_endpoint_cfg {
	const char *name;
	u32 mask;
	const char *vnet;
	struct fp_prefix prefix;
	int ifindex;
	bool has_mac;
	u8 mac[ETH_ALEN];
};

/**
 * struct fp_conn_cfg - attributes of a connection add
 * @name: the connection
 * @circuit: circuit name
 * @vnet: vnet name
 * @flags: FP_CONN_F_*
 * @key: authorization key, or NULL
 */
struct fp_conn_cfg {
	const char *name;
	const char *circuit;
	const char *vnet;
	u32 flags;
	const u8 *key;
};

int fp_model_init(struct fp_model *m, struct mutex *lock);
void fp_model_destroy(struct fp_model *m);
struct fp_circuit *fp_model_next_dirty(struct fp_model *m);
void fp_model_reap(struct fp_model *m);

bool fp_name_valid(const char *name);
bool fp_prefix_valid(const struct fp_prefix *p);
bool fp_prefix_v4mapped(const struct fp_prefix *p);
bool fp_prefix_overlap(const struct fp_prefix *a, const struct fp_prefix *b);
bool fp_prefix_contains(const struct fp_prefix *outer,
			const struct fp_prefix *inner);
int fp_prefix_cmp(const struct fp_prefix *a, const struct fp_prefix *b);

unsigned int fp_sku_max_conns(u8 sku, u8 units);
bool fp_sku_fastpath(u8 sku, u8 units);
bool fp_sku_ipv6_fastpath(u8 sku, u8 units);
unsigned int fp_circuit_max_links(const struct fp_circuit *c);
u32 fp_circuit_route_limit(const struct fp_circuit *c);

struct fp_circuit *fp_circuit_find(const struct fp_model *m, const char *name);
int fp_circuit_add(struct fp_model *m, const struct fp_circuit_cfg *cfg,
		   struct netlink_ext_ack *extack);
int fp_circuit_set(struct fp_model *m, const struct fp_circuit_cfg *cfg,
		   struct netlink_ext_ack *extack);
int fp_circuit_del(struct fp_model *m, const char *name,
		   struct netlink_ext_ack *extack);
void fp_circuit_set_active(struct fp_model *m, struct fp_circuit *c,
			   bool active);
unsigned int fp_model_set_ifindex_active(struct fp_model *m, int ifindex,
					 bool active);

struct fp_auth *fp_auth_find(const struct fp_model *m, const char *circuit,
			     const char *name);
int fp_auth_add(struct fp_model *m, const char *circuit, const char *name,
		u8 key[FP_KEY_LEN], struct netlink_ext_ack *extack);
int fp_auth_del(struct fp_model *m, const char *circuit, const char *name,
		struct netlink_ext_ack *extack);

struct fp_vnet *fp_vnet_find(const struct fp_model *m, const char *name);
int fp_vnet_add(struct fp_model *m, const struct fp_vnet_cfg *cfg,
		struct netlink_ext_ack *extack);
int fp_vnet_set(struct fp_model *m, const struct fp_vnet_cfg *cfg,
		struct netlink_ext_ack *extack);
int fp_vnet_del(struct fp_model *m, const char *name,
		struct netlink_ext_ack *extack);
bool fp_vnets_peered(const struct fp_model *m, const struct fp_vnet *a,
		     const struct fp_vnet *b);
int fp_peering_add(struct fp_model *m, const char *a, const char *b,
		   struct netlink_ext_ack *extack);
int fp_peering_del(struct fp_model *m, const char *a, const char *b,
		   struct netlink_ext_ack *extack);

struct fp_endpoint *fp_endpoint_find(const struct fp_model *m,
				     const char *name);
int fp_endpoint_add(struct fp_model *m, const struct fp_endpoint_cfg *cfg,
		    struct netlink_ext_ack *extack);
int fp_endpoint_set(struct fp_model *m, const struct fp_endpoint_cfg *cfg,
		    struct netlink_ext_ack *extack);
int fp_endpoint_del(struct fp_model *m, const char *name,
		    struct netlink_ext_ack *extack);
void fp_endpoint_set_active(struct fp_model *m, struct fp_endpoint *ep,
			    bool active);

struct fp_conn *fp_conn_find(const struct fp_model *m, const char *name);
int fp_conn_add(struct fp_model *m, const struct fp_conn_cfg *cfg,
		struct netlink_ext_ack *extack);
int fp_conn_set(struct fp_model *m, const char *name, u32 flags,
		struct netlink_ext_ack *extack);
int fp_conn_del(struct fp_model *m, const char *name,
		struct netlink_ext_ack *extack);

struct fp_exception *fp_exception_find(const struct fp_model *m,
				       const char *vnet,
				       const struct fp_prefix *prefix);
int fp_exception_add(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix, u8 kind,
		     struct netlink_ext_ack *extack);
int fp_exception_set(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix, u8 kind,
		     struct netlink_ext_ack *extack);
int fp_exception_del(struct fp_model *m, const char *vnet,
		     const struct fp_prefix *prefix,
		     struct netlink_ext_ack *extack);

struct fp_udr *fp_udr_find(const struct fp_model *m, const char *vnet,
			   const struct fp_prefix *prefix);
int fp_udr_add(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix, const char *nexthop,
	       struct netlink_ext_ack *extack);
int fp_udr_set(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix, const char *nexthop,
	       struct netlink_ext_ack *extack);
int fp_udr_del(struct fp_model *m, const char *vnet,
	       const struct fp_prefix *prefix,
	       struct netlink_ext_ack *extack);

#endif /* _FASTPATH_MODEL_H */
