//! Step 5, references: "the Russians" to Russia, subject pronouns and role nouns ("the
//! Russian President") to the person they stand for, conservatively: a role noun needs
//! exactly one candidate.

use super::context::{lex, Ctx};
use super::{Actors, Entity, Link};
use crate::lexicon::Gender;
use crate::model::{ActorKind, SentenceKind};
use crate::text::{Shape, TokenKind};
use crate::util::KeyMap;
use std::ops::Range;

/// At most this many tokens back from a pronoun are searched for its antecedent.
const ANTECEDENT_WINDOW: usize = 400;

/// The person a pronoun at token `at` most likely refers to: among people mentioned earlier in
/// its sentence or in the two sentences before, those of compatible gender, the one mentioned
/// most often in the article (ties: the most recent).
pub(super) fn antecedent(
    cx: &Ctx,
    list: &[Entity],
    links: [&[Link]; 2],
    at: usize,
    gender: Gender,
) -> Option<usize> {
    cx.doc.tokens.get(at)?;
    let si = cx.doc.sentence_of(at);
    // At most ANTECEDENT_WINDOW tokens back, so a run-on "sentence" stays linear.
    let from = cx.doc.sentences[si.saturating_sub(2)]
        .tokens
        .start
        .max(at.saturating_sub(ANTECEDENT_WINDOW));
    // (count, recency, actor)
    let mut best: Option<(usize, usize, usize)> = None;
    // Both link lists are sorted by first token; only the window before `at` is read.
    let window = links.into_iter().flat_map(|ls| {
        let lo = ls.partition_point(|l| l.first < from);
        let hi = ls.partition_point(|l| l.first < at);
        &ls[lo..hi]
    });
    for l in window {
        let e = &list[l.actor];
        if e.kind != ActorKind::Person {
            continue;
        }
        if matches!(gender, Gender::Male | Gender::Female) && e.gender.is_some_and(|g| g != gender)
        {
            continue;
        }
        let count = e.mentions.len() + e.references.len();
        let cand = (count, l.first, l.actor);
        if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
            best = Some(cand);
        }
    }
    best.map(|b| b.2)
}

/// Stage 5.
pub(super) fn add_references(cx: &Ctx, actors: &mut Actors) {
    let mut r = Resolver::new(cx, actors);
    for s in &cx.doc.sentences {
        if s.kind == SentenceKind::Boilerplate {
            continue;
        }
        let range = s.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            i = r.resolve_at(actors, i, &range);
        }
    }
    actors.links = merged_links(&actors.links, &r.new_links);
}

/// What reference resolution needs to know of the named mentions, and the links it adds.
struct Resolver<'c, 'd, 'a> {
    cx: &'c Ctx<'d, 'a>,
    /// Tokens inside a named mention.
    named: Vec<bool>,
    /// Tokens that start one.
    named_start: Vec<bool>,
    /// People by the words of their roles (ASCII-lowercased, as role nouns are compared), so a
    /// role noun looks up its candidates instead of scanning every actor, which made long
    /// texts quadratic (both grow with the text).
    by_role_word: KeyMap<String, Vec<usize>>,
    /// Links of the references found.
    new_links: Vec<Link>,
}

impl<'c, 'd, 'a> Resolver<'c, 'd, 'a> {
    fn new(cx: &'c Ctx<'d, 'a>, actors: &Actors) -> Self {
        let mut named = vec![false; cx.doc.tokens.len()];
        let mut named_start = vec![false; cx.doc.tokens.len()];
        for l in &actors.links {
            named_start[l.first] = true;
            for flag in &mut named[l.first..=l.last] {
                *flag = true;
            }
        }
        let mut by_role_word: KeyMap<String, Vec<usize>> = KeyMap::default();
        for (k, e) in actors.list.iter().enumerate() {
            if let (ActorKind::Person, Some(role)) = (e.kind, e.role.as_deref()) {
                index_role(&mut by_role_word, k, role, true);
            }
        }
        Resolver {
            cx,
            named,
            named_start,
            by_role_word,
            new_links: Vec::new(),
        }
    }

    /// Resolves a reference at token `i` of sentence `range`, if one starts there; returns the
    /// token to go on from.
    fn resolve_at(&mut self, actors: &mut Actors, i: usize, range: &Range<usize>) -> usize {
        let cx = self.cx;
        let lx = cx.lx;
        let t = &cx.doc.tokens[i];
        let lower = cx.lower(i);
        if self.named[i] || t.kind != TokenKind::Word {
            return i + 1;
        }
        let bits = cx.lex(t.lower);
        let people = if bits & lex::PEOPLE != 0 {
            lx.peoples.get(lower)
        } else {
            None
        };
        if let Some(&country) = people {
            self.people_noun(actors, i, range, country);
            return i + 1;
        }
        let pronoun = if bits & lex::PRONOUN != 0 {
            lx.pronouns.get(lower)
        } else {
            None
        };
        if let Some(&g) = pronoun {
            self.subject_pronoun(actors, i, g);
            return i + 1;
        }
        // Role nouns: "The Russian President", "the spokesman".
        if bits & lex::DETERMINER != 0 && lower != "a" && lower != "an" {
            if let Some(h) = self.role_noun(actors, i, range) {
                return h + 1;
            }
        }
        i + 1
    }

    /// "the Russians": a people noun (token `i`) stands for its country.
    fn people_noun(
        &mut self,
        actors: &mut Actors,
        i: usize,
        range: &Range<usize>,
        country: &'static str,
    ) {
        let cx = self.cx;
        let t = &cx.doc.tokens[i];
        if t.shape == Shape::Capitalized && i > range.start && cx.lower(i - 1) == "the" {
            let idx = ensure_place(actors, country);
            actors.list[idx]
                .references
                .push((cx.doc.tokens[i - 1].start, t.end));
            self.new_links.push(Link {
                actor: idx,
                first: i - 1,
                last: i,
                named: false,
            });
        }
    }

