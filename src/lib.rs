//! article-card: an embeddable news card.
//!
//! Data flows one way: payload bytes → [`model`] (wire structs, validation, the [`model::Article`])
//! → [`view`] (Yew components, pure) → the DOM of an `<article-card>` element's shadow root,
//! through [`embed`] in the browser. The same model and components serve every entry point.

pub mod model;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod embed;

// Text repair: mis-decoded characters put right (shared by `import` and `validate --fix`).
pub mod text;

// The `article-card` command line and what only it needs: native only, never in the bundle.
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
#[cfg(not(target_arch = "wasm32"))]
pub mod import;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;

// The allocator is part of every reader's download: talc is a few kilobytes smaller than the
// default and just as sound for a single-threaded page.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    not(feature = "memory-stats")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// Measurement only (`bench/memory.mjs`): the same allocator, counted.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    feature = "memory-stats"
))]
mod memory_stats;
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    feature = "memory-stats"
))]
#[global_allocator]
static ALLOCATOR: memory_stats::Counting = memory_stats::Counting::new();
