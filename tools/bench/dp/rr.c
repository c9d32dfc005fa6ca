// SPDX-License-Identifier: GPL-2.0
/*
 * rr: request/response latency and TCP connection rate for the data-path
 * benchmark (guest-init.sh), what netperf's UDP_RR and TCP_CRR measure,
 * small enough for the guest's initramfs:
 *
 *   rr udp-server PORT             echo every datagram back
 *   rr udp ADDR PORT COUNT         COUNT round trips of a 32-byte datagram,
 *                                  one at a time; prints
 *                                  "rtt_p50_us=X rtt_p99_us=Y count=N lost=L"
 *   rr tcp-server PORT             accept, read a byte, answer a byte, close
 *   rr crr ADDR PORT SECS          for SECS seconds: connect, a byte each
 *                                  way, close with a reset (no TIME_WAIT);
 *                                  prints "cps=X count=N failed=F"
 *
 * IPv4 or IPv6 addresses.  A round trip that gets no answer within a
 * second counts as lost and is not in the percentiles; 100 round trips
 * (or connections) warm up first and are not counted.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define WARMUP	100

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void die(const char *what)
{
	fprintf(stderr, "rr: %s: %s\n", what, strerror(errno));
	exit(1);
}

static socklen_t addr_of(const char *host, const char *port,
			 struct sockaddr_storage *ss)
{
	struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
	struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
	int p = atoi(port);

	memset(ss, 0, sizeof(*ss));
	if (p <= 0 || p > 65535) {
		fprintf(stderr, "rr: bad port %s\n", port);
		exit(2);
	}
	if (host && strchr(host, ':')) {
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(p);
		if (inet_pton(AF_INET6, host, &s6->sin6_addr) == 1)
			return sizeof(*s6);
	} else if (host) {
		s4->sin_family = AF_INET;
		s4->sin_port = htons(p);
		if (inet_pton(AF_INET, host, &s4->sin_addr) == 1)
			return sizeof(*s4);
	} else {
		/* a server: every address of both families */
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(p);
		s6->sin6_addr = in6addr_any;
		return sizeof(*s6);
	}
	fprintf(stderr, "rr: bad address %s\n", host);
	exit(2);
}

static int sock_for(int type, const struct sockaddr_storage *ss)
{
	int fd = socket(ss->ss_family, type, 0);

	if (fd < 0)
		die("socket");
	return fd;
}

static void __attribute__((noreturn)) udp_server(const char *port)
{
	struct sockaddr_storage ss, from;
	socklen_t len = addr_of(NULL, port, &ss), flen;
	int fd = sock_for(SOCK_DGRAM, &ss), off = 0;
	char buf[2048];
	ssize_t n;

	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	if (bind(fd, (struct sockaddr *)&ss, len))
		die("bind");
	for (;;) {
		flen = sizeof(from);
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from,
			     &flen);
		if (n >= 0)
			sendto(fd, buf, n, 0, (struct sockaddr *)&from, flen);
	}
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int udp_client(const char *host, const char *port, const char *count)
{
	struct timeval tv = { .tv_sec = 1 };
	struct sockaddr_storage ss;
	socklen_t len = addr_of(host, port, &ss);
	int fd = sock_for(SOCK_DGRAM, &ss);
	long want = atol(count), i, n = 0, lost = 0;
	char req[32] = "fastpath rr", resp[64];
	double *rtt, t0;

	if (want <= 0) {
		fprintf(stderr, "rr: bad count %s\n", count);
		return 2;
	}
	rtt = calloc(want, sizeof(*rtt));
	if (!rtt)
		die("calloc");
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(fd, (struct sockaddr *)&ss, len))
		die("connect");
	for (i = -WARMUP; i < want; i++) {
		t0 = now_us();
		if (send(fd, req, sizeof(req), 0) != sizeof(req))
			die("send");
		if (recv(fd, resp, sizeof(resp), 0) != sizeof(req)) {
			if (errno != EAGAIN && errno != ECONNREFUSED)
				die("recv");
			lost += i >= 0;
			continue;
		}
		if (i >= 0)
			rtt[n++] = now_us() - t0;
	}
	if (!n) {
		fprintf(stderr, "rr: no answer from %s port %s\n", host, port);
		return 1;
	}
	qsort(rtt, n, sizeof(*rtt), cmp_double);
	printf("rtt_p50_us=%.1f rtt_p99_us=%.1f count=%ld lost=%ld\n",
	       rtt[n / 2], rtt[(n * 99) / 100], n, lost);
	return 0;
}

static void __attribute__((noreturn)) tcp_server(const char *port)
{
	struct sockaddr_storage ss;
	socklen_t len = addr_of(NULL, port, &ss);
	int fd = sock_for(SOCK_STREAM, &ss), one = 1, off = 0, c;
	char b;

	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&ss, len) || listen(fd, 1024))
		die("bind/listen");
	for (;;) {
		c = accept(fd, NULL, NULL);
		if (c < 0)
			continue;
		if (read(c, &b, 1) == 1)
			(void)!write(c, &b, 1);
		close(c);
	}
}

static int crr_client(const char *host, const char *port, const char *secs)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct timeval tv = { .tv_sec = 1 };
	struct sockaddr_storage ss;
	socklen_t len = addr_of(host, port, &ss);
	double t0, t1, end, dur = atof(secs);
	long i = -WARMUP, failed = 0;
	int fd, one = 1, ok;
	char b = 'x';

	if (dur <= 0) {
		fprintf(stderr, "rr: bad duration %s\n", secs);
		return 2;
	}
	t0 = end = 0;
	for (;; i++) {
		if (i == 0) {
			t0 = now_us();
			end = t0 + dur * 1e6;
		}
		if (i >= 0 && now_us() >= end)
			break;
		fd = sock_for(SOCK_STREAM, &ss);
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
		ok = !connect(fd, (struct sockaddr *)&ss, len) &&
		     write(fd, &b, 1) == 1 && read(fd, &b, 1) == 1;
		setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		close(fd);
		if (!ok)
			failed += i >= 0;
	}
	t1 = now_us();
	if (i - failed <= 0) {
		fprintf(stderr, "rr: no connection to %s port %s\n", host,
			port);
		return 1;
	}
	printf("cps=%.0f count=%ld failed=%ld\n",
	       (i - failed) * 1e6 / (t1 - t0), i - failed, failed);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "udp-server"))
		udp_server(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "tcp-server"))
		tcp_server(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "udp"))
		return udp_client(argv[2], argv[3], argv[4]);
	if (argc == 5 && !strcmp(argv[1], "crr"))
		return crr_client(argv[2], argv[3], argv[4]);
	fprintf(stderr,
		"usage: rr udp-server PORT | rr udp ADDR PORT COUNT |\n"
		"       rr tcp-server PORT | rr crr ADDR PORT SECS\n");
	return 2;
}
