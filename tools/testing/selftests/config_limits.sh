#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The largest configuration the rules allow, at every per-object limit at
# once, in one namespace: it loads, every object kind shows and dumps
# whole (fpctl text and JSON, and the kernel's YNL client where the guest
# has it), "fpctl save" writes it, the namespace goes (everything deleted
# at once), and the saved file loads back into a new one and saves back
# identical.  "fpctl monitor" runs throughout: it sees every change or
# says that events were lost, and a maximal vnet's notification arrives
# whole.  Each step prints its time ("# config_limits: step ...": no
# timing is asserted).
#
#   netns lim (no devices: the objects name none)
#     circuit big   Direct 100G premium, 100 vnet links (the maximum);
#                   LIMITS_EP endpoint routes through them, the last
#                   LIMITS_PENDING beyond its route limit (pending)
#     vnets l1..l100  one /16 each, ErGw3AZ, linked to big with fastpath;
#                   l1 has every exception kind and a UDR
#     circuits c1..c16, vnet v16 linked to all 16 (a vnet's maximum)
#     vnet wide4    1000 IPv4 address spaces (linked to c1 with 200,
#                   then grown), 500 peers (the maximum)
#     vnet wide6    1000 IPv6 address spaces (linked to c2), the same 500
#                   peers p1..p500
#     auths a1..a1000 on c16 (a circuit's maximum)
#
# LIMITS_EP: 200,500 endpoints on Debian's stock kernel (the default
# route limit of a Direct 100G circuit is 200,000); on a debug kernel,
# which applies some 70-100 requests a second under TCG, 2,500 with the
# route limit set to 2,000 (every per-object maximum kept, only the route
# count smaller).  FP_LIMITS_EP overrides (the route limit 500 below it).
#
# Needs: insmod, ip, fpctl, awk; python3 and /usr/lib/ynl/cli.py for the
# YNL dumps (skipped without them).

. ./lib.sh

NS=lim
FP_NETNS=$NS
YNL_CLI=${YNL_CLI:-/usr/lib/ynl/cli.py}
YNL_SPEC=${YNL_SPEC:-/usr/share/ynl/specs/fastpath.yaml}
mon_pid=

if [ -n "${FP_LIMITS_EP:-}" ]; then
	LIMITS_EP=$FP_LIMITS_EP
	LIMITS_ROUTES=$((LIMITS_EP - 500))
elif fp_debug_guest; then
	LIMITS_EP=2500
	LIMITS_ROUTES=2000
else
	LIMITS_EP=200500
	LIMITS_ROUTES=200000
fi
LIMITS_PENDING=$((LIMITS_EP - LIMITS_ROUTES))

fp_cleanup_hook() {
	[ -n "$mon_pid" ] && kill "$mon_pid" 2>/dev/null
}
fp_begin

t_step=
# step NAME: print the time since the previous step
step() {
	_now=$(fp_now_ms)
	[ -z "$t_step" ] || echo "# $FP_SUITE: step $1: $((_now - t_step)) ms"
	t_step=$_now
}

# expected counts of each object kind
N_CIRCUIT=17
N_VNET=603
N_CONN=118
N_AUTH=1000
N_EXC=6
N_UDR=1

