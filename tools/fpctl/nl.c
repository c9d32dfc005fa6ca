// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: a tiny generic netlink layer on top of libmnl.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <linux/netlink.h>

#include "nl.h"
#include "utils.h"

struct nl_pipe;

struct nl_ctx {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	struct nl_error err;
	char warning[256];	/* extack message of a successful ACK */
	void *rcvbuf;
	size_t rcvsize;
	/* Request buffer: the current request stays here until the reply
	 * has been processed, so error offsets can be mapped back to it. */
	void *msgbuf;
	const struct nlmsghdr *req;	/* request being executed */
	struct nl_pipe *pipe;		/* nl_pipe_setup(), else NULL */
};

ssize_t nl_recv(struct mnl_socket *sock, void **buf, size_t *size)
{
	ssize_t want;
	void *b;

	do
		want = recv(mnl_socket_get_fd(sock), NULL, 0,
			    MSG_PEEK | MSG_TRUNC);
	while (want < 0 && errno == EINTR);
	if (want < 0)
		return -1;
	if ((size_t)want > *size) {
		b = realloc(*buf, want);
		if (!b) {
			errno = ENOMEM;
			return -1;
		}
		*buf = b;
		*size = want;
	}
	return mnl_socket_recvfrom(sock, *buf, *size);
}

int nl_open(struct nl_ctx **nlp)
{
	struct nl_ctx *nl;
	int one = 1, err;

	nl = calloc(1, sizeof(*nl));
	if (!nl)
		return -ENOMEM;
	nl->rcvbuf = malloc(NL_RCV_SIZE);
	nl->rcvsize = NL_RCV_SIZE;
	nl->msgbuf = calloc(1, NL_MSG_MAX);
	if (!nl->rcvbuf || !nl->msgbuf) {
		err = -ENOMEM;
		goto fail;
	}
	nl->sock = mnl_socket_open(NETLINK_GENERIC);
	if (!nl->sock) {
		err = -errno;
		goto fail;
	}
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		err = -errno;
		goto fail;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = time(NULL);

	/*
	 * Extended ACKs carry the kernel's error message and the offset of
	 * the bad attribute; capped ACKs do not echo our request back.  Both
	 * exist since Linux 4.12/4.3; failures only lose detail, so ignore.
	 */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_GET_STRICT_CHK, &one,
			      sizeof(one));
	*nlp = nl;
	return 0;

fail:
	nl_close(nl);
	return err;
}

void nl_close(struct nl_ctx *nl)
{
	if (!nl)
		return;
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->rcvbuf);
	free(nl->msgbuf);
	free(nl->pipe);
	free(nl);
}

struct nlmsghdr *nl_msg_genl(struct nl_ctx *nl, uint16_t family, uint8_t cmd,
			     uint8_t version, uint16_t flags)
{
	struct nlmsghdr *nlh = nl->msgbuf;
	struct genlmsghdr *genl;

	/*
	 * libmnl does not clear attribute padding: wipe what the previous
	 * request used so no stale (or, for valgrind, uninitialised) bytes
	 * are sent.  The buffer starts zeroed.
	 */
	memset(nl->msgbuf, 0, nlh->nlmsg_len < NL_MSG_MAX ?
			      nlh->nlmsg_len : NL_MSG_MAX);
	nlh = mnl_nlmsg_put_header(nl->msgbuf);
	nlh->nlmsg_type = family;
	nlh->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK | flags;
	nlh->nlmsg_seq = ++nl->seq;
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = cmd;
	genl->version = version;
	return nlh;
}

/*
 * Describe the attribute at byte offset @offs of request @req as a path of
 * attribute types, descending into attributes flagged NLA_F_NESTED:
 * "3", "6.2".  Empty if @offs does not point into an attribute.
 */
