use yew::prelude::*;

use crate::model::Block;

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    pub blocks: Vec<Block>,
}

/// A section body: paragraphs and bullet lists, text only.
#[function_component]
pub fn Body(props: &BodyProps) -> Html {
    props
        .blocks
        .iter()
        .map(|block| match block {
            Block::Paragraph(text) => html! { <p>{ text.clone() }</p> },
            Block::List(items) => html! {
                <ul>{ for items.iter().map(|item| html! { <li>{ item.clone() }</li> }) }</ul>
            },
        })
        .collect()
}
