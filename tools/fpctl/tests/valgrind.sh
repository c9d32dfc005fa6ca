#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the unit tests and typical fpctl invocations under valgrind (from
# tools/fpctl, after "make"); fails on any memory error or leak.  fpctl's
# own exit status (1 when the module is not loaded) is not a failure: only
# valgrind's --error-exitcode (99) is.

cd "$(dirname "$0")/.." || exit 1
VALGRIND=${VALGRIND:-valgrind --quiet --leak-check=full \
	--errors-for-leak-kinds=definite,indirect,possible}
VG="$VALGRIND --error-exitcode=99"
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT
bad=0

vg() {
	$VG "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ "$rc" = 99 ] || grep -q '^==[0-9]*==' "$T/err"; then
		echo "FAIL - valgrind: $*"
		cat "$T/err"
		bad=$((bad + 1))
	else
		echo "ok - valgrind clean (exit $rc): $*"
	fi
}

printf '# batch\ndebug family nlctrl\nbogus\ndebug family nope\nhelp\n' \
	>"$T/batch"
printf 'debug family "unterminated\n' >"$T/quote"

vg tests/test_utils
vg tests/test_nl
vg tests/test_objects
vg ./fpctl version
vg ./fpctl -j -p version
vg ./fpctl -V
vg ./fpctl help
vg ./fpctl bogus
vg ./fpctl -n fpctl-no-such-netns version
vg ./fpctl debug family nlctrl
vg ./fpctl -j debug family nlctrl
vg ./fpctl debug family nope
vg ./fpctl -force -batch "$T/batch"
vg ./fpctl -batch "$T/quote"
vg ./fpctl -batch /nonexistent

echo "valgrind: $bad failure(s)"
[ "$bad" = 0 ]
