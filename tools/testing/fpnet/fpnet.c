// SPDX-License-Identifier: GPL-2.0
/*
 * fpnet - traffic tools for the fastpath data-path selftests (in the guest).
 *
 *   fpnet send -i IFACE -d DMAC -D DST [-s SRC] [-c COUNT] [-t TTL] [-l LEN]
 *              [-v VID] [-o] [-x] [-F] [-p PORT] [-g GAP_US] [-T TAG]
 *              [-S] [-f FILE]
 *       Crafted Ethernet frames on a packet socket: IPv4 or IPv6 (by DST)
 *       UDP to PORT (default 9000), payload "FPNT", TAG, sequence number,
 *       the first 4 bytes of DST and, with -S, the send time (CLOCK_MONOTONIC,
 *       microseconds).  -v a VLAN tag, -o IPv4 options (IHL 6), -x a bad
 *       IPv4 header checksum, -F DF set, -l the IP packet's length.
 *       -c 0 is a flood: it sends until SIGTERM, counts failed sends
 *       instead of stopping (the device may go away and come back: after
 *       a failed send it sends on the device of that name, which may be a
 *       new one) and keeps FILE at "sent=N err=N".
 *
 *   fpnet recv -a ADDR [-p PORT] -f FILE [-t TTL]
 *       Counts the FPNT datagrams arriving on a UDP socket (the kernel has
 *       checked the checksums) and those whose TTL / hop limit differs from
 *       TTL; rewrites FILE ("rx=N badttl=N") after every datagram.
 *
 *   fpnet tap -n NAME -m MAC -a ADDR [-a ADDR6] -f FILE [-t TTL] [-T TAG]
 *       A VM behind tap device NAME: answers ARP, neighbour solicitations
 *       and echo requests for its addresses and judges every FPNT datagram
 *       (see "judging" below).
 *
 *   fpnet sniff -i IFACE -a ADDR [-a ADDR6] -f FILE [-t TTL] [-T TAG]
 *       A VM's view of its device: a packet socket on IFACE judges every
 *       FPNT datagram received; it follows IFACE by name (a deleted
 *       device's replacement is bound within 100 ms).
 *
 *   Judging (tap, sniff): each FPNT datagram counts in rx; bad if its
 *   destination MAC is not the receiving device's, or its IPv4 header or
 *   UDP checksum is wrong; badttl if TTL / hop limit is not TTL; wrong if
 *   it is not addressed to one of the ADDRs, or (-T) carries another tag:
 *   a packet delivered to the wrong VM.  A datagram sent with -S is also
 *   tracked by sequence number: dup counts repeats; on SIGTERM FILE gets
 *   its report (also in FILE.final, which later datagrams leave alone)
 *   with uniq (distinct sequence numbers) and maxgap_us,
 *   the longest stretch of send time between two delivered datagrams with
 *   only lost ones between them (how long delivery stopped; a sender that
 *   was not scheduled for a while lost nothing); SIGUSR1 writes
 *   that line too and starts counting afresh (the tap VM lives on across
 *   flows).  FILE:
 *   "rx=N bad=N badttl=N wrong=N dup=N [uniq=N maxgap_us=N]".
 *
 *   fpnet sink -a ADDR [-p PORT] -f FILE
 *       Accepts one TCP connection on ADDR:PORT (default 9000), reads it to
 *       the end and checks every byte against the stream's pattern; FILE
 *       gets "bytes=N bad=N done=0|1" (done=1 once the peer has closed).
 *
 *   fpnet stream -D DST [-p PORT] -n BYTES [-w SECONDS]
 *       Connects to DST:PORT, writes BYTES of the pattern in 64 KiB writes
 *       (so the stack builds GSO packets), shuts its side down and waits
 *       for the sink to close; every step times out after SECONDS
 *       (default 20).
 *
 * Exit status: 0, 1 on a runtime error, 2 on a usage error.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <net/ethernet.h>
#include <net/if_arp.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip6.h>
#include <netinet/ip_icmp.h>
#include <netinet/udp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define MAGIC		"FPNT"
#define DEF_PORT	9000

struct addr {
	int family;
	uint8_t a[16];
};

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void usage(void)
{
	fprintf(stderr, "usage: fpnet send|recv|tap|sniff|sink|stream ... (see fpnet.c)\n");
	exit(2);
}

static int parse_addr(const char *s, struct addr *a)
{
	memset(a, 0, sizeof(*a));
	if (inet_pton(AF_INET, s, a->a) == 1) {
		a->family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, s, a->a) == 1) {
		a->family = AF_INET6;
		return 0;
	}
	fprintf(stderr, "fpnet: bad address %s\n", s);
	exit(2);
}

static void parse_mac(const char *s, uint8_t *m)
{
	if (sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &m[0], &m[1], &m[2],
		   &m[3], &m[4], &m[5]) != 6) {
		fprintf(stderr, "fpnet: bad MAC %s\n", s);
		exit(2);
	}
}

/* Internet checksum over @len bytes, added to @sum. */
static uint32_t csum_add(uint32_t sum, const void *p, size_t len)
{
	const uint8_t *b = p;

	while (len > 1) {
		sum += (uint32_t)b[0] << 8 | b[1];
		b += 2;
		len -= 2;
	}
	if (len)
		sum += (uint32_t)b[0] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Checksum of an L4 segment with its pseudo header. */
static uint16_t l4_csum(int family, const uint8_t *src, const uint8_t *dst,
			uint8_t proto, const void *seg, size_t len)
{
	uint32_t sum = 0;
	uint8_t ph[8] = { 0 };

	sum = csum_add(sum, src, family == AF_INET ? 4 : 16);
	sum = csum_add(sum, dst, family == AF_INET ? 4 : 16);
	ph[2] = len >> 8;
	ph[3] = len & 0xff;
	ph[7] = proto;
	sum = csum_add(sum, ph, 8);
	sum = csum_add(sum, seg, len);
	return csum_fold(sum);
}

/* ---- counters file ------------------------------------------------------- */

static const char *out_file;

/* Replace out_file atomically with one line (printf format). */
static __attribute__((format(printf, 1, 2))) void write_out(const char *fmt, ...)
{
	char tmp[256];
	va_list ap;
	FILE *f;

	snprintf(tmp, sizeof(tmp), "%s.tmp", out_file);
	f = fopen(tmp, "w");
	if (!f)
		die(tmp);
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
	if (rename(tmp, out_file))
		die("rename");
}

/*
 * SIGTERM and SIGINT end a flood or a receiver's loop, SIGUSR1 asks a
 * receiver for a report (no SA_RESTART: a blocked call returns).
 */
static volatile sig_atomic_t stop, report;

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		report = 1;
	else
		stop = 1;
}

