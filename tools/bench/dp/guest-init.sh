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
#   2001:db8:ffff::2        2001:db8:ffff::1                2001:db8:1::4
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
# with random UDP source ports (new flows all the time); A6 and B6, the
# same over IPv6 (2001:db8:1::4; 2001:db8:1::1:0/116), measured at the
# table sizes V6_SIZES with the variants V6_VARIANTS (pg.sh has the
# flows).  The route table
# of each variant holds the routes that cover the traffic and either
# fillers in 100.64.0.0/10 (never hit) up to a count, or a named set from
# /bench/sets (real4: tor-geoipdb's IPv4 set, syn1m: the trie benchmark's
# synthetic million; both from lpm_bench --dump) less its prefixes in
# 0/8, 127/8 and 224/3, which no vnet may hold.  Flower, one filter per
# route, is measured up to FLOWER_MAX routes.  Variants alternate within each
# repetition; every line "dp-bench: ..." is one measurement, and the host
# computes medians and ratios.  A fastpath measurement also counts what
# the module forwarded (fp=, from fpctl stats): the rest went through the
# gateway.
#
# Then, with the drop at vm1 removed and profile A's 10-route table,
# request/response latency (rr udp: LAT_COUNT round trips of a 32-byte
# datagram to an echo server in vm1, "dp-bench-lat:" lines, through
# LAT_VARIANTS) and the TCP connection rate (rr crr: connect, a byte each
# way, reset, for CRR_SECS seconds, "dp-bench-crr:" lines, through
# CRR_VARIANTS), REPS times each, alternating.  The answers go back
# through the host's forwarding in every variant: the variants differ in
# the onprem-to-VM direction only, the one fastpath serves.
#
# Parameters (/bench/params): SECS, REPS, PROFILES, SIZES (route counts or
# set names), FLOWER_MAX, VARIANTS, V6_PROFILES, V6_SIZES, V6_VARIANTS,
# LAT_COUNT, LAT_VARIANTS, CRR_SECS, CRR_VARIANTS, PKTS
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

q sysctl -qw net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
# 6.1 still caps IPv6 route cache entries (one per /128 in use, per CPU)
# at 4096: B6 with 4096 /128 routes would hit it; 6.3 removed the cap.
q sysctl -qw net.ipv6.route.max_size=2147483647 \
	net.ipv6.route.gc_thresh=2147483647
ip link set lo up
ip netns add onprem
ip netns add vm1
q ip -batch - <<EOF
link add er0 type veth peer name op0 netns onprem
link set er0 up
addr add 10.0.0.1/24 dev er0
addr add 2001:db8:ffff::1/64 dev er0 nodad
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
addr add 2001:db8:1::4/64 dev eth0 nodad
route add default via 10.1.255.254
EOF
q ip -n onprem -batch - <<EOF
link set lo up
link set op0 up
addr add 10.0.0.2/24 dev op0
addr add 2001:db8:ffff::2/64 dev op0 nodad
route add 10.1.0.0/16 via 10.0.0.1
EOF
ER0_MAC=$(cat /sys/class/net/er0/address)
VM1H_MAC=$(cat /sys/class/net/vm1h/address)
VM1H_IDX=$(cat /sys/class/net/vm1h/ifindex)
OP0_MAC=$(ip netns exec onprem cat /sys/class/net/op0/address)
q ip neigh replace 10.0.0.2 lladdr "$OP0_MAC" dev er0 nud permanent
q ip neigh replace 2001:db8:ffff::2 lladdr "$OP0_MAC" dev er0 nud permanent
q ip -n onprem neigh replace 10.0.0.1 lladdr "$ER0_MAC" dev op0 nud permanent
q ip -n vm1 neigh replace 10.1.255.254 lladdr "$VM1H_MAC" dev eth0 \
	nud permanent
# The gateway's next hop for the VM's routes: vm1 itself, resolved.
q ip neigh replace 10.1.255.1 lladdr $VM1_MAC dev vm1h nud permanent
q ip neigh replace fe80::1 lladdr $VM1_MAC dev vm1h nud permanent
# The end of every variant's path: counted and dropped at vm1's ingress.
q ip netns exec vm1 tc qdisc add dev eth0 clsact
sink_on() {
	ip netns exec vm1 tc filter add dev eth0 ingress prio 1 matchall \
		action drop
}
q sink_on
# Nothing but the flood on the wire: the host neither answers nor asks.
q sysctl -qw net.ipv4.conf.all.send_redirects=0 \
	net.ipv4.conf.er0.send_redirects=0 net.ipv4.icmp_ratelimit=1000000
q fpctl circuit add er subscription $SUB tier premium bandwidth 100G \
	port 100G route-limit 16000000
