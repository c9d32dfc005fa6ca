#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of tools/bench/dp/dp-bench.sh (/init of its initramfs, run by
# dash on Debian's stock kernel, one vCPU).  The same topology for every
# variant:
#
#   netns onprem                host                        netns vm1
#   pktgen -> op0 ==veth== er0 (circuit) -> vm1h ==veth== eth0 (tc drop)
#   10.0.0.2                   10.0.0.1                     10.1.0.4/16
#
# pktgen sends 60-byte (or 1500-byte) UDP frames to er0's MAC; each
# variant carries them to vm1h, and a tc "drop" at the ingress of vm1's
# eth0 counts and ends them, the same way for every variant.  The figure
# is that counter's rise over SECS seconds of flood (packets per second).
#
#   fastpath    the circuit on er0, the endpoints, fastpath on
#   forwarding  the host's IP forwarding (the gateway) over the same routes
#   flowtable   nftables flowtable (software fast path) on er0 and vm1h
#   flower      tc flower + pedit (MACs, TTL) + csum + mirred, one filter
#               per route (a shared block, held by a dummy device)
#   floor       tc matchall mirred redirect to vm1h: no lookup, no rewrite
#   bpf         tc BPF: LPM_TRIE map, TTL/MAC rewrite, bpf_redirect_peer()
#
# Profiles: A, one flow to 10.1.0.4; B, 4096 destinations (10.1.16.0/20)
# with random UDP source ports (new flows all the time).  The route table
# of each variant holds the routes that cover the traffic and either
# fillers in 100.64.0.0/10 (never hit) up to a count, or a named set from
# /bench/sets (real4: tor-geoipdb's IPv4 set, syn1m: the trie benchmark's
# synthetic million; both from lpm_bench --dump) less its prefixes in
# 0/8, 127/8 and 224/3, which no vnet may hold.  Flower, one filter per
# route, is measured up to FLOWER_MAX routes.  Variants alternate within each
# repetition; every line "dp-bench: ..." is one measurement, and the host
# computes medians and ratios.
#
# Parameters (/bench/params): SECS, REPS, PROFILES, SIZES (route counts or
# set names), FLOWER_MAX, VARIANTS, PKTS
# (frame sizes without FCS: 60 is a 64-byte frame, 1514 a 1500-byte packet),
# PROBES (kernel functions whose calls per received packet each
# measurement prints, "dp-bench-probe:" lines, from kprobe hit counts),
# PERF (variants whose floods perf records, system-wide: the top of the
# profile as "dp-bench-perf:" lines).
GUEST_TAG=dp-bench
GUEST_MARKER=DP-BENCH-DONE
. /guest.sh
mkdir -p /run/netns /sys/fs/bpf /tmp
sysctl -qw kernel.kptr_restrict=0 kernel.perf_event_paranoid=-1 2>/dev/null
mount -t bpf bpf /sys/fs/bpf
. /bench/params
SUB=0f8fad5b-d9cb-469f-a165-70867728950e
VM1_MAC=02:00:00:00:01:04

q() { "$@" >/tmp/q.out 2>&1 || { cat /tmp/q.out; done_ "FAIL $*"; }; }

say "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPU(s)," \
	"$(awk '/MemTotal/ { print $2 }' /proc/meminfo) kB"
for m in veth dummy pktgen sch_ingress cls_matchall cls_flower cls_bpf \
	act_mirred act_pedit act_csum act_gact nf_tables nft_flow_offload \
	nf_flow_table_inet nft_ct fastpath; do
	q modprobe "$m"
done

# ---- topology ------------------------------------------------------------------

