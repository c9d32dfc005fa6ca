#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# End-to-end DKMS check of the fastpath Debian packages (root, Debian 12,
# non-interactive):
#
#   1. purge what an earlier run may have left behind;
#   2. install the Debian packages listed in deps.txt that are missing;
#   3. build fastpath-dkms and fpctl .debs (tools/packaging/build-deb.sh),
#      unless --debs DIR names a directory that already has them;
#   4. make sure Debian's stock kernel and headers are installed
#      (linux-image-amd64, linux-headers-amd64);
#   5. apt-get install both .debs, so that DKMS builds fastpath.ko for every
#      installed Debian kernel with headers; require "installed" in dkms status
#      (running "dkms install -k" itself where the postinst did not);
#   6. check modinfo of the DKMS-built module (path updates/dkms/, vermagic,
#      version, license) and the packaged source (no tests, no build output;
#      a CONFIG_KUNIT kernel still gets fastpath.ko only);
#   7. boot the stock /boot/vmlinuz-<kver> in QEMU (TCG, panic_on_warn) with an
#      initramfs holding busybox, dash, kmod, ip/tc/nft, fpctl, the stock
#      networking modules and the DKMS-built module, whose /init modprobes the
#      module, checks /sys/module/fastpath/version and the generic netlink
#      family (fpctl version), unloads it, checks the family alias autoloads
#      it, runs the netns selftests, checks dmesg and the taint flags and
#      prints "DKMS-CHECK: PASS" or "DKMS-CHECK: FAIL <reason>";
#   8. apt-get purge both packages and check DKMS removed everything.
#
# Usage: tools/testing/dkms/dkms-check.sh [--debs DIR] [--srcdir DIR]
#            [--outdir DIR] [--timeout SECONDS] [--no-selftests] [--only GLOB]
#            [--selftest-limit SECONDS]
#
# After the load/version/netlink/unload checks the guest also runs the netns
# selftests (tools/testing/selftests/*.sh, or those matching --only GLOB)
# with the DKMS-built module on the stock kernel: SPEC 1 wants it to load
# *and forward* there.  --no-selftests skips them.  A selftest script still
# running after --selftest-limit seconds (default 420; the longest takes
# about 100 s here) is a hang: the guest prints each process's state and
# kernel stack and the kernel log ("hang:" lines, tools/testing/selftests/
# lib_hang.sh) and fails, well inside the QEMU timeout (--timeout, 900 s).
#
# Output (console log, initramfs, apt/dkms logs) goes to --outdir, by default
# build/dkms-check/ under the source tree.  The last line is
# "dkms-check: PASS", or "dkms-check: FAIL <reason>" with a non-zero exit.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
# One run at a time: the packages it installs and purges are the system's.
exec 9>/run/lock/fastpath-dkms-check.lock
flock 9

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
srcdir="$(cd "$here/../../.." && pwd)"
debdir=""
outdir=""
qemu_timeout=900
selftest_limit=420
run_selftests=1
selftests_only='*'

while [ $# -gt 0 ]; do
	case "$1" in
	--debs) debdir="$(cd "$2" && pwd)"; shift 2 ;;
	--srcdir) srcdir="$(cd "$2" && pwd)"; shift 2 ;;
	--outdir) outdir="$2"; shift 2 ;;
	--timeout) qemu_timeout="$2"; shift 2 ;;
	--no-selftests) run_selftests=0; shift ;;
	--only) selftests_only="$2"; shift 2 ;;
	--selftest-limit) selftest_limit="$2"; shift 2 ;;
	-h|--help) sed -n '4,43p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) echo "dkms-check: unknown argument $1" >&2; exit 2 ;;
	esac
