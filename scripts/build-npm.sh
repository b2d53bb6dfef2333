#!/usr/bin/env bash
# Builds the npm package `article-card`: the publisher bundle (scripts/build-bundle.sh) in
# dist/npm/, plus the package's own files from npm/ (package.json, types, React wrapper, README,
# Custom Elements Manifest), packed into dist/article-card-<version>.tgz. The version is
# Cargo.toml's. A maintainer publishes the tarball as it is: npm publish dist/article-card-<v>.tgz
#   bash scripts/build-npm.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"

out="$here/dist/npm"
# A clean folder each time: a file left from an older build must not reach the tarball.
rm -rf "$out"
bash scripts/build-bundle.sh "$out"
node scripts/npm-package.mjs "$out"
# The tarball's name comes from package.json; npm prints it last.
tarball="$(cd "$here/dist" && npm pack "$out" --silent --pack-destination "$here/dist" | tail -n 1)"
echo "Packed dist/$tarball"
