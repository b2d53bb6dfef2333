//! The teaser: the lines between the headline and the source line, already repaired. Digests
//! often carry the teaser twice (cut short, and in full) and put a quotation in it; this turns
//! them into the payload's `dek` and `quote`.

use super::{Attribution, Note};
use crate::model::limits::{MAX_ATTRIBUTION, MAX_QUOTE};

/// A quotation with fewer words than this (and fewer characters than [`MIN_QUOTE_CHARS`]) is
/// part of the prose ("move fast and break things"), not a pull quote.
const MIN_QUOTE_WORDS: usize = 6;
/// For scripts written without spaces between words.
const MIN_QUOTE_CHARS: usize = 40;

/// What the teaser gives the payload.
pub(super) struct Teaser {
    pub dek: Option<String>,
    /// The quote's text and attribution.
    pub quote: Option<(String, Option<String>)>,
}

/// Reads the teaser lines (line number, repaired text).
pub(super) fn read(
    lines: &[(usize, String)],
    attribution: &Attribution,
    notes: &mut Vec<Note>,
) -> Teaser {
    let kept = fullest(lines, notes);
    let Some(&(first_line, _)) = kept.first() else {
        return Teaser {
            dek: None,
            quote: None,
        };
    };
    let text = squash(
        &kept
            .iter()
            .map(|(_, text)| text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let Some(found) = find_quote(&text) else {
        return Teaser {
            dek: Some(text).filter(|t| !t.is_empty()),
            quote: None,
        };
    };
    let before = text.get(..found.open).unwrap_or_default().trim();
    let after = text.get(found.close..).unwrap_or_default().trim();
    let mut quote = found.inner.trim().to_owned();
    // A quotation that ran on into its attribution ends with a comma; alone, it ends a sentence.
    if let Some(stripped) = quote.strip_suffix(',') {
        quote = format!("{stripped}.");
    }
    notes.push(Note {
        line: first_line,
        message: format!("the quotation in the teaser is the pull quote: \"{quote}\""),
    });

    let clause = attribution_clause(after);
    let mut rest_after = after;
    let mut clause_speaker = None;
    match &clause {
        Some(Clause::Speaker { speaker, rest }) => {
            clause_speaker = Some(speaker.clone());
            rest_after = rest;
        }
        Some(Clause::CutShort) => {
            notes.push(Note {
                line: first_line,
                message: format!(
                    "dropped the teaser's cut-off end after the quotation: \"{after}\""
                ),
            });
            rest_after = "";
        }
        None => {}
    }
    let who = match attribution {
        Attribution::Given(who) => Some(who.trim().to_owned()).filter(|w| !w.is_empty()),
        Attribution::Omit => None,
        Attribution::Infer => {
            let inferred = clause_speaker
                .filter(|s| !is_pronoun(s))
                .map(|s| (s, "from the words after the quotation"))
                .or_else(|| {
                    named_subject(before).map(|s| (s, "from the sentence before the quotation"))
                });
            match inferred {
                Some((who, from)) => {
                    notes.push(Note {
                        line: first_line,
                        message: format!(
                            "quote attribution \"{who}\" inferred {from} (--quote-attribution sets it, --no-quote-attribution leaves it out)"
                        ),
                    });
                    Some(who)
                }
                None => None,
            }
        }
    };
    let dek = squash(&format!("{before} {rest_after}"));
    Teaser {
        dek: Some(dek).filter(|d| !d.is_empty()),
        quote: Some((quote, who.filter(|w| w.chars().count() <= MAX_ATTRIBUTION))),
    }
}

/// Collapses runs of white space to one space and trims.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A line without a trailing ellipsis or "..." (the mark of a cut).
fn without_cut(text: &str) -> &str {
    let text = text.trim_end();
    text.strip_suffix('…')
        .or_else(|| text.strip_suffix("..."))
        .unwrap_or(text)
        .trim_end()
}

/// Drops each teaser line that is the beginning of another, longer one (the same teaser cut
/// short), and exact repeats; keeps the rest in order.
fn fullest(lines: &[(usize, String)], notes: &mut Vec<Note>) -> Vec<(usize, String)> {
    let squashed: Vec<String> = lines.iter().map(|(_, t)| squash(t)).collect();
    let mut kept = Vec::new();
    for (i, (line, text)) in lines.iter().enumerate() {
        let mine = squashed.get(i).map(String::as_str).unwrap_or_default();
        let head = without_cut(mine);
        let fuller = squashed.iter().enumerate().find(|&(j, other)| {
            j != i
                && !head.is_empty()
                && other.starts_with(head)
                && (other.len() > mine.len() || (other == mine && j < i))
        });
        match fuller {
            Some((j, _)) => {
                let other_line = lines.get(j).map_or(0, |(l, _)| *l);
                notes.push(Note {
                    line: *line,
                    message: format!(
                        "this teaser line repeats the start of line {other_line}; kept the fuller line {other_line}"
                    ),
                });
            }
            None => kept.push((*line, text.clone())),
        }
    }
    kept
}

struct FoundQuote<'a> {
    /// Byte index of the opening mark.
    open: usize,
    /// Byte index just past the closing mark.
    close: usize,
    inner: &'a str,
}

/// The longest quotation long enough to be a pull quote, in straight or curly double quotation
/// marks.
fn find_quote(text: &str) -> Option<FoundQuote<'_>> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (at, c) in text.char_indices() {
        match (open, c) {
            (None, '"' | '“' | '„') => open = Some((at, c)),
            (Some((start, mark @ '"')), '"') | (Some((start, mark @ ('“' | '„'))), '”' | '“') =>
            {
                let inner = text.get(start + mark.len_utf8()..at).unwrap_or_default();
                spans.push((start, at + c.len_utf8(), inner));
                open = None;
            }
            _ => {}
        }
    }
    spans
        .into_iter()
        .filter(|(_, _, inner)| {
            let chars = inner.chars().count();
            (inner.split_whitespace().count() >= MIN_QUOTE_WORDS || chars >= MIN_QUOTE_CHARS)
                && chars <= MAX_QUOTE
        })
        .max_by_key(|(_, _, inner)| inner.len())
        .map(|(open, close, inner)| FoundQuote { open, close, inner })
}

