use yew::prelude::*;

use super::text;
use crate::model::Block;

/// A section body: paragraphs and bullet lists, text only. A plain function rather than a
/// component: its section already decides when it re-renders, and a thousand cards would
/// otherwise carry four thousand more component states.
pub fn body(blocks: &[Block]) -> Html {
    blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(paragraph) => html! { <p>{ text(paragraph) }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ text(item) }</li> }) }</ul>
            },
        })
        .collect()
}
