//! Browser embedding glue: the bridge between the `<article-card>` custom element (defined by
//! the small loader `js/article-card.js`) and the Yew app mounted in each element's shadow root.
//!
//! The loader owns the element's lifecycle and the page's events; for each connected element it
//! holds one [`Card`] (`card.rs`), created in `connectedCallback` and freed in
//! `disconnectedCallback`, and calls its methods. A card renders with a Yew app from a pool of
//! reusable ones (`pool.rs`), reads its payload (`payload.rs`, `fetch.rs`, `js_json.rs`) and
//! its element's options (`reader.rs`), renders into a shadow root (`shadow.rs`) and reports
//! to the page (`events.rs`). A panic traps the whole instance: the loader shows every card's
//! error and starts a fresh one.
//!
//! This is the only module that touches `web_sys`/`js_sys`. JavaScript values and failures are
//! turned into model types here, once, and nothing past this point sees a `JsValue`.

mod card;
mod events;
mod fetch;
mod fixed;
mod js_json;
mod payload;
mod pool;
mod reader;
mod shadow;
#[cfg(feature = "test-panic")]
mod test_panic;

pub use card::Card;
pub use events::{ERROR_EVENT, LINK_EVENT, READY_EVENT, TOGGLE_EVENT};
pub use fetch::{DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS};
pub use payload::parse as parse_payload;
