#!/usr/bin/env bash
# benches/scale.sh — gwlint on an archive-sized tree (issue 14; results in docs/performance.md).
#
# Builds the 5.5 MB benchmark corpus (benches/corpus.sh), copies it COPIES times (default 100)
# into one tree, each copy's files made distinct by a line of their own (so the result cache
# cannot answer a copy from another), then measures with /usr/bin/time:
#   * peak RSS and wall time of `gwlint check --no-cache --exit-zero` over the tree in every
#     output format (json, sarif, human, concise, github), output to /dev/null;
#   * the same over 10 copies, to show whether memory grows with the tree;
#   * a cold run with the cache (linting and writing every entry), two warm runs, and one
#     after 1 % of the files were edited;
#   * autocorrect --lint over the same tree (npm autocorrect-node), unless --no-autocorrect;
# and extrapolates time and memory to a 10 GB archive from the measured throughput.
#
# Usage: benches/scale.sh [--no-autocorrect] [--keep]   Environment: COPIES, GWLINT, BENCH_DIR.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COPIES=${COPIES:-100}
AC_WANTED=1 KEEP=0
for arg in "$@"; do
  case "$arg" in
    --no-autocorrect) AC_WANTED=0 ;;
    --keep) KEEP=1 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "benches/scale.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
WORK=${BENCH_DIR:-$(mktemp -d -t gwlint-scale.XXXXXX)}
mkdir -p "$WORK"
cleanup() { if [[ $KEEP == 0 && -z ${BENCH_DIR:-} ]]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

if [[ -n ${GWLINT:-} ]]; then BIN=$(realpath "$GWLINT"); else
  (cd "$ROOT" && cargo build --release --quiet --bin gwlint)
  BIN=$ROOT/target/release/gwlint
fi
# shellcheck source=benches/corpus.sh
source "$ROOT/benches/corpus.sh"
build_corpus "$WORK/base" 5.5
BASE_BYTES=$CORPUS_BYTES BASE_FILES=$CORPUS_FILES

make_tree() { # make_tree DIR N
  rm -rf "$1"
  mkdir -p "$1"
  local i
  for ((i = 1; i <= $2; i++)); do
    cp -r "$WORK/base" "$1/copy-$i"
    find "$1/copy-$i" -type f -exec sh -c 'for f; do printf "\n第%s份副本。\n" "$0" >>"$f"; done' "$i" {} +
  done
}
make_tree "$WORK/tree" "$COPIES"
make_tree "$WORK/tree10" 10
TREE_BYTES=$(du -sb "$WORK/tree" | cut -f1)
TREE10_BYTES=$(du -sb "$WORK/tree10" | cut -f1)
echo "tree: $COPIES copies of $BASE_FILES files, $((TREE_BYTES / 1000000)) MB" >&2

# measure LABEL CMD... → "LABEL seconds peak_kib"
measure() {
  local label=$1; shift
  local log=$WORK/time.log
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local secs kib
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$log")
  kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log")
  echo "$label $secs $kib" | tee -a "$WORK/results.txt"
}
: >"$WORK/results.txt"
cd "$WORK"
for fmt in json sarif human concise github; do
  measure "gwlint-$fmt" "$BIN" check --no-cache --exit-zero --no-color --format "$fmt" tree
done
measure "gwlint-json-10-copies" "$BIN" check --no-cache --exit-zero --format json tree10
rm -rf "$WORK/cache"
measure "gwlint-cache-cold" "$BIN" check --cache-dir "$WORK/cache" --exit-zero --format json tree
measure "gwlint-cache-warm" "$BIN" check --cache-dir "$WORK/cache" --exit-zero --format json tree
measure "gwlint-cache-warm-again" "$BIN" check --cache-dir "$WORK/cache" --exit-zero --format json tree
# A day's work: one file in a hundred edited (a line appended), the rest untouched.
find tree -type f | sort | awk 'NR % 100 == 0' | while IFS= read -r f; do printf '\n又改了一处。\n' >>"$f"; done
measure "gwlint-cache-1pct-edited" "$BIN" check --cache-dir "$WORK/cache" --exit-zero --format json tree
if ((AC_WANTED)); then
  if [[ -z ${AUTOCORRECT:-} ]]; then
    mkdir -p "$WORK/ac" && (cd "$WORK/ac" && npm install --silent --no-audit --no-fund autocorrect-node@2 >/dev/null)
    AUTOCORRECT=$WORK/ac/node_modules/.bin/autocorrect
  fi
  measure "autocorrect" "$AUTOCORRECT" --lint --format json tree
fi

TREE_BYTES=$TREE_BYTES TREE10_BYTES=$TREE10_BYTES COPIES=$COPIES python3 - "$WORK/results.txt" <<'PY'
import os, sys
rows = {l.split()[0]: (float(l.split()[1]), int(l.split()[2])) for l in open(sys.argv[1]) if l.strip()}
tb, t10 = int(os.environ["TREE_BYTES"]), int(os.environ["TREE10_BYTES"])
print(f"\ntree: {tb/1e6:.0f} MB ({os.environ['COPIES']} copies)")
print("| run | wall time | MB/s | peak RSS |\n|---|---|---|---|")
for k, (s, kib) in rows.items():
    size = t10 if "10-copies" in k else tb
    print(f"| {k} | {s:.1f} s | {size/1e6/s:.1f} | {kib/1024:.1f} MiB |")
g = rows["gwlint-json"]
if "autocorrect" in rows:
    print(f"\ngwlint ÷ autocorrect (json, no cache): {g[0]/rows['autocorrect'][0]:.2f}×")
cold = rows['gwlint-cache-cold'][0]
warm = min(rows['gwlint-cache-warm'][0], rows['gwlint-cache-warm-again'][0])
print(f"second run: {cold/warm:.1f}× faster than the first run with the cache, "
      f"{g[0]/warm:.1f}× faster than a run without it")
print(f"after editing 1 % of the files: {rows['gwlint-cache-1pct-edited'][0]:.1f} s")
rate = tb / g[0]
small, large = rows["gwlint-json-10-copies"][1], g[1]
growth = (large - small) / ((tb - t10) / 1e9)  # KiB per GB of tree
print(f"peak RSS: {small/1024:.1f} MiB on 10 copies, {large/1024:.1f} MiB on {os.environ['COPIES']} "
      f"({growth/1024:+.1f} MiB per GB of tree)")
print(f"10 GB archive, extrapolated at {rate/1e6:.1f} MB/s: {1e10/rate/60:.1f} min; "
      f"peak RSS {(large + growth * (10 - tb / 1e9))/1024:.0f} MiB")
PY
