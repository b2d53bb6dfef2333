//! The embedding's line into a card's open sections. Deep links, the find bar and the element's
//! methods change which sections are open, but that state belongs to the [`Card`] component
//! (its reducer), not to whoever asks. So the embedding holds a [`Remote`] and sends
//! [`Request`]s into it; the card, while it is on screen, has its reducer's dispatcher attached
//! to the other end.
//!
//! A request sent while no card is attached (the payload is still loading, or the first render
//! has not happened) waits in the remote, and the card applies every waiting request to its
//! initial state, in order: so a deep link on load opens its section from the first frame, with
//! no `article-card-toggle` for it.
//!
//! [`Card`]: super::Card

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use yew::{AttrValue, Callback};

/// What the embedding can ask a card to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    /// Open the section at this address (`<card-id>--<section-id>`, the URL fragment); a card
    /// ignores addresses that are not its own.
    Anchor(AttrValue),
    /// Open the section with this id (the payload's `sections[].id`).
    Section(AttrValue),
    /// Open (`true`) or close every section.
    All(bool),
}

/// One card's line, shared by the embedding (which sends) and the card's props (whose card
/// attaches). Two remotes are equal only if they are the same line, so a card reused for
/// another element re-attaches to the new one.
#[derive(Clone, Default)]
pub struct Remote(Rc<RefCell<Line>>);

#[derive(Default)]
struct Line {
    /// Requests sent before a card attached.
    waiting: Vec<Request>,
    /// The attached card's dispatcher.
    card: Option<Callback<Request>>,
}

impl Remote {
    /// Hands `request` to the attached card, or keeps it for the card's first render.
    pub fn send(&self, request: Request) {
        // Copied out before it is called: the dispatcher only queues a render, but nothing
        // outside this type should run while the line is borrowed.
        let card = self.0.borrow().card.clone();
        match card {
            Some(card) => card.emit(request),
            None => self.0.borrow_mut().waiting.push(request),
        }
    }

    /// The requests sent so far and not yet taken, for a card's initial state.
    pub(crate) fn waiting(&self) -> Vec<Request> {
        self.0.borrow().waiting.clone()
    }

    /// Attaches a card: waiting requests go to it now (they changed its initial state already
    /// if it has just been created, and dispatching them again changes nothing), later ones as
    /// they are sent.
    pub(crate) fn attach(&self, card: Callback<Request>) {
        let waiting = {
            let mut line = self.0.borrow_mut();
            line.card = Some(card.clone());
            std::mem::take(&mut line.waiting)
        };
        for request in waiting {
            card.emit(request);
        }
    }

    /// Detaches the card, when it leaves the screen. This also breaks the reference cycle
    /// (remote → dispatcher → component → props → remote) that would keep the card alive.
    pub(crate) fn detach(&self) {
        self.0.borrow_mut().card = None;
    }
}

impl PartialEq for Remote {
    fn eq(&self, other: &Remote) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl fmt::Debug for Remote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Remote")
    }
}
