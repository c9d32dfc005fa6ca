#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Netlink fuzzing: tools/testing/nlfuzz/nlfuzz throws tens of thousands of
# random and mutated messages at the "fastpath" family (wrong types,
# truncated and overflowing lengths, nesting bombs, thousands of address
# spaces, random commands and flags, valid requests with one attribute
# mutated).  A configuration made with fpctl beforehand must come out
# byte-identical in the canonical dump (the fuzzer's own objects are all
# named "z*" and never refer to it); without CAP_NET_ADMIN nothing at all
# may change; the same seed sends the same messages; the module still
# works and unloads; requests with one defect of meaning are refused
# with an extack and change nothing (nlfuzz semantic).  Oopses, WARNs, KASAN, lockdep and kmemleak reports
# are the harness's business (parse.py).  An EINVAL without an extack
# message fails the test unless the message's netlink or genetlink header
# was the broken part (kind bad-hdr: the genetlink core refuses those
# before any attribute is parsed, without a message).
#
#   init netns
#     er0 (veth, peer er0p) - circuit uplink
#     vm1 (veth, peer vm1p) - endpoint device
#   circuits orig-er1 (Direct 100G), orig-er2 (provider); auth orig-a1
#   vnets orig-hub (A, ErGw3AZ) peered with orig-spoke (A), orig-other (B)
#   endpoints orig-vm1, orig-nva; connections orig-c1, orig-c2 (with the
#   key of orig-a1); exception and UDR in orig-hub
#
# Environment: FP_FUZZ_SEED (default: from the clock, printed),
# FP_FUZZ_COUNT (default 20000), FP_FUZZ_UNPRIV_COUNT (default 5000).
# Needs: nlfuzz (packed by initramfs.sh when this test is selected), fpctl,
# ip, the module at $FP_MODULE.

. ./lib.sh

COUNT=${FP_FUZZ_COUNT:-20000}
UNPRIV_COUNT=${FP_FUZZ_UNPRIV_COUNT:-5000}
SEED=${FP_FUZZ_SEED:-$(($(date +%s) % 1000000 * 1000 + $$ % 1000))}
FP_LINKS="er0 vm1"
fp_begin

# f ARGS...: fpctl, which must succeed
f() {
	fpctl "$@" >"$T/fpctl.out" 2>&1 ||
		fp_fail "fpctl $*: $(cat "$T/fpctl.out")"
}

# val KEY FILE: the first value of "KEY value" lines in FILE
val() {
	awk -v k="$1" '$1 == k { print $2; exit }' "$2"
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip link add er0 type veth peer name er0p || return 1
	ip link add vm1 type veth peer name vm1p || return 1
	for d in er0 er0p vm1 vm1p; do
		ip link set "$d" up || return 1
	done
	f circuit add orig-er1 subscription $SUB_A dev er0 tier premium \
		bandwidth 10G port 100G || return 1
	f circuit add orig-er2 subscription $SUB_A bandwidth 1G || return 1
	f vnet add orig-hub subscription $SUB_A region westeurope sku ErGw3AZ \
		spaces 10.1.0.0/16,2001:db8:1::/48 || return 1
	f vnet add orig-spoke subscription $SUB_A region westeurope \
		spaces 10.2.0.0/16 || return 1
	f vnet add orig-other subscription $SUB_B region northeurope \
		sku UltraPerformance spaces 10.9.0.0/16 || return 1
	f peering add orig-hub orig-spoke || return 1
	f endpoint add orig-vm1 vnet orig-hub prefix 10.1.0.4 dev vm1 \
		mac 52:54:00:00:00:01 || return 1
	f endpoint add orig-vm1v6 vnet orig-hub prefix 2001:db8:1::4 dev vm1 ||
		return 1
	f endpoint add orig-nva vnet orig-hub prefix 10.1.0.10 dev vm1 || return 1
	f connection add orig-c1 circuit orig-er1 vnet orig-hub fastpath on \
		peering on udr on || return 1
	f exception add 10.1.5.0/24 vnet orig-hub kind private-endpoint || return 1
	f udr add 0.0.0.0/0 vnet orig-hub nexthop orig-nva || return 1
	f auth add orig-a1 circuit orig-er1 || return 1
	key=$(sed -n 's/.* key \([0-9a-f]\{32\}\).*/\1/p' "$T/fpctl.out")
	f connection add orig-c2 circuit orig-er1 vnet orig-other fastpath on \
		auth-key "$key"
}

