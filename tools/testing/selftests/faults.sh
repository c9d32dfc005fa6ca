#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The data path under faults (SPEC §3, "never a blackhole"): while two
# floods run from onprem, one to vm1 over a veth and one to vm2 over the
# tap, each case breaks one thing and clears it again.  Every case asserts
# that no packet reached a VM it was not addressed to or arrived damaged
# (wrong MAC, checksum or TTL), that the fast path served before the fault
# and again after it, and for each flow what the fault may do to it:
#
#   fast      untouched: no loss, the gateway's counter for it does not move
#   gateway   the gateway carries it while the fast path cannot: its counter
#             rises, and delivery never stops for longer than GRACE_MS of
#             send time (what is lost is what was in flight)
#   brief     may go through the gateway for a moment (or not at all):
#             delivery never stops for longer than GRACE_MS
#   down      nobody can deliver it during the fault (its VM's link or the
#             uplink is gone): loss is expected; it must come back
#   nva       a UDR sends it to the NVA during the fault (the fast path
#             still serves it, to another next hop): the NVA's counter
#             rises, and what the VM did not get is exactly what the NVA got
#
# and prints per flow: sent, received, via the gateway, lost, longest gap.
# The topology is lib_dp.sh's (SPEC §5; diagram there), plus a namespace
# of its own for the "namespace deleted under traffic" case:
#
#   netns onprem: op2 --veth-- er2 (netns tenant: circuit "t", endpoint on
#   tv0 --veth-- tv1, a VM in the same namespace)
#
# Floods: fpnet send -c 0 (one datagram every GAP_US: 2 ms, 10 ms in a
# debug guest; sequence numbers and send times); receivers: fpnet sniff on vm1's eth0 (it follows the name:
# a deleted link's replacement is picked up) and the tap VM, both given
# the flow's tag: anything else arriving there is "wrong".  (A packet
# socket bound to no device would turn off the data path's delivery into
# veth peers.)
#
# Needs: insmod/rmmod, ip, nft, fpctl, fpnet.

. ./lib.sh
. ./lib_dp.sh

# A debug guest (KASAN, lockdep, kmemleak) forwards a few hundred
# datagrams a second in all: its floods send one per 10 ms.
if fp_debug_guest; then
	GAP_US=${FP_FAULT_GAP_US:-10000}
else
	GAP_US=${FP_FAULT_GAP_US:-2000}
fi
GRACE_MS=${FP_FAULT_GRACE_MS:-200}
FP_NETNS="$FP_NETNS vm4 park tenant"
FP_LINKS="$FP_LINKS vm4h"
DP_TAP_ARGS="-T 2"
fp_begin

# ---- flows -------------------------------------------------------------------
#
# Flow a: onprem -> vm1 10.1.0.4 (veth), tag 1, judged by fpnet sniff in vm1.
# Flow b: onprem -> vm2 10.1.0.5 (tap), tag 2, judged by the tap VM.
# Flow c: onprem -> vm3 10.2.0.4 (spoke), tag 3, judged by fpnet sniff in vm3.
# Flow d: onprem -> vm4 10.4.0.4 (vnet "ext" of another subscription,
# connected with an authorization key), tag 4, fpnet sniff in vm4.

flow_dst() {
	case $1 in
	a) echo 10.1.0.4 ;; b) echo 10.1.0.5 ;; c) echo 10.2.0.4 ;;
	d) echo 10.4.0.4 ;;
	esac
}
flow_tag() {
	case $1 in a) echo 1 ;; b) echo 2 ;; c) echo 3 ;; d) echo 4 ;; esac
}
flow_vm() {
	case $1 in a) echo vm1 ;; b) echo vm2 ;; c) echo vm3 ;; d) echo vm4 ;; esac
}
flow_addrs() {
	case $1 in
	a) echo "10.1.0.4 fd01::4" ;; c) echo 10.2.0.4 ;; d) echo 10.4.0.4 ;;
	esac
}
flow_file() {
	case $1 in b) echo "$T/vm2.cnt" ;; *) echo "$T/$1.cnt" ;; esac
}

rx_of() {
	cnt "$(flow_file "$1")" rx
}
sent_of() {
	cnt "$T/$1.sent" sent
}

