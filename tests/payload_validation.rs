//! The payload contract, pinned: every fixture validates, and each invalid payload yields
//! exactly the listed problems, with their paths and messages, all at once.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{read, repo};

use article_card::model::{article_from_str, Block};

fn problems(json: &str) -> Vec<String> {
    match article_from_str(json) {
        Ok(_) => vec![],
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn every_fixture_is_valid() {
    let mut seen = 0;
    for entry in std::fs::read_dir(repo().join("fixtures")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let found = problems(&read(&path));
            assert!(found.is_empty(), "{}: {found:#?}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 2, "expected at least two fixtures, found {seen}");
}

#[test]
fn seed_fixture_reads_as_designed() {
    let article = article_from_str(&read("fixtures/seed-anthropic-recall.json")).unwrap();
    assert_eq!(article.id, "anthropic-model-recall");
    assert_eq!(&*article.source.name, "TechCrunch");
    let ids: Vec<_> = article.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "why-this-matters",
            "background-context",
            "what-happens-next",
            "bigger-picture"
        ]
    );
    assert!(article.sections.iter().all(|s| !s.open));
    assert!(article.headline.contains('’') && article.headline.contains('—'));
}

/// The fixture must be the seed's own text with only the characters lost in transit put right:
/// wherever the seed has `โ` (or `โฆ`), the fixture may have one of the characters it stood for,
/// and everywhere else the two agree.
#[test]
fn seed_fixture_keeps_the_seed_text() {
    let seed = read("fixtures/digests/seed-anthropic-recall.txt").replace("โฆ", "โ");
    let article = article_from_str(&read("fixtures/seed-anthropic-recall.json")).unwrap();
    let mend = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if matches!(c, '’' | '—' | '“' | '”' | '…' | '→') {
                    'โ'
                } else {
                    c
                }
            })
            .collect()
    };
    let seed_lines: Vec<&str> = seed.lines().collect();
    for section in &article.sections {
        let Some(Block::Paragraph(body)) = section.body.first() else {
            panic!("{}: expected one paragraph", section.id)
        };
        let at = seed_lines
            .iter()
            .position(|l| l.ends_with(&*section.title))
            .unwrap_or_else(|| panic!("title {:?} not in the seed", section.title));
        let seed_body = seed_lines.get(at + 1).copied().unwrap_or_default();
        assert_eq!(mend(body), seed_body, "{}", section.id);
    }
    assert_eq!(mend(&article.headline), seed_lines[0]);
}

