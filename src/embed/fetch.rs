//! Fetching a card's payload from its `src`. The loader does the fetching (js/article-card.js,
//! `readPayload`): it starts the request before the engine runs, so the payload does not wait
//! for the wasm, and the browser's own streams and timers are smaller there than bound through
//! `web_sys`. This side decides what the card asks for (the address, the deadline, the size
//! limit, fresh or cached) and what each outcome means for the reader: the text, or a problem
//! with a distinct message for each way a fetch can fail. Nothing waits forever and nothing
//! reads more than the limit.

use js_sys::{Array, Function, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, HtmlElement};

use crate::model::limits::MAX_PAYLOAD_BYTES;
use crate::model::{Problem, ProblemKind};

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

/// Reads the `timeout` attribute: whole milliseconds, at least 1. Anything else (absent, not a
/// number, zero) means the default; values over [`MAX_TIMEOUT_MS`] are cut to it.
pub fn timeout_ms(attribute: Option<String>) -> u32 {
    attribute
        .and_then(|text| text.trim().parse::<u32>().ok())
        .filter(|ms| *ms > 0)
        .map_or(DEFAULT_TIMEOUT_MS, |ms| ms.min(MAX_TIMEOUT_MS))
}

/// The loader's function that fetches for a card:
/// `(host, url, timeoutMs, revalidate, maxBytes, signal) => Promise<Uint8Array | [what, n, text]>`.
pub type Fetcher = Function;

/// Asks the loader for `url`'s body within `timeout_ms` (from now: the loader may have started
/// the request earlier), cancelled early by `controller`. `revalidate`
/// asks caches to check with the server first (a reader pressing Retry wants a fresh answer).
/// Called at once, so that the loader hands over its early request before it gives up on it;
/// the returned future waits for the answer.
pub fn fetch_text(
    fetcher: &Fetcher,
    host: &HtmlElement,
    url: &str,
    timeout_ms: u32,
    revalidate: bool,
    controller: &AbortController,
) -> impl std::future::Future<Output = Fetched> {
    let args = Array::new();
    for arg in [
        host.into(),
        JsValue::from_str(url),
        timeout_ms.into(),
        revalidate.into(),
        (MAX_PAYLOAD_BYTES as f64).into(),
        controller.signal().into(),
    ] {
        args.push(&arg);
    }
    let answer = fetcher.apply(&JsValue::UNDEFINED, &args);
    let url = url.to_owned();
    async move {
        let Ok(promise) = answer.and_then(|a| a.dyn_into::<Promise>()) else {
            return failed(&url, "the page's loader could not fetch it".to_owned());
        };
        let answer = JsFuture::from(promise).await.unwrap_or(JsValue::UNDEFINED);
        match answer.dyn_into::<Uint8Array>() {
            Ok(bytes) => match decode(bytes.to_vec()) {
                Ok(text) => Fetched::Text(text),
                Err(problem) => Fetched::Failed(vec![problem]),
            },
            Err(outcome) => outcome_of(&url, &Array::from(&outcome)),
        }
    }
}

/// A failed fetch as the loader describes it: `[what, number, text]`.
fn outcome_of(url: &str, outcome: &Array) -> Fetched {
    // Whole numbers (a status, a length, milliseconds), as integers: no float formatting code.
    let number = outcome.get(1).as_f64().unwrap_or(0.0) as usize;
    match outcome.get(0).as_string().as_deref().unwrap_or("") {
        "cancelled" => Fetched::Cancelled,
        "status" => {
            let mut detail = String::from("HTTP ");
            detail.push_str(&number.to_string());
            let text = outcome.get(2).as_string().unwrap_or_default();
            if !text.is_empty() {
                detail.push(' ');
                detail.push_str(&text);
            }
            failed(url, detail)
        }
        "declared" => Fetched::Failed(vec![Problem::new(
            "payload",
            ProblemKind::PayloadTooLarge {
                max: MAX_PAYLOAD_BYTES,
                len: number,
            },
        )]),
        "large" => Fetched::Failed(vec![Problem::new(
            "payload",
            ProblemKind::PayloadOverLimit {
                max: MAX_PAYLOAD_BYTES,
            },
        )]),
        "timeout" => {
            let mut detail = String::from("no complete response within ");
            detail.push_str(&number.to_string());
            detail.push_str(" ms (the card's timeout)");
            failed(url, detail)
        }
        "truncated" => {
            let mut detail =
                String::from("the connection closed before the whole response arrived (after ");
            detail.push_str(&number.to_string());
            detail.push_str(" bytes)");
            failed(url, detail)
        }
        // `network`: the request itself failed.
        _ => failed(
            url,
            "the network request failed (the server refused the connection or could not be \
             reached, the browser is offline, or CORS or a Content Security Policy blocked it)"
                .to_owned(),
        ),
    }
}

fn failed(url: &str, detail: String) -> Fetched {
    Fetched::Failed(vec![Problem::new(
        "src",
        ProblemKind::FetchFailed {
            url: url.to_owned(),
            detail,
        },
    )])
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