# flows_start FLOWS...: receivers (fresh counts), then the floods
flows_start() {
	for _f in "$@"; do
		case $_f in
		b) dp_tap_reset || return 1 ;;
		# shellcheck disable=SC2046
		*) dp_sniff "$(flow_vm "$_f")" "$(flow_file "$_f")" \
			"$(flow_tag "$_f")" $(flow_addrs "$_f") || return 1 ;;
		esac
	done
	for _f in "$@"; do
		dp_flood "$_f" op0 "$ER0_MAC" 10.0.0.2 "$(flow_dst "$_f")" \
			"$(flow_tag "$_f")"
	done
}

# flows_stop FLOWS...: the floods end, then each receiver's final report
flows_stop() {
	_files=
	for _f in "$@"; do
		_files="$_files $(flow_file "$_f")"
	done
	# shellcheck disable=SC2086
	dp_floods_stop $_files
}

# ---- counters ------------------------------------------------------------------

gw_of() {
	gw "$(flow_vm "$1")"
}

# delivered FLOW N: flow FLOW's receiver has counted at least N datagrams
delivered() {
	[ "$(rx_of "$1")" -ge "$2" ]
}

# fast_again FLOW: 50 more datagrams of FLOW arrived and none of them went
# through the gateway: the fast path serves it (again)
fast_again() {
	_g0=$(gw_of "$1")
	_r0=$(rx_of "$1")
	busywait 10000 delivered "$1" $((_r0 + 50)) || return 1
	[ "$(gw_of "$1")" = "$_g0" ]
}

# gw_rises FLOW N: the gateway forwarded N more of FLOW than at $g0_FLOW
gw_rises() {
	eval "_g0=\$g0_$1"
	[ "$(gw_of "$1")" -ge $((_g0 + $2)) ]
}

# nva_rises N: the NVA counted N more datagrams for the spoke than at $n0
nva_rises() {
	[ "$(nft_count nva nva pre spoke)" -ge $((n0 + $1)) ]
}

# sent_more FLOW N: the flood of FLOW sent N more since the fault began
sent_more() {
	eval "_s0=\$s0_$1"
	[ "$(sent_of "$1")" -ge $((_s0 + $2)) ]
}

# ---- one fault -------------------------------------------------------------------

# fault NAME "FLOW:EXPECT ..." FAULT CLEAR: run FAULT under traffic, wait
# for its effect, run CLEAR, wait for the fast path, judge every flow
fault() {
	_name=$1
	_spec=$2
	_flows=
	for _fe in $_spec; do
		_flows="$_flows ${_fe%%:*}"
	done
	# shellcheck disable=SC2086
	flows_start $_flows || return 1
	_ok=0
	for _f in $_flows; do
		busywait 20000 fast_again "$_f" ||
			fp_fail "$_name: flow $_f not on the fast path before the fault" ||
			_ok=1
		eval "g0_$_f=\$(gw_of $_f)"
		eval "s0_$_f=\$(sent_of $_f)"
	done
	case "$_spec" in *:nva*) n0=$(nft_count nva nva pre spoke) ;; esac
	if [ $_ok = 0 ]; then
		$3 || { fp_fail "$_name: the fault ($3) failed"; _ok=1; }
	fi
	if [ $_ok = 0 ]; then
		for _fe in $_spec; do
			_f=${_fe%%:*}
			case ${_fe#*:} in
			gateway)
				busywait 20000 gw_rises "$_f" 25 ||
					fp_fail "$_name: the gateway did not take flow $_f" ||
					_ok=1
				;;
			nva)
				busywait 20000 nva_rises 25 ||
					fp_fail "$_name: the NVA did not get flow $_f" ||
					_ok=1
				;;
			*)
				busywait 20000 sent_more "$_f" 100
				;;
			esac
		done
		$4 || { fp_fail "$_name: clearing the fault ($4) failed"; _ok=1; }
		for _fe in $_spec; do
			_f=${_fe%%:*}
			busywait 30000 fast_again "$_f" ||
				fp_fail "$_name: flow $_f did not return to the fast path" ||
				_ok=1
		done
	fi
	# shellcheck disable=SC2086
	flows_stop $_flows || return 1
	for _fe in $_spec; do
		judge_flow "$_name" "${_fe%%:*}" "${_fe#*:}" || _ok=1
	done
	return $_ok
}

