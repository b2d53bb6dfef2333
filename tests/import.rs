//! The digest importer. The seed digest is the main case: the exact payload it must produce is
//! pinned in tests/snapshots/import/, and compared with the hand-mended fixture field by field.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{assert_snapshot, read};

use std::collections::BTreeMap;

use article_card::import::{import, Attribution, ImportError, Imported, Options};
use article_card::model::article_from_str;
use article_card::text::Cause;

fn seed_options() -> Options {
    Options {
        source_url: Some("https://techcrunch.com/".into()),
        id: Some("anthropic-model-recall".into()),
        lang: Some("en".into()),
        ..Options::default()
    }
}

fn with_url() -> Options {
    Options {
        source_url: Some("https://example.com/story".into()),
        ..Options::default()
    }
}

fn import_ok(digest: &str, options: &Options) -> Imported {
    let imported = import(digest, options).unwrap_or_else(|e| panic!("{e}\n{digest}"));
    let json = imported.to_json();
    if let Err(problems) = article_from_str(&json) {
        panic!("imported payload is invalid: {problems:?}\n{json}");
    }
    imported
}

fn json(imported: &Imported) -> serde_json::Value {
    serde_json::from_str(&imported.to_json()).unwrap()
}

/// Compares with a pinned file; `UPDATE_SNAPSHOTS=1` rewrites it.

#[test]
fn the_seed_digest_gives_exactly_the_pinned_payload() {
    let imported = import_ok(
        &read("fixtures/digests/seed-anthropic-recall.txt"),
        &seed_options(),
    );
    assert_snapshot("import", "seed-anthropic-recall.json", &imported.to_json());
}

/// The importer produces exactly the hand-mended fixture: the payload the seed must become.
#[test]
fn the_seed_import_matches_the_hand_mended_fixture() {
    let imported = json(&import_ok(
        &read("fixtures/digests/seed-anthropic-recall.txt"),
        &seed_options(),
    ));
    let fixture: serde_json::Value =
        serde_json::from_str(&read("fixtures/seed-anthropic-recall.json")).unwrap();
    assert_eq!(imported, fixture);
}

#[test]
fn every_seed_repair_is_reported_where_it_is() {
    let imported = import_ok(
        &read("fixtures/digests/seed-anthropic-recall.txt"),
        &seed_options(),
    );
    let repairs: Vec<(usize, usize, &str, &str)> = imported
        .repairs
        .iter()
        .map(|r| {
            (
                r.line,
                r.column,
                r.repair.from.as_str(),
                r.repair.to.as_str(),
            )
        })
        .collect();
    assert_eq!(
        repairs,
        [
            (1, 10, "โ", "’"),
            (1, 53, "โ", "—"),
            (2, 200, "โฆ", "…"),
            (5, 149, "โ", "’"),
            (5, 174, "โ", "’"),
            (5, 195, "โ", "—"),
            (7, 10, "โ", "’"),
            (7, 157, "โ", "’"),
            (7, 196, "โ", "’"),
            (7, 410, "โ", "’"),
            (9, 277, "โ", "—"),
            (11, 253, "โ", "—"),
            (11, 277, "โ", "—"),
        ]
    );
    assert!(imported
        .repairs
        .iter()
        .all(|r| r.repair.cause == Cause::ThaiCodePageLossy));
    // Each position points at the broken character in the digest.
    let digest = read("fixtures/digests/seed-anthropic-recall.txt");
    for r in &imported.repairs {
        let line = digest.lines().nth(r.line - 1).unwrap();
        let at: String = line
            .chars()
            .skip(r.column - 1)
            .take(r.repair.from.chars().count())
            .collect();
        assert_eq!(at, r.repair.from, "{}:{}", r.line, r.column);
    }
}

#[test]
fn the_seed_notes_say_what_was_decided() {
    let imported = import_ok(
        &read("fixtures/digests/seed-anthropic-recall.txt"),
        &seed_options(),
    );
    let notes: Vec<(usize, &str)> = imported
        .notes
        .iter()
        .map(|n| (n.line, n.message.as_str()))
        .collect();
    let has = |line: usize, part: &str| notes.iter().any(|(l, m)| *l == line && m.contains(part));
    assert!(has(3, "repeats the start of line 2"), "{notes:#?}");
    assert!(has(2, "is the pull quote"), "{notes:#?}");
    assert!(
        has(
            2,
            "dropped the teaser's cut-off end after the quotation: \"the…\""
        ),
        "{notes:#?}"
    );
    assert!(
        has(
            2,
            "quote attribution \"Anthropic\" inferred from the sentence before"
        ),
        "{notes:#?}"
    );
    assert!(
        has(4, "the source is \"TechCrunch\"; \"Why This Matters\""),
        "{notes:#?}"
    );
}

