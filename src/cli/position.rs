//! Where things are in a payload's text: a small JSON scanner that records the byte offset of
//! every value and the raw span of every string, so that a problem's JSON path
//! (`sections[2].title`) can be reported at a line and column, and a repaired string can be
//! spliced back into the file without touching anything else.
//!
//! It runs only on text that `serde_json` has already accepted, and gives up (returns `None`) on
//! anything unexpected rather than guess.

use std::ops::Range;

/// Nesting beyond this is refused (the model refuses anything past 32 levels anyway).
const MAX_DEPTH: usize = 64;

/// A value and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Byte offset of the value's first character.
    pub start: usize,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// Members in document order, duplicates kept.
    Object(Vec<(String, Node)>),
    Array(Vec<Node>),
    /// `raw` is the span between the quotation marks.
    String {
        raw: Range<usize>,
        value: String,
    },
    Other,
}

impl Node {
    /// The member `key` of an object: the last one, as `JSON.parse` and the model read it.
    pub fn member(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            NodeKind::Object(members) => {
                members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
            }
            _ => None,
        }
    }

    /// Item `index` of an array.
    pub fn item(&self, index: usize) -> Option<&Node> {
        match &self.kind {
            NodeKind::Array(items) => items.get(index),
            _ => None,
        }
    }

    /// The byte offset for a problem at `path`: the value there, or, where the path leads to
    /// something absent, the object or array that should hold it.
    pub fn locate(&self, path: &str) -> usize {
        let mut node = self;
        for step in steps(path) {
            let next = match step {
                Step::Key(key) => node.member(key),
                Step::Index(index) => node.item(index),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        node.start
    }
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// `sections[2].title` → `sections`, `2`, `title`. The document-level paths (`payload`, `src`)
/// name no member, so they stay at the root.
fn steps(path: &str) -> Vec<Step<'_>> {
    if matches!(path, "payload" | "src" | "element") {
        return Vec::new();
    }
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
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

/// Scans a JSON document.
pub fn scan(text: &str) -> Option<Node> {
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    scanner.skip_space();
    let node = scanner.value(0)?;
    scanner.skip_space();
    (scanner.at == scanner.bytes.len()).then_some(node)
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn consume(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.at += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        let kind = match self.peek()? {
            b'{' => self.object(depth)?,
            b'[' => self.array(depth)?,
            b'"' => {
                let (raw, value) = self.string()?;
                NodeKind::String { raw, value }
            }
            _ => {
                while self.peek().is_some_and(|b| {
                    !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                }) {
                    self.at += 1;
                }
                if self.at == start {
                    return None;
                }
                NodeKind::Other
            }
        };
        Some(Node { start, kind })
    }

    fn object(&mut self, depth: usize) -> Option<NodeKind> {
        self.consume(b'{')?;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some(NodeKind::Object(members));
        }
        loop {
            self.skip_space();
            let (_, key) = self.string()?;
            self.skip_space();
            self.consume(b':')?;
            self.skip_space();
            let value = self.value(depth + 1)?;
            members.push((key, value));
            self.skip_space();
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(NodeKind::Object(members));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<NodeKind> {
        self.consume(b'[')?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Some(NodeKind::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth + 1)?);
            self.skip_space();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(NodeKind::Array(items));
                }
                _ => return None,
            }
        }
    }

    /// A string: its raw span (between the quotes) and its decoded value.
    fn string(&mut self) -> Option<(Range<usize>, String)> {
        self.consume(b'"')?;
        let start = self.at;
        loop {
            match self.peek()? {
                b'"' => break,
                b'\\' => self.at += 2,
                _ => self.at += 1,
            }
        }
        let raw = start..self.at;
        self.at += 1;
        let value = decode(self.text.get(raw.clone())?)?;
        Some((raw, value))
    }
}

/// Decodes the raw text of a JSON string (between its quotes).
pub fn decode(raw: &str) -> Option<String> {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let unit = hex4(&mut chars)?;
                if (0xD800..0xDC00).contains(&unit) {
                    if chars.next()? != '\\' || chars.next()? != 'u' {
                        return None;
                    }
                    let low = hex4(&mut chars)?;
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low.checked_sub(0xDC00)?);
                    char::from_u32(code)?
                } else {
                    char::from_u32(unit)?
                }
            }
            _ => return None,
        };
        out.push(escaped);
    }
    Some(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

/// The byte offset in the raw string text at which the decoded text reaches byte `decoded_at`.
pub fn raw_offset(raw: &str, decoded_at: usize) -> usize {
    let mut decoded = 0;
    let mut at = 0;
    while decoded < decoded_at && at < raw.len() {
        let rest = raw.get(at..).unwrap_or_default();
        let Some(c) = rest.chars().next() else {
            break;
        };
        if c != '\\' {
            at += c.len_utf8();
            decoded += c.len_utf8();
            continue;
        }
        match rest.as_bytes().get(1) {
            Some(b'u') => {
                let unit = rest
                    .get(2..6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .unwrap_or(0);
                if (0xD800..0xDC00).contains(&unit) {
                    at += 12;
                    decoded += 4;
                } else {
                    at += 6;
                    decoded += char::from_u32(unit).map_or(3, char::len_utf8);
                }
            }
            _ => {
                at += 2;
                decoded += 1;
            }
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_values_and_absent_members() {
        let text =
            "{\n  \"headline\": \"\",\n  \"sections\": [{\"title\": \"A\"}, {\"body\": 1}]\n}";
        let root = scan(text).unwrap();
        assert_eq!(&text[root.locate("headline")..][..2], "\"\"");
        assert_eq!(&text[root.locate("sections[0].title")..][..3], "\"A\"");
        // Absent: the enclosing object.
        assert_eq!(&text[root.locate("sections[1].title")..][..2], "{\"");
        assert_eq!(root.locate("version"), 0);
        assert_eq!(root.locate("payload"), 0);
    }

    #[test]
    fn last_duplicate_wins() {
        let text = r#"{"a": 1, "a": 2}"#;
        assert_eq!(scan(text).unwrap().locate("a"), 14);
    }

    #[test]
    fn decodes_escapes_and_maps_offsets() {
        let raw = r#"a\u00e9\n\ud83d\udc4d b"#;
        assert_eq!(decode(raw).unwrap(), "aé\n👍 b");
        // Decoded "aé\n👍 " is 1 + 2 + 1 + 4 + 1 = 9 bytes; raw, 1 + 6 + 2 + 12 + 1 = 22.
        assert_eq!(raw_offset(raw, 9), 22);
        assert_eq!(raw_offset(raw, 1), 1);
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert!(scan("{").is_none());
        assert!(scan("[1 2]").is_none());
        assert!(scan(&"[".repeat(100)).is_none());
    }
}