# config: the -batch file of the whole configuration
config() {
	awk -v ep="$LIMITS_EP" -v lim="$LIMITS_ROUTES" -v sub_a="$SUB_A" '
	function spaces4(n,   i, s) {
		for (i = 0; i < n; i++)
			s = s (i ? "," : "") sprintf("172.%d.%d.0/24",
				16 + int(i / 256), i % 256)
		return s
	}
	function spaces6(n,   i, s) {
		for (i = 0; i < n; i++)
			s = s (i ? "," : "") sprintf("fd10:0:%x::/48", i + 1)
		return s
	}
	BEGIN {
		c = "subscription " sub_a
		v = c " region westeurope"
		printf "circuit add big %s tier premium bandwidth 100G port 100G", c
		if (lim != 200000)
			printf " route-limit %d", lim
		printf "\n"
		for (i = 1; i <= 16; i++)
			printf "circuit add c%d %s bandwidth 1G\n", i, c
		for (i = 1; i <= 1000; i++)
			printf "auth add a%d circuit c16\n", i
		for (i = 1; i <= 100; i++) {
			printf "vnet add l%d %s sku ErGw3AZ spaces 10.%d.0.0/16\n", i, v, i
			printf "connection add k%d circuit big vnet l%d fastpath on\n", i, i
		}
		printf "vnet add v16 %s sku ErGw3AZ spaces 10.200.0.0/16\n", v
		for (i = 1; i <= 16; i++)
			printf "connection add m%d circuit c%d vnet v16\n", i, i
		printf "vnet add wide4 %s sku ErGw3AZ spaces %s\n", v, spaces4(200)
		printf "connection add kw4 circuit c1 vnet wide4\n"
		printf "vnet set wide4 spaces %s\n", spaces4(1000)
		printf "vnet add wide6 %s sku ErGw3AZ spaces %s\n", v, spaces6(200)
		printf "connection add kw6 circuit c2 vnet wide6\n"
		printf "vnet set wide6 spaces %s\n", spaces6(1000)
		for (i = 1; i <= 500; i++) {
			printf "vnet add p%d %s spaces 100.%d.%d.0/24\n", i, v,
				64 + int(i / 256), i % 256
			printf "peering add wide4 p%d\npeering add wide6 p%d\n", i, i
		}
		for (i = 0; i < ep; i++) {
			k = int(i / 100)
			printf "endpoint add e%d vnet l%d prefix 10.%d.%d.%d/32\n", i,
				1 + i % 100, 1 + i % 100, int(k / 250), k % 250 + 1
		}
		n = split("private-endpoint internal-lb basic-lb dns-resolver cross-region manual", kind, " ")
		for (i = 1; i <= n; i++)
			printf "exception add 10.1.250.%d/32 vnet l1 kind %s\n", i, kind[i]
		printf "udr add 198.51.100.0/24 vnet l1 nexthop e0\n"
		# a change of the maximal vnet: its notification carries it all
		printf "vnet set wide6 region northeurope\n"
	}'
}

# count KIND: objects of KIND in "fpctl list" (text), then in -j list
count_text() {
	fpctl -n $NS "$1" list >"$T/out" 2>"$T/err" || { echo "fail"; return; }
	echo $(($(wc -l <"$T/out") - 1))
}
count_json() {
	fpctl -n $NS -j "$1" list >"$T/out" 2>"$T/err" || { echo "fail"; return; }
	grep -o '"id":' "$T/out" | wc -l
}

