//! Helpers shared by the browser tests: mount into a fresh element, wait for Yew, query.
#![allow(dead_code)] // each test file uses its own subset

use std::rc::Rc;

use article_card::embed::Card;
use article_card::model::{Article, Problem};
use article_card::view::{CardRoot, CardRootProps, CardState};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

pub const SEED: &str = include_str!("../../fixtures/seed-anthropic-recall.json");
pub const GARAGES: &str = include_str!("../../fixtures/garages-to-homes.json");

pub fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A fresh element attached to `<body>`, for one test to render into.
pub fn fresh_host(tag: &str) -> HtmlElement {
    let host: HtmlElement = document().create_element(tag).unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    host
}

/// A fresh host element holding `json` as its inline payload.
pub fn with_inline_payload(json: &str) -> HtmlElement {
    let host = fresh_host("div");
    let script = document().create_element("script").unwrap();
    script.set_attribute("type", "application/json").unwrap();
    script.set_text_content(Some(json));
    host.append_child(&script).unwrap();
    host
}

pub fn shadow(host: &HtmlElement) -> web_sys::ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

pub fn article(json: &str) -> Rc<Article> {
    Rc::new(article_card::embed::parse_payload(json).expect("a valid fixture"))
}

pub fn problems(json: &str) -> Vec<Problem> {
    article_card::embed::parse_payload(json).expect_err("an invalid payload")
}

/// A card in `host`, from its `src` attribute or inline JSON, as the loader makes one for an
/// element with no `payload` property. Dropping it is what the element's disconnect does.
pub fn connect(host: &HtmlElement) -> Card {
    Card::new(host.clone(), JsValue::UNDEFINED, fetcher())
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
// The loader's payload fetcher, as the card calls it (src/embed/fetch.rs), in its plainest form:
// these tests are about what the card does with each outcome. The loader's own fetching (early
// requests, streaming limits, stalls) is tested end to end in tests/e2e/faults.test.mjs.
export function fetcher() {
  return async (host, url, timeout, revalidate, max, signal) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, timeout);
    signal.addEventListener('abort', () => controller.abort());
    try {
      const response = await fetch(url, { signal: controller.signal, cache: revalidate ? 'no-cache' : 'default' });
      if (!response.ok) return ['status', response.status, response.statusText];
      const bytes = new Uint8Array(await response.arrayBuffer());
      return bytes.length > max ? ['large'] : bytes;
    } catch {
      return timedOut ? ['timeout', timeout] : signal.aborted ? ['cancelled'] : ['network'];
    } finally {
      clearTimeout(timer);
    }
  };
}
"#)]
extern "C" {
    /// A payload fetcher for cards made without the loader.
    pub fn fetcher() -> js_sys::Function;
}

/// Mounts the card view directly (no shadow root) and waits for the first render.
pub async fn mount(state: CardState) -> (HtmlElement, AppHandle<CardRoot>) {
    let host = fresh_host("div");
    let app = yew::Renderer::<CardRoot>::with_root_and_props(
        host.clone().into(),
        CardRootProps {
            state,
            options: Default::default(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    (host, app)
}

pub fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector:?}"))
        .unchecked_into()
}

pub fn all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

/// Waits, without a fixed sleep, until `ready` holds (checking every animation-frame-ish tick),
/// failing after `max_ms`.
pub async fn wait_until(max_ms: u32, mut ready: impl FnMut() -> bool) {
    let mut waited = 0;
    while !ready() {
        assert!(waited < max_ms, "condition not met within {max_ms} ms");
        gloo_timers::future::TimeoutFuture::new(10).await;
        waited += 10;
    }
}

/// A cancelable, bubbling, composed `click` dispatched at `el`, as a reader's would be (but not
/// a mouse event, so it activates nothing); `false` if a listener cancelled it.
pub fn click(el: &Element) -> bool {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    let event = web_sys::CustomEvent::new_with_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&event).unwrap()
}