static void on_signals(void)
{
	struct sigaction sa = { 0 };

	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void put_be64(uint8_t *p, uint64_t v)
{
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		p[i] = v & 0xff;
}

static uint64_t get_be64(const uint8_t *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v = v << 8 | p[i];
	return v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* ---- send ---------------------------------------------------------------- */

/*
 * The ifindex of device @name in this namespace, 0 if there is none, and
 * its MAC into @mac (if not NULL): from sysfs, because the ioctls behind
 * if_nametoindex() ask the kernel to load a module "netdev-NAME" for a
 * device that does not exist, a modprobe per call, which stalled a flood
 * for seconds while its device was gone.
 */
static unsigned int sys_ifindex(const char *name, uint8_t *mac)
{
	char path[96], buf[64];
	unsigned int m[6], idx = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/sys/class/net/%s/ifindex", name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%u", &idx) != 1)
		idx = 0;
	fclose(f);
	if (!idx || !mac)
		return idx;
	snprintf(path, sizeof(path), "/sys/class/net/%s/address", name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (!fgets(buf, sizeof(buf), f) ||
	    sscanf(buf, "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3],
		   &m[4], &m[5]) != 6)
		idx = 0;
	fclose(f);
	for (i = 0; idx && i < 6; i++)
		mac[i] = m[i];
	return idx;
}

static int cmd_send(int argc, char **argv)
{
	unsigned int count = 1, ttl = 64, len = 0, vid = 0, port = DEF_PORT;
	unsigned int gap = 0, tag = 0, i;
	int opts = 0, badcsum = 0, df = 0, stamp = 0, c, s;
	unsigned long n_err = 0;
	const char *ifname = NULL;
	struct addr src = { 0 }, dst = { 0 };
	uint8_t dmac[6] = { 0 }, smac[6];
	uint8_t frame[9000];
	struct sockaddr_ll sll = { 0 };
	struct ifreq ifr = { 0 };
	int have_src = 0, have_dmac = 0;

	while ((c = getopt(argc, argv, "i:d:s:D:c:t:l:v:oxFp:g:T:Sf:")) != -1) {
		switch (c) {
		case 'i': ifname = optarg; break;
		case 'd': parse_mac(optarg, dmac); have_dmac = 1; break;
		case 's': parse_addr(optarg, &src); have_src = 1; break;
		case 'D': parse_addr(optarg, &dst); break;
		case 'c': count = strtoul(optarg, NULL, 0); break;
		case 't': ttl = strtoul(optarg, NULL, 0); break;
		case 'l': len = strtoul(optarg, NULL, 0); break;
		case 'v': vid = strtoul(optarg, NULL, 0); break;
		case 'o': opts = 1; break;
		case 'x': badcsum = 1; break;
		case 'F': df = 1; break;
		case 'p': port = strtoul(optarg, NULL, 0); break;
		case 'g': gap = strtoul(optarg, NULL, 0); break;
		case 'T': tag = strtoul(optarg, NULL, 0); break;
		case 'S': stamp = 1; break;
		case 'f': out_file = optarg; break;
		default: usage();
		}
	}
	if (!ifname || !dst.family || !have_dmac || (!count && !out_file))
		usage();
	if (!have_src) {
		fprintf(stderr, "fpnet send: -s SRC is needed\n");
		return 2;
	}
	s = socket(AF_PACKET, SOCK_RAW, 0);
	if (s < 0)
		die("socket");
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(s, SIOCGIFHWADDR, &ifr) < 0)
		die("SIOCGIFHWADDR");
	memcpy(smac, ifr.ifr_hwaddr.sa_data, 6);
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = if_nametoindex(ifname);
	sll.sll_halen = 6;
	memcpy(sll.sll_addr, dmac, 6);

	if (!count)
		on_signals();
	for (i = 0; count ? i < count : !stop; i++) {
		size_t off = 0, l3, ihl, plen, pay = stamp ? 24 : 16;
		uint8_t *ip, *udp;
		uint16_t proto;

		memset(frame, 0, sizeof(frame));
		memcpy(frame, dmac, 6);
		memcpy(frame + 6, smac, 6);
		off = 12;
		if (vid) {
			frame[off++] = 0x81;
			frame[off++] = 0x00;
			frame[off++] = vid >> 8;
			frame[off++] = vid & 0xff;
		}
		proto = dst.family == AF_INET ? ETH_P_IP : ETH_P_IPV6;
		frame[off++] = proto >> 8;
		frame[off++] = proto & 0xff;
		ip = frame + off;
		ihl = dst.family == AF_INET ? (opts ? 24 : 20) : 40;
		l3 = len ? len : ihl + 8 + pay;
		if (l3 < ihl + 8 + pay || off + l3 > sizeof(frame)) {
			fprintf(stderr, "fpnet send: bad length %u\n", len);
			return 2;
		}
		udp = ip + ihl;
		plen = l3 - ihl;
		udp[0] = 0x9f;
		udp[1] = 0x90;		/* source port 40848 */
		udp[2] = port >> 8;
		udp[3] = port & 0xff;
		udp[4] = plen >> 8;
		udp[5] = plen & 0xff;
		memcpy(udp + 8, MAGIC, 4);
		udp[12] = tag >> 24; udp[13] = tag >> 16;
		udp[14] = tag >> 8; udp[15] = tag;
		udp[16] = i >> 24; udp[17] = i >> 16;
		udp[18] = i >> 8; udp[19] = i;
		memcpy(udp + 20, dst.a, 4);
		if (stamp)
			put_be64(udp + 24, now_us());
		if (dst.family == AF_INET) {
			uint16_t ck;

			ip[0] = 0x40 | (ihl / 4);
			ip[2] = l3 >> 8;
			ip[3] = l3 & 0xff;
			ip[4] = i >> 8;
			ip[5] = i & 0xff;
			ip[6] = df ? 0x40 : 0;
			ip[8] = ttl;
			ip[9] = IPPROTO_UDP;
			memcpy(ip + 12, src.a, 4);
			memcpy(ip + 16, dst.a, 4);
			if (opts)
				ip[20] = 1, ip[21] = 1, ip[22] = 1, ip[23] = 0;
			ck = csum_fold(csum_add(0, ip, ihl));
			if (badcsum)
				ck ^= 0x5555;
			ip[10] = ck >> 8;
			ip[11] = ck & 0xff;
		} else {
			ip[0] = 0x60;
			ip[4] = plen >> 8;
			ip[5] = plen & 0xff;
			ip[6] = IPPROTO_UDP;
			ip[7] = ttl;
			memcpy(ip + 8, src.a, 16);
			memcpy(ip + 24, dst.a, 16);
		}
		{
			uint16_t ck = l4_csum(dst.family, ip + (dst.family ==
					      AF_INET ? 12 : 8), ip +
					      (dst.family == AF_INET ? 16 : 24),
					      IPPROTO_UDP, udp, plen);

			if (!ck)
				ck = 0xffff;
			udp[6] = ck >> 8;
			udp[7] = ck & 0xff;
		}
		if (sendto(s, frame, off + l3, 0, (struct sockaddr *)&sll,
			   sizeof(sll)) < 0) {
			if (count)
				die("sendto");
			n_err++;
			/*
			 * A flood outlives its device: one of the same name
			 * (a new ifindex, maybe a new MAC) takes over.
			 */
			sll.sll_ifindex = sys_ifindex(ifname, smac);
		}
		if (out_file && !(i % 50))
			write_out("sent=%u err=%lu\n", i + 1, n_err);
		if (gap)
			usleep(gap);
	}
	if (out_file)
		write_out("sent=%u err=%lu\n", i, n_err);
	close(s);
	return 0;
}

