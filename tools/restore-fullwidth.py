#!/usr/bin/env python3
"""Undo the NFKC normalisation of stored web copies of published 公文.

The page archive the published corpus (fixtures/published/) was gathered from stores NFKC-
normalised text: every full-width ，；：（）！？ became its ASCII form (。、“”《》 are untouched,
having no compatibility mapping). The documents were published with full-width punctuation,
so a copy with ASCII punctuation would only test the archive. This restores the full-width
form where a mark stands in Chinese text — next to a 汉字 or Chinese punctuation — and leaves
every other character as it is (9:30, 1,000, URLs and Latin text keep their ASCII marks).

Usage: tools/restore-fullwidth.py FILE...   (rewrites the files in place)
"""
import re
import sys

FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2018-\u201d《》、。]")


def chinese(ch):
    return bool(ch) and bool(CJK.match(ch))


def restore(text):
    lines = text.split("\n")
    out_lines = []
    open_full = 0  # full-width "（" still open from earlier lines (a bracket wrapped onto the next line)
    for line in lines:
        out = list(line)
        n = len(line)
        for i, ch in enumerate(line):
            if ch not in FULL:
                continue
            j = i - 1
            while j >= 0 and line[j] == " ":
                j -= 1
            k = i + 1
            while k < n and line[k] == " ":
                k += 1
            before = out[j] if j >= 0 else ""
            after = line[k] if k < n else ""
            if ch == "(":
                close = line.find(")", i)
                inside = line[i + 1 : close] if close > i else line[i + 1 :]
                if chinese(before) or any(chinese(c) for c in inside):
                    out[i] = FULL[ch]
                    if close > i:
                        out[close] = FULL[")"]
                    else:
                        open_full += 1
                continue
            if ch == ")":
                if open_full > 0 and "(" not in line[:i]:
                    out[i] = FULL[")"]
                    open_full -= 1
                continue
            # A mark between Chinese words, or after a number that a Chinese word follows
            # (`正德009,君辉699`); 1,000 and 9:30 stay as they are.
            if chinese(before) or chinese(after) or (not after and chinese(before)):
                out[i] = FULL[ch]
        out_lines.append("".join(out))
    return "\n".join(out_lines)


for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    with open(path, "w", encoding="utf-8") as f:
        f.write(restore(text))
