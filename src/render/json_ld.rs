//! schema.org structured data for a card, so search engines and feed readers know what it is: a
//! `NewsArticle`, or an `AnalysisNewsArticle` when the card carries analysis sections, based on
//! the source's story.

use serde_json::{json, Map, Value};

use crate::model::{Article, Block};

/// The card as schema.org JSON-LD.
pub fn json_ld(article: &Article) -> Value {
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    let kind = if article.sections.is_empty() {
        "NewsArticle"
    } else {
        "AnalysisNewsArticle"
    };
    ld.insert("@type".into(), json!(kind));
    ld.insert("identifier".into(), json!(article.id));
    ld.insert("headline".into(), json!(article.headline));
    if let Some(dek) = &article.dek {
        ld.insert("description".into(), json!(dek));
    }
    if let Some(lang) = &article.lang {
        ld.insert("inLanguage".into(), json!(lang));
    }
    if let Some(published) = &article.published {
        ld.insert("datePublished".into(), json!(published.text));
    }
    if let Some(updated) = &article.updated {
        ld.insert("dateModified".into(), json!(updated.text));
    }
    if let Some(byline) = &article.byline {
        // A byline is free text ("By Priya Raman, local democracy reporter"), not a clean name.
        ld.insert("creditText".into(), json!(byline));
    }
    if let Some(author) = &article.author {
        let mut person = Map::new();
        person.insert("@type".into(), json!("Person"));
        person.insert("name".into(), json!(author.name));
        if let Some(url) = &author.url {
            person.insert("url".into(), json!(url));
        }
        ld.insert("author".into(), Value::Object(person));
    }
    if let Some(image) = &article.image {
        ld.insert(
            "image".into(),
            json!({
                "@type": "ImageObject",
                "url": image.src,
                "width": image.width,
                "height": image.height,
            }),
        );
    }
    ld.insert(
        "isBasedOn".into(),
        json!({
            "@type": "NewsArticle",
            "url": article.source.url,
            "publisher": { "@type": "Organization", "name": article.source.name },
        }),
    );
    if !article.sections.is_empty() {
        // The analysis is the card's own text: its body.
        ld.insert("articleBody".into(), json!(article_body(article)));
    }
    Value::Object(ld)
}

/// The sections as plain text: each title, then its paragraphs and items, blank-line separated.
fn article_body(article: &Article) -> String {
    let mut parts: Vec<String> = Vec::new();
    for section in &article.sections {
        parts.push(section.title.to_string());
        for block in section.body.iter() {
            match block {
                Block::Paragraph(text) => parts.push(text.to_string()),
                Block::List(items) => parts.push(
                    items
                        .iter()
                        .map(|item| format!("- {item}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            }
        }
    }
    parts.join("\n\n")
}

/// What a page that is the card's own home adds to its structured data: where it lives and who
/// publishes it. Addresses are absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLd<'a> {
    /// The card page's canonical address.
    pub url: &'a str,
    /// The lead image's address, resolved against the page's.
    pub image: Option<&'a str>,
    /// The site publishing the card.
    pub publisher: &'a str,
    pub publisher_url: &'a str,
}

/// The card's structured data on its own page: [`json_ld`] plus the page's address, the
/// publisher, and the image at an absolute address.
pub fn page_json_ld(article: &Article, page: &PageLd) -> Value {
    let mut ld = json_ld(article);
    if let Value::Object(map) = &mut ld {
        map.insert("url".into(), json!(page.url));
        map.insert(
            "mainEntityOfPage".into(),
            json!({ "@type": "WebPage", "@id": page.url }),
        );
        if let (Some(src), Some(Value::Object(image))) = (page.image, map.get_mut("image")) {
            image.insert("url".into(), json!(src));
        }
        map.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": page.publisher, "url": page.publisher_url }),
        );
    }
    ld
}