/* sockaddr for @a and @port; returns its length. */
static socklen_t make_sa(const struct addr *a, unsigned int port,
			 struct sockaddr_storage *ss)
{
	memset(ss, 0, sizeof(*ss));
	if (a->family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		memcpy(&sin->sin_addr, a->a, 4);
		return sizeof(*sin);
	} else {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		memcpy(&sin6->sin6_addr, a->a, 16);
		return sizeof(*sin6);
	}
}

/* ---- judging delivered datagrams (recv, tap, sniff) ----------------------- */

#define SEQ_MAX		(1u << 20)

static unsigned long n_rx, n_bad, n_badttl, n_wrong, n_dup;
static struct addr my_addrs[4];
static int n_my_addrs;
static int want_ttl = -1;
static long long want_tag = -1;
static uint64_t *stamps;	/* send time by sequence number; 0: not seen */

static void write_counts(void)
{
	write_out("rx=%lu bad=%lu badttl=%lu wrong=%lu dup=%lu\n", n_rx, n_bad,
		  n_badttl, n_wrong, n_dup);
}

/*
 * The report: the counters and what the sequence numbers say, in FILE and
 * in FILE.final, which datagrams that arrive later leave alone.
 */
static void write_final(void)
{
	uint64_t prev = 0, maxgap = 0;
	const char *counts = out_file;
	unsigned long uniq = 0;
	uint32_t i, prev_seq = 0;
	char fin[256];
	int k;

	for (i = 0; stamps && i < SEQ_MAX; i++) {
		if (!stamps[i])
			continue;
		uniq++;
		/* Only across missing datagrams: a sender that stalled lost nothing. */
		if (prev && i > prev_seq + 1 && stamps[i] > prev &&
		    stamps[i] - prev > maxgap)
			maxgap = stamps[i] - prev;
		prev = stamps[i];
		prev_seq = i;
	}
	snprintf(fin, sizeof(fin), "%s.final", counts);
	for (k = 0; k < 2; k++) {
		out_file = k ? fin : counts;
		write_out("rx=%lu bad=%lu badttl=%lu wrong=%lu dup=%lu uniq=%lu maxgap_us=%llu\n",
			  n_rx, n_bad, n_badttl, n_wrong, n_dup, uniq,
			  (unsigned long long)maxgap);
	}
	out_file = counts;
}

