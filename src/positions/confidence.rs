//! Confidence: a calibrated probability that a row is right, from a logistic model over the
//! row's own features, and the threshold displays use.

use super::*;
use crate::util::{words, Words};

/// Rows with at least this [`Position::confidence`] are the ones the demo and the
/// `<pith-summary>` widget show; [`analyze`](crate::analyze) keeps every row. Chosen on PolNeAR
/// dev as the lowest threshold at which 92% of the rows shown are right by the strict rule of
/// `pith eval attribution`, to 0.01 (see `pith train positions`; dev P 92.1 / R 52.9 over 941 of
/// 1062 rows).
pub const DISPLAY_CONFIDENCE: f64 = 0.75;

/// How many features [`confidence_features`] gives.
pub const CONFIDENCE_FEATURES: usize = 23;

/// Weights of the confidence model over [`confidence_features`], fitted by
/// `pith train positions --data ../shared/eval/attribution/train --dev
/// ../shared/eval/attribution/dev` (logistic regression on PolNeAR train, a row labelled right
/// by the strict rule of `pith eval attribution`).
// Fitted values: one may come close to a mathematical constant by chance.
#[allow(clippy::approx_constant)]
const CONFIDENCE_WEIGHTS: [f64; CONFIDENCE_FEATURES] = [
    0.4377, 0.4673, 0.1585, -0.8352, -0.6174, 0.9528, -0.3268, -0.0749, -0.2039, 0.4401, 0.4514,
    -0.8056, -0.0190, 0.2490, -0.6052, 0.8596, -0.3848, -0.1918, -0.5529, 0.4297, -0.0160, -0.1256,
    0.0904,
];

/// Plain speech cues, the most reliable ("said", "told", "according to").
const PLAIN_CUES: Words = words![
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "according to",
];

/// The features of a row the confidence model reads, all from the row itself (so a row from
/// any source can be scored): a constant; the claim is the quotation; a quotation inside a
/// reported clause; a quotation continued from the paragraph before; a speaker label ("Name:");
/// a plain speech cue; the stance (supports or opposes; rejects; proposes, demands, offers,
/// warns or threatens; says is the base); the holder resolved to an actor; named through a
/// pronoun; through a role noun; an unresolved plural ("officials"); the claim's length (the
/// square root of its share of the longest, and under five words); the claim's share of the
/// evidence; a one-word holder; a holder that is its own side (an organisation or place); the holder's words inside the claim;
/// a holder opening the sentence; a claim opening in lowercase (a reported clause); an
/// unquoted claim in the first person; an unquoted claim in a sentence with quotation marks.
pub fn confidence_features(p: &Position) -> [f64; CONFIDENCE_FEATURES] {
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let claim_words = p.claim.split_whitespace().count();
    let evidence_words = p.evidence.split_whitespace().count().max(1);
    let quoted = p.quote.as_deref() == Some(p.claim.as_str());
    let cue = p.cue.as_deref().map(crate::case::lowercase);
    let stance = p.stance.unwrap_or(Stance::Says);
    let mention = crate::case::lowercase(p.mention.as_deref().unwrap_or(""));
    let pronoun = matches!(mention.as_str(), "he" | "she" | "they" | "i" | "we" | "it");
    let actor_lower = crate::case::lowercase(&p.actor);
    let first_person = p.claim.split_whitespace().any(|w| {
        matches!(
            w,
            "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "I'm" | "I’m"
        )
    });
    let by_role = p.resolved
        && !pronoun
        && !actor_lower.split_whitespace().any(|w| {
            mention
                .split_whitespace()
                .any(|m| m.trim_end_matches("'s") == w)
        });
    [
        1.0,
        b(quoted),
        b(p.quote.is_some() && !quoted),
        b(cue.is_none()),
        b(cue.as_deref() == Some(":")),
        b(cue.as_deref().is_some_and(|c| PLAIN_CUES.contains(c))),
        b(matches!(stance, Stance::Supports | Stance::Opposes)),
        b(stance == Stance::Rejects),
        b(matches!(
            stance,
            Stance::Proposes | Stance::Demands | Stance::Offers | Stance::Warns | Stance::Threatens
        )),
        b(p.resolved),
        b(pronoun),
        b(by_role),
        b(!p.resolved && actor_lower.ends_with('s')),
        (claim_words.min(MAX_CLAIM) as f64 / MAX_CLAIM as f64).sqrt(),
        b(claim_words < 5),
        (claim_words as f64 / evidence_words as f64).min(1.5),
        b(p.actor.split_whitespace().count() == 1),
        b(p.side.as_deref() == Some(p.actor.as_str())),
        b(!mention.is_empty() && crate::case::lowercase(&p.claim).contains(&mention)),
        b(!mention.is_empty() && crate::case::lowercase(&p.evidence).starts_with(&mention)),
        b(p.claim.starts_with(char::is_lowercase)),
        b(!quoted && first_person),
        b(!quoted && p.evidence.contains(QUOTE_MARKS_CHARS)),
    ]
}

/// The model's probability that row `p` is right, from `weights` over
/// [`confidence_features`].
pub fn confidence_with(p: &Position, weights: &[f64; CONFIDENCE_FEATURES]) -> f64 {
    let z: f64 = confidence_features(p)
        .iter()
        .zip(weights)
        .map(|(x, w)| x * w)
        .sum();
    sigmoid(z)
}

/// The logistic function, with `exp` as (1 + z/2^16)^(2^16) by sixteen squarings (relative
/// error under 0.02% for |z| <= 5): wasm has no `exp` instruction, and the standard one would
/// bring its own code into the module for this one use.
pub fn sigmoid(z: f64) -> f64 {
    let z = z.clamp(-30.0, 30.0);
    let mut e = 1.0 - z / 65536.0;
    for _ in 0..16 {
        e *= e;
    }
    1.0 / (1.0 + e)
}

/// The calibrated probability that row `p` is right: holder and claim as a careful reader
/// would accept them.
pub fn confidence(p: &Position) -> f64 {
    confidence_with(p, &CONFIDENCE_WEIGHTS)
}
