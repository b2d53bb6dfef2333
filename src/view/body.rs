use super::attr;
use super::fixed::Fixed;
use crate::model::Block;

/// A section body: paragraphs and bullet lists, text only. Fixed markup (see `fixed.rs`): a
/// body never changes while its card shows the article.
pub fn body(blocks: &[Block]) -> impl Iterator<Item = Fixed> + '_ {
    blocks.iter().map(|block| match block {
        Block::Paragraph(paragraph) => Fixed::new("p").text(attr(paragraph)),
        Block::List(items) => items.iter().fold(Fixed::new("ul"), |list, item| {
            list.child(Fixed::new("li").text(attr(item)))
        }),
    })
}
