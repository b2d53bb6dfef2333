//! The embedding glue in a real browser: shadow root, payload sources, teardown, failures.
#![cfg(target_arch = "wasm32")]

mod common;

use article_card::embed::{Card, LINK_EVENT};
use common::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn inline_payload_renders_in_the_shadow_root_with_shared_styles() {
    let host = with_inline_payload(SEED);
    let card = connect(&host);
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    let root = shadow(&host);
    let headline = root
        .query_selector("h2.card__headline")
        .unwrap()
        .expect("headline");
    assert!(text(&headline).starts_with("Anthropic’s safety warnings"));
    // Styles are adopted, not injected as elements or attributes.
    assert_eq!(root.adopted_style_sheets().length(), 1);
    assert!(root.query_selector("style, [style]").unwrap().is_none());
    // Nothing leaked into the light DOM.
    assert!(host.query_selector("article").unwrap().is_none());
    drop(card);
}

#[wasm_bindgen_test]
async fn many_cards_share_one_stylesheet_and_tear_down_cleanly() {
    let hosts: Vec<HtmlElement> = (0..5).map(|_| with_inline_payload(GARAGES)).collect();
    let cards: Vec<Card> = hosts.iter().map(connect).collect();
    yew::scheduler::flush().await;
    let first = shadow(&hosts[0]).adopted_style_sheets().get(0);
    for host in &hosts {
        assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
        assert_eq!(
            shadow(host).adopted_style_sheets().get(0),
            first,
            "one sheet object for all cards"
        );
    }
    for (host, card) in hosts.iter().zip(cards) {
        drop(card);
        yew::scheduler::flush().await;
        assert_eq!(
            shadow(host).child_element_count(),
            0,
            "the card's DOM is gone"
        );
    }
}

#[wasm_bindgen_test]
async fn reconnecting_renders_a_fresh_card() {
    let host = with_inline_payload(SEED);
    let card = connect(&host);
    yew::scheduler::flush().await;
    drop(card);
    let card = connect(&host);
    yew::scheduler::flush().await;
    assert_eq!(
        shadow(&host)
            .query_selector_all("article.card")
            .unwrap()
            .length(),
        1
    );
    drop(card);
}

#[wasm_bindgen_test]
async fn one_broken_card_leaves_the_others_working() {
    let good = with_inline_payload(SEED);
    let bad_json = with_inline_payload("{ not json");
    let empty = fresh_host("div");
    let cards = [connect(&good), connect(&bad_json), connect(&empty)];
    yew::scheduler::flush().await;

    assert_eq!(
        bad_json.get_attribute("data-state").as_deref(),
        Some("error")
    );
    let items = shadow(&bad_json)
        .query_selector_all(".card-error__details li")
        .unwrap();
    assert_eq!(items.length(), 1);
    assert!(text(&items.get(0).unwrap().unchecked_into()).starts_with("payload: is not valid JSON"));

    assert_eq!(empty.get_attribute("data-state").as_deref(), Some("error"));
    let message = text(
        &shadow(&empty)
            .query_selector(".card-error__details li")
            .unwrap()
            .unwrap(),
    );
    assert!(
        message.starts_with("payload: no payload: give the element a src attribute"),
        "{message}"
    );

    let button: HtmlElement = shadow(&good)
        .query_selector("button.section__toggle")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    drop(cards);
}

