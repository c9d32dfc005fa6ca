/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl: the generic engine behind the configuration objects.
 *
 * Each object file (circuit.c, auth.c, vnet.c, peering.c, endpoint.c,
 * conn.c, exception.c, udr.c) describes its object with a struct obj_desc:
 * the netlink commands and one struct obj_field per attribute, saying how
 * the attribute is spelled on the command line ("dev er0"), in JSON and in
 * the table header, and in which subcommands it is allowed or required.
 * This file parses the arguments (obj_parse(), pure, unit-tested), builds
 * the requests and prints the replies as aligned tables or JSON.
 *
 * Command line:  fpctl OBJECT add   KEY... [ KEYWORD VALUE ]...
 *                fpctl OBJECT set   KEY... [ KEYWORD VALUE ]...
 *                fpctl OBJECT del   KEY...
 *                fpctl OBJECT show  [ KEY... ]	(list = show without key)
 * KEY words are positional (the object's name, or vnet and prefix) and may
 * also be given as "KEYWORD VALUE".
 */
#ifndef FPCTL_OBJECTS_H
#define FPCTL_OBJECTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "fpctl.h"
#include "utils.h"

enum obj_type {
	OT_STR,		/* NUL-terminated string */
	OT_U32,		/* decimal u32 */
	OT_BOOL,	/* u8 0/1, output only: "yes"/"no" */
	OT_ENUM,	/* u32, one of names[] (case-insensitive) */
	OT_FLAG,	/* one bit (bit) of a u32 flags attribute: on | off */
	OT_UUID,	/* 16 bytes, xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx */
	OT_DEV,		/* u32 ifindex; device name on the command line */
	OT_PREFIX,	/* nested prefix, "10.0.0.0/8" */
	OT_MAC,		/* 6 bytes; "none" clears (all zeros) */
	OT_MBPS,	/* u32 Mbit/s; "10G", "500M" on the command line */
	OT_KEY,		/* 16 bytes, 32 hex digits */
	OT_SPACES,	/* nested list of prefixes: "P1,P2,..." or "none" */
	OT_STRLIST,	/* repeated string attribute, output only */
};

/* obj_field.flags */
#define OF_KEY		0x01	/* identifies the object: del/show/set need it */
#define OF_POS		0x02	/* may be given without its keyword */
#define OF_ADD		0x04	/* allowed in add */
#define OF_SET		0x08	/* allowed in set */
#define OF_REQ		0x10	/* required in add */
#define OF_COL		0x20	/* a column of the table */
#define OF_NOJSON	0x40	/* not in JSON (secrets) */

struct obj_field {
	const char *name;	/* keyword, JSON member and (upper-cased) column */
	uint16_t attr;
	enum obj_type type;
	unsigned int flags;
	const char *const *names;	/* OT_ENUM: by value */
	unsigned int n_names;
	uint32_t bit;		/* OT_FLAG */
	uint32_t max;		/* OT_U32: largest value (0: UINT32_MAX) */
};

/*
 * Table entries, one per line: a field of @type; an enum or a flags mask
 * whose values are @names (by value or bit number); one bit of a flags
 * attribute (OT_FLAG, "keyword on|off"); a u32 of at most @max.
 */
#define OBJ_FIELD(_name, _attr, _type, _flags)				\
	{ .name = (_name), .attr = (_attr), .type = (_type), .flags = (_flags) }
#define OBJ_NAMED(_name, _attr, _type, _flags, _names)			\
	{ .name = (_name), .attr = (_attr), .type = (_type),		\
	  .flags = (_flags), .names = (_names),				\
	  .n_names = ARRAY_SIZE(_names) }
#define OBJ_BIT(_name, _attr, _flags, _bit)				\
	{ .name = (_name), .attr = (_attr), .type = OT_FLAG,		\
	  .flags = (_flags), .bit = (_bit) }
#define OBJ_U32(_name, _attr, _flags, _max)				\
	{ .name = (_name), .attr = (_attr), .type = OT_U32,		\
	  .flags = (_flags), .max = (_max) }

struct obj_desc {
	const char *name;	/* "circuit" */
	uint8_t cmd_new, cmd_del, cmd_set, cmd_get;	/* 0: unsupported */
	unsigned int maxattr;
	uint16_t defer_attr;	/* the set's DEFER flag, sent under -batch */
	const struct obj_field *fields;
	unsigned int n_fields;
	const char *usage;	/* "OBJECT ..." lines of the help text */
};

/* The usage text of each object (usage.c). */
extern const char circuit_usage[], auth_usage[], vnet_usage[], peering_usage[],
	endpoint_usage[], conn_usage[], exception_usage[], udr_usage[];

/* The parts of an obj_desc every object spells the same way. */
#define OBJ_DESC_CMDS(OBJ)						\
	.cmd_new = FASTPATH_CMD_##OBJ##_NEW,				\
	.cmd_del = FASTPATH_CMD_##OBJ##_DEL,				\
	.cmd_set = FASTPATH_CMD_##OBJ##_SET,				\
	.cmd_get = FASTPATH_CMD_##OBJ##_GET
#define OBJ_DESC_ATTRS(obj, OBJ)					\
	.maxattr = FASTPATH_A_##OBJ##_MAX,				\
	.defer_attr = FASTPATH_A_##OBJ##_DEFER,				\
	.fields = obj##_fields,						\
	.n_fields = ARRAY_SIZE(obj##_fields)

#define OBJ_MAX_FIELDS	16

enum obj_op { OBJ_ADD, OBJ_SET, OBJ_DEL, OBJ_SHOW };

struct obj_val {
	bool set;
	const char *str;
	uint32_t u32;
	uint8_t bytes[16];
	struct fp_prefix prefix;
	struct fp_prefix *spaces;	/* malloc()ed */
	unsigned int n_spaces;
};

/* A parsed command line. */
struct obj_req {
	const struct obj_desc *desc;
	enum obj_op op;
	struct obj_val v[OBJ_MAX_FIELDS];
	uint32_t flags_on, flags_off;	/* OT_FLAG fields */
	bool has_key;			/* show: a key was given */
};

/*
 * Parse the words after "OBJECT add|set|del|show" into @req.  Returns 0,
 * or FPCTL_EXIT_USAGE after printing a message.  Device names are
 * resolved with if_nametoindex() (a missing device is a usage error).
 * Free with obj_req_free().
 */
int obj_parse(const struct obj_desc *d, enum obj_op op, int argc,
	      char **argv, struct obj_req *req);
void obj_req_free(struct obj_req *req);

/* Parse a UUID / a 16-byte hex key; 0 or -EINVAL after fp_error(). */
int parse_uuid(const char *arg, const char *what, uint8_t out[16]);
int parse_key(const char *arg, const char *what, uint8_t out[16]);
/* Look @arg up in @names (case-insensitive, exact); index or -1. */
int obj_enum_lookup(const char *arg, const char *const *names,
		    unsigned int n);

/* "fpctl OBJECT ..." for a table-described object. */
int obj_run(struct fpctl *ctx, const struct obj_desc *d, int argc,
	    char **argv);
void obj_usage(const struct obj_desc *d, FILE *f);

/*
 * Print one object message (a GET reply or a notification) as a line of
 * "key value" pairs (monitor) or a JSON object.  Returns 0 or -EBADMSG.
 */
int obj_print_line(const struct obj_desc *d, const struct nlmsghdr *nlh,
		   FILE *f);
int obj_print_json(const struct obj_desc *d, const struct nlmsghdr *nlh,
		   struct json_writer *jw);

/*
 * Print object message @nlh as a -batch line: "OBJECT VERB" and every
 * field an add takes (keys too, by keyword; values quoted where -batch
 * would split them; absent, "none" and zero values left out, a flag bit
 * as "on" when set), or with @only the keys and that field alone.  With
 * @max_spaces, at most that many address spaces.  "add" re-creates the
 * object.  Returns 0 or -EBADMSG.
 */
int obj_print_cmd(const struct obj_desc *d, const char *verb,
		  const char *only, const struct nlmsghdr *nlh, FILE *out,
		  unsigned int max_spaces);
/*
 * The field attribute @type of a request of command @cmd stands for
 * ("name"), or NULL: fpctl's nl_attr_namer, for error messages.
 */
const char *obj_attr_name(uint8_t cmd, uint16_t type);
/* @s as one word of a -batch line: quoted where -batch would split it. */
void obj_print_word(const char *s, FILE *out);

/*
 * The "fpctl OBJECT" entry points of the object described by OBJ_desc:
 * do_OBJ() and usage_OBJ(), declared in fpctl.h.
 */
#define OBJ_COMMAND(obj)						\
void usage_##obj(FILE *f)						\
{									\
	obj_usage(&obj##_desc, f);					\
}									\
									\
int do_##obj(struct fpctl *ctx, int argc, char **argv)			\
{									\
	return obj_run(ctx, &obj##_desc, argc, argv);			\
}

/* The object descriptions, one per object file. */
extern const struct obj_desc circuit_desc, auth_desc, vnet_desc,
	peering_desc, endpoint_desc, conn_desc, exception_desc, udr_desc;

#endif /* FPCTL_OBJECTS_H */
