// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: the generic engine behind the configuration objects (see
 * objects.h): argument parsing, requests, tables and JSON.
 */
#include <ctype.h>
#include <errno.h>
#include <net/if.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

#include <linux/fastpath.h>

#include "objects.h"

static const char *const op_names[] = { "add", "set", "del", "show" };

/* ---- value parsers ------------------------------------------------------ */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = tolower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* exactly 2 * @n hex digits */
static int parse_hex(const char *arg, uint8_t *out, size_t n)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		hi = hexval(arg[2 * i]);
		lo = hi < 0 ? -1 : hexval(arg[2 * i + 1]);
		if (lo < 0)
			return -EINVAL;
		out[i] = hi << 4 | lo;
	}
	return arg[2 * n] ? -EINVAL : 0;
}

int parse_uuid(const char *arg, const char *what, uint8_t out[16])
{
	char hex[33];
	int i, j = 0;

	if (strlen(arg) != 36)
		goto bad;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (arg[i] != '-')
				goto bad;
			continue;
		}
		hex[j++] = arg[i];
	}
	hex[j] = '\0';
	if (!parse_hex(hex, out, 16))
		return 0;
bad:
	fp_error("invalid %s \"%s\": want a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e",
		 what, arg);
	return -EINVAL;
}

int parse_key(const char *arg, const char *what, uint8_t out[16])
{
	if (strlen(arg) != 32 || parse_hex(arg, out, 16)) {
		fp_error("invalid %s \"%s\": want 32 hexadecimal digits", what,
			 arg);
		return -EINVAL;
	}
	return 0;
}

int obj_enum_lookup(const char *arg, const char *const *names,
		    unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		if (names[i] && !strcasecmp(arg, names[i]))
			return i;
	return -1;
}

static void enum_error(const char *what, const char *arg,
		       const char *const *names, unsigned int n)
{
	char list[256] = "";
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < n && len < sizeof(list); i++)
		len += snprintf(list + len, sizeof(list) - len, "%s%s",
				i ? ", " : "", names[i]);
	fp_error("invalid %s \"%s\": want one of %s", what, arg, list);
}

