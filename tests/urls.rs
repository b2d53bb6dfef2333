//! Issue 15, defect 2: the command line accepts exactly the URLs the browser can parse. Every
//! case of `tests/cases/urls.json` goes through the whole validator, as `source.url` and as
//! `image.src`; `tests/browser_urls.rs` runs the same table in Chromium, so the two agree.
#![cfg(not(target_arch = "wasm32"))]

use article_card::model::article_from_str;
use serde_json::{json, Value};

const CASES: &str = include_str!("cases/urls.json");

/// The card's verdict on `url` in `field`: `Ok` if accepted, else the problems' paths.
fn verdict(field: &str, url: &str) -> Result<(), Vec<String>> {
    let mut payload = json!({
        "version": 1,
        "headline": "H",
        "source": { "name": "S", "url": "https://example.com/" },
    });
    match field {
        "link" => payload["source"]["url"] = json!(url),
        _ => payload["image"] = json!({ "src": url, "alt": "a", "width": 1, "height": 1 }),
    }
    article_from_str(&payload.to_string())
        .map(|_| ())
        .map_err(|problems| problems.iter().map(|p| p.path.clone()).collect())
}

#[test]
fn issue15_defect2_the_url_table_holds_natively() {
    let doc: Value = serde_json::from_str(CASES).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let mut wrong = Vec::new();
    for case in cases {
        let url = case["url"].as_str().unwrap();
        for (field, path) in [("link", "source.url"), ("image", "image.src")] {
            let want = case[field].as_bool().unwrap();
            match (verdict(field, url), want) {
                (Ok(()), true) => {}
                (Err(paths), false) if paths == [path] => {}
                (got, _) => wrong.push(format!(
                    "{field} {url:?} ({}): want accepted={want}, got {got:?}",
                    case["why"]
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
