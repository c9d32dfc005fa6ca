#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own generic YNL client (tools/net/ynl/cli.py of Linux 6.12,
# unmodified, with Debian's python3) drives the "fastpath" family from
# nothing but Documentation/netlink/specs/fastpath.yaml: for every object
# it creates one (--do X-new --json ...), gets it (--do X-get) and dumps
# them all (--dump X-get), and the JSON it prints carries exactly the
# values asked for; peerings show in vnet-get; a refusal reaches the client
# as the kernel's extack message and the attribute the policy blamed; a
# --multi batch deletes everything again.
#
#   init netns
#     er0 (veth, peer er0p, both up) - uplink of circuit er1
#     vm1 (veth, peer vm1p, both up) - device of endpoint vm1
#   circuit er1 (subscription A, premium, Direct 100G, 10G)
#   vnets hub (A, ErGw3AZ, 10.1.0.0/16 + 2001:db8:1::/48), spoke (A),
#         other (B, UltraPerformance); hub <-> spoke peered
#   auth a1 on er1, redeemed by connection c2 (er1 - other)
#   connection c1 (er1 - hub, fastpath + peering); endpoints vm1, nva;
#   exception 10.1.5.0/24 in hub; UDR 0.0.0.0/0 in hub via nva
#
# Needs: python3 and /usr/lib/ynl/cli.py (packed by initramfs.sh only when
# this test is selected), ip, the module at $FP_MODULE.

. ./lib.sh

YNL_CLI=${YNL_CLI:-/usr/lib/ynl/cli.py}
YNL_SPEC=${YNL_SPEC:-/usr/share/ynl/specs/fastpath.yaml}
# the client takes a binary attribute as hex, without dashes
SUB_A=$(echo "$SUB_A" | tr -d -)
SUB_B=$(echo "$SUB_B" | tr -d -)
# the client prints flag sets in hash order: make that order fixed
export PYTHONHASHSEED=0
FP_LINKS="er0 vm1"
fp_begin

# The 6.12 client parses the spec with PyYAML's pure-Python safe_load;
# under TCG that is most of its run time.  The client itself runs
# unmodified: this only makes safe_load use libyaml's parser (CSafeLoader,
# the same constructor and resolver, so the same result).  YNL_PLAIN=1
# runs it with no help at all.
YNL_BOOT='import runpy, sys, yaml
if getattr(yaml, "CSafeLoader", None):
    yaml.safe_load = lambda s: yaml.load(s, Loader=yaml.CSafeLoader)
sys.argv = sys.argv[1:]
sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0])
runpy.run_path(sys.argv[0], run_name="__main__")'

# ynl ARGS...: the client; stdout in $T/out, stderr in $T/err, status in $rc
ynl() {
	if [ "${YNL_PLAIN:-0}" = 1 ]; then
		python3 "$YNL_CLI" --spec "$YNL_SPEC" --no-schema --output-json \
			"$@" >"$T/out" 2>"$T/err"
	else
		python3 -c "$YNL_BOOT" "$YNL_CLI" --spec "$YNL_SPEC" --no-schema \
			--output-json "$@" >"$T/out" 2>"$T/err"
	fi
	rc=$?
}

# ok ARGS...: the client must succeed
ok() {
	ynl "$@"
	[ "$rc" = 0 ] && return 0
	fp_fail "cli.py $*: exit $rc: $(cat "$T/out" "$T/err")"
}

# out: the client's output with every object id replaced by ID (ids are
# never reused, so they depend on what ran before) and the "active" values
# by A (whether a device counts as up is the device code's business,
# tested elsewhere)
out() {
	sed 's/"id": [0-9][0-9]*/"id": ID/g; s/"active": [01]/"active": A/g' "$T/out"
}

# expect WHAT WANT: out must be exactly WANT
expect() {
	fp_expect_eq "$1" "$(out)" "$2"
}

# create X JSON: X-new must succeed and reply nothing
create() {
	ok --do "$1-new" --json "$2" || return 1
	expect "$1-new reply" null
}

# get_dump X KEY-JSON WANT: X-get of KEY prints WANT, and a dump of X
# prints exactly [WANT] (one object) or the list given as $4
get_dump() {
	ok --do "$1-get" --json "$2" || return 1
	expect "$1-get $2" "$3" || return 1
	ok --dump "$1-get" || return 1
	expect "$1 dump" "${4:-[$3]}"
}

