use std::rc::Rc;

use yew::prelude::*;

use super::fixed::{Attr, Fixed, Materialize};
use super::labels::{fill, Labels};
use super::remote::{Remote, Request};
use super::section::{section_disclosure, SectionParts, SectionView};
use super::{attr, heading_tag};
use crate::model::{Article, Section, Timestamp};

/// What the embedding page says about a card, beside its payload (the element's attributes and
/// the page around it), and the lines back to it. The default is what the command line's server
/// rendering assumes: no page, nobody listening.
#[derive(Debug, Clone, PartialEq)]
pub struct CardOptions {
    /// The level of each section heading, 2–6 (the `heading-level` attribute); anything else
    /// means the default, 3. The headline is one level above.
    pub heading_level: u8,
    /// The host page's language (the nearest `lang` around the element), used when the payload
    /// has none: it picks the card's words and its direction.
    pub host_lang: Option<AttrValue>,
    /// Where the embedding sends what it asks of the open sections (a deep link, find-in-page,
    /// the element's methods).
    pub remote: Remote,
    /// Told of every section that opens or closes after the first render, whatever the cause:
    /// the embedding turns it into the `article-card-toggle` event.
    pub on_toggle: Callback<Toggled>,
    /// The error card's "Try again" button.
    pub on_retry: Callback<()>,
    /// How the card's fixed markup is rendered (see `fixed.rs`): Yew markup unless the mount
    /// says otherwise.
    pub materialize: Materialize,
}

impl Default for CardOptions {
    fn default() -> CardOptions {
        CardOptions {
            heading_level: 0,
            host_lang: None,
            remote: Remote::default(),
            on_toggle: Callback::noop(),
            on_retry: Callback::noop(),
            materialize: Materialize::default(),
        }
    }
}

/// A section that opened or closed.
#[derive(Debug, Clone, PartialEq)]
pub struct Toggled {
    /// The article's id, so one listener for every card knows which card it was.
    pub article: AttrValue,
    pub section: AttrValue,
    pub title: AttrValue,
    pub open: bool,
}

/// One of a card's links, named by its address. A click on a link is the embedding's to hear
/// (one listener per card, not one per link: a thousand cards would hold a thousand more Yew
/// listeners), and the address is what it goes by, never a class: [`CardLink::at`] is the one
/// place that knows which address is which link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CardLink<'a> {
    /// "Read the full story at …".
    FullStory,
    /// A section's own address, at the end of the open section.
    Section(&'a Section),
}

impl CardLink<'_> {
    /// The link of `article` whose `href` attribute is `href`, if it is one of its links.
    pub fn at<'a>(article: &'a Article, href: &str) -> Option<CardLink<'a>> {
        if href == &*article.source.url {
            return Some(CardLink::FullStory);
        }
        let index = section_index(article, href.strip_prefix('#')?)?;
        article.sections.get(index).map(CardLink::Section)
    }
}

/// A section's own link, `#<card-id>--<section-id>`.
pub(crate) fn section_href(anchor: &str) -> AttrValue {
    AttrValue::from(["#", anchor].concat())
}

