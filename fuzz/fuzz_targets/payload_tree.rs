//! Validation on arbitrary JSON trees: the shape the widget hands the model after the browser's
//! `JSON.parse`. The tree is built from the fuzzer's bytes, biased towards the payload's own
//! member names and towards values near each rule's edge, so that mutations reach deep into
//! validation instead of stopping at "must be an object".
#![no_main]

use arbitrary::{Result, Unstructured};
use article_card::model::Json;
use libfuzzer_sys::fuzz_target;

const KEYS: &[&str] = &[
    "version", "id", "lang", "headline", "dek", "byline", "published", "updated", "source",
    "name", "url", "quote", "text", "attribution", "image", "src", "alt", "width", "height",
    "sections", "title", "body", "open", "", "__proto__", "constructor",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "\u{a0}\u{2028}",
    "Headline",
    "why-this-matters",
    "Why--This",
    "東京の未来",
    "en-GB",
    "zh-Hant",
    "ar",
    "x-",
    "2026-11-29T08:00:00Z",
    "2026-11-29T09:00:00+01:00",
    "2026-02-30T08:00:00Z",
    "9999-12-31T23:59:60-23:59",
    "https://example.com/story",
    "HTTPS://EXAMPLE.COM",
    "https://",
    "http://a@:80/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//cdn.example/a.jpg",
    "/img/a.jpg",
    "https://example.com/\u{202e}gpj.exe",
    "https://exa\u{200b}mple.com/",
    "<script>alert(1)</script>",
    "- item\n- item\n\npara",
    "-\n-\n- ",
    "\r\n\r\n",
];

fn string(u: &mut Unstructured) -> Result<String> {
    match u.int_in_range(0u8..=3)? {
        0 | 1 => Ok((*u.choose(STRINGS)?).to_owned()),
        2 => {
            // Near and over the length limits.
            let base = *u.choose(&["a", "é", "東", "👍", " ", "-", "\n"])?;
            let count = u.int_in_range(0usize..=20_100)?;
            Ok(base.repeat(count))
        }
        _ => u.arbitrary(),
    }
}

fn number(u: &mut Unstructured) -> Result<f64> {
    Ok(match u.int_in_range(0u8..=2)? {
        0 => *u.choose(&[
            0.0, 1.0, 2.0, -1.0, 1.5, 1e-300, 10_000.0, 10_001.0, 4_294_967_296.0, f64::MAX,
            f64::MIN_POSITIVE, -0.0,
        ])?,
        1 => f64::from(u.arbitrary::<i32>()?),
        // Includes NaN and the infinities, which JSON cannot express but a tree can hold.
        _ => u.arbitrary()?,
    })
}

fn value(u: &mut Unstructured, depth: usize) -> Result<Json> {
    // Deeper than the payload's nesting limit (32) now and then, to exercise the depth check.
    let leaf_only = depth >= 40 || u.is_empty();
    let pick = if leaf_only { u.int_in_range(0u8..=4)? } else { u.int_in_range(0u8..=8)? };
    Ok(match pick {
        0 => Json::Null,
        1 => Json::Bool(u.arbitrary()?),
        2 => Json::Number(number(u)?),
        3 | 4 => Json::String(string(u)?),
        5 | 6 => {
            let len = u.int_in_range(0usize..=16)?;
            let mut items = Vec::with_capacity(len);
            for _ in 0..len {
                items.push(value(u, depth + 1)?);
            }
            Json::Array(items)
        }
        _ => {
            let len = u.int_in_range(0usize..=14)?;
            let mut members = Vec::with_capacity(len);
            for _ in 0..len {
                let key = if u.ratio(7u8, 8u8)? { (*u.choose(KEYS)?).to_owned() } else { u.arbitrary()? };
                members.push((key, value(u, depth + 1)?));
            }
            Json::Object(members)
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    // Mostly objects at the top, as real payloads are.
    let doc = if u.ratio(1u8, 8u8).unwrap_or(false) {
        value(&mut u, 1)
    } else {
        let mut members = Vec::new();
        while !u.is_empty() && members.len() < 24 {
            let key = match u.choose(KEYS) {
                Ok(key) => (*key).to_owned(),
                Err(_) => break,
            };
            match value(&mut u, 2) {
                Ok(v) => members.push((key, v)),
                Err(_) => break,
            }
        }
        Ok(Json::Object(members))
    };
    let Ok(doc) = doc else {
        return;
    };
    let result = article_card::model::article_from_json(&doc);
    article_card_fuzz::check_result(&result);
});
