#!/usr/bin/env bash
# kernel.sh - build (or reuse from cache) a debug test kernel for fastpath.
#
# Usage: tools/testing/qemu/kernel.sh [--print-src] VERSION
#        VERSION is one of: 6.1 (Debian bookworm), 6.12 (Debian trixie),
#                           7.x (newest linux-source-7.* in Debian sid)
#
# Prints exactly one line on stdout:
#   default       absolute path of the kernel build (O=) directory; it holds
#                 arch/x86/boot/bzImage, .config and Module.symvers and is a
#                 valid KDIR:  make -C "$DIR" M=/path/to/module modules
#   --print-src   absolute path of the extracted (pristine) source tree, for
#                 scripts/checkpatch.pl, tools/testing/kunit/kunit.py, ...
# Everything else (progress, errors) goes to stderr; the full build output
# goes to a log file in the build directory (its path is printed on stderr).
#
# Sources are Debian's linux-source-* packages (Debian patches applied):
#   6.1   /usr/src/linux-source-6.1.tar.xz from the installed package
#         (apt-get installs linux-source-6.1 when it is missing)
#   6.12  linux-source-6.12 from trixie / trixie-security, and
#   7.x   the newest linux-source-7.* from sid, both fetched with
#         `apt-get download` using a PRIVATE apt state under the cache; the
#         system's apt sources are never changed.
#
# Cache (${FASTPATH_CACHE:-$HOME/.cache/fastpath}):
#   resolved/<line>            "PACKAGE VERSION" the line was pinned to; once
#                              pinned, no network is needed (set
#                              FASTPATH_KERNEL_REFRESH=1 to re-resolve 6.12/7.x)
#   apt/                       private apt lists, cache and sources.list
#   debs/                      downloaded linux-source .debs
#   src/<debversion>/          extracted source, shared by all configs
#   build/<debversion>-<hash>/ O= dir; <hash> = sha256 of the config inputs
#                              (fragment files byte for byte -- comments
#                              too --, CONFIG_LOGIC_VERSION, gcc version)
#   locks/                     flock(1) lock files
# A build directory is used only once its stamp file (.fastpath-build-ok)
# exists; the stamp is written last, so an interrupted build is resumed
# (make is incremental) and never handed out half-built.  Concurrent callers
# serialise on per-source and per-build lock files.
#
# Config: `make tinyconfig`, then merge_config.sh -m with config/base.config,
# net.config, debug.config, optional.config and config/<line>.config (if it
# exists), then `make olddefconfig`.  Every CONFIG_ line requested by the
# fragments is then checked against the final .config: a mismatch fails the
# build, except for lines from optional.config, which only warn.
#
# Environment: FASTPATH_CACHE, FASTPATH_KERNEL_REFRESH=1, FASTPATH_JOBS
# (default: nproc).  Host packages needed are listed in deps.txt beside this
# script; missing ones are installed with apt-get when running as root.
set -euo pipefail

# Bump when the config/build logic below changes in a way that must
# invalidate existing builds (fragment edits are hashed automatically).
CONFIG_LOGIC_VERSION=1

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FRAGDIR=$HERE/config
CACHE=${FASTPATH_CACHE:-$HOME/.cache/fastpath}
PROG=kernel.sh

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }

usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}" >&2
	exit "${1:-2}"
}

# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------
print_src=0
while [[ $# -gt 0 ]]; do
	case $1 in
	--print-src) print_src=1; shift ;;
	-h|--help) usage 0 ;;
	--) shift; break ;;
	-*) log "unknown option: $1"; usage 2 ;;
	*) break ;;
	esac
done
[[ $# -eq 1 ]] || usage 2
LINE=$1
case $LINE in
6.1|6.12|7.x) ;;
*) die "unknown kernel line '$LINE' (expected 6.1, 6.12 or 7.x)" ;;
esac

mkdir -p "$CACHE"/{resolved,locks,src,build,debs}
CACHE=$(cd "$CACHE" && pwd)

