#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run all fpctl tests (from tools/fpctl, after "make"): the unit tests, the
# netlink tests, the command-line tests and the man page check.  Each
# prints "N passed, N failed" last; this sums them into one closing line of
# the same form and fails if anything failed or a test did not finish.

cd "$(dirname "$0")/.." || exit 1
total_pass=0
total_fail=0

# tally NAME OUTPUT-FILE STATUS
tally() {
	last=$(tail -n 1 "$2")
	p=$(echo "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1/p')
	f=$(echo "$last" | sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "FAIL - $1 did not finish (exit status $3)"
		p=0
		f=1
	elif [ "$3" != 0 ] && [ "$f" = 0 ]; then
		echo "FAIL - $1 exited with status $3"
		f=1
	fi
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
}

out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT

for t in tests/test_utils tests/test_nl tests/test_objects tests/test_stats "sh tests/test_cli.sh ./fpctl"; do
	echo "== $t"
	$t >"$out" 2>&1
	rc=$?
	grep -v '^ok - ' "$out"
	tally "$t" "$out" "$rc"
done

echo "== man page"
if [ -f fpctl.8 ]; then
	if groff -man -ww -z fpctl.8 >"$out" 2>&1 && [ ! -s "$out" ]; then
		echo "ok - fpctl.8 renders without groff warnings"
		total_pass=$((total_pass + 1))
	else
		cat "$out"
		echo "FAIL - fpctl.8 has groff warnings"
		total_fail=$((total_fail + 1))
	fi
else
	echo "# SKIP: fpctl.8 not built (rst2man missing)"
fi

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
