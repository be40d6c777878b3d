//! # pith
//!
//! The gist of a news article: an extractive summary, keywords, the key actors and a positions
//! table (who holds or said what, with the sentence as evidence). Pure Rust, no I/O: the same
//! code runs natively (library, CLI) and in the browser (WebAssembly).
//!
//! ```
//! # fn main() -> Result<(), pith::Error> {
//! let text = "Putin warns US\n\nMr Putin said the plan was dangerous. Ms Rice disagreed.";
//! let gist = pith::analyze(text, &pith::Options::default())?;
//! assert_eq!(gist.language, "en");
//! assert!(gist.actors.iter().any(|a| a.name == "Putin"));
//! # Ok(())
//! # }
//! ```
//!
//! ## The output contract
//!
//! The same shape is produced everywhere: these Rust types, the JavaScript object returned by
//! the wasm module (TypeScript declarations generated from these types) and the CLI's JSON.
//! Field names are part of the contract; new fields and values may be added, none renamed or
//! removed, which is why every output type is `#[non_exhaustive]`.
//!
//! **Offsets** (`start`, `end`) are UTF-16 code units into the input text, as JavaScript's
//! `String.prototype.slice` counts them. In Rust, [`Utf16Map`] slices the text with them.
#![warn(missing_docs)]

// Everything but the contract is the crate's own (`pub(crate)` in effect: the modules are
// private). The command line, tests, benches and the fuzzer reach them through [`internal`].
mod actors;
mod case;
pub mod extract;
#[cfg(any(target_arch = "wasm32", test))]
mod json;
mod keywords;
mod lang;
mod lexicon;
mod model;
mod options;
mod positions;
/// The stemmers: the workspace crate `pith-stemmers` (crates/pith-stemmers), under its old path.
use pith_stemmers as stem;
mod summary;
mod text;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod typescript;
mod utf16;
mod util;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(all(feature = "html", not(target_arch = "wasm32")))]
pub mod html;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use actors::DISPLAY_CONFIDENCE as ACTOR_DISPLAY_CONFIDENCE;
pub use lang::Lang;
pub use model::*;
pub use options::{Error, Length, Options, OptionsSpec};
pub use positions::DISPLAY_CONFIDENCE as POSITION_DISPLAY_CONFIDENCE;
pub use utf16::Utf16Map;

/// Not part of the API: the crate's internals for its own command line (evaluation and
/// training), tests, benches and fuzzer, which are built from this package.
///
/// **No semver guarantee**: anything here may change or disappear in any release, patch
/// releases included. Use the items at the crate root instead.
#[doc(hidden)]
pub mod internal {
    /// The actor finder (`find`, the tagger, the confidence model).
    pub mod actors {
        pub use crate::actors::*;
    }
    /// Keyword extraction.
    pub mod keywords {
        pub use crate::keywords::*;
    }
    /// Word lists (`Lexicon`, weekdays).
    pub mod lexicon {
        pub use crate::lexicon::*;
    }
    /// The positions table and its confidence model.
    pub mod positions {
        pub use crate::positions::*;
    }
    /// The vendored Snowball stemmers.
    pub mod stem {
        pub use crate::stem::*;
    }
    /// Summary ranking and selection.
    pub mod summary {
        pub use crate::summary::*;
    }
    /// Segmentation and tokens (`Document`).
    pub mod text {
        pub use crate::text::*;
    }
    /// The DOM article extractor.
    #[cfg(target_arch = "wasm32")]
    pub mod dom {
        pub use crate::dom::*;
    }
    /// The WebAssembly binding.
    #[cfg(target_arch = "wasm32")]
    pub mod wasm {
        pub use crate::wasm::*;
    }

    /// Whether `lower` (a lowercased word) is a stopword of `lang`.
    pub fn is_stopword(lang: crate::Lang, lower: &str) -> bool {
        lang.is_stopword(lower)
    }

    /// The Snowball stemmer of `lang`.
    pub fn stemmer(lang: crate::Lang) -> crate::stem::Stemmer {
        lang.stemmer()
    }
}

use text::Document;

/// Analyses `text`: segmentation once, then summary, keywords, actors and positions.
///
/// Any string is accepted. The errors are options out of range ([`Options::check`]) and input
/// over [`Options::max_input_bytes`]. Empty or unanalysable text gives an empty [`Analysis`].
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
    options.check()?;
    if text.len() > options.input_limit() {
        return Err(Error::InputTooLarge {
            bytes: text.len(),
            limit: options.input_limit(),
        });
    }
    let lang = options.requested_language().or_else(|| detect(text));
    let doc = Document::new(text, lang);
    let map = Utf16Map::new(text);

    let ranked = summary::rank(&doc);
    let summary = summary::select(&doc, &ranked, options.summary_length())
        .into_iter()
        .map(|s| SummarySentence {
            sentence: s.sentence,
            text: doc.sentence_text(s.sentence).to_string(),
            score: (s.score * 1000.0).round() / 1000.0,
        })
        .collect();
    let keywords = keywords::extract(&doc, options.keyword_count());
    // Actors and positions use English lexicons; for other languages they stay empty rather
    // than guess.
    let english = lang == Some(Lang::English);
    let found = if english {
        actors::find(&doc)
    } else {
        actors::Actors::default()
    };
    let positions = if english {
        positions::find(&doc, &found)
    } else {
        Vec::new()
    };

    let span = |(s, e): (usize, usize)| Mention {
        start: map.at(s),
        end: map.at(e),
        text: doc.slice(s, e).to_string(),
    };
    let actors = found
        .list
        .into_iter()
        .map(|e| Actor {
            name: e.name,
            kind: e.kind,
            role: e.role,
            affiliation: e.affiliation,
            salience: e.salience,
            confidence: e.confidence,
            mentions: e.mentions.into_iter().map(span).collect(),
            references: e.references.into_iter().map(span).collect(),
        })
        .collect();
    let sentences = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| Sentence {
            text: doc.sentence_text(i).to_string(),
            start: map.at(s.start),
            end: map.at(s.end),
            paragraph: s.paragraph,
            kind: s.kind,
        })
        .collect();
    Ok(Analysis {
        language: lang.map_or("und", Lang::code).to_string(),
        sentences,
        summary,
        keywords,
        actors,
        positions,
    })
}

/// The language to analyse in when none was asked for: the detected one; else, for Latin text
/// with too little running text to tell (a headline, a caption, a table of names and scores),
/// English, the likeliest; else none ("und"). Running text in which no supported language's
/// stopwords show up is in a language pith has no stemmer or lexicon for (Polish, Indonesian,
/// Vietnamese): English rules would make its weekdays places and its function words keywords.
fn detect(text: &str) -> Option<Lang> {
    Lang::detect(text).or_else(|| {
        let (mut latin, mut letters, mut running) = (0usize, 0usize, 0usize);
        let mut in_word = false;
        for c in text.chars().take(4096) {
            let letter = c.is_alphabetic();
            // Running text is lowercase words; names and headings start with capitals.
            running += usize::from(letter && !in_word && c.is_lowercase());
            in_word = letter;
            if letter {
                letters += 1;
                latin += usize::from(c.is_ascii_alphabetic());
            }
        }
        let can_tell = running >= RUNNING_WORDS_TO_TELL;
        (!can_tell && letters > 0 && latin * 2 >= letters).then_some(Lang::English)
    })
}

/// Below this many lowercase words, a text has too little running text for its language to be
/// told by its stopwords. A sentence of news has about 15, of which 5 or more are stopwords.
const RUNNING_WORDS_TO_TELL: usize = 20;
