#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# fastpath next to what else runs on an uplink: nftables netdev chains
# before and after its hook, tc ingress filters, packet sockets, and the
# uplink as a bridge port, a bond and a VLAN device as the circuit's
# device.  Each case sends 20 datagrams from onprem to vm1 and asserts
# where they went, exactly: the fast path's counter, the gateway's, the
# other feature's own counter and what vm1 received.
#
# The topology is lib_dp.sh's (SPEC §5; diagram there); vm1 runs a UDP
# receiver (fpnet recv), not a packet socket, so the data path delivers
# into vm1's veth peer as it does in production.
#
# Needs: insmod, ip, tc, nft, fpctl, fpnet; bridge, bonding and 8021q.

. ./lib.sh
. ./lib_dp.sh

FP_LINKS="$FP_LINKS br0 fpbond er0.100"
fp_begin

# rx: what vm1's receiver counted
rx() {
	cnt "$T/vm1.cnt" rx
}
fast() {
	stat circuit er forwarded
}

# send N [ARGS...]: N datagrams from onprem to vm1
send() {
	_n=$1
	shift
	ip netns exec onprem fpnet send -i op0 -d "$ER0_MAC" -s 10.0.0.2 \
		-D 10.1.0.4 -c "$_n" "$@"
}

# snap: the counters every case compares against
snap() {
	f0=$(fast)
	g0=$(gw vm1)
	r0=$(rx)
}

# expect CASE FAST GATEWAY RECEIVED: the counters moved by exactly that
expect() {
	_r=0
	fp_expect_eq "$1: fast path" "$(($(fast) - f0))" "$2" || _r=1
	fp_expect_eq "$1: gateway" "$(($(gw vm1) - g0))" "$3" || _r=1
	fp_expect_eq "$1: received" "$(($(rx) - r0))" "$4" || _r=1
	return $_r
}

rx_reaches() {
	[ "$(rx)" -ge "$1" ]
}

# nft_pkts CHAIN COMMENT: packets of a rule in the netdev table "coex"
nft_pkts() {
	nft_count - coex "$1" "$2" netdev
}
nft_reaches() {
	[ "$(nft_pkts "$1" "$2")" -ge "$3" ]
}

# coex_chain CHAIN PRIORITY: a netdev ingress chain on er0 in the table
# "coex" that counts vm1's traffic ("seen")
coex_chain() {
	nft -f - <<-EOF
	table netdev coex {
		chain $1 { type filter hook ingress device "er0" priority $2;
			ip daddr 10.1.0.4 counter comment "seen"; }
	}
	EOF
}

# A chain before fastpath's hook (priority 0 < hook_priority 100) sees
# every packet, and what it drops fastpath never sees.
test_nft_before() {
	coex_chain pre 0 || return 1
	snap
	send 20 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	expect nft_before 20 0 20 || return 1
	fp_expect_eq "nft chain before" "$(nft_pkts pre seen)" 20 ||
		return 1
	nft add rule netdev coex pre ip daddr 10.1.0.4 counter drop \
		comment '"dropped"' || return 1
	snap
	send 20 || return 1
	busywait 20000 nft_reaches pre dropped 20
	expect nft_drop 0 0 0 || return 1
	fp_expect_eq "dropped by the chain" "$(nft_pkts pre dropped)" 20
	_r=$?
	nft delete table netdev coex
	return $_r
}

# A chain after fastpath's hook sees only what fastpath passed.
test_nft_after() {
	coex_chain post 200 || return 1
	snap
	send 20 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	expect nft_after 20 0 20 || return 1
	fp_expect_eq "nft chain after, fast traffic" \
		"$(nft_pkts post seen)" 0 || return 1
	# TTL 1: passed to the gateway (which answers Time Exceeded).
	send 5 -t 1 || return 1
	busywait 20000 nft_reaches post seen 5
	fp_expect_eq "nft chain after, passed traffic" \
		"$(nft_pkts post seen)" 5
	_r=$?
	nft delete table netdev coex
	return $_r
}

# tc_pkts: packets the ingress flower filter on er0 matched
tc_pkts() {
	tc -s filter show dev er0 ingress |
		sed -n 's/.*Sent [0-9]* bytes \([0-9]*\) pkt.*/\1/p' | head -n 1
}
tc_reaches() {
	[ "$(num "$(tc_pkts)")" -ge "$1" ]
}