# judge_flow CASE FLOW EXPECT: print the flow's figures and judge them
judge_flow() {
	_file=$(flow_file "$2").final
	_sent=$(sent_of "$2")
	_uniq=$(num "$(cnt "$_file" uniq)")
	_gap=$(num "$(cnt "$_file" maxgap_us)")
	eval "_gw=\$((\$(gw_of $2) - g0_$2))"
	_lost=$((_sent - _uniq))
	echo "# $1: flow $2 ($3): sent $_sent, received $_uniq, the gateway" \
		"forwarded $_gw of them during the case, lost $_lost, longest gap" \
		"$((_gap / 1000)) ms"
	_r=0
	for _c in wrong bad badttl dup; do
		fp_expect_eq "$1: flow $2: $_c" "$(cnt "$_file" "$_c")" 0 || _r=1
	done
	case $3 in
	fast)
		fp_expect_eq "$1: flow $2: lost" "$_lost" 0 || _r=1
		fp_expect_eq "$1: flow $2: via the gateway" "$_gw" 0 || _r=1
		;;
	nva)
		fp_expect_eq "$1: flow $2: lost at the VM - got by the NVA" \
			$((_lost - $(nft_count nva nva pre spoke) + n0)) 0 ||
			_r=1
		;;
	gateway|brief)
		[ $((_gap / 1000)) -le "$GRACE_MS" ] ||
			fp_fail "$1: flow $2: delivery stopped for $((_gap / 1000)) ms (grace $GRACE_MS ms)" ||
			_r=1
		;;
	esac
	return $_r
}

# ---- the faults ------------------------------------------------------------------

ep_del() { fpctl endpoint del vm1; }
ep_add() { fpctl endpoint add vm1 vnet hub prefix 10.1.0.4 dev vm1h; }

fp_off() { fpctl connection set k fastpath off; }
fp_on() { fpctl connection set k fastpath on; }

neigh_flush() { ip neigh flush dev vm1h; }
nothing() { :; }

# The host's route to vm1 goes with the link; the neighbour table too.
vm1_down() { ip link set vm1h down; }
vm1_up() {
	ip link set vm1h up || return 1
	ip -6 addr replace fd01::1/128 dev vm1h nodad
	ip route replace 10.1.0.4/32 dev vm1h
	ip -6 route replace fd01::4/128 dev vm1h
}

vm1_del() { ip link del vm1h; }
vm1_new() {
	veth_link vm1 vm1h 10.1.0.4 fd01::4 10.1.0.1 || return 1
	# A new device, a new ifindex: the operator points the endpoints at it.
	fpctl endpoint set vm1 dev vm1h && fpctl endpoint set vm1v6 dev vm1h
}

# Moved away and back, the device keeps its ifindex: the endpoints bind
# to it again; its addresses and routes are the operator's to restore.
vm1_away() { ip link set vm1h netns park; }
vm1_back() {
	ip -n park link set vm1h netns 1 || return 1
	ip link set vm1h up
	ip addr add 10.1.0.1/32 dev vm1h
	ip -6 addr add fd01::1/128 dev vm1h nodad
	ip route replace 10.1.0.4/32 dev vm1h
	ip -6 route replace fd01::4/128 dev vm1h
}

er0_addrs() {
	ip link set er0 up || return 1
	ip addr replace 10.0.0.1/24 dev er0
	ip -6 addr replace fd00::1/64 dev er0 nodad
}
er0_down() { ip link set er0 down; }
er0_up() { er0_addrs; }

# Linux 6.1 renames only a device that is down; later lines rename it up.
er0_rename() {
	if [ "$LIVE_RENAME" = 1 ]; then
		ip link set er0 name erx
	else
		ip link set er0 down && ip link set er0 name erx &&
			ip link set erx up
	fi
}
er0_name_back() {
	if [ "$LIVE_RENAME" = 1 ]; then
		ip link set erx name er0
	else
		ip link set erx down && ip link set erx name er0 && er0_addrs
	fi
}

