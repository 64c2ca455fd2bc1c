#!/usr/bin/env python3
"""Score gwlint's document rules on the independent rule testers' drafts (`benches/rule-testers/`).

Each tester planted violations of the 行文规则 and of the format, named by plain-language IDs
(C01 报告夹带请示事项 …) without knowing gwlint's codes; this script maps each ID to the rule that
should report it. A planted violation counts as found when its rule reports anything in that
draft (most of these rules speak once per draft, and not always on the line the tester chose).
On the drafts the tester wrote correct, every warning or error of any rule is a false alarm;
notes (提示) are counted apart.

Measurement only: do not tune on these drafts (see benches/testers/README.md).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

# The tester's ID → the rule that should report it.
RULE_OF = {
    'C01': 'GW101', 'C02': 'GW102', 'C03': 'GW104', 'C04': 'GW105', 'C05': 'GW201',
    'C06': 'GW202', 'C07': 'GW203', 'C08': 'GW204', 'C09': 'GW205', 'C10': 'GW206',
    'C11': 'GW208', 'C12': 'GW209', 'C13': 'GW103', 'C14': 'GW106', 'C15': 'GW107',
    'C16': 'GW301', 'C17': 'GW302', 'C18': 'GW303', 'C19': 'GW305', 'C20': 'GW306',
    'C21': 'GW304', 'C22': 'GW308',
}

# Rules that report the same defect at the same place: a half-width colon after the 主送 or after
# 附件 is GW401's (full-width punctuation) before it is GW305's or GW306's.
ALSO = {'C19': {'GW401'}, 'C20': {'GW401'}}

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'rule-testers')


def lint(gwlint, folder):
    drafts = os.path.join(folder, 'drafts')
    files = sorted(os.path.join(drafts, f) for f in os.listdir(drafts))
    out = subprocess.run([gwlint, 'check', '--format', 'json', '--exit-zero', '--no-cache'] + files,
                         capture_output=True, text=True, check=True).stdout
    by_file = collections.defaultdict(list)
    for d in json.loads(out):
        by_file[os.path.basename(d['path'])].append(d)
    return by_file


def score(folder, gwlint, show):
    by_file = lint(gwlint, folder)
    correct = set(open(os.path.join(folder, 'correct.txt'), encoding='utf-8').read().split())
    found = missed = 0
    per_rule = collections.Counter()
    per_rule_found = collections.Counter()
    lines = []
    for row in open(os.path.join(folder, 'answers.tsv'), encoding='utf-8'):
        cols = row.rstrip('\n').split('\t')
        if len(cols) < 4 or not cols[2].startswith('C'):
            continue
        name, line, rule_id, excerpt = cols[:4]
        code = RULE_OF[rule_id]
        per_rule[code] += 1
        codes = {code} | ALSO.get(rule_id, set())
        hit = any(d['code'] in codes for d in by_file.get(name, []))
        if hit:
            found += 1
            per_rule_found[code] += 1
        else:
            missed += 1
            lines.append(f'  missed {name}:{line} {rule_id}→{code} “{excerpt}”')
    false = notes = 0
    for name in sorted(correct):
        for d in by_file.get(name, []):
            if d['severity'] in ('warning', 'error'):
                false += 1
                lines.append(f"  false  {name}:{d['start']['line']} {d['code']} {d['message']}")
            else:
                notes += 1
                lines.append(f"  note   {name}:{d['start']['line']} {d['code']} {d['message']}")
    print(f'{os.path.basename(folder)}: found {found} / {found + missed}, '
          f'false alarms on {len(correct)} correct drafts {false} (notes {notes})')
    print('  by rule: ' + ', '.join(f'{c} {per_rule_found[c]}/{n}' for c, n in sorted(per_rule.items())))
    if show:
        print('\n'.join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gwlint', default='target/release/gwlint')
    ap.add_argument('--show', action='store_true', help='list the misses, false alarms and notes')
    args = ap.parse_args()
    for entry in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, entry)
        if os.path.isdir(os.path.join(folder, 'drafts')):
            score(folder, args.gwlint, args.show)
    return 0


if __name__ == '__main__':
    sys.exit(main())
