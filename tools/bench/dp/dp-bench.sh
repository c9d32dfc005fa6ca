#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Data-path benchmark (make bench): fastpath side by side with what Linux
# already offers, in ONE boot of Debian's STOCK kernel in QEMU (TCG, one
# vCPU), same topology and traffic for every variant (guest-init.sh has
# the diagram): fastpath, plain IP forwarding (the gateway), nftables
# flowtable, tc flower+pedit+csum+mirred, the floor (tc matchall mirred,
# no lookup, no rewrite) and a Cilium-style tc BPF program (LPM_TRIE map,
# bpf_redirect_peer()).  pktgen floods from the onprem namespace; a tc
# drop at the VM's ingress counts what arrives.  Variants alternate within
# each repetition; the figure is the median over the repetitions.  Then
# IPv6 (fastpath, forwarding, the floor and bpf), request/response latency
# (fastpath, forwarding, bpf) and TCP connection rate (fastpath,
# forwarding, flowtable) with rr.c.
#
#   1. build fastpath.ko the DKMS way and fpctl (tools/bench/lib), the BPF
#      program and its loader (tools/bench/dp/Makefile: clang, libbpf);
#   2. pack an initramfs with them, the stock modules they need, ip, tc,
#      nft, and guest-init.sh as /init; boot /boot/vmlinuz-<stock>;
#   3. print a table per profile and route count (median pps, spread, ratio
#      of fastpath to each peer) and one summary line:
#      bench: A_vs_floor=R A_vs_flowtable=R A_vs_forwarding=R A_vs_bpf=R
#             B_vs_floor=R ... flatness_1M=R
#      (ratios fastpath/peer, higher is better; n/a where not measured).
#
# Exits non-zero only when something did not build, boot or finish;
# never because of a figure.
#
# Environment: QUICK=1 (profiles A and B at 10 routes, 3 repetitions of
# 3 s: a few minutes), DP_BENCH_SECS (default 4), DP_BENCH_REPS (3),
# DP_BENCH_SIZES (route counts, or real4 and syn1m: the trie benchmark's
# sets, lpm_bench --dump; default "10 1000 100000 real4 syn1m"),
# DP_BENCH_FLOWER_MAX (flower is not loaded beyond it: 100000),
# DP_BENCH_PKTS (frame sizes
# without FCS, default "60 1514": 64-byte frames and 1500-byte packets;
# QUICK: 60), DP_BENCH_PROFILES (default "A B"), DP_BENCH_VARIANTS,
# DP_BENCH_V6_PROFILES (default "A6 B6"; QUICK: none), DP_BENCH_V6_SIZES
# (default 100000), DP_BENCH_V6_VARIANTS (fastpath forwarding floor bpf),
# DP_BENCH_LAT_VARIANTS (fastpath forwarding bpf; QUICK: none),
# DP_BENCH_LAT_COUNT (round trips per measurement, 5000),
# DP_BENCH_CRR_VARIANTS (fastpath forwarding flowtable; QUICK: none),
# DP_BENCH_CRR_SECS (default: DP_BENCH_SECS),
# DP_BENCH_PROBES (kernel functions: a kprobe on each counts its calls
# per forwarded packet, printed per measurement; a diagnosis aid, the
# probes cost time, so not for figures), DP_BENCH_PERF (variants to
# profile: perf record -a of the flood, the top of perf report printed as
# "dp-bench-perf:" lines; needs Debian's linux-perf), DP_BENCH_TIMEOUT
# (seconds, default 10800: the full run took 71 min),
# DP_BENCH_MEM (default 6G).  Output: build/dp-bench/
# (console.log, results.txt: the raw lines, dp-bench-PROFILE-FRAME.png:
# pps against route count, with more than one table; dp-bench-latency.png
# and dp-bench-crr.png).
set -euo pipefail
export LC_ALL=C

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../../.." && pwd)
out="$top/build/dp-bench"
if [ "${QUICK:-0}" = 1 ]; then
	secs=${DP_BENCH_SECS:-3}
	sizes=${DP_BENCH_SIZES:-10}
	pkts=${DP_BENCH_PKTS:-60}
	v6_profiles=${DP_BENCH_V6_PROFILES-}
	lat_variants=${DP_BENCH_LAT_VARIANTS-}
	crr_variants=${DP_BENCH_CRR_VARIANTS-}
else
	secs=${DP_BENCH_SECS:-4}
	sizes=${DP_BENCH_SIZES:-10 1000 100000 real4 syn1m}
	pkts=${DP_BENCH_PKTS:-60 1514}
	v6_profiles=${DP_BENCH_V6_PROFILES-A6 B6}
	lat_variants=${DP_BENCH_LAT_VARIANTS-fastpath forwarding bpf}
	crr_variants=${DP_BENCH_CRR_VARIANTS-fastpath forwarding flowtable}
