#!/usr/bin/env python3
"""Score gwlint's wrong-character rules on the independent testers' drafts (`benches/testers/`).

    python3 benches/testers.py [--gwlint PATH] [--codes GW610] [--show]

Each set is drafts written by a tester who never read gwlint's code, data or docs, with the
errors the tester planted (`answers.tsv`: file, line, wrong text, right text, a few characters
around it) and the drafts that are fully correct (`correct.txt`). A finding counts as found
when it points, on the answer's line, at the wrong text inside the answer's context; every other
finding of the selected rules is false. Measurement only: tuning on these drafts would turn them
into one more training set.
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def score(folder, gwlint, codes):
    drafts = os.path.join(folder, 'drafts')
    files = sorted(os.listdir(drafts))
    answers = [line.rstrip('\n').split('\t') for line in open(os.path.join(folder, 'answers.tsv'), encoding='utf-8') if line.strip()]
    out = subprocess.run([gwlint, 'check', '--format', 'json', '--exit-zero', '--no-cache', '--select', ','.join(codes)]
                         + [os.path.join(drafts, f) for f in files], capture_output=True, check=True).stdout
    texts = {f: open(os.path.join(drafts, f), 'rb').read() for f in files}
    found = []
    for d in json.loads(out):
        f = os.path.basename(d['path'])
        t = texts[f]
        line = t[:d['byte_start']].count(b'\n') + 1
        found.append((f, line, t[d['byte_start']:d['byte_end']].decode('utf-8', 'replace'), d['message']))
    hit, missed = set(), []
    for f, line, wrong, right, context in answers:
        matches = [k for k, x in enumerate(found) if x[0] == f and x[1] == int(line) and x[2] and x[2] in wrong and x[2] in context]
        if matches:
            hit.update(matches)
        else:
            missed.append((f, line, wrong, right, context))
    false = [x for k, x in enumerate(found) if k not in hit]
    return len(answers), len(answers) - len(missed), missed, false


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--gwlint', default=os.path.join(HERE, '..', 'target', 'release', 'gwlint'))
    ap.add_argument('--codes', default='GW610', help='comma-separated rule codes that count')
    ap.add_argument('--show', action='store_true', help='list the missed errors and the false findings')
    args = ap.parse_args()
    root = os.path.join(HERE, 'testers')
    for name in sorted(os.listdir(root)):
        folder = os.path.join(root, name)
        if not os.path.isdir(folder):
            continue
        total, found, missed, false = score(folder, args.gwlint, args.codes.split(','))
        print(f'{name}: found {found} / {total}, false {len(false)}')
        if args.show:
            for f, line, wrong, right, context in missed:
                print(f'  missed {f}:{line} {wrong}→{right} “{context}”')
            for f, line, text, message in false:
                print(f'  false  {f}:{line} {message}')


if __name__ == '__main__':
    sys.exit(main())
