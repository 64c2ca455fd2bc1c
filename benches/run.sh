#!/usr/bin/env bash
# benches/run.sh — gwlint's benchmark harness (see docs/performance.md).
#
# Builds the release binary, builds a corpus of ≥ 5 MB from the repository's own fixtures
# (seed, fixtures/drafts, fixtures/published, fixtures/rules: each file copied several times,
# plus ~30 KB bundles made by concatenating them) and one 30 KB draft, then reports:
#
#   * whole-pipeline throughput: `gwlint check --exit-zero --format json <corpus>` (MB/s);
#   * start-up: one small draft;
#   * the 30 KB draft;
#   * peak RSS of the whole-corpus run (`/usr/bin/time -v`);
#   * the cost of each rule group (`--select GW0` … `GW8`) over the corpus;
#   * the same corpus and the 30 KB draft with `autocorrect --lint` (npm package
#     `autocorrect-node`, installed into the work directory) for comparison.
#
# Timing is done by hyperfine (Debian package `hyperfine`) with warm-up runs.
#
# Usage: benches/run.sh [--quick] [--no-autocorrect] [--keep]
#   --quick           fewer runs (RUNS=3, WARMUP=1) and no per-group runs
#   --no-autocorrect  skip the autocorrect comparison
#   --keep            keep the work directory (printed at the end)
# Environment: RUNS (default 10), WARMUP (default 2), BENCH_DIR (work directory; default a
#   fresh mktemp -d), AUTOCORRECT (path to an autocorrect binary to use instead of npm),
#   CORPUS_MB (default 5.5), GWLINT (a gwlint binary to use instead of building one).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${RUNS:-10}
WARMUP=${WARMUP:-2}
CORPUS_MB=${CORPUS_MB:-5.5}
QUICK=0 AUTOCORRECT_WANTED=1 KEEP=0
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=1; RUNS=3; WARMUP=1 ;;
    --no-autocorrect) AUTOCORRECT_WANTED=0 ;;
    --keep) KEEP=1 ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) echo "unknown argument: $arg" >&2; exit 2 ;;
  esac
