//! Step 1, spans: maximal runs of capitalised tokens that can be names, with middle initials,
//! hyphens and joiners ("Bank of England") inside them; each is then described by its titles
//! (step 2, [`super::titles`]).

use super::context::{lex, Ctx};
use super::titles::describe_span;
use super::words::{is_club_word, CLUB_TAILS, MONTHS, SPORT_CLUB_TAILS, TOWN_CLUB_TAILS};
use crate::lexicon::Gender;
use crate::model::SentenceKind;
use crate::text::{Shape, TokenKind};
use crate::util::{words, Words};
use std::ops::Range;

/// Words that join two name parts only when the gazetteer knows the whole name.
const JOINERS: Words = words!["of", "and", "&", "de", "du", "von", "van", "der", "al", "bin",];
/// Heads after which "of" belongs to the name: "Bank of England", "University of Oxford".
const OF_HEADS: Words = words![
    "bank",
    "university",
    "ministry",
    "department",
    "institute",
    "church",
    "council",
    "house",
    "court",
    "republic",
    "kingdom",
    "museum",
    "college",
    "office",
    "federation",
    "league",
    "association",
    "academy",
    "commission",
    "board",
    "chamber",
    "school",
    "gulf",
    "bay",
    "sea",
    "isle",
    "cape",
    "lake",
    "state",
    "states",
    "union",
    "organization",
    "organisation",
];
/// Words before a month that make it a date ("in May", "since June").
const DATE_WORDS: Words = words![
    "in", "on", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "from",
    "through", "of", "before", "after",
];

/// A candidate name span before typing.
#[derive(Debug, Clone)]
pub(super) struct Span {
    /// First token.
    pub(super) first: usize,
    /// Last token (inclusive).
    pub(super) last: usize,
    /// A role before or after the name: its text, the country it names and its word count.
    pub(super) role: Option<(String, Option<&'static str>, usize)>,
    /// The possessive before the role ("his spokesman"), whose owner the role serves.
    pub(super) possessor: Option<usize>,
    /// The gender an honorific gives.
    pub(super) gender: Option<Gender>,
    /// Whether anything around the name says it is a person's.
    pub(super) person_evidence: bool,
    /// The party a title or tag gives ("Republican Sen.", "(D-Mass.)").
    pub(super) party: Option<&'static str>,
    /// The gazetteer key ([`Ctx::gazetteer_key`]): built once, read by every typing rule.
    pub(super) key: String,
    /// The tagger's label ([`super::tagger::LABELS`]) and its probability, for a name the
    /// tagger found; `None` for a rule span it did not.
    pub(super) tag: Option<(usize, f32)>,
}

/// Stages 1 and 2.
pub(super) fn find_spans(cx: &Ctx) -> Vec<Span> {
    let mut spans = Vec::new();
    for s in &cx.doc.sentences {
        if s.kind == SentenceKind::Boilerplate {
            continue;
        }
        let range = s.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            let Some((first, last)) = name_at(cx, i, &range) else {
                i += 1;
                continue;
            };
            i = last + 1;
            if is_compound_modifier(cx, first, last, &range) {
                continue;
            }
            let first = with_leading_initial(cx, first, last, &range);
            spans.push(describe_span(cx, first, last, range.start, range.end));
        }
    }
    spans
}

/// The name starting at token `i` of the sentence `range`, as (first, last) tokens.
fn name_at(cx: &Ctx, i: usize, range: &Range<usize>) -> Option<(usize, usize)> {
    if let Some(n) = known_name_len(cx, i, range) {
        let last = i + n - 1;
        return Some((i, with_club_tail(cx, i, last, range)));
    }
    if !cx.is_name_token(i) {
        return None;
    }
    Some((i, extend_name(cx, i, range)))
}

/// The length of the longest gazetteer name starting at token `i` ("Czech Republic", "Bank of
/// England"), even when its first word alone is an adjective or a title.
fn known_name_len(cx: &Ctx, i: usize, range: &Range<usize>) -> Option<usize> {
    let doc = cx.doc;
    // Most tokens are lowercase: they start no name.
    if doc.tokens[i].shape == Shape::Lower {
        return None;
    }
    (1..=4).rev().find(|&n| {
        let end = i + n - 1;
        end < range.end && doc.tokens[end].shape != Shape::Lower && cx.is_known(i, end)
    })
}