static void format_uuid(const uint8_t *u, char *buf)
{
	sprintf(buf,
		"%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		u[10], u[11], u[12], u[13], u[14], u[15]);
}

static int parse_spaces(const char *arg, const char *what,
			struct obj_val *v)
{
	char *copy, *tok, *save = NULL;
	unsigned int n = 1;
	const char *p;

	v->n_spaces = 0;
	v->spaces = NULL;
	if (!strcmp(arg, "none"))
		return 0;
	for (p = arg; *p; p++)
		n += *p == ',';
	v->spaces = calloc(n, sizeof(*v->spaces));
	copy = strdup(arg);
	if (!v->spaces || !copy) {
		free(copy);
		fp_error("out of memory");
		return -ENOMEM;
	}
	/* strsep, not strtok: an empty element is an error, not skipped. */
	save = copy;
	while ((tok = strsep(&save, ","))) {
		if (!*tok) {
			fp_error("invalid %s \"%s\": an empty element (want PREFIX[,PREFIX...] or none)",
				 what, arg);
			free(copy);
			return -EINVAL;
		}
		if (parse_prefix(tok, what, AF_UNSPEC, 0,
				 &v->spaces[v->n_spaces])) {
			free(copy);
			return -EINVAL;
		}
		v->n_spaces++;
	}
	free(copy);
	return 0;
}

/* ---- argument parsing --------------------------------------------------- */

static bool field_allowed(const struct obj_field *f, enum obj_op op)
{
	if (f->flags & OF_KEY)
		return true;
	switch (op) {
	case OBJ_ADD:
		return f->flags & OF_ADD;
	case OBJ_SET:
		return f->flags & OF_SET;
	default:
		return false;
	}
}

static int find_field(const struct obj_desc *d, const char *word)
{
	unsigned int i;

	for (i = 0; i < d->n_fields; i++)
		if ((d->fields[i].flags & (OF_KEY | OF_ADD | OF_SET)) &&
		    !strcmp(d->fields[i].name, word))
			return i;
	return -1;
}

static int parse_value(const struct obj_desc *d, const struct obj_field *f,
		       const char *arg, struct obj_req *req,
		       struct obj_val *v)
{
	char what[64];
	uint64_t bps;
	unsigned int ifindex;
	int idx;

	snprintf(what, sizeof(what), "%s %s", d->name, f->name);
	switch (f->type) {
	case OT_STR:
		if (!*arg) {
			fp_error("invalid %s: empty", what);
			return FPCTL_EXIT_USAGE;
		}
		v->str = arg;
		break;
	case OT_U32:
		if (parse_u32(arg, what, 0, f->max ? f->max : UINT32_MAX,
			      &v->u32))
			return FPCTL_EXIT_USAGE;
		break;
	case OT_ENUM:
		idx = obj_enum_lookup(arg, f->names, f->n_names);
		if (idx < 0) {
			enum_error(what, arg, f->names, f->n_names);
			return FPCTL_EXIT_USAGE;
		}
		v->u32 = idx;
		break;
	case OT_FLAG:
		if (!strcmp(arg, "on")) {
			req->flags_on |= f->bit;
		} else if (!strcmp(arg, "off")) {
			req->flags_off |= f->bit;
		} else {
			fp_error("invalid %s \"%s\": want on or off", what,
				 arg);
			return FPCTL_EXIT_USAGE;
		}
		break;
	case OT_UUID:
		if (parse_uuid(arg, what, v->bytes))
			return FPCTL_EXIT_USAGE;
		break;
	case OT_DEV:
		if (!strcmp(arg, "none")) {
			v->u32 = 0;
			break;
		}
		ifindex = if_nametoindex(arg);
		if (!ifindex) {
			fp_error("%s: cannot find device \"%s\"", what, arg);
			return FPCTL_EXIT_ERR;
		}
		v->u32 = ifindex;
		break;
	case OT_PREFIX:
		if (parse_prefix(arg, what, AF_UNSPEC, PREFIX_ALLOW_HOST,
				 &v->prefix))
			return FPCTL_EXIT_USAGE;
		break;
	case OT_MAC:
		memset(v->bytes, 0, sizeof(v->bytes));
		if (!strcmp(arg, "none"))
			break;
		if (parse_mac(arg, what, v->bytes))
			return FPCTL_EXIT_USAGE;
		/* All zeros means "none" on the wire: never by accident. */
		if (!memcmp(v->bytes, "\0\0\0\0\0\0", 6)) {
			fp_error("invalid %s \"%s\": not a unicast address (\"none\" clears it)",
				 what, arg);
			return FPCTL_EXIT_USAGE;
		}
		break;
	case OT_MBPS:
		if (parse_bandwidth(arg, what, &bps))
			return FPCTL_EXIT_USAGE;
		if (bps % 1000000 || bps / 1000000 > UINT32_MAX) {
			fp_error("invalid %s \"%s\": want a whole number of Mbit/s, e.g. 50M or 10G",
				 what, arg);
			return FPCTL_EXIT_USAGE;
		}
		v->u32 = bps / 1000000;
		break;
	case OT_KEY:
		if (parse_key(arg, what, v->bytes))
			return FPCTL_EXIT_USAGE;
		break;
	case OT_SPACES:
		if (parse_spaces(arg, what, v))
			return FPCTL_EXIT_USAGE;
		break;
	default:
		fp_error("%s cannot be given", what);
		return FPCTL_EXIT_USAGE;
	}
	v->set = true;
	return FPCTL_EXIT_OK;
}

void obj_req_free(struct obj_req *req)
{
	unsigned int i;

	for (i = 0; i < OBJ_MAX_FIELDS; i++) {
		free(req->v[i].spaces);
		req->v[i].spaces = NULL;
	}
}

int obj_parse(const struct obj_desc *d, enum obj_op op, int argc,
	      char **argv, struct obj_req *req)
{
	unsigned int i, n_keys = 0, n_given = 0, n_other = 0;
	const char *opname = op_names[op];
	bool positional = true;
	int idx, ret, next_pos = 0;

	memset(req, 0, sizeof(*req));
	req->desc = d;
	req->op = op;
	for (i = 0; (int)i < argc; i++) {
		const struct obj_field *f;
		const char *val;

		idx = find_field(d, argv[i]);
		if (idx >= 0 && (int)i + 1 < argc) {
			positional = false;
			val = argv[++i];
		} else {
			/* leading words fill the positional keys in order */
			while (positional && next_pos < (int)d->n_fields &&
			       !(d->fields[next_pos].flags & OF_POS))
				next_pos++;
			if (!positional || next_pos >= (int)d->n_fields) {
				if (idx >= 0)
					fp_error("%s %s: \"%s\" needs a value",
						 d->name, opname, argv[i]);
				else
					fp_error("%s %s: unexpected argument \"%s\"; try \"fpctl %s help\"",
						 d->name, opname, argv[i],
						 d->name);
				goto usage;
			}
			idx = next_pos++;
			val = argv[i];
		}
		f = &d->fields[idx];
		if (!field_allowed(f, op)) {
			fp_error("%s %s: \"%s\" cannot be given here", d->name,
				 opname, f->name);
			goto usage;
		}
		if (req->v[idx].set ||
		    (f->type == OT_FLAG &&
		     ((req->flags_on | req->flags_off) & f->bit))) {
			fp_error("%s %s: \"%s\" given twice", d->name, opname,
				 f->name);
			goto usage;
		}
		ret = parse_value(d, f, val, req, &req->v[idx]);
		if (ret) {
			obj_req_free(req);
			return ret;
		}
	}

	for (i = 0; i < d->n_fields; i++) {
		const struct obj_field *f = &d->fields[i];
		bool given = req->v[i].set ||
			(f->type == OT_FLAG &&
			 ((req->flags_on | req->flags_off) & f->bit));

		if (f->flags & OF_KEY) {
			n_keys++;
			n_given += given;
		} else if (given) {
			n_other++;
		}
		if (op == OBJ_ADD && (f->flags & OF_REQ) && !given) {
			fp_error("%s add: missing \"%s\"", d->name, f->name);
			goto usage;
		}
	}
	if (op == OBJ_SHOW && n_given && n_given != n_keys) {
		fp_error("%s show: give all of the key or none of it", d->name);
		goto usage;
	}
	if (op != OBJ_SHOW && n_given != n_keys) {
		for (i = 0; i < d->n_fields; i++)
			if ((d->fields[i].flags & OF_KEY) && !req->v[i].set)
				break;
		fp_error("%s %s: missing %s", d->name, opname,
			 d->fields[i].name);
		goto usage;
	}
	if (op == OBJ_SET && !n_other) {
		fp_error("%s set: nothing to change", d->name);
		goto usage;
	}
	req->has_key = n_given;
	return FPCTL_EXIT_OK;

usage:
	obj_req_free(req);
	return FPCTL_EXIT_USAGE;
}

/* ---- requests ----------------------------------------------------------- */

static void put_prefix(struct nlmsghdr *nlh, uint16_t type,
		       const struct fp_prefix *p)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, type);

	mnl_attr_put(nlh, FASTPATH_A_PREFIX_ADDR,
		     p->family == AF_INET ? 4 : 16, p->addr.raw);
	mnl_attr_put_u8(nlh, FASTPATH_A_PREFIX_LEN, p->len);
	mnl_attr_nest_end(nlh, nest);
}

