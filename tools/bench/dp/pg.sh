#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# pg.sh PROFILE DMAC PKT: configure pktgen's flood on op0, run inside the
# namespace that holds op0 (ip netns exec onprem), for guest-init.sh.
# Profile A: one flow, 10.0.0.2:4000 -> 10.1.0.4:9.  Profile B: 4096
# destinations (10.1.16.0/20) and random source ports, new flows all the
# time.  PKT: the frame's size without FCS.
pg() {
	echo "$2" >"/proc/net/pktgen/$1" || {
		echo "pktgen $1: $2: $(tail -n 1 "/proc/net/pktgen/$1")" >&2
		exit 1
	}
}
pg kpktgend_0 rem_device_all
pg kpktgend_0 "add_device op0"
for c in "count 0" "clone_skb 0" "pkt_size $3" "delay 0" "dst_mac $2" \
	"src_min 10.0.0.2" "src_max 10.0.0.2" "udp_dst_min 9" "udp_dst_max 9"; do
	pg op0 "$c"
done
if [ "$1" = A ]; then
	for c in "dst_min 10.1.0.4" "dst_max 10.1.0.4" "udp_src_min 4000" \
		"udp_src_max 4000"; do
		pg op0 "$c"
	done
else
	for c in "dst_min 10.1.16.0" "dst_max 10.1.31.255" "flag IPDST_RND" \
		"udp_src_min 1024" "udp_src_max 65535" "flag UDPSRC_RND"; do
		pg op0 "$c"
	done
fi
