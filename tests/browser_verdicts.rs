//! One payload, one verdict (issue 15, defect 3), in the widget: every case of the shared
//! table `tests/e2e/corpus/verdicts.json` through the widget's own parse (`JSON.parse`, then
//! the model), both as inline text reaches it and as `Response.text()` decodes a fetched
//! payload. `tests/payload_validation.rs` runs the same table through the command line's
//! reader, so the two cannot disagree on a lone surrogate or a byte-order mark again.
#![cfg(target_arch = "wasm32")]

use article_card::embed::parse_payload;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

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

/// The widget's verdict on payload text, in the table's terms.
fn check(case: &Case, text: &str, way: &str) {
    let about = &case.about;
    match (parse_payload(text), &case.headline, &case.problem) {
        (Ok(article), Some(headline), None) => {
            assert_eq!(&*article.headline, headline.as_str(), "{way}: {about}")
        }
        (Err(problems), None, Some(problem)) => {
            let first = problems[0].to_string();
            assert!(
                first.starts_with(problem.as_str()),
                "{way}: {about}: {first}"
            );
        }
        (result, _, _) => panic!("{way}: {about}: {:?}", result.map(|a| a.headline.clone())),
    }
}

/// The text a fetched payload of these bytes reaches the card as: its body decoded by
/// `Response.text()`, which drops a leading byte-order mark.
async fn fetched_text(payload: &str) -> String {
    let response = web_sys::Response::new_with_opt_str(Some(payload)).unwrap();
    JsFuture::from(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
async fn issue15_inline_src_and_cli_give_one_verdict() {
    let cases = cases();
    assert!(cases.len() >= 10);
    for case in &cases {
        check(case, &case.payload, "inline");
        check(case, &fetched_text(&case.payload).await, "src");
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
