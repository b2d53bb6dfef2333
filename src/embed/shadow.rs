//! The card's shadow root: where it renders, so that the host page's CSS cannot reach in and the
//! card's CSS cannot leak out. The stylesheet is built from `styles/card.css` once per document
//! and shared by every card in it (constructable stylesheets need no `<style>` element, which a
//! strict `style-src 'self'` policy would block).
//!
//! Once per document, not once: a constructed sheet belongs to the document whose window
//! constructed it, and browsers refuse to adopt it anywhere else. A card moved into a same-origin
//! iframe or a Document Picture-in-Picture window (`adoptNode`, then append) reconnects there,
//! and gets a sheet made by that document's own window.

use js_sys::{Array, Function, Object, Reflect, WeakMap};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    CssStyleSheet, Document, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

use crate::model::{Problem, ProblemKind};

/// `styles/card.css`, minified by `build.rs`.
const CARD_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.min.css"));

thread_local! {
    /// Each document's sheet. Weak, so a closed iframe's document and its sheet go with it.
    static SHEETS: WeakMap = WeakMap::new();
}

/// Readies `host`'s shadow root for a card: creates it the first time, empties it (a card that
/// was moved in the document reconnects and starts clean) and adopts the card's stylesheet.
pub fn prepare(host: &HtmlElement) -> Result<ShadowRoot, Problem> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|e| failure("could not attach a shadow root", &e))?,
    };
    root.replace_children_with_node_0();
    adopt_styles(&root)?;
    Ok(root)
}

/// A new, detached element for a Yew app to render into (Yew mounts into an element; a shadow
/// root is not one).
pub fn container(host: &HtmlElement) -> Result<Element, Problem> {
    let document = host
        .owner_document()
        .ok_or_else(|| failure("the element has no document", &JsValue::NULL))?;
    let container = document
        .create_element("div")
        .map_err(|e| failure("could not create the card's container", &e))?;
    container.set_class_name("root");
    Ok(container)
}

/// Puts `container` into `root`.
pub fn attach(root: &ShadowRoot, container: &Element) -> Result<(), Problem> {
    root.append_child(container)
        .map(|_| ())
        .map_err(|e| failure("could not attach the card's container", &e))
}

fn adopt_styles(root: &ShadowRoot) -> Result<(), Problem> {
    let document = root.owner_document();
    if let Some(sheet) = document.as_ref().and_then(sheet_for) {
        // Set through `Reflect` so that a browser's refusal is an error value here, not an
        // exception thrown through the card's code.
        let adopted = Reflect::set(
            root,
            &JsValue::from_str("adoptedStyleSheets"),
            &Array::of1(&sheet),
        );
        if adopted.is_ok() {
            return Ok(());
        }
    }
    // No constructable stylesheets (browsers before 2023), or a document with no window of its
    // own: a <style> element in the shadow root works in any document.
    let style = document
        .and_then(|d| d.create_element("style").ok())
        .ok_or_else(|| failure("could not create a style element", &JsValue::NULL))?;
    style.set_text_content(Some(CARD_CSS));
    root.append_child(&style)
        .map(|_| ())
        .map_err(|e| failure("could not add the card's styles", &e))
}

/// The card's stylesheet for `document`, made the first time a card connects there.
fn sheet_for(document: &Document) -> Option<JsValue> {
    let key: &Object = document.as_ref();
    let cached = SHEETS.with(|sheets| sheets.get(key));
    if cached.is_object() {
        return Some(cached);
    }
    let sheet = construct_sheet(document)?;
    SHEETS.with(|sheets| sheets.set(key, &sheet));
    Some(sheet)
}

/// A sheet constructed by `document`'s own window (`new CSSStyleSheet()` of the page's window
/// would make one that only the page's document may adopt).
fn construct_sheet(document: &Document) -> Option<JsValue> {
    let window = document.default_view()?;
    let constructor = Reflect::get(&window, &JsValue::from_str("CSSStyleSheet")).ok()?;
    // Another window's functions are not `instanceof` this one's `Function`: check the type.
    if !constructor.is_function() {
        return None;
    }
    let sheet = Reflect::construct(constructor.unchecked_ref::<Function>(), &Array::new()).ok()?;
    sheet
        .unchecked_ref::<CssStyleSheet>()
        .replace_sync(CARD_CSS)
        .ok()?;
    Some(sheet)
}

fn failure(what: &str, error: &JsValue) -> Problem {
    let detail = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default();
    let mut message = what.to_owned();
    if !detail.is_empty() {
        message.push_str(" (");
        message.push_str(&detail);
        message.push(')');
    }
    Problem::new("element", ProblemKind::Embedding { detail: message })
}