done
[ -n "$outdir" ] || outdir="$srcdir/build/dkms-check"
mkdir -p "$outdir"
outdir="$(cd "$outdir" && pwd)"
case "$outdir" in
"$srcdir"/build/*) [ -e "$srcdir/build/.gitignore" ] || echo '*' > "$srcdir/build/.gitignore" ;;
esac

step_names=()
step_secs=()
cur_step=""
cur_t0=0
log() { printf 'dkms-check: %s\n' "$*"; }
step() {
	finish_step
	cur_step="$1"
	cur_t0=$(date +%s%N)
	printf '\n==> dkms-check: %s\n' "$cur_step"
}
finish_step() {
	if [ -n "$cur_step" ]; then
		step_names+=("$cur_step")
		local ms=$(( ($(date +%s%N) - cur_t0) / 1000000 ))
		step_secs+=("$((ms / 1000)).$(printf '%03d' $((ms % 1000)) | cut -c1)")
		cur_step=""
	fi
}
print_timings() {
	local i
	echo "dkms-check: timings:"
	for i in "${!step_names[@]}"; do
		printf '  %7s s  %s\n' "${step_secs[$i]}" "${step_names[$i]}"
	done
}
fail() {
	finish_step
	print_timings
	echo "dkms-check: FAIL $*"
	exit 1
}
tmpdirs=()
on_exit() {
	local rc=$?
	[ ${#tmpdirs[@]} -eq 0 ] || rm -rf "${tmpdirs[@]}"
	if [ $rc -ne 0 ] && [ -n "$cur_step" ]; then
		fail "step \"$cur_step\" exited with status $rc"
	fi
}
trap on_exit EXIT

[ "$(id -u)" = 0 ] || fail "must run as root (installs packages, runs dkms)"

version="$(tr -d ' \t\n' < "$srcdir/VERSION")"
pkgs=(fastpath-dkms fpctl)
# Wait for the dpkg lock rather than fail if another apt-get is running.
apt=(apt-get -o DPkg::Lock::Timeout=900)

pkg_installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}
pkg_present() {	# installed or config-files
	local st
	st="$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null || true)"
	[ -n "$st" ] && [ "$st" != not-installed ]
}
apt_install() {	# apt_install PKG... : install what is missing, updating lists if needed
	local missing=() p
	for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
	[ ${#missing[@]} -eq 0 ] && return 0
	log "installing ${missing[*]}"
	if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}" >> "$outdir/apt-deps.log" 2>&1; then
		"${apt[@]}" update >> "$outdir/apt-deps.log" 2>&1 || true
		"${apt[@]}" install -y --no-install-recommends "${missing[@]}" >> "$outdir/apt-deps.log" 2>&1 ||
			fail "apt-get install ${missing[*]} failed (see $outdir/apt-deps.log)"
	fi
}
fastpath_dkms_status() { dkms status fastpath 2>/dev/null || true; }

# ---------------------------------------------------------------------------
step "purge leftovers of earlier runs"
present=()
for p in "${pkgs[@]}"; do pkg_present "$p" && present+=("$p"); done
if [ ${#present[@]} -gt 0 ]; then
	log "purging ${present[*]}"
	"${apt[@]}" purge -y "${present[@]}" > "$outdir/apt-purge-old.log" 2>&1 ||
		fail "could not purge ${present[*]} (see $outdir/apt-purge-old.log)"
fi
if [ -n "$(fastpath_dkms_status)" ]; then
	log "removing stale DKMS registration: $(fastpath_dkms_status | tr '\n' ' ')"
	for v in $(fastpath_dkms_status | sed -n 's|^fastpath/\([^,:]*\).*|\1|p' | sort -u); do
		dkms remove -m fastpath -v "$v" --all || true
	done
fi
rm -rf /var/lib/dkms/fastpath
stale="$(find /lib/modules -name 'fastpath.ko*' -o -name 'fastpath_kunit.ko*' 2>/dev/null | grep -v '/build/' || true)"
if [ -n "$stale" ]; then
	log "removing stale modules: $stale"
	for f in $stale; do
		rm -f "$f"
		k="${f#/lib/modules/}"; depmod -a "${k%%/*}" || true
	done
fi
rm -f "$outdir"/console.log "$outdir"/initramfs.img "$outdir"/*.log

# ---------------------------------------------------------------------------
step "install host tools (tools/testing/dkms/deps.txt)"
mapfile -t deps < <(sed 's/#.*//; /^[[:space:]]*$/d' "$here/deps.txt")
apt_install "${deps[@]}"

# ---------------------------------------------------------------------------
if [ -z "$debdir" ]; then
	step "build .debs (tools/packaging/build-deb.sh)"
	debdir="$srcdir/build/deb"
	"$srcdir/tools/packaging/build-deb.sh" --srcdir "$srcdir" "$debdir" ||
		fail "building the .debs failed"
else
	step "use prebuilt .debs from $debdir"
fi
dkms_deb="$(ls "$debdir"/fastpath-dkms_"$version"_all.deb 2>/dev/null || true)"
fpctl_deb="$(ls "$debdir"/fpctl_"$version"_*.deb 2>/dev/null | grep -v dbgsym | head -n1 || true)"
[ -n "$dkms_deb" ] || fail "no fastpath-dkms_${version}_all.deb in $debdir"
[ -n "$fpctl_deb" ] || fail "no fpctl_${version}_*.deb in $debdir"
log "using $dkms_deb"
log "using $fpctl_deb"