void nl_attr_path(const struct nlmsghdr *req, uint32_t offs, char *buf,
		  size_t len)
{
	const char *base = (const char *)req;
	size_t pos = NLMSG_HDRLEN + GENL_HDRLEN, end = req->nlmsg_len;
	size_t used = 0;

	buf[0] = '\0';
	while (pos + NLA_HDRLEN <= end && offs >= pos) {
		const struct nlattr *a = (const void *)(base + pos);
		int r;

		if (a->nla_len < NLA_HDRLEN || pos + a->nla_len > end)
			return;
		if (offs >= pos + NLA_ALIGN(a->nla_len)) {
			pos += NLA_ALIGN(a->nla_len);
			continue;
		}
		r = snprintf(buf + used, len - used, "%s%u", used ? "." : "",
			     a->nla_type & NLA_TYPE_MASK);
		if (r < 0 || (size_t)r >= len - used)
			return;
		used += r;
		if (offs == pos || !(a->nla_type & NLA_F_NESTED))
			return;
		end = pos + a->nla_len;
		pos += NLA_HDRLEN;
	}
}

const char *(*nl_attr_namer)(uint8_t cmd, uint16_t type);

/* Attributes by type, up to @max (mnl_attr_parse*() callbacks). */
struct nl_attr_table {
	const struct nlattr **tb;
	uint16_t max;
};

static int nl_table_cb(const struct nlattr *attr, void *data)
{
	const struct nl_attr_table *t = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= t->max)
		t->tb[type] = attr;
	return MNL_CB_OK;
}

/*
 * What NLMSGERR_ATTR_POLICY @pol says the rejected attribute must be, in
 * words: "at most 15 characters", "0 to 1", "4 to 16 bytes".
 */
void nl_policy_bound(const struct nlattr *pol, char *buf, size_t len)
{
	const struct nlattr *tb[NL_POLICY_TYPE_ATTR_MAX + 1] = { NULL };
	struct nl_attr_table t = { tb, NL_POLICY_TYPE_ATTR_MAX };
	uint32_t type = NL_ATTR_TYPE_INVALID, lo = 0, hi = 0;
	bool has_lo, has_hi;
	uint64_t ulo, uhi;

	buf[0] = '\0';
	if (mnl_attr_parse_nested(pol, nl_table_cb, &t) != MNL_CB_OK)
		return;
	nl_attr_u32(tb[NL_POLICY_TYPE_ATTR_TYPE], &type);
	has_lo = !nl_attr_u32(tb[NL_POLICY_TYPE_ATTR_MIN_LENGTH], &lo);
	has_hi = !nl_attr_u32(tb[NL_POLICY_TYPE_ATTR_MAX_LENGTH], &hi);
	if (has_lo || has_hi) {
		const char *unit = type == NL_ATTR_TYPE_BINARY ? "bytes" :
				   "characters";

		if (has_lo && has_hi && lo == hi)
			snprintf(buf, len, "exactly %u %s", lo, unit);
		else if (has_lo && has_hi)
			snprintf(buf, len, "%u to %u %s", lo, hi, unit);
		else if (has_hi)
			snprintf(buf, len, "at most %u %s", hi, unit);
		else
			snprintf(buf, len, "at least %u %s", lo, unit);
		return;
	}
	if (!nl_attr_u64(tb[NL_POLICY_TYPE_ATTR_MIN_VALUE_U], &ulo) &&
	    !nl_attr_u64(tb[NL_POLICY_TYPE_ATTR_MAX_VALUE_U], &uhi))
		snprintf(buf, len, "%llu to %llu", (unsigned long long)ulo,
			 (unsigned long long)uhi);
}

/*
 * Record the error of an NLMSG_ERROR or NLMSG_DONE message whose extended
 * ACK attributes start @hlen bytes into its payload.
 */
