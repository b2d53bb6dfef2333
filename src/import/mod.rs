//! Plain-text digests to payload v1: `article-card import`.
//!
//! A digest is the plain text a newsletter or aggregator produces for one story:
//!
//! ```text
//! Headline line
//! Teaser line (maybe twice: cut short, and in full)
//! Read Full Story at {Source} →
//! Section title
//! Section text (one line per paragraph)
//! Section title
//! Section text
//! ```
//!
//! Real digests are messier, and the importer handles what the seed shows: the teaser repeated
//! in a truncated and a longer form (the fullest is kept), a pull quote inside the teaser
//! (lifted out, with its attribution), the source line run together with the first section
//! title (`Read Full Story at TechCrunch โWhy This Matters`), and characters broken in transit
//! (repaired by [`crate::text`], every repair reported).
//!
//! The digest carries no address for the source, so the caller supplies one
//! ([`Options::source_url`], or a name-to-URL table in [`Options::sources`]).

mod digest;
mod teaser;

use std::collections::BTreeMap;
use std::fmt;

use crate::model::schema::{Payload, Quote, Section, Source, Version};
use crate::model::slug::slugify;
use crate::text::{self, Repair};

/// What the importer needs that the digest does not say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The full story's URL. Wins over [`Options::sources`].
    pub source_url: Option<String>,
    /// Source name → URL, for pipelines importing digests from many sources.
    pub sources: BTreeMap<String, String>,
    /// The source's name, when the digest's source line cannot be split reliably; also the
    /// name written to the payload.
    pub source_name: Option<String>,
    /// The card's id; default: a slug of the headline.
    pub id: Option<String>,
    /// The card's language (BCP 47); the digest does not say.
    pub lang: Option<String>,
    /// Who the pull quote is by.
    pub attribution: Attribution,
    /// RFC 3339 publication date-time; the digest does not say.
    pub published: Option<String>,
}

/// Where the pull quote's attribution comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Attribution {
    /// From the teaser: a clause such as `, the company said`, or else the named subject of the
    /// sentence just before the quote.
    #[default]
    Infer,
    /// As given.
    Given(String),
    /// No attribution.
    Omit,
}

/// A repair made to the digest's text, at its 1-based line and column (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocatedRepair {
    pub line: usize,
    pub column: usize,
    pub repair: Repair,
}

/// A decision the importer made that a person should be able to check, at a digest line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub line: usize,
    pub message: String,
}

/// A digest, imported.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub payload: Payload,
    /// In order of position in the digest.
    pub repairs: Vec<LocatedRepair>,
    pub notes: Vec<Note>,
}

impl Imported {
    /// The payload as pretty-printed JSON with a final newline, as `import` writes it.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string_pretty(&self.payload).unwrap_or_default();
        json.push('\n');
        json
    }
}

/// Why a digest could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// Nothing but white space.
    Empty,
    /// No `Read Full Story at {Source}` line, so teaser and sections cannot be told apart.
    NoSourceLine,
    /// The source line names no source.
    NoSourceName { line: usize },
    /// No URL for the source: neither given nor in the table.
    NoSourceUrl { name: String },
    /// Section text with no title before it.
    UntitledSection { line: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str("the digest is empty"),
            ImportError::NoSourceLine => f.write_str(
                "no \"Read Full Story at {Source}\" line: a digest is a headline line, teaser \
                 lines, that source line, then section titles each followed by their text",
            ),
            ImportError::NoSourceName { line } => {
                write!(f, "line {line}: the source line names no source")
            }
            ImportError::NoSourceUrl { name } => write!(
                f,
                "no URL for the source \"{name}\": the digest does not carry one, so pass \
                 --source-url URL, or list the source in a --sources file"
            ),
            ImportError::UntitledSection { line } => write!(
                f,
                "line {line}: section text with no title before it (a title is a short line \
                 without a full stop)"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// A stretch of the digest: where it starts and its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    pub line: usize,
    /// 1-based column (in characters) of the piece's first character.
    pub column: usize,
    pub text: &'a str,
}

/// Repairs a piece of the digest, recording each repair at its digest position.
pub(crate) fn repair_piece(piece: Piece<'_>, repairs: &mut Vec<LocatedRepair>) -> String {
    let repaired = text::repair(piece.text);
    for repair in repaired.repairs {
        let column = piece.column
            + piece
                .text
                .get(..repair.start)
                .unwrap_or_default()
                .chars()
                .count();
        repairs.push(LocatedRepair {
            line: piece.line,
            column,
            repair,
        });
    }
    repaired.text
}

/// Imports a digest. The payload is not validated here: the caller validates it as it would any
/// other, so that an over-long teaser is reported like any over-long `dek`.
pub fn import(digest: &str, options: &Options) -> Result<Imported, ImportError> {
    let mut repairs = Vec::new();
    let mut notes = Vec::new();
    let parsed = digest::parse(digest, options.source_name.as_deref(), &mut notes)?;

    let headline = repair_piece(parsed.headline, &mut repairs);
    let teaser_lines: Vec<(usize, String)> = parsed
        .teaser
        .iter()
        .map(|piece| (piece.line, repair_piece(*piece, &mut repairs)))
        .collect();
    let source_name = match &options.source_name {
        Some(name) => name.trim().to_owned(),
        None => repair_piece(parsed.source_name, &mut repairs),
    };
    if source_name.is_empty() {
        return Err(ImportError::NoSourceName {
            line: parsed.source_name.line,
        });
    }
    let source_url = options
        .source_url
        .clone()
        .or_else(|| options.sources.get(&source_name).cloned())
        .or_else(|| {
            options
                .sources
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(&source_name))
                .map(|(_, url)| url.clone())
        })
        .ok_or_else(|| ImportError::NoSourceUrl {
            name: source_name.clone(),
        })?;

    let mut sections = Vec::with_capacity(parsed.sections.len());
    for section in &parsed.sections {
        let title = repair_piece(section.title, &mut repairs);
        let paragraphs: Vec<String> = section
            .body
            .iter()
            .map(|piece| repair_piece(*piece, &mut repairs))
            .collect();
        sections.push(Section {
            id: None,
            title,
            body: digest::body_text(&paragraphs),
            open: None,
        });
    }

    let teaser = teaser::read(&teaser_lines, &options.attribution, &mut notes);
    repairs.sort_by_key(|r| (r.line, r.column));
    notes.sort_by_key(|n| n.line);

    let id = options
        .id
        .clone()
        .or_else(|| Some(slugify(&headline, 64)).filter(|slug| !slug.is_empty()));
    let payload = Payload {
        version: Version,
        id,
        lang: options.lang.clone(),
        headline,
        dek: teaser.dek,
        byline: None,
        author: None,
        canonical: None,
        published: options.published.clone(),
        updated: None,
        source: Source {
            name: source_name,
            url: source_url,
        },
        quote: teaser
            .quote
            .map(|(text, attribution)| Quote { text, attribution }),
        image: None,
        sections: (!sections.is_empty()).then_some(sections),
        labels: None,
    };
    Ok(Imported {
        payload,
        repairs,
        notes,
    })
}
