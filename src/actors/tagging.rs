//! Step 2, tagging: the learned tagger ([`super::tagger`]) decides which words form names and
//! of what type; the rule spans of step 1 lend their descriptions (titles, roles) where they
//! agree, and survive alone only with strong evidence (an honorific or a party tag before or
//! after the name, a party's members).
//!
//! Every mention of one name gets the type its mentions vote for, weighted by the tagger's
//! probabilities: one clear context ("shares of Magna") types them all, and an article does
//! not show one name as two actors of two kinds.

use super::context::Ctx;
use super::spans::Span;
use super::tagger::{self, Tagged, LABELS, N};
use super::titles::describe_span;
use super::typing::party_members;
use crate::util::FxHashMap as HashMap;

/// The MISC label: names of other things (events, nationalities, products), no actors.
const MISC: usize = 4;
const _: () = assert!(matches!(LABELS[MISC].as_bytes(), b"MISC"));

/// The names of the document: the tagger's, described as step 1 describes its own, plus the
/// rule spans kept on strong evidence, in text order.
pub(super) fn reconcile(cx: &Ctx, rule: Vec<Span>) -> Vec<Span> {
    let doc = cx.doc;
    let tagged = tagger::tag(doc);
    let mut votes: HashMap<String, [f32; N]> = HashMap::default();
    for t in &tagged {
        votes.entry(cx.gazetteer_key(t.first, t.last)).or_default()[t.label] += t.prob;
    }
    let mut out: Vec<Span> = Vec::with_capacity(tagged.len());
    for t in tagged.iter().filter(|t| t.label != MISC) {
        let key = cx.gazetteer_key(t.first, t.last);
        let (label, prob) = voted(&votes, &key, t);
        if label == MISC {
            continue;
        }
        let mut s = match rule.iter().find(|s| s.first == t.first && s.last == t.last) {
            Some(s) => s.clone(),
            None => {
                let range = &doc.sentences[doc.tokens[t.first].sentence].tokens;
                describe_span(cx, t.first, t.last, range.start, range.end)
            }
        };
        s.tag = Some((label, prob));
        out.push(s);
    }
    let overlaps = |s: &Span| {
        tagged
            .iter()
            .any(|t| t.first <= s.last && s.first <= t.last && t.label != MISC)
    };
    for s in rule {
        let titled = s.gender.is_some() || s.party.is_some();
        if (titled || party_members(cx, &s.key)) && !overlaps(&s) {
            out.push(s);
        }
    }
    super::sort_stable_by_key(&mut out, |s| s.first);
    out
}

/// The label the mentions of `key` vote for, and the probability of `t` having it: the
/// vote's share when `t` itself said otherwise.
fn voted(votes: &HashMap<String, [f32; N]>, key: &str, t: &Tagged) -> (usize, f32) {
    let Some(v) = votes.get(key) else {
        return (t.label, t.prob);
    };
    let best = tagger::best(v);
    if best == t.label || best == tagger::O {
        return (t.label, t.prob);
    }
    let total: f32 = v.iter().sum();
    (best, if total > 0.0 { v[best] / total } else { 0.0 })
}
