//! Browser embedding glue: the bridge between the `<article-card>` custom element (defined by
//! the small loader `js/article-card.js`) and the Yew app mounted in each element's shadow root.
//!
//! This is the only module that touches `web_sys`/`js_sys`. JavaScript values and failures are
//! turned into model types here, once, and nothing past this point sees a `JsValue`.

mod events;
mod fetch;
mod js_json;
mod panic;
mod payload;
mod reader;
mod registry;
mod shadow;
#[cfg(feature = "test-panic")]
mod test_panic;

pub use events::ERROR_EVENT;
pub use fetch::{DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS};
pub use payload::parse as parse_payload;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use crate::view::Request;

/// Renders a card into `host` from its `src` attribute or inline JSON. Returns the id to pass
/// back to [`disconnect`]. Never throws: every failure becomes the error card, and an internal
/// error (a panic) stops every card in the error state (see `panic.rs`).
pub fn connect(host: HtmlElement) -> u32 {
    registry::mount(host, &JsValue::UNDEFINED)
}

/// [`connect`] as the element calls it (from `connectedCallback`), with its `payload`
/// property: an object there wins over `src` and inline JSON; `undefined` or `null` means none.
#[wasm_bindgen(js_name = connect)]
pub fn connect_with(host: HtmlElement, payload: JsValue) -> u32 {
    registry::mount(host, &payload)
}

/// The element's methods: `"expand"` and `"collapse"` every section, or `"open"` the section
/// with id `section`. Anything else is ignored, as is an id the card does not know.
#[wasm_bindgen]
pub fn command(id: u32, action: &str, section: Option<String>) {
    let request = match (action, section) {
        ("expand", _) => Request::All(true),
        ("collapse", _) => Request::All(false),
        ("open", Some(section)) => Request::Section(section.into()),
        _ => return,
    };
    registry::request(id, request);
}

/// Tears down the card with this id (called by `disconnectedCallback`): destroys the Yew app,
/// removes its listeners and DOM, and cancels a fetch still under way.
#[wasm_bindgen]
pub fn disconnect(id: u32) {
    registry::unmount(id);
}