# The uplink deleted (its driver unloaded, say) and made again with the
# same hardware addresses: a new ifindex, which the operator gives the
# circuit.  The floods send on the new op0 as soon as it exists.
er0_del() { ip link del er0; }
er0_new() {
	dp_uplink "$ER0_MAC" "$OP0_MAC" || return 1
	fpctl circuit set er dev er0
}

er0_away() { ip link set er0 netns park; }
er0_back() {
	ip -n park link set er0 netns 1 && er0_addrs
}

# The VM's NIC replaced: its link goes down, comes back with another MAC,
# and the operator puts that MAC in the endpoint before the link is up.
# vm1's endpoint has had its MAC as a static one since the case began;
# nothing may arrive with the old one once the link is up again.
VM1_NEW_MAC=02:00:00:00:01:04
vm1_mac_change() {
	ip -n vm1 link set eth0 down &&
		ip -n vm1 link set eth0 address $VM1_NEW_MAC &&
		fpctl endpoint set vm1 mac $VM1_NEW_MAC
}
vm1_mac_up() {
	ip -n vm1 link set eth0 up &&
		ip -n vm1 route replace default via 10.1.0.1
}

circuit_del() {
	fpctl connection del k && fpctl circuit del er
}
circuit_add() {
	fpctl circuit add er subscription $SUB_A tier premium bandwidth 10G \
		port 10G dev er0 &&
		fpctl connection add k circuit er vnet hub fastpath on
}

limit_low() { fpctl circuit set er route-limit 1; }
limit_default() { fpctl circuit set er route-limit 0; }

# 1,000 endpoints added to the hub in one batch, and deleted in another:
# the vnet's other routes must never leave the fast path.
batch_add() {
	awk 'BEGIN { for (i = 0; i < 1000; i++)
		printf "endpoint add b%d vnet hub prefix 10.1.%d.%d/32\n",
			i, 100 + int(i / 250), i % 250 + 1 }' >"$T/badd"
	fpctl -batch "$T/badd" >/dev/null
}
batch_del() {
	awk 'BEGIN { for (i = 0; i < 1000; i++)
		printf "endpoint del b%d\n", i }' >"$T/bdel"
	fpctl -batch "$T/bdel" >/dev/null
}

peering_off() { fpctl connection set k peering off; }
peering_on() { fpctl connection set k peering on; }

udr_on() { fpctl connection set k udr on; }
udr_off() { fpctl connection set k udr off; }

pl_off() { fpctl connection set k private-link off; }
pl_on() { fpctl connection set k private-link on; }

# A new key for the same authorization name, and the connection made with it.
auth_new() {
	fpctl auth add a4 circuit er >"$T/auth" || return 1
	_key=$(sed -n 's/.* key \([0-9a-f]\{32\}\).*/\1/p' "$T/auth")
	fpctl connection add k4 circuit er vnet ext fastpath on auth-key "$_key"
}
auth_revoke() { fpctl auth del a4 circuit er; }

mod_unload() { rmmod fastpath; }
mod_load() {
	insmod "$FP_MODULE" && dp_configure &&
		fpctl vnet add ext subscription $SUB_B region westeurope \
			sku ErGw3AZ spaces 10.4.0.0/16 &&
		fpctl endpoint add vm4 vnet ext prefix 10.4.0.4 dev vm4h
}

