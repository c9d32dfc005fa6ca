#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot one kernel line in QEMU and run the fastpath tests in it.
#
#   run.sh [--only GLOB] [--skip LIST] [--append 'WORDS'] [--kunit GLOB]
#          [--extra DIR] [--label L] KERNEL
#
# KERNEL is 6.1, 6.12 or 7.x.  Builds (or takes from the cache) the debug
# test kernel, builds fastpath.ko and fastpath_kunit.ko against it with
# W=1 -Werror, builds fpctl, packs the initramfs, boots it under TCG with
# panic_on_warn and a hard timeout, and hands the console log to parse.py.
# The log is kept in build/logs/; its path is printed.  --only selects the
# selftests (and "kunit" the KUnit modules alone), --skip leaves out the
# comma-separated selftests of LIST (each reported as one SKIP), --append
# adds WORDS to the kernel command line (K=V without a dot lands in the
# selftests' environment), --kunit the KUnit modules by name (default: all).
#
# A guest that dies while the kernel boots, before /init has started (seen
# under heavy host load: an early-boot KASAN report in an interrupt taken
# during CPU identification, a timer check), is booted once more; its log
# is kept as <log>.boot1 and the retry is announced.  Anything after /init
# has started counts, never retried.
#
# Environment: FP_TIMEOUT (seconds, default 3600), FP_JSON (write counts),
# FP_KDIR (use this kernel build directory instead of kernel.sh's), FP_SMP
# (guest CPUs, default 1: the tests are serial, and a second vCPU costs a
# third more host CPU), FP_MEM (guest memory, default 1G), FP_FUZZ_SEED
# (nl_fuzz sends the messages of that seed again).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
only='*'
skip=
append=
kunit='*'
extra=
label=
while [ $# -gt 1 ]; do
	case "$1" in
	--only) only=$2; shift 2 ;;
	--skip) skip=$2; shift 2 ;;
	--append) append=$2; shift 2 ;;
	--kunit) kunit=$2; shift 2 ;;
	--extra) extra=$2; shift 2 ;;
	--label) label=$2; shift 2 ;;
	*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ $# -eq 1 ] || { echo "usage: run.sh [--only GLOB] [--skip LIST] [--append WORDS] [--kunit GLOB] [--extra DIR] [--label L] KERNEL" >&2; exit 2; }
kver=$1
label=${label:-$kver}

# A labelled run gets its own work directory, so that runs of the same
# kernel line with different labels can go on at the same time.
work="$top/build/$kver"
[ "$label" = "$kver" ] || work="$top/build/$kver-$label"
logs="$top/build/logs"
mkdir -p "$work" "$logs"
log="$logs/$label-console.log"

t_run=$(date +%s)
step() { printf "[%s] +%ss %s\n" "$kver" "$(($(date +%s) - t_run))" "$*" >&2; }

step "kernel"
# FP_KDIR points at a prebuilt kernel build directory (debugging only).
kdir=${FP_KDIR:-$("$here/kernel.sh" "$kver")}

# sparse (C=2: every file) against each test kernel: unlike make lint, which
# uses Debian's stock headers, this also checks the KUnit suites.
sparse_opt=
command -v sparse >/dev/null && sparse_opt=C=2
step "module (W=1 -Werror${sparse_opt:+, sparse}) against $kdir"
moddir="$work/module"
mkdir -p "$moddir"
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
	"$top/Kbuild" "$top/VERSION" "$top/kmod" "$top/uapi" "$moddir/"
# Build output stays in $moddir; -Werror is for our own builds, not DKMS.
make -s -C "$kdir" M="$moddir" W=1 FASTPATH_WERROR=y $sparse_opt modules >"$work/module-build.log" 2>&1 || {
	cat "$work/module-build.log" >&2
	exit 1
}
if grep -Eq 'warning:|error:' "$work/module-build.log"; then
	cat "$work/module-build.log" >&2
	echo "run.sh: module build has warnings" >&2
	exit 1
fi
mkdir -p "$work/ko"
rm -f "$work/ko"/*.ko
cp "$moddir"/*.ko "$work/ko/"

step "fpctl"
make -s -C "$top/tools/fpctl" >/dev/null
step "fpnet"
make -s -C "$top/tools/testing/fpnet" >/dev/null
step "nlfuzz"
# only the nl_fuzz selftest needs it: elsewhere a build failure is a warning
if ! make -s -C "$top/tools/testing/nlfuzz" >/dev/null; then
	# shellcheck disable=SC2053
	[[ nl_fuzz != $only ]] || exit 1
	echo "run.sh: warning: nlfuzz does not build (not needed by --only '$only')" >&2
fi

step "initramfs"
FP_ONLY=$only "$here/initramfs.sh" "$work/initramfs.cpio" "$work/ko" "$top/tools/fpctl/fpctl" $extra
step "initramfs: $(stat -c %s "$work/initramfs.cpio") bytes"

boot() {
	step "boot (TCG, timeout ${FP_TIMEOUT:-3600}s), console log: $log"
	start=$(date +%s)
	rc=0
	timeout --foreground -k 10 "${FP_TIMEOUT:-3600}" \
		qemu-system-x86_64 -accel tcg -cpu max -smp "${FP_SMP:-1}" -m "${FP_MEM:-1G}" \
		-display none -monitor none -serial "file:$log" -no-reboot \
		-kernel "$kdir/arch/x86/boot/bzImage" -initrd "$work/initramfs.cpio" \
		-append "console=ttyS0 panic=-1 panic_on_warn=1 oops=panic softlockup_panic=1 watchdog_thresh=30 no_timer_check kmemleak=on quiet fp.only=$only${skip:+ fp.skip=$skip}${append:+ $append} fp.kunit=$kunit${FP_FUZZ_SEED:+ fp.fuzz_seed=$FP_FUZZ_SEED}" \
		</dev/null || rc=$?
	step "guest finished in $(($(date +%s) - start))s (qemu rc=$rc); console log: $log"
}
boot
if [ "$rc" -ne 124 ] && ! grep -q '^FP-GUEST:' "$log"; then
	mv "$log" "$log.boot1"
	step "WARNING: the guest died while booting, before /init ran (log: $log.boot1):"
	grep -E 'BUG:|panic|Kernel panic' "$log.boot1" | head -n 3 >&2
	step "booting once more"
	boot
fi

json_args=()
[ -n "${FP_JSON:-}" ] && json_args=(--json "$FP_JSON")
python3 "$here/parse.py" --label "$label:" "${json_args[@]}" "$log"
