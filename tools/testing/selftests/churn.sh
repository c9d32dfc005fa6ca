#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Configuration churn on two CPUs under traffic of two tenants: a writer
# changes the configuration as fast as fpctl goes, for a fixed count of
# operations, while three floods run and the receivers judge every
# datagram.  Races only show with real concurrency: the guest needs two
# CPUs (make check gives the last kernel line of a run FP_SMP=2); with
# one, the case is skipped.
#
# Topology: lib_dp.sh's (tenant A: circuit "er" on er0, vnet hub
# 10.1.0.0/16, vm1 10.1.0.4 over a veth, vm2 behind the tap), plus tenant
# B with the same addresses as tenant A (tenants pick their own), its
# gateway its own VRF:
#
#   netns onprem: op1 --veth-- er1 (host, in VRF vrfb, table 20):
#   circuit "er2" (subscription B), vnet "hubb" 10.1.0.0/16,
#   vm5 (netns, veth vm5h in vrfb) 10.1.0.4
#
# vm1 and vm5 have the same address: only the circuit a datagram came in
# on tells them apart, and the tenant tag in its payload shows where it
# went.  Floods (fpnet send -c 0, one datagram per GAP_US: 2 ms, 20 ms in
# a debug guest): a to vm1 and b to vm2 over er0, e to vm5 over er1.
# Writer: NCHURN operations (400, 200 in a debug guest), in turn:
# endpoint deleted and added (each tenant), fastpath off and on (each
# tenant), 50 endpoints added and deleted in one batch each, an unrelated
# device (nvah) down and up, a manual exception on vm1 added and deleted,
# the route limit lowered to 2 and back.
#
# Asserts, per flow: no datagram at a VM it was not addressed to (address
# and tenant tag), none with a wrong MAC, checksum or TTL, none twice,
# none lost (every change leaves the gateway to carry what the fast path
# does not); per circuit: the hook counted every datagram sent (the sum of
# its reasons), and what arrived is exactly what the fast path forwarded
# plus what the gateway forwarded.
#
# Needs: two CPUs, insmod, ip, nft, fpctl, fpnet.

. ./lib.sh
. ./lib_dp.sh

# A debug guest (KASAN, lockdep, kmemleak; 7.x with two vCPUs) forwards a
# few hundred datagrams a second in all: at the stock kernel's rates its
# receivers fall behind and drop (fast path + gateway still added up to
# every datagram sent, 63,208 of 63,208), and 400 changes took 683 s.
if fp_debug_guest; then
	GAP_US=${FP_CHURN_GAP_US:-20000}
	NCHURN=${FP_CHURN_OPS:-200}
else
	GAP_US=${FP_CHURN_GAP_US:-2000}
	NCHURN=${FP_CHURN_OPS:-400}
fi
FP_NETNS="$FP_NETNS vm5"
FP_LINKS="$FP_LINKS er1 vm5h vrfb"
DP_TAP_ARGS="-T 2"
fp_begin

if [ "$(grep -c ^processor /proc/cpuinfo)" -lt 2 ]; then
	fp_skip churn "needs two CPUs (FP_SMP=2)"
	exit 0
fi

# reasons CIRCUIT: the sum of the packets of every reason
reasons() {
	fpctl -j stats circuit "$1" |
		sed 's/"packets":/\n/g' | sed -n '2,$s/^\([0-9]*\).*/\1/p' |
		awk '{ s += $1 } END { print s + 0 }'
}

setup() {
	insmod "$FP_MODULE" || return 1
	dp_topology || return 1

	# Tenant B, its gateway the VRF vrfb: the same addresses as tenant A.
	ip link add er1 type veth peer name op1 netns onprem || return 1
	# Every frame on er1 must be the flood's: no IPv6 (MLD reports) on op1.
	ip netns exec onprem sysctl -qw net.ipv6.conf.op1.disable_ipv6=1 ||
		return 1
	ip netns add vm5 || return 1
	ip -batch - <<-EOF || return 1
	link add vrfb type vrf table 20
	link set vrfb up
	link set er1 master vrfb
	link set er1 up
	addr add 10.0.1.1/24 dev er1
	link add vm5h type veth peer name eth0 netns vm5
	link set vm5h master vrfb
	link set vm5h up
	addr add 10.1.0.1/32 dev vm5h
	route add 10.1.0.4/32 dev vm5h table 20
	EOF
	ip -n vm5 -batch - <<-EOF || return 1
	link set lo up
	link set eth0 up
	addr add 10.1.0.4/16 dev eth0
	route add default via 10.1.0.1
	EOF
	ip netns exec onprem ip link set op1 up
	ER1_MAC=$(cat /sys/class/net/er1/address)
	# In a VRF the forward hook's input device is the VRF's: count by
	# the output device.
	nft add rule inet gw forward oifname vm5h ip daddr 10.1.0.4 \
		counter comment '"vm5"' || return 1
	fpctl circuit add er2 subscription $SUB_B tier premium \
		bandwidth 10G port 10G dev er1 || return 1
	fpctl vnet add hubb subscription $SUB_B region westeurope \
		sku ErGw3AZ spaces 10.1.0.0/16 || return 1
	fpctl endpoint add vm5 vnet hubb prefix 10.1.0.4 dev vm5h || return 1
	fpctl connection add kb circuit er2 vnet hubb fastpath on || return 1
	ping -I vrfb -c 1 -W 2 10.1.0.4 >/dev/null || return 1
	ping -c 1 -W 2 10.1.0.5 >/dev/null || return 1

	awk 'BEGIN { for (i = 0; i < 50; i++)
		printf "endpoint add x%d vnet hub prefix 10.1.60.%d/32\n", i, i + 1 }' \
		>"$T/xadd"
	awk 'BEGIN { for (i = 0; i < 50; i++) printf "endpoint del x%d\n", i }' \
		>"$T/xdel"
}

