//! Text repair: characters broken in transit, put right.
//!
//! Text copied between systems is often decoded with the wrong character set. UTF-8 read as
//! Windows-1252 or Latin-1 turns `’` into `â€™` and `é` into `Ã©`; UTF-8 read as a Thai code
//! page (TIS-620) turns the first byte of `’`, `—`, `“`, `”` and `→` into `โ` (U+0E42) and, where
//! the system also dropped the bytes 0x80–0x9F it could not show, loses the rest for good, so
//! all five come out as the same `โ` and `…` comes out as `โฆ`.
//!
//! [`repair`] undoes both. Where the original bytes survived it decodes them exactly; where they
//! were lost it decides from the surrounding characters (`isnโt` is an apostrophe, `pulledโit`
//! a dash, ` โ ` between words a spaced dash, `โWe` an opening quote). Every change is reported
//! as a [`Repair`] with its position, so nothing is rewritten silently.
//!
//! Correct text is never changed. Thai text keeps its `โ`: in Thai that vowel is always written
//! next to other Thai letters, and a run of Thai letters is only touched when it decodes, as
//! bytes, into something that is plainly not Thai. Latin-1 and Windows-1252 sequences are only
//! decoded when they form complete, valid UTF-8, which ordinary text in any language does not.

mod cp1252;
mod thai;

use std::fmt;

/// Why a stretch of text was replaced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Cause {
    /// UTF-8 read as Windows-1252 or Latin-1 (`â€™` for `’`); decoded exactly.
    Windows1252,
    /// The same, done twice over (`Ã¢â‚¬â„¢` for `’`); decoded exactly.
    Windows1252Twice,
    /// UTF-8 read as Windows-1252 with the last byte dropped (`â€` for `”`, whose byte 0x9D
    /// Windows-1252 cannot show); the character is the one that byte almost always was.
    Windows1252LostByte,
    /// UTF-8 read as a Thai code page with every byte kept (C1 controls in the text); decoded
    /// exactly.
    ThaiCodePage,
    /// UTF-8 read as a Thai code page with the bytes 0x80–0x9F lost (`โ`, `โฆ`); the character
    /// is inferred from the characters around it.
    ThaiCodePageLossy,
}

impl Cause {
    /// A short description for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Cause::Windows1252 => "UTF-8 read as Windows-1252",
            Cause::Windows1252Twice => "UTF-8 read as Windows-1252 twice",
            Cause::Windows1252LostByte => "UTF-8 read as Windows-1252, one byte lost",
            Cause::ThaiCodePage => "UTF-8 read as a Thai code page",
            Cause::ThaiCodePageLossy => "UTF-8 read as a Thai code page, bytes 0x80-0x9F lost",
        }
    }

    /// Whether the replacement is inferred from context rather than decoded exactly.
    pub fn is_inferred(self) -> bool {
        matches!(self, Cause::Windows1252LostByte | Cause::ThaiCodePageLossy)
    }
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// One change made by [`repair`]: `from` (the bytes `start..end` of the input) became `to`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// Byte offset of `from` in the input.
    pub start: usize,
    /// Byte offset just past `from` in the input.
    pub end: usize,
    pub from: String,
    pub to: String,
    pub cause: Cause,
}

impl Repair {
    /// The character the input was repaired to, named for reports: `’` (U+2019).
    pub fn describe_to(&self) -> String {
        describe_text(&self.to)
    }

    /// The broken text, named for reports, with invisible characters spelled out.
    pub fn describe_from(&self) -> String {
        describe_text(&self.from)
    }
}

/// `"’" (U+2019)` for one character, the quoted text with control characters escaped for more.
pub fn describe_text(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_control() || c == '\u{a0}' {
            out.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out.push('"');
    let mut chars = text.chars();
    if let (Some(only), None) = (chars.next(), chars.next()) {
        out.push_str(&format!(" (U+{:04X})", u32::from(only)));
    }
    out
}

/// Text after repair, with every change made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repaired {
    pub text: String,
    /// In order of position; never overlapping.
    pub repairs: Vec<Repair>,
}

/// Repairs mis-decoded characters in `text`. Text with nothing to repair comes back unchanged
/// with no repairs.
pub fn repair(text: &str) -> Repaired {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(at, _)| at);
    let mut repairs = Vec::new();
    let mut record = |first: usize, fix: Fix| {
        let (start, end) = (
            end_of(first + fix.first),
            end_of(first + fix.first + fix.len),
        );
        repairs.push(Repair {
            start,
            end,
            from: text.get(start..end).unwrap_or_default().to_owned(),
            to: fix.to,
            cause: fix.cause,
        });
    };
    let mut quotes = QuoteState::default();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if c == '\n' {
            quotes = QuoteState::default();
        }
        let rest = chars.get(i..).unwrap_or_default();
        let next_is_thai = rest.get(1).is_some_and(|&(_, n)| thai::is_thai(n));
        if thai::is_thai(c) || (thai::is_c1(c) && next_is_thai) {
            let len = thai::run_len(rest).max(1);
            let (run, after) = rest.split_at_checked(len).unwrap_or((rest, &[]));
            let context = Context {
                before: i.checked_sub(1).and_then(|b| chars.get(b)).map(|&(_, c)| c),
                before2: i.checked_sub(2).and_then(|b| chars.get(b)).map(|&(_, c)| c),
                after,
            };
            for fix in thai::repair_run(run, &context, &mut quotes) {
                record(i, fix);
            }
            i += len;
        } else if cp1252::is_high(c) {
            let len = cp1252::run_len(rest).max(1);
            let run: Vec<char> = rest.iter().take(len).map(|&(_, c)| c).collect();
            for fix in cp1252::repair_run(&run) {
                record(i, fix);
            }
            quotes.observe(&run);
            i += len;
        } else {
            quotes.observe(&[c]);
            i += 1;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for r in &repairs {
        out.push_str(text.get(at..r.start).unwrap_or_default());
        out.push_str(&r.to);
        at = r.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Repaired { text: out, repairs }
}

/// Whether `text` has anything [`repair`] would change.
pub fn needs_repair(text: &str) -> bool {
    !repair(text).repairs.is_empty()
}

/// The 1-based line and column (in characters) of byte offset `at` in `text`.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).unwrap_or_default().chars().count() + 1;
    (line, column)
}

/// One replacement inside a run, in run-relative character positions.
struct Fix {
    first: usize,
    len: usize,
    to: String,
    cause: Cause,
}

/// The characters around a run, for decisions made from context.
struct Context<'a> {
    before: Option<char>,
    before2: Option<char>,
    after: &'a [(usize, char)],
}

/// Whether a double quotation mark is open at this point of the text, so that an ambiguous
/// mark after a word ending in `s` closes the quotation rather than marking a plural possessive.
#[derive(Default)]
struct QuoteState {
    open: bool,
}

impl QuoteState {
    fn observe(&mut self, chars: &[char]) {
        for &c in chars {
            match c {
                '“' => self.open = true,
                '”' => self.open = false,
                _ => {}
            }
        }
    }
}
