// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: the SKU and limit tables.
 *
 * What a gateway SKU accepts (connections, FastPath, IPv6 FastPath), the
 * ExpressRoute bandwidths with the premium vnet links of each, the route
 * limits of a circuit's port.  Tables and pure functions, no state: the
 * object files ask these when they check a rule, and KUnit checks every
 * row (Documentation/model.rst has the same tables).
 */
#include "compat.h"
#include "model_internal.h"

static const char * const fp_sku_names[__FP_SKU_MAX] = {
	[FP_SKU_NONE] = "none",
	[FP_SKU_STANDARD] = "Standard",
	[FP_SKU_HIGH_PERFORMANCE] = "HighPerformance",
	[FP_SKU_ULTRA_PERFORMANCE] = "UltraPerformance",
	[FP_SKU_ERGW1AZ] = "ErGw1AZ",
	[FP_SKU_ERGW2AZ] = "ErGw2AZ",
	[FP_SKU_ERGW3AZ] = "ErGw3AZ",
	[FP_SKU_ERGWSCALE] = "ErGwScale",
};

/* ExpressRoute bandwidths (Mbit/s) and premium vnet links for each. */
static const u32 fp_bandwidths[] = {
	50, 100, 200, 500, 1000, 2000, 5000, 10000, 40000, 100000
};

static const u16 fp_premium_links[] = {
	20, 25, 25, 40, 50, 60, 75, 100, 100, 100
};

#define FP_STANDARD_LINKS	10

/**
 * fp_sku_max_conns() - connections a gateway accepts
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * Return: the limit, 0 for no gateway or an unknown SKU.
 */
unsigned int fp_sku_max_conns(u8 sku, u8 units)
{
	switch (sku) {
	case FP_SKU_STANDARD:
	case FP_SKU_ERGW1AZ:
		return 4;
	case FP_SKU_HIGH_PERFORMANCE:
	case FP_SKU_ERGW2AZ:
		return 8;
	case FP_SKU_ULTRA_PERFORMANCE:
	case FP_SKU_ERGW3AZ:
		return 16;
	case FP_SKU_ERGWSCALE:
		if (units >= 10)
			return 16;
		if (units >= 2)
			return 8;
		return units ? 4 : 0;
	default:
		return 0;
	}
}

FP_EXPORT_FOR_KUNIT(fp_sku_max_conns);

/**
 * fp_sku_fastpath() - may connections of this gateway enable FastPath
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * Return: true for UltraPerformance, ErGw3AZ and ErGwScale >= 10 units.
 */
bool fp_sku_fastpath(u8 sku, u8 units)
{
	return sku == FP_SKU_ULTRA_PERFORMANCE || sku == FP_SKU_ERGW3AZ ||
	       (sku == FP_SKU_ERGWSCALE && units >= 10);
}

FP_EXPORT_FOR_KUNIT(fp_sku_fastpath);

/**
 * fp_sku_ipv6_fastpath() - can this gateway carry IPv6 FastPath
 * @sku: &enum fp_sku
 * @units: ErGwScale units
 *
 * "ErGw3AZ or better": ErGw3AZ and ErGwScale >= 10 units (the zone
 * redundant SKUs of ErGw3AZ's size).  UltraPerformance is not.  The
 * circuit must also be an ExpressRoute Direct one (see compile.c).
 *
 * Return: true if IPv6 routes may be compiled for it.
 */
bool fp_sku_ipv6_fastpath(u8 sku, u8 units)
{
	return sku == FP_SKU_ERGW3AZ || (sku == FP_SKU_ERGWSCALE && units >= 10);
}

FP_EXPORT_FOR_KUNIT(fp_sku_ipv6_fastpath);

/* The index of @bw in fp_bandwidths[], or -1 if it is not offered. */
static int fp_bandwidth_index(u32 bw)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fp_bandwidths); i++)
		if (fp_bandwidths[i] == bw)
			return i;
	return -1;
}

/**
 * fp_bandwidth_offered() - is @bw one of the ExpressRoute bandwidths
 * @bw: Mbit/s
 *
 * Return: true for 50, 100, 200, 500, 1000, 2000, 5000, 10000, 40000 and
 * 100000.
 */
bool fp_bandwidth_offered(u32 bw)
{
	return fp_bandwidth_index(bw) >= 0;
}

/**
 * fp_sku_name() - a gateway SKU's name, for messages
 * @sku: &enum fp_sku
 *
 * Return: the name ("ErGw3AZ"), "unknown" past the table.
 */
const char *fp_sku_name(u8 sku)
{
	return sku < __FP_SKU_MAX ? fp_sku_names[sku] : "unknown";
}

static unsigned int fp_max_links(u8 tier, u32 bw)
{
	int i = fp_bandwidth_index(bw);

	if (tier != FP_TIER_PREMIUM || i < 0)
		return FP_STANDARD_LINKS;
	return fp_premium_links[i];
}

/**
 * fp_circuit_max_links() - vnet links a circuit accepts
 * @c: the circuit
 *
 * Return: 10 for standard circuits, else the premium limit of its bandwidth.
 */
unsigned int fp_circuit_max_links(const struct fp_circuit *c)
{
	return fp_max_links(c->tier, c->bandwidth);
}

FP_EXPORT_FOR_KUNIT(fp_circuit_max_links);

static u32 fp_route_limit(u8 port, u32 override)
{
	if (override)
		return override;
	switch (port) {
	case FP_PORT_10G:
		return FP_ROUTE_LIMIT_10G;
	case FP_PORT_100G:
		return FP_ROUTE_LIMIT_100G;
	default:
		return FP_ROUTE_LIMIT_PROVIDER;
	}
}

/**
 * fp_circuit_route_limit() - FastPath routes a circuit may install
 * @c: the circuit
 *
 * Return: the override if set, else 25,000 (provider), 100,000 (Direct 10G)
 * or 200,000 (Direct 100G).
 */
u32 fp_circuit_route_limit(const struct fp_circuit *c)
{
	return fp_route_limit(c->port, c->route_limit);
}

FP_EXPORT_FOR_KUNIT(fp_circuit_route_limit);

/**
 * fp_port_mbps() - the bandwidth a circuit's port allows
 * @port: &enum fp_port
 *
 * Return: Mbit/s: 100,000 on a Direct 100G port, else 10,000.
 */
u32 fp_port_mbps(u8 port)
{
	switch (port) {
	case FP_PORT_100G:
		return 100000;
	default:
		return 10000;
	}
}
