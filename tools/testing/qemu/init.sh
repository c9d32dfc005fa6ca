#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the fastpath test guest (busybox sh, PID 1).
#
# Runs the KUnit suites, then every netns selftest, then a kmemleak scan,
# and prints machine-readable markers on the console that
# tools/testing/qemu/parse.py turns into one verdict:
#
#   FP-KTAP-BEGIN <module> ... FP-KTAP-END   KUnit results (KTAP)
#   FP-CASE: PASS|FAIL|SKIP <suite>/<case>   one selftest case
#   FP-SCRIPT: <script> rc=<n>               a selftest script finished
#   FP-JIFFIES-START <jiffies>               tests start; older leaks are boot's
#   FP-KMEMLEAK-BEGIN ... FP-KMEMLEAK-END    unreferenced objects, if any
#   FP-KUNIT-TIME <suite>[/<case>] <secs>    how long a KUnit suite (case) ran
#   FP-HANG: <text>                          a script hung: where processes are
#   FP-DONE                                  the guest reached the end
#
# Kernel command line knobs: fp.only=<glob> runs only matching selftests
# ("kunit": only the KUnit modules), fp.skip=<a,b> leaves out those
# selftests (one SKIP each), fp.kunit=<glob> only the matching
# KUnit modules, fp.fuzz_seed=N makes nl_fuzz send the messages of that seed again,
# fp.script_limit=S fails a selftest script still running after S seconds.

export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mkdir -p /dev/pts /dev/shm /run /tmp /var/run/netns /run/netns
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
mount -t debugfs debugfs /sys/kernel/debug
hostname fastpath-guest
ip link set lo up

only='*'
skip=
kunit='*'
script_limit=1500
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	fp.only=*) only="${arg#fp.only=}" ;;
	fp.skip=*) skip=",${arg#fp.skip=}," ;;
	fp.kunit=*) kunit="${arg#fp.kunit=}" ;;
	fp.fuzz_seed=*) export FP_FUZZ_SEED="${arg#fp.fuzz_seed=}" ;;
	fp.script_limit=*) script_limit="${arg#fp.script_limit=}" ;;
	esac
done

# Keep the console for our markers: only errors and worse from the kernel.
# Lockdep, PROVE_RCU and kmemleak report at warning level, which that hides:
# fp_dmesg_scan copies every such report from the kernel log to the console
# (FP-DMESG lines, which parse.py judges like the console's own), after the
# KUnit modules and before FP-DONE, before anything clears the log.
echo 4 > /proc/sys/kernel/printk
fp_dmesg_scan() {
	dmesg -c | grep -E 'WARNING: .* at |cut here|BUG: |Oops|KASAN: |UBSAN: |possible (circular|recursive) locking|inconsistent lock state|suspicious RCU usage|DEBUG_LOCKS_WARN_ON|lock held when returning|irq lock inversion|held lock freed|ODEBUG: |list_(add|del) corruption|blocked for more than|soft lockup|detected stall' |
		sed 's/^/FP-DMESG: /'
}
# insmod of a KUnit module runs every suite before it returns; under TCG on
# a busy host that exceeds the default 120 s hung-task limit.
[ -e /proc/sys/kernel/hung_task_timeout_secs ] &&
	echo 1200 > /proc/sys/kernel/hung_task_timeout_secs

finish() {
	echo "FP-DONE"
	sync
	# With -no-reboot QEMU exits on reboot; poweroff needs ACPI.
	reboot -f
}

echo "FP-GUEST: kernel $(uname -r) t=$(cut -d' ' -f1 /proc/uptime)"

# Some kernels leak a few objects during early boot (ACPI caches on 6.1):
# parse.py reports only objects allocated after this point in time.
echo "FP-JIFFIES-START $(awk '/^jiffies:/ { print $2; exit }' /proc/timer_list)"

# KUnit: loading the test module runs its suites; results stay in debugfs.
kunit_run() {
	mod="$1"
	if [ ! -e "/lib/modules/$mod.ko" ]; then
		echo "FP-CASE: FAIL kunit/$mod-missing"
		return
	fi
	before=$(ls /sys/kernel/debug/kunit 2>/dev/null)
	if ! insmod "/lib/modules/$mod.ko"; then
		echo "FP-CASE: FAIL kunit/insmod-$mod"
		return
	fi
	for d in /sys/kernel/debug/kunit/*; do
		suite=${d##*/}
		case " $(echo $before) " in *" $suite "*) continue ;; esac
		echo "FP-KTAP-BEGIN $suite"
		cat "$d/results"
		echo "FP-KTAP-END"
	done
	rmmod "$mod" || echo "FP-CASE: FAIL kunit/rmmod-$mod"
	kunit_times
}

