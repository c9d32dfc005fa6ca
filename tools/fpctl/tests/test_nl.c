// SPDX-License-Identifier: GPL-2.0
/*
 * Tests of fpctl's netlink layer against the running kernel, using the
 * generic netlink controller "nlctrl" which always exists: family
 * resolution, dumps, extended ACK parsing (message, offset, attribute path)
 * and keeping a reused socket in sync after abandoned replies.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "nl.h"
#include "test.h"

/* ---- attribute paths (no kernel needed) --------------------------------- */

static void test_attr_path(void)
{
	char buf[4096] __attribute__((aligned(4))) = { 0 }, path[64];
	struct nlmsghdr *nlh;
	struct genlmsghdr *genl;
	struct nlattr *nest;

	nlh = mnl_nlmsg_put_header(buf);
	genl = mnl_nlmsg_put_extra_header(nlh, sizeof(*genl));
	genl->cmd = 1;
	mnl_attr_put_u32(nlh, 5, 1);		/* offset 20 */
	nest = mnl_attr_nest_start(nlh, 6);	/* offset 28 */
	mnl_attr_put_u32(nlh, 1, 2);		/* offset 32 */
	mnl_attr_put_u32(nlh, 2, 3);		/* offset 40 */
	mnl_attr_nest_end(nlh, nest);
	mnl_attr_put_strz(nlh, 7, "abcdef");	/* offset 48, not nested */
	mnl_attr_put_u16(nlh, 8, 4);		/* offset 60 */

	CHECK(nlh->nlmsg_len == 68, "message length %u", nlh->nlmsg_len);
	nl_attr_path(nlh, 20, path, sizeof(path));
	CHECK_STR(path, "5");
	nl_attr_path(nlh, 28, path, sizeof(path));
	CHECK_STR(path, "6");
	nl_attr_path(nlh, 32, path, sizeof(path));
	CHECK_STR(path, "6.1");
	nl_attr_path(nlh, 40, path, sizeof(path));
	CHECK_STR(path, "6.2");
	nl_attr_path(nlh, 44, path, sizeof(path));
	CHECK_STR(path, "6.2");
	nl_attr_path(nlh, 52, path, sizeof(path));
	CHECK_STR(path, "7");
	nl_attr_path(nlh, 60, path, sizeof(path));
	CHECK_STR(path, "8");
	nl_attr_path(nlh, 10, path, sizeof(path));
	CHECK_STR(path, "");
	nl_attr_path(nlh, 68, path, sizeof(path));
	CHECK_STR(path, "");
	nl_attr_path(nlh, 4000, path, sizeof(path));
	CHECK_STR(path, "");
}

/* ---- against the kernel ------------------------------------------------- */

struct dump_state {
	int families;
	bool seen_nlctrl;
	int stop_after;		/* > 0: NL_CB_STOP after that many */
	int fail_with;		/* < 0: return this error */
};

static int dump_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[CTRL_ATTR_MAX + 1];
	struct dump_state *st = data;
	const char *name;

	if (st->fail_with)
		return st->fail_with;
	if (nl_genl_parse(nlh, tb, CTRL_ATTR_MAX))
		return -EBADMSG;
	name = nl_attr_str(tb[CTRL_ATTR_FAMILY_NAME]);
	if (name && !strcmp(name, "nlctrl"))
		st->seen_nlctrl = true;
	st->families++;
	if (st->stop_after && st->families >= st->stop_after)
		return NL_CB_STOP;
	return NL_CB_OK;
}

static int dump_families(struct nl_ctx *nl, struct dump_state *st)
{
	struct nlmsghdr *nlh;

	nlh = nl_msg_genl(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, NLM_F_DUMP);
	return nl_exec_quiet(nl, nlh, dump_cb, st);
}

static bool resolves_nlctrl(struct nl_ctx *nl)
{
	struct nl_family fam;

	return nl_family_resolve(nl, "nlctrl", &fam) == 0 &&
	       fam.id == GENL_ID_CTRL;
}