q sysctl -qw net.ipv4.ip_forward=1
ip link set lo up
ip netns add onprem
ip netns add vm1
q ip -batch - <<EOF
link add er0 type veth peer name op0 netns onprem
link set er0 up
addr add 10.0.0.1/24 dev er0
link add vm1h type veth peer name eth0 netns vm1
link set vm1h up
addr add 10.1.255.254/32 dev vm1h
link add blk type dummy
EOF
q ip -n vm1 -batch - <<EOF
link set lo up
link set eth0 address $VM1_MAC
link set eth0 up
addr add 10.1.0.4/16 dev eth0
EOF
q ip -n onprem -batch - <<EOF
link set lo up
link set op0 up
addr add 10.0.0.2/24 dev op0
EOF
ER0_MAC=$(cat /sys/class/net/er0/address)
VM1H_MAC=$(cat /sys/class/net/vm1h/address)
VM1H_IDX=$(cat /sys/class/net/vm1h/ifindex)
OP0_MAC=$(ip netns exec onprem cat /sys/class/net/op0/address)
q ip neigh replace 10.0.0.2 lladdr "$OP0_MAC" dev er0 nud permanent
# The gateway's next hop for the VM's routes: vm1 itself, resolved.
q ip neigh replace 10.1.255.1 lladdr $VM1_MAC dev vm1h nud permanent
# The end of every variant's path: counted and dropped at vm1's ingress.
q ip netns exec vm1 tc qdisc add dev eth0 clsact
q ip netns exec vm1 tc filter add dev eth0 ingress prio 1 matchall \
	action drop
# Nothing but the flood on the wire: the host neither answers nor asks.
q sysctl -qw net.ipv4.conf.all.send_redirects=0 \
	net.ipv4.conf.er0.send_redirects=0 net.ipv4.icmp_ratelimit=1000000
q fpctl circuit add er subscription $SUB tier premium bandwidth 100G \
	port 100G route-limit 16000000
# The vnet holds every unicast address but 0/8 and 127/8: any set fits.
q fpctl vnet add hub subscription $SUB region westeurope sku ErGw3AZ \
	spaces 1.0.0.0/8,2.0.0.0/7,4.0.0.0/6,8.0.0.0/5,16.0.0.0/4,32.0.0.0/3,64.0.0.0/3,96.0.0.0/4,112.0.0.0/5,120.0.0.0/6,124.0.0.0/7,126.0.0.0/8,128.0.0.0/2,192.0.0.0/3
q fpctl connection add k circuit er vnet hub fastpath on

# Kprobes, when asked for: hits per probe from kprobe_profile.
if [ -n "$PROBES" ]; then
	mount -t tracefs nodev /sys/kernel/tracing
	for f in $PROBES; do
		echo "p:dpb_$f $f" >>/sys/kernel/tracing/kprobe_events ||
			say "no kprobe on $f (inlined, renamed or not allowed)"
	done
	echo 1 >/sys/kernel/tracing/events/kprobes/enable
fi
probe_hits() {
	[ -z "$PROBES" ] || sed -n 's/^ *dpb_\([^ ]*\) *\([0-9]*\).*/\1 \2/p' \
		/sys/kernel/tracing/kprobe_profile
}

sink() {
	ip netns exec vm1 tc -s filter show dev eth0 ingress |
		sed -n 's/.*Sent [0-9]* bytes \([0-9]*\) pkt.*/\1/p' | head -n 1
}

# ---- route tables ------------------------------------------------------------------

# covering PROFILE SIZE: the routes that carry PROFILE's traffic
covering() {
	_big=0
	case $2 in
	*[!0-9]*) _big=1 ;;	# a named set: hundreds of thousands
	*) [ "$2" -lt 4096 ] || _big=1 ;;
	esac
	if [ "$1" = A ]; then
		echo 10.1.0.4/32
	elif [ $_big = 1 ]; then
		awk 'BEGIN { for (i = 0; i < 4096; i++)
			printf "10.1.%d.%d/32\n", 16 + int(i / 256), i % 256 }'
	else
		echo 10.1.16.0/20
	fi
}
# fillers N: N /32 routes in 100.64.0.0/10 that no packet hits
fillers() {
	awk -v n="$1" 'BEGIN { for (i = 0; i < n; i++)
		printf "100.%d.%d.%d/32\n", 64 + int(i / 65536),
			int(i / 256) % 256, i % 256 }'
}
# table PROFILE SIZE: the SIZE routes (or the set SIZE), in /tmp/routes
table() {
	covering "$1" "$2" >/tmp/routes
	_n=$(wc -l </tmp/routes)
	case $2 in
	*[!0-9]*)
		# the set, less what a vnet cannot hold and the covering routes
		awk -F '[./]' 'NR == FNR { c[$0] = 1; next }
			$5 >= 8 && $1 > 0 && $1 != 127 && $1 < 224 &&
			!($0 in c)' /tmp/routes "/bench/sets/$2" >>/tmp/routes
		;;
	*) [ "$2" -gt "$_n" ] && fillers $(($2 - _n)) >>/tmp/routes ;;
	esac
	ROUTES=$(wc -l </tmp/routes)
}

