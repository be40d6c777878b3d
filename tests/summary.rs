//! Summary length options and summaries in several languages.
#![cfg(not(target_arch = "wasm32"))]

use pith::{analyze, Lang, Options};

const ARTICLE: &str = include_str!("fixtures/missile-defence.txt");

#[test]
fn length_as_sentences_ratio_or_words() {
    let by = |o: Options| analyze(ARTICLE, &o).expect("analysable").summary;
    assert_eq!(by(Options::new().sentences(4)).len(), 4);
    assert_eq!(by(Options::new().sentences(0)).len(), 0);
    // 18 candidate sentences: a fifth is 4 (rounded up).
    assert_eq!(by(Options::new().ratio(0.2)).len(), 4);
    assert_eq!(by(Options::new().ratio(0.0)).len(), 0);
    let budget = by(Options::new().words(60));
    let words: usize = budget
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    assert!(!budget.is_empty());
    assert!(budget.len() == 1 || words <= 60, "{words} words");
    assert!(budget[0].text.starts_with("The Russian President"));
    for s in [by(Options::new().ratio(0.5)), by(Options::new().words(200))] {
        assert!(
            s.windows(2).all(|w| w[0].sentence < w[1].sentence),
            "document order"
        );
    }
}

fn check(text: &str, lang: &str, sentences: usize, lead: &str) {
    let g = analyze(text, &Options::default()).expect("analysable");
    assert_eq!(g.language, lang);
    assert_eq!(g.sentences.len(), sentences, "{:#?}", g.sentences);
    assert_eq!(g.summary.len(), 3);
    assert!(
        g.summary[0].text.starts_with(lead),
        "{:?}",
        g.summary[0].text
    );
    let l = Lang::parse_option(lang).ok().flatten().expect("supported");
    assert!(g.keywords.len() >= 5);
    for k in &g.keywords {
        assert!(
            !pith::internal::is_stopword(l, &k.phrase.to_lowercase()),
            "stopword keyword {:?}",
            k.phrase
        );
    }
}

#[test]
fn english_french_german_spanish_russian() {
    check(
        "Floods force thousands from homes\n\nHeavy rain has forced thousands of people from their homes in northern England after rivers burst their banks overnight. The Environment Agency issued 40 flood warnings on Sunday and said more rain was expected. Emergency services rescued dozens of residents from flooded streets in Leeds and York. The government promised extra funding for flood defences. Residents said the water rose within an hour.",
        "en", 6, "Heavy rain has forced thousands",
    );
    check(
        "Le gouvernement annonce une réforme des retraites\n\nLe gouvernement a présenté mercredi une réforme des retraites qui repousse l'âge légal de départ à 64 ans. Les syndicats ont immédiatement appelé à une journée de grève nationale. Selon le ministre du Travail, la réforme doit garantir l'équilibre du système d'ici 2030. L'opposition dénonce un projet injuste pour les salariés les plus modestes. Le texte sera examiné par l'Assemblée nationale en février.",
        "fr", 6, "Le gouvernement a présenté mercredi",
    );
    check(
        "Bahnstreik legt den Fernverkehr lahm\n\nEin bundesweiter Streik der Lokführer hat am Montag große Teile des Fernverkehrs in Deutschland lahmgelegt. Die Gewerkschaft fordert höhere Löhne und kürzere Arbeitszeiten für das Zugpersonal. Die Deutsche Bahn sprach von einem unverhältnismäßigen Streik und richtete einen Notfahrplan ein. Millionen Pendler mussten auf Busse und Autos ausweichen. Die Verhandlungen sollen am Donnerstag fortgesetzt werden.",
        "de", 6, "Ein bundesweiter Streik der Lokführer",
    );
    check(
        "El Gobierno aprueba el nuevo salario mínimo\n\nEl Consejo de Ministros aprobó este martes una subida del salario mínimo interprofesional del cinco por ciento. La medida beneficiará a más de dos millones de trabajadores, según el Ministerio de Trabajo. Los empresarios advirtieron de que la subida podría frenar la creación de empleo. Los sindicatos celebraron el acuerdo, aunque reclaman nuevas mejoras. La subida se aplicará con efectos desde enero.",
        "es", 6, "El Consejo de Ministros aprobó",
    );
    check(
        "Центробанк повысил ключевую ставку\n\nБанк России в пятницу повысил ключевую ставку до 16 процентов годовых. Регулятор объяснил решение ростом инфляции и ослаблением рубля. Аналитики ожидали менее резкого повышения ставки. Решение может сделать кредиты для бизнеса и населения заметно дороже. Следующее заседание совета директоров пройдёт в декабре.",
        "ru", 6, "Банк России в пятницу повысил",
    );
}

