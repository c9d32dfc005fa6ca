/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fastpath: tracepoints.
 *
 * fastpath:fastpath_packet fires once per packet the ingress hook sees,
 * with the outcome that was counted: which circuit and connection, the
 * addresses (IPv4 as IPv4-mapped IPv6), the reason (&enum fastpath_reason)
 * and, for an exception, its kind (&enum fastpath_exception_kind; "-"
 * for any other reason).  No string fields: the record layout is
 * the same on every kernel line.
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM fastpath

#if !defined(_FASTPATH_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _FASTPATH_TRACE_H

#include <linux/in6.h>
#include <linux/string.h>
#include <linux/tracepoint.h>
#include <linux/fastpath.h>

TRACE_EVENT(fastpath_packet,

	TP_PROTO(u32 circuit, u32 conn, u8 family, const void *saddr,
		 const void *daddr, unsigned int reason, u8 exc_kind),

	TP_ARGS(circuit, conn, family, saddr, daddr, reason, exc_kind),

	TP_STRUCT__entry(
		__field(u32, circuit)
		__field(u32, conn)
		__field(u8, family)
		__field(u8, reason)
		__field(u8, exc_kind)
		__array(u8, saddr, 16)
		__array(u8, daddr, 16)
	),

	TP_fast_assign(
		__entry->circuit = circuit;
		__entry->conn = conn;
		__entry->family = family;
		__entry->reason = reason;
		__entry->exc_kind = exc_kind;
		memset(__entry->saddr, 0, 16);
		memset(__entry->daddr, 0, 16);
		if (family == AF_INET6) {
			memcpy(__entry->saddr, saddr, 16);
			memcpy(__entry->daddr, daddr, 16);
		} else if (family == AF_INET) {
			__entry->saddr[10] = 0xff;
			__entry->saddr[11] = 0xff;
			__entry->daddr[10] = 0xff;
			__entry->daddr[11] = 0xff;
			memcpy(__entry->saddr + 12, saddr, 4);
			memcpy(__entry->daddr + 12, daddr, 4);
		}
	),

	TP_printk("circuit=%u conn=%u family=%u saddr=%pI6c daddr=%pI6c reason=%s exception=%s",
		  __entry->circuit, __entry->conn, __entry->family,
		  __entry->saddr, __entry->daddr,
		  __print_symbolic(__entry->reason,
				   { FASTPATH_REASON_FORWARDED, "forwarded" },
				   { FASTPATH_REASON_NOT_IP, "not-ip" },
				   { FASTPATH_REASON_NOT_HOST, "not-host" },
				   { FASTPATH_REASON_BAD_HEADER, "bad-header" },
				   { FASTPATH_REASON_TTL, "ttl" },
				   { FASTPATH_REASON_EXCEPTION, "exception" },
				   { FASTPATH_REASON_NO_ROUTE, "no-route" },
				   { FASTPATH_REASON_TARGET_DOWN, "target-down" },
				   { FASTPATH_REASON_MTU, "mtu" },
				   { FASTPATH_REASON_NO_NEIGH, "no-neigh" },
				   { FASTPATH_REASON_TX_ERROR, "tx-error" },
				   { FASTPATH_REASON_VLAN, "vlan" },
				   { FASTPATH_REASON_NOT_UNICAST, "not-unicast" },
				   { FASTPATH_REASON_NO_MEMORY, "no-memory" }),
		  __entry->reason != FASTPATH_REASON_EXCEPTION ? "-" :
		  __print_symbolic(__entry->exc_kind,
				   { FASTPATH_EXCEPTION_KIND_PRIVATE_ENDPOINT,
				     "private-endpoint" },
				   { FASTPATH_EXCEPTION_KIND_INTERNAL_LB,
				     "internal-lb" },
				   { FASTPATH_EXCEPTION_KIND_BASIC_LB, "basic-lb" },
				   { FASTPATH_EXCEPTION_KIND_DNS_RESOLVER,
				     "dns-resolver" },
				   { FASTPATH_EXCEPTION_KIND_CROSS_REGION,
				     "cross-region" },
				   { FASTPATH_EXCEPTION_KIND_MANUAL, "manual" }))
);

#endif /* _FASTPATH_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE fp_trace
#include <trace/define_trace.h>
