//! Analysis options: defaults first, chainable setters, and one validation ([`Options::check`])
//! for every way of giving them. The builder, the wasm binding (which fills an [`OptionsSpec`]
//! from the JS object) and the command line (which fills one from its flags) all end in
//! `analyze`, which runs [`Options::check`] first, so a value out of range is the same clear
//! error everywhere (the CLI also checks before reading its input).

use crate::lang::Lang;
use serde::Deserialize;
use std::fmt;

/// Default largest input accepted, in bytes (UTF-8). Long-form journalism is rarely over
/// 200 KB; 8 MB leaves room for batch use while bounding memory in a browser tab.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;

/// How to run [`analyze`](crate::analyze). Start from [`Options::default`] or [`Options::new`]
/// and chain setters:
///
/// ```
/// # fn main() -> Result<(), pith::Error> {
/// let opts = pith::Options::new().sentences(2).keywords(5).language("en")?;
/// assert_eq!(opts.sentence_count(), 2);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    length: Length,
    keywords: usize,
    language: Option<Lang>,
    max_input_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            length: Length::Sentences(3),
            keywords: 10,
            language: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

impl Options {
    /// The defaults: 3 summary sentences, 10 keywords, language detected, 8 MB input limit.
    pub fn new() -> Self {
        Self::default()
    }

    /// Summary length as a number of sentences (0 to 1000; more is an error of `analyze`).
    pub fn sentences(mut self, n: usize) -> Self {
        self.length = Length::Sentences(n);
        self
    }

    /// Summary length as a share of the article's candidate sentences (0 to 1, at least one
    /// sentence for any non-empty article). A value outside 0–1 is an error of `analyze`.
    pub fn ratio(mut self, r: f64) -> Self {
        self.length = Length::Ratio(r);
        self
    }

    /// Summary length as a word budget: the best sentences that fit, at least one.
    pub fn words(mut self, budget: usize) -> Self {
        self.length = Length::Words(budget);
        self
    }

    /// Number of keywords to return (0 to 1000; more is an error of `analyze`).
    pub fn keywords(mut self, n: usize) -> Self {
        self.keywords = n;
        self
    }

    /// Language as an ISO 639-1 code (`"en"`), an English name (`"german"`) or `"auto"`
    /// (detect). Fails on a language pith has no stemmer for.
    pub fn language(mut self, code: &str) -> Result<Self, Error> {
        self.language = Lang::parse_option(code)?;
        Ok(self)
    }

    /// Largest input accepted, in UTF-8 bytes; longer input is an [`Error::InputTooLarge`].
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }

    /// How long the summary should be.
    pub fn summary_length(&self) -> Length {
        self.length
    }

    /// Number of summary sentences asked for, when the length is a sentence count.
    pub fn sentence_count(&self) -> usize {
        match self.length {
            Length::Sentences(n) => n,
            _ => 0,
        }
    }

    /// Number of keywords to return.
    pub fn keyword_count(&self) -> usize {
        self.keywords
    }

    /// The language asked for; `None` means detect.
    pub fn requested_language(&self) -> Option<Lang> {
        self.language
    }

    /// Largest input accepted, in UTF-8 bytes.
    pub fn input_limit(&self) -> usize {
        self.max_input_bytes
    }

    /// The one validation of option values, whoever set them (this builder, the wasm binding or
    /// the command line): counts of sentences and keywords from 0 to 1000, a ratio from 0 to 1.
    /// [`analyze`](crate::analyze) runs it first; call it to report bad options before reading
    /// any input.
    pub fn check(&self) -> Result<(), Error> {
        // One message for both counts: each `format!` site costs the wasm module bytes.
        let (name, n) = match self.length {
            // Also refuses NaN.
            Length::Ratio(r) if !(0.0..=1.0).contains(&r) => {
                return Err(Error::InvalidOption(ratio_message(r)))
            }
            Length::Sentences(n) if n > MAX_COUNT => ("sentences", n),
            _ if self.keywords > MAX_COUNT => ("keywords", self.keywords),
            _ => return Ok(()),
        };
        Err(Error::InvalidOption(format!(
            "{name} must be between 0 and {MAX_COUNT}, got {n}"
        )))
    }
}

/// How long a summary should be.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Length {
    /// This many sentences.
    Sentences(usize),
    /// This share of the candidate sentences.
    Ratio(f64),
    /// The best sentences that fit in this many words.
    Words(usize),
}