static void nl_record_ack(struct nl_ctx *nl, const struct nlmsghdr *nlh,
			  size_t hlen, int error)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };
	struct nl_attr_table t = { tb, NLMSGERR_ATTR_MAX };
	const struct nlmsghdr *req = nl->req;
	struct nl_error *e = &nl->err;
	const char *msg;

	e->error = error;
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	if (mnl_attr_parse(nlh, hlen, nl_table_cb, &t) != MNL_CB_OK)
		return;
	msg = nl_attr_str(tb[NLMSGERR_ATTR_MSG]);
	if (msg) {
		snprintf(e->msg, sizeof(e->msg), "%s", msg);
		/* Some kernel messages end with a newline; drop it. */
		e->msg[strcspn(e->msg, "\n")] = '\0';
	}
	if (!nl_attr_u32(tb[NLMSGERR_ATTR_OFFS], &e->offs)) {
		e->has_offs = true;
		nl_attr_path(req, e->offs, e->attr, sizeof(e->attr));
	}
	if (e->attr[0] && !strchr(e->attr, '.') && nl_attr_namer && req &&
	    req->nlmsg_len >= NLMSG_HDRLEN + GENL_HDRLEN) {
		const struct genlmsghdr *g = mnl_nlmsg_get_payload(req);
		const char *name = nl_attr_namer(g->cmd, atoi(e->attr));

		if (name)
			snprintf(e->attr_name, sizeof(e->attr_name), "%s",
				 name);
	}
	if (tb[NLMSGERR_ATTR_POLICY])
		nl_policy_bound(tb[NLMSGERR_ATTR_POLICY], e->bound,
				sizeof(e->bound));
	if (!nl_attr_u32(tb[NLMSGERR_ATTR_MISS_TYPE], &e->miss_type)) {
		uint32_t nest;

		e->has_miss = true;
		if (!nl_attr_u32(tb[NLMSGERR_ATTR_MISS_NEST], &nest))
			nl_attr_path(req, nest, e->miss_nest,
				     sizeof(e->miss_nest));
	}
}

static void nl_record_warning(struct nl_ctx *nl, const struct nlmsghdr *nlh,
			      size_t hlen)
{
	const struct nlattr *tb[NLMSGERR_ATTR_MAX + 1] = { NULL };
	struct nl_attr_table t = { tb, NLMSGERR_ATTR_MAX };
	const char *msg;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    mnl_attr_parse(nlh, hlen, nl_table_cb, &t) != MNL_CB_OK)
		return;
	msg = nl_attr_str(tb[NLMSGERR_ATTR_MSG]);
	if (msg) {
		snprintf(nl->warning, sizeof(nl->warning), "%s", msg);
		nl->warning[strcspn(nl->warning, "\n")] = '\0';
	}
}

/* Returns true when @nlh ends the reply. */
static bool nl_ctl_msg(struct nl_ctx *nl, const struct nlmsghdr *nlh)
{
	const struct nlmsgerr *err;
	size_t hlen;
	int error;

	switch (nlh->nlmsg_type) {
	case NLMSG_ERROR:
		if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*err)) {
			nl->err.error = -EBADMSG;
			return true;
		}
		err = mnl_nlmsg_get_payload(nlh);
		hlen = sizeof(*err);
		if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
			hlen += mnl_nlmsg_get_payload_len(&err->msg);
		if (!err->error) {
			/* ACK, possibly with a warning message */
			nl_record_warning(nl, nlh, hlen);
			return true;
		}
		/* Positive values are not errnos; never report success. */
		nl_record_ack(nl, nlh, hlen,
			      err->error < 0 ? err->error : -EPROTO);
		return true;
	case NLMSG_DONE:
		if (mnl_nlmsg_get_payload_len(nlh) >= sizeof(int)) {
			memcpy(&error, mnl_nlmsg_get_payload(nlh),
			       sizeof(error));
			if (error < 0)
				nl_record_ack(nl, nlh, sizeof(int), error);
		}
		return true;
	case NLMSG_OVERRUN:
		nl->err.error = -EOVERFLOW;
		return false;
	default:
		return false;	/* NLMSG_NOOP and reserved types */
	}
}