# One operation of the writer, by number.
churn_op() {
	case $(($1 % 18)) in
	0) fpctl endpoint del vm1 ;;
	1) fpctl endpoint add vm1 vnet hub prefix 10.1.0.4 dev vm1h ;;
	2) fpctl connection set k fastpath off ;;
	3) fpctl connection set k fastpath on ;;
	4) fpctl -batch "$T/xadd" ;;
	5) fpctl -batch "$T/xdel" ;;
	6) ip link set nvah down ;;
	7) ip link set nvah up ;;
	8) fpctl exception add 10.1.0.4/32 vnet hub kind manual ;;
	9) fpctl exception del 10.1.0.4/32 vnet hub ;;
	10) fpctl circuit set er route-limit 2 ;;
	11) fpctl circuit set er route-limit 0 ;;
	12) fpctl endpoint del vm5 ;;
	13) fpctl endpoint add vm5 vnet hubb prefix 10.1.0.4 dev vm5h ;;
	14) fpctl connection set kb fastpath off ;;
	15) fpctl connection set kb fastpath on ;;
	16) fpctl endpoint set vm2 mac 02:00:00:00:00:05 ;;
	17) fpctl endpoint set vm2v6 mac 02:00:00:00:00:05 ;;
	esac
}

test_churn() {
	_r=0
	dp_sniff vm1 "$T/a.cnt" 1 10.1.0.4 fd01::4 || return 1
	dp_sniff vm5 "$T/e.cnt" 5 10.1.0.4 || return 1
	dp_tap_reset || return 1
	r0_er=$(reasons er)
	r0_er2=$(reasons er2)
	f0_er=$(stat circuit er forwarded)
	f0_er2=$(stat circuit er2 forwarded)
	g0_a=$(gw vm1)
	g0_b=$(gw vm2)
	g0_e=$(nft_count - gw forward vm5)

	dp_flood a op0 "$ER0_MAC" 10.0.0.2 10.1.0.4 1
	dp_flood b op0 "$ER0_MAC" 10.0.0.2 10.1.0.5 2
	dp_flood e op1 "$ER1_MAC" 10.0.1.2 10.1.0.4 5
	busywait 20000 test -s "$T/vm2.cnt" || return 1

	_t0=$(fp_now_ms)
	_i=0
	_fails=0
	while [ $_i -lt "$NCHURN" ]; do
		churn_op $_i >/dev/null 2>"$T/op.err" || {
			_fails=$((_fails + 1))
			fp_fail "operation $_i: $(cat "$T/op.err")"
		}
		_i=$((_i + 1))
	done
	_t1=$(fp_now_ms)
	# The writer ends where it started (every pair undone): let the
	# fast path serve the last datagrams, then stop.
	dp_floods_stop "$T/a.cnt" "$T/vm2.cnt" "$T/e.cnt" || return 1
	echo "# churn: $NCHURN operations in $((_t1 - _t0)) ms ($_fails failed)" \
		"on $(grep -c ^processor /proc/cpuinfo) CPUs"
	[ $_fails = 0 ] || _r=1

	for _fl in a b e; do
		case $_fl in
		a) _file=$T/a.cnt.final _gwn=vm1 ;;
		b) _file=$T/vm2.cnt.final _gwn=vm2 ;;
		e) _file=$T/e.cnt.final _gwn=vm5 ;;
		esac
		_sent=$(cnt "$T/$_fl.sent" sent)
		_err=$(cnt "$T/$_fl.sent" err)
		_uniq=$(cnt "$_file" uniq)
		eval "_g=\$((\$(nft_count - gw forward $_gwn) - g0_$_fl))"
		echo "# churn: flow $_fl: sent $_sent ($_err refused by op0)," \
			"received $_uniq, the gateway forwarded $_g," \
			"lost $((_sent - _err - _uniq))"
		for _c in wrong bad badttl dup; do
			fp_expect_eq "flow $_fl: $_c" "$(cnt "$_file" $_c)" 0 ||
				_r=1
		done
		fp_expect_eq "flow $_fl: lost" "$((_sent - _err - _uniq))" 0 ||
			_r=1
		eval "sent_$_fl=\$((_sent - _err)) uniq_$_fl=\$_uniq gwd_$_fl=\$_g"
	done
	# Every datagram on er0 (er1) passed through the hook, counted once.
	fp_expect_eq "circuit er: counted" "$(($(reasons er) - r0_er))" \
		"$((sent_a + sent_b))" || _r=1
	fp_expect_eq "circuit er2: counted" "$(($(reasons er2) - r0_er2))" \
		"$sent_e" || _r=1
	# What arrived came one way or the other, never both.
	_fwd=$(($(stat circuit er forwarded) - f0_er))
	echo "# churn: circuit er: fast path $_fwd, gateway $((gwd_a + gwd_b))"
	fp_expect_eq "circuit er: fast + gateway = received" \
		"$((_fwd + gwd_a + gwd_b))" "$((uniq_a + uniq_b))" || _r=1
	_fwd=$(($(stat circuit er2 forwarded) - f0_er2))
	echo "# churn: circuit er2: fast path $_fwd, gateway $gwd_e"
	fp_expect_eq "circuit er2: fast + gateway = received" \
		"$((_fwd + gwd_e))" "$uniq_e" || _r=1
	return $_r
}

dp_setup
fp_case churn test_churn
fp_exit