    /// Subject pronouns (token `i`, of gender `g`): "He", "she".
    fn subject_pronoun(&mut self, actors: &mut Actors, i: usize, g: Gender) {
        let cx = self.cx;
        let t = &cx.doc.tokens[i];
        if !matches!(cx.lower(i), "he" | "she") {
            return;
        }
        let links = [&actors.links[..], &self.new_links[..]];
        if let Some(a) = antecedent(cx, &actors.list, links, i, g) {
            actors.list[a].references.push((t.start, t.end));
            if actors.list[a].gender.is_none() {
                actors.list[a].gender = Some(g);
            }
            self.new_links.push(Link {
                actor: a,
                first: i,
                last: i,
                named: false,
            });
        }
    }

    /// A role noun after the determiner at token `i` that stands for exactly one person;
    /// returns its head token.
    fn role_noun(&mut self, actors: &mut Actors, i: usize, range: &Range<usize>) -> Option<usize> {
        let cx = self.cx;
        let (j, head, country) = role_phrase_after(cx, i, range);
        let named_at = |k: usize| self.named_start.get(k).copied().unwrap_or(false);
        let followed_by_name = named_at(j) || (cx.punct_is(j, ",") && named_at(j + 1));
        let h = head.filter(|&h| !followed_by_name && h + 1 == j)?;
        let head_word = cx.lower(h).to_ascii_lowercase();
        let matches: Vec<usize> = self
            .by_role_word
            .get(&head_word)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(
                |&k| match (country, actors.list[k].affiliation.as_deref()) {
                    (Some(c), Some(a)) => c == a,
                    _ => true,
                },
            )
            .collect();
        let [a] = matches[..] else {
            return None;
        };
        self.refer_by_role(actors, a, i, h, country);
        Some(h)
    }

    /// Records role noun `i..=h` (naming `country`) as a reference to person `a`.
    fn refer_by_role(
        &mut self,
        actors: &mut Actors,
        a: usize,
        i: usize,
        h: usize,
        country: Option<&'static str>,
    ) {
        let doc = self.cx.doc;
        let e = &mut actors.list[a];
        e.references.push((doc.tokens[i].start, doc.tokens[h].end));
        if e.affiliation.is_none() {
            e.affiliation = country.map(str::to_string);
        }
        // "The Russian President" says more than "President": keep the
        // fuller role when it extends the known one.
        let phrase = doc.slice(doc.tokens[i + 1].start, doc.tokens[h].end);
        if e.role
            .as_deref()
            .is_some_and(|r| phrase.len() > r.len() && phrase.ends_with(r) && !r.contains(" for "))
        {
            if let Some(old) = e.role.replace(phrase.to_string()) {
                index_role(&mut self.by_role_word, a, &old, false);
            }
            index_role(&mut self.by_role_word, a, phrase, true);
        }
        self.new_links.push(Link {
            actor: a,
            first: i,
            last: h,
            named: false,
        });
    }
}

/// The words after the determiner at token `i` that can make a role: the token after them,
/// the last head among them and the last country they name.
fn role_phrase_after(
    cx: &Ctx,
    i: usize,
    range: &Range<usize>,
) -> (usize, Option<usize>, Option<&'static str>) {
    let mut j = i + 1;
    let mut head = None;
    let mut country = None;
    while j < range.end && cx.doc.tokens[j].kind == TokenKind::Word {
        let bits = cx.lex_at(j);
        if bits & lex::HEAD != 0 {
            head = Some(j);
        } else if let Some(c) = cx.country_at(j, bits) {
            country = Some(c);
        } else if bits & lex::MODIFIER == 0 {
            break;
        }
        j += 1;
    }
    (j, head, country)
}

/// Adds person `k` under each word of `role` in `index` (`add`), or removes it.
fn index_role(index: &mut KeyMap<String, Vec<usize>>, k: usize, role: &str, add: bool) {
    for w in role.split_whitespace() {
        let people = index.get_or_insert_with(w.to_ascii_lowercase(), Vec::new);
        match (add, people.iter().position(|&p| p == k)) {
            (true, None) => people.push(k),
            (false, Some(at)) => {
                people.swap_remove(at);
            }
            _ => {}
        }
    }
}

/// `a` and `b` together, stably sorted by first and last token.
fn merged_links(a: &[Link], b: &[Link]) -> Vec<Link> {
    let key = |l: &Link| (l.first, l.last);
    let sorted = |v: &[Link]| v.windows(2).all(|w| key(&w[0]) <= key(&w[1]));
    if !(sorted(a) && sorted(b)) {
        let mut all: Vec<Link> = a.iter().chain(b).copied().collect();
        crate::util::sort_by_key(&mut all, key);
        return all;
    }
    // Both come in text order: a stable merge (ties take `a`'s first) is the stable sort of
    // the two together, in linear time.
    let mut all = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if key(&b[j]) < key(&a[i]) {
            all.push(b[j]);
            j += 1;
        } else {
            all.push(a[i]);
            i += 1;
        }
    }
    all.extend_from_slice(&a[i..]);
    all.extend_from_slice(&b[j..]);
    all
}

/// The entity of place `country`, added when there is none yet.
fn ensure_place(actors: &mut Actors, country: &'static str) -> usize {
    let key = format!("place:{country}");
    if let Some(i) = actors.list.iter().position(|e| e.key == key) {
        return i;
    }
    actors
        .list
        .push(Entity::new(country.to_string(), ActorKind::Place, key));
    actors.list.len() - 1
}
