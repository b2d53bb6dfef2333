//! One card, owned by its element: the handle the loader creates in `connectedCallback`
//! (`new Card(element, payload)`) and frees in `disconnectedCallback`. The handle owns
//! everything the card holds: its Yew app, its payload's address, its fetch, and what it shows.
//! Freeing it aborts the fetch and returns the app to the pool (`pool.rs`); there is no table
//! of cards to look one up in.
//!
//! What is shared: the handle keeps its state in an `Rc` ([`Shared`]). The card's async work (a
//! fetch, announcing `ready` after Yew's render) and the callbacks its view calls (a toggle,
//! Retry) hold only a `Weak` to it, so they never keep a freed card alive, and a task that
//! finds the card gone, or showing something else, does nothing.
//!
//! Re-entrancy, the one rule: a borrow of a card's [`Live`] state is never held across a call
//! that can run page script (dispatching an event, logging to the console); state is copied
//! out first. Page script may free the card or call its methods from any event listener, so
//! with this rule no borrow is ever outstanding when script re-enters, and every path uses
//! `borrow`/`borrow_mut`, after checking [`panic::failure`]: only a panic can leave a `RefCell`
//! borrowed, and after one nothing touches card state. `Drop` alone uses `try_borrow_mut`,
//! because `free()` still runs it after a panic and it must not panic itself.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{AbortController, Element, HtmlElement};
use yew::Callback;

use super::fetch::{self, Fetched, Fetcher};
use super::payload::{self, PayloadSource};
use super::pool::{self, App};
use super::{events, panic, reader, shadow};
use crate::model::{Article, Problem, ProblemKind};
use crate::view::{anchor_of_panel, CardLink, CardOptions, CardRootProps, CardState, Request};

/// A card in an `<article-card>` element, from `connectedCallback` until `free()`.
#[wasm_bindgen]
pub struct Card {
    shared: Rc<Shared>,
    /// Known to the panic hook for as long as the handle lives.
    _tracked: panic::Tracked,
}

struct Shared {
    host: HtmlElement,
    /// The loader's payload fetcher (see `fetch.rs`).
    fetcher: Fetcher,
    live: RefCell<Live>,
}

/// What a card holds while it is connected.
struct Live {
    /// `None` when the card could not be set up (no shadow root, or the engine had panicked):
    /// it shows an error and nothing else.
    app: Option<App>,
    /// The payload's address and deadline, for a retry; `None` for inline payloads.
    src: Option<Src>,
    /// The fetch under way, if any; aborting it cancels it.
    fetch: Option<AbortController>,
    /// What the card shows and how, as last given to its app.
    shown: CardState,
    options: CardOptions,
}

#[derive(Clone)]
struct Src {
    url: String,
    timeout_ms: u32,
}

#[wasm_bindgen]
impl Card {
    /// Renders a card into `host` from `payload` (the element's `payload` property: an object
    /// there wins over the `src` attribute and inline JSON; `undefined` or `null` means none),
    /// fetching a `src` payload through the loader's `fetcher`.
    /// Never throws: every failure becomes the error card, and an internal error (a panic)
    /// stops every card in the error state (see `panic.rs`).
    #[wasm_bindgen(constructor)]
    pub fn new(host: HtmlElement, payload: JsValue, fetcher: Fetcher) -> Card {
        panic::install();
        // Known to the panic hook from the start, so a panic from here on still reaches it.
        let tracked = panic::track(&host);
        let shared = Rc::new(Shared {
            host,
            fetcher,
            live: RefCell::new(Live {
                app: None,
                src: None,
                fetch: None,
                shown: CardState::Idle,
                options: CardOptions::default(),
            }),
        });
        match panic::failure() {
            Some(failure) => panic::show_failure(&shared.host, &failure),
            None => shared.connect(&payload),
        }
        Card {
            shared,
            _tracked: tracked,
        }
    }

    /// The element's `expandAll()` (`open` is `true`) and `collapseAll()`: opens or closes
    /// every section, now or when the article renders.
    #[wasm_bindgen(js_name = openAll)]
    pub fn open_all(&self, open: bool) {
        self.shared.ask(Request::All(open));
    }

    /// The element's `open(sectionId)`: an id the card does not have changes nothing.
    pub fn open(&self, section: String) {
        self.shared.ask(Request::Section(section.into()));
    }

    /// The page's address changed (`hashchange`): if it names one of this card's sections,
    /// the section opens and scrolls into view.
    #[wasm_bindgen(js_name = followFragment)]
    pub fn follow_fragment(&self) {
        let Some(anchor) = reader::fragment() else {
            return;
        };
        if panic::failure().is_some() || !self.shared.shows_an_article() {
            return;
        }
        self.shared.ask(Request::Anchor(anchor.clone()));
        reader::reveal(&self.shared.host, anchor);
    }