static int nl_exec_common(struct nl_ctx *nl, struct nlmsghdr *nlh,
			  nl_cb_t cb, void *data)
{
	uint32_t seq = nlh->nlmsg_seq;
	bool done = false, stop = false, intr = false;
	int cb_err = 0;
	ssize_t n;

	/* What was queued before goes first, and is answered first. */
	if (nl->pipe && nl_flush(nl) && nl_pipe_stopped(nl)) {
		nl->err.error = -ECANCELED;
		nl->err.local = "pipeline";
		return nl->err.error;
	}
	memset(&nl->err, 0, sizeof(nl->err));
	nl->warning[0] = '\0';
	nl->req = nlh;
	if (mnl_socket_sendto(nl->sock, nlh, nlh->nlmsg_len) < 0) {
		nl->err.error = -errno;
		nl->err.local = "send";
		return nl->err.error;
	}
	while (!done) {
		int len;

		n = nl_recv(nl->sock, &nl->rcvbuf, &nl->rcvsize);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			nl->err.error = -errno;
			nl->err.local = "receive";
			return nl->err.error;
		}
		len = n;
		for (nlh = nl->rcvbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			int ret;

			/* Left over from an earlier, abandoned request. */
			if (nlh->nlmsg_seq != seq ||
			    (nlh->nlmsg_pid && nlh->nlmsg_pid != nl->portid))
				continue;
			if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
				intr = true;
			if (nlh->nlmsg_type < NLMSG_MIN_TYPE) {
				if (nl_ctl_msg(nl, nlh)) {
					done = true;
					break;
				}
				continue;
			}
			if (stop || !cb)
				continue;
			ret = cb(nlh, data);
			if (ret < 0) {
				cb_err = ret;
				stop = true;
			} else if (ret == NL_CB_STOP) {
				stop = true;
			}
		}
	}
	if (nl->err.error)
		return nl->err.error;
	if (cb_err) {
		nl->err.error = cb_err;
		nl->err.local = "reply";
		return cb_err;
	}
	if (intr) {
		nl->err.error = -EINTR;
		nl->err.local = "dump";
		return -EINTR;
	}
	return 0;
}

int nl_exec(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb, void *data)
{
	int err = nl_exec_common(nl, nlh, cb, data);

	if (!err && nl->warning[0])
		fp_warn("%s", nl->warning);
	/*
	 * A failing callback has already said what was wrong, and so has
	 * nl_flush() about the queued request that stopped this one.
	 */
	if (err && !(nl->err.local && (!strcmp(nl->err.local, "reply") ||
				       !strcmp(nl->err.local, "pipeline"))))
		nl_print_error(nl);
	return err;
}

int nl_exec_quiet(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb,
		  void *data)
{
	return nl_exec_common(nl, nlh, cb, data);
}

const struct nl_error *nl_last_error(const struct nl_ctx *nl)
{
	return &nl->err;
}

static void __printf(3, 4) detail_add(char *buf, size_t len,
				      const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used)
		used += snprintf(buf + used, len - used, "; ");
	if (used >= len)
		return;
	va_start(ap, fmt);
	vsnprintf(buf + used, len - used, fmt, ap);
	va_end(ap);
}

