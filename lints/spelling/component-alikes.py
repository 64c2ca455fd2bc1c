#!/usr/bin/env python3
"""Write `component-alikes.tsv`: characters that differ by one whole component (属/嘱, 贝/员,
存/荐: one is the other with a part added beside, above or around it), for GW610's look-alike
candidates beside ECSpell's confusion sets and `glyph-alikes.tsv`.

    git clone https://github.com/amake/cjk-decomp     # commit c29b391 for the shipped table
    python3 lints/spelling/component-alikes.py --decomp cjk-decomp/cjk-decomp.txt [--out PATH]

The decompositions are the CJK Decomposition Data File (Gavin Grover; Apache 2.0, one of its six
licences). A record `嘱:a(口,属)` splits a character into two parts side by side (a), one above
the other (d) or one around the other (s…). Where one part is itself a character, the two
characters make a pair: a drafter's hand, a scan or a five-stroke code drops or adds the other
part (医属 for 医嘱, 推存 for 推荐). Whole-glyph likeness (`glyph-alikes.py`) misses these: the
two drawings differ by a whole part. A pair is written when the second character is common in
official text (at least COMMON occurrences in `hanzi-ngrams.bin`) and both are in the table; a
pair whose characters share a toneless reading is left to the cheaper sound candidates (GW610
does this when it loads the table). Output: `字<TAB>形近字…`, characters in code point order. The
table holds facts about shapes only.
"""
import argparse
import os
import re

from ngram_table import characters

HERE = os.path.dirname(os.path.abspath(__file__))
COMMON = 20


def ideograph(part):
    return len(part) == 1 and ('\u4e00' <= part <= '\u9fff' or '\u3400' <= part <= '\u4dbf')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--decomp', required=True, help='cjk-decomp.txt')
    ap.add_argument('--ngrams', default=os.path.join(HERE, 'hanzi-ngrams.bin'))
    ap.add_argument('--out', default=os.path.join(HERE, 'component-alikes.tsv'))
    args = ap.parse_args()
    chars = dict(characters(args.ngrams))
    record = re.compile(r'^([^:]+):([^(]+)\((.*)\)$')
    alike = {}
    for line in open(args.decomp, encoding='utf-8'):
        m = record.match(line.rstrip('\n'))
        if not m:
            continue
        whole, how, parts = m.group(1), m.group(2), [p for p in m.group(3).split(',') if p]
        # Two parts, side by side, stacked or one around the other, both written as characters
        # (贝 is ⺆ around 人: a stroke group, not a part anyone adds or drops).
        if whole not in chars or len(parts) != 2 or how[0] not in 'ads' or not all(map(ideograph, parts)):
            continue
        for part in parts:
            if part in chars and part != whole:
                if chars[whole] >= COMMON:
                    alike.setdefault(part, set()).add(whole)
                if chars[part] >= COMMON:
                    alike.setdefault(whole, set()).add(part)
    lines = [c + '\t' + ''.join(sorted(alike[c])) for c in sorted(alike)]
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('# 形近字：一字是另一字加上或去掉一个部件（属/嘱、贝/员、存/荐；见 component-alikes.py）\n')
        f.write('# 部件拆分：CJK Decomposition Data File（Gavin Grover，Apache 2.0）\n')
        f.write('# 字\t形近字\n')
        f.write('\n'.join(lines) + '\n')
    print(len(lines), 'characters,', sum(len(alike[c]) for c in alike), 'pairs')


if __name__ == '__main__':
    main()
