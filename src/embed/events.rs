//! The events a card sends to the host page. `article-card:error` bubbles out of the shadow root
//! (it is `composed`), so one listener on `document` hears every card:
//!
//! ```js
//! document.addEventListener('article-card:error', (event) => {
//!   // event.target is the <article-card>; event.detail.problems is [{ path, message }, …]
//!   console.table(event.detail.problems);
//! });
//! ```

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::model::Problem;

/// The name of the event a card sends when it ends in the error state.
pub const ERROR_EVENT: &str = "article-card:error";

/// Sends `article-card:error` from `host` with every problem in `detail.problems`. Listeners
/// run before this returns, so callers hold no borrow of card state while calling it.
pub fn dispatch_error(host: &HtmlElement, problems: &[Problem]) {
    let list = Array::new();
    for problem in problems {
        list.push(&problem_object(&problem.path, &problem.kind.to_string()));
    }
    dispatch(host, &list, false);
}

/// The same event for a card stopped by an internal error (a panic): one problem at `card`.
/// `detail.internal` is `true`, so a host page can tell a broken engine from a broken payload.
pub fn dispatch_internal(host: &HtmlElement, message: &str) {
    let list = Array::of1(&problem_object("card", message));
    dispatch(host, &list, true);
}

fn problem_object(path: &str, message: &str) -> JsValue {
    let item = Object::new();
    // Setting a plain data property on a fresh object cannot fail.
    let _ = Reflect::set(&item, &"path".into(), &path.into());
    let _ = Reflect::set(&item, &"message".into(), &message.into());
    item.into()
}

fn dispatch(host: &HtmlElement, problems: &Array, internal: bool) {
    let detail = Object::new();
    let _ = Reflect::set(&detail, &"problems".into(), problems);
    let _ = Reflect::set(&detail, &"internal".into(), &internal.into());
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(ERROR_EVENT, &init) {
        // A listener that throws is reported by the browser; it does not stop the card.
        let _ = host.dispatch_event(&event);
    }
}
