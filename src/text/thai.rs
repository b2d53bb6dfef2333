//! UTF-8 read as a Thai code page (TIS-620, ISO 8859-11, Windows-874).
//!
//! In TIS-620 the bytes 0xA1–0xFB are the Thai letters U+0E01–U+0E5B, so each byte of a UTF-8
//! character becomes a Thai letter, and the bytes 0x80–0x9F become C1 controls, which many
//! systems then drop. The punctuation English text is full of starts with the byte 0xE2, which
//! is `โ`: `’` (E2 80 99), `—` (E2 80 94), `“` (E2 80 9C), `”` (E2 80 9D) and `→` (E2 86 92) all
//! come out as a lone `โ` once 0x80–0x9F are gone, and `…` (E2 80 A6) as `โฆ`.
//!
//! A run of Thai-range characters is repaired only when it is not Thai: when it decodes, as
//! bytes, into valid UTF-8 (with C1 controls that real text never holds, or Latin letters next to
//! Latin letters), or when it is nothing but the lossy tokens above. Real Thai never is: `โ` is
//! a leading vowel, always written before a Thai consonant in the same run.

use super::{Cause, Context, Fix, QuoteState};

/// The Thai block as TIS-620 covers it.
pub fn is_thai(c: char) -> bool {
    ('\u{0E01}'..='\u{0E5B}').contains(&c)
}

/// C1 controls: bytes 0x80–0x9F that survived as characters.
pub fn is_c1(c: char) -> bool {
    ('\u{80}'..='\u{9F}').contains(&c)
}

/// How many characters from the start of `chars` belong to one run of Thai letters and C1
/// controls.
pub fn run_len(chars: &[(usize, char)]) -> usize {
    chars
        .iter()
        .take_while(|&&(_, c)| is_thai(c) || is_c1(c))
        .count()
}

/// The TIS-620 byte for a Thai letter, or the byte of a C1 control.
fn byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if is_thai(c) {
        u8::try_from(code - 0x0E01 + 0xA1).ok()
    } else if is_c1(c) {
        u8::try_from(code).ok()
    } else {
        None
    }
}

const SARA_O: char = 'โ';

/// Repairs one run of Thai letters and C1 controls, or leaves it alone.
pub(super) fn repair_run(
    run: &[(usize, char)],
    context: &Context<'_>,
    quotes: &mut QuoteState,
) -> Vec<Fix> {
    let chars: Vec<char> = run.iter().map(|&(_, c)| c).collect();
    if let Some(fix) = exact(&chars, context) {
        return vec![fix];
    }
    lossy(&chars, context, quotes).unwrap_or_default()
}

/// The run decodes, byte for byte, into UTF-8 that is plainly not Thai.
fn exact(chars: &[char], context: &Context<'_>) -> Option<Fix> {
    let bytes: Vec<u8> = chars.iter().map(|&c| byte(c)).collect::<Option<_>>()?;
    let decoded = std::str::from_utf8(&bytes).ok()?;
    if decoded.is_empty()
        || decoded
            .chars()
            .any(|c| c.is_ascii() || is_thai(c) || is_c1(c))
    {
        return None;
    }
    let had_c1 = chars.iter().any(|&c| is_c1(c));
    // Without C1 controls, only Latin letters attached to a Latin word count: `cafรฉ` is
    // `café`, while a short Thai word such as `รก` standing alone is left as it is.
    let latin_word = decoded.chars().all(is_latin_letter)
        && (context.before.is_some_and(is_latin_letter)
            || context
                .after
                .first()
                .is_some_and(|&(_, c)| is_latin_letter(c)));
    (had_c1 || latin_word).then(|| Fix {
        first: 0,
        len: chars.len(),
        to: decoded.to_owned(),
        cause: Cause::ThaiCodePage,
    })
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (('\u{C0}'..='\u{24F}').contains(&c) && c.is_alphabetic())
}

