#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn a fastpath test guest's console log into one verdict.

Reads the markers printed by tools/testing/qemu/init.sh, the KUnit KTAP
results and the kernel's own messages.  A run passes only if every KUnit
case and selftest case passed, every selftest script agreed with its cases,
the guest reached FP-DONE, kmemleak found nothing and the kernel printed no
oops, WARN, lockdep, KASAN, UBSAN or similar report.

Prints the failures, then "N passed, N failed[, N skipped]".  With --json
FILE also writes the counts for tools/testing/qemu/check.sh to add up.
Exit status: 0 if nothing failed, 1 otherwise.
"""
import argparse
import json
import re
import sys

RESULT = re.compile(r'^(\s*)(not ok|ok)\s+\d+\s*(?:-\s*)?([^#]*?)\s*(?:#\s*(\S+).*)?$')
# KUnit's own per-suite tally, e.g. "# fastpath_netlink: pass:2 fail:1 skip:0 total:3".
TALLY = re.compile(r'^\s*# (\S+): pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)')
CASE = re.compile(r'FP-CASE: (PASS|FAIL|SKIP) (\S+)')
SCRIPT = re.compile(r'FP-SCRIPT: (\S+) rc=(\d+)')

# Kernel reports that fail a run wherever they appear in the log.
KERNEL_REPORTS = [
    ('oops', re.compile(r'\bOops\b|general protection fault|kernel BUG at')),
    ('bug', re.compile(r'\bBUG: ')),
    ('warn', re.compile(r'WARNING: .* at |------------\[ cut here \]')),
    ('kasan', re.compile(r'KASAN: ')),
    ('ubsan', re.compile(r'UBSAN: ')),
    ('lockdep', re.compile(r'possible (circular|recursive) locking|'
                           r'inconsistent lock state|'
                           r'suspicious RCU usage|'
                           r'DEBUG_LOCKS_WARN_ON|'
                           r'lock held when returning to user space|'
                           r'possible irq lock inversion|'
                           r'held lock freed')),
    ('debugobjects', re.compile(r'ODEBUG: ')),
    ('list', re.compile(r'list_(add|del) corruption')),
    ('hung', re.compile(r'INFO: task .* blocked for more than|'
                        r'soft lockup|hard LOCKUP|rcu_sched self-detected stall|'
                        r'rcu: INFO: rcu_.*detected stalls')),
    ('panic', re.compile(r'Kernel panic')),
]


def ktap_leaves(lines):
    """(name, status) of each leaf result of a KTAP document."""
    out = []
    prev_indent = None
    for line in lines:
        m = RESULT.match(line)
        if not m:
            continue
        indent = len(m.group(1).expandtabs())
        # A parent's result line directly follows its children's.
        is_parent = prev_indent is not None and prev_indent > indent
        prev_indent = indent
        if is_parent:
            continue
        directive = (m.group(4) or '').upper()
        if directive == 'SKIP':
            status = 'skip'
        elif m.group(2) == 'ok':
            status = 'pass'
        else:
            status = 'fail'
        out.append((m.group(3).strip(), status))
    return out


def kmemleak_objects(block, start_jiffies):
    """Split a kmemleak report into objects leaked by the tests (each a
    list of lines) and a count of objects allocated before they started."""
    objects = []
    for line in block:
        if line.startswith('unreferenced object'):
            objects.append([line])
        elif objects:
            objects[-1].append(line)
    leaks, boot = [], 0
    for obj in objects:
        m = re.search(r'jiffies (\d+)', '\n'.join(obj[:3]))
        if start_jiffies is not None and m and int(m.group(1)) < start_jiffies:
            boot += 1
        else:
            leaks.append(obj)
    return leaks, boot


def strip_time(line):
    return re.sub(r'^\[\s*\d+\.\d+\]\s?', '', line)


def parse(text):
    passed, failed, skipped = [], [], []
    lines = [strip_time(l.rstrip('\r')) for l in text.splitlines()]
    script_fail = {}
    script_rc = {}
    done = False
    start_jiffies = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith('FP-KTAP-BEGIN'):
            suite = line.split(None, 1)[1] if ' ' in line else '?'
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith('FP-KTAP-END'):
                block.append(lines[i])
                i += 1
            leaves = ktap_leaves(block)
            if not leaves:
                failed.append('kunit/%s: no results' % suite)
            got = {'pass': [], 'fail': [], 'skip': []}
            for name, status in leaves:
                got[status].append('kunit/%s/%s' % (suite, name))
            # Long assertion messages can mangle result lines on the
            # console: KUnit's own tally of the suite is authoritative.
            for l in block:
                m = TALLY.match(l)
                if m and m.group(1) == suite:
                    for status, n in zip(('pass', 'fail', 'skip'),
                                         map(int, m.group(2, 3, 4))):
                        while len(got[status]) < n:
                            got[status].append('kunit/%s/(result line unreadable)' % suite)
            passed += got['pass']
            failed += got['fail']
            skipped += got['skip']
        elif line.startswith('FP-KMEMLEAK-BEGIN'):
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith('FP-KMEMLEAK-END'):
                block.append(lines[i])
                i += 1
            leaks, boot = kmemleak_objects(block, start_jiffies)
            if boot:
                print('note: kmemleak: %d objects leaked during boot, before '
                      'the tests (not ours)' % boot)
            if leaks:
                failed.append('kmemleak: %d unreferenced objects' % len(leaks))
                for obj in leaks[:4]:
                    for l in obj:
                        print('  | ' + l)
        elif line.startswith('FP-JIFFIES-START '):
            try:
                start_jiffies = int(line.split()[1])
            except (IndexError, ValueError):
                pass
        elif line.startswith('FP-HANG: '):
            # lib_hang.sh: a selftest script hung (its FP-CASE FAIL
            # follows); show where every process was.
            print('  hang| ' + line[len('FP-HANG: '):])
        else:
            m = CASE.search(line)
            if m:
                status, name = m.groups()
                {'PASS': passed, 'FAIL': failed, 'SKIP': skipped}[status].append(name)
                if status == 'FAIL':
                    suite = name.split('/')[0]
                    script_fail[suite] = script_fail.get(suite, 0) + 1
            m = SCRIPT.search(line)
            if m:
                script_rc[m.group(1)] = int(m.group(2))
            if line.strip() == 'FP-DONE':
                done = True
        i += 1

    for script, rc in script_rc.items():
        nfail = script_fail.get(script, 0)
        if rc != 0 and nfail == 0:
            failed.append('selftest/%s: exited %d without a failed case' % (script, rc))
        elif rc == 0 and nfail:
            failed.append('selftest/%s: exited 0 despite failed cases' % script)
    if not passed and not failed:
        failed.append('harness: no test ran')
    if not done:
        failed.append('guest: no FP-DONE (crash, panic or timeout)')

    for kind, rx in KERNEL_REPORTS:
        hits = [l for l in lines if rx.search(l)]
        if hits:
            failed.append('kernel/%s: %s' % (kind, hits[0].strip()))
    return passed, failed, skipped


def script_times(text):
    """Guest seconds per step, from the uptime stamps /init prints: the
    KUnit modules (boot to the first script), each selftest script, and
    the whole run (boot to the kmemleak scan)."""
    stamps = re.findall(r'FP-(GUEST|SCRIPT-BEGIN|SCRIPT|KMEMLEAK-BEGIN):? ?(\S*).*? t=([0-9.]+)', text)
    times, begin, boot, first, end = [], {}, None, None, None
    for kind, name, t in stamps:
        t = float(t)
        if kind == 'GUEST':
            boot = t
        elif kind == 'SCRIPT-BEGIN':
            begin[name] = t
            first = t if first is None else first
        elif kind == 'SCRIPT' and name in begin:
            times.append((name, t - begin.pop(name)))
        elif kind == 'KMEMLEAK-BEGIN':
            end = t
    if boot is not None and first is not None:
        times.insert(0, ('kunit', first - boot))
    if boot is not None and end is not None:
        times.append(('total', end - boot))
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('log')
    ap.add_argument('--json', help='write the counts to this file')
    ap.add_argument('--label', default='', help='prefix for the summary line')
    args = ap.parse_args()
    with open(args.log, errors='replace') as f:
        passed, failed, skipped = parse(f.read())
    for name in failed:
        print('FAIL: %s%s' % (args.label + ' ' if args.label else '', name))
    for name in skipped:
        print('SKIP: %s' % name)
    summary = '%d passed, %d failed' % (len(passed), len(failed))
    if skipped:
        summary += ', %d skipped' % len(skipped)
    times = script_times(open(args.log, errors='replace').read())
    if times:
        print('%stimes (guest s): %s' % (args.label + ' ' if args.label else '',
              ', '.join('%s %d' % (n, t) for n, t in times)))
    print((args.label + ' ' if args.label else '') + summary)
    if args.json:
        with open(args.json, 'w') as f:
            json.dump({'passed': len(passed), 'failed': len(failed),
                       'skipped': len(skipped), 'failures': failed}, f)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
