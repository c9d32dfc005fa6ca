#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Device handling: circuits and endpoints name their device by ifindex;
# their ACTIVE flag follows the device (registered in the namespace,
# running, carrier) when it goes down and up, loses carrier, is renamed,
# moves to another netns and back, and is deleted; the published tables
# hold tracked references that never keep a device from going away, also
# when the module is unloaded while it holds them; "fpctl monitor" sees
# every ACTIVE change a device causes.
#
#   init netns
#     er0  (veth, peer er0p)  - uplink of circuit er1
#     vm1  (veth, peer vm1p)  - device of endpoint ep1 (moved to fp-dev
#                               and back)
#     vm2  (veth, peer vm2p)  - device of endpoint ep2 (deleted)
#     vm3  (veth, peer vm3p)  - device of endpoint ep3 (stays down)
#   netns fp-dev              - where vm1 visits
#
#   circuit er1 (Direct 10G) <- connection k1 (fastpath) -> vnet hub
#   (10.1.0.0/16, ErGw3AZ) with endpoints ep1, ep2, ep3
#
# Needs: insmod, rmmod, ip, fpctl; the module at $FP_MODULE.

. ./lib.sh

NS=fp-dev
FP_NETNS=$NS
FP_LINKS="er0 vm1 vm2 vm3 vmx"
monitor_pid=

fp_cleanup_hook() {
	[ -n "$monitor_pid" ] && kill "$monitor_pid" 2>/dev/null
}
fp_begin

# show OBJ NAME FIELD: one field of "fpctl -j OBJ show NAME"
show() {
	fpctl -j "$1" show "$2" >"$T/out" 2>"$T/err" || {
		echo "error: $(cat "$T/err")"
		return 0
	}
	field "$3"
}

is_active() {
	[ "$(show "$1" "$2" active)" = "$3" ]
}

# active OBJ NAME WANT: ACTIVE of OBJ NAME becomes WANT (true/false)
active() {
	busywait 5000 is_active "$1" "$2" "$3" && return 0
	fp_fail "$1 $2: active is '$(show "$1" "$2" active)', want '$3'"
}

ifindex() {
	cat "/sys/class/net/$1/ifindex"
}

# veth NAME: a veth pair NAME/NAMEp, both ends up (so NAME has carrier)
veth() {
	ip link add "$1" type veth peer name "$1p" &&
		ip link set "$1p" up && ip link set "$1" up
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip netns add "$NS" || return 1
	veth er0 && veth vm1 && veth vm2 || return 1
	ip link add vm3 type veth peer name vm3p || return 1
	ok circuit add er1 subscription $SUB_A dev er0 bandwidth 10G \
		port 10G || return 1
	ok vnet add hub subscription $SUB_A region westeurope sku ErGw3AZ \
		spaces 10.1.0.0/16 || return 1
	ok connection add k1 circuit er1 vnet hub fastpath on || return 1
	ok endpoint add ep1 vnet hub prefix 10.1.0.1 dev vm1 || return 1
	ok endpoint add ep2 vnet hub prefix 10.1.0.2 dev vm2 || return 1
	ok endpoint add ep3 vnet hub prefix 10.1.0.3 dev vm3
}

# ACTIVE is computed when an object is created or its device changes.
test_created() {
	# No busywait: it must be right in the reply to the add.
	fp_expect_eq "er1" "$(show circuit er1 active)" true || return 1
	fp_expect_eq "ep1" "$(show endpoint ep1 active)" true || return 1
	fp_expect_eq "ep3 (down)" "$(show endpoint ep3 active)" false ||
		return 1
	ok endpoint set ep3 dev vm2 || return 1
	fp_expect_eq "ep3 on vm2" "$(show endpoint ep3 active)" true ||
		return 1
	ok endpoint set ep3 dev vm3 || return 1
	fp_expect_eq "ep3 back on vm3" "$(show endpoint ep3 active)" false
}

test_down_up() {
	ip link set vm1 down || return 1
	active endpoint ep1 false || return 1
	ip link set vm1 up || return 1
	active endpoint ep1 true || return 1
	# Carrier: the peer going down takes it away.
	ip link set vm1p down || return 1
	active endpoint ep1 false || return 1
	ip link set vm1p up || return 1
	active endpoint ep1 true || return 1
	ip link set er0 down || return 1
	active circuit er1 false || return 1
	ip link set er0 up || return 1
	active circuit er1 true
}

# A rename keeps the binding (the ifindex), and the name shown follows.
test_rename() {
	idx=$(ifindex vm1)
	ip link set vm1 down && ip link set vm1 name vmx &&
		ip link set vmx up || return 1
	active endpoint ep1 true || return 1
	fp_expect_eq "ifindex" "$(show endpoint ep1 ifindex)" "$idx" ||
		return 1
	fp_expect_eq "dev" "$(show endpoint ep1 dev)" vmx || return 1
	ip link set vmx down && ip link set vmx name vm1 &&
		ip link set vm1 up || return 1
	active endpoint ep1 true
}

