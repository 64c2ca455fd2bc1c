#!/usr/bin/env bash
# The wheel as a user without Rust meets it: installed with pip from the file alone (no index,
# as in a 机关 without internet) into a fresh virtual environment, `gwlint` must run and report
# what the native build reports; then a pre-commit hook with `language: python` installs it from
# the same folder and blocks a faulty draft while letting a correct one through.
#
#   tools/wheel-smoke.sh dist target/release/gwlint
set -euo pipefail
dist=$(realpath "${1:-dist}")
native=$(realpath "${2:-target/release/gwlint}")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { if [ "$1" = 0 ]; then echo "ok   $2"; else echo "FAIL $2"; fail=1; fi; }

wheel=$(ls "$dist"/gwlint-*-py3-none-manylinux*x86_64*.whl | head -1)
python3 -m venv "$work/venv"
# As docs/user-guide.md tells a 文秘: from the folder the wheels are in, no index.
(cd "$dist" && "$work/venv/bin/pip" install --quiet --no-index --find-links . gwlint)
installed="$work/venv/bin/gwlint"
check $([ -x "$installed" ] && [ "$("$installed" --version)" = "$("$native" --version)" ]; echo $?) \
  "pip install --no-index --find-links . gwlint (picks $(basename "$wheel")) gives a working gwlint ($("$installed" --version))"

cp "$repo/fixtures/seed/jiangmen-work-rules-2023.txt" "$work/seed.txt"
set +e
"$native" check --format json "$work/seed.txt" > "$work/native.json"; native_rc=$?
"$installed" check --format json "$work/seed.txt" > "$work/wheel.json"; wheel_rc=$?
set -e
check $(cmp -s "$work/native.json" "$work/wheel.json" && [ "$native_rc" = "$wheel_rc" ] && [ -s "$work/native.json" ]; echo $?) \
  "the installed gwlint reports exactly what the native build reports on the seed (exit $wheel_rc)"
# Whole output first: `grep -q` on a pipe would stop reading early, and under pipefail the
# writer's SIGPIPE would fail the check at random.
libs=$(ldd "$installed" 2>&1 || true)
check $(! grep -q "not found" <<<"$libs"; echo $?) "the binary finds every library it links"
objdump -T "$installed" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1 > "$work/glibc"
check $([ "$(printf '%s\n' "$(cat "$work/glibc")" GLIBC_2.17 | sort -V | tail -1)" = GLIBC_2.17 ]; echo $?) \
  "needs at most glibc 2.17 (manylinux2014; newest symbol: $(cat "$work/glibc"))"

# pre-commit, language: python, installing gwlint from the wheel folder only.
"$work/venv/bin/pip" install --quiet pre-commit
hooks="$work/docs-repo"
mkdir -p "$hooks"
cd "$hooks"
git init -q
git config user.email t@example.invalid
git config user.name tester
cat > .pre-commit-config.yaml <<'YAML'
repos:
  - repo: local
    hooks:
      - id: gwlint
        name: gwlint（公文草稿检查）
        entry: gwlint check
        language: python
        additional_dependencies: ["gwlint"]
        types_or: [markdown, plain-text]
YAML
cp "$repo/fixtures/drafts/qingshi-school-repair.md" 请示.md
git add -A
# The shared folder a 机关 keeps: gwlint's wheels, and setuptools' (pre-commit builds a local
# hook's placeholder package with it), fetched once on a machine with internet.
folder="$work/共享文件夹"
mkdir -p "$folder"
cp "$dist"/gwlint-*.whl "$folder"/
"$work/venv/bin/pip" download --quiet --only-binary :all: --dest "$folder" setuptools
export PIP_NO_INDEX=1 PIP_FIND_LINKS="$folder" PRE_COMMIT_HOME="$work/pre-commit-home"
check $("$work/venv/bin/pre-commit" run --all-files >"$work/good.log" 2>&1; echo $?) "pre-commit (language: python, installed from the shared folder only) passes a correct draft"
cp "$repo/fixtures/drafts/baogao-road-maintenance.txt" 报告.txt
git add -A
set +e
"$work/venv/bin/pre-commit" run --all-files >"$work/bad.log" 2>&1; rc=$?
set -e
check $([ "$rc" = 1 ] && grep -q "GW101" "$work/bad.log"; echo $?) "pre-commit blocks a faulty draft and shows why (GW101)"
[ "$fail" = 0 ] || { cat "$work/good.log" "$work/bad.log"; }
exit $fail
