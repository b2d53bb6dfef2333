#!/usr/bin/env bash
# The benchmark: builds what it measures (the release bundle, and the command line whose
# pre-rendering it times), then measures them against static HTML and a hand-written vanilla
# JavaScript peer in headless Chromium and writes docs/benchmarks.md.
#   bash scripts/bench.sh [--quick]
#   BENCH_ONLY=lcp,prerendered,cls bash scripts/bench.sh   # only these sections (see bench/run.mjs), printed, docs/ left alone
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Lighthouse and the Node 22 it needs live in their own npm project, bench/lighthouse/, so the
# root package (and every test) keeps the system Node. `npm ci` runs when that project is not
# installed or its package files changed since the last install (a stamp in its node_modules/,
# which `npm ci` deletes, so a failed install is retried next time).
lighthouse_sum="$(cat bench/lighthouse/package.json bench/lighthouse/package-lock.json | sha256sum | cut -d' ' -f1)"
lighthouse_stamp=bench/lighthouse/node_modules/.article-card-stamp
if [[ "$(cat "$lighthouse_stamp" 2>/dev/null)" != "$lighthouse_sum" ]]; then
  (cd bench/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lighthouse_sum" >"$lighthouse_stamp"
fi
bash scripts/build-bundle.sh
cargo build --release --quiet --bin article-card
node bench/run.mjs "$@"
