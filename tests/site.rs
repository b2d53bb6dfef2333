//! `article-card site`: the pages it writes for the fixtures, what link previews and oEmbed
//! consumers read from them (absolute addresses, every required field), and its incremental
//! runs: unchanged cards are not rewritten, deleted payloads lose their pages.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{copy_fixture, temp_dir};

use article_card::cli::{run, Exit};
use article_card::site::{build_site, SiteOptions, SiteReport, BUNDLE_FOLDER, MANIFEST};

const BASE: &str = "https://cards.example.com/news/";
const FIXTURES: [&str; 3] = [
    "seed-anthropic-recall.json",
    "garages-to-homes.json",
    "harbour-ferry.json",
];
const IDS: [&str; 3] = [
    "anthropic-model-recall",
    "garages-to-homes",
    "harbour-ferry",
];

/// A payload folder holding the fixtures, a stand-in bundle, and an empty output folder.
fn setup(name: &str) -> (PathBuf, PathBuf, PathBuf) {
    let root = temp_dir(name);
    let input = root.join("payloads");
    for fixture in FIXTURES {
        copy_fixture(fixture, &input.join(fixture));
    }
    let bundle = root.join("bundle");
    fs::create_dir_all(&bundle).unwrap();
    for file in ["article-card.js", "article_card.js", "article_card_bg.wasm"] {
        fs::write(bundle.join(file), format!("/* {file} */")).unwrap();
    }
    (input, root.join("site"), bundle)
}

fn options(bundle: &Path) -> SiteOptions {
    SiteOptions {
        base_url: BASE.parse().unwrap(),
        name: Some("Example Cards".into()),
        bundle: Some(bundle.to_path_buf()),
        force: false,
    }
}

fn build(input: &Path, out: &Path, bundle: &Path) -> SiteReport {
    let report = build_site(input, out, &options(bundle)).unwrap();
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    report
}

fn read(path: impl AsRef<Path>) -> String {
    fs::read_to_string(path.as_ref()).unwrap_or_else(|e| panic!("{}: {e}", path.as_ref().display()))
}

/// The `content` of the head's `<meta {key}="{name}">`, if there is one.
fn meta<'a>(html: &'a str, key: &str, name: &str) -> Option<&'a str> {
    let tag = format!("<meta {key}=\"{name}\" content=\"");
    let at = html.find(&tag)? + tag.len();
    html.get(at..).and_then(|rest| rest.split('"').next())
}

fn oembed(out: &Path, id: &str) -> Value {
    serde_json::from_str(&read(out.join(id).join("oembed.json"))).unwrap()
}

#[test]
fn every_card_gets_a_page_an_embed_page_and_an_oembed_response() {
    let (input, out, bundle) = setup("site-pages");
    let report = build(&input, &out, &bundle);
    assert_eq!((report.written, report.unchanged), (3, 0));
    for id in IDS {
        let page = read(out.join(id).join("index.html"));
        assert!(
            page.starts_with("<!doctype html>\n<!-- article-card render "),
            "{id}"
        );
        // The card is the page: its headline is the page's only h1.
        assert_eq!(page.matches("<h1").count(), 1, "{id}");
        assert!(page.contains("<article-card heading-level=\"2\">"), "{id}");
        let url = format!("{BASE}{id}/");
        assert!(
            page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")),
            "{id}"
        );
        assert!(page.contains(&format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{url}oembed.json\""
        )));
        assert_eq!(meta(&page, "property", "og:url"), Some(url.as_str()));
        assert_eq!(meta(&page, "property", "og:type"), Some("article"));
        assert_eq!(
            meta(&page, "property", "og:site_name"),
            Some("Example Cards")
        );
        assert!(meta(&page, "property", "og:title").is_some_and(|t| !t.is_empty()));
        assert!(meta(&page, "name", "description").is_some_and(|t| !t.is_empty()));
        assert!(page.contains("<link rel=\"icon\" href=\"../assets/icon.svg\""));
        assert_eq!(page.matches("<meta name=\"theme-color\"").count(), 2);
        // A strict style-src 'self' blocks <style>: the card links its stylesheet instead.
        assert!(!page.contains("<style"), "{id}");
        assert!(page.contains(&format!("src=\"../{BUNDLE_FOLDER}article-card.js\"")));

        let embed = read(out.join(id).join("embed").join("index.html"));
        assert!(embed.contains("<script src=\"../../assets/embed.js\" defer></script>"));
        assert!(embed.contains("<meta name=\"robots\" content=\"noindex\">"));
        assert!(!embed.contains("<style") && !embed.contains("<h1"), "{id}");
    }
    for file in [
        "card.css",
        "no-script.css",
        "site.css",
        "embed.css",
        "embed.js",
        "icon.svg",
    ] {
        assert!(out.join("assets").join(file).is_file(), "{file}");
    }
    for file in ["article-card.js", "article_card.js", "article_card_bg.wasm"] {
        assert_eq!(
            read(out.join(BUNDLE_FOLDER).join(file)),
            format!("/* {file} */")
        );
    }
}