/// Each case: a payload and exactly the problems it must produce, in order.
#[test]
fn invalid_payloads_report_every_problem_with_its_path() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("not an object", "[1, 2]", &["payload: must be an object, not an array"]),
        ("not JSON", "{\"version\": 1,", &["payload: is not valid JSON (the text ends before the document does at line 1 column 15)"]),
        ("empty object", "{}", &["version: is required", "headline: is required", "source: is required"]),
        (
            "unsupported version is reported alone",
            r#"{"version": 2, "headline": ""}"#,
            &["version: unsupported version 2; this card reads version 1"],
        ),
        (
            "version as a string",
            r#"{"version": "1", "headline": "H", "source": {"name": "S", "url": "https://s.example/"}}"#,
            &["version: must be the number 1, not a string"],
        ),
        (
            "wrong types everywhere, reported once each",
            r#"{"version": 1, "headline": 7, "dek": [], "source": "TechCrunch", "quote": {"text": false},
                "sections": [{"title": "T", "body": "B", "open": "yes"}, "oops"], "image": 3}"#,
            &[
                "sections[0].open: must be true or false, not a string",
                "sections[1]: must be an object, not a string",
                "headline: must be a string, not a number",
                "dek: must be a string, not an array",
                "source: must be an object, not a string",
                "quote.text: must be a string, not a boolean",
                "image: must be an object, not a number",
            ],
        ),
        (
            "empty and blank texts",
            r#"{"version": 1, "headline": "  ", "source": {"name": "", "url": "https://s.example/"},
                "sections": [{"title": "Why", "body": "B"}, {"title": "Next", "body": "B"}, {"title": "", "body": "\n\n"}]}"#,
            &["headline: must not be empty", "source.name: must not be empty", "sections[2].title: must not be empty", "sections[2].body: must not be empty"],
        ),
        (
            "dangerous and malformed URLs",
            r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "javascript:alert(1)"},
                "image": {"src": "data:image/svg+xml,<svg/onload=alert(1)>", "alt": "a", "width": 10, "height": 10}}"#,
            &["source.url: must be an http or https URL", "image.src: must be an http or https URL or a relative path"],
        ),
        (
            "white space smuggled into a URL",
            r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "java\tscript:alert(1)"}}"#,
            &["source.url: must not contain spaces or control characters"],
        ),
        (
            "ids, language, dates",
            r#"{"version": 1, "id": "Not A Slug", "lang": "english", "headline": "H",
                "source": {"name": "S", "url": "https://s.example/"},
                "published": "2026-11-29T10:00:00Z", "updated": "2026-11-29T09:00:00Z",
                "sections": [{"id": "why", "title": "A", "body": "B"}, {"id": "why", "title": "C", "body": "D"}, {"id": "a--b", "title": "E", "body": "F"}]}"#,
            &[
                "id: must be a slug: lowercase letters or digits, words joined by single hyphens",
                "lang: must be a BCP 47 language tag such as en, pt-BR or zh-Hant",
                "updated: must not be earlier than published",
                "sections[1].id: repeats the id of sections[0]; section ids must be unique",
                "sections[2].id: must be a slug: lowercase letters or digits, words joined by single hyphens",
            ],
        ),
        (
            "bad dates",
            r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://s.example/"}, "published": "29/11/2026", "updated": "2026-02-30T00:00:00Z"}"#,
            &[
                "published: must be an RFC 3339 date-time such as 2026-11-29T08:00:00Z",
                "updated: must be an RFC 3339 date-time such as 2026-11-29T08:00:00Z",
            ],
        ),
        (
            "image members",
            r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://s.example/"}, "image": {"src": "/a.jpg", "width": 0, "height": 1.5}}"#,
            &[
                "image.alt: is required",
                "image.width: must be a whole number from 1 to 10000",
                "image.height: must be a whole number from 1 to 10000",
            ],
        ),
    ];
    for (name, json, want) in cases {
        assert_eq!(problems(json), *want, "case: {name}");
    }
}

#[test]
fn limits_are_errors_not_truncation() {
    let long = "x".repeat(301);
    let json = format!(
        r#"{{"version": 1, "headline": "{long}", "source": {{"name": "S", "url": "https://s.example/"}}}}"#
    );
    assert_eq!(
        problems(&json),
        ["headline: must be at most 300 characters (it has 301)"]
    );

    let sections: Vec<String> = (0..13)
        .map(|i| format!(r#"{{"title": "T{i}", "body": "B"}}"#))
        .collect();
    let json = format!(
        r#"{{"version": 1, "headline": "H", "source": {{"name": "S", "url": "https://s.example/"}}, "sections": [{}]}}"#,
        sections.join(",")
    );
    assert_eq!(
        problems(&json),
        ["sections: must have at most 12 items (it has 13)"]
    );

    let huge = format!(r#"{{"version": 1, "pad": "{}"}}"#, "x".repeat(300 * 1024));
    assert_eq!(
        problems(&huge),
        [format!(
            "payload: is {} bytes; the limit is 262144 bytes",
            huge.len()
        )]
    );

    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    assert_eq!(problems(&deep), ["payload: nests deeper than 32 levels"]);
    let deeper = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert_eq!(problems(&deeper), ["payload: nests deeper than 32 levels"]);
}

#[test]
fn forward_compatible_and_lenient_where_it_helps() {
    let json = r#"{"version": 1.0, "headline": "  Headline  ", "future": {"x": 1}, "dek": "", "byline": null,
        "source": {"name": "S", "url": "HTTPS://S.EXAMPLE/a", "logo": "x"},
        "sections": [{"title": "Why It Matters", "body": "P1\n\n- a\n- b"}, {"title": "Why it matters", "body": "x", "open": true}]}"#;
    let article = article_from_str(json).unwrap();
    assert_eq!(&*article.headline, "Headline");
    assert_eq!(article.id, "headline");
    assert_eq!(article.dek, None);
    assert_eq!(article.sections[0].id, "why-it-matters");
    assert_eq!(article.sections[1].id, "why-it-matters-2");
    assert!(article.sections[1].open);
    assert_eq!(
        &*article.sections[0].body,
        [
            Block::Paragraph("P1".into()),
            Block::List(["a".into(), "b".into()].into())
        ]
    );
}

#[test]
fn derived_ids_never_take_an_explicit_one() {
    let json = r#"{"version": 1, "headline": "東京の未来", "source": {"name": "S", "url": "https://s.example/"},
        "sections": [{"title": "Next", "body": "x"}, {"id": "next", "title": "Other", "body": "y"}, {"title": "!!!", "body": "z"}]}"#;
    let article = article_from_str(json).unwrap();
    assert_eq!(article.id, "東京の未来");
    let ids: Vec<_> = article.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["next-2", "next", "section-3"]);
}

