//! The context every step reads: the document, the lexicon, each word's lexicon facts
//! (looked up once per document), per-sentence facts and which tokens are in capitals.

use super::spans::Span;
use super::words::MONTHS;
use crate::lexicon::Lexicon;
use crate::model::SentenceKind;
use crate::text::{Document, Shape, Token, TokenKind};
use crate::util::{words, Words};
use std::cell::Cell;

/// Last words that make an unknown name an organisation: "Leicester City", "Acme Holdings".
const ORG_SUFFIXES: Words = words![
    "inc",
    "corp",
    "corporation",
    "ltd",
    "co",
    "plc",
    "group",
    "bank",
    "airlines",
    "airways",
    "party",
    "association",
    "federation",
    "union",
    "club",
    "council",
    "ministry",
    "agency",
    "commission",
    "committee",
    "institute",
    "university",
    "college",
    "exchange",
    "fund",
    "organisation",
    "organization",
    "service",
    "services",
    "news",
    "times",
    "post",
    "journal",
    "motors",
    "industries",
    "holdings",
    "securities",
    "capital",
    "partners",
    "foundation",
    "board",
    "society",
    "authority",
    "trust",
    "society",
    "authority",
    "board",
    "department",
    "office",
    "army",
    "navy",
    "police",
    "church",
    "united",
    "city",
    "rovers",
    "athletic",
    "wanderers",
    "fc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "reserve",
    "systems",
    "technologies",
    "communications",
    "telecom",
    "energy",
    "oil",
    "petroleum",
    "pharmaceuticals",
    "company",
    "network",
    "press",
    "television",
    "radio",
    "league",
    "court",
    "parliament",
    "assembly",
    "congress",
    "front",
    "movement",
];
/// Words that mark a sports report, where towns and counties name clubs ("Essex need another
/// 148 runs"). Only in such a report do result lines and fixtures make names clubs.
const SPORT_WORDS: Words = words![
    "match",
    "matches",
    "goal",
    "goals",
    "league",
    "season",
    "cup",
    "championship",
    "innings",
    "wickets",
    "halftime",
    "tournament",
    "standings",
    "striker",
    "coach",
    "semifinal",
    "playoff",
    "inning",
    "homer",
    "touchdown",
];
/// Words that start a noun phrase; a role noun follows one ("the spokesman").
const DETERMINERS: Words = words!["the", "a", "an", "his", "her", "its", "their", "our", "this",];

/// Facts about a word of the document ([`Ctx::lex`]): the lexicon's
/// [`crate::lexicon::word`] bits and these.
pub(super) mod lex {
    pub use crate::lexicon::word::*;
    /// A month or its abbreviation ([`super::super::words::MONTHS`]).
    pub const MONTH: u32 = 1 << 20;
    /// The word was seen in lowercase in the document.
    pub const LOWER_SEEN: u32 = 1 << 21;
    /// The word was seen capitalised mid-sentence in the body.
    pub const BODY_CAPS: u32 = 1 << 22;
    /// The start of a longer place or organisation key ([`crate::lexicon::Lexicon::starts_longer_name`]).
    pub const LONGER: u32 = 1 << 23;
    /// A determiner ([`super::DETERMINERS`]).
    pub const DETERMINER: u32 = 1 << 25;
    /// A last word that makes a name an organisation ([`super::ORG_SUFFIXES`]).
    pub const ORG_SUFFIX: u32 = 1 << 26;
    /// [`LONGER`] is computed.
    pub const LONGER_DONE: u32 = 1 << 24;
    /// The lexicon bits are computed.
    pub const DONE: u32 = 1 << 31;
}

/// One document as the actor steps see it.
pub(super) struct Ctx<'d, 'a> {
    /// The document.
    pub(super) doc: &'d Document<'a>,
    /// The English lexicon.
    pub(super) lx: &'static Lexicon,
    /// Per vocabulary id, [`lex`] bits: the name rules ask about the same words over and over,
    /// so each word's lexicon lookups are done once per document, on first use.
    words: Vec<Cell<u32>>,
    /// Per sentence, counted once: span typing asks about the sentence of every span, and a
    /// sentence can be a megabyte long.
    pub(super) sentences: Vec<SentenceFacts>,
    /// Per token: in capitals that say nothing about names, either a sentence mostly in
    /// capitals or a run of three or more words in capitals ("STRONG AFTERSHOCK RATTLES QUAKE
    /// ZONE", a heading that may share its sentence with body text).
    pub(super) in_capitals: Vec<bool>,
    /// The document is a sports report (see [`is_sports_report`]).
    pub(super) sport: bool,
}

