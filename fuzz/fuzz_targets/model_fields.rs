//! The model's small parsers one at a time, each with the property it promises: slugs, dates,
//! language tags, URLs and section bodies. The first byte picks the function; the rest is its
//! input.
#![no_main]

use article_card::model::body::parse_body;
use article_card::model::lang::is_language_tag;
use article_card::model::slug::{is_slug, slugify};
use article_card::model::url::{invisible_char, has_space_or_control, is_http_url, is_relative};
use article_card::model::Timestamp;
use article_card::view::labels::EN;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    match which % 6 {
        0 => {
            let max = usize::from(which / 6) + 1;
            let slug = slugify(text, max);
            assert!(slug.is_empty() || is_slug(&slug), "slugify({text:?}) = {slug:?}");
            assert!(slug.chars().count() <= max, "slugify({text:?}, {max}) = {slug:?}");
        }
        1 => {
            if let Some(ts) = Timestamp::parse(text) {
                assert_eq!(ts.text, text);
                assert!((1..=12).contains(&ts.month) && (1..=31).contains(&ts.day), "{ts:?}");
                let _ = ts.unix_seconds();
                let _ = EN.date(ts.year, ts.month, ts.day);
            }
        }
        2 => {
            if is_language_tag(text) {
                assert!(!text.is_empty() && text.is_ascii(), "lang {text:?}");
            }
        }
        3 => {
            if is_http_url(text) {
                let lower = text.to_ascii_lowercase();
                assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{text:?}");
            }
            if is_relative(text) {
                let scheme_end = text.find([':', '/', '?', '#']);
                assert!(
                    scheme_end.is_none_or(|at| !text[at..].starts_with(':')),
                    "relative URL with a scheme: {text:?}"
                );
            }
            let _ = has_space_or_control(text);
            if let Some(c) = invisible_char(text) {
                assert!(text.contains(c));
            }
        }
        4 => article_card_fuzz::check_body(&parse_body(text)),
        _ => {
            let _ = is_slug(text);
            let year = u16::from_le_bytes([rest.first().copied().unwrap_or(0), which]);
            let month = rest.get(1).copied().unwrap_or(0);
            let day = rest.get(2).copied().unwrap_or(0);
            let _ = EN.date(year, month, day);
        }
    }
});
