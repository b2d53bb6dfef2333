use yew::prelude::*;

use super::body::body;
use super::{section_anchor, text};
use crate::model::Section;

#[derive(Properties, PartialEq)]
pub struct SectionDisclosureProps {
    pub card_id: AttrValue,
    pub section: Section,
    pub index: usize,
    pub open: bool,
    /// Called with `index` when the reader toggles the section; the card owns the state.
    pub on_toggle: Callback<usize>,
}

/// One analysis section as a disclosure (WAI-ARIA pattern): a heading holding a button that
/// shows and hides the panel. A native `<button>` gives Enter and Space for free.
#[function_component]
pub fn SectionDisclosure(props: &SectionDisclosureProps) -> Html {
    let anchor = section_anchor(&props.card_id, &props.section.id);
    let button_id = format!("{anchor}--button");
    let panel_id = format!("{anchor}--panel");
    let index = props.index;
    let onclick = props.on_toggle.reform(move |_: MouseEvent| index);
    html! {
        <section class="section" id={anchor} data-section-id={props.section.id.clone()}>
            <h3 class="section__heading">
                <button
                    type="button"
                    class="section__toggle"
                    id={button_id.clone()}
                    aria-expanded={if props.open { "true" } else { "false" }}
                    aria-controls={panel_id.clone()}
                    {onclick}
                >
                    <span class="section__title">{ text(&props.section.title) }</span>
                </button>
            </h3>
            <div
                class="section__panel"
                id={panel_id}
                role="region"
                aria-labelledby={button_id}
                hidden={!props.open}
            >
                { body(&props.section.body) }
            </div>
        </section>
    }
}
