//! Payload v1 as plain Rust types: the source of the JSON Schema that `article-card schema`
//! prints, and the form in which `article-card import` writes a payload.
//!
//! The validator in this module's siblings reads JSON by hand so that it can report every
//! problem at once; these types describe the same contract declaratively, with the limits taken
//! from [`super::limits`] so the two cannot drift apart on a number. The schema cannot say
//! everything the validator checks: see [`SCHEMA_LIMITATIONS`].

use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use serde::{Serialize, Serializer};

use super::labels::LabelKey;
use super::limits::*;

/// What the validator checks that the schema cannot express; part of the schema's description.
pub const SCHEMA_LIMITATIONS: &str = "Also checked by article-card and not expressible here: the \
     document is at most 262144 bytes and nests at most 32 levels; section ids are unique within \
     the card; `updated` is not earlier than `published`; texts are trimmed before their length \
     is counted, and an optional text that is empty or only white space counts as absent.";

/// A text with at least one character that is not white space.
pub const NOT_BLANK: &str = r"\S";
/// Slugs: lowercase letters or digits of any script, words joined by single hyphens.
pub const SLUG: &str =
    r"^[\p{Ll}\p{Lm}\p{Lo}\p{Lt}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{Lt}\p{M}\p{N}]+)*$";
/// The shape of a BCP 47 language tag, as `model::lang` checks it.
pub const LANGUAGE_TAG: &str =
    r"^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*|[xXiI](?:-[A-Za-z0-9]{1,8})+)$";
/// An absolute http(s) URL with a host, and no white space or control characters.
pub const HTTP_URL: &str = r"^[Hh][Tt][Tt][Pp][Ss]?://(?:[^\s\p{Cc}/?#]*@)?[^\s\p{Cc}/?#@:][^\s\p{Cc}/?#@]*(?:[/?#][^\s\p{Cc}]*)?$";
/// An absolute http(s) URL, or a relative reference without a scheme of its own.
pub const IMAGE_URL: &str = r"^(?:[Hh][Tt][Tt][Pp][Ss]?://(?:[^\s\p{Cc}/?#]*@)?[^\s\p{Cc}/?#@:][^\s\p{Cc}/?#@]*(?:[/?#][^\s\p{Cc}]*)?|[^\s\p{Cc}:/?#\\][^\s\p{Cc}:/?#]*(?:[/?#][^\s\p{Cc}]*)?|[/?#][^\s\p{Cc}]*)$";
/// An RFC 3339 date-time.
pub const TIMESTAMP: &str =
    r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$";

/// An article card payload, version 1. Unknown members are allowed and ignored; `null` means absent.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "article-card payload v1", transform = describe_limitations)]
pub struct Payload {
    /// The payload version: the number 1.
    pub version: Version,
    /// The card's slug, used in element ids and section addresses. Default: a slug of the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_ID), pattern(SLUG))]
    pub id: Option<String>,
    /// BCP 47 language tag of the card's text (`en`, `pt-BR`, `zh-Hant`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_LANG), pattern(LANGUAGE_TAG))]
    pub lang: Option<String>,
    /// The story's headline.
    #[schemars(length(max = MAX_HEADLINE), pattern(NOT_BLANK))]
    pub headline: String,
    /// A teaser or summary under the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_DEK))]
    pub dek: Option<String>,
    /// Shown as given, for example "By Priya Raman".
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_BYLINE))]
    pub byline: Option<String>,
    /// Who wrote the story, for machines (structured data, link previews); the byline is what
    /// readers see.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<Author>,
    /// The card's own canonical address, where it is not the card page `article-card site`
    /// derives from its base address: an absolute http or https URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_URL), pattern(HTTP_URL))]
    pub canonical: Option<String>,
    /// RFC 3339 date-time of publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_TIMESTAMP), pattern(TIMESTAMP))]
    pub published: Option<String>,
    /// RFC 3339 date-time of the last update; not earlier than `published`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_TIMESTAMP), pattern(TIMESTAMP))]
    pub updated: Option<String>,
    /// The original publisher, credited and linked.
    pub source: Source,
    /// A pull quote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Quote>,
    /// A lead image.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Image>,
    /// The analysis sections, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_SECTIONS))]
    pub sections: Option<Vec<Section>>,
    /// Replacements for the card's own words, for a language the card has no table for or a
    /// publisher's house style. Each is optional; the card's translation is used otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub labels: Option<Labels>,
}

