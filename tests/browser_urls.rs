//! Issue 15, defect 2, in the browser: the widget accepts exactly the URLs of
//! `tests/cases/urls.json` that the command line does (tests/urls.rs runs the same table
//! natively). The widget's answer comes from Chromium's own `URL`, the command line's from the
//! `url` crate; this table is what proves they agree.
#![cfg(target_arch = "wasm32")]

use article_card::embed::parse_payload;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CASES: &str = include_str!("cases/urls.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

/// The widget's verdict on `url` in `field`: `Ok` if accepted, else the problems' paths.
fn verdict(field: &str, url: &str) -> Result<(), Vec<String>> {
    let url = String::from(JSON::stringify(&JsValue::from_str(url)).unwrap());
    let (source, image) = match field {
        "link" => (url, String::new()),
        _ => (
            "\"https://example.com/\"".to_owned(),
            format!(r#","image": {{"src": {url}, "alt": "a", "width": 1, "height": 1}}"#),
        ),
    };
    let payload = format!(
        r#"{{"version": 1, "headline": "H", "source": {{"name": "S", "url": {source}}}{image}}}"#
    );
    parse_payload(&payload)
        .map(|_| ())
        .map_err(|problems| problems.into_iter().map(|p| p.path).collect())
}

#[wasm_bindgen_test]
fn issue15_defect2_the_url_table_holds_in_the_browser() {
    let doc = JSON::parse(CASES).unwrap();
    let cases: Array = get(&doc, "cases").into();
    assert!(cases.length() >= 60, "{} cases", cases.length());
    let mut wrong = Vec::new();
    for case in cases.iter() {
        let url = get(&case, "url").as_string().unwrap();
        for (field, path) in [("link", "source.url"), ("image", "image.src")] {
            let want = get(&case, field).as_bool().unwrap();
            match (verdict(field, &url), want) {
                (Ok(()), true) => {}
                (Err(paths), false) if paths == [path] => {}
                (got, _) => wrong.push(format!(
                    "{field} {url:?} ({:?}): want accepted={want}, got {got:?}",
                    get(&case, "why").as_string()
                )),
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
