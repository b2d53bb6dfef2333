//! The payload as sent, read into typed wire structs. This layer checks JSON types only (a
//! string where a string belongs), records each mismatch with its path, and keeps reading, so
//! that validation can report every problem in one pass. Unknown members are ignored: newer
//! payloads must still render on older widgets.
//!
//! [`read_article`] is the one description of the payload's shape that code reads: each member
//! is read here once, by the kind of value it holds. A text that readers see is read with
//! `prose`, which also lists it in [`prose_texts`] (what `validate` checks for mis-decoded
//! characters and `--fix` repairs); an address, a slug, a tag or a date with `string`.
//!
//! Adding a member to the payload:
//! 1. here, a field in the wire struct and one line in [`read_article`] (`prose` or `string`);
//! 2. [`super::validate`], its checks (a limit in [`super::limits`]) into the
//!    [`super::Article`];
//! 3. [`super::schema`], the declarative twin for the JSON Schema and `import`
//!    (`tests/schema.rs` fails until the schema and this reader list the same strings).
//!
//! A card label is one edit in the model: a [`LabelKey`] variant (name, description); the
//! reader, validation, the schema and `--fix` follow, and the view's translation tables then
//! fail to compile until each language has its words.

use super::json::Json;
use super::labels::LabelKey;
use super::limits::MAX_SECTIONS;
use super::problem::{Problem, ProblemKind};

/// A member as read: absent (or `null`), present with the wrong type (already reported), or
/// present with the expected type. Keeping "wrong type" apart from "absent" stops validation
/// from piling "is required" on top of "must be a string".
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Field<T> {
    Absent,
    Invalid,
    Present(T),
}

impl<T> Field<T> {
    pub fn present(self) -> Option<T> {
        match self {
            Field::Present(value) => Some(value),
            _ => None,
        }
    }
}

/// The top-level payload, borrowed from the parsed JSON.
#[derive(Debug)]
pub struct WireArticle<'a> {
    pub version: Field<&'a Json>,
    pub id: Field<&'a str>,
    pub headline: Field<&'a str>,
    pub dek: Field<&'a str>,
    pub lang: Field<&'a str>,
    pub source: Field<WireSource<'a>>,
    pub quote: Field<WireQuote<'a>>,
    pub published: Field<&'a str>,
    pub updated: Field<&'a str>,
    pub byline: Field<&'a str>,
    /// The author is credited as the source is, a name and an address: one reader serves both.
    pub author: Field<WireSource<'a>>,
    pub canonical: Field<&'a str>,
    pub image: Field<WireImage<'a>>,
    pub sections: Field<Vec<Field<WireSection<'a>>>>,
    /// Each known label key with what the payload gave for it.
    pub labels: Field<Vec<(LabelKey, Field<&'a str>)>>,
}

#[derive(Debug)]
pub struct WireSource<'a> {
    pub name: Field<&'a str>,
    pub url: Field<&'a str>,
}

#[derive(Debug)]
pub struct WireQuote<'a> {
    pub text: Field<&'a str>,
    pub attribution: Field<&'a str>,
}

#[derive(Debug)]
pub struct WireImage<'a> {
    pub src: Field<&'a str>,
    pub alt: Field<&'a str>,
    pub width: Field<f64>,
    pub height: Field<f64>,
}

#[derive(Debug)]
pub struct WireSection<'a> {
    pub id: Field<&'a str>,
    pub title: Field<&'a str>,
    pub body: Field<&'a str>,
    pub open: Field<bool>,
}

/// Reads the payload's members by type, adding a problem for each mismatch. Returns `None`
/// only when the document itself is not an object.
pub fn read_article<'a>(doc: &'a Json, problems: &mut Vec<Problem>) -> Option<WireArticle<'a>> {
    read(doc, problems, &mut Unlisted)
}

/// Every text of the payload that readers see, with its path: headline, teaser, credits,
/// quote, alt text, section titles and bodies, label overrides. Addresses,
/// ids, tags, dates and unknown members are not among them.
pub fn prose_texts(doc: &Json) -> Vec<(String, &str)> {
    let mut prose = Vec::new();
    read(doc, &mut Vec::new(), &mut prose);
    prose
}

fn read<'a>(
    doc: &'a Json,
    problems: &mut Vec<Problem>,
    prose: &mut impl Listing<'a>,
) -> Option<WireArticle<'a>> {
    let mut r = Reader { problems, prose };
    let Json::Object(_) = doc else {
        r.wrong_type("payload", "an object", doc);
        return None;
    };
    let sections = match r.member(doc, "sections", "sections", "an array", as_array) {
        Field::Present(items) => {
            // Only the sections a card may have are read: a hostile payload of 100,000 tiny
            // items would otherwise cost a problem (and memory) for each one.
            if items.len() > MAX_SECTIONS {
                r.problems.push(Problem::new(
                    "sections",
                    ProblemKind::TooMany {
                        max: MAX_SECTIONS,
                        len: items.len(),
                    },
                ));
            }
            Field::Present(
                items
                    .iter()
                    .take(MAX_SECTIONS)
                    .enumerate()
                    .map(|(i, item)| r.section(item, &index_path("sections", i)))
                    .collect(),
            )
        }
        Field::Absent => Field::Absent,
        Field::Invalid => Field::Invalid,
    };
    Some(WireArticle {
        version: match doc.get("version") {
            None | Some(Json::Null) => Field::Absent,
            Some(value) => Field::Present(value),
        },
        id: r.string(doc, "id", ""),
        headline: r.prose(doc, "headline", ""),
        dek: r.prose(doc, "dek", ""),
        lang: r.string(doc, "lang", ""),
        source: r.object(doc, "source", "", Reader::credit),
        quote: r.object(doc, "quote", "", |r, obj, path| WireQuote {
            text: r.prose(obj, "text", path),
            attribution: r.prose(obj, "attribution", path),
        }),
        published: r.string(doc, "published", ""),
        updated: r.string(doc, "updated", ""),
        byline: r.prose(doc, "byline", ""),
        author: r.object(doc, "author", "", Reader::credit),
        canonical: r.string(doc, "canonical", ""),
        image: r.object(doc, "image", "", |r, obj, path| WireImage {
            src: r.string(obj, "src", path),
            alt: r.prose(obj, "alt", path),
            width: r.number(obj, "width", path),
            height: r.number(obj, "height", path),
        }),
        sections,
        labels: r.object(doc, "labels", "", |r, obj, path| {
            LabelKey::ALL
                .iter()
                .map(|key| (*key, r.prose(obj, key.name(), path)))
                .collect()
        }),
    })
}

