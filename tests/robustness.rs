//! Bad input gets a sensible result or a clear error, never a panic: empty text, megabytes,
//! HTML, no punctuation, other scripts, emoji, binary; and properties over arbitrary strings.
#![cfg(not(target_arch = "wasm32"))]

use pith::internal::text::MAX_SENTENCE_BYTES;
use pith::{analyze, Error, Options};
use proptest::prelude::*;

fn ok(text: &str) -> pith::Analysis {
    analyze(text, &Options::default()).expect("analysable")
}

#[path = "common/contract.rs"]
mod contract;
use contract::check_contract;

#[path = "common/hostile.rs"]
mod hostile;

#[test]
fn empty_and_blank_give_empty_results() {
    for text in ["", " ", "\n\n\t\n", "...", "\"\"\""] {
        let g = ok(text);
        assert!(
            g.summary.is_empty() && g.actors.is_empty() && g.positions.is_empty(),
            "{text:?}"
        );
    }
}

#[test]
fn input_over_the_limit_is_a_clear_error() {
    let text = "word ".repeat(300);
    let err = analyze(&text, &Options::new().max_input_bytes(1000)).unwrap_err();
    assert_eq!(
        err,
        Error::InputTooLarge {
            bytes: 1500,
            limit: 1000
        }
    );
    assert!(err.to_string().contains("over the limit of 1000 bytes"));
}

#[test]
fn five_megabytes_of_news_is_analysed() {
    let article = include_str!("fixtures/missile-defence.txt");
    let big = format!("{article}\n\n").repeat(5 * 1024 * 1024 / article.len() + 1);
    assert!(big.len() > 5 * 1024 * 1024);
    let g = ok(&big);
    assert_eq!(g.summary.len(), 3);
    assert!(g.actors.iter().any(|a| a.name == "Vladimir Putin"));
}

#[test]
fn html_pasted_as_text_is_read_as_text() {
    let g = ok("<h1>Council backs plan</h1>\n<p>Mr Smith said the <b>plan</b> was approved.</p><p>He left early.</p><script>alert(1)</script>");
    assert_eq!(g.sentences.len(), 3, "{:?}", g.sentences);
    assert!(g.actors.iter().any(|a| a.name == "Smith"));
    assert!(g.keywords.iter().all(|k| !k.phrase.contains('<')
        && k.phrase != "p"
        && k.phrase != "b"
        && k.phrase != "alert"));
}

#[test]
fn no_punctuation_emoji_other_scripts_binary() {
    let g = ok("the talks went on for hours and nobody agreed on anything at all in the end");
    assert_eq!(g.sentences.len(), 1);
    ok("🚀🚀🚀 Launch day 🎉. Mr Musk said \"go\" 🚀.");
    let ru = ok("Президент России Владимир Путин заявил, что Москва может выйти из договора. Переговоры продолжались пять часов.");
    assert_eq!(ru.language, "ru");
    assert_eq!(ru.sentences.len(), 2);
    let zh = ok("俄罗斯总统普京周二表示，莫斯科可能退出条约。谈判持续了五个小时。");
    assert_eq!(zh.language, "und");
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let g = ok(&String::from_utf8_lossy(&bytes));
    check_contract(&String::from_utf8_lossy(&bytes), &g);
}

#[test]
fn pathological_shapes_finish() {
    for text in [
        "a".repeat(200_000),
        "A. ".repeat(50_000),
        "Putin ".repeat(50_000),
        "\"".repeat(10_000),
        "Mr. ".repeat(20_000),
        "- \n".repeat(20_000),
    ] {
        let g = ok(&text);
        check_contract(&text, &g);
    }
}

#[test]
fn hostile_families_are_deterministic() {
    let word = hostile::family("random-case-word", 1000).expect("a family");
    assert!(word.starts_with("GOVERnmENT gOVErNment GoVErNmENT "));
    assert_eq!(word, hostile::family("random-case-word", 1000).unwrap());
    for name in hostile::FAMILIES {
        let text = hostile::family(name, 4000).expect("a family");
        assert!(
            (3990..=4000).contains(&text.len()),
            "{name}: {}",
            text.len()
        );
    }
    assert_eq!(hostile::family("no-such-family", 1000), None);
}

