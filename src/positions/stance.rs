//! Stance: what the cue says the holder does (says, supports, opposes, ...), turned by a
//! negation before it.

use super::*;

/// The stance of a row with `cue` in sentence `range`, or `None` when a negation leaves no
/// position ("did not mention", "never warned").
pub(super) fn stance(f: &Finder, range: &Range<usize>, cue: &Cue) -> Option<&'static str> {
    let negated = (cue.first.saturating_sub(3)..cue.first)
        .filter(|&k| k >= range.start)
        .any(|k| matches!(f.lower(k), "not" | "n't" | "never"));
    Some(match (cue.stance, negated) {
        ("supports", true) => "opposes",
        ("opposes", true) => "supports",
        // "do not want to", "never proposed": what someone does not want or propose they
        // oppose, never propose.
        ("proposes" | "demands" | "offers", true) => "opposes",
        // "He did not mention other states": saying nothing is not a position; nor is not
        // warning, threatening or rejecting.
        ("says" | "warns" | "threatens" | "rejects", true) => return None,
        (s, _) => s,
    })
}
