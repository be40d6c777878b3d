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
/// Verbs after "declined to" / "refused to" that make the phrase a refusal to speak ("declined
/// to comment"), which states no position.
const NO_COMMENT: &[&str] = &[
    "comment",
    "speak",
    "say",
    "discuss",
    "elaborate",
    "answer",
    "respond",
    "reply",
    "talk",
    "confirm",
    "specify",
    "disclose",
    "detail",
    "provide",
    "give",
    "release",
    "identify",
    "name",
    "be",
    "share",
    "return",
    "make",
];
/// Auxiliaries, modals and forms of "be", "have" and "do": a claim holding one is a clause.
const AUXILIARIES: &[&str] = &[
    "is",
    "was",
    "were",
    "are",
    "am",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "shall",
    "won't",
    "can't",
    "cannot",
    "not",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "don't",
    "doesn't",
    "didn't",
    "hasn't",
    "haven't",
    "wouldn't",
    "couldn't",
    "shouldn't",
];
/// Subject pronouns that open a clause ("he", "it's", "there").
const CLAUSE_SUBJECTS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "there"];
/// Cues whose object and its complement are the position ("called him a liar", "described the
/// plan as reckless"): their claim need not be a clause.
const OBJECT_CUES: &[&str] = &[
    "called",
    "calling",
    "calls",
    "labeled",
    "labelled",
    "described",
    "describing",
    "describes",
    "dubbed",
    "branded",
];
/// At most this many tokens of addressee and frame between a cue and its "that" ("told CNN
/// in an interview in 2018 that").
const FRAME_SPAN: usize = 12;
/// Nouns of a medium or occasion that make a prepositional phrase after a cue a frame ("in an
/// interview", "on Twitter", "in a statement"), not part of the claim.
const FRAME_NOUNS: &[&str] = &[
    "statement",
    "interview",
    "interviews",
    "email",
    "e-mail",
    "letter",
    "tweet",
    "tweets",
    "post",
    "speech",
    "release",
    "message",
    "call",
    "video",
    "op-ed",
    "appearance",
    "memo",
    "broadcast",
    "podcast",
    "conference",
    "briefing",
    "rally",
    "debate",
    "radio",
    "television",
    "tv",
    "twitter",
    "facebook",
    "instagram",
    "blog",
    "column",
    "remarks",
    "hearing",
    "session",
    "meeting",
    "event",
    "address",
    "reporters",
    "journalists",
];

/// Tokens back from a pronoun holder in which another compatible person makes it ambiguous
/// (about two sentences, as the actor stage looks for antecedents).
const PRONOUN_REACH: usize = 80;

