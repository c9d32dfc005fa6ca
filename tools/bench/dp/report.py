#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tables and the summary line of the data-path benchmark.

    report.py RESULTS

RESULTS holds guest-init.sh's "dp-bench: variant=V profile=P routes=N
rep=R pkt=S pps=X ..." lines.  For each profile and route count: every
variant's median pps over the repetitions, its spread (min-max, as a
percentage of the median) and fastpath's ratio to it.  The last line:

    bench: A_vs_floor=R A_vs_flowtable=R A_vs_forwarding=R A_vs_bpf=R
           B_vs_floor=R B_vs_flowtable=R B_vs_forwarding=R B_vs_bpf=R
           flatness_1M=R

taken at the smallest route count and frame size measured (flatness_1M:
fastpath's pps with 1,000,000 routes over its pps with the smallest
table, profile A, same frames); "n/a" where a figure is missing.
"""
import re
import statistics
import sys
from collections import defaultdict

LINE = re.compile(r'^dp-bench: (.*)$')
PEERS = ['floor', 'flowtable', 'forwarding', 'bpf']
ORDER = ['fastpath', 'forwarding', 'flowtable', 'flower', 'floor', 'bpf']


def main():
    runs = defaultdict(list)
    with open(sys.argv[1]) as f:
        for line in f:
            m = LINE.match(line.strip())
            if not m:
                continue
            kv = dict(x.split('=', 1) for x in m.group(1).split())
            key = (kv['profile'], int(kv['routes']), int(kv['pkt']),
                   kv['variant'])
            runs[key].append(int(kv['pps']))
    if not runs:
        print('dp-bench: no measurements', file=sys.stderr)
        return 1
    med = {k: statistics.median(v) for k, v in runs.items()}
    tables = sorted({(p, n, s) for p, n, s, _ in runs})
    for prof, n, pkt in tables:
        fp = med.get((prof, n, pkt, 'fastpath'))
        reps = max(len(v) for k, v in runs.items() if k[:3] == (prof, n, pkt))
        print(f'\nprofile {prof}, {n} routes, {pkt}-byte frames '
              f'(pps, median of {reps})')
        print(f'  {"variant":<11} {"pps":>9} {"spread":>7} {"fastpath/x":>10}')
        for v in ORDER:
            k = (prof, n, pkt, v)
            if k not in med:
                continue
            spread = (max(runs[k]) - min(runs[k])) * 100 / max(med[k], 1)
            ratio = f'{fp / med[k]:.2f}' if fp and med[k] else 'n/a'
            print(f'  {v:<11} {med[k]:>9.0f} {spread:>6.0f}% {ratio:>10}')
    smallest = min(n for _, n, _ in tables)
    pkt = min(s for _, _, s in tables)
    parts = []
    for prof in ['A', 'B']:
        fp = med.get((prof, smallest, pkt, 'fastpath'))
        for peer in PEERS:
            x = med.get((prof, smallest, pkt, peer))
            parts.append(f'{prof}_vs_{peer}=' +
                         (f'{fp / x:.2f}' if fp and x else 'n/a'))
    big = med.get(('A', 1000000, pkt, 'fastpath'))
    small = med.get(('A', smallest, pkt, 'fastpath'))
    parts.append('flatness_1M=' + (f'{big / small:.2f}'
                                   if big and small else 'n/a'))
    print('\nbench: ' + ' '.join(parts))
    return 0


if __name__ == '__main__':
    sys.exit(main())
