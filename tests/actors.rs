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