/// The tokens of `doc` in capitals that say nothing about names: those of a sentence whose
/// facts say `caps`, and those in a run of at least three words in capitals within a sentence
/// (punctuation between them does not end the run; anything else does).
fn in_capitals(doc: &Document, sentences: &[SentenceFacts]) -> Vec<bool> {
    let tokens = &doc.tokens;
    let mut out: Vec<bool> = tokens
        .iter()
        .zip(doc.token_sentences())
        .map(|(_, si)| sentences.get(si).is_some_and(|f| f.caps))
        .collect();
    let (mut start, mut upper) = (0, 0);
    let mut previous = usize::MAX;
    for ((k, t), si) in tokens.iter().enumerate().zip(doc.token_sentences()) {
        let continues = k > 0 && previous == si;
        previous = si;
        let in_run = t.kind == TokenKind::Punct || t.shape == Shape::Upper;
        if !continues || !in_run {
            if upper >= 3 {
                out[start..k].fill(true);
            }
            (start, upper) = (k, 0);
            if !in_run {
                start = k + 1;
                continue;
            }
        }
        upper += usize::from(t.kind == TokenKind::Word);
    }
    if upper >= 3 {
        out[start..].fill(true);
    }
    out
}

/// Counts of one sentence's tokens.
#[derive(Default, Clone, Copy)]
pub(super) struct SentenceFacts {
    /// Most words are in capitals.
    caps: bool,
    /// The first token that is not opening punctuation (quotes, brackets, a bullet): tokens up
    /// to it are sentence-initial.
    lead: usize,
}

impl Ctx<'_, '_> {
    /// Token `i`'s word, lowercase; empty past the end.
    pub(super) fn lower(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| self.doc.vocab.get(t.lower))
    }

    /// Token `i`, if there is one.
    pub(super) fn tok(&self, i: usize) -> Option<&Token> {
        self.doc.tokens.get(i)
    }

    /// Whether span `s` is one word at a sentence start, where a capital proves nothing:
    /// "Gasoline stocks fell" is a common word, not a company.
    pub(super) fn lone_opener(&self, s: &Span) -> bool {
        s.first == s.last && self.is_sentence_initial(s.first)
    }

    /// Whether token `i` comes before its sentence's first word or is that word.
    pub(super) fn is_sentence_initial(&self, i: usize) -> bool {
        i <= self.sentences[self.doc.sentence_of(i)].lead
    }

    /// The [`lex`] bits of vocabulary id `id`, computed on first use.
    pub(super) fn lex(&self, id: u32) -> u32 {
        let Some(cell) = self.words.get(id as usize) else {
            return 0;
        };
        let bits = cell.get();
        if bits & lex::DONE != 0 {
            return bits;
        }
        let w = self.doc.vocab.get(id);
        let bits = bits | self.lx.word_bits(w) | lex::DONE;
        cell.set(bits);
        bits
    }

    /// Whether some place or organisation key starts with token `i`'s word and is longer.
    fn starts_longer_name(&self, i: usize) -> bool {
        let Some(cell) = self.tok(i).and_then(|t| self.words.get(t.lower as usize)) else {
            return false;
        };
        let mut bits = cell.get();
        if bits & lex::LONGER_DONE == 0 {
            bits |= lex::LONGER_DONE;
            if self.lx.starts_longer_name(self.lower(i)) {
                bits |= lex::LONGER;
            }
            cell.set(bits);
        }
        bits & lex::LONGER != 0
    }

    /// The country word token `i` points to ([`Lexicon::country_of`] of its text), given its
    /// [`lex`] bits. A word's lowercase form is its text lowercased, as `country_of` does.
    pub(super) fn country_at(&self, i: usize, bits: u32) -> Option<&'static str> {
        if bits & lex::COUNTRY == 0 {
            return None;
        }
        self.lx.country_of_lower(self.lower(i))
    }

    /// The [`lex`] bits of token `i`'s word; none past the end.
    pub(super) fn lex_at(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| self.lex(t.lower))
    }

    /// The gazetteer key of tokens `first..=last`: their lowercase words, spaced as written.
    pub(super) fn gazetteer_key(&self, first: usize, last: usize) -> String {
        let mut key = String::new();
        for i in first..=last {
            let t = &self.doc.tokens[i];
            if i > first && self.doc.tokens[i - 1].end < t.start {
                key.push(' ');
            }
            key.push_str(self.doc.vocab.get(t.lower));
        }
        key
    }

    /// Whether tokens `first..=last` name a known place or organisation.
    pub(super) fn is_known(&self, first: usize, last: usize) -> bool {
        if first == last {
            return self.lex_at(first) & (lex::PLACE | lex::ORG) != 0;
        }
        // Most words start no longer name: skip building the key.
        if !self.starts_longer_name(first) {
            return false;
        }
        let key = self.gazetteer_key(first, last);
        self.lx.places.contains_key(&key) || self.lx.orgs.contains_key(&key)
    }

    /// Whether tokens `first..=last` name a known city ("Manchester").
    pub(super) fn is_city(&self, first: usize, last: usize) -> bool {
        let key = self.gazetteer_key(first, last);
        self.lx.places.get(&key).is_some_and(|p| p.kind == "city")
    }

    /// Whether tokens `first..=last` name a known city or no known place at all ("Ipswich"),
    /// rather than a state, region or country ("Kansas").
    pub(super) fn is_city_or_unknown(&self, first: usize, last: usize) -> bool {
        let key = self.gazetteer_key(first, last);
        self.lx.places.get(&key).is_none_or(|p| p.kind == "city")
    }

    /// Whether token `i` is the punctuation `p`.
    pub(super) fn punct_is(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.doc.token_text(t) == p)
    }
}

