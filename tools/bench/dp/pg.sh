#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# pg.sh PROFILE DMAC PKT: configure pktgen's flood on op0, run inside the
# namespace that holds op0 (ip netns exec onprem), for guest-init.sh.
# Profile A: one flow, 10.0.0.2:4000 -> 10.1.0.4:9.  Profile B: 4096
# destinations (10.1.16.0/20) and random source ports, new flows all the
# time.  A6 and B6: the same over IPv6, 2001:db8:ffff::2 -> 2001:db8:1::4,
# and 4096 destinations in 2001:db8:1::1:0/116 (pktgen draws each IPv6
# destination at random between dst6_min and dst6_max bitwise).  PKT: the
# frame's size without FCS (pktgen raises it to what its IPv6 header and
# payload need: 78 bytes).
pg() {
	echo "$2" >"/proc/net/pktgen/$1" || {
		echo "pktgen $1: $2: $(tail -n 1 "/proc/net/pktgen/$1")" >&2
		exit 1
	}
}
pg kpktgend_0 rem_device_all
pg kpktgend_0 "add_device op0"
for c in "count 0" "clone_skb 0" "pkt_size $3" "delay 0" "dst_mac $2" \
	"udp_dst_min 9" "udp_dst_max 9"; do
	pg op0 "$c"
done
case $1 in
A)
	set -- "src_min 10.0.0.2" "src_max 10.0.0.2" "dst_min 10.1.0.4" \
		"dst_max 10.1.0.4" "udp_src_min 4000" "udp_src_max 4000"
	;;
B)
	set -- "src_min 10.0.0.2" "src_max 10.0.0.2" "dst_min 10.1.16.0" \
		"dst_max 10.1.31.255" "flag IPDST_RND" "udp_src_min 1024" \
		"udp_src_max 65535" "flag UDPSRC_RND"
	;;
A6)
	set -- "src6 2001:db8:ffff::2" "dst6 2001:db8:1::4" \
		"udp_src_min 4000" "udp_src_max 4000"
	;;
B6)
	set -- "src6 2001:db8:ffff::2" "dst6_min 2001:db8:1::1:0" \
		"dst6_max 2001:db8:1::1:fff" "udp_src_min 1024" \
		"udp_src_max 65535" "flag UDPSRC_RND"
	;;
*)
	echo "pg.sh: no profile $1" >&2
	exit 1
	;;
esac
for c in "$@"; do
	pg op0 "$c"
done
