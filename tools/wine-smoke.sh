#!/usr/bin/env bash
# Smoke-test the Windows build under Wine: on the seed and on a GBK draft with a Chinese file
# name, gwlint.exe must report exactly what the native build reports, with the same exit code,
# and its --fix must write the same bytes (GBK kept); a .docx reads the same. Installs Wine (Debian's wine64) if missing.
#
#   tools/wine-smoke.sh dist/gwlint.exe target/release/gwlint
set -euo pipefail
exe=$(realpath "${1:-dist/gwlint.exe}")
native=$(realpath "${2:-target/release/gwlint}")
repo=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v wine >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends wine wine64 >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export WINEPREFIX="$work/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
wine=wine
command -v wine64 >/dev/null 2>&1 && wine=wine64
[ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
"$wine" wineboot --init >/dev/null 2>&1 || true
# Windows 10 and later ship bcryptprimitives.dll (Rust's standard library seeds its hash maps from
# its ProcessPrng); Wine before 9 does not. Give such a Wine a stand-in, built here, so that the
# test runs gwlint.exe as Windows would. It is never shipped.
if [ ! -e "$(dirname "$(readlink -f "$(command -v wine)")")/../lib/x86_64-linux-gnu/wine/x86_64-windows/bcryptprimitives.dll" ] \
   && [ ! -e /usr/lib/x86_64-linux-gnu/wine/x86_64-windows/bcryptprimitives.dll ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -o "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll" \
    "$repo/tools/wine/bcryptprimitives.c" "$repo/tools/wine/bcryptprimitives.def" -ladvapi32
  echo "note: $("$wine" --version 2>/dev/null) has no bcryptprimitives.dll; using the stand-in from tools/wine/"
fi

fail=0
check() { if [ "$1" = 0 ]; then echo "ok   $2"; else echo "FAIL $2"; fail=1; fi; }

version=$("$wine" "$exe" --version 2>/dev/null | tr -d '\r')
check $([ "$version" = "$("$native" --version)" ]; echo $?) "gwlint.exe --version: $version ($("$wine" --version 2>/dev/null))"

mkdir -p "$work/drafts"
cp "$repo/fixtures/seed/jiangmen-work-rules-2023.txt" "$work/drafts/seed.txt"
python3 -c "import sys; open(sys.argv[2], 'wb').write(open(sys.argv[1], encoding='utf-8').read().encode('gbk'))" \
  "$repo/fixtures/drafts/baogao-road-maintenance.txt" "$work/drafts/道路养护报告（GBK）.txt"

# code@line:column per finding, one per line, from the JSON output.
findings() { python3 -c "import json,sys; [print(f\"{d['code']}@{d['start']['line']}:{d['start']['column']}\") for d in json.load(sys.stdin)]"; }

cd "$work/drafts"
cp "$repo/fixtures/docx/tongzhi-fire-safety.docx" "$work/drafts/消防通知.docx"
for draft in seed.txt "道路养护报告（GBK）.txt" "消防通知.docx"; do
  set +e
  "$native" check --format json "$draft" > "$work/native.json"; native_rc=$?
  "$wine" "$exe" check --format json "$draft" > "$work/wine.json" 2>"$work/wine.err"; wine_rc=$?
  set -e
  n=$(findings < "$work/native.json" | wc -l)
  if diff <(findings < "$work/native.json") <(findings < "$work/wine.json") >/dev/null 2>&1 && [ "$n" -gt 0 ]; then same=0; else same=1; cat "$work/wine.err" >&2; fi
  check $same "$draft: gwlint.exe reports the native build's $n findings"
  check $([ "$native_rc" = "$wine_rc" ]; echo $?) "$draft: same exit code ($native_rc)"
done

# --fix on a GBK file: the same bytes as the native build writes, still GBK.
cp "道路养护报告（GBK）.txt" native-fix.txt
cp "道路养护报告（GBK）.txt" wine-fix.txt
"$native" check --fix --quiet native-fix.txt >/dev/null 2>&1 || true
"$wine" "$exe" check --fix --quiet wine-fix.txt >/dev/null 2>&1 || true
check $(cmp -s native-fix.txt wine-fix.txt && ! cmp -s native-fix.txt "道路养护报告（GBK）.txt"; echo $?) "--fix under Wine writes the same bytes as the native build (GBK kept)"

# The human report, in Chinese.
"$wine" "$exe" check --no-color seed.txt > "$work/human.txt" 2>&1 || true
check $(grep -q "GW410" "$work/human.txt" && grep -q "书名号" "$work/human.txt"; echo $?) "the human report is readable Chinese"
exit $fail
