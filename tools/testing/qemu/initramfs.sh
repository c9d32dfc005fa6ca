#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Pack the test guest's initramfs (newc cpio, uncompressed).
#
#   initramfs.sh OUT.cpio MODULE_DIR FPCTL [EXTRA_DIR]
#
# Contents: busybox-static as the shell and coreutils, the real ip, tc,
# nft, ethtool and fpctl with every shared library they load, fastpath.ko and
# fastpath_kunit.ko from MODULE_DIR, tools/testing/qemu/init.sh as /init and
# tools/testing/selftests/ as /selftests.  EXTRA_DIR, if given, is copied
# over the root last (harness self-test modules).
#
# Only when the selftest that needs them is selected (FP_ONLY, the guest's
# fp.only glob, default '*'):
#   nl_fuzz   /usr/sbin/nlfuzz (FP_NLFUZZ, default tools/testing/nlfuzz/nlfuzz,
#             built by `make nlfuzz`)
#   ynl_cli   the kernel's generic YNL client (tools/net/ynl/cli.py and lib/
#             from the 6.12 source, `kernel.sh --print-src 6.12`, or from
#             FP_YNL_SRC=<kernel tree>) in /usr/lib/ynl, the family's YAML
#             spec in /usr/share/ynl/specs, and Debian's python3 with only
#             the modules the client imports (found by importing it on the
#             host) and those selftests/batch_chain.py adds, byte-compiled.
#   batch     the same python3 and spec, for batch_chain.py.
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

for prog in ip tc nft ethtool; do
	path=$(command -v "$prog" || true)
	[ -n "$path" ] || { echo "initramfs: $prog not found (run make deps)" >&2; exit 1; }
	# Real binaries win over the busybox applets of the same name.
	rm -f "$root/bin/$prog"
	add_prog "$path" "/usr/sbin/$prog"
done
add_prog "$fpctl" /usr/sbin/fpctl
fpnet=${FP_FPNET:-$top/tools/testing/fpnet/fpnet}
[ -x "$fpnet" ] || { echo "initramfs: $fpnet missing (make -C tools/testing/fpnet)" >&2; exit 1; }
add_prog "$fpnet" /usr/sbin/fpnet
# Debian's busybox shell prefers its own applets to programs on PATH (its
# ip has no netns): the selftests run under dash, which does not.
add_prog /bin/dash /bin/dash

only=${FP_ONLY:-*}
# wanted NAME: the guest will run selftest NAME (init.sh's case match)
wanted() {
	# shellcheck disable=SC2053
	[[ $1 == $only ]]
}

if wanted nl_fuzz; then
	nlfuzz=${FP_NLFUZZ:-$top/tools/testing/nlfuzz/nlfuzz}
	[ -x "$nlfuzz" ] || { echo "initramfs: $nlfuzz missing (make nlfuzz)" >&2; exit 1; }
	add_prog "$nlfuzz" /usr/sbin/nlfuzz
fi

# Debian's python3 and just the modules the YNL client loads.  Importing
# cli.py and running it up to the point where it looks the family up (the
# host has no fastpath family: that is as far as it gets) loads everything
# it needs, including the traceback machinery for its error path; runpy is
# for ynl_cli.sh, which starts the client through it.
add_python_ynl() {
	local src ynl py=/usr/bin/python3 f
	if [ -n "${FP_YNL_SRC:-}" ]; then
		src=$FP_YNL_SRC
	else
		src=$("$here/kernel.sh" --print-src 6.12) ||
			{ echo "initramfs: no 6.12 source for the YNL client" >&2; exit 1; }
	fi
	ynl=$src/tools/net/ynl
	[ -f "$ynl/pyynl/cli.py" ] && ynl=$ynl/pyynl	# 6.14+ layout
	if [ ! -f "$ynl/cli.py" ] || [ ! -f "$ynl/lib/ynl.py" ]; then
		echo "initramfs: no YNL client in $ynl" >&2
		exit 1
	fi
	[ -x "$py" ] || { echo "initramfs: $py missing (make deps)" >&2; exit 1; }
	mkdir -p "$root/usr/lib/ynl/lib" "$root/usr/share/ynl/specs"
	install -m 644 "$ynl/cli.py" "$root/usr/lib/ynl/cli.py"
	install -m 644 "$ynl"/lib/*.py "$root/usr/lib/ynl/lib/"
	install -m 644 "$top/Documentation/netlink/specs/fastpath.yaml" \
		"$root/usr/share/ynl/specs/"
	f=$(readlink -f "$py")
	add_prog "$f" "$f"
	[ "$f" = "$py" ] || ln -sf "$(basename "$f")" "$root$py"
	# every module file the client loads, from the interpreter's own dirs
	env -i PATH=/usr/bin:/bin LC_ALL=C "$py" - "$ynl" \
		"$top/Documentation/netlink/specs/fastpath.yaml" <<-'EOF' |
		import os, pkgutil, runpy, sys, traceback
		sys.path.insert(0, sys.argv[1])
		sys.argv = ["cli.py", "--spec", sys.argv[2], "--no-schema",
			    "--output-json", "--dump", "circuit-get"]
		import cli
		try:
		    cli.main()
		except BaseException:
		    traceback.format_exc()
		import errno, socket, struct	# selftests/batch_chain.py
		for m in list(sys.modules.values()):
		    f = getattr(m, "__file__", None)
		    if f and f.startswith(("/usr/lib/python3", "/usr/local/lib/python3")):
		        print(os.path.abspath(f))
		EOF
	while read -r f; do
		case "$f" in
		*/_distutils_hack/*) continue ;;	# from a .pth, not needed
		*.so) add_prog "$f" "$f" ;;
		*) install -D -m 644 "$(readlink -f "$f")" "$root$f" ;;
		esac
	done
	[ -f "$root/usr/lib/python3/dist-packages/yaml/__init__.py" ] ||
		{ echo "initramfs: python3-yaml missing (make deps)" >&2; exit 1; }
	# Byte-compile (the guest, under TCG, would otherwise compile on every
	# run).  The interpreter's own modules go in sourceless (foo.pyc
	# beside where foo.py was: 2 MB less); the client keeps its sources.
	"$py" -m compileall -q -b "$root/usr/lib/python3"* >/dev/null
	find "$root/usr/lib/python3"* -name '*.py' -delete
	"$py" -m compileall -q "$root/usr/lib/ynl" >/dev/null
}
if wanted ynl_cli || wanted batch; then
	add_python_ynl
fi

for ko in "$moddir"/*.ko; do
	install -m 644 "$ko" "$root/lib/modules/"
done

install -m 755 "$here/init.sh" "$root/init"
install -m 644 "$top"/tools/testing/selftests/*.sh \
	"$top"/tools/testing/selftests/*.py "$root/selftests/"
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