test_endpoint_readd() {
	fault endpoint_readd "a:gateway b:fast" ep_del ep_add
}
test_fastpath_off_on() {
	fault fastpath_off_on "a:gateway b:gateway" fp_off fp_on
}
test_neigh_flush() {
	fault neigh_flush "a:brief b:fast" neigh_flush nothing
}
test_target_down_up() {
	fault target_down_up "a:down b:fast" vm1_down vm1_up
}
test_target_delete() {
	fault target_delete "a:down b:fast" vm1_del vm1_new
}
test_target_netns_move() {
	fault target_netns_move "a:down b:fast" vm1_away vm1_back
}
test_circuit_dev_down_up() {
	fault circuit_dev_down_up "a:down b:down" er0_down er0_up
}
test_circuit_dev_rename() {
	if [ "$LIVE_RENAME" = 1 ]; then
		fault circuit_dev_rename "a:fast b:fast" er0_rename \
			er0_name_back
	else
		fault circuit_dev_rename "a:down b:down" er0_rename \
			er0_name_back
	fi
}
test_circuit_dev_delete() {
	fault circuit_dev_delete "a:down b:down" er0_del er0_new
}
test_static_mac_change() {
	_r=0
	_mac=$(ip netns exec vm1 cat /sys/class/net/eth0/address)
	ok endpoint set vm1 mac "$_mac" || return 1
	fault static_mac_change "a:down b:fast" vm1_mac_change vm1_mac_up ||
		_r=1
	# Back to the VM's first MAC, learnt from the neighbour table again.
	ip -n vm1 link set eth0 address "$_mac" || _r=1
	ok endpoint set vm1 mac none || _r=1
	ip neigh flush dev vm1h
	return $_r
}
test_circuit_dev_netns_move() {
	fault circuit_dev_netns_move "a:down b:down" er0_away er0_back
}
test_circuit_delete() {
	fault circuit_delete "a:gateway b:gateway" circuit_del circuit_add
}
test_route_limit() {
	# Which one route stays installed is the compiler's choice: both
	# flows may go either way, but neither may stop.
	fault route_limit "a:brief b:brief" limit_low limit_default
}
test_batch_1000() {
	fault batch_1000 "a:fast b:fast" batch_add batch_del
}
test_peering_flip() {
	ok connection set k peering on || return 1
	fault peering_flip "c:gateway b:fast" peering_off peering_on
	_r=$?
	ok connection set k peering off || _r=1
	return $_r
}
# A UDR on the hub sends the spoke's traffic to the NVA while the
# connection's udr flag is on (SPEC §3); the flag flips under the flood.
test_udr_flip() {
	ok udr add 10.2.0.0/16 vnet hub nexthop nva || return 1
	ok connection set k peering on || return 1
	fault udr_flip "c:nva b:fast" udr_on udr_off
	_r=$?
	ok connection set k peering off || _r=1
	ok udr del 10.2.0.0/16 vnet hub || _r=1
	return $_r
}
# A private endpoint's exception on vm1, lifted by private-link on a Direct
# circuit: turning the flag off sends vm1's traffic to the gateway.
test_private_link_flip() {
	ok exception add 10.1.0.4/32 vnet hub kind private-endpoint || return 1
	ok connection set k private-link on || return 1
	fault private_link_flip "a:gateway b:fast" pl_off pl_on
	_r=$?
	ok connection set k private-link off || _r=1
	ok exception del 10.1.0.4/32 vnet hub || _r=1
	return $_r
}

# Revoking the authorization deletes the connection made with it.
test_auth_revoke() {
	auth_new || { fp_fail "auth: $(cat "$T/auth")"; return 1; }
	fault auth_revoke "d:gateway b:fast" auth_revoke auth_new
	_r=$?
	fpctl auth del a4 circuit er || _r=1
	return $_r
}

test_module_reload() {
	fault module_reload "a:gateway b:gateway" mod_unload mod_load
}

