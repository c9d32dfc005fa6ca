#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The whole test suite: host-side checks, then every kernel line in QEMU.
#
#   check.sh [KERNEL...]        (default: 6.1)
#
# Ends with one line "N passed, N failed[, N skipped]" summing everything;
# exit status non-zero if anything failed.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
kernels=("$@")
[ ${#kernels[@]} -gt 0 ] || kernels=(6.1)

passed=0
failed=0
skipped=0
failures=()

add_json() {
	local j=$1
	passed=$((passed + $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["passed"])' "$j")))
	failed=$((failed + $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["failed"])' "$j")))
	skipped=$((skipped + $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["skipped"])' "$j")))
}

# One host-side step: a command that must succeed.
host_step() {
	local name=$1
	shift
	local t0=$(date +%s)
	if "$@"; then
		passed=$((passed + 1))
		echo "host: PASS $name ($(($(date +%s) - t0))s)"
	else
		failed=$((failed + 1))
		failures+=("host/$name")
		echo "host: FAIL $name"
	fi
}

mkdir -p "$top/build/logs"

# Build (or find cached) every kernel in the background while the host steps
# and the earlier guests run: a TCG guest keeps one core busy, a kernel build
# the other.  kernel.sh serialises on flock, so run.sh's own kernel.sh call
# simply waits for the build it needs (and reports its failure, if any).
prefetch_log="$top/build/logs/kernels-prefetch.log"
(
	for k in "${kernels[@]}"; do
		echo "prefetch: $k start $(date +%s)"
		"$here/kernel.sh" "$k" || echo "prefetch: $k FAILED"
		echo "prefetch: $k end $(date +%s)"
	done
) >"$prefetch_log" 2>&1 &
prefetch_pid=$!
trap 'kill "$prefetch_pid" 2>/dev/null' EXIT
echo "kernels: building ${kernels[*]} in the background, log: $prefetch_log"

host_step fpctl-unit make -s -C "$top/tools/fpctl" check
host_step lint make -s -C "$top" lint
host_step trie-tools make -s -C "$top" check-tools

for k in "${kernels[@]}"; do
	t0=$(date +%s)
	json="$top/build/$k.result.json"
	rm -f "$json"
	if FP_JSON="$json" "$here/run.sh" "$k" && [ -f "$json" ]; then
		:
	fi
	if [ -f "$json" ]; then
		add_json "$json"
		mapfile -t f < <(python3 -c 'import json,sys; [print(x) for x in json.load(open(sys.argv[1]))["failures"]]' "$json")
		for x in "${f[@]}"; do failures+=("$k/$x"); done
	else
		failed=$((failed + 1))
		failures+=("$k/harness: build or boot failed before any result")
	fi
	echo "[$k] done in $(($(date +%s) - t0))s"
done

for x in "${failures[@]}"; do echo "FAILED: $x"; done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
