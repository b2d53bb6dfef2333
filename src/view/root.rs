use std::rc::Rc;

use yew::prelude::*;

use super::card::{Card, CardOptions};
use super::error::ErrorCard;
use super::labels::for_lang;
use crate::model::{Article, Problem};

/// Where a card is in its life: the embedding glue moves it along, the view only shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum CardState {
    /// No card: an app kept, detached, for the next card to connect holds nothing.
    Idle,
    Loading,
    Ready(Rc<Article>),
    Failed(Rc<Vec<Problem>>),
}

#[derive(Properties, PartialEq)]
pub struct CardRootProps {
    pub state: CardState,
    /// The element's attributes and the page's language; the default for server rendering.
    #[prop_or_default]
    pub options: CardOptions,
}

/// The component mounted into each `<article-card>`: a loading placeholder, the card, or the
/// error card.
#[function_component]
pub fn CardRoot(props: &CardRootProps) -> Html {
    let host_lang = props.options.host_lang.clone();
    match &props.state {
        CardState::Idle => Html::default(),
        CardState::Loading => html! {
            <div class="card-loading" part="loading" aria-busy="true">
                <p class="card-loading__text">{ for_lang(host_lang.as_deref()).loading }</p>
            </div>
        },
        // Keyed by id so that a new article starts with its own sections' open state.
        CardState::Ready(article) => {
            html! {
                <Card
                    key={article.id.clone()}
                    article={article.clone()}
                    options={props.options.clone()}
                />
            }
        }
        CardState::Failed(problems) => {
            html! {
                <ErrorCard
                    problems={problems.clone()}
                    lang={host_lang}
                    on_retry={props.options.on_retry.clone()}
                />
            }
        }
    }
}
