//! Minifies `styles/card.css` for the wasm bundle, with the same function the server renderer
//! uses for its `<style>` (so both sides carry exactly the same rules).

#[path = "src/render/minify.rs"]
mod minify;

use std::path::PathBuf;

/// The wasm stack, in bytes. Its whole size sits in the card's linear memory, which every page
/// pays for and which never shrinks; rustc's default is 1 MiB. The card's deepest recursion is
/// bounded: payloads nest at most `MAX_DEPTH` (32) levels, and its views are a few levels deep.
/// The deepest payloads the tests send (`tests/e2e/robustness.test.mjs`) run within it.
const WASM_STACK_BYTES: u32 = 256 * 1024;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-cdylib=-zstack-size={WASM_STACK_BYTES}");
    }
    println!("cargo::rerun-if-changed=styles/card.css");
    println!("cargo::rerun-if-changed=src/render/minify.rs");
    let css = std::fs::read_to_string("styles/card.css")
        .unwrap_or_else(|e| panic!("styles/card.css: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("card.min.css");
    std::fs::write(&out, minify::minify_css(&css))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
