#!/usr/bin/env bash
# Installs everything article-card needs to build, serve and test, skipping whatever is already
# there at the right version: a second run takes seconds. Versions are pinned where a newer
# release does not work on Rust 1.95 or offline (the note at each step says why).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export PATH="$HOME/.cargo/bin:$PATH"

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130

say() { printf 'setup: %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    say "need root for: $*"; return 1
  fi
}

# Rust: the wasm target, and the formatter and linter the tests run.
command -v cargo >/dev/null || { say "Rust is not installed (https://rustup.rs), stopping"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# Trunk (serves the demo). 0.22 needs a newer rustc than 1.95.
if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# wasm-bindgen CLI and test runner, matching the crate version pinned in Cargo.toml exactly.
# Not --locked: its lock file names a crate release the registry here does not serve.
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# Headless Chromium and its driver, for browser tests. Debian's packages: tools that download
# their own browser cannot reach the network here.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing chromium and chromium-driver"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

# The pinned nightly toolchain (scripts/nightly.sh): the publisher bundle is built with it
# (build-std, immediate-abort), and cargo-fuzz runs on it (libFuzzer needs -Zsanitizer). Only
# checked, never installed: `rustup toolchain install nightly` would bring today's nightly, not
# the pinned one. build-std compiles the standard library from rust-src.
. "$here/scripts/nightly.sh"
check_nightly
if ! rustup component list --installed --toolchain nightly | grep -q '^rust-src'; then
  say "adding rust-src to the nightly toolchain (for build-std)"
  rustup component add rust-src --toolchain nightly
fi
# The tests run a short smoke of every fuzz target in fuzz/.
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz 0.13.2"; then
  say "installing cargo-fuzz 0.13.2 (under a minute)"
  cargo install cargo-fuzz --version 0.13.2
fi

# Node tools from package-lock.json: wasm-opt (binaryen; Debian's is too old for rustc 1.95's
# output) and playwright-core (drives the system Chromium in end-to-end tests).
command -v npm >/dev/null || { say "Node.js and npm are needed (apt-get install nodejs npm)"; exit 1; }
stamp=node_modules/.package-lock.json
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  say "installing Node tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

say "ready: $(rustc +nightly -V), $(trunk --version), $(wasm-bindgen --version), $(cargo fuzz --version), wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -c 40)"
