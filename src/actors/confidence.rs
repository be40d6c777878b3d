//! Step 7, confidence: how sure pith is that an actor is a real name of the kind shown, in
//! `[0, 1]`. A logistic model over a few facts of the actor: its mentions' tagger
//! probabilities, how many there are, whether one is written mid-sentence in running text
//! (where a capital means a name), whether a title or a gazetteer vouches for it, its kind and
//! its length. The weights are fitted by `pith train confidence` on development data (see
//! [`super::confidence_weights`]) against the question a reader asks of a row: is this a
//! person, organisation or place of the text, of this type?

use super::context::Ctx;
use super::spans::Span;
use super::{Actors, Entity};
use crate::model::{ActorKind, SentenceKind};

pub use super::confidence_weights::WEIGHTS;

/// Number of features.
pub const K: usize = 13;

/// The probability given to a name the tagger did not find but a rule did (an honorific, a
/// party tag, a party's members).
const RULE_PROBABILITY: f32 = 0.9;

/// What the mentions of an actor say for it, gathered as they are merged.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// Each named mention's probability: the tagger's, or [`RULE_PROBABILITY`].
    probs: Vec<f32>,
    /// A mention is written capitalised mid-sentence in body text.
    mid_sentence: bool,
    /// An honorific, role or party tag goes with a mention.
    titled: bool,
    /// A gazetteer knows the name.
    known: bool,
    /// A mention is outside headlines and lines in capitals, where capitals say nothing.
    in_running_text: bool,
}

impl Evidence {
    /// Records named mention `s`.
    pub(super) fn add(&mut self, cx: &Ctx, s: &Span) {
        let doc = cx.doc;
        self.probs.push(s.tag.map_or(RULE_PROBABILITY, |(_, p)| p));
        let sentence = &doc.sentences[doc.sentence_of(s.first)];
        self.mid_sentence |= sentence.kind == SentenceKind::Body
            && !cx.is_sentence_initial(s.first)
            && !cx.in_capitals.get(s.first).is_some_and(|&c| c);
        self.in_running_text |=
            sentence.kind == SentenceKind::Body && !cx.in_capitals.get(s.first).is_some_and(|&c| c);
        self.titled |= s.person_evidence || s.role.is_some() || s.party.is_some();
        self.known |= cx.lx.places.contains_key(&s.key) || cx.lx.orgs.contains_key(&s.key);
    }
}

/// The log-odds of `p`, bounded so that one mention cannot decide alone.
fn logit(p: f32) -> f32 {
    let p = p.clamp(0.01, 0.99);
    (p / (1.0 - p)).ln()
}

impl Entity {
    /// The facts the confidence model reads, in [`WEIGHTS`] order (public for `pith train
    /// confidence`).
    pub fn confidence_features(&self) -> [f32; K] {
        let ev = &self.evidence;
        let n = ev.probs.len().max(1) as f32;
        let mean = ev.probs.iter().map(|&p| logit(p)).sum::<f32>() / n;
        let max = ev.probs.iter().map(|&p| logit(p)).fold(f32::MIN, f32::max);
        let flag = |b: bool| if b { 1.0 } else { 0.0 };
        [
            1.0,
            mean,
            if ev.probs.is_empty() { 0.0 } else { max },
            (1.0 + ev.probs.len() as f32).ln(),
            flag(ev.mid_sentence),
            flag(ev.titled),
            flag(ev.known),
            flag(self.kind == ActorKind::Person),
            flag(self.kind == ActorKind::Organization),
            flag(!self.name.contains(' ')),
            flag(self.name.chars().filter(|c| c.is_alphanumeric()).count() <= 3),
            (1.0 + self.references.len() as f32).ln(),
            flag(ev.in_running_text),
        ]
    }
}

/// The confidence of features `x` under weights `w`.
pub fn logistic(w: &[f32; K], x: &[f32; K]) -> f64 {
    let z: f32 = w.iter().zip(x).map(|(a, b)| a * b).sum();
    1.0 / (1.0 + f64::from(-z).exp())
}

/// Sets every actor's confidence, rounded to three places.
pub(super) fn score(actors: &mut Actors) {
    for e in &mut actors.list {
        let c = logistic(&WEIGHTS, &e.confidence_features());
        e.confidence = (c * 1000.0).round() / 1000.0;
    }
}
