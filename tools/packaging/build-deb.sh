#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build the Debian binary packages of fastpath (fastpath-dkms, fpctl) from a
# clean copy of the source tree, then run lintian on them.
#
#   tools/packaging/build-deb.sh [--srcdir DIR] [--no-lintian] [OUTDIR]
#
# OUTDIR defaults to build/deb/ under the source tree.  The tree is copied
# (git-tracked plus untracked-but-not-ignored files; no .git, no build/) to a
# temporary directory and built there with "dpkg-buildpackage -us -uc -b", so
# the work tree is never polluted with object files.  The .deb, .buildinfo and
# .changes files land in OUTDIR; lintian's verdict is printed and the script
# fails on lintian errors or warnings.
#
# Needs (see tools/testing/dkms/deps.txt): build-essential, debhelper,
# dh-dkms, dpkg-dev, libmnl-dev, pkg-config, lintian, rsync.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
srcdir="$(cd "$here/../.." && pwd)"
outdir=""
run_lintian=1

usage() {
	sed -n '4,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
	exit "${1:-0}"
}

while [ $# -gt 0 ]; do
	case "$1" in
	--srcdir) srcdir="$(cd "$2" && pwd)"; shift 2 ;;
	--srcdir=*) srcdir="$(cd "${1#*=}" && pwd)"; shift ;;
	--no-lintian) run_lintian=0; shift ;;
	-h|--help) usage 0 ;;
	-*) echo "build-deb: unknown option $1" >&2; usage 2 >&2 ;;
	*) outdir="$1"; shift ;;
	esac
done
[ -n "$outdir" ] || outdir="$srcdir/build/deb"

log() { printf 'build-deb: %s\n' "$*"; }
die() { printf 'build-deb: error: %s\n' "$*" >&2; exit 1; }

cd "$srcdir"
for f in VERSION Kbuild dkms.conf debian/control debian/changelog tools/fpctl/Makefile; do
	[ -e "$f" ] || die "$srcdir/$f is missing"
done

# One source of truth for the version: VERSION.  dkms.conf, debian/changelog
# and MODULE_VERSION() must agree with it.
version="$(tr -d ' \t\n' < VERSION)"
deb_version="$(dpkg-parsechangelog -l debian/changelog -S Version)"
dkms_version="$(sed -n 's/^PACKAGE_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' dkms.conf)"
[ "$deb_version" = "$version" ] ||
	die "debian/changelog version $deb_version != VERSION $version (native package: no Debian revision)"
[ "$dkms_version" = "$version" ] || die "dkms.conf PACKAGE_VERSION $dkms_version != VERSION $version"
if grep -rhoE 'MODULE_VERSION\("[^"]*"\)' kmod/ 2>/dev/null | grep -vqF "MODULE_VERSION(\"$version\")"; then
	die "MODULE_VERSION() in kmod/ differs from VERSION $version"
fi

if ! missing="$(dpkg-checkbuilddeps 2>&1)"; then
	die "missing build dependencies (run 'make deps' or apt-get install them): ${missing#*: }"
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/fastpath-deb.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tree="$work/fastpath-$version"
mkdir -p "$tree"

# Clean copy: what git knows about (tracked + untracked-not-ignored), else
# everything minus the usual build output.
if git -C "$srcdir" rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
   [ "$(git -C "$srcdir" rev-parse --show-toplevel)" = "$srcdir" ]; then
	git -C "$srcdir" ls-files -z --cached --others --exclude-standard |
		while IFS= read -r -d '' f; do
			[ -e "$f" ] || [ -L "$f" ] || continue	# deleted, not committed
			case "$f" in build/*) continue ;; esac
			printf '%s\0' "$f"
		done |
		rsync -a --from0 --files-from=- "$srcdir/" "$tree/"
else
	rsync -a --exclude=/.git --exclude=/build \
		--exclude='*.o' --exclude='*.ko' --exclude='*.mod' --exclude='*.mod.c' \
		--exclude='.*.cmd' --exclude=modules.order --exclude=Module.symvers \
		"$srcdir/" "$tree/"
fi

log "building fastpath $version in $tree"
t0=$SECONDS
(
	cd "$tree"
	dpkg-buildpackage -us -uc -b -j"$(nproc)"
) > "$work/build.log" 2>&1 || {
	tail -n 60 "$work/build.log" >&2
	die "dpkg-buildpackage failed (last 60 lines above)"
}
log "dpkg-buildpackage took $((SECONDS - t0)) s"

mkdir -p "$outdir"
# A build/ directory ignores itself, whatever the top-level .gitignore says.
case "$outdir" in
"$srcdir"/build/*) [ -e "$srcdir/build/.gitignore" ] || echo '*' > "$srcdir/build/.gitignore" ;;
esac
rm -f "$outdir"/fastpath-dkms_*.deb "$outdir"/fpctl_*.deb "$outdir"/fpctl-dbgsym_*.deb \
	"$outdir"/fastpath_*.buildinfo "$outdir"/fastpath_*.changes "$outdir"/build.log
cp "$work"/*.deb "$work"/*.buildinfo "$work"/*.changes "$work/build.log" "$outdir"/
outdir="$(cd "$outdir" && pwd)"

log "packages in $outdir:"
for deb in "$outdir"/*.deb; do
	printf '  %s (%s)\n' "$(basename "$deb")" "$(du -h "$deb" | cut -f1)"
done

if [ "$run_lintian" = 1 ]; then
	changes="$(ls "$outdir"/fastpath_*.changes)"
	log "lintian $(lintian --version | awk '{print $2}') on $(basename "$changes"):"
	t0=$SECONDS
	# --pedantic/--info only show more; only errors and warnings fail.
	set +e
	lintian --info --display-info --pedantic --fail-on error,warning \
		"$changes" 2>&1 | grep -v '^running with root privileges' \
		> "$work/lintian.txt"
	rc=${PIPESTATUS[0]}
	set -e
	sed 's/^/  /' "$work/lintian.txt"
	cp "$work/lintian.txt" "$outdir/lintian.txt"
	if [ "$rc" -ne 0 ]; then
		die "lintian failed (exit $rc): see above / $outdir/lintian.txt"
	fi
	[ -s "$work/lintian.txt" ] || echo "  (no tags)"
	log "lintian: clean at error and warning level ($((SECONDS - t0)) s)"
fi
log "done"