void nl_print_error(const struct nl_ctx *nl)
{
	const struct nl_error *e = &nl->err;
	char detail[256] = "";

	if (!e->error)
		return;
	if (e->local) {
		if (!strcmp(e->local, "pipeline"))
			return;	/* nl_flush() reported the failed request */
		if (!strcmp(e->local, "dump"))
			fp_error("dump interrupted by a concurrent change, please retry");
		else if (!strcmp(e->local, "reply"))
			fp_error("unexpected netlink reply: %s",
				 strerror(-e->error));
		else
			fp_error("netlink %s failed: %s", e->local,
				 strerror(-e->error));
		return;
	}
	if (e->msg[0])
		detail_add(detail, sizeof(detail), "%s", strerror(-e->error));
	else if (e->error == -EPERM)
		detail_add(detail, sizeof(detail),
			   "CAP_NET_ADMIN is required");
	if (e->has_offs) {
		if (e->attr_name[0])
			detail_add(detail, sizeof(detail),
				   "bad attribute %s (%s) at offset %u",
				   e->attr, e->attr_name, e->offs);
		else if (e->attr[0])
			detail_add(detail, sizeof(detail),
				   "bad attribute %s at offset %u", e->attr,
				   e->offs);
		else
			detail_add(detail, sizeof(detail),
				   "bad attribute at offset %u", e->offs);
	}
	if (e->has_miss) {
		if (e->miss_nest[0])
			detail_add(detail, sizeof(detail),
				   "missing attribute %u in nest %s",
				   e->miss_type, e->miss_nest);
		else
			detail_add(detail, sizeof(detail),
				   "missing attribute %u", e->miss_type);
	}
	if (e->bound[0])
		detail_add(detail, sizeof(detail), "%s%s%s", e->attr_name,
			   e->attr_name[0] ? " must be " : "must be ",
			   e->bound);
	fp_error("%s%s%s%s", e->msg[0] ? e->msg : strerror(-e->error),
		 detail[0] ? " (" : "", detail, detail[0] ? ")" : "");
}

/* ---- family resolution -------------------------------------------------- */

static int nl_mcgrps_parse(const struct nlattr *groups, struct nl_family *fam)
{
	const struct nlattr *grp;

	mnl_attr_for_each_nested(grp, groups) {
		const struct nlattr *tb[CTRL_ATTR_MCAST_GRP_MAX + 1];
		struct nl_mcgrp *g;
		const char *name;
		uint32_t id;

		if (fam->n_mcgrps >= NL_MAX_MCGRPS)
			break;
		if (nl_nest_parse(grp, tb, CTRL_ATTR_MCAST_GRP_MAX))
			return -EBADMSG;
		name = nl_attr_str(tb[CTRL_ATTR_MCAST_GRP_NAME]);
		if (!name || nl_attr_u32(tb[CTRL_ATTR_MCAST_GRP_ID], &id))
			return -EBADMSG;
		g = &fam->mcgrps[fam->n_mcgrps++];
		g->id = id;
		snprintf(g->name, sizeof(g->name), "%s", name);
	}
	return 0;
}

static int nl_family_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct nl_family *fam = data;
	const char *name;

	if (nl_genl_parse(nlh, tb, CTRL_ATTR_MAX) ||
	    nl_attr_u16(tb[CTRL_ATTR_FAMILY_ID], &fam->id) ||
	    !(name = nl_attr_str(tb[CTRL_ATTR_FAMILY_NAME])))
		goto bad;
	snprintf(fam->name, sizeof(fam->name), "%s", name);
	/* Optional in principle; the kernel always sends them. */
	nl_attr_u32(tb[CTRL_ATTR_VERSION], &fam->version);
	nl_attr_u32(tb[CTRL_ATTR_HDRSIZE], &fam->hdrsize);
	nl_attr_u32(tb[CTRL_ATTR_MAXATTR], &fam->maxattr);
	if (tb[CTRL_ATTR_MCAST_GROUPS] &&
	    nl_mcgrps_parse(tb[CTRL_ATTR_MCAST_GROUPS], fam))
		goto bad;
	return NL_CB_OK;
bad:
	fam->id = 0;
	return -EBADMSG;
}

int nl_family_resolve(struct nl_ctx *nl, const char *name,
		      struct nl_family *fam)
{
	struct nlmsghdr *nlh;
	int err;

	memset(fam, 0, sizeof(*fam));
	nlh = nl_msg_genl(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, name);
	err = nl_exec_quiet(nl, nlh, nl_family_cb, fam);
	if (!err && !fam->id) {
		nl->err.error = err = -EBADMSG;
		nl->err.local = "reply";
	}
	return err;
}