    /// The find bar is about to open `panel`, a closed section panel of this card
    /// (`beforematch`): the card's state follows, so the section's button says "expanded" too.
    pub fn matched(&self, panel: Element) {
        if let Some(anchor) = anchor_of_panel(&panel.id()) {
            self.shared.ask(Request::Anchor(anchor.to_owned().into()));
        }
    }

    /// The reader is following `link`, a link in the card's shadow root: if it is one of the
    /// card's links (the view says which, by its address), the page hears of it
    /// (`article-card-link`). Returns `false` if the page cancelled it: the loader then stops
    /// the navigation.
    pub fn followed(&self, link: Element) -> bool {
        if panic::failure().is_some() {
            return true;
        }
        let article = match &self.shared.live.borrow().shown {
            CardState::Ready(article) => article.clone(),
            _ => return true,
        };
        let href = link.get_attribute("href").unwrap_or_default();
        let Some(named) = CardLink::at(&article, &href) else {
            return true;
        };
        // The resolved address, as the browser follows it.
        let resolved = js_sys::Reflect::get(&link, &JsValue::from_str("href"))
            .ok()
            .and_then(|href| href.as_string())
            .unwrap_or(href);
        events::dispatch_link(&self.shared.host, &article.id, named, &resolved)
    }
}

impl Drop for Card {
    /// Aborts the fetch and returns the app to the pool. The shadow root keeps nothing: the
    /// app's element leaves it with the app.
    fn drop(&mut self) {
        let Ok(mut live) = self.shared.live.try_borrow_mut() else {
            return;
        };
        if let Some(fetch) = live.fetch.take() {
            fetch.abort();
        }
        live.shown = CardState::Idle;
        let app = live.app.take();
        drop(live);
        let Some(app) = app else {
            return;
        };
        if panic::failure().is_some() {
            // Yew may be the part that broke: leave its app alone and only clear what was shown.
            if let Some(root) = self.shared.host.shadow_root() {
                root.replace_children_with_node_0();
            }
            return;
        }
        pool::give_back(app);
    }
}

impl Shared {
    /// Sets the card up in its element and starts it: the first state, an app showing it in
    /// the shadow root, then the announcement and the fetch.
    fn connect(self: &Rc<Self>, given: &JsValue) {
        let root = match shadow::prepare(&self.host) {
            Ok(root) => root,
            // No shadow root to render into: say so where a developer will look.
            Err(problem) => return report_failure(&self.host, &[problem]),
        };
        let (shown, src) = first_state(&self.host, given);
        let options = self.options();
        // A deep link on load opens its section from the first render.
        let fragment = reader::fragment();
        if let Some(anchor) = &fragment {
            options.remote.send(Request::Anchor(anchor.clone()));
        }
        let props = CardRootProps {
            state: shown.clone(),
            options: options.clone(),
        };
        let app = match pool::lend(&self.host, props) {
            Ok(app) => app,
            Err(problem) => return report_failure(&self.host, &[problem]),
        };
        if let Err(problem) = app.attach(&root) {
            pool::give_back(app);
            return report_failure(&self.host, &[problem]);
        }
        *self.live.borrow_mut() = Live {
            app: Some(app),
            src,
            fetch: None,
            shown: shown.clone(),
            options,
        };
        self.announce(&shown);
        if let (CardState::Ready(_), Some(anchor)) = (&shown, fragment) {
            reader::reveal(&self.host, anchor);
        }
        self.fetch(false);
    }

    /// The element's options, and the view's lines back to this card.
    fn options(self: &Rc<Self>) -> CardOptions {
        let mut options = reader::options(&self.host);
        let card = Rc::downgrade(self);
        options.on_toggle = Callback::from(move |toggled| {
            if let Some(card) = card.upgrade() {
                events::dispatch_toggle(&card.host, &toggled);
            }
        });
        let card = Rc::downgrade(self);
        options.on_retry = Callback::from(move |()| {
            if let Some(card) = card.upgrade() {
                card.retry();
            }
        });
        options
    }

    /// Sends `request` to the card's open sections (kept until its article renders if it has
    /// not yet).
    fn ask(&self, request: Request) {
        if panic::failure().is_some() {
            return;
        }
        let remote = self.live.borrow().options.remote.clone();
        remote.send(request);
    }

    fn shows_an_article(&self) -> bool {
        matches!(self.live.borrow().shown, CardState::Ready(_))
    }

    /// The error card's "Try again": fetch the payload again, past any cache.
    fn retry(self: &Rc<Self>) {
        #[cfg(feature = "test-panic")]
        super::test_panic::on_retry();
        if panic::failure().is_some() {
            return;
        }
        self.fetch(true);
    }

