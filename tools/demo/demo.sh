#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo, guest side: the init of the stock-kernel guest that
# tools/demo/demo-host.sh boots.  Each step prints the command and its
# output.
#
#   onprem (netns) op0 10.0.0.2 --- er0 10.0.0.1  circuit "er" (Direct 10G)
#                                    | fastpath hook on er0's ingress
#                                    +-- vm1h --- vm1 (netns, veth) 10.1.0.4  hub
#                                    +-- tapvm2 - vm2 (fpnet tap)   10.1.0.5  hub
#                                    +-- pe1h --- pe1 (netns, veth) 10.1.3.4  hub,
#                                    |            private endpoint: exception
#                                    +-- vm3h --- vm3 (netns, veth) 10.2.0.4  spoke
#   gateway = this host's IP forwarding, with nftables counters
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /tmp /run/netns /var
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
ln -s /run /var/run
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null
ip link set lo up

ok=1
end() {
	echo
	if [ $ok = 1 ]; then echo "FP-DEMO-END OK"; else echo "FP-DEMO-END FAIL $*"; fi
	sync
	poweroff -f
	sleep 10
}
step() {
	echo
	echo "\$ $*"
	"$@" 2>&1 || { echo "(exit status $?)"; ok=0; }
}
quiet() {
	"$@" >/dev/null 2>&1 || { echo "demo: '$*' failed"; ok=0; end "setup: $*"; }
}
uptime_cs() {	# centiseconds since boot
	tr -d . < /proc/uptime | cut -d' ' -f1
}

echo "FP-DEMO-BEGIN"
echo "fastpath demo on Debian's stock kernel $(uname -r)"
for m in $(cat /demo/modules); do
	insmod "/demo/$m" 2>/dev/null
done
step insmod /demo/fastpath.ko
step fpctl version

# ---- the network: onprem, the host (gateway), four VMs ----------------------
quiet sysctl -qw net.ipv4.ip_forward=1
quiet ip netns add onprem
quiet ip link add er0 type veth peer name op0 netns onprem
quiet ip link set er0 up
quiet ip addr add 10.0.0.1/24 dev er0
quiet ip netns exec onprem ip link set lo up
quiet ip netns exec onprem ip link set op0 up
quiet ip netns exec onprem ip addr add 10.0.0.2/24 dev op0
quiet ip netns exec onprem ip route add default via 10.0.0.1
vm() {	# NAME HOSTDEV ADDR GW
	quiet ip netns add "$1"
	quiet ip link add "$2" type veth peer name eth0 netns "$1"
	quiet ip link set "$2" up
	quiet ip addr add "$4/32" dev "$2"
	quiet ip route add "$3/32" dev "$2"
	quiet ip netns exec "$1" ip link set lo up
	quiet ip netns exec "$1" ip link set eth0 up
	quiet ip netns exec "$1" ip addr add "$3/16" dev eth0
	quiet ip netns exec "$1" ip route add default via "$4"
}
vm vm1 vm1h 10.1.0.4 10.1.0.1
vm pe1 pe1h 10.1.3.4 10.1.0.1
vm vm3 vm3h 10.2.0.4 10.2.0.1
fpnet tap -n tapvm2 -m 02:00:00:00:00:05 -a 10.1.0.5 -f /tmp/vm2.cnt -t 63 &
for i in 1 2 3 4 5 6 7 8 9 10; do
	ip link show tapvm2 >/dev/null 2>&1 && break
	sleep 0.2
done
quiet ip link set tapvm2 up
quiet ip addr add 10.1.0.1/32 dev tapvm2
quiet ip route add 10.1.0.5/32 dev tapvm2
# The gateway's counters: what the host forwarded from er0, per VM.
nft -f - <<EOF || ok=0
table inet gw {
	chain forward { type filter hook forward priority 0;
		iifname "er0" ip daddr 10.1.0.4 counter comment "vm1"
		iifname "er0" ip daddr 10.1.0.5 counter comment "vm2"
		iifname "er0" ip daddr 10.1.3.4 counter comment "pe1"
		iifname "er0" ip daddr 10.2.0.4 counter comment "vm3"
	}
}
EOF
# Receivers in the veth VMs.
for v in vm1:10.1.0.4 pe1:10.1.3.4 vm3:10.2.0.4; do
	ip netns exec "${v%%:*}" fpnet recv -a "${v#*:}" -f "/tmp/${v%%:*}.cnt" &
done
for f in vm1 pe1 vm3 vm2; do
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -s "/tmp/$f.cnt" ] && break
		sleep 0.2
	done
