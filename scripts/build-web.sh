#!/usr/bin/env bash
# Build the offline web page: gwlint's linting core compiled to WebAssembly and inlined, with its
# JavaScript, into one self-contained HTML file → dist/gwlint.html.
#
# On a fresh Debian machine this installs what it needs: the wasm32 target (rustup) and
# wasm-bindgen-cli of the version web/Cargo.toml pins (cargo install, into ~/.cache/gwlint-tools).
# The page is reproducible: the same sources and toolchain give the same bytes (paths are
# remapped, the gzip stream carries no time stamp).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

bindgen_version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' web/Cargo.toml)
tools="${GWLINT_TOOLS:-$HOME/.cache/gwlint-tools}"
export PATH="$tools/bin:$PATH"

if command -v rustup >/dev/null 2>&1; then
  rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || true
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$bindgen_version" ]; then
  echo "== installing wasm-bindgen-cli $bindgen_version (once; into $tools)"
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version" --root "$tools"
fi

echo "== building the linting core for wasm32-unknown-unknown"
RUSTFLAGS="--remap-path-prefix=$root=gwlint --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo" \
  cargo build --quiet --locked --release --target wasm32-unknown-unknown --manifest-path web/Cargo.toml
out=web/target/bindgen
rm -rf "$out"
wasm-bindgen --target no-modules --no-typescript --out-dir "$out" \
  web/target/wasm32-unknown-unknown/release/gwlint_web.wasm

echo "== inlining into dist/gwlint.html"
mkdir -p dist
python3 - "$out/gwlint_web.js" "$out/gwlint_web_bg.wasm" web/page/gwlint.html dist/gwlint.html <<'PY'
import base64, gzip, sys
glue, wasm, page, target = sys.argv[1:]
js = open(glue, encoding="utf-8").read()
if "</script" in js.lower():
    sys.exit("the glue contains </script; it cannot be inlined")
packed = base64.b64encode(gzip.compress(open(wasm, "rb").read(), compresslevel=9, mtime=0)).decode()
html = open(page, encoding="utf-8").read()
for marker in ("<!--GWLINT-GLUE-->", "<!--GWLINT-WASM-->"):
    if html.count(marker) != 1:
        sys.exit(f"{page}: expected one {marker}")
html = html.replace("<!--GWLINT-GLUE-->", "<script>\n" + js + "\n</script>").replace("<!--GWLINT-WASM-->", packed)
open(target, "w", encoding="utf-8").write(html)
PY
ls -l dist/gwlint.html | awk '{printf "dist/gwlint.html: %.1f MB\n", $5/1048576}'
