//! Step 2, tagging: the learned tagger ([`super::tagger`]) decides which words form names and
//! of what type; the rule spans of step 1 lend their descriptions (titles, roles) where they
//! agree, and survive alone only with strong evidence (an honorific or a party tag before or
//! after the name, a party's members).
//!
//! Every mention of one name gets the type its mentions vote for, weighted by the tagger's
//! probabilities: one clear context ("shares of Magna") types them all, and an article does
//! not show one name as two actors of two kinds.

use super::context::{lex, Ctx};
use super::spans::Span;
use super::tagger::{self, Tagged, LABELS, N};
use super::titles::describe_span;
use super::typing::party_members;
use super::words::MONTHS;
use crate::model::SentenceKind;
use crate::text::TokenKind;
use crate::util::KeyMap;
use crate::util::{words, Words};

/// The MISC label: names of other things (events, nationalities, products), no actors.
const MISC: usize = 4;
/// The person label.
const PER: usize = 1;
/// The organisation label.
const ORG: usize = 2;
const _: () = assert!(matches!(LABELS[MISC].as_bytes(), b"MISC"));
const _: () = assert!(matches!(LABELS[PER].as_bytes(), b"PER"));
const _: () = assert!(matches!(LABELS[ORG].as_bytes(), b"ORG"));

/// The names of the document: the tagger's, described as step 1 describes its own, plus the
/// rule spans kept on strong evidence, in text order.
pub(super) fn reconcile(cx: &Ctx, rule: Vec<Span>) -> Vec<Span> {
    let mut tagged: Vec<Tagged> = Vec::new();
    for t in joined(cx, tagger::tag(cx.doc)) {
        whole_names(cx, &t, &mut tagged);
    }
    join_people(&rule, &mut tagged);
    let named = decide(cx, &mut tagged);
    describe(cx, rule, &tagged, &named)
}

/// Gives every name in `tagged` the type its mentions vote for, adds the mentions the tagger
/// missed, and keeps only the actors' names (no MISC). Returns which words are in a name of
/// any label as the tagger saw it: a rule span over them is not kept alone.
///
/// The votes are dropped here, before the spans are described: on an 8 MiB list of names they
/// and the rule spans were the largest things alive at once.
fn decide(cx: &Ctx, tagged: &mut Vec<Tagged>) -> Vec<bool> {
    let mut votes: KeyMap<String, [f32; N]> = KeyMap::default();
    for t in tagged.iter() {
        votes.get_or_insert_with(cx.gazetteer_key(t.first, t.last), Default::default)[t.label] +=
            t.prob;
        // A person's surname alone is that person: "Von der Leyen" after "Ursula von der
        // Leyen", whatever the tagger made of it there.
        if t.label == PER && t.last > t.first {
            votes.get_or_insert_with(cx.gazetteer_key(t.last, t.last), Default::default)[PER] +=
                t.prob;
        }
    }
    propagate(cx, &votes, tagged);
    let mut named = vec![false; cx.doc.tokens.len()];
    for t in tagged.iter().filter(|t| t.label != MISC) {
        named[t.first..=t.last].fill(true);
    }
    let mut kept = 0;
    for k in 0..tagged.len() {
        let mut t = tagged[k];
        if t.label == MISC {
            continue;
        }
        (t.label, t.prob) = voted(&votes, &cx.gazetteer_key(t.first, t.last), &t);
        if t.label != MISC {
            tagged[kept] = t;
            kept += 1;
        }
    }
    tagged.truncate(kept);
    named
}

