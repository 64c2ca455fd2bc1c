#!/usr/bin/env python3
"""Write the government work reports that `hanzi-ngrams.bin` counts, one text file each, for
`build-ngrams.py`.

    python3 lints/spelling/extract-reports.py NATIONAL_REPO PROVINCIAL_REPO OUT_DIR

- NATIONAL_REPO: a clone of https://github.com/aldohemsn/chinese-political-corpora (commit
  99bc4b0). From `government_work_reports.jsonl` only: the 国务院 政府工作报告 1954–2025 and the
  NPC's resolutions on them, as zh.wikisource transcribes them. The file of party congress
  reports beside it is not used: only documents of state organs are (《中华人民共和国著作权法》
  第五条 leaves them unprotected).
- PROVINCIAL_REPO: a clone of https://github.com/johncodes404/china-provincial-gov-reports-2026
  (commit ad4c815): the 31 provincial 2026 政府工作报告 in `output/2026_raw_text/*.csv`, column
  `full_text`, as the provincial governments' sites publish them.

Either may be a bare mirror (a git directory): files are read with `git show HEAD:path`. Only the
counts built from these files are shipped, never the text.
"""
import csv
import io
import json
import os
import subprocess
import sys


def read(repo, path):
    return subprocess.run(['git', '-C', repo, 'show', f'HEAD:{path}'], capture_output=True, check=True).stdout.decode('utf-8')


def files(repo, under):
    names = subprocess.run(['git', '-C', repo, 'ls-tree', '-r', '-z', '--name-only', 'HEAD', under],
                           capture_output=True, check=True).stdout.decode('utf-8').split('\0')
    return sorted(n for n in names if n)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    national, provincial, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    written = 0
    for i, line in enumerate(read(national, 'government_work_reports.jsonl').splitlines()):
        if not line.strip():
            continue
        record = json.loads(line)
        with open(os.path.join(out, f'national-{i:03d}.txt'), 'w', encoding='utf-8') as f:
            f.write(record['content'])
        written += 1
    for i, path in enumerate(p for p in files(provincial, 'output/2026_raw_text') if p.endswith('.csv')):
        rows = csv.DictReader(io.StringIO(read(provincial, path)))
        with open(os.path.join(out, f'provincial-{i:02d}.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(row.get('full_text', '') for row in rows))
        written += 1
    print(f'{written} reports → {out}')


if __name__ == '__main__':
    main()
