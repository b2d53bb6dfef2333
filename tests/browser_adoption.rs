//! Issue 15, defect 1: a card moved into another document (a same-origin iframe here; a Document
//! Picture-in-Picture window is the same case) renders there, styled, and renders again when
//! moved back. The custom element's callbacks disconnect and connect the card on each move;
//! these tests make the same calls. tests/e2e/robustness.test.mjs moves the real element.
#![cfg(target_arch = "wasm32")]

mod common;

use article_card::embed::Card;
use common::*;
use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Document, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const PAYLOAD: &str = r#"{"version": 1, "id": "moved", "headline": "Moved",
    "source": {"name": "S", "url": "https://example.com/"}}"#;

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// A same-origin iframe's document. Its objects belong to another window, so they are cast
/// without an `instanceof` check.
fn iframe_document() -> Document {
    let iframe = document().create_element("iframe").unwrap();
    document().body().unwrap().append_child(&iframe).unwrap();
    get(&iframe, "contentDocument").unchecked_into()
}

/// Moves `host` into `to` the way a page would (`adoptNode`, then append), reconnecting it.
fn move_card(card: Card, host: &HtmlElement, to: &Document) -> Card {
    drop(card);
    let adopted = to.adopt_node(host).unwrap();
    to.body().unwrap().append_child(&adopted).unwrap();
    connect(host)
}

/// Whether the card is rendered in `doc` with its stylesheet applied there.
async fn rendered_and_styled(host: &HtmlElement, doc: &Document) -> bool {
    yew::scheduler::flush().await;
    let Some(root) = host.shadow_root() else {
        return false;
    };
    let Ok(Some(hidden)) = root.query_selector(".visually-hidden") else {
        return false;
    };
    let window = get(doc, "defaultView");
    let get_style: js_sys::Function = get(&window, "getComputedStyle").unchecked_into();
    let style = get_style.call1(&window, &hidden).unwrap();
    host.get_attribute("data-state").as_deref() == Some("ready")
        && get(&style, "position").as_string().as_deref() == Some("absolute")
}

#[wasm_bindgen_test]
async fn issue15_defect1_a_card_moved_into_an_iframe_renders_there_and_back() {
    let host = with_inline_payload(PAYLOAD);
    let card = connect(&host);
    assert!(rendered_and_styled(&host, &document()).await, "in the page");

    let frame = iframe_document();
    let card = move_card(card, &host, &frame);
    assert!(rendered_and_styled(&host, &frame).await, "in the iframe");

    let card = move_card(card, &host, &document());
    assert!(
        rendered_and_styled(&host, &document()).await,
        "back in the page"
    );
    drop(card);
}

#[wasm_bindgen_test]
async fn cards_in_one_document_share_one_sheet() {
    let frame = iframe_document();
    let (a, b) = (with_inline_payload(PAYLOAD), with_inline_payload(PAYLOAD));
    let (card_a, card_b) = (connect(&a), connect(&b));
    let cards = [move_card(card_a, &a, &frame), move_card(card_b, &b, &frame)];
    assert!(rendered_and_styled(&a, &frame).await && rendered_and_styled(&b, &frame).await);
    let sheet = |host: &HtmlElement| {
        get(
            &get(&host.shadow_root().unwrap(), "adoptedStyleSheets"),
            "0",
        )
    };
    assert!(
        !sheet(&a).is_undefined(),
        "a constructed sheet, not a <style> element"
    );
    assert!(sheet(&a) == sheet(&b), "one sheet for the iframe's cards");
    let page_host = with_inline_payload(PAYLOAD);
    let page_card = connect(&page_host);
    assert!(sheet(&a) != sheet(&page_host), "another for the page's");
    drop((cards, page_card));
}
