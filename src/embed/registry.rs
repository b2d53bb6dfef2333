//! The live cards on the page, by id. One wasm instance serves every card; each card is its own
//! Yew app, so one card's failure never reaches another.
//!
//! Yew apps are reused, not destroyed: Yew 0.23 never removes the event listener it puts on an
//! app's root element ("the registry is never dropped in production"), so every destroyed app
//! would leave its root element, a listener and a little wasm memory behind for the life of the
//! page. A removed card's app is emptied (`CardState::Idle`) and kept, detached, and the
//! next card to connect takes it. What stays allocated is bounded by the most cards ever
//! connected at once, however many come and go. The old card's view state (its open sections)
//! carries over only when the next card shows the same article in the same task, as when an
//! element is moved in the document; otherwise the empty state has rendered in between and the
//! next card starts fresh.
//!
//! The registry is borrowed only for short, synchronous bookkeeping. Nothing that can call back
//! into the page (an event listener, the console) or into another card runs while it is
//! borrowed: a listener may well remove a card, which re-enters [`unmount`].

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortController, Element, Event, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback};

use super::fetch::{self, Fetched};
use super::payload::{self, PayloadSource};
use super::{events, panic, reader, shadow};
use crate::model::{Article, Problem, ProblemKind};
use crate::view::{CardOptions, CardRootProps, CardState, Request, Toggled};

/// The component mounted in each card. The test-only bundle (cargo feature `test-panic`) wraps
/// it in one whose render can be made to panic.
#[cfg(not(feature = "test-panic"))]
type Root = crate::view::CardRoot;
#[cfg(feature = "test-panic")]
type Root = super::test_panic::TestRoot;

struct Mounted {
    host: HtmlElement,
    app: AppHandle<Root>,
    container: Element,
    /// The payload's address and deadline, for a retry; `None` for inline payloads.
    src: Option<Src>,
    /// The fetch under way, if any; aborting it cancels it.
    fetch: Option<AbortController>,
    /// What the card shows and how, as last given to its app: a section opened from outside
    /// (a deep link, the find bar) changes `options` and re-renders with the same state.
    state: CardState,
    options: CardOptions,
}

impl Mounted {
    fn render(&mut self) {
        self.app.update(CardRootProps {
            state: self.state.clone(),
            options: self.options.clone(),
        });
    }

    /// Asks the card to change which sections are open.
    fn ask(&mut self, number: u32, request: Request) {
        self.options.request = Some((number, request));
        self.render();
    }

    /// The id of the article shown, if the card shows one.
    fn article_id(&self) -> Option<&str> {
        match &self.state {
            CardState::Ready(article) => Some(article.id.as_str()),
            _ => None,
        }
    }
}

#[derive(Clone)]
struct Src {
    url: String,
    timeout_ms: u32,
}

/// An emptied app, detached, waiting for its next card.
struct Idle {
    app: AppHandle<Root>,
    container: Element,
}

#[derive(Default)]
struct Registry {
    next_id: u32,
    /// A plain list, not a hash map: it is only searched when a card connects, disconnects or
    /// finishes a fetch, and leaving hashing out of the bundle saves every reader 1.4 KB gzip.
    cards: Vec<(u32, Mounted)>,
    idle: Vec<Idle>,
    /// Numbers open requests, so the same address asked for twice opens it twice.
    next_request: u32,
}

impl Registry {
    fn get_mut(&mut self, id: u32) -> Option<&mut Mounted> {
        self.cards
            .iter_mut()
            .find(|(k, _)| *k == id)
            .map(|(_, card)| card)
    }

    fn request(&mut self) -> u32 {
        self.next_request = self.next_request.wrapping_add(1);
        self.next_request
    }

    /// The id of the card rendered in `root`.
    fn by_root(&self, root: &ShadowRoot) -> Option<u32> {
        let host: JsValue = root.host().into();
        self.cards
            .iter()
            .find(|(_, card)| AsRef::<JsValue>::as_ref(&card.host) == &host)
            .map(|(id, _)| *id)
    }

