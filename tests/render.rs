//! Server-side rendering: snapshots of what `article-card render` writes for the fixtures, the
//! escaping that keeps hostile payloads inert, the structured data, and folder rendering with
//! its skipping of unchanged files.
//!
//! Snapshots live in tests/snapshots/render/ with the card's stylesheet replaced by a marker (it
//! is styles/card.css, minified, and would make every CSS change a snapshot change);
//! `UPDATE_SNAPSHOTS=1 cargo test --test render` rewrites them.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{assert_snapshot, copy_fixture, read, temp_dir};

use article_card::model::article_from_str;
use article_card::render::batch::{recorded_fingerprint, render_dir, BatchOptions, Failure};
use article_card::render::{json_ld, minify_css, render_payload, RenderOptions, CARD_CSS};

const CSS_MARKER: &str = "/* styles/card.css, minified */";

fn mask_css(html: &str) -> String {
    html.replace(&minify_css(CARD_CSS), CSS_MARKER)
}

fn render(text: &str, options: &RenderOptions) -> String {
    render_payload(text, options).unwrap_or_else(|p| panic!("{p:?}"))
}

fn standalone() -> RenderOptions {
    RenderOptions {
        standalone: true,
        bundle_url: Some("/article-card/article-card.js".into()),
        fingerprint: None,
    }
}

#[test]
fn snapshots_of_the_fixtures() {
    for name in ["seed-anthropic-recall", "garages-to-homes"] {
        let html = render(
            &read(format!("fixtures/{name}.json")),
            &RenderOptions::default(),
        );
        assert!(html.contains(CSS_MARKER) || html.contains(&minify_css(CARD_CSS)));
        assert_snapshot("render", &format!("{name}.html"), &mask_css(&html));
    }
    let page = render(&read("fixtures/seed-anthropic-recall.json"), &standalone());
    assert_snapshot(
        "render",
        "seed-anthropic-recall.standalone.html",
        &mask_css(&page),
    );
}

#[test]
fn rendering_is_deterministic() {
    let text = read("fixtures/garages-to-homes.json");
    assert_eq!(render(&text, &standalone()), render(&text, &standalone()));
}

#[test]
fn the_card_element_has_a_declarative_shadow_root_the_payload_and_json_ld() {
    let html = render(
        &read("fixtures/seed-anthropic-recall.json"),
        &RenderOptions::default(),
    );
    assert!(html.starts_with("<article-card>\n<template shadowrootmode=\"open\"><style>"));
    assert!(html.ends_with("</script>\n</article-card>\n"));
    assert_eq!(html.matches("<template").count(), 1);
    assert!(
        html.contains("</style><noscript><style>"),
        "sections open without scripting"
    );
    assert!(html.contains("<div class=\"root\"><article part=\"card\" lang=\"en\" dir=\"ltr\""));
    // The payload the widget reads is the fixture, compacted.
    let inline = between(&html, "<script type=\"application/json\">", "</script>");
    let original: serde_json::Value =
        serde_json::from_str(&read("fixtures/seed-anthropic-recall.json")).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(inline).unwrap(),
        original
    );
    assert!(!inline.contains('\n'));
    let ld: serde_json::Value = serde_json::from_str(between(
        &html,
        "<script type=\"application/ld+json\">",
        "</script>",
    ))
    .unwrap();
    assert_eq!(ld["@type"], "AnalysisNewsArticle");
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap() + start.len();
    let to = from + text[from..].find(end).unwrap();
    &text[from..to]
}

#[test]
fn hostile_text_stays_text() {
    let payload = serde_json::json!({
        "version": 1,
        "headline": "</script><script>alert(1)</script><!-- & -->",
        "dek": "\"quoted\" & 'single' <b>bold</b> \u{2028}",
        "source": { "name": "<img src=x onerror=alert(1)>", "url": "https://example.com/?a=1&b=\"2\"" },
        "sections": [{ "title": "</template></article-card><script>alert(2)</script>", "body": "- <li>\n\n</style>" }]
    })
    .to_string();
    for options in [RenderOptions::default(), standalone()] {
        let html = render(&payload, &options);
        assert_eq!(
            html.matches("</script>").count(),
            2 + usize::from(options.standalone),
            "{html}"
        );
        assert_eq!(
            html.matches("<script").count(),
            2 + usize::from(options.standalone)
        );
        assert_eq!(html.matches("</template>").count(), 1);
        assert_eq!(html.matches("</article-card>").count(), 1);
        // The card's, the no-script one, and a standalone page's own.
        assert_eq!(
            html.matches("</style>").count(),
            2 + usize::from(options.standalone)
        );
        assert!(!html.contains("<!--"), "no comment can open");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
        // The inline payload still reads back as the same document.
        let inline = between(&html, "<script type=\"application/json\">", "</script>");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(inline).unwrap(),
            serde_json::from_str::<serde_json::Value>(&payload).unwrap()
        );
    }
    let page = render(&payload, &standalone());
    assert!(
        page.contains("<title>&lt;/script&gt;"),
        "the title is escaped"
    );
    assert!(page.contains("content=\"&quot;quoted&quot; &amp; &#39;single&#39; &lt;b&gt;"));
}

