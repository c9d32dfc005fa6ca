# SPDX-License-Identifier: GPL-2.0
#
# The data-path topology of SPEC §5, shared by datapath.sh and faults.sh
# (sourced after lib.sh; not a test of its own).
#
#  netns onprem                 host (the guest's init netns)          VMs
#  +-------------+  veth  +--------------------------------+  veth  +--------------------+
#  | op0         |--------| er0  circuit "er" (Direct 10G) |  vm1h  | vm1: eth0          |
#  | 10.0.0.2/24 |        | 10.0.0.1/24  fd00::1/64        |--------| 10.1.0.4 fd01::4   |
#  | fd00::2/64  |        | gateway: ip forwarding         |  tap   +--------------------+
#  +-------------+        |  + nft counters "gw"           |--------  fpnet tap "vm2"
#                         |                                |  nvah    10.1.0.5 fd01::5
#                         | vnet hub 10.1.0.0/16 fd01::/48 |--------  netns nva 10.1.0.10
#                         | vnet spoke 10.2.0.0/16 (peer)  |  vm3h
#                         | connection k (hub, fastpath)   |--------  netns vm3 10.2.0.4
#                         +--------------------------------+
#
# Host-side VM devices carry 10.1.0.1/32 (10.2.0.1 for vm3) and fd01::1,
# with a host route per VM: the gateway reaches every VM without fastpath.
#
#   dp_topology     the module loaded, namespaces, devices, the tap VM, the
#                   nft counters, dp_configure, neighbours resolved
#   dp_configure    the fastpath objects (again after a module reload)
#   DP_PHASES       "NAME TENTHS ..." how long each part of dp_topology took
#   dp_ready        print when the topology was ready and DP_PHASES
#   dp_setup        run the script's setup(), stop the script if it fails,
#                   then dp_ready
#   dp_cleanup      stop every process started here, delete the host's
#                   nft table (the default fp_cleanup_hook; lib.sh deletes
#                   the rest)
#   DP_PIDS         background processes the cleanup stops
#   DP_TAP_ARGS     extra arguments of the tap VM (e.g. its tag)
#
# Floods and judging receivers (faults.sh, churn.sh), every file in $T:
#   dp_flood NAME DEV DMAC SRC DST TAG   fpnet send -c 0 from onprem's DEV,
#                   one datagram per $GAP_US; NAME.sent counts
#   dp_sniff NS FILE TAG ADDR...         fpnet sniff on NS's eth0
#   dp_tap_reset                         the tap VM (vm2.cnt) counts afresh
#   dp_floods_stop FILE...               stop the floods, let FILEs settle,
#                                        stop the sniffers, ask the tap VM
#                                        for its report, wait for each
#                                        FILE.final (the report)
#   cnt FILE NAME                        a counter of an fpnet file (0 if none)

FP_NETNS="onprem vm1 nva vm3"
FP_LINKS="er0 vm1h nvah vm3h"
MAC_VM2=02:00:00:00:00:05
DP_PIDS=

DP_FLOODS=
DP_SNIFFS=

dp_cleanup() {
	for _p in $DP_FLOODS $DP_SNIFFS $DP_PIDS; do
		kill "$_p" 2>/dev/null
	done
	wait 2>/dev/null
	nft delete table inet gw 2>/dev/null
}

fp_cleanup_hook() {
	dp_cleanup
}

# ---- floods and judging receivers --------------------------------------------

num() {
	case "$1" in ''|*[!0-9]*) echo 0 ;; *) echo "$1" ;; esac
}

cnt() {
	num "$(sed -n "s/.*$2=\([0-9]*\).*/\1/p" "$1" 2>/dev/null | tail -n 1)"
}

dp_flood() {
	rm -f "$T/$1.sent"
	ip netns exec onprem fpnet send -i "$2" -d "$3" -s "$4" -D "$5" \
		-T "$6" -c 0 -g "$GAP_US" -S -f "$T/$1.sent" &
	DP_FLOODS="$DP_FLOODS $!"
}

dp_sniff() {
	_ns=$1
	_file=$2
	_tag=$3
	shift 3
	# Bound to the VM's eth0 (a packet socket bound to no device would
	# be a tap on every device, and the data path would not deliver into
	# veth peers while it exists).
	_as=
	for _a in "$@"; do
		_as="$_as -a $_a"
	done
	rm -f "$_file" "$_file.final"
	# shellcheck disable=SC2086
	ip netns exec "$_ns" fpnet sniff -i eth0 $_as -t 63 -T "$_tag" \
		-f "$_file" &
	DP_SNIFFS="$DP_SNIFFS $!"
	busywait 20000 test -s "$_file" ||
		fp_fail "the receiver in $_ns did not start"
}