#[test]
fn the_index_sitemap_and_feed_list_cards_newest_first() {
    let (input, out, bundle) = setup("site-lists");
    build(&input, &out, &bundle);
    let index = read(out.join("index.html"));
    let at = |id: &str| index.find(&format!("href=\"{id}/\"")).unwrap();
    // harbour-ferry 2026-11-30, garages 2026-11-28 (updated), the seed card has no date.
    assert!(at("harbour-ferry") < at("garages-to-homes"));
    assert!(at("garages-to-homes") < at("anthropic-model-recall"));
    let sitemap = read(out.join("sitemap.xml"));
    let feed = read(out.join("feed.xml"));
    for id in IDS {
        assert!(sitemap.contains(&format!("<loc>{BASE}{id}/</loc>")), "{id}");
        assert!(feed.contains(&format!("<id>{BASE}{id}/</id>")), "{id}");
    }
    assert!(sitemap.contains("<lastmod>2026-11-28T09:15:00+00:00</lastmod>"));
    assert!(feed.contains("<updated>2026-11-30T07:00:00Z</updated>"));
}

#[test]
fn oembed_responses_carry_every_field_a_rich_embed_needs() {
    let (input, out, bundle) = setup("site-oembed");
    build(&input, &out, &bundle);
    for id in IDS {
        let response = oembed(&out, id);
        assert_eq!(response["version"], "1.0");
        assert_eq!(response["type"], "rich");
        assert_eq!(response["width"], 600);
        let height = response["height"].as_u64().unwrap();
        assert!((300..3000).contains(&height), "{id}: {height}");
        for field in [
            "title",
            "provider_name",
            "provider_url",
            "author_name",
            "html",
        ] {
            assert!(
                response[field].as_str().is_some_and(|s| !s.is_empty()),
                "{id}: {field}"
            );
        }
        assert_eq!(response["provider_url"], BASE);
        assert!(response["cache_age"].as_u64().is_some());
        let html = response["html"].as_str().unwrap();
        let tags: Vec<&str> = html
            .split('<')
            .skip(1)
            .map(|tag| tag.split([' ', '>']).next().unwrap())
            .collect();
        assert_eq!(
            tags,
            ["blockquote", "a", "/a", "/blockquote", "iframe", "/iframe"],
            "{id}"
        );
        assert!(html.contains(&format!("src=\"{BASE}{id}/embed/\"")));
        assert!(html.contains(&format!("height=\"{height}\"")));
        assert!(html.contains(" title=\""));
    }
    assert_eq!(oembed(&out, "garages-to-homes").get("thumbnail_url"), None);
}

