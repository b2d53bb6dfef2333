#!/usr/bin/env bash
# Builds the publisher bundle: the loader, the wasm-bindgen glue and the optimised .wasm, in one
# folder that works wherever it is copied.
#   scripts/build-bundle.sh [OUT_DIR]                (default: dist/article-card)
#
# With --test-panic it builds the test-only bundle instead: the same build plus the `test-panic`
# cargo feature, which exports `test_panic()` so tests/e2e/panic.test.mjs can make the card code
# panic on purpose. It goes to target/test-bundle/article-card/, never to dist/: readers never
# get it. Its own cargo target directory keeps the feature build from ever touching the release
# artifact that becomes dist/.
#   scripts/build-bundle.sh --test-panic [OUT_DIR]   (default: target/test-bundle/article-card)
#
# With --memory-stats it builds the measurement bundle of `node bench/memory.mjs` the same way:
# the `memory-stats` feature counts what the allocator holds (src/memory_stats.rs).
#   scripts/build-bundle.sh --memory-stats [OUT_DIR] (default: target/memory-stats/article-card)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"

test_panic=false
case "${1:-}" in
  --test-panic) test_panic=true kind=test-panic dir=test-bundle; shift ;;
  --memory-stats) test_panic=true kind=memory-stats dir=memory-stats; shift ;;
esac
if $test_panic; then
  out="${1:-$here/target/$dir/article-card}"
  target_dir="$here/target/$dir/cargo"
  features=(--features "$kind")
else
  out="${1:-$here/dist/article-card}"
  target_dir="$here/target/nightly"
  features=()
fi

# The pinned nightly (scripts/nightly.sh), building the standard library with the card
# (build-std) so that these flags reach it too: immediate-abort makes every panic a bare
# `unreachable` trap with no panic machinery, message or hook, and without locations or Debug
# formatting no source paths or `{:?}` code ship: 11.9 KB gzip less in all (111.3 -> 99.4 KB).
# Its own target directory: RUSTFLAGS would otherwise rebuild every dependency of the stable
# builds (tests, clippy) each time one follows the other.
. "$here/scripts/nightly.sh"
check_nightly
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
  cargo +nightly build -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
  --lib --profile bundle --target wasm32-unknown-unknown "${features[@]}" \
  --target-dir "$target_dir" --quiet
mkdir -p "$out"
rm -f "$out"/article_card* "$out"/article-card.js
# --experimental-reset-state-function: the glue can make a fresh instance after a trap, and
# glue-restart.mjs lets the loader hear of the trap (js/article-card.js restarts the engine).
wasm-bindgen --target web --no-typescript --experimental-reset-state-function --out-dir "$out" \
  --out-name article_card "$target_dir/wasm32-unknown-unknown/bundle/article_card.wasm"
node scripts/glue-restart.mjs "$out/article_card.js" || { rm -f "$out"/article_card*; exit 1; }

if $test_panic; then
  # No wasm-opt or minifier: a test bundle is about behaviour (or memory), and the compiler,
  # flags and profile
  # (immediate-abort, LTO, size-optimised) are the shipped ones.
  cp js/article-card.js "$out/article-card.js"
  exit 0
fi

# The features the pinned nightly (1.97) enables by default for wasm32-unknown-unknown; wasm-opt
# must accept what the compiler emitted and introduce nothing a current browser lacks. --converge
# and the strip flags save about 0.6 KB gzip over a single -Oz pass (measured in
# docs/benchmarks.md).
# --low-memory-unused lets wasm-opt fold constant offsets into loads and stores, since rustc puts
# the stack first and nothing lives in the lowest kilobyte of memory: 0.8 KB gzip.
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
wasm-opt -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
  "${wasm_features[@]}" "$out/article_card_bg.wasm" -o "$out/article_card_bg.wasm"
# wasm-bindgen names each import `__wbg_<name>_<16 hex>`, in the wasm and in the glue, and hex
# does not compress: one- or two-letter names for imports, exports and the import module save
# about 5 KB gzip. A pass of its own, after the optimiser, so it runs once and prints one map
# (stdout), which the script applies to the glue, failing the build on any mismatch; then the
# half-renamed pair is removed, so no bundle that cannot link is left to test or ship. Only the
# glue reads the wasm's exports (but `memory`, which the script keeps); the loader uses the
# glue's `init` and `Card`.
names_map="$(mktemp)"
trap 'rm -f "$names_map"' EXIT
wasm-opt --minify-imports-and-exports-and-modules "${wasm_features[@]}" \
  "$out/article_card_bg.wasm" -o "$out/article_card_bg.wasm" >"$names_map"
node scripts/short-wasm-names.mjs "$out/article_card.js" "$out/article_card_bg.wasm" "$names_map" ||
  { rm -f "$out"/article_card*; exit 1; }
# The glue and the loader are ES modules read by every reader's browser: minified, they are
# 2.4 KB gzip smaller. Exports keep their names, so the loader's imports still match.
terser "$out/article_card.js" --module --compress passes=2 --mangle -o "$out/article_card.js"
terser js/article-card.js --module --compress --mangle -o "$out/article-card.js"
# The host-side resizer for card iframes (docs/embedding-by-url.md): not part of a card's download.
terser js/article-card-resizer.js --compress --mangle -o "$out/article-card-resizer.js"
