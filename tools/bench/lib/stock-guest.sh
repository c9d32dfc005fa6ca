# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared by the benchmarks that boot Debian's STOCK kernel in QEMU (TCG)
# with an initramfs: tools/bench/kbench/kbench.sh (make bench-kernel) and
# tools/bench/batch/bench-batch.sh (make bench-batch).  Sourced by bash
# scripts running under "set -euo pipefail" that define log() and fail().
#
#   sg_stock_kernel LOGDIR    set stock_kver, vmlinuz, kdir and dummy
#                             (installing linux-image/headers-amd64 if
#                             needed, as tools/testing/dkms/dkms-check.sh)
#   sg_root_begin             new initramfs tree in $root: static busybox
#                             with its applets, dash as /bin/sh, the real
#                             ip, and guest.sh (the guests' common start)
#   sg_copy BIN [DST]         copy a program and its libraries into $root
#   sg_fastpath_build OUT     build fastpath.ko the way DKMS does (Kbuild,
#                             kmod/ without tests, uapi/ copied to OUT/src;
#                             make -C $kdir M=... W=1; sets $fastpath_ko)
#                             and fpctl; logs in OUT
#   sg_modules KO REL...      the real kmod (modprobe, insmod, ...), the
#                             stock modules REL (paths under
#                             /lib/modules/$stock_kver) with everything
#                             they depend on, and KO as updates/fastpath.ko,
#                             then depmod over that tree
#   sg_root_pack IMG          cpio+gzip $root into IMG, remove $root
#   sg_boot IMG CONSOLE TIMEOUT MEM APPEND
#                             boot $vmlinuz (1 vCPU); sets qrc to QEMU's
#                             exit status (124/137: timed out)
#   sg_run IMG TAG MARKER TIMEOUT MEM APPEND
#                             sg_boot with the console in $out/console.log
#                             (sets $console), print its "TAG:" and
#                             "TAG-guest:" lines, fail() unless the guest
#                             ended with "MARKER OK" in time

sg_stock_kernel() {
	local logdir=$1 t
	stock_kver=$(dpkg-query -W -f='${Depends}' linux-image-amd64 2>/dev/null |
		sed -n 's/.*linux-image-\([0-9][^ ,]*\).*/\1/p' || true)
	if [ -z "$stock_kver" ] || [ ! -e "/boot/vmlinuz-$stock_kver" ] ||
	   [ ! -e "/lib/modules/$stock_kver/build/include" ]; then
		log "installing linux-image-amd64 linux-headers-amd64"
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y \
			--no-install-recommends linux-image-amd64 linux-headers-amd64 \
			> "$logdir/apt.log" 2>&1 || fail "apt-get install failed (see $logdir/apt.log)"
		stock_kver=$(dpkg-query -W -f='${Depends}' linux-image-amd64 |
			sed -n 's/.*linux-image-\([0-9][^ ,]*\).*/\1/p')
	fi
	vmlinuz="/boot/vmlinuz-$stock_kver"
	kdir="/lib/modules/$stock_kver/build"
	[ -r "$vmlinuz" ] || fail "$vmlinuz missing"
	[ -e "$kdir/include" ] || fail "headers for $stock_kver missing"
	dummy=$(find "/lib/modules/$stock_kver/kernel/drivers/net" -name 'dummy.ko*' | head -n1)
	[ -n "$dummy" ] || fail "no dummy.ko in /lib/modules/$stock_kver"
	[ "${dummy##*/}" = dummy.ko ] || fail "dummy module is compressed ($dummy); busybox insmod needs dummy.ko"
	for t in qemu-system-x86_64 cpio gzip ip dash; do
		command -v "$t" > /dev/null || fail "$t not found (make deps; tools/testing/dkms/deps.txt)"
	done
}

sg_copy() {
	local bin=$1 dst=${2:-$1} lib
	install -D -m 0755 "$bin" "$root$dst"
	for lib in $(ldd "$bin" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
		[ -e "$root$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
	done
}

sg_root_begin() {
	local a d
	root=$(mktemp -d "${TMPDIR:-/tmp}/stock-guest.XXXXXX")
	trap 'rm -rf "$root"' EXIT
	mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,tmp,run}
	case "$(ldd /bin/busybox 2>&1 || true)" in
	*"not a dynamic executable"*|*"statically linked"*) ;;
	*) fail "/bin/busybox is not static (install busybox-static)" ;;
	esac
	install -m 0755 /bin/busybox "$root/bin/busybox"
	# dash, not busybox ash: Debian's ash runs its own "ip" applet first.
	sg_copy "$(readlink -f /bin/dash)" /bin/sh
	sg_copy "$(readlink -f "$(command -v ip)")" /usr/sbin/ip
	install -m 0644 "$top/tools/bench/lib/guest.sh" "$root/guest.sh"
	for a in $("$root/bin/busybox" --list); do
		for d in bin usr/sbin; do [ -e "$root/$d/$a" ] && continue 2; done
		ln -s busybox "$root/bin/$a"
	done
}

