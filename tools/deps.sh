#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make deps: apt-install every Debian package listed in the deps files that
# is missing.  Idempotent and silent when nothing is missing; never asks.
# Extra lists given as arguments are read too (make bench: clang, libbpf).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
lists=("$top/tools/deps.txt" "$@")
for f in "$top"/tools/testing/*/deps.txt "$top"/tools/bench/deps.txt "$top"/tools/fuzz/deps.txt; do
	[ -f "$f" ] && lists+=("$f")
done

missing=()
for pkg in $(sed -e 's/#.*//' "${lists[@]}" | tr -s ' \t' '\n\n' | sort -u); do
	status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
	[ "$status" = "install ok installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "deps: missing Debian packages: ${missing[*]}; run make deps as root" >&2
	exit 1
fi
echo "deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
