//! The positions table: who said or holds what, with the sentence as evidence.
//!
//! Recipe:
//! 1. quotations: pair quotation marks (`"`, curly quotes, and `''` as some papers print
//!    them) within each paragraph; a closing mark with no opening one after "said:" opens the
//!    quote at the colon, an opening one never closed runs to the paragraph's end (the
//!    convention for a quote continued in the next paragraph);
//! 2. cues outside quotations: speech and attitude verbs from the cue lexicon ("said",
//!    "warned", "opposed"; a verb form after a determiner is a noun and not a cue), multi-word
//!    cues ("according to", "called for"), attitude adjectives after a copula ("were
//!    unimpressed") and reactions ("a cool response in Washington");
//! 3. holder, looking left from the cue over auxiliaries, adverbs, times and parentheses:
//!    - a mention (name, resolved pronoun, role noun) ends there: the holder, unless it sits in
//!      a prepositional phrase ("supporters of Trump"); "a spokesman for X" and "X's
//!      spokesman" speak for X;
//!    - a comma: the subject is the first name (or, failing one, the first agent noun) of the
//!      chain of appositions before it ("The Russian Foreign Minister, Sergei Lavrov, who
//!      took part ..., said");
//!    - "who": the noun it hangs on; "and"/"but" or a participle after a comma ("..., saying"):
//!      the sentence's speaker; a passive ("was accused") takes the "by" phrase;
//!    - a quotation or a comma before a speech verb: the speaker after it ("..., said Mr
//!      Gates"); "according to X": X;
//!    - a common noun naming people ("officials", "a campaign aide"): an unresolved holder with
//!      the text's words; an unresolved pronoun gives no row (never a guessed name);
//! 4. a quotation with no cue of its own, opening its paragraph or its sentence right after
//!    an attributed one, continues the last speaker's quote;
//! 5. claim: the quotation, or the clause after the cue ("that" dropped), or what precedes an
//!    inverted cue ("The plan is dead, Trump said"); stance from the cue, supports and
//!    opposes swapped under negation.
//!
//! Every search is bounded by a constant number of tokens around its cue, so the whole stage
//! is linear in the text.

use crate::actors::{Actors, Link};
use crate::lexicon::{word, Lexicon};
use crate::model::{ActorKind, Position, SentenceKind};
use crate::text::{Document, Shape, TokenKind};
use crate::util::FxHashSet as HashSet;
use std::ops::Range;

/// At most this many auxiliaries, adverbs and time words between a subject and its cue.
const MAX_GAP: usize = 6;
/// At most this many tokens in an apposition or a parenthesis that is stepped over.
const MAX_SEGMENT: usize = 30;
/// At most this many commas stepped over between a subject and its cue.
const MAX_SEGMENTS: usize = 4;
/// At most this many tokens in a common noun phrase taken as a holder.
const MAX_NP: usize = 8;
/// At most this many tokens in a claim.
const MAX_CLAIM: usize = 80;
/// At most this many rows per sentence (a run-on "sentence" of a megabyte stays linear).
const MAX_ROWS_PER_SENTENCE: usize = 12;
/// A quotation shorter than this, in words, is a scare quote rather than a statement.
const MIN_QUOTE_WORDS: usize = 3;
/// Words that may stand between a subject and its cue ("has steadfastly opposed"); weekdays
/// too, from the lexicon.
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
    "be",
    "been",
    "being",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "did",
    "does",
    "do",
    "today",
    "tonight",
    "yesterday",
    "again",
    "once",
    "still",
    "last",
    "this",
    "week",
    "weekend",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "on",
    "not",
    "never",
    "n't",
    "now",
    "just",
    "already",
    "even",
    "often",
    "long",
    "first",
    "too",
    "ever",
    "soon",
    "since",
    "recently",
    "jan",
    "feb",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Forms of "be" (a copula for attitude adjectives; with a participle, a passive).
const BE_FORMS: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "remain", "remains", "remained", "seem",
    "seems", "seemed", "appeared", "appears",
];
/// Words that open a clause; a subject search does not cross them.
const OPENERS: &[&str] = &[
    "but",
    "and",
    "or",
    "while",
    "whereas",
    "although",
    "though",
    "as",
    "when",
    "after",
    "before",
    "because",
    "since",
    "so",
    "yet",
    "if",
    "however",
    "meanwhile",
];
/// Prepositions: a name right after one is not a clause subject ("supporters of Trump").
/// "after" and "before" are left out: they also open clauses ("after Trump told the Post").
const PREPOSITIONS: &[&str] = &[
    "of",
    "for",
    "from",
    "in",
    "at",
    "with",
    "to",
    "on",
    "by",
    "about",
    "against",
    "among",
    "including",
    "like",
    "over",
    "under",
    "into",
    "than",
    "between",
    "behind",
    "toward",
    "towards",
    "during",
    "without",
    "near",
];
/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "many", "several", "most", "other", "another", "both", "two", "three", "four",
    "five", "few", "all", "each", "any", "no", "one",
];
/// Heads of a noun phrase that speaks for someone else: "a spokesman for X", "X's spokesman".
const SPOKES_NOUNS: &[&str] = &["spokesman", "spokeswoman", "spokesperson"];
/// Nouns after a reaction adjective: "a cool response".
const REACTION_NOUNS: &[&str] = &["response", "reception", "reaction", "welcome", "greeting"];
/// Quotation marks as tokens.
const QUOTE_MARKS: &[&str] = &["\"", "“", "”", "'", "‘", "’", "«", "»"];
/// Quotation mark characters.
const QUOTE_MARKS_CHARS: &[char] = &['"', '“', '”', '\'', '‘', '’', '«', '»'];
/// Subject pronouns; one without a resolved antecedent gives no row.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "i", "we", "you", "who"];

