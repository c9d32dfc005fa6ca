// SPDX-License-Identifier: GPL-2.0
/*
 * fpbpf: loads the benchmark's BPF program (fp_tc.bpf.o), fills its LPM
 * maps from standard input and pins the program, for tc to attach:
 *
 *   fpbpf OBJ PIN < ROUTES
 *   tc filter add dev er0 ingress bpf direct-action object-pinned PIN
 *
 * ROUTES: one route per line, "PREFIX/LEN IFINDEX PEER DMAC SMAC" (PEER 1:
 * bpf_redirect_peer() into the veth's peer, 0: bpf_redirect() to the
 * device).  Prints the number of routes loaded.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "fp_tc.h"

static int parse_mac(const char *s, __u8 mac[6])
{
	unsigned int m[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &m[0], &m[1], &m[2], &m[3], &m[4],
		   &m[5]) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = m[i];
	return 0;
}

int main(int argc, char **argv)
{
	char pfx[64], dmac[32], smac[32], line[256];
	struct bpf_object *obj;
	struct bpf_program *prog;
	unsigned long n = 0, lineno = 0;
	int fd4, fd6;

	if (argc != 3) {
		fprintf(stderr, "usage: fpbpf OBJ PIN < ROUTES\n");
		return 2;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "fpbpf: loading %s failed: %s\n", argv[1],
			strerror(errno));
		return 1;
	}
	fd4 = bpf_object__find_map_fd_by_name(obj, "routes4");
	fd6 = bpf_object__find_map_fd_by_name(obj, "routes6");
	prog = bpf_object__find_program_by_name(obj, "fp_tc");
	if (fd4 < 0 || fd6 < 0 || !prog) {
		fprintf(stderr, "fpbpf: %s lacks fp_tc, routes4 or routes6\n",
			argv[1]);
		return 1;
	}
	while (fgets(line, sizeof(line), stdin)) {
		struct fp_tc_nh nh = { 0 };
		unsigned int ifindex, peer, len;
		char *slash;
		int rc;

		lineno++;
		if (sscanf(line, "%63s %u %u %31s %31s", pfx, &ifindex, &peer,
			   dmac, smac) != 5 || !(slash = strchr(pfx, '/')) ||
		    parse_mac(dmac, nh.dmac) || parse_mac(smac, nh.smac))
			goto bad;
		*slash = 0;
		len = strtoul(slash + 1, NULL, 10);
		nh.ifindex = ifindex;
		nh.peer = peer;
		if (strchr(pfx, ':')) {
			struct fp_tc_key6 k = { .prefixlen = len };

			if (len > 128 || inet_pton(AF_INET6, pfx, k.addr) != 1)
				goto bad;
			rc = bpf_map_update_elem(fd6, &k, &nh, BPF_ANY);
		} else {
			struct fp_tc_key4 k = { .prefixlen = len };

			if (len > 32 || inet_pton(AF_INET, pfx, &k.addr) != 1)
				goto bad;
			rc = bpf_map_update_elem(fd4, &k, &nh, BPF_ANY);
		}
		if (rc) {
			fprintf(stderr, "fpbpf: line %lu: %s\n", lineno,
				strerror(errno));
			return 1;
		}
		n++;
		continue;
bad:
		fprintf(stderr, "fpbpf: line %lu: bad route: %s", lineno, line);
		return 1;
	}
	if (bpf_program__pin(prog, argv[2])) {
		fprintf(stderr, "fpbpf: pinning at %s failed: %s\n", argv[2],
			strerror(errno));
		return 1;
	}
	printf("%lu\n", n);
	return 0;
}