int nl_family_mcgrp(const struct nl_family *fam, const char *name)
{
	unsigned int i;

	for (i = 0; i < fam->n_mcgrps; i++)
		if (!strcmp(fam->mcgrps[i].name, name))
			return fam->mcgrps[i].id;
	return -ENOENT;
}

/* ---- reply parsing helpers ---------------------------------------------- */

struct nl_parse {
	const struct nlattr **tb;
	unsigned int max;
};

static int nl_parse_cb(const struct nlattr *attr, void *data)
{
	struct nl_parse *p = data;
	uint16_t type = mnl_attr_get_type(attr);

	if (type <= p->max)
		p->tb[type] = attr;
	return MNL_CB_OK;
}

int nl_genl_parse(const struct nlmsghdr *nlh, const struct nlattr **tb,
		  unsigned int max)
{
	struct nl_parse p = { tb, max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (mnl_nlmsg_get_payload_len(nlh) < GENL_HDRLEN)
		return -EBADMSG;
	if (mnl_attr_parse(nlh, GENL_HDRLEN, nl_parse_cb, &p) != MNL_CB_OK)
		return -EBADMSG;
	return 0;
}

int nl_nest_parse(const struct nlattr *nest, const struct nlattr **tb,
		  unsigned int max)
{
	struct nl_parse p = { tb, max };

	memset(tb, 0, (max + 1) * sizeof(*tb));
	if (mnl_attr_parse_nested(nest, nl_parse_cb, &p) != MNL_CB_OK)
		return -EBADMSG;
	return 0;
}

const char *nl_attr_str(const struct nlattr *a)
{
	if (!a || mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
		return NULL;
	return mnl_attr_get_str(a);
}

static int nl_attr_fixed(const struct nlattr *a, void *v, size_t size)
{
	if (!a || mnl_attr_get_payload_len(a) != size)
		return -EBADMSG;
	memcpy(v, mnl_attr_get_payload(a), size);
	return 0;
}

int nl_attr_u8(const struct nlattr *a, uint8_t *v)
{
	return nl_attr_fixed(a, v, sizeof(*v));
}

int nl_attr_u16(const struct nlattr *a, uint16_t *v)
{
	return nl_attr_fixed(a, v, sizeof(*v));
}

int nl_attr_u32(const struct nlattr *a, uint32_t *v)
{
	return nl_attr_fixed(a, v, sizeof(*v));
}

int nl_attr_u64(const struct nlattr *a, uint64_t *v)
{
	return nl_attr_fixed(a, v, sizeof(*v));
}

/* ---- pipelined requests -------------------------------------------------
 *
 * nl_queue() collects requests; nl_flush() sends them in one sendmsg() and
 * then reads their answers, which come back in order.  An ordered pipe
 * first sends the family's BATCH command, which makes the kernel refuse
 * (ECANCELED, unapplied) every request after one that failed, and stops
 * queueing once a failure came back: a -batch that stops at its first
 * error, with one system call per NL_PIPE_MAX requests instead of two per
 * request.
 */

/* One queued request. */
struct nl_pending {
	uint32_t seq;
	uint32_t offs;			/* of the request in nl_pipe.buf */
	unsigned long lineno;		/* fp_lineno when it was queued */
	nl_cb_t cb;
	bool done;			/* its ACK (or error) arrived */
	bool cb_failed;
	/* a copy of the callback's data */
	uint64_t data[NL_PIPE_DATA / sizeof(uint64_t)];
};

struct nl_pipe {
	uint16_t family;
	uint8_t version;
	int batch_cmd;		/* < 0: unordered (-force) */
	bool sync;		/* the kernel has no BATCH: one at a time */
	bool chain;		/* BATCH is in force; next number: chain_next */
	uint32_t chain_next;
	bool failed;		/* ordered: a request failed, queue no more */
	unsigned int failures;	/* requests the kernel refused, reported */
	unsigned int n;		/* requests queued */
	size_t len;		/* bytes queued */
	struct nl_pending slot[NL_PIPE_MAX];
	char buf[NL_PIPE_BYTES];
};

int nl_pipe_setup(struct nl_ctx *nl, uint16_t family, uint8_t version,
		  int batch_cmd)
{
	struct nl_pipe *p;

	if (nl->pipe)
		return 0;
	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->family = family;
	p->version = version;
	p->batch_cmd = batch_cmd;
	nl->pipe = p;
	return 0;
}

bool nl_pipe_stopped(const struct nl_ctx *nl)
{
	return nl->pipe && nl->pipe->failed;
}

unsigned int nl_pipe_failures(const struct nl_ctx *nl)
{
	return nl->pipe ? nl->pipe->failures : 0;
}

static struct nl_pending *nl_pipe_slot(struct nl_pipe *p, uint32_t seq)
{
	unsigned int i;

	for (i = 0; i < p->n; i++)
		if (p->slot[i].seq == seq)
			return &p->slot[i];
	return NULL;
}

/* The ACK of queued request @q arrived: report its error, if any. */
static int nl_pipe_ack(struct nl_ctx *nl, struct nl_pipe *p,
		       struct nl_pending *q, const struct nlmsghdr *nlh)
{
	unsigned long lineno = fp_lineno;
	int err;

	memset(&nl->err, 0, sizeof(nl->err));
	nl->warning[0] = '\0';
	nl->req = (const struct nlmsghdr *)(p->buf + q->offs);
	nl_ctl_msg(nl, nlh);
	err = nl->err.error;
	/* After the first failure the kernel cancels the rest: say nothing. */
	if (err == -ECANCELED && p->failed)
		return err;
	fp_lineno = q->lineno;
	if (err) {
		nl_print_error(nl);
		p->failures++;
		if (p->batch_cmd >= 0) {
			p->failed = true;
			p->chain = false;
		}
	} else if (q->cb_failed) {
		err = -EBADMSG;
		p->failures++;
		if (p->batch_cmd >= 0)
			p->failed = true;
	} else if (nl->warning[0]) {
		fp_warn("%s", nl->warning);
	}
	fp_lineno = lineno;
	return err;
}

/* A reply (not an ACK) to queued request @q: its callback prints it. */
static void nl_pipe_reply(struct nl_pending *q, const struct nlmsghdr *nlh)
{
	unsigned long lineno = fp_lineno;

	if (!q->cb || q->cb_failed)
		return;
	fp_lineno = q->lineno;
	if (q->cb(nlh, q->data) < 0)
		q->cb_failed = true;
	fp_lineno = lineno;
}

/*
 * Only the last request of a send asks for an ACK: the kernel answers the
 * requests in order and always answers a failure, so once the last one is
 * answered, every earlier one that was not has succeeded.  That saves the
 * kernel an ACK message per request, and us reading it.
 */
int nl_flush(struct nl_ctx *nl)
{
	struct nl_pipe *p = nl->pipe;
	struct nl_pending *last;
	unsigned int i;
	int first = 0, err;
	ssize_t n;

	if (!p || !p->n)
		return 0;
	last = &p->slot[p->n - 1];
	((struct nlmsghdr *)(p->buf + last->offs))->nlmsg_flags |= NLM_F_ACK;
	if (mnl_socket_sendto(nl->sock, p->buf, p->len) < 0) {
		first = -errno;
		fp_error("netlink send failed: %s", strerror(errno));
		p->failures++;
		goto out;
	}
	while (!last->done) {
		const struct nlmsghdr *nlh;
		struct nl_pending *q;
		int len;

		n = nl_recv(nl->sock, &nl->rcvbuf, &nl->rcvsize);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			first = -errno;
			fp_error("netlink receive failed: %s",
				 strerror(errno));
			p->failures++;
			goto out;
		}
		len = n;
		for (nlh = nl->rcvbuf; mnl_nlmsg_ok(nlh, len);
		     nlh = mnl_nlmsg_next(nlh, &len)) {
			if (nlh->nlmsg_pid && nlh->nlmsg_pid != nl->portid)
				continue;
			q = nl_pipe_slot(p, nlh->nlmsg_seq);
			if (!q || q->done)
				continue;
			if (nlh->nlmsg_type >= NLMSG_MIN_TYPE) {
				nl_pipe_reply(q, nlh);
				continue;
			}
			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			q->done = true;
			err = nl_pipe_ack(nl, p, q, nlh);
			if (err && !first)
				first = err;
		}
	}
	/* Not answered: succeeded; but a reply may not have made sense. */
	for (i = 0; i < p->n; i++) {
		if (p->slot[i].done || !p->slot[i].cb_failed)
			continue;
		p->failures++;
		if (!first)
			first = -EBADMSG;
	}
out:
	if (first && p->batch_cmd >= 0)
		p->failed = true;
	p->n = 0;
	p->len = 0;
	return first;
}

/*
 * Start (or restart) the kernel's ordered batch so that the request
 * numbered @nlh->nlmsg_seq follows it: BATCH takes that number and the
 * request the next one.  Nothing may be queued.
 */
static int nl_pipe_chain(struct nl_ctx *nl, struct nl_pipe *p,
			 struct nlmsghdr *nlh)
{
	char buf[MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct genlmsghdr))];
	struct nlmsghdr *b = mnl_nlmsg_put_header(memset(buf, 0, sizeof(buf)));
	struct genlmsghdr *genl;
	int err;

	b->nlmsg_type = p->family;
	b->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	b->nlmsg_seq = nlh->nlmsg_seq;
	genl = mnl_nlmsg_put_extra_header(b, sizeof(*genl));
	genl->cmd = p->batch_cmd;
	genl->version = p->version;
	nlh->nlmsg_seq = ++nl->seq;
	err = nl_exec_quiet(nl, b, NULL, NULL);
	if (err == -EOPNOTSUPP) {
		/* An older module: no pipelining, one request at a time. */
		p->sync = true;
		return 0;
	}
	if (err) {
		/* Counts as the failure of the request it was sent for. */
		nl_print_error(nl);
		p->failures++;
		p->failed = true;
		return err;
	}
	p->chain = true;
	p->chain_next = nlh->nlmsg_seq;
	return 0;
}

