#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The data path (SPEC §3): what takes the fast path and what goes to the
# gateway, and why.  Every case asserts delivery and the path taken, with
# exact counts: the fast path's counters (fpctl stats) and the gateway's
# (nftables counters in the host's forward chain, per destination).
#
# The topology is lib_dp.sh's (SPEC §5; diagram there).
# Traffic is crafted by fpnet send (UDP, sequence numbers) on onprem's op0;
# fpnet recv counts arrivals in the VMs (and their TTL), fpnet tap is the
# VM behind the tap and checks every frame (MAC, checksums, TTL).
#
# Needs: insmod, ip, nft, fpctl, fpnet; tracefs for the tracepoint case.

. ./lib.sh
. ./lib_dp.sh

fp_begin

fp_cleanup_hook() {
	dp_cleanup
	[ -e /sys/kernel/tracing/events/fastpath/enable ] &&
		echo 0 > /sys/kernel/tracing/events/fastpath/enable
}

# Snapshot every counter a case looks at into shell variables b_*.
snap() {
	b_fwd=$(stat circuit er forwarded)
	b_kfwd=$(stat connection k forwarded)
	b_vm1=$(gw vm1)
	b_vm2=$(gw vm2)
	b_vm3=$(gw vm3)
	b_all=$(gw all)
	b_rx1=$(rx "$T/vm1.cnt")
	b_rx16=$(rx "$T/vm16.cnt")
	b_rx2=$(rx "$T/vm2.cnt")
	b_rx3=$(rx "$T/vm3.cnt")
}

setup() {
	insmod "$FP_MODULE" || return 1
	dp_topology || return 1
	# Receivers in the VMs: every FPNT datagram, and its TTL.
	ip netns exec vm1 fpnet recv -a 10.1.0.4 -f "$T/vm1.cnt" -t 63 &
	DP_PIDS="$DP_PIDS $!"
	ip netns exec vm1 fpnet recv -a fd01::4 -f "$T/vm16.cnt" -t 63 &
	DP_PIDS="$DP_PIDS $!"
	ip netns exec vm3 fpnet recv -a 10.2.0.4 -f "$T/vm3.cnt" -t 63 &
	DP_PIDS="$DP_PIDS $!"
	for _f in vm1 vm16 vm3; do
		busywait 30000 test -s "$T/$_f.cnt" ||
			fp_fail "receiver $_f did not start" || return 1
	done
}

# ---- delivery on the fast path ---------------------------------------------

# fast DEST RXFILE SENDER... : N=20 datagrams take the fast path
fast_case() {
	_file=$1
	_gw=$2
	_before_gw=$3
	_before_rx=$4
	shift 4
	"$@" -c 20 || return 1
	busywait 20000 rx_at_least "$_file" $((_before_rx + 20)) ||
		fp_fail "only $(rx "$_file") of $((_before_rx + 20)) arrived"
	delta "received" "$(rx "$_file")" "$_before_rx" 20 || return 1
	delta "fast path" "$(stat circuit er forwarded)" "$b_fwd" 20 || return 1
	delta "connection" "$(stat connection k forwarded)" "$b_kfwd" 20 ||
		return 1
	delta "gateway" "$(gw "$_gw")" "$_before_gw" 0 || return 1
	fp_expect_eq "TTL decremented once" "$(rx "$_file" badttl)" 0 || return 1
	fp_expect_eq "frames intact" "$(rx "$_file" bad)" 0
}

test_fast_v4_veth() {
	snap
	fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4
}

test_fast_v6_veth() {
	snap
	fast_case "$T/vm16.cnt" vm1 "$b_vm1" "$b_rx16" send6 -D fd01::4
}

test_fast_v4_tap() {
	snap
	fast_case "$T/vm2.cnt" vm2 "$b_vm2" "$b_rx2" send4 -D 10.1.0.5
}

test_fast_v6_tap() {
	snap
	fast_case "$T/vm2.cnt" vm2 "$b_vm2" "$b_rx2" send6 -D fd01::5
}