# A namespace holding a circuit whose hook forwards a flood is deleted
# under that flood: its state goes while packets are in the hook.
test_netns_delete() {
	_r=0
	ip netns add tenant || return 1
	ip link add op2 netns onprem type veth peer name er2 netns tenant ||
		return 1
	ip -n tenant link add tv0 type veth peer name tv1 || return 1
	for _d in er2 tv0 tv1; do
		ip -n tenant link set $_d up
	done
	ip -n onprem link set op2 up
	ip -n tenant addr add 10.8.0.1/24 dev er2
	ip -n tenant addr add 10.9.0.2/24 dev tv1
	_mac=$(ip netns exec tenant cat /sys/class/net/er2/address)
	_vmmac=$(ip netns exec tenant cat /sys/class/net/tv1/address)
	_t="ip netns exec tenant fpctl"
	{ $_t circuit add t subscription $SUB_A tier premium bandwidth 10G \
		port 10G dev er2 &&
	  $_t vnet add tv subscription $SUB_A region westeurope sku ErGw3AZ \
		spaces 10.9.0.0/16 &&
	  $_t endpoint add tvm vnet tv prefix 10.9.0.2 dev tv0 mac "$_vmmac" &&
	  $_t connection add tk circuit t vnet tv fastpath on; } \
		>"$T/out" 2>"$T/err" ||
		{ fp_fail "tenant config: $(cat "$T/err")"; return 1; }
	dp_flood t op2 "$_mac" 10.8.0.2 10.9.0.2 9
	_tfwd() {
		ip netns exec tenant fpctl -j stats circuit t |
			sed -n 's/.*"forwarded":{"packets":\([0-9]*\).*/\1/p'
	}
	_tfast() {
		[ "$(num "$(_tfwd)")" -ge 50 ]
	}
	busywait 20000 _tfast ||
		fp_fail "the tenant's fast path forwarded only $(_tfwd)" || _r=1
	_n=$(_tfwd)
	s0_t=$(sent_of t)
	ip netns del tenant || _r=1
	# The flood runs on into a link that is gone, then stops.
	busywait 20000 sent_more t 100
	for _p in $DP_FLOODS; do
		kill "$_p" 2>/dev/null
		wait "$_p" 2>/dev/null
	done
	DP_FLOODS=
	echo "# netns_delete: the tenant's fast path forwarded $_n before the" \
		"namespace went; flood: $(cat "$T/t.sent")"
	return $_r
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip netns add park || return 1
	dp_topology || return 1
	# vm4 in vnet "ext" of subscription B, reached with an authorization.
	veth_vm vm4 vm4h 10.4.0.4 "" 10.4.0.1 || return 1
	fpctl vnet add ext subscription $SUB_B region westeurope sku ErGw3AZ \
		spaces 10.4.0.0/16 || return 1
	fpctl endpoint add vm4 vnet ext prefix 10.4.0.4 dev vm4h || return 1
	nft add rule inet gw forward iifname er0 ip daddr 10.4.0.4 \
		counter comment '"vm4"' || return 1
	ping -c 1 -W 2 10.4.0.4 >/dev/null || return 1
	# Can this kernel rename a device that is up (6.12 and later)?
	LIVE_RENAME=0
	ip link add fpren type dummy && ip link set fpren up &&
		ip link set fpren name fpren2 2>/dev/null && LIVE_RENAME=1
	ip link del fpren 2>/dev/null
	ip link del fpren2 2>/dev/null
	return 0
}

dp_setup
echo "# faults: floods of one datagram per $GAP_US us, grace $GRACE_MS ms"
# In a debug guest a case takes 1-2 minutes (every program start is slow
# there): it runs the cases that reach the most code under KASAN and
# lockdep (a circuit unpublished and its hook detached, a module unload
# and a namespace exit under traffic); every case runs on the stock kernel
# (make dkms-check).  FP_FAULT_CASES=all runs all; a list may be
# separated by spaces or commas (commas pass through a kernel command
# line: make check gives the later lines their own cases that way).
if fp_debug_guest; then
	FP_FAULT_CASES=${FP_FAULT_CASES:-"circuit_delete module_reload netns_delete"}
fi

fault_case() {
	fp_case_in FP_FAULT_CASES "$@"
}

fault_case endpoint_readd test_endpoint_readd
fault_case fastpath_off_on test_fastpath_off_on
fault_case neigh_flush test_neigh_flush
fault_case target_down_up test_target_down_up
fault_case target_delete test_target_delete
fault_case target_netns_move test_target_netns_move
fault_case static_mac_change test_static_mac_change
fault_case circuit_dev_down_up test_circuit_dev_down_up
fault_case circuit_dev_rename test_circuit_dev_rename
fault_case circuit_dev_delete test_circuit_dev_delete
fault_case circuit_dev_netns_move test_circuit_dev_netns_move
fault_case circuit_delete test_circuit_delete
fault_case route_limit test_route_limit
fault_case batch_1000 test_batch_1000
fault_case peering_flip test_peering_flip
fault_case udr_flip test_udr_flip
fault_case private_link_flip test_private_link_flip
fault_case auth_revoke test_auth_revoke
fault_case module_reload test_module_reload
fault_case netns_delete test_netns_delete
fp_exit