setup() {
	insmod "$FP_MODULE" || return 1
	ip link add er0 type veth peer name er0p || return 1
	ip link add vm1 type veth peer name vm1p || return 1
	for d in er0 er0p vm1 vm1p; do
		ip link set "$d" up || return 1
	done
	ER0=$(cat /sys/class/net/er0/ifindex)
	VM1=$(cat /sys/class/net/vm1/ifindex)
}

test_info() {
	ok --do info-get || return 1
	expect "info" "{\"module-version\": \"$(cat VERSION)\", \"uapi-version\": 1, \"kernel-release\": \"$(uname -r)\"}"
}

test_circuit() {
	create circuit "{\"name\": \"er1\", \"subscription\": \"$SUB_A\", \"ifindex\": $ER0, \"tier\": \"premium\", \"port\": \"100g\", \"bandwidth\": 10000}" ||
		return 1
	get_dump circuit '{"name": "er1"}' \
		"{\"id\": ID, \"name\": \"er1\", \"subscription\": \"$SUB_A\", \"ifindex\": $ER0, \"tier\": \"premium\", \"port\": \"100g\", \"bandwidth\": 10000, \"route-limit\": 0, \"active\": A, \"links\": 0, \"max-links\": 100, \"auths\": 0, \"route-limit-effective\": 200000, \"routes-installed\": 0, \"routes-pending\": 0}"
}

test_vnet() {
	create vnet "{\"name\": \"hub\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"sku\": \"ergw3az\", \"spaces\": {\"prefix\": [{\"addr\": \"0a010000\", \"len\": 16}, {\"addr\": \"20010db8000100000000000000000000\", \"len\": 48}]}}" ||
		return 1
	get_dump vnet '{"name": "hub"}' \
		"{\"id\": ID, \"name\": \"hub\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"sku\": \"ergw3az\", \"units\": 0, \"spaces\": {\"prefix\": [{\"addr\": \"0a010000\", \"len\": 16}, {\"addr\": \"20010db8000100000000000000000000\", \"len\": 48}]}, \"conns\": 0, \"max-conns\": 16}" ||
		return 1
	# two more in one --multi batch (spoke with ErGwScale units, other in
	# another subscription)
	ok --multi vnet-new "{\"name\": \"spoke\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"sku\": \"ergwscale\", \"units\": 2, \"spaces\": {\"prefix\": [{\"addr\": \"0a020000\", \"len\": 16}]}}" \
		--multi vnet-new "{\"name\": \"other\", \"subscription\": \"$SUB_B\", \"region\": \"northeurope\", \"sku\": \"ultra-performance\", \"spaces\": {\"prefix\": [{\"addr\": \"0a090000\", \"len\": 16}]}}" ||
		return 1
	expect "multi vnet-new reply" "[null, null]"
}

test_peering() {
	ok --do peering-new --json '{"vnet": "hub", "peer": "spoke"}' || return 1
	expect "peering-new reply" null || return 1
	ok --do vnet-get --json '{"name": "hub"}' || return 1
	case "$(out)" in
	*'"len": 48}]}, "peer": ["spoke"], "conns": 0, "max-conns": 16}') ;;
	*) fp_fail "hub peers: $(out)"; return 1 ;;
	esac
	ok --dump vnet-get || return 1
	case "$(out)" in
	*"{\"id\": ID, \"name\": \"spoke\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"sku\": \"ergwscale\", \"units\": 2, \"spaces\": {\"prefix\": [{\"addr\": \"0a020000\", \"len\": 16}]}, \"peer\": [\"hub\"], \"conns\": 0, \"max-conns\": 8}"*) ;;
	*) fp_fail "spoke in the dump: $(out)"; return 1 ;;
	esac
	fp_expect_eq "vnets dumped" "$(grep -o '"name": "[a-z]*"' "$T/out" | sort | tr '\n' ' ')" \
		'"name": "hub" "name": "other" "name": "spoke" '
}

test_endpoint() {
	create endpoint "{\"name\": \"vm1\", \"vnet\": \"hub\", \"prefix\": {\"addr\": \"0a010004\", \"len\": 32}, \"ifindex\": $VM1, \"mac\": \"525400000001\"}" ||
		return 1
	create endpoint "{\"name\": \"nva\", \"vnet\": \"hub\", \"prefix\": {\"addr\": \"0a01000a\", \"len\": 32}}" ||
		return 1
	vm1="{\"id\": ID, \"name\": \"vm1\", \"vnet\": \"hub\", \"prefix\": {\"addr\": \"0a010004\", \"len\": 32}, \"ifindex\": $VM1, \"mac\": \"525400000001\", \"active\": A}"
	nva='{"id": ID, "name": "nva", "vnet": "hub", "prefix": {"addr": "0a01000a", "len": 32}, "ifindex": 0, "active": A}'
	get_dump endpoint '{"name": "vm1"}' "$vm1" "[$vm1, $nva]" ||
		get_dump endpoint '{"name": "vm1"}' "$vm1" "[$nva, $vm1]"
}