# 40 more VMs' host routes in 10.1.0.0/24 (behind vm2's tap): the /24
# reaches the trie's host-block threshold (32 /32s, kmod/trie.c), so its
# lookups go through the block; vm1 and vm2 still get exactly their own
# traffic, and again once the 40 are gone and the block with them.
test_host_block() {
	_i=20
	: >"$T/hb.add"
	: >"$T/hb.del"
	while [ $_i -lt 60 ]; do
		echo "endpoint add hb$_i vnet hub prefix 10.1.0.$_i dev tapvm2 mac $MAC_VM2" >>"$T/hb.add"
		echo "endpoint del hb$_i" >>"$T/hb.del"
		_i=$((_i + 1))
	done
	ok -batch "$T/hb.add" || return 1
	for _round in block gone; do
		snap
		fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4 ||
			return 1
		delta "not at vm2 ($_round)" "$(rx "$T/vm2.cnt")" "$b_rx2" 0 ||
			return 1
		snap
		fast_case "$T/vm2.cnt" vm2 "$b_vm2" "$b_rx2" send4 -D 10.1.0.5 ||
			return 1
		delta "not at vm1 ($_round)" "$(rx "$T/vm1.cnt")" "$b_rx1" 0 ||
			return 1
		[ $_round = gone ] || ok -batch "$T/hb.del" || return 1
	done
}

# Full-size frames, and replies come back (through the gateway).
test_ping() {
	snap
	ip netns exec onprem ping -c 3 -s 1400 -W 2 10.1.0.4 >/dev/null ||
		return 1
	ip netns exec onprem ping -c 3 -W 2 10.1.0.5 >/dev/null || return 1
	ip netns exec onprem ping -c 3 -W 2 fd01::4 >/dev/null || return 1
	ip netns exec onprem ping -c 3 -W 2 fd01::5 >/dev/null || return 1
	delta "fast path" "$(stat circuit er forwarded)" "$b_fwd" 12 || return 1
	delta "gateway" "$(gw all)" "$b_all" 0
}

# stream ADDR BYTES: BYTES over TCP from onprem to vm1's ADDR (64 KiB
# writes), every byte checked by the sink
stream() {
	rm -f "$T/sink.cnt"
	ip netns exec vm1 fpnet sink -a "$1" -p 5001 -f "$T/sink.cnt" &
	_sink=$!
	busywait 20000 test -s "$T/sink.cnt" ||
		{ kill $_sink; fp_fail "the sink did not start"; return 1; }
	ip netns exec onprem fpnet stream -D "$1" -p 5001 -n "$2" -w 30 ||
		{ kill $_sink; fp_fail "the stream to $1 failed"; return 1; }
	wait $_sink
	fp_expect_eq "sink" "$(cat "$T/sink.cnt")" "bytes=$2 bad=0 done=1"
}

# stream_case ADDR: 4 MiB to ADDR (GSO packets through op0/er0); the data
# segments take the fast path (the ACKs go back through the gateway).
stream_case() {
	snap
	stream "$1" 4194304 || return 1
	_f=$(($(stat circuit er forwarded) - b_fwd))
	[ "$_f" -gt 0 ] || fp_fail "no segment took the fast path" || return 1
	delta "gateway" "$(gw vm1)" "$b_vm1" 0
}

test_tcp_stream_v4() {
	stream_case 10.1.0.4
}

test_tcp_stream_v6() {
	stream_case fd01::4
}