# ---------------------------------------------------------------------------
step "ensure Debian's stock kernel and headers"
apt_install linux-image-amd64 linux-headers-amd64
stock_kver="$(dpkg-query -W -f='${Depends}' linux-image-amd64 |
	sed -n 's/.*linux-image-\([0-9][^ ,]*\).*/\1/p')"
[ -n "$stock_kver" ] || fail "cannot tell the stock kernel version from linux-image-amd64"
[ -e "/boot/vmlinuz-$stock_kver" ] || fail "/boot/vmlinuz-$stock_kver is missing"
[ -e "/lib/modules/$stock_kver/build/include" ] || fail "headers for $stock_kver are missing"
# Every installed Debian kernel (an image package owns /boot/vmlinuz-X) that
# has its headers must get the module.
kvers=()
for vml in /boot/vmlinuz-*; do
	k="${vml#/boot/vmlinuz-}"
	case "$(dpkg -S "$vml" 2>/dev/null || true)" in linux-image-*) ;; *) continue ;; esac
	[ -e "/lib/modules/$k/build/include" ] || { log "note: $k has no headers, DKMS skips it"; continue; }
	kvers+=("$k")
done
log "stock kernel: $stock_kver; Debian kernels with headers: ${kvers[*]}; running kernel: $(uname -r)"

# ---------------------------------------------------------------------------
step "apt-get install fastpath-dkms and fpctl (DKMS build)"
if ! "${apt[@]}" install -y "$dkms_deb" "$fpctl_deb" > "$outdir/apt-install.log" 2>&1; then
	cat "$outdir/apt-install.log"
	cp /var/lib/dkms/fastpath/"$version"/build/make.log "$outdir/dkms-make.log" 2>/dev/null &&
		tail -n 40 "$outdir/dkms-make.log" | sed 's/^/  | /' 
	fail "apt-get install of the .debs failed (see $outdir/apt-install.log)"
fi
sed -n '/^Setting up fastpath-dkms/,/^Setting up\|^Processing/p' "$outdir/apt-install.log" | sed 's/^/  | /'
for k in "${kvers[@]}"; do
	if ! dkms status -m fastpath -v "$version" -k "$k" | grep ': installed' >/dev/null; then
		log "note: the postinst did not install fastpath for $k; running dkms install explicitly"
		dkms install -m fastpath -v "$version" -k "$k" >> "$outdir/dkms-install.log" 2>&1 ||
			fail "dkms install fastpath/$version -k $k failed (see $outdir/dkms-install.log)"
	fi
done
for k in "${kvers[@]}"; do
	cp /var/lib/dkms/fastpath/"$version"/"$k"/*/log/make.log "$outdir/dkms-make-$k.log" 2>/dev/null || true
done
echo "dkms status:"; fastpath_dkms_status | sed 's/^/  /'
for k in "${kvers[@]}"; do
	dkms status -m fastpath -v "$version" -k "$k" | grep ': installed' >/dev/null ||
		fail "dkms status does not show fastpath/$version installed for $k"
done
builddir=/var/lib/dkms/fastpath/"$version"/"$stock_kver"/x86_64/module
[ -e "$builddir"/fastpath.ko ] || [ -e "$builddir"/fastpath.ko.xz ] || [ -e "$builddir"/fastpath.ko.zst ] ||
	fail "DKMS did not keep fastpath.ko in $builddir"
if ls /var/lib/dkms/fastpath/"$version"/build/fastpath_kunit.ko* /lib/modules/*/updates/dkms/fastpath_kunit.ko* >/dev/null 2>&1; then
	fail "DKMS built the KUnit module; it must build fastpath.ko only"
fi
command -v fpctl >/dev/null || fail "fpctl is not on PATH after installing $fpctl_deb"
dpkg -L fpctl | grep -E '^/usr/share/man/man[1-8]/fpctl\.[1-8]' >/dev/null ||
	fail "the fpctl package has no man page"

