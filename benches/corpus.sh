# benches/corpus.sh — the benchmark corpus, shared by benches/run.sh and benches/scale.sh.
# Source it, then: build_corpus DIR MB. Sets CORPUS_BYTES and CORPUS_FILES.
#
# From the repository's own UTF-8 drafts (seed, fixtures/drafts, fixtures/published,
# fixtures/rules): every file four times as a draft of its own, then ~30 KB bundles of
# consecutive fixtures until the corpus reaches MB megabytes. The GBK draft is left out
# (autocorrect, the comparison, reads only UTF-8).

build_corpus() {
  local corpus=$1 mb=$2 root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  rm -rf "$corpus"
  mkdir -p "$corpus"
  local txt md
  mapfile -t txt < <(cd "$root/fixtures" && find seed drafts published rules -type f -name '*.txt' ! -name '*.gbk.*' | LC_ALL=C sort)
  mapfile -t md < <(cd "$root/fixtures" && find seed drafts published rules -type f -name '*.md' | LC_ALL=C sort)
  local target_bytes
  target_bytes=$(python3 -c "print(int(float('$mb') * 1e6))")
  # 1. Every fixture as its own file, four times over (many small drafts).
  local round f
  for round in 1 2 3 4; do
    mkdir -p "$corpus/single-$round"
    for f in "${txt[@]}" "${md[@]}"; do
      cp "$root/fixtures/$f" "$corpus/single-$round/${f//\//_}"
    done
  done
  # 2. Bundles of ~30 KB: consecutive fixtures concatenated (blank line between), rotating the
  #    starting point, until the corpus reaches the target size.
  _bundle() { # _bundle OUT START FILES...
    local out=$1 start=$2; shift 2
    local files=("$@") n=$# i=0 size=0
    : >"$out"
    while ((size < 30000)); do
      cat "$root/fixtures/${files[$(((start + i) % n))]}" >>"$out"
      printf '\n\n' >>"$out"
      size=$(stat -c %s "$out")
      i=$((i + 1))
    done
  }
  mkdir -p "$corpus/bundles"
  local k=0
  while (($(du -sb "$corpus" | cut -f1) < target_bytes)); do
    _bundle "$corpus/bundles/bundle-$k.txt" $((k * 7)) "${txt[@]}"
    if ((k % 4 == 0)); then _bundle "$corpus/bundles/bundle-$k.md" $((k * 3)) "${md[@]}"; fi
    k=$((k + 1))
  done
  CORPUS_BYTES=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
  CORPUS_FILES=$(find "$corpus" -type f | wc -l)
  export CORPUS_BYTES CORPUS_FILES
}
