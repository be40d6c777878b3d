//! The positions table, one test per family of error a reader found on real articles
//! (issue 16). Every sentence is written for these tests, in the shape of the errors seen.
#![cfg(not(target_arch = "wasm32"))]

use pith::{analyze, Options, Position, SentenceKind, Stance};

fn rows(text: &str) -> Vec<Position> {
    analyze(text, &Options::new().language("en").expect("en"))
        .expect("analysable")
        .positions
}

fn row<'a>(rows: &'a [Position], actor: &str) -> &'a Position {
    rows.iter()
        .find(|p| p.actor == actor)
        .unwrap_or_else(|| panic!("no row for {actor}: {rows:#?}"))
}

/// Family 1: what someone did, or a refusal to speak, is not a position.
#[test]
fn actions_and_no_comment_are_not_positions() {
    let r = rows(
        "Port report\n\nMarta Ruiz added her third goal for the Harbour Board late in the match. \
         The ministry declined to comment on the tender to reporters. \
         Okafor testified at length before the Senate Finance Committee. \
         Brigitte Olsen continued to interject as the chair spoke.",
    );
    assert!(r.is_empty(), "{r:#?}");
    // A stance verb with an infinitive is still one.
    let r = rows("Ms Olsen refused to back the levy.");
    assert_eq!(row(&r, "Olsen").stance, Some(Stance::Rejects));
}