/* Add the attributes of @req; @flags_base is the current flags (set). */
static int obj_put(struct nlmsghdr *nlh, const struct obj_req *req,
		   uint32_t flags_base)
{
	const struct obj_desc *d = req->desc;
	uint16_t flags_attr = 0;
	struct nlattr *nest;
	unsigned int i, j;

	for (i = 0; i < d->n_fields; i++) {
		const struct obj_field *f = &d->fields[i];
		const struct obj_val *v = &req->v[i];

		if (f->type == OT_FLAG)
			flags_attr = f->attr;
		if (!v->set)
			continue;
		if (req->op == OBJ_DEL || req->op == OBJ_SHOW) {
			if (!(f->flags & OF_KEY))
				continue;
		}
		switch (f->type) {
		case OT_STR:
			mnl_attr_put_strz(nlh, f->attr, v->str);
			break;
		case OT_U32:
		case OT_ENUM:
		case OT_DEV:
		case OT_MBPS:
			mnl_attr_put_u32(nlh, f->attr, v->u32);
			break;
		case OT_UUID:
		case OT_KEY:
			mnl_attr_put(nlh, f->attr, 16, v->bytes);
			break;
		case OT_MAC:
			mnl_attr_put(nlh, f->attr, 6, v->bytes);
			break;
		case OT_PREFIX:
			put_prefix(nlh, f->attr, &v->prefix);
			break;
		case OT_SPACES:
			nest = mnl_attr_nest_start(nlh, f->attr);
			for (j = 0; j < v->n_spaces; j++) {
				if (mnl_nlmsg_size(nlh->nlmsg_len) + 64 >
				    NL_MSG_MAX) {
					fp_error("too many address spaces for one request");
					return -EMSGSIZE;
				}
				put_prefix(nlh, FASTPATH_A_SPACES_PREFIX,
					   &v->spaces[j]);
			}
			mnl_attr_nest_end(nlh, nest);
			break;
		default:
			break;
		}
	}
	if (flags_attr && (req->flags_on | req->flags_off))
		mnl_attr_put_u32(nlh, flags_attr,
				 (flags_base & ~req->flags_off) |
				 req->flags_on);
	return 0;
}

