//! What the page around a card tells it (its attributes, the page's language, the URL fragment)
//! and the page events that open a section: a `hashchange` to a section's address, and the
//! find bar's `beforematch` on a closed panel. Each becomes [`CardOptions`] pushed into the
//! card's props; the view decides what opens.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement, ShadowRoot};
use yew::{AttrValue, Callback};

use crate::model::lang::is_language_tag;
use crate::view::{CardOptions, Request};

/// The element's own options, read when it connects: `heading-level` and the nearest `lang`.
pub fn options(host: &HtmlElement, request: Option<(u32, Request)>) -> CardOptions {
    let heading_level = host
        .get_attribute("heading-level")
        .and_then(|level| level.trim().parse::<u8>().ok())
        .unwrap_or(0);
    let host_lang = host
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .map(|lang| lang.trim().to_owned())
        .filter(|lang| is_language_tag(lang))
        .map(AttrValue::from);
    CardOptions {
        heading_level,
        host_lang,
        request,
        on_toggle: Callback::noop(),
    }
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

/// The address of the section whose closed panel the find bar is about to open.
pub fn matched_section(event: &Event) -> Option<AttrValue> {
    let panel = event.target()?.dyn_into::<Element>().ok()?;
    let section = panel.closest("section.section").ok().flatten()?;
    Some(AttrValue::from(section.id()))
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
