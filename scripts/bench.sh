#!/usr/bin/env bash
# The benchmark: builds what it measures (the release bundle, and the command line whose
# pre-rendering it times), then measures them against static HTML and a hand-written vanilla
# JavaScript peer in headless Chromium and writes docs/benchmarks.md.
#   bash scripts/bench.sh [--quick]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/build-bundle.sh
cargo build --release --quiet --bin article-card
node bench/run.mjs "$@"