/// `parent.key`, or `key` at the top level.
pub fn member_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        let mut path = String::with_capacity(parent.len() + 1 + key.len());
        path.push_str(parent);
        path.push('.');
        path.push_str(key);
        path
    }
}

/// `parent[index]`.
pub fn index_path(parent: &str, index: usize) -> String {
    let mut path = String::from(parent);
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
    path
}

/// Where the reader lists the texts readers see: nowhere when it only validates (the widget's
/// one use, so listing costs the bundle nothing), or a list for [`prose_texts`].
trait Listing<'a> {
    fn add(&mut self, parent: &str, key: &str, text: &'a str);
}

struct Unlisted;

impl Listing<'_> for Unlisted {
    fn add(&mut self, _: &str, _: &str, _: &str) {}
}

impl<'a> Listing<'a> for Vec<(String, &'a str)> {
    fn add(&mut self, parent: &str, key: &str, text: &'a str) {
        self.push((member_path(parent, key), text));
    }
}

struct Reader<'p, L> {
    problems: &'p mut Vec<Problem>,
    prose: &'p mut L,
}

impl<'a, L: Listing<'a>> Reader<'_, L> {
    fn wrong_type(&mut self, path: &str, expected: &'static str, found: &Json) {
        self.problems.push(Problem::new(
            path,
            ProblemKind::WrongType {
                expected,
                found: found.kind(),
            },
        ));
    }

    /// Reads `obj[key]` with `cast`, reporting a wrong type at `parent.key`.
    fn member<T>(
        &mut self,
        obj: &'a Json,
        key: &str,
        parent: &str,
        expected: &'static str,
        cast: impl Fn(&'a Json) -> Option<T>,
    ) -> Field<T> {
        match obj.get(key) {
            None | Some(Json::Null) => Field::Absent,
            Some(value) => match cast(value) {
                Some(v) => Field::Present(v),
                None => {
                    self.wrong_type(&member_path(parent, key), expected, value);
                    Field::Invalid
                }
            },
        }
    }

    /// A string member that is not prose: an address, a slug, a tag, a date.
    fn string(&mut self, obj: &'a Json, key: &str, parent: &str) -> Field<&'a str> {
        self.member(obj, key, parent, "a string", |v| match v {
            Json::String(s) => Some(s.as_str()),
            _ => None,
        })
    }

    fn number(&mut self, obj: &'a Json, key: &str, parent: &str) -> Field<f64> {
        self.member(obj, key, parent, "a number", |v| match v {
            Json::Number(n) => Some(*n),
            _ => None,
        })
    }

    fn boolean(&mut self, obj: &'a Json, key: &str, parent: &str) -> Field<bool> {
        self.member(obj, key, parent, "true or false", |v| match v {
            Json::Bool(b) => Some(*b),
            _ => None,
        })
    }

    /// A string member that readers see (see [`prose_texts`]).
    fn prose(&mut self, obj: &'a Json, key: &str, parent: &str) -> Field<&'a str> {
        let field = self.string(obj, key, parent);
        if let Field::Present(text) = field {
            self.prose.add(parent, key, text);
        }
        field
    }

    fn object<T>(
        &mut self,
        obj: &'a Json,
        key: &str,
        parent: &str,
        read: impl FnOnce(&mut Self, &'a Json, &str) -> T,
    ) -> Field<T> {
        match self.member(obj, key, parent, "an object", as_object) {
            Field::Present(inner) => Field::Present(read(self, inner, &member_path(parent, key))),
            Field::Absent => Field::Absent,
            Field::Invalid => Field::Invalid,
        }
    }

    /// A name and an address: the source, the author.
    fn credit(&mut self, obj: &'a Json, path: &str) -> WireSource<'a> {
        WireSource {
            name: self.prose(obj, "name", path),
            url: self.string(obj, "url", path),
        }
    }

    fn section(&mut self, item: &'a Json, path: &str) -> Field<WireSection<'a>> {
        if as_object(item).is_none() {
            self.wrong_type(path, "an object", item);
            return Field::Invalid;
        }
        Field::Present(WireSection {
            id: self.string(item, "id", path),
            title: self.prose(item, "title", path),
            body: self.prose(item, "body", path),
            open: self.boolean(item, "open", path),
        })
    }
}

fn as_object(value: &Json) -> Option<&Json> {
    matches!(value, Json::Object(_)).then_some(value)
}

fn as_array(value: &Json) -> Option<&[Json]> {
    match value {
        Json::Array(items) => Some(items),
        _ => None,
    }
}
