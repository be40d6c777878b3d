//! The stemmers of this crate (rust-stemmers 1.2.0's programs as bytecode for its
//! interpreter) stem every word exactly as rust-stemmers 1.2.0 does, in the 17 languages other
//! than English (English is src/porter2.rs, which has its own equivalence tests).
//!
//! Words are built to reach the algorithms' suffix rules: a random stem of letters followed by
//! up to three entries of the language's own `Among` tables (as the crate decodes them, a check
//! of that too: their number is rust-stemmers'), so every table is searched with hits, near misses and chains; plus every
//! table entry alone and the words of the reference article.
#![cfg(not(target_arch = "wasm32"))]

use pith_stemmers::{Algorithm, Stemmer};

const CASES_PER_LANGUAGE: usize = 20_000;

/// (algorithm, rust-stemmers algorithm)
fn languages() -> Vec<(Algorithm, rust_stemmers::Algorithm)> {
    use rust_stemmers::Algorithm as R;
    use Algorithm as A;
    vec![
        (A::Arabic, R::Arabic),
        (A::Danish, R::Danish),
        (A::Dutch, R::Dutch),
        (A::Finnish, R::Finnish),
        (A::French, R::French),
        (A::German, R::German),
        (A::Greek, R::Greek),
        (A::Hungarian, R::Hungarian),
        (A::Italian, R::Italian),
        (A::Norwegian, R::Norwegian),
        (A::Portuguese, R::Portuguese),
        (A::Romanian, R::Romanian),
        (A::Russian, R::Russian),
        (A::Spanish, R::Spanish),
        (A::Swedish, R::Swedish),
        (A::Tamil, R::Tamil),
        (A::Turkish, R::Turkish),
    ]
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
    let total: usize = languages()
        .iter()
        .map(|l| Stemmer::create(l.0).among_entries().len())
        .sum();
    assert_eq!(total, 3103 - 110);
    for (ours, theirs) in languages() {
        let (a, b) = (
            Stemmer::create(ours),
            rust_stemmers::Stemmer::create(theirs),
        );
        let entries = a.among_entries();
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
