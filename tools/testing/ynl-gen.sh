#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# ynl-gen.sh [--check]: generate the module's attribute policies and
# operation table (kmod/nl_gen.c, kmod/nl_gen.h) and the netlink fuzzer's
# tables (tools/testing/nlfuzz/spec_tables.h, ynl-tables.py) from the YNL spec,
# Documentation/netlink/specs/fastpath.yaml, with the kernel's own YNL C
# generator (tools/net/ynl/pyynl/ynl_gen_c.py) from the newest Debian
# linux-source, the source tree of the 7.x test line
# (tools/testing/qemu/kernel.sh --print-src 7.x: fetched and unpacked from
# Debian's archive into the kernel cache the first time).
#
# --check (make lint): fail if the spec or a generated file changed since
# the files were written (kmod/nl_gen.sum holds their checksums and the
# generator's version), and generate into a temporary directory and fail,
# with the difference, if the files are not exactly what the spec gives,
# so that the spec and the policies cannot drift apart.  Only a newer
# generator (Debian's newest linux-source moves) writing the kernel files
# differently is a note rather than a failure: the checksums still hold.
#
# The generator wants the spec inside a kernel tree: it looks for a
# MAINTAINERS file above the spec (forever, if there is none) and for the
# schemas (genetlink-legacy.yaml, ...) in the spec's parent directory.
# It runs in a scratch tree laid out that way, with the schemas of the
# same linux-source.  Needs python3-yaml and python3-jsonschema (make deps).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
check=0
[ "${1:-}" = --check ] && check=1

src=$("$top/tools/testing/qemu/kernel.sh" --print-src 7.x) ||
	{ echo "ynl-gen: no 7.x linux-source (see kernel.sh's messages)" >&2; exit 1; }
gen=$src/tools/net/ynl/pyynl/ynl_gen_c.py
[ -f "$gen" ] || gen=$src/tools/net/ynl/ynl-gen-c.py
[ -f "$gen" ] || { echo "ynl-gen: no YNL C generator in $src" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/Documentation/netlink/specs" "$tmp/out"
touch "$tmp/MAINTAINERS"
cp "$src"/Documentation/netlink/*.yaml "$tmp/Documentation/netlink/"
cp "$top/Documentation/netlink/specs/fastpath.yaml" \
	"$tmp/Documentation/netlink/specs/"

spec=$tmp/Documentation/netlink/specs/fastpath.yaml
gen_ok=1
(cd "$tmp" &&
	python3 "$gen" --mode kernel --spec "$spec" --source -o out/nl_gen.c &&
	python3 "$gen" --mode kernel --spec "$spec" --header -o out/nl_gen.h) ||
	gen_ok=0
python3 "$top/tools/testing/ynl-tables.py" >"$tmp/out/spec_tables.h" ||
	{ echo "ynl-gen: ynl-tables.py failed on the spec" >&2; exit 1; }

# generated file -> where it is committed
declare -A dest=(
	[nl_gen.c]=kmod/nl_gen.c
	[nl_gen.h]=kmod/nl_gen.h
	[spec_tables.h]=tools/testing/nlfuzz/spec_tables.h
)

# kmod/nl_gen.sum: the generator's version, then the checksums of the
# spec and of every generated file as they were when they were written.
sum=kmod/nl_gen.sum
ver=$(basename "$src")
write_sum() {
	{
		echo "# written by tools/testing/ynl-gen.sh (make ynl-gen); do not edit"
		echo "generator linux-source $ver"
		(cd "$top" && sha256sum Documentation/netlink/specs/fastpath.yaml \
			"${dest[@]}")
	} >"$top/$sum"
}

if [ "$check" = 1 ]; then
	# 1. Neither the spec nor a generated file changed since make
	#    ynl-gen: independent of the generator's version.
	[ -f "$top/$sum" ] || { echo "ynl-gen: $sum missing (make ynl-gen)" >&2; exit 1; }
	if ! (cd "$top" && grep -v '^#\|^generator ' "$sum" | sha256sum -c --quiet -); then
		echo "ynl-gen: the spec or a generated file changed since make ynl-gen (run it)" >&2
		exit 1
	fi
	# 2. Our own tables, and the kernel generator's output when it is the
	#    generator that wrote them, are exactly what the spec gives.  A
	#    newer linux-source in Debian's archive (the 7.x line moves) may
	#    format differently: that is a note, not a failure.
	rc=0
	diff -u "$top/${dest[spec_tables.h]}" "$tmp/out/spec_tables.h" || rc=1
	had=$(sed -n 's/^generator linux-source //p' "$top/$sum")
	if [ "$gen_ok" = 0 ] && [ "$had" = "$ver" ]; then
		echo "ynl-gen: $gen failed on the spec" >&2
		exit 1
	elif [ "$gen_ok" = 0 ]; then
		echo "ynl-gen: note: linux-source $ver's generator fails on the spec (linux-source $had's wrote kmod/nl_gen.[ch])"
	elif [ "$had" = "$ver" ]; then
		for f in nl_gen.c nl_gen.h; do
			diff -u "$top/${dest[$f]}" "$tmp/out/$f" || rc=1
		done
	elif ! cmp -s "$top/kmod/nl_gen.c" "$tmp/out/nl_gen.c" ||
	     ! cmp -s "$top/kmod/nl_gen.h" "$tmp/out/nl_gen.h"; then
		echo "ynl-gen: note: linux-source $ver's generator writes kmod/nl_gen.[ch] differently from $had's, which wrote them (make ynl-gen to take it)"
	fi
	if [ "$rc" != 0 ]; then
		echo "ynl-gen: generated files differ from what the spec gives (make ynl-gen)" >&2
		exit 1
	fi
	echo "ynl-gen: ${dest[*]} match the spec (generator: linux-source $had, here $ver)"
else
	[ "$gen_ok" = 1 ] || { echo "ynl-gen: $gen failed on the spec" >&2; exit 1; }
	for f in "${!dest[@]}"; do
		cp "$tmp/out/$f" "$top/${dest[$f]}"
	done
	write_sum
	echo "ynl-gen: wrote ${dest[*]} and $sum (linux-source $ver)"
fi
