//! The output contract: what [`analyze`](crate::analyze) returns.
//!
//! The same shape is produced everywhere: these Rust structs, the JavaScript object returned
//! by the wasm module (TypeScript types in `src/wasm.rs`), and the CLI's JSON. Field names are
//! part of the contract; new fields may be added, none renamed or removed.
//!
//! **Offsets** (`start`, `end`) are UTF-16 code units into the input text, as JavaScript's
//! `String.prototype.slice` counts them, so `text.slice(start, end)` in JS gives the span.
//! In Rust, [`Utf16Map`](crate::Utf16Map) converts them to byte offsets to slice the text.

use serde::Serialize;

/// The gist of one text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Analysis {
    /// ISO 639-1 code of the language the text was analysed as (`"en"`), or `"und"` when the
    /// language is not one pith has a stemmer for (tokens are then only lowercased).
    pub language: String,
    /// Every sentence, in document order (indexes into this list are used elsewhere).
    pub sentences: Vec<Sentence>,
    /// The extractive summary: the requested number of sentences, in document order.
    pub summary: Vec<SummarySentence>,
    /// Keyphrases, best first.
    pub keywords: Vec<Keyword>,
    /// People, organisations, places and groups, most salient first.
    pub actors: Vec<Actor>,
    /// Who holds or said what, in document order.
    pub positions: Vec<Position>,
}

/// What a sentence is, as far as summaries are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub enum SentenceKind {
    /// Running text.
    Body,
    /// The first line when it reads as a title (short, no final punctuation).
    Headline,
    /// A later short line without final punctuation (section heading, caption, list item).
    Heading,
    /// Site furniture: "Click to follow", "Share this article", bylines.
    Boilerplate,
}

/// One sentence of the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Sentence {
    /// The sentence as written.
    pub text: String,
    /// Start offset, UTF-16 code units.
    pub start: usize,
    /// End offset (exclusive), UTF-16 code units.
    pub end: usize,
    /// Index of the paragraph (block separated by a line break) holding the sentence.
    pub paragraph: usize,
    /// Body text, headline, heading or boilerplate.
    pub kind: SentenceKind,
}

/// One sentence of the summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct SummarySentence {
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
    /// The sentence text.
    pub text: String,
    /// Relevance in `[0, 1]`; higher is more central to the article.
    pub score: f64,
}

/// A keyphrase.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Keyword {
    /// The phrase in its most frequent written form.
    pub phrase: String,
    /// Relevance in `[0, 1]`, relative to the best keyword (which scores 1).
    pub score: f64,
}

/// The kind of an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A company, party, agency or other institution.
    Organization,
    /// A country, region or city named as a location.
    Place,
    /// A collective acting as one: "the Russians", or "Moscow" standing for a government.
    Group,
}

/// What a position's holder does with the claim, as its cue says ("said" says, "warned"
/// warns, "did not support" opposes). Serialised in lowercase (`"says"`), as [`Stance::as_str`]
/// writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), ts(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Stance {
    /// Says, tells, reports: speech without an attitude.
    Says,
    /// Supports, backs, welcomes.
    Supports,
    /// Opposes, criticises; also a negated support, proposal, offer or demand.
    Opposes,
    /// Proposes, suggests, plans.
    Proposes,
    /// Warns, cautions.
    Warns,
    /// Threatens.
    Threatens,
    /// Rejects, denies, dismisses.
    Rejects,
    /// Offers, promises.
    Offers,
    /// Demands, calls for, urges.
    Demands,
}

/// The names of the stances, in declaration order: one table for [`Stance::as_str`], the
/// serialiser and [`Stance::from_name`] (a derived `Serialize` and a `match` each would add
/// their own copy of the strings and a branch per stance to the wasm module).
const STANCE_NAMES: [&str; 9] = [
    "says",
    "supports",
    "opposes",
    "proposes",
    "warns",
    "threatens",
    "rejects",
    "offers",
    "demands",
];

