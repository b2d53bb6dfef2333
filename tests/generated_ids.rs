//! Issue 15, defect 4: the ids a pre-rendered card gives its own elements never collide with a
//! section's address (`<card>--<section>`, public) or with each other, whatever ids the payload
//! chooses. The widget renders the same components; tests/e2e/robustness.test.mjs checks it.
#![cfg(not(target_arch = "wasm32"))]

use article_card::render::{render_payload, RenderOptions};
use scraper::{Html, Selector};
use serde_json::json;

/// Every element id in the pre-rendered card, in document order.
fn ids(section_ids: &[&str]) -> Vec<String> {
    let sections: Vec<_> = section_ids
        .iter()
        .enumerate()
        .map(|(i, id)| json!({ "id": id, "title": format!("Title {i}"), "body": "Body." }))
        .collect();
    let payload = json!({
        "version": 1,
        "id": "card",
        "headline": "Headline",
        "source": { "name": "S", "url": "https://example.com/" },
        "sections": sections,
    });
    let html = render_payload(&payload.to_string(), &RenderOptions::default()).unwrap();
    let doc = Html::parse_document(&html);
    let with_id = Selector::parse("[id]").unwrap();
    doc.select(&with_id)
        .filter_map(|el| el.value().attr("id").map(str::to_owned))
        .collect()
}

fn assert_unique(ids: &[String]) {
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "{id:?} is used twice in {ids:?}");
    }
}

#[test]
fn issue15_defect4_a_section_named_headline_keeps_its_address() {
    let ids = ids(&["headline", "why"]);
    assert_unique(&ids);
    // The section's public address is unchanged, and it names the section.
    assert!(ids.contains(&"card--headline".to_owned()), "{ids:?}");
    assert!(ids.contains(&"card--why".to_owned()), "{ids:?}");
}

#[test]
fn issue15_defect4_no_section_ids_collide_with_generated_ids() {
    // Every word the card uses for its own ids, as a section id and joined to others.
    let words = [
        "headline",
        "button",
        "panel",
        "card",
        "section",
        "title",
        "link",
        "expand",
        "headline-2",
        "button-panel",
        "a",
    ];
    let ids = ids(&words);
    assert_unique(&ids);
    for word in words {
        assert!(
            ids.contains(&format!("card--{word}")),
            "card--{word} in {ids:?}"
        );
    }
}
