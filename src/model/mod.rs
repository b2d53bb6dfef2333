//! The payload: its wire form, its validation, and the validated [`Article`] the view renders.
//!
//! Untrusted input is handled here and nowhere else. Everything downstream holds validated
//! types; nothing downstream re-checks.

pub mod article;
pub mod body;
pub mod controls;
pub mod json;
pub mod labels;
pub mod lang;
pub mod limits;
pub mod problem;
// The native JSON reader, with positions (the widget uses the browser's `JSON.parse`).
#[cfg(not(target_arch = "wasm32"))]
pub mod read;
// The JSON Schema of payload v1, generated from Rust types (native only: the `schema` command).
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;
pub mod slug;
pub mod timestamp;
pub mod url;
pub mod validate;
pub mod wire;

pub use article::{Article, Author, Block, Image, Quote, Section, Source, Text};
pub use json::Json;
pub use labels::{is_rtl_language, LabelKey};
pub use problem::{Problem, ProblemKind};
pub use timestamp::Timestamp;

/// The payload version this build reads.
pub const SUPPORTED_VERSION: u8 = 1;

/// Validates a parsed payload into an [`Article`], or returns every problem found.
pub fn article_from_json(doc: &Json) -> Result<Article, Vec<Problem>> {
    let mut problems = Vec::new();
    if let Some(depth_problem) = check_depth(doc) {
        return Err(vec![depth_problem]);
    }
    match wire::read_article(doc, &mut problems) {
        Some(wire) => validate::validate(wire, problems),
        None => Err(problems),
    }
}

/// Checks the payload's size before parsing, so an oversized document costs no parse.
pub fn check_size(len_bytes: usize) -> Result<(), Problem> {
    if len_bytes > limits::MAX_PAYLOAD_BYTES {
        return Err(Problem::new(
            "payload",
            ProblemKind::PayloadTooLarge {
                max: limits::MAX_PAYLOAD_BYTES,
                len: len_bytes,
            },
        ));
    }
    Ok(())
}

/// Refuses documents nested deeper than any payload needs. Iterative, so that checking a
/// hostile document cannot itself exhaust the stack.
fn check_depth(doc: &Json) -> Option<Problem> {
    let mut stack = vec![(doc, 1usize)];
    while let Some((value, depth)) = stack.pop() {
        if depth > limits::MAX_DEPTH {
            return Some(Problem::new(
                "payload",
                ProblemKind::TooDeep {
                    max: limits::MAX_DEPTH,
                },
            ));
        }
        match value {
            Json::Array(items) => stack.extend(items.iter().map(|v| (v, depth + 1))),
            Json::Object(members) => stack.extend(members.iter().map(|(_, v)| (v, depth + 1))),
            _ => {}
        }
    }
    None
}

/// The byte-order mark. One before the payload's text is not part of the document (a browser's
/// `Response.text()` drops it too); the widget's parse and the native reader both drop it with
/// [`strip_bom`], for one verdict whichever way the payload comes.
pub const BOM: char = '\u{feff}';

/// The payload text without a byte-order mark before it.
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix(BOM).unwrap_or(text)
}

/// Parses and validates payload text: the native path (tests, the command line). The widget
/// parses with the browser's `JSON.parse` instead and calls [`article_from_json`].
#[cfg(not(target_arch = "wasm32"))]
pub fn article_from_str(text: &str) -> Result<Article, Vec<Problem>> {
    let doc = read::document(text).map_err(|unreadable| vec![unreadable.problem])?;
    article_from_json(&doc.json)
}
