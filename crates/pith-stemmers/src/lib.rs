//! Snowball stemmers for the 18 languages pith analyses (`pith::Lang`), from rust-stemmers
//! 1.2.0 (MIT licence, Jakob Demler; algorithms from snowballstem.org, BSD licence; both
//! notices in LICENSE.txt).
//!
//! Why bytecode: rust-stemmers' generated Rust for the 17 languages other than English was
//! 27 KB of the gzipped wasm module. `scripts/snowball-bytecode.py` translates that generated
//! code, statement for statement, into bytecode ([`programs`]) that one interpreter runs
//! ([`vm`]), with the `among` tables packed and front-coded; the same stemmers now take 8.5 KB
//! less gzipped. `tests/stemmers.rs` checks that every language stems exactly as rust-stemmers
//! does. English, the language of most input and where stemming was the costliest step of
//! segmentation, is a port on bytes instead ([`porter2`], with its own equivalence tests).
//!
//! Why a crate of its own: this is generated code with its own licence, tests and regeneration
//! script, apart from pith's analysis; pith re-exports it as `pith::stem`.

mod porter2;
mod vm;

/// The 17 non-English programs as bytecode for [`vm`] (scripts/snowball-bytecode.py).
mod programs;

pub use porter2::Buffers;

use std::borrow::Cow;

/// A stemming algorithm, one per supported language.
#[derive(Debug, Eq, PartialEq, Copy, Clone)]
pub enum Algorithm {
    /// Arabic.
    Arabic,
    /// Danish.
    Danish,
    /// Dutch.
    Dutch,
    /// English (Porter2).
    English,
    /// Finnish.
    Finnish,
    /// French.
    French,
    /// German.
    German,
    /// Greek.
    Greek,
    /// Hungarian.
    Hungarian,
    /// Italian.
    Italian,
    /// Norwegian.
    Norwegian,
    /// Portuguese.
    Portuguese,
    /// Romanian.
    Romanian,
    /// Russian.
    Russian,
    /// Spanish.
    Spanish,
    /// Swedish.
    Swedish,
    /// Tamil.
    Tamil,
    /// Turkish.
    Turkish,
}

/// A stemmer for one [`Algorithm`].
pub struct Stemmer {
    /// The language's bytecode; `None` for English ([`porter2`]).
    program: Option<&'static vm::Program>,
}

impl Stemmer {
    /// The stemmer of `lang`.
    pub fn create(lang: Algorithm) -> Self {
        use programs as p;
        let program = match lang {
            Algorithm::Arabic => &p::ARABIC,
            Algorithm::Danish => &p::DANISH,
            Algorithm::Dutch => &p::DUTCH,
            Algorithm::English => return Stemmer { program: None },
            Algorithm::Finnish => &p::FINNISH,
            Algorithm::French => &p::FRENCH,
            Algorithm::German => &p::GERMAN,
            Algorithm::Greek => &p::GREEK,
            Algorithm::Hungarian => &p::HUNGARIAN,
            Algorithm::Italian => &p::ITALIAN,
            Algorithm::Norwegian => &p::NORWEGIAN,
            Algorithm::Portuguese => &p::PORTUGUESE,
            Algorithm::Romanian => &p::ROMANIAN,
            Algorithm::Russian => &p::RUSSIAN,
            Algorithm::Spanish => &p::SPANISH,
            Algorithm::Swedish => &p::SWEDISH,
            Algorithm::Tamil => &p::TAMIL,
            Algorithm::Turkish => &p::TURKISH,
        };
        Stemmer {
            program: Some(program),
        }
    }

    /// The stem of `input` (a lowercased word).
    pub fn stem<'a>(&self, input: &'a str) -> Cow<'a, str> {
        match self.program {
            Some(program) => vm::stem(program, input),
            None => Cow::Owned(porter2::stem(input, &mut Buffers::default()).to_owned()),
        }
    }

    /// Every entry of the language's Snowball `among` tables (none for English), for the
    /// equivalence tests' words.
    #[doc(hidden)]
    pub fn among_entries(&self) -> Vec<String> {
        self.program.map(vm::among_entries).unwrap_or_default()
    }

    /// The stem of `input`, reusing `buffers` for English (no allocation per word).
    pub fn stem_reusing<'a>(&self, input: &'a str, buffers: &'a mut Buffers) -> Cow<'a, str> {
        match self.program {
            Some(program) => vm::stem(program, input),
            None => Cow::Borrowed(porter2::stem(input, buffers)),
        }
    }
}