# ---------------------------------------------------------------------------
step "modinfo of the DKMS-built module"
ko="$(modinfo -k "$stock_kver" -F filename fastpath 2>/dev/null || true)"
case "$ko" in
/lib/modules/"$stock_kver"/updates/dkms/fastpath.ko*) ;;
*) fail "modinfo -k $stock_kver fastpath resolves to '$ko', not updates/dkms/ (depmod?)" ;;
esac
vermagic="$(modinfo -F vermagic "$ko")"
mversion="$(modinfo -F version "$ko")"
license="$(modinfo -F license "$ko")"
depends="$(modinfo -F depends "$ko")"
printf '  filename: %s\n  vermagic: %s\n  version:  %s\n  license:  %s\n  depends:  %s\n' \
	"$ko" "$vermagic" "$mversion" "$license" "$depends"
[ "${vermagic%% *}" = "$stock_kver" ] || fail "vermagic '$vermagic' does not start with $stock_kver"
[ "$mversion" = "$version" ] || fail "module version '$mversion' != $version"
case "$license" in GPL|"GPL v2"|"Dual BSD/GPL") ;; *) fail "module license '$license' is not GPL" ;; esac

[ -f "$outdir/dkms-make-$stock_kver.log" ] || fail "no DKMS make.log for $stock_kver"
nwarn="$(grep -c -E 'warning:' "$outdir/dkms-make-$stock_kver.log" || true)"
log "compiler warnings in the DKMS build: $nwarn (log: $outdir/dkms-make-$stock_kver.log)"
[ "$nwarn" = 0 ] || grep -E 'warning:' "$outdir/dkms-make-$stock_kver.log" | sed 's/^/  | /' 

# ---------------------------------------------------------------------------
step "packaged source: DKMS tree contents; fastpath.ko only, even with KUnit"
usrsrc="/usr/src/fastpath-$version"
find "$usrsrc" -type f | sed "s|^$usrsrc/|  |" | sort
[ -f "$usrsrc/dkms.conf" ] && [ -f "$usrsrc/Kbuild" ] && [ -f "$usrsrc/VERSION" ] ||
	fail "$usrsrc lacks dkms.conf, Kbuild or VERSION"
junk="$(find "$usrsrc" \( -path '*/tests' -o -name '*.o' -o -name '*.ko' -o -name '.*.cmd' -o -name Makefile \) | tr '\n' ' ')"
[ -z "$junk" ] || fail "$usrsrc holds files DKMS must not get: $junk"
# A kernel with CONFIG_KUNIT (not Debian's, but e.g. a debug or another
# distribution's kernel) must still get fastpath.ko and nothing else from the
# packaged tree, which carries no kmod/tests/.
kt="$(mktemp -d "${TMPDIR:-/tmp}/fastpath-dkms-kunit.XXXXXX")"
tmpdirs+=("$kt")
cp -a "$usrsrc"/. "$kt"/
if ! make -C "/lib/modules/$stock_kver/build" M="$kt" CONFIG_KUNIT=m -j"$(nproc)" modules \
	> "$outdir/kunit-kernel-build.log" 2>&1; then
	tail -n 5 "$outdir/kunit-kernel-build.log" | sed 's/^/  | /'
	fail "the packaged source does not build on a CONFIG_KUNIT kernel (Kbuild must build fastpath_kunit.ko only when kmod/tests/ exists; log: $outdir/kunit-kernel-build.log)"
fi
kos="$(cd "$kt" && find . -name '*.ko' | sed 's|^\./||' | sort | tr '\n' ' ')"
[ "$kos" = "fastpath.ko " ] || fail "the packaged source built '$kos' on a CONFIG_KUNIT kernel; expected fastpath.ko only"
log "CONFIG_KUNIT=m build of the packaged tree: $kos"

# ---------------------------------------------------------------------------
step "build the initramfs for the stock kernel"
root="$(mktemp -d "${TMPDIR:-/tmp}/fastpath-dkms-initramfs.XXXXXX")"
tmpdirs+=("$root")
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,run,usr/bin,usr/sbin,selftests}
case "$(ldd /bin/busybox 2>&1 || true)" in
*"not a dynamic executable"*|*"statically linked"*) ;;
*) fail "/bin/busybox is not static (install busybox-static)" ;;
esac
install -m 0755 /bin/busybox "$root/bin/busybox"