/// The run is made only of lossy tokens (`โ`, `โฆ`, `โข`, `โฌ`): each becomes the character it
/// most likely was. `None` if anything else is in the run.
fn lossy(chars: &[char], context: &Context<'_>, quotes: &mut QuoteState) -> Option<Vec<Fix>> {
    let mut tokens: Vec<(usize, usize, char)> = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        if c != SARA_O {
            return None;
        }
        let tail = match chars.get(at + 1) {
            Some('ฆ') => Some('…'),
            Some('ข') => Some('•'),
            Some('ฌ') => Some('€'),
            _ => None,
        };
        match tail {
            Some(t) => {
                tokens.push((at, 2, t));
                at += 2;
            }
            None => {
                tokens.push((at, 1, SARA_O));
                at += 1;
            }
        }
    }
    let after: Vec<char> = context.after.iter().map(|&(_, c)| c).collect();
    let mut fixes = Vec::with_capacity(tokens.len());
    let mut before = context.before;
    let mut before2 = context.before2;
    for (k, &(first, len, token)) in tokens.iter().enumerate() {
        // What follows this token: the next token's first character, or the text after the run.
        let following: Vec<char> = match tokens.get(k + 1) {
            Some(_) => vec![SARA_O],
            None => after.iter().copied().take(8).collect(),
        };
        let to = match token {
            '•' if before.is_some_and(char::is_alphanumeric) => '™',
            SARA_O => guess_sara_o([before2, before], &following, quotes),
            other => other,
        };
        match to {
            '“' => quotes.open = true,
            '”' => quotes.open = false,
            _ => {}
        }
        fixes.push(Fix {
            first,
            len,
            to: to.to_string(),
            cause: Cause::ThaiCodePageLossy,
        });
        before2 = before;
        before = Some(to);
    }
    Some(fixes)
}

/// Contractions and possessives: the letters after an apostrophe inside a word.
const APOSTROPHE_TAILS: [&str; 8] = ["s", "t", "re", "ve", "ll", "d", "m", "em"];

/// Single-letter words that elide before an apostrophe: French `l’`, `d’`, `j’`, `qu’`…, and the
/// `O’` of Irish names.
const ELIDING_LETTERS: &str = "lLdDjJnNsScCmMtTO";

/// Which of `’ — “ ” → –` a lone `โ` stood for, from the two characters before it and the few
/// after it.
fn guess_sara_o(before: [Option<char>; 2], following: &[char], quotes: &QuoteState) -> char {
    let [before2, before] = before;
    let next = following.first().copied();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let is_space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let is_end = |c: Option<char>| c.is_none() || c == Some('\n') || c == Some('\r');
    let is_opening = |c: Option<char>| {
        c.is_none() || is_space(c) || matches!(c, Some('(' | '[' | '{' | '—' | '–' | '/'))
    };

    // Inside a word or number, no spaces: apostrophe, range dash or em dash.
    if is_word(before) && is_word(next) {
        if before.is_some_and(|c| c.is_ascii_digit()) && next.is_some_and(|c| c.is_ascii_digit()) {
            return '–';
        }
        let tail: String = following
            .iter()
            .take_while(|c| c.is_alphabetic())
            .flat_map(|c| c.to_lowercase())
            .collect();
        let tail_ends = following
            .get(tail.chars().count())
            .is_none_or(|c| !c.is_alphanumeric());
        if tail_ends && APOSTROPHE_TAILS.contains(&tail.as_str()) {
            return '’';
        }
        let single_letter_word = !before2.is_some_and(char::is_alphanumeric)
            && before.is_some_and(|c| ELIDING_LETTERS.contains(c));
        if single_letter_word && next.is_some_and(char::is_alphabetic) {
            return '’';
        }
        return '—';
    }
    // Spaces on both sides: a spaced dash; a space before and the end of the line after: the
    // arrow of a "Read more →" link.
    if is_space(before) && (is_space(next) || is_end(next)) {
        return if is_end(next) { '→' } else { '—' };
    }
    // After a space (or at the start) and before a word: an opening quote, or the apostrophe of
    // a year such as ’90s.
    if is_opening(before) && next.is_some() && !is_space(next) {
        let digits = following.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 2 && following.get(2) == Some(&'s') {
            return '’';
        }
        return '“';
    }
    // After a word or punctuation and before a space, punctuation or the end: a closing quote,
    // unless it follows a plural in `s` with no quotation open (the companies’ models).
    if before.is_some() && !is_word(next) {
        let plural = before.is_some_and(|c| c == 's' || c == 'S');
        let then_lower = following
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_lowercase());
        if plural && !quotes.open && is_space(next) && then_lower {
            return '’';
        }
        return '”';
    }
    '—'
}