/// The last token of known name `first..=last` with a club's tail after it.
fn with_club_tail(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> usize {
    let doc = cx.doc;
    let sport = cx.sport;
    // A club named after its town: "Manchester United", "Leeds United" (and in a
    // sports report "Manchester City"; "Mexico City" is a known place whole).
    let next = last + 1;
    if next < range.end
        && doc.tokens[next].shape == Shape::Capitalized
        && doc.tokens[next].start == doc.tokens[last].end + 1
        && (is_club_word(cx.lower(next), sport, CLUB_TAILS, SPORT_CLUB_TAILS)
            || (sport
                && TOWN_CLUB_TAILS.contains(cx.lower(next))
                && cx.is_city(first, last)
                // "Manchester City Council" is no club.
                && !cx.tok(next + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.shape != Shape::Lower
                })))
    {
        next
    } else {
        last
    }
}

/// The last token of the name that starts with name token `first`.
fn extend_name(cx: &Ctx, first: usize, range: &Range<usize>) -> usize {
    let mut last = first;
    while let Some(further) = extend_once(cx, first, last, range) {
        last = further;
    }
    last
}

/// The new last token when name `first..=last` goes on past `last`.
fn extend_once(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> Option<usize> {
    let doc = cx.doc;
    let next = last + 1;
    if next < range.end
        && cx.is_name_token(next)
        && doc.tokens[next].start > doc.tokens[last].end
        // A line break ends a name (lists, tables, wrapped captions).
        && !doc
            .slice(doc.tokens[last].end, doc.tokens[next].start)
            .contains('\n')
    {
        return Some(next);
    }
    across_initial(cx, last, range)
        .or_else(|| across_hyphen(cx, first, last, range))
        .or_else(|| demonym_surname(cx, first, last, range))
        .or_else(|| joined_name(cx, first, last, range))
}

/// Whether token `k` is a one-letter word in capitals, as an initial is.
fn is_initial(cx: &Ctx, k: usize) -> bool {
    cx.tok(k).is_some_and(|t| {
        t.kind == TokenKind::Word
            && cx.doc.token_text(t).chars().count() == 1
            && t.shape != Shape::Lower
    })
}

/// A middle initial: "Donald J. Trump", "R. Gil Kerlikowske", "Virgie M. Rollins" (an initial
/// may be a stopword such as "M" or "D").
fn across_initial(cx: &Ctx, last: usize, range: &Range<usize>) -> Option<usize> {
    let next = last + 1;
    if cx.punct_is(next, ".")
        && is_initial(cx, last)
        && next + 1 < range.end
        && cx.is_name_token(next + 1)
    {
        return Some(next + 1);
    }
    if is_initial(cx, next)
        && cx.punct_is(next + 1, ".")
        && next + 2 < range.end
        && cx.is_name_token(next + 2)
    {
        return Some(next + 2);
    }
    None
}

/// A hyphenated name inside a longer one: "Anne-Marie Slaughter", "Sue Seedorff-Keninger"
/// (not "US-Russia": known names stay apart).
fn across_hyphen(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> Option<usize> {
    let doc = cx.doc;
    let next = last + 1;
    let touching = |a: usize, b: usize| b < range.end && doc.tokens[a].end == doc.tokens[b].start;
    (cx.punct_is(next, "-")
        && touching(last, next)
        && touching(next, next + 1)
        && cx.is_name_token(next + 1)
        && !cx.is_known(last, last)
        && !cx.is_known(next + 1, next + 1)
        && (last > first || (next + 2 < range.end && cx.is_name_token(next + 2))))
    .then_some(next + 1)
}

/// A surname that is also a demonym: "Mark Cuban said", "Bryan English, the".
fn demonym_surname(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> Option<usize> {
    let next = last + 1;
    (last == first
        && next < range.end
        && cx.doc.tokens[next].shape == Shape::Capitalized
        && cx.lx.adjectives.contains_key(cx.lower(next))
        && !cx.is_known(first, first)
        && cx.tok(next + 1).is_none_or(|t| {
            t.kind == TokenKind::Punct || t.stop || cx.lx.cue(cx.lower(next + 1)).is_some()
        })
        && !cx.punct_is(next + 1, "-"))
    .then_some(next)
}

/// "Bank of England", "Marks and Spencer": join when the whole is known or the "of" follows
/// an institutional head.
fn joined_name(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> Option<usize> {
    let next = last + 1;
    if !(next + 1 < range.end && JOINERS.contains(cx.lower(next)) && cx.is_name_token(next + 1)) {
        return None;
    }
    let mut end = next + 1;
    while end + 1 < range.end && cx.is_name_token(end + 1) {
        end += 1;
    }
    let of_head = cx.lower(next) == "of" && OF_HEADS.contains(cx.lower(last));
    (cx.is_known(first, end) || of_head).then_some(end)
}

/// A name used as a compound modifier ("Cold War-era", "Soviet-bloc") is not a mention.
fn is_compound_modifier(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> bool {
    let doc = cx.doc;
    (cx.punct_is(last + 1, "-")
        && cx
            .tok(last + 2)
            .is_some_and(|t| t.shape == Shape::Lower && t.start == doc.tokens[last + 1].end))
        || (first >= range.start + 2
            && cx.punct_is(first - 1, "-")
            && cx.tok(first - 2).is_some_and(|t| t.shape == Shape::Lower))
}

/// The first token of name `first..=last` with its leading initial: "S. Waugh", "J. Russell".
fn with_leading_initial(cx: &Ctx, first: usize, last: usize, range: &Range<usize>) -> usize {
    let doc = cx.doc;
    if first >= range.start + 2
        && cx.punct_is(first - 1, ".")
        && doc.tokens[first - 2].end == doc.tokens[first - 1].start
        && doc.tokens[first - 2].kind == TokenKind::Word
        && doc.tokens[first - 2].shape == Shape::Capitalized
        && doc.token_text(&doc.tokens[first - 2]).chars().count() == 1
        && !cx.is_known(first, last)
    {
        first - 2
    } else {
        first
    }
}

impl Ctx<'_, '_> {
    /// Whether token `i` can be part of a name.
    fn is_name_token(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        if t.kind != TokenKind::Word || !matches!(t.shape, Shape::Capitalized | Shape::Upper) {
            return false;
        }
        let bits = self.lex(t.lower);
        if bits & lex::WEEKDAY != 0 || (bits & lex::MONTH != 0 && self.is_date_month(i)) {
            return false;
        }
        let known = bits & (lex::PLACE | lex::ORG) != 0;
        let common =
            lex::PRONOUN | lex::HONORIFIC | lex::HEAD | lex::MODIFIER | lex::ADJECTIVE | lex::CUE;
        if bits & common != 0 {
            return known;
        }
        if known && t.shape == Shape::Upper {
            return true;
        }
        if t.stop {
            return false;
        }
        // In a headline, or any words in capitals, capitalisation says little: a word there is
        // a name only if the lexicon knows it or the body writes it capitalised mid-sentence.
        let sentence = &self.doc.sentences[self.doc.sentence_of(i)];
        if sentence.kind == SentenceKind::Headline || self.in_capitals.get(i).is_some_and(|&c| c) {
            // A stopword in capitals ("THE") names nothing there; `t.stop` is false for it,
            // since "US" or "WHO" in capitals elsewhere is a name.
            let stopword = || self.doc.lang.is_some_and(|l| l.is_stopword(self.lower(i)));
            // After an honorific it is a name even so: "SAID MR PUTIN".
            let titled = i > 0 && self.lex_at(i - 1) & lex::HONORIFIC != 0;
            return known || titled || (bits & lex::BODY_CAPS != 0 && !stopword());
        }
        // A sentence-initial common word, or a noun for people ("Officials said").
        if self.is_sentence_initial(i) && !known && bits & (lex::LOWER_SEEN | lex::AGENT) != 0 {
            return false;
        }
        true
    }

    /// Whether token `i` is a month as a date ("in March", "Sept. 5"); "May" and "June" are
    /// also names, so they count only in a date context.
    fn is_date_month(&self, i: usize) -> bool {
        let lower = self.lower(i);
        let Some(&(_, also_name)) = MONTHS.iter().find(|(m, _)| *m == lower) else {
            return false;
        };
        if !also_name {
            return true;
        }
        let mut next = i + 1;
        if self.punct_is(next, ".") {
            next += 1;
        }
        let number_after = self.tok(next).is_some_and(|t| t.kind == TokenKind::Number);
        let before = if i > 0 { self.lower(i - 1) } else { "" };
        number_after || DATE_WORDS.contains(before)
    }
}
