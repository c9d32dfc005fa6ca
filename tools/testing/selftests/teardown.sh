#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Teardown at scale: a namespace holding 64 circuits x 1,000 routes goes
# away, and the module unloads holding the same (16 x 250 on a debug
# kernel).  Both times are printed
# (no timing assertion; Documentation/performance.rst keeps the figures),
# next to a namespace with the same devices and no fastpath objects.  The
# harness's kmemleak, lockdep and dmesg scans judge what is left behind.
#
#   netns fp-td-big (and, for the unload, fp-td-unload): 64 dummy uplinks
#   er0..er63, circuits c0..c63 on them (hooks attached), vnets v0..v3 of
#   1,000 endpoints each (10.V.x.y/32), every vnet connected to 16
#   circuits: 64 circuits x 1,000 published routes
#
#   netns fp-td-bare: the same 64 dummy devices, nothing of fastpath
#
# The namespace's cleanup runs later, in the kernel's netns workqueue
# (cleanup_net): its duration is taken from the workqueue tracepoints.
#
# Needs: insmod/rmmod, ip, fpctl, tracefs; the module at $FP_MODULE.

. ./lib.sh

BIG=fp-td-big
BARE=fp-td-bare
UNL=fp-td-unload
FP_NETNS="$BIG $BARE $UNL"
# The figures are the stock kernel's (make dkms-check); a debug kernel
# (kmemleak, KASAN, lockdep: loading 64,000 routes takes minutes there)
# checks the same paths with 16 circuits x 250 routes.
if fp_debug_guest; then
	NC=${FP_TD_CIRCUITS:-16}
	NE=${FP_TD_ROUTES:-250}
else
	NC=${FP_TD_CIRCUITS:-64}
	NE=${FP_TD_ROUTES:-1000}
fi
TR=/sys/kernel/tracing

fp_cleanup_hook() {
	[ -d $TR/events/workqueue ] || return 0
	echo 0 > $TR/events/workqueue/workqueue_execute_start/enable
	echo 0 > $TR/events/workqueue/workqueue_execute_end/enable
}
fp_begin

# config FILE: the whole configuration as one fpctl batch
config() {
	awk -v nc="$NC" -v ne="$NE" -v sub_a="$SUB_A" 'BEGIN {
		for (c = 0; c < nc; c++)
			printf "circuit add c%d subscription %s dev er%d tier premium bandwidth 10G port 10G\n",
				c, sub_a, c
		for (v = 0; v < nc / 16; v++) {
			printf "vnet add v%d subscription %s region westeurope sku ErGw3AZ spaces 10.%d.0.0/16\n",
				v, sub_a, v
			for (e = 0; e < ne; e++)
				printf "endpoint add v%de%d vnet v%d prefix 10.%d.%d.%d/32\n",
					v, e, v, v, int(e / 250), e % 250 + 1
			for (c = v * 16; c < v * 16 + 16 && c < nc; c++)
				printf "connection add k%d circuit c%d vnet v%d fastpath on\n",
					c, c, v
		}
	}' >"$1"
}

# devices NS: the namespace with its 64 dummy uplinks, up
devices() {
	ip netns add "$1" || return 1
	_i=0
	while [ $_i -lt "$NC" ]; do
		echo "link add er$_i type dummy"
		echo "link set er$_i up"
		_i=$((_i + 1))
	done >"$T/links"
	ip -n "$1" -batch "$T/links"
}

# populate NS: devices and the whole configuration, every route installed
populate() {
	devices "$1" || return 1
	config "$T/config"
	_t0=$(fp_now_ms)
	ip netns exec "$1" fpctl -batch "$T/config" >"$T/out" 2>"$T/err" ||
		{ fp_fail "batch: $(head -n 3 "$T/err")"; return 1; }
	_t1=$(fp_now_ms)
	echo "# $1: $NC circuits x $NE routes loaded in $((_t1 - _t0)) ms"
	_last=$((NC - 1))
	_got=$(ip netns exec "$1" fpctl -j circuit show c$_last |
		sed -E 's/.*"installed":([0-9]+),"pending":([0-9]+).*/\1 \2/')
	fp_expect_eq "c$_last installed, pending" "$_got" "$NE 0"
}

# cleanup_ms NS: delete the namespace; print how long the kernel's
# cleanup_net() ran for it (the workqueue tracepoints' timestamps)
cleanup_ms() {
	echo > $TR/trace
	echo 1 > $TR/events/workqueue/workqueue_execute_start/enable
	echo 1 > $TR/events/workqueue/workqueue_execute_end/enable
	ip netns del "$1" || return 1
	busywait 120000 grep -q 'workqueue_execute_end.*cleanup_net' $TR/trace ||
		{ fp_fail "cleanup_net did not finish"; return 1; }
	echo 0 > $TR/events/workqueue/workqueue_execute_start/enable
	echo 0 > $TR/events/workqueue/workqueue_execute_end/enable
	awk '/function cleanup_net/ {
		for (i = 1; i <= NF; i++)
			if ($i ~ /^[0-9]+\.[0-9]+:$/)
				t = substr($i, 1, length($i) - 1)
		if ($0 ~ /execute_start/)
			s = t
		else if (s != "")
			e = t
	}
	END { if (s == "" || e == "") exit 1; printf "%d\n", (e - s) * 1000 }' \
		$TR/trace
}

test_netns_exit() {
	[ -d $TR/events/workqueue ] || mount -t tracefs tracefs $TR 2>/dev/null
	[ -d $TR/events/workqueue ] ||
		fp_fail "no workqueue events in tracefs" || return 1
	insmod "$FP_MODULE" || return 1
	devices $BARE || return 1
	_bare=$(cleanup_ms $BARE) || return 1
	populate $BIG || return 1
	_big=$(cleanup_ms $BIG) || return 1
	echo "# namespace exit: $NC circuits x $NE routes: ${_big} ms;" \
		"the same devices without fastpath objects: ${_bare} ms"
	# Nothing of the namespace's state is left for a new one.
	ip netns add $BIG || return 1
	ip netns exec $BIG fpctl circuit list >"$T/out" 2>"$T/err" ||
		{ fp_fail "fresh namespace: $(cat "$T/err")"; return 1; }
	fp_expect_eq "circuits in a fresh namespace" "$(cat "$T/out")" ""
}

test_unload() {
	[ -d /sys/module/fastpath ] || insmod "$FP_MODULE" || return 1
	populate $UNL || return 1
	_t0=$(fp_now_ms)
	rmmod fastpath || { fp_fail "rmmod failed"; return 1; }
	_t1=$(fp_now_ms)
	echo "# module unload holding $NC circuits x $NE routes: $((_t1 - _t0)) ms"
	[ ! -d /sys/module/fastpath ] || fp_fail "module still loaded"
}

fp_case netns_exit test_netns_exit
fp_case unload test_unload
fp_exit
