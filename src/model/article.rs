//! The validated article: what the view renders. Every value here has passed validation, so the
//! view never needs to check anything again.

use std::rc::Rc;

use super::labels::LabelKey;
use super::timestamp::Timestamp;

/// Shared, immutable text. A card's text is written once, at validation, and then only read:
/// the view hands the same allocation to every virtual DOM node that shows it, so a thousand
/// cards hold their text once each, not once per layer.
pub type Text = Rc<str>;

/// A card's content, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Slug that names the card on the page (element ids, section addresses).
    pub id: String,
    pub headline: Text,
    pub dek: Option<Text>,
    /// BCP 47 tag as given (well-formed, not checked against a registry).
    pub lang: Option<String>,
    pub source: Source,
    pub quote: Option<Quote>,
    pub published: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub byline: Option<Text>,
    /// Who wrote the story, as a name machines can read (structured data, previews), beside
    /// the byline readers see.
    pub author: Option<Author>,
    /// The card's own canonical address (absolute http(s)), where it is not the card page a
    /// site derives from its base address.
    pub canonical: Option<Text>,
    pub image: Option<Image>,
    pub sections: Vec<Section>,
    /// The payload's replacements for the card's own words, at most one per key.
    pub labels: Vec<(LabelKey, Text)>,
}

impl Article {
    /// Whether the card reads right to left: scripts written that way need `dir="rtl"` for
    /// punctuation and layout to come out right. The card is in the payload's language, else in
    /// `page_lang` (the host page's), which a card with no `lang` inherits.
    pub fn is_rtl(&self, page_lang: Option<&str>) -> bool {
        self.lang
            .as_deref()
            .or(page_lang)
            .is_some_and(super::labels::is_rtl_language)
    }

    /// The payload's own text for a label, if it overrides it.
    pub fn label(&self, key: LabelKey) -> Option<&Text> {
        self.labels.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }
}

/// The original publisher, credited and linked.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: Text,
    /// Absolute http(s) URL of the full story.
    pub url: Text,
}

/// The story's author.
#[derive(Debug, Clone, PartialEq)]
pub struct Author {
    pub name: Text,
    /// Absolute http(s) URL of the author's page.
    pub url: Option<Text>,
}

/// A pull quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub text: Text,
    pub attribution: Option<Text>,
}

/// A lead image. Width and height are required so the card reserves the image's space before
/// it loads, and the page does not jump.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub src: Text,
    /// May be empty for a purely decorative image; absence is an error, since a screen reader
    /// would otherwise read the file name.
    pub alt: Text,
    pub width: u32,
    pub height: u32,
}

/// One expandable analysis section.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// Slug, unique within the card.
    pub id: String,
    pub title: Text,
    pub body: Rc<[Block]>,
    /// Whether the section starts expanded.
    pub open: bool,
}

/// A block of a section body. Bodies are plain text; this is all the structure they carry.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Text),
    List(Rc<[Text]>),
}
