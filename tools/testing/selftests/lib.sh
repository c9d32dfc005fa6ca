#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Helpers shared by the fastpath netns selftests (busybox sh in the guest,
# or any POSIX sh with iproute2 on a host).
#
#   fp_case NAME FUNCTION [ARGS...]  run one case, print its FP-CASE verdict
#   fp_skip NAME REASON              record a skipped case
#   fp_case_in VAR NAME FUNCTION...  fp_case if $VAR (names separated by
#                                    spaces or commas, unset: all) has NAME,
#                                    else one SKIP naming VAR
#   busywait TIMEOUT_MS CMD...       retry CMD until it succeeds or time runs out
#   fp_fail MSG                      print a diagnostic (case continues)
#   fp_exit                          exit 1 if any case failed, else 0
#   fp_debug_guest                   true in a debug test kernel
#
# fpctl helpers (the script sets $T to a scratch directory first):
#   run ARGS...     fpctl ARGS; output in $T/out and $T/err, status in $rc
#   ok ARGS...      the same, and it must succeed (else say why, return 1)
#   field NAME      the first "NAME":value in the JSON in $T/out
#
# Fixture (fp_begin):
#   fp_begin        make the scratch directory $T and install the EXIT trap
#                   fp_cleanup: fp_cleanup_hook (if the script defines one:
#                   stop its processes, close its descriptors), then delete
#                   the namespaces in $FP_NETNS and the devices in
#                   $FP_LINKS, unload the module, remove $T
#   FP_MODULE       the module to insmod (default /lib/modules/fastpath.ko)
#   SUB_A, SUB_B    two subscription UUIDs
#
# A case function returns non-zero on failure; it should print why.

FP_SUITE=${FP_SUITE:-$(basename "$0" .sh)}
FP_MODULE=${FP_MODULE:-/lib/modules/fastpath.ko}
SUB_A=0f8fad5b-d9cb-469f-a165-70867728950e
SUB_B=7c9e6679-7425-40de-944b-e07fc1f90ae7
FP_NETNS=
FP_LINKS=
T=
fp_failed=0
fp_passed=0

fp_cleanup() {
	[ "$(command -v fp_cleanup_hook)" = fp_cleanup_hook ] &&
		fp_cleanup_hook
	for _ns in $FP_NETNS; do
		ip netns del "$_ns" 2>/dev/null
	done
	for _dev in $FP_LINKS; do
		ip link del "$_dev" 2>/dev/null
	done
	rmmod fastpath 2>/dev/null
	[ -n "$T" ] && rm -rf "$T"
}

fp_begin() {
	T=$(mktemp -d) || exit 1
	trap fp_cleanup EXIT
}

fp_fail() {
	echo "# $FP_SUITE: $*" >&2
	return 1
}

fp_case() {
	_name=$1
	shift
	_t0=$(fp_now_ms)
	if "$@"; then
		_res=PASS
		fp_passed=$((fp_passed + 1))
	else
		_res=FAIL
		fp_failed=$((fp_failed + 1))
	fi
	# The case's own time (guest seconds), for the schedule in check.sh.
	echo "FP-CASE: $_res $FP_SUITE/$_name ($(( ($(fp_now_ms) - _t0) / 1000 )) s)"
}

fp_skip() {
	echo "FP-CASE: SKIP $FP_SUITE/$1 ($2)"
}

fp_case_in() {
	eval "_sel=\${$1:-all}"
	_sel=$(echo "$_sel" | tr , " ")
	case " $_sel " in
	" all "|*" $2 "*) shift; fp_case "$@" ;;
	*) fp_skip "$2" "not in $1 here; make dkms-check runs all" ;;
	esac
}

fp_exit() {
	[ "$fp_failed" -eq 0 ]
	exit
}

# A debug test kernel (kmemleak, KASAN, lockdep): everything is slower.
fp_debug_guest() {
	[ -e /sys/kernel/debug/kmemleak ]
}

# Time in milliseconds since boot, from /proc/uptime.
fp_now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

busywait() {
	_timeout=$1
	shift
	_start=$(fp_now_ms)
	while :; do
		"$@" && return 0
		[ $(($(fp_now_ms) - _start)) -ge "$_timeout" ] && return 1
		sleep 0.05
	done
}

# fp_expect_eq WHAT GOT WANT
fp_expect_eq() {
	[ "$2" = "$3" ] && return 0
	fp_fail "$1: got '$2', want '$3'"
}

run() {
	fpctl "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

ok() {
	run "$@"
	[ "$rc" = 0 ] && return 0
	fp_fail "fpctl $*: exit $rc: $(cat "$T/err")"
}

field() {
	sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p" "$T/out" | head -n 1
}
