//! The reference article (The Independent, on Putin and US missile defence): what a reader
//! expects pith to find. The fixture is compiled in, so this also runs under wasm.
#![cfg(not(target_arch = "wasm32"))]

use pith::{analyze, ActorKind, Analysis, Options, SentenceKind, Stance};

const ARTICLE: &str = include_str!("fixtures/missile-defence.txt");

fn gist() -> Analysis {
    analyze(ARTICLE, &Options::default()).expect("the reference article is analysable")
}

#[test]
fn segments_headline_boilerplate_and_body() {
    let g = gist();
    assert_eq!(g.language, "en");
    assert_eq!(g.sentences.len(), 20);
    assert_eq!(
        g.sentences[0].text,
        "Putin on the attack over US missile defence"
    );
    assert_eq!(g.sentences[0].kind, SentenceKind::Headline);
    assert_eq!(g.sentences[1].text, "Click to follow");
    assert_eq!(g.sentences[1].kind, SentenceKind::Boilerplate);
    // The quotation with an ellipsis inside stays one sentence.
    assert!(g
        .sentences
        .iter()
        .any(|s| s.text.starts_with("\"We will work during this time")
            && s.text.ends_with("Ms Rice said.")));
    for s in &g.sentences {
        let slice: String =
            String::from_utf16_lossy(&ARTICLE.encode_utf16().collect::<Vec<_>>()[s.start..s.end]);
        assert_eq!(slice, s.text);
    }
}

#[test]
fn summary_has_the_lead_and_no_boilerplate() {
    let g = gist();
    assert_eq!(g.summary.len(), 3);
    assert!(g.summary[0]
        .text
        .starts_with("The Russian President has stepped up pressure"));
    assert!(g
        .summary
        .iter()
        .all(|s| !s.text.contains("Click to follow")));
    assert!(g.summary.windows(2).all(|w| w[0].sentence < w[1].sentence));
    let two = analyze(ARTICLE, &Options::new().sentences(2)).expect("ok");
    assert_eq!(two.summary.len(), 2);
}

#[test]
fn keywords_are_readable_phrases() {
    let g = gist();
    let phrases: Vec<&str> = g.keywords.iter().map(|k| k.phrase.as_str()).collect();
    assert_eq!(phrases.len(), 10);
    // The two subjects of the article, as the phrases a reader would write.
    assert!(
        phrases.contains(&"missile defence") || phrases.contains(&"missile defence shield"),
        "{phrases:?}"
    );
    assert!(
        phrases
            .iter()
            .any(|p| p.contains("INF") && p.to_lowercase().contains("treaty")),
        "{phrases:?}"
    );
    // No fragment of a listed phrase is listed again, and no word twice.
    for (i, p) in phrases.iter().enumerate() {
        for (j, q) in phrases.iter().enumerate() {
            if i != j {
                let words: Vec<&str> = q.split([' ', '-']).collect();
                assert!(
                    !p.split([' ', '-']).all(|w| words.contains(&w)),
                    "{p:?} repeats {q:?} in {phrases:?}"
                );
            }
        }
    }
    for bad in ["click", "mr", "said", "Mr", "Click", "follow", "says"] {
        assert!(
            !phrases.iter().any(|p| p.split(' ').any(|w| w == bad)),
            "{bad} in {phrases:?}"
        );
    }
    assert!(g.keywords.windows(2).all(|w| w[0].score >= w[1].score));
    assert!(g.keywords.iter().all(|k| k.score > 0.0 && k.score <= 1.0));
    assert_eq!(g.keywords[0].score, 1.0);
    // Asking for fewer gives the head of the same list.
    let five = analyze(ARTICLE, &Options::new().keywords(5)).expect("ok");
    let head: Vec<&str> = five.keywords.iter().map(|k| k.phrase.as_str()).collect();
    assert_eq!(head, phrases[..5]);
}

