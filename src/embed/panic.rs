//! What a panic does to the cards on a page.
//!
//! A panic in WebAssembly cannot be caught: the panic hook runs, then the instance traps
//! (`unreachable`) and the JavaScript that called in gets a `RuntimeError`. The instance's memory
//! survives the trap but its state may not: a `RefCell` borrowed at the time stays borrowed, and
//! if the panic came from a Yew render, Yew's scheduler never runs again, so no card on the page
//! would ever update. Rather than leave cards frozen or half-drawn, the hook stops the engine:
//! every card shows a static error (plain DOM, no Yew), its `data-state` becomes `error`, and it
//! sends `article-card-error` with `detail.internal = true`. Cards connected afterwards get the
//! same error without touching Yew. The host page's own scripts are unaffected.
//!
//! The hook keeps to what cannot be broken by the panic: a list of hosts that is only ever
//! borrowed for a push or a removal, `try_borrow` everywhere, and DOM calls whose failures are
//! ignored (a panic inside the hook would abort without it).

use std::cell::{Cell, RefCell};
use std::panic::PanicHookInfo;

use wasm_bindgen::JsValue;
use web_sys::{Document, Element, HtmlElement};

use super::{events, shadow};
use crate::view::error_dir;
use crate::view::labels::{for_lang, Labels};

thread_local! {
    /// The host of every live card, for the hook, with the number its [`Tracked`] holds.
    static LIVE: RefCell<Vec<(u32, HtmlElement)>> = const { RefCell::new(Vec::new()) };
    static NEXT: Cell<u32> = const { Cell::new(0) };
    /// Set by the first panic: the description every card shows from then on.
    static FAILURE: RefCell<Option<String>> = const { RefCell::new(None) };
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the hook once, before the first Yew app is rendered (Yew installs its own
/// console-only hook unless one has been set). It replaces any hook set before it, a test
/// harness's included: chaining to the previous hook would keep the standard library's default
/// hook in the bundle (6 KB), and ours already logs the panic.
pub fn install() {
    if INSTALLED.with(|installed| installed.replace(true)) {
        return;
    }
    yew::set_custom_panic_hook(Box::new(on_panic));
}

/// Whether a panic has stopped the engine, and how it was described.
pub fn failure() -> Option<String> {
    FAILURE
        .try_with(|f| f.try_borrow().ok().and_then(|f| f.clone()))
        .ok()
        .flatten()
}

/// A card's place in the hook's list of hosts, for as long as the card lives.
pub struct Tracked(u32);

/// Puts `host` in the list of hosts the hook reaches, until the returned guard is dropped.
pub fn track(host: &HtmlElement) -> Tracked {
    let id = NEXT.with(|next| {
        let id = next.get().wrapping_add(1);
        next.set(id);
        id
    });
    LIVE.with(|live| live.borrow_mut().push((id, host.clone())));
    Tracked(id)
}

impl Drop for Tracked {
    fn drop(&mut self) {
        let _ = LIVE.try_with(|live| {
            if let Ok(mut live) = live.try_borrow_mut() {
                if let Some(at) = live.iter().position(|(id, _)| *id == self.0) {
                    live.swap_remove(at);
                }
            }
        });
    }
}

fn on_panic(info: &PanicHookInfo<'_>) {
    let mut message = String::from("internal error (");
    message.push_str(&info.to_string().replace('\n', " "));
    message.push(')');
    let first = FAILURE
        .try_with(|f| match f.try_borrow_mut() {
            Ok(mut f) if f.is_none() => {
                *f = Some(message.clone());
                true
            }
            _ => false,
        })
        .unwrap_or(false);
    if first {
        let mut log = String::from("article-card: ");
        log.push_str(&message);
        log.push_str(". Every card on this page now shows an error; reloading the page may help.");
        web_sys::console::error_1(&JsValue::from_str(&log));
    }
    // Copied out first: an event listener may connect or disconnect cards while we go through.
    let hosts: Vec<HtmlElement> = LIVE
        .try_with(|live| {
            live.try_borrow()
                .map(|live| live.iter().map(|(_, host)| host.clone()).collect())
                .unwrap_or_default()
        })
        .unwrap_or_default();
    for host in hosts {
        show_failure(&host, &message);
    }
}

/// Replaces whatever the card showed with a static error card and announces it.
pub fn show_failure(host: &HtmlElement, message: &str) {
    let _ = host.set_attribute("data-state", "error");
    if let (Ok(root), Ok(container), Some(document)) = (
        shadow::prepare(host),
        shadow::container(host),
        host.owner_document(),
    ) {
        // In the page's language, as the view's error card would be.
        let lang = super::reader::host_lang(host);
        let labels = for_lang(lang.as_deref());
        let dir = error_dir(lang.as_deref());
        if build_error(&document, &container, message, &labels, dir).is_some() {
            let _ = shadow::attach(&root, &container);
        }
    }
    events::dispatch_internal(host, message);
}

/// The view's error card, drawn with DOM calls: Yew may be the thing that broke.
fn build_error(
    document: &Document,
    container: &Element,
    message: &str,
    labels: &Labels,
    dir: Option<&str>,
) -> Option<()> {
    let element = |tag: &str, class: Option<&str>| -> Option<Element> {
        let el = document.create_element(tag).ok()?;
        if let Some(class) = class {
            el.set_class_name(class);
        }
        Some(el)
    };
    let card = element("div", Some("card-error"))?;
    card.set_attribute("part", "error").ok()?;
    if let Some(dir) = dir {
        card.set_attribute("dir", dir).ok()?;
    }
    let lead = element("p", Some("card-error__message"))?;
    let title = element("strong", None)?;
    title.set_text_content(Some(labels.error_title));
    lead.append_child(&title).ok()?;
    lead.append_with_str_1(" ").ok()?;
    lead.append_with_str_1(labels.error_internal).ok()?;
    let details = element("details", Some("card-error__details"))?;
    let summary = element("summary", None)?;
    summary.set_text_content(Some(&labels.problem_count(1)));
    let list = element("ul", None)?;
    let item = element("li", None)?;
    let path = element("code", None)?;
    path.set_text_content(Some("card"));
    item.append_child(&path).ok()?;
    item.append_with_str_1(": ").ok()?;
    item.append_with_str_1(message).ok()?;
    list.append_child(&item).ok()?;
    details.append_child(&summary).ok()?;
    details.append_child(&list).ok()?;
    card.append_child(&lead).ok()?;
    card.append_child(&details).ok()?;
    container.append_child(&card).ok()?;
    Some(())
}