/// Byte spans of the quotations (content, without the marks) of each paragraph.
fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let text = doc.slice(para.start, para.end);
        let mut open: Option<usize> = None;
        // The last colon after the last quote found: where a quote whose opening mark is
        // missing starts. Kept as the scan goes, so that each closing mark does not search
        // back to the paragraph's start (quadratic on a run of them), and a quote never
        // starts inside the one before it.
        let mut colon: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = para.start + i;
            if c == ':' {
                colon = Some(i);
                continue;
            }
            // Two apostrophes stand for a double quotation mark in some archives ('' ... '').
            let doubled = c == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'');
            if c == '\'' && !doubled {
                continue;
            }
            let width = if doubled { 2 } else { c.len_utf8() };
            if doubled {
                chars.next();
            }
            let c = if doubled { '"' } else { c };
            match (open, c) {
                (None, '"' | '“') => open = Some(at + width),
                (Some(o), '"' | '”') => {
                    out.push(o..at);
                    open = None;
                    colon = None;
                }
                (Some(_), '“') => open = Some(at + width),
                (None, '”') => {
                    // A closing mark with no opening one: the quote starts after the last colon.
                    if let Some(c) = colon.take() {
                        out.push(para.start + c + 1..at);
                    }
                }
                _ => {}
            }
        }
        if let Some(o) = open {
            // An opening mark never closed, or a straight quote that closes a quote whose
            // opening mark is missing ("said: The principal thing ... Europe."").
            let before = doc.slice(para.start, o);
            if o == para.end {
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
    crate::util::sort_by_key(&mut out, |r| (r.start, r.end));
    out
}

/// The first quotation overlapping `start..end`; `quotes` are sorted and disjoint.
fn overlapping(quotes: &[Range<usize>], start: usize, end: usize) -> Option<&Range<usize>> {
    let i = quotes.partition_point(|q| q.end <= start);
    quotes.get(i).filter(|q| q.start < end)
}

/// Who holds a position.
#[derive(Debug, Clone)]
enum Holder {
    /// An actor, through the mention (or noun phrase) spanning these tokens.
    Actor {
        actor: usize,
        first: usize,
        last: usize,
    },
    /// Words of the text naming someone pith has no actor for ("officials").
    Surface { first: usize, last: usize },
}

impl Holder {
    fn span(&self) -> (usize, usize) {
        match *self {
            Holder::Actor { first, last, .. } | Holder::Surface { first, last } => (first, last),
        }
    }
}

/// What the look to the left of a cue found.
enum Left {
    /// The holder.
    Found(Holder),
    /// A subject that gives no row (an unresolved pronoun, a noun that names no one).
    Blocked,
    /// "and"/"but": the cue shares the subject of the clause before.
    Coordinated,
    /// A participle after a comma or "by" ("..., saying"): the sentence's speaker.
    Participle,
    /// Nothing before the cue (sentence start, a quotation, a comma): look after it.
    Open,
    /// A passive ("was accused"): the holder is the "by" phrase.
    Passive,
}

/// The kind of cue found at a token.
#[derive(Clone, Copy, PartialEq)]
enum CueKind {
    Verb,
    Speech,
    According,
    State,
    Reaction,
}

struct Cue {
    first: usize,
    last: usize,
    stance: &'static str,
    kind: CueKind,
}

struct Finder<'a, 'd> {
    doc: &'a Document<'d>,
    actors: &'a Actors,
    lx: &'static Lexicon,
    quotes: Vec<Range<usize>>,
    /// For each token, the link ending there (named mentions preferred), or `u32::MAX`.
    by_last: Vec<u32>,
    /// For each token, the link starting there (named mentions preferred), or `u32::MAX`.
    by_first: Vec<u32>,
}

impl<'a, 'd> Finder<'a, 'd> {
    fn new(doc: &'a Document<'d>, actors: &'a Actors) -> Self {
        let n = doc.tokens.len();
        let mut by_last = vec![u32::MAX; n];
        let mut by_first = vec![u32::MAX; n];
        for (i, l) in actors.links.iter().enumerate() {
            for (slot, at) in [(&mut by_last, l.last), (&mut by_first, l.first)] {
                if let Some(s) = slot.get_mut(at) {
                    let keep = *s != u32::MAX
                        && actors.links.get(*s as usize).is_some_and(|old| old.named);
                    if !keep {
                        *s = i as u32;
                    }
                }
            }
        }
        Finder {
            doc,
            actors,
            lx: Lexicon::english(),
            quotes: quotations(doc),
            by_last,
            by_first,
        }
    }

    fn lower(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| self.doc.vocab.get(t.lower))
    }

    fn text(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| self.doc.token_text(t))
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    fn is_quote_mark(&self, i: usize) -> bool {
        QUOTE_MARKS.contains(&self.text(i))
    }

    fn is_possessive(&self, i: usize) -> bool {
        matches!(self.text(i), "'s" | "’s" | "'S")
    }

    fn link_ending(&self, i: usize) -> Option<&'a Link> {
        let k = *self.by_last.get(i)?;
        self.actors.links.get(k as usize)
    }

    fn link_starting(&self, i: usize) -> Option<&'a Link> {
        let k = *self.by_first.get(i)?;
        self.actors.links.get(k as usize)
    }

    fn in_quote(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| overlapping(&self.quotes, t.start, t.start + 1).is_some())
    }

    fn actor_of(&self, l: &Link) -> Holder {
        Holder::Actor {
            actor: l.actor,
            first: l.first,
            last: l.last,
        }
    }

    fn is_gap(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        let w = self.lower(i);
        let gap_word = |w: &str| GAP_WORDS.contains(&w) || crate::lexicon::WEEKDAYS.contains(&w);
        gap_word(w)
            || (t.shape == Shape::Lower && w.len() > 4 && w.ends_with("ly"))
            || t.kind == TokenKind::Number
            || (w == "." && i > 0 && gap_word(self.lower(i - 1)))
    }

    /// Whether `lower` heads a noun phrase that names people or a body.
    fn is_agent(&self, lower: &str) -> bool {
        self.lx.is_agent(lower)
    }

    /// Whether `lower` is a one-word cue ([`Lexicon::cue`]): one lookup, not two.
    fn is_cue(&self, lower: &str) -> bool {
        self.lx.word_bits(lower) & word::CUE != 0
    }

    /// The cue at token `c`, if any.
    fn cue_at(&self, c: usize, range: &Range<usize>) -> Option<Cue> {
        let t = self.doc.tokens.get(c)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let lower = self.lower(c);
        // One lookup says whether any cue list knows the word; most words are in none.
        let cue_lists = word::PHRASE | word::CUE | word::STATE | word::REACTION;
        if self.lx.word_bits(lower) & cue_lists == 0 {
            return None;
        }
        if let Some(list) = self.lx.phrases.get(lower) {
            for p in list {
                let end = c + p.rest.len();
                if end < range.end
                    && p.rest
                        .iter()
                        .enumerate()
                        .all(|(k, w)| self.lower(c + 1 + k) == *w)
                {
                    let kind = if lower == "according" {
                        CueKind::According
                    } else {
                        CueKind::Verb
                    };
                    return Some(Cue {
                        first: c,
                        last: end,
                        stance: p.stance,
                        kind,
                    });
                }
            }
        }
        if let Some(stance) = self.lx.cue(lower) {
            let noun_before = c > range.start
                && (DETERMINERS.contains(&self.lower(c - 1)) || self.is_possessive(c - 1));
            // "the support", "his claims": a noun. Capitalised mid-sentence: part of a name.
            // "called off", "backed down": a particle makes another verb.
            let headline =
                self.doc.sentences.get(t.sentence).is_some_and(|s| {
                    matches!(s.kind, SentenceKind::Headline | SentenceKind::Heading)
                });
            if noun_before
                || (t.shape != Shape::Lower && c > range.start && !headline)
                || matches!(self.lower(c + 1), "off" | "down" | "up" | "away")
            {
                return None;
            }
            let kind = if self.lx.speech.contains(lower) {
                CueKind::Speech
            } else {
                CueKind::Verb
            };
            return Some(Cue {
                first: c,
                last: c,
                stance,
                kind,
            });
        }
        if let Some(&stance) = self.lx.states.get(lower) {
            return Some(Cue {
                first: c,
                last: c,
                stance,
                kind: CueKind::State,
            });
        }
        if let Some(&stance) = self.lx.reactions.get(lower) {
            if REACTION_NOUNS.contains(&self.lower(c + 1)) {
                return Some(Cue {
                    first: c,
                    last: c + 1,
                    stance,
                    kind: CueKind::Reaction,
                });
            }
        }
        None
    }

    /// The common noun phrase ending at token `j` (not before `lo`): its first token and the
    /// possessor mention inside it ("Trump's spokesman"), if it is a noun phrase at all.
    fn noun_phrase_before(&self, j: usize, lo: usize) -> Option<(usize, Option<&'a Link>)> {
        let t = self.doc.tokens.get(j)?;
        let w = self.lower(j);
        if t.kind != TokenKind::Word || t.stop || self.is_cue(w) {
            return None;
        }
        let mut k = j;
        let mut possessor = None;
        while k > lo && j - k < MAX_NP {
            let p = k - 1;
            let pw = self.lower(p);
            if self.is_possessive(p) && p > lo {
                if let Some(l) = self.link_ending(p - 1) {
                    possessor = Some(l);
                    k = l.first;
                    continue;
                }
                break;
            }
            if DETERMINERS.contains(&pw) {
                k = p;
                break;
            }
            if let Some(l) = self.link_ending(p) {
                // A name used as a modifier: "Trump campaign manager".
                possessor = Some(l);
                k = l.first;
                continue;
            }
            let pt = &self.doc.tokens[p];
            let content = pt.kind == TokenKind::Word && !pt.stop && !self.is_cue(pw);
            if content || pw == "-" || pt.kind == TokenKind::Number {
                k = p;
                continue;
            }
            break;
        }
        Some((k, possessor))
    }

    /// A holder from the noun phrase `first..=last` whose head is `last`: a spokesman speaks
    /// for the name in it; other agent nouns give an unresolved holder.
    fn noun_holder(&self, first: usize, last: usize, of: Option<&'a Link>) -> Option<Holder> {
        let head = self.lower(last);
        if SPOKES_NOUNS.contains(&head) {
            if let Some(l) = of {
                return Some(Holder::Actor {
                    actor: l.actor,
                    first,
                    last: last.max(l.last),
                });
            }
        }
        let pronoun_start = PRONOUNS.contains(&self.lower(first))
            || matches!(self.lower(first), "his" | "her" | "their" | "its");
        if self.is_agent(head) && !(pronoun_start && first == last) {
            return Some(Holder::Surface { first, last });
        }
        None
    }

    /// The holder whose mention or noun phrase ends at token `j`, as a clause subject.
    fn subject_ending(&self, j: usize, lo: usize) -> Left {
        if let Some(l) = self.link_ending(j) {
            // "supporters of Trump", "32 percent of British Columbians": the name sits in a
            // prepositional phrase, possibly after a determiner or adjectives.
            let mut p = l.first;
            while p > lo && p + 3 > l.first && {
                let w = self.lower(p - 1);
                DETERMINERS.contains(&w) || self.lx.adjectives.contains_key(w)
            } {
                p -= 1;
            }
            if p > lo && p < l.first && PREPOSITIONS.contains(&self.lower(p - 1)) {
                return Left::Blocked;
            }
            // "Stacy Baker of Columbia, South Carolina says": a place after a comma is an
            // address in an apposition chain.
            let is_place = self
                .actors
                .list
                .get(l.actor)
                .is_some_and(|e| e.kind == ActorKind::Place);
            if is_place && l.first > lo && self.text(l.first - 1) == "," {
                return self.apposition_chain(l.first - 1, lo);
            }
            if l.first > lo && PREPOSITIONS.contains(&self.lower(l.first - 1)) {
                // "a spokesman for Trump", "supporters of Trump": the phrase before is the
                // subject.
                let prep = l.first - 1;
                if prep > lo {
                    if let Some((start, _)) = self.noun_phrase_before(prep - 1, lo) {
                        return match self.noun_holder(start, prep - 1, Some(l)) {
                            Some(Holder::Surface { first, .. }) => Left::Found(Holder::Surface {
                                first,
                                last: l.last,
                            }),
                            Some(h) => Left::Found(match h {
                                Holder::Actor { actor, first, .. } => Holder::Actor {
                                    actor,
                                    first,
                                    last: l.last,
                                },
                                s => s,
                            }),
                            None => Left::Blocked,
                        };
                    }
                }
                return Left::Blocked;
            }
            return Left::Found(self.actor_of(l));
        }
        let w = self.lower(j);
        if PRONOUNS.contains(&w) {
            return Left::Blocked;
        }
        match self.noun_phrase_before(j, lo) {
            Some((start, of)) => match self.noun_holder(start, j, of) {
                Some(h) => Left::Found(h),
                None => Left::Blocked,
            },
            None => Left::Blocked,
        }
    }

    /// A segment of an apposition chain `lo..hi` as a subject: a name with nothing but
    /// determiners, titles and modifiers before it, or an agent noun phrase.
    fn segment_subject(&self, lo: usize, hi: usize) -> (Option<Holder>, Option<Holder>) {
        let mut lo = lo;
        while lo < hi && (OPENERS.contains(&self.lower(lo)) || self.is_quote_mark(lo)) {
            lo += 1;
        }
        if lo >= hi {
            return (None, None);
        }
        let mut j = hi - 1;
        while j > lo && self.is_gap(j) {
            j -= 1;
        }
        if self.text(j) == ")" {
            match (lo..j).rev().find(|&k| self.text(k) == "(") {
                Some(open) if open > lo => j = open - 1,
                _ => return (None, None),
            }
        }
        let first_word = self.lower(lo);
        if matches!(first_word, "who" | "which" | "whose" | "whom" | "that")
            || PREPOSITIONS.contains(&first_word)
        {
            return (None, None);
        }
        if let Some(l) = self.link_ending(j) {
            // "founder of the Media Research Center": a name in a prepositional phrase.
            let mut p = l.first;
            while p > lo && DETERMINERS.contains(&self.lower(p - 1)) {
                p -= 1;
            }
            if p > lo && PREPOSITIONS.contains(&self.lower(p - 1)) {
                return (None, None);
            }
            let clean = (lo..l.first).all(|k| {
                let w = self.lower(k);
                let t = &self.doc.tokens[k];
                DETERMINERS.contains(&w)
                    || self.lx.is_head(w)
                    || self.lx.is_modifier(w)
                    || self.lx.honorifics.contains_key(w)
                    || self.lx.country_of(self.text(k)).is_some()
                    || t.shape == Shape::Capitalized
                    || t.shape == Shape::Upper
                    || self.is_possessive(k)
                    || matches!(w, "-" | "." | "of")
                    || t.kind == TokenKind::Number
            });
            if clean {
                return (Some(self.actor_of(l)), None);
            }
            return (None, None);
        }
        if let Some((start, of)) = self.noun_phrase_before(j, lo) {
            if start == lo {
                return (None, self.noun_holder(start, j, of));
            }
        }
        (None, None)
    }

    /// Looks left from the cue at `c` for its subject.
    fn left(&self, c: usize, lo: usize, state: bool) -> Left {
        let mut j = c;
        let mut gaps = 0;
        let mut be = false;
        let mut jumps = 0;
        loop {
            if j == lo {
                return Left::Open;
            }
            j -= 1;
            if self.is_gap(j) && gaps < MAX_GAP {
                be |= BE_FORMS.contains(&self.lower(j));
                gaps += 1;
                continue;
            }
            if self.text(j) == ")" && jumps < 2 {
                jumps += 1;
                let floor = j.saturating_sub(MAX_SEGMENT).max(lo);
                match (floor..j).rev().find(|&k| self.text(k) == "(") {
                    Some(open) => {
                        j = open;
                        continue;
                    }
                    None => return Left::Blocked,
                }
            }
            break;
        }
        if state && !be {
            return Left::Blocked;
        }
        // "was accused", "is said": a participle after "be" is passive.
        let cue_word = self.lower(c);
        let participle =
            cue_word.ends_with("ed") || matches!(cue_word, "told" | "said" | "thought");
        let passive = be && !state && participle;
        let w = self.lower(j);
        let t = &self.doc.tokens[j];
        if t.kind == TokenKind::Punct {
            if w == "," {
                if passive {
                    return Left::Passive;
                }
                return self.apposition_chain(j, lo);
            }
            return if passive { Left::Passive } else { Left::Open };
        }
        if matches!(w, "and" | "but") {
            return Left::Coordinated;
        }
        if matches!(w, "by" | "while" | "after" | "before" | "when" | "without") {
            return Left::Participle;
        }
        let found = if matches!(w, "who" | "which" | "that") && j > lo {
            // The noun a relative clause hangs on: "Clinton, who said", "officials who said".
            let k = if self.text(j - 1) == "," && j - 1 > lo {
                j - 2
            } else {
                j - 1
            };
            self.subject_ending(k, lo)
        } else {
            self.subject_ending(j, lo)
        };
        match found {
            Left::Found(_) if passive => Left::Passive,
            other => other,
        }
    }

    /// The subject before a chain of appositions ending with the comma at `j`.
    fn apposition_chain(&self, j: usize, lo: usize) -> Left {
        let mut segments: Vec<(usize, usize)> = Vec::new();
        let mut end = j;
        for _ in 0..MAX_SEGMENTS {
            let floor = end.saturating_sub(MAX_SEGMENT).max(lo);
            let mut b = end;
            let mut start = None;
            while b > floor {
                b -= 1;
                let w = self.text(b);
                if w == "," {
                    start = Some(b);
                    break;
                }
                if self.is_quote_mark(b) || matches!(w, ";" | ":" | "—" | "–") {
                    // The chain starts after a quotation: '"...," Graham, a former
                    // candidate, told CBS'.
                    if b + 1 < end {
                        segments.push((b + 1, end));
                    }
                    return self.pick_segment(&segments);
                }
            }
            match start {
                Some(b) => {
                    segments.push((b + 1, end));
                    end = b;
                }
                None if b == lo => {
                    segments.push((lo, end));
                    break;
                }
                None => break,
            }
        }
        self.pick_segment(&segments)
    }

    /// The subject among apposition segments (given right to left): the name opening the
    /// chain, else the leftmost person ("Charlie King, a former director of the New York
    /// Democratic Party, said"), else the leftmost other name but a place (later in a chain a
    /// place is an address: "a salesman from Sumter, South Carolina, says"), else the leftmost
    /// agent noun phrase.
    fn pick_segment(&self, segments: &[(usize, usize)]) -> Left {
        let mut noun = None;
        let mut other = None;
        for (n, &(lo, hi)) in segments.iter().rev().enumerate() {
            let (name, np) = self.segment_subject(lo, hi);
            if let Some(h) = name {
                let kind = match h {
                    Holder::Actor { actor, .. } => self.actors.list.get(actor).map(|e| e.kind),
                    Holder::Surface { .. } => None,
                };
                if n == 0 || kind == Some(ActorKind::Person) {
                    return Left::Found(h);
                }
                if other.is_none() && kind != Some(ActorKind::Place) {
                    other = Some(h);
                }
            }
            if noun.is_none() {
                noun = np;
            }
        }
        other.or(noun).map_or(Left::Open, Left::Found)
    }

    /// The speaker right after an inverted cue ("said Mr Gates", "said a spokesman for X").
    fn right(&self, from: usize, hi: usize) -> Option<Holder> {
        if from >= hi {
            return None;
        }
        // The last name of a run of names and titles: "said Virginia delegate Beau Correll",
        // "said Air Force 1st Lt. Tyler Livingston".
        let mut k = from;
        let mut name = None;
        while k < hi && k - from < MAX_NP {
            if let Some(l) = self.link_starting(k) {
                if self.is_possessive(l.last + 1) {
                    break;
                }
                name = Some(l);
                k = l.last + 1;
                continue;
            }
            let w = self.lower(k);
            let t = &self.doc.tokens[k];
            let title = self.lx.is_head(w)
                || self.lx.is_modifier(w)
                || self.lx.honorifics.contains_key(w)
                || (t.shape != Shape::Lower && t.kind == TokenKind::Word && !t.stop)
                || t.kind == TokenKind::Number
                || w.starts_with(|c: char| c.is_ascii_digit())
                || matches!(w, "." | "-" | "the");
            if !title {
                break;
            }
            k += 1;
        }
        // No title may follow the name: in "the Florida senator" it only modifies the noun.
        if let Some(l) = name.filter(|l| (l.last + 1..k).all(|i| !self.lx.is_head(self.lower(i)))) {
            return Some(self.actor_of(l));
        }
        // A noun phrase: determiner, modifiers, head; "for X" after a spokesman.
        let mut k = from;
        let mut possessor = None;
        if DETERMINERS.contains(&self.lower(k)) {
            k += 1;
        }
        let mut head = None;
        while k < hi && k - from < MAX_NP {
            if let Some(l) = self.link_starting(k) {
                if self.is_possessive(l.last + 1) || self.is_word(l.last + 1) {
                    possessor = Some(l);
                    k = l.last + 1 + usize::from(self.is_possessive(l.last + 1));
                    continue;
                }
                break;
            }
            let t = &self.doc.tokens[k];
            if t.kind == TokenKind::Word && !t.stop && !self.is_cue(self.lower(k)) {
                head = Some(k);
                k += 1;
                continue;
            }
            break;
        }
        let head = head?;
        if self.lower(head + 1) == "for" {
            if let Some(l) = self.link_starting(head + 2) {
                if SPOKES_NOUNS.contains(&self.lower(head)) {
                    return Some(Holder::Actor {
                        actor: l.actor,
                        first: from,
                        last: l.last,
                    });
                }
                if self.is_agent(self.lower(head)) {
                    return Some(Holder::Surface {
                        first: from,
                        last: l.last,
                    });
                }
            }
        }
        self.noun_holder(from, head, possessor)
    }

    /// The holder after "according to" or a reaction's "in"/"from".
    fn after_preposition(&self, from: usize, hi: usize) -> Option<Holder> {
        let mut k = from;
        if self.lower(k) == "the" && self.link_starting(k).is_none() {
            k += 1;
        }
        if let Some(l) = self.link_starting(k) {
            if !self.is_possessive(l.last + 1) {
                return Some(self.actor_of(l));
            }
        }
        self.right(from, hi)
    }

    /// The first name of a coordinated subject whose last conjunct starts at `first`: "Both
    /// Cruz and Fiorina", "Sanders and his aides". The name must open its clause, so that
    /// "Trump attacked Clinton and Sanders said" gives nothing.
    fn co_holder(&self, first: usize, lo: usize) -> Option<Holder> {
        if first < lo + 2 || self.lower(first - 1) != "and" {
            return None;
        }
        let l = self.link_ending(first - 2)?;
        let opens = l.first == lo || {
            let prev = self.lower(l.first - 1);
            matches!(prev, "," | "both")
                || OPENERS.contains(&prev)
                || self.is_quote_mark(l.first - 1)
        };
        opens.then(|| self.actor_of(l))
    }

    /// The speaker of the sentence: the first mention, within its first tokens, that is not in
    /// a prepositional phrase and is followed by a lowercase word (its verb).
    fn sentence_subject(&self, range: &Range<usize>) -> Option<Holder> {
        let hi = range.end.min(range.start + 2 * MAX_SEGMENT);
        for l in self.actors.links_in(range.start..hi) {
            // The subject opens the sentence or a clause: "Christie unleashed ..., and the New
            // Jersey governor tripped up Rubio by calling him out".
            let opens = l.first == range.start || {
                let prev = self.lower(l.first - 1);
                prev == "," || OPENERS.contains(&prev) || self.is_quote_mark(l.first - 1)
            };
            if !opens {
                continue;
            }
            let mut k = l.last + 1;
            while k < range.end && self.is_gap(k) && k - l.last < MAX_GAP {
                k += 1;
            }
            let verb = self.doc.tokens.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word && t.shape == Shape::Lower && !t.stop
                    || BE_FORMS.contains(&self.lower(k))
            });
            if verb && k < range.end {
                return Some(self.actor_of(l));
            }
        }
        None
    }

    /// The quotation a row quotes: the first in the sentence (`start..end`) after its cue
    /// (`cue_start..cue_end`), else the last before it; at least [`MIN_QUOTE_WORDS`] words.
    /// Only a few quotations either side are looked at.
    fn quote_for(
        &self,
        start: usize,
        end: usize,
        cue_start: usize,
        cue_end: usize,
    ) -> Option<Range<usize>> {
        let long = |q: &&Range<usize>| {
            self.doc
                .slice(q.start, q.end)
                .split_whitespace()
                .take(MIN_QUOTE_WORDS)
                .count()
                >= MIN_QUOTE_WORDS
        };
        let i = self.quotes.partition_point(|q| q.start < cue_end);
        let after = self.quotes[i..]
            .iter()
            .take(4)
            .take_while(|q| q.start < end)
            .find(long);
        if let Some(q) = after {
            return Some(q.clone());
        }
        let j = self.quotes.partition_point(|q| q.start < cue_start);
        self.quotes[..j]
            .iter()
            .rev()
            .take(4)
            .take_while(|q| q.end > start)
            .find(long)
            .cloned()
    }

    /// The tokens of the clause after token `from`: "that" dropped, cut at a clause break,
    /// at most [`MAX_CLAIM`] tokens. Empty when nothing follows.
    fn clause_after(&self, range: &Range<usize>, from: usize) -> Range<usize> {
        let mut from = from;
        while from < range.end
            && (matches!(
                self.lower(from),
                "that"
                    | ":"
                    | ","
                    | "on"
                    | "of"
                    | "today"
                    | "yesterday"
                    | "tonight"
                    | "later"
                    | "earlier"
                    | "also"
            ) || crate::lexicon::WEEKDAYS.contains(&self.lower(from)))
        {
            from += 1;
        }
        if from >= range.end {
            return from..from;
        }
        let limit = range.end.min(from + MAX_CLAIM);
        let mut to = limit;
        for k in from + 1..limit {
            let w = self.lower(k);
            // ", and" opens a new clause, ", and that" continues the report.
            let and_clause = w == ","
                && self.lower(k + 1) == "and"
                && !matches!(self.lower(k + 2), "that" | "\"" | "“");
            let breaks = matches!(w, ";" | "but" | "whereas")
                || and_clause
                || (w == ","
                    && matches!(
                        self.lower(k + 1),
                        "while"
                            | "but"
                            | "whereas"
                            | "by"
                            | "although"
                            | "though"
                            | "saying"
                            | "adding"
                    ));
            if breaks && !self.in_quote(k) {
                to = k;
                break;
            }
        }
        from..to
    }

    /// The report around a parenthetical attribution at tokens `group` (preceded by a comma):
    /// the words before it and the clause after the comma that closes it (or closes the
    /// speaker's apposition: "said Michael Kofman, an expert on Russia, would read this as").
    fn wrapped_claim(&self, range: &Range<usize>, group: (usize, usize)) -> String {
        let comma = group.0 - 1;
        let before = self.span_text(range.start.max(comma.saturating_sub(MAX_CLAIM))..comma);
        let hi = range.end.min(group.1 + 1 + MAX_SEGMENT);
        let mut close = (group.1 + 1..hi).find(|&k| self.text(k) == ",");
        if let Some(k) = close {
            let w = self.lower(k + 1);
            if DETERMINERS.contains(&w) || self.lx.is_head(w) || self.lx.is_modifier(w) {
                close = (k + 1..hi).find(|&j| self.text(j) == ",");
            }
        }
        let rest = close.map_or(String::new(), |k| {
            let clause = self.clause_after(range, k + 1);
            self.span_text(clause)
        });
        let before = before.trim_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ',');
        tidy(&format!("{} {rest}", tidy(before)))
    }

    /// The text of tokens `r`, tidied.
    fn span_text(&self, r: Range<usize>) -> String {
        if r.start >= r.end || r.end > self.doc.tokens.len() {
            return String::new();
        }
        tidy(self.doc.slice(
            self.doc.tokens[r.start].start,
            self.doc.tokens[r.end - 1].end,
        ))
    }

    /// The sentence without the cue phrase and holder ("according to X"), at most
    /// [`MAX_CLAIM`] tokens either side.
    fn without(&self, range: &Range<usize>, cut: (usize, usize)) -> String {
        let before = self.span_text(range.start.max(cut.0.saturating_sub(MAX_CLAIM))..cut.0);
        let after = self.span_text(cut.1 + 1..range.end.min(cut.1 + 1 + MAX_CLAIM));
        tidy(&format!("{before} {after}"))
    }
}