static void add_my_addr(const char *s)
{
	if (n_my_addrs == 4)
		usage();
	parse_addr(s, &my_addrs[n_my_addrs++]);
}

static int owns(int family, const uint8_t *a)
{
	int i;

	for (i = 0; i < n_my_addrs; i++)
		if (my_addrs[i].family == family &&
		    !memcmp(my_addrs[i].a, a, family == AF_INET ? 4 : 16))
			return 1;
	return 0;
}

static void track_init(void)
{
	stamps = calloc(SEQ_MAX, sizeof(*stamps));
	if (!stamps)
		die("calloc");
	on_signals();
}

/* Counted since FILE was last written (judge() leaves that to here). */
static int counts_dirty;

/*
 * Wait up to 100 ms for @fd to be readable.  FILE gets the counts at most
 * every 50 ms while datagrams arrive, and at once when they stop: a slow
 * guest cannot afford four file system calls per datagram.  SIGUSR1 (seen
 * here) writes the report and starts counting afresh: a flow's report.
 * Return: whether @fd is readable.
 */
static int track_wait(int fd)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	static uint64_t written;
	int r;

	if (report) {
		report = 0;
		write_final();
		n_rx = n_bad = n_badttl = n_wrong = n_dup = 0;
		memset(stamps, 0, SEQ_MAX * sizeof(*stamps));
		counts_dirty = 0;
	}
	if (counts_dirty && now_us() - written >= 50000) {
		write_counts();
		counts_dirty = 0;
		written = now_us();
	}
	r = poll(&pfd, 1, counts_dirty ? 50 : 100);
	if (r <= 0 && counts_dirty) {
		write_counts();
		counts_dirty = 0;
		written = now_us();
	}
	return r > 0;
}

/*
 * Judge one received Ethernet frame @f, which arrived on a device whose
 * address is @mac.  Return: 1 if it was an FPNT datagram (counted), else 0.
 */
