//! The payload as sent, read into typed wire structs. This layer checks JSON types only (a
//! string where a string belongs), records each mismatch with its path, and keeps reading, so
//! that validation can report every problem in one pass. Unknown members are ignored: newer
//! payloads must still render on older widgets.

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
    let mut r = Reader { problems };
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
        id: r.text(doc, "id", ""),
        headline: r.text(doc, "headline", ""),
        dek: r.text(doc, "dek", ""),
        lang: r.text(doc, "lang", ""),
        source: r.object(doc, "source", "", |r, obj, path| WireSource {
            name: r.text(obj, "name", path),
            url: r.text(obj, "url", path),
        }),
        quote: r.object(doc, "quote", "", |r, obj, path| WireQuote {
            text: r.text(obj, "text", path),
            attribution: r.text(obj, "attribution", path),
        }),
        published: r.text(doc, "published", ""),
        updated: r.text(doc, "updated", ""),
        byline: r.text(doc, "byline", ""),
        image: r.object(doc, "image", "", |r, obj, path| WireImage {
            src: r.text(obj, "src", path),
            alt: r.text(obj, "alt", path),
            width: r.number(obj, "width", path),
            height: r.number(obj, "height", path),
        }),
        sections,
        labels: r.object(doc, "labels", "", |r, obj, path| {
            LabelKey::ALL
                .iter()
                .map(|key| (*key, r.text(obj, key.name(), path)))
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

struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reader<'_> {
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
    fn member<'a, T>(
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

    fn text<'a>(&mut self, obj: &'a Json, key: &str, parent: &str) -> Field<&'a str> {
        self.member(obj, key, parent, "a string", |v| match v {
            Json::String(s) => Some(s.as_str()),
            _ => None,
        })
    }

    fn number(&mut self, obj: &Json, key: &str, parent: &str) -> Field<f64> {
        self.member(obj, key, parent, "a number", |v| match v {
            Json::Number(n) => Some(*n),
            _ => None,
        })
    }

    fn boolean(&mut self, obj: &Json, key: &str, parent: &str) -> Field<bool> {
        self.member(obj, key, parent, "true or false", |v| match v {
            Json::Bool(b) => Some(*b),
            _ => None,
        })
    }

    fn object<'a, T>(
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

    fn section<'a>(&mut self, item: &'a Json, path: &str) -> Field<WireSection<'a>> {
        if as_object(item).is_none() {
            self.wrong_type(path, "an object", item);
            return Field::Invalid;
        }
        Field::Present(WireSection {
            id: self.text(item, "id", path),
            title: self.text(item, "title", path),
            body: self.text(item, "body", path),
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
