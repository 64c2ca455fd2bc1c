#!/usr/bin/env bash
# Cross-build gwlint for 64-bit Windows → dist/gwlint.exe (one file, no DLLs beyond Windows' own).
# On a fresh Debian machine this installs what it needs: mingw-w64 (apt) and the
# x86_64-pc-windows-gnu target (rustup). `tools/wine-smoke.sh dist/gwlint.exe` then runs it
# under Wine.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if ! command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq --no-install-recommends mingw-w64 >/dev/null
fi
if command -v rustup >/dev/null 2>&1; then
  rustup target add x86_64-pc-windows-gnu >/dev/null 2>&1 || true
fi

echo "== building gwlint.exe (x86_64-pc-windows-gnu)"
RUSTFLAGS="--remap-path-prefix=$root=gwlint --remap-path-prefix=${CARGO_HOME:-$HOME/.cargo}=cargo" \
CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc \
  cargo build --quiet --locked --release --target x86_64-pc-windows-gnu
mkdir -p dist
cp target/x86_64-pc-windows-gnu/release/gwlint.exe dist/gwlint.exe
# The DLLs it needs must all ship with Windows.
dlls=$(x86_64-w64-mingw32-objdump -p dist/gwlint.exe | sed -n 's/^\tDLL Name: //p' | sort -u | tr '\n' ' ')
echo "dist/gwlint.exe: $(du -h dist/gwlint.exe | cut -f1); imports: $dlls"
for dll in $dlls; do
  case "$(echo "$dll" | tr 'A-Z' 'a-z')" in
    kernel32.dll|ntdll.dll|advapi32.dll|ws2_32.dll|userenv.dll|bcrypt.dll|bcryptprimitives.dll|msvcrt.dll|ucrtbase.dll|api-ms-win-*|shell32.dll|ole32.dll|user32.dll|secur32.dll|crypt32.dll|synchronization.dll) ;;
    *) echo "gwlint.exe needs $dll, which Windows does not ship" >&2; exit 1 ;;
  esac
done
