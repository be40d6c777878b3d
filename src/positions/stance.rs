//! Stance: what the cue says the holder does (says, supports, opposes, ...), turned by a
//! negation before it.

use super::*;

/// The stance of a row with `cue` in sentence `range`, or `None` when a negation leaves no
/// position ("did not mention", "never warned").
pub(super) fn stance(f: &Finder, range: &Range<usize>, cue: &Cue) -> Option<Stance> {
    let negated = (cue.first.saturating_sub(3)..cue.first)
        .filter(|&k| k >= range.start)
        .any(|k| matches!(f.lower(k), "not" | "n't" | "never"));
    Some(match (cue.stance, negated) {
        (Stance::Supports, true) => Stance::Opposes,
        (Stance::Opposes, true) => Stance::Supports,
        // "do not want to", "never proposed": what someone does not want or propose they
        // oppose, never propose.
        (Stance::Proposes | Stance::Demands | Stance::Offers, true) => Stance::Opposes,
        // "He did not mention other states": saying nothing is not a position; nor is not
        // warning, threatening or rejecting.
        (_, true) => return None,
        (s, _) => s,
    })
}