/// Family 2: a holder is never a fragment of a name; the name beats a descriptor.
#[test]
fn holders_are_whole_names() {
    let r = rows("AT&T officials said the outage would end by Friday.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].actor, "AT&T officials");
    assert_eq!(r[0].claim, "the outage would end by Friday");
    let r = rows("\"The budget will not pass this year,\" said Senator Maria J. Ortega of Leeds.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].actor, "Maria J. Ortega");
    let r = rows(
        "\"If the levy stays, I will not back it,\" declared Senator Ruth Ames, Liberal of \
         Ward Four, who echoed the criticism.",
    );
    assert!(r.iter().all(|p| !p.actor.contains("Liberal")), "{r:#?}");
    assert_eq!(
        row(&r, "Ruth Ames").claim,
        "If the levy stays, I will not back it"
    );
}

/// Family 2: a pronoun with more than one person it could stand for, none of them the subject
/// before it, gives no row.
#[test]
fn ambiguous_pronouns_give_no_row() {
    let r = rows(
        "Reporters asked Tom Berg and Carl Voss about the levy on Monday. He said it was too high.",
    );
    assert!(r.is_empty(), "{r:#?}");
}

/// Family 3: the addressee and the frame are not part of the claim.
#[test]
fn claims_start_after_addressee_and_frame() {
    let text = "Ms Holt told the Gazette that the city is unlikely to raise taxes. \
                Ms Holt said in an interview that the police alone cannot fix it. \
                Ms Holt told Channel 9 in 2019 that the mayor had lied. \
                Ms Holt wrote on Twitter that the ferry would run again. \
                Ms Holt told the Gazette, \"We will not sell the pier.\"";
    let r = rows(text);
    let claims: Vec<&str> = r.iter().map(|p| p.claim.as_str()).collect();
    assert_eq!(
        claims,
        [
            "the city is unlikely to raise taxes",
            "the police alone cannot fix it",
            "the mayor had lied",
            "the ferry would run again",
            "We will not sell the pier",
        ]
    );
}

/// Family 4: junk claims (a bare name, a pronoun phrase) give no row.
#[test]
fn junk_claims_give_no_row() {
    let r = rows("Ms Holt said the Harbour Trust. Ms Holt said to him.");
    assert!(r.is_empty(), "{r:#?}");
}

/// Family 5: a quoted claim is the whole quotation and stops where it ends.
#[test]
fn quoted_claims_stop_at_the_quote_and_stay_whole() {
    let r = rows(
        "\"The levy is fair,\" Ms Holt said. \"The council will keep it until 2030.\"\n\n\
         \"Why would we sell the pier?\" Mr Dunn said.\n\n\
         According to Mr Pike, \"the pier is safe,\" a claim the engineers dispute.",
    );
    assert_eq!(
        row(&r, "Holt").claim,
        "The levy is fair. The council will keep it until 2030"
    );
    assert_eq!(row(&r, "Dunn").claim, "Why would we sell the pier?");
    assert_eq!(row(&r, "Pike").claim, "the pier is safe");
}

/// Family 6: what a holder does not want or never proposed is opposed, never proposed.
#[test]
fn negation_turns_proposals_into_opposition() {
    let r = rows(
        "The members do not want to send the police into the square. \
         Mr Brandt never proposed to sell the port.",
    );
    assert_eq!(row(&r, "The members").stance, Some(Stance::Opposes));
    assert_eq!(row(&r, "Brandt").stance, Some(Stance::Opposes));
    assert!(r.iter().all(|p| p.stance != Some(Stance::Proposes)));
}

/// Family 7: a site's disclosure is furniture: no position, no summary sentence.
#[test]
fn site_furniture_is_not_a_position() {
    let text = "Harbour news\n\nThe council voted to keep the levy on Tuesday after a long debate \
                about the pier.\n\nThis site earns a commission through affiliate links, as the \
                Federal Trade Commission requires us to say.";
    let g = analyze(text, &Options::new().language("en").expect("en")).expect("ok");
    assert!(g.positions.is_empty(), "{:#?}", g.positions);
    let furniture = g
        .sentences
        .iter()
        .find(|s| s.text.contains("affiliate"))
        .expect("the sentence");
    assert_eq!(furniture.kind, SentenceKind::Boilerplate);
    assert!(g.summary.iter().all(|s| !s.text.contains("affiliate")));
}

/// Families 2, 3 and 5 again: a quotation right before its attribution is the claim even when
/// a title is quoted after it; a report before an inverted "told" is the claim, not the
/// addressee; a dashed apposition and a name's own prepositional phrase do not hide the holder.
#[test]
fn inverted_attributions_and_appositions() {
    let r = rows(
        "\"The pier is safe for now,\" Ms Holt said during an interview on \"Harbour Talk Tonight\" \
         on Sunday.",
    );
    assert_eq!(row(&r, "Holt").claim, "The pier is safe for now");
    let r = rows("The pier is safe for now, Ms Holt told a council panel on Tuesday.");
    assert_eq!(row(&r, "Holt").claim, "The pier is safe for now");
    let r = rows("Ms Holt — a former harbour master — said the pier was safe.");
    assert_eq!(row(&r, "Holt").claim, "the pier was safe");
    let r = rows("One pastor, Ann Grey of the Harbour Church in Leeds, said the levy was fair.");
    assert_eq!(row(&r, "Ann Grey").claim, "the levy was fair");
}

/// What a reader noticed on real pages: a dateline in front of a claim, a holder that is
/// nobody, what an attitude is about, a relative clause about the speaker after the claim, a
/// name cut at "&", and a clause about what the speaker was doing taken for what was said.
#[test]
fn what_a_reader_noticed_on_real_pages() {
    let r = rows("LEEDS — The ferry will run again in May, harbour officials said on Monday.");
    assert_eq!(r[0].claim, "The ferry will run again in May");
    let r = rows("Although no group claimed responsibility, the attack raised fears in the port.");
    assert!(r.is_empty(), "{r:#?}");
    let r = rows("Ms Holt is confident the levy will pass next week.");
    assert_eq!(row(&r, "Holt").claim, "the levy will pass next week");
    let r =
        rows("The ferry has been steady, said Tom Reed, who follows the port for a local bank.");
    assert_eq!(row(&r, "Tom Reed").claim, "The ferry has been steady");
    let r = rows("Prices rose by a third, according to the Northern Rail & Tourism Council.");
    assert_eq!(r[0].actor, "Northern Rail & Tourism Council");
    let r = rows("\"I am not,\" Mr Dunn said as he closed the valve.");
    assert!(r.iter().all(|p| !p.claim.contains("valve")), "{r:#?}");
}

/// Family 1 again: a speech verb that means something else ("adding to her lead"), a sentence
/// about when someone speaks, and "found himself" are not positions.
#[test]
fn verbs_of_speech_used_for_something_else() {
    let r = rows(
        "Ms Holt is adding to her lead after the vote in the north. \
         The new season begins this week, as Ms Holt speaks to the harbour club. \
         Mr Dunn found himself in the awkward position of defending the levy.",
    );
    assert!(r.is_empty(), "{r:#?}");
}

/// Families 1 and 2 again: an irregular past is a verb, so the report is a clause; a senator
/// "of California" is the holder, not the state; "said that while ..." keeps its report.
#[test]
fn holders_and_clauses_found_on_polnear_train() {
    let r = rows("Ms Marsh said the polling station never shut its doors.");
    assert_eq!(r.len(), 1, "{r:#?}");
    assert_eq!(r[0].claim, "the polling station never shut its doors");
    let r = rows("Senator Ann Lee of California said she had called the mayor about the levy.");
    assert_eq!(
        row(&r, "Ann Lee").claim,
        "she had called the mayor about the levy"
    );
    let r = rows(
        "A third delegate, Dan Trent, said that while he opposed the levy, he would vote for it.",
    );
    assert_eq!(
        row(&r, "Dan Trent").claim,
        "while he opposed the levy, he would vote for it"
    );
}

/// Read on real pages: "We’re told that ..." has no holder.
#[test]
fn pronoun_contractions_are_no_holder() {
    let r = rows("We’re told that the pier will reopen in the spring.");
    assert!(r.is_empty(), "{r:#?}");
}
