//! Key actors: named mentions typed person / organisation / place, merged into entities with
//! roles, affiliations, pronoun and role-noun references, and salience.
//!
//! Recipe, one file per step, run in order by [`find`] (`context.rs` holds the document facts
//! and lexicon lookups they all read):
//! 1. `spans.rs`: maximal runs of capitalised tokens that are not titles, pronouns or sentence-
//!    opening common words, joined by "of"/"and" when a gazetteer knows the whole name; each
//!    described by `titles.rs`: honorifics ("Mr", gender) and role phrases before or after the
//!    name, across an apposition comma ("the US Secretary of State, Condoleezza Rice");
//! 2. `tagging.rs`: the learned tagger (`tagger.rs`) decides names and their types from
//!    context; rule spans lend their descriptions, and survive alone only with an honorific or
//!    party tag;
//! 3. `typing.rs`: the tagger's type, with a gazetteer's canonical name where it agrees (a
//!    capital that acts is its government, a party's plural its members); rule spans need
//!    evidence (gazetteers, an honorific, a role or party tag);
//! 4. `merge.rs`: merging by canonical name (places, organisations) or surname (people);
//! 5. `references.rs`: "the Russians" to Russia, role nouns ("the Russian President") and
//!    subject pronouns to the person they stand for, conservatively;
//! 6. `affiliations.rs`: a spokesman's side is his principal's, a person's the one shared by
//!    everyone named alongside;
//! 7. `confidence.rs`: how sure pith is of each actor, from its mentions' probabilities and
//!    evidence, by a logistic model fitted on development data;
//! 8. `salience.rs`: salience from mention counts and position, and the final order.
//!
//! Word lists live next to the step that reads them, or in `words.rs` when two steps share them.

use crate::lexicon::Gender;
use crate::model::ActorKind;

mod affiliations;
pub mod confidence;
mod confidence_weights;
mod context;
mod merge;
mod references;
mod salience;
mod spans;
pub mod tagger;
mod tagger_weights;
mod tagging;
mod titles;
mod typing;
mod words;

use context::Ctx;
use spans::find_spans;

/// The confidence at or above which the demo and `<pith-summary>` show an actor: chosen on the
/// development data (CoNLL testa, GUM dev) so that the actors shown are right, and still
/// several per article (README, "Entities"). [`crate::analyze`] returns every actor with its
/// confidence, so API users may choose their own.
pub const DISPLAY_CONFIDENCE: f64 = 0.8;

/// A mention resolved to an actor, in token coordinates; positions read these.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// Index into [`Actors::list`].
    pub actor: usize,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Whether the mention is a name (not a pronoun or role noun).
    pub named: bool,
}

/// One actor under construction.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Role, as written.
    pub role: Option<String>,
    /// Country or organisation it belongs to.
    pub affiliation: Option<String>,
    /// Known gender.
    pub gender: Option<Gender>,
    /// Named mentions, byte spans.
    pub mentions: Vec<(usize, usize)>,
    /// Pronoun and role-noun references, byte spans.
    pub references: Vec<(usize, usize)>,
    /// Salience in `[0, 1]`.
    pub salience: f64,
    /// How sure pith is that this actor is a real name of the right kind, in [0, 1];
    /// calibrated on the development data.
    pub confidence: f64,
    /// What its mentions say for it, from which `confidence` is computed.
    evidence: confidence::Evidence,
    key: String,
    role_tokens: usize,
    /// The actor this one speaks for ("his spokesman").
    owner: Option<usize>,
}

impl Entity {
    fn new(name: String, kind: ActorKind, key: String) -> Entity {
        Entity {
            name,
            kind,
            role: None,
            affiliation: None,
            gender: None,
            mentions: Vec::new(),
            references: Vec::new(),
            salience: 0.0,
            confidence: 0.0,
            evidence: confidence::Evidence::default(),
            key,
            role_tokens: 0,
            owner: None,
        }
    }
}

/// The actors of a document and the links from token spans to them.
#[derive(Debug, Default)]
pub struct Actors {
    /// Actors, most salient first.
    pub list: Vec<Entity>,
    /// Mentions and references, sorted by first token.
    pub links: Vec<Link>,
}

impl Actors {
    /// Links whose first token is in `range`.
    pub fn links_in(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &Link> {
        let from = self.links.partition_point(|l| l.first < range.start);
        self.links[from..]
            .iter()
            .take_while(move |l| l.first < range.end)
    }
}

/// Finds the actors of `doc`.
pub fn find(doc: &crate::text::Document) -> Actors {
    let cx = Ctx::new(doc);
    let spans = tagging::reconcile(&cx, find_spans(&cx));
    let mut actors = merge::build_entities(&cx, spans);
    references::add_references(&cx, &mut actors);
    affiliations::infer_affiliations(&cx, &mut actors);
    confidence::score(&mut actors);
    salience::finish(&cx, &mut actors);
    actors
}

/// Sorts `v` stably by `key`, as [`crate::util::sort_by_key`] does; mentions and links mostly
/// arrive in text order already, and then there is nothing to do.
fn sort_stable_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    crate::util::sort_by_key(v, key);
}