static int judge(const uint8_t *f, size_t len, const uint8_t *mac)
{
	const uint8_t *ip = f + 14, *udp, *dst;
	size_t ihl, tot, ulen;
	int family, ttl, bad;
	uint16_t type;

	if (len < 14)
		return 0;
	type = (uint16_t)f[12] << 8 | f[13];
	if (type == ETH_P_IP) {
		if (len < 34)
			return 0;
		ihl = (ip[0] & 15) * 4;
		tot = (size_t)ip[2] << 8 | ip[3];
		if (ihl < 20 || tot < ihl + 8 || tot > len - 14 ||
		    ip[9] != IPPROTO_UDP)
			return 0;
		udp = ip + ihl;
		ulen = tot - ihl;
		family = AF_INET;
		ttl = ip[8];
		dst = ip + 16;
		bad = csum_fold(csum_add(0, ip, ihl)) ||
		      ((udp[6] | udp[7]) && l4_csum(AF_INET, ip + 12, ip + 16,
						    IPPROTO_UDP, udp, ulen));
	} else if (type == ETH_P_IPV6) {
		if (len < 62)
			return 0;
		ulen = (size_t)ip[4] << 8 | ip[5];
		if (ip[6] != IPPROTO_UDP || ulen < 8 || ulen + 54 > len)
			return 0;
		udp = ip + 40;
		family = AF_INET6;
		ttl = ip[7];
		dst = ip + 24;
		bad = !!l4_csum(AF_INET6, ip + 8, ip + 24, IPPROTO_UDP, udp,
				ulen);
	} else {
		return 0;
	}
	if (ulen < 8 + 16 || memcmp(udp + 8, MAGIC, 4))
		return 0;
	n_rx++;
	if (bad || memcmp(f, mac, 6))
		n_bad++;
	else if (want_ttl >= 0 && ttl != want_ttl)
		n_badttl++;
	if (!owns(family, dst) ||
	    (want_tag >= 0 && get_be32(udp + 12) != (uint32_t)want_tag)) {
		n_wrong++;
	} else if (ulen >= 8 + 24 && stamps) {
		uint32_t seq = get_be32(udp + 16);
		uint64_t t = get_be64(udp + 24);

		if (seq < SEQ_MAX) {
			if (stamps[seq])
				n_dup++;
			else
				stamps[seq] = t ? t : 1;
		}
	}
	counts_dirty = 1;
	return 1;
}

/* ---- recv ---------------------------------------------------------------- */

static __attribute__((noreturn)) void cmd_recv(int argc, char **argv)
{
	unsigned int port = DEF_PORT;
	int ttl = -1, c, s, on = 1;
	struct addr a = { 0 };
	struct sockaddr_storage ss;
	socklen_t sl;

	while ((c = getopt(argc, argv, "a:p:f:t:")) != -1) {
		switch (c) {
		case 'a': parse_addr(optarg, &a); break;
		case 'p': port = strtoul(optarg, NULL, 0); break;
		case 'f': out_file = optarg; break;
		case 't': ttl = atoi(optarg); break;
		default: usage();
		}
	}
	if (!a.family || !out_file)
		usage();
	s = socket(a.family, SOCK_DGRAM, 0);
	if (s < 0)
		die("socket");
	sl = make_sa(&a, port, &ss);
	if (a.family == AF_INET)
		setsockopt(s, IPPROTO_IP, IP_RECVTTL, &on, sizeof(on));
	else
		setsockopt(s, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on));
	if (bind(s, (struct sockaddr *)&ss, sl) < 0)
		die("bind");
	write_counts();
	for (;;) {
		char buf[9000], cbuf[256];
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr mh = { 0 };
		struct cmsghdr *cm;
		int got = -1;
		ssize_t n;

		mh.msg_iov = &iov;
		mh.msg_iovlen = 1;
		mh.msg_control = cbuf;
		mh.msg_controllen = sizeof(cbuf);
		n = recvmsg(s, &mh, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("recvmsg");
		}
		if (n < 12 || memcmp(buf, MAGIC, 4))
			continue;
		for (cm = CMSG_FIRSTHDR(&mh); cm; cm = CMSG_NXTHDR(&mh, cm))
			if ((cm->cmsg_level == IPPROTO_IP &&
			     cm->cmsg_type == IP_TTL) ||
			    (cm->cmsg_level == IPPROTO_IPV6 &&
			     cm->cmsg_type == IPV6_HOPLIMIT))
				memcpy(&got, CMSG_DATA(cm), sizeof(got));
		n_rx++;
		if (ttl >= 0 && got != ttl)
			n_badttl++;
		write_counts();
	}
}

/* ---- tap ----------------------------------------------------------------- */

static uint8_t tap_mac[6];

static void tap_send(int fd, uint8_t *f, size_t len, const uint8_t *to)
{
	memcpy(f, to, 6);
	memcpy(f + 6, tap_mac, 6);
	if (write(fd, f, len) < 0)
		perror("fpnet tap: write");
}

