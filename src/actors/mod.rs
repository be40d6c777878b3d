//! Key actors: named mentions typed person / organisation / place, merged into entities with
//! roles, affiliations, pronoun and role-noun references, and salience.
//!
//! Recipe:
//! 1. spans: maximal runs of capitalised tokens that are not titles, pronouns or sentence-
//!    opening common words, joined by "of"/"and" when a gazetteer knows the whole name;
//! 2. titles: honorifics ("Mr", gender) and role phrases before or after the name, across an
//!    apposition comma ("the US Secretary of State, Condoleezza Rice");
//! 3. typing: gazetteers for places and organisations; people need evidence (an honorific, a
//!    role, a speech verb, or a surname shared with such a name); unknown names are dropped;
//! 4. merging by canonical name (places, organisations) or surname (people);
//! 5. references: "the Russians" to Russia, role nouns ("the Russian President") and subject
//!    pronouns to the person they stand for, conservatively;
//! 6. salience from mention counts and position.

use crate::lexicon::{Gender, Lexicon};
use crate::model::{ActorKind, SentenceKind};
use crate::text::{Document, Shape, Token, TokenKind};
use crate::util::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::Cell;

pub mod ner;
mod ner_weights;

/// Words that join two name parts only when the gazetteer knows the whole name.
const JOINERS: &[&str] = &[
    "of", "and", "&", "de", "du", "von", "van", "der", "al", "bin",
];
/// Heads after which "of" belongs to the name: "Bank of England", "University of Oxford".
const OF_HEADS: &[&str] = &[
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
/// Lowercase nouns that turn a preceding name into an organisation: "the Bush administration".
/// Last words that make an unknown name an organisation: "Leicester City", "Acme Holdings".
const ORG_SUFFIXES: &[&str] = &[
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
/// More people than this named in one sentence (a list, a table) tell nothing about sides.
const CROWDED: usize = 8;
/// Words before a club's name in a result: "beat Somerset", "drew with Kent".
const TEAM_BEFORE: &[&str] = &["beat", "v", "vs", "defeated"];
/// Words after a club's name in a result: "Leicestershire beat".
const TEAM_AFTER: &[&str] = &["beat", "beats", "drew", "defeated", "v", "vs"];
/// Last words of events, not actors: "the Commonwealth Games", "World Summit", "New Year".
/// Only the trained typer consults it; gazetteer names are typed before.
const EVENT_TAILS: &[&str] = &[
    "games",
    "championships",
    "championship",
    "cup",
    "open",
    "olympics",
    "summit",
    "conference",
    "festival",
    "awards",
    "year",
    "day",
    "week",
    "war",
    "series",
];
/// Words that mark a sports report, where towns and counties name clubs ("Essex need another
/// 148 runs"). Only in such a report do result lines and fixtures make names clubs.
const SPORT_WORDS: &[&str] = &[
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
/// Last words of club names, in any text: "Leeds United", "Blackburn Rovers", "West
/// Bromwich Albion", "Tottenham Hotspur".
const CLUB_TAILS: &[&str] = &[
    "united",
    "rovers",
    "wanderers",
    "albion",
    "hotspur",
    "athletic",
    "fc",
    "afc",
];
/// Last words of club names in a sports report only, being common in other names elsewhere
/// ("Aston Villa", "Nottingham Forest", "Glasgow Rangers").
const SPORT_CLUB_TAILS: &[&str] = &[
    "villa",
    "forest",
    "wednesday",
    "rangers",
    "argyle",
    "orient",
    "thistle",
    "vale",
];
/// Last words that make a club of a city's name, in a sports report only: "Manchester City",
/// "Ipswich Town" (not "Kansas City", a state's name and a place, nor "Manchester City
/// Council"). Not "County": "Derby County" is a club, but "Los Angeles County" and "Contra
/// Costa County", far more often in the news, are places.
const TOWN_CLUB_TAILS: &[&str] = &["city", "town"];
/// First words of club names in a sports report: "Real Madrid", "Inter Milan", "AC Milan",
/// "Bayern Munich", "Sporting Lisbon".
const SPORT_CLUB_HEADS: &[&str] = &[
    "real",
    "atletico",
    "athletic",
    "sporting",
    "inter",
    "ac",
    "fc",
    "borussia",
    "bayern",
    "dynamo",
    "dinamo",
    "olympique",
    "racing",
    "deportivo",
];
/// Words before a name that make it a company or club: "tyre giant Pirelli", "Belgian club
/// Standard Liege".
const ORG_BEFORE: &[&str] = &[
    "giant",
    "firm",
    "company",
    "carrier",
    "airline",
    "conglomerate",
    "maker",
    "manufacturer",
    "retailer",
    "insurer",
    "lender",
    "brokerage",
    "club",
];
/// Words before "of" or "in" and a name that make it a company: "shares in Magna", "chief
/// executive officer of Petofi".
const ORG_OF: &[&str] = &[
    "shares",
    "stake",
    "subsidiary",
    "unit",
    "units",
    "chairman",
    "officer",
    "shareholders",
];
/// Words after a name that make it a company: "Pirelli shares", "Air France chairman".
const ORG_AFTER: &[&str] = &[
    "shares",
    "stock",
    "subsidiary",
    "chairman",
    "shareholders",
    "executives",
    "board",
];
/// Nouns after an acronym that make it a thing, not an organisation: "the INF treaty".
const THING_HEADS: &[&str] = &[
    "treaty",
    "agreement",
    "accord",
    "act",
    "law",
    "programme",
    "program",
    "deal",
    "summit",
    "talks",
    "resolution",
    "rules",
    "standard",
    "test",
    "virus",
    "vaccine",
    "index",
    "rate",
];
const ORG_TAILS: &[&str] = &[
    "administration",
    "government",
    "ministry",
    "regime",
    "campaign",
];
/// Words before a capital city that make it a counterpart, not a location: "relations with
/// Moscow".
const COUNTERPART_PREPS: &[&str] = &["with", "against", "by"];
/// Verbs and auxiliaries after a capital city that make it act: "Moscow might pull out".
const ACTING_VERBS: &[&str] = &[
    "is",
    "was",
    "has",
    "had",
    "have",
    "will",
    "would",
    "might",
    "may",
    "could",
    "can",
    "should",
    "must",
    "wants",
    "wanted",
    "says",
    "said",
    "insists",
    "insisted",
    "warned",
    "warns",
    "fears",
    "feared",
    "sees",
    "saw",
    "hopes",
    "hoped",
    "believes",
    "believed",
    "plans",
    "planned",
    "accused",
    "accuses",
    "denied",
    "denies",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "agreed",
    "agrees",
    "responded",
    "opposes",
    "opposed",
    "does",
    "did",
];
/// Months and abbreviations, with whether the word is also a common name ("May", "June").
const MONTHS: &[(&str, bool)] = &[
    ("january", false),
    ("jan", false),
    ("february", false),
    ("feb", false),
    ("march", false),
    ("april", true),
    ("may", true),
    ("june", true),
    ("july", false),
    ("august", true),
    ("aug", false),
    ("september", false),
    ("sept", false),
    ("sep", false),
    ("october", false),
    ("oct", false),
    ("november", false),
    ("nov", false),
    ("december", false),
    ("dec", false),
];
/// Words before a month that make it a date ("in May", "since June").
const DATE_WORDS: &[&str] = &[
    "in", "on", "since", "until", "by", "last", "next", "this", "early", "late", "mid", "from",
    "through", "of", "before", "after",
];
/// At most this many tokens back from a pronoun are searched for its antecedent.
const ANTECEDENT_WINDOW: usize = 400;
/// Generational suffixes that end a person's name without being the surname.
const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "this",
];
const POSSESSIVES: &[&str] = &["his", "her", "its", "their"];

/// A mention resolved to an actor, in token coordinates; positions read these.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    /// Index into [`Actors::list`].
    pub actor: usize,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Whether the mention is a name (not a pronoun or role noun).
    pub named: bool,
}

/// One actor under construction.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Role, as written.
    pub role: Option<String>,
    /// Country or organisation it belongs to.
    pub affiliation: Option<String>,
    /// Known gender.
    pub gender: Option<Gender>,
    /// Named mentions, byte spans.
    pub mentions: Vec<(usize, usize)>,
    /// Pronoun and role-noun references, byte spans.
    pub references: Vec<(usize, usize)>,
    /// Salience in `[0, 1]`.
    pub salience: f64,
    key: String,
    role_tokens: usize,
    /// The actor this one speaks for ("his spokesman").
    owner: Option<usize>,
}

