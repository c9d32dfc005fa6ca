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
# other.  The last line's guest has two vCPUs (FP_SMP=2, unless FP_SMP is
# set): the churn selftest needs them and is skipped with one.
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

# What each debug line leaves out.  Every line runs the KUnit suites, the
# config-plane selftests (config_limits with every per-object maximum) and
# datapath.sh (the hook on that kernel's API).  What adds sanitizer depth
# rather than API coverage runs on one debug line each, and everything,
# every case, on Debian's stock kernel in make dkms-check.  The budget is
# the two cores: the three debug builds take ~3,300 s of CPU, and every
# guest second is a core second, so the guests together may take about
# 4,500 s for the run to end within ~70 minutes (CI at stop 22 ran over
# 90 minutes with ~7,000 s of guests; before that at c877364 4,866 s,
# 6dec559 4,349 s, 401b14c 4,117 s, stop 21 4,812 s).  With 6.1 6.12 7.x:
#   faults    6.1: circuit deleted, module unloaded, namespace deleted
#             under traffic (faults.sh's debug default); 6.12: the uplink
#             renamed (a rename of a device that is up, 6.12 and later);
#             all 20 cases on stock.  A case takes 1-3 min in a debug
#             guest, the topology as much again.
#   coexist   6.12
#   teardown  6.12
#   ynl_cli   6.1 (genl_ops built by compat.h) and 7.x (split ops);
#             config_limits' YNL dumps run on every line
#   churn     7.x, the line with two vCPUs (skipped with one), which is
#             slow there: 700-900 s of a contended guest's time
# The lines after the first also repeat less of what is repeated work
# rather than a kernel's API: 2,000 fuzz messages instead of 10,000 (and
# 500 unprivileged instead of 2,500; each line has its own seed), 10
# module load/unload cycles instead of 50, and the KUnit cases marked
# slow (the randomized, allocation-failure and concurrent trie cases,
# 100,000 named objects: on 6.1 in CI 1,150 of KUnit's 1,210 s) are
# skipped by KUnit's attribute filter (6.6 and later; on 6.1, the first
# line, a module's suites cannot be filtered and all run).
# FP_SKIP_SCHEDULE=0 runs every script on every line, in full.
line_append() {
	[ "${FP_SKIP_SCHEDULE:-1}" = 1 ] || return 0
	if [ "$1" = "${kernels[0]}" ]; then
		echo "FP_FUZZ_COUNT=10000 FP_FUZZ_UNPRIV_COUNT=2500 FP_LOAD_CYCLES=50"
		return 0
	fi
	echo "FP_FUZZ_COUNT=2000 FP_FUZZ_UNPRIV_COUNT=500 FP_LOAD_CYCLES=10" \
		"FP_FAULT_CASES=circuit_dev_rename" \
		"kunit.filter=speed>slow kunit.filter_action=skip"
}

line_skip() {
	[ "${FP_SKIP_SCHEDULE:-1}" = 1 ] || return 0
	[ ${#kernels[@]} -gt 1 ] || return 0
	if [ "$1" = "${kernels[0]}" ]; then
		[ ${#kernels[@]} -lt 3 ] || echo "coexist,teardown"
	elif [ "$1" = "${kernels[-1]}" ]; then
		echo "teardown,coexist,faults"
	else
		echo "ynl_cli"
	fi
}

# One kernel line: wait for its kernel (kernel.sh serialises on flock and
# prints the cached build), then boot its guest.
run_line() {
	local k=$1 t0 rc=0 smp=${FP_SMP:-1}
	t0=$(date +%s)
	rm -f "$top/build/$k.result.json"
	# The last line's guest gets two CPUs (unless FP_SMP says otherwise):
	# the churn selftest needs real concurrency.
	[ -n "${FP_SMP:-}" ] || [ "$k" != "${kernels[-1]}" ] || smp=2
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