#[test]
fn without_options_the_id_comes_from_the_headline_and_lang_is_left_out() {
    let imported = import_ok(
        &read("fixtures/digests/seed-anthropic-recall.txt"),
        &Options {
            source_url: Some("https://techcrunch.com/".into()),
            ..Options::default()
        },
    );
    let payload = json(&imported);
    assert_eq!(
        payload["id"],
        "anthropics-safety-warnings-may-have-just-backfired-the"
    );
    assert!(payload.get("lang").is_none());
}

#[test]
fn the_source_url_is_required_and_can_come_from_a_table() {
    let digest = read("fixtures/digests/seed-anthropic-recall.txt");
    assert_eq!(
        import(&digest, &Options::default()).unwrap_err(),
        ImportError::NoSourceUrl {
            name: "TechCrunch".into()
        }
    );
    let sources: BTreeMap<String, String> = [
        (
            "techcrunch".to_owned(),
            "https://techcrunch.com/".to_owned(),
        ),
        (
            "The Verge".to_owned(),
            "https://www.theverge.com/".to_owned(),
        ),
    ]
    .into();
    let imported = import_ok(
        &digest,
        &Options {
            sources,
            ..Options::default()
        },
    );
    assert_eq!(json(&imported)["source"]["url"], "https://techcrunch.com/");
}

#[test]
fn attribution_can_be_given_or_left_out() {
    let digest = read("fixtures/digests/seed-anthropic-recall.txt");
    let given = import_ok(
        &digest,
        &Options {
            attribution: Attribution::Given("An Anthropic spokesperson".into()),
            ..seed_options()
        },
    );
    assert_eq!(
        json(&given)["quote"]["attribution"],
        "An Anthropic spokesperson"
    );
    let omitted = import_ok(
        &digest,
        &Options {
            attribution: Attribution::Omit,
            ..seed_options()
        },
    );
    assert!(json(&omitted)["quote"].get("attribution").is_none());
}

#[test]
fn a_windows_1252_digest() {
    let imported = import_ok(&read("fixtures/digests/windows-1252.txt"), &with_url());
    let payload = json(&imported);
    assert_eq!(
        payload["headline"],
        "City’s night buses return after a year—with a twist"
    );
    assert_eq!(
        payload["dek"],
        "Transport officials say the new routes follow where people actually live. The first routes start in March."
    );
    assert_eq!(
        payload["quote"],
        serde_json::json!({
            "text": "We looked at where night-shift workers travel, not where buses used to go.",
            "attribution": "Amara Okafor, the transport director",
        })
    );
    assert_eq!(payload["source"]["name"], "The Riverside Ledger");
    assert_eq!(
        payload["sections"],
        serde_json::json!([
            {
                "title": "Why This Matters",
                "body": "Night-shift workers have relied on taxis or long walks since the service was cut last year.\n\nFor many, the cost of a taxi ate a quarter of a night’s pay."
            },
            {
                "title": "What Happens Next",
                "body": "- March: three routes from the hospital and the distribution park\n- June: a review of passenger numbers\n- September: routes extended if the numbers hold up"
            }
        ])
    );
    let causes: Vec<Cause> = imported.repairs.iter().map(|r| r.repair.cause).collect();
    assert_eq!(
        causes,
        [
            Cause::Windows1252,
            Cause::Windows1252,
            Cause::Windows1252,
            Cause::Windows1252LostByte,
            Cause::Windows1252
        ]
    );
}

#[test]
fn a_thai_digest_is_not_changed() {
    let digest = read("fixtures/digests/thai.txt");
    let imported = import_ok(
        &digest,
        &Options {
            lang: Some("th".into()),
            ..with_url()
        },
    );
    assert!(imported.repairs.is_empty(), "{:?}", imported.repairs);
    let payload = json(&imported);
    let lines: Vec<&str> = digest.lines().collect();
    assert_eq!(payload["headline"], lines[0]);
    assert_eq!(payload["dek"], lines[1]);
    assert_eq!(payload["source"]["name"], "ไทยรัฐ");
    assert_eq!(payload["sections"][0]["title"], lines[3]);
    assert_eq!(payload["sections"][0]["body"], lines[4]);
    assert_eq!(payload["sections"][1]["title"], lines[5]);
    assert_eq!(payload["sections"][1]["body"], lines[6]);
    assert_eq!(payload["lang"], "th");
}

