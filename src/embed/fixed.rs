//! A card's fixed markup (`view/fixed.rs`) as DOM nodes, made once per article and handed to
//! Yew whole: Yew then keeps one reference for each part instead of a record and a reference
//! for each of its elements and texts. Made with the DOM's own methods (`createElement`,
//! `setAttribute`, `createTextNode`), never by parsing markup, so payload text stays text.

use web_sys::{Document, Node};
use yew::Html;

use crate::view::{Fixed, FixedNode};

/// `fixed` as a DOM node for Yew to insert, or, if the DOM refuses (it does not, for the tags
/// and attribute names the view uses), as Yew markup: the same card either way.
pub fn materialize(fixed: &Fixed) -> Html {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| build(&document, fixed))
        .map_or_else(|| fixed.to_html(), Html::VRef)
}

fn build(document: &Document, fixed: &Fixed) -> Option<Node> {
    let element = document.create_element(fixed.tag).ok()?;
    for (name, value) in fixed.attributes() {
        element.set_attribute(name, value).ok()?;
    }
    for child in &fixed.children {
        let node = match child {
            FixedNode::Element(child) => build(document, child)?,
            FixedNode::Text(text) => document.create_text_node(text).into(),
        };
        element.append_child(&node).ok()?;
    }
    Some(element.into())
}