static void tap_arp(int fd, uint8_t *f, size_t len)
{
	uint8_t *arp = f + 14, peer[6], asked[4];

	if (len < 42 || arp[7] != 1 || !owns(AF_INET, arp + 24))
		return;
	memcpy(peer, arp + 8, 6);
	memcpy(asked, arp + 24, 4);
	arp[7] = 2;
	memcpy(arp + 18, arp + 8, 10);		/* target = sender */
	memcpy(arp + 8, tap_mac, 6);
	memcpy(arp + 14, asked, 4);		/* sender ip = asked */
	tap_send(fd, f, 42, peer);
}

static void tap_ip4(int fd, uint8_t *f, size_t len)
{
	uint8_t *ip = f + 14, peer[6], t[4];
	size_t ihl, tot;

	if (len < 34)
		return;
	ihl = (ip[0] & 15) * 4;
	tot = (size_t)ip[2] << 8 | ip[3];
	if (!owns(AF_INET, ip + 16) || tot > len - 14 || ihl < 20)
		return;
	if (ip[9] == IPPROTO_ICMP && tot >= ihl + 8 && ip[ihl] == ICMP_ECHO) {
		uint16_t ck;

		ip[ihl] = ICMP_ECHOREPLY;
		ip[ihl + 2] = ip[ihl + 3] = 0;
		ck = csum_fold(csum_add(0, ip + ihl, tot - ihl));
		ip[ihl + 2] = ck >> 8;
		ip[ihl + 3] = ck & 0xff;
		memcpy(t, ip + 12, 4);
		memcpy(ip + 12, ip + 16, 4);
		memcpy(ip + 16, t, 4);
		ip[8] = 64;
		ip[10] = ip[11] = 0;
		ck = csum_fold(csum_add(0, ip, ihl));
		ip[10] = ck >> 8;
		ip[11] = ck & 0xff;
		memcpy(peer, f + 6, 6);
		tap_send(fd, f, 14 + tot, peer);
	}
}

static void tap_ip6(int fd, uint8_t *f, size_t len)
{
	uint8_t *ip = f + 14, *l4 = ip + 40, peer[6], t[16];
	size_t plen;
	uint16_t ck;

	if (len < 54)
		return;
	plen = (size_t)ip[4] << 8 | ip[5];
	if (plen + 54 > len)
		return;
	memcpy(peer, f + 6, 6);
	/* Neighbour solicitation for one of ours: advertise. */
	if (ip[6] == IPPROTO_ICMPV6 && l4[0] == ND_NEIGHBOR_SOLICIT &&
	    plen >= 24 && owns(AF_INET6, l4 + 8)) {
		uint8_t na[14 + 40 + 32];
		uint8_t *nip = na + 14, *nl4 = nip + 40;

		memset(na, 0, sizeof(na));
		na[12] = 0x86;
		na[13] = 0xdd;
		nip[0] = 0x60;
		nip[5] = 32;
		nip[6] = IPPROTO_ICMPV6;
		nip[7] = 255;
		memcpy(nip + 8, l4 + 8, 16);
		memcpy(nip + 24, ip + 8, 16);
		nl4[0] = ND_NEIGHBOR_ADVERT;
		nl4[4] = 0x60;	/* solicited, override */
		memcpy(nl4 + 8, l4 + 8, 16);
		nl4[24] = 2;	/* target link-layer address */
		nl4[25] = 1;
		memcpy(nl4 + 26, tap_mac, 6);
		ck = l4_csum(AF_INET6, nip + 8, nip + 24, IPPROTO_ICMPV6, nl4,
			     32);
		nl4[2] = ck >> 8;
		nl4[3] = ck & 0xff;
		tap_send(fd, na, sizeof(na), peer);
		return;
	}
	if (!owns(AF_INET6, ip + 24))
		return;
	if (ip[6] == IPPROTO_ICMPV6 && plen >= 8 && l4[0] == ICMP6_ECHO_REQUEST) {
		l4[0] = ICMP6_ECHO_REPLY;
		memcpy(t, ip + 8, 16);
		memcpy(ip + 8, ip + 24, 16);
		memcpy(ip + 24, t, 16);
		ip[7] = 64;
		l4[2] = l4[3] = 0;
		ck = l4_csum(AF_INET6, ip + 8, ip + 24, IPPROTO_ICMPV6, l4,
			     plen);
		l4[2] = ck >> 8;
		l4[3] = ck & 0xff;
		tap_send(fd, f, 54 + plen, peer);
	}
}

