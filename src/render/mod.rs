//! Server-side rendering: a payload to static HTML that shows the whole card with no JavaScript,
//! and that the widget takes over in place.
//!
//! The card's markup comes from the very components the widget mounts ([`crate::view::CardRoot`]),
//! rendered by Yew's server renderer, so text and markup are the same on both sides. It is
//! wrapped the way the widget finds its cards:
//!
//! ```html
//! <article-card>
//!   <template shadowrootmode="open">      <!-- a declarative shadow root: no script needed -->
//!     <style>/* styles/card.css */</style>
//!     <div class="root"><article class="card">…</article></div>
//!   </template>
//!   <script type="application/json">{ the payload }</script>
//!   <script type="application/ld+json">{ schema.org NewsArticle }</script>
//! </article-card>
//! ```
//!
//! When the bundle loads, the loader leaves such a card asleep (no engine download) until a
//! reader or a script interacts with it; the widget then finds the element's shadow root already
//! there, replaces its children with the same markup rendered live (with the sections the reader
//! opened meanwhile), and reads the same inline payload: no second request, and nothing moves.

pub mod batch;
mod json_ld;
mod minify;

use std::rc::Rc;

use crate::model::{self, read, Article, Problem};
use crate::view::{CardOptions, CardRoot, CardRootProps, CardState};

pub use json_ld::{json_ld, page_json_ld, PageLd};
pub use minify::minify_css;

/// The card's stylesheet, the same file the widget adopts into each shadow root.
pub const CARD_CSS: &str = include_str!("../../styles/card.css");

/// Where a standalone page loads the widget from unless told otherwise: the path the README's
/// embed snippet uses.
pub const DEFAULT_BUNDLE_URL: &str = "/article-card/article-card.js";

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenderOptions {
    /// A complete HTML page around the card, rather than the `<article-card>` element alone.
    pub standalone: bool,
    /// The widget's loader (`article-card.js`) for a standalone page; `None` for a page with no
    /// script at all (the pre-rendered card still shows in full).
    pub bundle_url: Option<String>,
    /// A comment recording what the output was made from, so a batch can skip it next time.
    pub fingerprint: Option<String>,
}

/// Validates payload text and renders it. Problems are the model's, with their JSON paths.
/// The payload goes inline as the reader read it, written compactly: the widget then reads the
/// very values this card was rendered from (a lone surrogate already U+FFFD, no byte-order
/// mark).
pub fn render_payload(text: &str, options: &RenderOptions) -> Result<String, Vec<Problem>> {
    let (article, inline) = read_payload(text)?;
    Ok(render_article(Rc::new(article), &inline, options))
}

/// Reads and validates payload text: the article, and the payload as the card carries it
/// inline.
pub fn read_payload(text: &str) -> Result<(Article, String), Vec<Problem>> {
    let doc = read::document(text).map_err(|unreadable| vec![unreadable.problem])?;
    let article = model::article_from_json(&doc.json)?;
    // Writing a tree of strings, numbers and maps to a String cannot fail.
    let inline = serde_json::to_string(&doc.json).unwrap_or_default();
    Ok((article, inline))
}

/// Renders a validated article. `inline_payload` is the payload JSON the widget will read.
pub fn render_article(
    article: Rc<Article>,
    inline_payload: &str,
    options: &RenderOptions,
) -> String {
    let card = card_element(&article, inline_payload);
    let mut out = String::with_capacity(card.len() + 1024);
    if options.standalone {
        out.push_str("<!doctype html>\n");
        push_fingerprint(&mut out, options);
        page(&mut out, &article, &card, options.bundle_url.as_deref());
    } else {
        push_fingerprint(&mut out, options);
        out.push_str(&card);
    }
    out
}

fn push_fingerprint(out: &mut String, options: &RenderOptions) {
    if let Some(fingerprint) = &options.fingerprint {
        out.push_str(batch::FINGERPRINT_MARK);
        out.push_str(fingerprint);
        out.push_str(" -->\n");
    }
}

/// The card's markup alone, exactly as the widget renders it into its container.
pub fn card_markup(article: Rc<Article>) -> String {
    card_markup_with(article, 0)
}

/// The card's markup with the headline one level above `heading_level` (the element's
/// `heading-level` attribute; 0 for the default), as the widget renders it with that attribute.
fn card_markup_with(article: Rc<Article>, heading_level: u8) -> String {
    let renderer = yew::LocalServerRenderer::<CardRoot>::with_props(CardRootProps {
        state: CardState::Ready(article),
        options: CardOptions {
            heading_level,
            ..CardOptions::default()
        },
    })
    // The widget renders afresh rather than hydrating, so no hydration markers.
    .hydratable(false);
    futures_executor::block_on(renderer.render())
}

/// Shown when scripting is off: every section open, since the buttons that open them need the
/// widget. Scripting browsers never apply it (to them `<noscript>` is inert text).
pub const NO_SCRIPT_CSS: &str =
    ".section__panel[hidden]{display:block!important;content-visibility:visible!important}.section__toggle::after,.card__tools,.section__permalink{display:none}";

/// How a pre-rendered card differs by where it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ElementOptions<'a> {
    /// The element's `heading-level` attribute (0: none, the default levels): 2 makes the
    /// headline an `h1`, for a page whose main content is the card.
    pub heading_level: u8,
    /// Where the card's styles come from inside its shadow root.
    pub style: CardStyle<'a>,
}