test_baseline() {
	nlfuzz dump >"$T/before" || { fp_fail "nlfuzz dump failed"; return 1; }
	fp_expect_eq "objects" "$(cut -d' ' -f1 "$T/before" | uniq -c | tr -s ' ' | tr '\n' ',')" \
		" 1 auth, 2 circuit, 2 conn, 3 endpoint, 1 exception, 1 udr, 3 vnet," ||
		{ cat "$T/before" >&2; return 1; }
	# the canonical text of one object, as a reference for readers
	grep '^conn .*"orig-c2"' "$T/before" | sed 's/^/# /'
	return 0
}

# report FILE: the fuzzer's summary on the console, prefixed
report() {
	grep -v '^extack-missing' "$1" | sed "s/^/# $FP_SUITE: /"
	grep '^extack-missing' "$1" | sed "s/^/# $FP_SUITE: /"
}

# check_counts FILE COUNT: the run sent COUNT messages and accounted for all
check_counts() {
	_sent=$(awk '$1 == "sent" { print $2 }' "$1")
	_acc=$(awk '$1 == "sent" { print $4 }' "$1")
	_ref=$(awk '$1 == "sent" { print $6 }' "$1")
	_sil=$(awk '$1 == "sent" { print $8 }' "$1")
	fp_expect_eq "sent" "$_sent" "$2" || return 1
	fp_expect_eq "accepted+refused+silent" "$((_acc + _ref + _sil))" "$2"
}

test_fuzz() {
	echo "# $FP_SUITE: seed $SEED count $COUNT (FP_FUZZ_SEED=$SEED reproduces)"
	t0=$(fp_now_ms)
	nlfuzz -v -s "$SEED" -n "$COUNT" fuzz >"$T/fuzz"
	rc=$?
	echo "# $FP_SUITE: fuzz run took $(( ($(fp_now_ms) - t0) / 1000 )) s in the guest"
	report "$T/fuzz"
	fp_expect_eq "nlfuzz exit status" "$rc" 0 || return 1
	check_counts "$T/fuzz" "$COUNT" || return 1
	# valid templates get through, malformed messages are refused with
	# EINVAL, and nothing was refused for lack of privilege
	[ "$_acc" -gt 0 ] || { fp_fail "nothing accepted"; return 1; }
	[ "$(val admin-accepted "$T/fuzz")" -gt 0 ] ||
		{ fp_fail "no configuration change accepted"; return 1; }
	# (EPERM does happen as admin: a connection across subscriptions with
	# a wrong authorization key is refused with EPERM by the model.)
	[ "$(awk '$1 == "errno" && $2 == "EINVAL" { print $3 }' "$T/fuzz")" -gt 0 ] ||
		{ fp_fail "no EINVAL"; return 1; }
	# every EINVAL past the headers says why
	fp_expect_eq "EINVAL without extack, other than bad headers" \
		"$(awk '$1 == "einval-without-extack-kinds" {
			for (i = 2; i <= NF; i++)
				if ($i !~ /^bad-hdr=/ && $i !~ /=0$/)
					printf "%s ", $i
		}' "$T/fuzz")" ""
}

test_config_intact() {
	nlfuzz verify "$T/before" >"$T/verify" 2>&1
	rc=$?
	sed "s/^/# $FP_SUITE: /" "$T/verify"
	fp_expect_eq "verify exit status" "$rc" 0 || return 1
	fp_expect_eq "verify" "$(grep '^verify:' "$T/verify" | cut -d, -f1)" \
		"verify: 13 of 13 objects intact"
}

