#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Pack the test guest's initramfs (newc cpio, uncompressed).
#
#   initramfs.sh OUT.cpio MODULE_DIR FPCTL [EXTRA_DIR]
#
# Contents: busybox-static as the shell and coreutils, the real ip, tc, nft
# and fpctl with every shared library they load, fastpath.ko and
# fastpath_kunit.ko from MODULE_DIR, tools/testing/qemu/init.sh as /init and
# tools/testing/selftests/ as /selftests.  EXTRA_DIR, if given, is copied
# over the root last (demo scripts, harness self-test modules).
set -euo pipefail

out=$1
moddir=$2
fpctl=$3
extra=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,lib,lib64,lib/modules,etc,proc,sys,dev,tmp,run,selftests}

install -m 755 /bin/busybox "$root/bin/busybox"
for applet in $("$root/bin/busybox" --list); do
	[ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done

# Copy a dynamically linked program and everything ldd says it loads.
add_prog() {
	local src=$1 dst=$2 lib
	install -D -m 755 "$src" "$root$dst"
	for lib in $(ldd "$src" | awk '/=> \//{ print $3 } /^[ \t]*\//{ print $1 }'); do
		[ -e "$root$lib" ] || install -D -m 755 "$(readlink -f "$lib")" "$root$lib"
	done
}

for prog in ip tc nft; do
	path=$(command -v "$prog" || true)
	[ -n "$path" ] || { echo "initramfs: $prog not found (run make deps)" >&2; exit 1; }
	# Real binaries win over the busybox applets of the same name.
	rm -f "$root/bin/$prog"
	add_prog "$path" "/usr/sbin/$prog"
done
add_prog "$fpctl" /usr/sbin/fpctl
# Debian's busybox shell prefers its own applets to programs on PATH (its
# ip has no netns): the selftests run under dash, which does not.
add_prog /bin/dash /bin/dash

for ko in "$moddir"/*.ko; do
	install -m 644 "$ko" "$root/lib/modules/"
done

install -m 755 "$here/init.sh" "$root/init"
install -m 644 "$top"/tools/testing/selftests/*.sh "$root/selftests/"
install -m 644 "$top/VERSION" "$root/selftests/VERSION"

echo "root:x:0:0:root:/root:/bin/sh" > "$root/etc/passwd"
echo "root:x:0:" > "$root/etc/group"
echo "nobody:x:65534:65534:nobody:/:/bin/sh" >> "$root/etc/passwd"
echo "nogroup:x:65534:" >> "$root/etc/group"

if [ -n "$extra" ]; then
	cp -a "$extra"/. "$root"/
fi

# mktemp -d made the root 0700: unprivileged selftest users need to enter it.
chmod 755 "$root"
(cd "$root" && find . -print0 | LC_ALL=C sort -z |
	cpio --null --quiet -o -H newc --owner=0:0) > "$out.tmp"
mv "$out.tmp" "$out"