#[test]
fn six_people_each_once_with_a_role() {
    let g = gist();
    let expected = [
        ("Vladimir Putin", "Russian President"),
        ("Condoleezza Rice", "US Secretary of State"),
        ("Robert Gates", "US Defence Secretary"),
        ("Dmitry Peskov", "spokesman for Vladimir Putin"),
        ("Sergei Lavrov", "Russian Foreign Minister"),
        ("Anatoly Serdyukov", "Defence Minister"),
    ];
    for (name, role) in expected {
        let found: Vec<_> = g.actors.iter().filter(|a| a.name == name).collect();
        assert_eq!(found.len(), 1, "{name} once: {:?}", g.actors);
        assert_eq!(found[0].kind, ActorKind::Person);
        assert_eq!(found[0].role.as_deref(), Some(role), "{name}");
        // Shown to the reader, not only returned.
        assert!(
            found[0].confidence >= pith::ACTOR_DISPLAY_CONFIDENCE,
            "{name}: {}",
            found[0].confidence
        );
    }
    // Every actor shown is one a reader would accept: none of the low-confidence leftovers.
    for a in g
        .actors
        .iter()
        .filter(|a| a.confidence >= pith::ACTOR_DISPLAY_CONFIDENCE)
    {
        assert!(
            !matches!(a.name.as_str(), "Bush" | "Nuclear" | "INF"),
            "{a:?}"
        );
    }
    let putin = g
        .actors
        .iter()
        .find(|a| a.name == "Vladimir Putin")
        .expect("Putin");
    let written: Vec<&str> = putin.mentions.iter().map(|m| m.text.as_str()).collect();
    assert!(written.contains(&"President Vladimir Putin") || written.contains(&"Vladimir Putin"));
    assert!(written.contains(&"Mr Putin"), "{written:?}");
    let refs: Vec<&str> = putin.references.iter().map(|m| m.text.as_str()).collect();
    assert!(refs.contains(&"The Russian President"), "{refs:?}");
    assert!(refs.contains(&"He"), "{refs:?}");
    assert_eq!(putin.affiliation.as_deref(), Some("Russia"));
    let side = |n: &str| {
        g.actors
            .iter()
            .find(|a| a.name == n)
            .and_then(|a| a.affiliation.clone())
    };
    assert_eq!(side("Condoleezza Rice").as_deref(), Some("United States"));
    assert_eq!(side("Robert Gates").as_deref(), Some("United States"));
    // Inherited from his principal, and from the colleague he is named with.
    assert_eq!(side("Dmitry Peskov").as_deref(), Some("Russia"));
    assert_eq!(side("Anatoly Serdyukov").as_deref(), Some("Russia"));
}

#[test]
fn places_and_metonyms() {
    let g = gist();
    let kind_of = |n: &str| g.actors.iter().find(|a| a.name == n).map(|a| a.kind);
    assert_eq!(kind_of("Russia"), Some(ActorKind::Place));
    assert_eq!(kind_of("United States"), Some(ActorKind::Place));
    for place in [
        "Europe",
        "Iran",
        "North Korea",
        "India",
        "Pakistan",
        "Czech Republic",
        "Poland",
        "Azerbaijan",
    ] {
        assert_eq!(kind_of(place), Some(ActorKind::Place), "{place}");
    }
    let moscow: Vec<_> = g.actors.iter().filter(|a| a.name == "Moscow").collect();
    assert_eq!(moscow.len(), 1, "Moscow once");
    assert_eq!(moscow[0].kind, ActorKind::Group);
    assert_eq!(moscow[0].affiliation.as_deref(), Some("Russia"));
    for not_actor in ["Intermediate", "Cold War", "Soviet", "Click", "However"] {
        assert!(kind_of(not_actor).is_none(), "{not_actor} is not an actor");
    }
}