static __attribute__((noreturn)) void cmd_tap(int argc, char **argv)
{
	const char *name = NULL;
	struct ifreq ifr = { 0 };
	int c, fd;

	while ((c = getopt(argc, argv, "n:m:a:f:t:T:")) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'm': parse_mac(optarg, tap_mac); break;
		case 'a': add_my_addr(optarg); break;
		case 'f': out_file = optarg; break;
		case 't': want_ttl = atoi(optarg); break;
		case 'T': want_tag = strtoul(optarg, NULL, 0); break;
		default: usage();
		}
	}
	if (!name || !n_my_addrs || !out_file)
		usage();
	fd = open("/dev/net/tun", O_RDWR);
	if (fd < 0)
		die("/dev/net/tun");
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, TUNSETIFF, &ifr) < 0)
		die("TUNSETIFF");
	track_init();
	write_counts();
	while (!stop) {
		static uint8_t f[65536];
		uint16_t type;
		ssize_t n;

		if (!track_wait(fd))
			continue;
		n = read(fd, f, sizeof(f));

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("read");
		}
		if (n < 14 || judge(f, n, tap_mac))
			continue;
		type = (uint16_t)f[12] << 8 | f[13];
		if (type == ETH_P_ARP)
			tap_arp(fd, f, n);
		else if (type == ETH_P_IP)
			tap_ip4(fd, f, n);
		else if (type == ETH_P_IPV6)
			tap_ip6(fd, f, n);
	}
	write_final();
	exit(0);
}

/* ---- sniff ---------------------------------------------------------------- */

/*
 * The MAC of device @ifindex, cached; @frame's destination MAC when it
 * differs asks again (the VM's MAC may have changed since: the static MAC
 * fault), so a frame is judged against the device's address of the moment.
 */
static const uint8_t *dev_mac(int s, int ifindex, const uint8_t *frame)
{
	static uint8_t mac[6];
	static int cached;
	struct ifreq ifr = { 0 };

	if (ifindex == cached && !memcmp(frame, mac, 6))
		return mac;
	memset(mac, 0, sizeof(mac));
	cached = 0;
	ifr.ifr_ifindex = ifindex;
	if (ioctl(s, SIOCGIFNAME, &ifr) < 0 ||
	    ioctl(s, SIOCGIFHWADDR, &ifr) < 0)
		return mac;
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	cached = ifindex;
	return mac;
}

/*
 * A UDP socket on each address keeps the VM's stack from answering the
 * datagrams with port unreachable; nobody reads it (when it is full, the
 * stack drops them quietly).
 */
static void swallow(const struct addr *a)
{
	struct sockaddr_storage ss;
	int s, on = 1;

	s = socket(a->family, SOCK_DGRAM, 0);
	if (s < 0)
		die("socket");
	if (a->family == AF_INET)
		setsockopt(s, IPPROTO_IP, IP_FREEBIND, &on, sizeof(on));
	else
		setsockopt(s, IPPROTO_IPV6, IPV6_FREEBIND, &on, sizeof(on));
	/* Another receiver's socket may hold the port: it swallows then. */
	if (bind(s, (struct sockaddr *)&ss, make_sa(a, DEF_PORT, &ss)) < 0)
		close(s);
}

/*
 * Bind @s to device @ifname if it exists now and is not the one @s is bound
 * to: a deleted device's replacement (a new ifindex) is picked up within
 * the 100 ms of track_wait().  Bound to a device, the socket is that
 * device's packet tap only: an unbound one would be every device's (the
 * data path then transmits instead of delivering into a veth peer).
 */
static void sniff_bind(int s, const char *ifname, unsigned int *bound)
{
	unsigned int idx = sys_ifindex(ifname, NULL);
	struct sockaddr_ll sll = { 0 };

	if (!idx || idx == *bound)
		return;
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = idx;
	if (bind(s, (struct sockaddr *)&sll, sizeof(sll)) == 0)
		*bound = idx;
}