# GRO on the uplink: onprem sends segments of one MTU (no TSO or GSO on
# op0) and er0 merges them (veth NAPI with GRO on).  The fast path gets
# the merged GSO packets and forwards them whole: more than one MTU per
# forwarded packet on average.  With vm1h's MTU below the segments', the
# merged packets do not fit: they are passed (reason mtu), the gateway
# answers Frag Needed, onprem's TCP lowers its segment size, and the
# smaller segments' merged packets take the fast path again; every byte
# arrives either way.
test_gro_uplink() {
	onprem_forget_pmtu
	ip netns exec onprem ethtool -K op0 tso off gso off >/dev/null &&
		ethtool -K er0 gro on >/dev/null || return 1
	# er0's NAPI in a thread of its own: it then polls what the sender
	# queued since it last ran, instead of one packet at every bottom-half
	# enable on the sender's way out (a slow guest merged little then).
	echo 1 >/sys/class/net/er0/threaded || return 1
	snap
	_b=$(stat_bytes circuit er forwarded)
	stream 10.1.0.4 4194304
	_r=$?
	_p=$(($(stat circuit er forwarded) - b_fwd))
	_by=$(($(stat_bytes circuit er forwarded) - _b))
	echo "# gro_uplink: the fast path forwarded $_p packets, $_by bytes" \
		"($((_by / (_p + !_p))) per packet)"
	[ $_r = 0 ] && [ "$_p" -gt 0 ] && [ $((_by / _p)) -gt 1500 ] ||
		fp_fail "no merged packet took the fast path" || _r=1
	delta "gateway" "$(gw vm1)" "$b_vm1" 0 || _r=1
	if [ $_r = 0 ]; then
		ip link set vm1h mtu 1400 || _r=1
		snap
		_m=$(num "$(stat circuit er mtu)")
		stream 10.1.0.4 4194304 || _r=1
		_m=$(($(num "$(stat circuit er mtu)") - _m))
		_p=$(($(stat circuit er forwarded) - b_fwd))
		echo "# gro_uplink: vm1h MTU 1400: $_m passed (mtu), then" \
			"$_p forwarded"
		[ "$_m" -gt 0 ] && [ "$_p" -gt 0 ] ||
			fp_fail "expected passes for mtu, then the fast path" ||
			_r=1
		ip link set vm1h mtu 1500
	fi
	echo 0 >/sys/class/net/er0/threaded
	ethtool -K er0 gro off >/dev/null
	ip netns exec onprem ethtool -K op0 tso on gso on >/dev/null
	onprem_forget_pmtu
	return $_r
}

# onprem forgets the path MTUs it learnt from Frag Needed / Packet Too Big
# (they last ten minutes): a later case's TCP would use smaller segments.
onprem_forget_pmtu() {
	ip -n onprem route flush cache
	ip -n onprem -6 route flush cache
}

# ---- passed to the gateway, and why ----------------------------------------

# pass_case REASON GWCOUNTER RXFILE N SENDER...: N datagrams are passed for
# REASON and the gateway delivers them (RXFILE "-": nothing arrives)
pass_case() {
	_reason=$1
	_gw=$2
	_file=$3
	_n=$4
	shift 4
	_br=$(stat circuit er "$_reason")
	_bgw=$(gw "$_gw")
	_brx=0
	[ "$_file" = - ] || _brx=$(rx "$_file")
	"$@" -c "$_n" || return 1
	if [ "$_file" != - ]; then
		busywait 20000 rx_at_least "$_file" $((_brx + _n)) ||
			fp_fail "only $(($(rx "$_file") - _brx)) of $_n arrived"
		delta "received" "$(rx "$_file")" "$_brx" "$_n" || return 1
		delta "gateway" "$(gw "$_gw")" "$_bgw" "$_n" || return 1
	fi
	reason_delta "$_reason" "$_br" "$_n" || return 1
	delta "fast path" "$(stat circuit er forwarded)" "$b_fwd" 0
}

test_pass_ttl() {
	snap
	_te4=$(icmp te4)
	_te6=$(icmp te6)
	pass_case ttl vm1 - 3 send4 -D 10.1.0.4 -t 1 || return 1
	pass_case ttl vm1 - 2 send6 -D fd01::4 -t 1 || return 1
	busywait 20000 dash -c "[ \$(($(icmp te4) - $_te4)) -ge 3 ]"
	delta "time exceeded (IPv4)" "$(icmp te4)" "$_te4" 3 || return 1
	busywait 20000 dash -c "[ \$(($(icmp te6) - $_te6)) -ge 2 ]"
	delta "time exceeded (IPv6)" "$(icmp te6)" "$_te6" 2
}