fi
v6_sizes=${DP_BENCH_V6_SIZES:-100000}
v6_variants=${DP_BENCH_V6_VARIANTS:-fastpath forwarding floor bpf}
lat_count=${DP_BENCH_LAT_COUNT:-5000}
crr_secs=${DP_BENCH_CRR_SECS:-$secs}
reps=${DP_BENCH_REPS:-3}
profiles=${DP_BENCH_PROFILES:-A B}
probes=${DP_BENCH_PROBES:-}
flower_max=${DP_BENCH_FLOWER_MAX:-100000}
perf_variants=${DP_BENCH_PERF:-}
variants=${DP_BENCH_VARIANTS:-fastpath forwarding flowtable flower floor bpf}
qtimeout=${DP_BENCH_TIMEOUT:-10800}
mem=${DP_BENCH_MEM:-6G}

log() { printf 'dp-bench.sh: %s\n' "$*" >&2; }
fail() { log "FAIL $*"; exit 1; }

mkdir -p "$out"
[ -e "$top/build/.gitignore" ] || echo '*' > "$top/build/.gitignore"

# shellcheck source=tools/bench/lib/stock-guest.sh
. "$top/tools/bench/lib/stock-guest.sh"
sg_stock_kernel "$out"

# --- build --------------------------------------------------------------------
sg_fastpath_build "$out"
make -s -C "$here" > "$out/bpf-build.log" 2>&1 ||
	{ cat "$out/bpf-build.log" >&2; fail "BPF program or loader build failed"; }

# --- initramfs and boot -----------------------------------------------------------
sg_root_begin
mkdir -p "$root/bench"
for p in tc nft; do
	sg_copy "$(readlink -f "$(command -v $p)")" "/usr/sbin/$p"
	rm -f "$root/bin/$p"
done
sg_copy "$top/tools/fpctl/fpctl" /usr/sbin/fpctl
sg_copy "$here/fpbpf" /usr/sbin/fpbpf
sg_copy "$here/rr" /usr/sbin/rr
if [ -n "$perf_variants" ]; then
	command -v perf >/dev/null || fail "DP_BENCH_PERF needs perf (apt-get install linux-perf)"
	sg_copy "$(readlink -f "$(command -v perf)")" /usr/bin/perf
fi
install -m 0644 "$here/fp_tc.bpf.o" "$root/bench/fp_tc.bpf.o"
install -m 0755 "$here/pg.sh" "$root/bench/pg.sh"
# Named route sets: the trie benchmark's generators (lpm_bench --dump).
mkdir -p "$root/bench/sets"
for s in $sizes; do
	case $s in
	*[!0-9]*)
		make -s -C "$top/tools/bench" lpm_bench >/dev/null ||
			fail "lpm_bench does not build (the route sets' generator)"
		"$top/tools/bench/lpm_bench" --dump "$s" >"$root/bench/sets/$s" ||
			fail "no route set $s (lpm_bench --dump real4|syn1m)"
		;;
	esac
done
mods=()
for m in drivers/net/veth drivers/net/dummy net/core/pktgen \
	net/sched/sch_ingress net/sched/cls_matchall net/sched/cls_flower \
	net/sched/cls_bpf net/sched/act_mirred net/sched/act_pedit \
	net/sched/act_csum net/sched/act_gact net/netfilter/nf_tables \
	net/netfilter/nft_flow_offload net/netfilter/nf_flow_table_inet \
	net/netfilter/nft_ct crypto/crc32c_generic; do
	mods+=("kernel/$m.ko")
done
sg_modules "$fastpath_ko" "${mods[@]}"
{
	printf 'SECS=%s\nREPS=%s\nPKTS="%s"\n' "$secs" "$reps" "$pkts"
	printf 'PROFILES="%s"\nSIZES="%s"\nVARIANTS="%s"\n' "$profiles" "$sizes" "$variants"
	printf 'PROBES="%s"\nPERF="%s"\n' "$probes" "$perf_variants"
	printf 'FLOWER_MAX=%s\n' "$flower_max"
	printf 'V6_PROFILES="%s"\nV6_SIZES="%s"\nV6_VARIANTS="%s"\n' \
		"$v6_profiles" "$v6_sizes" "$v6_variants"
	printf 'LAT_VARIANTS="%s"\nLAT_COUNT=%s\n' "$lat_variants" "$lat_count"
	printf 'CRR_VARIANTS="%s"\nCRR_SECS=%s\n' "$crr_variants" "$crr_secs"
} > "$root/bench/params"
install -m 0755 "$here/guest-init.sh" "$root/init"
sg_root_pack "$out/initramfs.img"
log "initramfs $(du -h "$out/initramfs.img" | cut -f1); sizes: $sizes; $reps x ${secs} s; frames of $pkts bytes"

sg_run "$out/initramfs.img" dp-bench DP-BENCH-DONE "$qtimeout" "$mem" "" >/dev/null
tr -d '\r' < "$console" | grep -a -E '^dp-bench(-guest|-probe|-perf|-skip|-lat|-crr)?:' > "$out/results.txt" || true
grep -E '^dp-bench-(guest|probe|perf):' "$out/results.txt" || true
# Debian's python3, whose dist-packages hold python3-matplotlib (a python3
# earlier in PATH, such as a pyenv shim, may not have it).
py=/usr/bin/python3
[ -x "$py" ] || py=python3
"$py" "$here/report.py" "$out/results.txt" "$out"
