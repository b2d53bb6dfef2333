//! Where a card's payload comes from (an inline `<script type="application/json">` child or a
//! `src` URL), how its text is parsed, and how problems reach the console.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

use super::js_json;
use crate::model::limits::{MAX_DEPTH, MAX_PAYLOAD_BYTES};
use crate::model::{self, Article, Problem, ProblemKind};

pub enum PayloadSource {
    /// The element's `payload` property, serialised to JSON text (or why it could not be).
    Object(Result<String, Problem>),
    /// The inline JSON's text, or the problem that stopped it being read.
    Inline(Result<String, Problem>),
    Url(String),
    /// Only a `payload` attribute: an object a framework wrote as text (see
    /// [`ProblemKind::PayloadAttribute`]).
    Attribute,
    Missing,
}

/// The `payload` property (set from script) wins, then a `src` attribute, then inline JSON: a
/// CMS can swap a card's data by setting one attribute. (The loader forgets the property when
/// `src` changes, so whichever was set last is shown.) A `payload` attribute is never read, only
/// noticed when nothing else supplies the card, to say how to pass the object.
pub fn source(host: &HtmlElement, given: &JsValue) -> PayloadSource {
    if !given.is_undefined() && !given.is_null() {
        return PayloadSource::Object(object_text(given));
    }
    if let Some(src) = host.get_attribute("src").filter(|s| !s.trim().is_empty()) {
        return PayloadSource::Url(src.trim().to_owned());
    }
    match host.query_selector(":scope > script[type=\"application/json\"]") {
        Ok(Some(script)) => PayloadSource::Inline(inline_text(&script)),
        _ if host.has_attribute("payload") => PayloadSource::Attribute,
        _ => PayloadSource::Missing,
    }
}

/// The script's text (see [`within_limit`]).
fn inline_text(script: &web_sys::Element) -> Result<String, Problem> {
    let text = js_sys::Reflect::get(script, &JsValue::from_str("textContent"))
        .ok()
        .and_then(|value| value.dyn_into::<js_sys::JsString>().ok());
    text.map_or(Ok(String::new()), within_limit)
}

/// An object handed to the element, as JSON text, so that it goes through exactly the checks
/// (size, depth, every field) that fetched and inline payloads go through. Cycles, `BigInt`s
/// and throwing getters are problems here, not exceptions.
fn object_text(value: &JsValue) -> Result<String, Problem> {
    let problem = |detail: String| Problem::new("payload", ProblemKind::NotJson { detail });
    let text = js_sys::JSON::stringify(value).map_err(|err| {
        problem(error_message(&err).unwrap_or_else(|| "it cannot be written as JSON".to_owned()))
    })?;
    // A function or a symbol: JSON has nothing for it (stringify gives undefined).
    if !text.is_string() {
        return Err(problem(
            "the payload property must be an object, as JSON.parse would give".to_owned(),
        ));
    }
    within_limit(text)
}

/// Page text as a Rust string, refused without copying it into the card's memory (which never
/// shrinks) when its length alone proves it too large: a UTF-8 encoding is never shorter than
/// the UTF-16 the page holds.
fn within_limit(text: js_sys::JsString) -> Result<String, Problem> {
    if text.length() as usize > MAX_PAYLOAD_BYTES {
        return Err(Problem::new(
            "payload",
            ProblemKind::PayloadOverLimit {
                max: MAX_PAYLOAD_BYTES,
            },
        ));
    }
    Ok(String::from(text))
}

/// The message of a thrown JavaScript `Error`.
fn error_message(err: &JsValue) -> Option<String> {
    err.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
}

/// Payload text to a validated article, the size checked before any parsing. A byte-order
/// mark before it is dropped here, for every way a payload comes ([`model::BOM`]).
pub fn parse(text: &str) -> Result<Article, Vec<Problem>> {
    let text = model::strip_bom(text);
    model::check_size(text.len()).map_err(|p| vec![p])?;
    let value = js_sys::JSON::parse(text).map_err(|err| {
        let detail = error_message(&err).unwrap_or_else(|| "syntax error".to_owned());
        vec![Problem::new("payload", ProblemKind::NotJson { detail })]
    })?;
    let doc = js_json::from_js(&value).ok_or_else(|| {
        vec![Problem::new(
            "payload",
            ProblemKind::TooDeep { max: MAX_DEPTH },
        )]
    })?;
    model::article_from_json(&doc)
}

/// Logs every problem to the console with the element, so a publisher can find which card on
/// the page is broken.
pub fn report(host: &HtmlElement, problems: &[Problem]) {
    let mut message = String::from("article-card: this card could not be shown (");
    message.push_str(&problems.len().to_string());
    message.push_str(if problems.len() == 1 {
        " problem)"
    } else {
        " problems)"
    });
    for problem in problems {
        message.push_str("\n  ");
        message.push_str(&problem.to_string());
    }
    web_sys::console::error_2(&JsValue::from_str(&message), host);
}