#[test]
fn positions_of_both_camps_with_evidence() {
    let g = gist();
    let row = |actor: &str, cue: &str| {
        g.positions
            .iter()
            .find(|p| p.actor == actor && p.cue.as_deref() == Some(cue))
            .unwrap_or_else(|| panic!("{actor} {cue}: {:#?}", g.positions))
    };
    let p = row("Vladimir Putin", "warned");
    assert_eq!(p.stance, Some(Stance::Warns));
    assert!(p.claim.starts_with("Moscow might pull out of the 1987"));
    assert_eq!(p.evidence, g.sentences[p.sentence].text);
    let r = row("Condoleezza Rice", "rebuffed");
    assert_eq!(r.stance, Some(Stance::Rejects));
    assert_eq!(r.side.as_deref(), Some("United States"));
    let q = row("Condoleezza Rice", "said");
    assert!(q
        .quote
        .as_deref()
        .is_some_and(|q| q.starts_with("We will work")));
    // A scare-quoted word does not hide the reported clause.
    let added = row("Condoleezza Rice", "added");
    assert!(added
        .claim
        .starts_with("the US had brought \"conceptual\" ideas to Moscow"));
    assert_eq!(added.quote, None);
    assert!(row("Robert Gates", "said").claim.starts_with("one idea is"));
    assert!(
        row("Sergei Lavrov", "said").quote.as_deref()
            == Some("We see two serious problems with these proposals")
    );
    // The quote whose opening mark is missing.
    let s = row("Anatoly Serdyukov", "said");
    assert!(s
        .quote
        .as_deref()
        .is_some_and(|q| q.starts_with("The principal thing")));
    assert_eq!(row("Russia", "opposed").stance, Some(Stance::Opposes));
    assert_eq!(row("Russia", "offering").stance, Some(Stance::Offers));
    assert_eq!(
        row("United States", "says").side.as_deref(),
        Some("United States")
    );
    // Holders resolved through a pronoun and a role noun keep the words the text used.
    assert_eq!(p.mention.as_deref(), Some("He"));
    let lead = row("Vladimir Putin", "stepped up pressure");
    assert_eq!(lead.mention.as_deref(), Some("The Russian President"));
    assert_eq!(lead.stance, Some(Stance::Demands));
    assert_eq!(lead.sentence, 2);
    // Attitudes: "the Russians were unimpressed", "a cool response in Washington".
    let unimpressed = row("Russia", "unimpressed");
    assert_eq!(unimpressed.stance, Some(Stance::Rejects));
    assert_eq!(unimpressed.mention.as_deref(), Some("the Russians"));
    let cool = row("Washington", "cool response");
    assert_eq!(cool.stance, Some(Stance::Rejects));
    assert_eq!(cool.side.as_deref(), Some("United States"));
    assert!(
        cool.claim.contains("radar station in Azerbaijan"),
        "{}",
        cool.claim
    );

    // Every speaker and both sides, with what each holds.
    let holds = |actor: &str, words: &str| {
        g.positions
            .iter()
            .any(|p| p.actor == actor && p.claim.contains(words))
    };
    let expected = [
        ("Vladimir Putin", "freeze plans"),
        (
            "Vladimir Putin",
            "Intermediate-range Nuclear Forces (INF) treaty",
        ),
        ("Vladimir Putin", "lose a chance for agreement"),
        ("Dmitry Peskov", "had not been confrontational"),
        ("Dmitry Peskov", "modernising the INF treaty"),
        ("Condoleezza Rice", "address Russian concerns"),
        ("Condoleezza Rice", "the call to freeze the US plans"),
        (
            "Robert Gates",
            "Russian personnel stationed at each missile defence site",
        ),
        ("Sergei Lavrov", "two serious problems"),
        ("Anatoly Serdyukov", "anti-Russian character"),
        ("Russia", "strategic threat"),
        ("Russia", "radar station in Azerbaijan"),
        (
            "United States",
            "defence against missiles fired by Iran or North Korea",
        ),
    ];
    for (actor, words) in expected {
        assert!(holds(actor, words), "{actor}: {words}: {:#?}", g.positions);
    }
    let sides = |side: &str| -> Vec<&str> {
        g.positions
            .iter()
            .filter(|p| p.side.as_deref() == Some(side))
            .map(|p| p.actor.as_str())
            .collect()
    };
    let russia = sides("Russia");
    for who in [
        "Vladimir Putin",
        "Dmitry Peskov",
        "Sergei Lavrov",
        "Anatoly Serdyukov",
        "Russia",
    ] {
        assert!(russia.contains(&who), "{who} on Russia's side: {russia:?}");
    }
    let us = sides("United States");
    for who in ["Condoleezza Rice", "Robert Gates", "United States"] {
        assert!(us.contains(&who), "{who} on the US side: {us:?}");
    }
    // Every row: resolved to an actor, never a pronoun, with its sentence as evidence and a
    // stance and claim.
    for p in &g.positions {
        assert!(p.resolved, "{p:#?}");
        assert!(g.actors.iter().any(|a| a.name == p.actor), "{p:#?}");
        assert!(
            !["he", "she", "they", "it", "his", "her"].contains(&p.actor.to_lowercase().as_str()),
            "{p:#?}"
        );
        assert_eq!(p.evidence, g.sentences[p.sentence].text);
        assert!(
            p.stance.is_some() && p.claim.split_whitespace().count() >= 2,
            "{p:#?}"
        );
    }
    assert!(g
        .positions
        .windows(2)
        .all(|w| w[0].sentence <= w[1].sentence));
}

/// What a reader sees in the table: a row for each of the six people who speak, no pronoun as
/// a holder and no junk claim (a bare name, a fragment, a frame left in front).
#[test]
fn positions_a_reader_can_trust() {
    let g = gist();
    for who in [
        "Vladimir Putin",
        "Dmitry Peskov",
        "Condoleezza Rice",
        "Robert Gates",
        "Sergei Lavrov",
        "Anatoly Serdyukov",
    ] {
        // Shown in a display, not only kept.
        assert!(
            g.positions
                .iter()
                .any(|p| p.actor == who && p.confidence >= pith::POSITION_DISPLAY_CONFIDENCE),
            "{who}: {:#?}",
            g.positions
        );
    }
    let pronouns = [
        "he", "she", "they", "it", "him", "her", "his", "them", "who",
    ];
    for p in &g.positions {
        assert!(
            !pronouns.contains(&p.actor.to_lowercase().as_str()),
            "{p:#?}"
        );
        let words: Vec<&str> = p.claim.split_whitespace().collect();
        let attitude = p.cue.as_deref().is_some_and(|c| c.ends_with("impressed"));
        assert!(words.len() >= 3 || attitude, "{p:#?}");
        let name_only = words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || *w == "the");
        assert!(!name_only, "{p:#?}");
        // No frame or addressee in front ("in an interview", "to him"); an infinitive may open
        // a claim ("threatened to re-target ...").
        let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
        let second = words.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
        assert!(
            !["in", "on", "that", "at", "during"].contains(&first.as_str()),
            "{p:#?}"
        );
        assert!(
            first != "to" || !["him", "her", "them", "the", "a", "an"].contains(&second.as_str()),
            "{p:#?}"
        );
    }
}
