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

mkdir -p "$top/build"
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