/// Byte spans of the quotations (content, without the marks) of each paragraph.
fn quotations(doc: &Document) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for para in &doc.paragraphs {
        let text = doc.slice(para.start, para.end);
        let mut open: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = para.start + i;
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
                }
                (Some(_), '“') => open = Some(at + width),
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
            // "continued to say", "wants to support": the verb after "to" is the cue, and
            // gives the stance ("declined to say" stays a refusal to speak).
            let refusal = matches!(lower, "declined" | "declines" | "refused" | "refuses");
            if self.lower(c + 1) == "to" && c + 2 < range.end && !refusal {
                let inner = self.lower(c + 2);
                if let Some(inner_stance) = self.lx.cues.get(inner).copied() {
                    let stance = if inner_stance == "says" {
                        stance
                    } else {
                        inner_stance
                    };
                    return Some(Cue {
                        first: c,
                        last: c + 2,
                        stance,
                        kind: CueKind::Verb,
                    });
                }
            }
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

    /// Whether the cue introduces no position: a refusal to speak ("declined to comment"), or a
    /// speech verb before an infinitive, where it means something else ("continued to
    /// interject", "added to the pressure" stays, "asked to leave" goes).
    fn not_a_position(&self, cue: &Cue) -> bool {
        if self.lower(cue.last + 1) != "to" {
            return false;
        }
        let next = self.lower(cue.last + 2);
        if matches!(
            self.lower(cue.first),
            "declined" | "declines" | "refused" | "refuses"
        ) {
            return NO_COMMENT.contains(&next);
        }
        // "to" before a bare verb: lowercase, not a determiner, pronoun or known noun of
        // people ("told to reporters" keeps its addressee).
        let t = self.doc.tokens.get(cue.last + 2);
        let infinitive = t.is_some_and(|t| t.kind == TokenKind::Word && t.shape == Shape::Lower)
            && !DETERMINERS.contains(&next)
            && !matches!(next, "him" | "her" | "them" | "us" | "me" | "you" | "it")
            && !self.is_agent(next);
        cue.kind == CueKind::Speech && infinitive
    }

    /// A holder that is a fragment of a name made whole: a mention glued to the word before it
    /// ("E" of "PG&E officials") or cut before a middle initial ("Peter" of "Peter T. King")
    /// becomes the words as written; a descriptor next to a person's name (", Ann Lee,") gives
    /// way to the name.
    fn repair_holder(&self, h: Holder) -> Holder {
        let (mut first, mut last) = h.span();
        let glued = |a: usize, b: usize| {
            let (Some(x), Some(y)) = (self.doc.tokens.get(a), self.doc.tokens.get(b)) else {
                return false;
            };
            x.end == y.start && (x.kind != TokenKind::Punct || matches!(self.text(a), "&" | "-"))
        };
        let mut changed = false;
        // "AT&T officials": the word before the holder ends a compound glued by "&" or "-".
        if first >= 2
            && self.is_word(first - 1)
            && glued(first - 2, first - 1)
            && matches!(self.text(first - 2), "&" | "-")
        {
            first -= 1;
            changed = true;
        }
        while first > 0 && glued(first - 1, first) && first + MAX_NP > h.span().0 {
            first -= 1;
            changed = true;
        }
        // "Peter T. King": an initial and a capitalised word continue the name.
        let initial = |k: usize| {
            let w = self.text(k);
            w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase()) && self.text(k + 1) == "."
        };
        // "Pierre de Vos": a lowercase particle and a capitalised word continue the name.
        let particle = matches!(
            self.text(last + 1),
            "de" | "da"
                | "van"
                | "von"
                | "der"
                | "del"
                | "della"
                | "di"
                | "du"
                | "la"
                | "le"
                | "bin"
                | "al"
        );
        if matches!(h, Holder::Actor { .. }) && particle {
            if let Some(t) = self.doc.tokens.get(last + 2) {
                if t.shape == Shape::Capitalized {
                    last += 2;
                    changed = true;
                }
            }
        }
        if matches!(h, Holder::Actor { .. }) && initial(last + 1) {
            if let Some(t) = self.doc.tokens.get(last + 3) {
                if t.shape == Shape::Capitalized {
                    last += 3;
                    changed = true;
                }
            }
        }
        // "the World Travel & Tourism Council": "&" and capitalised words continue the name.
        if matches!(h, Holder::Actor { .. }) && self.text(last + 1) == "&" {
            let mut k = last + 2;
            while self
                .doc
                .tokens
                .get(k)
                .is_some_and(|t| t.shape != Shape::Lower && t.kind == TokenKind::Word)
                && k < last + MAX_NP
            {
                k += 1;
            }
            if k > last + 2 {
                last = k - 1;
                changed = true;
            }
        }
        while glued(last, last + 1) && self.is_word(last + 1) && last < h.span().1 + MAX_NP {
            last += 1;
            changed = true;
        }
        if changed {
            return Holder::Surface { first, last };
        }
        if let Holder::Surface { first, last } = h {
            let person = |l: &&Link| {
                l.named
                    && self
                        .actors
                        .list
                        .get(l.actor)
                        .is_some_and(|e| e.kind == ActorKind::Person)
            };
            if self.text(last + 1) == "," {
                if let Some(l) = self.link_starting(last + 2).filter(person) {
                    return self.actor_of(l);
                }
            }
            if first >= 2 && self.text(first - 1) == "," {
                if let Some(l) = self.link_ending(first - 2).filter(person) {
                    return self.actor_of(l);
                }
            }
        }
        h
    }

    /// Whether the holder is a "he" or "she" with more than one person of that gender (or of
    /// none known) mentioned in the reach before it: the row would guess, so it is dropped.
    fn ambiguous_pronoun(&self, h: &Holder) -> bool {
        let Holder::Actor { actor, first, last } = *h else {
            return false;
        };
        let g = match self.lower(first) {
            "he" => crate::lexicon::Gender::Male,
            "she" => crate::lexicon::Gender::Female,
            _ => return false,
        };
        if first != last {
            return false;
        }
        let from = first.saturating_sub(PRONOUN_REACH);
        let compatible = |l: &&Link| {
            l.first != first
                && self.actors.list.get(l.actor).is_some_and(|e| {
                    e.kind == ActorKind::Person && e.gender.is_none_or(|eg| eg == g)
                })
        };
        let candidates: Vec<&Link> = self
            .actors
            .links_in(from..first)
            .filter(compatible)
            .collect();
        if candidates.iter().all(|l| l.actor == actor) {
            return false;
        }
        // Another person is in reach: the pronoun still stands for the nearest subject when
        // that is the actor it was resolved to ("Ann Lee told Tom Berg ... She said").
        let subject = candidates
            .iter()
            .rev()
            .find(|l| self.opens_clause(l.first) && self.verb_follows(l.last));
        subject.is_none_or(|l| l.actor != actor)
    }

    /// Whether token `k` opens its sentence or a clause (after a comma, an opener or a
    /// quotation mark).
    fn opens_clause(&self, k: usize) -> bool {
        let Some(t) = self.doc.tokens.get(k) else {
            return false;
        };
        let start = self.doc.sentences[t.sentence].tokens.start;
        // Titles before a name ("President Ann Lee") still open it.
        let mut k = k;
        while k > start && {
            let w = self.lower(k - 1);
            self.lx.honorifics.contains_key(w) || self.lx.is_head(w) || self.lx.is_modifier(w)
        } {
            k -= 1;
        }
        k == start || {
            let prev = self.lower(k - 1);
            prev == "," || OPENERS.contains(&prev) || self.is_quote_mark(k - 1)
        }
    }

    /// Whether a verb (a lowercase word, after auxiliaries and adverbs) follows token `k`.
    fn verb_follows(&self, k: usize) -> bool {
        let mut j = k + 1;
        while self.is_gap(j) && j < k + MAX_GAP {
            j += 1;
        }
        self.doc.tokens.get(j).is_some_and(|t| {
            t.kind == TokenKind::Word && t.shape == Shape::Lower && !t.stop
                || BE_FORMS.contains(&self.lower(j))
        })
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
                // "Ann Lee of the Harbour Trust in Leeds": the person named first, before
                // the prepositional phrase, is the subject.
                let first = self.actors.links_in(lo..p).next().filter(|f| {
                    f.named
                        && matches!(self.lower(f.last + 1), "of" | "from" | "at" | "with")
                        && self
                            .actors
                            .list
                            .get(f.actor)
                            .is_some_and(|e| e.kind == ActorKind::Person)
                        && (lo..f.first).all(|k| {
                            let w = self.lower(k);
                            DETERMINERS.contains(&w)
                                || self.lx.is_head(w)
                                || self.lx.is_modifier(w)
                                || self.lx.honorifics.contains_key(w)
                                || self.doc.tokens[k].shape != Shape::Lower
                        })
                });
                return (first.map(|f| self.actor_of(f)), None);
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
            // "Ann Lee — a former aide — said": a dashed apposition is stepped over.
            if matches!(self.text(j), "—" | "–" | "--") && jumps < 2 {
                jumps += 1;
                let floor = j.saturating_sub(MAX_SEGMENT).max(lo);
                match (floor..j)
                    .rev()
                    .find(|&k| matches!(self.text(k), "—" | "–" | "--"))
                {
                    Some(open) if open > lo => {
                        j = open;
                        continue;
                    }
                    _ => return Left::Open,
                }
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

    /// The first token of the reported clause after the addressee and the frame that may open
    /// it: "told Reuters that", "said in an interview that", "told CNN in 2018 that" (the first
    /// "that" within [`FRAME_SPAN`] tokens with no verb before it), "told the Post, "...""
    /// (a quotation after a comma or colon), "said in a statement, ..." (a prepositional phrase
    /// on a [`FRAME_NOUNS`] noun, up to its comma).
    fn skip_frame(&self, range: &Range<usize>, from: usize) -> usize {
        let hi = range.end.min(from + FRAME_SPAN);
        for k in from..hi {
            let w = self.lower(k);
            let t = &self.doc.tokens[k];
            if k > from && (w == "that" || w == ":") {
                return k + 1;
            }
            if self.is_quote_mark(k) {
                let after_break = k > from && matches!(self.lower(k - 1), "," | ":");
                return if after_break { k } else { from };
            }
            let verb = AUXILIARIES.contains(&w)
                || CLAUSE_SUBJECTS.contains(&w)
                || self.is_cue(w)
                || matches!(
                    w,
                    ";" | "who" | "which" | "whether" | "if" | "because" | "to"
                ) && !(w == "to" && k == from)
                || (t.shape == Shape::Lower && w.len() > 4 && w.ends_with("ed"));
            if verb {
                break;
            }
        }
        // A frame without "that": "in a statement, ...", "on Twitter, ...".
        if matches!(
            self.lower(from),
            "in" | "on" | "during" | "at" | "via" | "to" | "through"
        ) {
            let end = range.end.min(from + 8);
            let framed = (from + 1..end).any(|k| FRAME_NOUNS.contains(&self.lower(k)));
            if let Some(comma) = (from + 1..end).find(|&k| self.text(k) == ",") {
                if framed && (from + 1..comma).all(|k| !self.is_cue(self.lower(k))) {
                    return comma + 1;
                }
            }
            // "posted to Twitter asking if ...": the frame, then the speech participle.
            if let Some(k) = (from + 1..end).find(|&k| FRAME_NOUNS.contains(&self.lower(k))) {
                let next = self.lower(k + 1);
                if next.ends_with("ing") && self.lx.speech.contains(next) {
                    return k + 2;
                }
            }
        }
        from
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
            ) || (crate::lexicon::WEEKDAYS.contains(&self.lower(from))
                && !self.is_possessive(from + 1)))
        {
            from += 1;
        }
        let from = self.skip_frame(range, from);
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
            // "but that" goes on with the report.
            let but_that = w == "but" || (w == "," && self.lower(k + 1) == "but");
            let breaks = matches!(w, ";" | "whereas")
                || (but_that && !self.but_that_continues(k))
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
            // ", according to ...", ", officials said": the writer's attribution again.
            // ", told Reuters": the main clause resumes after a relative one ("the source, who
            // said he had spoken to them, told Reuters").
            let resumes = w == ","
                && matches!(
                    self.lower(k + 1),
                    "told" | "tells" | "said" | "says" | "added" | "wrote"
                )
                && self
                    .doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|t| t.shape == Shape::Lower);
            let attribution = resumes
                || w == ","
                    && (self.lower(k + 1) == "according"
                        || (k + 2..(k + 5).min(limit)).any(|j| {
                            self.lx.speech.contains(self.lower(j))
                                && (k + 1..j)
                                    .all(|i| self.is_word(i) && !self.is_cue(self.lower(i)))
                        }));
            if (breaks || attribution) && !self.in_quote(k) {
                to = k;
                break;
            }
        }
        from..to
    }

    /// Whether "but" at `k` (or ", but") goes on with the report: "but that" with a subject
    /// after it ("said it works but that the cost is high"), not "but that received a cool
    /// response", where "that" is itself the subject.
    fn but_that_continues(&self, k: usize) -> bool {
        let Some(that) = (k + 1..k + 3).find(|&j| self.lower(j) == "that") else {
            return false;
        };
        let next = self.lower(that + 1);
        let verb = AUXILIARIES.contains(&next)
            || self.is_cue(next)
            || (next.len() > 4 && next.ends_with("ed"));
        !verb
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
        // ", said Ann Lee, who follows the market": a relative clause about the speaker is not
        // part of the report.
        let close = close.filter(|&k| !matches!(self.lower(k + 1), "who" | "whose" | "which"));
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

/// The words of `text`, lowercased, without the punctuation around them.
fn claim_words(text: &str) -> Vec<(String, bool)> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .filter(|w| !w.is_empty())
        .map(|w| (w.to_lowercase(), w.starts_with(char::is_lowercase)))
        .collect()
}