# A move is an unregister here; back with the same ifindex it binds again.
test_netns_move() {
	idx=$(ifindex vm1)
	ip link set vm1 netns "$NS" || return 1
	active endpoint ep1 false || return 1
	fp_expect_eq "ifindex kept" "$(show endpoint ep1 ifindex)" "$idx" ||
		return 1
	# Up in the other namespace: still not ours.
	ip -n "$NS" link set vm1 up || return 1
	sleep 0.2
	fp_expect_eq "up elsewhere" "$(show endpoint ep1 active)" false ||
		return 1
	ip -n "$NS" link set vm1 netns 1 || return 1
	fp_expect_eq "same ifindex back" "$(ifindex vm1)" "$idx" || return 1
	# Moved devices come back down.
	active endpoint ep1 false || return 1
	ip link set vm1 up || return 1
	active endpoint ep1 true
}

# Deleting a device the tables hold finishes, and the objects stay, inactive.
test_delete() {
	ip link del vm2 || return 1
	busywait 5000 test ! -e /sys/class/net/vm2 ||
		{ fp_fail "vm2 still exists"; return 1; }
	active endpoint ep2 false || return 1
	fp_expect_eq "ep2 prefix" "$(show endpoint ep2 prefix)" 10.1.0.2/32 ||
		return 1
	ip link del er0 || return 1
	active circuit er1 false || return 1
	# A new device is a new ifindex: the objects stay inactive ...
	veth vm2 && veth er0 || return 1
	sleep 0.2
	fp_expect_eq "ep2 new vm2" "$(show endpoint ep2 active)" false ||
		return 1
	# ... until pointed at it.
	ok endpoint set ep2 dev vm2 || return 1
	ok circuit set er1 dev er0 || return 1
	active endpoint ep2 true && active circuit er1 true
}

# events: the device-driven changes "fpctl monitor" printed so far, as
# "<verb> <object> <name> active <state>"
events() {
	awk '$3 == "name" {
		for (i = 5; i < NF; i++)
			if ($i == "active")
				print $1, $2, $4, "active", $(i + 1)
	}' "$T/mon"
}

# monitor_ready: a probe change (a vnet: no ACTIVE) has reached it
monitor_ready() {
	fpctl vnet set hub region westeurope >/dev/null 2>&1
	grep -q "^set vnet name hub" "$T/mon"
}

# wait_events N: the monitor has printed N device-driven events
wait_events() {
	busywait 5000 test "$(events | wc -l)" -ge "$1" && return 0
	fp_fail "want $1 events, monitor printed: $(cat "$T/mon")"
}

# A change of ACTIVE caused by a device is announced like a configuration
# change: one "set" per object on the device, showing the new state.
test_monitor() {
	fpctl monitor >"$T/mon" 2>&1 &
	monitor_pid=$!
	busywait 20000 monitor_ready ||
		{ fp_fail "monitor never reported: $(cat "$T/mon")"; return 1; }
	ip link set vm1 down && wait_events 1 || return 1
	ip link set vm1 up && wait_events 2 || return 1
	ip link set er0 down && wait_events 3 || return 1
	ip link set er0 up && wait_events 4 || return 1
	# a change that leaves ACTIVE as it is (vm3 has no carrier) says nothing
	ip link set vm3 up && ip link set vm3 down || return 1
	ip link set vm1 down && wait_events 5 || return 1
	ip link set vm1 up && wait_events 6 || return 1
	kill "$monitor_pid"
	monitor_pid=
	fp_expect_eq "events" "$(events)" \
"set endpoint ep1 active no
set endpoint ep1 active yes
set circuit er1 active no
set circuit er1 active yes
set endpoint ep1 active no
set endpoint ep1 active yes"
}

# Unload while the tables hold every device, then delete the devices.
test_unload_held() {
	active endpoint ep1 true && active endpoint ep2 true || return 1
	rmmod fastpath || { fp_fail "rmmod failed"; return 1; }
	for d in vm1 vm2 vm3 er0; do
		ip link del "$d" || { fp_fail "del $d failed"; return 1; }
	done
	busywait 5000 test ! -e /sys/class/net/vm1 ||
		{ fp_fail "vm1 still exists"; return 1; }
	# And the module comes back clean.
	insmod "$FP_MODULE" || return 1
	ok circuit list && fp_expect_eq "empty" "$(cat "$T/out")" ""
}

if setup; then
	fp_case created test_created
	fp_case down_up test_down_up
	fp_case rename test_rename
	fp_case monitor test_monitor
	fp_case netns_move test_netns_move
	fp_case delete test_delete
	fp_case unload_held test_unload_held
else
	fp_case setup false
fi
fp_exit
