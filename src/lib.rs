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
//! Offsets in the output are UTF-16 code units (JavaScript string indexes); see [`model`].
#![warn(missing_docs)]

pub mod actors;
mod case;
pub mod keywords;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod options;
pub mod positions;
pub mod stem;
pub mod summary;
pub mod text;
pub mod utf16;
pub mod util;

#[cfg(target_arch = "wasm32")]
pub mod dom;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use lang::Lang;
pub use model::*;
pub use options::{Error, Length, Options, OptionsSpec};
pub use utf16::utf16_to_byte;

use text::Document;
use utf16::Utf16Map;

/// Analyses `text`: segmentation once, then summary, keywords, actors and positions.
///
/// Any string is accepted; the only error is input over [`Options::max_input_bytes`]. Empty or
/// unanalysable text gives an empty [`Analysis`].
pub fn analyze(text: &str, options: &Options) -> Result<Analysis, Error> {
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

/// The language to analyse in when none was asked for: the detected one, else English for
/// text that is mostly Latin letters (too short or too mixed for a confident guess), else none.
fn detect(text: &str) -> Option<Lang> {
    Lang::detect(text).or_else(|| {
        let (mut latin, mut letters) = (0usize, 0usize);
        for c in text.chars().take(4096).filter(|c| c.is_alphabetic()) {
            letters += 1;
            if c.is_ascii_alphabetic() {
                latin += 1;
            }
        }
        (letters > 0 && latin * 2 >= letters).then_some(Lang::English)
    })
}
