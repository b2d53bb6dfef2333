//! The card's stylesheet, minified. Shared with `build.rs`, which minifies `styles/card.css`
//! for the bundle (the wasm carries the stylesheet as text: its comments would cost every
//! reader 1.4 KB gzip), so it uses nothing but `std`.

/// Drops comments and collapses white space outside strings; removes it around `{`, `}`, `;`
/// and `,`, where it never matters. Nothing else changes, so the rules mean what they meant.
pub fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut pending_space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = '\0';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                pending_space = true;
            }
            '"' | '\'' => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
                while let Some(s) = chars.next() {
                    out.push(s);
                    if s == '\\' {
                        if let Some(escaped) = chars.next() {
                            out.push(escaped);
                        }
                    } else if s == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => pending_space = true,
            c => {
                flush_space(&mut out, &mut pending_space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes one pending space before `next`, unless punctuation on either side makes it moot.
fn flush_space(out: &mut String, pending: &mut bool, next: char) {
    let moot = |c: char| matches!(c, '{' | '}' | ';' | ',');
    if *pending && !out.is_empty() && !out.ends_with(moot) && !moot(next) {
        out.push(' ');
    }
    *pending = false;
}
