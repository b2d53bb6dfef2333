use yew::prelude::*;

use super::body::body;
use super::card::section_href;
use super::fixed::{Fixed, Materialize};
use super::labels::{fill, Labels};
use super::{attr, heading_tag, panel_id, section_anchor};
use crate::model::{Block, Section};

/// What of a section never changes while its card shows the article, made once (see
/// `fixed.rs`): its ids, its title and reading time, its body.
pub(crate) struct SectionParts {
    /// The section's address (`<card>--<section>`), its element's id.
    anchor: AttrValue,
    id: AttrValue,
    button_id: AttrValue,
    /// The panel's id, also the button's `aria-controls`.
    pub(crate) panel_id: AttrValue,
    /// The panel's name: its button and the card's headline, so that landmarks stay distinct
    /// on a page of cards that share section titles.
    labelled_by: AttrValue,
    /// "Link to this section", in the card's language.
    link_text: AttrValue,
    title: Html,
    time: Html,
    body: Html,
}

impl SectionParts {
    pub(crate) fn new(
        card_id: &str,
        headline_id: &str,
        section: &Section,
        labels: &Labels,
        materialize: Materialize,
    ) -> SectionParts {
        let anchor = section_anchor(card_id, &section.id);
        let button_id = format!("{anchor}--button");
        let minutes = reading_minutes(&section.body).to_string();
        let title = Fixed::class("span", "section__title").text(attr(&section.title));
        let time = Fixed::class("span", "section__time").text(fill(
            &labels.reading_time,
            "{minutes}",
            &minutes,
        ));
        SectionParts {
            panel_id: panel_id(&anchor).into(),
            labelled_by: [button_id.as_str(), " ", headline_id].concat().into(),
            anchor: anchor.into(),
            id: section.id.clone().into(),
            button_id: button_id.into(),
            link_text: labels.section_link.clone(),
            title: materialize.render(&title),
            time: materialize.render(&time),
            body: body(&section.body)
                .map(|block| materialize.render(&block))
                .collect(),
        }
    }
}

/// One section as the card renders it now.
pub(crate) struct SectionView<'a> {
    pub parts: &'a SectionParts,
    pub index: usize,
    /// The heading level of the section title, 2–6.
    pub level: u8,
    pub open: bool,
    /// Called with `index` when the reader toggles the section; the card owns the state.
    pub on_toggle: &'a Callback<usize>,
}

/// One analysis section as a disclosure (WAI-ARIA pattern): a heading holding a button that
/// shows and hides the panel. A native `<button>` gives Enter and Space for free.
///
/// A plain function of the card's render, not a component: the card owns the open state, so a
/// component here would only add its own state to keep (a scope, hooks, props holding copies),
/// and on a page of a thousand cards that is four thousand of each for nothing.
///
/// A closed panel is `hidden="until-found"`: the browser's find bar searches it, and opening it
/// for a match fires `beforematch`, which the embedding turns into an open request for the
/// section whose panel it is ([`anchor_of_panel`](super::anchor_of_panel)).
pub(crate) fn section_disclosure(view: &SectionView) -> Html {
    let parts = view.parts;
    let index = view.index;
    let onclick = view.on_toggle.reform(move |_: MouseEvent| index);
    html! {
        <section class="section" id={parts.anchor.clone()} data-section-id={parts.id.clone()}>
            <@{heading_tag(view.level)} class="section__heading">
                <button
                    type="button"
                    class="section__toggle"
                    part="section-toggle"
                    id={parts.button_id.clone()}
                    aria-expanded={if view.open { "true" } else { "false" }}
                    aria-controls={parts.panel_id.clone()}
                    {onclick}
                >
                    { parts.title.clone() }
                    { parts.time.clone() }
                </button>
            </@>
            <div
                class="section__panel"
                part="section-panel"
                id={parts.panel_id.clone()}
                role="region"
                aria-labelledby={parts.labelled_by.clone()}
                // Spelled in capitals only to get past the html! macro, which takes `hidden` for
                // a boolean; HTML attribute names are case-insensitive, and the DOM and the
                // parser both store it as `hidden`.
                HIDDEN={(!view.open).then_some("until-found")}
            >
                { parts.body.clone() }
                // The section's own address: follow it to scroll here, or copy it to share
                // the section. The embedding opens the section when the page loads there.
                // Only an open section carries it: a closed one's link cannot be seen, and on a
                // page of a thousand cards those unseen links cost megabytes.
                if view.open {
                    <div class="section__permalink">
                        <a class="section__link" href={section_href(&parts.anchor)}>
                            { parts.link_text.clone() }
                        </a>
                    </div>
                }
            </div>
        </section>
    }
}

/// Minutes to read a body, rounded up, at least 1: 200 words a minute, and for scripts written
/// without spaces (Chinese, Japanese, Korean) 500 characters a minute. Integer math only.
pub fn reading_minutes(blocks: &[Block]) -> u32 {
    // In fifths of a word: a word is 5, a CJK character 2, so 1,000 make a minute.
    let mut units: u32 = 0;
    let mut count = |text: &str| {
        for word in text.split([' ', '\n', '\t']).filter(|w| !w.is_empty()) {
            let wide = word.chars().filter(|c| *c >= '\u{2E80}').count();
            let wide = u32::try_from(wide).unwrap_or(u32::MAX);
            units = units.saturating_add(if wide == 0 { 5 } else { wide.saturating_mul(2) });
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph(text) => count(text),
            Block::List(items) => items.iter().for_each(|item| count(item)),
        }
    }
    units.div_ceil(1000).max(1)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::reading_minutes;
    use crate::model::Block;

    fn words(n: usize, word: &str) -> Rc<str> {
        vec![word; n].join(" ").into()
    }

    #[test]
    fn reading_time_rounds_up_at_two_hundred_words_a_minute() {
        assert_eq!(reading_minutes(&[]), 1, "never 0");
        assert_eq!(reading_minutes(&[Block::Paragraph(words(200, "word"))]), 1);
        assert_eq!(reading_minutes(&[Block::Paragraph(words(201, "word"))]), 2);
        let list = Block::List(vec![words(150, "a"), words(150, "b")].into());
        assert_eq!(
            reading_minutes(&[Block::Paragraph(words(100, "c")), list]),
            2
        );
        // Japanese has no spaces: 500 characters a minute.
        let japanese: Rc<str> = "読".repeat(500).into();
        assert_eq!(reading_minutes(&[Block::Paragraph(japanese)]), 1);
        let japanese: Rc<str> = "読".repeat(501).into();
        assert_eq!(reading_minutes(&[Block::Paragraph(japanese)]), 2);
    }
}