/// Whether `claim` reads as a clause, with a verb, rather than an object noun phrase or a
/// prepositional phrase ("her third goal for the club", "at length before the committee").
/// Without a tagger, a verb is an auxiliary, a subject pronoun ("it's"), a lowercase word in
/// "-ed" or "n't", "to" before a lowercase word, a gerund after a preposition ("of lying"), or
/// a lowercase "-s" word after another word.
fn clause_like(claim: &str) -> bool {
    let words = claim_words(claim);
    words.iter().enumerate().any(|(i, (w, lower))| {
        let stem = w.split(['\'', '’']).next().unwrap_or(w);
        let next_lower = words.get(i + 1).is_some_and(|(n, l)| {
            *l && !DETERMINERS.contains(&n.as_str()) && !PRONOUNS.contains(&n.as_str())
        });
        AUXILIARIES.contains(&w.as_str())
            || CLAUSE_SUBJECTS.contains(&stem)
            || w.ends_with("n't")
            || w.ends_with("n’t")
            || (*lower && w.len() > 4 && w.ends_with("ed"))
            || (w == "to" && next_lower)
            || (*lower
                && i > 0
                && w.len() > 4
                && w.ends_with("ing")
                && PREPOSITIONS.contains(&words[i - 1].0.as_str()))
            || (*lower
                && i > 0
                && w.len() > 3
                && w.ends_with('s')
                && !w.ends_with("ss")
                && !w.ends_with("us")
                && !w.ends_with("is")
                && !DETERMINERS.contains(&words[i - 1].0.as_str())
                && !PREPOSITIONS.contains(&words[i - 1].0.as_str()))
    })
}