test_pass_options() {
	snap
	pass_case bad-header vm1 "$T/vm1.cnt" 3 send4 -D 10.1.0.4 -o
}

test_pass_bad_checksum() {
	snap
	pass_case bad-header vm1 - 3 send4 -D 10.1.0.4 -x || return 1
	delta "gateway drops it" "$(gw vm1)" "$b_vm1" 0 || return 1
	delta "never delivered" "$(rx "$T/vm1.cnt")" "$b_rx1" 0
}

test_pass_vlan() {
	snap
	pass_case vlan vm1 - 3 send4 -D 10.1.0.4 -v 7 || return 1
	delta "never delivered" "$(rx "$T/vm1.cnt")" "$b_rx1" 0
}

test_pass_not_host() {
	snap
	_save=$ER0_MAC
	ER0_MAC=02:00:00:00:99:99
	pass_case not-host vm1 - 2 send4 -D 10.1.0.4
	_r=$?
	ER0_MAC=ff:ff:ff:ff:ff:ff
	[ $_r = 0 ] && pass_case not-host vm1 - 2 send4 -D 10.1.0.4
	_r=$?
	ER0_MAC=$_save
	[ $_r = 0 ] || return 1
	delta "never delivered" "$(rx "$T/vm1.cnt")" "$b_rx1" 0
}

test_pass_not_unicast() {
	snap
	pass_case not-unicast vm1 - 2 send4 -D 224.0.0.99 || return 1
	pass_case not-unicast vm1 - 2 send6 -D ff02::99
}

test_pass_no_route() {
	snap
	pass_case no-route vm1 - 2 send4 -D 10.1.0.99 || return 1
	pass_case no-route vm1 - 2 send6 -D fd01::99
}

test_pass_fastpath_off() {
	snap
	ok connection set k fastpath off || return 1
	pass_case no-route vm1 "$T/vm1.cnt" 5 send4 -D 10.1.0.4
	_r=$?
	ok connection set k fastpath on || return 1
	[ $_r = 0 ] || return 1
	snap
	fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4
}

test_pass_exception() {
	snap
	ok exception add 10.1.0.4/32 vnet hub kind manual || return 1
	pass_case exception vm1 "$T/vm1.cnt" 4 send4 -D 10.1.0.4
	_r=$?
	ok exception del 10.1.0.4/32 vnet hub || return 1
	[ $_r = 0 ] || return 1
	snap
	fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4
}

# vm1 takes its interface down: the host side loses carrier.  The
# gateway still forwards (and the veth drops what it cannot deliver).
test_pass_target_down() {
	snap
	ip netns exec vm1 ip link set eth0 down || return 1
	busywait 20000 dash -c "ip link show vm1h | grep -q NO-CARRIER"
	pass_case target-down vm1 - 3 send4 -D 10.1.0.4
	_r=$?
	ip netns exec vm1 ip link set eth0 up
	ip netns exec vm1 ip route replace default via 10.1.0.1
	ip netns exec vm1 ip -6 route replace default via fd01::1
	[ $_r = 0 ] || return 1
	delta "gateway tried" "$(gw vm1)" "$b_vm1" 3 || return 1
	busywait 20000 dash -c "ip link show vm1h | grep -qv NO-CARRIER" &&
		ping -c 1 -W 2 10.1.0.4 >/dev/null
}

