//! The Yew apps cards render with, and the idle ones kept for the next card. One wasm instance
//! serves every card; each card is its own Yew app, so one card's failure never reaches another.
//!
//! Apps are reused, not destroyed: Yew 0.23 never removes the event listener it puts on an
//! app's root element ("the registry is never dropped in production"), so every destroyed app
//! would leave its root element, a listener and a little wasm memory behind for the life of the
//! page. A removed card's app is emptied (`CardState::Idle`) and kept, detached, and the next
//! card to connect takes it. What stays allocated is bounded by the most cards ever connected
//! at once, however many come and go. The old card's view state (its open sections) carries
//! over only when the next card shows the same article in the same task, as when an element is
//! moved in the document; otherwise the empty state has rendered in between and the next card
//! starts fresh.
//!
//! The pool is borrowed only to push or pop: an app is updated after the borrow ends.

use std::cell::RefCell;

use web_sys::{Element, HtmlElement, ShadowRoot};
use yew::AppHandle;

use super::shadow;
use crate::model::Problem;
use crate::view::{CardOptions, CardRootProps, CardState, Materialize};

/// The component mounted in each card. The test-only bundle (cargo feature `test-panic`) wraps
/// it in one whose render can be made to panic.
#[cfg(not(feature = "test-panic"))]
type Root = crate::view::CardRoot;
#[cfg(feature = "test-panic")]
type Root = super::test_panic::TestRoot;

/// A Yew app and the element it renders into, which goes into a card's shadow root.
pub struct App {
    handle: AppHandle<Root>,
    container: Element,
}

thread_local! {
    static IDLE: RefCell<Vec<App>> = const { RefCell::new(Vec::new()) };
}

/// An app showing `props`, for the card in `host`: an idle one if there is one, else a new one.
pub fn lend(host: &HtmlElement, props: CardRootProps) -> Result<App, Problem> {
    let props = with_dom_parts(props);
    if let Some(mut app) = IDLE.with(|idle| idle.borrow_mut().pop()) {
        app.show(props);
        return Ok(app);
    }
    let container = shadow::container(host)?;
    let handle = yew::Renderer::<Root>::with_root_and_props(container.clone(), props).render();
    Ok(App { handle, container })
}

/// Empties `app`, takes it out of its card, and keeps it for the next card.
pub fn give_back(mut app: App) {
    app.show(CardRootProps {
        state: CardState::Idle,
        options: CardOptions::default(),
    });
    app.container.remove();
    IDLE.with(|idle| idle.borrow_mut().push(app));
}

/// The card's fixed markup is made as DOM nodes here, in the browser (`view/fixed.rs`).
fn with_dom_parts(mut props: CardRootProps) -> CardRootProps {
    props.options.materialize = Materialize(Some(super::fixed::materialize));
    props
}

impl App {
    /// Renders `props` (in Yew's next render task, not now).
    pub fn show(&mut self, props: CardRootProps) {
        self.handle.update(with_dom_parts(props));
    }

    /// Puts the app's element into the card's shadow root.
    pub fn attach(&self, root: &ShadowRoot) -> Result<(), Problem> {
        shadow::attach(root, &self.container)
    }
}