# The tap VM reports and starts afresh on SIGUSR1.
dp_tap_reset() {
	rm -f "$T/vm2.cnt" "$T/vm2.cnt.final"
	kill -USR1 "$DP_TAP_PID"
	busywait 10000 test -e "$T/vm2.cnt.final" ||
		fp_fail "the tap VM did not report" || return 1
	rm -f "$T/vm2.cnt" "$T/vm2.cnt.final"
}

# rx_stable FILE: nothing more arrived in the last second (a receiver in a
# slow guest may work through a queue for a while)
rx_stable() {
	_r0=$(cnt "$1" rx)
	sleep 1
	[ "$(cnt "$1" rx)" = "$_r0" ]
}

dp_floods_stop() {
	for _p in $DP_FLOODS; do
		kill "$_p" 2>/dev/null
		wait "$_p" 2>/dev/null
	done
	DP_FLOODS=
	for _f in "$@"; do
		busywait 10000 rx_stable "$_f"
	done
	for _p in $DP_SNIFFS; do
		kill "$_p" 2>/dev/null
		wait "$_p" 2>/dev/null
	done
	DP_SNIFFS=
	rm -f "$T/vm2.cnt.final"
	kill -USR1 "$DP_TAP_PID"
	for _f in "$@"; do
		busywait 10000 test -e "$_f.final" ||
			fp_fail "no report in $_f.final" || return 1
	done
}

# ---- counters --------------------------------------------------------------

# stat OBJECT NAME REASON: packets the fast path counted for REASON
stat() {
	fpctl -j stats "$1" "$2" |
		sed -n "s/.*\"$3\":{\"packets\":\([0-9]*\).*/\1/p"
}

# stat_bytes KIND NAME REASON: the bytes of that counter
stat_bytes() {
	fpctl -j stats "$1" "$2" |
		sed -n "s/.*\"$3\":{\"packets\":[0-9]*,\"bytes\":\([0-9]*\).*/\1/p"
}

# nft_count NETNS TABLE CHAIN NAME [FAMILY]: packets of the rules commented
# NAME (anonymous counters: the test kernels have no nft objref); NETNS "-"
# is the host, FAMILY "inet" unless given
nft_count() {
	_ns=
	[ "$1" = - ] || _ns="ip netns exec $1"
	$_ns nft list chain "${5:-inet}" "$2" "$3" |
		awk -v c="comment \"$4\"" 'index($0, c) {
			for (i = 1; i < NF; i++) if ($i == "packets") s += $(i + 1)
		} END { print s + 0 }'
}

# gw NAME: packets the gateway forwarded to NAME's destination from er0
gw() {
	nft_count - gw forward "$1"
}

# icmp NAME: ICMP errors of kind NAME that onprem received
icmp() {
	nft_count onprem op input "$1"
}

# rx FILE [FIELD]: what an fpnet receiver counted (rx, bad, badttl)
rx() {
	sed -n "s/.*${2:-rx}=\([0-9]*\).*/\1/p" "$1" 2>/dev/null
}

rx_at_least() {
	[ "$(rx "$1")" -ge "$2" ] 2>/dev/null
}

# delta WHAT NOW BEFORE WANT
delta() {
	fp_expect_eq "$1" "$(($2 - $3))" "$4"
}

# reason_delta REASON BEFORE WANT: the circuit's counter for REASON moved by WANT
reason_delta() {
	delta "circuit $1" "$(stat circuit er "$1")" "$2" "$3"
}

ER0_MAC=
# send ARGS...: fpnet send from onprem to the host's er0
send() {
	ip netns exec onprem fpnet send -i op0 -d "$ER0_MAC" "$@"
}
send4() {
	send -s 10.0.0.2 "$@"
}
send6() {
	send -s fd00::2 "$@"
}

# ---- topology ----------------------------------------------------------------

# veth_vm NS HOSTDEV ADDR4 ADDR6 HOSTADDR4: a VM namespace and its link
veth_vm() {
	ip netns add "$1" || return 1
	veth_link "$@"
}

