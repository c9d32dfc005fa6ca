#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# In-kernel lookup benchmark (make bench-kernel): the fastpath trie against
# the kernel's FIB (fib_table_lookup(), fib6_table_lookup()) on Debian's
# STOCK kernel (no KASAN/lockdep/debug options that would distort the
# ratio), booted in QEMU (TCG) as tools/testing/dkms/dkms-check.sh does:
#
#   1. build fp_kbench.ko against /lib/modules/<stock>/build (W=1) and
#      build/kbench/gen_routes (the prefix sets of tools/bench/lpm_bench.c)
#      and build/kbench/kb_load (static; loads an ip -batch route file);
#   2. write each set as an `ip -batch` file (build/kbench/sets/);
#   3. pack an initramfs (dash, busybox, ip, kb_load, dummy.ko, fp_kbench.ko,
#      the sets, guest-init.sh as /init) and boot /boot/vmlinuz-<stock>;
#   4. print the guest's "kbench:" lines and one summary line
#      "kbench: v4_lookup_vs_fib=R v6_lookup_vs_fib6=R" (ours/FIB ns per
#      lookup, uniformly random addresses, on the largest set run).
#
# Exits non-zero only when something did not build, boot or finish (a
# crash, a timeout), never because of a ratio.
#
# Environment: KBENCH_SETS (default "1k 100k real4 6-1k 6-100k real6"),
# KBENCH_NLOOK (lookups per timed run, default 1048576), KBENCH_REPS
# (rounds, best taken, default 5), KBENCH_TIMEOUT (seconds, default 5400),
# KBENCH_MEM (guest RAM, default 2G), KBENCH_APPEND (extra kernel
# arguments, e.g. mitigations=off).  Output: build/kbench/ (console.log).
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)
out="$top/build/kbench"
sets=${KBENCH_SETS:-"1k 100k real4 6-1k 6-100k real6"}
nlook=${KBENCH_NLOOK:-1048576}
reps=${KBENCH_REPS:-5}
qtimeout=${KBENCH_TIMEOUT:-5400}
mem=${KBENCH_MEM:-2G}
append=${KBENCH_APPEND:-}

log() { printf 'kbench.sh: %s\n' "$*" >&2; }
fail() { log "FAIL $*"; exit 1; }

mkdir -p "$out/sets"
[ -e "$top/build/.gitignore" ] || echo '*' > "$top/build/.gitignore"

# --- the stock kernel, as dkms-check.sh finds it ---------------------------
# shellcheck source=tools/bench/lib/stock-guest.sh
. "$here/../lib/stock-guest.sh"
sg_stock_kernel "$out"
[ -r /usr/share/tor/geoip ] || fail "tor-geoipdb missing (tools/bench/deps.txt)"

# --- build ------------------------------------------------------------------
log "fp_kbench.ko against $kdir (W=1)"
make -s -C "$here" KDIR="$kdir" module > "$out/module-build.log" 2>&1 ||
	{ cat "$out/module-build.log" >&2; fail "module build failed"; }
if grep -q 'warning:' "$out/module-build.log"; then
	grep 'warning:' "$out/module-build.log" >&2
	log "note: the module build has warnings"
fi
make -s -C "$here" OUT="$out" gen > "$out/gen-build.log" 2>&1 ||
	{ cat "$out/gen-build.log" >&2; fail "gen_routes build failed"; }
for s in $sets; do
	f="$out/sets/$s.batch"
	if [ ! -s "$f" ] || [ "$f" -ot "$out/gen_routes" ]; then
		"$out/gen_routes" "$s" "$f" >&2 || fail "gen_routes $s failed"
	fi
done

# --- initramfs --------------------------------------------------------------
sg_root_begin
mkdir -p "$root/kbench/sets"
install -m 0644 "$dummy" "$root/kbench/${dummy##*/}"
install -m 0644 "$here/fp_kbench.ko" "$root/kbench/fp_kbench.ko"
install -m 0755 "$out/kb_load" "$root/kbench/kb_load"
for s in $sets; do cp "$out/sets/$s.batch" "$root/kbench/sets/"; done
printf 'SETS="%s"\nNLOOK=%s\nREPS=%s\n' "$sets" "$nlook" "$reps" > "$root/kbench/params"
install -m 0755 "$here/guest-init.sh" "$root/init"
sg_root_pack "$out/initramfs.img"
log "initramfs $(du -h "$out/initramfs.img" | cut -f1); sets: $sets; nlook=$nlook reps=$reps"

# --- boot -------------------------------------------------------------------
sg_run "$out/initramfs.img" kbench KBENCH-DONE "$qtimeout" "$mem" "$append"

# --- summary: the largest set of each family that ran ------------------------
ratio() {	# ratio FAMILY SET...
	local fam=$1 s r
	shift
	for s in "$@"; do
		r=$(tr -d '\r' < "$console" |
			sed -n "s/^kbench: v$fam set=$s routes=[0-9]* lookups=.* ratio=\([0-9.]*\) .*/\1/p" |
			tail -n1)
		[ -n "$r" ] && { echo "$r $s"; return; }
	done
}
v4=$(ratio 4 real4 100k 1k)
v6=$(ratio 6 real6 6-100k 6-1k)
line="kbench:"
[ -n "$v4" ] && line="$line v4_lookup_vs_fib=${v4% *}"
[ -n "$v6" ] && line="$line v6_lookup_vs_fib6=${v6% *}"
echo "kbench-host: summary sets: ${v4:+v4 ${v4#* }}${v6:+ v6 ${v6#* }} (ours/FIB ns per lookup, uniformly random addresses; TCG-emulated timing)"
echo "$line"