#[wasm_bindgen_test]
async fn a_payload_attribute_names_the_fix_unless_something_else_supplies_the_card() {
    // What React 19 and Vue write on an element that is not defined yet.
    let only = fresh_host("div");
    let inline = with_inline_payload(SEED);
    let object = fresh_host("div");
    for host in [&only, &inline, &object] {
        host.set_attribute("payload", "[object Object]").unwrap();
    }
    let payload = js_sys::JSON::parse(GARAGES).unwrap();
    let cards = [
        connect(&only),
        connect(&inline),
        Card::new(object.clone(), payload, fetcher()),
    ];
    yew::scheduler::flush().await;

    assert_eq!(only.get_attribute("data-state").as_deref(), Some("error"));
    let items = shadow(&only)
        .query_selector_all(".card-error__details li")
        .unwrap();
    let lines: Vec<String> = (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|item| text(&item.unchecked_into()))
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("payload: was set as an attribute")
            && lines[0].contains("payload property")
            && lines[0].contains(":payload.prop"),
        "{lines:?}"
    );
    // An inline payload or the property wins: the attribute is only ever a hint.
    assert_eq!(inline.get_attribute("data-state").as_deref(), Some("ready"));
    assert_eq!(object.get_attribute("data-state").as_deref(), Some("ready"));
    drop(cards);
}

#[wasm_bindgen_test]
async fn a_failed_fetch_shows_its_status() {
    let host = fresh_host("div");
    host.set_attribute("src", "/no-such-card.json").unwrap();
    let card = connect(&host);
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("loading"));
    wait_until(10_000, || {
        host.get_attribute("data-state").as_deref() == Some("error")
    })
    .await;
    yew::scheduler::flush().await;
    let item = text(
        &shadow(&host)
            .query_selector(".card-error__details li")
            .unwrap()
            .unwrap(),
    );
    assert!(
        item.starts_with("src: could not load /no-such-card.json: HTTP 404"),
        "{item}"
    );
    drop(card);
}

#[wasm_bindgen_test]
async fn removing_a_card_mid_fetch_cancels_it_quietly() {
    let host = fresh_host("div");
    host.set_attribute("src", "/no-such-card.json").unwrap();
    let card = connect(&host);
    drop(card);
    // Give the aborted fetch time to settle; the card must stay torn down.
    gloo_timers::future::TimeoutFuture::new(200).await;
    assert_eq!(shadow(&host).child_element_count(), 0);
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("loading"));
}

#[wasm_bindgen_test]
async fn a_payload_object_wins_over_inline_json_and_gets_the_same_checks() {
    use wasm_bindgen::JsValue;

    // Inline JSON is the seed; the object given wins.
    let host = with_inline_payload(SEED);
    let object = js_sys::JSON::parse(GARAGES).unwrap();
    let card = Card::new(host.clone(), object, fetcher());
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    let headline = shadow(&host)
        .query_selector("h2.card__headline")
        .unwrap()
        .expect("headline");
    assert!(
        text(&headline).starts_with("Council votes"),
        "{}",
        text(&headline)
    );
    drop(card);

    // `null` means none: the inline JSON shows.
    let card = Card::new(host.clone(), JsValue::NULL, fetcher());
    yew::scheduler::flush().await;
    let headline = shadow(&host)
        .query_selector("h2.card__headline")
        .unwrap()
        .expect("headline");
    assert!(text(&headline).starts_with("Anthropic"));
    drop(card);

    // A cycle cannot be JSON: an error with its path, not an exception.
    let cyclic = js_sys::Object::new();
    js_sys::Reflect::set(&cyclic, &"self".into(), &cyclic).unwrap();
    let card = Card::new(host.clone(), cyclic.into(), fetcher());
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    let problems = text(
        &shadow(&host)
            .query_selector("details")
            .unwrap()
            .expect("details"),
    );
    assert!(
        problems.contains("payload: is not valid JSON"),
        "{problems}"
    );
    drop(card);
}

