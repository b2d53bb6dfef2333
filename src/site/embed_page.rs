//! A card's embed page (`<id>/embed/`): the card alone, for an iframe in someone else's page.
//! Its one script (assets/embed.js, external so a strict policy allows it) reports the card's
//! height to the host page, in WordPress's protocol and in the generic message the resizer
//! reads; without the widget, or without JavaScript, the pre-rendered card shows as it is.

use super::assets;
use super::card::CardEntry;
use super::page::{self, Site};
use crate::render::escape_html;

/// How deep the embed page is below the site's root.
const DEPTH: usize = 2;

pub fn render(entry: &CardEntry, site: &Site) -> String {
    let article = &entry.article;
    let mut out = String::with_capacity(entry.inline.len() * 3 + 16 * 1024);
    out.push_str("<!doctype html>\n");
    let title = format!("{} | {}", article.headline, site.name);
    let lang = article.lang.as_deref().unwrap_or("en");
    page::start(&mut out, site, DEPTH, lang, &title, assets::EMBED_CSS);
    out.push_str("<script src=\"");
    out.push_str(&escape_html(&Site::local(DEPTH, assets::EMBED_JS)));
    out.push_str("\" defer></script>\n");
    // The card page is the one to index; this one exists to be framed.
    page::meta(&mut out, "name", "robots", "noindex");
    page::link(&mut out, "canonical", entry.urls.canonical.as_str(), None);
    out.push_str("</head>\n<body>\n<main class=\"embed\" data-card-page=\"");
    out.push_str(&escape_html(entry.urls.page.as_str()));
    out.push_str("\">\n");
    out.push_str(&entry.element(site, DEPTH, 0));
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
