#!/usr/bin/env python3
"""Write the provincial and city documents that `hanzi-ngrams.bin` counts, one text file each, for
`build-ngrams.py`: the everyday register of notices, 方案, 意见 and 办法 that laws and work reports
lack (公积金缴存基数, 晨午检, 议事室 …).

    python3 lints/spelling/extract-local.py HEBEI_REPO HOUSING_REPO OUT_DIR

- HEBEI_REPO: a clone of https://github.com/gerry0208/spider_project (commit 015f658): the CSV
  files under `河北政府网站/`, a crawl of the 河北省人民政府 and five provincial departments' 政府
  信息公开 pages (hebei.gov.cn, hrss, kjt, gxt, jyt): 规章, 省政府及办公厅文件, 规范性文件, 政策
  文件, 信息公开年报. Column `内容`, rows whose `访问地址` is on a gov.cn host (the files of the
  省人民政府 folder have no such column: all of them come from hebei.gov.cn). The files of 政策
  解读 are left out: an interpretation is commentary, not a document of a state organ. Files the
  repository stores only as large-file pointers are skipped.
- HOUSING_REPO: a clone of https://github.com/ljz060707-lang/China-Real-Estate-Policy-Database
  (commit 8ba98a6): `data/curated/records.parquet` (needs `pip install pyarrow`), column
  `full_text` of the records that are policy documents (`record_type`), of source quality 5,
  marked official or a consultation draft, whose `primary_source_url` is on a gov.cn host —
  housing, land and 住房公积金 notices of provinces, cities and central departments. News
  reposts and unverified records are left out.

Either may be a bare mirror (a git directory): files are read with `git show HEAD:path`. Neither
repository has a licence file; only documents of state organs are used (《中华人民共和国著作权法》
第五条 leaves them unprotected), and only the counts built from them are shipped, never the text.
"""
import csv
import io
import os
import subprocess
import sys
from urllib.parse import urlparse

csv.field_size_limit(1 << 30)


def git(repo, *args):
    return subprocess.run(['git', '-C', repo, *args], capture_output=True, check=True).stdout


def on_gov_cn(url):
    host = urlparse((url or '').strip()).hostname or ''
    return host == 'gov.cn' or host.endswith('.gov.cn')


def hebei(repo):
    names = git(repo, '-c', 'core.quotepath=off', 'ls-tree', '-r', '--name-only', 'HEAD')
    for path in sorted(names.decode('utf-8').splitlines()):
        if not (path.startswith('河北政府网站/') and path.endswith('.csv')) or '政策解读' in path:
            continue
        try:
            data = git(repo, 'show', f'HEAD:{path}').decode('utf-8-sig')
        except subprocess.CalledProcessError:
            print(f'skipped (not in the snapshot): {path}', file=sys.stderr)
            continue
        for row in csv.DictReader(io.StringIO(data)):
            if ('访问地址' not in row or on_gov_cn(row['访问地址'])) and row.get('内容'):
                yield row['内容']


def housing(repo):
    import pyarrow.parquet as pq

    data = git(repo, 'show', 'HEAD:data/curated/records.parquet')
    for row in pq.read_table(io.BytesIO(data)).to_pylist():
        if (row['record_type'] == 'policy_document'
                and row['source_quality'] == 5
                and row['official_status'] in ('official', 'consultation_draft')
                and on_gov_cn(row['primary_source_url'])
                and row['full_text']):
            yield row['full_text']


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    hebei_repo, housing_repo, out = sys.argv[1:]
    for name, texts in (('hebei', hebei(hebei_repo)), ('housing', housing(housing_repo))):
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        count = 0
        for count, text in enumerate(texts, 1):
            with open(os.path.join(folder, f'{count:05d}.txt'), 'w', encoding='utf-8') as f:
                f.write(text)
        print(f'{count} documents → {folder}')


if __name__ == '__main__':
    main()