#[test]
fn json_ld_for_news_and_analysis() {
    let garages = article_from_str(&read("fixtures/garages-to-homes.json")).unwrap();
    let ld = json_ld(&garages);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "AnalysisNewsArticle");
    assert_eq!(ld["headline"], &*garages.headline);
    assert_eq!(ld["description"], garages.dek.as_deref().unwrap());
    assert_eq!(ld["inLanguage"], "en-GB");
    assert_eq!(ld["datePublished"], "2026-11-27T18:30:00Z");
    assert_eq!(ld["dateModified"], "2026-11-28T09:15:00+00:00");
    assert_eq!(ld["creditText"], "Priya Raman, local democracy reporter");
    assert_eq!(ld["identifier"], "garages-to-homes");
    assert_eq!(
        ld["isBasedOn"],
        serde_json::json!({
            "@type": "NewsArticle",
            "url": "https://example.com/news/2026/11/car-parks-to-homes",
            "publisher": { "@type": "Organization", "name": "The Riverside Ledger" }
        })
    );
    let body = ld["articleBody"].as_str().unwrap();
    assert!(body.starts_with("Why This Matters\n\nHousing waiting lists"));
    assert!(body.contains(
        "- January: design competition opens\n- March: planning application for Mill Street"
    ));

    let plain = article_from_str(
        r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://s.example/a"},
            "image": {"src": "https://s.example/a.jpg", "alt": "", "width": 1200, "height": 675}}"#,
    )
    .unwrap();
    let ld = json_ld(&plain);
    assert_eq!(ld["@type"], "NewsArticle");
    assert!(
        ld.get("description").is_none()
            && ld.get("articleBody").is_none()
            && ld.get("inLanguage").is_none()
    );
    assert_eq!(
        ld["image"],
        serde_json::json!({ "@type": "ImageObject", "url": "https://s.example/a.jpg", "width": 1200, "height": 675 })
    );
}

#[test]
fn standalone_pages() {
    let page = render(&read("fixtures/garages-to-homes.json"), &standalone());
    assert!(page
        .starts_with("<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">"));
    assert!(page.contains("<title>Council votes to turn three city-centre car parks into 900 homes | The Riverside Ledger</title>"));
    assert!(
        page.contains("<script type=\"module\" src=\"/article-card/article-card.js\"></script>")
    );
    assert!(page.contains("<main>\n<article-card>"));
    let bare = render(
        &read("fixtures/garages-to-homes.json"),
        &RenderOptions {
            bundle_url: None,
            ..standalone()
        },
    );
    assert!(!bare.contains("type=\"module\""));
}

#[test]
fn invalid_payloads_are_not_rendered() {
    let problems = render_payload(
        &read("fixtures/invalid/blank-texts.json"),
        &RenderOptions::default(),
    )
    .unwrap_err();
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "headline: must not be empty",
            "sections[0].body: must not be empty"
        ]
    );
}

