//! The native JSON reader: payload text to the model's [`Json`] tree, recording where each value
//! sits in the text. Everything native that reads a payload reads it here, once: validation
//! ([`super::article_from_str`]), `validate` (line:column of each problem, the strings `--fix`
//! splices back), `import` and `render`. The widget parses with the browser's `JSON.parse`
//! instead (no parser in the bundle), so this reader's one rule is to agree with it:
//!
//! - one byte-order mark before the document is skipped ([`super::strip_bom`]), as the
//!   widget's parse skips it whichever way the payload came (and as `Response.text()` would);
//! - an escaped lone surrogate (`"\ud800"`) reads as U+FFFD, which is what a JavaScript string
//!   holding one becomes when wasm-bindgen hands it to Rust;
//! - a number beyond the range of `f64` is an infinity, as in JavaScript;
//! - duplicate keys are kept in order ([`Json::get`] reads the last, as `JSON.parse` does);
//! - a syntax error anywhere wins over nesting that is too deep, because `JSON.parse` rejects
//!   the text before the widget ever measures its depth.

use std::ops::Range;

use super::json::Json;
use super::limits::MAX_DEPTH;
use super::problem::{Problem, ProblemKind};
use crate::text::line_col;

/// A parsed payload document: the tree the model validates, and where each of its values is.
#[derive(Debug)]
pub struct Document {
    pub json: Json,
    pub span: Span,
}

/// Where one value is: its bytes in the text (a string's quotation marks included), and the
/// spans of its items or member values, in the same order as the tree's.
#[derive(Debug)]
pub struct Span {
    pub range: Range<usize>,
    pub items: Vec<Span>,
}

/// Text that is not a payload document: why, and the byte offset where that was found.
#[derive(Debug)]
pub struct Unreadable {
    pub at: usize,
    pub problem: Problem,
}

/// Reads payload text: the size limit first (so an oversized document costs no parse), then
/// the JSON, then the depth limit.
pub fn document(text: &str) -> Result<Document, Unreadable> {
    let body = super::strip_bom(text);
    let bom = text.len() - body.len();
    super::check_size(body.len()).map_err(|problem| Unreadable { at: 0, problem })?;
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        at: bom,
        too_deep: false,
    };
    let read = parser.whole().map_err(|(at, detail)| {
        let (line, column) = line_col(text, at);
        let detail = format!("{detail} at line {line} column {column}");
        Unreadable {
            at,
            problem: Problem::new("payload", ProblemKind::NotJson { detail }),
        }
    })?;
    if parser.too_deep {
        return Err(Unreadable {
            at: bom,
            problem: Problem::new("payload", ProblemKind::TooDeep { max: MAX_DEPTH }),
        });
    }
    Ok(read)
}

impl Document {
    /// The byte offset for a problem at `path`: the value there, or, where the path leads to
    /// something absent, the object or array that should hold it.
    pub fn locate(&self, path: &str) -> usize {
        self.walk(path).1.range.start
    }

    /// The string at `path` (where `path` leads all the way to one): its value, and the span of
    /// its raw text between the quotation marks.
    pub fn string(&self, path: &str) -> Option<(&str, Range<usize>)> {
        match self.walk(path) {
            (Json::String(value), span, true) => {
                Some((value, span.range.start + 1..span.range.end - 1))
            }
            _ => None,
        }
    }

    /// The deepest value on `path`, its span, and whether the whole path was found.
    fn walk(&self, path: &str) -> (&Json, &Span, bool) {
        let (mut json, mut span) = (&self.json, &self.span);
        for step in steps(path) {
            let index = match (step, json) {
                (Step::Key(key), Json::Object(members)) => {
                    members.iter().rposition(|(k, _)| k == key)
                }
                (Step::Index(index), Json::Array(items)) => (index < items.len()).then_some(index),
                _ => None,
            };
            let next = index.and_then(|i| Some((child(json, i)?, span.items.get(i)?)));
            match next {
                Some((j, s)) => (json, span) = (j, s),
                None => return (json, span, false),
            }
        }
        (json, span, true)
    }
}

