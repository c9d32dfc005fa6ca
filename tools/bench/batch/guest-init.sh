#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Guest side of tools/bench/batch/bench-batch.sh (/init of its initramfs,
# run by dash on Debian's stock kernel): load N endpoints with
# "fpctl -batch" (DEFER on every request, one COMMIT at the end) and N
# routes with "ip -batch" on a dummy device, timed one after the other;
# then SLOW_N endpoints deferred, and SLOW_N with a commit after each one,
# each on a circuit of its own.  Checks that every route was installed
# (circuit INSTALLED, "ip route" count), prints the bench-batch: lines and
# ends with BENCH-BATCH-DONE.
GUEST_TAG=bench-batch
GUEST_MARKER=BENCH-BATCH-DONE
. /guest.sh
. /bench/params
SUB=0f8fad5b-d9cb-469f-a165-70867728950e

# rate COUNT CS: per second
rate() {
	echo $(( $1 * 100 / ($2 > 0 ? $2 : 1) ))
}
secs() {
	printf '%d.%02d' $(($1 / 100)) $(($1 % 100))
}
# installed CIRCUIT: its published route count
installed() {
	fpctl -j circuit show "$1" | sed -E 's/.*"installed":([0-9]+).*/\1/'
}
# timed NAME COUNT CMD...: run CMD, print its time and rate, set cs
timed() {
	_name=$1 _count=$2
	shift 2
	_t0=$(now_cs)
	"$@" > /tmp/out 2>&1 || { sed 's/^/  /' /tmp/out | head -n 5; done_ "FAIL $_name"; }
	cs=$(( $(now_cs) - _t0 ))
	[ "$cs" -gt 0 ] || cs=1
	echo "bench-batch: $_name count=$_count seconds=$(secs "$cs") per_s=$(rate "$_count" "$cs")"
}

say "kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPU(s), $(awk '/MemTotal/ { print $2 }' /proc/meminfo) kB"
insmod /bench/dummy.ko numdummies=0 || done_ "FAIL insmod dummy"
insmod /bench/fastpath.ko || done_ "FAIL insmod fastpath"
ip link set lo up
for d in up1 up2 up3 up4 dummy0; do
	ip link add "$d" type dummy && ip link set "$d" up || done_ "FAIL dummy $d"
done
i=1
for v in hub fast slow forced; do
	fpctl circuit add er$i subscription $SUB dev up$i tier premium \
		bandwidth 10G port 10G &&
	fpctl vnet add $v subscription $SUB region westeurope sku ErGw3AZ \
		spaces $((9 + i)).0.0.0/8 &&
	fpctl connection add k$i circuit er$i vnet $v fastpath on ||
		done_ "FAIL setup $v"
	i=$((i + 1))
done

# The figures: N endpoints, then N routes, in the same boot.
timed fpctl_batch_endpoints "$N" fpctl -batch /bench/endpoints.batch
ep_cs=$cs
got=$(installed er1)
[ "$got" = "$N" ] || done_ "FAIL er1 installed $got, want $N"
timed ip_batch_routes "$N" ip -batch /bench/routes.batch
rt_cs=$cs
got=$(ip route show dev dummy0 | wc -l)
[ "$got" = "$N" ] || done_ "FAIL dummy0 has $got routes, want $N"
# The same load with -force: every line sent, none waits for the others.
timed fpctl_force_batch_endpoints "$N" fpctl -force -batch /bench/forced.batch
fo_cs=$cs
got=$(installed er4)
[ "$got" = "$N" ] || done_ "FAIL er4 installed $got, want $N"

# What deferral avoids: a commit per request costs O(routes) each.
timed fpctl_batch_deferred "$SLOW_N" fpctl -batch /bench/deferred.batch
d_cs=$cs
timed fpctl_batch_commit_each "$SLOW_N" fpctl -batch /bench/per-request.batch
s_cs=$cs
[ "$(installed er2)" = "$SLOW_N" ] && [ "$(installed er3)" = "$SLOW_N" ] ||
	done_ "FAIL er2/er3 installed $(installed er2)/$(installed er3), want $SLOW_N"

ep=$(rate "$N" "$ep_cs")
rt=$(rate "$N" "$rt_cs")
fo=$(rate "$N" "$fo_cs")
echo "bench-batch: endpoints_per_s=$ep force_endpoints_per_s=$fo routes_per_s=$rt ratio=$(awk -v a="$ep" -v b="$rt" 'BEGIN { printf "%.2f", a / b }') force_ratio=$(awk -v a="$fo" -v b="$rt" 'BEGIN { printf "%.2f", a / b }') commit_each_slowdown_at_${SLOW_N}=$(awk -v a="$s_cs" -v b="$d_cs" 'BEGIN { printf "%.1f", a / b }')x (TCG; endpoints and routes per second, ratio = fpctl/ip)"
dmesg | grep -E 'BUG:|WARNING:|Oops|Call Trace' && done_ "FAIL kernel log has BUG/WARNING/Oops"
done_ OK