# Copy a program and every shared library ldd says it loads (+ the loader).
copy_with_libs() {
	local bin="$1" dst="${2:-$1}" lib
	install -D -m 0755 "$bin" "$root$dst"
	for lib in $(ldd "$bin" | sed -n 's/.*=> \(\/[^ ]*\) .*/\1/p; s/^[[:space:]]*\(\/[^ ]*\) (.*/\1/p'); do
		[ -e "$root$lib" ] || install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
	done
}
# The real kmod (modprobe resolves dependencies and aliases from the stock
# modules.dep, and reads compressed modules), the real ip, tc, nft and
# ethtool for the selftests (the same set as tools/testing/qemu/initramfs.sh),
# and fpctl from the installed package.  They shadow the busybox applets of
# the same name.
copy_with_libs "$(readlink -f "$(command -v kmod)")" /usr/sbin/kmod
for a in modprobe insmod rmmod lsmod modinfo depmod; do ln -s kmod "$root/usr/sbin/$a"; done
if [ "$run_selftests" = 1 ]; then
	for prog in ip tc nft ethtool; do
		path="$(command -v "$prog" || true)"
		[ -n "$path" ] || fail "$prog not found (install iproute2, nftables and ethtool)"
		copy_with_libs "$path" "/usr/sbin/$prog"
	done
	# fpnet: the data-path selftest's sender, receiver and tap VM.
	make -s -C "$srcdir/tools/testing/fpnet" >"$outdir/fpnet-build.log" 2>&1 ||
		fail "building tools/testing/fpnet failed (log: $outdir/fpnet-build.log)"
	copy_with_libs "$srcdir/tools/testing/fpnet/fpnet" /usr/sbin/fpnet
fi
fpctl_bin="$(dpkg -L fpctl | grep -E '/s?bin/fpctl$' | head -n1)"
[ -x "$fpctl_bin" ] || fail "fpctl binary not found in the installed fpctl package"
copy_with_libs "$fpctl_bin"
# /bin/sh is dash, not busybox: Debian's busybox-static ash runs its own
# applets (ip, insmod, ...) before anything on PATH (FEATURE_SH_STANDALONE),
# which would hide the real ip/kmod from the selftests.
copy_with_libs "$(readlink -f /bin/dash)" /bin/sh
ln -s sh "$root/bin/dash"
for a in $("$root/bin/busybox" --list); do
	for d in bin usr/sbin; do [ -e "$root/$d/$a" ] && continue 2; done
	ln -s busybox "$root/bin/$a"
done

# Stock modules: what fastpath.ko needs, plus (for the selftests) the stock
# networking modules (net/, veth, tun, ...) the kernel autoloads through
# modprobe; then depmod over that subset.  The DKMS-built module keeps its
# DKMS path, updates/dkms/, exactly as on the host.
kmods="/lib/modules/$stock_kver"
want=("${ko#$kmods/}")
if [ "$run_selftests" = 1 ]; then
	mapfile -t -O ${#want[@]} want < <(cd "$kmods" && {
		find kernel/net -name '*.ko*'
		for m in veth tun tap dummy ifb macvlan ipvlan vrf bonding; do
			find kernel/drivers/net -name "$m.ko*"
		done
		# libcrc32c (nf_tables) asks the crypto API for "crc32c"
		# (a softdep, not in modules.dep): without it nft fails.
		find kernel/crypto -name 'crc32c_generic.ko*'
	})
