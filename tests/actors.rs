//! Typing rules for names the gazetteers do not know.
#![cfg(not(target_arch = "wasm32"))]

use pith::{analyze, ActorKind, Options};

fn kinds(text: &str) -> Vec<(String, ActorKind)> {
    analyze(text, &Options::default())
        .expect("analysable")
        .actors
        .into_iter()
        .map(|a| (a.name, a.kind))
        .collect()
}

#[test]
fn a_given_name_makes_a_person_and_a_suffix_an_organisation() {
    let k = kinds("The contract went to Acme Holdings on Monday. Phil Simmons, who runs the firm, was pleased. Simmons expects more work.");
    assert!(
        k.contains(&("Phil Simmons".into(), ActorKind::Person)),
        "{k:?}"
    );
    assert!(
        k.contains(&("Acme Holdings".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert_eq!(
        k.iter().filter(|(n, _)| n.contains("Simmons")).count(),
        1,
        "merged by surname"
    );
}

#[test]
fn acronyms_are_organisations_unless_they_name_a_thing() {
    let k = kinds("The talks covered the INF treaty. Officials at UEFA said the ruling stands.");
    assert!(
        k.contains(&("UEFA".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "INF"), "{k:?}");
}

#[test]
fn headline_capitals_and_common_words_are_not_people() {
    let k = kinds("STORM HITS COAST AS WINDS RISE\n\nThe storm hit the coast on Monday. Cold War memories returned.");
    assert!(
        !k.iter().any(|(_, kind)| *kind == ActorKind::Person),
        "{k:?}"
    );
}

#[test]
fn towns_in_a_sports_report_are_clubs_but_stay_places_as_venues_and_datelines() {
    let text = "LONDON 1996-08-30\nResults of English county championship matches on Friday :\nAt Headingley ( Leeds ) : Yorkshire 290 , Essex 372 and 100-5 .\nEssex need another 148 runs to beat Yorkshire .\nFans in London cheered .";
    let k = kinds(text);
    for club in ["Essex", "Yorkshire"] {
        assert!(
            k.contains(&(club.into(), ActorKind::Organization)),
            "{club}: {k:?}"
        );
    }
    assert!(k.contains(&("London".into(), ActorKind::Place)), "{k:?}");
    assert!(k.contains(&("Leeds".into(), ActorKind::Place)), "{k:?}");
}

#[test]
fn result_lines_outside_sport_do_not_make_clubs() {
    // A market table: no sports words, so "Tokyo 120.5 121.3" is a place.
    let k = kinds("Dollar rates at the close :\nTokyo 120.5 121.3\nThe dollar rose against the yen in Tokyo .");
    assert!(k.contains(&("Tokyo".into(), ActorKind::Place)), "{k:?}");
}

#[test]
fn a_company_is_known_by_its_context_in_every_mention() {
    let k = kinds("Italian tyre giant Pirelli on Friday announced a move into China . Pirelli will have management control of the venture .");
    assert!(
        k.contains(&("Pirelli".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert_eq!(k.iter().filter(|(n, _)| n == "Pirelli").count(), 1);
}

#[test]
fn events_and_lone_sentence_openers_are_not_actors() {
    let k = kinds("Gasoline stocks fell sharply last week. Kelly Holmes won gold at the Commonwealth Games in Manchester. Holmes said the Games were her best.");
    assert!(!k.iter().any(|(n, _)| n == "Gasoline"), "{k:?}");
    assert!(!k.iter().any(|(n, _)| n.contains("Games")), "{k:?}");
    assert!(
        k.contains(&("Kelly Holmes".into(), ActorKind::Person)),
        "{k:?}"
    );
}

#[test]
fn an_organisation_that_speaks_is_still_an_organisation() {
    let k = kinds(
        "The International Rugby Board said the ban would stand. Its chairman, Syd Millar, agreed.",
    );
    assert!(
        k.contains(&("International Rugby Board".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(
        k.contains(&("Syd Millar".into(), ActorKind::Person)),
        "{k:?}"
    );
}

#[test]
fn handles_hashtags_and_web_addresses_make_no_actors_or_keywords() {
    // An article with an embedded post, as pages and pasted text carry them.
    let text = "Senator Jane Okafor said the farm bill would pass this week. \"We have the votes,\" she said. \
                Follow Tom Reyes on Twitter @TomReyesNews.\n\n\
                Supporters shared the news with #FarmBillNow. https://t.co/Xy12abCdE pic.twitter.com/Qw9ErTy— Jane Okafor (@JaneOkaforSen) May 3, 2024";
    let a = analyze(text, &Options::default()).expect("analysable");
    let names: Vec<&str> = a.actors.iter().map(|x| x.name.as_str()).collect();
    assert!(names.contains(&"Jane Okafor"), "{names:?}");
    let phrases: Vec<&str> = a.keywords.iter().map(|k| k.phrase.as_str()).collect();
    for symbol in [
        "TomReyesNews",
        "FarmBillNow",
        "Xy12abCdE",
        "Qw9ErTy",
        "JaneOkaforSen",
    ] {
        assert!(
            !names.iter().any(|n| n.contains(symbol)),
            "{symbol}: {names:?}"
        );
        assert!(
            !phrases.iter().any(|p| p.contains(symbol)),
            "{symbol}: {phrases:?}"
        );
    }
}

#[test]
fn words_in_capitals_are_names_only_when_known_or_written_as_names() {
    // A heading in capitals that runs into the body text, as scraped pages have them.
    let text = "Rescuers worked through the night in Amatrice, officials said.\n\n\
                STRONG AFTERSHOCK RATTLES QUAKE ZONE AS OKAFOR VISITS Jane Okafor, the regional \
                governor, toured the town on Sunday. Okafor said the shelters would stay open.";
    let k = kinds(text);
    for junk in ["AFTERSHOCK", "RATTLES", "QUAKE", "ZONE", "STRONG"] {
        assert!(!k.iter().any(|(n, _)| n.contains(junk)), "{junk}: {k:?}");
    }
    assert!(
        k.contains(&("Jane Okafor".into(), ActorKind::Person)),
        "{k:?}"
    );
    // With no body text to learn from, an honorific still marks a name.
    let k =
        kinds("PUTIN ON THE ATTACK\n\nHE SAID IT WAS WRONG. \"WE WILL RESPOND,\" SAID MR PUTIN.");
    assert_eq!(k, vec![("PUTIN".to_string(), ActorKind::Person)]);
}

#[test]
fn clubs_are_organisations_by_their_names() {
    let k = kinds(
        "Manchester United and Real Madrid both want the striker this season. Bayern Munich \
         have also asked about him, and Leeds United and Manchester City, who sold him to \
         Ipswich Town, are watching. He scored twice in Mexico City last month.",
    );
    for club in [
        "Manchester United",
        "Real Madrid",
        "Bayern Munich",
        "Leeds United",
        "Manchester City",
        "Ipswich Town",
    ] {
        assert!(
            k.contains(&(club.into(), ActorKind::Organization)),
            "{club}: {k:?}"
        );
    }
    assert!(
        k.contains(&("Mexico City".into(), ActorKind::Place)),
        "{k:?}"
    );
    // Outside a sports report "City" after a town is no club.
    let k =
        kinds("Manchester City Council approved the plan on Monday, officials in Manchester said.");
    assert!(!k.iter().any(|(n, _)| n == "Manchester City"), "{k:?}");
}

/// The actors a reader is shown: at or above the display threshold.
fn shown(text: &str) -> Vec<(String, ActorKind)> {
    analyze(text, &Options::default())
        .expect("analysable")
        .actors
        .into_iter()
        .filter(|a| a.confidence >= pith::ACTOR_DISPLAY_CONFIDENCE)
        .map(|a| (a.name, a.kind))
        .collect()
}

#[test]
fn things_are_not_people() {
    // A machine named like a person, a storm, and a club named like a person.
    let k = kinds(
        "Engineers in Stuttgart switched on Hazel Hen, a supercomputer, last year. Hazel Hen \
         now runs climate models, said Anna Vogel, who leads the team.",
    );
    assert!(!k.iter().any(|(n, _)| n.contains("Hazel")), "{k:?}");
    assert!(
        k.contains(&("Anna Vogel".into(), ActorKind::Person)),
        "{k:?}"
    );
    let k = kinds("Cyclone Idris reached the coast on Monday, and thousands fled inland.");
    assert!(!k.iter().any(|(n, _)| n.contains("Idris")), "{k:?}");
    let k = kinds(
        "Chelsea beat Fulham 3-1 on Saturday. Chelsea were the better side, said the coach, \
         Mark Dunn.",
    );
    assert!(
        k.contains(&("Chelsea".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(!k.contains(&("Chelsea".into(), ActorKind::Person)), "{k:?}");
}

#[test]
fn names_stay_whole() {
    let k = kinds(
        "Shares of Northern Gas & Electric Co fell on Monday. NG&E officials said the utility \
         would appeal the ruling.",
    );
    assert!(
        k.contains(&("Northern Gas & Electric Co".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(
        k.contains(&("NG&E".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "NG" || n == "E"), "{k:?}");
    let k = kinds(
        "Commission President Greta van der Berg said on Tuesday that the talks with the \
         government would go on for several weeks. Van der Berg told reporters that she was \
         hopeful about the outcome.",
    );
    assert!(
        k.contains(&("Greta van der Berg".into(), ActorKind::Person)),
        "{k:?}"
    );
    assert_eq!(
        k.iter().filter(|(n, _)| n.contains("Berg")).count(),
        1,
        "{k:?}"
    );
    let k = kinds(
        "The People's Liberation Army held drills near the island. A spokesman for the \
         People's Liberation Army said the drills were routine.",
    );
    assert!(
        k.contains(&("People's Liberation Army".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert!(!k.iter().any(|(n, _)| n == "People"), "{k:?}");
    let k = kinds("Two men, Paul Ortiz and Dan Weller, were arrested on Friday, police said.");
    assert!(
        k.contains(&("Paul Ortiz".into(), ActorKind::Person)),
        "{k:?}"
    );
    assert!(
        k.contains(&("Dan Weller".into(), ActorKind::Person)),
        "{k:?}"
    );
    let k = kinds("The yield on the 10-year note, quoted as US10YT=RR, rose to 1.8 percent.");
    assert!(!k.iter().any(|(n, _)| n.contains("RR")), "{k:?}");
}

#[test]
fn ordinary_words_and_headings_are_not_shown() {
    let k = shown(
        "HARVEST\n\nI'm not sure the rain will stop, said Maria Lopez, a farmer near Lleida. \
         I'll wait another week. TV crews filmed the flooded fields. Add the losses of last \
         year and the picture is bleak. Originally, the harvest was due in May.",
    );
    for junk in ["HARVEST", "I'm", "I'll", "TV", "Add", "Originally", "I"] {
        assert!(!k.iter().any(|(n, _)| n == junk), "{junk}: {k:?}");
    }
    assert!(
        k.contains(&("Maria Lopez".into(), ActorKind::Person)),
        "{k:?}"
    );
}

#[test]
fn links_only_on_evidence() {
    // Another country's body of the same name is not the one the gazetteer knows.
    let k = kinds(
        "China's CDC said the outbreak was contained. In Atlanta, the US CDC said it was \
         watching closely.",
    );
    assert!(
        k.contains(&("China's CDC".into(), ActorKind::Organization)),
        "{k:?}"
    );
    assert_eq!(
        k.iter()
            .filter(|(n, _)| n.contains("Disease Control") || n.contains("CDC"))
            .count(),
        2,
        "{k:?}"
    );
    // A leader named beside another country's people does not take their side.
    let a = analyze(
        "President Viktor Orlov spoke with Ukraine's Foreign Minister Dmytro Kuleba and \
         Ukraine's Defence Minister Oleksii Reznikov on Monday.",
        &Options::default(),
    )
    .expect("analysable");
    let orlov = a
        .actors
        .iter()
        .find(|x| x.name.contains("Orlov"))
        .expect("Orlov");
    assert_eq!(orlov.affiliation, None, "{:?}", a.actors);
}

/// A platform is shown by the name the article uses, not its owner's later name: a 2016
/// story's "posted to Twitter" is not "X Corp", nor its "Facebook" "Meta".
#[test]
fn platforms_keep_the_name_the_text_uses() {
    let k = kinds("The mayor, Anna Grey, posted the plan to Twitter and Facebook on Monday.");
    let names: Vec<&str> = k.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"Twitter"), "{k:?}");
    assert!(names.contains(&"Facebook"), "{k:?}");
    assert!(
        !names.contains(&"X Corp") && !names.contains(&"Meta"),
        "{k:?}"
    );
}

/// A surname that is also a month ("May", "June") stays on the name; a month in a date or a
/// modal "may" does not join one.
#[test]
fn a_month_after_a_given_name_is_a_surname() {
    let k = kinds("Prime Minister Alice May said on Sunday that the talks would be hard.");
    assert_eq!(k, [("Alice May".to_string(), ActorKind::Person)]);
    let k = kinds("The talks with Mr Hale may resume on Thursday May 5, Ms Lee said.");
    assert!(k.iter().all(|(n, _)| !n.contains("May")), "{k:?}");
}

/// A first name, or the start of a longer name, is the one person whose full name starts with
/// it; with two such people it stays apart.
#[test]
fn the_start_of_one_full_name_is_that_person() {
    let k = kinds("Amy Churchwell fixed the toolbar. Amy said the fix ships in March.");
    assert_eq!(k, [("Amy Churchwell".to_string(), ActorKind::Person)]);
    let k = kinds(
        "Amy Churchwell fixed the toolbar. Amy Lowe fixed the menu. Amy said both ship in March.",
    );
    assert_eq!(
        k.iter().filter(|(n, _)| n.starts_with("Amy")).count(),
        3,
        "{k:?}"
    );
}