/// Trims punctuation and spaces off a claim's ends.
fn tidy(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–'))
        .to_string()
}

/// Finds the positions of `doc`.
pub fn find(doc: &Document, actors: &Actors) -> Vec<Position> {
    let f = Finder::new(doc, actors);
    let mut out: Vec<Position> = Vec::new();
    // The last quoted speaker and the paragraph of that quote (for continued quotations).
    let mut last_quoted: Option<(Holder, usize, Option<String>)> = None;
    for (si, s) in doc.sentences.iter().enumerate() {
        if s.kind == SentenceKind::Boilerplate || s.tokens.is_empty() {
            continue;
        }
        let range = s.tokens.clone();
        let mut seen: HashSet<String> = HashSet::default();
        let mut last_holder: Option<Holder> = None;
        let mut subject: Option<Option<Holder>> = None;
        let rows_before = out.len();
        let mut reported = 0..0;
        // "Obama: It's going to be OK", and transcripts ("PENCE: ..."): the speaker's words
        // fill the sentence, so cues inside them are not separate positions.
        if let Some(p) = colon_row(&f, si, &range) {
            out.push(p);
            continue;
        }
        let mut c = range.start;
        while c < range.end {
            let Some(cue) = f.cue_at(c, &range) else {
                c += 1;
                continue;
            };
            c = cue.last + 1;
            if f.in_quote(cue.first) {
                continue;
            }
            let holder = match cue.kind {
                CueKind::According => f.after_preposition(cue.last + 1, range.end),
                CueKind::Reaction => {
                    if matches!(f.lower(cue.last + 1), "in" | "from" | "among" | "by") {
                        f.after_preposition(cue.last + 2, range.end)
                    } else {
                        None
                    }
                }
                _ => {
                    let found = f.left(cue.first, range.start, cue.kind == CueKind::State);
                    let ing = f.lower(cue.first).ends_with("ing");
                    match found {
                        Left::Found(h) => Some(h),
                        Left::Blocked => None,
                        Left::Passive => {
                            if f.lower(cue.last + 1) == "by" {
                                f.after_preposition(cue.last + 2, range.end)
                            } else {
                                None
                            }
                        }
                        Left::Coordinated | Left::Participle => last_holder.clone().or_else(|| {
                            subject
                                .get_or_insert_with(|| f.sentence_subject(&range))
                                .clone()
                        }),
                        Left::Open if ing && cue.first > range.start => {
                            let prev = f.text(cue.first - 1);
                            if prev == "," {
                                last_holder.clone().or_else(|| {
                                    subject
                                        .get_or_insert_with(|| f.sentence_subject(&range))
                                        .clone()
                                })
                            } else {
                                None
                            }
                        }
                        Left::Open if cue.kind == CueKind::Speech => {
                            f.right(cue.last + 1, range.end)
                        }
                        Left::Open => None,
                    }
                }
            };
            let Some(holder) = holder else { continue };
            // A cue inside the clause another holder reports, with its holder there too, is
            // part of that report ("Sims said he was undecided until Haley said ...").
            let (h_first, _) = holder.span();
            if reported.start <= cue.first.min(h_first) && cue.first < reported.end {
                continue;
            }
            last_holder = Some(holder.clone());
            if out.len() - rows_before >= MAX_ROWS_PER_SENTENCE {
                continue;
            }
            // "Both Cruz and Fiorina criticized": each name of a coordinated subject.
            if let Some(co) = f.co_holder(h_first, range.start) {
                if let Some((p, _)) = row(&f, si, &range, &cue, &co) {
                    if seen.insert(p.actor.clone()) {
                        out.push(p);
                    }
                }
            }
            if let Some((p, clause)) = row(&f, si, &range, &cue, &holder) {
                reported = clause;
                if seen.insert(p.actor.clone()) {
                    if p.quote.is_some() {
                        last_quoted = Some((holder.clone(), s.paragraph, p.mention.clone()));
                    }
                    out.push(p);
                }
            }
        }
        // A quotation with no cue of its own continues the last speaker's.
        if out.len() == rows_before {
            if let Some(p) = continued(&f, si, &range, &mut last_quoted) {
                out.push(p);
            }
        }
    }
    out
}

