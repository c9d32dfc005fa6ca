# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=sh
#
# The start of every benchmark guest's /init (dash on Debian's stock
# kernel): sourced as /guest.sh (sg_root_begin packs it) after setting
#   GUEST_TAG     what say's lines begin with ("<tag>-guest: ...")
#   GUEST_MARKER  the verdict line, "<marker> OK" or "<marker> FAIL ..."
# Mounts proc, sys, devtmpfs and a tmpfs on /tmp and /run, and defines
#   say TEXT...   a line for the host to show
#   done_ WORDS   the verdict line, then power off
#   now_cs        centiseconds since boot
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /tmp /run
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run

say() { echo "$GUEST_TAG-guest: $*"; }
done_() {
	echo "$GUEST_MARKER $*"
	sync
	poweroff -f
	sleep 10
}
now_cs() {
	read -r up _ < /proc/uptime
	echo "${up%.*}${up#*.}" | sed 's/^0*//; s/^$/0/'
}
