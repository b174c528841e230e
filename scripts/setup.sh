#!/usr/bin/env bash
# Installs what building (and, with "test", testing) Marginalia needs, skipping whatever is already there.
#
# Usage: scripts/setup.sh build   # Rust wasm target, trunk, wasm-bindgen, wasm-opt
#        scripts/setup.sh test    # the above plus Chromium, chromedriver and Playwright
# Versions follow shared/toolchain.md: trunk 0.21.14, wasm-bindgen-cli equal to the
# wasm-bindgen in Cargo.lock, wasm-opt from npm binaryen 132, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-build}
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate version exactly, so read it from the lock file.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if ! trunk --version 2>/dev/null | grep -q ' 0\.21\.14'; then
  say "installing trunk 0.21.14 (about 6 minutes, once)"
  cargo install trunk --version 0.21.14 --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " $wasm_bindgen_version"; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version (about 2 minutes, once)"
  # No --locked: one locked dependency of the CLI is missing from the registry mirror.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi
if [ ! -x node_modules/.bin/wasm-opt ] || { [ "$mode" = test ] && [ ! -d node_modules/@playwright/test ]; }; then
  say "installing npm tools (binaryen, Playwright) from package-lock.json"
  # Playwright must use Debian's Chromium; never let it download a browser.
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi

if [ "$mode" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver from Debian"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y chromium chromium-driver
  fi
  if ! rustup component list --installed | grep -q '^clippy'; then rustup component add clippy; fi
  if ! rustup component list --installed | grep -q '^rustfmt'; then rustup component add rustfmt; fi
fi