test_fpctl_after() {
	f connection show orig-c1 || return 1
	fp_expect_eq "orig-c1" "$(cat "$T/fpctl.out")" \
"NAME     CIRCUIT   VNET      FLAGS                 AUTH
orig-c1  orig-er1  orig-hub  fastpath,peering,udr  -" || return 1
	# and the configuration still changes and reads back
	f circuit set orig-er2 bandwidth 2G || return 1
	f -j circuit show orig-er2 || return 1
	grep -q '"bandwidth":"2G"' "$T/fpctl.out" ||
		{ fp_fail "orig-er2: $(cat "$T/fpctl.out")"; return 1; }
	f circuit set orig-er2 bandwidth 1G
}

test_unprivileged() {
	nlfuzz dump >"$T/all-before" || return 1
	nlfuzz -u 65534 -s "$SEED" -n "$UNPRIV_COUNT" fuzz >"$T/unpriv" 2>&1
	rc=$?
	report "$T/unpriv"
	fp_expect_eq "nlfuzz exit status" "$rc" 0 || return 1
	check_counts "$T/unpriv" "$UNPRIV_COUNT" || return 1
	fp_expect_eq "admin requests accepted without CAP_NET_ADMIN" \
		"$(val admin-accepted "$T/unpriv")" 0 || return 1
	[ "$(awk '$1 == "errno" && $2 == "EPERM" { print $3 }' "$T/unpriv")" -gt 0 ] ||
		{ fp_fail "no EPERM"; return 1; }
	nlfuzz dump >"$T/all-after" || return 1
	cmp -s "$T/all-before" "$T/all-after" ||
		{ fp_fail "unprivileged fuzzing changed the configuration"; return 1; }
}

# the same seed sends the same bytes (and, unprivileged, gets the same answers)
test_reproducible() {
	nlfuzz -u 65534 -s 42 -n 1000 fuzz >"$T/r1" 2>&1 || return 1
	nlfuzz -u 65534 -s 42 -n 1000 fuzz >"$T/r2" 2>&1 || return 1
	nlfuzz -u 65534 -s 43 -n 1000 fuzz >"$T/r3" 2>&1 || return 1
	fp_expect_eq "digest, same seed" "$(val digest "$T/r2")" "$(val digest "$T/r1")" ||
		return 1
	fp_expect_eq "answers, same seed" "$(grep -E '^(sent|errno) ' "$T/r2")" \
		"$(grep -E '^(sent|errno) ' "$T/r1")" || return 1
	[ "$(val digest "$T/r3")" != "$(val digest "$T/r1")" ] ||
		{ fp_fail "seeds 42 and 43 sent the same bytes"; return 1; }
}

# Requests with one defect of meaning (IPv4-mapped prefixes, bytes after
# a name's NUL, host bits, a space twice), which fpctl never sends: the
# kernel refuses each with an extack and changes nothing (nlfuzz semantic
# compares its canonical dump before and after).
test_semantic() {
	nlfuzz semantic >"$T/semantic" 2>&1
	rc=$?
	sed 's/^/# /' "$T/semantic"
	fp_expect_eq "nlfuzz semantic exit status" "$rc" 0
}

test_unload() {
	ip link del er0 && ip link del vm1 || return 1
	rmmod fastpath || { fp_fail "rmmod after fuzzing"; return 1; }
	insmod "$FP_MODULE" || return 1
	fp_expect_eq "fresh dump" "$(nlfuzz dump)" "" || return 1
	rmmod fastpath
}

if ! command -v nlfuzz >/dev/null 2>&1; then
	fp_skip all "nlfuzz not in this image (initramfs.sh packs it for nl_fuzz)"
	exit 0
fi
setup || { fp_fail "setup"; exit 1; }
fp_case baseline test_baseline
fp_case fuzz test_fuzz
fp_case config_intact test_config_intact
fp_case fpctl_after test_fpctl_after
fp_case unprivileged test_unprivileged
fp_case reproducible test_reproducible
fp_case semantic test_semantic
fp_case unload test_unload
fp_exit
