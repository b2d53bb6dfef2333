//! Where a card's payload comes from (an inline `<script type="application/json">` child or a
//! `src` URL), how it is fetched and parsed, and how problems reach the console.

use gloo_net::http::Request;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{AbortSignal, HtmlElement};

use super::js_json;
use crate::model::limits::MAX_DEPTH;
use crate::model::{self, Article, Problem, ProblemKind};

pub enum PayloadSource {
    Inline(String),
    Url(String),
    Missing,
}

/// A `src` attribute wins over inline JSON, so a CMS can swap a card's data by setting one
/// attribute.
pub fn source(host: &HtmlElement) -> PayloadSource {
    if let Some(src) = host.get_attribute("src").filter(|s| !s.trim().is_empty()) {
        return PayloadSource::Url(src.trim().to_owned());
    }
    match host.query_selector(":scope > script[type=\"application/json\"]") {
        Ok(Some(script)) => PayloadSource::Inline(script.text_content().unwrap_or_default()),
        _ => PayloadSource::Missing,
    }
}

/// Payload text to a validated article, the size checked before any parsing.
pub fn parse(text: &str) -> Result<Article, Vec<Problem>> {
    model::check_size(text.len()).map_err(|p| vec![p])?;
    let value = js_sys::JSON::parse(text).map_err(|err| {
        let detail = err
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "syntax error".to_owned());
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

/// Fetches and parses the payload at `url`. Every failure is a `src` problem that says what
/// happened, in terms a publisher can act on.
pub async fn fetch(url: &str, signal: Option<&AbortSignal>) -> Result<Article, Vec<Problem>> {
    let fail = |detail: String| {
        vec![Problem::new(
            "src",
            ProblemKind::FetchFailed {
                url: url.to_owned(),
                detail,
            },
        )]
    };
    let response = Request::get(url)
        .abort_signal(signal)
        .send()
        .await
        .map_err(|_| fail("the network request failed (offline, blocked by CORS or CSP, or the server is unreachable)".to_owned()))?;
    if !response.ok() {
        let mut detail = String::from("HTTP ");
        detail.push_str(&response.status().to_string());
        let text = response.status_text();
        if !text.is_empty() {
            detail.push(' ');
            detail.push_str(&text);
        }
        return Err(fail(detail));
    }
    // Refuse a declared oversize body before reading it.
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|len| len.parse::<usize>().ok());
    if let Some(len) = declared {
        model::check_size(len).map_err(|p| vec![p])?;
    }
    let text = response
        .text()
        .await
        .map_err(|_| fail("the response body could not be read".to_owned()))?;
    parse(&text)
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