/// The card's styles in a pre-rendered shadow root.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardStyle<'a> {
    /// A `<style>` element: one self-contained fragment, for pasting into any page.
    #[default]
    Inline,
    /// `<link rel=stylesheet>` to these addresses (the card's styles; the no-script rules),
    /// which a strict `style-src 'self'` allows where it blocks a `<style>` element.
    Linked { card: &'a str, no_script: &'a str },
}

/// The `<article-card>` element with its declarative shadow root, inline payload and JSON-LD.
pub fn card_element(article: &Rc<Article>, inline_payload: &str) -> String {
    let ld = json_ld(article);
    card_element_with(article, inline_payload, &ld, &ElementOptions::default())
}

/// The `<article-card>` element, with the structured data `ld` and as `options` say.
pub fn card_element_with(
    article: &Rc<Article>,
    inline_payload: &str,
    ld: &serde_json::Value,
    options: &ElementOptions,
) -> String {
    let markup = card_markup_with(article.clone(), options.heading_level);
    let ld = serde_json::to_string(ld).unwrap_or_default();
    let css = card_style();
    let mut out = String::with_capacity(markup.len() + css.len() + inline_payload.len() * 2 + 512);
    out.push_str("<article-card");
    if options.heading_level != 0 {
        out.push_str(&format!(" heading-level=\"{}\"", options.heading_level));
    }
    out.push_str(">\n<template shadowrootmode=\"open\">");
    match options.style {
        CardStyle::Inline => {
            out.push_str("<style>");
            out.push_str(css);
            out.push_str("</style><noscript><style>");
            out.push_str(NO_SCRIPT_CSS);
            out.push_str("</style></noscript>");
        }
        CardStyle::Linked { card, no_script } => {
            for (href, wrap) in [(card, false), (no_script, true)] {
                out.push_str(if wrap { "<noscript>" } else { "" });
                out.push_str("<link rel=\"stylesheet\" href=\"");
                out.push_str(&escape_html(href));
                out.push_str("\">");
                out.push_str(if wrap { "</noscript>" } else { "" });
            }
        }
    }
    out.push_str("<div class=\"root\">");
    out.push_str(&markup);
    out.push_str("</div></template>\n<script type=\"application/json\">");
    out.push_str(&script_text(inline_payload));
    out.push_str("</script>\n<script type=\"application/ld+json\">");
    out.push_str(&script_text(&ld));
    out.push_str("</script>\n</article-card>\n");
    out
}

/// A complete page around the card.
fn page(out: &mut String, article: &Article, card: &str, bundle_url: Option<&str>) {
    let lang = article.lang.as_deref().unwrap_or("en");
    out.push_str("<html lang=\"");
    out.push_str(&escape_html(lang));
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    );
    out.push_str(&escape_html(&article.headline));
    out.push_str(" | ");
    out.push_str(&escape_html(&article.source.name));
    out.push_str("</title>\n");
    if let Some(dek) = &article.dek {
        out.push_str("<meta name=\"description\" content=\"");
        out.push_str(&escape_html(dek));
        out.push_str("\">\n");
    }
    if let Some(url) = bundle_url {
        out.push_str("<script type=\"module\" src=\"");
        out.push_str(&escape_html(url));
        out.push_str("\"></script>\n");
    }
    out.push_str(
        "<style>body{margin:0;padding:1rem;font-family:system-ui,sans-serif}\
         main{max-width:44rem;margin:0 auto}</style>\n",
    );
    out.push_str("</head>\n<body>\n<main>\n");
    out.push_str(card);
    out.push_str("</main>\n</body>\n</html>\n");
}

/// Escapes text for HTML text and double-quoted attribute values.
pub fn escape_html(text: &str) -> String {
    replace_chars(text, |c| match c {
        '&' => Some("&amp;"),
        '<' => Some("&lt;"),
        '>' => Some("&gt;"),
        '"' => Some("&quot;"),
        '\'' => Some("&#39;"),
        _ => None,
    })
}

/// JSON made safe inside a `<script>` element: `<`, `>` and `&` become `\u` escapes (valid
/// JSON, and only ever inside strings), so neither `</script>` nor `<!--` can occur.
pub fn script_text(json: &str) -> String {
    replace_chars(json, |c| match c {
        '<' => Some("\\u003c"),
        '>' => Some("\\u003e"),
        '&' => Some("\\u0026"),
        '\u{2028}' => Some("\\u2028"),
        '\u{2029}' => Some("\\u2029"),
        _ => None,
    })
}

/// `text` with the characters `replacement` names replaced, copying the rest in whole runs.
fn replace_chars(text: &str, replacement: impl Fn(char) -> Option<&'static str>) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut copied = 0;
    for (at, c) in text.char_indices() {
        if let Some(with) = replacement(c) {
            out.push_str(text.get(copied..at).unwrap_or_default());
            out.push_str(with);
            copied = at + c.len_utf8();
        }
    }
    out.push_str(text.get(copied..).unwrap_or_default());
    out
}

/// The card's stylesheet as every card carries it, prepared once per process.
pub fn card_style() -> &'static str {
    static STYLE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    STYLE.get_or_init(|| style_text(CARD_CSS))
}

/// The stylesheet as it goes into every card's `<style>`: comments dropped and white space
/// collapsed (the same rules in a third of the bytes), and `</` written `<\/`, which means the
/// same in CSS and cannot end the element early.
fn style_text(css: &str) -> String {
    minify_css(css).replace("</", "<\\/")
}