/// Whether an unquoted claim is junk: only a pronoun ("him"), or opening with a preposition
/// and holding no clause ("to him", "during his time at the club"); for a claim of what was
/// said (`said`), also under three words ("That said") or only a name ("the World Health
/// Organization": capitalised words and determiners). An object name stays for the other
/// stances: "endorsed Ann Lee" supports her.
fn junk_claim(claim: &str, said: bool) -> bool {
    let words = claim_words(claim);
    let pronoun_only = words.iter().all(|(w, _)| {
        matches!(
            w.as_str(),
            "him" | "her" | "them" | "it" | "us" | "me" | "you" | "himself" | "herself" | "this"
        ) || DETERMINERS.contains(&w.as_str())
    });
    let prepositional = words
        .first()
        .is_some_and(|(w, _)| PREPOSITIONS.contains(&w.as_str()) || w == "during")
        && !clause_like(claim);
    let name_only = words
        .iter()
        .all(|(w, lower)| !lower || DETERMINERS.contains(&w.as_str()) || w == "of");
    pronoun_only || prepositional || (said && (words.len() < 3 || name_only))
}

/// Trims punctuation and spaces off a claim's ends.
fn tidy(s: &str) -> String {
    let s = s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
    });
    strip_dateline(s)
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
        .to_string()
}