/// The row for `holder` and `cue` in sentence `si`, and the tokens of the clause it reports.
fn row(
    f: &Finder,
    si: usize,
    range: &Range<usize>,
    cue: &Cue,
    holder: &Holder,
) -> Option<(Position, Range<usize>)> {
    let doc = f.doc;
    let (h_first, h_last) = holder.span();
    let s = &doc.sentences[si];
    let cue_end = doc.tokens[cue.last].end;
    let quote = f.quote_for(s.start, s.end, doc.tokens[cue.first].start, cue_end);
    let mut quote_text = quote
        .as_ref()
        .map(|q| tidy(doc.slice(q.start, q.end)))
        .filter(|q| !q.is_empty());
    // A quotation split by its attribution: '"A," Trump said, "and B."' quotes "A, and B".
    if let Some(q) = quote.as_ref().filter(|q| q.start >= cue_end) {
        let first = f.quote_for(s.start, doc.tokens[cue.first].start, q.start, q.start);
        if let Some(p) = first.filter(|p| {
            p.end <= doc.tokens[h_first.min(cue.first)].start
                && doc.slice(p.end, q.start).split_whitespace().count() <= 8
        }) {
            let second = tidy(doc.slice(q.start, q.end));
            let joiner = if second.starts_with(char::is_lowercase) {
                ", "
            } else {
                " "
            };
            quote_text = Some(format!(
                "{}{joiner}{second}",
                tidy(doc.slice(p.start, p.end))
            ));
        }
    }
    let clause = f.clause_after(range, cue.last + 1);
    let after = f.span_text(clause.clone());
    let claim = match cue.kind {
        CueKind::According => f.without(range, (cue.first, h_last)),
        CueKind::Reaction => {
            // What met the reaction: the clause before the one holding it.
            let floor = range.start.max(cue.first.saturating_sub(MAX_CLAIM));
            let opener = (floor..cue.first)
                .rev()
                .find(|&k| matches!(f.lower(k), "but" | "and" | "while" | ";"));
            match opener {
                Some(k) if k > floor => f.span_text(floor..k),
                _ => String::new(),
            }
        }
        CueKind::State => f.span_text(h_last + 1..range.end.min(h_last + 1 + MAX_CLAIM)),
        _ => {
            // "said Moscow had in mind India which are "closer ..."": the reported clause
            // holds the quotation; "said, somewhat cryptically: "..."" introduces it.
            let reported_before_quote = quote.as_ref().is_some_and(|q| {
                let between = doc.slice(cue_end, q.start);
                q.start > cue_end
                    && !between
                        .trim_end_matches(|c: char| !c.is_alphanumeric())
                        .is_empty()
                    && !between
                        .trim_end()
                        .trim_end_matches(QUOTE_MARKS_CHARS)
                        .trim_end()
                        .ends_with(':')
                    && between
                        .split_whitespace()
                        .filter(|w| w.chars().any(char::is_alphabetic))
                        .count()
                        >= 3
            });
            // "Whatever progress he has made, officials said, could easily be unraveled":
            // the report wraps around its attribution.
            let group = (h_first.min(cue.first), h_last.max(cue.last));
            let wrapped = group.0 > range.start + 2
                && f.text(group.0 - 1) == ","
                && f.text(group.1 + 1) == ",";
            match &quote_text {
                Some(q) if !reported_before_quote => q.clone(),
                _ if wrapped => f.wrapped_claim(range, group),
                _ if after.split_whitespace().count() >= 2 => after,
                _ if h_first > range.start => {
                    // "The plan is dead, Trump said": the words before the speaker.
                    let end = h_first.min(cue.first);
                    let before = f.span_text(range.start.max(end.saturating_sub(MAX_CLAIM))..end);
                    tidy(before.trim_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ','))
                }
                _ => after,
            }
        }
    };
    let min_words = if cue.kind == CueKind::State { 1 } else { 2 };
    if claim.split_whitespace().count() < min_words {
        return None;
    }
    let negated = (cue.first.saturating_sub(3)..cue.first)
        .filter(|&k| k >= range.start)
        .any(|k| matches!(f.lower(k), "not" | "n't" | "never"));
    let stance = match (cue.stance, negated) {
        ("supports", true) => "opposes",
        ("opposes", true) => "supports",
        // "He did not mention other states": saying nothing is not a position.
        ("says", true) => return None,
        (s, _) => s,
    };
    let (actor, resolved, side, mention) = describe(f, holder);
    let position = Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: doc.sentence_text(si).to_string(),
        claim,
        quote: quote_text,
        cue: Some(
            doc.slice(doc.tokens[cue.first].start, doc.tokens[cue.last].end)
                .to_string(),
        ),
        stance: Some(stance.to_string()),
        mention: Some(mention),
    };
    Some((position, clause))
}

