#!/usr/bin/env bash
# The benchmark: builds the release bundle, then measures it against static HTML and a
# hand-written vanilla JavaScript peer in headless Chromium, and writes docs/benchmarks.md.
#   bash scripts/bench.sh [--quick]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
bash scripts/build-bundle.sh
node bench/run.mjs "$@"