# How long each suite ran, and each case that took a second or more, from
# the kernel log's timestamps (the results in debugfs carry none):
# "FP-KUNIT-TIME <suite>[/<case>] <seconds>".
kunit_times() {
	dmesg | awk '
	{
		t = $0; sub(/^\[ */, "", t); sub(/\].*/, "", t)
		if (match($0, /# Subtest: [A-Za-z0-9_]+/)) {
			s = substr($0, RSTART + 11, RLENGTH - 11)
			start[s] = t
			suite = s
			last = t
		} else if (match($0, /ok [0-9]+ [A-Za-z0-9_]+$/)) {
			n = split(substr($0, RSTART, RLENGTH), f, " ")
			s = f[n]
			if (s in start) {
				printf "FP-KUNIT-TIME %s %.1f\n", s, t - start[s]
				delete start[s]
			} else if (suite != "") {
				if (t - last >= 1)
					printf "FP-KUNIT-TIME %s/%s %.1f\n", suite, s, t - last
			}
			last = t
		}
	}'
	fp_dmesg_scan
}

# Every *_kunit.ko in /lib/modules is a KUnit module; ours needs fastpath.ko.
if [ "$only" = '*' ] || [ "$only" = kunit ]; then
	insmod /lib/modules/fastpath.ko || echo "FP-CASE: FAIL kunit/insmod-fastpath"
	for ko in /lib/modules/*_kunit.ko; do
		mod=${ko##*/}
		mod=${mod%.ko}
		case "$mod" in $kunit) kunit_run "$mod" ;; esac
	done
	rmmod fastpath || echo "FP-CASE: FAIL kunit/rmmod-fastpath"
fi

# Selftests: each script prints FP-CASE lines; its exit status must agree.
# A script still running after fp.script_limit seconds (default 1500; the
# longest, datapath on the 6.1 debug kernel, takes up to 900) hangs: the
# watchdog prints where each process is stuck (FP-HANG lines, which
# parse.py shows), fails the script and ends the run, instead of leaving
# it to the host's timeout with nothing to show.
. /selftests/lib_hang.sh
script_hung() {
	echo "FP-CASE: FAIL $1/hang"
	echo "FP-SCRIPT: $1 rc=124 t=$(cut -d' ' -f1 /proc/uptime)"
	finish
}
for t in /selftests/*.sh; do
	name=${t##*/}
	name=${name%.sh}
	case "$name" in lib*) continue ;; esac
	case "$name" in $only) ;; *) continue ;; esac
	case "$skip" in
	*",$name,"*)
		echo "FP-CASE: SKIP $name/all (not scheduled on this kernel line)"
		continue ;;
	esac
	echo "FP-SCRIPT-BEGIN: $name t=$(cut -d' ' -f1 /proc/uptime)"
	hang_watch "$script_limit" "$name" "FP-HANG: " script_hung &
	watchdog=$!
	( cd /selftests && dash "$t" </dev/null )
	rc=$?
	kill "$watchdog" 2>/dev/null
	wait "$watchdog" 2>/dev/null
	echo "FP-SCRIPT: $name rc=$rc t=$(cut -d' ' -f1 /proc/uptime)"
done

fp_dmesg_scan
# Lockdep turns itself off (debug_locks 0) once it has reported anything.
if [ -e /proc/lockdep_stats ] &&
	! grep -Eq 'debug_locks: +1' /proc/lockdep_stats; then
	echo "FP-DMESG: DEBUG_LOCKS_WARN_ON: lockdep is off (debug_locks 0)"
fi

# kmemleak reports objects older than 5 s that two scans in a row saw
# unreferenced: let the last test's objects age, then scan twice.
if [ -e /sys/kernel/debug/kmemleak ]; then
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	echo scan > /sys/kernel/debug/kmemleak
	echo "FP-KMEMLEAK-BEGIN t=$(cut -d' ' -f1 /proc/uptime)"
	cat /sys/kernel/debug/kmemleak
	echo "FP-KMEMLEAK-END"
else
	echo "FP-CASE: FAIL harness/kmemleak-missing"
fi

finish