static void test_kernel(void)
{
	const struct nl_error *e;
	struct dump_state st;
	struct nl_family fam;
	struct nlmsghdr *nlh;
	struct nl_ctx *nl;
	struct timespec t0, t1;
	double secs;
	int err, i, n;

	err = nl_open(&nl);
	CHECK(err == 0, "nl_open: %s", strerror(-err));
	if (err)
		return;

	/* resolve the controller itself */
	err = nl_family_resolve(nl, "nlctrl", &fam);
	CHECK(err == 0, "resolve nlctrl: %s", strerror(-err));
	CHECK(fam.id == GENL_ID_CTRL, "nlctrl id %u", fam.id);
	CHECK_STR(fam.name, "nlctrl");
	CHECK(fam.version >= 1, "nlctrl version %u", fam.version);
	CHECK(nl_family_mcgrp(&fam, "notify") == GENL_ID_CTRL,
	      "nlctrl multicast group notify");
	CHECK(nl_family_mcgrp(&fam, "nonexistent") == -ENOENT,
	      "unknown multicast group");

	/* a family that does not exist */
	err = nl_family_resolve(nl, "fpctl-no-such", &fam);
	CHECK(err == -ENOENT, "unknown family: %d", err);
	CHECK(fam.id == 0, "no id for an unknown family");
	e = nl_last_error(nl);
	CHECK(e->error == -ENOENT && !e->local, "error recorded as kernel's");

	/*
	 * Extended ACK: CTRL_ATTR_FAMILY_ID is NLA_U16; a 1-byte payload
	 * fails policy validation.  The bad attribute is the second one,
	 * after the 12-byte CTRL_ATTR_FAMILY_NAME "nlctrl", so at offset
	 * 16 (nlmsghdr) + 4 (genlmsghdr) + 12 = 32.
	 */
	nlh = nl_msg_genl(nl, GENL_ID_CTRL, CTRL_CMD_GETFAMILY, 1, 0);
	mnl_attr_put_strz(nlh, CTRL_ATTR_FAMILY_NAME, "nlctrl");
	mnl_attr_put_u8(nlh, CTRL_ATTR_FAMILY_ID, 1);
	err = nl_exec_quiet(nl, nlh, NULL, NULL);
	e = nl_last_error(nl);
	CHECK(err < 0 && err == e->error, "policy violation refused: %d",
	      err);
	CHECK(e->msg[0] != '\0', "kernel extack message present");
	CHECK(e->has_offs && e->offs == 32, "bad attribute offset %u",
	      e->offs);
	CHECK_STR(e->attr, "1");
	printf("  kernel said: \"%s\" (%s)\n", e->msg, strerror(-err));

	/* nl_exec() prints it as one line */
	clear_error();
	n = n_errors;
	err = nl_exec(nl, nlh, NULL, NULL);
	CHECK(err < 0 && n_errors == n + 1, "nl_exec printed one error");
	CHECK(strstr(last_error, "bad attribute 1 at offset 32") != NULL,
	      "printed: %s", last_error);
	/* the policy the kernel sends with it (5.10 and later): its bound */
	if (e->bound[0])
		CHECK(strstr(last_error, "; must be 0 to 65535)") != NULL,
		      "bound of a u16 printed: %s", last_error);
	CHECK(strstr(last_error, strerror(-err)) != NULL, "with strerror");
	CHECK(!strncmp(last_error, e->msg, strlen(e->msg)),
	      "starting with the kernel's message");

	/*
	 * NLMSGERR_ATTR_MISS_TYPE: the "netdev" family (Linux >= 6.2) refuses
	 * NETDEV_CMD_DEV_GET (1) without NETDEV_A_DEV_IFINDEX (1) that way.
	 */
	if (nl_family_resolve(nl, "netdev", &fam) == 0) {
		nlh = nl_msg_genl(nl, fam.id, 1, 1, 0);
		clear_error();
		err = nl_exec(nl, nlh, NULL, NULL);
		e = nl_last_error(nl);
		CHECK(err == -EINVAL, "netdev dev-get without ifindex: %d",
		      err);
		CHECK(e->has_miss && e->miss_type == 1,
		      "missing attribute type %u", e->miss_type);
		CHECK(strstr(last_error, "missing attribute 1") != NULL,
		      "printed: %s", last_error);
	} else {
		printf("# SKIP: no \"netdev\" family, missing-attribute test\n");
	}

	/* nl_exec_quiet() prints nothing */
	n = n_errors;
	nl_exec_quiet(nl, nlh, NULL, NULL);
	CHECK(n_errors == n, "quiet");

	/* the socket stays usable after errors */
	CHECK(resolves_nlctrl(nl), "resolve after an error");

	/* a dump */
	memset(&st, 0, sizeof(st));
	err = dump_families(nl, &st);
	CHECK(err == 0, "dump families: %s", strerror(-err));
	CHECK(st.families >= 1 && st.seen_nlctrl, "dumped %d families",
	      st.families);
	n = st.families;

	/* abandoning a dump early must not confuse the next request */
	memset(&st, 0, sizeof(st));
	st.stop_after = 1;
	err = dump_families(nl, &st);
	CHECK(err == 0 && st.families == 1, "dump stopped after one");
	CHECK(resolves_nlctrl(nl), "resolve after a stopped dump");

	/* a failing callback fails the request, the rest is drained */
	memset(&st, 0, sizeof(st));
	st.fail_with = -EBADMSG;
	err = dump_families(nl, &st);
	CHECK(err == -EBADMSG, "callback error returned: %d", err);
	e = nl_last_error(nl);
	CHECK(e->local && !strcmp(e->local, "reply"), "marked as local");
	CHECK(resolves_nlctrl(nl), "resolve after a failed callback");
	memset(&st, 0, sizeof(st));
	CHECK(dump_families(nl, &st) == 0 && st.families == n,
	      "full dump again (%d families)", st.families);

	/* many requests over one socket, as -batch does */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < 20000; i++)
		if (!resolves_nlctrl(nl))
			break;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	CHECK(i == 20000, "20000 requests on one socket, %d succeeded", i);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("  %d family requests in %.3f s (%.0f/s)\n", i, secs,
	       i / secs);

	nl_close(nl);
}

int main(void)
{
	test_capture_errors();
	test_attr_path();
	test_kernel();
	return test_summary();
}
