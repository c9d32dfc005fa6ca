#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The whole test suite: host-side checks, then every kernel line in QEMU.
#
#   check.sh [KERNEL...]        (default: 6.1)
#
# Ends with one line "N passed, N failed[, N skipped]" summing everything;
# exit status non-zero if anything failed.
#
# Scheduling (two cores, TCG): the kernels are built one after the other in
# the background, and each line's guest boots as soon as its kernel is
# ready, while the host steps, the next kernel build and the other guests
# run.  A TCG guest (one vCPU) is one busy thread, so guests of different
# lines overlap well; each writes its own log (build/logs/<line>-run.log),
# shown in full when it ends.  FP_PARALLEL=0 runs the guests one after the
# other.  A single line's guest has two vCPUs (FP_SMP=2, unless FP_SMP is
# set): the churn selftest needs them and is skipped with one; with more
# lines, churn runs on the stock kernel (make dkms-check) only.
#
# Priorities: the builds are the critical path (the last line's guest can
# only start when the last kernel is built), so guests run at a lower
# priority than builds (nice 15 against kernel.sh's nice 10): an early
# line's guest soaks up what the build leaves, and once the last kernel is
# built all guests share the cores to the end.  The other way round, the
# last build crawls under two guests and its guest then runs alone on one
# of the two cores.  A guest that waits that way takes longer in wall time,
# hence the longer default timeout (FP_TIMEOUT) with more than one line.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(6.1)
parallel=${FP_PARALLEL:-1}
guest_nice=0
if [ "$parallel" = 1 ] && [ ${#kernels[@]} -gt 1 ]; then
	guest_nice=15
	export FP_TIMEOUT=${FP_TIMEOUT:-5400}
fi
t_start=$(date +%s)

passed=0
failed=0
skipped=0
failures=()

json_field() {
	python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"
}

# One host-side step: a command that must succeed.
host_step() {
	local name=$1
	shift
	local t0
	t0=$(date +%s)
	if "$@"; then
		passed=$((passed + 1))
		echo "host: PASS $name ($(($(date +%s) - t0))s)"
	else
		failed=$((failed + 1))
		failures+=("host/$name")
		echo "host: FAIL $name"
	fi
}

logs="$top/build/logs"
mkdir -p "$logs"

# The user-space programs every guest packs: built once, here, so that
# guests starting at the same time never build them concurrently (run.sh's
# own make calls then find them up to date).
host_step build-tools make -s -C "$top/tools/fpctl" fpctl
host_step build-fpnet make -s -C "$top/tools/testing/fpnet"
make -s -C "$top/tools/testing/nlfuzz" >/dev/null ||
	echo "host: warning: nlfuzz does not build (the nl_fuzz selftest will fail)"

# What each debug line runs.  The budget is the two cores: every guest
# second is a core second (a TCG vCPU is one busy thread), and the three
# debug builds, dkms-check and the host checks take ~5,500 s of CPU before
# any guest, so the guests together get ~3,500 CPU-seconds if a cold CI
# run is to end within 75 minutes.  A debug guest costs 3-5x the stock
# kernel's: in the CI-like run of 6255ab3 (kernels cached, stop 22's
# schedule less coexist/teardown on 6.1), the guests had used 1,151,
# 894 and 1,199 CPU-seconds after 47 minutes and were about half done
# (churn alone 879 s on two vCPUs); stop 22's CI did not end in 90 min.
# So: every line runs the KUnit suites, config_limits (issue 15: every
# per-object maximum on every line) and datapath.sh (the hook on that
# kernel's API: all 25 cases on 6.1, on the later lines the 7 that reach
# the kernel's API: delivery to veth and tap, IPv4 and IPv6, GSO, the
# neighbour table, the tracepoint; a case takes ~30 s of a contended
# debug guest); each other script runs on one or two debug lines, chosen
# for the API it exercises; churn (two vCPUs), coexist and teardown, and
# every fault case, run on Debian's stock kernel in make dkms-check, which
# runs every selftest in full:
#   6.1   genl_ops built by compat.h: batch, config_objects, ynl_cli,
#         stats, module_load (10 cycles); KUnit cannot be filtered on 6.1,
#         so its slow cases run here
#   6.12  the 6.2+ netdevice and pernet API: devices, nl_fuzz (10,000
#         messages, 2,500 unprivileged), faults (module unloaded and
#         namespace deleted under traffic)
#   7.x   the newest API (split ops), built last: batch, ynl_cli, stats,
#         module_load (10 cycles)
# On 6.12 and 7.x KUnit's attribute filter skips the cases marked slow
# (KUNIT_CASE_SLOW: the randomized, bulk, allocation-failure and
# concurrent trie cases and 100,000 named objects; 1,150 of the 1,210 s
# KUnit took on 6.1 in that run).  A single line (plain make check) runs
# everything, with two vCPUs for churn.  FP_SKIP_SCHEDULE=0 runs every
# script on every line, in full.
line_role() {
	if [ ${#kernels[@]} -eq 1 ]; then
		echo single
	elif [ "$1" = "${kernels[0]}" ]; then
		echo first
	elif [ "$1" = "${kernels[-1]}" ]; then
		echo last
	else
		echo middle
	fi
}

line_append() {
	[ "${FP_SKIP_SCHEDULE:-1}" = 1 ] || return 0
	local filter="kunit.filter=speed>slow kunit.filter_action=skip"
	local dp="FP_DP_CASES=fast_v4_veth,fast_v6_veth,fast_v4_tap,fast_v6_tap"
	dp="$dp,tcp_stream_v4,pass_no_neigh,tracepoint"
	case $(line_role "$1") in
	first) echo "FP_LOAD_CYCLES=10" ;;
	middle) echo "FP_FUZZ_COUNT=10000 FP_FUZZ_UNPRIV_COUNT=2500" \
		"FP_FAULT_CASES=module_reload,netns_delete $dp $filter" ;;
	last) echo "FP_LOAD_CYCLES=10 $dp $filter" ;;
	esac
}

line_skip() {
	[ "${FP_SKIP_SCHEDULE:-1}" = 1 ] || return 0
	case $(line_role "$1") in
	first) echo "churn,coexist,devices,faults,nl_fuzz,teardown" ;;
	middle) echo "batch,churn,coexist,config_objects,module_load,stats,teardown,ynl_cli" ;;
	last) echo "churn,coexist,config_objects,devices,faults,nl_fuzz,teardown" ;;
	esac
}

