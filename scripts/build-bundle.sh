#!/usr/bin/env bash
# Builds the publisher bundle: the loader, the wasm-bindgen glue and the optimised .wasm, in one
# folder that works wherever it is copied.
#   scripts/build-bundle.sh [OUT_DIR]      (default: dist/article-card)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$here/dist/article-card}"
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --lib --profile bundle --target wasm32-unknown-unknown --quiet
mkdir -p "$out"
rm -f "$out"/article_card* "$out"/article-card.js
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name article_card \
  target/wasm32-unknown-unknown/bundle/article_card.wasm
# The features rustc 1.95 enables by default for wasm32-unknown-unknown; wasm-opt must accept
# what the compiler emitted and introduce nothing a current browser lacks. --converge and the
# strip flags save about 0.6 KB gzip over a single -Oz pass (measured in docs/benchmarks.md).
wasm-opt -Oz --converge --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/article_card_bg.wasm" -o "$out/article_card_bg.wasm"
# The glue and the loader are ES modules read by every reader's browser: minified, they are
# 2.4 KB gzip smaller. Exports keep their names, so the loader's imports still match.
terser "$out/article_card.js" --module --compress passes=2 --mangle -o "$out/article_card.js"
terser js/article-card.js --module --compress --mangle -o "$out/article-card.js"
# The host-side resizer for card iframes (docs/embedding-by-url.md): not part of a card's download.
terser js/article-card-resizer.js --compress --mangle -o "$out/article-card-resizer.js"