    fn remove(&mut self, id: u32) -> Option<Mounted> {
        let at = self.cards.iter().position(|(k, _)| *k == id)?;
        Some(self.cards.swap_remove(at).1)
    }
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
    /// The one click listener every card's shadow root shares, for the retry button and links.
    static ON_CLICK: OnceCell<Closure<dyn FnMut(Event)>> = const { OnceCell::new() };
    /// The find bar is about to open a closed panel, in some card's shadow root.
    static ON_BEFOREMATCH: OnceCell<Closure<dyn FnMut(Event)>> = const { OnceCell::new() };
    /// The page's fragment changed: every card opens the section it names, if it has it.
    static ON_HASHCHANGE: OnceCell<Closure<dyn FnMut(Event)>> = const { OnceCell::new() };
}

/// Mounts a card in `host`; `given` is the element's `payload` property (`undefined` if unset).
pub fn mount(host: HtmlElement, given: &JsValue) -> u32 {
    panic::install();
    let id = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.next_id = r.next_id.wrapping_add(1);
        r.next_id
    });
    // Known to the panic hook from the start, so a panic from here on still reaches this card.
    panic::track(id, &host);
    if let Some(failure) = panic::failure() {
        panic::show_failure(&host, &failure);
        return id;
    }
    let root = match shadow::prepare(&host) {
        Ok(root) => root,
        Err(problem) => {
            // No shadow root to render into: say so where a developer will look.
            report_failure(&host, &[problem]);
            return id;
        }
    };
    let (state, src) = match payload::source(&host, given) {
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
        PayloadSource::Missing => (
            failed(vec![Problem::new("payload", ProblemKind::NoPayload)]),
            None,
        ),
    };
    let fragment = reader::fragment();
    let mut options = reader::options(
        &host,
        fragment.clone().map(|anchor| (0, Request::Anchor(anchor))),
    );
    options.on_toggle = {
        let host = host.clone();
        Callback::from(move |toggled: Toggled| events::dispatch_toggle(&host, &toggled))
    };
    let props = CardRootProps {
        state: state.clone(),
        options: options.clone(),
    };
    let (app, container) = match REGISTRY.with(|r| r.borrow_mut().idle.pop()) {
        Some(Idle { mut app, container }) => {
            app.update(props);
            (app, container)
        }
        None => match shadow::container(&host) {
            Ok(container) => {
                let app =
                    yew::Renderer::<Root>::with_root_and_props(container.clone(), props).render();
                (app, container)
            }
            Err(problem) => {
                report_failure(&host, &[problem]);
                return id;
            }
        },
    };
    listen(&root);
    if let Err(problem) = shadow::attach(&root, &container) {
        REGISTRY.with(|r| r.borrow_mut().idle.push(Idle { app, container }));
        report_failure(&host, &[problem]);
        return id;
    }
    let fetch = src
        .as_ref()
        .and_then(|src| Some((src.clone(), AbortController::new().ok()?)));
    REGISTRY.with(|r| {
        r.borrow_mut().cards.push((
            id,
            Mounted {
                host: host.clone(),
                app,
                container,
                src,
                fetch: fetch.as_ref().map(|(_, controller)| controller.clone()),
                state: state.clone(),
                options,
            },
        ))
    });
    announce(&host, &state);
    if let (CardState::Ready(_), Some(anchor)) = (&state, fragment) {
        reader::reveal(&host, anchor);
    }
    if let Some((src, controller)) = fetch {
        start_fetch(id, src, false, controller);
    }
    id
}

pub fn unmount(id: u32) {
    panic::untrack(id);
    let card = REGISTRY.with(|r| r.try_borrow_mut().ok()?.remove(id));
    if panic::failure().is_some() {
        // Yew may be the part that broke: leave its app alone and only clear what was shown.
        if let Some(root) = card.as_ref().and_then(|card| card.host.shadow_root()) {
            root.replace_children_with_node_0();
        }
        return;
    }
    let Some(card) = card else {
        return;
    };
    if let Some(controller) = card.fetch {
        controller.abort();
    }
    let Mounted {
        mut app, container, ..
    } = card;
    app.update(CardRootProps {
        state: CardState::Idle,
        options: CardOptions::default(),
    });
    container.remove();
    REGISTRY.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            r.idle.push(Idle { app, container });
        }
    });
}