/// A claim without the dateline the article opens with ("LONDON — After ..."): words in
/// capitals (and a comma) before a dash.
fn strip_dateline(s: &str) -> &str {
    for dash in [" — ", " – ", " -- ", " - "] {
        if let Some(i) = s.find(dash).filter(|&i| i > 1 && i <= 40) {
            let head = &s[..i];
            let capitals = head.chars().any(char::is_alphabetic)
                && head
                    .chars()
                    .all(|c| !c.is_lowercase() && (c.is_alphabetic() || " ,.()".contains(c)));
            if capitals {
                return &s[i + dash.len()..];
            }
        }
    }
    s
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
            if f.in_quote(cue.first) || f.not_a_position(&cue) {
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
            let Some(holder) = holder.map(|h| f.repair_holder(h)) else {
                continue;
            };
            // "No group claimed responsibility": a holder that is nobody.
            if f.ambiguous_pronoun(&holder)
                || matches!(
                    f.lower(holder.span().0),
                    "no" | "none" | "nobody" | "neither"
                )
            {
                continue;
            }
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
        // A quotation with no cue of its own continues the last speaker's: in the next
        // paragraph a row of its own, in the same paragraph the same statement.
        if out.len() == rows_before {
            if let Some(p) = continued(&f, si, &range, &mut last_quoted) {
                out.push(p);
            } else {
                extend_quote(&f, si, &range, &mut out);
            }
        }
    }
    for p in &mut out {
        p.confidence = (confidence(p) * 1000.0).round() / 1000.0;
    }
    out
}

/// Rows with at least this [`Position::confidence`] are the ones the demo and the
/// `<pith-summary>` widget show; [`analyze`](crate::analyze) keeps every row. Chosen on PolNeAR
/// dev as the lowest threshold at which 90% of the rows shown are right by the strict rule of
/// `pith eval attribution` (see `pith train confidence`).
pub const DISPLAY_CONFIDENCE: f64 = 0.75;

