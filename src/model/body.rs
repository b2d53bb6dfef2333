//! Section bodies: plain text with just enough structure for analysis prose. Paragraphs are
//! separated by blank lines; a line starting with `- ` is a bullet item. Nothing else has
//! meaning, so nothing in a body can turn into markup.

use super::article::{Block, Text};

/// Splits a body into paragraphs and bullet lists. Lines of one paragraph are joined with a
/// space (the text reflows to the card's width); a plain line right after bullet items ends the
/// list and starts a paragraph.
pub fn parse_body(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    let mut items: Vec<String> = Vec::new();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            flush_paragraph(&mut paragraph, &mut blocks);
            flush_list(&mut items, &mut blocks);
        } else if let Some(item) = line.strip_prefix("- ").or((line == "-").then_some("")) {
            flush_paragraph(&mut paragraph, &mut blocks);
            let item = item.trim();
            if !item.is_empty() {
                items.push(item.to_owned());
            }
        } else {
            flush_list(&mut items, &mut blocks);
            if !paragraph.is_empty() {
                paragraph.push(' ');
            }
            paragraph.push_str(line);
        }
    }
    flush_paragraph(&mut paragraph, &mut blocks);
    flush_list(&mut items, &mut blocks);
    blocks
}

fn flush_paragraph(paragraph: &mut String, blocks: &mut Vec<Block>) {
    if !paragraph.is_empty() {
        blocks.push(Block::Paragraph(std::mem::take(paragraph).into()));
    }
}

fn flush_list(items: &mut Vec<String>, blocks: &mut Vec<Block>) {
    if !items.is_empty() {
        let items: Vec<Text> = std::mem::take(items).into_iter().map(Text::from).collect();
        blocks.push(Block::List(items.into()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Block {
        Block::Paragraph(text.into())
    }
    fn list(items: &[&str]) -> Block {
        Block::List(items.iter().map(|s| Text::from(*s)).collect())
    }

    #[test]
    fn paragraphs_and_lists() {
        let body =
            "First line\nsame paragraph.\n\n\r\nSecond.\n- one\n-  two \nAfter list.\n\n- three";
        assert_eq!(
            parse_body(body),
            vec![
                p("First line same paragraph."),
                p("Second."),
                list(&["one", "two"]),
                p("After list."),
                list(&["three"]),
            ]
        );
    }

    #[test]
    fn markup_is_just_text() {
        assert_eq!(parse_body("<b>bold</b>"), vec![p("<b>bold</b>")]);
        assert_eq!(parse_body("-not a bullet"), vec![p("-not a bullet")]);
    }

    #[test]
    fn blank_body_has_no_blocks() {
        assert!(parse_body(" \n\n \t").is_empty());
        assert!(parse_body("- ").is_empty());
    }
}
