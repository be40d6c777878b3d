// Generated from pith's Rust types (src/model.rs, src/options.rs) by `cargo test`
// (src/typescript.rs). Do not edit: `PITH_BLESS=1 cargo test --lib typescript` regenerates it.

/**
 * Options as JavaScript, JSON and command-line callers spell them, every field optional (the
 * TypeScript `AnalyzeOptions`). Unknown fields are an error, so that a typo (`sentence: 2`)
 * is reported instead of silently ignored. [`Options::try_from`] turns it into [`Options`]
 * through the builder (an unknown language or two summary lengths are errors there); the
 * ranges are [`Options::check`]'s, which `analyze` runs.
 */
export type AnalyzeOptions = {
/**
 * Summary length in sentences, 0 to 1000 (default 3). Give at most one of `sentences`,
 * `ratio` and `words`.
 */
sentences?: number | null,
/**
 * Summary length as a share of the candidate sentences, 0 to 1.
 */
ratio?: number | null,
/**
 * Summary length as a word budget: the best sentences that fit (at least one).
 */
words?: number | null,
/**
 * Number of keywords, 0 to 1000 (default 10).
 */
keywords?: number | null,
/**
 * ISO 639-1 code such as "en", an English name, or "auto" (the default: detect);
 * `language` is accepted too.
 */
lang?: string | null,
/**
 * Largest input accepted, in UTF-8 bytes (default 8 MiB).
 */
maxInputBytes?: number | null, };

/**
 * The gist of one text.
 */
export type Analysis = {
/**
 * ISO 639-1 code of the language the text was analysed as (`"en"`), or `"und"` when the
 * language is not one pith has a stemmer for (tokens are then only lowercased).
 */
language: string,
/**
 * Every sentence, in document order (indexes into this list are used elsewhere).
 */
sentences: Array<Sentence>,
/**
 * The extractive summary: the requested number of sentences, in document order.
 */
summary: Array<SummarySentence>,
/**
 * Keyphrases, best first.
 */
keywords: Array<Keyword>,
/**
 * People, organisations, places and groups, most salient first.
 */
actors: Array<Actor>,
/**
 * Who holds or said what, in document order.
 */
positions: Array<Position>, };

/**
 * One sentence of the input.
 */
export type Sentence = {
/**
 * The sentence as written.
 */
text: string,
/**
 * Start offset, UTF-16 code units.
 */
start: number,
/**
 * End offset (exclusive), UTF-16 code units.
 */
end: number,
/**
 * Index of the paragraph (block separated by a line break) holding the sentence.
 */
paragraph: number,
/**
 * Body text, headline, heading or boilerplate.
 */
kind: SentenceKind, };

/**
 * What a sentence is, as far as summaries are concerned.
 */
export type SentenceKind = "body" | "headline" | "heading" | "boilerplate";

/**
 * One sentence of the summary.
 */
export type SummarySentence = {
/**
 * Index into [`Analysis::sentences`].
 */
sentence: number,
/**
 * The sentence text.
 */
text: string,
/**
 * Relevance in `[0, 1]`; higher is more central to the article.
 */
score: number, };

/**
 * A keyphrase.
 */
export type Keyword = {
/**
 * The phrase in its most frequent written form.
 */
phrase: string,
/**
 * Relevance in `[0, 1]`, relative to the best keyword (which scores 1).
 */
score: number, };

/**
 * A person, organisation, place or group taking part in the story.
 */
export type Actor = {
/**
 * Display name: the fullest name the text uses ("Vladimir Putin").
 */
name: string,
/**
 * Person, organisation, place or group.
 */
kind: ActorKind,
/**
 * Role or title ("President", "US Secretary of State"), when the text gives one.
 */
role: string | null,
/**
 * The country or organisation the actor belongs to or speaks for, when known.
 */
affiliation: string | null,
/**
 * Importance in `[0, 1]` relative to the most salient actor.
 */
salience: number,
/**
 * How sure pith is that this actor is a real name of the right kind, in `[0, 1]`;
 * calibrated on the development data. Displays show actors at or above
 * [`ACTOR_DISPLAY_CONFIDENCE`](crate::ACTOR_DISPLAY_CONFIDENCE) (`actorDisplayConfidence()`
 * in JavaScript); every actor is kept here.
 */
confidence: number,
/**
 * Named mentions, as written ("Mr Putin", "Vladimir Putin"), in document order.
 */
mentions: Array<Span>,
/**
 * Pronouns and role nouns resolved to this actor ("He", "The Russian President").
 */
references: Array<Span>, };

/**
 * The kind of an actor.
 */
export type ActorKind = "person" | "organization" | "place" | "group";

/**
 * A span of the input text.
 */
export type Span = {
/**
 * Start offset, UTF-16 code units.
 */
start: number,
/**
 * End offset (exclusive), UTF-16 code units.
 */
end: number,
/**
 * The span as written.
 */
text: string, };

/**
 * One row of the positions table: a holder, what they hold or said, and the evidence.
 */
export type Position = {
/**
 * The holder: an actor's display name, or the words of the text when unresolved.
 */
actor: string,
/**
 * Whether `actor` names an entry of [`Analysis::actors`].
 */
resolved: boolean,
/**
 * The holder's side: its affiliation, or itself for a state or organisation.
 */
side: string | null,
/**
 * Index into [`Analysis::sentences`] of the evidence sentence.
 */
sentence: number,
/**
 * The evidence sentence's text.
 */
evidence: string,
/**
 * What the holder says or holds, trimmed to the clause.
 */
claim: string,
/**
 * The direct quotation, when the position is quoted.
 */
quote: string | null,
/**
 * The cue word as written ("said", "warned", "opposed").
 */
cue: string | null,
/**
 * What the holder does with the claim, from the cue and a negation before it.
 */
stance: Stance | null,
/**
 * The holder as the text names it ("He", "Mr Putin", "a spokesman for the campaign"): in
 * the evidence, or, for a quotation continued from the paragraph before (`cue` is then
 * `None`), where its speaker was named.
 */
mention: string | null,
/**
 * How likely the row is right (holder and claim as a careful reader would accept them),
 * in `[0, 1]`: a logistic model over the row's features, calibrated on annotated news.
 * Displays show rows at or above
 * [`POSITION_DISPLAY_CONFIDENCE`](crate::POSITION_DISPLAY_CONFIDENCE)
 * (`positionDisplayConfidence()` in JavaScript); every row is kept here.
 */
confidence: number, };

/**
 * What a position's holder does with the claim, as its cue says ("said" says, "warned"
 * warns, "did not support" opposes). Serialised in lowercase (`"says"`), as [`Stance::as_str`]
 * writes it.
 */
export type Stance = "says" | "supports" | "opposes" | "proposes" | "warns" | "threatens" | "rejects" | "offers" | "demands";
