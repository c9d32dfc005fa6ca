#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tables, plots and the summary line of the data-path benchmark.

    report.py RESULTS [PLOTDIR]

RESULTS holds guest-init.sh's "dp-bench: variant=V profile=P routes=N
set=S rep=R pkt=F pps=X ..." lines (and "dp-bench-skip:" lines for the
variants a table is too big for).  For each profile, table and frame
size: every variant's median pps over the repetitions, its spread
(min-max, as a percentage of the median) and fastpath's ratio to it;
for fastpath also the share of the received packets its hook forwarded
(the rest took the gateway).  Then the "dp-bench-lat:" lines (round trip
median and p99 per variant: the medians over the repetitions) and the
"dp-bench-crr:" lines (TCP connections per second).  With PLOTDIR, one
PNG per profile and frame size there: median pps against the route
count, a line per variant (matplotlib); and dp-bench-latency.png and
dp-bench-crr.png, a bar per variant.  The last line:

    bench: A_vs_floor=R A_vs_flowtable=R A_vs_forwarding=R A_vs_bpf=R
           B_vs_floor=R B_vs_flowtable=R B_vs_forwarding=R B_vs_bpf=R
           flatness_1M=R

taken at the smallest table and frame size measured (flatness_1M:
fastpath's pps with the syn1m set, the trie benchmark's synthetic
million, over its pps with the smallest table, profile A, same frames);
"n/a" where a figure is missing.
"""
import re
import statistics
import sys
from collections import defaultdict

LINE = re.compile(r'^dp-bench(-skip|-lat|-crr)?: (.*)$')
PEERS = ['floor', 'flowtable', 'forwarding', 'bpf']
ORDER = ['fastpath', 'forwarding', 'flowtable', 'flower', 'floor', 'bpf']


def parse(path):
    runs = defaultdict(list)
    skips = defaultdict(list)
    carried = defaultdict(list)
    rr = defaultdict(lambda: defaultdict(list))
    with open(path) as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            if m.group(1) in ('-lat', '-crr'):
                kv = dict(x.split('=', 1) for x in m.group(2).split())
                for k, v in kv.items():
                    if k not in ('variant', 'rep'):
                        rr[(m.group(1)[1:], kv['variant'])][k].append(
                            float(v))
                continue
            if m.group(1):
                kv = dict(re.findall(r'(\w+)=(\S+)', m.group(2)))
                reason = m.group(2).split('reason=', 1)[-1]
                skips[(kv['profile'], int(kv['routes']))].append(
                    f"{kv['variant']}: not measured ({reason})")
                continue
            kv = dict(x.split('=', 1) for x in m.group(2).split())
            key = (kv['profile'], int(kv['routes']),
                   kv.get('set', kv['routes']), int(kv['pkt']),
                   kv['variant'])
            runs[key].append(int(kv['pps']))
            if 'fp' in kv and int(kv['received']):
                carried[key].append(int(kv['fp']) * 100 /
                                    int(kv['received']))
    return runs, skips, carried, rr


RR_TABLES = {
    'lat': ('request/response, 32-byte UDP datagrams, one at a time '
            '(microseconds, medians over the repetitions)',
            [('p50', 'rtt_p50_us', '.1f'), ('p99', 'rtt_p99_us', '.1f'),
             ('lost', 'lost', '.0f'), ('via fastpath', 'fp', '.0f')]),
    'crr': ('TCP connection rate: connect, a byte each way, reset '
            '(connections per second, medians over the repetitions)',
            [('cps', 'cps', '.0f'), ('failed', 'failed', '.0f'),
             ('via fastpath', 'fp', '.0f')]),
}


def rr_report(rr, plotdir):
    """The latency and connection-rate tables, and their bar plots."""
    rows = {'lat': [], 'crr': []}
    for (kind, v), vals in sorted(rr.items(), key=lambda x: (
            x[0][0], ORDER.index(x[0][1]) if x[0][1] in ORDER else 99)):
        rows[kind].append((v, {k: statistics.median(x)
                               for k, x in vals.items()}))
    for kind, (title, cols) in RR_TABLES.items():
        if not rows[kind]:
            continue
        print(f'\n{title}')
        print(f'  {"variant":<11}' + ''.join(f' {c:>{max(len(c), 7)}}'
                                             for c, _, _ in cols))
        for v, m in rows[kind]:
            print(f'  {v:<11}' + ''.join(
                f' {m.get(k, 0):>{max(len(c), 7)}{f}}' for c, k, f in cols))
    plt = pyplot() if plotdir else None
    if not plt:
        return
    for kind, title, ylabel in (
            ('lat', 'UDP request/response', 'round trip (microseconds)'),
            ('crr', 'TCP connection rate', 'connections per second')):
        if not rows[kind]:
            continue
        fig, ax = plt.subplots(figsize=(6, 3.8))
        names = [v for v, _ in rows[kind]]
        x = list(range(len(names)))
        bars = [('p50', 'rtt_p50_us', -0.2), ('p99', 'rtt_p99_us', 0.2)] \
            if kind == 'lat' else [('median', 'cps', 0)]
        for label, key, off in bars:
            ax.bar([i + off for i in x], [m[key] for _, m in rows[kind]],
                   0.4, label=label)
        ax.set_xticks(x, names)
        ax.set_ylabel(ylabel)
        ax.set_title(f'{title}, stock 6.1 in QEMU/TCG')
        save(plt, fig, ax, f'{plotdir}/dp-bench-'
             f'{"latency" if kind == "lat" else kind}.png')


def pyplot():
    """matplotlib's pyplot for PNG files, or None without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        print('plots: no matplotlib for this python3 (python3-matplotlib '
              'serves /usr/bin/python3)', file=sys.stderr)
        return None
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    return plt


