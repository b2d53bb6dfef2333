//! A card's own page (`<id>/`): the pre-rendered card as the page's main content, headline as
//! its `h1`, with everything a link preview, a search engine or an oEmbed consumer reads from
//! the page's head.

use super::assets;
use super::card::CardEntry;
use super::page::{self, Site};
use crate::render::{self, escape_html};

/// How deep the card page is below the site's root.
const DEPTH: usize = 1;

/// The card page. `fingerprint` goes first, so a later run can tell the page is current.
pub fn render(entry: &CardEntry, site: &Site, fingerprint: &str) -> String {
    let article = &entry.article;
    let urls = &entry.urls;
    let mut out = String::with_capacity(entry.inline.len() * 3 + 16 * 1024);
    out.push_str("<!doctype html>\n");
    out.push_str(render::batch::FINGERPRINT_MARK);
    out.push_str(fingerprint);
    out.push_str(" -->\n");
    let title = format!("{} | {}", article.headline, site.name);
    let lang = article.lang.as_deref().unwrap_or("en");
    page::start(&mut out, site, DEPTH, lang, &title, assets::SITE_CSS);
    page::meta(&mut out, "name", "description", &entry.description);
    page::link(&mut out, "canonical", urls.canonical.as_str(), None);
    out.push_str("<link rel=\"alternate\" type=\"application/json+oembed\" href=\"");
    out.push_str(&escape_html(urls.oembed.as_str()));
    out.push_str("\" title=\"");
    out.push_str(&escape_html(&article.headline));
    out.push_str("\">\n");
    open_graph(&mut out, entry, site);
    out.push_str("</head>\n<body>\n<main>\n");
    out.push_str(&entry.element(site, DEPTH, 2));
    out.push_str("</main>\n<footer><p><a href=\"");
    out.push_str(&escape_html(&Site::local(DEPTH, "")));
    out.push_str("\">");
    out.push_str(&escape_html(&site.name));
    out.push_str("</a>: every card</p></footer>\n</body>\n</html>\n");
    out
}

/// Open Graph and Twitter Card tags: what Slack, Discord, iMessage and Ghost's bookmark card
/// build their preview from.
fn open_graph(out: &mut String, entry: &CardEntry, site: &Site) {
    let article = &entry.article;
    let property = |out: &mut String, name: &str, content: &str| {
        page::meta(out, "property", name, content);
    };
    property(out, "og:type", "article");
    property(out, "og:title", &article.headline);
    property(out, "og:description", &entry.description);
    property(out, "og:url", entry.urls.canonical.as_str());
    property(out, "og:site_name", &site.name);
    if let Some(lang) = &article.lang {
        // Open Graph writes locales with an underscore: en_GB.
        property(out, "og:locale", &lang.replace('-', "_"));
    }
    if let (Some(image), Some(src)) = (&article.image, &entry.urls.image) {
        property(out, "og:image", src.as_str());
        property(out, "og:image:width", &image.width.to_string());
        property(out, "og:image:height", &image.height.to_string());
        if !image.alt.is_empty() {
            property(out, "og:image:alt", &image.alt);
        }
    }
    if let Some(published) = &article.published {
        property(out, "article:published_time", &published.text);
    }
    if let Some(updated) = &article.updated {
        property(out, "article:modified_time", &updated.text);
    }
    let card = if entry.urls.image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    page::meta(out, "name", "twitter:card", card);
    page::meta(out, "name", "twitter:title", &article.headline);
    page::meta(out, "name", "twitter:description", &entry.description);
    if let (Some(image), Some(src)) = (&article.image, &entry.urls.image) {
        page::meta(out, "name", "twitter:image", src.as_str());
        if !image.alt.is_empty() {
            page::meta(out, "name", "twitter:image:alt", &image.alt);
        }
    }
}