/* ---- output ------------------------------------------------------------- */

static char *xstrdup(const char *s)
{
	char *r = strdup(s);

	if (!r) {
		fp_error("out of memory");
		exit(FPCTL_EXIT_ERR);
	}
	return r;
}

/* Append @s to the malloc()ed comma-separated list *@list. */
static void list_add(char **list, const char *s)
{
	size_t old = *list ? strlen(*list) : 0;
	char *n = realloc(*list, old + strlen(s) + 2);

	if (!n) {
		fp_error("out of memory");
		exit(FPCTL_EXIT_ERR);
	}
	if (old)
		n[old++] = ',';
	strcpy(n + old, s);
	*list = n;
}

static int get_prefix(const struct nlattr *nest, struct fp_prefix *p)
{
	const struct nlattr *tb[FASTPATH_A_PREFIX_MAX + 1];
	const struct nlattr *a;

	if (nl_nest_parse(nest, tb, FASTPATH_A_PREFIX_MAX))
		return -EBADMSG;
	a = tb[FASTPATH_A_PREFIX_ADDR];
	if (!a || nl_attr_u8(tb[FASTPATH_A_PREFIX_LEN], &p->len))
		return -EBADMSG;
	memset(&p->addr, 0, sizeof(p->addr));
	if (mnl_attr_get_payload_len(a) == 4)
		p->family = AF_INET;
	else if (mnl_attr_get_payload_len(a) == 16)
		p->family = AF_INET6;
	else
		return -EBADMSG;
	memcpy(p->addr.raw, mnl_attr_get_payload(a),
	       mnl_attr_get_payload_len(a));
	return 0;
}

/*
 * The value of field @f in message @nlh (attributes indexed in @tb) as a
 * malloc()ed string, NULL if absent.  For lists, a comma-separated list.
 */
static char *field_str(const struct obj_field *f, const struct nlmsghdr *nlh,
		       const struct nlattr *const *tb)
{
	const struct nlattr *a = tb[f->attr], *c;
	char buf[PREFIX_BUFSZ + BANDWIDTH_BUFSZ + 64];
	char *list = NULL;
	struct fp_prefix p;
	unsigned int i;
	uint32_t u;
	uint8_t b;

	if (f->type == OT_STRLIST) {
		mnl_attr_for_each(c, nlh, GENL_HDRLEN)
			if (mnl_attr_get_type(c) == f->attr && nl_attr_str(c))
				list_add(&list, nl_attr_str(c));
		return list;
	}
	if (!a)
		return NULL;
	switch (f->type) {
	case OT_STR:
		return nl_attr_str(a) ? xstrdup(nl_attr_str(a)) : NULL;
	case OT_U32:
		if (nl_attr_u32(a, &u))
			return NULL;
		snprintf(buf, sizeof(buf), "%u", u);
		break;
	case OT_BOOL:
		if (nl_attr_u8(a, &b))
			return NULL;
		snprintf(buf, sizeof(buf), "%s", b ? "yes" : "no");
		break;
	case OT_ENUM:
		if (nl_attr_u32(a, &u))
			return NULL;
		if (u < f->n_names)
			snprintf(buf, sizeof(buf), "%s", f->names[u]);
		else
			snprintf(buf, sizeof(buf), "%u", u);
		break;
	case OT_FLAG:
		if (nl_attr_u32(a, &u))
			return NULL;
		for (i = 0; i < f->n_names; i++)
			if (u & (1U << i))
				list_add(&list, f->names[i]);
		return list ? list : xstrdup("none");
	case OT_UUID:
		if (mnl_attr_get_payload_len(a) != 16)
			return NULL;
		format_uuid(mnl_attr_get_payload(a), buf);
		break;
	case OT_DEV:
		if (nl_attr_u32(a, &u))
			return NULL;
		if (!u)
			snprintf(buf, sizeof(buf), "none");
		else if (!if_indextoname(u, buf))
			snprintf(buf, sizeof(buf), "if%u", u);
		break;
	case OT_PREFIX:
		if (get_prefix(a, &p))
			return NULL;
		format_prefix(&p, buf, sizeof(buf));
		break;
	case OT_MAC:
		if (mnl_attr_get_payload_len(a) != 6)
			return NULL;
		format_mac(mnl_attr_get_payload(a), buf, sizeof(buf));
		break;
	case OT_MBPS:
		if (nl_attr_u32(a, &u))
			return NULL;
		format_bandwidth((uint64_t)u * 1000000, buf, sizeof(buf));
		break;
	case OT_KEY:
		if (mnl_attr_get_payload_len(a) != 16)
			return NULL;
		for (i = 0; i < 16; i++)
			sprintf(buf + 2 * i, "%02x",
				((const uint8_t *)mnl_attr_get_payload(a))[i]);
		break;
	case OT_SPACES:
		mnl_attr_for_each_nested(c, a) {
			if (get_prefix(c, &p))
				continue;
			list_add(&list, format_prefix(&p, buf, sizeof(buf)));
		}
		return list ? list : xstrdup("none");
	default:
		return NULL;
	}
	return xstrdup(buf);
}

