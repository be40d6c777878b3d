//! Step 4, merging: typed spans become entities, places and organisations by canonical name,
//! people by surname; each mention is linked to its entity, and a role that belongs to
//! someone ("his spokesman") is given its owner.

use super::context::{lex, Ctx};
use super::references::antecedent;
use super::spans::Span;
use super::typing::{Decision, Typed, Typing};
use super::{sort_stable_by_key, Actors, Entity, Link};
use crate::lexicon::Gender;
use crate::model::ActorKind;
use crate::util::KeyMap;
use crate::util::{words, Words};

/// Generational suffixes that end a person's name without being the surname.
const NAME_SUFFIXES: Words = words!["jr", "sr", "ii", "iii", "iv"];

/// Stages 3 and 4.
pub(super) fn build_entities(cx: &Ctx, spans: Vec<Span>) -> Actors {
    let typing = Typing::new(cx, &spans);
    // Of each span, only the kind and last token typing gives it are kept for the fuller
    // names; the decision is made again as the span is merged. Keeping every decision (a name,
    // a key and an affiliation per mention) until the merge held 20 MiB of wasm memory for
    // 8 MiB of articles.
    let kinds: Vec<Option<(ActorKind, usize)>> = spans
        .iter()
        .map(|s| match typing.decide(s) {
            Decision::Typed(t) => Some((t.kind, t.last)),
            Decision::Drop => None,
        })
        .collect();
    let fuller = fuller_names(cx, &spans, &kinds);
    let mut merger = Merger {
        cx,
        out: Actors::default(),
        by_key: KeyMap::default(),
        people: KeyMap::default(),
        pending_possessors: Vec::new(),
    };
    for ((s, kind), whole) in spans.iter().zip(&kinds).zip(fuller) {
        let Some((_, last)) = kind else {
            continue;
        };
        if let Decision::Typed(t) = typing.decide(s) {
            merger.add(s, t, whole.unwrap_or((s.first, *last)));
        }
    }
    merger.finish()
}

/// For each span typed a person (`kinds`: the kind and last token of each span kept), the
/// tokens of the one fuller person's name that starts with its words, if exactly one does:
/// "Te Kaurinui" and "Te Kaurinui Robert" are "Te Kaurinui Robert Parata", and "Amy" is "Amy
/// Churchwell", where no other Amy is named. Grouping people by surname alone would make each
/// a person of its own.
fn fuller_names(
    cx: &Ctx,
    spans: &[Span],
    kinds: &[Option<(ActorKind, usize)>],
) -> Vec<Option<(usize, usize)>> {
    let words = |first: usize, last: usize| -> Vec<&str> {
        (first..=last)
            .filter(|&k| cx.doc.tokens[k].kind == crate::text::TokenKind::Word)
            .map(|k| cx.lower(k))
            .collect()
    };
    // Each distinct person's name, with the tokens of its first mention, sorted by its words:
    // the names that begin with a name then follow it, together. (A scan of every name for
    // each mention was quadratic: 1 MB of capitalised names took 19 times as long as 100 KB.)
    let mut names: Vec<(Vec<&str>, (usize, usize))> = spans
        .iter()
        .zip(kinds)
        .filter_map(|(s, k)| match k {
            Some((ActorKind::Person, last)) => Some((words(s.first, *last), (s.first, *last))),
            _ => None,
        })
        .collect();
    crate::util::sort_by(&mut names, |a, b| a.0.cmp(&b.0));
    names.dedup_by(|later, first| later.0 == first.0);
    // breaks[i]: how many of the names before i are not a start of the name after them.
    let mut breaks = vec![0u32; names.len()];
    for i in 1..names.len() {
        breaks[i] = breaks[i - 1] + u32::from(!names[i].0.starts_with(&names[i - 1].0));
    }
    spans
        .iter()
        .zip(kinds)
        .map(|(s, k)| {
            let Some((ActorKind::Person, last)) = k else {
                return None;
            };
            let w = words(s.first, *last);
            if w.is_empty() {
                return None;
            }
            // The names longer than `w` that start with it: after `w` itself, up to the first
            // that does not start with it.
            let at = names.partition_point(|(n, _)| n.as_slice() < w.as_slice());
            let lo = at + usize::from(names.get(at).is_some_and(|(n, _)| *n == w));
            let end = lo + names[lo..].partition_point(|(n, _)| n.starts_with(&w));
            // One name, or a chain of them ("Te Kaurinui Robert", then "... Parata"), each a
            // start of the next: the longest.
            (end > lo && breaks[end - 1] == breaks[lo]).then(|| names[end - 1].1)
        })
        .collect()
}

/// The entities built so far and the indexes that find them.
struct Merger<'c, 'd, 'a> {
    cx: &'c Ctx<'d, 'a>,
    out: Actors,
    /// Entity of each place, group and organisation key.
    by_key: KeyMap<String, usize>,
    /// People by surname: (given name, entity).
    people: KeyMap<String, Vec<(Option<String>, usize)>>,
    /// (entity, token of the possessive) of roles that belong to someone ("his spokesman").
    pending_possessors: Vec<(usize, usize)>,
}