/// How many features [`confidence_features`] gives.
pub const CONFIDENCE_FEATURES: usize = 23;

/// Weights of the confidence model over [`confidence_features`], fitted by
/// `pith train confidence --data ../shared/eval/attribution/train --dev
/// ../shared/eval/attribution/dev` (logistic regression on PolNeAR train, a row labelled right
/// by the strict rule of `pith eval attribution`).
const CONFIDENCE_WEIGHTS: [f64; CONFIDENCE_FEATURES] = [
    0.1979, 0.4443, 0.0665, -0.7281, -0.6295, 0.9572, -0.4349, -0.1338, -0.2671, 0.2934, 0.4717,
    -1.0376, -0.1279, 0.4281, -0.8051, 0.9612, -0.3933, -0.4248, -0.5841, 0.4363, 0.0744, -0.0888,
    0.0474,
];

/// Plain speech cues, the most reliable ("said", "told", "according to").
const PLAIN_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "wrote",
    "writes",
    "according to",
];

/// The features of a row the confidence model reads, all from the row itself (so a row from
/// any source can be scored): a constant; the claim is the quotation; a quotation inside a
/// reported clause; a quotation continued from the paragraph before; a speaker label ("Name:");
/// a plain speech cue; the stance (supports or opposes; rejects; proposes, demands, offers,
/// warns or threatens; says is the base); the holder resolved to an actor; named through a
/// pronoun; through a role noun; an unresolved plural ("officials"); the claim's length (log
/// scale, and under five words); the claim's share of the evidence; a one-word holder; a
/// holder that is its own side (an organisation or place); the holder's words inside the claim;
/// a holder opening the sentence; a claim opening in lowercase (a reported clause); an
/// unquoted claim in the first person; an unquoted claim in a sentence with quotation marks.
pub fn confidence_features(p: &Position) -> [f64; CONFIDENCE_FEATURES] {
    let b = |x: bool| if x { 1.0 } else { 0.0 };
    let claim_words = p.claim.split_whitespace().count();
    let evidence_words = p.evidence.split_whitespace().count().max(1);
    let quoted = p.quote.as_deref() == Some(p.claim.as_str());
    let cue = p.cue.as_deref().map(str::to_lowercase);
    let stance = p.stance.as_deref().unwrap_or("says");
    let mention = p.mention.as_deref().unwrap_or("").to_lowercase();
    let pronoun = matches!(mention.as_str(), "he" | "she" | "they" | "i" | "we" | "it");
    let actor_lower = p.actor.to_lowercase();
    let first_person = p.claim.split_whitespace().any(|w| {
        matches!(
            w,
            "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "I'm" | "I’m"
        )
    });
    let by_role = p.resolved
        && !pronoun
        && !actor_lower.split_whitespace().any(|w| {
            mention
                .split_whitespace()
                .any(|m| m.trim_end_matches("'s") == w)
        });
    [
        1.0,
        b(quoted),
        b(p.quote.is_some() && !quoted),
        b(cue.is_none()),
        b(cue.as_deref() == Some(":")),
        b(cue.as_deref().is_some_and(|c| PLAIN_CUES.contains(&c))),
        b(matches!(stance, "supports" | "opposes")),
        b(stance == "rejects"),
        b(matches!(
            stance,
            "proposes" | "demands" | "offers" | "warns" | "threatens"
        )),
        b(p.resolved),
        b(pronoun),
        b(by_role),
        b(!p.resolved && actor_lower.ends_with('s')),
        (1.0 + claim_words as f64).ln() / (1.0 + MAX_CLAIM as f64).ln(),
        b(claim_words < 5),
        (claim_words as f64 / evidence_words as f64).min(1.5),
        b(p.actor.split_whitespace().count() == 1),
        b(p.side.as_deref() == Some(p.actor.as_str())),
        b(!mention.is_empty() && p.claim.to_lowercase().contains(&mention)),
        b(!mention.is_empty() && p.evidence.to_lowercase().starts_with(&mention)),
        b(p.claim.starts_with(char::is_lowercase)),
        b(!quoted && first_person),
        b(!quoted && p.evidence.contains(QUOTE_MARKS_CHARS)),
    ]
}