test_pass_mtu() {
	snap
	_fn=$(icmp fn4)
	_ptb=$(icmp ptb6)
	ip link set vm1h mtu 1280 || return 1
	# DF clear: the gateway fragments, vm1 reassembles.
	pass_case mtu vm1 "$T/vm1.cnt" 2 send4 -D 10.1.0.4 -l 1400
	_r=$?
	# DF set: Frag Needed; IPv6: Packet Too Big.
	[ $_r = 0 ] && pass_case mtu vm1 - 2 send4 -D 10.1.0.4 -l 1400 -F
	_r=$?
	[ $_r = 0 ] && pass_case mtu vm1 - 2 send6 -D fd01::4 -l 1400
	_r=$?
	ip link set vm1h mtu 1500
	[ $_r = 0 ] || return 1
	busywait 20000 dash -c "[ \$(($(icmp fn4) - $_fn)) -ge 2 ]"
	delta "frag needed" "$(icmp fn4)" "$_fn" 2 || return 1
	busywait 20000 dash -c "[ \$(($(icmp ptb6) - $_ptb)) -ge 2 ]"
	delta "packet too big" "$(icmp ptb6)" "$_ptb" 2
	_r=$?
	onprem_forget_pmtu
	return $_r
}

# Unresolved: the first packet goes through the gateway (which resolves,
# as does the fast path); once resolved, the fast path takes over.
test_pass_no_neigh() {
	# vm1's own entry for the host goes too: its probe (a unicast ARP
	# request, 5 s after vm1 last sent) would teach the host vm1's MAC.
	ip netns exec vm1 ip neigh flush dev eth0 || return 1
	ip neigh flush dev vm1h || return 1
	snap
	pass_case no-neigh vm1 "$T/vm1.cnt" 1 send4 -D 10.1.0.4 || return 1
	# Resolved is NUD_VALID, what the data path checks: REACHABLE lasts
	# 15-45 s and a slow guest's pass_case can outlast it (then STALE).
	busywait 20000 dash -c "ip neigh show 10.1.0.4 dev vm1h |
		grep -qE 'REACHABLE|STALE|DELAY|PROBE'" ||
		fp_fail "neighbour not resolved: $(ip neigh show 10.1.0.4 dev vm1h)" ||
		return 1
	snap
	fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4
}

# ---- routes beyond the hub ---------------------------------------------------

# Spoke VMs go fast only with peering on (otherwise: an exception).
test_peering() {
	snap
	pass_case exception vm3 "$T/vm3.cnt" 3 send4 -D 10.2.0.4 || return 1
	ok connection set k peering on || return 1
	snap
	fast_case "$T/vm3.cnt" vm3 "$b_vm3" "$b_rx3" send4 -D 10.2.0.4
	_r=$?
	ok connection set k peering off || return 1
	return $_r
}

# A UDR sends hub traffic for the spoke to the NVA, on the fast path.
test_udr() {
	ok udr add 10.2.0.0/16 vnet hub nexthop nva || return 1
	ok connection set k peering on udr on || return 1
	snap
	_nva=$(nft_count nva nva pre spoke)
	send4 -D 10.2.0.4 -c 6 || return 1
	busywait 20000 dash -c "ip netns exec nva nft list chain inet nva pre | grep -q 'packets $((_nva + 6)) '"
	_now=$(nft_count nva nva pre spoke)
	_r=0
	delta "at the NVA" "$_now" "$_nva" 6 || _r=1
	delta "fast path" "$(stat circuit er forwarded)" "$b_fwd" 6 || _r=1
	delta "not at vm3" "$(rx "$T/vm3.cnt")" "$b_rx3" 0 || _r=1
	ok connection set k peering off udr off || return 1
	ok udr del 10.2.0.0/16 vnet hub || return 1
	return $_r
}

# A provider circuit (no ExpressRoute Direct port): IPv6 goes to the
# gateway, IPv4 stays fast; back on Direct, IPv6 is fast again.
test_provider_v6() {
	ok circuit set er port none || return 1
	snap
	pass_case no-route vm1 "$T/vm16.cnt" 4 send6 -D fd01::4
	_r=$?
	if [ $_r = 0 ]; then
		snap
		fast_case "$T/vm1.cnt" vm1 "$b_vm1" "$b_rx1" send4 -D 10.1.0.4
		_r=$?
	fi
	ok circuit set er port 10G || return 1
	[ $_r = 0 ] || return 1
	snap
	fast_case "$T/vm16.cnt" vm1 "$b_vm1" "$b_rx16" send6 -D fd01::4
}