/// How the source line and the first section title are told apart.
#[test]
fn source_lines_in_every_form() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "arrow, title run in",
            "Read Full Story at TechCrunch → Why This Matters\nBody text here.",
            "TechCrunch",
            "Why This Matters",
        ),
        (
            "typed arrow",
            "Read Full Story at TechCrunch -> Why This Matters\nBody text here.",
            "TechCrunch",
            "Why This Matters",
        ),
        (
            "lossy arrow",
            "Read Full Story at TechCrunch โWhy This Matters\nBody text here.",
            "TechCrunch",
            "Why This Matters",
        ),
        (
            "arrow at the end",
            "Read Full Story at TechCrunch โ\nWhy This Matters\nBody text here.",
            "TechCrunch",
            "Why This Matters",
        ),
        (
            "no arrow, own line",
            "Read Full Story at The Verge\nWhy This Matters\nBody text here.",
            "The Verge",
            "Why This Matters",
        ),
        (
            "no arrow, known title",
            "Read Full Story at The Verge Background Context\nBody text here.",
            "The Verge",
            "Background Context",
        ),
        (
            "no space, case change",
            "Read Full Story at TechCrunchReactions Pour In\nBody text here.",
            "TechCrunch",
            "Reactions Pour In",
        ),
        (
            "case change, title word",
            "Read Full Story at TechCrunchWhy Regulators Moved\nBody text here.",
            "TechCrunch",
            "Why Regulators Moved",
        ),
        (
            "apostrophe in the name",
            "Read Full Story at Barronโs โWhy This Matters\nBody text here.",
            "Barron’s",
            "Why This Matters",
        ),
        (
            "other wording",
            "Read the full story at Reuters →\nWhy This Matters\nBody text here.",
            "Reuters",
            "Why This Matters",
        ),
    ];
    for (name, tail, source, title) in cases {
        let digest = format!("A headline\nA teaser.\n{tail}\n");
        let payload = json(&import_ok(&digest, &with_url()));
        assert_eq!(payload["source"]["name"], *source, "{name}");
        assert_eq!(payload["sections"][0]["title"], *title, "{name}");
        assert_eq!(payload["sections"][0]["body"], "Body text here.", "{name}");
    }
}

#[test]
fn a_given_source_name_splits_the_line() {
    let digest =
        "A headline\nA teaser.\nRead Full Story at ABC NewsWhat Comes Next\nBody text here.\n";
    let payload = json(&import_ok(
        digest,
        &Options {
            source_name: Some("ABC News".into()),
            ..with_url()
        },
    ));
    assert_eq!(payload["source"]["name"], "ABC News");
    assert_eq!(payload["sections"][0]["title"], "What Comes Next");
}

#[test]
fn teasers_keep_the_fullest_form_and_quotes_only_when_they_are_quotes() {
    /// (name, teaser lines, expected dek, expected quote text and attribution)
    type Case<'a> = (
        &'a str,
        &'a str,
        &'a str,
        Option<(&'a str, Option<&'a str>)>,
    );
    let cases: &[Case] = &[
        (
            "a repeat cut with an ellipsis",
            "The council voted to close the garage…\nThe council voted to close the garage after a long debate.",
            "The council voted to close the garage after a long debate.",
            None,
        ),
        (
            "an exact repeat",
            "The council voted.\nThe council voted.",
            "The council voted.",
            None,
        ),
        (
            "two different lines are both kept",
            "The council voted.\nThe mayor abstained.",
            "The council voted. The mayor abstained.",
            None,
        ),
        (
            "a short quotation is prose",
            "Critics call it \"move fast and break things\" thinking.",
            "Critics call it \"move fast and break things\" thinking.",
            None,
        ),
        (
            "a curly quotation with a speaker before the verb",
            "Residents were divided. “We have waited twenty years for these homes,” Maria Lopez said. More news soon.",
            "Residents were divided. More news soon.",
            Some(("We have waited twenty years for these homes.", Some("Maria Lopez"))),
        ),
        (
            "a pronoun is not an attribution",
            "Jane Doe was blunt. \"This plan will not survive the winter, and everyone knows it,\" she said.",
            "Jane Doe was blunt.",
            Some(("This plan will not survive the winter, and everyone knows it.", Some("Jane Doe"))),
        ),
        (
            "no name to be found",
            "The mood was grim. \"Nobody here expected the vote to go this way at all.\"",
            "The mood was grim.",
            Some(("Nobody here expected the vote to go this way at all.", None)),
        ),
    ];
    for (name, teaser, dek, quote) in cases {
        let digest = format!(
            "A headline\n{teaser}\nRead Full Story at Example →\nWhy This Matters\nBody.\n"
        );
        let payload = json(&import_ok(&digest, &with_url()));
        assert_eq!(payload["dek"], *dek, "{name}");
        match quote {
            Some((text, who)) => {
                assert_eq!(payload["quote"]["text"], *text, "{name}");
                assert_eq!(
                    payload["quote"].get("attribution").and_then(|a| a.as_str()),
                    *who,
                    "{name}"
                );
            }
            None => assert!(payload.get("quote").is_none(), "{name}: {payload}"),
        }
    }
}

