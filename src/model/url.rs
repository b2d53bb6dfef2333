//! Which addresses may become links and image sources.
//!
//! Only http(s) URLs are ever put in an `href`: every other scheme (`javascript:`, `data:`,
//! `vbscript:`, …) is how a payload would smuggle script into a host page. An address is also
//! refused unless the WHATWG URL parser accepts it: otherwise the card would say "ready" with a
//! dead link, an image never requested, and a link event whose `href` is not absolute. The
//! parser is the platform's (see [`parse`]), so the bundle carries none.

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

/// Whether `url` is an absolute `http://` or `https://` URL that a browser can parse.
///
/// Rules on top of the parser: the scheme is written out with its two slashes (the parser also
/// takes `https:example.com` and `https:///example.com`, which no publisher means); no backslash
/// (the parser reads it as a slash, so `https://evil.example\@good.example/` goes to
/// `evil.example`); the parsed scheme is http or https; and the host is a plain one (see
/// [`is_plain_host`]). Everything else (ports, IP addresses, host code points, IDNA,
/// percent-encoding) is the WHATWG URL standard's, as implemented by the platform.
pub fn is_http_url(url: &str) -> bool {
    let rest = strip_prefix_ignore_case(url, "https://")
        .or_else(|| strip_prefix_ignore_case(url, "http://"));
    let Some(rest) = rest else {
        return false;
    };
    // The parser would read `https:///example.com/` as `https://example.com/`.
    !rest.starts_with('/')
        && !url.contains('\\')
        && parse::host(url).is_some_and(|host| is_plain_host(&host))
}

/// Whether `url` is a relative reference that can name an image (`/img/a.jpg`, `a.jpg`,
/// `../a.jpg`, `//cdn.example/a.jpg`): it has no scheme of its own, so it resolves against the
/// host page and keeps its scheme; it has no backslash (read as a slash, so `/\evil.example/`
/// names another host); and it parses there, with a plain host.
///
/// A reference with no path (`#x`, `?x=1`) resolves to the host page itself, which would make
/// the card request the page as an image; such references are refused.
pub fn is_relative(url: &str) -> bool {
    let before_path = url.split(['/', '?', '#']).next().unwrap_or_default();
    !url.is_empty()
        && !before_path.contains(':')
        && !url.contains('\\')
        && !matches!(url.as_bytes().first(), Some(b'?' | b'#'))
        && parse::host(url).is_some_and(|host| is_plain_host(&host))
}

/// Whether a host name, as the parser serialised it (lowercase, Punycode for other scripts),
/// is one a site can have: an IPv6 literal, or labels of ASCII letters, digits, hyphens and
/// underscores, where an `xn--` label has something after the prefix and does not end in a
/// hyphen.
///
/// The WHATWG parser allows more (`!`, `$`, `~`, …), and Chromium more than the standard: it
/// keeps `%20` in a host and does not check Punycode in a host written in ASCII, so
/// `https://xn--.com/` parses in the browser and not in the `url` crate. Refusing these here
/// gives the widget and the command line the same answer; no one can reach such a host.
fn is_plain_host(host: &str) -> bool {
    host.starts_with('[')
        || host.split('.').all(|label| {
            let punycode = label.strip_prefix("xn--");
            label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !punycode.is_some_and(|rest| rest.is_empty() || rest.ends_with('-'))
        })
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

/// The platform's WHATWG URL parser: the browser's own `URL` in the widget (no parser in the
/// bundle, and the answer is the one the browser acts on), the `url` crate in the command line.
/// `tests/cases/urls.json` holds the cases that prove the two agree.
mod parse {
    /// Any http(s) page will do as the base: it resolves a relative reference, and an absolute
    /// URL ignores it. Resolution can only fail in a host the input names itself
    /// (`//host:99999/`), whatever the base.
    const BASE: &str = "https://host.invalid/page";

    /// The host name of `input`, resolved against [`BASE`], if it parses. The scheme is not
    /// looked at: the callers only pass text that starts with `http://` or `https://`, or that
    /// has no scheme and so takes the base's.
    #[cfg(target_arch = "wasm32")]
    pub fn host(input: &str) -> Option<String> {
        web_sys::Url::new_with_base(input, BASE)
            .ok()
            .map(|url| url.hostname())
    }

    /// The host name of `input`, resolved against [`BASE`], if it parses (see the widget's).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn host(input: &str) -> Option<String> {
        let url = url::Url::parse(BASE).ok()?.join(input).ok()?;
        url.host_str().map(str::to_owned)
    }
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
            "https://example.com:99999/",
            "https://exa<mple.com/",
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
            "#x",
            "?x=1",
            "//cdn.example:99999/a.jpg",
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
