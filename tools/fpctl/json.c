// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: a tiny streaming JSON writer for -j output.
 */
#include <assert.h>
#include <inttypes.h>
#include <stdlib.h>

#include "json.h"

struct json_writer {
	FILE *f;
	bool pretty;
	bool after_name;	/* a name was written, its value is next */
	unsigned int depth;
	/* first[d]: nothing written yet at nesting level d */
	bool first[JSONW_MAX_DEPTH + 1];
};

struct json_writer *jsonw_new(FILE *f, bool pretty)
{
	struct json_writer *jw = calloc(1, sizeof(*jw));

	if (!jw)
		return NULL;
	jw->f = f;
	jw->pretty = pretty;
	return jw;
}

void jsonw_destroy(struct json_writer *jw)
{
	free(jw);
}

/*
 * Length of the valid UTF-8 sequence at @s (2-4), or 0 if it is not one:
 * rejects stray continuation bytes, truncated sequences, overlong forms,
 * surrogates (U+D800-U+DFFF) and code points above U+10FFFF.
 */
static int utf8_len(const unsigned char *s)
{
	unsigned int n, i;
	uint32_t cp;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;	/* also catches the terminating NUL */
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

void json_print_string(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	int n;

	putc('"', f);
	while (*s) {
		switch (*s) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\b':
			fputs("\\b", f);
			break;
		case '\f':
			fputs("\\f", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*s < 0x20 || *s == 0x7f) {
				fprintf(f, "\\u%04x", *s);
			} else if (*s < 0x80) {
				putc(*s, f);
			} else {
				n = utf8_len(s);
				if (!n) {
					fputs("\\ufffd", f);
					break;
				}
				fwrite(s, 1, n, f);
				s += n;
				continue;
			}
		}
		s++;
	}
	putc('"', f);
}

static void jsonw_indent(struct json_writer *jw)
{
	unsigned int i;

	putc('\n', jw->f);
	for (i = 0; i < jw->depth; i++)
		fputs("    ", jw->f);
}

/* Separator and indentation before a value or a member name. */
static void jsonw_begin_value(struct json_writer *jw)
{
	if (jw->after_name) {
		jw->after_name = false;
		return;
	}
	if (!jw->depth)
		return;
	if (!jw->first[jw->depth])
		putc(',', jw->f);
	jw->first[jw->depth] = false;
	if (jw->pretty)
		jsonw_indent(jw);
}

/* After a complete value: the top-level document ends with a newline. */
static void jsonw_end_value(struct json_writer *jw)
{
	if (!jw->depth)
		putc('\n', jw->f);
}

static void jsonw_open(struct json_writer *jw, char c)
{
	jsonw_begin_value(jw);
	putc(c, jw->f);
	assert(jw->depth < JSONW_MAX_DEPTH);
	jw->depth++;
	jw->first[jw->depth] = true;
}

static void jsonw_close(struct json_writer *jw, char c)
{
	bool empty;

	assert(jw->depth > 0 && !jw->after_name);
	empty = jw->first[jw->depth];
	jw->depth--;
	if (jw->pretty && !empty)
		jsonw_indent(jw);
	putc(c, jw->f);
	jsonw_end_value(jw);
}

void jsonw_start_object(struct json_writer *jw)
{
	jsonw_open(jw, '{');
}

void jsonw_end_object(struct json_writer *jw)
{
	jsonw_close(jw, '}');
}

void jsonw_start_array(struct json_writer *jw)
{
	jsonw_open(jw, '[');
}

void jsonw_end_array(struct json_writer *jw)
{
	jsonw_close(jw, ']');
}

void jsonw_name(struct json_writer *jw, const char *name)
{
	assert(jw->depth > 0 && !jw->after_name);
	jsonw_begin_value(jw);
	json_print_string(jw->f, name);
	putc(':', jw->f);
	if (jw->pretty)
		putc(' ', jw->f);
	jw->after_name = true;
}

void jsonw_string(struct json_writer *jw, const char *s)
{
	jsonw_begin_value(jw);
	json_print_string(jw->f, s);
	jsonw_end_value(jw);
}

void jsonw_uint(struct json_writer *jw, uint64_t v)
{
	jsonw_begin_value(jw);
	fprintf(jw->f, "%" PRIu64, v);
	jsonw_end_value(jw);
}

void jsonw_int(struct json_writer *jw, int64_t v)
{
	jsonw_begin_value(jw);
	fprintf(jw->f, "%" PRId64, v);
	jsonw_end_value(jw);
}

void jsonw_bool(struct json_writer *jw, bool v)
{
	jsonw_begin_value(jw);
	fputs(v ? "true" : "false", jw->f);
	jsonw_end_value(jw);
}

void jsonw_null(struct json_writer *jw)
{
	jsonw_begin_value(jw);
	fputs("null", jw->f);
	jsonw_end_value(jw);
}

void jsonw_string_field(struct json_writer *jw, const char *name,
			const char *s)
{
	jsonw_name(jw, name);
	jsonw_string(jw, s);
}

void jsonw_uint_field(struct json_writer *jw, const char *name, uint64_t v)
{
	jsonw_name(jw, name);
	jsonw_uint(jw, v);
}

void jsonw_int_field(struct json_writer *jw, const char *name, int64_t v)
{
	jsonw_name(jw, name);
	jsonw_int(jw, v);
}

void jsonw_bool_field(struct json_writer *jw, const char *name, bool v)
{
	jsonw_name(jw, name);
	jsonw_bool(jw, v);
}

void jsonw_null_field(struct json_writer *jw, const char *name)
{
	jsonw_name(jw, name);
	jsonw_null(jw);
}

void jsonw_start_object_field(struct json_writer *jw, const char *name)
{
	jsonw_name(jw, name);
	jsonw_start_object(jw);
}

void jsonw_start_array_field(struct json_writer *jw, const char *name)
{
	jsonw_name(jw, name);
	jsonw_start_array(jw);
}
