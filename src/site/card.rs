//! One card as every page of the site sees it: the validated article and the facts about it
//! that pages share (its addresses, its description, its embed height), each decided here once.

use std::rc::Rc;

use url::Url;

use super::page::Site;
use super::{assets, height};
use crate::model::{Article, Block, Timestamp};
use crate::render::{self, CardStyle, ElementOptions, PageLd};

/// Longest `description` derived from a section when the card has no teaser, in characters:
/// about what link previews show before they cut.
const DESCRIPTION_CHARS: usize = 200;

/// A card, validated, with everything its pages share.
#[derive(Debug, Clone)]
pub struct CardEntry {
    pub article: Rc<Article>,
    /// The payload as the card carries it inline, its image address absolute.
    pub inline: String,
    pub urls: CardUrls,
    /// The one-sentence summary every preview shows: the teaser, else the start of the first
    /// section, else the headline.
    pub description: String,
    /// The embed's height at the oEmbed width, estimated from the content.
    pub height: u32,
}

/// The card's absolute addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardUrls {
    /// The card page (`<base>/<id>/`), where the site serves it.
    pub page: Url,
    /// The address search engines and previews should credit: the payload's own canonical
    /// address where it names one, else the card page.
    pub canonical: Url,
    pub embed: Url,
    pub oembed: Url,
    /// The lead image, resolved against the card page's address.
    pub image: Option<Url>,
}

impl CardEntry {
    /// The entry for a validated `article` whose payload, as the card carries it inline, is
    /// `inline`, on the site at `base`.
    ///
    /// A relative `image.src` is resolved here, in the article and in the inline payload alike:
    /// the card page and the embed page sit at different depths, and a preview needs an
    /// absolute address, so every view gets the one the card page's address gives.
    pub fn new(
        mut article: Article,
        inline: &str,
        base: &Url,
    ) -> Result<CardEntry, url::ParseError> {
        let page = base.join(&format!("{}/", article.id))?;
        let canonical = match &article.canonical {
            Some(address) => Url::parse(address)?,
            None => page.clone(),
        };
        let mut payload = serde_json::from_str::<serde_json::Value>(inline).unwrap_or_default();
        let image = match &mut article.image {
            Some(image) => {
                let absolute = page.join(&image.src)?;
                image.src = absolute.as_str().into();
                if let Some(src) = payload.pointer_mut("/image/src") {
                    *src = serde_json::Value::from(absolute.as_str());
                }
                Some(absolute)
            }
            None => None,
        };
        let inline = serde_json::to_string(&payload).unwrap_or_default();
        Ok(CardEntry {
            urls: CardUrls {
                embed: page.join("embed/")?,
                oembed: page.join("oembed.json")?,
                canonical,
                image,
                page,
            },
            description: description(&article),
            height: height::estimate(&article, height::EMBED_WIDTH),
            article: Rc::new(article),
            inline,
        })
    }

    /// When the card last changed: its update, else its publication.
    pub fn changed(&self) -> Option<&Timestamp> {
        self.article
            .updated
            .as_ref()
            .or(self.article.published.as_ref())
    }

    /// The pre-rendered `<article-card>` for a page `depth` folders below the site's root, its
    /// styles linked (a strict policy blocks a `<style>`) and its structured data complete.
    pub fn element(&self, site: &Site, depth: usize, heading_level: u8) -> String {
        let ld = render::page_json_ld(
            &self.article,
            &PageLd {
                url: self.urls.canonical.as_str(),
                image: self.urls.image.as_ref().map(Url::as_str),
                publisher: &site.name,
                publisher_url: site.base.as_str(),
            },
        );
        let card = Site::local(depth, assets::CARD_CSS);
        let no_script = Site::local(depth, assets::NO_SCRIPT_CSS);
        let style = CardStyle::Linked {
            card: &card,
            no_script: &no_script,
        };
        let options = ElementOptions {
            heading_level,
            style,
        };
        render::card_element_with(&self.article, &self.inline, &ld, &options)
    }

    /// The name previews credit as the author: the structured author's, else the source's (a
    /// byline is free text, "By … , local democracy reporter", not a name).
    pub fn author_name(&self) -> &str {
        self.article
            .author
            .as_ref()
            .map_or(&self.article.source.name, |author| &author.name)
    }

    /// The author's page, else the source's story.
    pub fn author_url(&self) -> &str {
        self.article
            .author
            .as_ref()
            .and_then(|author| author.url.as_deref())
            .unwrap_or(&self.article.source.url)
    }
}

fn description(article: &Article) -> String {
    if let Some(dek) = &article.dek {
        return dek.to_string();
    }
    let first = article
        .sections
        .iter()
        .flat_map(|section| section.body.iter())
        .find_map(|block| match block {
            Block::Paragraph(text) => Some(text.to_string()),
            Block::List(_) => None,
        });
    match first {
        Some(text) => shorten(&text, DESCRIPTION_CHARS),
        None => article.headline.to_string(),
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    let mut out = cut.get(..at).unwrap_or(&cut).trim_end().to_owned();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn shortens_at_a_word_boundary() {
        assert_eq!(shorten("one two three", 20), "one two three");
        assert_eq!(shorten("one two three", 10), "one two…");
    }
}
