//! Language tags. Only the shape of BCP 47 is checked (subtags of letters and digits, 1–8
//! long, a primary subtag of 2–3 letters, as every ISO 639 code is): enough to keep junk out of the `lang` attribute without
//! carrying the language registry in the bundle.

/// Whether `tag` is a well-formed BCP 47 language tag such as `en`, `pt-BR` or `zh-Hant-TW`.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary = subtags.next().unwrap_or_default();
    let primary_ok = match primary.len() {
        // Private-use (`x-…`) and grandfathered (`i-…`) tags need something after the prefix.
        1 => matches!(primary, "x" | "X" | "i" | "I") && tag.len() > 2,
        2..=3 => primary.bytes().all(|b| b.is_ascii_alphabetic()),
        _ => false,
    };
    primary_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::is_language_tag;

    #[test]
    fn language_tags() {
        for good in [
            "en",
            "en-GB",
            "pt-BR",
            "zh-Hant-TW",
            "ar",
            "ja",
            "x-klingon",
            "sr-Latn",
        ] {
            assert!(is_language_tag(good), "{good:?}");
        }
        for bad in [
            "",
            "e",
            "english language",
            "en_GB",
            "en-",
            "-en",
            "english",
            "12",
            "en-toolongsubtag",
            "x",
        ] {
            assert!(!is_language_tag(bad), "{bad:?}");
        }
    }
}
