//! Fetching a card's payload from its `src`: plain `fetch` through `web_sys`, with a deadline,
//! a size limit enforced while the body streams in, and a distinct message for each way it can
//! fail. Nothing here waits forever and nothing reads more than the limit.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AbortController, ReadableStreamDefaultReader, ReadableStreamReadResult, RequestCache,
    RequestInit, Response,
};

use crate::model::limits::MAX_PAYLOAD_BYTES;
use crate::model::{self, Problem, ProblemKind};

/// How long a card waits for its whole payload unless its `timeout` attribute says otherwise.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;
/// The longest `timeout` a card accepts (ten minutes); longer values are cut to this.
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// What a finished fetch produced.
pub enum Fetched {
    /// The body, decoded as UTF-8.
    Text(String),
    /// Why there is no body, as problems for the card.
    Failed(Vec<Problem>),
    /// The card went away and aborted the fetch: nobody is waiting for a result.
    Cancelled,
}

/// One way a fetch can fail before there is text to parse.
enum Failure {
    /// `fetch` itself rejected: connection refused or reset, DNS, offline, CORS, CSP.
    Network,
    /// The server answered with an error status.
    Status(u16, String),
    /// The declared `Content-Length` is over the limit: the body was not read.
    DeclaredTooLarge(usize),
    /// The body passed the limit while streaming in: reading stopped there.
    TooLarge,
    /// The body stream broke off before its end.
    Truncated(usize),
    /// The browser refused something fetch needs (no window, no stream).
    Setup(&'static str),
}

/// Reads the `timeout` attribute: whole milliseconds, at least 1. Anything else (absent, not a
/// number, zero) means the default; values over [`MAX_TIMEOUT_MS`] are cut to it.
pub fn timeout_ms(attribute: Option<String>) -> u32 {
    attribute
        .and_then(|text| text.trim().parse::<u32>().ok())
        .filter(|ms| *ms > 0)
        .map_or(DEFAULT_TIMEOUT_MS, |ms| ms.min(MAX_TIMEOUT_MS))
}

/// Fetches `url` within `timeout_ms`, cancelled early by `controller`. `revalidate` asks caches
/// to check with the server first (a reader pressing Retry wants a fresh answer).
pub async fn fetch_text(
    url: &str,
    timeout_ms: u32,
    revalidate: bool,
    controller: &AbortController,
) -> Fetched {
    let deadline = Deadline::start(timeout_ms, controller);
    let result = request(url, revalidate, controller).await;
    let timed_out = deadline.as_ref().is_some_and(Deadline::fired);
    // Dropping the deadline clears its timer: a finished fetch is never aborted late.
    drop(deadline);
    let fail = |detail: String| {
        Fetched::Failed(vec![Problem::new(
            "src",
            ProblemKind::FetchFailed {
                url: url.to_owned(),
                detail,
            },
        )])
    };
    match result {
        Ok(bytes) => match decode(bytes) {
            Ok(text) => Fetched::Text(text),
            Err(problem) => Fetched::Failed(vec![problem]),
        },
        // Failures the card decided on itself, before or after aborting the request.
        Err(Failure::Status(status, text)) => {
            let mut detail = String::from("HTTP ");
            detail.push_str(&status.to_string());
            if !text.is_empty() {
                detail.push(' ');
                detail.push_str(&text);
            }
            fail(detail)
        }
        Err(Failure::DeclaredTooLarge(len)) => Fetched::Failed(vec![Problem::new(
            "payload",
            ProblemKind::PayloadTooLarge {
                max: MAX_PAYLOAD_BYTES,
                len,
            },
        )]),
        Err(Failure::TooLarge) => Fetched::Failed(vec![Problem::new(
            "payload",
            ProblemKind::PayloadOverLimit {
                max: MAX_PAYLOAD_BYTES,
            },
        )]),
        Err(Failure::Setup(what)) => fail(what.to_owned()),
        // A rejected fetch or a broken body stream: the deadline, the card's removal, or the
        // network. The deadline aborts the same controller, so it is asked first.
        Err(_) if timed_out => {
            let mut detail = String::from("no complete response within ");
            detail.push_str(&timeout_ms.to_string());
            detail.push_str(" ms (the card's timeout)");
            fail(detail)
        }
        Err(_) if controller.signal().aborted() => Fetched::Cancelled,
        Err(Failure::Network) => fail(
            "the network request failed (the server refused the connection or could not be \
             reached, the browser is offline, or CORS or a Content Security Policy blocked it)"
                .to_owned(),
        ),
        Err(Failure::Truncated(received)) => {
            let mut detail =
                String::from("the connection closed before the whole response arrived (after ");
            detail.push_str(&received.to_string());
            detail.push_str(" bytes)");
            fail(detail)
        }
    }
}

async fn request(
    url: &str,
    revalidate: bool,
    controller: &AbortController,
) -> Result<Vec<u8>, Failure> {
    let window = web_sys::window().ok_or(Failure::Setup("there is no window to fetch from"))?;
    let init = RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(&controller.signal()));
    if revalidate {
        init.set_cache(RequestCache::NoCache);
    }
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| Failure::Network)?
        .dyn_into()
        .map_err(|_| Failure::Setup("fetch did not return a response"))?;
    if !response.ok() {
        // The error page's body is of no use: stop it downloading.
        controller.abort();
        return Err(Failure::Status(response.status(), response.status_text()));
    }
    // A declared size over the limit is refused before a byte of the body is read.
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|len| len.trim().parse::<usize>().ok());
    if let Some(len) = declared.filter(|len| model::check_size(*len).is_err()) {
        controller.abort();
        return Err(Failure::DeclaredTooLarge(len));
    }
    let Some(body) = response.body() else {
        // No body at all (204, or a HEAD-like answer): the empty text fails to parse, which
        // says what is wrong.
        return Ok(Vec::new());
    };
    let reader: ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::with_capacity(declared.unwrap_or(0).min(MAX_PAYLOAD_BYTES));
    loop {
        let step: ReadableStreamReadResult = JsFuture::from(reader.read())
            .await
            .map_err(|_| Failure::Truncated(bytes.len()))?
            .unchecked_into();
        if step.get_done().unwrap_or(true) {
            return Ok(bytes);
        }
        let chunk: Uint8Array = step
            .get_value()
            .dyn_into()
            .map_err(|_| Failure::Setup("the response body is not a byte stream"))?;
        let start = bytes.len();
        let end = start.saturating_add(chunk.length() as usize);
        if end > MAX_PAYLOAD_BYTES {
            // Aborting errors the stream and closes the connection: no more bytes arrive.
            controller.abort();
            return Err(Failure::TooLarge);
        }
        bytes.resize(end, 0);
        if let Some(free) = bytes.get_mut(start..end) {
            chunk.copy_to(free);
        }
    }
}