# The vnet holds every unicast address but 0/8 and 127/8: any set fits;
# and 2001:db8:1::/48 (IPv6 FastPath: a direct circuit, port 100G, and
# ErGw3AZ).
q fpctl vnet add hub subscription $SUB region westeurope sku ErGw3AZ \
	spaces 1.0.0.0/8,2.0.0.0/7,4.0.0.0/6,8.0.0.0/5,16.0.0.0/4,32.0.0.0/3,64.0.0.0/3,96.0.0.0/4,112.0.0.0/5,120.0.0.0/6,124.0.0.0/7,126.0.0.0/8,128.0.0.0/2,192.0.0.0/3,2001:db8:1::/48
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
# fp_fwd: the packets fastpath forwarded on the circuit so far
fp_fwd() {
	fpctl stats show circuit er |
		awk '$3 == "forwarded" { n = $4 } END { print n + 0 }'
}

# ---- route tables ------------------------------------------------------------------

# covering PROFILE SIZE: the routes that carry PROFILE's traffic
covering() {
	_big=0
	case $2 in
	*[!0-9]*) _big=1 ;;	# a named set: hundreds of thousands
	*) [ "$2" -lt 4096 ] || _big=1 ;;
	esac
	case $1/$_big in
	A/*) echo 10.1.0.4/32 ;;
	B/1) awk 'BEGIN { for (i = 0; i < 4096; i++)
		printf "10.1.%d.%d/32\n", 16 + int(i / 256), i % 256 }' ;;
	B/0) echo 10.1.16.0/20 ;;
	A6/*) echo 2001:db8:1::4/128 ;;
	B6/1) awk 'BEGIN { for (i = 0; i < 4096; i++)
		printf "2001:db8:1::1:%x/128\n", i }' ;;
	B6/0) echo 2001:db8:1::1:0/116 ;;
	esac
}
# fillers PROFILE N: N host routes that no packet hits: /32s in
# 100.64.0.0/10, or /128s in 2001:db8:1:100::/56 for IPv6
fillers() {
	case $1 in
	*6) awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
		printf "2001:db8:1:100::%x:%x/128\n", int(i / 65536),
			i % 65536 }' ;;
	*) awk -v n="$2" 'BEGIN { for (i = 0; i < n; i++)
		printf "100.%d.%d.%d/32\n", 64 + int(i / 65536),
			int(i / 256) % 256, i % 256 }' ;;
	esac
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
	*) [ "$2" -gt "$_n" ] && fillers "$1" $(($2 - _n)) >>/tmp/routes ;;
	esac
	ROUTES=$(wc -l </tmp/routes)
}

# ip_routes add|del: the routes of /tmp/routes through the VM, for the
# forwarding and flowtable variants (50,000 per ip -batch: one ip process
# for 571k routes grew past 2.4 GB and the OOM killer ended it; deleted
# one by one too: "ip route flush" gives up after 30 s, and 571k routes
# took longer under TCG)
ip_routes() {
	rm -f /tmp/ip.batch.*
	awk -v verb="$1" '{ f = "/tmp/ip.batch." int((NR - 1) / 50000)
		via = index($1, ":") ? "fe80::1" : "10.1.255.1 onlink"
		printf "route %s %s dev vm1h via %s\n", verb, $1, via > f }' \
		/tmp/routes
	for _b in /tmp/ip.batch.*; do
		q ip -batch "$_b"
	done
	rm -f /tmp/ip.batch.*
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
	ip_routes add
	t2=$(now_cs)
	# flower: one filter per route in block 22
	if ! variant_of "$1" flower; then
		FLOWER=0
	elif [ "$ROUTES" -gt "$FLOWER_MAX" ]; then
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
	_fl="$(((t3 - t2) * 10)) ms"
	[ $FLOWER = 1 ] || _fl="not loaded"
	say "table $1 $2 ($ROUTES routes): fastpath $(((t1 - t0) * 10)) ms, ip $(((t2 - t1) * 10)) ms," \
		"flower $_fl, bpf $(((t4 - t3) * 10)) ms"
	[ "$(fpctl -j circuit show er | sed -E 's/.*"installed":([0-9]+).*/\1/')" = "$ROUTES" ] ||
		done_ "FAIL fastpath installed $(fpctl -j circuit show er)"
}

unload_table() {
	awk '{ printf "endpoint del r%d\n", NR }' /tmp/routes >/tmp/fp.batch
	q fpctl -batch /tmp/fp.batch
	ip_routes del
	[ $FLOWER = 0 ] || q tc qdisc del dev blk ingress_block 22 ingress
	rm -f /sys/fs/bpf/fp_tc
}

# ---- variants: on and off ------------------------------------------------------------

