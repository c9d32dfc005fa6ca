// SPDX-License-Identifier: GPL-2.0
/*
 * Load an `ip -batch` route file ("route add PREFIX/LEN dev DEV table T")
 * into the kernel's FIB, as `ip -batch` would (RTM_NEWROUTE, NLM_F_CREATE |
 * NLM_F_EXCL, protocol boot, scope link for IPv4 / universe for IPv6,
 * unicast), but many requests per sendmsg() and without per-request ACKs:
 * iproute2 6.1's ip -batch waits for each ACK and keeps ~4 KiB per route
 * until it exits (2.3 GB for 571k routes), which makes loading large sets
 * under QEMU TCG take longer than the benchmark.  Errors still come back
 * (the kernel always answers a failed request).  Statically linked for the
 * benchmark's initramfs.
 *
 * Usage: kb_load FILE      exit 0 when every route was added
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#define BUFSZ	(64 * 1024)

struct req {
	struct nlmsghdr n;
	struct rtmsg r;
	char attrs[64];
};

static void addattr(struct nlmsghdr *n, int type, const void *data, int len)
{
	struct rtattr *rta = (struct rtattr *)((char *)n + NLMSG_ALIGN(n->nlmsg_len));

	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	n->nlmsg_len = NLMSG_ALIGN(n->nlmsg_len) + RTA_ALIGN(rta->rta_len);
}

static long errors;

static void drain(int fd)
{
	char buf[16384];
	ssize_t len;

	while ((len = recv(fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
		struct nlmsghdr *h;

		for (h = (struct nlmsghdr *)buf; NLMSG_OK(h, len);
		     h = NLMSG_NEXT(h, len)) {
			struct nlmsgerr *e = NLMSG_DATA(h);

			if (h->nlmsg_type == NLMSG_ERROR && e->error) {
				if (errors++ < 5)
					fprintf(stderr, "kb_load: request %u: %s\n",
						h->nlmsg_seq, strerror(-e->error));
			}
		}
	}
}

int main(int argc, char **argv)
{
	static char out[BUFSZ];
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	char line[256], dev[IFNAMSIZ + 1], pfx[INET6_ADDRSTRLEN + 4];
	size_t used = 0;
	unsigned int seq = 0, table, len;
	long n = 0;
	int fd, rcv = 4 << 20;
	FILE *f;

	if (argc != 2) {
		fprintf(stderr, "usage: kb_load FILE\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (!f || fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		perror("kb_load");
		return 1;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcv, sizeof(rcv));
	while (fgets(line, sizeof(line), f)) {
		struct req *q;
		unsigned char a[16];
		char *slash;
		int fam, ifi;

		if (sscanf(line, "route add %43s dev %16s table %u", pfx, dev,
			   &table) != 3)
			continue;
		slash = strchr(pfx, '/');
		if (!slash)
			goto bad;
		*slash = 0;
		len = atoi(slash + 1);
		fam = strchr(pfx, ':') ? AF_INET6 : AF_INET;
		if (inet_pton(fam, pfx, a) != 1)
			goto bad;
		ifi = if_nametoindex(dev);
		if (!ifi) {
			fprintf(stderr, "kb_load: no device %s\n", dev);
			return 1;
		}
		if (used + sizeof(*q) > BUFSZ) {
			if (send(fd, out, used, 0) < 0) {
				perror("kb_load: send");
				return 1;
			}
			used = 0;
			drain(fd);
		}
		q = (struct req *)(out + used);
		memset(q, 0, sizeof(*q));
		q->n.nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg));
		q->n.nlmsg_type = RTM_NEWROUTE;
		q->n.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL;
		q->n.nlmsg_seq = ++seq;
		q->r.rtm_family = fam;
		q->r.rtm_dst_len = len;
		q->r.rtm_protocol = RTPROT_BOOT;
		q->r.rtm_scope = fam == AF_INET ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
		q->r.rtm_type = RTN_UNICAST;
		q->r.rtm_table = table < 256 ? table : RT_TABLE_UNSPEC;
		if (table >= 256)
			addattr(&q->n, RTA_TABLE, &table, 4);
		addattr(&q->n, RTA_DST, a, fam == AF_INET ? 4 : 16);
		addattr(&q->n, RTA_OIF, &ifi, 4);
		used += NLMSG_ALIGN(q->n.nlmsg_len);
		n++;
		continue;
bad:
		fprintf(stderr, "kb_load: bad line: %s", line);
		return 1;
	}
	if (used && send(fd, out, used, 0) < 0) {
		perror("kb_load: send");
		return 1;
	}
	drain(fd);
	printf("kb_load: %ld routes, %ld errors\n", n, errors);
	return errors ? 1 : 0;
}