/// Display name, resolution, side and words as written of a holder.
fn describe(f: &Finder, holder: &Holder) -> (String, bool, Option<String>, String) {
    let (first, last) = holder.span();
    let mention = match (f.doc.tokens.get(first), f.doc.tokens.get(last)) {
        (Some(a), Some(b)) => f.doc.slice(a.start, b.end).to_string(),
        _ => String::new(),
    };
    match *holder {
        Holder::Actor { actor, .. } => {
            let Some(e) = f.actors.list.get(actor) else {
                return (mention.clone(), false, None, mention);
            };
            let side = match e.kind {
                ActorKind::Person | ActorKind::Group => e.affiliation.clone(),
                ActorKind::Place | ActorKind::Organization => {
                    e.affiliation.clone().or_else(|| Some(e.name.clone()))
                }
            };
            (e.name.clone(), true, side, mention)
        }
        Holder::Surface { .. } => (mention.clone(), false, None, mention),
    }
}

/// "Name: statement" at the start of a sentence.
fn colon_row(f: &Finder, si: usize, range: &Range<usize>) -> Option<Position> {
    let doc = f.doc;
    let l = f.link_starting(range.start)?;
    if !l.named || f.text(l.last + 1) != ":" || l.last + 2 >= range.end {
        return None;
    }
    let e = f.actors.list.get(l.actor)?;
    if e.kind == ActorKind::Place {
        return None;
    }
    let claim = tidy(doc.slice(doc.tokens[l.last + 2].start, doc.tokens[range.end - 1].end));
    if claim.split_whitespace().count() < MIN_QUOTE_WORDS {
        return None;
    }
    let (actor, resolved, side, mention) = describe(f, &f.actor_of(l));
    Some(Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: doc.sentence_text(si).to_string(),
        quote: Some(claim.clone()),
        claim,
        cue: Some(":".to_string()),
        stance: Some("says".to_string()),
        mention: Some(mention),
    })
}

