#!/usr/bin/env bash
# Build Python wheels that carry the gwlint binary (as ruff does) → dist/gwlint-*.whl:
#   linux x86_64 and aarch64 (manylinux2014: glibc 2.17 or newer, so 麒麟 V10 and 统信 UOS 20 on
#   x86 or 鲲鹏/飞腾 ARM machines install it), and Windows x86_64.
# On a fresh Debian machine this installs what it needs: maturin and ziglang (pip, in a virtual
# environment under ~/.cache/gwlint-tools; zig links against the old glibc), the Rust targets
# (rustup) and mingw-w64 (apt) for Windows. WHEEL_TARGETS narrows the list
# (e.g. WHEEL_TARGETS=x86_64-unknown-linux-gnu).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=${WHEEL_TARGETS:-"x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-pc-windows-gnu"}
tools="${GWLINT_TOOLS:-$HOME/.cache/gwlint-tools}"
venv="$tools/wheel-venv"

if [ ! -x "$venv/bin/maturin" ] || [ ! -x "$venv/bin/python" ]; then
  echo "== installing maturin and ziglang (once; into $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "maturin>=1.5,<2" "ziglang<0.14"
fi
export PATH="$venv/bin:$PATH"
export RUSTFLAGS="--remap-path-prefix=$root=gwlint --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo"
mkdir -p dist
rm -f dist/gwlint-*.whl
for target in $targets; do
  command -v rustup >/dev/null 2>&1 && rustup target add "$target" >/dev/null 2>&1 || true
  echo "== wheel for $target"
  case "$target" in
    *-linux-gnu)
      maturin build --quiet --release --locked --target "$target" --zig --compatibility manylinux2014 --out dist ;;
    *-windows-gnu)
      if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
        if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
        $apt_get update -qq
        DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends mingw-w64 >/dev/null
      fi
      CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
        maturin build --quiet --release --locked --target "$target" --out dist ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
done
ls -l dist/gwlint-*.whl | awk '{printf "%s: %.1f MB\n", $9, $5/1048576}'
