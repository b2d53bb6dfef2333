//! The digest's line structure: headline, teaser lines, the source line, and sections. Works on
//! the text as it arrived; repairs happen afterwards, piece by piece, so that the positions they
//! report are positions in the digest.

use super::{ImportError, Note, Piece};
use crate::model::limits::MAX_SECTION_TITLE;

/// A digest split into its parts, each still as it arrived.
pub(super) struct Parsed<'a> {
    pub headline: Piece<'a>,
    pub teaser: Vec<Piece<'a>>,
    pub source_name: Piece<'a>,
    pub sections: Vec<ParsedSection<'a>>,
}

pub(super) struct ParsedSection<'a> {
    pub title: Piece<'a>,
    /// One piece per non-blank line: each is a paragraph or a bullet item.
    pub body: Vec<Piece<'a>>,
}

/// How the source line begins, matched without regard to case.
const SOURCE_LEADS: [&str; 6] = [
    "read the full story at",
    "read full story at",
    "read the full story on",
    "read full story on",
    "read more at",
    "full story at",
];

/// Section titles digests commonly use, for splitting a source line that runs into one.
const KNOWN_TITLES: [&str; 16] = [
    "Why This Matters",
    "Why It Matters",
    "Background Context",
    "Background",
    "What Happens Next",
    "What's Next",
    "What’s Next",
    "The Bigger Picture",
    "Bigger Picture",
    "Key Takeaways",
    "Key Points",
    "What It Means",
    "The Context",
    "Context",
    "Analysis",
    "Timeline",
];

/// Words that often begin a section title, for splitting at a change of case.
const TITLE_STARTS: [&str; 14] = [
    "Why",
    "What",
    "How",
    "Who",
    "When",
    "Where",
    "Background",
    "Bigger",
    "Key",
    "The",
    "Context",
    "Analysis",
    "Timeline",
    "Reaction",
];

/// Arrows that end a "Read Full Story at X →" link, as they arrive: intact, typed, or broken in
/// transit (Windows-1252, and the Thai code page with and without its C1 bytes).
const ARROWS: [&str; 6] = ["→", "->", "»", "›", "â†’", "โ\u{86}\u{92}"];

/// Splits `digest` into its parts.
pub(super) fn parse<'a>(
    digest: &'a str,
    source_name: Option<&str>,
    notes: &mut Vec<Note>,
) -> Result<Parsed<'a>, ImportError> {
    let lines: Vec<Piece<'a>> = digest
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.trim_end_matches('\r');
            let raw = if i == 0 {
                raw.strip_prefix('\u{feff}').unwrap_or(raw)
            } else {
                raw
            };
            trimmed(Piece {
                line: i + 1,
                column: 1,
                text: raw,
            })
        })
        .filter(|piece| !piece.text.is_empty())
        .collect();
    let (headline, rest) = lines.split_first().ok_or(ImportError::Empty)?;
    let at = rest
        .iter()
        .position(|piece| source_lead_len(piece.text).is_some())
        .ok_or(ImportError::NoSourceLine)?;
    let (teaser, rest) = rest.split_at(at);
    let (source_line, after) = rest.split_first().ok_or(ImportError::NoSourceLine)?;
    let lead = source_lead_len(source_line.text).unwrap_or_default();
    let remainder = trimmed(advance(*source_line, lead));
    let (name, title) = split_source(remainder, after.first(), source_name, notes);
    let sections = sections(title, after)?;
    Ok(Parsed {
        headline: *headline,
        teaser: teaser.to_vec(),
        source_name: name,
        sections,
    })
}