impl Stance {
    /// Every stance, in declaration order.
    pub const ALL: [Stance; 9] = [
        Stance::Says,
        Stance::Supports,
        Stance::Opposes,
        Stance::Proposes,
        Stance::Warns,
        Stance::Threatens,
        Stance::Rejects,
        Stance::Offers,
        Stance::Demands,
    ];

    /// The name as the JSON output writes it (`"says"`).
    pub fn as_str(self) -> &'static str {
        STANCE_NAMES[self as usize]
    }

    /// The stance named `name` (as [`Stance::as_str`] writes it). The cue lexicon keeps its
    /// stances as these names; one it does not know is a bug there, which a test catches, and
    /// reads as plain speech rather than a made-up attitude.
    pub(crate) fn from_name(name: &str) -> Stance {
        STANCE_NAMES
            .iter()
            .position(|&n| n == name)
            .map_or(Stance::Says, |i| Stance::ALL[i])
    }
}

impl Serialize for Stance {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A span of the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[cfg_attr(all(test, not(target_arch = "wasm32")), ts(rename = "Span"))]
#[non_exhaustive]
pub struct Mention {
    /// Start offset, UTF-16 code units.
    pub start: usize,
    /// End offset (exclusive), UTF-16 code units.
    pub end: usize,
    /// The span as written.
    pub text: String,
}

/// A person, organisation, place or group taking part in the story.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Actor {
    /// Display name: the fullest name the text uses ("Vladimir Putin").
    pub name: String,
    /// Person, organisation, place or group.
    pub kind: ActorKind,
    /// Role or title ("President", "US Secretary of State"), when the text gives one.
    pub role: Option<String>,
    /// The country or organisation the actor belongs to or speaks for, when known.
    pub affiliation: Option<String>,
    /// Importance in `[0, 1]` relative to the most salient actor.
    pub salience: f64,
    /// How sure pith is that this actor is a real name of the right kind, in `[0, 1]`;
    /// calibrated on the development data. Displays show actors at or above
    /// [`ACTOR_DISPLAY_CONFIDENCE`](crate::ACTOR_DISPLAY_CONFIDENCE) (`actorDisplayConfidence()`
    /// in JavaScript); every actor is kept here.
    pub confidence: f64,
    /// Named mentions, as written ("Mr Putin", "Vladimir Putin"), in document order.
    pub mentions: Vec<Mention>,
    /// Pronouns and role nouns resolved to this actor ("He", "The Russian President").
    pub references: Vec<Mention>,
}

/// One row of the positions table: a holder, what they hold or said, and the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[non_exhaustive]
pub struct Position {
    /// The holder: an actor's display name, or the words of the text when unresolved.
    pub actor: String,
    /// Whether `actor` names an entry of [`Analysis::actors`].
    pub resolved: bool,
    /// The holder's side: its affiliation, or itself for a state or organisation.
    pub side: Option<String>,
    /// Index into [`Analysis::sentences`] of the evidence sentence.
    pub sentence: usize,
    /// The evidence sentence's text.
    pub evidence: String,
    /// What the holder says or holds, trimmed to the clause.
    pub claim: String,
    /// The direct quotation, when the position is quoted.
    pub quote: Option<String>,
    /// The cue word as written ("said", "warned", "opposed").
    pub cue: Option<String>,
    /// What the holder does with the claim, from the cue and a negation before it.
    pub stance: Option<Stance>,
    /// The holder as the text names it ("He", "Mr Putin", "a spokesman for the campaign"): in
    /// the evidence, or, for a quotation continued from the paragraph before (`cue` is then
    /// `None`), where its speaker was named.
    pub mention: Option<String>,
    /// How likely the row is right (holder and claim as a careful reader would accept them),
    /// in `[0, 1]`: a logistic model over the row's features, calibrated on annotated news.
    /// Displays show rows at or above
    /// [`POSITION_DISPLAY_CONFIDENCE`](crate::POSITION_DISPLAY_CONFIDENCE)
    /// (`positionDisplayConfidence()` in JavaScript); every row is kept here.
    pub confidence: f64,
}