sg_fastpath_build() {
	local src=$1/src buildlog=$1/module-build.log
	rm -rf "$src"
	mkdir -p "$src/kmod"
	cp -a "$top/Kbuild" "$top/VERSION" "$top/uapi" "$src/"
	cp -a "$top"/kmod/*.[ch] "$src/kmod/"
	log "fastpath.ko against $kdir (DKMS-style, W=1)"
	make -C "$kdir" M="$src" W=1 modules > "$buildlog" 2>&1 ||
		{ cat "$buildlog" >&2; fail "module build failed"; }
	fastpath_ko="$src/fastpath.ko"
	make -s -C "$top/tools/fpctl" fpctl > "$1/fpctl-build.log" 2>&1 ||
		{ cat "$1/fpctl-build.log" >&2; fail "fpctl build failed"; }
}

sg_modules() {
	local ko=$1 kmods="/lib/modules/$stock_kver" m a
	shift
	sg_copy "$(readlink -f "$(command -v kmod)")" /usr/sbin/kmod
	for a in modprobe insmod rmmod lsmod modinfo depmod; do
		ln -sf kmod "$root/usr/sbin/$a"
		rm -f "$root/bin/$a"
	done
	# modules.dep lists every (transitive) dependency of a module.
	for m in $(printf '%s\n' "$@" | awk -v dep="$kmods/modules.dep" '
		BEGIN { while ((getline l < dep) > 0) { split(l, a, ":"); deps[a[1]] = a[2] } }
		{ print; n = split(deps[$0], d, " "); for (i = 1; i <= n; i++) print d[i] }' |
		sort -u); do
		[ -e "$kmods/$m" ] || fail "$kmods/$m (from modules.dep) is missing"
		install -D -m 0644 "$kmods/$m" "$root$kmods/$m"
	done
	install -D -m 0644 "$ko" "$root$kmods/updates/fastpath.ko"
	cp "$kmods"/modules.order "$kmods"/modules.builtin \
		"$kmods"/modules.builtin.modinfo "$root$kmods/"
	depmod -b "$root" "$stock_kver" || fail "depmod over the initramfs module tree failed"
}

sg_root_pack() {
	(cd "$root" && find . -print0 | sort -z | cpio --null -o -H newc -R 0:0 --quiet) |
		gzip -1 > "$1"
	rm -rf "$root"
	trap - EXIT
}

# shellcheck disable=SC2034 # the caller reads qrc
sg_boot() {
	local img=$1 console=$2 qtimeout=$3 mem=$4 append=$5
	qrc=0
	timeout -k 10 "$qtimeout" qemu-system-x86_64 -accel tcg -cpu max -smp 1 -m "$mem" \
		-nographic -no-reboot -monitor none -serial "file:$console" -net none \
		-kernel "$vmlinuz" -initrd "$img" \
		-append "console=ttyS0 loglevel=4 panic=-1 oops=panic panic_on_warn=1 slab_nomerge $append" \
		< /dev/null > "${console%.log}-qemu.log" 2>&1 || qrc=$?
}

# shellcheck disable=SC2154 # $out is set by the caller
sg_run() {
	local img=$1 tag=$2 marker=$3 qtimeout=$4 mem=$5 append=$6 t0 verdict
	console="$out/console.log"
	log "booting $vmlinuz (TCG, 1 vCPU, $mem; timeout ${qtimeout}s); console: $console"
	t0=$(date +%s)
	sg_boot "$img" "$console" "$qtimeout" "$mem" "$append"
	log "guest ran $(( $(date +%s) - t0 )) s (qemu exit $qrc)"

	tr -d '\r' < "$console" | grep -a -E "^$tag(-guest)?:" || true
	verdict=$(tr -d '\r' < "$console" | grep -a "^$marker" | tail -n1 || true)
	if [ "$qrc" = 124 ] || [ "$qrc" = 137 ]; then
		fail "QEMU timed out after ${qtimeout}s (console: $console)"
	fi
	if [ "$verdict" != "$marker OK" ]; then
		tr -d '\r' < "$console" | tail -n 30 >&2
		fail "guest did not finish cleanly: ${verdict:-no $marker line} (console: $console)"
	fi
}