/// The piece from byte `at` on, its column moved along.
fn advance(piece: Piece<'_>, at: usize) -> Piece<'_> {
    let head = piece.text.get(..at).unwrap_or_default();
    Piece {
        line: piece.line,
        column: piece.column + head.chars().count(),
        text: piece.text.get(at..).unwrap_or_default(),
    }
}

/// The piece without surrounding white space, its column moved past what was trimmed.
fn trimmed(piece: Piece<'_>) -> Piece<'_> {
    let start = piece.text.len() - piece.text.trim_start().len();
    let moved = advance(piece, start);
    Piece {
        text: moved.text.trim_end(),
        ..moved
    }
}

/// The piece up to byte `at`.
fn until(piece: Piece<'_>, at: usize) -> Piece<'_> {
    Piece {
        text: piece.text.get(..at).unwrap_or_default(),
        ..piece
    }
}

/// The length of the "Read Full Story at" lead, if the line starts with one.
fn source_lead_len(line: &str) -> Option<usize> {
    SOURCE_LEADS.iter().find_map(|lead| {
        let head = line.get(..lead.len())?;
        let after = line.get(lead.len()..)?;
        (head.eq_ignore_ascii_case(lead) && after.starts_with(char::is_whitespace))
            .then_some(lead.len())
    })
}

/// Splits what follows "Read Full Story at" into the source's name and, when the first section
/// title was run into the same line, that title.
fn split_source<'a>(
    rest: Piece<'a>,
    next: Option<&Piece<'a>>,
    given_name: Option<&str>,
    notes: &mut Vec<Note>,
) -> (Piece<'a>, Option<Piece<'a>>) {
    let text = rest.text;
    let split = |name_end: usize, title_start: usize| {
        let name = trimmed(until(rest, name_end));
        let title = trimmed(advance(rest, title_start));
        (name, (!title.text.is_empty()).then_some(title))
    };
    let mut how = "";
    let found = given_name
        .and_then(|given| {
            let head = text.get(..given.len())?;
            head.eq_ignore_ascii_case(given).then(|| {
                let after = text.get(given.len()..).unwrap_or_default();
                let skip = after.len() - strip_arrow(after.trim_start()).len();
                how = "after the name given with --source-name";
                split(given.len(), given.len() + skip)
            })
        })
        .or_else(|| {
            let (at, len) = find_arrow(text)?;
            how = "after the link's arrow";
            Some(split(at, at + len))
        })
        .or_else(|| {
            let title = KNOWN_TITLES
                .iter()
                .filter(|title| text.len() > title.len() && text.ends_with(*title))
                .max_by_key(|title| title.len())?;
            how = "at a known section title";
            let at = text.len() - title.len();
            Some(split(at, at))
        })
        .or_else(|| {
            // With no arrow and no known title, a title run into the name shows as a change
            // from a lower-case to an upper-case letter with no space ("TechCrunchWhy"). Only
            // when the next line reads as section text, not as a title, must there be a title
            // here at all.
            if next.is_some_and(|n| looks_like_title(n.text)) {
                return None;
            }
            let at = case_change(text)?;
            how = "at a change of case (check it; --source-name fixes the split)";
            Some(split(at, at))
        });
    match found {
        Some((name, title)) => {
            if let Some(title) = &title {
                notes.push(Note {
                    line: rest.line,
                    message: format!(
                        "the source is \"{}\"; \"{}\", run into the same line, is the first section's title (split {how})",
                        name.text, title.text
                    ),
                });
            }
            (name, title)
        }
        None => (rest, None),
    }
}

/// Removes a leading arrow token and the space after it.
fn strip_arrow(text: &str) -> &str {
    for arrow in ARROWS.iter().chain(["โ"].iter()) {
        if let Some(after) = text.strip_prefix(arrow) {
            return after.trim_start();
        }
    }
    text
}

/// Where the link's arrow is, and its length in bytes.
fn find_arrow(text: &str) -> Option<(usize, usize)> {
    let exact = ARROWS
        .iter()
        .filter_map(|arrow| text.find(arrow).map(|at| (at, arrow.len())))
        .min_by_key(|&(at, _)| at);
    if exact.is_some() {
        return exact;
    }
    // The lossy Thai case: a lone `โ` after a space (an apostrophe or dash inside a name never
    // follows a space), or at the very end.
    text.char_indices().find_map(|(at, c)| {
        if c != 'โ' {
            return None;
        }
        let before = text.get(..at).unwrap_or_default();
        let after = text.get(at + c.len_utf8()..).unwrap_or_default();
        let lossy_token = after.starts_with(['ฆ', 'ข', 'ฌ']);
        let spaced = before.ends_with(char::is_whitespace);
        (!lossy_token && !before.is_empty() && (spaced || after.is_empty()))
            .then_some((at, c.len_utf8()))
    })
}

/// The byte index of the best lower-to-upper case change with no space between, for a title
/// run into a name.
fn case_change(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let changes: Vec<usize> = chars
        .windows(2)
        .filter_map(|pair| match pair {
            [(_, a), (at, b)] if a.is_lowercase() && b.is_uppercase() => Some(*at),
            _ => None,
        })
        .collect();
    let starts_title = |at: usize| {
        let word: String = text
            .get(at..)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        TITLE_STARTS.contains(&word.as_str())
    };
    changes
        .iter()
        .copied()
        .find(|&at| starts_title(at))
        .or_else(|| changes.last().copied())
}

/// Whether a line reads as a section title: short, no sentence punctuation at the end, not a
/// bullet, beginning with a capital where the script has them.
pub(super) fn looks_like_title(text: &str) -> bool {
    let text = text.trim();
    let words = text.split_whitespace().count();
    let first_letter = text.chars().find(|c| c.is_alphabetic());
    !text.is_empty()
        && text.chars().count() <= MAX_SECTION_TITLE
        && words <= 12
        && !is_bullet(text)
        && !text.ends_with(['.', '!', ';', ',', ':', '…', '"', '”', '’', '\'', ')', '»'])
        && first_letter.is_some_and(|c| c.is_uppercase() || !c.is_lowercase())
}

/// Bullet markers a digest may use; written as `- ` in the payload.
const BULLETS: [&str; 5] = ["- ", "• ", "* ", "– ", "· "];

fn is_bullet(line: &str) -> bool {
    BULLETS.iter().any(|b| line.starts_with(b))
}

/// Groups the lines after the source line into sections: a title, then its text.
fn sections<'a>(
    first_title: Option<Piece<'a>>,
    lines: &[Piece<'a>],
) -> Result<Vec<ParsedSection<'a>>, ImportError> {
    let mut sections: Vec<ParsedSection<'a>> = Vec::new();
    if let Some(title) = first_title {
        sections.push(ParsedSection {
            title,
            body: Vec::new(),
        });
    }
    for (k, piece) in lines.iter().enumerate() {
        let may_start = sections.last().is_none_or(|s| !s.body.is_empty());
        if may_start && looks_like_title(piece.text) && lines.get(k + 1).is_some() {
            sections.push(ParsedSection {
                title: *piece,
                body: Vec::new(),
            });
            continue;
        }
        match sections.last_mut() {
            Some(section) => section.body.push(*piece),
            None => return Err(ImportError::UntitledSection { line: piece.line }),
        }
    }
    Ok(sections)
}

/// A section body in payload form: each digest line a paragraph (blank line between), bullet
/// lines as `- ` items of one list.
pub(super) fn body_text(lines: &[String]) -> String {
    let mut body = String::new();
    let mut previous_bullet = false;
    for line in lines {
        let line = line.trim();
        let bullet = BULLETS
            .iter()
            .find_map(|b| line.strip_prefix(b))
            .map(str::trim_start);
        if !body.is_empty() {
            body.push_str(if bullet.is_some() && previous_bullet {
                "\n"
            } else {
                "\n\n"
            });
        }
        match bullet {
            Some(item) => {
                body.push_str("- ");
                body.push_str(item);
            }
            None => body.push_str(line),
        }
        previous_bullet = bullet.is_some();
    }
    body
}