/// Bytes to text: UTF-8, as JSON must be (RFC 8259). A leading byte-order mark stays: parsing
/// drops one, whichever way the payload came. Malformed UTF-8 is refused, with where it starts,
/// rather than shown as U+FFFD: it means the payload was written in another encoding, which its
/// publisher should hear about.
fn decode(bytes: Vec<u8>) -> Result<String, Problem> {
    String::from_utf8(bytes).map_err(|err| {
        let mut detail = String::from("it is not UTF-8 text: a malformed byte at offset ");
        detail.push_str(&err.utf8_error().valid_up_to().to_string());
        Problem::new("payload", ProblemKind::NotJson { detail })
    })
}

/// A timer that aborts the fetch when it fires; dropping it clears the timer.
struct Deadline {
    handle: i32,
    fired: Rc<Cell<bool>>,
    _callback: Closure<dyn FnMut()>,
}

impl Deadline {
    fn start(timeout_ms: u32, controller: &AbortController) -> Option<Deadline> {
        let window = web_sys::window()?;
        let fired = Rc::new(Cell::new(false));
        let callback = {
            let fired = fired.clone();
            let controller = controller.clone();
            Closure::<dyn FnMut()>::new(move || {
                fired.set(true);
                controller.abort();
            })
        };
        let ms = i32::try_from(timeout_ms).unwrap_or(i32::MAX);
        let handle = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Deadline {
            handle,
            fired,
            _callback: callback,
        })
    }

    fn fired(&self) -> bool {
        self.fired.get()
    }
}

impl Drop for Deadline {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.handle);
        }
    }
}
