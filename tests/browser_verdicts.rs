//! One payload, one verdict (issue 15, defect 3), in the widget: every case of the shared
//! table `tests/e2e/corpus/verdicts.json` given to a card inline (a `<script
//! type="application/json">` child) and by `src` (fetched, from a blob of the payload's UTF-8
//! bytes), the verdict read from what the card shows. `tests/payload_validation.rs` runs the
//! same table through the command line's reader, so the two cannot disagree on a lone
//! surrogate or a byte-order mark again.
#![cfg(target_arch = "wasm32")]

mod common;

use article_card::embed::{parse_payload, ERROR_EVENT, READY_EVENT};
use common::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

const VERDICTS: &str = include_str!("e2e/corpus/verdicts.json");

struct Case {
    about: String,
    payload: String,
    /// Accepted, with this headline.
    headline: Option<String>,
    /// Refused, the first problem starting with this.
    problem: Option<String>,
}

fn field(object: &JsValue, name: &str) -> Option<String> {
    js_sys::Reflect::get(object, &JsValue::from_str(name))
        .unwrap()
        .as_string()
}

fn cases() -> Vec<Case> {
    let corpus = js_sys::JSON::parse(VERDICTS).unwrap();
    let cases = js_sys::Reflect::get(&corpus, &JsValue::from_str("cases")).unwrap();
    js_sys::Array::from(&cases)
        .iter()
        .map(|case| Case {
            about: field(&case, "about").unwrap(),
            payload: field(&case, "payload").unwrap(),
            headline: field(&case, "headline"),
            problem: field(&case, "problem"),
        })
        .collect()
}

/// What the card at `host` shows once it has settled: `Ok(headline)` or `Err(first problem)`.
async fn verdict(host: HtmlElement) -> Result<String, String> {
    // Listening before connecting: a card with inline JSON may settle during `connect`.
    let settled = js_sys::Promise::new(&mut |resolve, _| {
        for event in [READY_EVENT, ERROR_EVENT] {
            host.add_event_listener_with_callback(event, &resolve)
                .unwrap();
        }
    });
    let card = connect(&host);
    JsFuture::from(settled).await.unwrap();
    yew::scheduler::flush().await;
    let root = shadow(&host);
    let shown = match host.get_attribute("data-state").as_deref() {
        Some("ready") => Ok(text(&one(
            &root.first_element_child().unwrap(),
            ".card__headline",
        ))),
        state => Err(root
            .query_selector(".card-error__details li")
            .unwrap()
            .map(|item| text(&item))
            .unwrap_or_else(|| format!("no problem shown, state {state:?}"))),
    };
    drop(card);
    shown
}

/// A URL that serves `payload` as UTF-8 bytes, for a card's `src`.
fn blob_url(payload: &str) -> String {
    let make = js_sys::Function::new_with_args(
        "text",
        "return URL.createObjectURL(new Blob([text], { type: 'application/json' }))",
    );
    make.call1(&JsValue::NULL, &JsValue::from_str(payload))
        .unwrap()
        .as_string()
        .unwrap()
}

fn check(case: &Case, shown: Result<String, String>, way: &str) {
    let about = &case.about;
    match (shown, &case.headline, &case.problem) {
        (Ok(headline), Some(expected), None) => assert_eq!(&headline, expected, "{way}: {about}"),
        (Err(first), None, Some(expected)) => {
            assert!(
                first.starts_with(expected.as_str()),
                "{way}: {about}: {first}"
            )
        }
        (shown, _, _) => panic!("{way}: {about}: {shown:?}"),
    }
}

#[wasm_bindgen_test]
async fn issue15_inline_src_and_cli_give_one_verdict() {
    let cases = cases();
    assert!(cases.len() >= 10);
    for case in &cases {
        let inline = verdict(with_inline_payload(&case.payload)).await;
        check(case, inline, "inline");
        let fetched = fresh_host("div");
        fetched
            .set_attribute("src", &blob_url(&case.payload))
            .unwrap();
        check(case, verdict(fetched).await, "src");
    }
}

#[wasm_bindgen_test]
fn issue15_a_lone_surrogate_shows_as_the_replacement_character() {
    let article = parse_payload(
        r#"{"version": 1, "headline": "H", "dek": "x\udfffy", "source": {"name": "S\ud800", "url": "https://example.com/"}}"#,
    )
    .unwrap();
    assert_eq!(article.dek.as_deref(), Some("x\u{FFFD}y"));
    assert_eq!(&*article.source.name, "S\u{FFFD}");
}
