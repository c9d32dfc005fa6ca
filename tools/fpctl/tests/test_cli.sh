#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Command-line tests of fpctl: options, dispatch, exit codes, error texts,
# -n NETNS, -batch, JSON.  Works with and without the fastpath module
# loaded.  Usage: test_cli.sh [path/to/fpctl]
# Ends with "N passed, N failed"; exit status 1 if anything failed.

FPCTL=${1:-./fpctl}
T=$(mktemp -d "${TMPDIR:-/tmp}/fpctl-test.XXXXXX") || exit 1
NETNS="fpctl-test-$$"
netns_made=
cleanup() {
	rm -rf "$T"
	[ -n "$netns_made" ] && ip netns del "$NETNS" 2>/dev/null
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok - $1"
}

not_ok() {
	fail=$((fail + 1))
	echo "FAIL - $1"
	shift
	for m in "$@"; do echo "    $m"; done
	echo "    stdout: $(head -c 600 "$T/out")"
	echo "    stderr: $(head -c 600 "$T/err")"
}

# run ARGS...: run fpctl, keep stdout/stderr in $T/out, $T/err, rc in $rc
run() {
	"$FPCTL" "$@" >"$T/out" 2>"$T/err"
	rc=$?
}

# expect DESC RC [stdout-grep-ERE|-] [stderr-grep-ERE|-]
expect() {
	desc=$1 want_rc=$2 out_re=${3:--} err_re=${4:--}
	if [ "$rc" != "$want_rc" ]; then
		not_ok "$desc" "exit status $rc, want $want_rc"
	elif [ "$out_re" != - ] && ! grep -Eq -- "$out_re" "$T/out"; then
		not_ok "$desc" "stdout does not match: $out_re"
	elif [ "$err_re" != - ] && ! grep -Eq -- "$err_re" "$T/err"; then
		not_ok "$desc" "stderr does not match: $err_re"
	else
		ok "$desc"
	fi
}

