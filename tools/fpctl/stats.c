// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl stats: the per-CPU counters of circuits and connections.
 *
 *   fpctl [ -d ] [ -j [ -p ] ] stats [ show | list ]
 *		[ circuit NAME | connection NAME ]
 *
 * Without an object, every circuit and then every connection (a dump).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "fpctl.h"
#include "stats.h"
#include "utils.h"

/* As the spec spells them (FASTPATH_REASONS(), the UAPI header). */
#define REASON_NAME(id, name)	[FASTPATH_REASON_##id] = name,
static const char *const reason_names[STATS_NREASONS] = {
	FASTPATH_REASONS(REASON_NAME, REASON_NAME)
};

const char *stats_reason_name(unsigned int reason)
{
	return reason < STATS_NREASONS ? reason_names[reason] : NULL;
}

/* The object keywords; unique abbreviations ("ci", "conn") are accepted. */
static const struct {
	const char *name;
	uint16_t attr;
} stats_objects[] = {
	{ "circuit", FASTPATH_A_STATS_CIRCUIT },
	{ "connection", FASTPATH_A_STATS_CONN },
};

int stats_parse(int argc, char **argv, struct stats_req *req)
{
	int i = 0, idx;

	memset(req, 0, sizeof(*req));
	if (argc && (!strcmp(argv[0], "show") || !strcmp(argv[0], "list")))
		i++;
	if (i == argc)
		return FPCTL_EXIT_OK;
	idx = TABLE_LOOKUP(argv[i], stats_objects, ARRAY_SIZE(stats_objects));
	if (idx == -EEXIST) {
		fp_error("stats: ambiguous object \"%s\": could be circuit or connection",
			 argv[i]);
		return FPCTL_EXIT_USAGE;
	}
	if (idx < 0) {
		fp_error("stats: unexpected argument \"%s\"; try \"fpctl stats help\"",
			 argv[i]);
		return FPCTL_EXIT_USAGE;
	}
	if (i + 1 == argc) {
		fp_error("stats: \"%s\" needs a name", stats_objects[idx].name);
		return FPCTL_EXIT_USAGE;
	}
	if (!*argv[i + 1]) {
		fp_error("stats: invalid %s name: empty",
			 stats_objects[idx].name);
		return FPCTL_EXIT_USAGE;
	}
	if (i + 2 < argc) {
		fp_error("stats: unexpected argument \"%s\"; try \"fpctl stats help\"",
			 argv[i + 2]);
		return FPCTL_EXIT_USAGE;
	}
	req->attr = stats_objects[idx].attr;
	req->name = argv[i + 1];
	return FPCTL_EXIT_OK;
}

/* ---- output ------------------------------------------------------------- */

static const char *obj_kind(const struct stats_obj *o)
{
	return o->conn ? "connection" : "circuit";
}

static void reason_str(unsigned int r, char *buf, size_t len)
{
	const char *name = stats_reason_name(r);

	if (name)
		snprintf(buf, len, "%s", name);
	else
		snprintf(buf, len, "%u", r);
}

static bool obj_idle(const struct stats_obj *o)
{
	unsigned int r;

	for (r = 0; r < o->n; r++)
		if (o->packets[r])
			return false;
	return true;
}

struct stats_row {
	const char *kind, *name;
	char reason[16], packets[24], bytes[24];
};

/* Call @fn for every row that stats_print_table() prints. */
static void for_each_row(const struct stats_obj *objs, unsigned int n,
			 bool details,
			 void (*fn)(const struct stats_row *row, void *data),
			 void *data)
{
	struct stats_row row;
	unsigned int i, r;

	for (i = 0; i < n; i++) {
		const struct stats_obj *o = &objs[i];

		row.kind = obj_kind(o);
		row.name = o->name;
		if (!details && obj_idle(o)) {
			strcpy(row.reason, "-");
			strcpy(row.packets, "0");
			strcpy(row.bytes, "0");
			fn(&row, data);
			continue;
		}
		for (r = 0; r < o->n; r++) {
			if (!details && !o->packets[r])
				continue;
			reason_str(r, row.reason, sizeof(row.reason));
			snprintf(row.packets, sizeof(row.packets), "%" PRIu64,
				 o->packets[r]);
			snprintf(row.bytes, sizeof(row.bytes), "%" PRIu64,
				 o->bytes[r]);
			fn(&row, data);
		}
	}
}

struct widths {
	int w[5];
	FILE *f;
};

static void widen(int *w, const char *s)
{
	if ((int)strlen(s) > *w)
		*w = strlen(s);
}

static void measure_row(const struct stats_row *row, void *data)
{
	struct widths *w = data;

	widen(&w->w[0], row->kind);
	widen(&w->w[1], row->name);
	widen(&w->w[2], row->reason);
	widen(&w->w[3], row->packets);
	widen(&w->w[4], row->bytes);
}

static void print_row(const struct stats_row *row, void *data)
{
	const struct widths *w = data;

	fprintf(w->f, "%-*s  %-*s  %-*s  %*s  %*s\n", w->w[0], row->kind,
		w->w[1], row->name, w->w[2], row->reason, w->w[3],
		row->packets, w->w[4], row->bytes);
}

