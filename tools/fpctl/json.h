/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl: a tiny streaming JSON writer for -j output.
 *
 * Modelled on iproute2's json_writer: open/close objects and arrays, emit
 * a name, then a value.  Output is compact ({"a":1,"b":[true,null]}) or,
 * with pretty set, indented by four spaces per level like "ip -j -p".
 * A newline follows the top-level value.  Strings are escaped as RFC 8259
 * requires: '"', '\\' and all control characters (as \n, \t, ... or
 * \u00XX, also DEL); valid UTF-8 passes through unchanged, invalid bytes
 * become U+FFFD so the output is always valid JSON.
 */
#ifndef FPCTL_JSON_H
#define FPCTL_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define JSONW_MAX_DEPTH	32

struct json_writer;

/* Returns NULL on allocation failure. */
struct json_writer *jsonw_new(FILE *f, bool pretty);
/* Frees the writer (it does not close the FILE). */
void jsonw_destroy(struct json_writer *jw);

void jsonw_start_object(struct json_writer *jw);
void jsonw_end_object(struct json_writer *jw);
void jsonw_start_array(struct json_writer *jw);
void jsonw_end_array(struct json_writer *jw);

/* Member name inside an object; the next call must emit its value. */
void jsonw_name(struct json_writer *jw, const char *name);

void jsonw_string(struct json_writer *jw, const char *s);
void jsonw_uint(struct json_writer *jw, uint64_t v);
void jsonw_int(struct json_writer *jw, int64_t v);
void jsonw_bool(struct json_writer *jw, bool v);
void jsonw_null(struct json_writer *jw);

/* jsonw_name() followed by the value. */
void jsonw_string_field(struct json_writer *jw, const char *name,
			const char *s);
void jsonw_uint_field(struct json_writer *jw, const char *name, uint64_t v);
void jsonw_int_field(struct json_writer *jw, const char *name, int64_t v);
void jsonw_bool_field(struct json_writer *jw, const char *name, bool v);
void jsonw_null_field(struct json_writer *jw, const char *name);
void jsonw_start_object_field(struct json_writer *jw, const char *name);
void jsonw_start_array_field(struct json_writer *jw, const char *name);

/* Write @s as a quoted, escaped JSON string to @f. */
void json_print_string(FILE *f, const char *s);

#endif /* FPCTL_JSON_H */
