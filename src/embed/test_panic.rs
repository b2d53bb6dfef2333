//! Test-only panic triggers, compiled only with the `test-panic` cargo feature. The shipped
//! bundle (`scripts/build-bundle.sh`) never enables it; `scripts/build-bundle.sh --test-panic` builds a
//! separate bundle with it, under `target/`, for the end-to-end test of what a panic does: the
//! instance traps, and the loader shows every card's error and starts a fresh instance.

use std::cell::Cell;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::view::{CardRoot, CardRootProps};

thread_local! {
    static ARMED: Cell<Option<Where>> = const { Cell::new(None) };
}

#[derive(Clone, Copy, PartialEq)]
enum Where {
    Render,
    Retry,
}

/// Makes the card code panic, the way a bug would:
/// - `"now"`: in this call (as a panic inside `new Card` would);
/// - `"task"`: in an async task (as a panic while handling a fetch result would);
/// - `"render"`: in the next Yew render of any card, in Yew's scheduler;
/// - `"retry"`: in the next retry click, inside an event listener.
#[wasm_bindgen]
pub fn test_panic(mode: &str) {
    match mode {
        "now" => panic!("test panic: now"),
        "task" => wasm_bindgen_futures::spawn_local(async { panic!("test panic: task") }),
        "render" => ARMED.with(|armed| armed.set(Some(Where::Render))),
        "retry" => ARMED.with(|armed| armed.set(Some(Where::Retry))),
        _ => {}
    }
}

/// What the test bundle mounts instead of [`CardRoot`]: the same card, with a render that can be
/// made to panic.
#[function_component]
pub fn TestRoot(props: &CardRootProps) -> Html {
    on_render();
    html! { <CardRoot state={props.state.clone()} options={props.options.clone()} /> }
}

fn on_render() {
    if ARMED.with(|armed| armed.get()) == Some(Where::Render) {
        ARMED.with(|armed| armed.set(None));
        panic!("test panic: render");
    }
}

pub fn on_retry() {
    if ARMED.with(|armed| armed.get()) == Some(Where::Retry) {
        ARMED.with(|armed| armed.set(None));
        panic!("test panic: retry");
    }
}
