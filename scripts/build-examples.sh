#!/usr/bin/env bash
# Installs, type-checks and builds every framework example app (examples/frameworks/<name>/),
# each against the npm package as built by scripts/build-npm.sh, so tests/e2e/frameworks.test.mjs
# drives the real package in real framework builds.
#
# Each step runs only when its inputs changed since it last succeeded, so a warm run takes
# seconds. The stamps live in the app's node_modules/, which `npm ci` deletes, so a fresh
# install also reinstalls the package and rebuilds:
#   - `npm ci`, when package.json or package-lock.json changed;
#   - `npm install --no-save <tarball>`, when the tarball changed (its sha256): the package is not
#     in the lockfile, since the tarball changes with every build;
#   - `npm run check` (the type-check) and the build (`vite build` through
#     scripts/vite-build-strict.mjs for a Vite app, else `npm run build`), when a file of the app (git's view:
#     tracked and untracked, not ignored) or the tarball changed, or the build output is missing.
# Any warning from the type-checker or the bundler fails the app, not only errors.
#
#   bash scripts/build-examples.sh            # every app
#   bash scripts/build-examples.sh react vue  # only these
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
export NEXT_TELEMETRY_DISABLED=1

version="$(awk -F'"' '/^\[package\]/ { p = 1 } p && /^version *=/ { print $2; exit }' Cargo.toml)"
tarball="$here/dist/article-card-$version.tgz"
if [[ ! -f "$tarball" ]]; then
  echo "build-examples: no package at ${tarball#"$here"/}; run bash scripts/build-npm.sh first" >&2
  exit 1
fi
tarball_sum="$(sha256sum "$tarball" | cut -d' ' -f1)"

# Lines of tool output that are warnings: type-checker diagnostics and summaries, Vite's "(!)"
# notes and "[WARN]"/"warning:" lines, Next's "⚠" and npm's "npm warn"; but not a summary that
# counts none ("svelte-check found 0 errors and 0 warnings"), nor Next's advice, printed under
# CI=true when .next/cache does not exist yet (every fresh clone), to keep that folder between CI
# runs: it is about the CI's set-up, not the app, and the run that prints it builds cleanly.
warning_pattern='warn|\(!\)|⚠'
no_warnings_pattern='(^|[^0-9])0 warnings|No build cache found\. Please configure build caching'

if [[ $# -gt 0 ]]; then
  apps=("$@")
else
  apps=()
  for dir in examples/frameworks/*/; do
    [[ -f "$dir/package.json" ]] && apps+=("$(basename "$dir")")
  done
fi

# Runs a command for the app in the current directory; fails on an error or on any line of its
# output that looks like a warning (printed with the app's name).
run_clean() {
  local app="$1" out
  shift
  if ! out="$("$@" 2>&1)"; then
    printf '%s\n' "$out" >&2
    echo "build-examples: $app: $* failed" >&2
    return 1
  fi
  local warnings
  warnings="$(grep -Ei "$warning_pattern" <<<"$out" | grep -Eiv "$no_warnings_pattern" || true)"
  if [[ -n "$warnings" ]]; then
    printf '%s\n' "$out" >&2
    echo "build-examples: $app: $* printed a warning:" >&2
    sed 's/^/    /' <<<"$warnings" >&2
    return 1
  fi
}

for app in "${apps[@]}"; do
  dir="examples/frameworks/$app"
  if [[ ! -f "$dir/package.json" ]]; then
    echo "build-examples: no app at $dir" >&2
    exit 1
  fi
  start=$SECONDS
  done_steps=()
  stamps="$dir/node_modules/.article-card-stamps"

  lock_sum="$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -d' ' -f1)"
  if [[ "$(cat "$stamps/lockfile" 2>/dev/null)" != "$lock_sum" ]]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    mkdir -p "$stamps"
    echo "$lock_sum" >"$stamps/lockfile"
    done_steps+=("npm ci")
  fi

  if [[ "$(cat "$stamps/tarball" 2>/dev/null)" != "$tarball_sum" ]]; then
    (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error "$tarball")
    echo "$tarball_sum" >"$stamps/tarball"
    done_steps+=("installed ${tarball#"$here"/}")
  fi

  # How the app builds, and where to: `vite build` goes through Vite's own logger, which knows
  # its warnings (see the script), into dist/; anything else through the build script itself,
  # into .next/ for `next build`.
  build_script="$(cd "$dir" && node -p 'require("./package.json").scripts?.build ?? ""')"
  build=(npm run --silent build)
  out_dir="$dir/dist"
  case "$build_script" in
    "vite build") build=(node "$here/scripts/vite-build-strict.mjs") ;;
    *"next build"*) out_dir="$dir/.next" ;;
  esac
  inputs_sum="$(
    {
      echo "$tarball_sum"
      git ls-files --cached --others --exclude-standard -z -- "$dir" | sort -z | xargs -0 sha256sum
    } | sha256sum | cut -d' ' -f1
  )"
  if [[ ! -d "$out_dir" || "$(cat "$stamps/build" 2>/dev/null)" != "$inputs_sum" ]]; then
    rm -f "$stamps/build"
    (
      cd "$dir"
      run_clean "$app" npm run --silent check
      run_clean "$app" "${build[@]}"
    )
    echo "$inputs_sum" >"$stamps/build"
    done_steps+=("type-checked" "built")
  fi

  summary="up to date"
  if [[ ${#done_steps[@]} -gt 0 ]]; then
    summary="$(IFS=,; echo "${done_steps[*]}" | sed 's/,/, /g')"
  fi
  printf 'build-examples: %-7s %s (%d s)\n' "$app" "$summary" $((SECONDS - start))
done