enum Clause<'a> {
    /// `, the company said. More text` → the speaker, and the text after the clause.
    Speaker { speaker: String, rest: &'a str },
    /// The teaser was cut off right after the quotation (`the…`).
    CutShort,
}

const SPEECH_VERBS: [&str; 10] = [
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "told",
    "explained",
    "argued",
    "warned",
];

/// Reads what follows a quotation: an attribution clause, or a cut-off fragment.
fn attribution_clause(after: &str) -> Option<Clause<'_>> {
    if after.is_empty() {
        return None;
    }
    // The clause runs to the end of its sentence.
    let end = after.find(['.', '!', '?']).map(|i| i + 1);
    let clause = match end {
        Some(end) => after.get(..end).unwrap_or(after),
        None => after,
    };
    let rest = end.and_then(|e| after.get(e..)).unwrap_or_default().trim();
    let body = clause
        .trim_end_matches(['.', '!', '?', '…'])
        .trim_start_matches([',', ' '])
        .trim();
    let words: Vec<&str> = body.split_whitespace().collect();
    let verb_at = words
        .iter()
        .position(|w| SPEECH_VERBS.contains(&w.trim_end_matches(',')));
    let speaker = match verb_at {
        // "said Jane Doe, chief executive"
        Some(0) => Some(words.get(1..).unwrap_or_default().join(" ")),
        // "Jane Doe said" / "the company told reporters"
        Some(at) => Some(words.get(..at).unwrap_or_default().join(" ")),
        None => None,
    };
    if let Some(speaker) = speaker.filter(|s| !s.is_empty() && s.split_whitespace().count() <= 8) {
        let speaker = speaker.trim_end_matches(',').to_owned();
        return Some(Clause::Speaker { speaker, rest });
    }
    // Cut off: the teaser ends in an ellipsis with no sentence finished after the quotation.
    (end.is_none() && (after.ends_with('…') || after.ends_with("..."))).then_some(Clause::CutShort)
}

fn is_pronoun(speaker: &str) -> bool {
    matches!(
        speaker.to_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you"
    )
}

/// Words that start sentences without naming anyone.
const NOT_NAMES: [&str; 40] = [
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We",
    "I", "You", "In", "On", "At", "But", "And", "Or", "So", "If", "When", "While", "After",
    "Before", "As", "Their", "His", "Her", "Our", "There", "Here", "What", "Why", "How", "Who",
    "Now", "Still",
];

/// The named subject of the last sentence of `text`: the run of capitalised words it starts
/// with ("Anthropic isn't hiding its frustration." → "Anthropic").
fn named_subject(text: &str) -> Option<String> {
    let text = text.trim();
    let body = text.trim_end_matches(['.', '!', '?', ':', ' ']);
    let start = body.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let sentence = body.get(start..).unwrap_or_default().trim();
    let mut name = Vec::new();
    for word in sentence.split_whitespace() {
        let bare = word
            .trim_end_matches(['’', '\''])
            .trim_end_matches("’s")
            .trim_end_matches("'s")
            .trim_end_matches([',', ';', ':']);
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || (name.is_empty() && NOT_NAMES.contains(&bare)) {
            break;
        }
        name.push(bare);
        if bare.len() != word.len() {
            break;
        }
    }
    (!name.is_empty() && name.len() <= 4).then(|| name.join(" "))
}
