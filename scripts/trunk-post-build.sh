#!/usr/bin/env bash
# Trunk's post-build hook for the demo page (Trunk.toml), run in the staging folder before Trunk
# moves it to target/demo/:
# - builds the card with scripts/build-bundle.sh into article-card/ next to the page, so the demo
#   shows exactly what a publisher ships;
# - removes the `<link data-trunk rel="rust" data-trunk-skip>` directive (it only tells Trunk not
#   to build the crate a second way), which Trunk leaves in the page as a <link> without href:
#   invalid HTML (tests/e2e/demo.test.mjs validates the built page).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk build as a post_build hook}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

bash "$here/scripts/build-bundle.sh" "$staging/article-card"

page="$staging/index.html"
sed -i -E 's#<link data-trunk rel="rust" data-trunk-skip[^>]*>##' "$page"
if grep -q 'data-trunk' "$page"; then
  echo "trunk-post-build: $page still holds a data-trunk directive" >&2
  exit 1
fi