impl<'d, 'a> Ctx<'d, 'a> {
    /// The context of `doc`: word facts marked from the short lists and the document's own
    /// casing, sentence facts counted once.
    pub(super) fn new(doc: &'d Document<'a>) -> Ctx<'d, 'a> {
        let words: Vec<Cell<u32>> = vec![Cell::new(0); doc.vocab.len()];
        mark_lists(doc, &words);
        let sentences = sentence_facts(doc);
        let in_capitals = in_capitals(doc, &sentences);
        mark_casing(doc, &in_capitals, &words);
        Ctx {
            doc,
            lx: Lexicon::english(),
            words,
            sentences,
            in_capitals,
            sport: is_sports_report(doc),
        }
    }
}

/// Sets `bit` in the [`lex`] bits of vocabulary id `id`.
fn mark(words: &[Cell<u32>], id: u32, bit: u32) {
    if let Some(w) = words.get(id as usize) {
        w.set(w.get() | bit);
    }
}

/// Marks the months, determiners and organisation suffixes of the document's vocabulary.
fn mark_lists(doc: &Document, words: &[Cell<u32>]) {
    // Short lists are looked up in the document's vocabulary: a few lookups, not a scan
    // per word.
    for (m, _) in MONTHS {
        if let Some(id) = doc.vocab.id(m) {
            mark(words, id, lex::MONTH);
        }
    }
    for d in DETERMINERS {
        if let Some(id) = doc.vocab.id(d) {
            mark(words, id, lex::DETERMINER);
        }
    }
    for o in ORG_SUFFIXES {
        if let Some(id) = doc.vocab.id(o) {
            mark(words, id, lex::ORG_SUFFIX);
        }
    }
}

/// The [`SentenceFacts`] of each sentence of `doc`.
fn sentence_facts(doc: &Document) -> Vec<SentenceFacts> {
    // (words, upper-case words) per sentence.
    let mut counts = vec![(0usize, 0usize); doc.sentences.len()];
    for (t, si) in doc.tokens.iter().zip(doc.token_sentences()) {
        if let Some(c) = counts.get_mut(si) {
            c.0 += usize::from(t.kind == TokenKind::Word);
            c.1 += usize::from(t.kind == TokenKind::Word && t.shape == Shape::Upper);
        }
    }
    counts
        .iter()
        .zip(&doc.sentences)
        .map(|(&(words, upper), s)| {
            // Only opening punctuation (quotes, brackets, a bullet) may precede the first
            // word.
            let lead = doc.tokens[s.tokens.clone()]
                .iter()
                .position(|p| {
                    p.kind != TokenKind::Punct || matches!(doc.token_text(p), "," | ";" | ":")
                })
                .map_or(s.tokens.end, |k| s.tokens.start + k);
            SentenceFacts {
                caps: words >= 3 && upper * 10 >= words * 6,
                lead,
            }
        })
        .collect()
}

/// Marks the words seen in lowercase, and those seen capitalised mid-sentence in the body.
fn mark_casing(doc: &Document, in_capitals: &[bool], words: &[Cell<u32>]) {
    let mut sentence_seen = usize::MAX;
    let tokens = doc.tokens.iter().zip(doc.token_sentences());
    for ((t, si), &capitals) in tokens.zip(in_capitals) {
        if t.kind != TokenKind::Word {
            continue;
        }
        let initial = sentence_seen != si;
        sentence_seen = si;
        let kind = doc.sentences[si].kind;
        if t.shape == Shape::Lower {
            mark(words, t.lower, lex::LOWER_SEEN);
        } else if kind == SentenceKind::Body && !initial && !capitals {
            // Capitalised mid-sentence: a name, not just a sentence opener ("Finally, ...").
            // (Not in capitals, where every word is.)
            mark(words, t.lower, lex::BODY_CAPS);
        }
    }
}

/// Whether the document is a sports report, where towns and counties name clubs: one of
/// [`SPORT_WORDS`] occurs (a few vocabulary lookups, not a scan).
fn is_sports_report(doc: &Document) -> bool {
    SPORT_WORDS.iter().any(|w| doc.vocab.id(w).is_some())
}
