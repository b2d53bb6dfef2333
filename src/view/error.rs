use std::rc::Rc;

use yew::prelude::*;

use super::labels::for_lang;
use crate::model::is_rtl_language;
use crate::model::{Problem, ProblemKind};

#[derive(Properties, PartialEq)]
pub struct ErrorCardProps {
    pub problems: Rc<Vec<Problem>>,
    /// The host page's language: a payload that failed has no language of its own.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
    /// The "Try again" button, shown only for a fetched payload.
    #[prop_or_default]
    pub on_retry: Callback<()>,
}

/// The error card's `dir`: right to left in a page whose language is written that way,
/// otherwise none (inherited).
fn error_dir(page_lang: Option<&str>) -> Option<&'static str> {
    page_lang.is_some_and(is_rtl_language).then_some("rtl")
}

/// Shown in place of a card that cannot render: a short sentence for readers, a retry button,
/// and every problem, with its path, folded away for the publisher who needs to fix it.
///
/// The retry button is always in the markup and hidden by the stylesheet unless the card's
/// element has a `src` (`:host([src])`): only a fetched payload can change by fetching again.
#[function_component]
pub fn ErrorCard(props: &ErrorCardProps) -> Html {
    let labels = for_lang(props.lang.as_deref());
    let dir = error_dir(props.lang.as_deref());
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    let fetch_failed = props
        .problems
        .iter()
        .any(|p| matches!(p.kind, ProblemKind::FetchFailed { .. }));
    let reason = if fetch_failed {
        labels.error_fetch
    } else {
        labels.error_invalid
    };
    html! {
        <div class="card-error" part="error" {dir}>
            <p class="card-error__message">
                <strong>{ labels.error_title }</strong>{ " " }{ reason }
            </p>
            <button type="button" class="card-error__retry" part="retry" onclick={on_retry}>{ labels.retry }</button>
            <details class="card-error__details">
                <summary>{ labels.problem_count(props.problems.len()) }</summary>
                <ul>
                    { for props.problems.iter().map(|p| html! {
                        <li><code>{ p.path.clone() }</code>{ ": " }{ p.kind.to_string() }</li>
                    }) }
                </ul>
            </details>
        </div>
    }
}
