//! The live cards on the page, by id. One wasm instance serves every card; each card is its own
//! Yew app, so one card's failure never reaches another.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use web_sys::{AbortController, Element, HtmlElement};
use yew::AppHandle;

use super::payload::{self, PayloadSource};
use super::shadow;
use crate::model::{Problem, ProblemKind};
use crate::view::{CardRoot, CardRootProps, CardState};

struct Mounted {
    host: HtmlElement,
    app: AppHandle<CardRoot>,
    container: Element,
    /// Cancels the payload fetch if the card goes away first.
    abort: Option<AbortController>,
}

#[derive(Default)]
struct Registry {
    next_id: u32,
    cards: HashMap<u32, Mounted>,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

pub fn mount(host: HtmlElement) -> u32 {
    let id = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        r.next_id = r.next_id.wrapping_add(1);
        r.next_id
    });
    let container = match shadow::prepare(&host) {
        Ok(container) => container,
        Err(problem) => {
            // No shadow root to render into: say so where a developer will look.
            payload::report(&host, &[problem]);
            set_state(&host, "error");
            return id;
        }
    };
    let (state, fetch) = match payload::source(&host) {
        PayloadSource::Inline(text) => (state_from(payload::parse(&text)), None),
        PayloadSource::Url(url) => (CardState::Loading, Some(url)),
        PayloadSource::Missing => (
            CardState::Failed(Rc::new(vec![Problem::new(
                "payload",
                ProblemKind::NoPayload,
            )])),
            None,
        ),
    };
    announce(&host, &state);
    let app =
        yew::Renderer::<CardRoot>::with_root_and_props(container.clone(), CardRootProps { state })
            .render();
    let abort = fetch.as_ref().and_then(|_| AbortController::new().ok());
    if let Some(url) = fetch {
        let signal = abort.as_ref().map(AbortController::signal);
        wasm_bindgen_futures::spawn_local(async move {
            let result = payload::fetch(&url, signal.as_ref()).await;
            // The card may have been removed while the fetch was under way.
            update(id, state_from(result));
        });
    }
    REGISTRY.with(|r| {
        r.borrow_mut().cards.insert(
            id,
            Mounted {
                host,
                app,
                container,
                abort,
            },
        )
    });
    id
}

pub fn unmount(id: u32) {
    let Some(card) = REGISTRY.with(|r| r.borrow_mut().cards.remove(&id)) else {
        return;
    };
    if let Some(abort) = card.abort {
        abort.abort();
    }
    card.app.destroy();
    card.container.remove();
}

fn update(id: u32, state: CardState) {
    let host = REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let card = r.cards.get_mut(&id)?;
        card.abort = None;
        card.app.update(CardRootProps {
            state: state.clone(),
        });
        Some(card.host.clone())
    });
    if let Some(host) = host {
        announce(&host, &state);
    }
}

fn state_from(result: Result<crate::model::Article, Vec<Problem>>) -> CardState {
    match result {
        Ok(article) => CardState::Ready(Rc::new(article)),
        Err(problems) => CardState::Failed(Rc::new(problems)),
    }
}

/// Mirrors the state on the host element (`data-state`) for the host page's CSS and for
/// tests, and sends problems to the console.
fn announce(host: &HtmlElement, state: &CardState) {
    match state {
        CardState::Loading => set_state(host, "loading"),
        CardState::Ready(_) => set_state(host, "ready"),
        CardState::Failed(problems) => {
            payload::report(host, problems);
            set_state(host, "error");
        }
    }
}

fn set_state(host: &HtmlElement, state: &str) {
    // Setting an attribute on an element we were handed cannot fail in practice; if it ever
    // does, the card itself still renders, so the error is not worth surfacing.
    let _ = host.set_attribute("data-state", state);
}
