// SPDX-License-Identifier: GPL-2.0
/*
 * fastpath model: names and prefixes.
 *
 * The value checks every object uses and no state: a name or region is
 * printable, non-blank ASCII; a prefix is canonical (no host bits, an
 * IPv4 prefix's unused bytes zero), and two prefixes overlap, contain one
 * another or compare in one total order.  Everything here is a pure
 * function of its arguments, so KUnit calls it directly.
 */
#include <linux/socket.h>
#include <linux/string.h>

#include "compat.h"
#include "model_internal.h"

/**
 * fp_string_valid() - is @s an acceptable name or region
 * @s: NUL-terminated string, or NULL
 * @size: the buffer it must fit in, NUL included
 *
 * Return: true for 1..@size - 1 printable, non-blank ASCII characters.
 */
bool fp_string_valid(const char *s, size_t size)
{
	size_t len;
	size_t i;

	if (!s)
		return false;
	len = strnlen(s, size);
	if (len == 0 || len >= size)
		return false;
	/* Printable, non-blank ASCII (isgraph() also takes Latin-1). */
	for (i = 0; i < len; i++)
		if (s[i] <= ' ' || s[i] >= 0x7f)
			return false;
	return true;
}

/**
 * fp_name_valid() - is @name an acceptable object name
 * @name: NUL-terminated string
 *
 * Return: true for 1..15 printable, non-blank ASCII characters.
 */
bool fp_name_valid(const char *name)
{
	return fp_string_valid(name, FP_NAME_LEN);
}

FP_EXPORT_FOR_KUNIT(fp_name_valid);

static unsigned int fp_prefix_maxlen(const struct fp_prefix *p)
{
	return p->family == AF_INET ? 32 : 128;
}

/**
 * fp_prefix_valid() - is @p a well-formed, canonical prefix
 * @p: the prefix
 *
 * Return: true if the family is AF_INET or AF_INET6, the length fits the
 * family, host bits are zero and an IPv4 prefix's unused bytes are zero.
 */
bool fp_prefix_valid(const struct fp_prefix *p)
{
	unsigned int bytes, i;

	if (p->family != AF_INET && p->family != AF_INET6)
		return false;
	if (p->len > fp_prefix_maxlen(p))
		return false;
	bytes = p->len / 8;
	if (p->len % 8 && (p->addr[bytes] & (0xffU >> (p->len % 8))))
		return false;
	for (i = DIV_ROUND_UP(p->len, 8); i < sizeof(p->addr); i++)
		if (p->addr[i])
			return false;
	return true;
}

FP_EXPORT_FOR_KUNIT(fp_prefix_valid);

/**
 * fp_prefix_v4mapped() - is @p inside ::ffff:0:0/96, IPv4 in IPv6 clothing
 * @p: the prefix
 *
 * Such a prefix names IPv4 addresses that the IPv4 tables hold: a vnet
 * could hold it beside the same IPv4 space without an overlap, and no
 * packet is ever looked up in IPv6 by those addresses.  The UAPI refuses
 * it; the IPv4 form is the one to use.
 *
 * Return: true for an IPv6 prefix of length 96 or more in ::ffff:0:0/96.
 */
bool fp_prefix_v4mapped(const struct fp_prefix *p)
{
	static const u8 mapped[12] = { [10] = 0xff, [11] = 0xff };

	return p->family == AF_INET6 && p->len >= 96 &&
	       !memcmp(p->addr, mapped, sizeof(mapped));
}

FP_EXPORT_FOR_KUNIT(fp_prefix_v4mapped);

/* Do the first @len bits of @a and @b agree? */
static bool fp_bits_equal(const u8 *a, const u8 *b, unsigned int len)
{
	unsigned int bytes = len / 8, rem = len % 8;

	if (memcmp(a, b, bytes))
		return false;
	if (rem && ((a[bytes] ^ b[bytes]) & (0xff00U >> rem) & 0xff))
		return false;
	return true;
}

/**
 * fp_prefix_overlap() - do two prefixes share an address
 * @a: one prefix
 * @b: the other
 *
 * Return: true if both are of one family and one contains the other.
 */
bool fp_prefix_overlap(const struct fp_prefix *a, const struct fp_prefix *b)
{
	if (a->family != b->family)
		return false;
	return fp_bits_equal(a->addr, b->addr, min(a->len, b->len));
}

FP_EXPORT_FOR_KUNIT(fp_prefix_overlap);

/**
 * fp_prefix_contains() - does @outer contain @inner
 * @outer: the larger prefix
 * @inner: the smaller (or equal) prefix
 *
 * Return: true if every address of @inner is in @outer.
 */
bool fp_prefix_contains(const struct fp_prefix *outer,
			const struct fp_prefix *inner)
{
	if (outer->family != inner->family || outer->len > inner->len)
		return false;
	return fp_bits_equal(outer->addr, inner->addr, outer->len);
}

FP_EXPORT_FOR_KUNIT(fp_prefix_contains);

/**
 * fp_prefix_cmp() - total order on prefixes
 * @a: one prefix
 * @b: the other
 *
 * IPv4 before IPv6, then by address, then shorter before longer.
 *
 * Return: <0, 0 or >0 like memcmp().
 */
int fp_prefix_cmp(const struct fp_prefix *a, const struct fp_prefix *b)
{
	int r;

	if (a->family != b->family)
		return a->family == AF_INET ? -1 : 1;
	r = memcmp(a->addr, b->addr, sizeof(a->addr));
	if (r)
		return r;
	return (int)a->len - (int)b->len;
}

FP_EXPORT_FOR_KUNIT(fp_prefix_cmp);