/// The lead of a DailyMail-style story: a reported question is a statement, and a short
/// sentence with content is not a fragment; the summary keeps the lead.
#[test]
fn reported_questions_and_short_sentences_stay_in_the_lead() {
    let text = "A single father from Arkansas has put an advert on the side of his pickup truck after failing to find love through online dating. \
        Calls came within a day. \
        The sign on his truck reads, 'Looking for a date? Would you date a single father?' \
        The retired cook said he had tried several dating websites over the past two years without success. \
        He said his three children think the sign on the truck is cute and have helped him answer the calls. \
        Local television reporters followed him around the town of Jonesboro for a day.";
    let g = analyze(text, &Options::new().sentences(3)).expect("analysable");
    let picked: Vec<&str> = g.summary.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        picked,
        [
            "A single father from Arkansas has put an advert on the side of his pickup truck after failing to find love through online dating.",
            "Calls came within a day.",
            "The sign on his truck reads, 'Looking for a date? Would you date a single father?'",
        ]
    );
}

/// Page furniture around a story: a greeting, a captioned picture, a teaser for another
/// story, an aside and a newsletter plea. None is a summary sentence, though each stands
/// above or among the story's own.
#[test]
fn furniture_is_never_a_summary_sentence() {
    let text = "Good morning, and welcome to the coast briefing.\n\n\
        Harbour crews clear the quay on Sunday. (Jane Roe/Coastal Trust photo via AP)\n\n\
        Related: Ferry operator fined over late sailings.\n\n\
        Ferries to the northern islands resumed on Monday after a storm closed the port for three days, the harbour authority said.\n\n\
        (The operator did not say what the extra sailings would cost.)\n\n\
        About 2,000 passengers had been stranded on the mainland since Friday, and the operator added two extra sailings to clear the backlog.\n\n\
        Sign up for our morning briefing to get the day's news from the coast before breakfast.\n\n\
        Engineers will inspect the storm damage to the outer breakwater this week before the winter timetable begins.";
    let g = analyze(text, &Options::new().sentences(3)).expect("analysable");
    let picked: Vec<&str> = g.summary.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        picked,
        [
            "Ferries to the northern islands resumed on Monday after a storm closed the port for three days, the harbour authority said.",
            "About 2,000 passengers had been stranded on the mainland since Friday, and the operator added two extra sailings to clear the backlog.",
            "Engineers will inspect the storm damage to the outer breakwater this week before the winter timetable begins.",
        ]
    );
}

/// A news story's dateline marks its lead: what the page prints above it (here a caption
/// without a credit, which no rule recognises) comes after the lead and what follows it.
#[test]
fn the_dateline_lead_opens_the_summary() {
    let text = "A container ship waits at the quay in the evening light.\n\n\
        Cranes stood idle along the river front for most of the day.\n\n\
        LISBON — Dock workers at the port of Lisbon walked out on Monday over pay, halting container traffic for the first time in a decade.\n\n\
        The union said the strike would last 48 hours and could be repeated every week until the employers improve their offer.\n\n\
        Shipping lines diverted several vessels to the ports of Sines and Leixões, where crews worked extra shifts.";
    let g = analyze(text, &Options::new().sentences(3)).expect("analysable");
    let picked: Vec<usize> = g.summary.iter().map(|s| s.sentence).collect();
    assert_eq!(picked, [2, 3, 4]);
}
