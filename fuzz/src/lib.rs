//! What must hold for every input the fuzz targets produce: checks shared by the targets, so a
//! target fails not only on a panic but also when the model accepts something it promised to
//! refuse.

use article_card::model::limits::*;
use article_card::model::read::Span;
use article_card::model::slug::is_slug;
use article_card::model::url::{invisible_char, has_space_or_control, is_http_url, is_relative};
use article_card::model::{Article, Block, Json, Problem};

/// Checks a validation result: an accepted article keeps every promise of the payload
/// contract; a refusal names at least one problem, each with a path and a message.
pub fn check_result(result: &Result<Article, Vec<Problem>>) {
    match result {
        Ok(article) => check_article(article),
        Err(problems) => {
            assert!(!problems.is_empty(), "a refusal must name a problem");
            for problem in problems {
                assert!(!problem.path.is_empty(), "a problem without a path: {problem:?}");
                assert!(!problem.kind.to_string().is_empty(), "a problem without a message");
            }
        }
    }
}

/// Every guarantee of a validated [`Article`].
pub fn check_article(a: &Article) {
    text(&a.headline, MAX_HEADLINE);
    assert!(is_slug(&a.id) && a.id.chars().count() <= MAX_ID, "id {:?}", a.id);
    optional(&a.dek, MAX_DEK);
    optional(&a.byline, MAX_BYLINE);
    if let Some(lang) = &a.lang {
        text(lang, MAX_LANG);
        assert!(article_card::model::lang::is_language_tag(lang), "lang {lang:?}");
    }
    text(&a.source.name, MAX_NAME);
    link_url(&a.source.url);
    assert!(is_http_url(&a.source.url), "source.url {:?}", a.source.url);
    if let Some(quote) = &a.quote {
        text(&quote.text, MAX_QUOTE);
        optional(&quote.attribution, MAX_ATTRIBUTION);
    }
    if let (Some(p), Some(u)) = (&a.published, &a.updated) {
        assert!(u.unix_seconds() >= p.unix_seconds(), "updated before published");
    }
    for ts in [&a.published, &a.updated].into_iter().flatten() {
        assert!((1..=12).contains(&ts.month) && (1..=31).contains(&ts.day), "{ts:?}");
    }
    if let Some(image) = &a.image {
        link_url(&image.src);
        assert!(is_http_url(&image.src) || is_relative(&image.src), "image.src {:?}", image.src);
        assert!(image.alt.chars().count() <= MAX_ALT);
        for side in [image.width, image.height] {
            assert!((1..=MAX_IMAGE_SIDE).contains(&side), "image side {side}");
        }
    }
    assert!(a.sections.len() <= MAX_SECTIONS, "{} sections", a.sections.len());
    let mut ids = std::collections::HashSet::new();
    for section in &a.sections {
        assert!(is_slug(&section.id), "section id {:?}", section.id);
        let id: &str = &section.id;
        assert!(ids.insert(id), "duplicate section id {id:?}");
        text(&section.title, MAX_SECTION_TITLE);
        check_body(&section.body);
        assert!(!section.body.is_empty(), "a section with an empty body");
    }
}

/// Body blocks are never empty and never span lines.
pub fn check_body(blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => {
                assert!(!text.is_empty() && !text.contains('\n'), "paragraph {text:?}");
            }
            Block::List(items) => {
                assert!(!items.is_empty(), "an empty list");
                for item in items.iter() {
                    assert!(!item.is_empty() && !item.contains('\n'), "item {item:?}");
                }
            }
        }
    }
}

fn text(value: &str, max: usize) {
    assert!(!value.is_empty(), "an empty required text");
    assert_eq!(value, value.trim(), "untrimmed text {value:?}");
    assert!(value.chars().count() <= max, "over {max} characters");
}

fn optional<T: AsRef<str>>(value: &Option<T>, max: usize) {
    if let Some(value) = value {
        text(value.as_ref(), max);
    }
}

fn link_url(url: &str) {
    assert!(!has_space_or_control(url), "a URL with spaces or controls: {url:?}");
    assert!(invisible_char(url).is_none(), "a URL with an invisible character: {url:?}");
    assert!(url.chars().count() <= MAX_URL);
}

/// What the native reader records for a document it accepts: every span lies within the text
/// (a string's from quotation mark to quotation mark), and the spans mirror the tree, so that
/// `validate` can place each problem and `--fix` splice each repair.
pub fn check_spans(text: &str, json: &Json, span: &Span) {
    let Some(raw) = text.get(span.range.clone()) else {
        panic!("span {:?} outside the text or not on character boundaries", span.range);
    };
    match json {
        Json::String(_) => {
            assert!(raw.len() >= 2 && raw.starts_with('"') && raw.ends_with('"'), "{raw:?}");
        }
        Json::Array(items) => {
            assert_eq!(items.len(), span.items.len());
            for (item, item_span) in items.iter().zip(&span.items) {
                check_spans(text, item, item_span);
            }
        }
        Json::Object(members) => {
            assert_eq!(members.len(), span.items.len());
            for ((_, value), value_span) in members.iter().zip(&span.items) {
                check_spans(text, value, value_span);
            }
        }
        _ => assert!(span.items.is_empty()),
    }
}
