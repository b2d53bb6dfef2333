#!/usr/bin/env bash
# Every test, in the order that fails fastest: formatting and lints, native unit and
# integration tests, component tests in headless Chromium (wasm-bindgen-test), then the
# publisher bundle and the demo are built and the end-to-end tests load the bundle through its
# script tag on a plain host page. Sets up whatever is missing first.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "clippy (native)"
cargo clippy --all-targets --quiet -- -D warnings
step "clippy (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown --quiet -- -D warnings

step "native tests"
cargo test --quiet

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown

step "publisher bundle"
bash scripts/build-bundle.sh
step "demo page (trunk build)"
trunk build --quiet

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