# expect_counts LABEL: every kind has its expected count, text and JSON
expect_counts() {
	_r=0
	for _kc in circuit:$N_CIRCUIT vnet:$N_VNET connection:$N_CONN \
		auth:$N_AUTH endpoint:$LIMITS_EP exception:$N_EXC udr:$N_UDR; do
		_k=${_kc%%:*}
		_n=${_kc#*:}
		fp_expect_eq "$1: $_k list" "$(count_text "$_k")" "$_n" || _r=1
		fp_expect_eq "$1: $_k -j list" "$(count_json "$_k")" "$_n" || _r=1
	done
	return $_r
}

# expect_big LABEL: the maximal objects show whole
expect_big() {
	_r=0
	run -n $NS -j vnet show wide6
	fp_expect_eq "$1: wide6 spaces" "$(grep -o 'fd10:0:[0-9a-f]*::/48' "$T/out" | wc -l)" 1000 || _r=1
	fp_expect_eq "$1: wide6 peers" "$(grep -o '"p[0-9]*"' "$T/out" | wc -l)" 500 || _r=1
	run -n $NS -j vnet show wide4
	fp_expect_eq "$1: wide4 spaces" "$(grep -o '172\.[0-9.]*/24' "$T/out" | wc -l)" 1000 || _r=1
	run -n $NS -j vnet show v16
	fp_expect_eq "$1: v16 connections" "$(field conns)" 16 || _r=1
	run -n $NS -j circuit show big
	fp_expect_eq "$1: big" "$(sed -E 's/.*"installed":([0-9]+),"pending":([0-9]+).*"links":([0-9]+).*/\1 \2 \3/' "$T/out")" \
		"$LIMITS_ROUTES $LIMITS_PENDING 100" || _r=1
	return $_r
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip netns add $NS || return 1
	ip -n $NS link set lo up
}

test_load() {
	# in three parts, each timed: the objects, the endpoints, the rest
	config | awk -v dir="$T" '/^endpoint add/ { print > (dir "/config.2"); e = 1; next }
		{ print > (dir "/config." (e ? 3 : 1)) }'
	fpctl -n $NS monitor >"$T/mon" 2>&1 &
	mon_pid=$!
	# the monitor listens before the first change
	busywait 10000 sh -c "fpctl -n $NS circuit add probe subscription $SUB_A bandwidth 50M >/dev/null 2>&1; grep -q 'circuit name probe' $T/mon" ||
		{ fp_fail "monitor never reported: $(cat "$T/mon")"; return 1; }
	fpctl -n $NS circuit del probe || return 1
	step start
	for _p in 1 2 3; do
		fpctl -n $NS -batch "$T/config.$_p" >"$T/out" 2>"$T/err" ||
			{ fp_fail "batch: $(tail -n 3 "$T/err")"; return 1; }
		step "load part $_p, $(wc -l <"$T/config.$_p") lines"
	done
	# one change after the rest: the monitor has seen everything before
	fpctl -n $NS circuit add probe2 subscription $SUB_A bandwidth 50M || return 1
	busywait 60000 grep -q 'circuit name probe2' "$T/mon"
	kill "$mon_pid"
	mon_pid=
	_r=0
	# every change, or a clear "events lost"
	_adds=$(grep -c '^add endpoint ' "$T/mon")
	if [ "$_adds" != "$LIMITS_EP" ]; then
		grep -q 'events lost' "$T/mon" ||
			{ fp_fail "monitor: $_adds of $LIMITS_EP endpoint events, and no 'events lost'"; _r=1; }
		echo "# $FP_SUITE: monitor saw $_adds of $LIMITS_EP endpoint events, said: $(grep -m 1 'events lost' "$T/mon")"
	fi
	# the maximal vnet's notification, whole
	grep '^set vnet name wide6 ' "$T/mon" | tail -n 1 >"$T/wide6"
	fp_expect_eq "monitor: wide6 spaces" "$(grep -o 'fd10:0:[0-9a-f]*::/48' "$T/wide6" | wc -l)" 1000 || _r=1
	fp_expect_eq "monitor: wide6 peers" "$(sed -n 's/.* peers \([^ ]*\).*/\1/p' "$T/wide6" | tr ',' '\n' | grep -c '^p[0-9]*$')" 500 || _r=1
	fpctl -n $NS circuit del probe2 || _r=1
	return $_r
}

test_read_back() {
	step start
	expect_counts "fpctl" || return 1
	step "fpctl list and -j list of every kind"
	expect_big "fpctl" || return 1
	step "fpctl show of the maximal objects"
}

test_ynl() {
	_r=0
	step start
	for _kc in circuit:$N_CIRCUIT vnet:$N_VNET conn:$N_CONN \
		auth:$N_AUTH endpoint:$LIMITS_EP exception:$N_EXC udr:$N_UDR; do
		_k=${_kc%%:*}
		ip netns exec $NS python3 "$YNL_CLI" --spec "$YNL_SPEC" \
			--no-schema --output-json --dump "$_k-get" >"$T/out" 2>"$T/err" ||
			{ fp_fail "cli.py --dump $_k-get: $(tail -n 2 "$T/err")"; _r=1; continue; }
		fp_expect_eq "cli.py $_k-get" "$(grep -o '"id": [0-9]*' "$T/out" | wc -l)" "${_kc#*:}" || _r=1
	done
	step "YNL cli dumps of every kind"
	return $_r
}

test_save_restore() {
	step start
	fpctl -n $NS save >"$T/saved" 2>"$T/err" ||
		{ fp_fail "save: $(cat "$T/err")"; return 1; }
	step "save ($(wc -l <"$T/saved") lines)"
	ip netns del $NS || return 1
	step "namespace deleted with everything in it"
	ip netns add $NS || return 1
	fpctl -n $NS -batch "$T/saved" >"$T/out" 2>"$T/err" ||
		{ fp_fail "restore: $(tail -n 3 "$T/err")"; return 1; }
	step "restore"
	fpctl -n $NS save >"$T/again" 2>"$T/err" || return 1
	fp_expect_eq "saved back" "$(cmp "$T/saved" "$T/again" 2>&1)" "" ||
		{ diff "$T/saved" "$T/again" | head -n 5 >&2; return 1; }
	expect_counts "restored" && expect_big "restored"
}

setup || { fp_fail "setup"; exit 1; }
echo "# $FP_SUITE: $LIMITS_EP endpoints, route limit $LIMITS_ROUTES"
fp_case load test_load
fp_case read_back test_read_back
if command -v python3 >/dev/null 2>&1 && [ -f "$YNL_CLI" ]; then
	fp_case ynl_dumps test_ynl
else
	fp_skip ynl_dumps "no python3 or $YNL_CLI"
fi
fp_case save_restore test_save_restore
fp_exit
