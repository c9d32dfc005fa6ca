/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl: a tiny generic netlink layer on top of libmnl.
 *
 * One struct nl_ctx is one NETLINK_GENERIC socket with NETLINK_EXT_ACK and
 * NETLINK_CAP_ACK (and NETLINK_GET_STRICT_CHK) enabled, a request buffer
 * and a receive buffer.  It is meant to be opened once and reused for many
 * requests (-batch).  The usage pattern for a command is:
 *
 *	nl = fpctl_family(ctx);		// socket + "fastpath" resolved
 *	if (!nl)
 *		return FPCTL_EXIT_ERR;
 *	nlh = nl_msg_genl(nl, ctx->family.id, FASTPATH_CMD_X,
 *			  FASTPATH_FAMILY_VERSION, NLM_F_DUMP);	// or 0: "do"
 *	mnl_attr_put_strz(nlh, FASTPATH_A_X_NAME, name);
 *	nest = mnl_attr_nest_start(nlh, FASTPATH_A_X_NEST); // NLA_F_NESTED
 *	...
 *	mnl_attr_nest_end(nlh, nest);
 *	err = nl_exec(nl, nlh, my_cb, my_data);
 *	if (err)
 *		return FPCTL_EXIT_ERR;	// the kernel's error was printed
 *
 * Every request carries NLM_F_REQUEST | NLM_F_ACK; nl_exec() returns when
 * the ACK, the error or the end of the dump (NLMSG_DONE) with the request's
 * sequence number has arrived, so a dump can never spill into the next
 * request.  Messages with other sequence numbers are discarded.
 */
#ifndef FPCTL_NL_H
#define FPCTL_NL_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/genetlink.h>

/* Room for one request; use the mnl_attr_put_*_check() variants with this
 * size if a request can grow large (e.g. prefix lists). */
#define NL_MSG_MAX	65536
/* Initial receive buffer; nl_recv() grows it to the next message's size. */
#define NL_RCV_SIZE	32768

struct nl_ctx;

/**
 * nl_recv() - receive one netlink datagram, whatever its size
 * @sock: the socket
 * @buf: the buffer, grown (realloc) when the datagram is larger
 * @size: its size, updated with it
 *
 * Peeks at the datagram's size first (MSG_PEEK | MSG_TRUNC), so a reply
 * or notification larger than any fixed buffer is read whole.
 *
 * Return: the datagram's length, or -1 with errno set.
 */
ssize_t nl_recv(struct mnl_socket *sock, void **buf, size_t *size);

#define NL_MAX_MCGRPS	16

struct nl_mcgrp {
	uint32_t id;
	char name[GENL_NAMSIZ];
};

/* What CTRL_CMD_GETFAMILY told us about a generic netlink family. */
struct nl_family {
	uint16_t id;
	char name[GENL_NAMSIZ];
	uint32_t version;
	uint32_t hdrsize;
	uint32_t maxattr;
	unsigned int n_mcgrps;
	struct nl_mcgrp mcgrps[NL_MAX_MCGRPS];
};

/*
 * Names a top-level attribute @type of a request of generic netlink
 * command @cmd for error messages ("name"), or returns NULL.  fpctl sets
 * it; NULL (the default) names nothing.
 */
extern const char *(*nl_attr_namer)(uint8_t cmd, uint16_t type);

/*
 * What an NLMSGERR_ATTR_POLICY nest says the rejected attribute must be,
 * in words ("at most 15 characters", "50 to 100000"); "" if it says
 * nothing this knows.
 */
void nl_policy_bound(const struct nlattr *pol, char *buf, size_t len);

/* Details of the last failed nl_exec(). */
struct nl_error {
	int error;		/* negative errno, 0: the request succeeded */
	/*
	 * NULL: the kernel refused the request.  Otherwise where it failed
	 * locally: "send", "receive" (socket errors), "reply" (malformed
	 * reply or the callback failed), "dump" (-EINTR: NLM_F_DUMP_INTR).
	 */
	const char *local;
	char msg[256];		/* NLMSGERR_ATTR_MSG, "" if none */
	bool has_offs;
	uint32_t offs;		/* NLMSGERR_ATTR_OFFS: offset in request */
	char attr[64];		/* attribute at offs as a path: "3", "6.2" */
	char attr_name[32];	/* what it stands for (nl_attr_namer), or "" */
	char bound[64];		/* NLMSGERR_ATTR_POLICY: what it must be */
	bool has_miss;
	uint32_t miss_type;	/* NLMSGERR_ATTR_MISS_TYPE */
	char miss_nest[64];	/* NLMSGERR_ATTR_MISS_NEST as type path */
};

/*
 * Reply callback, called for each data message (type >= NLMSG_MIN_TYPE) of
 * the reply.  Return NL_CB_OK to go on, NL_CB_STOP to ignore the rest of
 * the reply, or a negative errno to fail the request (the callback reports
 * the problem itself; the rest of the reply is read and discarded).
 */
#define NL_CB_OK	0
#define NL_CB_STOP	1
typedef int (*nl_cb_t)(const struct nlmsghdr *nlh, void *data);

/*
 * Open a generic netlink socket in the current network namespace (switch
 * namespaces before calling).  Returns 0 or a negative errno (nothing is
 * printed).
 */
