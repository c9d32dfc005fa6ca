// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl save: the namespace's configuration as a file that "fpctl -batch"
 * loads back, for backups and for moving a configuration to another host
 * or namespace.
 *
 * Every object kind is dumped and written as the "add" lines that create
 * it, in an order the rules accept: circuits, authorizations, vnets with
 * at most the 200 address spaces a vnet may have when it is linked,
 * connections (a link counts the spaces of the vnet's peers too: the
 * peerings come later), the rest of the spaces ("vnet set NAME spaces
 * ..."), the peerings, and last what must lie inside the spaces or use a
 * peer: endpoints, exceptions and UDRs.  Counters, ids, device state and
 * route counts are not configuration and are left out.
 *
 * An authorization's key is never read back from the kernel, so a
 * connection made with one (the circuit and the vnet belong to different
 * subscriptions) cannot be re-created from the file: it is written as a
 * comment, with a warning, and "fpctl auth add" prints the new key after
 * the restore.  The file is written only once every dump succeeded:
 * complete or absent, like -json output.
 */
#include <errno.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <linux/fastpath.h>

#include "objects.h"

/* Address spaces a vnet may have when a connection links it (SPEC). */
#define SAVE_SPACES_AT_LINK	200

struct save {
	struct fpctl *ctx;
	FILE *out;		/* the file, in memory until complete */
	FILE *grown;		/* "vnet set ... spaces" lines */
	FILE *peerings;		/* "peering add" lines */
	const struct obj_desc *d;
	void *vnets;		/* tsearch() tree of the vnets dumped */
};

static int save_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int save_vnet(struct save *sv, const struct nlmsghdr *nlh,
		     const struct nlattr **tb)
{
	const char *name = nl_attr_str(tb[FASTPATH_A_VNET_NAME]);
	const struct nlattr *a, *sp = tb[FASTPATH_A_VNET_SPACES];
	unsigned int n = 0;
	char *key;
	int err;

	if (!name)
		return -EBADMSG;
	if (sp)
		mnl_attr_for_each_nested(a, sp)
			n++;
	if (n > SAVE_SPACES_AT_LINK) {
		err = obj_print_cmd(sv->d, "set", "spaces", nlh, sv->grown, 0);
		if (err)
			return err;
	}
	err = obj_print_cmd(sv->d, "add", NULL, nlh, sv->out,
			    n > SAVE_SPACES_AT_LINK ? SAVE_SPACES_AT_LINK : 0);
	if (err)
		return err;
	/* each peering once: when its second vnet comes */
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		const char *peer = nl_attr_str(a);

		if (mnl_attr_get_type(a) != FASTPATH_A_VNET_PEER || !peer ||
		    !tfind(peer, &sv->vnets, save_cmp))
			continue;
		fputs("peering add ", sv->peerings);
		obj_print_word(peer, sv->peerings);
		fputc(' ', sv->peerings);
		obj_print_word(name, sv->peerings);
		fputc('\n', sv->peerings);
	}
	key = strdup(name);
	if (!key || !tsearch(key, &sv->vnets, save_cmp)) {
		free(key);
		return -ENOMEM;
	}
	return 0;
}

static int save_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };
	struct save *sv = data;
	const char *auth, *name;
	int err;

	if (nl_genl_parse(nlh, tb, sv->d->maxattr))
		goto bad;
	if (sv->d == &vnet_desc) {
		err = save_vnet(sv, nlh, tb);
	} else if (sv->d == &conn_desc && tb[FASTPATH_A_CONN_AUTH]) {
		auth = nl_attr_str(tb[FASTPATH_A_CONN_AUTH]);
		name = nl_attr_str(tb[FASTPATH_A_CONN_NAME]);
		fp_warn("connection %s was made with authorization %s, whose key is never read back: saved as a comment",
			name ? name : "?", auth ? auth : "?");
		fprintf(sv->out, "# made with authorization %s: add it with the new key (auth-key KEY)\n# ",
			auth ? auth : "?");
		err = obj_print_cmd(sv->d, "add", NULL, nlh, sv->out, 0);
	} else {
		err = obj_print_cmd(sv->d, "add", NULL, nlh, sv->out, 0);
	}
	if (err == -EBADMSG)
		goto bad;
	return err ? err : NL_CB_OK;
