//! `feed.xml`: an Atom feed of the cards, newest first, for feed readers and for CMS plugins
//! that import a feed.

use super::assets;
use super::card::CardEntry;
use super::page::Site;
use crate::render::escape_html as escape;

/// Atom requires an `updated` on the feed and on each entry. A card with no date gets this
/// one rather than the time of the run, so an unchanged site writes an unchanged feed.
const UNDATED: &str = "1970-01-01T00:00:00Z";

pub fn render(entries: &[&CardEntry], site: &Site) -> String {
    let feed_url = site
        .base
        .join(assets::FEED)
        .map(String::from)
        .unwrap_or_default();
    let newest = entries
        .iter()
        .filter_map(|entry| entry.changed())
        .max_by_key(|ts| ts.unix_seconds())
        .map_or(UNDATED, |ts| ts.text.as_str());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    element(&mut out, "title", &site.name);
    element(&mut out, "id", site.base.as_str());
    element(&mut out, "updated", newest);
    out.push_str(&format!(
        "<link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&feed_url),
        escape(site.base.as_str())
    ));
    for entry in entries {
        let article = &entry.article;
        out.push_str("<entry>\n");
        element(&mut out, "title", &article.headline);
        element(&mut out, "id", entry.urls.page.as_str());
        out.push_str(&format!(
            "<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(entry.urls.page.as_str())
        ));
        element(
            &mut out,
            "updated",
            entry.changed().map_or(UNDATED, |ts| ts.text.as_str()),
        );
        if let Some(published) = &article.published {
            element(&mut out, "published", &published.text);
        }
        out.push_str("<author>");
        element(&mut out, "name", entry.author_name());
        element(&mut out, "uri", entry.author_url());
        out.push_str("</author>\n");
        element(&mut out, "summary", &entry.description);
        out.push_str("</entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn element(out: &mut String, name: &str, text: &str) {
    out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}
