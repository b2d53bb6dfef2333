#!/usr/bin/env bash
# Builds the versioned release bundle for a CDN: dist/release/article-card/<version>/ holding the
# loader, the glue and the wasm under stable names (the version is the folder, so caches can keep
# each file forever), and prints the tag to paste, with a Subresource Integrity hash.
#   bash scripts/release.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
version="$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)"
out="dist/release/article-card/$version"
rm -rf "$out"
bash scripts/build-bundle.sh "$out"
integrity="sha384-$(openssl dgst -sha384 -binary "$out/article-card.js" | openssl base64 -A)"
printf '%s\n' "$integrity  article-card.js" > "dist/release/article-card/$version.sri"
cat <<MSG
Built $out/ ($(ls "$out" | tr '\n' ' '))
Upload the folder to your CDN as it is, serve .wasm as application/wasm, and use:

  <script type="module" src="https://YOUR-CDN/article-card/$version/article-card.js"
          integrity="$integrity" crossorigin="anonymous"></script>
MSG
