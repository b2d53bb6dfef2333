//! Wire structs to the validated [`Article`]: the semantic checks (required members, limits,
//! URL schemes, slugs, dates), every failure collected with its path.

use super::article::{Article, Author, Image, Quote, Section, Source, Text};
use super::body::parse_body;
use super::controls::shown_text;
use super::json::Json;
use super::lang::is_language_tag;
use super::limits::*;
use super::problem::{Problem, ProblemKind};
use super::slug::{is_slug, slugify};
use super::timestamp::Timestamp;
use super::url::{has_space_or_control, invisible_char, is_http_url, is_relative};
use super::wire::{index_path, member_path, Field, WireArticle, WireImage, WireSection};
use super::SUPPORTED_VERSION;

/// Validates a payload read by [`super::wire::read_article`]. `problems` may already hold the
/// wire layer's type errors; the result is `Ok` only if, in the end, it holds none.
pub fn validate(
    wire: WireArticle<'_>,
    mut problems: Vec<Problem>,
) -> Result<Article, Vec<Problem>> {
    // A payload of another version may mean something else by every member; its other problems
    // would be noise, so the version problem is reported alone.
    if let Some(problem) = check_version(wire.version) {
        let alone = matches!(problem.kind, ProblemKind::UnsupportedVersion { .. });
        if alone {
            return Err(vec![problem]);
        }
        problems.push(problem);
    }
    let mut v = Validator { problems };

    let headline = v.text(wire.headline, "headline", Need::Required, MAX_HEADLINE);
    let id = match v.text(wire.id, "id", Need::Optional, MAX_ID) {
        Some(id) => v.slug(id, "id"),
        None => headline
            .as_deref()
            .map(|h| slugify(h, 64))
            .filter(|slug| !slug.is_empty())
            .or_else(|| Some("article".to_owned())),
    };
    let dek = v
        .text(wire.dek, "dek", Need::Optional, MAX_DEK)
        .map(Text::from);
    let lang = v
        .text(wire.lang, "lang", Need::Optional, MAX_LANG)
        .and_then(|lang| {
            if is_language_tag(&lang) {
                Some(lang)
            } else {
                v.report("lang", ProblemKind::NotLanguageTag);
                None
            }
        });
    let source = v.source(wire.source);
    let quote = match wire.quote {
        Field::Present(q) => {
            let text = v.text(q.text, "quote.text", Need::Required, MAX_QUOTE);
            let attribution = v.text(
                q.attribution,
                "quote.attribution",
                Need::Optional,
                MAX_ATTRIBUTION,
            );
            text.map(|text| Quote {
                text: text.into(),
                attribution: attribution.map(Text::from),
            })
        }
        _ => None,
    };
    let published = v.timestamp(wire.published, "published");
    let updated = v.timestamp(wire.updated, "updated");
    if let (Some(p), Some(u)) = (&published, &updated) {
        if u.unix_seconds() < p.unix_seconds() {
            v.report("updated", ProblemKind::UpdatedBeforePublished);
        }
    }
    let byline = v
        .text(wire.byline, "byline", Need::Optional, MAX_BYLINE)
        .map(Text::from);
    let author = match wire.author {
        Field::Present(author) => {
            let name = v.text(author.name, "author.name", Need::Required, MAX_NAME);
            let url = v.url(author.url, "author.url", Need::Optional, false);
            name.map(|name| Author {
                name: name.into(),
                url: url.map(Text::from),
            })
        }
        _ => None,
    };
    let canonical = v
        .url(wire.canonical, "canonical", Need::Optional, false)
        .map(Text::from);
    let image = match wire.image {
        Field::Present(image) => v.image(image),
        _ => None,
    };
    let sections = match wire.sections {
        Field::Present(items) => v.sections(items),
        _ => Vec::new(),
    };

    let labels = match wire.labels {
        Field::Present(items) => items
            .into_iter()
            .filter_map(|(key, field)| {
                let path = member_path("labels", key.name());
                let text = v.text(field, &path, Need::Optional, MAX_LABEL)?;
                Some((key, Text::from(text)))
            })
            .collect(),
        _ => Vec::new(),
    };

    if !v.problems.is_empty() {
        return Err(v.problems);
    }
    match (id, headline, source) {
        (Some(id), Some(headline), Some(source)) => Ok(Article {
            id,
            headline: headline.into(),
            dek,
            lang,
            source,
            quote,
            published,
            updated,
            byline,
            author,
            canonical,
            image,
            sections,
            labels,
        }),
        // Unreachable in practice: a missing required value always leaves a problem behind.
        _ => Err(vec![Problem::new("payload", ProblemKind::Missing)]),
    }
}

