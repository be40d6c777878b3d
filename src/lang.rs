//! Languages: the ones rust-stemmers has a Snowball stemmer for, their stopword lists and
//! detection with whatlang.

use crate::options::Error;
use rust_stemmers::{Algorithm, Stemmer};

include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));

/// A language pith can stem. The order matches the generated `STOPWORDS` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the variant names are the languages
pub enum Lang {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Every language with its ISO 639-1 code and English name, in `Lang` order.
const TABLE: [(Lang, &str, &str); 18] = [
    (Lang::Arabic, "ar", "arabic"),
    (Lang::Danish, "da", "danish"),
    (Lang::Dutch, "nl", "dutch"),
    (Lang::English, "en", "english"),
    (Lang::Finnish, "fi", "finnish"),
    (Lang::French, "fr", "french"),
    (Lang::German, "de", "german"),
    (Lang::Greek, "el", "greek"),
    (Lang::Hungarian, "hu", "hungarian"),
    (Lang::Italian, "it", "italian"),
    (Lang::Norwegian, "no", "norwegian"),
    (Lang::Portuguese, "pt", "portuguese"),
    (Lang::Romanian, "ro", "romanian"),
    (Lang::Russian, "ru", "russian"),
    (Lang::Spanish, "es", "spanish"),
    (Lang::Swedish, "sv", "swedish"),
    (Lang::Tamil, "ta", "tamil"),
    (Lang::Turkish, "tr", "turkish"),
];

/// Detection looks at this many bytes at most: enough for a confident guess, and it keeps
/// detection cost constant on megabyte inputs.
const DETECT_SAMPLE_BYTES: usize = 4096;

impl Lang {
    /// All supported languages.
    pub fn all() -> impl Iterator<Item = Lang> {
        TABLE.iter().map(|t| t.0)
    }

    /// ISO 639-1 codes of all supported languages.
    pub fn codes() -> Vec<&'static str> {
        TABLE.iter().map(|t| t.1).collect()
    }

    /// ISO 639-1 code.
    pub fn code(self) -> &'static str {
        TABLE[self as usize].1
    }

    /// Parses an option value: `"auto"` (or empty) gives `None`, meaning detect.
    pub fn parse_option(s: &str) -> Result<Option<Lang>, Error> {
        let key = s.trim().to_ascii_lowercase();
        if key.is_empty() || key == "auto" {
            return Ok(None);
        }
        // Accept "en", "en-GB", "eng" (ISO 639-3 via whatlang) and "english".
        let base = key.split(['-', '_']).next().unwrap_or("");
        TABLE
            .iter()
            .find(|t| t.1 == base || t.2 == key)
            .map(|t| t.0)
            .or_else(|| whatlang::Lang::from_code(base).and_then(Lang::from_whatlang))
            .map(Some)
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }

    fn from_whatlang(l: whatlang::Lang) -> Option<Lang> {
        use whatlang::Lang as W;
        Some(match l {
            W::Ara => Lang::Arabic,
            W::Dan => Lang::Danish,
            W::Nld => Lang::Dutch,
            W::Eng => Lang::English,
            W::Fin => Lang::Finnish,
            W::Fra => Lang::French,
            W::Deu => Lang::German,
            W::Ell => Lang::Greek,
            W::Hun => Lang::Hungarian,
            W::Ita => Lang::Italian,
            W::Nob => Lang::Norwegian,
            W::Por => Lang::Portuguese,
            W::Ron => Lang::Romanian,
            W::Rus => Lang::Russian,
            W::Spa => Lang::Spanish,
            W::Swe => Lang::Swedish,
            W::Tam => Lang::Tamil,
            W::Tur => Lang::Turkish,
            _ => return None,
        })
    }

    /// Detects the language of `text`; `None` when it is not a supported language or the
    /// text is too short to tell (callers then treat English as the default for Latin text).
    pub fn detect(text: &str) -> Option<Lang> {
        let mut end = text.len().min(DETECT_SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        whatlang::detect(&text[..end])
            .filter(whatlang::Info::is_reliable)
            .and_then(|info| Lang::from_whatlang(info.lang()))
    }

    /// The Snowball stemmer.
    pub fn stemmer(self) -> Stemmer {
        let algorithm = match self {
            Lang::Arabic => Algorithm::Arabic,
            Lang::Danish => Algorithm::Danish,
            Lang::Dutch => Algorithm::Dutch,
            Lang::English => Algorithm::English,
            Lang::Finnish => Algorithm::Finnish,
            Lang::French => Algorithm::French,
            Lang::German => Algorithm::German,
            Lang::Greek => Algorithm::Greek,
            Lang::Hungarian => Algorithm::Hungarian,
            Lang::Italian => Algorithm::Italian,
            Lang::Norwegian => Algorithm::Norwegian,
            Lang::Portuguese => Algorithm::Portuguese,
            Lang::Romanian => Algorithm::Romanian,
            Lang::Russian => Algorithm::Russian,
            Lang::Spanish => Algorithm::Spanish,
            Lang::Swedish => Algorithm::Swedish,
            Lang::Tamil => Algorithm::Tamil,
            Lang::Turkish => Algorithm::Turkish,
        };
        Stemmer::create(algorithm)
    }

    /// Whether `lower` (a lowercased word) is a stopword of this language.
    pub fn is_stopword(self, lower: &str) -> bool {
        STOPWORDS[self as usize].binary_search(&lower).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_names_and_auto() {
        assert_eq!(Lang::parse_option("auto"), Ok(None));
        assert_eq!(Lang::parse_option("en-GB"), Ok(Some(Lang::English)));
        assert_eq!(Lang::parse_option("German"), Ok(Some(Lang::German)));
        assert_eq!(Lang::parse_option("rus"), Ok(Some(Lang::Russian)));
        assert!(matches!(
            Lang::parse_option("klingon"),
            Err(Error::UnknownLanguage(_))
        ));
        assert!(matches!(
            Lang::parse_option("zh"),
            Err(Error::UnknownLanguage(_))
        ));
    }

    #[test]
    fn stopword_tables_are_sorted_for_binary_search() {
        for lang in Lang::all() {
            let list = STOPWORDS[lang as usize];
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{lang:?}");
        }
        assert!(Lang::English.is_stopword("the"));
        assert!(Lang::German.is_stopword("und"));
        assert!(!Lang::English.is_stopword("missile"));
    }
}