done

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "benches/run.sh: '$1' is missing ($2)" >&2; exit 2; }
}
need hyperfine "apt-get install hyperfine"
need python3 "used to read hyperfine's JSON"
[[ -x /usr/bin/time ]] || { echo "benches/run.sh: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }

WORK=${BENCH_DIR:-$(mktemp -d -t gwlint-bench.XXXXXX)}
mkdir -p "$WORK"
cleanup() { if [[ $KEEP == 0 && -z ${BENCH_DIR:-} ]]; then rm -rf "$WORK"; fi; }
trap cleanup EXIT

# ── binary ─────────────────────────────────────────────────────────────────────────────────
if [[ -n ${GWLINT:-} ]]; then
  BIN=$(realpath "$GWLINT")
else
  echo "building the release binary…" >&2
  (cd "$ROOT" && cargo build --release --quiet --bin gwlint)
  BIN=$ROOT/target/release/gwlint
fi

# ── corpus ─────────────────────────────────────────────────────────────────────────────────
CORPUS=$WORK/corpus
# shellcheck source=benches/corpus.sh
source "$ROOT/benches/corpus.sh"
build_corpus "$CORPUS" "$CORPUS_MB"
cd "$ROOT/fixtures"

# 3. One 30 KB draft: the seed regulation followed by published drafts, cut at a line end.
DRAFT=$WORK/draft-30k.txt
cat seed/jiangmen-work-rules-2023.txt published/*.txt >"$DRAFT.tmp"
head -c 30720 "$DRAFT.tmp" | sed '$d' >"$DRAFT"
rm -f "$DRAFT.tmp"
DRAFT_BYTES=$(stat -c %s "$DRAFT")
SMALL=$ROOT/fixtures/drafts/baogao-road-maintenance.txt
cd "$WORK"

# ── autocorrect ───────────────────────────────────────────────────────────────────────────
AC=""
if ((AUTOCORRECT_WANTED)); then
  if [[ -n ${AUTOCORRECT:-} ]]; then
    AC=$AUTOCORRECT
  elif command -v npm >/dev/null 2>&1; then
    echo "installing autocorrect-node with npm into $WORK/ac…" >&2
    mkdir -p "$WORK/ac"
    if (cd "$WORK/ac" && npm install --silent --no-audit --no-fund autocorrect-node >/dev/null 2>&1); then
      AC=$WORK/ac/node_modules/.bin/autocorrect
    else
      echo "autocorrect-node could not be installed: comparison skipped" >&2
    fi
  else
    echo "npm not found: autocorrect comparison skipped" >&2
  fi
fi
AC_VERSION=""
[[ -n $AC ]] && AC_VERSION=$("$AC" --version 2>/dev/null | head -1)

# ── measurements ──────────────────────────────────────────────────────────────────────────
RESULTS=$WORK/results
mkdir -p "$RESULTS"
hf() { # hf NAME COMMAND [hyperfine options]  → mean and stddev in seconds in $RESULTS/NAME.json
  local name=$1 cmd=$2
  shift 2
  hyperfine --style none --shell=none --warmup "$WARMUP" --runs "$RUNS" "$@" \
    --export-json "$RESULTS/$name.json" "$cmd" >/dev/null 2>"$RESULTS/$name.err" \
    || { echo "hyperfine failed for $name:" >&2; cat "$RESULTS/$name.err" >&2; exit 1; }
}
rss() { # rss COMMAND… → peak RSS in KiB
  { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk -F': ' '/Maximum resident set size/ {print $2}'
}

echo "measuring (runs=$RUNS, warm-up=$WARMUP)…" >&2
G="$BIN check --exit-zero --format json --no-color"
hf corpus "$G corpus"
hf draft "$G $DRAFT"
hf startup "$G $SMALL"
RSS_CORPUS=$(rss $G corpus)
RSS_DRAFT=$(rss $G "$DRAFT")
if ((!QUICK)); then
  for g in 0 1 2 3 4 5 6 7 8; do
    hf "group-GW$g" "$G --select GW$g corpus"
  done
fi
if [[ -n $AC ]]; then
  A="$AC --lint --format json --threads 0"
  # autocorrect exits 1 when it finds problems.
  hf ac-corpus "$A corpus" --ignore-failure
  hf ac-draft "$A $DRAFT" --ignore-failure
  hf ac-startup "$A $SMALL" --ignore-failure
  RSS_AC=$(rss $A corpus)
fi

# ── report ────────────────────────────────────────────────────────────────────────────────
export RESULTS CORPUS_BYTES CORPUS_FILES DRAFT_BYTES RSS_CORPUS RSS_DRAFT QUICK
export RSS_AC=${RSS_AC:-} AC_VERSION GW_VERSION="$($BIN --version 2>/dev/null | head -1)"
python3 - <<'PY'
import json, os
R = os.environ["RESULTS"]
def t(name):
    p = os.path.join(R, name + ".json")
    if not os.path.exists(p):
        return None
    r = json.load(open(p))["results"][0]
    return r["mean"], r["stddev"] or 0.0, r["min"]
cb, db = int(os.environ["CORPUS_BYTES"]), int(os.environ["DRAFT_BYTES"])
print(f"\ngwlint: {os.environ['GW_VERSION']}   autocorrect: {os.environ['AC_VERSION'] or 'not measured'}")
print(f"machine: {os.cpu_count()} CPUs, {open('/proc/cpuinfo').read().split('model name')[1].split(':')[1].splitlines()[0].strip()}")
print(f"corpus: {cb/1e6:.2f} MB in {os.environ['CORPUS_FILES']} files; draft: {db/1024:.1f} KiB\n")
def ms(x): return f"{x[0]*1000:8.1f} ± {x[1]*1000:5.1f} ms"
rows = [("whole corpus", "corpus", "ac-corpus", cb), ("30 KB draft", "draft", "ac-draft", db),
        ("start-up (small file)", "startup", "ac-startup", None)]
print(f"| {'run':24} | {'gwlint':>20} | {'MB/s':>7} | {'autocorrect --lint':>20} | {'MB/s':>7} | {'ratio':>6} |")
print(f"|{'-'*26}|{'-'*22}|{'-'*9}|{'-'*22}|{'-'*9}|{'-'*8}|")
for label, g, a, size in rows:
    tg, ta = t(g), t(a)
    mbs = lambda x: f"{size/1e6/x[0]:7.1f}" if (x and size) else f"{'':7}"
    ratio = f"{tg[0]/ta[0]:5.2f}×" if (tg and ta) else f"{'':6}"
    print(f"| {label:24} | {ms(tg):>20} | {mbs(tg)} | {ms(ta) if ta else 'n/a':>20} | {mbs(ta) if ta else ' '*7} | {ratio} |")
kib = lambda v: f"{int(v)/1024:.1f} MiB" if v else "n/a"
print(f"\npeak RSS: gwlint corpus {kib(os.environ['RSS_CORPUS'])}, gwlint 30 KB draft {kib(os.environ['RSS_DRAFT'])}, "
      f"autocorrect corpus {kib(os.environ.get('RSS_AC'))}")
if os.environ["QUICK"] == "0":
    print(f"\n| {'rule group':10} | {'time':>20} | {'MB/s':>7} |")
    print(f"|{'-'*12}|{'-'*22}|{'-'*9}|")
    for g in range(9):
        x = t(f"group-GW{g}")
        if x:
            print(f"| --select GW{g} | {ms(x):>20} | {cb/1e6/x[0]:7.1f} |")
PY
if ((KEEP)); then echo "work directory kept: $WORK" >&2; fi
