#!/bin/sh
# Regenerates fixtures/docx/*.docx from the plain-text drafts they mirror, with LibreOffice
# (Debian: libreoffice-writer-nogui). The .docx files are committed so that tests need only cargo;
# tests/cli.rs checks that each raises exactly the findings of its .txt.
set -eu
cd "$(dirname "$0")/.."
out=fixtures/docx
for src in fixtures/drafts/baogao-road-maintenance.txt fixtures/drafts/tongzhi-fire-safety.txt; do
    soffice --headless --convert-to 'docx:MS Word 2007 XML' "$src" --outdir "$out" >/dev/null
done