impl Entity {
    fn new(name: String, kind: ActorKind, key: String) -> Entity {
        Entity {
            name,
            kind,
            role: None,
            affiliation: None,
            gender: None,
            mentions: Vec::new(),
            references: Vec::new(),
            salience: 0.0,
            key,
            role_tokens: 0,
            owner: None,
        }
    }
}

/// The actors of a document and the links from token spans to them.
#[derive(Debug, Default)]
pub struct Actors {
    /// Actors, most salient first.
    pub list: Vec<Entity>,
    /// Mentions and references, sorted by first token.
    pub links: Vec<Link>,
}

impl Actors {
    /// Links whose first token is in `range`.
    pub fn links_in(&self, range: std::ops::Range<usize>) -> impl Iterator<Item = &Link> {
        let from = self.links.partition_point(|l| l.first < range.start);
        self.links[from..]
            .iter()
            .take_while(move |l| l.first < range.end)
    }
}

/// A candidate name span before typing.
#[derive(Debug, Clone)]
struct Span {
    first: usize,
    last: usize,
    role: Option<(String, Option<&'static str>, usize)>,
    possessor: Option<usize>,
    gender: Option<Gender>,
    person_evidence: bool,
    /// The party a title or tag gives ("Republican Sen.", "(D-Mass.)").
    party: Option<&'static str>,
    /// The gazetteer key ([`Ctx::gazetteer_key`]): built once, read by every typing rule.
    key: String,
}

/// Facts about a word of the document ([`Ctx::lex`]): the lexicon's
/// [`crate::lexicon::word`] bits and these.
mod lex {
    pub use crate::lexicon::word::*;
    /// A month or its abbreviation ([`super::MONTHS`]).
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

struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
    lx: &'static Lexicon,
    /// Per vocabulary id, [`lex`] bits: the name rules ask about the same words over and over,
    /// so each word's lexicon lookups are done once per document, on first use.
    words: Vec<Cell<u32>>,
    /// Per sentence, counted once: span typing asks about the sentence of every span, and a
    /// sentence can be a megabyte long.
    sentences: Vec<SentenceFacts>,
    /// Per token: in capitals that say nothing about names, either a sentence mostly in
    /// capitals or a run of three or more words in capitals ("STRONG AFTERSHOCK RATTLES QUAKE
    /// ZONE", a heading that may share its sentence with body text).
    in_capitals: Vec<bool>,
    /// The document is a sports report (see [`is_sports_report`]).
    sport: bool,
}

/// The tokens of `doc` in capitals that say nothing about names: those of a sentence whose
/// facts say `caps`, and those in a run of at least three words in capitals within a sentence
/// (punctuation between them does not end the run; anything else does).
fn in_capitals(doc: &Document, sentences: &[SentenceFacts]) -> Vec<bool> {
    let tokens = &doc.tokens;
    let mut out: Vec<bool> = tokens
        .iter()
        .map(|t| sentences.get(t.sentence).is_some_and(|f| f.caps))
        .collect();
    let (mut start, mut upper) = (0, 0);
    for (k, t) in tokens.iter().enumerate() {
        let continues = k > 0 && tokens[k - 1].sentence == t.sentence;
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
struct SentenceFacts {
    /// Most words are in capitals.
    caps: bool,
    /// Number tokens.
    numbers: usize,
    /// The first token that is not opening punctuation (quotes, brackets, a bullet): tokens up
    /// to it are sentence-initial.
    lead: usize,
}

impl Ctx<'_, '_> {
    fn lower(&self, i: usize) -> &str {
        self.doc
            .tokens
            .get(i)
            .map_or("", |t| self.doc.vocab.get(t.lower))
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.doc.tokens.get(i)
    }

    /// Whether span `s` is one word at a sentence start, where a capital proves nothing:
    /// "Gasoline stocks fell" is a common word, not a company.
    fn lone_opener(&self, s: &Span) -> bool {
        s.first == s.last && self.is_sentence_initial(s.first)
    }

    fn is_sentence_initial(&self, i: usize) -> bool {
        let t = &self.doc.tokens[i];
        i <= self.sentences[t.sentence].lead
    }

    /// The [`lex`] bits of vocabulary id `id`, computed on first use.
    fn lex(&self, id: u32) -> u32 {
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
    fn country_at(&self, i: usize, bits: u32) -> Option<&'static str> {
        if bits & lex::COUNTRY == 0 {
            return None;
        }
        self.lx.country_of_lower(self.lower(i))
    }

    /// The [`lex`] bits of token `i`'s word; none past the end.
    fn lex_at(&self, i: usize) -> u32 {
        self.tok(i).map_or(0, |t| self.lex(t.lower))
    }

    fn gazetteer_key(&self, first: usize, last: usize) -> String {
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

    fn is_known(&self, first: usize, last: usize) -> bool {
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
    fn is_city(&self, first: usize, last: usize) -> bool {
        let key = self.gazetteer_key(first, last);
        self.lx.places.get(&key).is_some_and(|p| p.kind == "city")
    }

    /// Whether tokens `first..=last` name a known city or no known place at all ("Ipswich"),
    /// rather than a state, region or country ("Kansas").
    fn is_city_or_unknown(&self, first: usize, last: usize) -> bool {
        let key = self.gazetteer_key(first, last);
        self.lx.places.get(&key).is_none_or(|p| p.kind == "city")
    }

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
        let sentence = &self.doc.sentences[t.sentence];
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
        number_after || DATE_WORDS.contains(&before)
    }

    fn punct_is(&self, i: usize, p: &str) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && self.doc.token_text(t) == p)
    }

    /// A role phrase ending at token `end` (inclusive): modifiers, adjectives, country names,
    /// "of" and at least one head. Returns (first token, text, country).
    fn role_ending_at(
        &self,
        end: usize,
        floor: usize,
    ) -> Option<(usize, String, Option<&'static str>)> {
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

impl<'d, 'a> Ctx<'d, 'a> {
    fn new(doc: &'d Document<'a>) -> Ctx<'d, 'a> {
        let words: Vec<Cell<u32>> = vec![Cell::new(0); doc.vocab.len()];
        let mark = |id: u32, bit: u32| {
            if let Some(w) = words.get(id as usize) {
                w.set(w.get() | bit);
            }
        };
        // Short lists are looked up in the document's vocabulary: a few lookups, not a scan
        // per word.
        for (m, _) in MONTHS {
            if let Some(id) = doc.vocab.id(m) {
                mark(id, lex::MONTH);
            }
        }
        for d in DETERMINERS {
            if let Some(id) = doc.vocab.id(d) {
                mark(id, lex::DETERMINER);
            }
        }
        for o in ORG_SUFFIXES {
            if let Some(id) = doc.vocab.id(o) {
                mark(id, lex::ORG_SUFFIX);
            }
        }
        // (words, upper-case words, numbers) per sentence.
        let mut counts = vec![(0usize, 0usize, 0usize); doc.sentences.len()];
        for t in &doc.tokens {
            if let Some(c) = counts.get_mut(t.sentence) {
                c.0 += usize::from(t.kind == TokenKind::Word);
                c.1 += usize::from(t.kind == TokenKind::Word && t.shape == Shape::Upper);
                c.2 += usize::from(t.kind == TokenKind::Number);
            }
        }
        let sentences: Vec<SentenceFacts> = counts
            .iter()
            .zip(&doc.sentences)
            .map(|(&(words, upper, numbers), s)| {
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
                    numbers,
                    lead,
                }
            })
            .collect();
        let in_capitals = in_capitals(doc, &sentences);
        let mut sentence_seen = usize::MAX;
        for (t, &capitals) in doc.tokens.iter().zip(&in_capitals) {
            if t.kind != TokenKind::Word {
                continue;
            }
            let initial = sentence_seen != t.sentence;
            sentence_seen = t.sentence;
            let kind = doc.sentences[t.sentence].kind;
            if t.shape == Shape::Lower {
                mark(t.lower, lex::LOWER_SEEN);
            } else if kind == SentenceKind::Body && !initial && !capitals {
                // Capitalised mid-sentence: a name, not just a sentence opener ("Finally, ...").
                // (Not in capitals, where every word is.)
                mark(t.lower, lex::BODY_CAPS);
            }
        }
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

/// Finds the actors of `doc`.
pub fn find(doc: &Document) -> Actors {
    let cx = Ctx::new(doc);
    let spans = find_spans(&cx);
    let mut actors = build_entities(&cx, spans);
    add_references(&cx, &mut actors);
    infer_affiliations(&cx, &mut actors);
    finish(&cx, &mut actors);
    actors
}

/// Stages 1 and 2.
fn find_spans(cx: &Ctx) -> Vec<Span> {
    let doc = cx.doc;
    let sport = cx.sport;
    let mut spans = Vec::new();
    for s in &doc.sentences {
        if s.kind == SentenceKind::Boilerplate {
            continue;
        }
        let range = s.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            let first = i;
            let mut last = i;
            // The longest gazetteer name starting here ("Czech Republic", "Bank of England"),
            // even when its first word alone is an adjective or a title.
            // Most tokens are lowercase: they start no name.
            let known = (doc.tokens[i].shape != Shape::Lower)
                .then(|| {
                    (1..=4).rev().find(|&n| {
                        let end = i + n - 1;
                        end < range.end
                            && doc.tokens[end].shape != Shape::Lower
                            && cx.is_known(i, end)
                    })
                })
                .flatten();
            if let Some(n) = known {
                last = i + n - 1;
                // A club named after its town: "Manchester United", "Leeds United" (and in a
                // sports report "Manchester City"; "Mexico City" is a known place whole).
                let next = last + 1;
                if next < range.end
                    && doc.tokens[next].shape == Shape::Capitalized
                    && doc.tokens[next].start == doc.tokens[last].end + 1
                    && (is_club_word(cx.lower(next), sport, CLUB_TAILS, SPORT_CLUB_TAILS)
                        || (sport
                            && TOWN_CLUB_TAILS.contains(&cx.lower(next))
                            && cx.is_city(first, last)
                            // "Manchester City Council" is no club.
                            && !cx.tok(next + 1).is_some_and(|t| {
                                t.kind == TokenKind::Word && t.shape != Shape::Lower
                            })))
                {
                    last = next;
                }
            } else if !cx.is_name_token(i) {
                i += 1;
                continue;
            }
            while known.is_none() {
                let next = last + 1;
                if next < range.end
                    && cx.is_name_token(next)
                    && doc.tokens[next].start > doc.tokens[last].end
                    // A line break ends a name (lists, tables, wrapped captions).
                    && !doc
                        .slice(doc.tokens[last].end, doc.tokens[next].start)
                        .contains('\n')
                {
                    last = next;
                    continue;
                }
                let touching =
                    |a: usize, b: usize| b < range.end && doc.tokens[a].end == doc.tokens[b].start;
                // A middle initial: "Donald J. Trump", "R. Gil Kerlikowske", "Virgie M.
                // Rollins" (an initial may be a stopword such as "M" or "D").
                let initial = |k: usize| {
                    cx.tok(k).is_some_and(|t| {
                        t.kind == TokenKind::Word
                            && doc.token_text(t).chars().count() == 1
                            && t.shape != Shape::Lower
                    })
                };
                if cx.punct_is(next, ".")
                    && initial(last)
                    && next + 1 < range.end
                    && cx.is_name_token(next + 1)
                {
                    last = next + 1;
                    continue;
                }
                if initial(next)
                    && cx.punct_is(next + 1, ".")
                    && next + 2 < range.end
                    && cx.is_name_token(next + 2)
                {
                    last = next + 2;
                    continue;
                }
                // A hyphenated name inside a longer one: "Anne-Marie Slaughter", "Sue
                // Seedorff-Keninger" (not "US-Russia": known names stay apart).
                if cx.punct_is(next, "-")
                    && touching(last, next)
                    && touching(next, next + 1)
                    && cx.is_name_token(next + 1)
                    && !cx.is_known(last, last)
                    && !cx.is_known(next + 1, next + 1)
                    && (last > first || (next + 2 < range.end && cx.is_name_token(next + 2)))
                {
                    last = next + 1;
                    continue;
                }
                // A surname that is also a demonym: "Mark Cuban said", "Bryan English, the".
                if last == first
                    && next < range.end
                    && doc.tokens[next].shape == Shape::Capitalized
                    && cx.lx.adjectives.contains_key(cx.lower(next))
                    && !cx.is_known(first, first)
                    && cx.tok(next + 1).is_none_or(|t| {
                        t.kind == TokenKind::Punct
                            || t.stop
                            || cx.lx.cue(cx.lower(next + 1)).is_some()
                    })
                    && !cx.punct_is(next + 1, "-")
                {
                    last = next;
                    continue;
                }
                // "Bank of England", "Marks and Spencer": join when the whole is known or the
                // "of" follows an institutional head.
                if next + 1 < range.end
                    && JOINERS.contains(&cx.lower(next))
                    && cx.is_name_token(next + 1)
                {
                    let mut end = next + 1;
                    while end + 1 < range.end && cx.is_name_token(end + 1) {
                        end += 1;
                    }
                    let of_head = cx.lower(next) == "of" && OF_HEADS.contains(&cx.lower(last));
                    if cx.is_known(first, end) || of_head {
                        last = end;
                        continue;
                    }
                }
                break;
            }
            i = last + 1;
            // A name used as a compound modifier ("Cold War-era", "Soviet-bloc") is not a
            // mention.
            if cx.punct_is(last + 1, "-")
                && cx
                    .tok(last + 2)
                    .is_some_and(|t| t.shape == Shape::Lower && t.start == doc.tokens[last + 1].end)
            {
                continue;
            }
            if first >= range.start + 2
                && cx.punct_is(first - 1, "-")
                && cx.tok(first - 2).is_some_and(|t| t.shape == Shape::Lower)
            {
                continue;
            }
            // A leading initial belongs to the name: "S. Waugh", "J. Russell".
            let mut first = first;
            if first >= range.start + 2
                && cx.punct_is(first - 1, ".")
                && doc.tokens[first - 2].end == doc.tokens[first - 1].start
                && doc.tokens[first - 2].kind == TokenKind::Word
                && doc.tokens[first - 2].shape == Shape::Capitalized
                && doc.token_text(&doc.tokens[first - 2]).chars().count() == 1
                && !cx.is_known(first, last)
            {
                first -= 2;
            }
            spans.push(describe_span(cx, first, last, range.start, range.end));
        }
    }
    spans
}

fn describe_span(cx: &Ctx, first: usize, last: usize, lo: usize, hi: usize) -> Span {
    let mut span = Span {
        first,
        last,
        key: cx.gazetteer_key(first, last),
        role: None,
        possessor: None,
        gender: None,
        person_evidence: false,
        party: None,
    };
    // Honorifics directly before: "Mr", "Ms", "Dr."
    let mut k = first;
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
    // A role before, possibly across an apposition comma.
    let mut best: Option<(usize, String, Option<&'static str>)> = None;
    if k > lo {
        if let Some(r) = cx.role_ending_at(k - 1, lo) {
            best = Some(r);
        } else if cx.punct_is(k - 1, ",") && k >= lo + 2 {
            best = cx.role_ending_at(k - 2, lo);
        }
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
    }
    // A role after: "Sergei Lavrov, the Russian Foreign Minister,".
    if best.is_none() && cx.punct_is(last + 1, ",") {
        let mut j = last + 2;
        if j < hi && cx.lex_at(j) & lex::DETERMINER != 0 {
            j += 1;
        }
        let mut end = None;
        let mut e = j;
        while e < hi && cx.tok(e).is_some_and(|t| t.kind == TokenKind::Word) {
            let bits = cx.lex_at(e);
            if bits & (lex::HEAD | lex::MODIFIER | lex::COUNTRY) != 0 || cx.lower(e) == "of" {
                e += 1;
            } else {
                break;
            }
        }
        if e > j {
            end = Some(e - 1);
        }
        if let Some(end) = end {
            if let Some(r) = cx.role_ending_at(end, j) {
                if r.0 == j {
                    best = Some(r);
                }
            }
        }
    }
    if let Some((rf, text, country)) = best {
        span.person_evidence = true;
        if rf > lo && POSSESSIVES.contains(&cx.lower(rf - 1)) {
            span.possessor = Some(rf - 1);
        }
        let tokens = text.split_whitespace().count();
        span.party = text
            .split_whitespace()
            .filter(|w| w.starts_with(char::is_uppercase))
            .find_map(|w| cx.lx.party_of(w));
        span.role = Some((text, country, tokens));
    }
    // A party tag: "Paul Ryan (R-Wis.)", "Ted Cruz, R-Texas,".
    if (cx.punct_is(last + 1, "(") || cx.punct_is(last + 1, ","))
        && cx.punct_is(last + 3, "-")
        && cx.tok(last + 2).is_some_and(|t| t.shape != Shape::Lower)
    {
        if let Some(&p) = cx.lx.party_initials.get(cx.lower(last + 2)) {
            span.party = Some(p);
            span.person_evidence = true;
        }
    }
    // An age in apposition: "Sue Seedorff-Keninger, 62," or "Dean Johnson, a 55-year-old".
    let mut age = last + 2;
    if matches!(cx.lower(age), "a" | "an") {
        age += 1;
    }
    if cx.punct_is(last + 1, ",")
        && cx.tok(age).is_some_and(|t| t.kind == TokenKind::Number)
        && (cx.punct_is(age + 1, ",") || (cx.punct_is(age + 1, "-") && cx.lower(age + 2) == "year"))
    {
        span.person_evidence = true;
    }
    // A speech verb right after the name, or "said" right before it (across titles: "said
    // Marquette pollster Charles Franklin").
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
    let cue = |k: usize| cx.lex_at(k) & lex::CUE_VERB != 0;
    if cue(last + 1) || (before > lo && cue(before - 1) && first < hi) {
        span.person_evidence = true;
    }
    // "Peter Morency, who ...", or an apposition followed by a speech verb: "Peter Morency, a
    // Verizon customer based in Boston, said".
    if cx.punct_is(last + 1, ",") {
        if cx.lower(last + 2) == "who" {
            span.person_evidence = true;
        } else if let Some(close) =
            (last + 2..hi.min(last + 26)).find(|&k| cx.punct_is(k, ",") || cx.punct_is(k, ";"))
        {
            let mut v = close + 1;
            while v < hi && matches!(cx.lower(v), "also" | "later" | "then" | "has" | "had") {
                v += 1;
            }
            if cx.punct_is(close, ",") && cue(v) {
                span.person_evidence = true;
            }
        }
    }
    span
}

/// Whether the document is a sports report, where towns and counties name clubs: one of
/// [`SPORT_WORDS`] occurs (a few vocabulary lookups, not a scan).
fn is_sports_report(doc: &Document) -> bool {
    SPORT_WORDS.iter().any(|w| doc.vocab.id(w).is_some())
}

/// Whether `lower` is in `anywhere`, or in `in_sport` in a sports report.
fn is_club_word(lower: &str, sport: bool, anywhere: &[&str], in_sport: &[&str]) -> bool {
    anywhere.contains(&lower) || (sport && in_sport.contains(&lower))
}

/// Stages 3 and 4.
fn build_entities(cx: &Ctx, spans: Vec<Span>) -> Actors {
    let doc = cx.doc;
    let lx = cx.lx;
    // A name of two or more capitalised words that starts with a frequent given name is a
    // person's ("Phil Simmons"), unless it ends like an organisation.
    let org_suffix = |s: &Span| s.last > s.first && cx.lex_at(s.last) & lex::ORG_SUFFIX != 0;
    // A club named after its town plays: "Leicestershire beat Somerset", "drew with Kent".
    let team = |s: &Span| {
        let before = |k: usize| {
            if s.first >= k {
                cx.lower(s.first - k)
            } else {
                ""
            }
        };
        TEAM_BEFORE.contains(&before(1))
            || (before(1) == "with" && matches!(before(2), "drew" | "draw"))
            || TEAM_AFTER.contains(&cx.lower(s.last + 1))
    };
    let given = |s: &Span| {
        s.last > s.first
            && lx.given_names.contains(cx.lower(s.first))
            && !org_suffix(s)
            && doc.tokens[s.first].shape == Shape::Capitalized
    };
    // "P. Such 8-118" in a scorecard is a player, not a club.
    let initialled = |s: &Span| doc.token_text(&doc.tokens[s.first]).chars().count() == 1;
    // Nations, including the home nations that field their own sides ("v Scotland").
    let country = |key: &str| {
        lx.places
            .get(key)
            .is_some_and(|p| p.kind == "country" || (p.kind == "state" && p.country.is_some()))
    };
    // Clubs in a sports report: a town or unknown name in a result line ("Stirling 1 Dundee
    // 1", a table row "Dundee 3 1 2 0 3 2 5", "Surrey 429-7") or a fixture ("NEW YORK AT
    // CALIFORNIA"), or with a result verb; then all its mentions are the club. Countries stay
    // places: national sides are written as their country.
    let sport = cx.sport;
    let sentence_of = |s: &Span| doc.tokens[s.first].sentence;
    let numbers = |i: usize| cx.sentences.get(i).map_or(0, |f| f.numbers);
    // A number after the name, not a dateline's date ("LONDON 1996-08-30").
    let result_line = |s: &Span| {
        cx.tok(s.last + 1).is_some_and(|t| {
            t.kind == TokenKind::Number
                && t.sentence == sentence_of(s)
                && doc.token_text(t).len() != 4
        }) && numbers(sentence_of(s)) >= 2
    };
    let fixture = |s: &Span| {
        let range = &doc.sentences[sentence_of(s)].tokens;
        let versus = |k: usize| matches!(cx.lower(k), "v" | "vs");
        // In "KANSAS CITY AT DETROIT" the second name is the venue.
        caps_sentence(cx, sentence_of(s))
            && ((s.first == range.start
                && s.last + 2 < range.end
                && (versus(s.last + 1) || cx.lower(s.last + 1) == "at"))
                || (s.last + 1 == range.end && s.first >= range.start + 2 && versus(s.first - 1)))
    };
    // A club by its name: "Leeds United", "Blackburn Rovers", in a sports report also "Real
    // Madrid", "Bayern Munich", "Ipswich Town".
    let club_name = |s: &Span| {
        s.last > s.first
            && (is_club_word(cx.lower(s.last), sport, CLUB_TAILS, SPORT_CLUB_TAILS)
                || is_club_word(cx.lower(s.first), sport, &[], SPORT_CLUB_HEADS)
                || (sport
                    && TOWN_CLUB_TAILS.contains(&cx.lower(s.last))
                    && cx.is_city_or_unknown(s.first, s.last - 1)))
            && !lx.places.contains_key(&s.key)
    };
    let teams: HashSet<String> = spans
        .iter()
        .filter(|s| !s.person_evidence && !given(s) && !initialled(s))
        .filter(|s| team(s) || club_name(s) || (sport && (result_line(s) || fixture(s))))
        .map(|s| s.key.clone())
        .filter(|k| !country(k) && !lx.orgs.contains_key(k))
        .collect();
    // Companies by their context, for all their mentions: "Pirelli shares", "shares in Magna".
    let company = |s: &Span| {
        let before = |k: usize| {
            if s.first >= k {
                cx.lower(s.first - k)
            } else {
                ""
            }
        };
        ORG_BEFORE.contains(&before(1))
            || (matches!(before(1), "of" | "in") && ORG_OF.contains(&before(2)))
            || ORG_AFTER.contains(&cx.lower(s.last + 1))
    };
    let companies: HashSet<String> = spans
        .iter()
        .filter(|s| !cx.lone_opener(s))
        .filter(|s| !s.person_evidence && !given(s) && company(s))
        .map(|s| s.key.clone())
        .filter(|k| !lx.places.contains_key(k))
        .collect();

    // People's surnames with evidence.
    let mut surnames: HashSet<String> = HashSet::default();
    for s in &spans {
        if (s.person_evidence || given(s))
            && !lx.places.contains_key(&s.key)
            && !lx.orgs.contains_key(&s.key)
        {
            surnames.insert(surname(cx, s));
        }
    }
    // Acronyms that name a thing somewhere in the article ("the INF treaty") are not actors.
    let things: HashSet<u32> = doc
        .tokens
        .windows(2)
        .filter(|w| w[0].shape == Shape::Upper && THING_HEADS.contains(&doc.vocab.get(w[1].lower)))
        .map(|w| w[0].lower)
        .collect();
    let acronym = |s: &Span| {
        let t = &doc.tokens[s.first];
        let letters = doc
            .token_text(t)
            .chars()
            .filter(|c| c.is_alphabetic())
            .count();
        s.first == s.last
            && t.shape == Shape::Upper
            && (2..=6).contains(&letters)
            && !things.contains(&t.lower)
            && !caps_sentence(cx, t.sentence)
    };
    let mut people: HashMap<String, Vec<(Option<String>, usize)>> = HashMap::default();
    // A capital that acts anywhere in the article ("Moscow might pull out") stands for its
    // government everywhere in it, so it is one group actor, not a group and a place.
    let is_acting = |s: &Span, key: &str| {
        let prev = if s.first > 0 {
            cx.lower(s.first - 1)
        } else {
            ""
        };
        lx.capitals.contains_key(key)
            && (ACTING_VERBS.contains(&cx.lower(s.last + 1)) || COUNTERPART_PREPS.contains(&prev))
    };
    let acting: HashSet<String> = spans
        .iter()
        .filter(|s| is_acting(s, &s.key))
        .map(|s| s.key.clone())
        .collect();
    let mut out = Actors::default();
    let mut by_key: HashMap<String, usize> = HashMap::default();
    let mut pending_possessors: Vec<(usize, usize)> = Vec::new();
    // Spans no rule types wait for a second pass, where the trained typer decides with the
    // evidence of all their mentions.
    let mut leftover: Vec<Span> = Vec::new();
    let mut typer: Option<ner::Typer> = None;
    let mut queue = spans;
    loop {
        for mut s in queue {
            let key_text = std::mem::take(&mut s.key);
            let written = doc.slice(doc.tokens[s.first].start, doc.tokens[s.last].end);
            // "the Bush administration": a name followed by an institutional noun.
            let tail = cx.lower(s.last + 1);
            let place = lx.places.get(&key_text);
            // A club's town as a venue stays a place: "fans in Philadelphia", "KANSAS CITY AT
            // DETROIT".
            let venue = s.first > 0 && matches!(cx.lower(s.first - 1), "in" | "at");
            let (key, kind, name, affiliation, last) =
                if !s.person_evidence && !venue && teams.contains(&key_text) {
                    (
                        format!("org:{}", key_text),
                        ActorKind::Organization,
                        written.to_string(),
                        None,
                        s.last,
                    )
                } else if let Some(p) = place {
                    if acting.contains(&key_text) {
                        (
                            format!("group:{}", p.name),
                            ActorKind::Group,
                            p.name.to_string(),
                            p.country.map(str::to_string),
                            s.last,
                        )
                    } else {
                        (
                            format!("place:{}", p.name),
                            ActorKind::Place,
                            p.name.to_string(),
                            p.country.filter(|c| *c != p.name).map(str::to_string),
                            s.last,
                        )
                    }
                } else if let Some(o) = lx.orgs.get(&key_text) {
                    if o.kind == "party"
                        && key_text.ends_with('s')
                        && key_text != crate::case::lowercase(o.name)
                        && !key_text.contains(' ')
                    {
                        // "Republicans", "Democrats": the party's members as a group, on its side.
                        (
                            format!("group:{key_text}"),
                            ActorKind::Group,
                            written.to_string(),
                            Some(o.name.to_string()),
                            s.last,
                        )
                    } else {
                        (
                            format!("org:{}", o.name),
                            ActorKind::Organization,
                            o.name.to_string(),
                            o.country.map(str::to_string),
                            s.last,
                        )
                    }
                } else if ORG_TAILS.contains(&tail) && !s.person_evidence {
                    let end = s.last + 1;
                    let name = doc.slice(doc.tokens[s.first].start, doc.tokens[end].end);
                    (
                        format!("org:{}", crate::case::lowercase(name)),
                        ActorKind::Organization,
                        format!("{} {}", written, tail),
                        None,
                        end,
                    )
                } else if (!s.person_evidence
                && (org_suffix(&s) || acronym(&s) || (companies.contains(&key_text) && !given(&s))))
                // A speech verb is weak evidence of a person and an organisation's last word
                // strong: "the International Rugby Board said". A title, honorific or party
                // tag still makes a person.
                || (org_suffix(&s) && s.role.is_none() && s.gender.is_none() && s.party.is_none())
                {
                    (
                        format!("org:{}", key_text),
                        ActorKind::Organization,
                        written.to_string(),
                        None,
                        s.last,
                    )
                } else if s.person_evidence || given(&s) || surnames.contains(&surname(cx, &s)) {
                    (
                        String::new(),
                        ActorKind::Person,
                        written.to_string(),
                        None,
                        s.last,
                    )
                } else if let Some(typer) = &typer {
                    let kind = match ner::CLASSES[typer.class(&key_text)] {
                        "PER" => ActorKind::Person,
                        "ORG" => ActorKind::Organization,
                        "LOC" => ActorKind::Place,
                        _ => continue,
                    };
                    let key = match kind {
                        ActorKind::Person => String::new(),
                        ActorKind::Organization => format!("org:{key_text}"),
                        _ => format!("place:{key_text}"),
                    };
                    (key, kind, written.to_string(), None, s.last)
                } else {
                    leftover.push(Span { key: key_text, ..s });
                    continue;
                };
            let idx = if kind == ActorKind::Person {
                person_index(cx, &s, &mut people, &mut out.list, &name)
            } else {
                *by_key.entry(key.clone()).or_insert_with(|| {
                    out.list.push(Entity::new(name.clone(), kind, key));
                    out.list.len() - 1
                })
            };
            let e = &mut out.list[idx];
            if kind == ActorKind::Person
                && name.split_whitespace().count() > e.name.split_whitespace().count()
            {
                e.name = name;
            }
            e.affiliation = e.affiliation.take().or(affiliation);
            e.gender = e.gender.or(s.gender);
            if let Some((role, country, n)) = &s.role {
                if *n > e.role_tokens {
                    e.role = Some(role.clone());
                    e.role_tokens = *n;
                }
                if let Some(c) = country {
                    e.affiliation = Some(c.to_string());
                }
            }
            if e.affiliation.is_none() {
                e.affiliation = s.party.map(str::to_string);
            }
            // The mention as written includes the honorific ("Mr Putin") but not the role.
            let mut start_tok = s.first;
            while start_tok > 0 && {
                let honorific = |k: usize| cx.lex_at(k) & lex::HONORIFIC != 0;
                honorific(start_tok - 1)
                    || (cx.lower(start_tok - 1) == "."
                        && start_tok >= 2
                        && honorific(start_tok - 2))
            } {
                start_tok -= 1;
            }
            e.mentions
                .push((doc.tokens[start_tok].start, doc.tokens[last].end));
            out.links.push(Link {
                actor: idx,
                first: start_tok,
                last,
                named: true,
            });
            if let Some(p) = s.possessor {
                pending_possessors.push((idx, p));
            }
        }
        if typer.is_some() || leftover.is_empty() {
            break;
        }
        typer = Some(ner::Typer::new(cx, &leftover));
        queue = std::mem::take(&mut leftover);
    }
    sort_stable_by_key(&mut out.links, |l| l.first);
    // "his spokesman, Dmitry Peskov": the role belongs to the person "his" refers to.
    for (idx, tok) in pending_possessors {
        if let Some(owner) =
            antecedent(cx, &out.list, [&out.links, &[]], tok, Gender::Male).filter(|&o| o != idx)
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
    out
}

/// The surname of a person's span, lowercase, with a generational suffix ("trump jr").
fn surname(cx: &Ctx, s: &Span) -> String {
    let last = cx.lower(s.last);
    if s.last > s.first && NAME_SUFFIXES.contains(&last) {
        return format!("{} {last}", cx.lower(s.last - 1));
    }
    last.to_string()
}

/// The entity of a person's span. People are grouped by surname; a full name ("Bill
/// Clinton") is one person per given name, and a bare surname ("Clinton", "Mrs Clinton") goes
/// to the one of compatible gender mentioned most so far.
fn person_index(
    cx: &Ctx,
    s: &Span,
    people: &mut HashMap<String, Vec<(Option<String>, usize)>>,
    list: &mut Vec<Entity>,
    name: &str,
) -> usize {
    let sur = surname(cx, s);
    let sur_first = if sur.contains(' ') {
        s.last.saturating_sub(1)
    } else {
        s.last
    };
    // The given name: the first word of more than one letter before the surname.
    let given = (s.first..sur_first)
        .find(|&k| cx.doc.token_text(&cx.doc.tokens[k]).chars().count() > 1)
        .map(|k| cx.lower(k).to_string());
    let known = people.entry(sur.clone()).or_default();
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

/// Whether most words of sentence `i` are in capitals (a headline in capitals), where
/// capitalisation says nothing about names.
fn caps_sentence(cx: &Ctx, i: usize) -> bool {
    cx.sentences.get(i).is_some_and(|s| s.caps)
}

/// The person a pronoun at token `at` most likely refers to: among people mentioned earlier in
/// its sentence or in the two sentences before, those of compatible gender, the one mentioned
/// most often in the article (ties: the most recent).
fn antecedent(
    cx: &Ctx,
    list: &[Entity],
    links: [&[Link]; 2],
    at: usize,
    gender: Gender,
) -> Option<usize> {
    let si = cx.doc.tokens.get(at)?.sentence;
    // At most ANTECEDENT_WINDOW tokens back, so a run-on "sentence" stays linear.
    let from = cx.doc.sentences[si.saturating_sub(2)]
        .tokens
        .start
        .max(at.saturating_sub(ANTECEDENT_WINDOW));
    let mut best: Option<(usize, usize, usize)> = None; // (count, recency, actor)
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
fn add_references(cx: &Ctx, actors: &mut Actors) {
    let doc = cx.doc;
    let lx = cx.lx;
    let mut new_links: Vec<Link> = Vec::new();
    // Tokens inside a named mention, and tokens that start one.
    let mut named = vec![false; doc.tokens.len()];
    let mut named_start = vec![false; doc.tokens.len()];
    for l in &actors.links {
        named_start[l.first] = true;
        for flag in &mut named[l.first..=l.last] {
            *flag = true;
        }
    }
    // People by the words of their roles (ASCII-lowercased, as role nouns are compared), so a
    // role noun looks up its candidates instead of scanning every actor, which made long texts
    // quadratic (both grow with the text).
    let mut by_role_word: HashMap<String, Vec<usize>> = HashMap::default();
    for (k, e) in actors.list.iter().enumerate() {
        if let (ActorKind::Person, Some(role)) = (e.kind, e.role.as_deref()) {
            index_role(&mut by_role_word, k, role, true);
        }
    }
    for s in &doc.sentences {
        if s.kind == SentenceKind::Boilerplate {
            continue;
        }
        let range = s.tokens.clone();
        let mut i = range.start;
        while i < range.end {
            let t = &doc.tokens[i];
            let lower = cx.lower(i);
            let covered = named[i];
            if covered || t.kind != TokenKind::Word {
                i += 1;
                continue;
            }
            let bits = cx.lex(t.lower);
            let people = if bits & lex::PEOPLE != 0 {
                lx.peoples.get(lower)
            } else {
                None
            };
            // "the Russians": a people noun stands for its country.
            if let Some(&country) = people {
                if t.shape == Shape::Capitalized && i > range.start && cx.lower(i - 1) == "the" {
                    let idx = ensure_place(actors, country);
                    actors.list[idx]
                        .references
                        .push((doc.tokens[i - 1].start, t.end));
                    new_links.push(Link {
                        actor: idx,
                        first: i - 1,
                        last: i,
                        named: false,
                    });
                }
                i += 1;
                continue;
            }
            let pronoun = if bits & lex::PRONOUN != 0 {
                lx.pronouns.get(lower)
            } else {
                None
            };
            // Subject pronouns: "He", "she".
            if let Some(&g) = pronoun {
                if matches!(lower, "he" | "she") {
                    let links = [&actors.links[..], &new_links[..]];
                    if let Some(a) = antecedent(cx, &actors.list, links, i, g) {
                        actors.list[a].references.push((t.start, t.end));
                        if actors.list[a].gender.is_none() {
                            actors.list[a].gender = Some(g);
                        }
                        new_links.push(Link {
                            actor: a,
                            first: i,
                            last: i,
                            named: false,
                        });
                    }
                }
                i += 1;
                continue;
            }
            // Role nouns: "The Russian President", "the spokesman".
            if bits & lex::DETERMINER != 0 && lower != "a" && lower != "an" {
                let mut j = i + 1;
                let mut head = None;
                let mut country = None;
                while j < range.end && doc.tokens[j].kind == TokenKind::Word {
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
                let followed_by_name = named_start.get(j).copied().unwrap_or(false)
                    || (cx.punct_is(j, ",") && named_start.get(j + 1).copied().unwrap_or(false));
                if let (Some(h), false) = (head, followed_by_name) {
                    if h + 1 == j {
                        let head_word = cx.lower(h).to_ascii_lowercase();
                        let matches: Vec<usize> = by_role_word
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
                        if let [a] = matches[..] {
                            let e = &mut actors.list[a];
                            e.references.push((t.start, doc.tokens[h].end));
                            if e.affiliation.is_none() {
                                e.affiliation = country.map(str::to_string);
                            }
                            // "The Russian President" says more than "President": keep the
                            // fuller role when it extends the known one.
                            let phrase = doc.slice(doc.tokens[i + 1].start, doc.tokens[h].end);
                            if e.role.as_deref().is_some_and(|r| {
                                phrase.len() > r.len()
                                    && phrase.ends_with(r)
                                    && !r.contains(" for ")
                            }) {
                                if let Some(old) = e.role.replace(phrase.to_string()) {
                                    index_role(&mut by_role_word, a, &old, false);
                                }
                                index_role(&mut by_role_word, a, phrase, true);
                            }
                            new_links.push(Link {
                                actor: a,
                                first: i,
                                last: h,
                                named: false,
                            });
                            i = h + 1;
                            continue;
                        }
                    }
                }
            }
            i += 1;
        }
    }
    actors.links = merged_links(&actors.links, &new_links);
}

/// Adds person `k` under each word of `role` in `index` (`add`), or removes it.
fn index_role(index: &mut HashMap<String, Vec<usize>>, k: usize, role: &str, add: bool) {
    for w in role.split_whitespace() {
        let people = index.entry(w.to_ascii_lowercase()).or_default();
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

/// Sorts `v` stably by `key`, as [`crate::util::sort_by_key`] does; mentions and links mostly
/// arrive in text order already, and then there is nothing to do.
fn sort_stable_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    if v.windows(2).all(|w| key(&w[0]) <= key(&w[1])) {
        return;
    }
    crate::util::sort_by_key(v, key);
}

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

/// Affiliations not stated in a role: a spokesman's is his principal's; otherwise, when every
/// affiliated person named alongside someone (in the same sentences) shares one affiliation,
/// that one ("Sergei Lavrov ... with the Defence Minister, Anatoly Serdyukov").
fn infer_affiliations(cx: &Ctx, actors: &mut Actors) {
    for i in 0..actors.list.len() {
        if actors.list[i].affiliation.is_none() {
            if let Some(o) = actors.list[i].owner {
                actors.list[i].affiliation = actors.list[o].affiliation.clone();
            }
        }
    }
    // The people named in each sentence, and the sentences naming each person: one pass over
    // the links. A sentence naming more than CROWDED people says nothing about sides and is
    // skipped, which also keeps the work linear on name-heavy input.
    let n = actors.list.len();
    let mut named_in: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut sentences_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in &actors.links {
        if !l.named || actors.list[l.actor].kind != ActorKind::Person {
            continue;
        }
        let sentence = cx.doc.tokens[l.first].sentence;
        let people = named_in.entry(sentence).or_default();
        if !people.contains(&l.actor) && people.len() <= CROWDED {
            people.push(l.actor);
        }
        if sentences_of[l.actor].last() != Some(&sentence) {
            sentences_of[l.actor].push(sentence);
        }
    }
    for (i, sentences) in sentences_of.iter().enumerate() {
        let e = &actors.list[i];
        if e.kind != ActorKind::Person || e.affiliation.is_some() {
            continue;
        }
        let mut sides: Vec<&str> = sentences
            .iter()
            .filter_map(|s| named_in.get(s))
            .filter(|people| people.len() <= CROWDED)
            .flatten()
            .filter(|&&a| a != i)
            .filter_map(|&a| actors.list[a].affiliation.as_deref())
            .collect();
        crate::util::sort_by(&mut sides, |a, b| a.cmp(b));
        sides.dedup();
        if let [side] = sides[..] {
            actors.list[i].affiliation = Some(side.to_string());
        }
    }
}

/// Stage 6: salience, ordering (links are re-pointed to the new order).
fn finish(cx: &Ctx, actors: &mut Actors) {
    let doc = cx.doc;
    let first_para_end = doc
        .sentences
        .iter()
        .find(|s| s.kind == SentenceKind::Body)
        .map_or(0, |s| doc.paragraphs.get(s.paragraph).map_or(0, |p| p.end));
    for e in &mut actors.list {
        let early = e
            .mentions
            .iter()
            .chain(&e.references)
            .any(|&(s, _)| s < first_para_end);
        let raw = e.mentions.len() as f64 + 0.5 * e.references.len() as f64;
        let kind_weight = match e.kind {
            ActorKind::Person | ActorKind::Group => 1.0,
            ActorKind::Organization => 0.8,
            ActorKind::Place => 0.6,
        };
        e.salience = raw * kind_weight * if early { 1.5 } else { 1.0 };
        sort_stable_by_key(&mut e.mentions, |&m| m);
        sort_stable_by_key(&mut e.references, |&r| r);
    }
    let max = actors.list.iter().map(|e| e.salience).fold(0.0, f64::max);
    for e in &mut actors.list {
        e.salience = if max > 0.0 {
            (e.salience / max * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
    let mut order: Vec<usize> = (0..actors.list.len()).collect();
    crate::util::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&actors.list[a], &actors.list[b]);
        y.salience
            .total_cmp(&x.salience)
            .then(x.mentions.first().cmp(&y.mentions.first()))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut list: Vec<Option<Entity>> = std::mem::take(&mut actors.list)
        .into_iter()
        .map(Some)
        .collect();
    actors.list = order.iter().filter_map(|&o| list[o].take()).collect();
    for l in &mut actors.links {
        l.actor = new_index[l.actor];
    }
}
