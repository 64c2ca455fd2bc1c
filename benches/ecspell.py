#!/usr/bin/env python3
"""Wrong-character detection measured on ECSpell's ODW training split (sentences from published
government documents with single-character substitutions; `../shared/data/ecspell/`, MIT).

    python3 benches/ecspell.py [--gwlint target/release/gwlint] [--data PATH/odw.train] [--codes GW610,...]

Each sentence is one line of one text file, checked with `gwlint check --format json` in an empty
directory (no gwlint.toml). A finding of one of `--codes` on a line flags that sentence; the
characters its span covers are the detected positions, and a fix replacing one character is its
correction. Reported as the Chinese spelling check literature reports them (SIGHAN-style):

- sentence level, detection: a flagged sentence counts as correct only when its detected positions
  are exactly the wrong ones (strict); also the plain "has an error / flagged" agreement;
- character level: detection (position) and correction (position and character) precision,
  recall and F1.

Tune only on odw.train; the test split is held back for independent evaluation.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def ratio(a, b):
    return a / b if b else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--gwlint', default=os.path.join(HERE, '..', 'target', 'release', 'gwlint'))
    ap.add_argument('--data', default=os.path.join(HERE, '..', '..', 'shared', 'data', 'ecspell', 'odw.train'))
    ap.add_argument('--codes', default='GW610', help='comma-separated rule codes that count as detections')
    ap.add_argument('--show', type=int, default=0, help='print this many false detections')
    ap.add_argument('--misses', type=int, default=0, help='print this many missed wrong characters')
    ap.add_argument('--config', default=None, help='a gwlint.toml to check with (e.g. [rules.GW610] threshold)')
    ap.add_argument('--json', action='store_true', help='print the numbers as JSON')
    args = ap.parse_args()
    codes = set(args.codes.split(','))

    rows = []
    with open(args.data, encoding='utf-8') as f:
        for line in f:
            n, wrong, right = line.rstrip('\n').split('\t')
            if len(wrong) != len(right):
                continue
            rows.append((wrong, right))

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'odw.txt')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(w for w, _ in rows) + '\n')
        if args.config:
            with open(args.config, encoding='utf-8') as src, open(os.path.join(tmp, 'gwlint.toml'), 'w', encoding='utf-8') as dst:
                dst.write(src.read())
        out = subprocess.run([args.gwlint, 'check', '--format', 'json', '--exit-zero', '--extend-select', ','.join(sorted(codes)), 'odw.txt'],
                             cwd=tmp, capture_output=True, check=True).stdout
    findings = json.loads(out)

    # Byte offsets of the file → (line, character position).
    data = ('\n'.join(w for w, _ in rows) + '\n').encode('utf-8')
    line_starts = [0]
    for k, b in enumerate(data):
        if b == 0x0A:
            line_starts.append(k + 1)

    def place(byte):
        import bisect
        i = bisect.bisect_right(line_starts, byte) - 1
        return i, len(data[line_starts[i]:byte].decode('utf-8'))

    # line → {position: proposed character or None}
    found = {}
    for d in findings:
        if d.get('code') not in codes or 'byte_start' not in d:
            continue
        i, start = place(d['byte_start'])
        _, end = place(max(d['byte_end'], d['byte_start']))
        if i >= len(rows):
            continue
        guesses = {}
        for e in (d.get('fix') or {}).get('edits') or []:
            _, a = place(e['byte_start'])
            _, b = place(e['byte_end'])
            if b - a == len(e['replacement']):
                for k, ch in enumerate(e['replacement']):
                    guesses[a + k] = ch
        for pos in range(start, max(end, start + 1)):
            if pos < len(rows[i][0]) and rows[i][0][pos] != guesses.get(pos, rows[i][0][pos] + 'x'):
                found.setdefault(i, {})[pos] = guesses.get(pos)
            elif pos < len(rows[i][0]) and pos not in guesses:
                found.setdefault(i, {})[pos] = None

    c = Counter()
    shown = 0
    for i, (wrong, right) in enumerate(rows):
        gold = {p: r for p, (w, r) in enumerate(zip(wrong, right)) if w != r}
        pred = found.get(i, {})
        for p, guess in pred.items():
            if p in gold:
                c['det_tp'] += 1
                c['cor_tp'] += guess == gold[p]
            else:
                c['det_fp'] += 1
                if shown < args.show:
                    shown += 1
                    print(f'误报：{wrong[max(0, p - 8):p]}【{wrong[p]}→{guess}】{wrong[p + 1:p + 9]}', file=sys.stderr)
        c['det_fn'] += sum(1 for p in gold if p not in pred)
        for p in gold:
            if p not in pred and c['missed_shown'] < args.misses:
                c['missed_shown'] += 1
                print(f'漏报：{wrong[max(0, p - 8):p]}【{wrong[p]}→{gold[p]}】{wrong[p + 1:p + 9]}', file=sys.stderr)
        if pred:
            c['sent_flagged'] += 1
            c['sent_flagged_faulty'] += bool(gold)
            c['sent_strict_tp'] += set(pred) == set(gold)
        if gold:
            c['sent_faulty'] += 1
    det_p = ratio(c['det_tp'], c['det_tp'] + c['det_fp'])
    det_r = ratio(c['det_tp'], c['det_tp'] + c['det_fn'])
    cor_p = ratio(c['cor_tp'], c['det_tp'] + c['det_fp'])
    cor_r = ratio(c['cor_tp'], c['det_tp'] + c['det_fn'])
    s_p = ratio(c['sent_strict_tp'], c['sent_flagged'])
    s_r = ratio(c['sent_strict_tp'], c['sent_faulty'])
    b_p = ratio(c['sent_flagged_faulty'], c['sent_flagged'])
    b_r = ratio(c['sent_flagged_faulty'], c['sent_faulty'])
    result = {
        'sentences': len(rows),
        'faulty_sentences': c['sent_faulty'],
        'flagged_sentences': c['sent_flagged'],
        'sentence_detection_strict': {'precision': s_p, 'recall': s_r, 'f1': f1(s_p, s_r)},
        'sentence_detection_flagged': {'precision': b_p, 'recall': b_r, 'f1': f1(b_p, b_r)},
        'char_detection': {'precision': det_p, 'recall': det_r, 'f1': f1(det_p, det_r)},
        'char_correction': {'precision': cor_p, 'recall': cor_r, 'f1': f1(cor_p, cor_r)},
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return
    print(f"ODW train: {len(rows)} sentences, {c['sent_faulty']} with wrong characters; codes {sorted(codes)}")
    for name, key in [('句级检测（严格：位置全对）', 'sentence_detection_strict'),
                      ('句级检测（有错即报）', 'sentence_detection_flagged'),
                      ('字级检测', 'char_detection'), ('字级纠正', 'char_correction')]:
        m = result[key]
        print(f"{name}: P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")


if __name__ == '__main__':
    main()
