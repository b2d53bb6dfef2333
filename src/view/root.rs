use std::rc::Rc;

use yew::prelude::*;

use super::card::Card;
use super::error::ErrorCard;
use super::labels::EN;
use crate::model::{Article, Problem};

/// Where a card is in its life: the embedding glue moves it along, the view only shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum CardState {
    Loading,
    Ready(Rc<Article>),
    Failed(Rc<Vec<Problem>>),
}

#[derive(Properties, PartialEq)]
pub struct CardRootProps {
    pub state: CardState,
}

/// The component mounted into each `<article-card>`: a loading placeholder, the card, or the
/// error card.
#[function_component]
pub fn CardRoot(props: &CardRootProps) -> Html {
    match &props.state {
        CardState::Loading => html! {
            <div class="card-loading" part="loading" aria-busy="true">
                <p class="card-loading__text">{ EN.loading }</p>
            </div>
        },
        // Keyed by id so that a new article starts with its own sections' open state.
        CardState::Ready(article) => {
            html! { <Card key={article.id.clone()} article={article.clone()} /> }
        }
        CardState::Failed(problems) => html! { <ErrorCard problems={problems.clone()} /> },
    }
}