fi
# modules.dep lists every (transitive) dependency of a module.
mapfile -t mods < <(printf '%s\n' "${want[@]}" | awk -v dep="$kmods/modules.dep" '
	BEGIN { while ((getline l < dep) > 0) { split(l, a, ":"); deps[a[1]] = a[2] } }
	{ print; n = split(deps[$0], d, " "); for (i = 1; i <= n; i++) print d[i] }' | sort -u)
for m in "${mods[@]}"; do
	[ -e "$kmods/$m" ] || fail "$kmods/$m (from modules.dep) is missing"
	install -D -m 0644 "$kmods/$m" "$root$kmods/$m"
done
cp "$kmods"/modules.order "$kmods"/modules.builtin "$kmods"/modules.builtin.modinfo "$root$kmods/"
depmod -b "$root" "$stock_kver" || fail "depmod over the initramfs module tree failed"
[ "$(modprobe -d "$root" -S "$stock_kver" --show-depends fastpath | tail -n1 | awk '{print $2}')" = "$root$ko" ] ||
	fail "in the initramfs, modprobe fastpath would not load $ko"
log "modules: ${#mods[@]} ($(du -sh "$root$kmods" | cut -f1)); fastpath needs: $(modprobe -S "$stock_kver" --show-depends fastpath | awk '$1 == "insmod" { sub(".*/", "", $2); printf "%s ", $2 }')"

if [ "$run_selftests" = 1 ]; then
	n_st=0
	for t in "$srcdir"/tools/testing/selftests/*.sh; do
		[ -e "$t" ] || continue
		install -m 0644 "$t" "$root/selftests/"
		case "$(basename "$t")" in lib*.sh) ;; *) n_st=$((n_st + 1)) ;; esac
	done
	install -m 0644 "$srcdir/VERSION" "$root/selftests/VERSION"
	[ "$n_st" -gt 0 ] || fail "no selftests in $srcdir/tools/testing/selftests (use --no-selftests)"
	log "selftests: $n_st scripts matching '$selftests_only'"
fi
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' > "$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' > "$root/etc/group"

cat > "$root/init" <<EOF
#!/bin/sh
# fastpath DKMS check, guest side (generated by tools/testing/dkms/dkms-check.sh)
EXPECTED_VERSION="$version"
EXPECTED_KVER="$stock_kver"
FP_MODULE="$ko"
FPCTL="$fpctl_bin"
RUN_SELFTESTS="$run_selftests"
SELFTESTS_ONLY='$selftests_only'
SELFTEST_LIMIT="$selftest_limit"
EOF
cat >> "$root/init" <<'EOF'
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /run /tmp
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mkdir -p /run/netns /var
ln -s /run /var/run
echo /usr/sbin/modprobe > /proc/sys/kernel/modprobe
# As systemd-tmpfiles does on an installed system: the device nodes of
# modules that load on first open (/dev/net/tun for tun), from
# modules.devname.
while read -r _mod name dev; do
	case "$dev" in [cb][0-9]*) ;; *) continue ;; esac
	[ -e "/dev/$name" ] && continue
	case "$name" in */*) mkdir -p "/dev/${name%/*}" ;; esac
	majmin=${dev#?}
	mknod -m 0600 "/dev/$name" "${dev%"$majmin"}" "${majmin%:*}" "${majmin#*:}"
done < "/lib/modules/$(uname -r)/modules.devname"
hostname fastpath-dkms-guest
ip link set lo up 2>/dev/null || busybox ip link set lo up

say() { echo "fastpath-guest: $*"; }
verdict() {
	echo "DKMS-CHECK: $*"
	sync
	poweroff -f
	sleep 10
}
fail() { verdict "FAIL $*"; }

say "kernel $(uname -r), tainted=$(cat /proc/sys/kernel/tainted)"
[ "$(uname -r)" = "$EXPECTED_KVER" ] || fail "booted $(uname -r), expected $EXPECTED_KVER"
taint0=$(cat /proc/sys/kernel/tainted)
# The kernel log is drained into files as we go (dmesg -c), so a ring buffer
# that wraps during the selftests loses nothing.
dmesg -c > /tmp/dmesg.before
: > /tmp/dmesg.new

# 1. Load as a real system would: modprobe finds updates/dkms/fastpath.ko.
say "modprobe fastpath ($(modprobe --show-depends fastpath | awk '$1 == "insmod" { printf "%s ", $2 }'))"
modprobe fastpath || fail "modprobe fastpath failed"
[ -d /sys/module/fastpath ] || fail "/sys/module/fastpath missing after modprobe"
v=$(cat /sys/module/fastpath/version 2>/dev/null)
say "/sys/module/fastpath/version = $v"
[ "$v" = "$EXPECTED_VERSION" ] || fail "module version '$v' != '$EXPECTED_VERSION'"

# 2. The generic netlink family is registered: fpctl asks the kernel.
out=$("$FPCTL" version 2>&1); rc=$?
echo "$out" | sed 's/^/fastpath-guest: fpctl version: /'
[ $rc -eq 0 ] || fail "fpctl version exited $rc"
echo "$out" | grep -i 'module' | grep -qF "$EXPECTED_VERSION" ||
	fail "fpctl version printed no module line with $EXPECTED_VERSION"

# 3. Unload.
rmmod fastpath || fail "rmmod fastpath failed"
[ ! -d /sys/module/fastpath ] || fail "/sys/module/fastpath still present after rmmod"
say "module unloaded"

# 3b. With MODULE_ALIAS_GENL_FAMILY, the first netlink request for the family
#     loads the module through modprobe, as on an installed system.
if modinfo -F alias fastpath | grep -qx 'net-pf-16-proto-16-family-fastpath'; then
	"$FPCTL" version > /tmp/fpctl.autoload 2>&1 ||
		{ cat /tmp/fpctl.autoload; fail "fpctl version did not autoload the module (genl family alias)"; }
	[ -d /sys/module/fastpath ] || fail "module not loaded after fpctl version (genl family alias)"
	say "genl family alias: fpctl version autoloaded the module"
	rmmod fastpath || fail "rmmod fastpath (after autoload) failed"
	[ ! -d /sys/module/fastpath ] || fail "/sys/module/fastpath still present after rmmod"
fi

# 4. The netns selftests (forwarding on the stock kernel), as the QEMU
#    harness runs them, with the DKMS-built module.
st_fail=0
if [ "$RUN_SELFTESTS" = 1 ]; then
	echo 4 > /proc/sys/kernel/printk
	# The selftests load and unload the module themselves and expect no
	# autoload behind their back (as in the QEMU harness): take the module
	# out of modprobe's reach.
	mkdir -p /selftests/module
	mv "$FP_MODULE" /selftests/module/fastpath.ko
	depmod || fail "depmod in the guest failed"
	FP_MODULE=/selftests/module/fastpath.ko
	export FP_MODULE
	. /selftests/lib_hang.sh
	selftest_hung() {
		echo 7 > /proc/sys/kernel/printk
		fail "selftest $1 did not finish within $SELFTEST_LIMIT s (see the hang: lines)"
	}
	for t in /selftests/*.sh; do
		name=${t##*/}; name=${name%.sh}
		case "$name" in lib*) continue ;; esac
		case "$name" in $SELFTESTS_ONLY) ;; *) continue ;; esac
		say "selftest $name"
		# A script that hangs shows where each process is stuck and
		# ends the run with a verdict, well before the host's timeout.
		hang_watch "$SELFTEST_LIMIT" "$name" "fastpath-guest: hang: " \
			selftest_hung &
		watchdog=$!
		# Streamed line by line (the shell's read and echo do not
		# buffer), so that a test that hangs shows how far it got.
		: > /tmp/st.out
		{ ( cd /selftests && sh "$t" </dev/null ) 2>&1; echo $? > /tmp/st.rc; } |
			while IFS= read -r line; do
				echo "$line" >> /tmp/st.out
				echo "fastpath-guest: [$name] $line"
			done
		kill "$watchdog" 2>/dev/null
		wait "$watchdog" 2>/dev/null
		rc=$(cat /tmp/st.rc)
		say "selftest $name rc=$rc"
		if [ $rc -ne 0 ] || grep -q '^FP-CASE: FAIL' /tmp/st.out; then
			st_fail=$((st_fail + 1))
		fi
		cat /tmp/st.out >> /tmp/st.all
		dmesg -c >> /tmp/dmesg.new
	done
	rmmod fastpath 2>/dev/null
	p=$(grep -c '^FP-CASE: PASS' /tmp/st.all 2>/dev/null)
	f=$(grep -c '^FP-CASE: FAIL' /tmp/st.all 2>/dev/null)
	s=$(grep -c '^FP-CASE: SKIP' /tmp/st.all 2>/dev/null)
	say "selftests on the stock kernel: ${p:-0} cases passed, ${f:-0} failed, ${s:-0} skipped; $st_fail scripts failed"
	echo 7 > /proc/sys/kernel/printk
