// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl monitor: print the configuration changes the module announces on
 * its "config" multicast group, one line (or, with -j, one JSON object)
 * per change, until interrupted.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/fastpath.h>

#include "objects.h"

static const struct obj_desc *const all_descs[] = {
	&circuit_desc, &auth_desc, &vnet_desc, &peering_desc,
	&endpoint_desc, &conn_desc, &exception_desc, &udr_desc,
};

/* Object and verb ("add", "del", "set") of a notification's command. */
static const struct obj_desc *event_of(uint8_t cmd, const char **verb)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(all_descs); i++) {
		const struct obj_desc *d = all_descs[i];

		*verb = cmd == d->cmd_new ? "add" :
			cmd == d->cmd_del ? "del" :
			cmd == d->cmd_set ? "set" : NULL;
		if (*verb)
			return d;
	}
	return NULL;
}

static int event_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct genlmsghdr *g = mnl_nlmsg_get_payload(nlh);
	struct fpctl *ctx = data;
	const struct obj_desc *d;
	struct json_writer *jw;
	const char *verb;

	if (nlh->nlmsg_type != ctx->family.id ||
	    mnl_nlmsg_get_payload_len(nlh) < sizeof(*g))
		return MNL_CB_OK;
	d = event_of(g->cmd, &verb);
	if (!d)
		return MNL_CB_OK;
	if (ctx->json) {
		jw = fpctl_json(ctx);
		if (!jw)
			return MNL_CB_ERROR;
		jsonw_start_object(jw);
		jsonw_string_field(jw, "event", verb);
		jsonw_string_field(jw, "object", d->name);
		jsonw_name(jw, d->name);
		obj_print_json(d, nlh, jw);
		jsonw_end_object(jw);
		jsonw_destroy(jw);
	} else {
		printf("%s ", verb);
		obj_print_line(d, nlh, stdout);
	}
	fflush(stdout);
	return MNL_CB_OK;
}

void usage_monitor(FILE *f)
{
	fprintf(f,
		"Usage: fpctl [ -j ] monitor\n"
		"Prints every configuration change as \"add|set|del OBJECT ...\"\n"
		"(with -j one JSON object per line) until interrupted.\n");
}

int do_monitor(struct fpctl *ctx, int argc, char **argv)
{
	size_t size = NL_RCV_SIZE;
	struct mnl_socket *sock;
	void *buf;
	int grp, ret;
	ssize_t n;

	if (argc)
		return fpctl_bad_arg("monitor", argv[0]);
	if (!fpctl_family(ctx))
		return FPCTL_EXIT_ERR;
	grp = nl_family_mcgrp(&ctx->family, FASTPATH_MCGRP_CONFIG);
	if (grp < 0) {
		fp_error("the fastpath module has no \"%s\" multicast group",
			 FASTPATH_MCGRP_CONFIG);
		return FPCTL_EXIT_ERR;
	}
	sock = mnl_socket_open(NETLINK_GENERIC);
	if (!sock || mnl_socket_bind(sock, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_setsockopt(sock, NETLINK_ADD_MEMBERSHIP, &grp,
				  sizeof(grp)) < 0) {
		fp_error("cannot listen to multicast group \"%s\": %s",
			 FASTPATH_MCGRP_CONFIG, strerror(errno));
		if (sock)
			mnl_socket_close(sock);
		return FPCTL_EXIT_ERR;
	}
	buf = malloc(size);
	if (!buf) {
		fp_error("out of memory");
		mnl_socket_close(sock);
		return FPCTL_EXIT_ERR;
	}
	for (;;) {
		n = nl_recv(sock, &buf, &size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ENOBUFS) {
				fp_warn("events lost (receive buffer overrun)");
				continue;
			}
			fp_error("receive: %s", strerror(errno));
			ret = FPCTL_EXIT_ERR;
			break;
		}
		if (mnl_cb_run(buf, n, 0, 0, event_cb, ctx) < 0) {
			ret = FPCTL_EXIT_ERR;
			break;
		}
	}
	free(buf);
	mnl_socket_close(sock);
	return ret;
}
