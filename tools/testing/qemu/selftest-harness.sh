#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Prove that the harness can fail (make check-harness; not part of make
# check).  Each scenario boots the guest with one planted defect and must
# come out red with the expected reason:
#
#   kunit     a KUnit case that fails         -> "kunit/..harness_fails"
#   selftest  a netns selftest case that fails -> "selftest_must_fail/.."
#   warn      a module that WARNs (panic_on_warn) -> "no FP-DONE", "kernel/warn"
#   leak      a module that leaks memory      -> "kmemleak: N unreferenced"
#   lockdep   a module with an AB-BA mutex inversion
#                                  -> "possible circular locking dependency"
#   rcu       a module with rcu_dereference() outside rcu_read_lock()
#                                             -> "suspicious RCU usage"
#   rc        a script exits non-zero without a failed case
#                                             -> "exited 1 without a failed case"
#   hang      a script that never finishes    -> its process in "hang|" lines,
#                                                "hang_must_fail/hang"
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
kver=${1:-6.1}
work="$top/build/harness-selftest/$kver"
rm -rf "$work"
mkdir -p "$work"

kdir=$("$here/kernel.sh" "$kver") || exit 1
cp "$here"/harness-selftest/* "$work/"
make -s -C "$kdir" M="$work" modules >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

ok=0
bad=0

# scenario NAME EXPECTED_REGEX ONLY [RUN.SH OPTION...]: run the selftests
# matching ONLY with $work/NAME as the extra root; must fail as expected.
scenario() {
	local name=$1 want=$2 out
	out=$(FP_TIMEOUT=600 "$here/run.sh" --only "$3" "${@:4}" \
		--extra "$work/$name" --label "harness-$name" "$kver" 2>&1)
	local rc=$?
	last_out=$out
	if [ $rc -ne 0 ] && grep -Eq "$want" <<<"$out"; then
		echo "harness: PASS $name turned red as expected"
		ok=$((ok + 1))
	else
		echo "harness: FAIL $name (rc=$rc), output was:"
		tail -20 <<<"$out"
		bad=$((bad + 1))
	fi
}

mkdir -p "$work/kunit/lib/modules"
cp "$work/fp_failing_kunit.ko" "$work/kunit/lib/modules/"
# only the planted module: fastpath's own suites take minutes under TCG
scenario kunit 'FAIL: .*kunit/fastpath_harness_must_fail/harness_fails' kunit \
	--kunit 'fp_failing*'


mkdir -p "$work/selftest/selftests"
cat >"$work/selftest/selftests/selftest_must_fail.sh" <<'EOS'
. ./lib.sh
fp_case passes true
fp_case fails false
fp_exit
EOS
scenario selftest 'FAIL: .*selftest_must_fail/fails' selftest_must_fail

# planted NAME MODULE WANT: a selftest that loads MODULE must fail with WANT
# (a WARN kills the guest; the leak shows in the kmemleak scan; lockdep and
# RCU reports print at warning level and show through the dmesg scan).
planted() {
	mkdir -p "$work/$1/selftests" "$work/$1/lib/modules"
	cp "$work/$2.ko" "$work/$1/lib/modules/"
	cat >"$work/$1/selftests/${1}_must_fail.sh" <<EOS
. ./lib.sh
fp_case insmod_$1 insmod /lib/modules/$2.ko
fp_exit
EOS
	scenario "$1" "$3" "${1}_must_fail"
}
planted warn fp_warn 'no FP-DONE'
planted leak fp_leak 'kmemleak: [0-9]+ unreferenced'
planted lockdep fp_lockdep 'kernel/lockdep: .*possible circular locking dependency'
planted rcu fp_rcu 'kernel/lockdep: .*suspicious RCU usage'

mkdir -p "$work/rc/selftests"
cat >"$work/rc/selftests/rc_must_fail.sh" <<'EOS'
. ./lib.sh
fp_case passes true
exit 1
EOS
scenario rc 'exited 1 without a failed case' rc_must_fail

# A script that never finishes: the watchdog (lib_hang.sh) shows the stuck
# process and fails the script long before QEMU's timeout.
mkdir -p "$work/hang/selftests"
cat >"$work/hang/selftests/hang_must_fail.sh" <<'EOS'
. ./lib.sh
fp_case passes true
sleep 100000
fp_exit
EOS
scenario hang 'FAIL: .*hang_must_fail/hang' hang_must_fail \
	--append fp.script_limit=20
if grep -Eq '^ *hang\| pid [0-9]+ state S .*sleep 100000' <<<"$last_out"; then
	echo "harness: PASS hang showed the stuck process"
	ok=$((ok + 1))
else
	echo "harness: FAIL hang did not show the stuck process"
	bad=$((bad + 1))
fi

echo "$ok passed, $bad failed"
[ $bad -eq 0 ]