impl Merger<'_, '_, '_> {
    /// Adds span `s`, typed as `typed`, as a mention of its entity; a person is found by the
    /// name at tokens `whole` (the span's own, or the fuller name it begins).
    fn add(&mut self, s: &Span, typed: Typed, whole: (usize, usize)) {
        let cx = self.cx;
        let doc = cx.doc;
        let Typed {
            key,
            kind,
            name,
            affiliation,
            last,
        } = typed;
        let idx = if kind == ActorKind::Person {
            person_index(cx, s, whole, &mut self.people, &mut self.out.list, &name)
        } else {
            let list = &mut self.out.list;
            *self.by_key.get_or_insert_with(key.clone(), || {
                list.push(Entity::new(name.clone(), kind, key));
                list.len() - 1
            })
        };
        self.out.list[idx].absorb(s, kind, name, affiliation);
        self.out.list[idx].evidence.add(cx, s);
        let start_tok = mention_start(cx, s.first);
        self.out.list[idx]
            .mentions
            .push((doc.tokens[start_tok].start, doc.tokens[last].end));
        self.out.links.push(Link {
            actor: idx,
            first: start_tok,
            last,
            named: true,
        });
        if let Some(p) = s.possessor {
            self.pending_possessors.push((idx, p));
        }
    }

    /// The actors, links in text order, roles given their owners.
    fn finish(mut self) -> Actors {
        let cx = self.cx;
        let out = &mut self.out;
        sort_stable_by_key(&mut out.links, |l| l.first);
        // "his spokesman, Dmitry Peskov": the role belongs to the person "his" refers to.
        for (idx, tok) in self.pending_possessors {
            if let Some(owner) = antecedent(cx, &out.list, [&out.links, &[]], tok, Gender::Male)
                .filter(|&o| o != idx)
            {
                let owner_name = out.list[owner].name.clone();
                let e = &mut out.list[idx];
                if let Some(r) = &e.role {
                    if !r.contains(" for ") {
                        e.role = Some(format!("{r} for {owner_name}"));
                    }
                }
                e.owner = Some(owner);
            }
        }
        self.out
    }
}

impl Entity {
    /// Takes in what a mention (span `s`, named `name`) says of the entity: a fuller person's
    /// name, affiliation, gender, the longest role, a party.
    fn absorb(&mut self, s: &Span, kind: ActorKind, name: String, affiliation: Option<String>) {
        if kind == ActorKind::Person
            && name.split_whitespace().count() > self.name.split_whitespace().count()
        {
            self.name = name;
        }
        self.affiliation = self.affiliation.take().or(affiliation);
        self.gender = self.gender.or(s.gender);
        // A place holds no office: "Israeli President" before "Israel" is someone else's role.
        let role = s.role.as_ref().filter(|_| kind != ActorKind::Place);
        if let Some((role, country, n)) = role {
            if *n > self.role_tokens {
                self.role = Some(role.clone());
                self.role_tokens = *n;
            }
            if let Some(c) = country {
                self.affiliation = Some(c.to_string());
            }
        }
        if self.affiliation.is_none() {
            self.affiliation = s.party.map(str::to_string);
        }
    }
}

/// The first token of the mention of a name starting at `first`: the mention as written
/// includes the honorific ("Mr Putin") but not the role.
fn mention_start(cx: &Ctx, first: usize) -> usize {
    let honorific = |k: usize| cx.lex_at(k) & lex::HONORIFIC != 0;
    let mut start_tok = first;
    while start_tok > 0
        && (honorific(start_tok - 1)
            || (cx.lower(start_tok - 1) == "." && start_tok >= 2 && honorific(start_tok - 2)))
    {
        start_tok -= 1;
    }
    start_tok
}

/// The surname of the person's name at tokens `first..=last`, lowercase, with a generational
/// suffix ("trump jr").
fn surname(cx: &Ctx, first: usize, last: usize) -> String {
    let word = cx.lower(last);
    if last > first && NAME_SUFFIXES.contains(word) {
        return format!("{} {word}", cx.lower(last - 1));
    }
    word.to_string()
}

/// The entity of a person's span. People are grouped by surname; a full name ("Bill
/// Clinton") is one person per given name, and a bare surname ("Clinton", "Mrs Clinton") goes
/// to the one of compatible gender mentioned most so far.
fn person_index(
    cx: &Ctx,
    s: &Span,
    (first, last): (usize, usize),
    people: &mut KeyMap<String, Vec<(Option<String>, usize)>>,
    list: &mut Vec<Entity>,
    name: &str,
) -> usize {
    let sur = surname(cx, first, last);
    let sur_first = if sur.contains(' ') {
        last.saturating_sub(1)
    } else {
        last
    };
    // The given name: the first word of more than one letter before the surname, unless the
    // name opens with the surname's particles ("Van der Berg" is the surname alone).
    let given = (first..sur_first)
        .take_while(|&k| !super::tagging::PARTICLES.contains(cx.lower(k)))
        .find(|&k| cx.doc.token_text(&cx.doc.tokens[k]).chars().count() > 1)
        .map(|k| cx.lower(k).to_string());
    let known = people.get_or_insert_with(sur.clone(), Vec::new);
    let new_entity = |key: String,
                      list: &mut Vec<Entity>,
                      known: &mut Vec<(Option<String>, usize)>,
                      g: Option<String>| {
        list.push(Entity::new(name.to_string(), ActorKind::Person, key));
        known.push((g, list.len() - 1));
        list.len() - 1
    };
    match given {
        Some(g) => {
            if let Some(&(_, i)) = known.iter().find(|(k, _)| k.as_deref() == Some(&g)) {
                return i;
            }
            // An earlier bare surname takes the first full name given.
            if let [(ref mut k @ None, i)] = known[..] {
                *k = Some(g);
                return i;
            }
            new_entity(format!("person:{g} {sur}"), list, known, Some(g))
        }
        None => {
            let compatible = |i: usize| match (s.gender, list[i].gender) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            };
            let best = known
                .iter()
                .map(|&(_, i)| i)
                .filter(|&i| compatible(i))
                .max_by_key(|&i| list[i].mentions.len());
            match best {
                Some(i) => i,
                None => new_entity(format!("person:{sur}"), list, known, None),
            }
        }
    }
}