/// Adds the shared listeners to a card's shadow root, and the page's `hashchange` listener once
/// (adding one again is a no-op: the DOM keeps one listener per function).
fn listen(root: &ShadowRoot) {
    let add = |cell: &OnceCell<Closure<dyn FnMut(Event)>>, handler: fn(Event), name: &str| {
        let listener = cell.get_or_init(|| Closure::<dyn FnMut(Event)>::new(handler));
        let _ = root.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref());
    };
    ON_CLICK.with(|cell| add(cell, on_click, "click"));
    ON_BEFOREMATCH.with(|cell| add(cell, on_beforematch, "beforematch"));
    ON_HASHCHANGE.with(|cell| {
        if cell.get().is_none() {
            let listener = cell.get_or_init(|| Closure::<dyn FnMut(Event)>::new(on_hashchange));
            if let Some(window) = web_sys::window() {
                let _ = window.add_event_listener_with_callback(
                    "hashchange",
                    listener.as_ref().unchecked_ref(),
                );
            }
        }
    });
}

/// The find bar found text in a closed panel: the browser opens it, and the card's state
/// follows, so its button says "expanded" too.
fn on_beforematch(event: Event) {
    let Some(root) = event
        .current_target()
        .and_then(|target| target.dyn_into::<ShadowRoot>().ok())
    else {
        return;
    };
    let Some(anchor) = reader::matched_section(&event) else {
        return;
    };
    REGISTRY.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return;
        };
        let request = r.request();
        if let Some(card) = r.by_root(&root).and_then(|id| r.get_mut(id)) {
            card.ask(request, Request::Anchor(anchor));
        }
    });
}

/// The fragment changed: each card opens the section it names, if it is one of its own, and
/// the one that has it scrolls it into view.
fn on_hashchange(_: Event) {
    if panic::failure().is_some() {
        return;
    }
    let Some(anchor) = reader::fragment() else {
        return;
    };
    let hosts = REGISTRY.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return Vec::new();
        };
        let request = r.request();
        r.cards
            .iter_mut()
            .filter(|(_, card)| matches!(card.state, CardState::Ready(_)))
            .map(|(_, card)| {
                card.ask(request, Request::Anchor(anchor.clone()));
                card.host.clone()
            })
            .collect::<Vec<_>>()
    });
    for host in hosts {
        reader::reveal(&host, anchor.clone());
    }
}

/// A click in some card's shadow root: on the retry button, retry that card; on one of its
/// links, tell the page (`article-card:link`), which may cancel the navigation.
fn on_click(event: Event) {
    let Some(target) = event
        .target()
        .and_then(|target| target.dyn_into::<Element>().ok())
    else {
        return;
    };
    let Some(root) = event
        .current_target()
        .and_then(|target| target.dyn_into::<ShadowRoot>().ok())
    else {
        return;
    };
    if let Ok(Some(link)) = target.closest("a[href]") {
        let Some((host, article)) = REGISTRY.with(|r| {
            let r = r.try_borrow().ok()?;
            let card = r
                .by_root(&root)
                .and_then(|id| r.cards.iter().find(|(k, _)| *k == id).map(|(_, card)| card))?;
            Some((card.host.clone(), card.article_id()?.to_owned()))
        }) else {
            return;
        };
        let section = link
            .closest("section.section")
            .ok()
            .flatten()
            .and_then(|section| section.get_attribute("data-section-id"));
        let kind = if section.is_some() {
            "section"
        } else {
            "full-story"
        };
        // The resolved address, as the browser would follow it.
        let href = js_sys::Reflect::get(&link, &JsValue::from_str("href"))
            .ok()
            .and_then(|href| href.as_string())
            .unwrap_or_default();
        if !events::dispatch_link(&host, &article, kind, &href, section.as_deref()) {
            event.prevent_default();
        }
        return;
    }
    if target
        .closest(".card-error__retry")
        .ok()
        .flatten()
        .is_none()
    {
        return;
    }
    let id = REGISTRY.with(|r| r.try_borrow().ok()?.by_root(&root));
    if let Some(id) = id {
        retry(id);
    }
}

