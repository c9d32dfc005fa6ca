#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Bulk load with "fpctl -batch": every config request of a batch carries
# the DEFER flag (applied to the configuration and acked, published to the
# data path later) and the batch ends with one COMMIT, so loading n
# endpoints costs one compile of the circuit, not n.  Checked through the
# circuit's published route counts (INSTALLED, PENDING, LIMIT), exactly:
# a batch of N endpoints installs N; under a lower route limit the rest is
# pending and raising the limit installs it; a deferred request nobody
# commits is published by the safety timer; a batch that stops on an error
# at line k reports line k and publishes lines 1..k-1 before it exits; the
# COMMIT operation needs CAP_NET_ADMIN.  fpctl pipelines the lines (64 per
# sendmsg()) in an ordered batch: a failure in a later window stops the
# batch just as well; -force reports every failure under its own line; a
# read between lines sees them all; a batch fed through a FIFO is applied
# line by line; batch_chain.py checks the kernel's ordered batch itself.
#
#   init netns (no traffic)
#     er0 (veth, peer er0p, up) - uplink of circuit er1 (Direct 10G,
#                                 route limit 100000)
#     vnet hub (subscription A, ErGw3AZ, 10.0.0.0/8)
#     connection k1 (er1 - hub, fastpath on)
#     endpoints e0 .. e<N-1>: 10.<i / 250>.<i % 250 + 1>.1/32, no device
#
# Needs: insmod, fpctl, awk, mkfifo; su (busybox) for the unprivileged
# case; the module at $FP_MODULE.  FP_BATCH_N sets N (default 500: the
# debug guest (TCG, KASAN, lockdep) runs about 50 requests per second,
# and the whole script must stay under a minute).

. ./lib.sh

N=${FP_BATCH_N:-500}
YNL_SPEC=${YNL_SPEC:-/usr/share/ynl/specs/fastpath.yaml}
FP_LINKS=er0
writer_open=

fp_cleanup_hook() {
	[ -n "$writer_open" ] && exec 3>&-
}
fp_begin

# routes: "INSTALLED PENDING LIMIT" of circuit er1, as published
routes() {
	fpctl -j circuit show er1 | sed -E \
		's/.*"limit":([0-9]+),"installed":([0-9]+),"pending":([0-9]+).*/\2 \3 \1/'
}

# expect_routes WHAT "INSTALLED PENDING LIMIT"
expect_routes() {
	fp_expect_eq "$1" "$(routes)" "$2"
}

# routes_are "INSTALLED PENDING LIMIT": for busywait
routes_are() {
	[ "$(routes)" = "$1" ]
}

# endpoints FIRST COUNT: "endpoint add" lines for e<FIRST> ...
endpoints() {
	awk -v first="$1" -v n="$2" 'BEGIN {
		for (i = first; i < first + n; i++)
			printf "endpoint add e%d vnet hub prefix 10.%d.%d.1/32\n",
				i, int(i / 250), i % 250 + 1
	}'
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip link add er0 type veth peer name er0p || return 1
	ip link set er0 up || return 1
	fpctl circuit add er1 subscription $SUB_A dev er0 tier premium \
		bandwidth 10G port 10G || return 1
	fpctl vnet add hub subscription $SUB_A region westeurope \
		sku ErGw3AZ spaces 10.0.0.0/8 || return 1
	fpctl connection add k1 circuit er1 vnet hub fastpath on
}

test_load() {
	endpoints 0 "$N" >"$T/load"
	_t0=$(fp_now_ms)
	ok -batch "$T/load" || return 1
	_t1=$(fp_now_ms)
	echo "# $N endpoints in $((_t1 - _t0)) ms (debug guest)"
	empty_err=$(cat "$T/err")
	fp_expect_eq "no messages" "$empty_err" "" || return 1
	# COMMIT ran before fpctl exited: no waiting.
	expect_routes "all installed" "$N 0 100000" || return 1
	ok endpoint show e$((N - 1)) || return 1
	grep -q "10\.$(((N - 1) / 250))\.$(((N - 1) % 250 + 1))\.1/32" \
		"$T/out" || { fp_fail "last endpoint: $(cat "$T/out")"; return 1; }
}

test_limit() {
	_lim=$((N / 3))
	# A deferred limit change, published by the batch's COMMIT.
	echo "circuit set er1 route-limit $_lim" >"$T/lim"
	ok -batch "$T/lim" || return 1
	expect_routes "limit $_lim" "$_lim $((N - _lim)) $_lim" || return 1
	# Raising it (no -batch: committed by the request itself).
	ok circuit set er1 route-limit $((N + 10)) || return 1
	expect_routes "raised" "$N 0 $((N + 10))" || return 1
	ok circuit set er1 route-limit 0 || return 1
	expect_routes "port default" "$N 0 100000"
}

# A deferred request that nobody commits: fpctl -batch reads its file
# from a FIFO and blocks after the first line, so its COMMIT never comes
# while we wait; the safety timer (about 1 s) must publish the endpoint.
test_timer() {
	mkfifo "$T/fifo" || return 1
	fpctl -batch "$T/fifo" >"$T/out" 2>"$T/err" &
	_pid=$!
	exec 3>"$T/fifo"
	writer_open=1
	endpoints "$N" 1 >&3
	busywait 20000 routes_are "$((N + 1)) 0 100000" ||
		{ fp_fail "not published: $(routes)"; return 1; }
	exec 3>&-
	writer_open=
	wait "$_pid"
	_rc=$?
	fp_expect_eq "fpctl" "$_rc:$(cat "$T/err")" "0:" || return 1
	expect_routes "after the batch's own commit" "$((N + 1)) 0 100000"
}