fn check_version(version: Field<&Json>) -> Option<Problem> {
    let kind = match version {
        Field::Absent | Field::Invalid => ProblemKind::Missing,
        Field::Present(Json::Number(n)) if *n == f64::from(SUPPORTED_VERSION) => return None,
        Field::Present(Json::Number(n)) => ProblemKind::UnsupportedVersion {
            found: version_text(*n),
        },
        Field::Present(other) => ProblemKind::WrongType {
            expected: "the number 1",
            found: other.kind(),
        },
    };
    Some(Problem::new("version", kind))
}

#[derive(Clone, Copy, PartialEq)]
enum Need {
    Required,
    /// Absent, null and blank all mean "not given": CMS exports often write `""` for an
    /// empty optional field, and that is not a mistake worth failing a card over.
    Optional,
    /// Required, but blank is a value of its own (an image's alt text: decorative).
    MayBeEmpty,
}

struct Validator {
    problems: Vec<Problem>,
}

impl Validator {
    fn report(&mut self, path: impl Into<String>, kind: ProblemKind) {
        self.problems.push(Problem::new(path, kind));
    }

    /// A trimmed text within `max` characters: the one place a wire string becomes a text of
    /// the model, so a rule for every text goes here.
    fn text(&mut self, field: Field<&str>, path: &str, need: Need, max: usize) -> Option<String> {
        let text = match field {
            Field::Present(text) => text.trim(),
            Field::Absent => {
                if need != Need::Optional {
                    self.report(path, ProblemKind::Missing);
                }
                return None;
            }
            Field::Invalid => return None,
        };
        if text.is_empty() && need != Need::MayBeEmpty {
            if need == Need::Required {
                self.report(path, ProblemKind::Empty);
            }
            return None;
        }
        let len = text.chars().count();
        if len > max {
            self.report(path, ProblemKind::TooLong { max, len });
            return None;
        }
        shown_text(text, path, &mut self.problems)
    }

    fn slug(&mut self, id: String, path: &str) -> Option<String> {
        if is_slug(&id) {
            Some(id)
        } else {
            self.report(path, ProblemKind::NotSlug);
            None
        }
    }

    fn url(
        &mut self,
        field: Field<&str>,
        path: &str,
        need: Need,
        allow_relative: bool,
    ) -> Option<String> {
        let url = self.text(field, path, need, MAX_URL)?;
        if has_space_or_control(&url) {
            self.report(path, ProblemKind::UrlHasSpaces);
            return None;
        }
        if let Some(found) = invisible_char(&url) {
            self.report(path, ProblemKind::UrlHasInvisible { found });
            return None;
        }
        if is_http_url(&url) || (allow_relative && is_relative(&url)) {
            return Some(url);
        }
        let kind = if allow_relative {
            ProblemKind::NotImageUrl
        } else {
            ProblemKind::NotHttpUrl
        };
        self.report(path, kind);
        None
    }

    fn timestamp(&mut self, field: Field<&str>, path: &str) -> Option<Timestamp> {
        let text = self.text(field, path, Need::Optional, MAX_TIMESTAMP)?;
        let parsed = Timestamp::parse(&text);
        if parsed.is_none() {
            self.report(path, ProblemKind::NotTimestamp);
        }
        parsed
    }

    fn source(&mut self, field: Field<super::wire::WireSource<'_>>) -> Option<Source> {
        match field {
            Field::Present(source) => {
                let name = self.text(source.name, "source.name", Need::Required, MAX_NAME);
                let url = self.url(source.url, "source.url", Need::Required, false);
                Some(Source {
                    name: name?.into(),
                    url: url?.into(),
                })
            }
            Field::Absent => {
                self.report("source", ProblemKind::Missing);
                None
            }
            Field::Invalid => None,
        }
    }