static bool field_is_list(const struct obj_field *f)
{
	return f->type == OT_FLAG || f->type == OT_SPACES ||
	       f->type == OT_STRLIST;
}

int obj_print_json(const struct obj_desc *d, const struct nlmsghdr *nlh,
		   struct json_writer *jw)
{
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };
	const struct obj_field *f;
	unsigned int i;
	uint32_t u;
	uint8_t b;
	char *s, *tok, *save;

	if (nl_genl_parse(nlh, tb, d->maxattr))
		return -EBADMSG;
	jsonw_start_object(jw);
	for (i = 0; i < d->n_fields; i++) {
		f = &d->fields[i];
		if (f->flags & OF_NOJSON)
			continue;
		if (f->type == OT_FLAG && (f->flags & OF_COL) == 0)
			continue;
		if (f->type != OT_STRLIST && !tb[f->attr])
			continue;
		switch (f->type) {
		case OT_U32:
			if (!nl_attr_u32(tb[f->attr], &u))
				jsonw_uint_field(jw, f->name, u);
			continue;
		case OT_BOOL:
			if (!nl_attr_u8(tb[f->attr], &b))
				jsonw_bool_field(jw, f->name, b);
			continue;
		case OT_DEV:
			if (!nl_attr_u32(tb[f->attr], &u))
				jsonw_uint_field(jw, "ifindex", u);
			break;
		default:
			break;
		}
		s = field_str(f, nlh, tb);
		if (field_is_list(f)) {
			jsonw_start_array_field(jw, f->name);
			if (s && strcmp(s, "none"))
				for (tok = strtok_r(s, ",", &save); tok;
				     tok = strtok_r(NULL, ",", &save))
					jsonw_string(jw, tok);
			jsonw_end_array(jw);
		} else if (f->type == OT_DEV && s && !strcmp(s, "none")) {
			jsonw_null_field(jw, f->name);
		} else if (s) {
			jsonw_string_field(jw, f->name, s);
		}
		free(s);
	}
	jsonw_end_object(jw);
	return 0;
}

int obj_print_line(const struct obj_desc *d, const struct nlmsghdr *nlh,
		   FILE *out)
{
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };
	const struct obj_field *f;
	unsigned int i;
	char *s;

	if (nl_genl_parse(nlh, tb, d->maxattr))
		return -EBADMSG;
	fprintf(out, "%s", d->name);
	for (i = 0; i < d->n_fields; i++) {
		f = &d->fields[i];
		if (f->type == OT_FLAG && (f->flags & OF_COL) == 0)
			continue;
		s = field_str(f, nlh, tb);
		if (s)
			fprintf(out, " %s %s", f->name, s);
		free(s);
	}
	fputc('\n', out);
	return 0;
}