fn child(json: &Json, index: usize) -> Option<&Json> {
    match json {
        Json::Object(members) => members.get(index).map(|(_, v)| v),
        Json::Array(items) => items.get(index),
        _ => None,
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `sections[2].title` → `sections`, `2`, `title`. The document-level paths (`payload`, `src`,
/// `element`) name no member, so they stay at the root.
fn steps(path: &str) -> Vec<Step<'_>> {
    if matches!(path, "payload" | "src" | "element") {
        return Vec::new();
    }
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some((index, after)) = rest.split_once(']') {
            if let Ok(index) = index.parse() {
                steps.push(Step::Index(index));
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    steps
}

/// Where a syntax error is, and what it is (the detail of [`ProblemKind::NotJson`]).
type Fault = (usize, &'static str);

const UNFINISHED: &str = "the text ends before the document does";
const AFTER_MEMBER: &str = "expected `,` or `}` after an object member";
const AFTER_ITEM: &str = "expected `,` or `]` after an array item";

struct Parser<'t> {
    text: &'t str,
    bytes: &'t [u8],
    at: usize,
    /// Set when a value nests deeper than [`MAX_DEPTH`]; reading goes on, so that a syntax
    /// error later in the text is still the verdict.
    too_deep: bool,
}

impl Parser<'_> {
    fn whole(&mut self) -> Result<Document, Fault> {
        self.skip_space();
        let (json, span) = self.value(1)?;
        self.skip_space();
        if self.at < self.bytes.len() {
            return Err((self.at, "unexpected text after the document"));
        }
        Ok(Document { json, span })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// JSON's white space, exactly: no byte-order marks or other Unicode spaces.
    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn consume(&mut self, byte: u8, fault: &'static str) -> Result<(), Fault> {
        self.skip_space();
        match self.peek() {
            Some(b) if b == byte => {
                self.at += 1;
                Ok(())
            }
            Some(_) => Err((self.at, fault)),
            None => Err((self.at, UNFINISHED)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<(Json, Span), Fault> {
        let start = self.at;
        // Depth counts every value, as the widget's walk of `JSON.parse`'s result does.
        if depth > MAX_DEPTH {
            self.too_deep = true;
        }
        if depth > MAX_DEPTH && matches!(self.peek(), Some(b'[' | b'{')) {
            self.skip_nested()?;
            let span = Span {
                range: start..self.at,
                items: Vec::new(),
            };
            return Ok((Json::Null, span));
        }
        let mut items = Vec::new();
        let json = match self.peek() {
            None => return Err((start, UNFINISHED)),
            Some(b'{') => {
                let mut members = Vec::new();
                self.items(b'}', AFTER_MEMBER, |p| {
                    let key = p.key()?;
                    let (value, span) = p.value_after_space(depth + 1)?;
                    members.push((key, value));
                    items.push(span);
                    Ok(())
                })?;
                Json::Object(members)
            }
            Some(b'[') => {
                let mut values = Vec::new();
                self.items(b']', AFTER_ITEM, |p| {
                    let (value, span) = p.value_after_space(depth + 1)?;
                    values.push(value);
                    items.push(span);
                    Ok(())
                })?;
                Json::Array(values)
            }
            Some(_) => self.scalar()?,
        };
        let span = Span {
            range: start..self.at,
            items,
        };
        Ok((json, span))
    }

    /// The members or items of an object or array, from its opening bracket to `closer`, each
    /// read by `item`.
    fn items(
        &mut self,
        closer: u8,
        fault: &'static str,
        mut item: impl FnMut(&mut Self) -> Result<(), Fault>,
    ) -> Result<(), Fault> {
        if self.open(closer) {
            return Ok(());
        }
        loop {
            item(self)?;
            if self.close(closer, fault)? {
                return Ok(());
            }
        }
    }

    /// Past an opening bracket: `true` for an empty object or array, its `closer` consumed.
    fn open(&mut self, closer: u8) -> bool {
        self.at += 1;
        self.skip_space();
        let empty = self.peek() == Some(closer);
        if empty {
            self.at += 1;
        }
        empty
    }

    fn value_after_space(&mut self, depth: usize) -> Result<(Json, Span), Fault> {
        self.skip_space();
        self.value(depth)
    }

    /// An object key and its colon.
    fn key(&mut self) -> Result<String, Fault> {
        self.skip_space();
        match self.peek() {
            Some(b'"') => {}
            Some(_) => return Err((self.at, "expected a key in quotation marks")),
            None => return Err((self.at, UNFINISHED)),
        }
        let key = self.string()?;
        self.consume(b':', "expected `:` after an object key")?;
        Ok(key)
    }

    /// After an item: `true` at `closer` (consumed), `false` after a comma.
    fn close(&mut self, closer: u8, fault: &'static str) -> Result<bool, Fault> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(b) if b == closer => {
                self.at += 1;
                Ok(true)
            }
            Some(_) => Err((self.at, fault)),
            None => Err((self.at, UNFINISHED)),
        }
    }

    /// A string, number or literal.
    fn scalar(&mut self) -> Result<Json, Fault> {
        let start = self.at;
        match self.peek() {
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                for (word, json) in [
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                    ("null", Json::Null),
                ] {
                    if self.bytes.get(start..start + word.len()) == Some(word.as_bytes()) {
                        self.at += word.len();
                        return Ok(json);
                    }
                }
                Err((start, "expected a value"))
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// JSON's number grammar, strictly (no `+1`, `01`, `.5` or `1.`).
    fn number(&mut self) -> Result<Json, Fault> {
        let start = self.at;
        const BAD: &str = "invalid number";
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek() {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err((self.at, BAD)),
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err((self.at, BAD));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err((self.at, BAD));
            }
        }
        // The grammar above is a subset of what `f64` parses; out of range is an infinity.
        let literal = self.text.get(start..self.at).unwrap_or_default();
        literal.parse().map(Json::Number).map_err(|_| (start, BAD))
    }

    /// A string at its opening quotation mark, decoded.
    fn string(&mut self) -> Result<String, Fault> {
        self.at += 1;
        let start = self.at;
        loop {
            match self.peek() {
                None => return Err((self.at, UNFINISHED)),
                Some(b'"') => break,
                Some(b'\\') => self.at += 2,
                Some(0..=0x1f) => {
                    return Err((
                        self.at,
                        "a control character in a string must be escaped (\\n, \\t, \\u0000)",
                    ))
                }
                Some(_) => self.at += 1,
            }
        }
        let raw = self.text.get(start..self.at).ok_or((start, UNFINISHED))?;
        self.at += 1;
        let mut value = String::with_capacity(raw.len());
        for decoded in Unescape::new(raw) {
            match decoded {
                Ok((c, _)) => value.push(c),
                Err(offset) => return Err((start + offset, "invalid escape in a string")),
            }
        }
        Ok(value)
    }

    /// Checks the syntax of a value nested too deep to keep, without recursion: a hostile
    /// document may nest as deep as it is long.
    fn skip_nested(&mut self) -> Result<(), Fault> {
        let mut closers: Vec<u8> = Vec::new();
        loop {
            // A value is expected here.
            self.skip_space();
            let opened = match self.peek() {
                Some(b'{') => Some(b'}'),
                Some(b'[') => Some(b']'),
                _ => {
                    self.scalar()?;
                    None
                }
            };
            if let Some(closer) = opened {
                if !self.open(closer) {
                    closers.push(closer);
                    if closer == b'}' {
                        self.key()?;
                    }
                    continue;
                }
            }
            // After a value: close what ends here, up to the next comma.
            loop {
                let Some(&closer) = closers.last() else {
                    return Ok(());
                };
                let fault = if closer == b'}' {
                    AFTER_MEMBER
                } else {
                    AFTER_ITEM
                };
                if !self.close(closer, fault)? {
                    if closer == b'}' {
                        self.key()?;
                    }
                    break;
                }
                closers.pop();
            }
        }
    }
}

/// The characters of a JSON string's raw text (between its quotation marks), each with the
/// raw byte offset just after it; an invalid escape is an error at its offset.
pub struct Unescape<'a> {
    raw: &'a str,
    at: usize,
}

impl<'a> Unescape<'a> {
    pub fn new(raw: &'a str) -> Self {
        Unescape { raw, at: 0 }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let digits = self.raw.get(at..at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    }
}

impl Iterator for Unescape<'_> {
    type Item = Result<(char, usize), usize>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.raw.get(self.at..)?;
        let c = rest.chars().next()?;
        let start = self.at;
        if c != '\\' {
            self.at += c.len_utf8();
            return Some(Ok((c, self.at)));
        }
        let (decoded, len) = match rest.as_bytes().get(1) {
            Some(b'"') => ('"', 2),
            Some(b'\\') => ('\\', 2),
            Some(b'/') => ('/', 2),
            Some(b'b') => ('\u{8}', 2),
            Some(b'f') => ('\u{c}', 2),
            Some(b'n') => ('\n', 2),
            Some(b'r') => ('\r', 2),
            Some(b't') => ('\t', 2),
            Some(b'u') => {
                let Some(unit) = self.hex4(start + 2) else {
                    self.at = self.raw.len();
                    return Some(Err(start));
                };
                let low = (rest.get(6..8) == Some("\\u"))
                    .then(|| self.hex4(start + 8))
                    .flatten()
                    .filter(|low| (0xDC00..0xE000).contains(low));
                match (unit, low) {
                    (0xD800..=0xDBFF, Some(low)) => {
                        let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                    }
                    // A lone surrogate: what wasm-bindgen makes of one in a JavaScript string.
                    _ => (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6),
                }
            }
            _ => {
                self.at = self.raw.len();
                return Some(Err(start));
            }
        };
        self.at += len;
        Some(Ok((decoded, self.at)))
    }
}

/// The byte offset in a string's raw text at which its decoded text reaches byte `decoded_at`.
pub fn raw_offset(raw: &str, decoded_at: usize) -> usize {
    let mut decoded = 0;
    let mut at = 0;
    for (c, after) in Unescape::new(raw).map_while(Result::ok) {
        if decoded >= decoded_at {
            break;
        }
        decoded += c.len_utf8();
        at = after;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Document {
        document(text).unwrap()
    }

    fn fault(text: &str) -> String {
        document(text).unwrap_err().problem.to_string()
    }

    #[test]
    fn locates_values_and_absent_members() {
        let text =
            "{\n  \"headline\": \"\",\n  \"sections\": [{\"title\": \"A\"}, {\"body\": 1}]\n}";
        let doc = read(text);
        assert_eq!(&text[doc.locate("headline")..][..2], "\"\"");
        assert_eq!(&text[doc.locate("sections[0].title")..][..3], "\"A\"");
        // Absent: the enclosing object.
        assert_eq!(&text[doc.locate("sections[1].title")..][..2], "{\"");
        assert_eq!(doc.locate("version"), 0);
        assert_eq!(doc.locate("payload"), 0);
        let (value, raw) = doc.string("sections[0].title").unwrap();
        assert_eq!((value, &text[raw.start - 1..raw.end + 1]), ("A", "\"A\""));
        assert_eq!(doc.string("sections[1].body"), None);
    }

    #[test]
    fn last_duplicate_wins() {
        let doc = read(r#"{"a": 1, "a": 2}"#);
        assert_eq!(doc.locate("a"), 14);
        assert_eq!(doc.json.get("a"), Some(&Json::Number(2.0)));
    }

    #[test]
    fn decodes_escapes_and_maps_offsets() {
        let raw = r#"a\u00e9\n\ud83d\udc4d b"#;
        let decoded: String = Unescape::new(raw).map(|r| r.unwrap().0).collect();
        assert_eq!(decoded, "aé\n👍 b");
        // Decoded "aé\n👍 " is 1 + 2 + 1 + 4 + 1 = 9 bytes; raw, 1 + 6 + 2 + 12 + 1 = 22.
        assert_eq!(raw_offset(raw, 9), 22);
        assert_eq!(raw_offset(raw, 1), 1);
    }

    #[test]
    fn lone_surrogates_read_as_replacement_characters() {
        let doc = read(r#"["\ud800", "x\udc00y", "\ud800\u0041", "\ud800\ud83d\udc4d"]"#);
        let strings = ["\u{FFFD}", "x\u{FFFD}y", "\u{FFFD}A", "\u{FFFD}👍"];
        let expected = Json::Array(strings.iter().map(|s| Json::String((*s).into())).collect());
        assert_eq!(doc.json, expected);
    }

    #[test]
    fn a_byte_order_mark_before_the_document_is_skipped() {
        let doc = read("\u{feff}{\"a\": true}");
        assert_eq!(doc.json.get("a"), Some(&Json::Bool(true)));
        assert_eq!(doc.locate("a"), 9);
        assert!(fault("{\"a\": \u{feff}1}").contains("expected a value at line 1 column 7"));
    }

    #[test]
    fn numbers_as_javascript_reads_them() {
        let doc = read("[0, -0.5, 1e400, 12E-1]");
        let numbers = [0.0, -0.5, f64::INFINITY, 1.2];
        assert_eq!(
            doc.json,
            Json::Array(numbers.iter().map(|n| Json::Number(*n)).collect())
        );
        for bad in ["01", "+1", ".5", "1.", "1e", "-", "NaN", "Infinity"] {
            assert!(document(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn syntax_errors_name_the_problem_and_its_place() {
        let cases = [
            (
                "{",
                "the text ends before the document does at line 1 column 2",
            ),
            (
                "[1 2]",
                "expected `,` or `]` after an array item at line 1 column 4",
            ),
            (
                "{\"a\" 1}",
                "expected `:` after an object key at line 1 column 6",
            ),
            (
                "{a: 1}",
                "expected a key in quotation marks at line 1 column 2",
            ),
            (
                "\"a\nb\"",
                "a control character in a string must be escaped",
            ),
            ("\"\\x\"", "invalid escape in a string at line 1 column 2"),
            ("\"\\u12\"", "invalid escape in a string at line 1 column 2"),
            (
                "{} x",
                "unexpected text after the document at line 1 column 4",
            ),
            (
                "",
                "the text ends before the document does at line 1 column 1",
            ),
        ];
        for (text, expected) in cases {
            let message = fault(text);
            assert!(message.contains(expected), "{text:?}: {message}");
        }
    }

    #[test]
    fn too_deep_only_when_the_text_is_json() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(fault(&deep), "payload: nests deeper than 32 levels");
        let object = format!("{}1{}", "{\"a\":".repeat(40), "}".repeat(40));
        assert_eq!(fault(&object), "payload: nests deeper than 32 levels");
        let broken = format!("{}{}", "[".repeat(100_000), "]".repeat(99_999));
        assert!(fault(&broken).contains("the text ends before"));
        let at_limit = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(document(&at_limit).is_ok());
        let scalar_past_it = format!("{}1{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert_eq!(
            fault(&scalar_past_it),
            "payload: nests deeper than 32 levels"
        );
    }
}