fi

# 5. Kernel log and taint.
dmesg -c >> /tmp/dmesg.new
grep -i fastpath /tmp/dmesg.new > /tmp/dmesg.fp
say "kernel log since the first modprobe: $(wc -l < /tmp/dmesg.new) lines, $(wc -l < /tmp/dmesg.fp) about fastpath; the first 5 of those:"
head -n 5 /tmp/dmesg.fp | sed 's/^/fastpath-guest: | /'
# Expected: "loading out-of-tree module taints kernel" (O) and "module
# verification failed: signature and/or required key missing" (E).
grep -E 'BUG|WARNING|Oops|[Tt]aint|Call Trace|general protection|UBSAN|KASAN' /tmp/dmesg.new |
	grep -v -e 'loading out-of-tree module taints kernel' \
		-e 'module verification failed: signature and/or required key missing' > /tmp/dmesg.bad
grep -E 'BUG:|Oops|Call Trace' /tmp/dmesg.before >> /tmp/dmesg.bad
if [ -s /tmp/dmesg.bad ]; then
	sed 's/^/fastpath-guest: bad: /' /tmp/dmesg.bad
	fail "kernel log has BUG/WARNING/Oops/taint lines (see above)"
fi
taint1=$(cat /proc/sys/kernel/tainted)
new=$(( taint1 & ~taint0 ))
# 4096 = O (out-of-tree), 8192 = E (unsigned module): expected.
bad=$(( new & ~(4096 | 8192) ))
say "tainted: before=$taint0 after=$taint1"
[ $bad -eq 0 ] || fail "unexpected taint flags $bad (tainted $taint0 -> $taint1)"
[ -d /sys/module/fastpath ] && fail "fastpath still loaded at the end"
[ "$st_fail" -eq 0 ] || fail "$st_fail selftest script(s) failed on the stock kernel"

