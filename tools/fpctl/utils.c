// SPDX-License-Identifier: GPL-2.0
/*
 * fpctl: argument parsing helpers and error reporting.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "utils.h"

unsigned long fp_lineno;
void (*fp_error_hook)(const char *msg);

static void fp_vreport(const char *kind, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	if (fp_error_hook) {
		fp_error_hook(msg);
		return;
	}
	/* Keep stdout and stderr in order when both go to the same place. */
	fflush(stdout);
	if (fp_lineno)
		fprintf(stderr, "fpctl: line %lu: %s%s\n", fp_lineno, kind,
			msg);
	else
		fprintf(stderr, "fpctl: %s%s\n", kind, msg);
}

void fp_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fp_vreport("", fmt, ap);
	va_end(ap);
}

void fp_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fp_vreport("warning: ", fmt, ap);
	va_end(ap);
}

/* ---- keyword matching --------------------------------------------------- */

int matches(const char *prefix, const char *string)
{
	if (!*prefix)
		return 1;
	while (*string && *prefix == *string) {
		prefix++;
		string++;
	}
	return *prefix;
}

static const char *name_at(const char *const *name0, size_t stride,
			   size_t i)
{
	return *(const char *const *)((const char *)name0 + i * stride);
}

int name_lookup(const char *word, const char *const *name0, size_t stride,
		size_t n)
{
	int found = -ENOENT;
	size_t i;

	if (!*word)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		const char *name = name_at(name0, stride, i);

		if (name && !strcmp(word, name))
			return i;
	}
	for (i = 0; i < n; i++) {
		const char *name = name_at(name0, stride, i);

		if (!name || matches(word, name))
			continue;
		if (found >= 0)
			return -EEXIST;
		found = i;
	}
	return found;
}

int name_candidates(const char *word, const char *const *name0,
		    size_t stride, size_t n, char *buf, size_t len)
{
	size_t i, off = 0;
	int count = 0;

	if (len)
		buf[0] = '\0';
	for (i = 0; i < n; i++) {
		const char *name = name_at(name0, stride, i);
		int r;

		if (!name || matches(word, name))
			continue;
		if (off < len) {
			r = snprintf(buf + off, len - off, "%s%s",
				     count ? ", " : "", name);
			if (r > 0)
				off += r;
		}
		count++;
	}
	return count;
}

/* ---- numbers ------------------------------------------------------------ */