    fn image(&mut self, image: WireImage<'_>) -> Option<Image> {
        let src = self.url(image.src, "image.src", Need::Required, true);
        // An empty alt is meaningful (a decorative image), so only absence is a problem.
        let alt = self
            .text(image.alt, "image.alt", Need::MayBeEmpty, MAX_ALT)
            .map(Text::from);
        let width = self.side(image.width, "image.width");
        let height = self.side(image.height, "image.height");
        Some(Image {
            src: src?.into(),
            alt: alt?,
            width: width?,
            height: height?,
        })
    }

    fn side(&mut self, field: Field<f64>, path: &str) -> Option<u32> {
        match field {
            Field::Present(n) if n.fract() == 0.0 && n >= 1.0 && n <= f64::from(MAX_IMAGE_SIDE) => {
                // In range and whole, so the conversion is exact.
                Some(n as u32)
            }
            Field::Present(_) => {
                self.report(
                    path,
                    ProblemKind::NotWholeNumber {
                        min: 1,
                        max: MAX_IMAGE_SIDE,
                    },
                );
                None
            }
            Field::Absent => {
                self.report(path, ProblemKind::Missing);
                None
            }
            Field::Invalid => None,
        }
    }

    fn sections(&mut self, items: Vec<Field<WireSection<'_>>>) -> Vec<Section> {
        // At most MAX_SECTIONS items arrive here: the wire layer reports a longer list and
        // reads only that many.
        // Explicit ids first, so a derived id never takes one a publisher chose.
        let mut taken: Vec<String> = Vec::new();
        let mut first_at: Vec<(String, usize)> = Vec::new();
        let mut explicit: Vec<Option<String>> = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let id = match item {
                Field::Present(section) => {
                    let path = member_path(&index_path("sections", i), "id");
                    self.text(section.id, &path, Need::Optional, MAX_ID)
                        .and_then(|id| self.slug(id, &path))
                }
                _ => None,
            };
            if let Some(id) = &id {
                if let Some((_, first)) = first_at.iter().find(|(seen, _)| seen == id) {
                    let path = member_path(&index_path("sections", i), "id");
                    self.report(path, ProblemKind::DuplicateId { first: *first });
                } else {
                    first_at.push((id.clone(), i));
                    taken.push(id.clone());
                }
            }
            explicit.push(id);
        }

        let mut sections = Vec::with_capacity(items.len());
        for (i, (item, id)) in items.into_iter().zip(explicit).enumerate() {
            let Field::Present(section) = item else {
                continue;
            };
            let path = index_path("sections", i);
            let title = self.text(
                section.title,
                &member_path(&path, "title"),
                Need::Required,
                MAX_SECTION_TITLE,
            );
            let body_path = member_path(&path, "body");
            let body = self
                .text(section.body, &body_path, Need::Required, MAX_SECTION_BODY)
                .map(|text| parse_body(&text));
            if body.as_ref().is_some_and(Vec::is_empty) {
                self.report(body_path, ProblemKind::Empty);
            }
            let open = section.open.present().unwrap_or(false);
            let (Some(title), Some(body)) = (title, body) else {
                continue;
            };
            let id = id.unwrap_or_else(|| derive_section_id(&title, i, &mut taken));
            sections.push(Section {
                id,
                title: title.into(),
                body: body.into(),
                open,
            });
        }
        sections
    }
}

/// A unique id from the title, numbered on collision (`why-2`), or `section-N` for a title with
/// no letters or digits.
fn derive_section_id(title: &str, index: usize, taken: &mut Vec<String>) -> String {
    let mut base = slugify(title, 48);
    if base.is_empty() {
        base = format!("section-{}", index + 1);
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// The version as the publisher wrote it, for the message. Whole numbers print as integers;
/// anything else is described rather than printed, which keeps float formatting (several
/// kilobytes of tables and code) out of the bundle.
fn version_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        (n as i64).to_string()
    } else {
        "that is not a whole number".to_owned()
    }
}
