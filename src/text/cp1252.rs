//! UTF-8 read as Windows-1252 (or Latin-1): each byte of a multi-byte character became a
//! character of its own. A run of such characters is mapped back to bytes and decoded, but only
//! where the bytes form complete, valid UTF-8 sequences, which real Windows-1252 text (`Ça`,
//! `über`, `“quoted”`) practically never does.

use super::{Cause, Fix};

/// Windows-1252 bytes 0x80–0x9F; `None` where the code page leaves the byte undefined (such
/// bytes arrive as the C1 control of the same number, which [`byte`] maps back too).
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte (0x80–0xFF) that shows as `c` in Windows-1252 or Latin-1, if any.
pub fn byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if (0x80..=0xFF).contains(&code) {
        return u8::try_from(code).ok();
    }
    HIGH.iter()
        .position(|&h| h == Some(c))
        .and_then(|i| u8::try_from(0x80 + i).ok())
}

/// Whether `c` could be one byte of UTF-8 read as Windows-1252.
pub fn is_high(c: char) -> bool {
    byte(c).is_some()
}

/// How many characters from the start of `chars` could be such bytes.
pub fn run_len(chars: &[(usize, char)]) -> usize {
    chars.iter().take_while(|&&(_, c)| is_high(c)).count()
}

fn is_continuation(b: u8) -> bool {
    (0x80..=0xBF).contains(&b)
}

/// The length of the UTF-8 sequence a lead byte starts, for the leads of non-ASCII characters.
fn sequence_len(lead: u8) -> Option<usize> {
    match lead {
        0xC2..=0xDF => Some(2),
        0xE0..=0xEF => Some(3),
        0xF0..=0xF4 => Some(4),
        _ => None,
    }
}

/// Decodes the UTF-8 sequence starting at `run[at]`, if it is one. Returns the character and
/// how many characters of the run it used.
fn decode_at(run: &[char], at: usize) -> Option<(char, usize)> {
    let lead = byte(*run.get(at)?)?;
    let len = sequence_len(lead)?;
    let mut bytes = [0u8; 4];
    for (k, slot) in bytes.iter_mut().enumerate().take(len) {
        let b = byte(*run.get(at + k)?)?;
        if k > 0 && !is_continuation(b) {
            return None;
        }
        *slot = b;
    }
    let decoded = std::str::from_utf8(bytes.get(..len)?).ok()?;
    let c = decoded.chars().next()?;
    // A C1 control is never what a writer meant.
    if ('\u{80}'..='\u{9F}').contains(&c) {
        return None;
    }
    Some((c, len))
}

/// Decodes every valid sequence in the run, left to right; everything else stays.
fn decode_all(run: &[char]) -> Vec<Fix> {
    let mut fixes = Vec::new();
    let mut at = 0;
    while at < run.len() {
        if let Some((c, len)) = decode_at(run, at) {
            fixes.push(Fix {
                first: at,
                len,
                to: c.to_string(),
                cause: Cause::Windows1252,
            });
            at += len;
        } else if run.get(at) == Some(&'â') && run.get(at + 1) == Some(&'€') {
            // `â€` then no third byte: the third byte was 0x9D, which Windows-1252 cannot show
            // and which was dropped. E2 80 9D is `”`.
            fixes.push(Fix {
                first: at,
                len: 2,
                to: "”".to_owned(),
                cause: Cause::Windows1252LostByte,
            });
            at += 2;
        } else {
            at += 1;
        }
    }
    fixes
}

/// Repairs one run of Windows-1252-range characters.
pub(super) fn repair_run(run: &[char]) -> Vec<Fix> {
    let fixes = decode_all(run);
    // Encoded twice: the first decoding covers the whole run and is itself mis-decoded text.
    let covers_all = fixes.iter().map(|f| f.len).sum::<usize>() == run.len()
        && fixes.iter().all(|f| f.cause == Cause::Windows1252);
    if covers_all && !fixes.is_empty() {
        let once: Vec<char> = fixes.iter().flat_map(|f| f.to.chars()).collect();
        let again = decode_all(&once);
        let again_covers = again.iter().map(|f| f.len).sum::<usize>() == once.len()
            && again.iter().all(|f| f.cause == Cause::Windows1252);
        if again_covers && !again.is_empty() {
            return vec![Fix {
                first: 0,
                len: run.len(),
                to: again.into_iter().map(|f| f.to).collect(),
                cause: Cause::Windows1252Twice,
            }];
        }
    }
    fixes
}
