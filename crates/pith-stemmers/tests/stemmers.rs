//! The stemmers of this crate (rust-stemmers 1.2.0's programs as bytecode for its
//! interpreter) stem every word exactly as rust-stemmers 1.2.0 does, in the 17 languages other
//! than English (English is src/porter2.rs, which has its own equivalence tests).
//!
//! Words are built to reach the algorithms' suffix rules: a random stem of letters followed by
//! up to three entries of the language's own `Among` tables (read from the generated sources at
//! compile time), so every table is searched with hits, near misses and chains; plus every
//! table entry alone and the words of the reference article.
#![cfg(not(target_arch = "wasm32"))]

use pith_stemmers::{Algorithm, Stemmer};

const CASES_PER_LANGUAGE: usize = 20_000;

/// (algorithm, rust-stemmers algorithm, generated source)
fn languages() -> Vec<(Algorithm, rust_stemmers::Algorithm, &'static str)> {
    use rust_stemmers::Algorithm as R;
    use Algorithm as A;
    macro_rules! src {
        ($f:literal) => {
            include_str!(concat!("../src/bytecode/", $f, ".rs"))
        };
    }
    vec![
        (A::Arabic, R::Arabic, src!("arabic")),
        (A::Danish, R::Danish, src!("danish")),
        (A::Dutch, R::Dutch, src!("dutch")),
        (A::Finnish, R::Finnish, src!("finnish")),
        (A::French, R::French, src!("french")),
        (A::German, R::German, src!("german")),
        (A::Greek, R::Greek, src!("greek")),
        (A::Hungarian, R::Hungarian, src!("hungarian")),
        (A::Italian, R::Italian, src!("italian")),
        (A::Norwegian, R::Norwegian, src!("norwegian")),
        (A::Portuguese, R::Portuguese, src!("portuguese")),
        (A::Romanian, R::Romanian, src!("romanian")),
        (A::Russian, R::Russian, src!("russian")),
        (A::Spanish, R::Spanish, src!("spanish")),
        (A::Swedish, R::Swedish, src!("swedish")),
        (A::Tamil, R::Tamil, src!("tamil")),
        (A::Turkish, R::Turkish, src!("turkish")),
    ]
}

/// The entries of every `Among` table of a program: its `tables:` literal (decoded), split at
/// the separators (U+0001 after an entry, U+0002 or U+0003 after a table's last).
fn among_entries(src: &str) -> Vec<String> {
    let at = src.find("tables: \"").expect("a tables literal") + 9;
    let body = &src[at..];
    let mut close = 0;
    let mut escaped = false;
    for (k, c) in body.char_indices() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => {
                close = k;
                break;
            }
            _ => {}
        }
    }
    let text = decode(&body[..close]);
    assert!(text.ends_with(['\u{2}', '\u{3}']), "the last table ends");
    text.split(['\u{1}', '\u{2}', '\u{3}'])
        .map(str::to_string)
        .collect::<Vec<_>>()
        .split_last()
        .map(|(_, entries)| entries.to_vec())
        .unwrap_or_default()
}

/// A Rust string literal body with `\u{..}`, `\"`, `\\` and `\'` escapes.
fn decode(lit: &str) -> String {
    let mut out = String::new();
    let mut chars = lit.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(
                    char::from_u32(u32::from_str_radix(&hex, 16).expect("hex")).expect("char"),
                );
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

#[test]
fn every_language_stems_as_rust_stemmers_does() {
    let reference = include_str!("../../../tests/fixtures/missile-defence.txt");
    // Every entry of rust-stemmers 1.2.0's tables is read back (so none is missed below), all
    // but English's 110: English is src/porter2.rs, whose tests compare it the same way.
    let total: usize = languages().iter().map(|l| among_entries(l.2).len()).sum();
    assert_eq!(total, 3103 - 110);
    for (ours, theirs, src) in languages() {
        let (a, b) = (
            Stemmer::create(ours),
            rust_stemmers::Stemmer::create(theirs),
        );
        let entries = among_entries(src);
        assert!(entries.len() > 10, "{ours:?}: tables not found");
        let letters: Vec<char> = {
            let mut l: Vec<char> = entries.iter().flat_map(|e| e.chars()).collect();
            l.extend('a'..='z');
            l.sort_unstable();
            l.dedup();
            l
        };
        let mut words: Vec<String> = reference
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(str::to_lowercase)
            .collect();
        words.extend(entries.iter().cloned());
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ ours as u64);
        for _ in 0..CASES_PER_LANGUAGE {
            let mut w: String = (0..1 + rng.below(7))
                .map(|_| letters[rng.below(letters.len())])
                .collect();
            for _ in 0..rng.below(4) {
                w.push_str(&entries[rng.below(entries.len())]);
            }
            words.push(w);
        }
        let mut differ = Vec::new();
        for w in &words {
            let (x, y) = (a.stem(w), b.stem(w));
            if x != y {
                differ.push(format!("{w:?}: {x:?} vs {y:?}"));
            }
        }
        assert!(
            differ.is_empty(),
            "{ours:?}: {} of {} words differ, e.g. {:?}",
            differ.len(),
            words.len(),
            &differ[..differ.len().min(5)]
        );
    }
}