#[test]
fn image_addresses_are_absolute_wherever_a_page_or_preview_needs_them() {
    let (input, out, bundle) = setup("site-absolute");
    build(&input, &out, &bundle);
    // The fixture's image.src is "../images/harbour-ferry.svg", relative to the card page.
    let image = "https://cards.example.com/news/images/harbour-ferry.svg";
    let page = read(out.join("harbour-ferry").join("index.html"));
    assert_eq!(meta(&page, "property", "og:image"), Some(image));
    assert_eq!(meta(&page, "property", "og:image:width"), Some("1200"));
    assert_eq!(meta(&page, "property", "og:image:height"), Some("630"));
    assert!(meta(&page, "property", "og:image:alt").is_some());
    assert_eq!(
        meta(&page, "name", "twitter:card"),
        Some("summary_large_image")
    );
    assert_eq!(meta(&page, "name", "twitter:image"), Some(image));
    assert_eq!(
        meta(
            &read(out.join("garages-to-homes/index.html")),
            "name",
            "twitter:card"
        ),
        Some("summary")
    );
    // The card itself, its inline payload and its structured data: the same absolute address.
    assert!(page.contains("class=\"card__image\""));
    assert!(page.contains(&format!("src=\"{image}\"")));
    assert!(page.contains(&format!("\"src\":\"{image}\"")));
    let ld = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap();
    let ld: Value = serde_json::from_str(ld.split("</script>").next().unwrap()).unwrap();
    assert_eq!(ld["image"]["url"], image);
    assert_eq!(ld["url"], "https://cards.example.com/news/harbour-ferry/");
    assert_eq!(ld["mainEntityOfPage"]["@id"], ld["url"]);
    assert_eq!(ld["publisher"]["name"], "Example Cards");
    assert_eq!(
        ld["isBasedOn"]["url"],
        "https://example.org/harbour/electric-ferry"
    );
    let embed = read(out.join("harbour-ferry/embed/index.html"));
    assert!(embed.contains(&format!("src=\"{image}\"")));
    let response = oembed(&out, "harbour-ferry");
    assert_eq!(response["thumbnail_url"], image);
    assert_eq!(
        (
            response["thumbnail_width"].as_u64(),
            response["thumbnail_height"].as_u64()
        ),
        (Some(1200), Some(630))
    );
}

#[test]
fn a_second_run_rewrites_only_what_changed_and_removes_deleted_cards() {
    let (input, out, bundle) = setup("site-incremental");
    build(&input, &out, &bundle);
    // Marks in files a rewrite would replace: they survive only if the file is left alone.
    let untouched = out.join("garages-to-homes/embed/index.html");
    fs::write(&untouched, read(&untouched) + "<!-- still here -->").unwrap();

    let report = build(&input, &out, &bundle);
    assert_eq!((report.written, report.unchanged), (0, 3));
    assert!(read(&untouched).ends_with("<!-- still here -->"));

    let seed = input.join("seed-anthropic-recall.json");
    fs::write(
        &seed,
        read(&seed).replace("Anthropic isn't", "Anthropic is not"),
    )
    .unwrap();
    let report = build(&input, &out, &bundle);
    assert_eq!((report.written, report.unchanged), (1, 2));
    assert!(read(out.join("anthropic-model-recall/index.html")).contains("Anthropic is not"));
    assert!(read(&untouched).ends_with("<!-- still here -->"));

    fs::remove_file(input.join("harbour-ferry.json")).unwrap();
    let report = build(&input, &out, &bundle);
    assert_eq!(report.removed, ["harbour-ferry"]);
    assert!(!out.join("harbour-ferry").exists());
    assert!(!read(out.join("index.html")).contains("harbour-ferry"));
    assert!(!read(out.join("sitemap.xml")).contains("harbour-ferry"));
    assert!(!read(out.join(MANIFEST)).contains("harbour-ferry"));

    let options = SiteOptions {
        force: true,
        ..options(&bundle)
    };
    let report = build_site(&input, &out, &options).unwrap();
    assert_eq!((report.written, report.unchanged), (2, 0));
    assert!(!read(&untouched).ends_with("<!-- still here -->"));
}

