//! Which addresses may become links and image sources.
//!
//! Only http(s) URLs are ever put in an `href`: every other scheme (`javascript:`, `data:`,
//! `vbscript:`, …) is how a payload would smuggle script into a host page. The checks are strict
//! on purpose and small on purpose (no URL parser in the bundle): the browser resolves what we
//! let through, and what we let through cannot carry a scheme other than http or https.

/// Whether the text contains white space or control characters. Browsers strip some of these
/// while parsing (`java\tscript:` is `javascript:`), so such URLs are refused outright.
pub fn has_space_or_control(url: &str) -> bool {
    url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The first invisible character in the text, if any: format characters (Unicode category Cf,
/// among them the bidi controls U+202A–U+202E and U+2066–U+2069, zero-width spaces and joiners,
/// the byte order mark) and the other default-ignorable code points (variation selectors, Hangul
/// fillers, tags). None of them belongs in an address. A bidi override can make a link read
/// backwards (`https://example.com/\u{202E}gpj.exe` shows as `…/exe.jpg`), and browsers drop
/// some of them from host names, so the address shown is not the one visited.
pub fn invisible_char(url: &str) -> Option<char> {
    url.chars().find(|&c| is_invisible(c))
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Whether `url` is an absolute `http://` or `https://` URL with a host.
pub fn is_http_url(url: &str) -> bool {
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"));
    let Some(rest) = rest else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = authority.rsplit('@').next().unwrap_or_default();
    !host.is_empty() && !host.starts_with(':')
}

/// Whether `url` is a relative reference with no scheme of its own (`/img/a.jpg`, `a.jpg`,
/// `../a.jpg`, `//cdn.example/a.jpg`): it resolves against the host page, whose scheme it keeps.
pub fn is_relative(url: &str) -> bool {
    let before_path = url.split(['/', '?', '#']).next().unwrap_or_default();
    !url.is_empty() && !before_path.contains(':') && !url.starts_with('\\')
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_urls() {
        for good in [
            "https://techcrunch.com/",
            "http://example.com",
            "HTTPS://EXAMPLE.COM/a?b#c",
            "https://user@example.com:8080/x",
        ] {
            assert!(is_http_url(good), "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,<script>",
            "vbscript:msgbox",
            "https://",
            "https:///path",
            "https://:80/",
            "ftp://example.com",
            "//example.com",
            "/relative",
            "ht",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn relative_urls() {
        for good in [
            "/img/a.jpg",
            "a.jpg",
            "../a.jpg",
            "//cdn.example/a.jpg",
            "a.jpg?x=1:2",
        ] {
            assert!(is_relative(good), "{good:?}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:image/png;base64,xx",
            "",
            "\\\\evil",
            "c:/x",
        ] {
            assert!(!is_relative(bad), "{bad:?}");
        }
    }

    #[test]
    fn spaces_and_controls() {
        assert!(has_space_or_control("java\tscript:x"));
        assert!(has_space_or_control(" https://a.b"));
        assert!(has_space_or_control("https://a.b/\u{0}"));
        assert!(!has_space_or_control("https://a.b/é"));
    }

    #[test]
    fn invisible_characters() {
        for (url, found) in [
            ("https://example.com/\u{202E}gpj.exe", '\u{202E}'),
            ("https://exa\u{200B}mple.com/", '\u{200B}'),
            ("https://example.com/\u{2066}a\u{2069}", '\u{2066}'),
            ("\u{FEFF}https://example.com/", '\u{FEFF}'),
            ("https://example.com/\u{00AD}", '\u{00AD}'),
            ("https://\u{3164}.example/", '\u{3164}'),
            ("https://example.com/\u{E0041}", '\u{E0041}'),
            ("https://example.com/a\u{FE0F}", '\u{FE0F}'),
        ] {
            assert_eq!(invisible_char(url), Some(found), "{url:?}");
        }
        for url in [
            "https://example.com/é",
            "https://例え.jp/",
            "https://example.com/👍",
            "/img/a.jpg",
        ] {
            assert_eq!(invisible_char(url), None, "{url:?}");
        }
    }
}