test_auth() {
	ok --do auth-new --json '{"circuit": "er1", "name": "a1"}' || return 1
	key=$(sed -n 's/.*"key": "\([0-9a-f]*\)".*/\1/p' "$T/out")
	fp_expect_eq "key length" "${#key}" 32 || return 1
	fp_expect_eq "auth-new reply" "$(out)" \
		"{\"id\": ID, \"name\": \"a1\", \"circuit\": \"er1\", \"key\": \"$key\"}" ||
		return 1
	get_dump auth '{"circuit": "er1", "name": "a1"}' \
		'{"id": ID, "name": "a1", "circuit": "er1"}' || return 1
	grep -q "$key" "$T/out" && { fp_fail "key dumped"; return 1; }
	return 0
}

test_conn() {
	create conn '{"name": "c1", "circuit": "er1", "vnet": "hub", "flags": ["fastpath", "peering"]}' ||
		return 1
	ok --do conn-get --json '{"name": "c1"}' || return 1
	# a set prints in hash order; accept both orders of the two flags
	case "$(out)" in
	'{"id": ID, "name": "c1", "circuit": "er1", "vnet": "hub", "flags": ["fastpath", "peering"]}' | \
	'{"id": ID, "name": "c1", "circuit": "er1", "vnet": "hub", "flags": ["peering", "fastpath"]}') ;;
	*) fp_fail "c1: $(out)"; return 1 ;;
	esac
	c1=$(out)
	# across subscriptions, with the key of a1
	create conn "{\"name\": \"c2\", \"circuit\": \"er1\", \"vnet\": \"other\", \"flags\": 1, \"auth-key\": \"$key\"}" ||
		return 1
	c2='{"id": ID, "name": "c2", "circuit": "er1", "vnet": "other", "flags": ["fastpath"], "auth": "a1"}'
	get_dump conn '{"name": "c2"}' "$c2" "[$c1, $c2]" ||
		get_dump conn '{"name": "c2"}' "$c2" "[$c2, $c1]" || return 1
	ok --do auth-get --json '{"circuit": "er1", "name": "a1"}' || return 1
	expect "a1 redeemed" '{"id": ID, "name": "a1", "circuit": "er1", "redeemed-by": "c2"}'
}

test_exception() {
	create exception '{"vnet": "hub", "prefix": {"addr": "0a010500", "len": 24}, "kind": "private-endpoint"}' ||
		return 1
	get_dump exception '{"vnet": "hub", "prefix": {"addr": "0a010500", "len": 24}}' \
		'{"id": ID, "vnet": "hub", "prefix": {"addr": "0a010500", "len": 24}, "kind": "private-endpoint"}'
}

test_udr() {
	create udr '{"vnet": "hub", "prefix": {"addr": "00000000", "len": 0}, "nexthop": "nva"}' ||
		return 1
	get_dump udr '{"vnet": "hub", "prefix": {"addr": "00000000", "len": 0}}' \
		'{"id": ID, "vnet": "hub", "prefix": {"addr": "00000000", "len": 0}, "nexthop": "nva"}'
}

# refused WHAT ERROR TEXT ARGS...: the client, run with ARGS, exits 1
# with "Netlink error: ERROR" on its first line and TEXT in its output
refused() {
	local what=$1 err=$2 text=$3

	shift 3
	ynl "$@"
	fp_expect_eq "$what exit status" "$rc" 1 || return 1
	fp_expect_eq "$what error line" "$(head -n 1 "$T/out")" \
		"Netlink error: $err" || return 1
	grep -qF "$text" "$T/out" ||
		{ fp_fail "$what extack: $(cat "$T/out")"; return 1; }
}

# absent NAME ARGS...: the get of what a refused request would have made
absent() {
	local what=$1

	shift
	ynl --do "$@"
	fp_expect_eq "$what made" "$rc" 1
}

