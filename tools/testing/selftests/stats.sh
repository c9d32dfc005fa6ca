#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Counters over netlink (STATS_GET): "fpctl stats" shows the per-CPU
# counters of every circuit and connection, one per outcome (reason).
# Fresh objects show all-zero counters with the exact JSON shape, a dump
# lists every circuit and then every connection, unknown objects are
# refused with the kernel's extack text and exit status 1, and reading
# counters needs no privilege.  Counting packets is the data path's
# business, tested with traffic elsewhere.
#
#   init netns (no traffic)
#     circuits er1 (Direct 10G, subscription A), er2 (provider)
#     vnet hub (A, ErGw3AZ)
#     connection k1 (er1 - hub, fastpath on)
#
# Needs: insmod, fpctl; su (busybox) for the unprivileged case; the module
# at $FP_MODULE.

. ./lib.sh

fp_begin

# The counters of an object nothing went through, as JSON.
ZERO='{"packets":0,"bytes":0}'
ZEROS='"forwarded":'$ZERO',"not-ip":'$ZERO',"not-host":'$ZERO',"bad-header":'$ZERO',"ttl":'$ZERO',"exception":'$ZERO',"no-route":'$ZERO',"target-down":'$ZERO',"mtu":'$ZERO',"no-neigh":'$ZERO',"tx-error":'$ZERO',"vlan":'$ZERO',"not-unicast":'$ZERO',"no-memory":'$ZERO

setup() {
	insmod "$FP_MODULE" || return 1
	fpctl circuit add er1 subscription $SUB_A tier premium bandwidth 10G \
		port 10G || return 1
	fpctl circuit add er2 subscription $SUB_A bandwidth 1G || return 1
	fpctl vnet add hub subscription $SUB_A region westeurope sku ErGw3AZ \
		spaces 10.1.0.0/16 || return 1
	fpctl connection add k1 circuit er1 vnet hub fastpath on
}

test_fresh_json() {
	ok -j stats circuit er1 || return 1
	fp_expect_eq "circuit" "$(cat "$T/out")" \
		'[{"object":"circuit","name":"er1","counters":{'"$ZEROS"'}}]' ||
		return 1
	ok -j stats connection k1 || return 1
	fp_expect_eq "connection" "$(cat "$T/out")" \
		'[{"object":"connection","name":"k1","counters":{'"$ZEROS"'}}]'
}

test_fresh_table() {
	ok stats circuit er1 || return 1
	fp_expect_eq "table" "$(cat "$T/out")" \
"OBJECT   NAME  REASON  PACKETS  BYTES
circuit  er1   -             0      0" || return 1
	ok -d stats connection k1 || return 1
	fp_expect_eq "-d: a row per reason" "$(wc -l <"$T/out")" 15 || return 1
	fp_expect_eq "-d: rows" "$(sed 1d "$T/out" | awk '{ print $3 "=" $4 "/" $5 }' | tr '\n' ' ')" \
		"forwarded=0/0 not-ip=0/0 not-host=0/0 bad-header=0/0 ttl=0/0 exception=0/0 no-route=0/0 target-down=0/0 mtu=0/0 no-neigh=0/0 tx-error=0/0 vlan=0/0 not-unicast=0/0 no-memory=0/0 "
}

test_dump() {
	ok -j stats || return 1
	fp_expect_eq "dump" "$(cat "$T/out")" \
		'[{"object":"circuit","name":"er1","counters":{'"$ZEROS"'}},{"object":"circuit","name":"er2","counters":{'"$ZEROS"'}},{"object":"connection","name":"k1","counters":{'"$ZEROS"'}}]' ||
		return 1
	ok stats show || return 1
	fp_expect_eq "table" "$(cat "$T/out")" \
"OBJECT      NAME  REASON  PACKETS  BYTES
circuit     er1   -             0      0
circuit     er2   -             0      0
connection  k1    -             0      0"
}

test_unknown() {
	run stats circuit nope
	fp_expect_eq "unknown circuit" "$rc:$(cat "$T/err")" \
		"1:fpctl: fastpath: circuit nope does not exist (No such file or directory; bad attribute 1 at offset 20)" ||
		return 1
	run stats connection er1
	fp_expect_eq "a circuit is no connection" "$rc:$(cat "$T/err")" \
		"1:fpctl: fastpath: connection er1 does not exist (No such file or directory; bad attribute 2 at offset 20)" ||
		return 1
	run stats vnet hub
	fp_expect_eq "vnets have no counters" "$rc:$(cat "$T/err")" \
		'2:fpctl: stats: unexpected argument "vnet"; try "fpctl stats help"'
}

test_deleted() {
	ok connection add k2 circuit er2 vnet hub || return 1
	ok -j stats connection k2 || return 1
	ok connection del k2 || return 1
	run stats connection k2
	fp_expect_eq "deleted connection" "$rc:$(cat "$T/err")" \
		"1:fpctl: fastpath: connection k2 does not exist (No such file or directory; bad attribute 2 at offset 20)"
}

test_unprivileged() {
	# the initramfs root comes from mktemp -d (mode 0700): let nobody in
	chmod go+rx / || return 1
	su -s /bin/sh nobody -c "PATH=$PATH fpctl -j stats circuit er1" \
		>"$T/out" 2>"$T/err"
	rc=$?
	fp_expect_eq "unprivileged stats" "$rc:$(cat "$T/err")" "0:" ||
		return 1
	fp_expect_eq "unprivileged json" "$(cat "$T/out")" \
		'[{"object":"circuit","name":"er1","counters":{'"$ZEROS"'}}]'
}

setup || { fp_fail "setup"; exit 1; }
fp_case fresh_json test_fresh_json
fp_case fresh_table test_fresh_table
fp_case dump test_dump
fp_case unknown test_unknown
fp_case deleted test_deleted
if command -v su >/dev/null 2>&1; then
	fp_case unprivileged test_unprivileged
else
	fp_skip unprivileged "su not available"
fi
fp_exit