def save(plt, fig, ax, out):
    ax.legend(fontsize='small')
    fig.tight_layout()
    fig.savefig(out, dpi=90)
    plt.close(fig)
    print(f'plot: {out}')


def plots(med, tables, plotdir):
    plt = pyplot()
    if not plt:
        return
    for prof, pkt in sorted({(p, s) for p, _, _, s in tables}):
        rows = sorted((n, name) for p, n, name, s in tables
                      if (p, s) == (prof, pkt))
        if len(rows) < 2:
            continue
        fig, ax = plt.subplots(figsize=(7, 4.2))
        for v in ORDER:
            pts = [(n, med[(prof, n, name, pkt, v)]) for n, name in rows
                   if (prof, n, name, pkt, v) in med]
            if pts:
                ax.plot([x for x, _ in pts], [y / 1000 for _, y in pts],
                        marker='o', label=v)
        ax.set_xscale('log')
        ax.set_xlabel('routes (log scale)')
        ax.set_ylabel('kpps (median)')
        ax.set_title(f'profile {prof}, {pkt + 4}-byte frames, '
                     'stock 6.1 in QEMU/TCG, one vCPU')
        ax.grid(True, which='both', alpha=0.3)
        save(plt, fig, ax, f'{plotdir}/dp-bench-{prof}-{pkt + 4}.png')


def main():
    runs, skips, carried, rr = parse(sys.argv[1])
    if not runs:
        print('dp-bench: no measurements', file=sys.stderr)
        return 1
    med = {k: statistics.median(v) for k, v in runs.items()}
    tables = sorted({k[:4] for k in runs}, key=lambda t: (t[0], t[1], t[3]))
    for prof, n, name, pkt in tables:
        fp = med.get((prof, n, name, pkt, 'fastpath'))
        reps = max(len(v) for k, v in runs.items()
                   if k[:4] == (prof, n, name, pkt))
        label = f'{n} routes' if name == str(n) else f'{name} ({n} routes)'
        print(f'\nprofile {prof}, {label}, {pkt}-byte frames '
              f'(pps, median of {reps})')
        print(f'  {"variant":<11} {"pps":>9} {"spread":>7} {"fastpath/x":>10}')
        for v in ORDER:
            k = (prof, n, name, pkt, v)
            if k not in med:
                continue
            spread = (max(runs[k]) - min(runs[k])) * 100 / max(med[k], 1)
            ratio = f'{fp / med[k]:.2f}' if fp and med[k] else 'n/a'
            via = (f'  {statistics.median(carried[k]):.1f}% via fastpath'
                   if v == 'fastpath' and carried.get(k) else '')
            print(f'  {v:<11} {med[k]:>9.0f} {spread:>6.0f}% {ratio:>10}'
                  f'{via}')
        for s in sorted(set(skips.get((prof, n), []))):
            print(f'  {s}')
    if len(sys.argv) > 2:
        plots(med, tables, sys.argv[2])
    rr_report(rr, sys.argv[2] if len(sys.argv) > 2 else None)
    smallest = min(n for _, n, _, _ in tables)
    pkt = min(s for _, _, _, s in tables)
    parts = []
    for prof in ['A', 'B']:
        fp = med.get((prof, smallest, str(smallest), pkt, 'fastpath'))
        for peer in PEERS:
            x = med.get((prof, smallest, str(smallest), pkt, peer))
            parts.append(f'{prof}_vs_{peer}=' +
                         (f'{fp / x:.2f}' if fp and x else 'n/a'))
    big = [v for k, v in med.items()
           if k[0] == 'A' and k[2] == 'syn1m' and k[3] == pkt and
           k[4] == 'fastpath']
    small = med.get(('A', smallest, str(smallest), pkt, 'fastpath'))
    parts.append('flatness_1M=' + (f'{big[0] / small:.2f}'
                                   if big and small else 'n/a'))
    print('\nbench: ' + ' '.join(parts))
    return 0


if __name__ == '__main__':
    sys.exit(main())
