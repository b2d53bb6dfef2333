#!/usr/bin/env bash
# The main job: set up what is missing, then build and serve the demo and playground page
# (index.html, with the seed article as the default card) at http://127.0.0.1:8080/, rebuilding
# on every change. Extra arguments go to `trunk serve` (e.g. --port 9000).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export PATH="$here/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve "$@"