int nl_open(struct nl_ctx **nlp);
void nl_close(struct nl_ctx *nl);

/*
 * Start a new generic netlink request in @nl's request buffer: nlmsghdr
 * (type @family, flags NLM_F_REQUEST | NLM_F_ACK | @flags, next sequence
 * number) and genlmsghdr (@cmd, @version).  Add attributes with
 * mnl_attr_put_*() and send it with nl_exec().  The previous request in
 * the buffer is overwritten.
 */
struct nlmsghdr *nl_msg_genl(struct nl_ctx *nl, uint16_t family, uint8_t cmd,
			     uint8_t version, uint16_t flags);

/*
 * Send @nlh and process the reply until its ACK/error/NLMSG_DONE.
 * Returns 0 on success or a negative errno: the kernel's error, the
 * callback's error, -EINTR if a dump was interrupted by a concurrent change
 * (NLM_F_DUMP_INTR: the data seen may be inconsistent, retry), or a socket
 * error.  nl_exec() prints the error (see nl_print_error()) unless the
 * callback failed, and prints the warning of a successful ACK that carries
 * an extack message ("fpctl: warning: ..."); nl_exec_quiet() prints
 * nothing.  In both cases nl_last_error() has details.
 */
int nl_exec(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb, void *data);
int nl_exec_quiet(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb,
		  void *data);
const struct nl_error *nl_last_error(const struct nl_ctx *nl);

/*
 * Print the last error through fp_error() as one line:
 *   fpctl: <kernel message> (<strerror>; bad attribute 6.2 at offset 36)
 *   fpctl: <strerror> (missing attribute 3)
 */
void nl_print_error(const struct nl_ctx *nl);

/*
 * Resolve a generic netlink family by name with CTRL_CMD_GETFAMILY.
 * Returns 0 or a negative errno; -ENOENT means the family is not
 * registered (module not loaded).  Prints nothing.
 */
int nl_family_resolve(struct nl_ctx *nl, const char *name,
		      struct nl_family *fam);
/* Id of multicast group @name of @fam, or -ENOENT. */
int nl_family_mcgrp(const struct nl_family *fam, const char *name);

/*
 * Describe the attribute at byte offset @offs of the generic netlink
 * request @req (as NLMSGERR_ATTR_OFFS counts) as a path of attribute types,
 * descending into attributes flagged NLA_F_NESTED: "3" or "6.2".  Empty if
 * @offs is not inside an attribute.  Used for nl_error.attr.
 */
void nl_attr_path(const struct nlmsghdr *req, uint32_t offs, char *buf,
		  size_t len);

/* ---- pipelined requests ---------------------------------------------------
 *
 * For -batch: nl_queue() collects up to NL_PIPE_MAX requests (at most
 * NL_PIPE_BYTES), nl_flush() sends them in one sendmsg() and reads their
 * answers; nl_exec() flushes first, so that answers stay in order.  Errors
 * are printed, with the line number (fp_lineno) each request was queued
 * at; replies go to the request's callback, which gets a copy of its
 * @size bytes of @data.
 *
 * @batch_cmd >= 0 makes the pipe ordered: it first sends that command
 * (the family's BATCH), so the kernel refuses every request after one that
 * failed, and once a failure came back nl_queue() sends nothing more
 * (-ECANCELED).  With a negative @batch_cmd (-force) every request is
 * sent and every failure reported.  A kernel without BATCH (EOPNOTSUPP)
 * gets one request at a time, as without a pipe.
 */
#define NL_PIPE_MAX	64
#define NL_PIPE_BYTES	(64 * 1024)
#define NL_PIPE_DATA	32

int nl_pipe_setup(struct nl_ctx *nl, uint16_t family, uint8_t version,
		  int batch_cmd);
/* Queue @nlh; 0, or a negative errno if it (or an earlier one) failed. */
int nl_queue(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb,
	     const void *data, size_t size);
/* Send what is queued; 0, or the negative errno of the first failure. */
int nl_flush(struct nl_ctx *nl);
/* An ordered pipe saw a failure: nothing more is sent. */
bool nl_pipe_stopped(const struct nl_ctx *nl);
/* How many queued requests failed (each was reported). */
unsigned int nl_pipe_failures(const struct nl_ctx *nl);

/* ---- reply parsing helpers ---------------------------------------------- */

/*
 * Index the attributes after the genlmsghdr of @nlh by type into
 * tb[0..@max] (zeroed first; unknown types > @max are ignored, a later
 * duplicate wins).  Returns 0, or -EBADMSG if the message is malformed.
 */
int nl_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		  unsigned int max);
/* Same for the attributes inside the nested attribute @nest. */
int nl_nest_parse(const struct nlattr *nest, const struct nlattr **tb,
		  unsigned int max);

/* Payload of a NUL-terminated string attribute, NULL if absent/invalid. */
const char *nl_attr_str(const struct nlattr *a);
/* Fixed-size integers: 0, or -EBADMSG if @a is absent or has a bad size. */
int nl_attr_u8(const struct nlattr *a, uint8_t *v);
int nl_attr_u16(const struct nlattr *a, uint16_t *v);
int nl_attr_u32(const struct nlattr *a, uint32_t *v);
int nl_attr_u64(const struct nlattr *a, uint64_t *v);

#endif /* FPCTL_NL_H */