test_error() {
	_b=$((N + 1))
	{
		endpoints "$_b" 2
		echo "endpoint add bad vnet hub prefix 192.168.0.1/32"
		endpoints $((_b + 2)) 1
	} >"$T/err3"
	run -batch "$T/err3"
	fp_expect_eq "stops at line 3" "$rc:$(cat "$T/err")" \
		"1:fpctl: line 3: fastpath: endpoint bad: outside vnet hub spaces (Invalid argument)" ||
		return 1
	# Lines 1 and 2 are applied and published when fpctl returns.
	expect_routes "lines 1-2 published" "$((_b + 2)) 0 100000" || return 1
	run endpoint show e$((_b + 2))
	fp_expect_eq "line 4 not run" "$rc" 1 || return 1
	# -force goes on after the error: line 4 applied.
	run -force -batch "$T/err3"
	fp_expect_eq "-force: first error's status" "$rc" 1 || return 1
	expect_routes "-force: line 4 published" "$((_b + 3)) 0 100000"
}

# fpctl pipelines a batch: up to 64 requests per sendmsg(), in an ordered
# batch (FASTPATH_CMD_BATCH) that makes the kernel refuse every request
# after a failed one.  A failure at line 100 of 150 (the second window)
# leaves lines 1-99 applied and 101-150 not, whatever window they were in.
test_pipeline_stop() {
	_b=$((N + 10))
	{
		endpoints "$_b" 99
		echo "endpoint add e$_b vnet hub prefix 10.250.0.1/32"
		endpoints $((_b + 99)) 50
	} >"$T/p100"
	_r0=$(routes | cut -d' ' -f1)
	run -batch "$T/p100"
	fp_expect_eq "stops at line 100" "$rc:$(cat "$T/err")" \
		"1:fpctl: line 100: fastpath: endpoint e$_b already exists (File exists)" ||
		return 1
	# Published when fpctl returns: exactly lines 1-99.
	expect_routes "lines 1-99 applied" "$((_r0 + 99)) 0 100000" ||
		return 1
	run endpoint show e$((_b + 98))
	fp_expect_eq "line 99 applied" "$rc" 0 || return 1
	run endpoint show e$((_b + 99))
	fp_expect_eq "line 101 not applied" "$rc" 1 || return 1
	run endpoint show e$((_b + 148))
	fp_expect_eq "line 150 not applied" "$rc" 1
}

# -force sends every line and reports every failure under its own line
# number, in order; the lines around them are applied.
test_force_lines() {
	_b=$((N + 200))
	{
		endpoints "$_b" 1
		echo "endpoint add x1 vnet hub prefix 192.168.0.1/32"
		endpoints $((_b + 1)) 1
		echo "endpoint add x2 vnet nowhere prefix 10.0.0.9/32"
		endpoints $((_b + 2)) 1
	} >"$T/force"
	run -force -batch "$T/force"
	fp_expect_eq "-force: both failures, in order" "$rc:$(cat "$T/err")" \
		"1:fpctl: line 2: fastpath: endpoint x1: outside vnet hub spaces (Invalid argument)
fpctl: line 4: fastpath: vnet nowhere does not exist (No such file or directory)" ||
		return 1
	for _i in 0 1 2; do
		run endpoint show e$((_b + _i))
		fp_expect_eq "-force: e$((_b + _i)) applied" "$rc" 0 || return 1
	done
}

# A read between pipelined lines sees every line before it, and prints
# in its place in the output.
test_read_between() {
	_b=$((N + 300))
	{
		endpoints "$_b" 3
		echo "endpoint show e$((_b + 2))"
		endpoints $((_b + 3)) 1
		echo "endpoint show e$((_b + 3))"
	} >"$T/read"
	ok -batch "$T/read" || return 1
	fp_expect_eq "two shows, in order" \
		"$(grep -o '^e[0-9]*' "$T/out" | tr '\n' ' ')" \
		"e$((_b + 2)) e$((_b + 3)) " || return 1
	fp_expect_eq "no messages" "$(cat "$T/err")" ""
}

# The ordered batch itself, over raw netlink (batch_chain.py): a policy
# failure, a rules failure, other sockets, restart, reads, and the exact
# errno and message of every refused request.
test_chain() {
	python3 ./batch_chain.py "$YNL_SPEC" >"$T/out" 2>&1
	rc=$?
	sed 's/^/# /' "$T/out"
	fp_expect_eq "batch_chain.py" "$rc" 0 || return 1
	for _v in c1 c5 c6 c8; do
		fpctl vnet del "$_v" || return 1
	done
}

test_unprivileged() {
	# the initramfs root comes from mktemp -d (mode 0700): let nobody in
	chmod go+rx / || return 1
	su -s /bin/sh nobody -c "PATH=$PATH fpctl commit" >"$T/out" 2>"$T/err"
	rc=$?
	fp_expect_eq "unprivileged commit" "$rc:$(cat "$T/err")" \
		"1:fpctl: Operation not permitted (CAP_NET_ADMIN is required)" ||
		return 1
	ok commit || return 1
	fp_expect_eq "privileged commit" "$(cat "$T/out" "$T/err")" ""
}

setup || { fp_fail "setup"; exit 1; }
fp_case load test_load
fp_case limit test_limit
fp_case timer test_timer
fp_case error test_error
fp_case pipeline_stop test_pipeline_stop
fp_case force_lines test_force_lines
fp_case read_between test_read_between
if [ -f "$YNL_SPEC" ] && command -v python3 >/dev/null 2>&1; then
	fp_case chain test_chain
else
	fp_skip chain "python3 or $YNL_SPEC not available"
fi
if command -v su >/dev/null 2>&1; then
	fp_case unprivileged test_unprivileged
else
	fp_skip unprivileged "su not available"
fi
fp_exit
