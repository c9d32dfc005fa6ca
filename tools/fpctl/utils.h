/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fpctl: argument parsing helpers and error reporting.
 *
 * Every parse_*() helper validates strictly, reports a complete, human
 * readable message through fp_error() (naming @what and the offending
 * argument) and returns 0 on success or a negative errno on failure:
 * -EINVAL for malformed input, -ERANGE for well-formed values outside the
 * allowed range.  Callers then return FPCTL_EXIT_USAGE.
 */
#ifndef FPCTL_UTILS_H
#define FPCTL_UTILS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <netinet/in.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#ifndef __printf
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#endif

/* ---- error reporting ---------------------------------------------------- */

/*
 * Line number of the -batch line being executed, 0 outside batch mode.
 * When set, messages are printed as "fpctl: line N: ...".
 */
extern unsigned long fp_lineno;

/*
 * Where fp_error()/fp_warn() messages go.  NULL (the default) prints to
 * stderr; the unit tests install a hook to capture the message text (the
 * text passed to the hook has no "fpctl: " prefix and no newline).
 */
extern void (*fp_error_hook)(const char *msg);

/* "fpctl: [line N: ]<message>\n" on stderr. */
void fp_error(const char *fmt, ...) __printf(1, 2);
/* "fpctl: [line N: ]warning: <message>\n" on stderr. */
void fp_warn(const char *fmt, ...) __printf(1, 2);

/* ---- keyword matching --------------------------------------------------- */

/*
 * iproute2 semantics: returns 0 if @prefix is a non-empty prefix of
 * @string ("-j" and "-json" both match "-json"), non-zero otherwise.
 * Note the strcmp()-like return value: test with "matches(...) == 0".
 */
int matches(const char *prefix, const char *string);

/*
 * Look @word up in a table of structs whose member "name" is a string:
 * @name0 points at the name member of element 0, @stride is the element
 * size, @n the number of elements (NULL names are skipped).  An exact match
 * wins; otherwise @word must be a prefix of exactly one name.
 * Returns the index, -ENOENT if nothing matches, -EEXIST if @word is an
 * ambiguous abbreviation, -EINVAL if @word is empty.
 * Use TABLE_LOOKUP() rather than calling this directly.
 */
int name_lookup(const char *word, const char *const *name0, size_t stride,
		size_t n);
/*
 * Write the names @word abbreviates into @buf as "a, b, c" (for ambiguity
 * messages).  Returns the number of candidates.
 */
int name_candidates(const char *word, const char *const *name0,
		    size_t stride, size_t n, char *buf, size_t len);

#define TABLE_LOOKUP(word, tbl, n) \
	name_lookup(word, &(tbl)[0].name, sizeof((tbl)[0]), n)
#define TABLE_CANDIDATES(word, tbl, n, buf, len) \
	name_candidates(word, &(tbl)[0].name, sizeof((tbl)[0]), n, buf, len)

/* ---- numbers ------------------------------------------------------------ */

/*
 * Unsigned integers: decimal, or hexadecimal with a "0x" prefix.  No sign,
 * no surrounding white space, no trailing characters; a leading zero does
 * NOT mean octal.  The value must lie in [@min, @max].
 */
int parse_u32(const char *arg, const char *what, uint32_t min, uint32_t max,
	      uint32_t *out);
int parse_u64(const char *arg, const char *what, uint64_t min, uint64_t max,
	      uint64_t *out);

/*
 * Bandwidth in bit/s: a decimal number with an optional fraction and an
 * optional SI suffix K, M, G or T (powers of 1000, case-insensitive),
 * optionally followed by "bps" or "bit": "50M", "10G", "2.5G", "100Mbps",
 * "1000000".  The result must be a whole, non-zero number of bit/s.
 */
int parse_bandwidth(const char *arg, const char *what, uint64_t *bps);
/*
 * Format @bps with the largest suffix that represents it exactly ("10G",
 * "1500M", "999"); inverse of parse_bandwidth().  Returns @buf.
 */
#define BANDWIDTH_BUFSZ	24
char *format_bandwidth(uint64_t bps, char *buf, size_t len);

/* ---- addresses ---------------------------------------------------------- */

struct fp_prefix {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t len;		/* prefix length in bits */
	union {
		struct in_addr v4;
		struct in6_addr v6;
		uint8_t raw[16];
	} addr;			/* network address, host bits all zero */
};

/* Flags for parse_prefix(). */
#define PREFIX_ALLOW_HOST	0x1	/* "10.0.0.1" means 10.0.0.1/32 */

/*
 * Parse "ADDR/LEN" (or a bare "ADDR" as a host route with
 * PREFIX_ALLOW_HOST).  @family is AF_INET, AF_INET6 or AF_UNSPEC (either).
 * Rejected: empty input, malformed addresses (inet_pton() strictness:
 * no "10.1", no leading zeros), lengths that are empty, non-decimal, have
 * leading zeros or exceed 32/128, set host bits (the message suggests the
 * correct network), IPv4-mapped IPv6 addresses (::ffff:a.b.c.d, the
 * message suggests the IPv4 form), scope ids ("%eth0").
 */
int parse_prefix(const char *arg, const char *what, int family,
		 unsigned int flags, struct fp_prefix *out);

/* "10.0.0.0/8", "2001:db8::/32"; @len >= PREFIX_BUFSZ.  Returns @buf. */
#define PREFIX_BUFSZ	(INET6_ADDRSTRLEN + 4)
char *format_prefix(const struct fp_prefix *p, char *buf, size_t len);

/*
 * Ethernet address: six groups of one or two hex digits separated by ':'
 * ("52:54:00:12:34:56", case-insensitive).
 */
int parse_mac(const char *arg, const char *what, uint8_t mac[6]);
/* "52:54:00:12:34:56"; @len >= MAC_BUFSZ.  Returns @buf. */
#define MAC_BUFSZ	18
char *format_mac(const uint8_t mac[6], char *buf, size_t len);

/* ---- -batch lines ------------------------------------------------------- */

/*
 * Split @line in place into words.  Words are separated by blanks; '#'
 * at the start of a word begins a comment that runs to the end of the line.
 * Single quotes preserve everything literally; inside double quotes and in
 * unquoted text a backslash escapes the next character.  Quoting can join
 * parts ("a"'b'c is one word abc); "" is an empty word.
 * On success stores a malloc()ed, NULL-terminated array in *@argvp (free
 * it with free(); the strings point into @line) and returns the number of
 * words (0 for a blank or comment-only line).  On error returns -EINVAL
 * (unterminated quote, trailing backslash) after reporting it through
 * fp_error(), or -ENOMEM.
 */
int split_line(char *line, char ***argvp);

#endif /* FPCTL_UTILS_H */