void obj_print_word(const char *s, FILE *out)
{
	if (!strpbrk(s, "#'\"\\")) {
		fputs(s, out);
		return;
	}
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

int obj_print_cmd(const struct obj_desc *d, const char *verb,
		  const char *only, const struct nlmsghdr *nlh, FILE *out,
		  unsigned int max_spaces)
{
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };
	const struct obj_field *f;
	unsigned int i, n;
	uint32_t u;
	char *s, *c;

	if (nl_genl_parse(nlh, tb, d->maxattr))
		return -EBADMSG;
	fprintf(out, "%s %s", d->name, verb);
	for (i = 0; i < d->n_fields; i++) {
		f = &d->fields[i];
		if (!(f->flags & (OF_KEY | OF_ADD)) || f->type == OT_KEY)
			continue;
		if (only && !(f->flags & OF_KEY) && strcmp(f->name, only))
			continue;
		if (f->type == OT_FLAG) {
			/* one bit: "on" where set, absent (off) where not */
			if (f->names || !tb[f->attr] ||
			    nl_attr_u32(tb[f->attr], &u))
				continue;
			if (u & f->bit)
				fprintf(out, " %s on", f->name);
			continue;
		}
		if (f->type == OT_U32 && !(f->flags & OF_KEY) &&
		    (!tb[f->attr] || nl_attr_u32(tb[f->attr], &u) || !u))
			continue;	/* 0: the default */
		s = field_str(f, nlh, tb);
		if (!s || (f->type == OT_DEV && !strcmp(s, "none")) ||
		    (f->type == OT_SPACES && !strcmp(s, "none"))) {
			free(s);
			continue;
		}
		if (f->type == OT_SPACES && max_spaces)
			for (n = 0, c = s; *c; c++)
				if (*c == ',' && ++n == max_spaces) {
					*c = '\0';
					break;
				}
		fprintf(out, " %s ", f->name);
		obj_print_word(s, out);
		free(s);
	}
	fputc('\n', out);
	return 0;
}

const char *obj_attr_name(uint8_t cmd, uint16_t type)
{
	static const struct obj_desc *const descs[] = {
		&circuit_desc, &auth_desc, &vnet_desc, &peering_desc,
		&endpoint_desc, &conn_desc, &exception_desc, &udr_desc,
	};
	const struct obj_desc *d;
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(descs); i++) {
		d = descs[i];
		if (cmd != d->cmd_new && cmd != d->cmd_del &&
		    cmd != d->cmd_set && cmd != d->cmd_get)
			continue;
		for (j = 0; j < d->n_fields; j++)
			if (d->fields[j].attr == type)
				return d->fields[j].name;
	}
	return NULL;
}

/* Rows collected from a dump, printed as an aligned table at the end. */
struct table {
	const struct obj_desc *d;
	struct fpctl *ctx;
	struct json_writer *jw;
	unsigned int ncols, nrows, cap;
	const struct obj_field *cols[OBJ_MAX_FIELDS];
	char **cells;			/* nrows * ncols */
};

static int table_cb(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };
	struct table *t = data;
	unsigned int i;
	char **n;

	if (t->jw)
		return obj_print_json(t->d, nlh, t->jw) ? -EBADMSG : NL_CB_OK;
	if (nl_genl_parse(nlh, tb, t->d->maxattr))
		return -EBADMSG;
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		n = realloc(t->cells, sizeof(*n) * t->cap * t->ncols);
		if (!n) {
			fp_error("out of memory");
			return -ENOMEM;
		}
		t->cells = n;
	}
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] =
			field_str(t->cols[i], nlh, tb);
	t->nrows++;
	return NL_CB_OK;
}

static void table_print(struct table *t)
{
	unsigned int w[OBJ_MAX_FIELDS], r, c, len;
	const char *s;

	if (!t->nrows)
		return;
	for (c = 0; c < t->ncols; c++)
		w[c] = strlen(t->cols[c]->name);
	for (r = 0; r < t->nrows; r++)
		for (c = 0; c < t->ncols; c++) {
			s = t->cells[r * t->ncols + c];
			len = s ? strlen(s) : 1;
			if (len > w[c])
				w[c] = len;
		}
	for (c = 0; c < t->ncols; c++) {
		const char *name = t->cols[c]->name;
		unsigned int k;

		for (k = 0; name[k]; k++)
			putchar(toupper((unsigned char)name[k]));
		if (c + 1 < t->ncols)
			printf("%*s", (int)(w[c] - k + 2), "");
	}
	putchar('\n');
	for (r = 0; r < t->nrows; r++) {
		for (c = 0; c < t->ncols; c++) {
			s = t->cells[r * t->ncols + c];
			if (c + 1 < t->ncols)
				printf("%-*s  ", (int)w[c], s ? s : "-");
			else
				printf("%s", s ? s : "-");
		}
		putchar('\n');
	}
}