# tc ingress runs before netfilter's ingress hooks: what it drops never
# reaches fastpath; what it lets pass does.
test_tc_ingress() {
	tc qdisc add dev er0 clsact || return 1
	tc filter add dev er0 ingress protocol ip flower dst_ip 10.1.0.4 \
		action drop || return 1
	snap
	send 20 || return 1
	busywait 20000 tc_reaches 20
	_r=0
	expect tc_drop 0 0 0 || _r=1
	fp_expect_eq "tc drop" "$(tc_pkts)" 20 || _r=1
	tc filter del dev er0 ingress || _r=1
	tc filter add dev er0 ingress protocol ip flower dst_ip 10.1.0.4 \
		action pass || _r=1
	snap
	send 20 || _r=1
	busywait 20000 rx_reaches $((r0 + 20))
	expect tc_pass 20 0 20 || _r=1
	fp_expect_eq "tc pass" "$(tc_pkts)" 20 || _r=1
	tc qdisc del dev er0 clsact
	return $_r
}

# tcpdump's view: a packet socket on the uplink sees every packet, and
# the fast path goes on (into the veth peer: the socket taps er0 only).
test_packet_socket() {
	rm -f "$T/cap.cnt"
	fpnet sniff -i er0 -a 10.1.0.4 -t 64 -f "$T/cap.cnt" &
	_cap=$!
	DP_PIDS="$DP_PIDS $_cap"
	busywait 20000 test -s "$T/cap.cnt" || return 1
	snap
	send 20 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	kill "$_cap"
	wait "$_cap"
	_r=0
	expect packet_socket 20 0 20 || _r=1
	fp_expect_eq "packet socket on er0" "$(cnt "$T/cap.cnt" rx)" 20 || _r=1
	fp_expect_eq "frames intact" "$(cnt "$T/cap.cnt" bad)" 0 || _r=1
	return $_r
}

# icmp_te: Time Exceeded messages onprem received
icmp_te() {
	nft_count onprem op input te4
}
te_reaches() {
	[ "$(icmp_te)" -ge "$1" ]
}

uplink_addrs() {	# DEV: the host's onprem-side addresses on DEV
	ip addr replace 10.0.0.1/24 dev "$1" &&
		ip -6 addr replace fd00::1/64 dev "$1" nodad
}

# er0 a bridge port: the hook on er0 runs before the bridge; what it
# passes the bridge delivers up to br0 (the host's address is there now).
test_bridge_port() {
	ip addr flush dev er0 || return 1
	ip link add br0 type bridge || return 1
	ip link set br0 address "$ER0_MAC" || return 1
	ip link set er0 master br0 || return 1
	ip link set br0 up || return 1
	uplink_addrs br0 || return 1
	snap
	send 20 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	_r=0
	expect bridge_fast 20 0 20 || _r=1
	_te=$(icmp_te)
	send 3 -t 1 || _r=1
	busywait 20000 te_reaches $((_te + 3)) ||
		fp_fail "no Time Exceeded through the bridge" || _r=1
	ip netns exec onprem ping -c 1 -W 5 10.0.0.1 >/dev/null ||
		fp_fail "the bridge's address does not answer" || _r=1
	ip link del br0
	ip link set er0 up
	uplink_addrs er0 || _r=1
	return $_r
}

# A bond as the circuit's device: packets reach its hook after the bond's
# rx_handler made them the bond's.  (Not "bond0": loading the bonding
# module makes one of that name.)
test_bond() {
	ip link add fpbond type bond mode active-backup || return 1
	ip link set er0 down
	ip link set er0 master fpbond || return 1
	ip link set fpbond up || return 1
	ok circuit set er dev fpbond || return 1
	snap
	send 20 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	_r=0
	expect bond 20 0 20 || _r=1
	ok circuit set er dev er0 || _r=1
	ip link del fpbond
	ip link set er0 up
	uplink_addrs er0 || _r=1
	return $_r
}

# A VLAN device as the circuit's device: tagged frames reach its hook
# untagged; untagged ones on er0 have no circuit now and go to the gateway.
test_vlan() {
	ip link add link er0 name er0.100 type vlan id 100 || return 1
	ip link set er0.100 up || return 1
	ok circuit set er dev er0.100 || return 1
	snap
	send 20 -v 100 || return 1
	busywait 20000 rx_reaches $((r0 + 20))
	_r=0
	expect vlan_tagged 20 0 20 || _r=1
	snap
	send 20 || _r=1
	busywait 20000 rx_reaches $((r0 + 20))
	expect vlan_untagged 0 20 20 || _r=1
	ok circuit set er dev er0 || _r=1
	ip link del er0.100
	return $_r
}

setup() {
	insmod "$FP_MODULE" || return 1
	dp_topology || return 1
	ip netns exec vm1 fpnet recv -a 10.1.0.4 -f "$T/vm1.cnt" -t 63 &
	DP_PIDS="$DP_PIDS $!"
	busywait 20000 test -s "$T/vm1.cnt"
}

dp_setup
fp_case nft_before test_nft_before
fp_case nft_after test_nft_after
fp_case tc_ingress test_tc_ingress
fp_case packet_socket test_packet_socket
fp_case bridge_port test_bridge_port
fp_case bond test_bond
fp_case vlan test_vlan
fp_exit