void stats_print_table(FILE *f, const struct stats_obj *objs, unsigned int n,
		       bool details)
{
	struct widths w = { .f = f };
	static const struct stats_row head = {
		.kind = "OBJECT", .name = "NAME", .reason = "REASON",
		.packets = "PACKETS", .bytes = "BYTES",
	};

	if (!n)
		return;
	measure_row(&head, &w);
	for_each_row(objs, n, details, measure_row, &w);
	/* the header's numeric columns are left-aligned like the others */
	fprintf(f, "%-*s  %-*s  %-*s  %-*s  %s\n", w.w[0], head.kind,
		w.w[1], head.name, w.w[2], head.reason, w.w[3], head.packets,
		head.bytes);
	for_each_row(objs, n, details, print_row, &w);
}

void stats_print_json(struct json_writer *jw, const struct stats_obj *objs,
		      unsigned int n)
{
	char reason[16];
	unsigned int i, r;

	jsonw_start_array(jw);
	for (i = 0; i < n; i++) {
		jsonw_start_object(jw);
		jsonw_string_field(jw, "object", obj_kind(&objs[i]));
		jsonw_string_field(jw, "name", objs[i].name);
		jsonw_start_object_field(jw, "counters");
		for (r = 0; r < objs[i].n; r++) {
			reason_str(r, reason, sizeof(reason));
			jsonw_start_object_field(jw, reason);
			jsonw_uint_field(jw, "packets", objs[i].packets[r]);
			jsonw_uint_field(jw, "bytes", objs[i].bytes[r]);
			jsonw_end_object(jw);
		}
		jsonw_end_object(jw);
		jsonw_end_object(jw);
	}
	jsonw_end_array(jw);
}

/* ---- the request -------------------------------------------------------- */

struct stats_list {
	struct stats_obj *objs;
	unsigned int n, cap;
};

static int stats_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[FASTPATH_A_STATS_MAX + 1];
	const struct nlattr *ctb[FASTPATH_A_COUNTER_MAX + 1];
	struct stats_list *l = data;
	const struct nlattr *a;
	struct stats_obj *o;
	const char *name;
	uint32_t reason;

	if (nl_genl_parse(nlh, tb, FASTPATH_A_STATS_MAX))
		return -EBADMSG;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		o = realloc(l->objs, l->cap * sizeof(*o));
		if (!o) {
			fp_error("out of memory");
			return -ENOMEM;
		}
		l->objs = o;
	}
	o = &l->objs[l->n];
	memset(o, 0, sizeof(*o));
	o->conn = tb[FASTPATH_A_STATS_CONN];
	name = nl_attr_str(tb[o->conn ? FASTPATH_A_STATS_CONN :
				     FASTPATH_A_STATS_CIRCUIT]);
	if (!name)
		goto bad;
	snprintf(o->name, sizeof(o->name), "%s", name);
	mnl_attr_for_each(a, nlh, GENL_HDRLEN) {
		if (mnl_attr_get_type(a) != FASTPATH_A_STATS_COUNTER)
			continue;
		if (nl_nest_parse(a, ctb, FASTPATH_A_COUNTER_MAX) ||
		    nl_attr_u32(ctb[FASTPATH_A_COUNTER_REASON], &reason))
			goto bad;
		if (reason >= STATS_MAX_REASONS)
			continue;
		if (nl_attr_u64(ctb[FASTPATH_A_COUNTER_PACKETS],
				&o->packets[reason]) ||
		    nl_attr_u64(ctb[FASTPATH_A_COUNTER_BYTES],
				&o->bytes[reason]))
			goto bad;
		if (reason >= o->n)
			o->n = reason + 1;
	}
	l->n++;
	return NL_CB_OK;
bad:
	fp_error("malformed stats reply from the kernel");
	return -EBADMSG;
}

static int stats_show(struct fpctl *ctx, const struct stats_req *req)
{
	struct stats_list l = { 0 };
	struct json_writer *jw;
	struct nlmsghdr *nlh;
	struct nl_ctx *nl;
	int err;

	nl = fpctl_family(ctx);
	if (!nl)
		return FPCTL_EXIT_ERR;
	nlh = nl_msg_genl(nl, ctx->family.id, FASTPATH_CMD_STATS_GET,
			  FASTPATH_FAMILY_VERSION, req->name ? 0 : NLM_F_DUMP);
	if (req->name)
		mnl_attr_put_strz(nlh, req->attr, req->name);
	err = nl_exec(nl, nlh, stats_cb, &l);
	if (!err) {
		if (ctx->json) {
			jw = fpctl_json(ctx);
			if (jw) {
				stats_print_json(jw, l.objs, l.n);
				jsonw_destroy(jw);
			} else {
				err = -ENOMEM;
			}
		} else {
			stats_print_table(stdout, l.objs, l.n, ctx->details);
		}
	}
	free(l.objs);
	return err ? FPCTL_EXIT_ERR : FPCTL_EXIT_OK;
}

void usage_stats(FILE *f)
{
	fprintf(f,
		"Usage: fpctl [ -d ] [ -j [ -p ] ] stats [ show | list ]\n"
		"                                [ circuit NAME | connection NAME ]\n"
		"Packets and bytes per outcome (reason), per circuit and per connection,\n"
		"since the object was created.  Without an object: every circuit, then\n"
		"every connection.  Rows without packets are shown with -d only; JSON\n"
		"always has every reason.\n");
}

int do_stats(struct fpctl *ctx, int argc, char **argv)
{
	struct stats_req req;
	int ret;

	ret = stats_parse(argc, argv, &req);
	if (ret)
		return ret;
	return stats_show(ctx, &req);
}