bad:
	fp_error("malformed %s from the kernel", sv->d->name);
	return -EBADMSG;
}

static int save_dump(struct save *sv, struct nl_ctx *nl,
		     const struct obj_desc *d)
{
	struct nlmsghdr *nlh;

	sv->d = d;
	fprintf(sv->out, "# %ss\n", d->name);
	nlh = nl_msg_genl(nl, sv->ctx->family.id, d->cmd_get,
			  FASTPATH_FAMILY_VERSION, NLM_F_DUMP);
	return nl_exec(nl, nlh, save_cb, sv);
}

/*
 * Close @f, a memory stream over *@buf and *@len (both are final only
 * once it is closed), and append what it held to the file.
 */
static int save_append(struct save *sv, FILE *f, char **buf, size_t *len,
		       const char *what)
{
	int err = 0;

	if (fclose(f))
		err = -ENOMEM;
	else if (*len)
		fprintf(sv->out, "# %s\n%.*s", what, (int)*len, *buf);
	free(*buf);
	*buf = NULL;
	return err;
}

int do_save(struct fpctl *ctx, int argc, char **argv)
{
	static const struct obj_desc *const first[] = {
		&circuit_desc, &auth_desc, &vnet_desc, &conn_desc,
	};
	static const struct obj_desc *const last[] = {
		&endpoint_desc, &exception_desc, &udr_desc,
	};
	char *buf = NULL, *gbuf = NULL, *pbuf = NULL;
	size_t len = 0, glen = 0, plen = 0, i;
	struct save sv = { .ctx = ctx };
	struct nl_ctx *nl;
	int err = 0;

	if (argc > 1) {
		fp_error("save takes no argument (\"%s\")", argv[1]);
		usage_save(stderr);
		return FPCTL_EXIT_USAGE;
	}
	nl = fpctl_family(ctx);
	if (!nl)
		return FPCTL_EXIT_ERR;
	sv.out = open_memstream(&buf, &len);
	sv.grown = open_memstream(&gbuf, &glen);
	sv.peerings = open_memstream(&pbuf, &plen);
	if (!sv.out || !sv.grown || !sv.peerings) {
		fp_error("out of memory");
		if (sv.out)
			fclose(sv.out);
		if (sv.grown)
			fclose(sv.grown);
		if (sv.peerings)
			fclose(sv.peerings);
		free(buf);
		free(gbuf);
		free(pbuf);
		return FPCTL_EXIT_ERR;
	}
	fprintf(sv.out, "# fastpath configuration, written by fpctl save; load it with fpctl -batch FILE\n");
	for (i = 0; !err && i < ARRAY_SIZE(first); i++)
		err = save_dump(&sv, nl, first[i]);
	if (save_append(&sv, sv.grown, &gbuf, &glen,
			"vnets: address spaces beyond the 200 of a link") &&
	    !err)
		err = -ENOMEM;
	if (save_append(&sv, sv.peerings, &pbuf, &plen, "peerings") && !err)
		err = -ENOMEM;
	for (i = 0; !err && i < ARRAY_SIZE(last); i++)
		err = save_dump(&sv, nl, last[i]);
	tdestroy(sv.vnets, free);
	if (fclose(sv.out) && !err) {
		fp_error("out of memory");
		err = -ENOMEM;
	}
	if (!err && fwrite(buf, 1, len, stdout) != len) {
		fp_error("cannot write the configuration: %s", strerror(errno));
		err = -EIO;
	}
	free(buf);
	return err ? FPCTL_EXIT_ERR : FPCTL_EXIT_OK;
}

void usage_save(FILE *f)
{
	fprintf(f,
		"Usage: fpctl save\n"
		"Print the configuration of the namespace as fpctl -batch lines that\n"
		"re-create it (fpctl save > FILE; fpctl -batch FILE).  Connections\n"
		"made with an authorization of another subscription are written as\n"
		"comments: the key is never read back.\n");
}