/// The spans of the names in `tagged` (text order), each described by the rule span of the same
/// words where there is one, else by [`describe_span`], and the rule spans with a title or a
/// party tag over words in no name (`named`), in text order; at the same first word, the
/// tagger's names before the rule spans.
///
/// A tagger's name takes over the rule span of its words rather than a copy, the other rule
/// spans are dropped in place, and only then are the new spans described: on an 8 MiB list of
/// names, 116,000 rule spans of which 10,000 were kept, and 131,000 new ones, were all alive at
/// once before.
fn describe(cx: &Ctx, mut rule: Vec<Span>, tagged: &[Tagged], named: &[bool]) -> Vec<Span> {
    // For each rule span, the tagger's name that takes it over, if any.
    let mut taken = vec![u32::MAX; rule.len()];
    // The names with no rule span of their own to take, by rank in `tagged`.
    let mut fresh: Vec<u32> = Vec::new();
    let mut copies: Vec<Span> = Vec::new();
    let mut keys: Vec<u64> = Vec::new();
    for (rank, t) in tagged.iter().enumerate() {
        match same_words(&rule, t) {
            Some(j) if taken[j] == u32::MAX => taken[j] = rank as u32,
            // Two names of the same words (none are known): the second gets a copy.
            Some(j) => {
                let mut s = rule[j].clone();
                s.tag = Some((t.label, t.prob));
                copies.push(s);
                keys.push(order_key(t.first, false, rank));
            }
            None => fresh.push(rank as u32),
        }
    }
    let mut kept_keys: Vec<u64> = Vec::new();
    let mut kept = 0;
    for (k, &by) in taken.iter().enumerate() {
        let s = &mut rule[k];
        let key = if let Some(t) = tagged.get(by as usize) {
            s.tag = Some((t.label, t.prob));
            order_key(s.first, false, by as usize)
        } else if (s.gender.is_some() || s.party.is_some() || party_members(cx, &s.key))
            && !named[s.first..=s.last].contains(&true)
        {
            order_key(s.first, true, k)
        } else {
            continue;
        };
        kept_keys.push(key);
        rule.swap(kept, k);
        kept += 1;
    }
    drop(taken);
    rule.truncate(kept);
    rule.shrink_to_fit();
    rule.reserve_exact(fresh.len() + copies.len());
    rule.append(&mut copies);
    kept_keys.append(&mut keys);
    for rank in fresh {
        let t = &tagged[rank as usize];
        let range = &cx.doc.sentences[cx.doc.sentence_of(t.first)].tokens;
        let mut s = describe_span(cx, t.first, t.last, range.start, range.end);
        s.tag = Some((t.label, t.prob));
        rule.push(s);
        kept_keys.push(order_key(t.first, false, rank as usize));
    }
    crate::util::sort_by_keys(&mut rule, &kept_keys);
    rule
}

/// The index of the rule span over the same words as `t`, if any (`rule` is in text order).
fn same_words(rule: &[Span], t: &Tagged) -> Option<usize> {
    let lo = rule.partition_point(|s| s.first < t.first);
    rule[lo..]
        .iter()
        .take_while(|s| s.first == t.first)
        .position(|s| s.last == t.last)
        .map(|k| lo + k)
}

/// The sort key of a span in [`describe`]'s result: by first word, then the tagger's names (in
/// their order) before the rule spans kept alone (in theirs).
fn order_key(first: usize, alone: bool, rank: usize) -> u64 {
    (first as u64) << 32 | u64::from(alone) << 31 | rank as u64 & 0x7FFF_FFFF
}

/// Punctuation that can stand inside a name: "AT&T", "Wi-Fi", "U.S.", "O'Neill".
const INSIDE: Words = words!["&", "-", ".", "'", "’"];
/// Plural nouns whose possessive begins an institution's name: "the People's Liberation Army",
/// "Children's Hospital". Any other possessive ends a name: "Stanford University's Center",
/// "Parata's iwi".
const POSSESSIVE_PLURALS: Words = words![
    "people", "children", "women", "men", "workers", "veterans", "citizens", "farmers", "nations",
    "writers", "teachers", "soldiers", "traders", "sailors", "builders", "voters",
];
/// First words of names of things, not actors: parts of texts ("Article III", "Title IX") and
/// storms ("Hurricane Katrina", "Cyclone Idai").
const THING_FIRST_WORDS: Words = words![
    "article",
    "title",
    "section",
    "chapter",
    "clause",
    "amendment",
    "annex",
    "schedule",
    "paragraph",
    "hurricane",
    "cyclone",
    "typhoon",
    "storm",
];
/// Lowercase words inside a person's name: "Ursula von der Leyen", "Osama bin Laden". Any other
/// ("Mario Lucero and Isabel Ruiz") separates two names.
pub(super) const PARTICLES: Words = words![
    "von", "van", "der", "den", "de", "du", "da", "di", "del", "della", "dos", "la", "le", "bin",
    "ibn", "al", "el", "ten", "ter",
];

