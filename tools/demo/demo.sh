#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# make demo: a guided tour run inside the test guest (fp.mode=demo).
# Each step prints the command and its output.

echo "FP-DEMO-BEGIN"
step() {
	echo
	echo "\$ $*"
	"$@" 2>&1
}

echo "fastpath demo on kernel $(uname -r)"
step fpctl version
step insmod /lib/modules/fastpath.ko
step fpctl version
step fpctl -j version
step ip netns add tenant1
step ip netns exec tenant1 fpctl version
step ip netns del tenant1
step rmmod fastpath
step fpctl version
echo