static void table_free(struct table *t)
{
	unsigned int i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
}

static int obj_show(struct fpctl *ctx, struct nl_ctx *nl,
		    const struct obj_req *req)
{
	const struct obj_desc *d = req->desc;
	struct table t = { .d = d, .ctx = ctx };
	struct nlmsghdr *nlh;
	FILE *mem = NULL;
	char *buf = NULL;
	size_t len = 0;
	unsigned int i;
	int err;

	for (i = 0; i < d->n_fields; i++)
		if (d->fields[i].flags & OF_COL)
			t.cols[t.ncols++] = &d->fields[i];
	/*
	 * JSON is complete or absent: a dump that fails half way must not
	 * leave a valid-looking array without the objects that did not
	 * come, so the array is written to memory and printed on success.
	 */
	if (ctx->json) {
		mem = open_memstream(&buf, &len);
		t.jw = mem ? jsonw_new(mem, ctx->pretty) : NULL;
		if (!t.jw) {
			if (mem)
				fclose(mem);
			free(buf);
			fp_error("out of memory");
			return FPCTL_EXIT_ERR;
		}
		jsonw_start_array(t.jw);
	}
	nlh = nl_msg_genl(nl, ctx->family.id, d->cmd_get,
			  FASTPATH_FAMILY_VERSION,
			  req->has_key ? 0 : NLM_F_DUMP);
	if (req->has_key)
		obj_put(nlh, req, 0);
	err = nl_exec(nl, nlh, table_cb, &t);
	if (t.jw) {
		jsonw_end_array(t.jw);
		jsonw_destroy(t.jw);
		if (fclose(mem) && !err)
			err = -ENOMEM;
		if (!err && fwrite(buf, 1, len, stdout) != len)
			err = -EIO;
		free(buf);
	} else if (!err) {
		table_print(&t);
	}
	table_free(&t);
	return err ? FPCTL_EXIT_ERR : FPCTL_EXIT_OK;
}

struct flags_get {
	uint16_t attr;
	uint32_t flags;
	bool found;
};

static int flags_cb(const struct nlmsghdr *nlh, void *data)
{
	struct flags_get *fg = data;
	const struct nlattr *tb[FASTPATH_A_CIRCUIT_MAX + 32] = { 0 };

	if (nl_genl_parse(nlh, tb, fg->attr))
		return -EBADMSG;
	fg->found = !nl_attr_u32(tb[fg->attr], &fg->flags);
	return NL_CB_OK;
}

/* Replies to add (auth add: the key) are printed as they come. */
static int change_cb(const struct nlmsghdr *nlh, void *data)
{
	struct fpctl *ctx = ((void **)data)[0];
	const struct obj_desc *d = ((void **)data)[1];
	struct json_writer *jw;
	int err;

	if (!ctx->json)
		return obj_print_line(d, nlh, stdout) ? -EBADMSG : NL_CB_OK;
	jw = fpctl_json(ctx);
	if (!jw)
		return -ENOMEM;
	err = obj_print_json(d, nlh, jw);
	jsonw_destroy(jw);
	return err ? -EBADMSG : NL_CB_OK;
}

