#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of tools/bench/kbench/kbench.sh (/init of its initramfs, run
# by dash on Debian's stock kernel).  For each route set in /kbench/params:
# load it into FIB table 100 with kb_load (the file is an `ip -batch` file;
# timed, with the kernel's
# slab + vmalloc + percpu growth), insmod fp_kbench.ko on the same file
# (the trie's growth measured the same way), print the kbench: lines, drop
# the routes with the device.  Ends with the summary line and KBENCH-DONE.
GUEST_TAG=kbench
GUEST_MARKER=KBENCH-DONE
. /guest.sh
. /kbench/params

# kB of kernel memory a route table can take: slab, vmalloc, percpu
mem_kb() {
	awk '/^(Slab|VmallocUsed|Percpu):/ { s += $2 } END { print s }' /proc/meminfo
}
# bytes in the FIB's own caches (needs slab_nomerge)
fib_cache_b() {
	awk '$1 == "ip_fib_alias" || $1 == "ip_fib_trie" || $1 == "fib6_nodes" {
		s += $2 * $4 } END { print s + 0 }' /proc/slabinfo
}
# a / b with two decimals
div2() {
	[ "$2" -gt 0 ] || { echo 0; return; }
	q=$(( $1 * 100 / $2 ))
	printf '%d.%02d' $((q / 100)) $((q % 100))
}
settle() {
	# let call_rcu()/kfree_rcu() frees of replaced nodes run
	sleep 2
}

say "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPU(s), $(awk '/MemTotal/ { print $2 }' /proc/meminfo) kB"
say "cmdline: $(cat /proc/cmdline)"
for v in /sys/devices/system/cpu/vulnerabilities/spectre_v2 \
	 /sys/devices/system/cpu/vulnerabilities/retbleed; do
	[ -r "$v" ] && say "${v##*/}: $(cat "$v")"
done
insmod /kbench/dummy.ko numdummies=0 || done_ "FAIL insmod dummy"
ip link set lo up
dmesg -c > /dev/null

for s in $SETS; do
	f=/kbench/sets/$s.batch
	[ -r "$f" ] || { say "no $f"; continue; }
	case "$s" in real6|6-*) fam=6 ;; *) fam=4 ;; esac
	n=$(wc -l < "$f")
	ip link add dummy0 type dummy && ip link set dummy0 up ||
		done_ "FAIL cannot create dummy0"
	settle
	m0=$(mem_kb)
	c0=$(fib_cache_b)
	t0=$(now_cs)
	# kb_load: what ip -batch does, without its per-route ACK wait and
	# its ~4 KiB per route kept until exit (see kb_load.c)
	/kbench/kb_load "$f" > /tmp/ip.out 2>&1 ||
		sed "s/^/kbench-guest: kb_load $s: /" /tmp/ip.out | head -n 6
	t1=$(now_cs)
	settle
	m1=$(mem_kb)
	c1=$(fib_cache_b)
	cs=$((t1 - t0))
	[ "$cs" -gt 0 ] || cs=1
	fib_b=$(( (m1 - m0) * 1024 ))
	echo "kbench: v$fam set=$s routes=$n fib_load_s=$(div2 "$cs" 100) fib_load_routes_per_s=$((n * 100 / cs)) fib_mem=$fib_b fib_B_per_route=$(div2 "$fib_b" "$n") fib_caches_B_per_route=$(div2 $((c1 - c0)) "$n")"

	m2=$(mem_kb)
	insmod /kbench/fp_kbench.ko routes="$f" set="$s" table=100 \
		nlook="$NLOOK" reps="$REPS"
	rc=$?
	settle
	m3=$(mem_kb)
	modsz=$(awk '$1 == "fp_kbench" { print $2 }' /proc/modules)
	dmesg -c | grep 'kbench:' | sed 's/^\[[ 0-9.]*\] //'
	if [ $rc -eq 0 ]; then
		ours_b=$(( (m3 - m2) * 1024 - ${modsz:-0} ))
		echo "kbench: v$fam set=$s routes=$n ours_alloc=$ours_b ours_alloc_B_per_route=$(div2 "$ours_b" "$n") (slab+vmalloc+percpu growth minus the module's own $modsz B)"
		rmmod fp_kbench
	else
		say "insmod fp_kbench set=$s failed ($rc)"
	fi
	t0=$(now_cs)
	ip link del dummy0
	settle
	say "set $s: routes removed in $(div2 $(( $(now_cs) - t0 )) 100) s (incl. 2 s settle)"
done

dmesg | grep -E 'BUG:|WARNING:|Oops|Call Trace' && done_ "FAIL kernel log has BUG/WARNING/Oops"
done_ OK