verdict PASS
EOF
chmod 0755 "$root/init"
(cd "$root" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc -R 0:0 --quiet) |
	gzip -1 > "$outdir/initramfs.img"
rm -rf "$root"
log "initramfs: $outdir/initramfs.img ($(du -h "$outdir/initramfs.img" | cut -f1))"

# ---------------------------------------------------------------------------
step "boot /boot/vmlinuz-$stock_kver in QEMU (TCG) and run the guest checks"
console="$outdir/console.log"
log "console log: $console (timeout ${qemu_timeout}s)"
qrc=0
timeout -k 10 "$qemu_timeout" qemu-system-x86_64 -accel tcg -m 1G -smp 2 \
	-nographic -no-reboot -monitor none -serial "file:$console" -net none \
	-kernel "/boot/vmlinuz-$stock_kver" -initrd "$outdir/initramfs.img" \
	-append "console=ttyS0 panic=-1 panic_on_warn=1 oops=panic softlockup_panic=1" \
	< /dev/null > "$outdir/qemu.log" 2>&1 || qrc=$?
grep -a '^fastpath-guest:' "$console" | tr -d '\r' | sed 's/^/  /' || true
guest_verdict="$(grep -a '^DKMS-CHECK: ' "$console" | tr -d '\r' | tail -n1 || true)"
# What the kernel said last (a panic's stack, soft lockups, hung tasks,
# devices that never become free); the guest's own lines are above.
kernel_tail() {
	grep -av '^fastpath-guest:' "$console" | tr -d '\r' | tail -n 100 | sed 's/^/  console| /'
}
if [ "$qrc" -eq 124 ] || [ "$qrc" -eq 137 ]; then
	kernel_tail
	fail "QEMU timed out after ${qemu_timeout}s (console: $console)"
fi
[ -n "$guest_verdict" ] || {
	kernel_tail
	why="$(grep -a -m1 -E 'Kernel panic|BUG:|WARNING:|Oops' "$console" | tr -d '\r' | sed 's/^\[[ 0-9.]*\] //' || true)"
	fail "no DKMS-CHECK verdict in the console log${why:+ ($why)} (qemu exit $qrc; console: $console)"
}
log "guest verdict: $guest_verdict"
[ "$guest_verdict" = "DKMS-CHECK: PASS" ] || fail "guest: ${guest_verdict#DKMS-CHECK: } (console: $console)"
[ "$qrc" -eq 0 ] || fail "QEMU exited $qrc (console: $console)"

# ---------------------------------------------------------------------------
step "apt-get purge fastpath-dkms fpctl and check DKMS cleaned up"
"${apt[@]}" purge -y "${pkgs[@]}" > "$outdir/apt-purge.log" 2>&1 ||
	fail "apt-get purge failed (see $outdir/apt-purge.log)"
left="$(fastpath_dkms_status)"
[ -z "$left" ] || fail "dkms status still lists fastpath after purge: $left"
left="$(find /lib/modules -name 'fastpath.ko*' 2>/dev/null | grep -v '/build/' || true)"
[ -z "$left" ] || fail "module files left after purge: $left"
modinfo -k "$stock_kver" fastpath >/dev/null 2>&1 && fail "modinfo still finds fastpath for $stock_kver after purge"
[ ! -e "/usr/src/fastpath-$version" ] || fail "/usr/src/fastpath-$version left after purge"
[ ! -e /var/lib/dkms/fastpath ] || fail "/var/lib/dkms/fastpath left after purge"
for p in "${pkgs[@]}"; do pkg_present "$p" && fail "$p still known to dpkg after purge"; done
command -v fpctl >/dev/null && fail "fpctl still on PATH after purge"
log "purged; dkms status for fastpath is empty, no fastpath.ko under /lib/modules"

finish_step
print_timings
trap - EXIT
echo "dkms-check: PASS"