/// The names in tagged span `t`, pushed to `out`: split at punctuation no name holds inside
/// ("Magna, Johnson Controls" is two), without punctuation at either end, without an
/// honorific or, for a person, a title before the name ("Mr Trump", "Judge Olga Ruiz": the
/// rules of step 1 record those as evidence and role), and never a single letter.
fn whole_names(cx: &Ctx, t: &Tagged, out: &mut Vec<Tagged>) {
    let doc = cx.doc;
    let is_punct = |i: usize| doc.tokens[i].kind == crate::text::TokenKind::Punct;
    // Asked once, not per "and": the span may be a megabyte long.
    let known_whole = (t.first..=t.last).any(|k| matches!(cx.lower(k), "and" | "or"))
        && cx.is_known(t.first, t.last);
    let mut start = t.first;
    while start <= t.last {
        let mut end = start;
        let inside = |k: usize| {
            INSIDE.contains(cx.lower(k))
                || (matches!(cx.lower(k), "'s" | "’s")
                    && k > t.first
                    && POSSESSIVE_PLURALS.contains(cx.lower(k - 1)))
        };
        let separates = |k: usize| {
            (is_punct(k) && !inside(k))
                || (matches!(cx.lower(k), "and" | "or") && !known_whole)
                || (t.label == PER
                    && doc.tokens[k].shape == crate::text::Shape::Lower
                    && !PARTICLES.contains(cx.lower(k)))
        };
        while end < t.last && !separates(end + 1) {
            end += 1;
        }
        let (mut first, mut last) = (start, end);
        start = end + 1;
        while start <= t.last && separates(start) {
            start += 1;
        }
        // A name starts and ends with a word in capitals or a number: "Milan from", "of
        // State John Kerr" and "his colleagues" are the tagger running over.
        let lower = |i: usize| doc.tokens[i].shape == crate::text::Shape::Lower;
        while first < last && (is_punct(last) || lower(last)) {
            last -= 1;
        }
        let title = |i: usize| {
            let bits = cx.lex_at(i);
            bits & lex::HONORIFIC != 0
                || (t.label == PER && bits & (lex::HEAD | lex::MODIFIER | lex::COUNTRY) != 0)
        };
        while first < last && (is_punct(first) || title(first) || lower(first)) {
            first += 1;
        }
        let letters = doc
            .slice(doc.tokens[first].start, doc.tokens[last].end)
            .chars();
        if is_punct(first)
            || title(first)
            || lower(first)
            || letters.filter(|c| c.is_alphabetic()).count() < 2
        {
            continue;
        }
        if THING_FIRST_WORDS.contains(cx.lower(first))
            || !said_as_name(cx, first, last)
            || in_code(cx, first, last)
        {
            continue;
        }
        out.push(Tagged { first, last, ..*t });
    }
}

/// Whether words `first..=last` are glued to a code around them, as in a ticker ("US10YT=RR")
/// or an identifier: a touching neighbour with a digit or a symbol no name holds.
fn in_code(cx: &Ctx, first: usize, last: usize) -> bool {
    let doc = cx.doc;
    let code = |k: usize| {
        let w = doc.token_text(&doc.tokens[k]);
        w.chars()
            .any(|c| c.is_ascii_digit() || "=/_+#@$%".contains(c))
    };
    (first > 0 && doc.tokens[first - 1].end == doc.tokens[first].start && code(first - 1))
        || (last + 1 < doc.tokens.len()
            && doc.tokens[last].end == doc.tokens[last + 1].start
            && code(last + 1))
}

/// Whether words `first..=last` are a name as written. In a headline or a line in capitals
/// ("ORAL ARGUMENT OF ELIZABETH PRELOGAR", "HUNTER") capitals say nothing, so there the words
/// must be a name the gazetteers know, follow an honorific, or be written capitalised
/// mid-sentence in the body of the document too.
fn said_as_name(cx: &Ctx, first: usize, last: usize) -> bool {
    let doc = cx.doc;
    let headline = doc.sentences[doc.sentence_of(first)].kind == SentenceKind::Headline;
    let capitals = (first..=last).any(|i| cx.in_capitals.get(i).is_some_and(|&c| c));
    if !(headline || capitals) {
        return true;
    }
    let titled = first > 0 && cx.lex_at(first - 1) & lex::HONORIFIC != 0;
    let in_body = (first..=last).all(|i| {
        let t = &doc.tokens[i];
        t.kind != TokenKind::Word
            || (cx.lex(t.lower) & lex::BODY_CAPS != 0
                && !doc.lang.is_some_and(|l| l.is_stopword(cx.lower(i))))
    });
    titled || in_body || cx.is_known(first, last)
}

