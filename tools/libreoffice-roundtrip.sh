#!/usr/bin/env bash
# A real consumer's check of the .docx reader: every .docx fixture is opened and saved again by
# LibreOffice (Debian: libreoffice-writer-nogui), which rewrites styles, indents and the document
# grid its own way (negative numbers as unsigned, `w:hanging="0"`, theme fonts spelled out). gwlint
# must give the same findings — codes and lines — on the original and on LibreOffice's copy.
# Usage: tools/libreoffice-roundtrip.sh [path/to/gwlint]   (default: target/debug/gwlint)
set -euo pipefail
cd "$(dirname "$0")/.."
gwlint=${1:-target/debug/gwlint}
command -v soffice >/dev/null || { echo "soffice not found: apt-get install libreoffice-writer-nogui" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
findings() { "$gwlint" check --format concise --exit-zero --no-color "$1" | sed -e 's|^[^:]*:||' | sort; }
status=0
count=0
for original in fixtures/docx/*.docx fixtures/docx/layout/*.docx; do
    out="$work/$(basename "$(dirname "$original")")"
    mkdir -p "$out"
    HOME="$work" soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' "$original" --outdir "$out" >/dev/null 2>&1
    copy="$out/$(basename "$original")"
    if [ ! -s "$copy" ]; then
        echo "LibreOffice did not convert $original" >&2
        status=1
        continue
    fi
    if ! diff <(findings "$original") <(findings "$copy") >"$work/diff"; then
        echo "== $original: findings differ after a LibreOffice round trip (< original, > LibreOffice)" >&2
        cat "$work/diff" >&2
        status=1
    fi
    count=$((count + 1))
done
echo "LibreOffice round trip: $count .docx files compared"
[ "$count" -ge 4 ] || { echo "expected at least 4 .docx fixtures" >&2; exit 1; }
exit $status