# with_lock FILE CMD...: run CMD while holding an exclusive flock on FILE.
with_lock() {
	local file=$1; shift
	(
		exec 9>"$file"
		if ! flock -n 9; then
			log "waiting for lock $file (another build in progress)"
			flock 9
		fi
		"$@"
	)
}

# ---------------------------------------------------------------------------
# Host dependencies (deps.txt); only checked when something must be built.
# ---------------------------------------------------------------------------
ensure_deps() {
	local p missing=()
	while read -r p; do
		[[ -n $p && $p != \#* ]] || continue
		# linux-source-6.1 is only needed for the 6.1 line
		[[ $p != linux-source-* || $p == "linux-source-$LINE" ]] || continue
		dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | grep -q '^ii' ||
			missing+=("$p")
	done <"$HERE/deps.txt"
	[[ ${#missing[@]} -eq 0 ]] && return 0
	[[ $EUID -eq 0 ]] || die "missing host packages (run as root or install): ${missing[*]}"
	log "installing host packages: ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		-o DPkg::Lock::Timeout=1800 "${missing[@]}" >&2 ||
		die "apt-get install ${missing[*]} failed"
}

# ---------------------------------------------------------------------------
# Private apt state (for trixie / sid packages; the system config is untouched)
# ---------------------------------------------------------------------------
APTDIR=$CACHE/apt
APT_OPTS=(
	-o "Dir::State::Lists=$APTDIR/lists"
	-o "Dir::Cache=$APTDIR/cache"
	-o "Dir::Etc::SourceList=$APTDIR/sources.list"
	-o Dir::Etc::SourceParts=/dev/null
	-o Dir::Etc::Preferences=/dev/null
	-o Dir::Etc::PreferencesParts=/dev/null
	-o Acquire::Languages=none
	-o APT::Get::List-Cleanup=true
)
# apt drops privileges to _apt for downloads, which cannot enter $HOME.
[[ $EUID -ne 0 ]] || APT_OPTS+=(-o APT::Sandbox::User=root)

# Print "main URI" / "security URI" lines from the system's apt sources.
system_debian_uris() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[[ -f $f ]] || continue
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			uris = ""; suites = ""
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^URIs:/)   { sub(/^URIs:[ \t]*/, "", $i); uris = $i }
				if ($i ~ /^Suites:/) { sub(/^Suites:[ \t]*/, "", $i); suites = $i }
			}
			if (uris == "") next
			split(uris, u, /[ \t]+/)
			print (suites ~ /-security/ ? "security" : "main"), u[1]
		}' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[[ -f $f ]] || continue
		awk '$1 == "deb" {
			i = 2
			if ($i ~ /^\[/) { while ($i !~ /\]$/ && i < NF) i++; i++ }
			print ($(i + 1) ~ /-security/ ? "security" : "main"), $i
		}' "$f"
	done
}

