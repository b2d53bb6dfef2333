//! Control characters in payload text: decided once, here, for the widget and the command line.
//!
//! Pre-rendered HTML goes through an HTML parser before anyone sees it, and the parser changes
//! control characters: CR and CRLF become LF, NUL is dropped (or turned into U+FFFD in an
//! attribute), and the others are parse errors. The widget sets text through the DOM, which
//! keeps them all. So that both show the same text, the model makes the parser's line-ending
//! change itself and refuses the control characters no text needs.

use super::problem::{Problem, ProblemKind};

/// `text` as the card shows it: CR and CRLF become LF; tab and LF are kept. Any other control
/// character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F) is reported at `path` and the
/// text refused: replacing it silently would show a publisher something other than what they
/// sent, and a stray NUL or vertical tab is a sign of a broken export worth fixing at its source.
pub fn shown_text(text: &str, path: &str, problems: &mut Vec<Problem>) -> Option<String> {
    // One pass by hand: `str::replace` would bring a substring searcher into the bundle.
    let mut shown = String::with_capacity(text.len());
    let mut after_cr = false;
    for c in text.chars() {
        match c {
            '\n' if after_cr => {}
            '\r' => shown.push('\n'),
            '\t' | '\n' => shown.push(c),
            '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => {
                problems.push(Problem::new(path, ProblemKind::TextHasControl { found: c }));
                return None;
            }
            _ => shown.push(c),
        }
        after_cr = c == '\r';
    }
    Some(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Result<String, Vec<Problem>> {
        let mut problems = Vec::new();
        shown_text(text, "dek", &mut problems).ok_or(problems)
    }

    #[test]
    fn line_endings_become_line_feeds() {
        assert_eq!(shown("a\r\nb\rc\nd\r\r\ne").unwrap(), "a\nb\nc\nd\n\ne");
        assert_eq!(shown("tab\there").unwrap(), "tab\there");
    }

    #[test]
    fn other_controls_are_refused_with_their_path() {
        for (text, found) in [
            ("a\u{0}b", '\u{0}'),
            ("a\u{1}b", '\u{1}'),
            ("a\u{B}b", '\u{B}'),
            ("a\u{C}b", '\u{C}'),
            ("a\u{1F}b", '\u{1F}'),
            ("a\u{7F}b", '\u{7F}'),
            ("a\u{85}b", '\u{85}'),
            ("a\u{9F}b", '\u{9F}'),
        ] {
            let problems = shown(text).unwrap_err();
            assert_eq!(
                problems,
                [Problem::new("dek", ProblemKind::TextHasControl { found })],
                "{text:?}"
            );
        }
        assert_eq!(
            shown("a\u{0}").unwrap_err()[0].to_string(),
            "dek: must not contain control characters (it has U+0000)"
        );
    }
}