/// Invisible characters (bidi controls, zero-width characters, the byte order mark) are refused
/// in the two URL fields: they make the address shown differ from the address visited.
#[test]
fn urls_with_invisible_characters_are_refused() {
    let cases: &[(&str, &str)] = &[
        ("https://example.com/\u{202E}gpj.exe", "U+202E"),
        ("https://exa\u{200B}mple.com/", "U+200B"),
        ("https://exa\u{200D}mple.com/", "U+200D"),
        ("\u{FEFF}https://example.com/", "U+FEFF"),
        ("https://example.com/\u{2066}x\u{2069}", "U+2066"),
        ("https://example.com/\u{00AD}", "U+00AD"),
    ];
    for (url, code) in cases {
        let quoted = serde_json::to_string(url).unwrap();
        let json = format!(
            r#"{{"version": 1, "headline": "H", "source": {{"name": "S", "url": {quoted}}},
                "image": {{"src": {quoted}, "alt": "", "width": 1, "height": 1}}}}"#
        );
        assert_eq!(
            problems(&json),
            [
                format!("source.url: must not contain invisible or direction-changing characters (it has {code})"),
                format!("image.src: must not contain invisible or direction-changing characters (it has {code})"),
            ],
            "{url:?}"
        );
    }
    // Visible non-ASCII is fine.
    let json = r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://例え.jp/ニュース"}}"#;
    assert_eq!(problems(json), Vec::<String>::new());
}

/// A hostile payload's size in problems (and memory) is bounded by what a card may hold, not by
/// what the payload repeats: only the first 12 sections are read.
#[test]
fn a_huge_section_list_costs_a_bounded_number_of_problems() {
    let items = vec!["0"; 120_000].join(",");
    let json = format!(
        r#"{{"version": 1, "headline": "H", "source": {{"name": "S", "url": "https://s.example/"}}, "sections": [{items}]}}"#
    );
    assert!(json.len() < 256 * 1024);
    let found = problems(&json);
    assert_eq!(found.len(), 13, "{found:?}");
    assert_eq!(
        found[0],
        "sections: must have at most 12 items (it has 120000)"
    );
    assert_eq!(found[12], "sections[11]: must be an object, not a number");
}

/// Issue 15, defect 3: the command line refused a lone surrogate ("unexpected end of hex
/// escape") that the widget shows as U+FFFD, and refused a byte-order mark the widget accepts
/// by `src`. Every case of the shared table must get the verdict the widget gives it
/// (tests/browser_verdicts.rs runs the same table through the widget's own parse).
#[test]
fn issue15_cli_and_widget_give_one_verdict_for_surrogates_and_byte_order_marks() {
    let corpus: serde_json::Value =
        serde_json::from_str(&read("tests/e2e/corpus/verdicts.json")).unwrap();
    let cases = corpus["cases"].as_array().unwrap();
    assert!(cases.len() >= 10);
    for case in cases {
        let about = case["about"].as_str().unwrap();
        let payload = case["payload"].as_str().unwrap();
        match (article_from_str(payload), case.get("headline")) {
            (Ok(article), Some(headline)) => {
                assert_eq!(Some(&*article.headline), headline.as_str(), "{about}")
            }
            (Err(problems), None) => {
                let expected = case["problem"].as_str().unwrap();
                let first = problems[0].to_string();
                assert!(first.starts_with(expected), "{about}: {first}");
            }
            (result, _) => panic!("{about}: {result:?}"),
        }
    }
}
