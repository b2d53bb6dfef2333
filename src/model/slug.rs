//! Slugs: the ids that name cards and sections in element ids and page addresses.
//!
//! A slug keeps letters and digits of any script (a Japanese headline gets a Japanese slug, not
//! an empty one), lowercased, with single hyphens between words. Double hyphens are never part
//! of a slug because `card--section` is how a section's address joins the two.

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
        if !c.is_alphanumeric() {
            pending_hyphen = !slug.is_empty();
            continue;
        }
        for lower in c.to_lowercase() {
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
            slug.push(lower);
            len += extra;
        }
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
            .all(|c| c == '-' || (c.is_alphanumeric() && !c.is_uppercase()))
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