/// Each hostile family at 100 KB analyses without a panic, keeps the contract, and gives what
/// its shape implies. How long they take is for `make bench` to print, never asserted here.
#[test]
fn hostile_families_at_100_kb() {
    for name in hostile::FAMILIES {
        let text = hostile::family(name, 100 * 1024).expect("a family");
        let g = ok(&text);
        check_contract(&text, &g);
        // No sentence is longer than the bound, whatever the shape: run-on text is cut.
        let longest = g.sentences.iter().map(|s| s.text.len()).max();
        assert!(longest <= Some(MAX_SENTENCE_BYTES), "{name}: {longest:?}");
        let shown = |k: &pith::Keyword| k.phrase.to_lowercase();
        match name {
            "random-case-word" => {
                // 102,400 bytes with no full stop: 51 pieces of at most 2,048.
                assert_eq!(g.sentences.len(), 51);
                // The word, or phrases repeating it, whatever the case it was written in.
                assert!(!g.keywords.is_empty());
                for k in &g.keywords {
                    assert!(shown(k).split(' ').all(|w| w == "government"), "{k:?}");
                }
            }
            "unclosed-script" | "deep-nesting" => assert!(
                g.keywords.iter().all(|k| !["<", "script", "style", "span"]
                    .iter()
                    .any(|t| shown(k).contains(t))),
                "{name}: {:?}",
                g.keywords
            ),
            "one-sentence" => assert_eq!(g.sentences.len(), 51),
            "capital-runs" => assert_eq!((g.language.as_str(), g.actors.is_empty()), ("en", false)),
            _ => assert!(!g.sentences.is_empty() && !g.keywords.is_empty(), "{name}"),
        }
    }
}

#[test]
fn languages_are_detected_or_chosen() {
    let fr = ok("Le président russe a menacé de se retirer du traité. Les négociations ont duré cinq heures sans accord entre les deux parties.");
    assert_eq!(fr.language, "fr");
    let de = ok("Der russische Präsident hat gedroht, aus dem Vertrag auszusteigen. Die Verhandlungen dauerten fünf Stunden ohne Einigung.");
    assert_eq!(de.language, "de");
    let es = ok("El presidente ruso amenazó con retirarse del tratado. Las negociaciones duraron cinco horas sin acuerdo entre las partes.");
    assert_eq!(es.language, "es");
    let forced = analyze("Das ist gut.", &Options::new().language("en").unwrap()).unwrap();
    assert_eq!(forced.language, "en");
    assert!(matches!(
        Options::new().language("xx"),
        Err(Error::UnknownLanguage(_))
    ));
}

#[test]
fn options_out_of_range_are_errors_with_the_value() {
    // The builder's values go through the same check as the wasm binding's and the CLI's
    // (tests/common/wasm.rs, tests/cli.rs): errors, neither caps nor clamping.
    let err = |o: Options| match analyze("Some text.", &o) {
        Err(Error::InvalidOption(m)) => m,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        err(Options::new().sentences(1001)),
        "sentences must be between 0 and 1000, got 1001"
    );
    assert_eq!(
        err(Options::new().keywords(5000)),
        "keywords must be between 0 and 1000, got 5000"
    );
    assert_eq!(
        err(Options::new().ratio(1.5)),
        "ratio must be between 0 and 1, got 1.5"
    );
    assert_eq!(
        err(Options::new().ratio(-0.25)),
        "ratio must be between 0 and 1, got -0.25"
    );
    assert_eq!(
        err(Options::new().ratio(f64::NAN)),
        "ratio must be between 0 and 1, got NaN"
    );
    assert_eq!(Options::new().sentences(1000).keywords(0).check(), Ok(()));
    assert_eq!(Options::new().ratio(1.0).check(), Ok(()));
    assert_eq!(Options::default().check(), Ok(()));
    // The spelled form (JSON, JS, the CLI's flags) ends in the same check.
    let mut spec = pith::OptionsSpec::default();
    spec.keywords = Some(1001);
    assert_eq!(
        Options::try_from(spec).and_then(|o| o.check()),
        Err(Error::InvalidOption(
            "keywords must be between 0 and 1000, got 1001".into()
        ))
    );
    let mut two = pith::OptionsSpec::default();
    (two.sentences, two.words) = (Some(2), Some(40));
    assert_eq!(
        Options::try_from(two),
        Err(Error::InvalidOption(
            "give one summary length: sentences, ratio or words".into()
        ))
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_analyses_consistently(text in "\\PC{0,400}") {
        let a = ok(&text);
        check_contract(&text, &a);
        prop_assert_eq!(a, ok(&text));
    }

    #[test]
    fn news_like_strings_analyse(words in proptest::collection::vec(
        prop_oneof![
            Just("Mr"), Just("Putin"), Just("said"), Just("\""), Just("."), Just(","), Just("U.S."),
            Just("He"), Just("the"), Just("Russian"), Just("President"), Just("Moscow"), Just("\n\n"),
            Just("warned"), Just("that"), Just("…"), Just("Ms"), Just("Rice"), Just("'s"), Just("-"),
            Just("é"), Just("🚀"), Just(":"), Just("according"), Just("to"), Just("his"), Just("spokesman"),
        ], 0..120)) {
        let text = words.join(" ");
        let a = ok(&text);
        check_contract(&text, &a);
    }
}