#[test]
fn the_stylesheet_is_minified_without_changing_a_rule() {
    let css = minify_css(CARD_CSS);
    assert!(
        css.len() * 4 < CARD_CSS.len() * 3,
        "{} → {}",
        CARD_CSS.len(),
        css.len()
    );
    assert!(!css.contains("/*") && !css.contains('\n'));
    assert_eq!(css.matches('{').count(), css.matches('}').count());
    assert!(
        css.contains(r#"content: "— " / "";"#),
        "strings keep their spaces"
    );
    assert!(
        css.contains(".section__toggle:hover .section__title{"),
        "descendant combinators keep their space"
    );
    assert_eq!(
        minify_css("a  :hover , b{ color : red ; /* x */ content:'a  /* b */'}\n"),
        "a :hover,b{color : red;content:'a  /* b */'}"
    );
}

#[test]
fn folders_render_in_parallel_and_skip_what_is_unchanged() {
    let root = temp_dir("render-batch");
    let input = root.join("cards");
    let output = root.join("html");
    std::fs::create_dir_all(input.join(".drafts")).unwrap();
    copy_fixture("seed-anthropic-recall.json", &input.join("seed.json"));
    copy_fixture("garages-to-homes.json", &input.join("2026/11/garages.json"));
    copy_fixture("invalid/blank-texts.json", &input.join("broken.json"));
    std::fs::write(input.join(".drafts/draft.json"), "{}").unwrap();
    std::fs::write(input.join("notes.txt"), "not a payload").unwrap();
    let options = BatchOptions {
        jobs: Some(2),
        ..BatchOptions::default()
    };

    let first = render_dir(&input, &output, &options).unwrap();
    assert_eq!(
        (
            first.rendered,
            first.unchanged,
            first.failed.len(),
            first.threads
        ),
        (2, 0, 1, 2)
    );
    let (path, failure) = &first.failed[0];
    assert!(path.ends_with("broken.json"));
    assert!(matches!(failure, Failure::Invalid { problems, .. } if problems.len() == 2));
    let seed_page = std::fs::read_to_string(output.join("seed.html")).unwrap();
    assert!(seed_page.starts_with("<!-- article-card render "));
    assert!(output.join("2026/11/garages.html").is_file());
    assert!(!output.join(".drafts").exists() && !output.join("broken.html").exists());
    // The page is the single-file rendering plus the fingerprint line.
    let single = render(
        &read("fixtures/seed-anthropic-recall.json"),
        &RenderOptions::default(),
    );
    assert_eq!(seed_page.split_once('\n').unwrap().1, single);

    let again = render_dir(&input, &output, &options).unwrap();
    assert_eq!(
        (again.rendered, again.unchanged, again.failed.len()),
        (0, 2, 1)
    );

    // One payload changes: only its page is rendered again.
    let changed =
        read("fixtures/seed-anthropic-recall.json").replace("TechCrunch", "TechCrunch Daily");
    std::fs::write(input.join("seed.json"), changed).unwrap();
    let third = render_dir(&input, &output, &options).unwrap();
    assert_eq!((third.rendered, third.unchanged), (1, 1));
    assert!(std::fs::read_to_string(output.join("seed.html"))
        .unwrap()
        .contains("TechCrunch Daily"));

    // Other options make other pages; --force renders everything.
    let standalone = BatchOptions {
        render: standalone(),
        ..options.clone()
    };
    let fourth = render_dir(&input, &output, &standalone).unwrap();
    assert_eq!((fourth.rendered, fourth.unchanged), (2, 0));
    assert!(std::fs::read_to_string(output.join("seed.html"))
        .unwrap()
        .starts_with("<!doctype html>\n<!-- article-card render "));
    let forced = render_dir(
        &input,
        &output,
        &BatchOptions {
            force: true,
            ..standalone
        },
    )
    .unwrap();
    assert_eq!((forced.rendered, forced.unchanged), (2, 0));
    assert!(forced.cards_per_second() > 0.0);

    // A page edited by hand (or truncated) loses its fingerprint and is rendered again.
    std::fs::write(output.join("seed.html"), "<p>edited</p>").unwrap();
    assert_eq!(recorded_fingerprint(&output.join("seed.html")), None);
    assert!(recorded_fingerprint(&output.join("2026/11/garages.html")).is_some());
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_as_input() {
    let root = temp_dir("render-nested");
    copy_fixture("seed-anthropic-recall.json", &root.join("seed.json"));
    let output = root.join("out");
    std::fs::create_dir_all(&output).unwrap();
    std::fs::write(output.join("stray.json"), "{}").unwrap();
    let report = render_dir(&root, &output, &BatchOptions::default()).unwrap();
    assert_eq!((report.rendered, report.failed.len()), (1, 0));
}

#[test]
fn a_missing_input_folder_is_an_error() {
    let root = temp_dir("render-missing");
    assert!(render_dir(
        &root.join("nope"),
        &root.join("out"),
        &BatchOptions::default()
    )
    .is_err());
}