# load_table PROFILE SIZE: every variant's form of the table, loaded
load_table() {
	table "$1" "$2"
	t0=$(now_cs)
	# fastpath: one endpoint per route
	awk -v m=$VM1_MAC '{ printf "endpoint add r%d vnet hub prefix %s dev vm1h mac %s\n",
		NR, $1, m }' /tmp/routes >/tmp/fp.batch
	q fpctl -batch /tmp/fp.batch
	t1=$(now_cs)
	# forwarding and flowtable: host routes through the VM
	# (50,000 per ip -batch: one ip process for 571k routes grew past
	# 2.4 GB and the OOM killer ended it)
	rm -f /tmp/ip.batch.*
	awk '{ f = "/tmp/ip.batch." int((NR - 1) / 50000)
		printf "route add %s via 10.1.255.1 dev vm1h onlink\n", $1 > f }' \
		/tmp/routes
	for _b in /tmp/ip.batch.*; do
		q ip -batch "$_b"
	done
	rm -f /tmp/ip.batch.*
	t2=$(now_cs)
	# flower: one filter per route in block 22
	if [ "$ROUTES" -gt "$FLOWER_MAX" ]; then
		FLOWER=0
		echo "dp-bench-skip: variant=flower profile=$1 routes=$ROUTES" \
			"reason=one filter per route, more than $FLOWER_MAX"
	else
		FLOWER=1
		awk -v d=$VM1_MAC -v s="$VM1H_MAC" '{
			printf "filter add block 22 protocol ip prio 1 flower dst_ip %s", $1
			printf " action pedit ex munge eth dst set %s munge eth src set %s", d, s
			printf " munge ip ttl add 0xff pipe action csum ip pipe"
			printf " action mirred egress redirect dev vm1h\n" }' \
			/tmp/routes >/tmp/tc.batch
		q tc qdisc add dev blk ingress_block 22 ingress
		q tc -batch /tmp/tc.batch
	fi
	t3=$(now_cs)
	# bpf: the LPM map
	awk -v i="$VM1H_IDX" -v d=$VM1_MAC -v s="$VM1H_MAC" \
		'{ print $1, i, 1, d, s }' /tmp/routes >/tmp/bpf.routes
	rm -f /sys/fs/bpf/fp_tc
	q fpbpf /bench/fp_tc.bpf.o /sys/fs/bpf/fp_tc </tmp/bpf.routes
	t4=$(now_cs)
	say "table $1 $2 ($ROUTES routes): fastpath $(((t1 - t0) * 10)) ms, ip $(((t2 - t1) * 10)) ms," \
		"flower $(((t3 - t2) * 10)) ms, bpf $(((t4 - t3) * 10)) ms"
	[ "$(fpctl -j circuit show er | sed -E 's/.*"installed":([0-9]+).*/\1/')" = "$ROUTES" ] ||
		done_ "FAIL fastpath installed $(fpctl -j circuit show er)"
}

unload_table() {
	awk '{ printf "endpoint del r%d\n", NR }' /tmp/routes >/tmp/fp.batch
	q fpctl -batch /tmp/fp.batch
	q ip route flush proto boot dev vm1h
	[ $FLOWER = 0 ] || q tc qdisc del dev blk ingress_block 22 ingress
	rm -f /sys/fs/bpf/fp_tc
}

# ---- variants: on and off ------------------------------------------------------------