done
# Resolve the VMs' MACs once (the fast path then keeps the entries fresh).
for a in 10.1.0.4 10.1.0.5 10.1.3.4 10.2.0.4; do
	ping -c 1 -W 2 $a >/dev/null 2>&1
done
ER0_MAC=$(cat /sys/class/net/er0/address)

# ---- the configuration --------------------------------------------------------
SUB=0f8fad5b-d9cb-469f-a165-70867728950e
step fpctl circuit add er subscription $SUB tier premium bandwidth 10G \
	port 10G dev er0
step fpctl vnet add hub subscription $SUB region westeurope sku ErGw3AZ \
	spaces 10.1.0.0/16
step fpctl vnet add spoke subscription $SUB region westeurope \
	spaces 10.2.0.0/16
step fpctl peering add hub spoke
step fpctl endpoint add vm1 vnet hub prefix 10.1.0.4 dev vm1h
step fpctl endpoint add vm2 vnet hub prefix 10.1.0.5 dev tapvm2 \
	mac 02:00:00:00:00:05
step fpctl endpoint add pe1 vnet hub prefix 10.1.3.4 dev pe1h
step fpctl endpoint add vm3 vnet spoke prefix 10.2.0.4 dev vm3h
step fpctl exception add 10.1.3.0/24 vnet hub kind private-endpoint
step fpctl connection add k circuit er vnet hub fastpath on peering on
step fpctl circuit show
step fpctl endpoint list
step fpctl connection show

# ---- traffic ------------------------------------------------------------------
echo 1 > /sys/kernel/tracing/events/fastpath/fastpath_packet/enable 2>/dev/null
send() {	# DST COUNT [fpnet send options]
	_d=$1
	_c=$2
	shift 2
	step ip netns exec onprem fpnet send -i op0 -d "$ER0_MAC" -s 10.0.0.2 \
		-D "$_d" -c "$_c" "$@"
}
echo
echo "# 100 UDP datagrams to each VM, 10 with TTL 1, 10 to an unknown VM"
send 10.1.0.4 100
send 10.1.0.5 100
send 10.1.3.4 100
send 10.2.0.4 100
send 10.1.0.4 10 -t 1
send 10.1.9.9 10
sleep 1
echo 0 > /sys/kernel/tracing/events/fastpath/fastpath_packet/enable 2>/dev/null

echo
echo "# What each VM received (fpnet counts FPNT datagrams; vm2 checks MAC, TTL, checksums)"
for f in vm1 vm2 pe1 vm3; do
	echo "$f: $(cat /tmp/$f.cnt)"
done
echo
echo "# Which flows took the fast path, which went to the gateway, and why"
step fpctl stats
echo
echo "# The gateway (host IP forwarding) carried only what fastpath passed to it"
step nft list chain inet gw forward
echo
echo "# The tracepoint fastpath:fastpath_packet, one line per packet (a few):"
grep fastpath_packet /sys/kernel/tracing/trace | awk '!seen[$NF $(NF-1) $(NF-2)]++' | head -n 6

# ---- throughput: the same TCP flow, fast path vs gateway -----------------------
stream() {	# LABEL: 64 MiB from onprem to vm1 over TCP; prints MB/s
	rm -f /tmp/sink.cnt
	ip netns exec vm1 fpnet sink -a 10.1.0.4 -p 5001 -f /tmp/sink.cnt &
	_p=$!
	for i in 1 2 3 4 5 6 7 8 9 10; do
		[ -s /tmp/sink.cnt ] && break
		sleep 0.2
	done
	_t0=$(uptime_cs)
	ip netns exec onprem fpnet stream -D 10.1.0.4 -p 5001 -n 67108864 -w 60 ||
		ok=0
	_t1=$(uptime_cs)
	wait $_p
	_cs=$((_t1 - _t0))
	[ $_cs -gt 0 ] || _cs=1
	echo "$1: 64 MiB in $((_cs / 100)).$(printf %02d $((_cs % 100))) s, $((6710886400 / _cs / 1000000)) MB/s ($(cat /tmp/sink.cnt))" >&2
	echo $((6710886400 / _cs))
}
echo
echo "# Throughput of one TCP flow onprem -> vm1 (64 MiB, TCG guest: indicative)"
fast=$(stream "fast path")
step fpctl connection set k fastpath off peering off
gw=$(stream "gateway  ")
step fpctl connection set k fastpath on peering on
[ "$gw" -gt 0 ] 2>/dev/null || gw=1
echo "fast path / gateway = $((fast * 100 / gw / 100)).$(printf %02d $((fast * 100 / gw % 100)))"
step fpctl stats connection k

step rmmod fastpath
echo
echo "# With the module unloaded every flow still works, through the gateway:"
step ip netns exec onprem ping -c 1 -W 2 10.1.0.4
end
