//! The reader features in a real browser, at the component level: heading levels, "Expand
//! all", open requests sent through the card's remote (what deep links, the find bar and the
//! element's methods use), the page's language and direction, payload label overrides, and the
//! retry button's callback.
#![cfg(target_arch = "wasm32")]

mod common;

use article_card::view::{CardOptions, CardRoot, CardRootProps, CardState, Remote, Request};
use common::*;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use yew::{AppHandle, AttrValue};

wasm_bindgen_test_configure!(run_in_browser);

/// A payload with no language of its own, three sections and the given extra members.
fn payload(extra: &str) -> String {
    format!(
        r#"{{"version":1,"id":"budget","headline":"Budget passes","published":"2026-11-27T08:00:00Z",
        "source":{{"name":"Ledger","url":"https://example.com/b"}},{extra}
        "sections":[{{"id":"what","title":"What","body":"One two three."}},
                    {{"id":"who","title":"Who","body":"Four five."}},
                    {{"id":"next","title":"Next","body":"Six."}}]}}"#
    )
}

async fn mount_with(json: &str, options: CardOptions) -> (HtmlElement, AppHandle<CardRoot>) {
    let host = fresh_host("div");
    let app = yew::Renderer::<CardRoot>::with_root_and_props(
        host.clone().into(),
        CardRootProps {
            state: CardState::Ready(article(json)),
            options,
        },
    )
    .render();
    yew::scheduler::flush().await;
    (host, app)
}

fn expanded(host: &HtmlElement) -> Vec<String> {
    all(host, "button.section__toggle")
        .iter()
        .map(|b| b.get_attribute("aria-expanded").unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn heading_level_sets_the_section_headings_and_the_headline_one_above() {
    for (level, headline, section) in [
        (0, "H2", "H3"),
        (2, "H1", "H2"),
        (5, "H4", "H5"),
        (9, "H2", "H3"),
    ] {
        let options = CardOptions {
            heading_level: level,
            ..CardOptions::default()
        };
        let (host, _app) = mount_with(&payload(""), options).await;
        assert_eq!(
            one(&host, ".card__headline").tag_name(),
            headline,
            "level {level}"
        );
        for heading in all(&host, ".section__heading") {
            assert_eq!(heading.tag_name(), section, "level {level}");
            assert_eq!(all(&heading, "button").len(), 1);
        }
    }
}

#[wasm_bindgen_test]
async fn expand_all_opens_every_section_and_then_closes_them() {
    let (host, _app) = mount_with(&payload(""), CardOptions::default()).await;
    let button = one(&host, "button.card__expand");
    assert_eq!(text(&button), "Expand all");
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["true", "true", "true"]);
    assert_eq!(text(&button), "Collapse all");
    assert!(all(&host, ".section__panel")
        .iter()
        .all(|p| !p.has_attribute("hidden")));
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "false", "false"]);
    assert_eq!(text(&button), "Expand all");
}

/// Options whose remote already holds `requests`, and the remote.
fn asked(requests: &[Request]) -> (CardOptions, Remote) {
    let remote = Remote::default();
    for request in requests {
        remote.send(request.clone());
    }
    let options = CardOptions {
        remote: remote.clone(),
        ..CardOptions::default()
    };
    (options, remote)
}

fn anchor(address: &'static str) -> Request {
    Request::Anchor(AttrValue::from(address))
}

#[wasm_bindgen_test]
async fn an_open_request_opens_only_that_section_of_that_card() {
    // Sent before the first render (a deep link on load): open from the start.
    let (options, remote) = asked(&[anchor("budget--who")]);
    let (host, _app) = mount_with(&payload(""), options).await;
    assert_eq!(expanded(&host), ["false", "true", "false"]);

    // Another card's address, or no section: nothing changes.
    for other in ["other--who", "budget--nope", "budget", "budget-who"] {
        remote.send(anchor(other));
        yew::scheduler::flush().await;
        assert_eq!(expanded(&host), ["false", "true", "false"], "{other}");
    }

    // Closed by the reader, then asked for again: open again.
    one(&host, "[id='budget--who--button']").click();
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "false", "false"]);
    remote.send(anchor("budget--who"));
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "true", "false"]);
}

