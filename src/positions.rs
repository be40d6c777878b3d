//! The positions table: who said or holds what, with the sentence as evidence.
//!
//! Recipe:
//! 1. quotations: pair quotation marks within each paragraph; a closing mark with no opening
//!    one after "said:" opens the quote at the colon (a common scraping slip);
//! 2. cues: speech and attitude words from the cue lexicon ("said", "warned", "opposed"), and
//!    "according to X";
//! 3. holder: the actor mention governing the cue: the clause's subject (nearest mention on the
//!    left, stepping over an appositive relative clause "X, who ..., said"), or the mention
//!    right after the cue ("..., said Mr Gates"); pronouns and role nouns were resolved by the
//!    actors stage; an unresolved holder keeps its words and is marked so;
//! 4. claim: the quotation, or the clause after the cue ("that" dropped);
//! 5. stance from the cue, flipped for supports/opposes under negation.

use crate::actors::{Actors, Link};
use crate::lexicon::Lexicon;
use crate::model::{ActorKind, Position, SentenceKind};
use crate::text::{Document, Shape, TokenKind};
use std::ops::Range;

/// At most this many tokens between a subject and its cue (adverbs, auxiliaries, commas).
const MAX_SUBJECT_GAP: usize = 4;
/// A quotation shorter than this, in words, is a scare quote rather than a statement.
const MIN_QUOTE_WORDS: usize = 3;
/// Words that may stand between a subject and its cue ("has steadfastly opposed").
const GAP_WORDS: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "have",
    "had",
    "was",
    "is",
    "were",
    "are",
    "had",
    "will",
    "would",
    "today",
    "yesterday",
    "again",
    "repeatedly",
    "previously",
    "earlier",
    "once",
    "still",
    "last",
    "week",
    "night",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "been",
    "being",
    "not",
    "never",
    "n't",
    "firmly",
    "publicly",
];
/// Words that open a new clause: the subject of a later cue is after them.
const CLAUSE_OPENERS: &[&str] = &["while", "but", "whereas", "although", "though", "and", ";"];
const QUOTES_OPEN: &[char] = &['"', '“'];
const QUOTES_CLOSE: &[char] = &['"', '”'];

/// Byte spans of the quotations (content, without the marks) of each paragraph.
fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let text = doc.slice(para.start, para.end);
        let mut open: Option<usize> = None;
        for (i, c) in text.char_indices() {
            let at = para.start + i;
            match (open, c) {
                (None, c) if QUOTES_OPEN.contains(&c) && c != '”' => {
                    open = Some(at + c.len_utf8())
                }
                (Some(o), c) if QUOTES_CLOSE.contains(&c) => {
                    out.push(o..at);
                    open = None;
                }
                (None, '”') => {
                    // A closing mark with no opening one: the quote starts after the last colon.
                    if let Some(colon) = text[..i].rfind(':') {
                        out.push(para.start + colon + 1..at);
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            // An opening mark never closed, or a straight quote that closes a quote whose
            // opening mark is missing ("said: The principal thing ... Europe."").
            let before = &doc.text[para.start..o];
            let closes_at_end = o == para.end;
            if closes_at_end {
                if let Some(colon) = before.rfind(':') {
                    out.push(para.start + colon + 1..o - 1);
                }
            } else {
                out.push(o..para.end);
            }
        }
    }
    let mut out = out
        .iter()
        .map(|r| {
            let s = doc.slice(r.start, r.end);
            let lead = s.len() - s.trim_start().len();
            let trail = s.len() - s.trim_end().len();
            r.start + lead..r.end - trail
        })
        .filter(|r| r.start < r.end)
        .collect::<Vec<_>>();
    // Sorted by start so lookups can binary-search.
    out.sort_by_key(|r| (r.start, r.end));
    out
}

/// Finds the positions of `doc`.
pub fn find(doc: &Document, actors: &Actors) -> Vec<Position> {
    let lx = Lexicon::english();
    let quotes = quotations(doc);
    let mut out: Vec<Position> = Vec::new();
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.kind != SentenceKind::Body {
            continue;
        }
        let range = s.tokens.clone();
        let mut seen_holders: Vec<String> = Vec::new();
        for c in range.clone() {
            let t = &doc.tokens[c];
            if t.kind != TokenKind::Word {
                continue;
            }
            let lower = doc.vocab.get(t.lower);
            let according = lower == "according"
                && doc
                    .tokens
                    .get(c + 1)
                    .is_some_and(|n| doc.vocab.get(n.lower) == "to");
            let Some(stance) = lx.cues.get(lower).copied().or(according.then_some("says")) else {
                continue;
            };
            if in_quote(&quotes, t.start) {
                continue;
            }
            let holder = if according {
                actors
                    .links_in(c + 2..c + 5)
                    .find(|l| l.first == c + 2)
                    .copied()
            } else {
                subject(doc, actors, range.clone(), c)
            };
            let Some(holder) = holder else { continue };
            let entity = &actors.list[holder.actor];
            if seen_holders.contains(&entity.name) {
                continue;
            }
            seen_holders.push(entity.name.clone());
            // A one- or two-word quotation ("conceptual" ideas) is a scare quote, not the
            // statement: the claim is then the reported clause.
            let quote = overlapping(&quotes, s.start, s.end)
                .map(|q| {
                    doc.slice(q.start, q.end)
                        .trim_end_matches([',', ' '])
                        .to_string()
                })
                .filter(|q| q.split_whitespace().count() >= MIN_QUOTE_WORDS);
            let claim = match &quote {
                Some(q) => q.clone(),
                None if according => clause_without(doc, range.clone(), c, holder.last),
                None => clause_after(doc, range.clone(), c),
            };
            if claim.split_whitespace().count() < 2 {
                continue;
            }
            let negated = (c.saturating_sub(2)..c)
                .any(|k| matches!(doc.vocab.get(doc.tokens[k].lower), "not" | "n't" | "never"));
            let stance = match (stance, negated) {
                ("supports", true) => "opposes",
                ("opposes", true) => "supports",
                (s, _) => s,
            };
            let side = match entity.kind {
                ActorKind::Person | ActorKind::Group => entity.affiliation.clone(),
                ActorKind::Place | ActorKind::Organization => entity
                    .affiliation
                    .clone()
                    .or_else(|| Some(entity.name.clone())),
            };
            out.push(Position {
                actor: entity.name.clone(),
                resolved: true,
                side,
                sentence: si,
                evidence: doc.sentence_text(si).to_string(),
                claim,
                quote,
                cue: Some(if according {
                    "according to".into()
                } else {
                    doc.token_text(t).to_string()
                }),
                stance: Some(stance.to_string()),
            });
        }
    }
    out
}

