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
# --check (make lint): generate into a temporary directory and fail, with
# the difference, if the committed files are not exactly what the spec
# gives, so that the spec and the policies cannot drift apart.
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
(cd "$tmp" &&
	python3 "$gen" --mode kernel --spec "$spec" --source -o out/nl_gen.c &&
	python3 "$gen" --mode kernel --spec "$spec" --header -o out/nl_gen.h) ||
	{ echo "ynl-gen: $gen failed on the spec" >&2; exit 1; }
python3 "$top/tools/testing/ynl-tables.py" >"$tmp/out/spec_tables.h"

# generated file -> where it is committed
declare -A dest=(
	[nl_gen.c]=kmod/nl_gen.c
	[nl_gen.h]=kmod/nl_gen.h
	[spec_tables.h]=tools/testing/nlfuzz/spec_tables.h
)

if [ "$check" = 1 ]; then
	rc=0
	for f in "${!dest[@]}"; do
		diff -u "$top/${dest[$f]}" "$tmp/out/$f" || rc=1
	done
	if [ "$rc" != 0 ]; then
		echo "ynl-gen: generated files differ from what the spec gives (make ynl-gen)" >&2
		exit 1
	fi
	echo "ynl-gen: ${dest[*]} match the spec ($(basename "$src"))"
else
	for f in "${!dest[@]}"; do
		cp "$tmp/out/$f" "$top/${dest[$f]}"
	done
	echo "ynl-gen: wrote ${dest[*]} ($(basename "$src"))"
fi
