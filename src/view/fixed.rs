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

use yew::virtual_dom::{AttributeOrProperty, Attributes, Listeners, VList, VTag, VText};
use yew::{AttrValue, Html, NodeRef};

/// The attributes fixed markup uses, in the order an element writes them (then `class`, last,
/// as Yew writes it from `html!`), so that the same card, pre-rendered or not, has the same
/// markup. A closed set, so that [`Fixed::to_html`] is plain `html!`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Attr {
    Part,
    Id,
    Src,
    Alt,
    Width,
    Height,
    Loading,
    Decoding,
    Href,
    Target,
    Rel,
    Datetime,
}

impl Attr {
    pub fn name(self) -> &'static str {
        NAMES.get(self as usize).copied().unwrap_or_default()
    }
}

/// An element of a card's fixed markup: its tag, attributes, class and children.
#[derive(Debug, Clone, PartialEq)]
pub struct Fixed {
    pub tag: &'static str,
    /// Kept in [`Attr`] order.
    attrs: Vec<(Attr, AttrValue)>,
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

    /// The element with the class `class` (what most of them have).
    pub(crate) fn class(tag: &'static str, class: &'static str) -> Fixed {
        Fixed {
            class: Some(class),
            ..Fixed::new(tag)
        }
    }

    pub(crate) fn attr(mut self, name: Attr, value: impl Into<AttrValue>) -> Fixed {
        let at = self.attrs.partition_point(|(other, _)| *other <= name);
        self.attrs.insert(at, (name, value.into()));
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

    /// The attributes in the order they are written.
    pub fn attributes(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        let class = self.class.map(|class| ("class", class));
        self.attrs
            .iter()
            .map(|(name, value)| (name.name(), value.as_str()))
            .chain(class)
    }

    /// The element as Yew markup.
    pub fn to_html(&self) -> Html {
        // Built as `html!` builds an element whose attributes may be absent (every name, a
        // value or none), without `html!`'s code for a tag chosen at run time, which cost the
        // bundle 3 KB here.
        let mut values: Vec<Option<AttributeOrProperty>> = vec![None; NAMES.len()];
        for (name, value) in &self.attrs {
            if let Some(slot) = values.get_mut(*name as usize) {
                *slot = Some(AttributeOrProperty::Attribute(value.clone()));
            }
        }
        if let Some(slot) = values.last_mut() {
            *slot = self
                .class
                .map(|class| AttributeOrProperty::Attribute(class.into()));
        }
        let children: VList = self
            .children
            .iter()
            .map(|child| match child {
                FixedNode::Element(element) => element.to_html(),
                FixedNode::Text(text) => VText::new(text.clone()).into(),
            })
            .collect();
        VTag::__new_other(
            self.tag.into(),
            NodeRef::default(),
            None,
            Attributes::Dynamic {
                keys: &NAMES,
                values: values.into(),
            },
            Listeners::None,
            children.into(),
        )
        .into()
    }
}

/// Every attribute name, in [`Attr`] order, then `class`.
const NAMES: [&str; 13] = [
    "part", "id", "src", "alt", "width", "height", "loading", "decoding", "href", "target", "rel",
    "datetime", "class",
];

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
