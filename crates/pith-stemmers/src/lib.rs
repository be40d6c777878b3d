//! Snowball stemmers for the 18 languages pith analyses (`pith::Lang`), vendored from
//! rust-stemmers 1.2.0 (MIT licence, Jakob Demler; algorithms from snowballstem.org, BSD
//! licence; both notices in LICENSE.txt).
//!
//! Why vendored: the algorithms are rust-stemmers' generated code unchanged, but its `Among`
//! tables (3103 entries: a string slice, two `i32` and an optional trait object each) were the
//! largest poorly compressible part of the wasm module. `scripts/compact-stemmers.py`
//! regenerates `algorithms/` from the crate's source with each table stored as one string and
//! small integer arrays ([`env::Among`]), and `tests/stemmers.rs` checks that every language
//! stems exactly as rust-stemmers does. English, the language of most input and where
//! stemming was the costliest step of segmentation, is a port on bytes instead ([`porter2`],
//! with its own equivalence tests), so its generated code is not included.
//!
//! Why a crate of its own: this is vendored and generated code with its own licence, tests and
//! regeneration script, apart from pith's analysis; pith re-exports it as `pith::stem`.

mod env;
mod porter2;

pub use porter2::Buffers;
#[allow(clippy::all, dead_code)]
mod algorithms {
    pub mod arabic;
    pub mod danish;
    pub mod dutch;
    pub mod finnish;
    pub mod french;
    pub mod german;
    pub mod greek;
    pub mod hungarian;
    pub mod italian;
    pub mod norwegian;
    pub mod portuguese;
    pub mod romanian;
    pub mod russian;
    pub mod spanish;
    pub mod swedish;
    pub mod tamil;
    pub mod turkish;
}

use env::SnowballEnv;
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
    /// The generated algorithm; `None` for English ([`porter2`]).
    stemmer: Option<fn(&mut SnowballEnv) -> bool>,
}

impl Stemmer {
    /// The stemmer of `lang`.
    pub fn create(lang: Algorithm) -> Self {
        use algorithms as a;
        let stemmer = match lang {
            Algorithm::Arabic => a::arabic::stem,
            Algorithm::Danish => a::danish::stem,
            Algorithm::Dutch => a::dutch::stem,
            Algorithm::English => return Stemmer { stemmer: None },
            Algorithm::Finnish => a::finnish::stem,
            Algorithm::French => a::french::stem,
            Algorithm::German => a::german::stem,
            Algorithm::Greek => a::greek::stem,
            Algorithm::Hungarian => a::hungarian::stem,
            Algorithm::Italian => a::italian::stem,
            Algorithm::Norwegian => a::norwegian::stem,
            Algorithm::Portuguese => a::portuguese::stem,
            Algorithm::Romanian => a::romanian::stem,
            Algorithm::Russian => a::russian::stem,
            Algorithm::Spanish => a::spanish::stem,
            Algorithm::Swedish => a::swedish::stem,
            Algorithm::Tamil => a::tamil::stem,
            Algorithm::Turkish => a::turkish::stem,
        };
        Stemmer {
            stemmer: Some(stemmer),
        }
    }

    /// The stem of `input` (a lowercased word).
    pub fn stem<'a>(&self, input: &'a str) -> Cow<'a, str> {
        match self.stemmer {
            Some(algorithm) => {
                let mut env = SnowballEnv::create(input);
                algorithm(&mut env);
                env.get_current()
            }
            None => Cow::Owned(porter2::stem(input, &mut Buffers::default()).to_owned()),
        }
    }

    /// The stem of `input`, reusing `buffers` for English (no allocation per word).
    pub fn stem_reusing<'a>(&self, input: &'a str, buffers: &'a mut Buffers) -> Cow<'a, str> {
        match self.stemmer {
            Some(_) => self.stem(input),
            None => Cow::Borrowed(porter2::stem(input, buffers)),
        }
    }
}