# One kernel line: wait for its kernel (kernel.sh serialises on flock and
# prints the cached build), then boot its guest.
run_line() {
	local k=$1 t0 rc=0 smp=${FP_SMP:-1}
	t0=$(date +%s)
	rm -f "$top/build/$k.result.json"
	# A single line's guest gets two CPUs (unless FP_SMP says otherwise):
	# the churn selftest needs real concurrency.
	[ -n "${FP_SMP:-}" ] || [ "$(line_role "$k")" != single ] || smp=2
	FP_SMP=$smp FP_JSON="$top/build/$k.result.json" \
		nice -n "$guest_nice" "$here/run.sh" --skip "$(line_skip "$k")" \
		--append "$(line_append "$k")" "$k" || rc=$?
	echo "[$k] run.sh rc=$rc in $(($(date +%s) - t0))s"
}

# The kernels, one after the other (a build takes both cores); each line's
# guest starts as soon as its kernel is there.
pipeline() {
	local k
	for k in "${kernels[@]}"; do
		echo "[$k] kernel build start at +$(($(date +%s) - t_start))s"
		"$here/kernel.sh" "$k" >/dev/null || echo "[$k] kernel build FAILED"
		echo "[$k] kernel ready at +$(($(date +%s) - t_start))s"
		if [ "$parallel" = 1 ]; then
			run_line "$k" >"$logs/$k-run.log" 2>&1 &
		fi
	done
	wait
}
pipeline >"$logs/kernels-pipeline.log" 2>&1 &
pipeline_pid=$!
trap 'kill "$pipeline_pid" 2>/dev/null' EXIT
if [ "$parallel" = 1 ]; then
	echo "kernels: ${kernels[*]} build in the background; each guest starts when its kernel is ready"
else
	echo "kernels: ${kernels[*]} build in the background; guests run one after the other"
fi
echo "kernels: schedule in $logs/kernels-pipeline.log, guest output in $logs/<line>-run.log"

host_step fpctl-unit make -s -C "$top/tools/fpctl" check
host_step lint make -s -C "$top" lint
host_step trie-tools make -s -C "$top" check-tools

if [ "$parallel" = 1 ]; then
	wait "$pipeline_pid"
else
	for k in "${kernels[@]}"; do
		run_line "$k" 2>&1 | tee "$logs/$k-run.log"
	done
	wait "$pipeline_pid"
fi
trap - EXIT

for k in "${kernels[@]}"; do
	json="$top/build/$k.result.json"
	if [ "$parallel" = 1 ]; then
		echo "==== $k: $logs/$k-run.log"
		cat "$logs/$k-run.log"
	fi
	if [ -f "$json" ]; then
		passed=$((passed + $(json_field "$json" passed)))
		failed=$((failed + $(json_field "$json" failed)))
		skipped=$((skipped + $(json_field "$json" skipped)))
		mapfile -t f < <(python3 -c 'import json,sys; [print(x) for x in json.load(open(sys.argv[1]))["failures"]]' "$json")
		for x in "${f[@]}"; do failures+=("$k/$x"); done
	else
		failed=$((failed + 1))
		failures+=("$k/harness: build or boot failed before any result (see $logs/$k-run.log)")
	fi
done
sed 's/^/schedule: /' "$logs/kernels-pipeline.log"
# Where each guest's time went, last, where a truncated CI log still shows it.
for k in "${kernels[@]}"; do
	grep -h 'times (guest s):' "$logs/$k-run.log" 2>/dev/null
done
echo "check: all done in $(($(date +%s) - t_start))s"

for x in "${failures[@]}"; do echo "FAILED: $x"; done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
