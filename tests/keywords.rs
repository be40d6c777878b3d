//! Keyphrases outside English: the statistics need only the stemmer and the NLTK stopword list
//! of the language. The two articles are short news reports written for these tests.
#![cfg(not(target_arch = "wasm32"))]

use pith::{analyze, Lang, Options};

const GERMAN: &str = "Stadtrat beschließt neues Radwegenetz für Leipzig

Der Leipziger Stadtrat hat am Mittwoch mit großer Mehrheit ein neues Radwegenetz für die \
Innenstadt beschlossen. Bis 2030 sollen nach dem Plan der Verwaltung mehr als vierzig \
Kilometer geschützte Radwege entstehen, vor allem entlang der großen Ausfallstraßen.

Die Kosten für das Radwegenetz werden auf rund 60 Millionen Euro geschätzt. Einen Teil davon \
will die Stadt über Fördermittel des Landes Sachsen finanzieren. Oberbürgermeister Burkhard \
Jung sprach von einem wichtigen Schritt für die Verkehrswende in Leipzig.

Kritik kam von der Industrie- und Handelskammer. Die Händler in der Innenstadt fürchten, dass \
durch die neuen Radwege zahlreiche Parkplätze wegfallen. Die Verwaltung kündigte an, die \
Händler in die weitere Planung der Radwege einzubeziehen.

Der Fahrradclub ADFC begrüßte den Beschluss des Stadtrats. Die geschützten Radwege seien ein \
Gewinn für die Sicherheit, sagte ein Sprecher. Im vergangenen Jahr waren in Leipzig mehr als \
800 Radfahrer bei Unfällen verletzt worden.";

const FRENCH: &str = "Grève dans les transports : le trafic des trains fortement perturbé jeudi

La SNCF prévoit un trafic très perturbé jeudi sur l'ensemble du réseau, à l'appel de plusieurs \
syndicats de cheminots opposés à la réforme des retraites. Seul un train à grande vitesse sur \
trois devrait circuler, selon les prévisions publiées mercredi soir par la direction.

Les syndicats dénoncent un recul de l'âge de départ à la retraite et réclament l'ouverture de \
nouvelles négociations avec le gouvernement. La ministre des Transports a appelé les voyageurs \
à reporter leurs déplacements et à privilégier le télétravail.

En Île-de-France, la RATP annonce également des perturbations sur plusieurs lignes du métro et \
du RER. Les syndicats de cheminots n'excluent pas de reconduire la grève la semaine prochaine \
si le gouvernement ne revient pas sur la réforme des retraites.";

fn keywords(text: &str, code: &str) -> Vec<String> {
    let options = Options::new()
        .keywords(10)
        .language(code)
        .expect("a supported language");
    let gist = analyze(text, &options).expect("analysable");
    assert_eq!(gist.language, code);
    gist.keywords.into_iter().map(|k| k.phrase).collect()
}

/// Every word of every phrase is a content word of `lang`: no stopword, no stray punctuation.
fn readable(phrases: &[String], lang: Lang) {
    assert_eq!(phrases.len(), 10, "{phrases:?}");
    for p in phrases {
        for w in p.split([' ', '-']) {
            assert!(w.chars().count() > 1, "{w:?} in {phrases:?}");
            assert!(w.chars().all(char::is_alphanumeric), "{w:?} in {phrases:?}");
            assert!(
                !pith::internal::is_stopword(lang, &w.to_lowercase()),
                "{w:?} in {phrases:?}"
            );
        }
    }
}

#[test]
fn german_news_gives_its_subjects() {
    let k = keywords(GERMAN, "de");
    readable(&k, Lang::German);
    for expected in [
        "Radwegenetz",
        "Leipzig",
        "Stadtrat",
        "Verwaltung",
        "Innenstadt",
    ] {
        assert!(k.iter().any(|p| p == expected), "{expected} in {k:?}");
    }
    // The headline's subject comes first.
    assert_eq!(k[0], "Radwegenetz", "{k:?}");
}

#[test]
fn french_news_gives_its_subjects_without_elided_articles() {
    let k = keywords(FRENCH, "fr");
    // "l'ensemble", "qu'il": the elided article is a stopword, cut off or dropped with it.
    readable(&k, Lang::French);
    for expected in [
        "retraites",
        "syndicats",
        "cheminots",
        "gouvernement",
        "réforme",
    ] {
        assert!(k.iter().any(|p| p == expected), "{expected} in {k:?}");
    }
}

#[test]
fn inflected_forms_are_one_keyword() {
    // "Radwege" and "Radwegen", "retraite" and "retraites" share a stem: listed once.
    for (text, code) in [(GERMAN, "de"), (FRENCH, "fr")] {
        let gist = analyze(
            text,
            &Options::new().keywords(15).language(code).expect("ok"),
        )
        .expect("analysable");
        let lang = Lang::parse_option(code).ok().flatten().expect("known");
        let stemmer = pith::internal::stemmer(lang);
        let mut stems: Vec<String> = gist
            .keywords
            .iter()
            .map(|k| stemmer.stem(&k.phrase.to_lowercase()).into_owned())
            .collect();
        let n = stems.len();
        stems.sort();
        stems.dedup();
        assert_eq!(stems.len(), n, "{:?}", gist.keywords);
    }
}

#[test]
fn acronyms_spelled_out_join_their_phrase() {
    let text = "Talks on arms control resume

Diplomats met in Geneva to discuss the Intermediate-range Nuclear Forces (INF) treaty. The INF \
treaty bans a whole class of missiles. Both sides accuse each other of breaking the INF treaty, \
and the talks are expected to last a week.";
    let gist = analyze(text, &Options::new().keywords(5)).expect("analysable");
    let phrases: Vec<&str> = gist.keywords.iter().map(|k| k.phrase.as_str()).collect();
    assert!(phrases.contains(&"INF treaty"), "{phrases:?}");
}
