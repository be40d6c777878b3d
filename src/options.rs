//! Analysis options: defaults first, chainable setters, validated deserialisation for JS/CLI.

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

    /// Summary length as a number of sentences.
    pub fn sentences(mut self, n: usize) -> Self {
        self.length = Length::Sentences(n);
        self
    }

    /// Summary length as a share of the article's candidate sentences (0 to 1, at least one
    /// sentence for any non-empty article). Values outside 0–1 are clamped.
    pub fn ratio(mut self, r: f64) -> Self {
        self.length = Length::Ratio(if r.is_finite() {
            r.clamp(0.0, 1.0)
        } else {
            0.0
        });
        self
    }

    /// Summary length as a word budget: the best sentences that fit, at least one.
    pub fn words(mut self, budget: usize) -> Self {
        self.length = Length::Words(budget);
        self
    }

    /// Number of keywords to return.
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
}

/// How long a summary should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Length {
    /// This many sentences.
    Sentences(usize),
    /// This share of the candidate sentences.
    Ratio(f64),
    /// The best sentences that fit in this many words.
    Words(usize),
}

/// Options as JavaScript and JSON callers spell them. Unknown fields are an error, so that a
/// typo (`sentence: 2`) is reported instead of silently ignored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct OptionsSpec {
    /// Number of summary sentences (0–1000).
    pub sentences: Option<u32>,
    /// Summary length as a share of the sentences (0–1).
    pub ratio: Option<f64>,
    /// Summary length as a word budget.
    pub words: Option<u32>,
    /// Number of keywords (0–1000).
    pub keywords: Option<u32>,
    /// Language code or `"auto"`.
    #[serde(alias = "language")]
    pub lang: Option<String>,
    /// Input limit in bytes.
    pub max_input_bytes: Option<u32>,
}

/// Upper bound on counts asked for, so a bad option cannot ask for absurd work.
const MAX_COUNT: u32 = 1000;

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
            if !(0.0..=1.0).contains(&r) {
                return Err(Error::InvalidOption(ratio_message(r)));
            }
            o = o.ratio(r);
        }
        if let Some(w) = spec.words {
            o = o.words(w as usize);
        }
        if let Some(n) = spec.sentences {
            if n > MAX_COUNT {
                return Err(Error::InvalidOption(format!(
                    "sentences must be between 0 and {MAX_COUNT}, got {n}"
                )));
            }
            o = o.sentences(n as usize);
        }
        if let Some(n) = spec.keywords {
            if n > MAX_COUNT {
                return Err(Error::InvalidOption(format!(
                    "keywords must be between 0 and {MAX_COUNT}, got {n}"
                )));
            }
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

/// The message for a ratio out of range. In wasm the binding checks the range first and
/// prints the number with JavaScript's `String(x)`: formatting an `f64` in Rust would add
/// 10 KB (gzipped) of float-printing code to the module for this one message.
#[cfg(not(target_arch = "wasm32"))]
fn ratio_message(r: f64) -> String {
    format!("ratio must be between 0 and 1, got {r}")
}

#[cfg(target_arch = "wasm32")]
fn ratio_message(_: f64) -> String {
    "ratio must be between 0 and 1".to_string()
}

/// Why an analysis could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
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
