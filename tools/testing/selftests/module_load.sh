#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Module lifecycle: the generic netlink family "fastpath" exists exactly
# while the module is loaded, in every network namespace (netnsok), and
# 100 load/unload cycles (FP_LOAD_CYCLES; fewer on the kernel lines that
# repeat them, tools/testing/qemu/check.sh) leave nothing behind (kmemleak
# and lockdep are checked by the harness after all tests).
#
#   +--------------------+      +--------------------+
#   | init netns         |      | netns fp-probe     |
#   |  fpctl version     |      |  fpctl version     |
#   +--------------------+      +--------------------+
#            \                           /
#             '---- fastpath.ko (genl family) ----'
#
# Needs: insmod/rmmod, ip, fpctl; the module at $FP_MODULE.

. ./lib.sh

NS=fp-probe
FP_NETNS=$NS
want_version=$(cat ./VERSION)
fp_begin

loaded() {
	[ -d /sys/module/fastpath ]
}

# "fpctl version" exits 0 only when it reached the module over netlink.
family_present() {
	fpctl version >/dev/null 2>&1
}

family_absent() {
	! fpctl version >/dev/null 2>&1
}

test_absent_when_unloaded() {
	loaded && { fp_fail "module already loaded"; return 1; }
	out=$(fpctl version 2>&1)
	rc=$?
	fp_expect_eq "exit status" "$rc" 1 || return 1
	case "$out" in
	*"module not loaded"*) ;;
	*) fp_fail "no clear error without the module: $out"; return 1 ;;
	esac
	fpctl version 2>/dev/null | grep -q '^fpctl ' ||
		fp_fail "tool version line missing"
}

test_version_reported() {
	insmod "$FP_MODULE" || return 1
	fp_expect_eq "sysfs version" "$(cat /sys/module/fastpath/version)" \
		"$want_version" || return 1
	out=$(fpctl -j version) || { fp_fail "fpctl -j version failed"; return 1; }
	out=$(echo "$out" | tr -d ' \n\t')
	want="\"module\":{\"version\":\"$want_version\",\"uapi\":1,\"kernel\":\"$(uname -r)\"}"
	case "$out" in
	*"$want"*) ;;
	*) fp_fail "want $want in: $out"; return 1 ;;
	esac
	rmmod fastpath
}

test_netns_visible() {
	ip netns add "$NS" || return 1
	insmod "$FP_MODULE" || return 1
	ip netns exec "$NS" fpctl version >/dev/null ||
		{ fp_fail "family not visible in netns $NS"; return 1; }
	rmmod fastpath || return 1
	ip netns exec "$NS" fpctl version >/dev/null 2>&1 &&
		{ fp_fail "family still visible in $NS after rmmod"; return 1; }
	ip netns del "$NS"
}

CYCLES=${FP_LOAD_CYCLES:-100}

test_load_unload() {
	i=0
	while [ $i -lt "$CYCLES" ]; do
		insmod "$FP_MODULE" || { fp_fail "insmod #$i"; return 1; }
		family_present || { fp_fail "family missing after load #$i"; return 1; }
		rmmod fastpath || { fp_fail "rmmod #$i"; return 1; }
		loaded && { fp_fail "module still present after rmmod #$i"; return 1; }
		family_absent || { fp_fail "family present after unload #$i"; return 1; }
		i=$((i + 1))
	done
	echo "# load_unload: $i cycles"
	fp_expect_eq "cycles" "$i" "$CYCLES"
}

# Namespaces created and destroyed while the module is loaded, and the
# module unloaded while namespaces still exist.
test_netns_churn() {
	insmod "$FP_MODULE" || return 1
	i=0
	while [ $i -lt 20 ]; do
		ip netns add "fp-churn$i" || return 1
		i=$((i + 1))
	done
	i=0
	while [ $i -lt 10 ]; do
		ip netns del "fp-churn$i" || return 1
		i=$((i + 1))
	done
	rmmod fastpath || return 1
	while [ $i -lt 20 ]; do
		ip netns del "fp-churn$i" || return 1
		i=$((i + 1))
	done
}

fp_case absent_when_unloaded test_absent_when_unloaded
fp_case version_reported test_version_reported
fp_case netns_visible test_netns_visible
fp_case load_unload test_load_unload
fp_case netns_churn test_netns_churn
fp_exit
