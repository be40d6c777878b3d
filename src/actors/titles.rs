//! Step 2, titles: what the words around a name span say of it: honorifics ("Mr", gender),
//! role phrases before or after it, across an apposition comma ("the US Secretary of State,
//! Condoleezza Rice"), party tags, ages and speech verbs, all evidence of a person.

use super::context::{lex, Ctx};
use super::spans::Span;
use crate::text::{Shape, TokenKind};
use crate::util::{words, Words};

/// Possessives before a role that make it someone else's servant: "his spokesman".
const POSSESSIVES: Words = words!["his", "her", "its", "their"];

/// A role phrase: its first token, its text and the country it names.
type Role = (usize, String, Option<&'static str>);

/// The span `first..=last` of the sentence `lo..hi`, with what its context says of it.
pub(super) fn describe_span(cx: &Ctx, first: usize, last: usize, lo: usize, hi: usize) -> Span {
    let mut span = Span {
        first,
        last,
        key: cx.gazetteer_key(first, last),
        role: None,
        possessor: None,
        gender: None,
        person_evidence: false,
        party: None,
        tag: None,
    };
    let k = honorifics_before(cx, &mut span, lo);
    if let Some(role) = role_before(cx, k, lo).or_else(|| role_after(cx, last, hi)) {
        take_role(cx, &mut span, role, lo);
    }
    if let Some(p) = party_tag(cx, last) {
        span.party = Some(p);
        span.person_evidence = true;
    }
    span.person_evidence |=
        has_age(cx, last) || speech_cue(cx, first, last, lo, hi) || apposition_cue(cx, last, hi);
    span
}

/// Honorifics directly before: "Mr", "Ms", "Dr.". Records them in `span` and returns the
/// first token of the honorifics (the span's first when there are none).
fn honorifics_before(cx: &Ctx, span: &mut Span, lo: usize) -> usize {
    let mut k = span.first;
    while k > lo {
        let prev = k - 1;
        if cx.punct_is(prev, ".") {
            k = prev;
            continue;
        }
        let honorific = if cx.lex_at(prev) & lex::HONORIFIC != 0 {
            cx.lx.honorifics.get(cx.lower(prev))
        } else {
            None
        };
        match honorific {
            Some(g) if cx.tok(prev).is_some_and(|t| t.shape != Shape::Lower) => {
                span.person_evidence = true;
                span.gender = span.gender.or(*g);
                k = prev;
            }
            _ => break,
        }
    }
    k
}

/// A role before token `k`, possibly across an apposition comma.
fn role_before(cx: &Ctx, k: usize, lo: usize) -> Option<Role> {
    if k <= lo {
        return None;
    }
    let mut best = if let Some(r) = cx.role_ending_at(k - 1, lo) {
        Some(r)
    } else if cx.punct_is(k - 1, ",") && k >= lo + 2 {
        cx.role_ending_at(k - 2, lo)
    } else {
        None
    };
    if let Some((rf, _, _)) = &best {
        // "the Defence Minister, Minister Anatoly Serdyukov": prefer the fuller role.
        if *rf >= lo + 2 && cx.punct_is(rf - 1, ",") {
            if let Some(r2) = cx.role_ending_at(rf - 2, lo) {
                if r2.1.len() > best.as_ref().map_or(0, |b| b.1.len()) {
                    best = Some(r2);
                }
            }
        }
    }
    best
}

/// A role after: "Sergei Lavrov, the Russian Foreign Minister,".
fn role_after(cx: &Ctx, last: usize, hi: usize) -> Option<Role> {
    if !cx.punct_is(last + 1, ",") {
        return None;
    }
    let mut j = last + 2;
    if j < hi && cx.lex_at(j) & lex::DETERMINER != 0 {
        j += 1;
    }
    let mut e = j;
    while e < hi && cx.tok(e).is_some_and(|t| t.kind == TokenKind::Word) {
        let bits = cx.lex_at(e);
        if bits & (lex::HEAD | lex::MODIFIER | lex::COUNTRY) != 0 || cx.lower(e) == "of" {
            e += 1;
        } else {
            break;
        }
    }
    if e <= j {
        return None;
    }
    cx.role_ending_at(e - 1, j).filter(|r| r.0 == j)
}

/// Records `role` in `span`: evidence of a person, maybe someone's servant, maybe a party's.
fn take_role(cx: &Ctx, span: &mut Span, (rf, text, country): Role, lo: usize) {
    span.person_evidence = true;
    if rf > lo && POSSESSIVES.contains(cx.lower(rf - 1)) {
        span.possessor = Some(rf - 1);
    }
    let tokens = text.split_whitespace().count();
    span.party = text
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .find_map(|w| cx.lx.party_of(w));
    span.role = Some((text, country, tokens));
}

/// A party tag after the name: "Paul Ryan (R-Wis.)", "Ted Cruz, R-Texas,".
fn party_tag(cx: &Ctx, last: usize) -> Option<&'static str> {
    if (cx.punct_is(last + 1, "(") || cx.punct_is(last + 1, ","))
        && cx.punct_is(last + 3, "-")
        && cx.tok(last + 2).is_some_and(|t| t.shape != Shape::Lower)
    {
        return cx.lx.party_initials.get(cx.lower(last + 2)).copied();
    }
    None
}