# expect_exact DESC FILE TEXT: FILE ($T/out or $T/err) is exactly TEXT
expect_exact() {
	if [ "$(cat "$2")" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "want exactly: $3"
	fi
}

empty() {
	if [ -s "$2" ]; then not_ok "$1" "$2 should be empty"; else ok "$1"; fi
}

valid_json() {
	if ! command -v python3 >/dev/null; then
		return
	fi
	# one (possibly pretty) document, or one document per line
	if python3 -c 'import json, sys
text = sys.stdin.read()
try:
    json.loads(text)
except ValueError:
    for doc in text.splitlines():
        json.loads(doc)' <"$T/out" 2>/dev/null; then
		ok "$1: valid JSON"
	else
		not_ok "$1: valid JSON"
	fi
}

TOOLVER='fpctl [0-9][^ ]* \(uapi [0-9]+\)'
NOMOD='fpctl: fastpath module not loaded (generic netlink family "fastpath" not found); try: modprobe fastpath'

# ---- usage, options, dispatch ----------------------------------------------

run
expect "no arguments: usage error" 2 - '^Usage: fpctl'
empty "no arguments: nothing on stdout" "$T/out"

for h in -h -help --help -he help h; do
	run $h
	expect "$h: usage on stdout" 0 '^Usage: fpctl .*OBJECT' -
	empty "$h: nothing on stderr" "$T/err"
done
run help
expect "help lists version" 0 '^  version ' -

for v in -V -Version --Version -Ver; do
	run $v
	expect "$v: tool version" 0 "^$TOOLVER\$" -
done
run -V
if [ "$(wc -l <"$T/out")" -eq 1 ]; then ok "-V prints one line"; else
	not_ok "-V prints one line"; fi

run -x version
expect "unknown option" 2 - '^fpctl: unknown option "-x"; try "fpctl -help"$'
run --bogus
expect "unknown long option" 2 - '^fpctl: unknown option "--bogus"'
run -n
expect "-n without argument" 2 - '^fpctl: option "-n" requires an argument$'
run -batch
expect "-batch without argument" 2 - 'option "-batch" requires an argument'
run bogus
expect_exact "unknown command text" "$T/err" \
	'fpctl: unknown command "bogus"; try "fpctl help"'
expect "unknown command" 2
run version extra
expect "version with an extra argument" 2 - \
	'^fpctl: version: unexpected argument "extra"; try "fpctl version help"$'
run version help
expect "version help" 0 '^Usage: fpctl \[ -j \[ -p \] \] version' -
run help version
expect "help version" 0 '^Usage: fpctl \[ -j \[ -p \] \] version' -
run help bogus
expect "help bogus" 2 - '^fpctl: unknown object "bogus"; try "fpctl help"$'
run help version extra
expect "help with two words" 2 - '^fpctl: usage: fpctl help \[ OBJECT \]$'
run -- -j
expect "-- ends options" 2 - 'unknown command "-j"'
run -j -p -force help
expect "options combine" 0 '^Usage' -

# ---- version, with or without the module -----------------------------------

if "$FPCTL" debug family fastpath >/dev/null 2>&1; then
	echo "# fastpath module loaded: testing the loaded path"
	run version
	expect "version with module" 0 '^fastpath module .* \(uapi [0-9]+\) on kernel ' -
	head -n1 "$T/out" | grep -Eq "^$TOOLVER\$" && ok "tool line first" ||
		not_ok "tool line first"
	run -j version
	expect "-j version with module" 0 '^\{"tool":\{"version":"[^"]*","uapi":[0-9]+\},"module":\{"version":' -
	valid_json "-j version"
else
	echo "# fastpath module not loaded: testing the error path"
	run version
	expect "version without module: exit 1" 1 "^$TOOLVER\$" -
	expect_exact "version without module: exact error" "$T/err" "$NOMOD"
	if [ "$(wc -l <"$T/out")" -eq 1 ]; then ok "only the tool line"; else
		not_ok "only the tool line"; fi
	run ve
	expect "abbreviated version" 1 "^$TOOLVER\$" 'module not loaded'
	run -j version
	expect "-j version without module" 1 \
		'^\{"tool":\{"version":"[^"]*","uapi":[0-9]+\},"module":null\}$' \
		'module not loaded'
	valid_json "-j version"
	run -j -p version
	expect "-j -p version" 1 '^    "module": null$' 'module not loaded'
	valid_json "-j -p version"
	run -json -pretty version
	expect "-json -pretty" 1 '^    "tool": \{$' -
fi

# ---- the netlink layer, via the hidden debug command -----------------------

run debug family nlctrl
expect "resolve nlctrl" 0 '^nlctrl: id 16 version [0-9]+ ' -
expect "nlctrl multicast group" 0 '^    mcast group notify id 16$' -
run -j debug family nlctrl
expect "resolve nlctrl, JSON" 0 '^\{"name":"nlctrl","id":16,.*"mcast_groups":\[\{"name":"notify","id":16\}\]\}$' -
valid_json "-j debug family"
run debug family no-such-family
expect "unknown family" 1 - '^fpctl: generic netlink family "no-such-family" not found$'
run debug family
expect "debug family without name" 2 - 'usage: fpctl debug family NAME'
run debug bogus
expect "debug bogus" 2 - 'unknown debug subcommand "bogus"; try "fpctl debug help"'
run debug help
expect "debug help" 0 'Usage: fpctl .*debug family NAME' -
run debu family nlctrl
expect "hidden command needs its full name" 2 - 'unknown command "debu"'
run help
if grep -q debug "$T/out"; then not_ok "debug hidden from help"; else
	ok "debug hidden from help"; fi

# ---- -n NETNS -------------------------------------------------------------

run -n fpctl-no-such-netns version
expect "-n nonexistent: exit 1" 1 - \
	'^fpctl: network namespace "fpctl-no-such-netns" does not exist \(no /run/netns/fpctl-no-such-netns\); see ip-netns\(8\)$'
empty "-n nonexistent: nothing on stdout" "$T/out"
run -n ../etc version
expect "-n with a path" 2 - 'invalid network namespace name "../etc"'
run -netns "" version
expect "-n empty name" 2 - 'invalid network namespace name ""'

if [ "$(id -u)" = 0 ] && command -v ip >/dev/null &&
	ip netns add "$NETNS" 2>/dev/null; then
	netns_made=1
	run -n "$NETNS" debug family nlctrl
	expect "-n NETNS: netlink works inside" 0 '^nlctrl: id 16' -
	run -netns "$NETNS" -j debug family nlctrl
	expect "-netns NETNS -j" 0 '"name":"nlctrl"' -
	printf 'debug family nlctrl\ndebug family nlctrl\n' >"$T/b"
	run -n "$NETNS" -batch "$T/b"
	expect "-n NETNS -batch" 0 '^nlctrl' -
else
	echo "# SKIP: cannot create a network namespace (need root and ip)"
fi

# ---- -batch ----------------------------------------------------------------

cat >"$T/good" <<'EOF'
# a comment

   # an indented comment
debug family nlctrl   # trailing comment
debug family 'nlctrl'
"debug" family \
  nlctrl
help
EOF
run -batch "$T/good"
expect "good batch" 0 '^nlctrl: id 16' -
empty "good batch: no errors" "$T/err"
if [ "$(grep -c '^nlctrl:' "$T/out")" = 3 ]; then ok "good batch ran 3 lookups"
else not_ok "good batch ran 3 lookups"; fi

printf 'debug family nlctrl\nbogus\ndebug family nlctrl\n' >"$T/bad"
run -batch "$T/bad"
expect_exact "bad batch: error with line number" "$T/err" \
	'fpctl: line 2: unknown command "bogus"; try "fpctl help"'
expect "bad batch: usage error stops" 2
if [ "$(grep -c '^nlctrl:' "$T/out")" = 1 ]; then ok "stopped at line 2"
else not_ok "stopped at line 2"; fi

run -force -batch "$T/bad"
expect "-force: goes on, first failure's status" 2 - 'line 2: unknown command'
if [ "$(grep -c '^nlctrl:' "$T/out")" = 2 ]; then ok "-force ran line 3"
else not_ok "-force ran line 3"; fi

printf 'debug family nlctrl\ndebug family fpctl-nope\nbogus\n' >"$T/kerr"
run -f -b "$T/kerr"
expect "-f -b: runtime error status first" 1 - \
	'^fpctl: line 2: generic netlink family "fpctl-nope" not found$'
grep -q '^fpctl: line 3: unknown command "bogus"' "$T/err" &&
	ok "-f -b: later error reported too" ||
	not_ok "-f -b: later error reported too"

printf 'debug \\\nfamily nlctrl\n\ndebug family \047nlctrl\n' >"$T/quote"
run -batch "$T/quote"
expect_exact "quoting error with line number after a continuation" \
	"$T/err" 'fpctl: line 4: unterminated single quote'
expect "quoting error is a usage error" 2

printf 'debug family nlctrl\r\n\r\n' >"$T/crlf"
run -batch "$T/crlf"
expect "CRLF batch" 0 '^nlctrl' -

printf 'debug family nlctrl\n' | "$FPCTL" -batch - >"$T/out" 2>"$T/err"
rc=$?
expect "batch from stdin" 0 '^nlctrl: id 16' -

: >"$T/empty"
run -batch "$T/empty"
expect "empty batch" 0
run --batch "$T/good"
expect "--batch" 0 '^nlctrl'
run -batch "$T/no-such-file"
expect "missing batch file" 1 - \
	"^fpctl: cannot open batch file \"$T/no-such-file\": No such file or directory\$"
run -batch "$T/good" version
expect "-batch with a command" 2 - '-batch takes no command'

printf 'debug family nlctrl\ndebug family nlctrl\n' >"$T/json"
run -j -batch "$T/json"
expect "-j -batch: one document per command" 0 '^\{"name":"nlctrl"' -
if [ "$(wc -l <"$T/out")" = 2 ]; then ok "two JSON lines"; else
	not_ok "two JSON lines"; fi
valid_json "-j -batch"

# commit: hidden (spelled out in full only), no arguments; "co" stays
# "connection".
run help
if grep -q commit "$T/out"; then not_ok "help does not list commit"
else ok "help does not list commit"; fi
run commit now
expect "commit takes no argument" 2 - 'commit: unexpected argument "now"'
run comm
expect "commit is not abbreviated" 2 - 'unknown command "comm"'
run co help
expect "co is still connection" 0 '^Usage: fpctl connection' -
run commit help
expect "commit help" 0 '^Usage: fpctl commit$' -
if ! "$FPCTL" debug family fastpath >/dev/null 2>&1; then
	run commit
	expect_exact "commit without the module" "$T/err" "$NOMOD"
	# A batch whose config lines all failed still tries to publish.
	printf 'circuit del nope\n' >"$T/commitb"
	run -batch "$T/commitb"
	expect "batch without module: runtime error" 1 - \
		"^fpctl: line 1: fastpath module not loaded"
	if [ "$(grep -c 'module not loaded' "$T/err")" = 1 ]; then
		ok "batch: no COMMIT without a deferred change"
	else not_ok "batch: no COMMIT without a deferred change"; fi
fi

# The -batch speed: many commands over one socket (informational).
n=20000
awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) print "debug family nlctrl" }' \
	>"$T/many"
start=$(date +%s.%N)
run -batch "$T/many"
end=$(date +%s.%N)
expect "$n-line batch" 0
echo "# $n batch commands in $(echo "$end - $start" | bc 2>/dev/null || echo '?') s"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
