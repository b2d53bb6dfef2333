//! A card's oEmbed response (`<id>/oembed.json`, oEmbed 1.0, `type: rich`): what WordPress and
//! other consumers fetch when someone pastes the card page's address.
//!
//! `html` is a blockquote linking to the card page, shown by consumers that drop iframes, then
//! the embed page's iframe. WordPress keeps exactly these two elements (it strips any script,
//! and replaces the iframe's `sandbox` with its own `allow-scripts`); everywhere else the iframe
//! keeps the sandbox below, which lets the full-story link open a new top-level tab.

use serde_json::{json, Map, Value};

use super::card::CardEntry;
use super::height::EMBED_WIDTH;
use super::page::Site;
use crate::render::escape_html;

/// How long consumers may cache the response, in seconds: a day, since a card can be edited.
pub const CACHE_AGE: u32 = 86_400;

/// The sandbox the iframe asks for: scripts (the widget and the height report) and popups
/// that escape the sandbox, so the full story opens in a normal tab.
pub const SANDBOX: &str = "allow-scripts allow-popups allow-popups-to-escape-sandbox";

/// Marks the fallback blockquote, for the resizer to hide once the iframe is sized.
pub const FALLBACK_CLASS: &str = "article-card-fallback";
/// Marks the iframe, for the resizer.
pub const FRAME_CLASS: &str = "article-card-frame";

pub fn render(entry: &CardEntry, site: &Site) -> String {
    let article = &entry.article;
    let mut response = Map::new();
    response.insert("version".into(), json!("1.0"));
    response.insert("type".into(), json!("rich"));
    response.insert("title".into(), json!(article.headline));
    response.insert("html".into(), json!(html(entry, site)));
    response.insert("width".into(), json!(EMBED_WIDTH));
    response.insert("height".into(), json!(entry.height));
    response.insert("provider_name".into(), json!(site.name));
    response.insert("provider_url".into(), json!(site.base.as_str()));
    response.insert("author_name".into(), json!(entry.author_name()));
    response.insert("author_url".into(), json!(entry.author_url()));
    response.insert("cache_age".into(), json!(CACHE_AGE));
    if let (Some(image), Some(src)) = (&article.image, &entry.urls.image) {
        response.insert("thumbnail_url".into(), json!(src.as_str()));
        response.insert("thumbnail_width".into(), json!(image.width));
        response.insert("thumbnail_height".into(), json!(image.height));
    }
    let mut text = serde_json::to_string_pretty(&Value::Object(response)).unwrap_or_default();
    text.push('\n');
    text
}

/// The markup a consumer pastes into its page.
fn html(entry: &CardEntry, site: &Site) -> String {
    let article = &entry.article;
    let headline = escape_html(&article.headline);
    format!(
        "<blockquote class=\"{FALLBACK_CLASS}\"><a href=\"{page}\">{headline}</a></blockquote>\
         <iframe class=\"{FRAME_CLASS}\" src=\"{embed}\" width=\"{EMBED_WIDTH}\" height=\"{height}\" \
         title=\"{headline} | {site}\" sandbox=\"{SANDBOX}\" loading=\"lazy\"></iframe>",
        page = escape_html(entry.urls.page.as_str()),
        embed = escape_html(entry.urls.embed.as_str()),
        height = entry.height,
        site = escape_html(&site.name),
    )
}
