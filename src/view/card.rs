use std::rc::Rc;

use yew::prelude::*;

use super::labels::{Labels, EN};
use super::section::SectionDisclosure;
use super::{attr, text};
use crate::model::{Article, Timestamp};

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub article: Rc<Article>,
}

/// Which sections are open: the card's only state.
#[derive(Debug, Clone, PartialEq)]
struct OpenSections(Vec<bool>);

enum OpenAction {
    Toggle(usize),
}

impl Reducible for OpenSections {
    type Action = OpenAction;

    fn reduce(self: Rc<Self>, action: OpenAction) -> Rc<Self> {
        match action {
            OpenAction::Toggle(index) => {
                let mut open = self.0.clone();
                if let Some(flag) = open.get_mut(index) {
                    *flag = !*flag;
                }
                Rc::new(OpenSections(open))
            }
        }
    }
}

/// The news card: source, headline, teaser, byline and dates, image, pull quote, the analysis
/// sections, and the link to the full story.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let article = &props.article;
    let labels = EN;
    let open = {
        let article = article.clone();
        use_reducer(move || OpenSections(article.sections.iter().map(|s| s.open).collect()))
    };
    let on_toggle = {
        let open = open.dispatcher();
        Callback::from(move |index: usize| open.dispatch(OpenAction::Toggle(index)))
    };
    let card_id: AttrValue = article.id.clone().into();
    let headline_id = format!("{}--headline", article.id);
    let dir = if article.is_rtl() { "rtl" } else { "ltr" };

    html! {
        <article
            class="card"
            part="card"
            lang={article.lang.clone()}
            {dir}
            aria-labelledby={headline_id.clone()}
        >
            <header class="card__header">
                <p class="card__source">{ text(&article.source.name) }</p>
                <h2 class="card__headline" id={headline_id}>{ text(&article.headline) }</h2>
                if let Some(dek) = &article.dek {
                    <p class="card__dek">{ text(dek) }</p>
                }
                { meta_line(article, &labels) }
            </header>
            if let Some(image) = &article.image {
                <figure class="card__figure">
                    <img
                        class="card__image"
                        src={attr(&image.src)}
                        alt={attr(&image.alt)}
                        width={image.width.to_string()}
                        height={image.height.to_string()}
                        loading="lazy"
                        decoding="async"
                    />
                </figure>
            }
            if let Some(quote) = &article.quote {
                <figure class="card__pullquote">
                    <blockquote class="card__quote"><p>{ text(&quote.text) }</p></blockquote>
                    if let Some(attribution) = &quote.attribution {
                        <figcaption class="card__attribution">{ text(attribution) }</figcaption>
                    }
                </figure>
            }
            if !article.sections.is_empty() {
                <div class="card__sections">
                    { for article.sections.iter().enumerate().map(|(index, section)| html! {
                        <SectionDisclosure
                            key={section.id.clone()}
                            card_id={card_id.clone()}
                            section={section.clone()}
                            {index}
                            open={open.0.get(index).copied().unwrap_or(section.open)}
                            on_toggle={on_toggle.clone()}
                        />
                    }) }
                </div>
            }
            <footer class="card__footer">
                <a
                    class="card__link"
                    part="link"
                    href={attr(&article.source.url)}
                    target="_blank"
                    rel="noopener noreferrer"
                >
                    // One text node, as the HTML parser makes of pre-rendered markup, so a
                    // server-rendered card is taken over without the text reflowing.
                    { [labels.full_story_before, &*article.source.name, labels.full_story_after].concat() }
                    <span class="visually-hidden">{ " " }{ labels.new_tab }</span>
                </a>
            </footer>
        </article>
    }
}

/// Byline and dates on one line, or nothing when the payload has none of them.
fn meta_line(article: &Article, labels: &Labels) -> Html {
    let date = |label: &'static str, ts: &Timestamp| {
        html! {
            <span class="card__date">
                { label }{ " " }
                <time datetime={ts.text.clone()}>{ labels.date(ts.year, ts.month, ts.day) }</time>
            </span>
        }
    };
    let mut parts: Vec<Html> = Vec::new();
    if let Some(byline) = &article.byline {
        parts.push(html! { <span class="card__byline">{ text(byline) }</span> });
    }
    if let Some(ts) = &article.published {
        parts.push(date(labels.published, ts));
    }
    if let Some(ts) = &article.updated {
        parts.push(date(labels.updated, ts));
    }
    if parts.is_empty() {
        return Html::default();
    }
    html! { <p class="card__meta">{ for parts }</p> }
}
