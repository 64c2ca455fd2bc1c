#!/usr/bin/env python3
"""Build `hanzi-ngrams.bin`, the character n-gram counts GW610 reads its context from.

    python3 lints/spelling/build-ngrams.py CORPUS_DIR [--exclude FILE ...] [--out PATH]

CORPUS_DIR holds published official text (`.md` or `.txt`, UTF-8), in any folders. The shipped
table was built from three: LawRefBook/Laws (https://github.com/LawRefBook/Laws, commit 2f4c5c2,
texts taken from the 国家法律法规数据库 https://flk.npc.gov.cn) — laws, administrative
regulations, local regulations, departmental rules and judicial interpretations —, the
national and provincial government work reports that `extract-reports.py` writes, and the
provincial and city notices, plans and rules that `extract-local.py` writes (sources in
`lints/spelling/README.md`). Documents of state organs of a legislative or administrative nature
are not subject to copyright (《中华人民共和国著作权法》第五条). Only counts are kept, not the text.

Every corpus line that shares a run of 12 characters with a sentence of an `--exclude` file is
left out, so that a benchmark's sentences are not in the model (the default excludes ECSpell's
odw.train when it is found next to the project). Pass the held-out test split the same way before
measuring on it.

Runs of Chinese characters are counted with a boundary mark at each end (`^`, `$`): characters,
adjacent pairs (kept when seen at least MIN_BIGRAM times) and triples (at least MIN_TRIGRAM).
For each character and each kept pair the table also records how often, and after how many
different characters, something follows it — what an interpolated (Kneser–Ney style) estimate
needs, computed before pruning.

Format, little-endian: b"GWNG", u32 version 1, u32 characters, u32 pairs, u32 triples, u64 total
characters, then characters (u32 code point, u32 count, u32 followers, u32 distinct followers)
sorted by code point; pairs (u32 key = first index << 16 | second index, u32 count, u32
followers, u32 distinct followers) sorted by key; triples (u16 ×3 indices, u16 count saturated)
sorted by indices.
"""
import argparse
import collections
import os
import re
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
HAN = re.compile(r'[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+')
WINDOW = 12


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('corpus')
    ap.add_argument('--exclude', action='append', default=None,
                    help='sentences to keep out of the model (ECSpell .train/.test TSV or plain text)')
    ap.add_argument('--out', default=os.path.join(HERE, 'hanzi-ngrams.bin'))
    ap.add_argument('--min-bigram', type=int, default=2)
    ap.add_argument('--min-trigram', type=int, default=2)
    args = ap.parse_args()
    if args.exclude is None:
        default = os.path.join(HERE, '..', '..', '..', 'shared', 'data', 'ecspell', 'odw.train')
        args.exclude = [default] if os.path.exists(default) else []

    windows = set()
    for path in args.exclude:
        with open(path, encoding='utf-8') as f:
            for line in f:
                for field in line.rstrip('\n').split('\t'):
                    for run in HAN.findall(field):
                        for i in range(len(run) - WINDOW + 1):
                            windows.add(run[i:i + WINDOW])

    uni = collections.Counter()
    bi = collections.Counter()
    tri = collections.Counter()
    files = lines = dropped = 0
    # Counts do not depend on the order; walking in order keeps the report's numbers stable.
    for root, dirs, names in os.walk(args.corpus):
        dirs.sort()
        for name in sorted(names):
            if not name.endswith(('.md', '.txt')):
                continue
            files += 1
            with open(os.path.join(root, name), encoding='utf-8', errors='replace') as f:
                for line in f:
                    runs = HAN.findall(line)
                    if not runs:
                        continue
                    lines += 1
                    if windows and any(run[i:i + WINDOW] in windows
                                       for run in runs for i in range(len(run) - WINDOW + 1)):
                        dropped += 1
                        continue
                    for run in runs:
                        t = '^' + run + '$'
                        uni.update(t)
                        bi.update(t[i:i + 2] for i in range(len(t) - 1))
                        tri.update(t[i:i + 3] for i in range(len(t) - 2))

    chars = sorted(uni, key=ord)
    if len(chars) > 0xFFFF:
        sys.exit('too many distinct characters for 16-bit indices')
    index = {c: i for i, c in enumerate(chars)}
    follow = collections.Counter()
    follow_types = collections.Counter()
    for pair, n in bi.items():
        follow[pair[0]] += n
        follow_types[pair[0]] += 1
    follow2 = collections.Counter()
    follow2_types = collections.Counter()
    for triple, n in tri.items():
        follow2[triple[:2]] += n
        follow2_types[triple[:2]] += 1
    pairs = sorted((index[p[0]] << 16 | index[p[1]], p) for p, n in bi.items() if n >= args.min_bigram)
    triples = sorted(((index[t[0]], index[t[1]], index[t[2]]), n) for t, n in tri.items() if n >= args.min_trigram)

    out = bytearray(b'GWNG')
    out += struct.pack('<IIIIQ', 1, len(chars), len(pairs), len(triples), sum(uni.values()))
    for c in chars:
        out += struct.pack('<IIII', ord(c), uni[c], follow[c], follow_types[c])
    for key, p in pairs:
        out += struct.pack('<IIII', key, bi[p], follow2[p], follow2_types[p])
    for (a, b, c), n in triples:
        out += struct.pack('<HHHH', a, b, c, min(n, 0xFFFF))
    with open(args.out, 'wb') as f:
        f.write(out)
    print(f'{files} files, {lines} lines ({dropped} left out: they share {WINDOW} characters with an excluded sentence); '
          f'{sum(uni.values())} characters, {len(chars)} distinct; {len(pairs)} pairs, {len(triples)} triples kept; '
          f'{len(out)} bytes → {args.out}')


if __name__ == '__main__':
    main()
