# The nightly toolchain the publisher bundle is built with, sourced by scripts/setup.sh (which
# checks it and adds rust-src) and scripts/build-bundle.sh (which refuses any other). Nightly for
# build-std and immediate-abort: 11.9 KB gzip less (scripts/build-bundle.sh). Pinned to the exact
# compiler because unstable flags change meaning between nightlies, and the only nightly these
# machines have is the image's: to move, install the new one as `nightly` and change this line.
NIGHTLY_RUSTC='rustc 1.97.0-nightly (e50aa6fba 2026-05-19)'

# Fails with what to do when `rustc +nightly` is missing or another version.
check_nightly() {
  local found
  found="$(rustc +nightly -V 2>/dev/null || true)"
  if [ "$found" != "$NIGHTLY_RUSTC" ]; then
    printf '%s: the bundle is built with the nightly toolchain "%s", but `rustc +nightly -V` says "%s". Install that nightly as `nightly` (rustup toolchain link, or the image it came with), or change NIGHTLY_RUSTC in scripts/nightly.sh after checking the bundle with it.\n' \
      "${0##*/}" "$NIGHTLY_RUSTC" "${found:-nothing}" >&2
    return 1
  fi
}
