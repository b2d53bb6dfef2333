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
}