#[wasm_bindgen_test]
async fn a_new_remote_reaches_the_same_card_and_the_old_one_no_longer_does() {
    // As when an element is moved: the app is reused for the same article with a new card's
    // remote, which must reach the card's sections from then on.
    let (options, old) = asked(&[]);
    let (host, mut app) = mount_with(&payload(""), options).await;
    let (options, new) = asked(&[anchor("budget--next")]);
    app.update(CardRootProps {
        state: CardState::Ready(article(&payload(""))),
        options,
    });
    yew::scheduler::flush().await;
    assert_eq!(
        expanded(&host),
        ["false", "false", "true"],
        "waiting request applied"
    );
    old.send(Request::All(true));
    yew::scheduler::flush().await;
    assert_eq!(
        expanded(&host),
        ["false", "false", "true"],
        "the old remote is detached"
    );
    new.send(Request::All(true));
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["true", "true", "true"]);
}

#[wasm_bindgen_test]
async fn a_card_without_a_language_takes_the_page_language_and_direction() {
    let options = CardOptions {
        host_lang: Some(AttrValue::from("ar-EG")),
        ..CardOptions::default()
    };
    let (host, _app) = mount_with(&payload(""), options).await;
    let card = one(&host, "article.card");
    assert_eq!(card.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(card.get_attribute("lang"), None, "inherited, not repeated");
    assert_eq!(text(&one(&host, "button.card__expand")), "توسيع الكل");
    assert_eq!(text(&one(&host, ".card__date")), "نُشر في 27 نوفمبر 2026");

    // The payload's own language wins over the page's.
    let options = CardOptions {
        host_lang: Some(AttrValue::from("ar")),
        ..CardOptions::default()
    };
    let (host, _app) = mount_with(&payload(r#""lang":"de","#), options).await;
    let card = one(&host, "article.card");
    assert_eq!(card.get_attribute("dir").as_deref(), Some("ltr"));
    assert_eq!(card.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(text(&one(&host, "button.card__expand")), "Alle aufklappen");
    assert!(text(&one(&host, "a.card__link")).starts_with("Den ganzen Artikel bei Ledger lesen"));
}

#[wasm_bindgen_test]
async fn the_error_card_speaks_the_page_language() {
    let host = fresh_host("div");
    let _app = yew::Renderer::<CardRoot>::with_root_and_props(
        host.clone().into(),
        CardRootProps {
            state: CardState::Failed(std::rc::Rc::new(problems(r#"{"version":1}"#))),
            options: CardOptions {
                host_lang: Some(AttrValue::from("ja")),
                ..CardOptions::default()
            },
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert!(text(&one(&host, ".card-error__message"))
        .starts_with("この記事カードを表示できませんでした。"));
    assert_eq!(text(&one(&host, ".card-error summary")), "2件の問題");
}

#[wasm_bindgen_test]
async fn payload_labels_replace_the_card_words() {
    let labels = r#""labels":{"fullStory":"More at {source}","expandAll":"Open all","collapseAll":"Close all","readingTime":"{minutes}′","updated":"  "},"#;
    let (host, _app) = mount_with(&payload(labels), CardOptions::default()).await;
    let button = one(&host, "button.card__expand");
    assert_eq!(text(&button), "Open all");
    button.click();
    yew::scheduler::flush().await;
    assert_eq!(text(&button), "Close all");
    assert!(text(&one(&host, "a.card__link")).starts_with("More at Ledger"));
    let times: Vec<String> = all(&host, ".section__time")
        .iter()
        .map(|t| text(t))
        .collect();
    assert_eq!(times, ["1′", "1′", "1′"]);
    // Not overridden: the card's own words.
    assert!(text(&one(&host, ".card__date")).starts_with("Published "));
}

#[wasm_bindgen_test]
async fn method_requests_open_one_section_by_id_or_all_of_them() {
    // Before the first render (a method called while the card was loading): applied at once.
    let (options, remote) = asked(&[Request::All(true)]);
    let (host, _app) = mount_with(&payload(""), options).await;
    assert_eq!(expanded(&host), ["true", "true", "true"]);
    remote.send(Request::All(false));
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "false", "false"]);
    remote.send(Request::Section(AttrValue::from("next")));
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "false", "true"]);
    // An id the card does not have, or its address form (that is what Anchor is for): nothing.
    remote.send(Request::Section(AttrValue::from("nope")));
    yew::scheduler::flush().await;
    remote.send(Request::Section(AttrValue::from("budget--who")));
    yew::scheduler::flush().await;
    assert_eq!(expanded(&host), ["false", "false", "true"]);
}

#[wasm_bindgen_test]
async fn every_change_after_the_first_render_is_reported_once_with_its_section() {
    use std::cell::RefCell;
    use std::rc::Rc;

    use article_card::view::Toggled;

    let heard: Rc<RefCell<Vec<Toggled>>> = Rc::default();
    let on_toggle = {
        let heard = heard.clone();
        yew::Callback::from(move |toggled: Toggled| heard.borrow_mut().push(toggled))
    };
    // Opened from the start by a request: the initial state, not a change.
    let (options, remote) = asked(&[Request::Section(AttrValue::from("who"))]);
    let options = CardOptions {
        on_toggle,
        ..options
    };
    let (host, _app) = mount_with(&payload(""), options).await;
    assert!(heard.borrow().is_empty(), "no event for the first render");

    let summary = |heard: &Rc<RefCell<Vec<Toggled>>>| {
        heard
            .borrow_mut()
            .drain(..)
            .map(|t| format!("{}/{}/{}={}", t.article, t.section, t.title, t.open))
            .collect::<Vec<_>>()
    };
    one(&host, "[id='budget--what--button']").click();
    yew::scheduler::flush().await;
    assert_eq!(summary(&heard), ["budget/what/What=true"]);

    one(&host, "button.card__expand").click();
    yew::scheduler::flush().await;
    assert_eq!(
        summary(&heard),
        ["budget/next/Next=true"],
        "only what changed"
    );

    remote.send(Request::All(false));
    yew::scheduler::flush().await;
    assert_eq!(
        summary(&heard),
        [
            "budget/what/What=false",
            "budget/who/Who=false",
            "budget/next/Next=false"
        ]
    );
}

#[wasm_bindgen_test]
async fn the_retry_button_calls_back() {
    let retries = std::rc::Rc::new(std::cell::Cell::new(0));
    let on_retry = {
        let retries = retries.clone();
        yew::Callback::from(move |()| retries.set(retries.get() + 1))
    };
    let host = fresh_host("div");
    let _app = yew::Renderer::<CardRoot>::with_root_and_props(
        host.clone().into(),
        CardRootProps {
            state: CardState::Failed(std::rc::Rc::new(problems("{}"))),
            options: CardOptions {
                on_retry,
                ..CardOptions::default()
            },
        },
    )
    .render();
    yew::scheduler::flush().await;
    one(&host, "button.card-error__retry").click();
    assert_eq!(retries.get(), 1);
}

#[wasm_bindgen_test]
fn a_link_is_named_by_its_address() {
    use article_card::view::CardLink;

    let article = article(&payload(""));
    let at = |href: &str| {
        CardLink::at(&article, href).map(|link| match link {
            CardLink::FullStory => "full story",
            CardLink::Section(section) => section.id.as_str(),
        })
    };
    assert_eq!(at("https://example.com/b"), Some("full story"));
    assert_eq!(at("#budget--who"), Some("who"));
    for other in ["#budget--nope", "#other--who", "budget--who", "#budget", ""] {
        assert_eq!(at(other), None, "{other}");
    }
}