# variants_of PROFILE: the variants PROFILE is measured with
variants_of() {
	case $1 in
	*6) echo "$V6_VARIANTS" ;;
	*) echo "$VARIANTS" ;;
	esac
}
# variant_of PROFILE VARIANT: whether PROFILE is measured with VARIANT
variant_of() {
	case " $(variants_of "$1") " in *" $2 "*) return 0 ;; esac
	return 1
}

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

# switch on|off VARIANT
switch() {
	"$1_$2" >/tmp/switch.out 2>&1 || {
		cat /tmp/switch.out
		done_ "FAIL $1_$2"
	}
}

# ---- measurement ----------------------------------------------------------------

# measure VARIANT PROFILE SIZE REP PKT: one flood of SECS seconds
measure() {
	ip netns exec onprem sh /bench/pg.sh "$2" "$ER0_MAC" "$5" ||
		done_ "FAIL pktgen setup"
	switch on "$1"
	_perf=0
	case " $PERF " in *" $1 "*) _perf=1 ;; esac
	probe_hits >/tmp/probe0
	_f0=$(fp_fwd)
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
	_f1=$(fp_fwd)
	probe_hits >/tmp/probe1
	switch off "$1"
	_sent=$(ip netns exec onprem sed -n 's/^ *pkts-sofar: \([0-9]*\).*/\1/p' \
		/proc/net/pktgen/op0)
	echo "dp-bench: variant=$1 profile=$2 routes=$ROUTES set=$3 rep=$4 pkt=$5" \
		"pps=$(((_s1 - _s0) * 100 / (_t1 - _t0))) received=$((_s1 - _s0))" \
		"sent=$_sent cs=$((_t1 - _t0)) fp=$((_f1 - _f0))"
	[ $_perf = 0 ] || perf report -i /tmp/perf.data --stdio --sort sym \
		--percent-limit 0.7 2>/dev/null | grep -v '^#' | grep . |
		sed "s/^/dp-bench-perf: variant=$1 profile=$2 pkt=$5 /"
	[ -z "$PROBES" ] || awk -v n=$((_s1 - _s0)) -v v="$1" -v p="$2" \
		-v s="$5" 'NR == FNR { h0[$1] = $2; next } {
			printf "dp-bench-probe: variant=%s profile=%s pkt=%s %s=%.2f per packet\n",
				v, p, s, $1, ($2 - h0[$1]) / (n ? n : 1) }' \
		/tmp/probe0 /tmp/probe1
}

# run PROFILES SIZES: every profile at every size, every frame size
run() {
	for size in $2; do
		for prof in $1; do
			load_table "$prof" "$size"
			for pkt in $PKTS; do
				for rep in $(seq 1 "$REPS"); do
					for v in $(variants_of "$prof"); do
						[ "$v" != flower ] || [ $FLOWER = 1 ] ||
							continue
						measure "$v" "$prof" "$size" "$rep" "$pkt"
					done
				done
			done
			unload_table
		done
	done
}

# ---- latency and connection rate -------------------------------------------------

# rr_one KIND VARIANT REP ARGS...: one run of "rr ARGS" from onprem
# through VARIANT, a "dp-bench-KIND:" line
rr_one() {
	_k=$1 _v=$2 _rep=$3
	shift 3
	switch on "$_v"
	_f0=$(fp_fwd)
	_r=$(ip netns exec onprem rr "$@") || done_ "FAIL rr $* through $_v"
	echo "dp-bench-$_k: variant=$_v rep=$_rep $_r fp=$(($(fp_fwd) - _f0))"
	switch off "$_v"
}

# rr_phase: LAT_VARIANTS and CRR_VARIANTS over profile A's 10 routes
rr_phase() {
	load_table A 10
	q ip netns exec vm1 tc filter del dev eth0 ingress
	ip netns exec vm1 /usr/sbin/rr udp-server 7 &
	_us=$!
	ip netns exec vm1 /usr/sbin/rr tcp-server 80 &
	_ts=$!
	for rep in $(seq 1 "$REPS"); do
		for v in $LAT_VARIANTS; do
			rr_one lat "$v" "$rep" udp 10.1.0.4 7 "$LAT_COUNT"
		done
		for v in $CRR_VARIANTS; do
			rr_one crr "$v" "$rep" crr 10.1.0.4 80 "$CRR_SECS"
		done
	done
	kill $_us $_ts
	wait $_us $_ts 2>/dev/null
	q sink_on
	unload_table
}

run "$PROFILES" "$SIZES"
[ -z "$V6_PROFILES" ] || run "$V6_PROFILES" "$V6_SIZES"
[ -z "$LAT_VARIANTS$CRR_VARIANTS" ] || rr_phase
dmesg | grep -E 'BUG:|WARNING:|Oops|Call Trace' && done_ "FAIL kernel log has BUG/WARNING/Oops"
done_ OK
