#!/usr/bin/env bash
# Builds the test-only bundle: the publisher bundle plus the `test-panic` cargo feature, which
# exports `test_panic()` so tests/e2e/panic.test.mjs can make the card code panic on purpose.
# It goes to target/test-bundle/article-card/, never to dist/: readers never get it. Its own
# cargo target directory keeps the feature build from ever touching the release artifact that
# scripts/build-bundle.sh turns into dist/.
#   tests/e2e/build-test-bundle.sh [OUT_DIR]     (default: target/test-bundle/article-card)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="${1:-$here/target/test-bundle/article-card}"
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
target_dir="$here/target/test-bundle/cargo"

cargo build --lib --profile bundle --target wasm32-unknown-unknown --features test-panic \
  --target-dir "$target_dir" --quiet
mkdir -p "$out"
rm -f "$out"/article_card* "$out"/article-card.js
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name article_card \
  "$target_dir/wasm32-unknown-unknown/bundle/article_card.wasm"
# No wasm-opt or minifier: the test is about behaviour, and the bundle profile (panic=abort,
# LTO, size-optimised) is the shipped one.
cp js/article-card.js "$out/article-card.js"
