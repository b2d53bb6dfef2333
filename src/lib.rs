//! article-card: an embeddable news card.
//!
//! Data flows one way: payload bytes → [`model`] (wire structs, validation, the [`model::Article`])
//! → [`view`] (Yew components, pure) → the DOM of an `<article-card>` element's shadow root,
//! through [`embed`] in the browser. The same model and components serve every entry point.

pub mod model;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod embed;
