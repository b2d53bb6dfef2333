#!/usr/bin/env bash
# Every test, in the order that fails fastest: formatting and lints, native unit and
# integration tests, component tests in headless Chromium (wasm-bindgen-test), then the
# publisher bundle, the npm package and the demo are built and the end-to-end tests load the
# bundle through its script tag on a plain host page. Sets up whatever is missing first.
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
step "clippy (wasm32, test-only panic trigger)"
cargo clippy --lib --target wasm32-unknown-unknown --features test-panic --quiet -- -D warnings

step "native tests"
cargo test --quiet

step "fuzz smoke (cargo fuzz, 5 s per target; longer runs: README, Robustness and security)"
for target in payload_text payload_tree model_fields text_repair import_digest; do
  case "$target" in text_repair|import_digest) seeds=fixtures/digests ;; *) seeds=fixtures ;; esac
  mkdir -p "fuzz/corpus/$target"
  log="target/fuzz-smoke-$target.log"
  if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" "$seeds" -O -- \
      -dict=fuzz/payload.dict -max_total_time=5 >"$log" 2>&1; then
    cat "$log"; echo "fuzz target $target failed: the input is in fuzz/artifacts/$target/" >&2; exit 1
  fi
  grep '^Done' "$log"
done

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown

step "publisher bundle, and its size budget"
bash scripts/build-bundle.sh
node --test tests/bundle/
step "test-only bundle with the panic trigger (target/test-bundle/, never dist/)"
bash scripts/build-bundle.sh --test-panic
step "article-card command line (pre-renders pages for the end-to-end tests)"
cargo build --quiet --bin article-card
step "npm package (scripts/build-npm.sh): files, exports, Node import, React SSR, typings, payload type"
bash scripts/build-npm.sh
# One file at a time: they share the typings project's node_modules.
node --test --test-concurrency=1 tests/npm/
step "demo page (trunk build)"
trunk build --quiet

step "framework example apps against the npm package (install, type-check, build; cached)"
bash scripts/build-examples.sh

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