# ---- the tracepoint ----------------------------------------------------------

test_tracepoint() {
	_tr=/sys/kernel/tracing
	[ -d $_tr/events ] || mount -t tracefs tracefs $_tr 2>/dev/null
	[ -d $_tr/events/fastpath ] ||
		fp_fail "no fastpath events in tracefs" || return 1
	# Earlier cases took vm1h down: the host resolves vm1 again first, so
	# that the first packet of each family is forwarded, not no-neigh.
	ping -c 1 -W 5 10.1.0.4 >/dev/null || return 1
	ping -c 1 -W 5 fd01::4 >/dev/null || return 1
	echo > $_tr/trace
	echo 1 > $_tr/events/fastpath/fastpath_packet/enable || return 1
	send4 -D 10.1.0.4 -c 1
	send4 -D 10.1.0.4 -c 1 -t 1
	send4 -D 10.1.0.99 -c 1
	send6 -D fd01::4 -c 1
	ok exception add 10.1.0.4/32 vnet hub kind manual || return 1
	send4 -D 10.1.0.4 -c 1
	ok exception del 10.1.0.4/32 vnet hub || return 1
	echo 0 > $_tr/events/fastpath/fastpath_packet/enable
	cat $_tr/trace >"$T/trace"
	_r=0
	for _want in "daddr=::ffff:10.1.0.4 reason=forwarded exception=-" \
		"daddr=::ffff:10.1.0.4 reason=ttl" \
		"daddr=::ffff:10.1.0.99 reason=no-route" \
		"family=10 saddr=fd00::2 daddr=fd01::4 reason=forwarded" \
		"daddr=::ffff:10.1.0.4 reason=exception exception=manual"; do
		grep -q "$_want" "$T/trace" ||
			fp_fail "trace lacks '$_want'" || _r=1
	done
	[ $_r = 0 ] || cat "$T/trace" >&2
	return $_r
}

# FP_DP_CASES (spaces or commas; default all): the cases to run, the
# others are one SKIP each.  make check runs all of them on one debug
# line and on the stock kernel, and on the other debug lines the cases
# that reach the hook's kernel API (delivery to veth and tap, IPv4 and
# IPv6, GSO, the neighbour table, the tracepoint); every case takes half
# a minute in a debug guest, most of it in the tools that read counters.
dp_case() {
	fp_case_in FP_DP_CASES "$@"
}

set -x
dp_setup
dp_case fast_v4_veth test_fast_v4_veth
dp_case fast_v6_veth test_fast_v6_veth
dp_case fast_v4_tap test_fast_v4_tap
dp_case fast_v6_tap test_fast_v6_tap
dp_case host_block test_host_block
dp_case ping test_ping
dp_case tcp_stream_v4 test_tcp_stream_v4
dp_case tcp_stream_v6 test_tcp_stream_v6
dp_case pass_ttl test_pass_ttl
dp_case pass_options test_pass_options
dp_case pass_bad_checksum test_pass_bad_checksum
dp_case pass_vlan test_pass_vlan
dp_case pass_not_host test_pass_not_host
dp_case pass_not_unicast test_pass_not_unicast
dp_case pass_no_route test_pass_no_route
dp_case pass_fastpath_off test_pass_fastpath_off
dp_case pass_exception test_pass_exception
dp_case pass_target_down test_pass_target_down
dp_case pass_mtu test_pass_mtu
dp_case pass_no_neigh test_pass_no_neigh
dp_case peering test_peering
dp_case udr test_udr
dp_case provider_v6 test_provider_v6
dp_case gro_uplink test_gro_uplink
dp_case tracepoint test_tracepoint
fp_exit
