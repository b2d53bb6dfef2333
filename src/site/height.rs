//! The embed's height before anything has measured it: oEmbed consumers size the iframe from
//! the response's `height` until the frame reports its own, so a close estimate is what keeps
//! the host page from jumping when that report arrives.
//!
//! A static site cannot lay text out, so this models the card's stylesheet (styles/card.css) at
//! one width: each block is its lines times its line height plus its margins, a line holding
//! as many characters as the block's average glyph width allows. The constants were fitted to
//! the fixtures measured in Chromium at 600 px (tests/e2e/site.test.mjs checks the estimate
//! against the measured height); a card in another script or font will be further off, and the
//! frame's own height report corrects it.

use crate::model::{Article, Block};

/// The oEmbed `width`: what WordPress and most hosts give an embed by default.
pub const EMBED_WIDTH: u32 = 600;

/// The root font size the card inherits from the embed page.
const FONT: f64 = 16.0;
/// Average glyph width as a share of the font size, for Latin text in a system sans-serif.
const GLYPH: f64 = 0.5;

/// A block of text in the card's layout: font size and space above it (em of the card's
/// font), line height (unitless).
#[derive(Clone, Copy)]
struct Style {
    size: f64,
    line: f64,
    above: f64,
}

const fn style(size: f64, line: f64, above: f64) -> Style {
    Style { size, line, above }
}

const SOURCE: Style = style(0.8125, 1.55, 0.0);
/// The headline's size grows with the width (`clamp(1.3em, 1em + 2.2cqi, 1.75em)`): set per card.
const HEADLINE: Style = style(1.3, 1.2, 0.0);
const DEK: Style = style(1.0625, 1.55, 0.0);
const META: Style = style(0.875, 1.55, 0.0);
const QUOTE: Style = style(1.125, 1.45, 1.25);
const ATTRIBUTION: Style = style(0.875, 1.55, 0.375);
const PARAGRAPH: Style = style(1.0, 1.55, 0.75);
const LIST_ITEM: Style = style(1.0, 1.55, 0.25);
const LINK: Style = style(1.0, 1.55, 1.25);

/// Estimated height in CSS pixels of `article`'s card, sections closed as the payload says,
/// at `width` px.
pub fn estimate(article: &Article, width: u32) -> u32 {
    let width = f64::from(width).min(42.0 * FONT);
    // The padding grows with the card's width: clamp(1em, 0.5em + 3cqi, 1.75em).
    let space = (0.5 * FONT + 0.03 * width).clamp(FONT, 1.75 * FONT);
    let inner = width - 2.0 * space;
    let headline = Style {
        size: ((FONT + 0.022 * width) / FONT).clamp(1.3, 1.75),
        ..HEADLINE
    };
    let block = |text: &str, style: Style| {
        let per_line = (inner / (style.size * FONT * GLYPH)).max(1.0);
        let lines = (text.chars().count() as f64 / per_line).ceil().max(1.0);
        (style.above + lines * style.size * style.line) * FONT
    };
    let mut height = 2.0 * space;
    height += block(&article.source.name, SOURCE);
    height += block(&article.headline, headline);
    if let Some(dek) = &article.dek {
        height += block(dek, DEK);
    }
    // Byline and dates share a line; a date takes about 24 characters ("Published 27 November 2026").
    let meta = article.byline.as_deref().map_or(0, str::len)
        + article.published.as_ref().map_or(0, |_| 24)
        + article.updated.as_ref().map_or(0, |_| 24);
    if meta > 0 {
        height += block(&"x".repeat(meta), META);
    }
    if let Some(image) = &article.image {
        let scaled = f64::from(image.height) * inner / f64::from(image.width.max(1));
        height += 1.25 * FONT + scaled;
    }
    if let Some(quote) = &article.quote {
        height += block(&quote.text, QUOTE);
        if let Some(attribution) = &quote.attribution {
            height += block(attribution, ATTRIBUTION);
        }
    }
    if article.sections.len() > 1 {
        // The "Expand all" button.
        height += (1.25 + 0.875 * 1.55 + 1.0) * FONT;
    }
    if !article.sections.is_empty() {
        height += 0.2 * FONT;
    }
    for section in &article.sections {
        // Each heading is a one-line button with its reading time, and a rule.
        height += (1.0625 * 1.3 + 1.5) * FONT + 3.0;
        if section.open {
            for item in section.body.iter() {
                match item {
                    Block::Paragraph(text) => height += block(text, PARAGRAPH),
                    Block::List(items) => {
                        height += items.iter().map(|text| block(text, LIST_ITEM)).sum::<f64>();
                    }
                }
            }
            height += 1.125 * FONT;
        }
    }
    height += block("x", LINK);
    height.ceil() as u32
}