# veth_link NS HOSTDEV ADDR4 ADDR6 HOSTADDR4: the VM's veth (eth0 in NS),
# its addresses and the host's routes to it
veth_link() {
	ip -batch - <<-EOF || return 1
	link add $2 type veth peer name eth0 netns $1
	link set $2 up
	addr add $5/32 dev $2
	addr add fd01::1/128 dev $2 nodad
	route add $3/32 dev $2
	EOF
	ip netns exec "$1" sysctl -qw net.ipv6.conf.eth0.keep_addr_on_down=1 ||
		return 1
	ip -n "$1" -batch - <<-EOF || return 1
	link set lo up
	link set eth0 up
	addr add $3/16 dev eth0
	route add default via $5
	EOF
	[ -n "$4" ] || return 0
	ip -6 route add "$4/128" dev "$2" || return 1
	ip -n "$1" -batch - <<-EOF
	addr add $4/64 dev eth0 nodad
	route add default via fd01::1
	EOF
}

# dp_phase NAME: the previous phase of dp_topology ends; DP_PHASES says
# how long each took (printed by the scripts)
dp_phase() {
	_now=$(fp_now_ms)
	[ -n "$dp_t" ] && DP_PHASES="$DP_PHASES $dp_name $(((_now - dp_t) / 100))"
	dp_t=$_now
	dp_name=$1
}

# dp_setup: run the script's setup (its stderr in setup.log, shown if it
# fails, which ends the script), then dp_ready
dp_setup() {
	setup 2>"$T/setup.log"
	_rc=$?
	set +x
	if [ $_rc != 0 ]; then
		tail -n 40 "$T/setup.log" >&2
		fp_fail "setup"
		exit 1
	fi
	dp_ready
}

dp_ready() {
	echo "# $FP_SUITE: topology ready at $(cut -d' ' -f1 /proc/uptime) s" \
		"(tenths of a second:$DP_PHASES)"
}

# dp_uplink [ER0MAC OP0MAC]: the veth between the host's er0 and onprem's
# op0 (with those MACs: a device made again keeps its hardware address),
# the addresses and routes on both ends, and each end's permanent entry
# for the other: onprem sends nothing on its own (no router solicitations,
# no address resolution), so that every frame on er0 is a test's, and the
# host does not resolve onprem either (ICMP errors).  One ip per namespace
# and batch: every program start is slow in a debug guest.
dp_uplink() {
	ip -batch - <<-EOF || return 1
	link add er0 ${1:+address $1} type veth peer name op0 ${2:+address $2} netns onprem
	link set er0 up
	addr add 10.0.0.1/24 dev er0
	addr add fd00::1/64 dev er0 nodad
	EOF
	ER0_MAC=$(cat /sys/class/net/er0/address)
	OP0_MAC=$(ip netns exec onprem cat /sys/class/net/op0/address)
	ip -batch - <<-EOF || return 1
	neigh replace 10.0.0.2 lladdr $OP0_MAC dev er0 nud permanent
	neigh replace fd00::2 lladdr $OP0_MAC dev er0 nud permanent
	EOF
	ip -n onprem -batch - <<-EOF
	link set lo up
	link set op0 up
	addr add 10.0.0.2/24 dev op0
	addr add fd00::2/64 dev op0 nodad
	route add default via 10.0.0.1
	route add default via fd00::1
	neigh replace 10.0.0.1 lladdr $ER0_MAC dev op0 nud permanent
	neigh replace fd00::1 lladdr $ER0_MAC dev op0 nud permanent
	EOF
}

