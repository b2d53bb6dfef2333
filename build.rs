//! Minifies `styles/card.css` for the wasm bundle, with the same function the server renderer
//! uses for its `<style>` (so both sides carry exactly the same rules).

#[path = "src/render/minify.rs"]
mod minify;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=styles/card.css");
    println!("cargo::rerun-if-changed=src/render/minify.rs");
    let css = std::fs::read_to_string("styles/card.css")
        .unwrap_or_else(|e| panic!("styles/card.css: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("card.min.css");
    std::fs::write(&out, minify::minify_css(&css))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
