//! What every HTML page of the site shares: the site's identity, how a page refers to the
//! site's own files, and the head lines each page starts with.

use url::Url;

use super::assets;
use crate::render::escape_html;

/// The site being written: where it is served, its name, and the bundle it ships.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    /// The address the site is served from, ending in `/`.
    pub base: Url,
    /// Shown as the publisher: `og:site_name`, the oEmbed provider, the feed's title.
    pub name: String,
    /// The widget's loader below the site's root (`article-card/<version>/article-card.js`),
    /// or `None` for pages that show the pre-rendered card only.
    pub loader: Option<String>,
}

impl Site {
    /// The address of `path` (relative to the site's root) from a page `depth` folders down:
    /// relative, so the same files work wherever they are served, including a test server.
    pub fn local(depth: usize, path: &str) -> String {
        let mut out = "../".repeat(depth);
        out.push_str(path);
        out
    }
}

/// `<!doctype html>`, an optional fingerprint comment, `<html>` and the head's first lines,
/// the same on every page: charset, viewport, title, icon, colours, stylesheet and scripts.
pub fn start(
    out: &mut String,
    site: &Site,
    depth: usize,
    lang: &str,
    title: &str,
    stylesheet: &str,
) {
    out.push_str("<html lang=\"");
    out.push_str(&escape_html(lang));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    out.push_str(&escape_html(title));
    out.push_str("</title>\n");
    // Light and dark, as the card is: the browser's own parts (scroll bars, the address bar's
    // colour) follow the reader's preference.
    out.push_str("<meta name=\"color-scheme\" content=\"light dark\">\n");
    for (scheme, colour) in assets::THEME_COLOURS {
        out.push_str("<meta name=\"theme-color\" media=\"(prefers-color-scheme: ");
        out.push_str(scheme);
        out.push_str(")\" content=\"");
        out.push_str(colour);
        out.push_str("\">\n");
    }
    link(
        out,
        "icon",
        &Site::local(depth, assets::ICON),
        Some("image/svg+xml"),
    );
    link(out, "stylesheet", &Site::local(depth, stylesheet), None);
    if let Some(loader) = &site.loader {
        out.push_str("<script type=\"module\" src=\"");
        out.push_str(&escape_html(&Site::local(depth, loader)));
        out.push_str("\"></script>\n");
    }
}

/// A `<link>` in the head.
pub fn link(out: &mut String, rel: &str, href: &str, kind: Option<&str>) {
    out.push_str("<link rel=\"");
    out.push_str(rel);
    out.push_str("\" href=\"");
    out.push_str(&escape_html(href));
    if let Some(kind) = kind {
        out.push_str("\" type=\"");
        out.push_str(kind);
    }
    out.push_str("\">\n");
}

/// A `<meta>` with `key="name"` and `content`.
pub fn meta(out: &mut String, key: &str, name: &str, content: &str) {
    out.push_str("<meta ");
    out.push_str(key);
    out.push_str("=\"");
    out.push_str(name);
    out.push_str("\" content=\"");
    out.push_str(&escape_html(content));
    out.push_str("\">\n");
}
