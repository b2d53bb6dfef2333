//! Slugs: the ids that name cards and sections in element ids and page addresses.
//!
//! A slug keeps letters and digits of any script (a Japanese headline gets a Japanese slug, not
//! an empty one), lowercased, with single hyphens between words. Double hyphens are never part
//! of a slug because `card--section` is how a section's address joins the two.
//!
//! The character classes are our own, not the standard library's Unicode tables: those cost
//! every reader about 8 KB of gzipped wasm, for slugs alone. "Letter or digit" here means any
//! character outside the blocks of punctuation, symbols, spaces and controls; lowercasing covers
//! the cased scripts news is written in (Latin with its accented letters, Greek, Cyrillic).
//! The rules are the same on every platform, so the widget and the command line always derive
//! the same slug.

/// Derives a slug from free text, at most `max` characters, cut at a word boundary where
/// possible. Returns an empty string when the text has no letters or digits at all.
pub fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::new();
    let mut len = 0;
    let mut pending_hyphen = false;
    for c in text.chars() {
        // Apostrophes join, not split: "Anthropic's" becomes "anthropics".
        if matches!(c, '\'' | '\u{2019}' | '\u{02BC}') {
            continue;
        }
        if !is_word_char(c) {
            pending_hyphen = !slug.is_empty();
            continue;
        }
        let extra = usize::from(pending_hyphen) + 1;
        if len + extra > max {
            // Cut between words: the slug is whole. Cut inside a word: drop its head.
            return if pending_hyphen {
                slug
            } else {
                trim_to_word(slug)
            };
        }
        if pending_hyphen {
            slug.push('-');
            pending_hyphen = false;
        }
        slug.push(to_lower(c));
        len += extra;
    }
    slug
}

/// Drops a partial trailing word left by the length cut, keeping at least one word.
fn trim_to_word(mut slug: String) -> String {
    if let Some(cut) = slug.rfind('-') {
        slug.truncate(cut);
    }
    slug
}

/// Whether an explicit id is already in the form [`slugify`] produces.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .chars()
            .all(|c| c == '-' || (is_word_char(c) && to_lower(c) == c))
}

/// Whether `c` belongs in a word: ASCII letters and digits, and every character beyond ASCII
/// that is not in a block of punctuation, symbols, spaces or controls.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !matches!(
        c,
        '\u{0080}'..='\u{00BF}' // Latin-1 controls, punctuation and symbols (NBSP, «, », ¿, ·)
            | '\u{00D7}' | '\u{00F7}' // × ÷
            | '\u{037E}' | '\u{0387}' // Greek question mark and ano teleia
            | '\u{055A}'..='\u{055F}' | '\u{0589}' | '\u{05BE}' | '\u{05C0}' | '\u{05C3}' // Armenian, Hebrew
            | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{06D4}' // Arabic
            | '\u{0964}' | '\u{0965}' | '\u{0E4F}' | '\u{0E5A}' | '\u{0E5B}' // Devanagari, Thai
            | '\u{1680}' | '\u{180E}'
            | '\u{2000}'..='\u{2BFF}' // spaces, general punctuation, currency, arrows, math, symbols
            | '\u{2E00}'..='\u{2E7F}' // supplemental punctuation
            | '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3020}' | '\u{3030}' | '\u{303D}' // CJK punctuation
            | '\u{30FB}' // katakana middle dot
            | '\u{E000}'..='\u{F8FF}' // private use
            | '\u{FE10}'..='\u{FE1F}' | '\u{FE30}'..='\u{FE6F}' // vertical and small forms
            | '\u{FEFF}'
            | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' // fullwidth
            | '\u{FFF0}'..='\u{FFFF}'
            | '\u{1F000}'..='\u{1FAFF}' // emoji and pictographs
            | '\u{E0000}'..='\u{10FFFF}' // tags, variation selectors supplement, private use
    )
}

/// Lowercase for Latin (Basic, Latin-1, Extended-A, Extended Additional: Vietnamese and others),
/// Greek and Cyrillic; every other character is returned as it is.
fn to_lower(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 0x20,
        0x130 => 0x69,  // İ
        0x178 => 0xFF,  // Ÿ
        0x1E9E => 0xDF, // ẞ
        0x100..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x410..=0x42F => u + 0x20,
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F if u % 2 == 0 => u + 1,
        0x4C1..=0x4CE if u % 2 == 1 => u + 1,
        0x4C0 => 0x4CF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_cases() {
        let cases = [
            ("Why This Matters", "why-this-matters"),
            (
                "  Anthropic’s safety — warnings!  ",
                "anthropics-safety-warnings",
            ),
            ("What's next?", "whats-next"),
            ("Ça va, Zoë", "ça-va-zoë"),
            ("東京の未来", "東京の未来"),
            ("ΑΘΗΝΑ Ώρα", "αθηνα-ώρα"),
            ("МОСКВА, Ёлка", "москва-ёлка"),
            ("ĐÀ NẴNG «Việt Nam»", "đà-nẵng-việt-nam"),
            ("Łódź ŻÓŁW İstanbul", "łódź-żółw-istanbul"),
            ("¿Qué pasa? ¡Ya!", "qué-pasa-ya"),
            (
                "«Citation» · 2026 — “quoted” → next…",
                "citation-2026-quoted-next",
            ),
            ("東京、大阪。「京都」", "東京-大阪-京都"),
            ("مرحبا، بالعالم؟", "مرحبا-بالعالم"),
            ("ข่าว โลก", "ข่าว-โลก"),
            ("AI 🤖 news", "ai-news"),
            ("---", ""),
            ("", ""),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input, 80), want, "slugify({input:?})");
        }
    }

    #[test]
    fn slugify_cuts_at_a_word_boundary() {
        assert_eq!(slugify("alpha beta gamma", 12), "alpha-beta");
        assert_eq!(slugify("alpha beta gamma", 10), "alpha-beta");
        assert_eq!(slugify("alphabetagamma", 5), "alpha");
    }

    #[test]
    fn is_slug_cases() {
        for good in ["why", "why-this-matters", "2026-plan", "東京", "ça-va"] {
            assert!(is_slug(good), "{good:?} should be a slug");
        }
        for bad in [
            "",
            "Why",
            "why this",
            "-why",
            "why-",
            "why--this",
            "why_this",
            "a/b",
        ] {
            assert!(!is_slug(bad), "{bad:?} should not be a slug");
        }
    }

    #[test]
    fn every_slugified_text_is_a_slug() {
        for text in ["Hello World", "A -- B", "x'y", "ÀÉÎ õ", "Σίσυφος"] {
            let slug = slugify(text, 80);
            assert!(is_slug(&slug), "{slug:?} from {text:?}");
        }
    }
}