# a refusal: exit 1, the errno and the kernel's extack message, nothing made
test_refusal() {
	create vnet "{\"name\": \"std\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"sku\": \"standard\", \"spaces\": {\"prefix\": [{\"addr\": \"0a320000\", \"len\": 16}]}}" ||
		return 1
	refused "model rule" "Invalid argument" \
		"extack: {'msg': \"fastpath: connection cs: SKU Standard can't do FastPath\"" \
		--do conn-new --json '{"name": "cs", "circuit": "er1", "vnet": "std", "flags": ["fastpath"]}' ||
		return 1
	# a policy refusal: YNL turns the bad-attribute offset into its name
	refused "policy" "Numerical result out of range" "'bad-attr': '.bandwidth'" \
		--do circuit-new --json "{\"name\": \"bw\", \"subscription\": \"$SUB_A\", \"bandwidth\": 30}" ||
		return 1
	# what fpctl refuses on input, the kernel refuses from any client:
	# an IPv4-mapped IPv6 prefix (::ffff:10.1.0.0/112) ...
	refused "mapped prefix" "Invalid argument" \
		"IPv4-mapped IPv6 prefix: use the IPv4 form" \
		--do vnet-new --json "{\"name\": \"mp\", \"subscription\": \"$SUB_A\", \"region\": \"westeurope\", \"spaces\": {\"prefix\": [{\"addr\": \"00000000000000000000ffff0a010000\", \"len\": 112}]}}" ||
		return 1
	absent "vnet mp" vnet-get --json '{"name": "mp"}' || return 1
	# ... and a name with bytes after a NUL ("ab\0cd" would become "ab")
	refused "inner NUL" "Invalid argument" "a name must not contain a NUL byte" \
		--do circuit-new --json "{\"name\": \"ab\\u0000cd\", \"subscription\": \"$SUB_A\", \"bandwidth\": 1000}" ||
		return 1
	absent "circuit ab" circuit-get --json '{"name": "ab"}' || return 1
	# what is fixed at creation: the operation says so (EOPNOTSUPP)
	refused "fixed" "Operation not supported" \
		"the subscription of a circuit is fixed at creation" \
		--do circuit-set --json "{\"name\": \"er1\", \"subscription\": \"$SUB_A\"}" ||
		return 1
	# and what an operation does not take at all, the policy refuses
	refused "get with bandwidth" "Invalid argument" "'bad-attr': '.bandwidth'" \
		--do circuit-get --json '{"name": "er1", "bandwidth": 1000}' ||
		return 1
	# ... DEFER included: a read has nothing to publish
	refused "get with defer" "Invalid argument" "'bad-attr': '.defer'" \
		--do circuit-get --json '{"name": "er1", "defer": true}'
}

# everything deleted again in one --multi batch (revoking a1 deletes c2)
test_delete_all() {
	ok --multi udr-del '{"vnet": "hub", "prefix": {"addr": "00000000", "len": 0}}' \
		--multi exception-del '{"vnet": "hub", "prefix": {"addr": "0a010500", "len": 24}}' \
		--multi conn-del '{"name": "c1"}' \
		--multi auth-del '{"circuit": "er1", "name": "a1"}' \
		--multi peering-del '{"vnet": "hub", "peer": "spoke"}' \
		--multi endpoint-del '{"name": "vm1"}' \
		--multi endpoint-del '{"name": "nva"}' \
		--multi vnet-del '{"name": "hub"}' --multi vnet-del '{"name": "spoke"}' \
		--multi vnet-del '{"name": "other"}' --multi vnet-del '{"name": "std"}' \
		--multi circuit-del '{"name": "er1"}' || return 1
	expect "multi reply" \
		"[null, null, null, null, null, null, null, null, null, null, null, null]" ||
		return 1
	for o in conn circuit; do
		ok --dump "$o-get" || return 1
		expect "$o after delete" "[]" || return 1
	done
}

if ! command -v python3 >/dev/null 2>&1 || [ ! -f "$YNL_CLI" ]; then
	fp_skip all "no python3 or YNL client (initramfs.sh packs them for ynl_cli)"
	exit 0
fi
setup || { fp_fail "setup"; exit 1; }
fp_case info test_info
fp_case circuit test_circuit
fp_case vnet test_vnet
fp_case peering test_peering
fp_case endpoint test_endpoint
fp_case auth test_auth
fp_case conn test_conn
fp_case exception test_exception
fp_case udr test_udr
fp_case refusal test_refusal
fp_case delete_all test_delete_all
fp_exit