/// Options as JavaScript, JSON and command-line callers spell them, every field optional (the
/// TypeScript `AnalyzeOptions`). Unknown fields are an error, so that a typo (`sentence: 2`)
/// is reported instead of silently ignored. [`Options::try_from`] turns it into [`Options`]
/// through the builder (an unknown language or two summary lengths are errors there); the
/// ranges are [`Options::check`]'s, which `analyze` runs.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(all(test, not(target_arch = "wasm32")), derive(ts_rs::TS))]
#[cfg_attr(
    all(test, not(target_arch = "wasm32")),
    ts(rename = "AnalyzeOptions", optional_fields = nullable)
)]
#[non_exhaustive]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OptionsSpec {
    /// Summary length in sentences, 0 to 1000 (default 3). Give at most one of `sentences`,
    /// `ratio` and `words`.
    pub sentences: Option<u32>,
    /// Summary length as a share of the candidate sentences, 0 to 1.
    pub ratio: Option<f64>,
    /// Summary length as a word budget: the best sentences that fit (at least one).
    pub words: Option<u32>,
    /// Number of keywords, 0 to 1000 (default 10).
    pub keywords: Option<u32>,
    /// ISO 639-1 code such as "en", an English name, or "auto" (the default: detect);
    /// `language` is accepted too.
    #[serde(alias = "language")]
    pub lang: Option<String>,
    /// Largest input accepted, in UTF-8 bytes (default 8 MiB).
    pub max_input_bytes: Option<u32>,
}

/// Upper bound on counts asked for, so a bad option cannot ask for absurd work.
const MAX_COUNT: usize = 1000;

impl TryFrom<OptionsSpec> for Options {
    type Error = Error;

    fn try_from(spec: OptionsSpec) -> Result<Self, Error> {
        let mut o = Options::default();
        let lengths = [
            spec.sentences.is_some(),
            spec.ratio.is_some(),
            spec.words.is_some(),
        ];
        if lengths.iter().filter(|&&x| x).count() > 1 {
            return Err(Error::InvalidOption(
                "give one summary length: sentences, ratio or words".into(),
            ));
        }
        if let Some(r) = spec.ratio {
            o = o.ratio(r);
        }
        if let Some(w) = spec.words {
            o = o.words(w as usize);
        }
        if let Some(n) = spec.sentences {
            o = o.sentences(n as usize);
        }
        if let Some(n) = spec.keywords {
            o = o.keywords(n as usize);
        }
        if let Some(code) = spec.lang {
            o = o.language(&code)?;
        }
        if let Some(n) = spec.max_input_bytes {
            o = o.max_input_bytes(n as usize);
        }
        Ok(o)
    }
}

/// The message for a ratio out of range. In wasm the number is printed by JavaScript's
/// `String(x)`: formatting an `f64` in Rust would add 10 KB (gzipped) of float-printing code to
/// the module for this one message.
fn ratio_message(r: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    let r = crate::wasm::js_number(r);
    format!("ratio must be between 0 and 1, got {r}")
}

/// Why an analysis could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input is longer than [`Options::max_input_bytes`].
    InputTooLarge {
        /// Input length in UTF-8 bytes.
        bytes: usize,
        /// The limit in force.
        limit: usize,
    },
    /// A language code pith does not know or has no stemmer for.
    UnknownLanguage(String),
    /// Any other bad option value.
    InvalidOption(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InputTooLarge { bytes, limit } => write!(
                f,
                "input is {bytes} bytes, over the limit of {limit} bytes (raise maxInputBytes to analyse it)"
            ),
            Error::UnknownLanguage(code) => {
                f.write_str("unknown language \"")?;
                write_debug_chars(f, code)?;
                write!(f, "\": use \"auto\" or one of {}", Lang::codes().join(", "))
            }
            Error::InvalidOption(msg) => f.write_str(msg),
        }
    }
}

impl std::error::Error for Error {}

/// What `{:?}` writes for `s` between its quotes: each character's `escape_debug`, except that
/// a single quote stays as it is. `str`'s own `Debug` brings 0.5 KB of code into the wasm
/// module that `char::escape_debug` (there anyway, for core's panic messages) does not.
fn write_debug_chars(f: &mut fmt::Formatter<'_>, s: &str) -> fmt::Result {
    for c in s.chars() {
        if c == '\'' {
            f.write_str("'")?;
        } else {
            write!(f, "{}", c.escape_debug())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_language_quotes_the_code_as_debug_does() {
        let mut all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        all.push_str("e\u{301}\u{301}'\"\\");
        for s in [all.as_str(), "\u{301}x", "xx", "", "'\u{200B}\n"] {
            let message = Error::UnknownLanguage(s.to_string()).to_string();
            let expected = format!("unknown language {s:?}: use");
            assert!(message.starts_with(&expected), "{s:?}");
        }
    }
}
