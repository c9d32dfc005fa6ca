#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: fastpath forwarding on Debian's stock kernel, in a QEMU guest
# (TCG), in a few minutes on a fresh machine.  No debug kernel, nothing
# fetched but Debian's stock kernel image and headers (when missing).
#
#   1. build fastpath.ko against the stock kernel's headers (in build/demo,
#      as DKMS would), fpctl and fpnet;
#   2. pack an initramfs: busybox, dash, ip, nft, fpctl, fpnet, the module
#      and the stock networking modules the scenario needs;
#   3. boot the stock kernel; tools/demo/demo.sh (the guest's init) builds
#      a small two-vnet scenario, sends traffic and shows the configuration,
#      the counters (fast path and gateway), tracepoint lines and a
#      throughput comparison fast path vs gateway on the same flow.
#
# The guest's output is printed as it ran; the full console log is in
# build/demo/console.log.  The last line is "demo: PASS" or "demo: FAIL".
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
out="$top/build/demo"
qtimeout=${FP_DEMO_TIMEOUT:-600}
mkdir -p "$out"
[ -e "$top/build/.gitignore" ] || echo '*' > "$top/build/.gitignore"
t0=$(date +%s)

log() { printf 'demo: %s\n' "$*" >&2; }
fail() { log "FAIL $*"; exit 1; }

# shellcheck source=tools/bench/lib/stock-guest.sh
. "$top/tools/bench/lib/stock-guest.sh"
sg_stock_kernel "$out"

log "fastpath.ko against $kdir"
mkdir -p "$out/module"
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
	--exclude=tests "$top/Kbuild" "$top/VERSION" "$top/kmod" "$top/uapi" \
	"$out/module/"
make -s -C "$kdir" M="$out/module" modules > "$out/module-build.log" 2>&1 ||
	{ cat "$out/module-build.log" >&2; fail "module build failed"; }
make -s -C "$top/tools/fpctl" > "$out/fpctl-build.log" 2>&1 ||
	{ cat "$out/fpctl-build.log" >&2; fail "fpctl build failed"; }
make -s -C "$top/tools/testing/fpnet" > "$out/fpnet-build.log" 2>&1 ||
	{ cat "$out/fpnet-build.log" >&2; fail "fpnet build failed"; }

sg_root_begin
for prog in nft; do
	sg_copy "$(readlink -f "$(command -v "$prog")")" "/usr/sbin/$prog"
done
sg_copy "$top/tools/fpctl/fpctl" /usr/sbin/fpctl
sg_copy "$top/tools/testing/fpnet/fpnet" /usr/sbin/fpnet
install -D -m 0644 "$out/module/fastpath.ko" "$root/demo/fastpath.ko"
# The stock modules the scenario loads, in dependency order (busybox
# insmod; the stock tree's modules.dep gives the order).
kmods="/lib/modules/$stock_kver"
want="veth tun nf_tables"
mapfile -t mods < <(for m in $want; do
	modprobe -S "$stock_kver" --show-depends "$m" 2>/dev/null |
		awk '$1 == "insmod" { print $2 }'
done | awk '!seen[$0]++')
# libcrc32c (nf_tables) asks the crypto API for crc32c: a softdep.
crc=$(find "$kmods/kernel/crypto" -name 'crc32c_generic.ko*' | head -n1)
[ -n "$crc" ] && mods=("$crc" "${mods[@]}")
: > "$root/demo/modules"
for m in "${mods[@]}"; do
	case "$m" in
	*.ko) install -m 0644 "$m" "$root/demo/${m##*/}" ;;
	*.ko.xz) xz -dc "$m" > "$root/demo/$(basename "$m" .xz)" ;;
	*.ko.zst) zstd -qdc "$m" > "$root/demo/$(basename "$m" .zst)" ;;
	*) fail "unknown module format: $m" ;;
	esac
	m=${m##*/}
	echo "${m%%.ko*}.ko" >> "$root/demo/modules"
done
install -m 0755 "$here/demo.sh" "$root/init"
modlist=$(tr '\n' ' ' < "$root/demo/modules")
sg_root_pack "$out/initramfs.img"
log "initramfs $(du -h "$out/initramfs.img" | cut -f1); stock modules: $modlist"
log "booting $vmlinuz (TCG, 1 vCPU)"

sg_boot "$out/initramfs.img" "$out/console.log" "$qtimeout" 512M "quiet"
# SeaBIOS's terminal reset (ESC c ESC[?7l ESC[2J) may share the first line.
tr -d '\r' < "$out/console.log" | sed -n '/FP-DEMO-BEGIN/,/^FP-DEMO-END/p' |
	grep -v 'FP-DEMO-' || true
verdict=$(tr -d '\r' < "$out/console.log" | grep -a '^FP-DEMO-END' | tail -n1 || true)
if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
	fail "QEMU timed out after ${qtimeout}s (console: $out/console.log)"
fi
[ "$verdict" = "FP-DEMO-END OK" ] ||
	fail "${verdict:-the guest ended early} (console: $out/console.log)"
log "PASS in $(( $(date +%s) - t0 )) s (console: $out/console.log)"
