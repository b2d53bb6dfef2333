//! What can be wrong with a payload, each problem tied to the JSON path where it was found.
//!
//! Problems are values, collected in full before anything is shown: a publisher fixing a payload
//! should see every mistake in one pass, not one per reload.

use std::fmt;

/// One problem with a payload: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// JSON path such as `sections[2].title`; `payload` for the document as a whole, `src` for
    /// the address it was fetched from.
    pub path: String,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn new(path: impl Into<String>, kind: ProblemKind) -> Self {
        Problem {
            path: path.into(),
            kind,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// What is wrong, with the data a message needs. Messages are lowercase and say what would be
/// right, in the manner of `must not be empty`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ProblemKind {
    /// A required member is absent (or `null`).
    Missing,
    /// A member has the wrong JSON type.
    WrongType {
        expected: &'static str,
        found: &'static str,
    },
    /// A text is empty or only white space.
    Empty,
    /// A text is longer than its limit, counted in characters.
    TooLong { max: usize, len: usize },
    /// A list has more items than its limit.
    TooMany { max: usize, len: usize },
    /// `version` names a version this build does not read.
    UnsupportedVersion { found: String },
    /// A link target is not an absolute http(s) URL.
    NotHttpUrl,
    /// An image address is neither an absolute http(s) URL nor a relative path.
    NotImageUrl,
    /// A URL contains white space or control characters, which browsers silently strip and
    /// attackers use to disguise schemes.
    UrlHasSpaces,
    /// A URL contains an invisible character (a bidi control, a zero-width character, …), which
    /// can make the address shown differ from the address visited.
    UrlHasInvisible { found: char },
    /// A text contains a control character other than tab and line breaks, which an HTML
    /// parser would drop or change, so pre-rendered and live text would differ.
    TextHasControl { found: char },
    /// Not an RFC 3339 date-time.
    NotTimestamp,
    /// Not a well-formed BCP 47 language tag.
    NotLanguageTag,
    /// An explicit id is not in slug form.
    NotSlug,
    /// Two sections share an id, so their addresses would collide.
    DuplicateId { first: usize },
    /// A number is not a whole number within range.
    NotWholeNumber { min: u32, max: u32 },
    /// `updated` is earlier than `published`.
    UpdatedBeforePublished,
    /// The payload text is over the size limit (checked before parsing).
    PayloadTooLarge { max: usize, len: usize },
    /// The payload text is over the size limit, found before all of it was read (a response
    /// body cut off while streaming, or inline text whose length alone proves it): its exact
    /// size is unknown.
    PayloadOverLimit { max: usize },
    /// The payload text is not JSON; `detail` is the parser's own description.
    NotJson { detail: String },
    /// The payload nests deeper than any valid payload needs.
    TooDeep { max: usize },
    /// The payload could not be fetched; `detail` says what happened.
    FetchFailed { url: String, detail: String },
    /// The element was given neither a `src` nor an inline payload.
    NoPayload,
    /// The element has a `payload` attribute and nothing else to show: a framework that found
    /// the element not yet defined wrote the object as text (`payload="[object Object]"`).
    PayloadAttribute,
    /// The browser refused something the card needs (a shadow root, a stylesheet).
    Embedding { detail: String },
}

impl fmt::Display for ProblemKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProblemKind::Missing => f.write_str("is required"),
            ProblemKind::WrongType { expected, found } => {
                write!(f, "must be {expected}, not {found}")
            }
            ProblemKind::Empty => f.write_str("must not be empty"),
            ProblemKind::TooLong { max, len } => {
                write!(f, "must be at most {max} characters (it has {len})")
            }
            ProblemKind::TooMany { max, len } => {
                write!(f, "must have at most {max} items (it has {len})")
            }
            ProblemKind::UnsupportedVersion { found } => write!(
                f,
                "unsupported version {found}; this card reads version {}",
                super::SUPPORTED_VERSION
            ),
            ProblemKind::NotHttpUrl => f.write_str("must be an http or https URL"),
            ProblemKind::NotImageUrl => {
                f.write_str("must be an http or https URL or a relative path")
            }
            ProblemKind::UrlHasSpaces => {
                f.write_str("must not contain spaces or control characters")
            }
            ProblemKind::UrlHasInvisible { found } => write!(
                f,
                "must not contain invisible or direction-changing characters (it has U+{:04X})",
                u32::from(*found)
            ),
            ProblemKind::TextHasControl { found } => write!(
                f,
                "must not contain control characters (it has U+{:04X})",
                u32::from(*found)
            ),
            ProblemKind::NotTimestamp => {
                f.write_str("must be an RFC 3339 date-time such as 2026-11-29T08:00:00Z")
            }
            ProblemKind::NotLanguageTag => {
                f.write_str("must be a BCP 47 language tag such as en, pt-BR or zh-Hant")
            }
            ProblemKind::NotSlug => f.write_str(
                "must be a slug: lowercase letters or digits, words joined by single hyphens",
            ),
            ProblemKind::DuplicateId { first } => {
                write!(f, "repeats the id of sections[{first}]; section ids must be unique")
            }
            ProblemKind::NotWholeNumber { min, max } => {
                write!(f, "must be a whole number from {min} to {max}")
            }
            ProblemKind::UpdatedBeforePublished => {
                f.write_str("must not be earlier than published")
            }
            ProblemKind::PayloadTooLarge { max, len } => {
                write!(f, "is {len} bytes; the limit is {max} bytes")
            }
            ProblemKind::PayloadOverLimit { max } => {
                write!(f, "is larger than the limit of {max} bytes (it was not read in full)")
            }
            ProblemKind::NotJson { detail } => write!(f, "is not valid JSON ({detail})"),
            ProblemKind::TooDeep { max } => write!(f, "nests deeper than {max} levels"),
            ProblemKind::FetchFailed { url, detail } => write!(f, "could not load {url}: {detail}"),
            ProblemKind::Embedding { detail } => f.write_str(detail),
            ProblemKind::NoPayload => f.write_str(
                "no payload: give the element a src attribute or a <script type=\"application/json\"> child",
            ),
            ProblemKind::PayloadAttribute => f.write_str(
                "was set as an attribute, which holds only text: set the element's payload property instead, \
                 and import article-card before the framework renders the element (in Vue, bind :payload.prop)",
            ),
        }
    }
}