/// The element's methods (`expandAll()`, `collapseAll()`, `open(sectionId)`): a request
/// pushed into the card, kept until its article renders if it has not yet.
pub fn request(id: u32, request: Request) {
    if panic::failure().is_some() {
        return;
    }
    REGISTRY.with(|r| {
        let Ok(mut r) = r.try_borrow_mut() else {
            return;
        };
        let number = r.request();
        if let Some(card) = r.get_mut(id) {
            card.ask(number, request);
        }
    });
}

/// The error card's retry button: fetch the payload again, past any cache.
fn retry(id: u32) {
    #[cfg(feature = "test-panic")]
    super::test_panic::on_retry();
    if panic::failure().is_some() {
        return;
    }
    let started = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let card = r.get_mut(id)?;
        // A second click before the first retry has rendered: one fetch is enough.
        if card.fetch.is_some() {
            return None;
        }
        let src = card.src.clone()?;
        let controller = AbortController::new().ok()?;
        card.fetch = Some(controller.clone());
        card.state = CardState::Loading;
        card.render();
        Some((card.host.clone(), src, controller))
    });
    if let Some((host, src, controller)) = started {
        announce(&host, &CardState::Loading);
        start_fetch(id, src, true, controller);
    }
}

fn start_fetch(id: u32, src: Src, revalidate: bool, controller: AbortController) {
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = fetch::fetch_text(&src.url, src.timeout_ms, revalidate, &controller).await;
        let state = match fetched {
            Fetched::Text(text) => state_from(payload::parse(&text)),
            Fetched::Failed(problems) => failed(problems),
            Fetched::Cancelled => return,
        };
        finish_fetch(id, &controller, state);
    });
}

/// Shows a fetch's result, unless the card has gone or started another fetch since.
fn finish_fetch(id: u32, controller: &AbortController, state: CardState) {
    if panic::failure().is_some() {
        return;
    }
    let host = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let card = r.get_mut(id)?;
        if card.fetch.as_ref() != Some(controller) {
            return None;
        }
        card.fetch = None;
        card.state = state.clone();
        card.render();
        Some(card.host.clone())
    });
    if let Some(host) = host {
        announce(&host, &state);
        if let (CardState::Ready(_), Some(anchor)) = (&state, reader::fragment()) {
            reader::reveal(&host, anchor);
        }
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

/// Mirrors the state on the host element (`data-state`) for the host page's CSS and for
/// tests; a failure also goes to the console and out as an `article-card:error` event.
fn announce(host: &HtmlElement, state: &CardState) {
    match state {
        CardState::Idle => {}
        CardState::Loading => set_state(host, "loading"),
        CardState::Ready(article) => {
            // After Yew has rendered it (its render is queued before this task), so that a
            // listener finds the card in the shadow root; and only if the card still shows
            // this article by then.
            let host = host.clone();
            let article = article.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if panic::failure().is_some() || !still_shows(&host, &article) {
                    return;
                }
                set_state(&host, "ready");
                events::dispatch_ready(&host, &article);
            });
        }
        CardState::Failed(problems) => report_failure(host, problems),
    }
}

/// Whether the card in `host` is still connected and showing `article`.
fn still_shows(host: &HtmlElement, article: &Rc<Article>) -> bool {
    let host: &JsValue = host.as_ref();
    REGISTRY.with(|r| {
        r.try_borrow().is_ok_and(|r| {
            r.cards.iter().any(|(_, card)| {
                AsRef::<JsValue>::as_ref(&card.host) == host
                    && matches!(&card.state, CardState::Ready(shown) if Rc::ptr_eq(shown, article))
            })
        })
    })
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