apt_private_update() {
	local main sec
	main=$(system_debian_uris | awk '$1 == "main" && $2 ~ /debian\/?$/ { print $2; exit }')
	sec=$(system_debian_uris | awk '$1 == "security" { print $2; exit }')
	main=${main:-http://deb.debian.org/debian}
	sec=${sec:-http://deb.debian.org/debian-security}
	mkdir -p "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	local kr=/usr/share/keyrings/debian-archive-keyring.gpg
	cat >"$APTDIR/sources.list" <<-EOF
		# generated by kernel.sh: private apt sources, never used system-wide
		deb [signed-by=$kr] $main trixie main
		deb [signed-by=$kr] $sec trixie-security main
		deb [signed-by=$kr] $main sid main
	EOF
	log "apt-get update (private state in $APTDIR)"
	apt-get "${APT_OPTS[@]}" -q update >&2 || die "private apt-get update failed"
}

# ---------------------------------------------------------------------------
# Resolve LINE -> PKG, PKGVER, FULLVER; fetch and extract -> SRC
# ---------------------------------------------------------------------------
PKG= PKGVER=
pinfile=$CACHE/resolved/$LINE

deb_path() { echo "$CACHE/debs/${1}_${2//:/%3a}_all.deb"; }
sanitize() { tr -c 'A-Za-z0-9.+~_\n-' '_' <<<"$1"; }

read_pin() {
	[[ -s $pinfile ]] || return 1
	read -r PKG PKGVER <"$pinfile" && [[ -n $PKG && -n $PKGVER ]]
}

write_pin() {
	printf '%s %s\n' "$PKG" "$PKGVER" >"$pinfile.tmp"
	mv -f "$pinfile.tmp" "$pinfile"
}

resolve_6_1() {
	PKG=linux-source-6.1
	local st
	st=$(dpkg-query -W -f='${db:Status-Abbrev} ${Version}' "$PKG" 2>/dev/null || true)
	if [[ $st != ii* ]]; then
		# Not installed: a pinned version whose source is extracted is enough.
		if read_pin && [[ -e $CACHE/src/$(sanitize "$PKGVER")/.fastpath-src-ok ]]; then
			return 0
		fi
		[[ $EUID -eq 0 ]] || die "$PKG is not installed (apt-get install $PKG)"
		log "installing $PKG"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
			-o DPkg::Lock::Timeout=1800 "$PKG" >&2 || die "apt-get install $PKG failed"
		st=$(dpkg-query -W -f='${db:Status-Abbrev} ${Version}' "$PKG")
	fi
	PKGVER=${st##* }
	[[ "$(cat "$pinfile" 2>/dev/null)" == "$PKG $PKGVER" ]] || write_pin
}

# 6.12 / 7.x: pinned version if usable offline, else ask the private apt.
resolve_download() {
	if [[ ${FASTPATH_KERNEL_REFRESH:-0} != 1 ]] && read_pin &&
		{ [[ -e $CACHE/src/$(sanitize "$PKGVER")/.fastpath-src-ok ]] ||
		  [[ -s $(deb_path "$PKG" "$PKGVER") ]]; }; then
		return 0
	fi
	with_lock "$CACHE/locks/apt.lock" apt_resolve_and_download
	read_pin || die "could not resolve kernel line $LINE"
}

apt_resolve_and_download() {
	apt_private_update
	case $LINE in
	6.12) PKG=linux-source-6.12 ;;
	7.x)
		PKG=$(apt-cache "${APT_OPTS[@]}" search --names-only '^linux-source-7\.[0-9]+$' |
			awk '{ print $1 }' | sort -V | tail -n 1)
		[[ -n $PKG ]] || die "no linux-source-7.* package found in sid"
		;;
	esac
	PKGVER=$(apt-cache "${APT_OPTS[@]}" policy "$PKG" | awk '$1 == "Candidate:" { print $2 }')
	[[ -n $PKGVER && $PKGVER != "(none)" ]] || die "no installable version of $PKG"
	log "kernel line $LINE resolved to $PKG $PKGVER"
	local deb tmp
	deb=$(deb_path "$PKG" "$PKGVER")
	if [[ ! -s $deb && ! -e $CACHE/src/$(sanitize "$PKGVER")/.fastpath-src-ok ]]; then
		tmp=$(mktemp -d "$CACHE/debs/tmp.XXXXXX")
		log "downloading $PKG $PKGVER"
		(cd "$tmp" && apt-get "${APT_OPTS[@]}" -q download "$PKG=$PKGVER" >&2) ||
			{ rm -rf "$tmp"; die "apt-get download $PKG=$PKGVER failed"; }
		mv -f "$tmp"/*.deb "$deb"
		rm -rf "$tmp"
	fi
	write_pin
}

extract_src() {
	[[ -e $SRC/.fastpath-src-ok ]] && return 0
	local tmp=$SRC.tmp tarball
	rm -rf "$tmp"
	mkdir -p "$tmp"
	if [[ $LINE == 6.1 ]]; then
		tarball=/usr/src/linux-source-6.1.tar.xz
		[[ -f $tarball ]] || die "$tarball missing (reinstall linux-source-6.1)"
	else
		local deb
		deb=$(deb_path "$PKG" "$PKGVER")
		[[ -s $deb ]] || die "$deb missing"
		log "unpacking $(basename "$deb")"
		dpkg -x "$deb" "$tmp/deb" || die "dpkg -x $deb failed"
		tarball=$(find "$tmp/deb/usr/src" -maxdepth 1 -name 'linux-source-*.tar.*' | head -n 1)
		[[ -n $tarball ]] || die "no linux-source tarball inside $deb"
	fi
	log "extracting $tarball -> $SRC"
	mkdir -p "$tmp/tree"
	tar -xf "$tarball" -C "$tmp/tree" --strip-components=1 || die "extracting $tarball failed"
	[[ -f $tmp/tree/Makefile && -f $tmp/tree/scripts/kconfig/merge_config.sh ]] ||
		die "$tarball does not look like a kernel source tree"
	touch "$tmp/tree/.fastpath-src-ok"
	rm -rf "$SRC"
	mv "$tmp/tree" "$SRC"
	rm -rf "$tmp"
}

case $LINE in
6.1) resolve_6_1 ;;
*) resolve_download ;;
esac
FULLVER=$(sanitize "$PKGVER")
SRC=$CACHE/src/$FULLVER

if [[ $print_src == 1 ]]; then
	with_lock "$CACHE/locks/src-$FULLVER.lock" extract_src
	echo "$SRC"
	exit 0
fi

# ---------------------------------------------------------------------------
# Config inputs and cache key
# ---------------------------------------------------------------------------
FRAGS=("$FRAGDIR/base.config" "$FRAGDIR/net.config" "$FRAGDIR/debug.config")
[[ -f $FRAGDIR/$LINE.config ]] && FRAGS+=("$FRAGDIR/$LINE.config")
OPTFRAG=$FRAGDIR/optional.config
for f in "${FRAGS[@]}" "$OPTFRAG"; do
	[[ -f $f ]] || die "missing config fragment $f"
done

CC_ID=$(gcc --version 2>/dev/null | head -n 1 || echo "no gcc")
KEY=$(
	{
		echo "logic=$CONFIG_LOGIC_VERSION cc=$CC_ID"
		for f in "${FRAGS[@]}" "$OPTFRAG"; do
			echo "== $(basename "$f")"
			cat "$f"
		done
	} | sha256sum
)
KEY=${KEY%% *}
BUILD=$CACHE/build/$FULLVER-${KEY:0:12}
STAMP=$BUILD/.fastpath-build-ok

# Fast path: a finished build for exactly these inputs.
if [[ -f $STAMP && -f $BUILD/arch/x86/boot/bzImage ]]; then
	echo "$BUILD"
	exit 0
fi

# ---------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------
LOGFILE=$BUILD/fastpath-build.log
JOBS=${FASTPATH_JOBS:-$(nproc)}

# Check every requested CONFIG_ line of fragment $1 against the final .config.
# Prints mismatches; returns the number of mismatches.
verify_fragment() {
	local frag=$1 line sym want got bad=0
	while IFS= read -r line; do
		if [[ $line =~ ^(CONFIG_[A-Za-z0-9_]+)=(.*)$ ]]; then
			sym=${BASH_REMATCH[1]} want=${BASH_REMATCH[2]}
		elif [[ $line =~ ^#\ (CONFIG_[A-Za-z0-9_]+)\ is\ not\ set ]]; then
			sym=${BASH_REMATCH[1]} want=n
		else
			continue
		fi
		got=$(grep -m1 -E "^$sym=|^# $sym is not set" "$BUILD/.config" || true)
		case $got in
		"$sym="*) got=${got#*=} ;;
		"") got="(absent)" ;;
		*) got=n ;;
		esac
		if [[ $want == n ]]; then
			[[ $got == n || $got == "(absent)" ]] && continue
		elif [[ $got == "$want" ]]; then
			continue
		fi
		printf '  %-45s requested %-8s got %s  [%s]\n' "$sym" "$want" "$got" "$(basename "$frag")" >&2
		bad=$((bad + 1))
	done <"$frag"
	return "$bad"
}

do_build() {
	# Re-check under the lock: a concurrent caller may have finished it.
	if [[ -f $STAMP && -f $BUILD/arch/x86/boot/bzImage ]]; then
		return 0
	fi
	ensure_deps
	with_lock "$CACHE/locks/src-$FULLVER.lock" extract_src
	mkdir -p "$BUILD"
	log "building $PKG $PKGVER in $BUILD"
	log "log: $LOGFILE"
	{
		echo "=== $(date -u +%FT%TZ) kernel.sh: $PKG $PKGVER, key $KEY"
		echo "=== cc: $CC_ID; fragments: ${FRAGS[*]##*/} ${OPTFRAG##*/}"
	} >>"$LOGFILE"

	local mk=(make -C "$SRC" O="$BUILD")
	# 1. configuration
	if ! {
		"${mk[@]}" tinyconfig &&
			"$SRC/scripts/kconfig/merge_config.sh" -m -O "$BUILD" \
				"$BUILD/.config" "${FRAGS[@]}" "$OPTFRAG" &&
			"${mk[@]}" olddefconfig
	} >>"$LOGFILE" 2>&1; then
		tail -n 30 "$LOGFILE" >&2
		die "kernel configuration failed (see $LOGFILE)"
	fi

	# 2. verify the requested options survived olddefconfig
	local f bad=0 n
	for f in "${FRAGS[@]}"; do
		verify_fragment "$f" || bad=$((bad + $?))
	done
	if [[ $bad -gt 0 ]]; then
		die "$bad requested config option(s) not set as requested (listed above)"
	fi
	n=0
	verify_fragment "$OPTFRAG" 2>"$BUILD/.optional-mismatch" || n=$?
	if [[ $n -gt 0 ]]; then
		log "warning: $n optional config option(s) not applied on $PKGVER:"
		cat "$BUILD/.optional-mismatch" >&2
	fi
	rm -f "$BUILD/.optional-mismatch"

	# 3. compile (bzImage, plus `modules` which also leaves Module.symvers
	#    and the modules_prepare output needed for external module builds)
	log "compiling with -j$JOBS (this takes a few minutes)"
	local t0=$SECONDS
	if ! nice -n 10 "${mk[@]}" -j"$JOBS" bzImage modules >>"$LOGFILE" 2>&1; then
		grep -E 'error|Error' "$LOGFILE" | tail -n 20 >&2 || true
		tail -n 20 "$LOGFILE" >&2
		die "kernel build failed (see $LOGFILE)"
	fi
	local dt=$((SECONDS - t0))
	for f in arch/x86/boot/bzImage .config Module.symvers Makefile \
		scripts/mod/modpost include/generated/autoconf.h; do
		[[ -e $BUILD/$f ]] || die "build finished but $BUILD/$f is missing"
	done
	echo "=== build time: ${dt}s ($(date -u +%FT%TZ))" >>"$LOGFILE"
	log "built $PKGVER in ${dt}s; bzImage $(stat -c %s "$BUILD/arch/x86/boot/bzImage") bytes"
	printf 'package=%s\nversion=%s\nkey=%s\nbuild_seconds=%s\nkernelrelease=%s\n' \
		"$PKG" "$PKGVER" "$KEY" "$dt" \
		"$(cat "$BUILD/include/config/kernel.release" 2>/dev/null)" >"$STAMP.tmp"
	mv -f "$STAMP.tmp" "$STAMP"
}

with_lock "$CACHE/locks/build-$FULLVER-${KEY:0:12}.lock" do_build
[[ -f $STAMP ]] || die "build did not complete"
echo "$BUILD"