#[wasm_bindgen_test]
async fn a_payload_object_too_large_or_not_json_is_refused_before_it_is_copied() {
    use wasm_bindgen::JsValue;

    let memory = || {
        wasm_bindgen::memory()
            .unchecked_into::<js_sys::WebAssembly::Memory>()
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length()
    };
    // 4 MiB of text in one field: refused by its length, without copying it into wasm memory.
    let big = js_sys::Object::new();
    let long = JsValue::from(js_sys::JsString::from("x").repeat(4 << 20));
    js_sys::Reflect::set(&big, &"headline".into(), &long).unwrap();
    let host = fresh_host("article-card");
    let before = memory();
    let card = Card::new(host.clone(), big.into(), fetcher());
    yew::scheduler::flush().await;
    assert!(
        memory() - before < 1 << 20,
        "wasm memory grew by {}",
        memory() - before
    );
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    let problems = text(
        &shadow(&host)
            .query_selector("details")
            .unwrap()
            .expect("details"),
    );
    assert!(problems.contains("payload: "), "{problems}");
    assert!(problems.contains("262144"), "{problems}");
    drop(card);

    // A function is not JSON: a problem, not an exception.
    let function = js_sys::Function::new_no_args("return 1");
    let card = Card::new(host.clone(), function.into(), fetcher());
    yew::scheduler::flush().await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    drop(card);
}

#[wasm_bindgen_test]
async fn links_are_named_by_their_address_and_the_page_may_cancel_them() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use wasm_bindgen::closure::Closure;
    use web_sys::{CustomEvent, Event};

    let host = with_inline_payload(GARAGES);
    let card = Rc::new(connect(&host));
    yew::scheduler::flush().await;
    let root = shadow(&host);
    // What the loader does: a click on a link in the shadow root goes to the card, which may
    // say to cancel it.
    let forward = {
        let card = card.clone();
        Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            let target: web_sys::Element = event.target().unwrap().unchecked_into();
            let Some(link) = target.closest("a[href]").unwrap() else {
                return;
            };
            if !card.followed(link) {
                event.prevent_default();
            }
        })
    };
    root.add_event_listener_with_callback("click", forward.as_ref().unchecked_ref())
        .unwrap();
    // The page hears every link, and cancels those while `cancel` holds.
    let heard: Rc<RefCell<Vec<String>>> = Rc::default();
    let cancel = Rc::new(std::cell::Cell::new(true));
    let listener = {
        let (heard, cancel) = (heard.clone(), cancel.clone());
        Closure::<dyn FnMut(CustomEvent)>::new(move |event: CustomEvent| {
            let detail = event.detail();
            let field = |name: &str| {
                let value = js_sys::Reflect::get(&detail, &name.into()).unwrap();
                value.as_string().unwrap_or_else(|| format!("{value:?}"))
            };
            heard.borrow_mut().push(format!(
                "{} {} {} {}",
                field("id"),
                field("link"),
                field("section"),
                field("href")
            ));
            if cancel.get() {
                event.prevent_default();
            }
        })
    };
    document()
        .add_event_listener_with_callback(LINK_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();

    let full_story = root.query_selector("a.card__link").unwrap().unwrap();
    let section_link = root.query_selector("a.section__link").unwrap().unwrap();
    assert!(!click(&full_story), "cancelled by the page");
    assert!(!click(&section_link), "cancelled by the page");
    // Not links: the card says nothing.
    click(
        &root
            .query_selector("button.section__toggle")
            .unwrap()
            .unwrap(),
    );
    click(&root.query_selector(".card__headline").unwrap().unwrap());
    let page = web_sys::window().unwrap().location().href().unwrap();
    let page = page.split('#').next().unwrap();
    assert_eq!(
        heard.borrow_mut().drain(..).collect::<Vec<_>>(),
        [
            "garages-to-homes full-story JsValue(null) https://example.com/news/2026/11/car-parks-to-homes"
                .to_owned(),
            format!("garages-to-homes section why {page}#garages-to-homes--why"),
        ]
    );
    cancel.set(false);
    assert!(click(&full_story), "followed when nobody cancels");

    document()
        .remove_event_listener_with_callback(LINK_EVENT, listener.as_ref().unchecked_ref())
        .unwrap();
    root.remove_event_listener_with_callback("click", forward.as_ref().unchecked_ref())
        .unwrap();
}
