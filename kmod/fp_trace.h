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

/*
 * The names of reasons and exception kinds come from the UAPI header's
 * X-macros.  TRACE_DEFINE_ENUM() exports each value, so that tools that
 * parse the format (perf, trace-cmd) can resolve the symbols.
 */
#undef FP_TRACE_ENUM
#define FP_TRACE_ENUM(prefix, id)	TRACE_DEFINE_ENUM(prefix##id);
#undef FP_TRACE_REASON_ENUM
#define FP_TRACE_REASON_ENUM(id, name)	FP_TRACE_ENUM(FASTPATH_REASON_, id)
#undef FP_TRACE_KIND_ENUM
#define FP_TRACE_KIND_ENUM(id, name)				\
	FP_TRACE_ENUM(FASTPATH_EXCEPTION_KIND_, id)

FASTPATH_REASONS(FP_TRACE_REASON_ENUM, FP_TRACE_REASON_ENUM)
FASTPATH_EXCEPTION_KINDS(FP_TRACE_KIND_ENUM, FP_TRACE_KIND_ENUM)

#undef FP_TRACE_REASON
#define FP_TRACE_REASON(id, name)	{ FASTPATH_REASON_##id, name },
#undef FP_TRACE_REASON_LAST
#define FP_TRACE_REASON_LAST(id, name)	{ FASTPATH_REASON_##id, name }
#undef FP_TRACE_KIND
#define FP_TRACE_KIND(id, name)		{ FASTPATH_EXCEPTION_KIND_##id, name },
#undef FP_TRACE_KIND_LAST
#define FP_TRACE_KIND_LAST(id, name)	{ FASTPATH_EXCEPTION_KIND_##id, name }

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
				   FASTPATH_REASONS(FP_TRACE_REASON,
						    FP_TRACE_REASON_LAST)),
		  __entry->reason != FASTPATH_REASON_EXCEPTION ? "-" :
		  __print_symbolic(__entry->exc_kind,
				   FASTPATH_EXCEPTION_KINDS(FP_TRACE_KIND,
							    FP_TRACE_KIND_LAST)))
);

#endif /* _FASTPATH_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE fp_trace
#include <trace/define_trace.h>
