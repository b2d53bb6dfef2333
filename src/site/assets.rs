//! The site's own files, written once for every page to share: the card's stylesheet as a file
//! (a strict `style-src 'self'` blocks a `<style>` element), the pages' stylesheets, the icon
//! and the embed page's script.

use crate::render::{minify_css, CARD_CSS as CARD_SOURCE, NO_SCRIPT_CSS as NO_SCRIPT_RULES};

pub const CARD_CSS: &str = "assets/card.css";
pub const NO_SCRIPT_CSS: &str = "assets/no-script.css";
pub const SITE_CSS: &str = "assets/site.css";
pub const EMBED_CSS: &str = "assets/embed.css";
pub const EMBED_JS: &str = "assets/embed.js";
pub const ICON: &str = "assets/icon.svg";
pub const FEED: &str = "feed.xml";
pub const SITEMAP: &str = "sitemap.xml";

/// The browser's colour around the page, matching the card's own background in each scheme
/// (styles/card.css, `--_bg`).
pub const THEME_COLOURS: [(&str, &str); 2] = [("light", "#ffffff"), ("dark", "#1f1e1d")];

/// The embed page's script: the height reports and the link fallback.
pub const EMBED_SCRIPT: &str = include_str!("../../js/article-card-embed.js");

/// Card and index pages: a readable column in either colour scheme.
const SITE_STYLES: &str = "\
:root{color-scheme:light dark;font-family:system-ui,sans-serif;line-height:1.5}\
body{margin:0;padding:1rem;background:light-dark(#f6f5f4,#121212);color:light-dark(#1f1e1d,#eeeeec)}\
main,body>footer{max-width:44rem;margin:0 auto}\
a{color:light-dark(#1a5fb4,#99c1f1)}\
.cards{padding-inline-start:1.25rem}.cards li{margin-block:.5rem}\
.cards__source,.cards time{color:light-dark(#5e5c64,#c0bfbc);font-size:.875em}\n";

/// The embed page: nothing around the card, so the host page shows through.
const EMBED_STYLES: &str = "\
:root{color-scheme:light dark}\
html,body{margin:0;padding:0;background:transparent}\
.embed{display:flow-root}\
.embed article-card{margin:0;max-width:none}\n";

/// A card glyph in the card's accent colour.
const ICON_SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">\
<rect x=\"2\" y=\"4\" width=\"28\" height=\"24\" rx=\"4\" fill=\"#1a5fb4\"/>\
<path d=\"M8 11h16M8 16h16M8 21h10\" stroke=\"#fff\" stroke-width=\"2.5\" stroke-linecap=\"round\"/>\
</svg>\n";

/// Every asset: its path below the site's root and its contents.
pub fn files() -> Vec<(&'static str, String)> {
    vec![
        (CARD_CSS, minify_css(CARD_SOURCE)),
        (NO_SCRIPT_CSS, format!("{NO_SCRIPT_RULES}\n")),
        (SITE_CSS, SITE_STYLES.to_owned()),
        (EMBED_CSS, EMBED_STYLES.to_owned()),
        (EMBED_JS, EMBED_SCRIPT.to_owned()),
        (ICON, ICON_SVG.to_owned()),
    ]
}