dp_topology() {
	DP_PHASES=
	dp_t=
	dp_phase onprem
	sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1 ||
		return 1

	ip netns add onprem || return 1
	# The counters are asserted exactly: see dp_uplink.
	ip netns exec onprem sysctl -qw \
		net.ipv6.conf.default.router_solicitations=0 || return 1
	dp_uplink || return 1

	dp_phase vms
	veth_vm vm1 vm1h 10.1.0.4 fd01::4 10.1.0.1 || return 1
	veth_vm nva nvah 10.1.0.10 "" 10.1.0.1 || return 1
	veth_vm vm3 vm3h 10.2.0.4 "" 10.2.0.1 || return 1
	# The NVA counts what reaches it for the spoke, and keeps it (a new
	# namespace inherits the host's ip_forward=1): so what reaches vm3
	# came straight from the fast path.
	ip netns exec nva sysctl -qw net.ipv4.ip_forward=0 || return 1
	ip netns exec nva nft -f - <<-EOF || return 1
	table inet nva {
		chain pre { type filter hook prerouting priority 0;
			ip daddr 10.2.0.0/16 counter comment "spoke"; }
	}
	EOF

	dp_phase tap
	# The tap VM: fpnet creates tapvm2 and answers ARP/ND and pings.
	fpnet tap -n tapvm2 -m $MAC_VM2 -a 10.1.0.5 -a fd01::5 \
		-f "$T/vm2.cnt" -t 63 $DP_TAP_ARGS &
	DP_PIDS="$DP_PIDS $!"
	DP_TAP_PID=$!
	busywait 30000 ip link show tapvm2 >/dev/null 2>&1 || return 1
	# A long queue to the tap VM: a slow guest may not schedule it for a while.
	ip link set tapvm2 txqueuelen 10000 up
	# The host knows the tap VM's MAC, as a hypervisor does: a slow guest
	# that answers ARP late made the host's entry fail and drop (debug 7.x).
	ip neigh replace 10.1.0.5 lladdr $MAC_VM2 dev tapvm2 nud permanent
	ip neigh replace fd01::5 lladdr $MAC_VM2 dev tapvm2 nud permanent
	ip addr add 10.1.0.1/32 dev tapvm2
	ip -6 addr add fd01::1/128 dev tapvm2 nodad
	ip route add 10.1.0.5/32 dev tapvm2
	ip -6 route add fd01::5/128 dev tapvm2

	dp_phase nft
	# The gateway's counters: what it forwarded from er0, per VM (the
	# host's table: made afresh, the previous script's is gone).
	nft -f - <<-EOF || return 1
	table inet gw
	delete table inet gw
	table inet gw {
		chain forward { type filter hook forward priority 0;
			iifname "er0" counter comment "all"
			iifname "er0" ip daddr 10.1.0.4 counter comment "vm1"
			iifname "er0" ip6 daddr fd01::4 counter comment "vm1"
			iifname "er0" ip daddr 10.1.0.5 counter comment "vm2"
			iifname "er0" ip6 daddr fd01::5 counter comment "vm2"
			iifname "er0" ip daddr 10.2.0.4 counter comment "vm3"
		}
	}
	EOF
	# ICMP errors the gateway sends back to onprem.
	ip netns exec onprem nft -f - <<-EOF || return 1
	table inet op {
		chain input { type filter hook input priority 0;
			icmp type time-exceeded counter comment "te4"
			icmp type destination-unreachable icmp code frag-needed counter comment "fn4"
			icmpv6 type time-exceeded counter comment "te6"
			icmpv6 type packet-too-big counter comment "ptb6"
		}
	}
	EOF

	dp_phase fpctl
	dp_configure || return 1
	dp_phase neighbours
	# Resolve the veth VMs' neighbours the way the gateway would.
	ping -c 1 -W 2 10.1.0.4 >/dev/null || return 1
	ping -c 1 -W 2 fd01::4 >/dev/null || return 1
	ping -c 1 -W 2 10.1.0.10 >/dev/null || return 1
	ping -c 1 -W 2 10.2.0.4 >/dev/null || return 1
	dp_phase end
}

# dp_configure: the fastpath configuration of the topology
dp_configure() {
	fpctl circuit add er subscription $SUB_A tier premium bandwidth 10G \
		port 10G dev er0 || return 1
	fpctl vnet add hub subscription $SUB_A region westeurope sku ErGw3AZ \
		spaces 10.1.0.0/16,fd01::/48 || return 1
	fpctl vnet add spoke subscription $SUB_A region westeurope \
		spaces 10.2.0.0/16 || return 1
	fpctl peering add hub spoke || return 1
	fpctl endpoint add vm1 vnet hub prefix 10.1.0.4 dev vm1h || return 1
	fpctl endpoint add vm1v6 vnet hub prefix fd01::4 dev vm1h || return 1
	fpctl endpoint add vm2 vnet hub prefix 10.1.0.5 dev tapvm2 \
		mac $MAC_VM2 || return 1
	fpctl endpoint add vm2v6 vnet hub prefix fd01::5 dev tapvm2 \
		mac $MAC_VM2 || return 1
	fpctl endpoint add nva vnet hub prefix 10.1.0.10 dev nvah || return 1
	fpctl endpoint add vm3 vnet spoke prefix 10.2.0.4 dev vm3h || return 1
	fpctl connection add k circuit er vnet hub fastpath on || return 1
}
