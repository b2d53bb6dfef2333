#!/usr/bin/env bash
# Builds the npm package `article-card`: the publisher bundle (scripts/build-bundle.sh) in
# dist/npm/, plus the package's own files from npm/ (package.json, types, React wrapper, README,
# Custom Elements Manifest), packed into dist/article-card-<version>.tgz. The version is
# Cargo.toml's. A maintainer publishes the tarball as it is: npm publish ./dist/article-card-<v>.tgz
#   bash scripts/build-npm.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

out="$here/dist/npm"
# A clean folder each time: a file left from an older build must not reach the tarball.
rm -rf "$out"
bash scripts/build-bundle.sh "$out"
node scripts/npm-package.mjs "$out"
npm pack "$out" --json --pack-destination "$here/dist" | node -e '
  const [p] = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Packed dist/${p.filename}: ${p.files.length} files, ${kb(p.size)} packed, ${kb(p.unpackedSize)} unpacked`);
'
