//! The card's components in a real browser: what renders, and what a toggle changes.
#![cfg(target_arch = "wasm32")]

mod common;

use std::rc::Rc;

use article_card::view::CardState;
use common::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn seed_card_renders_every_part() {
    let (host, _app) = mount(CardState::Ready(article(SEED))).await;
    let headline = one(&host, "h2.card__headline");
    assert_eq!(
        text(&headline),
        "Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI"
    );
    assert_eq!(text(&one(&host, ".card__source")), "TechCrunch");
    assert_eq!(
        text(&one(&host, ".card__dek")),
        "Anthropic isn't hiding its frustration."
    );
    assert!(text(&one(&host, "blockquote.card__quote")).starts_with("We disagree"));
    assert_eq!(text(&one(&host, ".card__attribution")), "Anthropic");
    let card = one(&host, "article.card");
    assert_eq!(card.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        card.get_attribute("aria-labelledby"),
        headline.get_attribute("id")
    );

    let titles: Vec<String> = all(&host, ".section__title")
        .iter()
        .map(|t| text(t))
        .collect();
    assert_eq!(
        titles,
        [
            "Why This Matters",
            "Background Context",
            "What Happens Next",
            "Bigger Picture"
        ]
    );

    let link = one(&host, "a.card__link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://techcrunch.com/")
    );
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert!(text(&link).starts_with("Read the full story at TechCrunch"));
}

#[wasm_bindgen_test]
async fn sections_start_collapsed_with_true_aria() {
    let (host, _app) = mount(CardState::Ready(article(SEED))).await;
    for button in all(&host, "button.section__toggle") {
        assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
        assert_eq!(
            button.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
        let panel_id = button
            .get_attribute("aria-controls")
            .expect("aria-controls");
        let panel = one(&host, &format!("[id='{panel_id}']"));
        assert!(
            panel.has_attribute("hidden"),
            "{panel_id} should start hidden"
        );
        assert_eq!(panel.get_attribute("role").as_deref(), Some("region"));
        // Named by its button, then the card's headline (distinct landmarks across cards).
        assert_eq!(
            panel.get_attribute("aria-labelledby"),
            Some(format!(
                "{} anthropic-model-recall---headline",
                button.get_attribute("id").unwrap()
            ))
        );
        assert_eq!(
            panel.get_attribute("hidden").as_deref(),
            Some("until-found")
        );
        // The button sits inside a heading, so screen-reader heading navigation finds it.
        assert_eq!(button.parent_element().unwrap().tag_name(), "H3");
    }
}

#[wasm_bindgen_test]
async fn clicking_a_section_expands_and_collapses_it() {
    let (host, _app) = mount(CardState::Ready(article(SEED))).await;
    let buttons = all(&host, "button.section__toggle");
    let why = &buttons[0];
    let panel = one(
        &host,
        "[id='anthropic-model-recall--why-this-matters--panel']",
    );

    why.click();
    yew::scheduler::flush().await;
    assert_eq!(why.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert!(!panel.has_attribute("hidden"));
    assert!(panel.offset_height() > 0, "the expanded panel takes space");
    assert!(text(&panel).starts_with("The standoff between Anthropic and federal regulators"));
    // Only the clicked section opened.
    for other in &buttons[1..] {
        assert_eq!(
            other.get_attribute("aria-expanded").as_deref(),
            Some("false")
        );
    }

    why.click();
    yew::scheduler::flush().await;
    assert_eq!(why.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(panel.has_attribute("hidden"));
}

#[wasm_bindgen_test]
async fn open_sections_start_expanded_and_bodies_keep_their_structure() {
    let (host, _app) = mount(CardState::Ready(article(GARAGES))).await;
    let buttons = all(&host, "button.section__toggle");
    assert_eq!(
        buttons[0].get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(
        buttons[1].get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    let background = one(&host, "[id='garages-to-homes--background--panel']");
    assert_eq!(all(&background, "p").len(), 2);
    assert_eq!(all(&background, "ul > li").len(), 3);
    let times = all(&host, ".card__meta time");
    assert_eq!(
        times[0].get_attribute("datetime").as_deref(),
        Some("2026-11-27T18:30:00Z")
    );
    assert_eq!(text(&times[0]), "27 November 2026");
}

#[wasm_bindgen_test]
async fn hostile_text_stays_text() {
    let json = r#"{"version": 1, "headline": "<img src=x onerror=\"window.__pwned=1\">",
        "dek": "<script>window.__pwned=1</script>",
        "source": {"name": "<b>S</b>", "url": "https://s.example/\"onmouseover=\"x"},
        "sections": [{"title": "<svg onload=alert(1)>", "body": "<iframe src=javascript:alert(1)>"}]}"#;
    let (host, _app) = mount(CardState::Ready(article(json))).await;
    assert_eq!(
        text(&one(&host, "h2.card__headline")),
        "<img src=x onerror=\"window.__pwned=1\">"
    );
    assert!(
        all(&host, "img, script, svg, iframe, b").is_empty(),
        "no markup from the payload"
    );
    let link = one(&host, "a.card__link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://s.example/\"onmouseover=\"x")
    );
    assert!(!link.has_attribute("onmouseover"));
}

#[wasm_bindgen_test]
async fn an_invalid_payload_renders_the_error_state_with_every_problem() {
    let json = r#"{"version": 1, "headline": "", "source": {"name": "S", "url": "javascript:alert(1)"},
        "sections": [{"title": "", "body": "x"}]}"#;
    let (host, _app) = mount(CardState::Failed(Rc::new(problems(json)))).await;
    assert!(host.query_selector("article.card").unwrap().is_none());
    let message = text(&one(&host, ".card-error__message"));
    assert!(message.contains("could not be shown"), "{message}");
    let items: Vec<String> = all(&host, ".card-error__details li")
        .iter()
        .map(|li| text(li))
        .collect();
    assert_eq!(
        items,
        [
            "headline: must not be empty",
            "source.url: must be an http or https URL",
            "sections[0].title: must not be empty",
        ]
    );
    assert_eq!(
        text(&one(&host, ".card-error__details summary")),
        "3 problems"
    );
}

#[wasm_bindgen_test]
fn the_browser_parser_and_the_native_one_agree_on_errors() {
    let too_deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let found: Vec<String> = problems(&too_deep)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, ["payload: nests deeper than 32 levels"]);
    let found: Vec<String> = problems("{\"version\": 1,")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 1);
    assert!(
        found[0].starts_with("payload: is not valid JSON ("),
        "{found:?}"
    );
    let duplicate = r#"{"version": 1, "headline": 5, "headline": "Last wins", "source": {"name": "S", "url": "https://s.example/"}}"#;
    assert_eq!(&*article(duplicate).headline, "Last wins");
}
