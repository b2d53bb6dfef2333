//! The card as Yew function components: pure functions of validated data, so the same
//! components render in the browser and to static HTML on the server (`render`). State lives at
//! the top (which sections are open); children get data and callbacks. What the embedding
//! gives and gets back goes through props ([`CardOptions`]: its callbacks and its [`Remote`])
//! and named functions ([`CardLink::at`], [`anchor_of_panel`]), never through the markup's
//! classes.

mod body;
mod card;
mod error;
mod fixed;
pub mod labels;
mod remote;
mod root;
mod section;

pub use card::{Card, CardLink, CardOptions, CardProps, Toggled};
pub use error::{ErrorCard, ErrorCardProps};
pub use fixed::{Fixed, FixedNode, Materialize};
pub use remote::{Remote, Request};
pub use root::{CardRoot, CardRootProps, CardState};
pub use section::reading_minutes;

/// Payload text as an attribute value or text, sharing the model's allocation instead of copying
/// it (Yew's `{ string }` conversion copies twice: a thousand cards would hold their text three
/// times).
pub(crate) fn attr(value: &crate::model::Text) -> yew::AttrValue {
    yew::AttrValue::from(value.clone())
}

/// The id of a section's anchor within a card. Slugs never contain `--`, so the join is
/// unambiguous; the same form names the section's button and panel.
pub fn section_anchor(card_id: &str, section_id: &str) -> String {
    let mut id = String::with_capacity(card_id.len() + 2 + section_id.len());
    id.push_str(card_id);
    id.push_str("--");
    id.push_str(section_id);
    id
}

/// The id of a section's panel, from the section's address ([`section_anchor`]).
pub(crate) fn panel_id(anchor: &str) -> String {
    [anchor, PANEL].concat()
}

/// The address of the section whose panel has this id: the find bar names a panel, and the
/// embedding opens its section.
pub fn anchor_of_panel(panel_id: &str) -> Option<&str> {
    panel_id.strip_suffix(PANEL)
}

const PANEL: &str = "--panel";

/// An `h1`…`h6` tag name; levels outside 1–6 are clamped.
pub(crate) fn heading_tag(level: u8) -> &'static str {
    match level {
        0 | 1 => "h1",
        2 => "h2",
        3 => "h3",
        4 => "h4",
        5 => "h5",
        _ => "h6",
    }
}