/// The tagger's spans with the pieces of one name joined: a span grows over tokens it touches
/// without a space ("PG" and "&E" are "PG&E"); two spans one space apart, or joined by a
/// particle ("Ursula" von der "Leyen"), are one name, with the type of its last piece, the
/// head of an English name ("Pacific" and "Gas & Electric Co" are one company).
fn joined(cx: &Ctx, tagged: Vec<Tagged>) -> Vec<Tagged> {
    let doc = cx.doc;
    let same_sentence = |a: usize, b: usize| doc.sentence_of(a) == doc.sentence_of(b);
    let touching = |a: usize, b: usize| {
        b < doc.tokens.len()
            && same_sentence(a, b)
            && doc.tokens[a].end == doc.tokens[b].start
            && !matches!(
                cx.lower(b),
                "'s" | "’s" | "," | ";" | ":" | "(" | ")" | "\""
            )
    };
    let caps = |i: usize| cx.in_capitals.get(i).is_some_and(|&c| c);
    let titled = |i: usize| cx.lex_at(i) & (lex::HONORIFIC | lex::HEAD | lex::MODIFIER) != 0;
    let mut out: Vec<Tagged> = Vec::with_capacity(tagged.len());
    for mut t in tagged {
        while t.first > 0
            && touching(t.first - 1, t.first)
            && doc.tokens[t.first - 1].kind != TokenKind::Punct
        {
            t.first -= 1;
        }
        while touching(t.last, t.last + 1)
            && (doc.tokens[t.last + 1].kind != TokenKind::Punct || touching(t.last + 1, t.last + 2))
        {
            t.last += 1;
        }
        if t.label == PER && month_surname(cx, t.last + 1) {
            t.last += 1;
        }
        if let Some(prev) = out.last_mut() {
            let between = prev.last + 1..t.first;
            let gap = doc.slice(doc.tokens[prev.last].end, doc.tokens[t.first].start);
            let particles = between.clone().all(|k| PARTICLES.contains(cx.lower(k)));
            let close = prev.last < t.first
                && same_sentence(prev.last, t.first)
                && !gap.contains('\n')
                && ((between.is_empty() && gap == " ") || (!between.is_empty() && particles))
                // A demonym opens an organisation's name ("Palestinian Authority"), no other.
                && (prev.label != MISC || t.label == ORG)
                && t.label != MISC
                // A heading in capitals ends where the body text starts: "OKAFOR VISITS" and
                // "Jane Okafor" are two.
                && caps(prev.last) == caps(t.first)
                // A title between two names is no part of either: "Commission" and
                // "President Greta Berg" are an organisation and a person.
                && !titled(t.first)
                && !titled(prev.last);
            // Overlapping after growing over touching tokens: one name, of the first piece's
            // type unless that said no actor.
            let overlap = prev.last >= t.first;
            if close || overlap {
                if close || prev.label == MISC {
                    prev.label = t.label;
                }
                prev.last = prev.last.max(t.last);
                prev.prob = prev.prob.min(t.prob);
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// Whether token `i`, right after a person's name, is a surname that is also a month
/// ("Theresa May", "Brian May"): capitalised, one space after, and no day number after it.
/// The tagger, reading "may" as a modal and a stopword, ends the name before it.
fn month_surname(cx: &Ctx, i: usize) -> bool {
    let doc = cx.doc;
    let Some(t) = doc.tokens.get(i) else {
        return false;
    };
    let also_name = MONTHS.iter().any(|&(m, name)| name && m == cx.lower(i));
    also_name
        && t.shape == crate::text::Shape::Capitalized
        && doc.sentence_of(i - 1) == doc.sentence_of(i)
        && doc.slice(doc.tokens[i - 1].end, t.start) == " "
        && doc
            .tokens
            .get(i + 1)
            .is_none_or(|n| n.kind != TokenKind::Number)
}

/// Joins the tagged pieces of a person's name that the rules found whole with evidence ("Its
/// chairman, Syd Millar", where the tagger read "Syd" as a place and "Millar" as a person):
/// pieces that exactly tile such a rule span become one person's name.
fn join_people(rule: &[Span], tagged: &mut Vec<Tagged>) {
    // Both lists are in text order: each rule span looks only at the tagged spans from its
    // first token on, so the pass stays linear on a megabyte of names.
    let mut removed = vec![false; tagged.len()];
    for s in rule
        .iter()
        .filter(|s| s.person_evidence && s.last > s.first)
    {
        let from = tagged.partition_point(|t| t.first < s.first);
        let inside: Vec<usize> = (from..tagged.len())
            .take_while(|&k| tagged[k].first <= s.last)
            .filter(|&k| !removed[k] && tagged[k].last <= s.last)
            .collect();
        let tiles = inside.len() >= 2
            && tagged[inside[0]].first == s.first
            && tagged[inside[inside.len() - 1]].last == s.last
            && inside
                .windows(2)
                .all(|w| tagged[w[1]].first == tagged[w[0]].last + 1);
        if !tiles {
            continue;
        }
        let prob = inside.iter().map(|&k| tagged[k].prob).sum::<f32>() / inside.len() as f32;
        tagged[inside[0]] = Tagged {
            first: s.first,
            last: s.last,
            label: PER,
            prob,
        };
        for &k in &inside[1..] {
            removed[k] = true;
        }
    }
    let mut k = 0;
    tagged.retain(|_| {
        k += 1;
        !removed[k - 1]
    });
}

/// How much less sure a mention found by [`propagate`] is than the mentions it copies.
const PROPAGATED: f32 = 0.8;

/// Adds the mentions the tagger missed of names it found elsewhere in the document: the same
/// words in capitals ("Magna" in a headline or at a sentence start), and a person's surname
/// alone ("Mr Lomason ... Lomason said"). Words already in a name, of any label, are left.
fn propagate(cx: &Ctx, votes: &KeyMap<String, [f32; N]>, tagged: &mut Vec<Tagged>) {
    let doc = cx.doc;
    let mut covered = vec![false; doc.tokens.len()];
    for t in tagged.iter() {
        covered[t.first..=t.last].fill(true);
    }
    // Names by their first word: (words, label, probability).
    let mut by_first: KeyMap<u32, Vec<(usize, usize, f32)>> = KeyMap::default();
    let mut add = |first: u32, n: usize, label: usize, prob: f32| {
        let v = by_first.get_or_insert_with(first, Vec::new);
        if !v.iter().any(|e| e.0 == n) {
            v.push((n, label, prob));
        }
    };
    for t in tagged.iter().filter(|t| t.label != MISC) {
        let Some(v) = votes.get(&cx.gazetteer_key(t.first, t.last)) else {
            continue;
        };
        let label = tagger::best(v);
        if label == MISC || label == tagger::O {
            continue;
        }
        let share = v[label] / v.iter().sum::<f32>().max(f32::MIN_POSITIVE);
        add(
            doc.tokens[t.first].lower,
            t.last - t.first + 1,
            label,
            share * PROPAGATED,
        );
        if label == PER && t.last > t.first {
            add(doc.tokens[t.last].lower, 1, label, share * PROPAGATED);
        }
    }
    for v in by_first.values_mut() {
        crate::util::sort_by(v, |a, b| b.0.cmp(&a.0));
    }
    let mut found = Vec::new();
    for s in &doc.sentences {
        if s.kind == crate::model::SentenceKind::Boilerplate {
            continue;
        }
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let t = &doc.tokens[i];
            let candidates = (!covered[i] && t.shape != crate::text::Shape::Lower)
                .then(|| by_first.get(&t.lower))
                .flatten();
            let hit = candidates.and_then(|c| {
                c.iter().find(|&&(n, _, _)| {
                    let last = i + n - 1;
                    last < s.tokens.end
                        && !covered[i..=last].contains(&true)
                        && (1..n).all(|k| doc.tokens[i + k].shape != crate::text::Shape::Lower)
                        && (n > 1 || !in_longer_name(cx, i, s.tokens.clone()))
                        && (n == 1 || votes.contains_key(&cx.gazetteer_key(i, last)))
                })
            });
            match hit {
                Some(&(n, label, prob)) => {
                    found.push(Tagged {
                        first: i,
                        last: i + n - 1,
                        label,
                        prob,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    tagged.extend(found);
    super::sort_stable_by_key(tagged, |t| t.first);
}

/// Whether word `i` has a word in capitals right before or after it in its sentence `range`:
/// then it is part of a longer name ("Johnson Controls"), not the one-word name it spells.
fn in_longer_name(cx: &Ctx, i: usize, range: std::ops::Range<usize>) -> bool {
    let caps = |k: usize| {
        range.contains(&k)
            && cx.doc.tokens[k].kind == crate::text::TokenKind::Word
            && cx.doc.tokens[k].shape != crate::text::Shape::Lower
    };
    (i > 0 && caps(i - 1)) || caps(i + 1)
}

/// The label the mentions of `key` vote for, and the probability of `t` having it: the
/// vote's share when `t` itself said otherwise.
fn voted(votes: &KeyMap<String, [f32; N]>, key: &str, t: &Tagged) -> (usize, f32) {
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
