#!/usr/bin/env python3
"""Write `glyph-alikes.tsv`: characters whose printed shapes nearly coincide (木/术, 未/末, 撤/撒),
for GW610's look-alike candidates beside ECSpell's confusion sets.

    pip install pillow numpy
    apt-get install fonts-noto-cjk        # Noto Sans CJK SC (SIL Open Font License 1.1)
    python3 lints/spelling/glyph-alikes.py [--font PATH] [--out PATH]

ECSpell's shape sets were drawn up by component (a character and others sharing a radical or a
part); they miss characters that differ by one stroke or dot but share no listed component
(白/自 are listed nowhere, 木/术 only one way). Here every CJK character of `hanzi-ngrams.bin` is
drawn in Noto Sans CJK SC at 64 px, blurred (Gaussian, radius 1.5) and scaled to 32 × 32; two
drawings are compared by the cosine of their mean-centred grey levels. A pair is written when the
cosine is at least THRESHOLD and the second character is common in official text (at least
COMMON occurrences in the n-gram table, as GW610's other candidates). The table holds facts about
shapes only, no glyph data. Output: `字<TAB>形近字…`, characters in code point order; the result
depends on the font's version (fonts-noto-cjk 1:20220127 for the shipped table) and Pillow's
drawing.
"""
import argparse
import os

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from ngram_table import characters

HERE = os.path.dirname(os.path.abspath(__file__))
THRESHOLD = 0.8
COMMON = 20
FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'
SC = 2  # the face of Noto Sans CJK SC in the collection


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--font', default=FONT)
    ap.add_argument('--ngrams', default=os.path.join(HERE, 'hanzi-ngrams.bin'))
    ap.add_argument('--out', default=os.path.join(HERE, 'glyph-alikes.tsv'))
    args = ap.parse_args()
    font = ImageFont.truetype(args.font, 64, index=SC)
    assert font.getname()[0] == 'Noto Sans CJK SC', font.getname()

    def drawing(c):
        image = Image.new('L', (64, 64), 0)
        ImageDraw.Draw(image).text((0, -8), c, font=font, fill=255)
        image = image.filter(ImageFilter.GaussianBlur(1.5)).resize((32, 32), Image.BILINEAR)
        grey = np.asarray(image, dtype=np.float64).reshape(-1)
        grey = grey - grey.mean()
        return grey / np.linalg.norm(grey)

    chars = characters(args.ngrams)
    drawings = np.array([drawing(c) for c, _ in chars])
    common = [i for i, (_, seen) in enumerate(chars) if seen >= COMMON]
    cosines = drawings @ drawings[common].T
    lines = []
    for i, (c, _) in enumerate(chars):
        alike = [chars[common[j]][0] for j in np.flatnonzero(cosines[i] >= THRESHOLD) if common[j] != i]
        if alike:
            lines.append(c + '\t' + ''.join(sorted(alike)))
    with open(args.out, 'w', encoding='utf-8') as f:
        f.write('# 形近字（按字形图像相似度生成，见 glyph-alikes.py；字体 Noto Sans CJK SC，SIL OFL 1.1）\n')
        f.write('# 字\t形近字\n')
        f.write('\n'.join(lines) + '\n')
    print(len(lines), 'characters,', sum(len(l.split('\t')[1]) for l in lines), 'pairs')


if __name__ == '__main__':
    main()
