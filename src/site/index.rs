//! The site's front page: every card, newest first, each a link to its page.

use super::assets;
use super::card::CardEntry;
use super::page::{self, Site};
use crate::render::escape_html;

pub fn render(entries: &[&CardEntry], site: &Site) -> String {
    let mut out = String::from("<!doctype html>\n");
    let index_site = Site {
        // The index shows no card, so it loads no widget.
        loader: None,
        ..site.clone()
    };
    page::start(&mut out, &index_site, 0, "en", &site.name, assets::SITE_CSS);
    page::meta(
        &mut out,
        "name",
        "description",
        &format!("Every card from {}.", site.name),
    );
    page::link(&mut out, "canonical", site.base.as_str(), None);
    page::link(
        &mut out,
        "alternate",
        assets::FEED,
        Some("application/atom+xml"),
    );
    out.push_str("</head>\n<body>\n<main>\n<h1>");
    out.push_str(&escape_html(&site.name));
    out.push_str("</h1>\n<ol class=\"cards\">\n");
    for entry in entries {
        let article = &entry.article;
        out.push_str("<li");
        if let Some(lang) = &article.lang {
            out.push_str(" lang=\"");
            out.push_str(&escape_html(lang));
            out.push('"');
        }
        out.push_str("><a href=\"");
        out.push_str(&escape_html(&format!("{}/", article.id)));
        out.push_str("\">");
        out.push_str(&escape_html(&article.headline));
        out.push_str("</a> <span class=\"cards__source\">");
        out.push_str(&escape_html(&article.source.name));
        out.push_str("</span>");
        if let Some(changed) = entry.changed() {
            out.push_str(" <time datetime=\"");
            out.push_str(&escape_html(&changed.text));
            out.push_str("\">");
            out.push_str(&format!(
                "{:04}-{:02}-{:02}",
                changed.year, changed.month, changed.day
            ));
            out.push_str("</time>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}
