//! The events a card sends to the host page. Every one bubbles out of the shadow root (it is
//! `composed`), so one listener on `document` hears every card, and `event.target` is the
//! `<article-card>` element:
//!
//! ```js
//! document.addEventListener('article-card-toggle', (event) => {
//!   const { id, section, open } = event.detail;
//!   analytics.track(open ? 'section_open' : 'section_close', { article: id, section });
//! });
//! ```
//!
//! | event | when | `detail` |
//! | --- | --- | --- |
//! | `article-card-ready` | the card shows its article (a pre-rendered one: when the widget takes it over) | `id`, `headline`, `sections` (`[{ id, title }]`) |
//! | `article-card-toggle` | a section opens or closes | `id`, `section`, `title`, `open` |
//! | `article-card-link` | a link is followed (cancelable) | `id`, `link` (`"full-story"` or `"section"`), `href`, `section` |
//! | `article-card-error` | the card ends in the error state | `problems` (`[{ path, message }]`), `internal` |
//!
//! A pre-rendered card that sleeps (no engine yet) has its toggle and link events sent by the
//! loader, `js/article-card.js`, with the same `detail`; keep the two in step.
//!
//! Listeners run synchronously inside `dispatch_event`, and may call back into the card (a
//! method, or removing it, which frees it), so callers hold no borrow of card state while
//! dispatching (the rule in `card.rs`).

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::model::{Article, Problem};
use crate::view::{CardLink, Toggled};

// The events' names, each written only here. Hyphenated (they were `article-card:ready` and
// so on): a colon in an event name cannot be written in SWC-compiled JSX nor, without a
// warning, in a Svelte template, so no framework could bind them.

/// The card shows its article.
pub const READY_EVENT: &str = "article-card-ready";
/// A section opened or closed.
pub const TOGGLE_EVENT: &str = "article-card-toggle";
/// A link of the card is being followed (cancelable).
pub const LINK_EVENT: &str = "article-card-link";
/// The card ended in the error state.
pub const ERROR_EVENT: &str = "article-card-error";

/// Sends `article-card-ready` once the card shows its article (again after each new payload).
pub fn dispatch_ready(host: &HtmlElement, article: &Article) {
    let sections = Array::new();
    for section in article.sections.iter() {
        sections.push(&object(&[
            ("id", section.id.as_str().into()),
            ("title", JsValue::from_str(&section.title)),
        ]));
    }
    let detail = object(&[
        ("id", article.id.as_str().into()),
        ("headline", JsValue::from_str(&article.headline)),
        ("sections", sections.into()),
    ]);
    send(host, READY_EVENT, &detail, false);
}

/// Sends `article-card-toggle` for a section the reader (or a deep link, the find bar, or a
/// method call) opened or closed.
pub fn dispatch_toggle(host: &HtmlElement, toggled: &Toggled) {
    let detail = object(&[
        ("id", toggled.article.as_str().into()),
        ("section", toggled.section.as_str().into()),
        ("title", toggled.title.as_str().into()),
        ("open", toggled.open.into()),
    ]);
    send(host, TOGGLE_EVENT, &detail, false);
}

/// Sends the cancelable `article-card-link` for a link of `article` the reader is following to
/// `href` (resolved, as the browser follows it). Returns `false` when a listener called
/// `preventDefault()`: the caller then stops the navigation (a host page may open the story in
/// its own viewer instead).
pub fn dispatch_link(host: &HtmlElement, article: &str, link: CardLink<'_>, href: &str) -> bool {
    let (kind, section) = match link {
        CardLink::Section(section) => ("section", JsValue::from(section.id.as_str())),
        CardLink::FullStory => ("full-story", JsValue::NULL),
    };
    let detail = object(&[
        ("id", article.into()),
        ("link", kind.into()),
        ("href", href.into()),
        ("section", section),
    ]);
    send(host, LINK_EVENT, &detail, true)
}

/// Sends `article-card-error` from `host` with every problem in `detail.problems`.
pub fn dispatch_error(host: &HtmlElement, problems: &[Problem]) {
    let list = Array::new();
    for problem in problems {
        list.push(&object(&[
            ("path", problem.path.as_str().into()),
            ("message", problem.kind.to_string().into()),
        ]));
    }
    // `internal` is `true` only in the event the loader sends when the engine itself failed (a
    // trap, `js/article-card.js`): the engine never reports that about itself.
    let detail = object(&[("problems", list.into()), ("internal", false.into())]);
    send(host, ERROR_EVENT, &detail, false);
}

fn object(members: &[(&str, JsValue)]) -> JsValue {
    let item = Object::new();
    for (name, value) in members {
        // Setting a plain data property on a fresh object cannot fail.
        let _ = Reflect::set(&item, &JsValue::from_str(name), value);
    }
    item.into()
}

/// Dispatches the event; `false` if it was cancelable and a listener cancelled it.
fn send(host: &HtmlElement, name: &str, detail: &JsValue, cancelable: bool) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(cancelable);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is reported by the browser; it does not stop the card.
        Ok(event) => host.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}