/* Strict unsigned parse; 0 or -EINVAL/-ERANGE, nothing printed. */
static int strict_u64(const char *arg, uint64_t *out)
{
	unsigned int base = 10;
	const char *p = arg;
	uint64_t v = 0;

	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		base = 16;
		p += 2;
	}
	if (!*p)
		return -EINVAL;
	for (; *p; p++) {
		unsigned int d;

		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (base == 16 && isxdigit((unsigned char)*p))
			d = tolower((unsigned char)*p) - 'a' + 10;
		else
			return -EINVAL;
		if (v > (UINT64_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	*out = v;
	return 0;
}

int parse_u64(const char *arg, const char *what, uint64_t min, uint64_t max,
	      uint64_t *out)
{
	uint64_t v = 0;
	int err;

	if (!*arg) {
		fp_error("invalid %s \"\": empty value", what);
		return -EINVAL;
	}
	err = strict_u64(arg, &v);
	if (err == -EINVAL) {
		fp_error("invalid %s \"%s\": not an unsigned integer", what,
			 arg);
		return err;
	}
	if (err || v < min || v > max) {
		fp_error("%s %s out of range: must be between %llu and %llu",
			 what, arg, (unsigned long long)min,
			 (unsigned long long)max);
		return -ERANGE;
	}
	*out = v;
	return 0;
}

int parse_u32(const char *arg, const char *what, uint32_t min, uint32_t max,
	      uint32_t *out)
{
	uint64_t v;
	int err;

	err = parse_u64(arg, what, min, max, &v);
	if (!err)
		*out = v;
	return err;
}

static const struct {
	char suffix;
	uint64_t mult;
	unsigned int digits;	/* log10(mult) */
} si_units[] = {
	{ 'T', 1000000000000ULL, 12 },
	{ 'G', 1000000000ULL, 9 },
	{ 'M', 1000000ULL, 6 },
	{ 'K', 1000ULL, 3 },
};

int parse_bandwidth(const char *arg, const char *what, uint64_t *bps)
{
	const char *p = arg, *frac = NULL, *frac_end = NULL;
	uint64_t ipart = 0, fpart = 0, mult = 1, scale = 1, v;
	unsigned int digits = 0, nfrac, i;

	if (!*arg) {
		fp_error("invalid %s \"\": empty value", what);
		return -EINVAL;
	}
	if (!isdigit((unsigned char)*p))
		goto bad;
	for (; isdigit((unsigned char)*p); p++) {
		unsigned int d = *p - '0';

		if (ipart > (UINT64_MAX - d) / 10)
			goto range;
		ipart = ipart * 10 + d;
	}
	if (*p == '.') {
		frac = ++p;
		while (isdigit((unsigned char)*p))
			p++;
		frac_end = p;
		if (frac == frac_end)
			goto bad;
	}
	for (i = 0; i < ARRAY_SIZE(si_units); i++) {
		if (toupper((unsigned char)*p) == si_units[i].suffix) {
			mult = si_units[i].mult;
			digits = si_units[i].digits;
			p++;
			break;
		}
	}
	if (*p && strcasecmp(p, "bps") && strcasecmp(p, "bit"))
		goto bad;

	if (frac) {
		/* Trailing zeros of the fraction do not matter. */
		while (frac_end > frac && frac_end[-1] == '0')
			frac_end--;
		nfrac = frac_end - frac;
		if (nfrac > digits) {
			fp_error("invalid %s \"%s\": not a whole number of bit/s",
				 what, arg);
			return -EINVAL;
		}
		for (; frac < frac_end; frac++)
			fpart = fpart * 10 + (*frac - '0');
		for (i = nfrac; i < digits; i++)
			scale *= 10;
		fpart *= scale;		/* < mult, cannot overflow */
	}
	if (ipart > (UINT64_MAX - fpart) / mult)
		goto range;
	v = ipart * mult + fpart;
	if (!v) {
		fp_error("invalid %s \"%s\": must be greater than zero", what,
			 arg);
		return -ERANGE;
	}
	*bps = v;
	return 0;

bad:
	fp_error("invalid %s \"%s\": expected a number of bit/s with an optional K, M, G or T suffix, e.g. 10G",
		 what, arg);
	return -EINVAL;
range:
	fp_error("invalid %s \"%s\": too large", what, arg);
	return -ERANGE;
}

char *format_bandwidth(uint64_t bps, char *buf, size_t len)
{
	size_t i;

	for (i = 0; bps && i < ARRAY_SIZE(si_units); i++) {
		if (bps % si_units[i].mult == 0) {
			snprintf(buf, len, "%llu%c",
				 (unsigned long long)(bps / si_units[i].mult),
				 si_units[i].suffix);
			return buf;
		}
	}
	snprintf(buf, len, "%llu", (unsigned long long)bps);
	return buf;
}

/* ---- addresses ---------------------------------------------------------- */

static void prefix_mask(struct fp_prefix *p, uint8_t *host_bits_set,
			bool clear)
{
	unsigned int bytes = p->family == AF_INET ? 4 : 16, i;

	*host_bits_set = 0;
	for (i = 0; i < bytes; i++) {
		unsigned int bit = i * 8;
		uint8_t mask;

		if (bit + 8 <= p->len)
			mask = 0xff;
		else if (bit >= p->len)
			mask = 0;
		else
			mask = 0xff << (8 - (p->len - bit));
		*host_bits_set |= p->addr.raw[i] & ~mask;
		if (clear)
			p->addr.raw[i] &= mask;
	}
}

int parse_prefix(const char *arg, const char *what, int family,
		 unsigned int flags, struct fp_prefix *out)
{
	char addr[INET6_ADDRSTRLEN + 1], buf[PREFIX_BUFSZ];
	const char *slash, *lenstr;
	struct fp_prefix p = { 0 };
	unsigned int max, len;
	uint8_t host;
	size_t alen;

	if (!*arg) {
		fp_error("invalid %s \"\": empty value", what);
		return -EINVAL;
	}
	slash = strchr(arg, '/');
	alen = slash ? (size_t)(slash - arg) : strlen(arg);
	if (!alen) {
		fp_error("invalid %s \"%s\": missing address before '/'", what,
			 arg);
		return -EINVAL;
	}
	if (memchr(arg, '%', alen)) {
		fp_error("invalid %s \"%s\": scope ids (%%...) are not allowed",
			 what, arg);
		return -EINVAL;
	}
	p.family = memchr(arg, ':', alen) ? AF_INET6 : AF_INET;
	if (alen < sizeof(addr)) {
		memcpy(addr, arg, alen);
		addr[alen] = '\0';
	}
	if (alen >= sizeof(addr) || inet_pton(p.family, addr, &p.addr) != 1) {
		fp_error("invalid %s \"%s\": \"%.*s\" is not a valid %s address",
			 what, arg, (int)alen, arg,
			 p.family == AF_INET ? "IPv4" : "IPv6");
		return -EINVAL;
	}
	if (family != AF_UNSPEC && family != p.family) {
		fp_error("invalid %s \"%s\": expected an %s prefix", what, arg,
			 family == AF_INET ? "IPv4" : "IPv6");
		return -EINVAL;
	}
	max = p.family == AF_INET ? 32 : 128;

	if (!slash) {
		if (!(flags & PREFIX_ALLOW_HOST)) {
			fp_error("invalid %s \"%s\": missing prefix length (e.g. %s/%u)",
				 what, arg, arg, max);
			return -EINVAL;
		}
		len = max;
	} else {
		lenstr = slash + 1;
		if (!*lenstr) {
			fp_error("invalid %s \"%s\": missing prefix length after '/'",
				 what, arg);
			return -EINVAL;
		}
		if (strspn(lenstr, "0123456789") != strlen(lenstr) ||
		    strlen(lenstr) > 3 || (lenstr[0] == '0' && lenstr[1])) {
			fp_error("invalid %s \"%s\": bad prefix length \"%s\"",
				 what, arg, lenstr);
			return -EINVAL;
		}
		len = atoi(lenstr);
		if (len > max) {
			fp_error("invalid %s \"%s\": prefix length %u out of range for %s (0-%u)",
				 what, arg, len,
				 p.family == AF_INET ? "IPv4" : "IPv6", max);
			return -ERANGE;
		}
	}
	p.len = len;

	if (p.family == AF_INET6 && IN6_IS_ADDR_V4MAPPED(&p.addr.v6)) {
		struct fp_prefix v4 = { .family = AF_INET };

		if (p.len >= 96) {
			v4.len = p.len - 96;
			memcpy(&v4.addr.v4, &p.addr.raw[12], 4);
			prefix_mask(&v4, &host, true);
			fp_error("invalid %s \"%s\": IPv4-mapped IPv6 addresses are not accepted; use the IPv4 form %s",
				 what, arg, format_prefix(&v4, buf, sizeof(buf)));
		} else {
			fp_error("invalid %s \"%s\": IPv4-mapped IPv6 addresses are not accepted",
				 what, arg);
		}
		return -EINVAL;
	}

	prefix_mask(&p, &host, false);
	if (host) {
		prefix_mask(&p, &host, true);
		fp_error("invalid %s \"%s\": host bits set (did you mean %s?)",
			 what, arg, format_prefix(&p, buf, sizeof(buf)));
		return -EINVAL;
	}
	*out = p;
	return 0;
}

char *format_prefix(const struct fp_prefix *p, char *buf, size_t len)
{
	char addr[INET6_ADDRSTRLEN];

	if (!inet_ntop(p->family, &p->addr, addr, sizeof(addr)))
		snprintf(addr, sizeof(addr), "?");
	snprintf(buf, len, "%s/%u", addr, p->len);
	return buf;
}

int parse_mac(const char *arg, const char *what, uint8_t mac[6])
{
	const char *p = arg;
	uint8_t m[6];
	int i;

	for (i = 0; i < 6; i++) {
		unsigned int v = 0, n = 0;

		while (isxdigit((unsigned char)*p) && n < 3) {
			v = v * 16 + (isdigit((unsigned char)*p) ?
				      *p - '0' :
				      tolower((unsigned char)*p) - 'a' + 10);
			p++;
			n++;
		}
		if (n == 0 || n > 2)
			goto bad;
		m[i] = v;
		if (i < 5 && *p++ != ':')
			goto bad;
	}
	if (*p)
		goto bad;
	memcpy(mac, m, sizeof(m));
	return 0;
bad:
	fp_error("invalid %s \"%s\": expected an Ethernet address like 52:54:00:12:34:56",
		 what, arg);
	return -EINVAL;
}

char *format_mac(const uint8_t mac[6], char *buf, size_t len)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

/* ---- -batch lines ------------------------------------------------------- */

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

int split_line(char *line, char ***argvp)
{
	size_t argc = 0, cap = 8;
	char **argv, **tmp, *r = line, *w, *word;
	const char *err;

	argv = malloc(cap * sizeof(*argv));
	if (!argv)
		return -ENOMEM;
	for (;;) {
		while (is_blank(*r))
			r++;
		if (!*r || *r == '#')
			break;
		word = w = r;
		while (*r && !is_blank(*r)) {
			if (*r == '\'') {
				for (r++; *r && *r != '\''; )
					*w++ = *r++;
				if (!*r) {
					err = "unterminated single quote";
					goto bad;
				}
				r++;
			} else if (*r == '"') {
				for (r++; *r && *r != '"'; ) {
					if (*r == '\\' && r[1])
						r++;
					*w++ = *r++;
				}
				if (!*r) {
					err = "unterminated double quote";
					goto bad;
				}
				r++;
			} else if (*r == '\\') {
				if (!r[1]) {
					err = "trailing backslash";
					goto bad;
				}
				r++;
				*w++ = *r++;
			} else {
				*w++ = *r++;
			}
		}
		/* w <= r: terminate the word, then step over the blank. */
		if (*r)
			r++;
		*w = '\0';
		if (argc + 1 >= cap) {
			cap *= 2;
			tmp = realloc(argv, cap * sizeof(*argv));
			if (!tmp) {
				free(argv);
				return -ENOMEM;
			}
			argv = tmp;
		}
		argv[argc++] = word;
	}
	argv[argc] = NULL;
	*argvp = argv;
	return argc;

bad:
	free(argv);
	fp_error("%s", err);
	return -EINVAL;
}