/// A row for a quotation that continues the last speaker's: the sentence opens the paragraph
/// after the speaker's with a quotation and names no one else outside it.
fn continued(
    f: &Finder,
    si: usize,
    range: &Range<usize>,
    last: &mut Option<(Holder, usize, Option<String>)>,
) -> Option<Position> {
    let doc = f.doc;
    let s = &doc.sentences[si];
    let (holder, para, mention) = last.clone()?;
    // Only a paragraph opening with a quotation right after the speaker's paragraph: later
    // sentences of a quotation already belong to its row.
    let first_of_paragraph = si == 0 || doc.sentences[si - 1].paragraph != s.paragraph;
    if para + 1 != s.paragraph || !first_of_paragraph || !f.is_quote_mark(range.start) {
        return None;
    }
    let q = f.quote_for(s.start, s.end, s.start, s.start)?;
    // Another name outside the quotation may be its speaker: leave it.
    let other = f
        .actors
        .links_in(range.clone())
        .any(|l| l.named && !f.in_quote(l.first));
    if other {
        return None;
    }
    let quote = tidy(doc.slice(q.start, q.end));
    let (actor, resolved, side, _) = describe(f, &holder);
    *last = Some((holder, s.paragraph, mention.clone()));
    Some(Position {
        actor,
        resolved,
        side,
        sentence: si,
        evidence: doc.sentence_text(si).to_string(),
        claim: quote.clone(),
        quote: Some(quote),
        cue: None,
        stance: Some("says".to_string()),
        mention,
    })
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Options, Position};

    fn rows(text: &str) -> Vec<Position> {
        analyze(text, &Options::new().language("en").expect("en"))
            .expect("analysable")
            .positions
    }

    /// Closing marks without opening ones: each quote starts after a colon of its own, so
    /// quotes never overlap (a second mark once reached back to the first quote's colon).
    #[test]
    fn quotes_without_opening_marks_do_not_overlap() {
        let text = "Ms Holt wrote: the pier is safe” and the levy fair” she said.";
        let doc = crate::text::Document::new(text, Some(crate::Lang::English));
        let quotes: Vec<&str> = super::quotations(&doc)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(quotes, ["the pier is safe"]);
        let text = "Ms Holt wrote: the pier is safe” and then: the levy is fair” she said.";
        let doc = crate::text::Document::new(text, Some(crate::Lang::English));
        let quotes: Vec<&str> = super::quotations(&doc)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(quotes, ["the pier is safe", "the levy is fair"]);
    }

    fn find<'a>(rows: &'a [Position], actor: &str) -> &'a Position {
        rows.iter()
            .find(|p| p.actor == actor)
            .unwrap_or_else(|| panic!("no row for {actor}: {rows:#?}"))
    }

    #[test]
    fn inverted_speaker_after_titles() {
        let r = rows("\"We will win this state,\" said Virginia delegate Beau Correll.");
        let p = find(&r, "Beau Correll");
        assert_eq!(p.quote.as_deref(), Some("We will win this state"));
        assert_eq!(p.stance.as_deref(), Some("says"));
    }

    #[test]
    fn apposition_chain_and_quote_before() {
        let r = rows(
            "\"Ted Cruz is not my favorite by any means,\" Graham, a former candidate, told CBS.",
        );
        assert_eq!(find(&r, "Graham").mention.as_deref(), Some("Graham"));
        let r = rows("Peter Morency, a Verizon customer based in Boston, said he was frustrated.");
        assert_eq!(find(&r, "Peter Morency").claim, "he was frustrated");
    }

    #[test]
    fn according_to_and_spokesman_for() {
        let r = rows("Mr Smith said the plan works. The deal is dead, according to Mr Smith.");
        assert!(r.iter().any(|p| p.cue.as_deref() == Some("according to")
            && p.actor == "Smith"
            && p.claim == "The deal is dead"));
        let r =
            rows("Mr Jones said he would run. A spokesman for Mr Jones said the report was false.");
        let p = r
            .iter()
            .find(|p| p.sentence == 1)
            .expect("row for the spokesman");
        assert_eq!(p.actor, "Jones");
        assert_eq!(p.mention.as_deref(), Some("A spokesman for Mr Jones"));
        let r = rows("Mr Jones said he would run. Mr Jones's spokesman later said he would not.");
        let p = r
            .iter()
            .find(|p| p.sentence == 1)
            .expect("row for the spokesman");
        assert_eq!(p.actor, "Jones");
        assert_eq!(p.mention.as_deref(), Some("Mr Jones's spokesman"));
    }

    #[test]
    fn coordination_participles_and_passives() {
        let r = rows("Mr Carson admitted the course name was wrong, but said his campaign had found the article.");
        assert_eq!(r.len(), 1, "{r:#?}");
        let r = rows("Mr Trump went after Mr Bush, calling him a total stiff.");
        assert_eq!(find(&r, "Trump").cue.as_deref(), Some("calling"));
        // "was accused" is passive: Mr Lee is not the accuser.
        let r = rows("Mr Lee said nothing. Mr Lee was accused of lying.");
        assert!(
            r.iter().all(|p| p.cue.as_deref() != Some("accused")),
            "{r:#?}"
        );
        let r = rows("Mr Lee said nothing. Mr Lee was accused by Mr Kim of lying.");
        assert_eq!(find(&r, "Kim").stance.as_deref(), Some("opposes"));
    }

    #[test]
    fn unresolved_holders_keep_their_words_and_pronouns_give_no_row() {
        let r = rows("Officials said the talks had failed. They said nothing else.");
        assert_eq!(r.len(), 1, "{r:#?}");
        assert!(!r[0].resolved);
        assert_eq!(r[0].actor, "Officials");
        assert_eq!(r[0].side, None);
    }

    #[test]
    fn nested_reports_stay_with_the_outer_speaker() {
        let r = rows("Mr Sims says he was undecided until Ms Haley said she was backing Rubio.");
        assert_eq!(r.len(), 1, "{r:#?}");
        assert_eq!(r[0].actor, "Sims");
    }

    #[test]
    fn stance_from_cue_and_negation() {
        let r = rows("Senator Warren did not support the bill. Senator Warren said so twice.");
        assert_eq!(find(&r, "Warren").stance.as_deref(), Some("opposes"));
        let r = rows("Mr Putin did not mention other states by name. Mr Putin left.");
        assert!(r.is_empty(), "{r:#?}");
    }

    #[test]
    fn party_members_are_a_group_on_the_party_side() {
        let r = rows("Republicans warned that the deal was a mistake.");
        let p = find(&r, "Republicans");
        assert_eq!(p.stance.as_deref(), Some("warns"));
        assert_eq!(p.side.as_deref(), Some("Republican Party"));
    }

    #[test]
    fn quotes_continued_and_doubled_apostrophes() {
        let r = rows(
            "Mr Kasich said: \"There is only one way to talk about it.\n\n\"With honor and respect, always.\"",
        );
        let cont = r.iter().find(|p| p.cue.is_none()).expect("continued quote");
        assert_eq!(cont.actor, "Kasich");
        assert_eq!(cont.mention.as_deref(), Some("Mr Kasich"));
        let r = rows("''We just cannot have a repeat of that,'' Ms. Boxer said.");
        assert_eq!(
            find(&r, "Boxer").quote.as_deref(),
            Some("We just cannot have a repeat of that")
        );
    }

    #[test]
    fn reports_around_their_attribution_and_split_quotes() {
        let r =
            rows("Whatever progress he made, officials said, could easily be undone by events.");
        assert_eq!(
            r[0].claim,
            "Whatever progress he made could easily be undone by events"
        );
        let r = rows("On Tuesday, Mr Trump said that he would win Ohio.");
        assert_eq!(find(&r, "Trump").claim, "he would win Ohio");
        let r = rows("\"I respect Sen. McCain,\" Mr Trump said, \"and I fully endorse him.\"");
        assert_eq!(
            find(&r, "Trump").quote.as_deref(),
            Some("I respect Sen. McCain, and I fully endorse him")
        );
    }

    #[test]
    fn speaker_labels() {
        let r = rows("Mr Obama said he was hopeful.\n\nObama: It is going to be fine in the end.");
        let p = r
            .iter()
            .find(|p| p.cue.as_deref() == Some(":"))
            .expect("label row");
        assert_eq!(p.claim, "It is going to be fine in the end");
    }
}