/// The card's own words a payload may replace (blank means "use the card's translation"): any
/// of [`LabelKey::ALL`], so the schema lists exactly the labels the validator reads.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Labels(pub Vec<(LabelKey, String)>);

impl Serialize for Labels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(key, text)| (key.name(), text)))
    }
}

impl JsonSchema for Labels {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Labels".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let properties: serde_json::Map<String, serde_json::Value> = LabelKey::ALL
            .iter()
            .map(|key| {
                let property = serde_json::json!({
                    "description": key.description(),
                    "type": ["string", "null"],
                    "maxLength": MAX_LABEL,
                });
                (key.name().to_owned(), property)
            })
            .collect();
        json_schema!({
            "description": "The card's own words a payload may replace (blank means \"use the card's translation\").",
            "type": "object",
            "properties": properties,
        })
    }
}

/// The payload version, always 1: serialized as the number, described as a constant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Version;

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(super::SUPPORTED_VERSION)
    }
}

impl JsonSchema for Version {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Version".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The payload version: the number 1.",
            "type": "integer",
            "const": super::SUPPORTED_VERSION,
        })
    }
}

/// The original publisher.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Source {
    /// The publisher's name, credited above the headline and in the full-story link.
    #[schemars(length(max = MAX_NAME), pattern(NOT_BLANK))]
    pub name: String,
    /// The full story's address: an absolute http or https URL.
    #[schemars(length(max = MAX_URL), pattern(HTTP_URL))]
    pub url: String,
}

/// The story's author.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Author {
    /// The author's name, as structured data and previews credit it.
    #[schemars(length(max = MAX_NAME), pattern(NOT_BLANK))]
    pub name: String,
    /// The author's page: an absolute http or https URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_URL), pattern(HTTP_URL))]
    pub url: Option<String>,
}

/// A pull quote; the card adds the quotation marks.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Quote {
    /// The quoted words, without quotation marks.
    #[schemars(length(max = MAX_QUOTE), pattern(NOT_BLANK))]
    pub text: String,
    /// Who said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_ATTRIBUTION))]
    pub attribution: Option<String>,
}

/// A lead image, with its size so the card reserves its space before it loads.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Image {
    /// An absolute http(s) URL, or a path relative to the host page.
    #[schemars(length(max = MAX_URL), pattern(IMAGE_URL))]
    pub src: String,
    /// Text alternative; `""` marks a purely decorative image.
    #[schemars(length(max = MAX_ALT))]
    pub alt: String,
    /// Width in pixels.
    #[schemars(range(min = 1, max = MAX_IMAGE_SIDE))]
    pub width: u32,
    /// Height in pixels.
    #[schemars(range(min = 1, max = MAX_IMAGE_SIDE))]
    pub height: u32,
}

/// One expandable analysis section.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Section {
    /// The section's slug, unique within the card. Default: a slug of the title.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(length(max = MAX_ID), pattern(SLUG))]
    pub id: Option<String>,
    /// The section heading, which is also the button that expands it.
    #[schemars(length(max = MAX_SECTION_TITLE), pattern(NOT_BLANK))]
    pub title: String,
    /// Plain text: blank lines separate paragraphs, lines starting with "- " are bullets.
    #[schemars(length(max = MAX_SECTION_BODY), pattern(NOT_BLANK))]
    pub body: String,
    /// Whether the section starts expanded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<bool>,
}

fn describe_limitations(schema: &mut Schema) {
    let description = match schema.get("description").and_then(|d| d.as_str()) {
        Some(existing) => format!("{existing}\n\n{SCHEMA_LIMITATIONS}"),
        None => SCHEMA_LIMITATIONS.to_owned(),
    };
    schema.insert("description".to_owned(), description.into());
}

/// The JSON Schema (draft 2020-12) of payload v1.
pub fn payload_schema() -> Schema {
    schemars::schema_for!(Payload)
}

/// The schema as pretty-printed JSON, as `article-card schema` prints it.
pub fn payload_schema_json() -> String {
    let mut text = serde_json::to_string_pretty(&payload_schema()).unwrap_or_default();
    text.push('\n');
    text
}