fn in_quote(quotes: &[Range<usize>], at: usize) -> bool {
    overlapping(quotes, at, at + 1).is_some()
}

/// The first quotation overlapping `start..end`; `quotes` are sorted and disjoint.
fn overlapping(quotes: &[Range<usize>], start: usize, end: usize) -> Option<&Range<usize>> {
    let i = quotes.partition_point(|q| q.end <= start);
    quotes.get(i).filter(|q| q.start < end)
}

/// The actor link that is the subject of the cue at token `cue`.
fn subject(doc: &Document, actors: &Actors, range: Range<usize>, cue: usize) -> Option<Link> {
    let lower = |i: usize| doc.vocab.get(doc.tokens[i].lower);
    // Clause start: after the last clause opener before the cue.
    let clause_start = (range.start..cue)
        .rev()
        .find(|&i| CLAUSE_OPENERS.contains(&lower(i)))
        .map_or(range.start, |i| i + 1);
    let links: Vec<&Link> = actors
        .links_in(clause_start..cue)
        .filter(|l| l.last < cue)
        .collect();
    if let Some(&&near) = links.last() {
        let gap_ok = (near.last + 1..cue).all(|k| {
            let t = &doc.tokens[k];
            let w = lower(k);
            GAP_WORDS.contains(&w)
                || (t.shape == Shape::Lower && w.len() > 4 && w.ends_with("ly"))
                || (t.kind == TokenKind::Punct && doc.token_text(t) == ",")
        }) && cue - near.last - 1 <= MAX_SUBJECT_GAP;
        if gap_ok {
            // "Sergei Lavrov, who took part ... with Anatoly Serdyukov, said": the subject is
            // the name the relative clause hangs on.
            let who = (clause_start..near.first).rev().find(|&k| {
                matches!(lower(k), "who" | "which")
                    && k >= 2
                    && doc.token_text(&doc.tokens[k - 1]) == ","
            });
            if let Some(w) = who {
                if let Some(&&outer) = links.iter().find(|l| l.last + 2 == w) {
                    return Some(outer);
                }
            }
            return Some(near);
        }
    }
    // Inversion after a quotation: "..., said Mr Gates."
    let after = actors
        .links_in(cue + 1..cue + 2)
        .find(|l| l.first == cue + 1 && l.named)
        .copied();
    if after.is_some() {
        return after;
    }
    // The clause subject, when it is the clause's first mention and nothing but its own
    // modifiers precede the cue: "Russia has steadfastly opposed".
    None
}

/// The clause after the cue: "that" dropped, cut at a clause break.
fn clause_after(doc: &Document, range: Range<usize>, cue: usize) -> String {
    let mut from = cue + 1;
    while from < range.end
        && matches!(
            doc.vocab.get(doc.tokens[from].lower),
            "that" | ":" | "," | "to" | "on" | "of"
        )
    {
        if doc.vocab.get(doc.tokens[from].lower) == "to" {
            break; // "warned ... to" keeps the infinitive
        }
        from += 1;
    }
    if from >= range.end {
        return String::new();
    }
    let mut to = range.end;
    for k in from..range.end {
        let w = doc.vocab.get(doc.tokens[k].lower);
        if w == ";"
            || (w == ","
                && k + 1 < range.end
                && matches!(
                    doc.vocab.get(doc.tokens[k + 1].lower),
                    "while" | "but" | "whereas"
                ))
        {
            to = k;
            break;
        }
    }
    let text = doc.slice(doc.tokens[from].start, doc.tokens[to - 1].end);
    text.trim_end_matches(['.', ',', ';', ':', ' ']).to_string()
}

/// The sentence without "according to X": the reported content.
fn clause_without(doc: &Document, range: Range<usize>, cue: usize, holder_last: usize) -> String {
    let start = doc.tokens[range.start].start;
    let end = doc.tokens[range.end - 1].end;
    let a = doc.tokens[cue].start;
    let mut b = doc.tokens[holder_last].end;
    if doc
        .tokens
        .get(holder_last + 1)
        .is_some_and(|t| doc.token_text(t) == ",")
    {
        b = doc.tokens[holder_last + 1].end;
    }
    let text = format!("{}{}", doc.slice(start, a), doc.slice(b, end));
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches([',', ' ', '.'])
        .to_string()
}