static __attribute__((noreturn)) void cmd_sniff(int argc, char **argv)
{
	const char *ifname = NULL;
	int c, s, i, rcvbuf = 8 << 20;
	unsigned int bound = 0;

	while ((c = getopt(argc, argv, "i:a:f:t:T:")) != -1) {
		switch (c) {
		case 'i': ifname = optarg; break;
		case 'a': add_my_addr(optarg); break;
		case 'f': out_file = optarg; break;
		case 't': want_ttl = atoi(optarg); break;
		case 'T': want_tag = strtoul(optarg, NULL, 0); break;
		default: usage();
		}
	}
	if (!ifname || !n_my_addrs || !out_file)
		usage();
	for (i = 0; i < n_my_addrs; i++)
		swallow(&my_addrs[i]);
	/* Protocol 0: nothing arrives before the socket is bound. */
	s = socket(AF_PACKET, SOCK_RAW, 0);
	if (s < 0)
		die("socket");
	/* Room for a burst while a slow guest does not schedule us. */
	setsockopt(s, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	sniff_bind(s, ifname, &bound);
	track_init();
	write_counts();
	while (!stop) {
		static uint8_t f[65536];
		struct sockaddr_ll sll;
		socklen_t sl = sizeof(sll);
		ssize_t n;

		if (!track_wait(s)) {
			sniff_bind(s, ifname, &bound);
			continue;
		}
		n = recvfrom(s, f, sizeof(f), 0, (struct sockaddr *)&sll, &sl);
		if (n < 0) {
			/* The device went down or away: bind again later. */
			if (errno == ENETDOWN || errno == ENXIO || errno == ENODEV)
				bound = 0;
			else if (errno != EINTR)
				die("recvfrom");
			continue;
		}
		if (sll.sll_pkttype == PACKET_OUTGOING ||
		    sll.sll_hatype != ARPHRD_ETHER)
			continue;
		judge(f, n, dev_mac(s, sll.sll_ifindex, f));
	}
	write_final();
	exit(0);
}

/* ---- sink / stream: a TCP stream with a checked pattern ------------------- */

/* Byte @i of the stream: not periodic in any power of two. */
static uint8_t stream_byte(unsigned long long i)
{
	return (uint8_t)(i % 251);
}

static __attribute__((noreturn)) void cmd_sink(int argc, char **argv)
{
	unsigned long long pos = 0, bad = 0;
	unsigned int port = DEF_PORT;
	struct sockaddr_storage ss;
	struct addr a = { 0 };
	int c, s, fd, on = 1;
	socklen_t sl;

	while ((c = getopt(argc, argv, "a:p:f:")) != -1) {
		switch (c) {
		case 'a': parse_addr(optarg, &a); break;
		case 'p': port = strtoul(optarg, NULL, 0); break;
		case 'f': out_file = optarg; break;
		default: usage();
		}
	}
	if (!a.family || !out_file)
		usage();
	s = socket(a.family, SOCK_STREAM, 0);
	if (s < 0)
		die("socket");
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	sl = make_sa(&a, port, &ss);
	if (bind(s, (struct sockaddr *)&ss, sl) < 0)
		die("bind");
	if (listen(s, 1) < 0)
		die("listen");
	write_out("bytes=0 bad=0 done=0\n");
	fd = accept(s, NULL, NULL);
	if (fd < 0)
		die("accept");
	for (;;) {
		static uint8_t buf[65536];
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("read");
		}
		if (!n)
			break;
		for (ssize_t i = 0; i < n; i++, pos++)
			bad += buf[i] != stream_byte(pos);
	}
	close(fd);
	write_out("bytes=%llu bad=%llu done=1\n", pos, bad);
	exit(0);
}

static int cmd_stream(int argc, char **argv)
{
	unsigned long long total = 0, pos = 0;
	unsigned int port = DEF_PORT;
	struct timeval tv = { 20, 0 };
	struct sockaddr_storage ss;
	struct addr d = { 0 };
	static uint8_t buf[65536];
	char c1;
	int c, s;

	while ((c = getopt(argc, argv, "D:p:n:w:")) != -1) {
		switch (c) {
		case 'D': parse_addr(optarg, &d); break;
		case 'p': port = strtoul(optarg, NULL, 0); break;
		case 'n': total = strtoull(optarg, NULL, 0); break;
		case 'w': tv.tv_sec = atoi(optarg); break;
		default: usage();
		}
	}
	if (!d.family || !total)
		usage();
	s = socket(d.family, SOCK_STREAM, 0);
	if (s < 0)
		die("socket");
	setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	if (connect(s, (struct sockaddr *)&ss, make_sa(&d, port, &ss)) < 0)
		die("connect");
	while (pos < total) {
		size_t len = total - pos < sizeof(buf) ? total - pos : sizeof(buf);
		ssize_t n;

		for (size_t i = 0; i < len; i++)
			buf[i] = stream_byte(pos + i);
		n = write(s, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			die("write");
		}
		pos += n;
	}
	if (shutdown(s, SHUT_WR) < 0)
		die("shutdown");
	/* The sink closes once it has read everything. */
	if (read(s, &c1, 1) != 0) {
		fprintf(stderr, "fpnet stream: the sink did not close\n");
		return 1;
	}
	close(s);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	signal(SIGPIPE, SIG_IGN);
	if (!strcmp(argv[1], "send"))
		return cmd_send(argc - 1, argv + 1);
	if (!strcmp(argv[1], "recv"))
		cmd_recv(argc - 1, argv + 1);
	if (!strcmp(argv[1], "tap"))
		cmd_tap(argc - 1, argv + 1);
	if (!strcmp(argv[1], "sink"))
		cmd_sink(argc - 1, argv + 1);
	if (!strcmp(argv[1], "sniff"))
		cmd_sniff(argc - 1, argv + 1);
	if (!strcmp(argv[1], "stream"))
		return cmd_stream(argc - 1, argv + 1);
	usage();
	return 2;
}
