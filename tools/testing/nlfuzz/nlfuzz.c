// SPDX-License-Identifier: GPL-2.0
/*
 * nlfuzz - fuzz the "fastpath" generic netlink family from user space.
 *
 *   nlfuzz [-q] dump               canonical text of every object (sorted)
 *   nlfuzz [-q] verify FILE        every line of FILE (an earlier dump) is
 *                                  still in the current dump, byte for byte
 *   nlfuzz semantic                well-formed requests with one defect
 *                                  of meaning each (IPv4-mapped prefixes,
 *                                  bytes after a name's NUL, host bits,
 *                                  a space twice): each must be refused
 *                                  with an extack, nothing may change
 *   nlfuzz [-s SEED] [-n COUNT] [-u UID] [-d] [-v] fuzz
 *                                  send COUNT (default 50000) random and
 *                                  mutated messages; -u drops to UID/GID
 *                                  before opening the socket; -d only
 *                                  generates them (a host-side check of
 *                                  the generator: prints the digest)
 *
 * Raw netlink sockets (no libmnl), so that every header and length can be
 * broken on purpose.  The family id and its operations (ids and flags) come
 * from the kernel's nlctrl; command numbers and attribute ranges come from
 * uapi/linux/fastpath.h at build time, with a margin above every maximum so
 * that commands and attributes added later are fuzzed too.
 *
 * Messages are generated from one xorshift64* stream seeded by -s (printed
 * at start), independently of the kernel's replies: the same seed sends the
 * same messages.  The fuzzer's own objects are all named "z*" and never
 * refer to other objects, so a configuration made with other names must
 * come out of a run intact (see `verify`).
 *
 * Each fuzz message is followed by an NLMSG_NOOP barrier with NLM_F_ACK;
 * everything received up to the barrier's ACK belongs to the fuzz message
 * (a dump is read on until its NLMSG_DONE).  A message's outcome is
 * "accepted" (ACK 0, a reply or a finished dump), "refused" (an error, by
 * errno) or "silent" (no answer: dropped by the netlink core as malformed,
 * no NLM_F_REQUEST, or a successful do without NLM_F_ACK).
 *
 * Output of fuzz (stdout, one "key value..." line each):
 *   nlfuzz: seed S count N family ID ops N cmd-max N uid N
 *   sent N accepted N refused N silent N
 *   batch-reopened N          fresh sockets taken after a message holding
 *                             a BATCH request (its chain would refuse the
 *                             config requests that follow)
 *   admin-accepted N          accepted requests of admin-perm operations
 *   errno NAME N              one line per errno seen, sorted by errno
 *   einval-without-extack N   -EINVAL errors with no NLMSGERR_ATTR_MSG
 *   einval-without-extack-kinds NAME=N ...   the same, per mutation kind
 *   extack-missing EXAMPLE    up to 5 examples of those (command, mutation),
 *                             kinds whose header the netlink or genetlink
 *                             core refuses (bad-hdr, bad-len, garbage) first
 *                             only if nothing else is missing one
 *   kinds NAME=N ...          messages per mutation kind
 *   digest HEX                FNV-1a of every byte sent (same seed, same digest)
 *   seconds S                 wall time of the run
 * Exit status: 0 if the run completed, 1 on a socket/protocol failure.
 */
#include <errno.h>
#include <inttypes.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <grp.h>
#include <linux/genetlink.h>
#include <linux/netlink.h>
#include <linux/fastpath.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_CAP_ACK
#define NETLINK_CAP_ACK 10
#endif
#ifndef NLM_F_ACK_TLVS
#define NLM_F_ACK_TLVS 0x200
#endif
#ifndef GENL_UNS_ADMIN_PERM
#define GENL_UNS_ADMIN_PERM 0x10
#endif

#define ENOTSUPP_LINUX	524		/* kernel-internal, may still leak out */

#define MSG_MAX		60000		/* biggest message we build */
#define RX_BUF		(256 * 1024)
#define MAX_ATTRS	24
#define CMD_MARGIN	8		/* fuzz this far above FASTPATH_CMD_MAX */
#define ATTR_MARGIN	4		/* and above every attribute maximum */