/// An age in apposition: "Sue Seedorff-Keninger, 62," or "Dean Johnson, a 55-year-old".
fn has_age(cx: &Ctx, last: usize) -> bool {
    let mut age = last + 2;
    if matches!(cx.lower(age), "a" | "an") {
        age += 1;
    }
    cx.punct_is(last + 1, ",")
        && cx.tok(age).is_some_and(|t| t.kind == TokenKind::Number)
        && (cx.punct_is(age + 1, ",") || (cx.punct_is(age + 1, "-") && cx.lower(age + 2) == "year"))
}

/// Whether token `k` is a speech verb.
fn is_cue_verb(cx: &Ctx, k: usize) -> bool {
    cx.lex_at(k) & lex::CUE_VERB != 0
}

/// A speech verb right after the name, or "said" right before it (across titles: "said
/// Marquette pollster Charles Franklin").
fn speech_cue(cx: &Ctx, first: usize, last: usize, lo: usize, hi: usize) -> bool {
    let mut before = first;
    while before > lo && first - before < 6 && {
        let t = &cx.doc.tokens[before - 1];
        let l = cx.lower(before - 1);
        t.shape == Shape::Capitalized
            || t.shape == Shape::Upper
            || cx.lex(t.lower) & (lex::HEAD | lex::MODIFIER) != 0
            || l == "."
            || t.kind == TokenKind::Number
            || l.starts_with(|c: char| c.is_ascii_digit())
    } {
        before -= 1;
    }
    is_cue_verb(cx, last + 1) || (before > lo && is_cue_verb(cx, before - 1) && first < hi)
}

/// "Peter Morency, who ...", or an apposition followed by a speech verb: "Peter Morency, a
/// Verizon customer based in Boston, said".
fn apposition_cue(cx: &Ctx, last: usize, hi: usize) -> bool {
    if !cx.punct_is(last + 1, ",") {
        return false;
    }
    if cx.lower(last + 2) == "who" {
        return true;
    }
    let Some(close) =
        (last + 2..hi.min(last + 26)).find(|&k| cx.punct_is(k, ",") || cx.punct_is(k, ";"))
    else {
        return false;
    };
    let mut v = close + 1;
    while v < hi && matches!(cx.lower(v), "also" | "later" | "then" | "has" | "had") {
        v += 1;
    }
    cx.punct_is(close, ",") && is_cue_verb(cx, v)
}

impl Ctx<'_, '_> {
    /// A role phrase ending at token `end` (inclusive): modifiers, adjectives, country names,
    /// "of" and at least one head. Returns (first token, text, country).
    fn role_ending_at(&self, end: usize, floor: usize) -> Option<Role> {
        let mut i = end as isize;
        let mut first = None;
        let mut has_head = false;
        let mut country = None;
        while i >= floor as isize {
            let k = i as usize;
            let t = &self.doc.tokens[k];
            let lower = self.lower(k);
            let bits = self.lex(t.lower);
            let is_head = bits & lex::HEAD != 0;
            let ok = t.kind == TokenKind::Word
                && (is_head
                    || bits & lex::MODIFIER != 0
                    || (lower == "of" && first.is_some())
                    || bits & lex::COUNTRY != 0);
            if !ok {
                break;
            }
            if lower != "of" {
                if let Some(c) = self.country_at(k, bits) {
                    country = Some(c);
                }
            }
            has_head |= is_head;
            first = Some(k);
            i -= 1;
        }
        let first = first?;
        if !has_head || self.lower(first) == "of" {
            return None;
        }
        // A role must end in a head or "of X" ("Secretary of State"), not a bare modifier.
        let text = self
            .doc
            .slice(self.doc.tokens[first].start, self.doc.tokens[end].end);
        Some((first, text.to_string(), country))
    }
}
