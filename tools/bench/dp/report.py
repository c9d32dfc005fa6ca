#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tables, plots and the summary line of the data-path benchmark.

    report.py RESULTS [PLOTDIR]

RESULTS holds guest-init.sh's "dp-bench: variant=V profile=P routes=N
set=S rep=R pkt=F pps=X ..." lines (and "dp-bench-skip:" lines for the
variants a table is too big for).  For each profile, table and frame
size: every variant's median pps over the repetitions, its spread
(min-max, as a percentage of the median) and fastpath's ratio to it.
With PLOTDIR, one PNG per profile and frame size there: median pps
against the route count, a line per variant (matplotlib).  The last
line:

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

LINE = re.compile(r'^dp-bench(-skip)?: (.*)$')
PEERS = ['floor', 'flowtable', 'forwarding', 'bpf']
ORDER = ['fastpath', 'forwarding', 'flowtable', 'flower', 'floor', 'bpf']


def parse(path):
    runs = defaultdict(list)
    skips = defaultdict(list)
    with open(path) as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
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
    return runs, skips


def plots(med, tables, plotdir):
    try:
        import matplotlib
    except ImportError:
        print('plots: no matplotlib for this python3 (python3-matplotlib '
              'serves /usr/bin/python3)', file=sys.stderr)
        return
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
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
        ax.legend(fontsize='small')
        fig.tight_layout()
        out = f'{plotdir}/dp-bench-{prof}-{pkt + 4}.png'
        fig.savefig(out, dpi=90)
        plt.close(fig)
        print(f'plot: {out}')


def main():
    runs, skips = parse(sys.argv[1])
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
            print(f'  {v:<11} {med[k]:>9.0f} {spread:>6.0f}% {ratio:>10}')
        for s in sorted(set(skips.get((prof, n), []))):
            print(f'  {s}')
    if len(sys.argv) > 2:
        plots(med, tables, sys.argv[2])
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
