#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bulk-load benchmark (make bench-batch): "fpctl -batch" loading endpoints
# against "ip -batch" adding as many routes to a dummy device, side by
# side in ONE boot of Debian's STOCK kernel in QEMU (TCG), so that the
# debug options of the test kernel (KASAN, lockdep) do not distort it:
#
#   1. build fastpath.ko the way DKMS does (Kbuild, kmod/ without tests,
#      uapi/ copied to build/bench-batch/src; make -C <headers> M=...)
#      and fpctl;
#   2. write the batch files: N endpoints (one circuit "er1", Direct 10G,
#      route limit 100,000; one vnet 10.0.0.0/8; one connection with
#      fastpath on), N ip routes, and for the O(n^2) comparison SLOW_N
#      endpoints twice: deferred, and with a "commit" line after each one
#      (a commit per request, as before deferral existed);
#   3. pack an initramfs (tools/bench/lib/stock-guest.sh: busybox, dash,
#      ip; plus fpctl, dummy.ko, fastpath.ko, guest-init.sh as /init) and
#      boot /boot/vmlinuz-<stock>;
#   4. print the guest's "bench-batch:" lines and a summary line
#      "bench-batch: endpoints_per_s=E routes_per_s=R ratio=E/R".
#
# Exits non-zero only when something did not build, boot or finish, or the
# load did not install every route; never because of a rate.
#
# Environment: BENCH_BATCH_N (default 100000), BENCH_BATCH_SLOW_N (default
# 2000), BENCH_BATCH_TIMEOUT (seconds, default 3600), BENCH_BATCH_MEM
# (default 2G).  Output: build/bench-batch/ (console.log).
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)
out="$top/build/bench-batch"
n=${BENCH_BATCH_N:-100000}
slow_n=${BENCH_BATCH_SLOW_N:-2000}
qtimeout=${BENCH_BATCH_TIMEOUT:-3600}
mem=${BENCH_BATCH_MEM:-2G}

log() { printf 'bench-batch.sh: %s\n' "$*" >&2; }
fail() { log "FAIL $*"; exit 1; }

[ "$n" -le 100000 ] || fail "BENCH_BATCH_N above the Direct 10G limit (100000)"
mkdir -p "$out"
[ -e "$top/build/.gitignore" ] || echo '*' > "$top/build/.gitignore"

# shellcheck source=tools/bench/lib/stock-guest.sh
. "$top/tools/bench/lib/stock-guest.sh"
sg_stock_kernel "$out"

# --- build --------------------------------------------------------------------
sg_fastpath_build "$out"

# --- batch files ------------------------------------------------------------------
# endpoints PREFIX VNET FIRST_OCTET COUNT [commit]: "endpoint add" lines
endpoints() {
	awk -v p="$1" -v v="$2" -v o="$3" -v n="$4" -v c="${5:-}" 'BEGIN {
		for (i = 0; i < n; i++) {
			printf "endpoint add %s%d vnet %s prefix %d.%d.%d.%d/32\n",
				p, i, v, o, int(i / 65536), int(i / 256) % 256, i % 256
			if (c != "")
				print "commit"
		}
	}'
}
sg_root_begin
mkdir -p "$root/bench"
endpoints e hub 10 "$n" > "$root/bench/endpoints.batch"
endpoints f forced 13 "$n" > "$root/bench/forced.batch"
endpoints d fast 11 "$slow_n" > "$root/bench/deferred.batch"
endpoints s slow 12 "$slow_n" commit > "$root/bench/per-request.batch"
awk -v n="$n" 'BEGIN {
	for (i = 0; i < n; i++)
		printf "route add 10.%d.%d.%d/32 dev dummy0\n",
			int(i / 65536), int(i / 256) % 256, i % 256
}' > "$root/bench/routes.batch"

# --- initramfs and boot -----------------------------------------------------
sg_copy "$top/tools/fpctl/fpctl" /usr/sbin/fpctl
install -m 0644 "$dummy" "$root/bench/dummy.ko"
install -m 0644 "$fastpath_ko" "$root/bench/fastpath.ko"
printf 'N=%s\nSLOW_N=%s\n' "$n" "$slow_n" > "$root/bench/params"
install -m 0755 "$here/guest-init.sh" "$root/init"
sg_root_pack "$out/initramfs.img"
log "initramfs $(du -h "$out/initramfs.img" | cut -f1); N=$n SLOW_N=$slow_n"

sg_run "$out/initramfs.img" bench-batch BENCH-BATCH-DONE "$qtimeout" "$mem" ""