    /// Fetches the payload from `src`, if the card has one and is not fetching it already (a
    /// second click on Retry before the first has rendered: one fetch is enough). A retry
    /// shows the loading state and asks caches to check with the server.
    fn fetch(self: &Rc<Self>, retry: bool) {
        let (src, controller) = {
            let mut live = self.live.borrow_mut();
            if live.fetch.is_some() {
                return;
            }
            let Some(src) = live.src.clone() else {
                return;
            };
            let Ok(controller) = AbortController::new() else {
                return;
            };
            live.fetch = Some(controller.clone());
            if retry {
                live.show(CardState::Loading);
            }
            (src, controller)
        };
        if retry {
            self.announce(&CardState::Loading);
        }
        let fetched = fetch::fetch_text(
            &self.fetcher,
            &self.host,
            &src.url,
            src.timeout_ms,
            retry,
            &controller,
        );
        let card = Rc::downgrade(self);
        wasm_bindgen_futures::spawn_local(async move {
            let state = match fetched.await {
                Fetched::Text(text) => state_from(payload::parse(&text)),
                Fetched::Failed(problems) => failed(problems),
                Fetched::Cancelled => return,
            };
            if let Some(card) = card.upgrade() {
                card.fetched(&controller, state);
            }
        });
    }

    /// Shows a fetch's result, unless the card has been freed or started another fetch since.
    fn fetched(self: &Rc<Self>, controller: &AbortController, state: CardState) {
        if panic::failure().is_some() {
            return;
        }
        {
            let mut live = self.live.borrow_mut();
            if live.fetch.as_ref() != Some(controller) {
                return;
            }
            live.fetch = None;
            live.show(state.clone());
        }
        self.announce(&state);
        if let (CardState::Ready(_), Some(anchor)) = (&state, reader::fragment()) {
            reader::reveal(&self.host, anchor);
        }
    }

    /// Mirrors the state on the host element (`data-state`) for the host page's CSS and for
    /// tests; a failure also goes to the console and out as an `article-card-error` event.
    fn announce(self: &Rc<Self>, state: &CardState) {
        match state {
            CardState::Idle => {}
            CardState::Loading => set_state(&self.host, "loading"),
            CardState::Ready(article) => {
                // After Yew has rendered it (its render is queued before this task), so that a
                // listener finds the card in the shadow root; and only if the card still shows
                // this article by then.
                let card = Rc::downgrade(self);
                let article = article.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let Some(card) = card.upgrade() else {
                        return;
                    };
                    if panic::failure().is_some() || !card.shows(&article) {
                        return;
                    }
                    set_state(&card.host, "ready");
                    events::dispatch_ready(&card.host, &article);
                });
            }
            CardState::Failed(problems) => report_failure(&self.host, problems),
        }
    }

    fn shows(&self, article: &Rc<Article>) -> bool {
        matches!(&self.live.borrow().shown, CardState::Ready(shown) if Rc::ptr_eq(shown, article))
    }
}

impl Live {
    fn show(&mut self, state: CardState) {
        self.shown = state;
        if let Some(app) = &mut self.app {
            app.show(CardRootProps {
                state: self.shown.clone(),
                options: self.options.clone(),
            });
        }
    }
}

/// What a card shows first, and the address to fetch its payload from, if it has one.
fn first_state(host: &HtmlElement, given: &JsValue) -> (CardState, Option<Src>) {
    match payload::source(host, given) {
        PayloadSource::Inline(Ok(text)) | PayloadSource::Object(Ok(text)) => {
            (state_from(payload::parse(&text)), None)
        }
        PayloadSource::Inline(Err(problem)) | PayloadSource::Object(Err(problem)) => {
            (failed(vec![problem]), None)
        }
        PayloadSource::Url(url) => {
            let timeout_ms = fetch::timeout_ms(host.get_attribute("timeout"));
            (CardState::Loading, Some(Src { url, timeout_ms }))
        }
        PayloadSource::Attribute => (
            failed(vec![Problem::new("payload", ProblemKind::PayloadAttribute)]),
            None,
        ),
        PayloadSource::Missing => (
            failed(vec![Problem::new("payload", ProblemKind::NoPayload)]),
            None,
        ),
    }
}

fn state_from(result: Result<Article, Vec<Problem>>) -> CardState {
    match result {
        Ok(article) => CardState::Ready(Rc::new(article)),
        Err(problems) => failed(problems),
    }
}

fn failed(problems: Vec<Problem>) -> CardState {
    CardState::Failed(Rc::new(problems))
}

fn report_failure(host: &HtmlElement, problems: &[Problem]) {
    payload::report(host, problems);
    set_state(host, "error");
    events::dispatch_error(host, problems);
}

fn set_state(host: &HtmlElement, state: &str) {
    // Setting an attribute on an element we were handed cannot fail in practice; if it ever
    // does, the card itself still renders, so the error is not worth surfacing.
    let _ = host.set_attribute("data-state", state);
}