#[test]
fn an_invalid_payload_keeps_its_last_pages_and_a_clash_of_ids_is_reported() {
    let (input, out, bundle) = setup("site-invalid");
    build(&input, &out, &bundle);
    fs::write(input.join("harbour-ferry.json"), "{\"version\": 1}").unwrap();
    copy_fixture(
        "garages-to-homes.json",
        &input.join("copy/garages-again.json"),
    );
    let report = build_site(&input, &out, &options(&bundle)).unwrap();
    assert_eq!(report.failed.len(), 1);
    assert!(out.join("harbour-ferry/index.html").is_file());
    assert!(report.removed.is_empty());
    assert_eq!(report.conflicts.len(), 1, "{:?}", report.conflicts);
    assert!(report.conflicts[0].1.contains("garages-to-homes"));
}

#[test]
fn the_command_line_builds_a_site_and_says_what_is_wrong() {
    let (input, out, bundle) = setup("site-cli");
    let args = |base: &str| {
        vec![
            "article-card".to_owned(),
            "site".into(),
            input.display().to_string(),
            "--out".into(),
            out.display().to_string(),
            "--base-url".into(),
            base.into(),
            "--bundle".into(),
            bundle.display().to_string(),
            "--quiet".into(),
        ]
    };
    // A base without its final slash is still a folder.
    assert_eq!(run(args("https://cards.example.com/news")), Exit::Ok);
    assert!(read(out.join("harbour-ferry/index.html"))
        .contains(&format!("href=\"{BASE}harbour-ferry/\"")));
    assert_eq!(run(args("ftp://cards.example.com/")), Exit::Usage);
    assert_eq!(run(args("not a url")), Exit::Usage);
    fs::write(input.join("broken.json"), "{").unwrap();
    assert_eq!(run(args(BASE)), Exit::Invalid);
}

#[test]
fn the_payloads_author_and_canonical_address_reach_previews_and_are_validated_with_paths() {
    let (input, out, bundle) = setup("site-author");
    let ferry = input.join("harbour-ferry.json");
    let home = "https://example.org/cards/ferry";
    let text = read(&ferry).replacen('{', &format!("{{\n  \"canonical\": \"{home}\","), 1);
    fs::write(&ferry, text).unwrap();
    build(&input, &out, &bundle);
    let page = read(out.join("harbour-ferry/index.html"));
    assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{home}\">")));
    assert_eq!(meta(&page, "property", "og:url"), Some(home));
    let ld = page
        .split("<script type=\"application/ld+json\">")
        .nth(1)
        .unwrap();
    let ld: Value = serde_json::from_str(ld.split("</script>").next().unwrap()).unwrap();
    assert_eq!(ld["url"], home);
    assert_eq!(ld["author"]["@type"], "Person");
    assert_eq!(ld["author"]["name"], "Tomás Herrera");
    assert_eq!(
        ld["author"]["url"],
        "https://example.org/people/tomas-herrera"
    );
    let response = oembed(&out, "harbour-ferry");
    assert_eq!(response["author_name"], "Tomás Herrera");
    assert_eq!(
        response["author_url"],
        "https://example.org/people/tomas-herrera"
    );
    // The site still serves the card at its own address, and the oEmbed iframe points there.
    assert!(response["html"]
        .as_str()
        .unwrap()
        .contains(&format!("src=\"{BASE}harbour-ferry/embed/\"")));
    // Without an author, previews credit the source.
    assert_eq!(
        oembed(&out, "garages-to-homes")["author_name"],
        "The Riverside Ledger"
    );

    let bad = r#"{"version": 1, "headline": "h", "source": {"name": "s", "url": "https://s.example/"},
        "canonical": "/relative", "author": {"name": "", "url": "mailto:a@b.example"}}"#;
    let problems = article_card::model::article_from_str(bad).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(paths, ["author.name", "author.url", "canonical"]);
    let blank = r#"{"version": 1, "headline": "h", "source": {"name": "s", "url": "https://s.example/"},
        "canonical": " ", "author": {"name": "A"}}"#;
    let article = article_card::model::article_from_str(blank).unwrap();
    assert_eq!(
        article.canonical, None,
        "a blank optional address counts as absent"
    );
    assert_eq!(article.author.unwrap().url, None);
}
