#!/usr/bin/env bash
# Builds the publisher bundle: the loader, the wasm-bindgen glue and the optimised .wasm, in one
# folder that works wherever it is copied.
#   scripts/build-bundle.sh [OUT_DIR]      (default: dist/article-card)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/dist/article-card}"
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --lib --release --target wasm32-unknown-unknown --quiet
mkdir -p "$out"
rm -f "$out"/article_card* "$out"/article-card.js
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name article_card \
  target/wasm32-unknown-unknown/release/article_card.wasm
# The features rustc 1.95 enables by default for wasm32-unknown-unknown; wasm-opt must accept
# what the compiler emitted and introduce nothing a current browser lacks.
wasm-opt -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/article_card_bg.wasm" -o "$out/article_card_bg.wasm"
cp js/article-card.js "$out/article-card.js"
