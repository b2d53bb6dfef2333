//! `sitemap.xml`: every card page, with when it last changed, for search engines.

use super::card::CardEntry;
use super::page::Site;
use crate::render::escape_html as escape;

pub fn render(entries: &[&CardEntry], site: &Site) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    out.push_str(&format!(
        "<url><loc>{}</loc></url>\n",
        escape(site.base.as_str())
    ));
    for entry in entries {
        out.push_str("<url><loc>");
        out.push_str(&escape(entry.urls.page.as_str()));
        out.push_str("</loc>");
        if let Some(changed) = entry.changed() {
            out.push_str("<lastmod>");
            out.push_str(&escape(&changed.text));
            out.push_str("</lastmod>");
        }
        out.push_str("</url>\n");
    }
    out.push_str("</urlset>\n");
    out
}