static int obj_change(struct fpctl *ctx, struct nl_ctx *nl,
		      const struct obj_req *req)
{
	const struct obj_desc *d = req->desc;
	struct flags_get fg = { 0 };
	void *cbdata[2] = { ctx, (void *)d };
	struct nlmsghdr *nlh;
	unsigned int i;
	uint8_t cmd;

	cmd = req->op == OBJ_ADD ? d->cmd_new :
	      req->op == OBJ_SET ? d->cmd_set : d->cmd_del;
	if (req->op == OBJ_SET && (req->flags_on | req->flags_off)) {
		/* flags change bit by bit: start from the current ones */
		for (i = 0; i < d->n_fields; i++)
			if (d->fields[i].type == OT_FLAG)
				fg.attr = d->fields[i].attr;
		nlh = nl_msg_genl(nl, ctx->family.id, d->cmd_get,
				  FASTPATH_FAMILY_VERSION, 0);
		for (i = 0; i < d->n_fields; i++)
			if (d->fields[i].flags & OF_KEY)
				break;
		{
			struct obj_req key = *req;

			key.op = OBJ_SHOW;
			key.flags_on = key.flags_off = 0;
			obj_put(nlh, &key, 0);
		}
		if (nl_exec(nl, nlh, flags_cb, &fg))
			return FPCTL_EXIT_ERR;
	}
	nlh = nl_msg_genl(nl, ctx->family.id, cmd, FASTPATH_FAMILY_VERSION, 0);
	if (obj_put(nlh, req, fg.flags))
		return FPCTL_EXIT_ERR;
	if (!ctx->batch || !d->defer_attr)
		return nl_exec(nl, nlh, change_cb, cbdata) ? FPCTL_EXIT_ERR :
							      FPCTL_EXIT_OK;
	/*
	 * -batch: publish to the data path once, at the end, and pipeline
	 * the requests; unless -force, in an ordered batch that stops at the
	 * first failure (do_batch()).
	 */
	mnl_attr_put(nlh, d->defer_attr, 0, NULL);
	ctx->deferred = true;
	if (nl_pipe_setup(nl, ctx->family.id, FASTPATH_FAMILY_VERSION,
			  ctx->force ? -1 : FASTPATH_CMD_BATCH)) {
		fp_error("out of memory");
		return FPCTL_EXIT_ERR;
	}
	return nl_queue(nl, nlh, change_cb, cbdata, sizeof(cbdata)) ?
	       FPCTL_EXIT_ERR : FPCTL_EXIT_OK;
}

static int obj_do(struct fpctl *ctx, const struct obj_desc *d,
		  enum obj_op op, int argc, char **argv)
{
	struct obj_req req;
	struct nl_ctx *nl;
	int ret;

	ret = obj_parse(d, op, argc, argv, &req);
	if (ret)
		return ret;
	nl = fpctl_family(ctx);
	if (!nl)
		ret = FPCTL_EXIT_ERR;
	else if (op == OBJ_SHOW)
		ret = obj_show(ctx, nl, &req);
	else
		ret = obj_change(ctx, nl, &req);
	obj_req_free(&req);
	return ret;
}

/*
 * The subcommand handlers get the object through this: fpctl_dispatch()
 * has no user pointer, so obj_run() sets it for the duration of one call.
 */
static const struct obj_desc *cur_desc;

static int do_add(struct fpctl *ctx, int argc, char **argv)
{
	return obj_do(ctx, cur_desc, OBJ_ADD, argc, argv);
}

static int do_set(struct fpctl *ctx, int argc, char **argv)
{
	return obj_do(ctx, cur_desc, OBJ_SET, argc, argv);
}

static int do_del(struct fpctl *ctx, int argc, char **argv)
{
	return obj_do(ctx, cur_desc, OBJ_DEL, argc, argv);
}

static int do_show(struct fpctl *ctx, int argc, char **argv)
{
	return obj_do(ctx, cur_desc, OBJ_SHOW, argc, argv);
}

static int do_list(struct fpctl *ctx, int argc, char **argv)
{
	if (argc)
		return fpctl_bad_arg(cur_desc->name, argv[0]);
	return obj_do(ctx, cur_desc, OBJ_SHOW, 0, argv);
}

static void sub_usage(FILE *f)
{
	obj_usage(cur_desc, f);
}

void obj_usage(const struct obj_desc *d, FILE *f)
{
	fprintf(f, "%s", d->usage);
}

int obj_run(struct fpctl *ctx, const struct obj_desc *d, int argc,
	    char **argv)
{
	const struct fpctl_cmd sub[] = {
		{ "add", d->cmd_new ? do_add : NULL, sub_usage, NULL },
		{ "del", d->cmd_del ? do_del : NULL, sub_usage, NULL },
		{ "set", d->cmd_set ? do_set : NULL, sub_usage, NULL },
		{ "show", d->cmd_get ? do_show : NULL, sub_usage, NULL },
		{ "list", d->cmd_get ? do_list : NULL, sub_usage, NULL },
	};
	struct fpctl_cmd tbl[ARRAY_SIZE(sub)];
	const struct obj_desc *saved = cur_desc;
	size_t i, n = 0;
	int ret;

	for (i = 0; i < ARRAY_SIZE(sub); i++)
		if (sub[i].fn)
			tbl[n++] = sub[i];
	cur_desc = d;
	ret = fpctl_dispatch(ctx, tbl, n, d->name, "show", sub_usage, argc,
			     argv);
	cur_desc = saved;
	return ret;
}