impl CardOptions {
    /// The section heading level in effect.
    pub fn section_level(&self) -> u8 {
        match self.heading_level {
            level @ 2..=6 => level,
            _ => 3,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub article: Rc<Article>,
    #[prop_or_default]
    pub options: CardOptions,
}

/// Which sections are open: the card's only state. Every way of opening or closing a section
/// (its button, "Expand all", a deep link, the find bar) is an action on it.
#[derive(Debug, Clone, PartialEq)]
struct OpenSections(Vec<bool>);

enum OpenAction {
    Toggle(usize),
    Open(usize),
    All(bool),
}

impl OpenSections {
    fn apply(&mut self, action: OpenAction) {
        let open = &mut self.0;
        match action {
            OpenAction::Toggle(index) => {
                if let Some(flag) = open.get_mut(index) {
                    *flag = !*flag;
                }
            }
            OpenAction::Open(index) => {
                if let Some(flag) = open.get_mut(index) {
                    *flag = true;
                }
            }
            OpenAction::All(to) => open.iter_mut().for_each(|flag| *flag = to),
        }
    }
}

impl Reducible for OpenSections {
    type Action = OpenAction;

    fn reduce(self: Rc<Self>, action: OpenAction) -> Rc<Self> {
        let mut next = (*self).clone();
        next.apply(action);
        if next == *self {
            // Nothing changed: the same state, so no re-render.
            return self;
        }
        Rc::new(next)
    }
}

/// The index of the section with this address (`<card-id>--<section-id>`).
fn section_index(article: &Article, anchor: &str) -> Option<usize> {
    let section_id = anchor
        .strip_prefix(article.id.as_str())?
        .strip_prefix("--")?;
    article.sections.iter().position(|s| s.id == section_id)
}

/// A request as an action on the open sections, if it concerns this article.
fn action_for(article: &Article, request: &Request) -> Option<OpenAction> {
    match request {
        Request::Anchor(anchor) => section_index(article, anchor).map(OpenAction::Open),
        Request::Section(id) => article
            .sections
            .iter()
            .position(|s| s.id == id.as_str())
            .map(OpenAction::Open),
        Request::All(to) => Some(OpenAction::All(*to)),
    }
}

/// The news card: source, headline, teaser, byline and dates, image, pull quote, the analysis
/// sections, and the link to the full story.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let article = &props.article;
    let options = &props.options;
    let open = {
        // The sections' own `open`, then whatever the embedding asked before this render.
        let article = article.clone();
        let remote = options.remote.clone();
        use_reducer(move || {
            let mut open = OpenSections(article.sections.iter().map(|s| s.open).collect());
            for request in remote.waiting() {
                if let Some(action) = action_for(&article, &request) {
                    open.apply(action);
                }
            }
            open
        })
    };
    {
        // Requests from now on go straight to the reducer. The article a card shows never
        // changes under one remote (a new payload is a new remote, or a new component: the
        // root shows the loading state in between), so the one captured here stays right.
        let article = article.clone();
        let open = open.dispatcher();
        use_effect_with(options.remote.clone(), move |remote| {
            remote.attach(Callback::from(move |request: Request| {
                if let Some(action) = action_for(&article, &request) {
                    open.dispatch(action);
                }
            }));
            let remote = remote.clone();
            move || remote.detach()
        });
    }
    {
        // Every change after the first render goes out, whatever caused it.
        let article = article.clone();
        let on_toggle = options.on_toggle.clone();
        let shown = use_mut_ref(|| open.0.clone());
        use_effect_with(open.0.clone(), move |now: &Vec<bool>| {
            let before = std::mem::replace(&mut *shown.borrow_mut(), now.clone());
            for ((section, was), is) in article.sections.iter().zip(before).zip(now.iter()) {
                if was != *is {
                    on_toggle.emit(Toggled {
                        article: AttrValue::from(article.id.clone()),
                        section: AttrValue::from(section.id.clone()),
                        title: attr(&section.title),
                        open: *is,
                    });
                }
            }
        });
    }
    let on_toggle = {
        let open = open.dispatcher();
        Callback::from(move |index: usize| open.dispatch(OpenAction::Toggle(index)))
    };
    let all_open = open.0.iter().all(|flag| *flag);
    let on_all = {
        let open = open.dispatcher();
        Callback::from(move |_: MouseEvent| open.dispatch(OpenAction::All(!all_open)))
    };
    let level = options.section_level();
    // Made once per article (and page language and heading level): see `fixed.rs`.
    let fixed = use_memo(
        (
            article.clone(),
            options.host_lang.clone(),
            level,
            options.materialize,
        ),
        |(article, host_lang, level, materialize)| {
            FixedParts::new(article, host_lang.as_deref(), *level, *materialize)
        },
    );
    // A card with no `lang` inherits the page's language through the shadow root; only its
    // direction needs saying, always, as the page around it may read the other way.
    let dir = if article.is_rtl(options.host_lang.as_deref()) {
        "rtl"
    } else {
        "ltr"
    };

    html! {
        <article
            class="card"
            part="card"
            lang={article.lang.clone()}
            {dir}
            aria-labelledby={fixed.headline_id.clone()}
        >
            { fixed.header.clone() }
            { fixed.image.clone() }
            { fixed.quote.clone() }
            if article.sections.len() > 1 {
                <div class="card__tools">
                    <button
                        type="button"
                        class="card__expand"
                        part="expand-all"
                        aria-controls={fixed.panels.clone()}
                        onclick={on_all}
                    >
                        { if all_open { fixed.collapse_all.clone() } else { fixed.expand_all.clone() } }
                    </button>
                </div>
            }
            if !article.sections.is_empty() {
                // The permalink's label, once per card (a shared string, no copy): a pre-rendered
                // card's loader gives a section it opens before the engine runs the permalink the
                // view would (js/article-card.js), so the takeover adds no line and moves nothing.
                <div class="card__sections" data-section-link={fixed.section_link.clone()}>
                    { for fixed.sections.iter().enumerate().map(|(index, parts)| {
                        section_disclosure(&SectionView {
                            parts,
                            index,
                            level,
                            open: open.0.get(index).copied().unwrap_or_default(),
                            on_toggle: &on_toggle,
                        })
                    }) }
                </div>
            }
            { fixed.footer.clone() }
        </article>
    }
}

/// What of a card never changes while it shows one article, made once (see `fixed.rs`), and
/// the ids and words the parts that do change share.
struct FixedParts {
    headline_id: AttrValue,
    /// Every panel's id, for "Expand all"'s `aria-controls`.
    panels: AttrValue,
    expand_all: AttrValue,
    collapse_all: AttrValue,
    /// The permalink's label, for the loader of a pre-rendered card (see the view above).
    section_link: AttrValue,
    header: Html,
    image: Html,
    quote: Html,
    footer: Html,
    sections: Vec<SectionParts>,
}

impl FixedParts {
    fn new(
        article: &Article,
        host_lang: Option<&str>,
        level: u8,
        materialize: Materialize,
    ) -> FixedParts {
        let labels = Labels::for_article(article, host_lang);
        let headline_id: AttrValue = headline_id(&article.id).into();
        let sections: Vec<SectionParts> = article
            .sections
            .iter()
            .map(|section| {
                SectionParts::new(&article.id, &headline_id, section, &labels, materialize)
            })
            .collect();
        let panels = sections
            .iter()
            .map(|s| s.panel_id.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let render =
            |fixed: Option<Fixed>| fixed.map(|f| materialize.render(&f)).unwrap_or_default();
        FixedParts {
            header: render(Some(header(article, &labels, level, &headline_id))),
            image: render(image(article)),
            quote: render(quote(article)),
            footer: render(Some(footer(article, &labels))),
            headline_id,
            panels: panels.into(),
            expand_all: labels.expand_all,
            collapse_all: labels.collapse_all,
            section_link: labels.section_link.clone(),
            sections,
        }
    }
}

/// Source, headline, teaser, byline and dates.
fn header(article: &Article, labels: &Labels, level: u8, headline_id: &AttrValue) -> Fixed {
    let mut header = Fixed::class("header", "card__header")
        .child(
            Fixed::class("p", "card__source")
                .attr(Attr::Part, "source")
                .text(attr(&article.source.name)),
        )
        .child(
            Fixed::class(heading_tag(level - 1), "card__headline")
                .attr(Attr::Part, "headline")
                .attr(Attr::Id, headline_id.clone())
                .text(attr(&article.headline)),
        );
    if let Some(dek) = &article.dek {
        header = header.child(Fixed::class("p", "card__dek").text(attr(dek)));
    }
    match meta_line(article, labels) {
        Some(meta) => header.child(meta),
        None => header,
    }
}

fn image(article: &Article) -> Option<Fixed> {
    let image = article.image.as_ref()?;
    Some(
        Fixed::class("figure", "card__figure").child(
            Fixed::class("img", "card__image")
                .attr(Attr::Src, attr(&image.src))
                .attr(Attr::Alt, attr(&image.alt))
                .attr(Attr::Width, image.width.to_string())
                .attr(Attr::Height, image.height.to_string())
                .attr(Attr::Loading, "lazy")
                .attr(Attr::Decoding, "async"),
        ),
    )
}

fn quote(article: &Article) -> Option<Fixed> {
    let quote = article.quote.as_ref()?;
    let figure = Fixed::class("figure", "card__pullquote")
        .attr(Attr::Part, "quote")
        .child(
            Fixed::class("blockquote", "card__quote")
                .child(Fixed::new("p").text(attr(&quote.text))),
        );
    Some(match &quote.attribution {
        Some(attribution) => {
            figure.child(Fixed::class("figcaption", "card__attribution").text(attr(attribution)))
        }
        None => figure,
    })
}

/// The link to the full story.
fn footer(article: &Article, labels: &Labels) -> Fixed {
    Fixed::class("footer", "card__footer").child(
        Fixed::class("a", "card__link")
            .attr(Attr::Part, "link")
            .attr(Attr::Href, attr(&article.source.url))
            .attr(Attr::Target, "_blank")
            .attr(Attr::Rel, "noopener noreferrer")
            // One text node, as the HTML parser makes of pre-rendered markup, so a
            // server-rendered card is taken over without the text reflowing.
            .text(fill(&labels.full_story, "{source}", &article.source.name))
            .child(
                Fixed::class("span", "visually-hidden")
                    .text(" ")
                    .text(labels.new_tab.clone()),
            ),
    )
}

/// The headline's element id. A section's address is `<card>--<section>` and its own parts are
/// `<card>--<section>--<part>`, where a section id is a slug, which never starts with a hyphen;
/// so `<card>---headline` can be no section's address or part, whatever ids the payload gives.
/// (`<card>--headline` was: a section with the id `headline` took it.)
fn headline_id(card_id: &str) -> String {
    [card_id, "---headline"].concat()
}

/// Byline and dates on one line, or nothing when the payload has none of them.
fn meta_line(article: &Article, labels: &Labels) -> Option<Fixed> {
    let date = |label: &AttrValue, ts: &Timestamp| {
        Fixed::class("span", "card__date")
            .text(label.clone())
            .text(" ")
            .child(
                Fixed::new("time")
                    .attr(Attr::Datetime, ts.text.clone())
                    .text(labels.date(ts.year, ts.month, ts.day)),
            )
    };
    let mut meta = Fixed::class("p", "card__meta");
    if let Some(byline) = &article.byline {
        meta = meta.child(Fixed::class("span", "card__byline").text(attr(byline)));
    }
    if let Some(ts) = &article.published {
        meta = meta.child(date(&labels.published, ts));
    }
    if let Some(ts) = &article.updated {
        meta = meta.child(date(&labels.updated, ts));
    }
    (!meta.children.is_empty()).then_some(meta)
}
