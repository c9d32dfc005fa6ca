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
stock_kver=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null |
	sed -n 's/.*linux-image-\([0-9][^ ,]*\).*/\1/p' || true)
if [ -z "$stock_kver" ] || [ ! -e "/boot/vmlinuz-$stock_kver" ] ||
   [ ! -e "/lib/modules/$stock_kver/build/include" ]; then
	log "installing linux-image-amd64 linux-headers-amd64"
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y \
		--no-install-recommends linux-image-amd64 linux-headers-amd64 \
		> "$out/apt.log" 2>&1 || fail "apt-get install failed (see $out/apt.log)"
	stock_kver=$(dpkg-query -W -f='${Depends}' linux-image-amd64 |
		sed -n 's/.*linux-image-\([0-9][^ ,]*\).*/\1/p')
fi
vmlinuz="/boot/vmlinuz-$stock_kver"
kdir="/lib/modules/$stock_kver/build"
[ -r "$vmlinuz" ] || fail "$vmlinuz missing"
[ -e "$kdir/include" ] || fail "headers for $stock_kver missing"
dummy=$(find "/lib/modules/$stock_kver/kernel/drivers/net" -name 'dummy.ko*' | head -n1)
[ -n "$dummy" ] || fail "no dummy.ko in /lib/modules/$stock_kver"
for t in qemu-system-x86_64 cpio gzip ip dash; do
	command -v "$t" > /dev/null || fail "$t not found (make deps; tools/testing/dkms/deps.txt)"
done
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
root=$(mktemp -d "${TMPDIR:-/tmp}/kbench-initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run,kbench/sets}
copy_with_libs() {
	local bin=$1 dst=${2:-$1} lib
	install -D -m 0755 "$bin" "$root$dst"
	for lib in $(ldd "$bin" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
		[ -e "$root$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
	done
}
case "$(ldd /bin/busybox 2>&1 || true)" in
*"not a dynamic executable"*|*"statically linked"*) ;;
*) fail "/bin/busybox is not static (install busybox-static)" ;;
esac
install -m 0755 /bin/busybox "$root/bin/busybox"
# dash, not busybox ash: Debian's ash runs its own "ip" applet first.
copy_with_libs "$(readlink -f /bin/dash)" /bin/sh
copy_with_libs "$(readlink -f "$(command -v ip)")" /usr/sbin/ip
for a in $("$root/bin/busybox" --list); do
	for d in bin usr/sbin; do [ -e "$root/$d/$a" ] && continue 2; done
	ln -s busybox "$root/bin/$a"
done
install -m 0644 "$dummy" "$root/kbench/${dummy##*/}"
[ "${dummy##*/}" = dummy.ko ] || fail "dummy module is compressed ($dummy); busybox insmod needs dummy.ko"
install -m 0644 "$here/fp_kbench.ko" "$root/kbench/fp_kbench.ko"
install -m 0755 "$out/kb_load" "$root/kbench/kb_load"
for s in $sets; do cp "$out/sets/$s.batch" "$root/kbench/sets/"; done
printf 'SETS="%s"\nNLOOK=%s\nREPS=%s\n' "$sets" "$nlook" "$reps" > "$root/kbench/params"
install -m 0755 "$here/guest-init.sh" "$root/init"
(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc -R 0:0 --quiet) |
	gzip -1 > "$out/initramfs.img"
rm -rf "$root"
trap - EXIT
log "initramfs $(du -h "$out/initramfs.img" | cut -f1); sets: $sets; nlook=$nlook reps=$reps"

# --- boot -------------------------------------------------------------------
console="$out/console.log"
log "booting $vmlinuz (TCG, 1 vCPU, $mem; timeout ${qtimeout}s); console: $console"
t0=$(date +%s)
qrc=0
timeout -k 10 "$qtimeout" qemu-system-x86_64 -accel tcg -cpu max -smp 1 -m "$mem" \
	-nographic -no-reboot -monitor none -serial "file:$console" -net none \
	-kernel "$vmlinuz" -initrd "$out/initramfs.img" \
	-append "console=ttyS0 loglevel=4 panic=-1 oops=panic panic_on_warn=1 slab_nomerge $append" \
	< /dev/null > "$out/qemu.log" 2>&1 || qrc=$?
log "guest ran $(( $(date +%s) - t0 )) s (qemu exit $qrc)"

tr -d '\r' < "$console" | grep -a -E '^(kbench|kbench-guest):' || true
verdict=$(tr -d '\r' < "$console" | grep -a '^KBENCH-DONE' | tail -n1 || true)
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	fail "QEMU timed out after ${qtimeout}s (console: $console)"
fi
if [ "$verdict" != "KBENCH-DONE OK" ]; then
	tr -d '\r' < "$console" | tail -n 30 >&2
	fail "guest did not finish cleanly: ${verdict:-no KBENCH-DONE line} (console: $console)"
fi

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