int nl_queue(struct nl_ctx *nl, struct nlmsghdr *nlh, nl_cb_t cb,
	     const void *data, size_t size)
{
	struct nl_pipe *p = nl->pipe;
	size_t len = NLMSG_ALIGN(nlh->nlmsg_len);
	struct nl_pending *q;
	int err;

	if (!p || p->sync || len > sizeof(p->buf) || size > sizeof(q->data))
		return nl_exec(nl, nlh, cb, (void *)data);
	if (p->failed)
		return -ECANCELED;
	if (p->n == NL_PIPE_MAX || p->len + len > sizeof(p->buf)) {
		err = nl_flush(nl);
		if (err && p->failed)
			return err;
	}
	if (p->batch_cmd >= 0 &&
	    (!p->chain || nlh->nlmsg_seq != p->chain_next)) {
		err = nl_flush(nl);
		if (err && p->failed)
			return err;
		err = nl_pipe_chain(nl, p, nlh);
		if (err)
			return err;
		if (p->sync)
			return nl_exec(nl, nlh, cb, (void *)data);
	}
	q = &p->slot[p->n++];
	memset(q, 0, sizeof(*q));
	q->seq = nlh->nlmsg_seq;
	q->offs = p->len;
	q->lineno = fp_lineno;
	q->cb = cb;
	if (size)
		memcpy(q->data, data, size);
	memcpy(p->buf + p->len, nlh, nlh->nlmsg_len);
	memset(p->buf + p->len + nlh->nlmsg_len, 0, len - nlh->nlmsg_len);
	((struct nlmsghdr *)(p->buf + p->len))->nlmsg_flags &= ~NLM_F_ACK;
	p->len += len;
	p->chain_next = nlh->nlmsg_seq + 1;
	return 0;
}
