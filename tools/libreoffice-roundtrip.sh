#!/usr/bin/env bash
# A real consumer's check of the .docx reader: every .docx fixture is opened and saved again by
# LibreOffice (Debian: libreoffice-writer-nogui), which rewrites styles, indents and the document
# grid its own way (negative numbers as unsigned, `w:hanging="0"`, theme fonts spelled out). gwlint
# must give the same findings — codes and lines — on the original and on LibreOffice's copy.
# Then what gwlint writes is opened by LibreOffice too: the annotated copy (`--annotate`) must
# convert to PDF and hold one comment per finding and the safe fixes as tracked changes by
# gwlint; the file fixed in place (`--fix`) must convert to PDF and read as the fixed text.
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
for original in fixtures/docx/*.docx fixtures/docx/layout/*.docx fixtures/docx/real/*.docx fixtures/docx/real/*.dotx; do
    out="$work/$(basename "$(dirname "$original")")"
    mkdir -p "$out"
    HOME="$work" soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' "$original" --outdir "$out" >/dev/null 2>&1
    name=$(basename "$original")
    copy="$out/${name%.*}.docx"
    if [ ! -s "$copy" ]; then
        echo "LibreOffice did not convert $original" >&2
        status=1
        continue
    fi
    # LibreOffice's copy of a real Word/WPS file is not always the same document (it drops a
    # `numberInDash` page-number format, a frame's outside position, a character grid with no
    # spacing): there gwlint must read the copy, not find the same.
    if [ "$(basename "$(dirname "$original")")" = real ]; then
        "$gwlint" check --format concise --exit-zero --no-color "$copy" >/dev/null || { echo "gwlint could not read LibreOffice's copy of $original" >&2; status=1; }
    elif ! diff <(findings "$original") <(findings "$copy") >"$work/diff"; then
        echo "== $original: findings differ after a LibreOffice round trip (< original, > LibreOffice)" >&2
        cat "$work/diff" >&2
        status=1
    fi
    count=$((count + 1))
done
echo "LibreOffice round trip: $count .docx files compared"

# Real Word and WPS files laid out by gwlint: LibreOffice opens them and they read the same.
for original in fixtures/docx/real/*.docx fixtures/docx/real/*.dotx; do
    name=$(basename "$original")
    mkdir -p "$work/real-fixed"
    cp "$original" "$work/real-fixed/$name"
    "$gwlint" check --fix --quiet --exit-zero "$work/real-fixed/$name" >/dev/null
    HOME="$work" soffice --headless --norestore --convert-to pdf "$work/real-fixed/$name" --outdir "$work/real-fixed" >/dev/null 2>&1
    [ -s "$work/real-fixed/${name%.*}.pdf" ] || { echo "LibreOffice could not open $name as laid out by gwlint" >&2; status=1; }
done

# What gwlint writes, read by LibreOffice.
written="$work/written"
mkdir -p "$written"
cp fixtures/docx/layout/fixable.docx "$written/annotated.docx"
cp fixtures/docx/layout/fixable.docx "$written/fixed.docx"
cp fixtures/docx/layout/word-defaults.docx "$written/laid-out.docx"
cp fixtures/docx/layout/word-defaults.docx "$written/formatted.docx"
"$gwlint" check --fix --unsafe-fixes --quiet --exit-zero "$written/laid-out.docx" >/dev/null
"$gwlint" check --annotate --quiet --exit-zero "$written/formatted.docx" >/dev/null
findings_count=$("$gwlint" check --format json --exit-zero "$written/annotated.docx" | grep -o '"code":' | wc -l)
"$gwlint" check --annotate --quiet --exit-zero "$written/annotated.docx" >/dev/null
"$gwlint" check --fix --quiet --exit-zero "$written/fixed.docx" >/dev/null
for f in annotated.gwlint fixed laid-out formatted.gwlint; do
    HOME="$work" soffice --headless --norestore --convert-to pdf "$written/$f.docx" --outdir "$written" >/dev/null 2>&1
    [ -s "$written/$f.pdf" ] || { echo "LibreOffice could not convert gwlint's $f.docx to PDF" >&2; status=1; }
done
HOME="$work" soffice --headless --norestore --convert-to fodt "$written/annotated.gwlint.docx" --outdir "$written" >/dev/null 2>&1
comments=$(grep -o '<office:annotation[ >]' "$written/annotated.gwlint.fodt" | wc -l)
changes=$(grep -o '<text:changed-region' "$written/annotated.gwlint.fodt" | wc -l)
by_gwlint=$(grep -c '<dc:creator>gwlint</dc:creator>' "$written/annotated.gwlint.fodt" || true)
echo "annotated copy: $comments comments for $findings_count findings, $changes tracked changes, $by_gwlint by gwlint"
[ "$comments" -eq "$findings_count" ] || { echo "expected one comment per finding" >&2; status=1; }
[ "$changes" -ge 3 ] || { echo "expected the three safe fixes as tracked changes" >&2; status=1; }
# Layout fixes shown as formatting revisions: LibreOffice reads them as attribute changes.
HOME="$work" soffice --headless --norestore --convert-to fodt "$written/formatted.gwlint.docx" --outdir "$written" >/dev/null 2>&1
format_changes=$(grep -o '<text:format-change' "$written/formatted.gwlint.fodt" | wc -l)
echo "formatting revisions read by LibreOffice: $format_changes"
[ "$format_changes" -ge 10 ] || { echo "expected the layout fixes as formatting revisions" >&2; status=1; }
laid_out=$("$gwlint" check --format concise --exit-zero --no-color "$written/laid-out.docx" | grep -c ' GW9' || true)
[ "$laid_out" -eq 0 ] || { echo "layout findings remain after --fix on Word's defaults" >&2; status=1; }
HOME="$work" soffice --headless --norestore --convert-to 'docx:MS Word 2007 XML' "$written/laid-out.docx" --outdir "$written/again" >/dev/null 2>&1
again=$("$gwlint" check --format concise --exit-zero --no-color "$written/again/laid-out.docx" | grep -c ' GW9' || true)
echo "laid out by gwlint, saved again by LibreOffice: $again layout findings"
[ "$again" -eq 0 ] || { echo "LibreOffice's copy of the laid-out draft raises layout findings" >&2; "$gwlint" check --format concise --exit-zero --no-color "$written/again/laid-out.docx" | grep ' GW9' >&2; status=1; }
HOME="$work" soffice --headless --norestore --convert-to 'txt:Text (encoded):UTF8' "$written/fixed.docx" --outdir "$written" >/dev/null 2>&1
for fixed_text in '各区人民政府，市有关单位：' '（一）加强隐患排查。' '市政协办公室。'; do
    grep -q "$fixed_text" "$written/fixed.txt" || { echo "the fixed .docx, read by LibreOffice, lacks “$fixed_text”" >&2; status=1; }
done
remaining=$("$gwlint" check --format json --exit-zero "$written/fixed.docx" | grep -c '"applicability": *"safe"' || true)
[ "$remaining" -eq 0 ] || { echo "safe fixes remain after --fix on the .docx" >&2; status=1; }
[ "$count" -ge 4 ] || { echo "expected at least 4 .docx fixtures" >&2; exit 1; }

# Drafts we did not write, in Word's format: the independent testers' plain-text drafts saved as
# .docx by LibreOffice must read the same — every finding but the page-layout rules' (GW9xx: a
# plain conversion is not laid out to GB/T 9704), by line, code and message.
testers="$work/testers"
mkdir -p "$testers"
drafts=0
for draft in benches/rule-testers/*/drafts/*.txt benches/testers/*/drafts/*.txt; do
    # One folder for one LibreOffice run: the tester set's name keeps equal file names apart.
    set_name=$(basename "$(dirname "$(dirname "$draft")")")
    cp "$draft" "$testers/${set_name}_$(basename "$draft")"
    drafts=$((drafts + 1))
done
(cd "$testers" && HOME="$work" soffice --headless --norestore --infilter="Text (encoded):UTF8,LF,,," \
    --convert-to 'docx:MS Word 2007 XML' ./*.txt --outdir docx >/dev/null 2>&1)
content() { "$gwlint" check --format concise --exit-zero --no-color --no-cache "$1" | sed -e 's|^[^:]*:||' | awk -F: '{print $1, $3}' | grep -v ' GW9' | sort; }
compared=0
for text in "$testers"/*.txt; do
    docx="$testers/docx/$(basename "${text%.txt}").docx"
    [ -s "$docx" ] || { echo "LibreOffice did not convert $(basename "$text")" >&2; status=1; continue; }
    if ! diff <(content "$text") <(content "$docx") >"$work/diff"; then
        echo "== $(basename "$text"): findings differ as .docx (< text, > .docx)" >&2
        cat "$work/diff" >&2
        status=1
    fi
    compared=$((compared + 1))
done
echo "independent testers' drafts as .docx: $compared of $drafts compared with their text"
[ "$compared" -eq "$drafts" ] && [ "$drafts" -ge 80 ] || { echo "expected every tester's draft compared" >&2; status=1; }
exit $status