on_fastpath() { fpctl circuit set er dev er0; }
off_fastpath() { fpctl circuit set er dev none; }
on_forwarding() { :; }
off_forwarding() { :; }
on_flowtable() {
	nft -f - <<-EOF
	table inet ft {
		flowtable f { hook ingress priority 0; devices = { er0, vm1h }; }
		chain forward { type filter hook forward priority 0;
			meta l4proto { tcp, udp } flow add @f; }
	}
	EOF
}
off_flowtable() { nft delete table inet ft; }
on_flower() { tc qdisc add dev er0 ingress_block 22 clsact; }
off_flower() { tc qdisc del dev er0 clsact; }
on_floor() {
	tc qdisc add dev er0 clsact &&
		tc filter add dev er0 ingress prio 1 matchall \
			action mirred egress redirect dev vm1h
}
off_floor() { tc qdisc del dev er0 clsact; }
on_bpf() {
	tc qdisc add dev er0 clsact &&
		tc filter add dev er0 ingress prio 1 bpf direct-action \
			object-pinned /sys/fs/bpf/fp_tc
}
off_bpf() { tc qdisc del dev er0 clsact; }

# ---- measurement ----------------------------------------------------------------

# measure VARIANT PROFILE SIZE REP PKT: one flood of SECS seconds
measure() {
	ip netns exec onprem sh /bench/pg.sh "$2" "$ER0_MAC" "$5" ||
		done_ "FAIL pktgen setup"
	"on_$1" >/tmp/on.out 2>&1 || { cat /tmp/on.out; done_ "FAIL on_$1"; }
	_perf=0
	case " $PERF " in *" $1 "*) _perf=1 ;; esac
	probe_hits >/tmp/probe0
	_s0=$(sink)
	_t0=$(now_cs)
	ip netns exec onprem sh -c 'echo start > /proc/net/pktgen/pgctrl' &
	_pg=$!
	if [ $_perf = 1 ]; then
		perf record -q -a -e cpu-clock -F 4000 -o /tmp/perf.data \
			sleep "$SECS" >/dev/null 2>&1 || say "perf record failed"
	else
		sleep "$SECS"
	fi
	ip netns exec onprem sh -c 'echo stop > /proc/net/pktgen/pgctrl'
	wait $_pg
	_t1=$(now_cs)
	_s1=$(sink)
	probe_hits >/tmp/probe1
	"off_$1" >/tmp/off.out 2>&1 || { cat /tmp/off.out; done_ "FAIL off_$1"; }
	_sent=$(ip netns exec onprem sed -n 's/^ *pkts-sofar: \([0-9]*\).*/\1/p' \
		/proc/net/pktgen/op0)
	echo "dp-bench: variant=$1 profile=$2 routes=$ROUTES set=$3 rep=$4 pkt=$5" \
		"pps=$(((_s1 - _s0) * 100 / (_t1 - _t0))) received=$((_s1 - _s0))" \
		"sent=$_sent cs=$((_t1 - _t0))"
	[ $_perf = 0 ] || perf report -i /tmp/perf.data --stdio --sort sym \
		--percent-limit 0.7 2>/dev/null | grep -v '^#' | grep . |
		sed "s/^/dp-bench-perf: variant=$1 profile=$2 pkt=$5 /"
	[ -z "$PROBES" ] || awk -v n=$((_s1 - _s0)) -v v="$1" -v p="$2" \
		-v s="$5" 'NR == FNR { h0[$1] = $2; next } {
			printf "dp-bench-probe: variant=%s profile=%s pkt=%s %s=%.2f per packet\n",
				v, p, s, $1, ($2 - h0[$1]) / (n ? n : 1) }' \
		/tmp/probe0 /tmp/probe1
}

for size in $SIZES; do
	for prof in $PROFILES; do
		load_table "$prof" "$size"
		for pkt in $PKTS; do
			for rep in $(seq 1 "$REPS"); do
				for v in $VARIANTS; do
					[ "$v" != flower ] || [ $FLOWER = 1 ] ||
						continue
					measure "$v" "$prof" "$size" "$rep" "$pkt"
				done
			done
		done
		unload_table
	done
done
dmesg | grep -E 'BUG:|WARNING:|Oops|Call Trace' && done_ "FAIL kernel log has BUG/WARNING/Oops"
done_ OK
