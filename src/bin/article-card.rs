//! The `article-card` command line: import digests, validate payloads, pre-render cards, print
//! the payload schema. Everything lives in the library's `cli` module; this is only the door.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    article_card::cli::main()
}

/// The command line is native only; the wasm build of this crate is the widget.
#[cfg(target_arch = "wasm32")]
fn main() {}