static int verbose = 1;
static int dry_run;		/* -d: generate only, send nothing */

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("nlfuzz: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* ------------------------------------------------------------------------
 * Random numbers: xorshift64*, one stream for the whole run
 */
static uint64_t rng_state;

static uint64_t rnd64(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint32_t rnd(uint32_t n)		/* 0 .. n-1 */
{
	return n ? (uint32_t)((rnd64() >> 16) % n) : 0;
}

static int chance(uint32_t percent)
{
	return rnd(100) < percent;
}

static void rnd_bytes(uint8_t *p, size_t n)
{
	while (n--)
		*p++ = (uint8_t)rnd64();
}

/* ------------------------------------------------------------------------
 * Netlink socket
 */
static int nl_fd = -1;
static uint32_t nl_seq = 1;
static uint8_t rxbuf[RX_BUF] __attribute__((aligned(4)));

static void nl_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1, sz = 4 << 20;
	struct timeval tv = { .tv_sec = 20 };

	nl_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_GENERIC);
	if (nl_fd < 0)
		die("socket: %s", strerror(errno));
	if (bind(nl_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("bind: %s", strerror(errno));
	if (connect(nl_fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("connect: %s", strerror(errno));
	setsockopt(nl_fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(nl_fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	/* FORCE needs CAP_NET_ADMIN; the plain one is capped by rmem_max */
	if (setsockopt(nl_fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz)) < 0)
		setsockopt(nl_fd, SOL_SOCKET, SO_RCVBUF, &sz, sizeof(sz));
	setsockopt(nl_fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
}

static void nl_send(const void *buf, size_t len)
{
	ssize_t n;

	do {
		n = send(nl_fd, buf, len, 0);
	} while (n < 0 && errno == EINTR);
	/* the core may refuse what it cannot parse at all; that is an answer */
	if (n < 0 && errno != EINVAL && errno != EMSGSIZE && errno != ENOBUFS &&
	    errno != ENOMEM)
		die("send: %s", strerror(errno));
}

/* Receive one datagram into rxbuf; returns its length. */
static size_t nl_recv(void)
{
	ssize_t n;

	for (;;) {
		n = recv(nl_fd, rxbuf, sizeof(rxbuf), 0);
		if (n >= 0)
			return (size_t)n;
		if (errno == EINTR)
			continue;
		if (errno == ENOBUFS)	/* overrun: messages lost, go on */
			continue;
		die("recv: %s", strerror(errno));
	}
}

/* ------------------------------------------------------------------------
 * Message building
 */
struct msg {
	uint8_t b[MSG_MAX + 64] __attribute__((aligned(4)));
	size_t len;
};

static void msg_init(struct msg *m, uint16_t type, uint16_t flags,
		     uint8_t cmd, uint8_t version)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->b;
	struct genlmsghdr *g = (struct genlmsghdr *)(m->b + NLMSG_HDRLEN);

	memset(m->b, 0, NLMSG_HDRLEN + GENL_HDRLEN);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	g->cmd = cmd;
	g->version = version;
	m->len = NLMSG_HDRLEN + GENL_HDRLEN;
}

static void msg_finish(struct msg *m, uint32_t seq)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)m->b;

	nlh->nlmsg_len = (uint32_t)m->len;
	nlh->nlmsg_seq = seq;
}

/* Append an attribute; returns its offset, or -1 if it did not fit. */
static long put_attr(uint8_t *buf, size_t *len, size_t cap, uint16_t type,
		       const void *data, size_t dlen)
{
	size_t off = *len, alen = NLA_HDRLEN + dlen;
	struct nlattr *nla;

	if (alen > 0xffff || off + NLA_ALIGN(alen) > cap)
		return -1;
	nla = (struct nlattr *)(buf + off);
	nla->nla_len = (uint16_t)alen;
	nla->nla_type = type;
	if (dlen)
		memcpy(buf + off + NLA_HDRLEN, data, dlen);
	memset(buf + off + alen, 0, NLA_ALIGN(alen) - alen);
	*len = off + NLA_ALIGN(alen);
	return (long)off;
}

/* ------------------------------------------------------------------------
 * Generic netlink controller: family id and operations
 */
#define MAX_OPS 256
static uint16_t family_id;
static uint32_t op_flags[MAX_OPS];	/* by command; 0 = not an op */
static int n_ops;
static uint8_t op_list[MAX_OPS];

static struct nlattr *attr_next(struct nlattr *a, size_t *rem)
{
	size_t l = NLA_ALIGN(a->nla_len);

	if (l > *rem)
		l = *rem;
	*rem -= l;
	return (struct nlattr *)((uint8_t *)a + l);
}

static int attr_ok(const struct nlattr *a, size_t rem)
{
	return rem >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= rem;
}

#define for_each_attr(a, start, len, rem) \
	for ((a) = (struct nlattr *)(start), (rem) = (len); attr_ok((a), (rem)); \
	     (a) = attr_next((a), &(rem)))

static void *attr_data(struct nlattr *a)
{
	return (uint8_t *)a + NLA_HDRLEN;
}

static size_t attr_dlen(struct nlattr *a)
{
	return a->nla_len - NLA_HDRLEN;
}

static void resolve_family(void)
{
	static struct msg m;
	struct nlmsghdr *nlh;
	struct nlattr *a, *op, *oa;
	size_t rem, rem2, rem3, n;
	uint32_t seq = nl_seq++;
	int done = 0;

	msg_init(&m, GENL_ID_CTRL, NLM_F_REQUEST | NLM_F_ACK,
		 CTRL_CMD_GETFAMILY, 1);
	put_attr(m.b, &m.len, MSG_MAX, CTRL_ATTR_FAMILY_NAME,
		 FASTPATH_FAMILY_NAME, sizeof(FASTPATH_FAMILY_NAME));
	msg_finish(&m, seq);
	nl_send(m.b, m.len);
	while (!done) {
		n = nl_recv();
		for (nlh = (struct nlmsghdr *)rxbuf; NLMSG_OK(nlh, n);
		     nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(nlh);

				if (e->error)
					die("family %s: %s (module not loaded?)",
					    FASTPATH_FAMILY_NAME,
					    strerror(-e->error));
				done = 1;
				continue;
			}
			if (nlh->nlmsg_type != GENL_ID_CTRL)
				continue;
			for_each_attr(a, (uint8_t *)NLMSG_DATA(nlh) + GENL_HDRLEN,
				      nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN,
				      rem) {
				switch (a->nla_type & NLA_TYPE_MASK) {
				case CTRL_ATTR_FAMILY_ID:
					family_id = *(uint16_t *)attr_data(a);
					break;
				case CTRL_ATTR_OPS:
					for_each_attr(op, attr_data(a),
						      attr_dlen(a), rem2) {
						uint32_t id = 0, fl = 0;

						for_each_attr(oa, attr_data(op),
							      attr_dlen(op), rem3) {
							if ((oa->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_OP_ID)
								id = *(uint32_t *)attr_data(oa);
							else if ((oa->nla_type & NLA_TYPE_MASK) == CTRL_ATTR_OP_FLAGS)
								fl = *(uint32_t *)attr_data(oa);
						}
						if (id < MAX_OPS && !op_flags[id]) {
							/* 0x80000000 marks "is an op" */
							op_flags[id] = fl | 0x80000000u;
							op_list[n_ops++] = (uint8_t)id;
						}
					}
					break;
				}
			}
		}
	}
	if (!family_id)
		die("family %s: no id in the reply", FASTPATH_FAMILY_NAME);
}

/* ------------------------------------------------------------------------
 * Names of commands and attributes (for the canonical dump and reports)
 */
/* Sets, their names and the commands, from the spec (make ynl-gen). */
#include "spec_tables.h"

static const char *cmd_name(unsigned int cmd)
{
	static char buf[16];

	if (cmd <= FASTPATH_CMD_MAX && cmds[cmd].name)
		return cmds[cmd].name;
	snprintf(buf, sizeof(buf), "cmd%u", cmd);
	return buf;
}

/* ------------------------------------------------------------------------
 * Canonical dump: one line per object, "OBJECT attr=value ...", sorted
 */
struct strbuf {
	char *s;
	size_t len, cap;
};

static void sb_add(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = sb->cap - sb->len;

		va_start(ap, fmt);
		n = vsnprintf(sb->s ? sb->s + sb->len : NULL, room, fmt, ap);
		va_end(ap);
		if (n < 0)
			die("vsnprintf");
		if ((size_t)n < room) {
			sb->len += (size_t)n;
			return;
		}
		sb->cap = sb->cap * 2 + (size_t)n + 256;
		sb->s = realloc(sb->s, sb->cap);
		if (!sb->s)
			die("out of memory");
	}
}

static int is_string(const uint8_t *p, size_t n)
{
	size_t i;

	if (n < 2 || p[n - 1])
		return 0;
	for (i = 0; i < n - 1; i++)
		if (p[i] < 0x20 || p[i] > 0x7e || p[i] == '"' || p[i] == '\\')
			return 0;
	return 1;
}

static void print_attrs(struct strbuf *sb, enum set_id set, void *start,
			size_t len)
{
	struct nlattr *a;
	size_t rem, i;
	int first = 1;

	for_each_attr(a, start, len, rem) {
		int type = a->nla_type & NLA_TYPE_MASK;
		const uint8_t *p = attr_data(a);
		size_t n = attr_dlen(a);
		enum set_id sub = nested_set(set, type);

		if (!first)
			sb_add(sb, " ");
		first = 0;
		if (set_names[set].names && (size_t)type < set_names[set].n &&
		    set_names[set].names[type])
			sb_add(sb, "%s=", set_names[set].names[type]);
		else
			sb_add(sb, "a%d=", type);
		if (sub != S_NONE) {
			sb_add(sb, "{");
			print_attrs(sb, sub, attr_data(a), n);
			sb_add(sb, "}");
		} else if (is_string(p, n)) {
			sb_add(sb, "\"%s\"", (const char *)p);
		} else if (n == 4) {
			uint32_t v;

			memcpy(&v, p, 4);
			sb_add(sb, "%" PRIu32, v);
		} else if (n == 1) {
			sb_add(sb, "%u", p[0]);
		} else {
			for (i = 0; i < n; i++)
				sb_add(sb, "%02x", p[i]);
			if (!n)
				sb_add(sb, "-");
		}
	}
}

static const uint8_t dump_cmds[] = {
	FASTPATH_CMD_CIRCUIT_GET, FASTPATH_CMD_AUTH_GET, FASTPATH_CMD_VNET_GET,
	FASTPATH_CMD_ENDPOINT_GET, FASTPATH_CMD_CONN_GET,
	FASTPATH_CMD_EXCEPTION_GET, FASTPATH_CMD_UDR_GET,
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Dump every object; returns a sorted array of lines, count in *n. */
static char **dump_all(size_t *nlines)
{
	static struct msg m;
	char **lines = NULL;
	size_t n = 0, cap = 0, i, k;

	for (k = 0; k < sizeof(dump_cmds); k++) {
		uint8_t cmd = dump_cmds[k];
		const char *obj = cmd_name(cmd);
		size_t objlen = strcspn(obj, "-");
		size_t first = n;
		int done = 0, intr = 0, tries = 0;
		uint32_t seq;

restart:
		for (i = first; i < n; i++)
			free(lines[i]);
		n = first;
		done = intr = 0;
		seq = nl_seq++;
		msg_init(&m, family_id, NLM_F_REQUEST | NLM_F_DUMP, cmd,
			 FASTPATH_FAMILY_VERSION);
		msg_finish(&m, seq);
		nl_send(m.b, m.len);
		while (!done) {
			size_t len = nl_recv();
			struct nlmsghdr *nlh;

			for (nlh = (struct nlmsghdr *)rxbuf; NLMSG_OK(nlh, len);
			     nlh = NLMSG_NEXT(nlh, len)) {
				struct strbuf sb = { 0 };

				if (nlh->nlmsg_seq != seq)
					continue;
				if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
					intr = 1;
				if (nlh->nlmsg_type == NLMSG_DONE) {
					done = 1;
					break;
				}
				if (nlh->nlmsg_type == NLMSG_ERROR) {
					struct nlmsgerr *e = NLMSG_DATA(nlh);

					die("dump %s: %s", obj, strerror(-e->error));
				}
				sb_add(&sb, "%.*s ", (int)objlen, obj);
				print_attrs(&sb, cmds[cmd].set,
					    (uint8_t *)NLMSG_DATA(nlh) + GENL_HDRLEN,
					    nlh->nlmsg_len - NLMSG_HDRLEN - GENL_HDRLEN);
				if (n == cap) {
					cap = cap * 2 + 64;
					lines = realloc(lines, cap * sizeof(*lines));
					if (!lines)
						die("out of memory");
				}
				lines[n++] = sb.s;
			}
		}
		if (intr) {
			if (++tries > 10)
				die("dump %s: interrupted 10 times", obj);
			goto restart;
		}
	}
	if (n)
		qsort(lines, n, sizeof(*lines), cmp_str);
	*nlines = n;
	return lines;
}

static int cmd_dump(void)
{
	size_t n, i;
	char **lines = dump_all(&n);

	for (i = 0; i < n; i++) {
		puts(lines[i]);
		free(lines[i]);
	}
	free(lines);
	return 0;
}

static int cmd_verify(const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, n, i, checked = 0, missing = 0;
	char **lines;
	ssize_t l;

	if (!f)
		die("%s: %s", path, strerror(errno));
	lines = dump_all(&n);
	while ((l = getline(&line, &cap, f)) >= 0) {
		char *key = line;

		if (l && line[l - 1] == '\n')
			line[--l] = 0;
		if (!l)
			continue;
		checked++;
		if (!n || !bsearch(&key, lines, n, sizeof(*lines), cmp_str)) {
			printf("missing-or-changed %s\n", line);
			missing++;
		}
	}
	fclose(f);
	free(line);
	printf("verify: %zu of %zu objects intact, %zu now\n",
	       checked - missing, checked, n);
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	return missing ? 1 : 0;
}

/* ------------------------------------------------------------------------
 * Fuzz messages: templates of valid requests, then mutations
 */
struct fattr {
	uint16_t type;		/* including NLA_F_* bits */
	uint32_t len;		/* payload length */
	int32_t len_override;	/* -1, or the nla_len to write */
	uint8_t *data;
};

struct fmsg {
	uint8_t cmd;
	uint8_t version;
	uint16_t flags;
	uint16_t type;
	enum set_id set;
	int nattrs;
	struct fattr a[MAX_ATTRS];
	uint8_t arena[MSG_MAX];
	size_t used;
};

static uint8_t *arena_alloc(struct fmsg *f, size_t n)
{
	uint8_t *p;

	if (f->used + n > sizeof(f->arena))
		return NULL;
	p = f->arena + f->used;
	f->used += n;
	return p;
}

static struct fattr *add(struct fmsg *f, uint16_t type, const void *data,
			 size_t len)
{
	struct fattr *a;
	uint8_t *p;

	if (f->nattrs >= MAX_ATTRS)
		return NULL;
	p = arena_alloc(f, len);
	if (!p)
		return NULL;
	if (data)
		memcpy(p, data, len);
	a = &f->a[f->nattrs++];
	a->type = type;
	a->len = (uint32_t)len;
	a->len_override = -1;
	a->data = p;
	return a;
}

static void add_u32(struct fmsg *f, uint16_t type, uint32_t v)
{
	add(f, type, &v, 4);
}

static void add_str(struct fmsg *f, uint16_t type, const char *s)
{
	add(f, type, s, strlen(s) + 1);
}

/* A prefix nest: addr (4 or 16 bytes) and len, into buf; returns length. */
static size_t build_prefix(uint8_t *buf, size_t cap, int v6, uint8_t a,
			   uint8_t b, uint8_t plen)
{
	uint8_t addr[16] = { 0 };
	size_t len = 0;

	if (v6) {
		addr[0] = 0x20;
		addr[1] = 0x01;
		addr[2] = 0x0d;
		addr[3] = 0xb8;
		addr[4] = 0xf0;
		addr[5] = a;
		addr[6] = b;
	} else {
		addr[0] = 10;
		addr[1] = (uint8_t)(200 + (a & 31));
		addr[2] = b;
	}
	/* zero the host bits, mostly */
	if (!chance(10)) {
		int bits = v6 ? 128 : 32, i;

		for (i = plen; i < bits; i++)
			addr[i / 8] &= (uint8_t)~(0x80 >> (i % 8));
	}
	put_attr(buf, &len, cap, FASTPATH_A_PREFIX_ADDR, addr, v6 ? 16 : 4);
	put_attr(buf, &len, cap, FASTPATH_A_PREFIX_LEN, &plen, 1);
	return len;
}

static void add_prefix(struct fmsg *f, uint16_t type)
{
	uint8_t buf[64];
	int v6 = chance(25);
	static const uint8_t lens4[] = { 32, 32, 32, 24, 16, 0, 33 };
	static const uint8_t lens6[] = { 128, 128, 64, 48, 0, 129 };
	uint8_t plen = v6 ? lens6[rnd(sizeof(lens6))] : lens4[rnd(sizeof(lens4))];
	size_t len = build_prefix(buf, sizeof(buf), v6, (uint8_t)rnd(4),
				  (uint8_t)rnd(4), plen);

	add(f, type | NLA_F_NESTED, buf, len);
}

/* address spaces: count prefixes, or a random small number */
static void add_spaces(struct fmsg *f, uint16_t type, unsigned int count)
{
	size_t cap = sizeof(f->arena) - f->used, len = 0, plen;
	uint8_t *buf = f->arena + f->used;
	uint8_t pbuf[64];
	unsigned int i;

	if (cap > 0xffff - NLA_HDRLEN)
		cap = 0xffff - NLA_HDRLEN;
	for (i = 0; i < count; i++) {
		int v6 = chance(20);

		plen = build_prefix(pbuf, sizeof(pbuf), v6, (uint8_t)(i >> 8),
				    (uint8_t)i, v6 ? 48 : 24);
		if (put_attr(buf, &len, cap, FASTPATH_A_SPACES_PREFIX | NLA_F_NESTED,
			     pbuf, plen) < 0)
			break;
	}
	/* add() copies; the source is the arena itself, so claim it in place */
	if (f->nattrs < MAX_ATTRS) {
		struct fattr *a = &f->a[f->nattrs++];

		a->type = type | NLA_F_NESTED;
		a->len = (uint32_t)len;
		a->len_override = -1;
		a->data = buf;
		f->used += len;
	}
}

static const char *pick(const char *const *names, size_t n)
{
	return names[rnd((uint32_t)n)];
}

#define PICK(a) pick(a, sizeof(a) / sizeof(a[0]))
static const char *const z_circuits[] = { "zc0", "zc1", "zc2", "zc3" };
static const char *const z_vnets[] = { "zv0", "zv1", "zv2", "zv3" };
static const char *const z_eps[] = { "ze0", "ze1", "ze2", "ze3", "ze4" };
static const char *const z_conns[] = { "zn0", "zn1", "zn2", "zn3" };
static const char *const z_auths[] = { "za0", "za1" };
static const uint32_t bandwidths[] = {
	50, 100, 200, 500, 1000, 2000, 5000, 10000, 40000, 100000, 30, 0,
};

static void add_sub(struct fmsg *f, uint16_t type)
{
	static const uint8_t sub_a[16] = {
		0x0f, 0x8f, 0xad, 0x5b, 0xd9, 0xcb, 0x46, 0x9f,
		0xa1, 0x65, 0x70, 0x86, 0x77, 0x28, 0x95, 0x0e };
	static const uint8_t sub_b[16] = {
		0x7c, 0x9e, 0x66, 0x79, 0x74, 0x25, 0x40, 0xde,
		0x94, 0x4b, 0xe0, 0x7c, 0x1f, 0x90, 0xae, 0x07 };

	add(f, type, chance(80) ? sub_a : sub_b, 16);
}

static uint32_t rnd_ifindex(void)
{
	static const uint32_t v[] = { 0, 0, 1, 2, 3, 4, 5, 6, 1000, 0xffffffff };

	return v[rnd(sizeof(v) / sizeof(v[0]))];
}

/* Fill f with a valid-looking request for cmd. */
static void template(struct fmsg *f, unsigned int cmd)
{
	switch (cmd) {
	case FASTPATH_CMD_CIRCUIT_NEW:
	case FASTPATH_CMD_CIRCUIT_SET:
		add_str(f, FASTPATH_A_CIRCUIT_NAME, PICK(z_circuits));
		if (cmd == FASTPATH_CMD_CIRCUIT_NEW)
			add_sub(f, FASTPATH_A_CIRCUIT_SUBSCRIPTION);
		if (chance(60))
			add_u32(f, FASTPATH_A_CIRCUIT_IFINDEX, rnd_ifindex());
		if (chance(70))
			add_u32(f, FASTPATH_A_CIRCUIT_TIER, rnd(3));
		if (chance(70))
			add_u32(f, FASTPATH_A_CIRCUIT_PORT, rnd(4));
		if (chance(80))
			add_u32(f, FASTPATH_A_CIRCUIT_BANDWIDTH,
				bandwidths[rnd(sizeof(bandwidths) / 4)]);
		if (chance(20))
			add_u32(f, FASTPATH_A_CIRCUIT_ROUTE_LIMIT,
				chance(50) ? rnd(10) : (uint32_t)rnd64());
		break;
	case FASTPATH_CMD_CIRCUIT_DEL:
	case FASTPATH_CMD_CIRCUIT_GET:
		add_str(f, FASTPATH_A_CIRCUIT_NAME, PICK(z_circuits));
		break;
	case FASTPATH_CMD_AUTH_NEW:
	case FASTPATH_CMD_AUTH_DEL:
	case FASTPATH_CMD_AUTH_GET:
		add_str(f, FASTPATH_A_AUTH_CIRCUIT, PICK(z_circuits));
		add_str(f, FASTPATH_A_AUTH_NAME, PICK(z_auths));
		break;
	case FASTPATH_CMD_VNET_NEW:
	case FASTPATH_CMD_VNET_SET:
		add_str(f, FASTPATH_A_VNET_NAME, PICK(z_vnets));
		if (cmd == FASTPATH_CMD_VNET_NEW)
			add_sub(f, FASTPATH_A_VNET_SUBSCRIPTION);
		if (chance(70))
			add_str(f, FASTPATH_A_VNET_REGION,
				chance(50) ? "zregion" : "northeurope");
		if (chance(70))
			add_u32(f, FASTPATH_A_VNET_SKU, rnd(9));
		if (chance(30))
			add_u32(f, FASTPATH_A_VNET_UNITS, rnd(42));
		if (chance(70))
			add_spaces(f, FASTPATH_A_VNET_SPACES, 1 + rnd(3));
		break;
	case FASTPATH_CMD_VNET_DEL:
	case FASTPATH_CMD_VNET_GET:
		add_str(f, FASTPATH_A_VNET_NAME, PICK(z_vnets));
		break;
	case FASTPATH_CMD_PEERING_NEW:
	case FASTPATH_CMD_PEERING_DEL:
		add_str(f, FASTPATH_A_PEERING_VNET, PICK(z_vnets));
		add_str(f, FASTPATH_A_PEERING_PEER, PICK(z_vnets));
		break;
	case FASTPATH_CMD_ENDPOINT_NEW:
	case FASTPATH_CMD_ENDPOINT_SET:
		add_str(f, FASTPATH_A_ENDPOINT_NAME, PICK(z_eps));
		if (cmd == FASTPATH_CMD_ENDPOINT_NEW)
			add_str(f, FASTPATH_A_ENDPOINT_VNET, PICK(z_vnets));
		if (chance(80))
			add_prefix(f, FASTPATH_A_ENDPOINT_PREFIX);
		if (chance(50))
			add_u32(f, FASTPATH_A_ENDPOINT_IFINDEX, rnd_ifindex());
		if (chance(40)) {
			uint8_t mac[6] = { 0x52, 0x54, 0, 0, 0, (uint8_t)rnd(4) };

			if (chance(20))
				memset(mac, 0, sizeof(mac));
			add(f, FASTPATH_A_ENDPOINT_MAC, mac, 6);
		}
		break;
	case FASTPATH_CMD_ENDPOINT_DEL:
	case FASTPATH_CMD_ENDPOINT_GET:
		add_str(f, FASTPATH_A_ENDPOINT_NAME, PICK(z_eps));
		break;
	case FASTPATH_CMD_CONN_NEW:
	case FASTPATH_CMD_CONN_SET:
		add_str(f, FASTPATH_A_CONN_NAME, PICK(z_conns));
		if (cmd == FASTPATH_CMD_CONN_NEW) {
			add_str(f, FASTPATH_A_CONN_CIRCUIT, PICK(z_circuits));
			add_str(f, FASTPATH_A_CONN_VNET, PICK(z_vnets));
		}
		if (chance(80))
			add_u32(f, FASTPATH_A_CONN_FLAGS, rnd(chance(90) ? 16 : 0xffff));
		if (chance(15)) {
			uint8_t key[16];

			rnd_bytes(key, sizeof(key));
			add(f, FASTPATH_A_CONN_AUTH_KEY, key, sizeof(key));
		}
		break;
	case FASTPATH_CMD_CONN_DEL:
	case FASTPATH_CMD_CONN_GET:
		add_str(f, FASTPATH_A_CONN_NAME, PICK(z_conns));
		break;
	case FASTPATH_CMD_EXCEPTION_NEW:
	case FASTPATH_CMD_EXCEPTION_SET:
	case FASTPATH_CMD_EXCEPTION_DEL:
	case FASTPATH_CMD_EXCEPTION_GET:
		add_str(f, FASTPATH_A_EXCEPTION_VNET, PICK(z_vnets));
		add_prefix(f, FASTPATH_A_EXCEPTION_PREFIX);
		if (cmd == FASTPATH_CMD_EXCEPTION_NEW ||
		    cmd == FASTPATH_CMD_EXCEPTION_SET)
			add_u32(f, FASTPATH_A_EXCEPTION_KIND, rnd(7));
		break;
	case FASTPATH_CMD_UDR_NEW:
	case FASTPATH_CMD_UDR_SET:
	case FASTPATH_CMD_UDR_DEL:
	case FASTPATH_CMD_UDR_GET:
		add_str(f, FASTPATH_A_UDR_VNET, PICK(z_vnets));
		add_prefix(f, FASTPATH_A_UDR_PREFIX);
		if (cmd == FASTPATH_CMD_UDR_NEW || cmd == FASTPATH_CMD_UDR_SET)
			add_str(f, FASTPATH_A_UDR_NEXTHOP, PICK(z_eps));
		break;
	case FASTPATH_CMD_INFO_GET:
	default:
		break;
	}
}

static int attr_max_for(unsigned int cmd)
{
	if (cmd <= FASTPATH_CMD_MAX && cmds[cmd].set != S_NONE)
		return set_max[cmds[cmd].set];
	return 16;
}

/* A random attribute type for cmd: mostly in range, sometimes anything. */
static uint16_t rnd_type(unsigned int cmd)
{
	uint16_t t;

	if (chance(85))
		t = (uint16_t)rnd((uint32_t)attr_max_for(cmd) + ATTR_MARGIN + 1);
	else
		t = (uint16_t)rnd(0x4000);
	if (chance(10))
		t |= NLA_F_NESTED;
	if (chance(5))
		t |= NLA_F_NET_BYTEORDER;
	return t;
}

/* A random attribute payload: sizes that matter to a policy. */
static void add_random_attr(struct fmsg *f, unsigned int cmd)
{
	static const uint32_t sizes[] = { 0, 1, 2, 3, 4, 5, 6, 8, 15, 16, 17,
					  32, 64, 255, 256, 1024, 4000 };
	uint32_t n = sizes[rnd(sizeof(sizes) / 4)];
	struct fattr *a = add(f, rnd_type(cmd), NULL, n);

	if (a) {
		rnd_bytes(a->data, n);
		if (n && chance(40))	/* string-like */
			a->data[n - 1] = 0;
	}
}

/* Deeply nested attributes, depth as deep as the message allows. */
static void add_nest_bomb(struct fmsg *f, unsigned int cmd)
{
	size_t depth = 100 + rnd(8000), i, total;
	uint16_t outer = rnd_type(cmd);
	uint8_t *p;
	struct fattr *a;

	if (cmd <= FASTPATH_CMD_MAX && chance(60)) {
		/* the real nests: spaces and prefix */
		if (cmds[cmd].set == S_VNET)
			outer = FASTPATH_A_VNET_SPACES;
		else if (cmds[cmd].set == S_ENDPOINT)
			outer = FASTPATH_A_ENDPOINT_PREFIX;
		else if (cmds[cmd].set == S_UDR)
			outer = FASTPATH_A_UDR_PREFIX;
		else if (cmds[cmd].set == S_EXCEPTION)
			outer = FASTPATH_A_EXCEPTION_PREFIX;
	}
	total = depth * NLA_HDRLEN + 8;
	if (total > 0xffff - NLA_HDRLEN)
		total = (0xffff - NLA_HDRLEN) & ~3u;
	depth = (total - 8) / NLA_HDRLEN;
	a = add(f, outer | NLA_F_NESTED, NULL, total);
	if (!a)
		return;
	p = a->data;
	for (i = 0; i < depth; i++) {
		struct nlattr *n = (struct nlattr *)(p + i * NLA_HDRLEN);

		n->nla_len = (uint16_t)(total - i * NLA_HDRLEN);
		n->nla_type = (uint16_t)((chance(50) ? 1 : rnd(4)) |
					 (chance(90) ? NLA_F_NESTED : 0));
	}
	/* innermost: a u32 */
	{
		struct nlattr *n = (struct nlattr *)(p + depth * NLA_HDRLEN);

		n->nla_len = 8;
		n->nla_type = 1;
		memset(p + depth * NLA_HDRLEN + 4, 0xa5, 4);
	}
}

enum kind {
	K_VALID, K_MUTATE, K_EXTRA, K_RANDOM_ATTRS, K_NEST_BOMB, K_HUGE,
	K_BAD_LEN, K_BAD_HDR, K_WRONG_CMD, K_GARBAGE, K_COUNT
};

static const char *const kind_names[K_COUNT] = {
	"valid", "mutate", "extra", "random-attrs", "nest-bomb", "huge",
	"bad-len", "bad-hdr", "wrong-cmd", "garbage",
};

/* Mutate one attribute of f. */
static void mutate_one(struct fmsg *f, unsigned int cmd)
{
	struct fattr *a;
	uint8_t *p;
	uint32_t n;

	if (!f->nattrs) {
		add_random_attr(f, cmd);
		return;
	}
	a = &f->a[rnd((uint32_t)f->nattrs)];
	switch (rnd(14)) {
	case 0:		/* another type */
		a->type = rnd_type(cmd);
		break;
	case 1:		/* truncated payload */
		a->len = a->len ? rnd(a->len) : 0;
		break;
	case 2:		/* longer payload */
		n = 1 + rnd(chance(80) ? 16 : 600);
		p = arena_alloc(f, a->len + n);
		if (p) {
			memcpy(p, a->data, a->len);
			rnd_bytes(p + a->len, n);
			a->data = p;
			a->len += n;
		}
		break;
	case 3:		/* random bytes, same length */
		rnd_bytes(a->data, a->len);
		break;
	case 4:		/* one byte */
		if (a->len)
			a->data[rnd(a->len)] = (uint8_t)rnd64();
		break;
	case 5:		/* one bit */
		if (a->len)
			a->data[rnd(a->len)] ^= (uint8_t)(1 << rnd(8));
		break;
	case 6:		/* toggle NLA_F_NESTED / NET_BYTEORDER */
		a->type ^= chance(70) ? NLA_F_NESTED : NLA_F_NET_BYTEORDER;
		break;
	case 7:		/* string without its NUL, or a long string */
		if (chance(50)) {
			if (a->len)
				a->data[a->len - 1] = 'x';
		} else {
			n = 16 + rnd(chance(80) ? 64 : 3000);
			p = arena_alloc(f, n);
			if (p) {
				memset(p, 'z', n - 1);
				p[n - 1] = 0;
				a->data = p;
				a->len = n;
			}
		}
		break;
	case 8:		/* extreme integers */
		if (a->len >= 4) {
			static const uint32_t v[] = { 0, 1, 0x7fffffff, 0x80000000,
						      0xffffffff, 0xfffffffe, 65536 };
			uint32_t x = v[rnd(sizeof(v) / 4)];

			memcpy(a->data, &x, 4);
		}
		break;
	case 9:		/* duplicate it */
		if (f->nattrs < MAX_ATTRS)
			f->a[f->nattrs++] = *a;
		break;
	case 10:	/* drop it (a mandatory one, maybe) */
		*a = f->a[--f->nattrs];
		break;
	case 11:	/* nla_len lies: short or beyond the message */
		a->len_override = chance(50) ? (int32_t)rnd(NLA_HDRLEN) :
			(int32_t)(NLA_HDRLEN + a->len + 1 + rnd(chance(50) ? 8 : 0xffff));
		if (a->len_override > 0xffff)
			a->len_override = 0xffff;
		break;
	case 12:	/* non-printable name */
		if (a->len > 1)
			a->data[rnd(a->len - 1)] = (uint8_t)(chance(50) ? 0 : 0x01 + rnd(31));
		break;
	default:	/* inside a nest: corrupt a nested header */
		if (a->len >= NLA_HDRLEN) {
			uint16_t l = (uint16_t)rnd64();

			if (chance(50))
				memcpy(a->data, &l, 2);
			else
				memcpy(a->data + 2, &l, 2);
		}
		break;
	}
}

/* Serialize f into m (with attribute length overrides). */
static void serialize(struct fmsg *f, struct msg *m)
{
	int i;

	msg_init(m, f->type, f->flags, f->cmd, f->version);
	for (i = 0; i < f->nattrs; i++) {
		struct fattr *a = &f->a[i];
		long off = put_attr(m->b, &m->len, MSG_MAX, a->type, a->data,
				    a->len);

		if (off >= 0 && a->len_override >= 0)
			((struct nlattr *)(m->b + off))->nla_len =
				(uint16_t)a->len_override;
	}
}

static uint16_t rnd_flags(void)
{
	static const uint16_t bits[] = {
		NLM_F_REQUEST, NLM_F_MULTI, NLM_F_ACK, NLM_F_ECHO,
		NLM_F_DUMP_INTR, NLM_F_DUMP_FILTERED, NLM_F_ROOT, NLM_F_MATCH,
		NLM_F_ATOMIC, NLM_F_REPLACE, NLM_F_EXCL, NLM_F_CREATE,
		NLM_F_APPEND, NLM_F_CAPPED, NLM_F_ACK_TLVS, NLM_F_NONREC,
	};
	uint16_t fl = 0;
	unsigned int i;

	if (chance(70))
		fl = NLM_F_REQUEST | NLM_F_ACK;
	else if (chance(50))
		fl = NLM_F_REQUEST;
	if (chance(25)) {
		for (i = 0; i < sizeof(bits) / sizeof(bits[0]); i++)
			if (chance(15))
				fl |= bits[i];
	}
	if (chance(10))
		fl |= NLM_F_DUMP;
	if (chance(2))
		fl = (uint16_t)rnd64();
	return fl;
}

static unsigned int rnd_cmd(void)
{
	if (chance(90))
		return 1 + rnd(FASTPATH_CMD_MAX + CMD_MARGIN);
	return rnd(256);
}

/* Build fuzz message number i into m; returns its kind. */
static enum kind build_fuzz(struct fmsg *f, struct msg *m, unsigned int *cmdp)
{
	enum kind k;
	uint32_t r = rnd(100);
	unsigned int cmd = rnd_cmd(), i, n;
	struct nlmsghdr *nlh;
	struct genlmsghdr *g;

	if (r < 15)
		k = K_VALID;
	else if (r < 45)
		k = K_MUTATE;
	else if (r < 55)
		k = K_EXTRA;
	else if (r < 64)
		k = K_RANDOM_ATTRS;
	else if (r < 70)
		k = K_NEST_BOMB;
	else if (r < 74)
		k = K_HUGE;
	else if (r < 82)
		k = K_BAD_LEN;
	else if (r < 89)
		k = K_BAD_HDR;
	else if (r < 95)
		k = K_WRONG_CMD;
	else
		k = K_GARBAGE;

	f->nattrs = 0;
	f->used = 0;
	f->cmd = (uint8_t)cmd;
	f->version = chance(95) ? FASTPATH_FAMILY_VERSION : (uint8_t)rnd64();
	f->type = family_id;
	f->flags = k == K_VALID ? NLM_F_REQUEST | NLM_F_ACK : rnd_flags();

	switch (k) {
	case K_VALID:
		template(f, cmd);
		break;
	case K_MUTATE:
		template(f, cmd);
		mutate_one(f, cmd);
		if (chance(20))
			mutate_one(f, cmd);
		break;
	case K_EXTRA:
		template(f, cmd);
		n = 1 + rnd(4);
		for (i = 0; i < n; i++)
			add_random_attr(f, cmd);
		break;
	case K_RANDOM_ATTRS:
		n = rnd(12);
		for (i = 0; i < n; i++)
			add_random_attr(f, cmd);
		break;
	case K_NEST_BOMB:
		template(f, cmd);
		add_nest_bomb(f, cmd);
		break;
	case K_HUGE:
		if (chance(30)) {
			/* a vnet with hundreds or thousands of spaces (the
			 * limits are 200 to link and 1000 in all)
			 */
			f->cmd = chance(50) ? FASTPATH_CMD_VNET_NEW : FASTPATH_CMD_VNET_SET;
			cmd = f->cmd;
			add_str(f, FASTPATH_A_VNET_NAME, PICK(z_vnets));
			if (cmd == FASTPATH_CMD_VNET_NEW)
				add_sub(f, FASTPATH_A_VNET_SUBSCRIPTION);
			add_str(f, FASTPATH_A_VNET_REGION, "zregion");
			add_spaces(f, FASTPATH_A_VNET_SPACES,
				   chance(70) ? 150 + rnd(100) : 990 + rnd(500));
		} else {
			/* the same attribute over and over (up to MAX_ATTRS),
			 * then a huge one
			 */
			template(f, cmd);
			while (f->nattrs && f->nattrs < MAX_ATTRS - 1)
				f->a[f->nattrs] = f->a[f->nattrs - 1], f->nattrs++;
			n = 8000 + rnd(50000);
			{
				struct fattr *a = add(f, rnd_type(cmd), NULL, n);

				if (a)
					rnd_bytes(a->data, n);
			}
		}
		break;
	case K_BAD_LEN:
		template(f, cmd);
		if (!f->nattrs)
			add_random_attr(f, cmd);
		if (f->nattrs) {
			struct fattr *a = &f->a[f->nattrs - 1];
			static const int32_t v[] = { 0, 1, 2, 3, 5, 0xffff, 0xfffc, 0x8000 };

			a->len_override = chance(50) ? v[rnd(sizeof(v) / 4)] :
				(int32_t)(NLA_HDRLEN + a->len + 1 + rnd(64));
			if (a->len_override > 0xffff)
				a->len_override = 0xffff;
		}
		break;
	case K_BAD_HDR:
	case K_WRONG_CMD:
	case K_GARBAGE:
		template(f, cmd);
		break;
	default:
		break;
	}
	if (k == K_WRONG_CMD) {
		/* a valid payload of one command under another number */
		f->cmd = (uint8_t)rnd_cmd();
		if (chance(20))
			f->cmd = 0;
	}
	*cmdp = f->cmd;
	serialize(f, m);

	nlh = (struct nlmsghdr *)m->b;
	g = (struct genlmsghdr *)(m->b + NLMSG_HDRLEN);
	if (k == K_GARBAGE) {
		n = rnd(2000);
		if (m->len + n > MSG_MAX)
			n = 0;
		rnd_bytes(m->b + NLMSG_HDRLEN + GENL_HDRLEN, n);
		m->len = NLMSG_HDRLEN + GENL_HDRLEN + n;
	}
	nlh->nlmsg_len = (uint32_t)m->len;
	if (k == K_BAD_HDR) {
		switch (rnd(7)) {
		case 0:	/* shorter than the genl header, or cut in it */
			m->len = NLMSG_HDRLEN + rnd(GENL_HDRLEN);
			nlh->nlmsg_len = (uint32_t)m->len;
			break;
		case 1:	/* nlmsg_len beyond what was sent */
			nlh->nlmsg_len = (uint32_t)m->len + 1 + rnd(100000);
			break;
		case 2:	/* nlmsg_len short: attributes cut off */
			nlh->nlmsg_len = (uint32_t)(NLMSG_HDRLEN + rnd((uint32_t)m->len));
			break;
		case 3:	/* genl reserved field */
			g->reserved = (uint16_t)rnd64();
			break;
		case 4:	/* netlink control types, or no family at all
			 * (never another family's id: fuzzing those is not
			 * this tool's business)
			 */
			nlh->nlmsg_type = chance(50) ? (uint16_t)rnd(NLMSG_MIN_TYPE) :
				(uint16_t)(0xff00 + rnd(0xff));
			break;
		case 5:	/* unaligned total length: garbage tail */
			m->len += 1 + rnd(3);
			nlh->nlmsg_len = (uint32_t)m->len;
			break;
		default:	/* a second message glued to the first */
			if (m->len * 2 < MSG_MAX) {
				memcpy(m->b + NLMSG_ALIGN(m->len), m->b, m->len);
				((struct nlmsghdr *)(m->b + NLMSG_ALIGN(m->len)))->nlmsg_len =
					(uint32_t)(chance(50) ? m->len : rnd(0xffff));
				m->len = NLMSG_ALIGN(m->len) + m->len;
			}
			break;
		}
	}
	return k;
}

/* ------------------------------------------------------------------------
 * Fuzz loop
 */
struct outcome {
	int answered;		/* something with the fuzz seq arrived */
	int error;		/* errno from NLMSG_ERROR, 0 for an ACK */
	int has_error;
	int done;		/* dump finished (DONE, or error) */
	int has_msg;		/* extack message present */
	int is_dump_data;
};

/* Does @buf hold a BATCH request of the family, glued messages included? */
static bool sent_batch(const uint8_t *buf, size_t len)
{
	size_t off = 0;

	while (off + NLMSG_HDRLEN + GENL_HDRLEN <= len) {
		const struct nlmsghdr *nlh = (const void *)(buf + off);
		const struct genlmsghdr *g = (const void *)(buf + off +
							   NLMSG_HDRLEN);

		/* the kernel stops at a length that does not fit, too */
		if (nlh->nlmsg_len < NLMSG_HDRLEN || nlh->nlmsg_len > len - off)
			return false;
		if (nlh->nlmsg_type == family_id &&
		    nlh->nlmsg_len >= NLMSG_HDRLEN + GENL_HDRLEN &&
		    g->cmd == FASTPATH_CMD_BATCH)
			return true;
		off += NLMSG_ALIGN((size_t)nlh->nlmsg_len);
	}
	return false;
}

static void scan(uint32_t fseq, uint32_t bseq, struct outcome *o, int *barrier)
{
	size_t len = nl_recv();
	struct nlmsghdr *nlh;

	for (nlh = (struct nlmsghdr *)rxbuf; NLMSG_OK(nlh, len);
	     nlh = NLMSG_NEXT(nlh, len)) {
		if (nlh->nlmsg_seq == bseq && nlh->nlmsg_type == NLMSG_ERROR) {
			*barrier = 1;
			continue;
		}
		if (nlh->nlmsg_seq != fseq)
			continue;	/* late output of an earlier dump */
		o->answered = 1;
		if (nlh->nlmsg_type == NLMSG_ERROR) {
			struct nlmsgerr *e = NLMSG_DATA(nlh);
			size_t hl = NLMSG_HDRLEN + sizeof(*e);

			o->done = 1;
			if (o->has_error && !e->error)
				continue;	/* dump ACK after an error */
			o->has_error = 1;
			o->error = -e->error;
			/* with NETLINK_CAP_ACK the request is not echoed */
			if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
				hl += e->msg.nlmsg_len - NLMSG_HDRLEN;
			if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
			    nlh->nlmsg_len > hl) {
				struct nlattr *a;
				size_t rem;

				for_each_attr(a, (uint8_t *)nlh + NLMSG_ALIGN(hl),
					      nlh->nlmsg_len - NLMSG_ALIGN(hl), rem)
					if ((a->nla_type & NLA_TYPE_MASK) ==
					    NLMSGERR_ATTR_MSG)
						o->has_msg = 1;
			}
		} else if (nlh->nlmsg_type == NLMSG_DONE) {
			o->done = 1;
		} else {
			o->is_dump_data |= !!(nlh->nlmsg_flags & NLM_F_MULTI);
		}
	}
}

/*
 * Send @m (sequence number @fseq) and an NLMSG_NOOP barrier (@bseq) that
 * asks for an ACK; everything up to the barrier's ACK is @m's outcome.
 */
static void send_barriered(const struct msg *m, uint32_t fseq, uint32_t bseq,
			   struct outcome *o)
{
	static struct msg barrier;
	int got_barrier = 0;

	nl_send(m->b, m->len);
	msg_init(&barrier, NLMSG_NOOP, NLM_F_REQUEST | NLM_F_ACK, 0, 0);
	barrier.len = NLMSG_HDRLEN;
	msg_finish(&barrier, bseq);
	nl_send(barrier.b, barrier.len);
	while (!got_barrier)
		scan(fseq, bseq, o, &got_barrier);
}

static const char *errno_name(int e)
{
	static char buf[16];

	switch (e) {
	case EPERM: return "EPERM";
	case ENOENT: return "ENOENT";
	case ENOMEM: return "ENOMEM";
	case EBUSY: return "EBUSY";
	case EEXIST: return "EEXIST";
	case ENODEV: return "ENODEV";
	case EINVAL: return "EINVAL";
	case ENOSPC: return "ENOSPC";
	case ERANGE: return "ERANGE";
	case E2BIG: return "E2BIG";
	case EMSGSIZE: return "EMSGSIZE";
	case ENOBUFS: return "ENOBUFS";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	case EAFNOSUPPORT: return "EAFNOSUPPORT";
	case EACCES: return "EACCES";
	case ENOTSUPP_LINUX: return "ENOTSUPP";
	case ENFILE: return "ENFILE";
	case EMLINK: return "EMLINK";
	case EDQUOT: return "EDQUOT";
	case ENXIO: return "ENXIO";
	case ELOOP: return "ELOOP";
	case EKEYREJECTED: return "EKEYREJECTED";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	default:
		snprintf(buf, sizeof(buf), "E%d", e);
		return buf;
	}
}

static int cmd_fuzz(unsigned long count, uint64_t seed, long uid)
{
	static struct fmsg f;
	static struct msg m;
	unsigned long sent = 0, accepted = 0, refused = 0, silent = 0;
	unsigned long admin_accepted = 0, einval_nomsg = 0, reopened = 0;
	unsigned long errs[4096] = { 0 }, kinds[K_COUNT] = { 0 };
	unsigned long nomsg_kinds[K_COUNT] = { 0 };
	unsigned long examples = 0, core_examples = 0;
	uint64_t digest = 0xcbf29ce484222325ULL;	/* FNV-1a of all sent bytes */
	struct timespec t0, t1;
	int e;

	rng_state = seed ? seed : 0x9e3779b97f4a7c15ULL;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	printf("nlfuzz: seed %" PRIu64 " count %lu family %u ops %d cmd-max %d uid %ld\n",
	       seed, count, family_id, n_ops, FASTPATH_CMD_MAX, uid);
	fflush(stdout);

	while (sent < count) {
		struct outcome o = { 0 };
		int got_barrier = 0;
		unsigned int cmd;
		uint32_t fseq = nl_seq++, bseq = nl_seq++;
		enum kind k = build_fuzz(&f, &m, &cmd);
		bool batch;
		int is_admin;

		kinds[k]++;
		((struct nlmsghdr *)m.b)->nlmsg_seq = fseq;
		/* a glued second message shares the seq: first one's outcome */
		if (m.len > ((struct nlmsghdr *)m.b)->nlmsg_len &&
		    ((struct nlmsghdr *)m.b)->nlmsg_len >= NLMSG_HDRLEN) {
			size_t second = NLMSG_ALIGN(((struct nlmsghdr *)m.b)->nlmsg_len);

			if (second + NLMSG_HDRLEN <= m.len)
				((struct nlmsghdr *)(m.b + second))->nlmsg_seq = fseq;
		}
		sent++;
		for (size_t j = 0; j < m.len; j++)
			digest = (digest ^ m.b[j]) * 0x100000001b3ULL;
		batch = sent_batch(m.b, m.len);
		reopened += batch;
		if (dry_run)
			continue;
		send_barriered(&m, fseq, bseq, &o);
		got_barrier = 1;
		/* a dump that started goes on until DONE */
		while (o.is_dump_data && !o.done)
			scan(fseq, bseq, &o, &got_barrier);
		/*
		 * BATCH makes this socket's config requests a chain which the
		 * next fuzz message (two sequence numbers on) breaks for good:
		 * go on with a fresh socket, whose release frees the chain.
		 */
		if (batch) {
			close(nl_fd);
			nl_open();
		}

		is_admin = cmd < MAX_OPS && (op_flags[cmd] &
			   (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM));
		if (!o.answered) {
			silent++;
		} else if (o.has_error && o.error) {
			refused++;
			e = o.error < 4096 ? o.error : 4095;
			errs[e]++;
			if (o.error == EINVAL && !o.has_msg) {
				bool core = k == K_BAD_HDR || k == K_BAD_LEN ||
					    k == K_GARBAGE;

				einval_nomsg++;
				nomsg_kinds[k]++;
				/* at most 3 of the core's own, 5 in all */
				if (examples < 5 && (!core || core_examples < 3)) {
					examples++;
					core_examples += core;
					printf("extack-missing seq %u cmd %s kind %s flags 0x%x len %zu\n",
					       fseq, cmd_name(cmd), kind_names[k],
					       ((struct nlmsghdr *)m.b)->nlmsg_flags,
					       m.len);
				}
			}
		} else {
			accepted++;
			if (is_admin && (((struct nlmsghdr *)m.b)->nlmsg_flags & NLM_F_REQUEST) &&
			    ((struct nlmsghdr *)m.b)->nlmsg_type == family_id)
				admin_accepted++;
		}
		if (verbose > 1 && sent % 10000 == 0) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			fprintf(stderr, "# nlfuzz: %lu sent, %lu accepted, %lu refused, %lu silent, %.0f s\n",
				sent, accepted, refused, silent,
				(double)(t1.tv_sec - t0.tv_sec) +
				(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("sent %lu accepted %lu refused %lu silent %lu\n", sent, accepted,
	       refused, silent);
	printf("batch-reopened %lu\n", reopened);
	printf("admin-accepted %lu\n", admin_accepted);
	for (e = 1; e < 4096; e++)
		if (errs[e])
			printf("errno %s %lu\n", errno_name(e), errs[e]);
	printf("einval-without-extack %lu\n", einval_nomsg);
	printf("einval-without-extack-kinds");
	for (e = 0; e < K_COUNT; e++)
		printf(" %s=%lu", kind_names[e], nomsg_kinds[e]);
	printf("\n");
	printf("kinds");
	for (e = 0; e < K_COUNT; e++)
		printf(" %s=%lu", kind_names[e], kinds[e]);
	printf("\n");
	printf("digest %016" PRIx64 "\n", digest);
	printf("seconds %.1f\n", (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}

/* ------------------------------------------------------------------------
 * Semantic defects: well-formed requests with one defect of meaning that
 * only a check in the kernel (not the policy, not fpctl) can refuse.
 */

/* A prefix's attributes from @addr (@alen bytes) and @plen into @buf. */
static size_t sem_prefix_attrs(uint8_t *buf, size_t cap, const uint8_t *addr,
			       size_t alen, uint8_t plen)
{
	size_t len = 0;

	put_attr(buf, &len, cap, FASTPATH_A_PREFIX_ADDR, addr, alen);
	put_attr(buf, &len, cap, FASTPATH_A_PREFIX_LEN, &plen, 1);
	return len;
}

/* A prefix nest of type @type. */
static void sem_prefix(struct fmsg *f, uint16_t type, const uint8_t *addr,
		       size_t alen, uint8_t plen)
{
	uint8_t buf[64];

	add(f, type | NLA_F_NESTED, buf,
	    sem_prefix_attrs(buf, sizeof(buf), addr, alen, plen));
}

/* A vnet NEW of @name (@nlen bytes with its NUL) and @n spaces. */
static void sem_vnet(struct fmsg *f, const char *name, size_t nlen,
		     const uint8_t (*addr)[16], const size_t *alen,
		     const uint8_t *plen, int n)
{
	uint8_t buf[256], pbuf[64];
	size_t len = 0;
	int i;

	f->cmd = FASTPATH_CMD_VNET_NEW;
	add(f, FASTPATH_A_VNET_NAME, name, nlen);
	add_sub(f, FASTPATH_A_VNET_SUBSCRIPTION);
	add_str(f, FASTPATH_A_VNET_REGION, "westeurope");
	for (i = 0; i < n; i++)
		put_attr(buf, &len, sizeof(buf),
			 FASTPATH_A_SPACES_PREFIX | NLA_F_NESTED, pbuf,
			 sem_prefix_attrs(pbuf, sizeof(pbuf), addr[i], alen[i],
					  plen[i]));
	add(f, FASTPATH_A_VNET_SPACES | NLA_F_NESTED, buf, len);
}

/* Send @f, wait for its answer; returns it. */
static struct outcome sem_send(struct fmsg *f)
{
	static struct msg m;
	struct outcome o = { 0 };
	uint32_t fseq = nl_seq++, bseq = nl_seq++;

	f->type = family_id;
	f->version = FASTPATH_FAMILY_VERSION;
	f->flags = NLM_F_REQUEST | NLM_F_ACK;
	serialize(f, &m);
	msg_finish(&m, fseq);
	send_barriered(&m, fseq, bseq, &o);
	return o;
}

struct sem_run {
	int n;
	const char *names[8];
	struct outcome o[8];
};

/* Send the case built in @f as @name, keep its answer, clear @f. */
static void sem_case(struct sem_run *r, struct fmsg *f, const char *name)
{
	r->names[r->n] = name;
	r->o[r->n++] = sem_send(f);
	memset(f, 0, sizeof(*f));
}

static int cmd_semantic(void)
{
	static const uint8_t mapped[16] = { [10] = 0xff, [11] = 0xff,
					    [12] = 10, [13] = 202 };
	static const uint8_t mapped_host[16] = { [10] = 0xff, [11] = 0xff,
						 [12] = 10, [13] = 202,
						 [15] = 4 };
	static const uint8_t net4[16] = { 10, 203 }, host4[16] = { 10, 203, 0, 1 };
	static const uint8_t ok4[16] = { 10, 202 };
	static const size_t a16[2] = { 16, 16 }, a4[2] = { 4, 4 };
	static const uint8_t l112[2] = { 112, 112 }, l16[2] = { 16, 16 };
	static struct fmsg f;
	struct sem_run r = { 0 };
	size_t nb, na, i;
	char **before, **after;
	int bad = 0;

	rng_state = 0x9e3779b97f4a7c15ULL;
	/* a vnet to hang endpoints and exceptions on */
	memset(&f, 0, sizeof(f));
	sem_vnet(&f, "zsok", 5, &ok4, a4, l16, 1);
	if (sem_send(&f).error)
		die("semantic: vnet zsok not made");
	before = dump_all(&nb);

	memset(&f, 0, sizeof(f));
	f.cmd = FASTPATH_CMD_CIRCUIT_NEW;
	add(&f, FASTPATH_A_CIRCUIT_NAME, "zs\0x", 5);
	add_sub(&f, FASTPATH_A_CIRCUIT_SUBSCRIPTION);
	add_u32(&f, FASTPATH_A_CIRCUIT_BANDWIDTH, 1000);
	sem_case(&r, &f, "circuit name with a byte after its NUL");

	sem_vnet(&f, "zsv\0y", 6, &net4, a4, l16, 1);
	sem_case(&r, &f, "vnet name with a byte after its NUL");

	sem_vnet(&f, "zsm", 4, &mapped, a16, l112, 1);
	sem_case(&r, &f, "vnet space ::ffff:10.202.0.0/112 (IPv4-mapped)");

	sem_vnet(&f, "zsh", 4, &host4, a4, l16, 1);
	sem_case(&r, &f, "vnet space 10.203.0.1/16 (host bits)");

	{
		const uint8_t two[2][16] = { { 10, 203 }, { 10, 203 } };

		sem_vnet(&f, "zsd", 4, two, a4, l16, 2);
	}
	sem_case(&r, &f, "vnet spaces 10.203.0.0/16 twice");

	f.cmd = FASTPATH_CMD_ENDPOINT_NEW;
	add_str(&f, FASTPATH_A_ENDPOINT_NAME, "zse");
	add_str(&f, FASTPATH_A_ENDPOINT_VNET, "zsok");
	sem_prefix(&f, FASTPATH_A_ENDPOINT_PREFIX, mapped_host, 16, 128);
	sem_case(&r, &f, "endpoint ::ffff:10.202.0.4/128 (IPv4-mapped)");

	f.cmd = FASTPATH_CMD_EXCEPTION_NEW;
	add_str(&f, FASTPATH_A_EXCEPTION_VNET, "zsok");
	sem_prefix(&f, FASTPATH_A_EXCEPTION_PREFIX, mapped_host, 16, 128);
	add_u32(&f, FASTPATH_A_EXCEPTION_KIND, FASTPATH_EXCEPTION_KIND_MANUAL);
	sem_case(&r, &f, "exception ::ffff:10.202.0.4/128 (IPv4-mapped)");

	after = dump_all(&na);
	for (i = 0; i < (size_t)r.n; i++) {
		const struct outcome *o = &r.o[i];
		int ok = o->has_error && o->error && o->has_msg;

		printf("semantic: %s: %s (%s%s)\n", r.names[i],
		       ok ? "refused" : "NOT REFUSED",
		       o->error ? errno_name(o->error) : "accepted",
		       o->has_msg ? ", extack" : ", no extack");
		bad += !ok;
	}
	if (nb != na) {
		printf("semantic: the configuration changed: %zu lines, then %zu\n",
		       nb, na);
		bad++;
	} else {
		for (i = 0; i < nb; i++)
			if (strcmp(before[i], after[i])) {
				printf("semantic: changed: %s -> %s\n",
				       before[i], after[i]);
				bad++;
			}
	}
	memset(&f, 0, sizeof(f));
	f.cmd = FASTPATH_CMD_VNET_DEL;
	add_str(&f, FASTPATH_A_VNET_NAME, "zsok");
	if (sem_send(&f).error)
		die("semantic: vnet zsok not deleted");
	printf("semantic: %d cases, %d refused with an extack and nothing changed\n",
	       r.n, r.n - bad);
	return bad ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: nlfuzz [-q] dump\n"
		"       nlfuzz [-q] verify FILE\n"
		"       nlfuzz semantic\n"
		"       nlfuzz [-s SEED] [-n COUNT] [-u UID] [-d] [-v] fuzz\n");
	exit(2);
}

int main(int argc, char **argv)
{
	unsigned long count = 50000;
	uint64_t seed = 0;
	int have_seed = 0, opt;
	long uid = -1;

	while ((opt = getopt(argc, argv, "s:n:u:dqvh")) != -1) {
		switch (opt) {
		case 's':
			seed = strtoull(optarg, NULL, 0);
			have_seed = 1;
			break;
		case 'n':
			count = strtoul(optarg, NULL, 0);
			break;
		case 'u':
			uid = strtol(optarg, NULL, 0);
			break;
		case 'q':
			verbose = 0;
			break;
		case 'd':
			dry_run = 1;
			break;
		case 'v':
			verbose = 2;
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	if (!have_seed) {
		struct timespec ts;

		clock_gettime(CLOCK_REALTIME, &ts);
		seed = ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)ts.tv_nsec ^
		       ((uint64_t)getpid() << 40);
	}
	if (uid >= 0) {
		/* drop privileges before the socket exists: the kernel checks
		 * the opener's credentials too
		 */
		if (setgroups(0, NULL) || setgid((gid_t)uid) || setuid((uid_t)uid))
			die("dropping to uid %ld: %s", uid, strerror(errno));
	}
	if (dry_run) {
		family_id = 0x7ff0;	/* never sent anywhere */
		if (strcmp(argv[optind], "fuzz"))
			usage();
		return cmd_fuzz(count, seed, uid);
	}
	nl_open();
	resolve_family();

	if (!strcmp(argv[optind], "dump"))
		return cmd_dump();
	if (!strcmp(argv[optind], "verify") && optind + 1 < argc)
		return cmd_verify(argv[optind + 1]);
	if (!strcmp(argv[optind], "fuzz"))
		return cmd_fuzz(count, seed, uid);
	if (!strcmp(argv[optind], "semantic"))
		return cmd_semantic();
	usage();
	return 2;
}