#[test]
fn sections_paragraphs_and_bullets() {
    let digest = "\u{feff}A headline\r\nA teaser.\r\nRead Full Story at Example →\r\nWhy This Matters\r\nFirst paragraph.\r\n\r\nSecond paragraph.\r\nWhat Happens Next\r\n• January: design competition\r\n• March: planning application\r\nThen a paragraph.\r\nShort Title Like Line\r\nBody of the third section.\r\n";
    let payload = json(&import_ok(digest, &with_url()));
    assert_eq!(payload["headline"], "A headline");
    assert_eq!(
        payload["sections"],
        serde_json::json!([
            { "title": "Why This Matters", "body": "First paragraph.\n\nSecond paragraph." },
            { "title": "What Happens Next", "body": "- January: design competition\n- March: planning application\n\nThen a paragraph." },
            { "title": "Short Title Like Line", "body": "Body of the third section." }
        ])
    );
}

#[test]
fn digests_that_cannot_be_imported_say_why() {
    assert_eq!(import("", &with_url()).unwrap_err(), ImportError::Empty);
    assert_eq!(
        import(" \n\n", &with_url()).unwrap_err(),
        ImportError::Empty
    );
    assert_eq!(
        import(
            "A headline\nA teaser.\nWhy This Matters\nBody.",
            &with_url()
        )
        .unwrap_err(),
        ImportError::NoSourceLine
    );
    assert_eq!(
        import(
            "A headline\nRead Full Story at Example\nThis is body text with no title before it.",
            &with_url()
        )
        .unwrap_err(),
        ImportError::UntitledSection { line: 3 }
    );
    let message = ImportError::NoSourceUrl {
        name: "TechCrunch".into(),
    }
    .to_string();
    assert!(message.contains("--source-url"), "{message}");
}

#[test]
fn a_digest_with_no_teaser_or_sections_still_makes_a_card() {
    let payload = json(&import_ok(
        "Just a headline\nRead Full Story at Example\n",
        &with_url(),
    ));
    assert_eq!(payload["headline"], "Just a headline");
    assert!(payload.get("dek").is_none());
    assert!(payload.get("sections").is_none());
}

/// Arbitrary digests built from digest-like lines: the importer returns a payload or an error,
/// never panics, and what it returns as a payload serialises.
#[test]
fn arbitrary_digests_never_break_the_importer() {
    const LINES: &[&str] = &[
        "",
        "A headline",
        "Read Full Story at TechCrunch โWhy This Matters",
        "Read Full Story at",
        "Read more at X →",
        "Why This Matters",
        "Body text, with a sentence.",
        "- a bullet",
        "\"A quotation long enough to be a pull quote here,\" she said.",
        "“Unclosed quotation that goes on and on",
        "theโฆ",
        "โ",
        "Ã©â€™",
        "โรงเรียน",
        "   ",
        "Title?",
    ];
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let options = with_url();
    for _ in 0..5_000 {
        let count = (next() % 9) as usize;
        let digest: Vec<&str> = (0..count)
            .map(|_| LINES[(next() % LINES.len() as u64) as usize])
            .collect();
        let digest = digest.join(if next() % 2 == 0 { "\n" } else { "\r\n" });
        if let Ok(imported) = import(&digest, &options) {
            let json = imported.to_json();
            assert!(
                serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                "{digest:?}"
            );
        }
    }
}