/// The model's probability that row `p` is right, from `weights` over
/// [`confidence_features`].
pub fn confidence_with(p: &Position, weights: &[f64; CONFIDENCE_FEATURES]) -> f64 {
    let z: f64 = confidence_features(p)
        .iter()
        .zip(weights)
        .map(|(x, w)| x * w)
        .sum();
    1.0 / (1.0 + (-z).exp())
}

/// The calibrated probability that row `p` is right: holder and claim as a careful reader
/// would accept them.
pub fn confidence(p: &Position) -> f64 {
    confidence_with(p, &CONFIDENCE_WEIGHTS)
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
    // "Why me?" Trump said.: the question mark ended the sentence inside the quotation, so
    // an attribution opening its sentence quotes the sentence before, when that one ends
    // with a quotation mark in the same paragraph.
    let bare_attribution = f
        .span_text(f.clause_after(range, cue.last + 1))
        .split_whitespace()
        .count()
        < 2;
    let quote_start = match si.checked_sub(1).map(|p| &doc.sentences[p]) {
        Some(prev)
            if h_first.min(cue.first) == range.start
                && bare_attribution
                && prev.paragraph == s.paragraph
                && doc
                    .slice(prev.start, prev.end)
                    .trim_end()
                    .ends_with(QUOTE_MARKS_CHARS) =>
        {
            prev.start
        }
        _ => s.start,
    };
    // '"...," Ann Lee said during an interview on "Meet the Press"': a quotation closing right
    // before the attribution is what it attributes, whatever is quoted after.
    let group_start = doc.tokens[h_first.min(cue.first)].start;
    let inverted = f
        .quotes
        .get(
            f.quotes
                .partition_point(|q| q.end <= group_start)
                .wrapping_sub(1),
        )
        .filter(|q| {
            q.start >= quote_start
                && doc
                    .slice(q.end, group_start)
                    .chars()
                    .all(|c| !c.is_alphanumeric())
        })
        .filter(|q| {
            doc.slice(q.start, q.end)
                .split_whitespace()
                .nth(MIN_QUOTE_WORDS - 1)
                .is_some()
        })
        .cloned();
    // Unless the quotation goes on right after the attribution ('"A," Ann Lee said, "B."'),
    // which the split-quote join below takes.
    let resumed = f
        .quotes
        .get(f.quotes.partition_point(|q| q.start < cue_end))
        .is_some_and(|q| {
            q.start < s.end
                && doc
                    .slice(cue_end, q.start)
                    .chars()
                    .all(|c| !c.is_alphanumeric())
        });
    let inverted = inverted.filter(|_| !resumed);
    // 'Children who grow up now "will see it differently," he said': the quotation finishes a
    // sentence the writer began, so the claim is the whole of it.
    let partial = inverted.as_ref().is_some_and(|q| {
        q.start > s.start
            && doc.slice(s.start, q.start).split_whitespace().count() >= 2
            && doc.slice(q.start, q.end).starts_with(char::is_lowercase)
    });
    let quote =
        inverted.or_else(|| f.quote_for(quote_start, s.end, doc.tokens[cue.first].start, cue_end));
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
        // "According to X, "...," the writer goes on": the quotation, up to its end.
        CueKind::According => match &quote_text {
            Some(q)
                if f.text(h_last + 1) == ","
                    && f.is_quote_mark(h_last + 2)
                    && quote
                        .as_ref()
                        .is_some_and(|r| r.start <= doc.tokens[h_last + 2].end + 1) =>
            {
                q.clone()
            }
            _ => f.without(range, (cue.first, h_last)),
        },
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
        // "He is confident the deal will pass": what the holder is confident of; "the
        // Russians were unimpressed": the attitude itself.
        CueKind::State => {
            let what = f.span_text(f.clause_after(range, cue.last + 1));
            if clause_like(&what) && what.split_whitespace().count() >= 3 {
                what
            } else {
                f.span_text(h_last + 1..range.end.min(h_last + 1 + MAX_CLAIM))
            }
        }
        _ => {
            // "said Moscow had in mind India which are "closer ..."": the reported clause
            // holds the quotation; "said, somewhat cryptically: "..."" introduces it.
            // After the addressee or frame ("told the Post, "..."") the quotation is the claim.
            let quote_after_frame = quote.as_ref().is_some_and(|q| {
                doc.tokens.get(clause.start).is_some_and(|t| {
                    f.is_quote_mark(clause.start) && t.end <= q.start && t.start + 4 >= q.start
                })
            });
            let reported_before_quote = !quote_after_frame
                && quote.as_ref().is_some_and(|q| {
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
                Some(_) if partial => {
                    let end = h_first.min(cue.first);
                    let before = f.span_text(range.start.max(end.saturating_sub(MAX_CLAIM))..end);
                    tidy(
                        before
                            .trim_end_matches(|c: char| QUOTE_MARKS_CHARS.contains(&c) || c == ','),
                    )
                }
                Some(q) if !reported_before_quote => q.clone(),
                _ if wrapped => f.wrapped_claim(range, group),
                // "The plan works, Ann Lee told a Senate panel Wednesday": after an inverted
                // attribution only the addressee follows; the report is before it.
                _ if after.split_whitespace().count() >= 2
                    && !after.split_whitespace().next().is_some_and(|w| {
                        matches!(w, "as" | "while" | "when" | "after" | "before" | "during")
                    })
                    && !((cue.kind == CueKind::Speech
                        || matches!(f.lower(cue.first), "told" | "tells"))
                        && h_first > range.start + 2
                        && f.text(h_first.min(cue.first) - 1) == ","
                        && !clause_like(&after)) =>
                {
                    after
                }
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
    let quoted = quote_text.as_deref() == Some(claim.as_str());
    if !quoted && matches!(cue.kind, CueKind::Verb | CueKind::Speech) {
        // What someone did ("added her third goal", "testified before the committee") is
        // not what they said: a "says" cue reports a clause.
        let object_cue = OBJECT_CUES.contains(&f.lower(cue.first));
        if cue.stance == "says" && !object_cue && !clause_like(&claim) {
            return None;
        }
        if junk_claim(&claim, cue.stance == "says" && !object_cue) {
            return None;
        }
    }
    let negated = (cue.first.saturating_sub(3)..cue.first)
        .filter(|&k| k >= range.start)
        .any(|k| matches!(f.lower(k), "not" | "n't" | "never"));
    let stance = match (cue.stance, negated) {
        ("supports", true) => "opposes",
        ("opposes", true) => "supports",
        // "do not want to", "never proposed": what someone does not want or propose they
        // oppose, never propose.
        ("proposes" | "demands" | "offers", true) => "opposes",
        // "He did not mention other states": saying nothing is not a position; nor is not
        // warning, threatening or rejecting.
        ("says" | "warns" | "threatens" | "rejects", true) => return None,
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
        confidence: 0.0,
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
        confidence: 0.0,
    })
}

/// '"A," Ann Lee said. "B."': a sentence opening with a quotation, naming no one outside it,
/// right after a quoted row in the same paragraph, goes on with that row's quotation, so the
/// claim is the whole statement and stops where the quotation ends.
fn extend_quote(f: &Finder, si: usize, range: &Range<usize>, out: &mut [Position]) {
    let doc = f.doc;
    let s = &doc.sentences[si];
    let Some(last) = out.last_mut() else { return };
    let prev = si.checked_sub(1).map(|p| &doc.sentences[p]);
    if last.sentence + 1 != si
        || prev.is_none_or(|p| p.paragraph != s.paragraph)
        || !f.is_quote_mark(range.start)
        || last.quote.as_deref() != Some(last.claim.as_str())
        || last.claim.split_whitespace().count() > MAX_CLAIM
    {
        return;
    }
    let Some(q) = f.quote_for(s.start, s.end, s.start, s.start) else {
        return;
    };
    if q.start > doc.tokens[range.start].end + 1 {
        return;
    }
    let other = f
        .actors
        .links_in(range.clone())
        .any(|l| l.named && !f.in_quote(l.first));
    if other {
        return;
    }
    let more = tidy(doc.slice(q.start, q.end));
    let head = last.claim.trim_end_matches([',', ';', ':']);
    let joiner = if more.starts_with(char::is_lowercase) {
        ", "
    } else if head.ends_with(['.', '?', '!']) {
        " "
    } else {
        ". "
    };
    let claim = format!("{head}{joiner}{more}");
    last.quote = Some(claim.clone());
    last.claim = claim;
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
        confidence: 0.0,
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
