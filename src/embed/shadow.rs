//! The card's shadow root: where it renders, so that the host page's CSS cannot reach in and the
//! card's CSS cannot leak out. The stylesheet is built once from `styles/card.css` and shared by
//! every card (constructable stylesheets need no `<style>` element, which a strict
//! `style-src 'self'` policy would block).

use std::cell::OnceCell;

use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::model::{Problem, ProblemKind};

/// `styles/card.css`, minified by `build.rs`.
const CARD_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/card.min.css"));

thread_local! {
    static SHEET: OnceCell<Option<CssStyleSheet>> = const { OnceCell::new() };
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
        .ok_or_else(|| failure("the element has no document", &wasm_bindgen::JsValue::NULL))?;
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
    let sheet = SHEET.with(|cell| {
        cell.get_or_init(|| {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CARD_CSS).ok()?;
            Some(sheet)
        })
        .clone()
    });
    match sheet {
        Some(sheet) => {
            root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
            Ok(())
        }
        // Browsers without constructable stylesheets (before 2023): fall back to a <style>
        // element in the shadow root.
        None => {
            let style = root
                .owner_document()
                .and_then(|d| d.create_element("style").ok())
                .ok_or_else(|| {
                    failure(
                        "could not create a style element",
                        &wasm_bindgen::JsValue::NULL,
                    )
                })?;
            style.set_text_content(Some(CARD_CSS));
            root.append_child(&style)
                .map(|_| ())
                .map_err(|e| failure("could not add the card's styles", &e))
        }
    }
}

fn failure(what: &str, error: &wasm_bindgen::JsValue) -> Problem {
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
