//! What the page around a card tells it: the element's attributes, the page's language, and
//! the URL fragment (a section's address opens that section), and scrolling a section into
//! view. The page events that open a section (`hashchange`, the find bar's `beforematch`) are
//! the loader's to listen to; it calls the card's methods.

use web_sys::{HtmlElement, ShadowRoot};
use yew::AttrValue;

use crate::model::lang::is_language_tag;
use crate::view::CardOptions;

/// The element's own options, read when it connects: `heading-level` and the nearest `lang`.
/// Its callbacks are the card's to set.
pub fn options(host: &HtmlElement) -> CardOptions {
    let heading_level = host
        .get_attribute("heading-level")
        .and_then(|level| level.trim().parse::<u8>().ok())
        .unwrap_or(0);
    CardOptions {
        heading_level,
        host_lang: host_lang(host),
        ..CardOptions::default()
    }
}

/// The language of the page around `host`: the nearest `lang`, if it is a well-formed tag.
pub fn host_lang(host: &HtmlElement) -> Option<AttrValue> {
    host.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .map(|lang| lang.trim().to_owned())
        .filter(|lang| is_language_tag(lang))
        .map(AttrValue::from)
}

/// The page URL's fragment, decoded (section ids may be in any script), without the `#`.
pub fn fragment() -> Option<AttrValue> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let hash = hash.strip_prefix('#').filter(|h| !h.is_empty())?;
    let decoded = js_sys::decode_uri_component(hash)
        .ok()
        .map(String::from)
        .unwrap_or_else(|| hash.to_owned());
    Some(AttrValue::from(decoded))
}

/// Scrolls the section at `anchor` into view if it is in this card. Runs after the card's next
/// render: Yew renders in a queued task, and this task is queued behind it.
pub fn reveal(host: &HtmlElement, anchor: AttrValue) {
    let host = host.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if let Some(section) = host
            .shadow_root()
            .and_then(|root: ShadowRoot| root.get_element_by_id(&anchor))
        {
            section.scroll_into_view();
        }
    });
}
