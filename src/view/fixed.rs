//! The parts of a card that never change while it shows one article: the header, the image,
//! the pull quote, the footer, and each section's title, reading time and body. Only the
//! buttons and panels change (a section opens, "Expand all" becomes "Collapse all").
//!
//! Why they are described here rather than written in `html!`: Yew keeps, for every element
//! and text it renders, a record of it and a reference to its DOM node for as long as the card
//! is shown, to compare the next render with. For markup that never changes that record is
//! never used, and on a page of a thousand cards it was most of the card's memory (the wasm
//! memory's records and, in the JS heap, the table of references to the nodes). So the card
//! describes these parts once per article ([`Fixed`]), and whoever renders it turns the
//! description into markup: as Yew elements ([`Fixed::to_html`]: the server rendering, and
//! any mount that does not say otherwise), or, in the browser, as DOM nodes made once and
//! handed to Yew whole ([`Materialize`]), so that Yew keeps one reference per part.
//!
//! Both ways make the same markup from the same description, which is the one place it is
//! written.

use std::fmt;

use yew::virtual_dom::{VTag, VText};
use yew::{AttrValue, Html};

/// An element of a card's fixed markup: its tag, attributes (in order) and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub tag: &'static str,
    /// In order, `class` last, as Yew writes an element's attributes from `html!`: the same
    /// card, pre-rendered or not, has the same markup.
    pub attrs: Vec<(&'static str, AttrValue)>,
    class: Option<&'static str>,
    pub children: Vec<FixedNode>,
}

/// A child in fixed markup: an element or text.
#[derive(Debug, Clone, PartialEq)]
pub enum FixedNode {
    Element(Fixed),
    Text(AttrValue),
}

impl Fixed {
    pub fn new(tag: &'static str) -> Fixed {
        Fixed {
            tag,
            attrs: Vec::new(),
            class: None,
            children: Vec::new(),
        }
    }

    /// The element with the class `class` (what most of them have first).
    pub(crate) fn class(tag: &'static str, class: &'static str) -> Fixed {
        Fixed {
            class: Some(class),
            ..Fixed::new(tag)
        }
    }

    /// The attributes in the order they are written.
    pub fn attributes(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let class = self.class.map(|class| ("class", class));
        self.attrs
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .chain(class)
    }

    pub(crate) fn attr(mut self, name: &'static str, value: impl Into<AttrValue>) -> Fixed {
        self.attrs.push((name, value.into()));
        self
    }

    pub(crate) fn child(mut self, child: Fixed) -> Fixed {
        self.children.push(FixedNode::Element(child));
        self
    }

    pub(crate) fn text(mut self, text: impl Into<AttrValue>) -> Fixed {
        self.children.push(FixedNode::Text(text.into()));
        self
    }

    /// The element as Yew markup.
    pub fn to_html(&self) -> Html {
        let mut tag = VTag::new(self.tag);
        for (name, value) in &self.attrs {
            tag.add_attribute(name, value.clone());
        }
        if let Some(class) = self.class {
            tag.add_attribute("class", class);
        }
        tag.add_children(self.children.iter().map(|child| match child {
            FixedNode::Element(element) => element.to_html(),
            FixedNode::Text(text) => VText::new(text.clone()).into(),
        }));
        tag.into()
    }
}

/// How a mount turns fixed markup into what Yew renders: by default Yew markup
/// ([`Fixed::to_html`]); the embedding makes DOM nodes (`src/embed/fixed.rs`).
#[derive(Clone, Copy, Default)]
pub struct Materialize(pub Option<fn(&Fixed) -> Html>);

impl Materialize {
    pub(crate) fn render(self, fixed: &Fixed) -> Html {
        match self.0 {
            Some(make) => make(fixed),
            None => fixed.to_html(),
        }
    }
}

impl PartialEq for Materialize {
    fn eq(&self, other: &Materialize) -> bool {
        match (self.0, other.0) {
            (Some(a), Some(b)) => std::ptr::fn_addr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }
}

impl fmt::Debug for Materialize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(if self.0.is_some() {
            "Materialize(custom)"
        } else {
            "Materialize(html)"
        })
    }
}
