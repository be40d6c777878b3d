//! An honest language guess: Latin-script text in a language pith has no stemmer or lexicon
//! for is "und": keywords and a summary (lowercased words, unstemmed), no English actors or
//! positions; English rules run only on text detected as English, or asked for as English.
//! The paragraphs are written for these tests, one per language, in the shape of a news item.

use pith::{analyze, Analysis, Options, SentenceKind};

fn run(text: &str) -> Analysis {
    analyze(text, &Options::default()).expect("analysis")
}

const POLISH: &str = "Rada miasta przyjęła wczoraj nowy plan budowy ścieżek rowerowych. \
Według burmistrza inwestycja potrwa trzy lata i obejmie wszystkie dzielnice. Mieszkańcy od \
dawna skarżyli się na brak bezpiecznych tras, zwłaszcza w centrum. Koszt projektu szacuje się \
na sześćdziesiąt milionów złotych, a część pieniędzy pochodzi z funduszy unijnych. Senin \
Kowalski z rady powiedział, że prace ruszą wiosną.";

const INDONESIAN: &str = "Pemerintah kota mengumumkan rencana baru untuk membangun jalur \
sepeda pada hari Senin. Menurut wali kota, proyek ini akan selesai dalam tiga tahun dan \
mencakup semua kecamatan. Warga sudah lama mengeluhkan kurangnya jalan yang aman, terutama di \
pusat kota. Biaya proyek diperkirakan mencapai enam puluh miliar rupiah, dan sebagian dana \
berasal dari pemerintah pusat dengan dukungan Bank Dunia.";

const CZECH: &str = "Městská rada včera schválila nový plán výstavby cyklostezek. Podle \
starosty bude projekt trvat tři roky a zahrne všechny čtvrti. Obyvatelé si dlouho stěžovali \
na nedostatek bezpečných tras, zejména v centru města. Náklady se odhadují na šedesát milionů \
korun a část peněz pochází z evropských fondů, uvedl starosta Petr Novák.";

const VIETNAMESE: &str = "Hội đồng thành phố hôm qua đã thông qua kế hoạch mới xây dựng \
đường dành cho xe đạp. Theo thị trưởng, dự án sẽ kéo dài ba năm và bao gồm tất cả các quận. \
Người dân từ lâu đã phàn nàn về việc thiếu các tuyến đường an toàn, đặc biệt là ở trung tâm. \
Chi phí dự án ước tính khoảng sáu mươi tỷ đồng, và một phần tiền đến từ ngân sách trung ương.";

const TAGALOG: &str = "Inaprubahan kahapon ng konseho ng lungsod ang bagong plano para sa \
pagtatayo ng mga daanan ng bisikleta. Ayon sa alkalde, tatagal ng tatlong taon ang proyekto at \
sasaklawin nito ang lahat ng distrito. Matagal nang nagrereklamo ang mga residente tungkol sa \
kakulangan ng ligtas na daan, lalo na sa sentro ng lungsod. Tinatayang aabot sa animnapung \
milyong piso ang gastos, at bahagi ng pondo ay mula sa pambansang pamahalaan.";

#[test]
fn unsupported_languages_are_und_with_no_english_rules() {
    for (name, text) in [
        ("Polish", POLISH),
        ("Indonesian", INDONESIAN),
        ("Czech", CZECH),
        ("Vietnamese", VIETNAMESE),
        ("Tagalog", TAGALOG),
    ] {
        let g = run(text);
        assert_eq!(g.language, "und", "{name}");
        assert!(g.actors.is_empty(), "{name}: {:?}", g.actors);
        assert!(g.positions.is_empty(), "{name}: {:?}", g.positions);
        assert!(!g.summary.is_empty(), "{name}: no summary");
        assert!(!g.keywords.is_empty(), "{name}: no keywords");
        for k in &g.keywords {
            assert!(text.contains(&k.phrase), "{name}: {}", k.phrase);
        }
    }
}

#[test]
fn english_is_still_english() {
    let g = run(
        "The city council approved a new plan for cycle lanes on Monday. The mayor, Anna \
         Grey, said the work would take three years and cover every district of the city.",
    );
    assert_eq!(g.language, "en");
    assert!(
        g.actors.iter().any(|a| a.name == "Anna Grey"),
        "{:?}",
        g.actors
    );
    // Too short to tell: a headline in Latin letters is read as English, the likeliest.
    assert_eq!(run("Grey backs cycle lanes").language, "en");
}

#[test]
fn asked_for_english_runs_english_rules() {
    let opts = Options::new().language("en").expect("options");
    let g = analyze(INDONESIAN, &opts).expect("analysis");
    assert_eq!(g.language, "en");
}

/// A Chinese travel note in the shape of a blog: short lines with no full stops, two of them
/// exclamations. Chinese has no spaces: taken whole, each clause was one word, so the lines
/// were headings, no two lines shared a word, the summary was the two exclamations and every
/// keyword a clause. Each Han character now counts as a word and is a term of the summary, as
/// Unicode's word boundaries have it; keywords, which need words, are none.
const CHINESE: &str = "山中楓葉之旅\n\n\
寒流過後新竹山區的楓葉一片紅 我們一早開車上山賞楓\n\n\
山路兩旁的楓樹已經轉紅 楓葉在雨後顯得更加鮮豔\n\n\
好美 cool!\n\n\
營地裡的楓香樹由綠轉黃再轉紅 是拍攝楓葉的好地方\n\n\
午餐吃了湯圓 沒話說!\n\n\
傍晚下山前再看一次滿山的楓紅 這趟旅程非常值得";

#[test]
fn chinese_lines_are_sentences_and_the_summary_is_about_the_maples() {
    let g = run(CHINESE);
    assert_eq!(g.language, "und");
    let kinds: Vec<SentenceKind> = g.sentences.iter().map(|s| s.kind).collect();
    let mut want = vec![SentenceKind::Body; 7];
    want[0] = SentenceKind::Headline;
    assert_eq!(kinds, want);
    let summary: Vec<usize> = g.summary.iter().map(|s| s.sentence).collect();
    assert_eq!(summary, [1, 2, 4]);
    // A character alone is no keyword, and runs of them are clauses: none rather than those.
    assert!(g.keywords.is_empty(), "{:?}", g.keywords);
    assert!(g.actors.is_empty() && g.positions.is_empty());
}
