//! Languages: the ones rust-stemmers has a Snowball stemmer for, their stopword lists and
//! detection: by script for Arabic, Greek, Russian and Tamil, by stopword profile for the
//! languages written in Latin letters (no trigram models: they would dominate the wasm size).

use crate::options::Error;
use crate::stem::{Algorithm, Stemmer};

include!(concat!(env!("OUT_DIR"), "/stopwords.rs"));

// The generated `STOPWORDS` slices are only read at compile time: they are front-coded into
// one byte string ([`FRONT`]), a quarter of the size of a `&str` per word in the wasm module
// (pointer and length) and without relocations. The plain packed list, the word offsets and
// the merged Latin list are built at run time on first use ([`tables`]): as static `u16`
// arrays they were 12 KB of the gzipped module, as code a few hundred bytes.
const WORD_COUNT: usize = {
    let mut n = 0;
    let mut l = 0;
    while l < STOPWORDS.len() {
        n += STOPWORDS[l].len();
        l += 1;
    }
    n
};
/// Bytes of all the words plus one separator each, decoded.
const PACKED_LEN: usize = {
    let mut n = 0;
    let mut l = 0;
    while l < STOPWORDS.len() {
        let mut i = 0;
        while i < STOPWORDS[l].len() {
            n += STOPWORDS[l][i].len() + 1;
            i += 1;
        }
        l += 1;
    }
    n
};
// Offsets are u16.
const _: () = assert!(PACKED_LEN <= u16::MAX as usize);

/// The longest prefix a word of [`FRONT`] shares with the word before: its count is the byte
/// that starts the word, below any byte of UTF-8 text that a stopword has (checked below).
const MAX_SHARED: usize = 0x1F;

/// Bytes `word` shares at its start with `previous`, at most [`MAX_SHARED`].
const fn shared(previous: &[u8], word: &[u8]) -> usize {
    let mut n = 0;
    while n < previous.len() && n < word.len() && n < MAX_SHARED && previous[n] == word[n] {
        n += 1;
    }
    n
}

/// The word before word `i` of list `l` in the concatenation of the lists (empty for the first).
const fn previous_word(l: usize, i: usize) -> &'static [u8] {
    if i > 0 {
        return STOPWORDS[l][i - 1].as_bytes();
    }
    let mut k = l;
    while k > 0 {
        k -= 1;
        if !STOPWORDS[k].is_empty() {
            return STOPWORDS[k][STOPWORDS[k].len() - 1].as_bytes();
        }
    }
    &[]
}

/// Length of [`FRONT`]: one count byte and the unshared bytes per word.
const FRONT_LEN: usize = {
    let mut n = 0;
    let mut l = 0;
    while l < STOPWORDS.len() {
        let mut i = 0;
        while i < STOPWORDS[l].len() {
            let word = STOPWORDS[l][i].as_bytes();
            n += 1 + word.len() - shared(previous_word(l, i), word);
            i += 1;
        }
        l += 1;
    }
    n
};

/// Every stopword of every language, in `Lang` order, each list sorted, front-coded: per word,
/// the number of bytes it shares with the word before (a byte below 0x20), then the rest of
/// its bytes. Sorted neighbours share most of their letters, so this is 6.2 KB gzipped where
/// the words one per line were 8.4 KB.
static FRONT: [u8; FRONT_LEN] = {
    let mut out = [0u8; FRONT_LEN];
    let (mut at, mut l) = (0, 0);
    while l < STOPWORDS.len() {
        let mut i = 0;
        while i < STOPWORDS[l].len() {
            let word = STOPWORDS[l][i].as_bytes();
            let n = shared(previous_word(l, i), word);
            out[at] = n as u8;
            at += 1;
            let mut b = n;
            while b < word.len() {
                // The decoder tells counts from text by this.
                assert!(word[b] > MAX_SHARED as u8);
                out[at] = word[b];
                at += 1;
                b += 1;
            }
            i += 1;
        }
        l += 1;
    }
    out
};

/// Index in `ENDS` of each language's first word, and the total at the end.
static FIRST: [u16; 19] = {
    let mut out = [0u16; 19];
    let (mut w, mut l) = (0, 0);
    while l < STOPWORDS.len() {
        out[l] = w as u16;
        w += STOPWORDS[l].len();
        l += 1;
    }
    out[STOPWORDS.len()] = w as u16;
    out
};

/// Lookup tables derived from [`FRONT`] on first use.
struct Tables {
    /// Every stopword of every language, in `Lang` order, each list sorted; each word ends
    /// with a newline (no stopword contains one).
    packed: Vec<u8>,
    /// Start offset in `packed` of each word, plus one past the end (`WORD_COUNT + 1`).
    starts: Vec<u16>,
    /// The distinct stopwords of the Latin-script languages (as word indexes), and which of
    /// the `LATIN` languages list each: one lookup per word in detection.
    latin_ids: Vec<u16>,
    latin_masks: Vec<u16>,
    /// Open-addressing hash table of `latin_ids`: position + 1, 0 when empty (as
    /// `stop_slots`, hashed with [`LATIN_SALT`]); detection looks up a hundred words or so per
    /// text, where a binary search was a fifth of its time.
    latin_slots: Vec<u32>,
    /// Open-addressing hash table of every (language, word): word index + 1, 0 when empty;
    /// a power of two long, at most half full. `is_stopword` runs for every new word of a
    /// text, where it was a binary search of a dozen comparisons.
    /// (`u32` although `u16` would do: the code for it is already in the module.)
    stop_slots: Vec<u32>,
}

/// The `lang` of [`stop_hash`] for `Tables::latin_slots`: no language has this number.
const LATIN_SALT: usize = 255;

/// Hash of `word` in the list of language number `lang`, for `Tables::stop_slots`.
fn stop_hash(word: &[u8], lang: usize) -> usize {
    use std::hash::Hasher;
    let mut h = crate::util::FxHasher::default();
    h.write(word);
    h.write_u8(lang as u8);
    h.finish() as usize
}

fn tables() -> &'static Tables {
    static TABLES: std::sync::OnceLock<Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| {
        let mut packed = Vec::with_capacity(PACKED_LEN);
        let mut starts = Vec::with_capacity(WORD_COUNT + 1);
        for &b in &FRONT {
            if usize::from(b) <= MAX_SHARED {
                // A new word: end the one before, then repeat its first `b` bytes.
                let previous = starts.last().map_or(0, |&s| usize::from(s));
                if !starts.is_empty() {
                    packed.push(b'\n');
                }
                starts.push(packed.len() as u16);
                packed.extend_from_within(previous..previous + usize::from(b));
            } else {
                packed.push(b);
            }
        }
        if !starts.is_empty() {
            packed.push(b'\n');
        }
        starts.push(packed.len() as u16);
        let mut t = Tables {
            packed,
            starts,
            latin_ids: Vec::new(),
            latin_masks: Vec::new(),
            latin_slots: Vec::new(),
            stop_slots: Vec::new(),
        };
        let mut slots = vec![0u32; (2 * WORD_COUNT).next_power_of_two()];
        for lang in 0..STOPWORDS.len() {
            for id in FIRST[lang]..FIRST[lang + 1] {
                // Each list has each word once: never found, always a free slot.
                let hash = stop_hash(t.word(usize::from(id)), lang);
                if let Some(free) = crate::util::probe(&slots, hash, |_| false)
                    .err()
                    .and_then(|free| slots.get_mut(free))
                {
                    *free = u32::from(id) + 1;
                }
            }
        }
        t.stop_slots = slots;
        // One entry per distinct word of the Latin languages, with the languages that list it,
        // built straight into the hash table (no sort: this runs on the first analysis).
        let total = LATIN
            .iter()
            .map(|&l| usize::from(FIRST[l as usize + 1] - FIRST[l as usize]))
            .sum::<usize>();
        let mut slots = vec![0u32; (2 * total).next_power_of_two()];
        let (mut ids, mut masks) = (Vec::<u16>::new(), Vec::<u16>::new());
        for (k, &lang) in LATIN.iter().enumerate() {
            for id in FIRST[lang as usize]..FIRST[lang as usize + 1] {
                let word = t.word(usize::from(id));
                let same = |p: usize| ids.get(p).map(|&q| t.word(usize::from(q))) == Some(word);
                match crate::util::probe(&slots, stop_hash(word, LATIN_SALT), same) {
                    Ok(p) => {
                        if let Some(m) = masks.get_mut(p) {
                            *m |= 1 << k;
                        }
                    }
                    Err(free) => {
                        ids.push(id);
                        masks.push(1 << k);
                        if let Some(free) = slots.get_mut(free) {
                            *free = ids.len() as u32;
                        }
                    }
                }
            }
        }
        t.latin_slots = slots;
        t.latin_ids = ids;
        t.latin_masks = masks;
        t
    })
}

impl Tables {
    /// The position of `word` in `latin_ids`, if it is a stopword of a Latin language.
    fn latin_position(&self, word: &[u8]) -> Option<usize> {
        let same =
            |k: usize| self.latin_ids.get(k).map(|&id| self.word(usize::from(id))) == Some(word);
        crate::util::probe(&self.latin_slots, stop_hash(word, LATIN_SALT), same).ok()
    }

    /// The bytes of word `id` of the packed lists (without its separator).
    fn word(&self, id: usize) -> &[u8] {
        let (Some(&start), Some(&next)) = (self.starts.get(id), self.starts.get(id + 1)) else {
            return &[];
        };
        self.packed
            .get(usize::from(start)..usize::from(next).saturating_sub(1))
            .unwrap_or_default()
    }
}

/// The bytes of word `id` of the packed lists.
#[cfg(test)]
fn packed_word(id: usize) -> &'static [u8] {
    tables().word(id)
}

/// A language pith can stem. The order matches the generated `STOPWORDS` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the variant names are the languages
#[non_exhaustive]
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

/// Every language with its ISO 639-1 code, English name and ISO 639-3 code (plus the
/// 639-2/B code where it differs), in `Lang` order.
const TABLE: [(Lang, &str, &str, &str, &str); 18] = [
    (Lang::Arabic, "ar", "arabic", "ara", "ara"),
    (Lang::Danish, "da", "danish", "dan", "dan"),
    (Lang::Dutch, "nl", "dutch", "nld", "dut"),
    (Lang::English, "en", "english", "eng", "eng"),
    (Lang::Finnish, "fi", "finnish", "fin", "fin"),
    (Lang::French, "fr", "french", "fra", "fre"),
    (Lang::German, "de", "german", "deu", "ger"),
    (Lang::Greek, "el", "greek", "ell", "gre"),
    (Lang::Hungarian, "hu", "hungarian", "hun", "hun"),
    (Lang::Italian, "it", "italian", "ita", "ita"),
    (Lang::Norwegian, "no", "norwegian", "nob", "nor"),
    (Lang::Portuguese, "pt", "portuguese", "por", "por"),
    (Lang::Romanian, "ro", "romanian", "ron", "rum"),
    (Lang::Russian, "ru", "russian", "rus", "rus"),
    (Lang::Spanish, "es", "spanish", "spa", "spa"),
    (Lang::Swedish, "sv", "swedish", "swe", "swe"),
    (Lang::Tamil, "ta", "tamil", "tam", "tam"),
    (Lang::Turkish, "tr", "turkish", "tur", "tur"),
];

/// The languages written in Latin letters, told apart by their stopwords.
const LATIN: [Lang; 14] = [
    Lang::Danish,
    Lang::Dutch,
    Lang::English,
    Lang::Finnish,
    Lang::French,
    Lang::German,
    Lang::Hungarian,
    Lang::Italian,
    Lang::Norwegian,
    Lang::Portuguese,
    Lang::Romanian,
    Lang::Spanish,
    Lang::Swedish,
    Lang::Turkish,
];

/// Detection looks at this many bytes at most: enough for a confident guess, and it keeps
/// detection cost constant on megabyte inputs.
const DETECT_SAMPLE_BYTES: usize = 4096;

/// The script is decided on this many letters at most.
const SCRIPT_SAMPLE_LETTERS: usize = 1000;

/// Latin text needs a score of at least `MIN_SCORE` for the winning language, from at least
/// `MIN_STOPWORDS` of its stopwords (or twice the score from letters), and a share of at least
/// `MIN_STOPWORD_PERCENT` of its words must be that language's stopwords, or detection
/// declines to guess.
const MIN_SCORE: f32 = 0.5;
const MIN_STOPWORDS: usize = 2;
const MIN_STOPWORD_PERCENT: usize = 5;
/// Below this share of its stopwords among the lowercase words (in percent), the winning
/// language must lead the runner-up's score [`LEAD`] times over, or detection declines.
const COMMON_STOPWORD_PERCENT: usize = 15;
/// See [`COMMON_STOPWORD_PERCENT`].
const LEAD: f32 = 2.0;

/// Score of one distinctive letter (shared among the languages using it), against 1 for a
/// stopword: letters settle short texts, stopwords decide long ones.
const LETTER_WEIGHT: f32 = 0.25;

/// Letters that only some of the Latin-script languages use.
fn distinctive(c: char) -> Option<&'static [Lang]> {
    use Lang::*;
    Some(match c {
        'ı' | 'ğ' => &[Turkish],
        'ş' => &[Turkish, Romanian],
        'ș' | 'ț' | 'ţ' | 'ă' => &[Romanian],
        'ő' | 'ű' => &[Hungarian],
        'ß' => &[German],
        'ñ' => &[Spanish],
        'ã' | 'õ' => &[Portuguese],
        'æ' | 'ø' => &[Danish, Norwegian],
        'å' => &[Danish, Norwegian, Swedish],
        'ä' => &[German, Swedish, Finnish],
        'œ' => &[French],
        'è' => &[French, Italian],
        'ê' => &[French, Portuguese],
        'ç' => &[French, Portuguese, Turkish],
        _ => return None,
    })
}

fn latin_index(lang: Lang) -> usize {
    LATIN.iter().position(|&l| l == lang).unwrap_or(0)
}

/// Detection of Latin text may stop once the best language has `CLEAR_SCORE` and three times
/// the score of the runner-up: more text would not change the answer.
const CLEAR_SCORE: f32 = 20.0;

fn clear_lead(score: &[f32]) -> bool {
    let (mut best, mut second) = (0f32, 0f32);
    for &s in score {
        if s > best {
            (best, second) = (s, best);
        } else if s > second {
            second = s;
        }
    }
    best >= CLEAR_SCORE && best >= 3.0 * second
}

/// The writing systems detection tells apart.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Tamil,
    Other,
}

fn script(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{600}'..='\u{6FF}'
        | '\u{750}'..='\u{77F}'
        | '\u{8A0}'..='\u{8FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}' => Script::Arabic,
        '\u{B80}'..='\u{BFF}' => Script::Tamil,
        _ => Script::Other,
    }
}

/// Cyrillic letters Russian does not use (Ukrainian, Belarusian, Serbian, Macedonian).
const NON_RUSSIAN_CYRILLIC: &str = "іїєґўјљњћџѓќѕІЇЄҐЎЈЉЊЋЏЃЌЅ";

/// Arabic-script letters Arabic does not use (Persian, Urdu, Pashto, Kurdish).
const NON_ARABIC_LETTERS: &str =
    "\u{67E}\u{686}\u{698}\u{6A9}\u{6AF}\u{6CC}\u{679}\u{688}\u{691}\u{6BA}\u{6BE}\u{6C1}\u{6D2}";

impl Lang {
    /// All supported languages.
    pub fn all() -> impl Iterator<Item = Lang> {
        TABLE.iter().map(|t| t.0)
    }

    /// ISO 639-1 codes of all supported languages.
    pub(crate) fn codes() -> Vec<&'static str> {
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
        // Accept "en", "en-GB", "eng", "ger" (ISO 639-3 and 639-2/B) and "english".
        let base = key.split(['-', '_']).next().unwrap_or("");
        TABLE
            .iter()
            .find(|t| t.1 == base || t.2 == key || t.3 == base || t.4 == base)
            .map(|t| Some(t.0))
            .ok_or_else(|| Error::UnknownLanguage(s.to_string()))
    }

    /// Detects the language of `text`; `None` when it is not a supported language or the
    /// text is too short to tell (callers then treat short Latin text as English).
    ///
    /// Looks at the first few kilobytes only. The script with the most letters decides
    /// Arabic, Greek, Russian and Tamil (declining when letters of related languages such as
    /// Ukrainian or Persian show up); Latin text goes to the language whose NLTK stopwords it
    /// uses most, each stopword weighted by how few of the languages share it.
    pub fn detect(text: &str) -> Option<Lang> {
        let mut end = text.len().min(DETECT_SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        // Letters per script (in `Script` order), and the letters of related languages among
        // the Cyrillic and Arabic ones.
        let mut counts = [0usize; 6];
        let (mut not_ru, mut not_ar) = (0usize, 0usize);
        let mut seen = 0usize;
        let mut rest = sample;
        while seen < SCRIPT_SAMPLE_LETTERS {
            // ASCII, byte by byte (a Latin letter or no letter); other characters decoded.
            let Some(&b) = rest.as_bytes().first() else {
                break;
            };
            if b.is_ascii() {
                rest = rest.get(1..).unwrap_or_default();
                if b.is_ascii_alphabetic() {
                    counts[Script::Latin as usize] += 1;
                    seen += 1;
                }
                continue;
            }
            let Some(c) = rest.chars().next() else {
                break;
            };
            rest = rest.get(c.len_utf8()..).unwrap_or_default();
            if !c.is_alphabetic() {
                continue;
            }
            seen += 1;
            let s = script(c);
            counts[s as usize] += 1;
            match s {
                Script::Cyrillic => not_ru += usize::from(NON_RUSSIAN_CYRILLIC.contains(c)),
                Script::Arabic => not_ar += usize::from(NON_ARABIC_LETTERS.contains(c)),
                _ => {}
            }
        }
        let (best, &letters) = counts
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, usize::MAX - i))?;
        if letters == 0 {
            return None;
        }
        // A related language's letters in more than 1 in 100 letters: not Russian, not Arabic.
        const LATIN_SCRIPT: usize = Script::Latin as usize;
        const CYRILLIC: usize = Script::Cyrillic as usize;
        const GREEK: usize = Script::Greek as usize;
        const ARABIC: usize = Script::Arabic as usize;
        const TAMIL: usize = Script::Tamil as usize;
        match best {
            LATIN_SCRIPT => Lang::detect_latin(sample),
            CYRILLIC => (not_ru * 100 <= letters).then_some(Lang::Russian),
            GREEK => Some(Lang::Greek),
            ARABIC => (not_ar * 100 <= letters).then_some(Lang::Arabic),
            TAMIL => Some(Lang::Tamil),
            _ => None,
        }
    }

    /// Stopword-profile scoring over the Latin-script languages, with distinctive letters as
    /// extra evidence for short texts. Stops early once one language clearly leads.
    fn detect_latin(sample: &str) -> Option<Lang> {
        let t = tables();
        let masks = &t.latin_masks;
        let mut score = [0f32; LATIN.len()];
        let mut hits = [0usize; LATIN.len()];
        let mut lower_hits = [0usize; LATIN.len()];
        let (mut words, mut lower_words) = (0usize, 0usize);
        let mut word = String::new();
        for token in sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            let lower = token.chars().next().is_some_and(char::is_lowercase);
            lower_words += usize::from(lower);
            word.clear();
            if token.is_ascii() {
                word.push_str(token);
                word.make_ascii_lowercase();
            } else {
                word.extend(token.chars().flat_map(crate::case::lower_char));
            }
            for c in word.chars().filter(|c| !c.is_ascii()) {
                if let Some(langs) = distinctive(c) {
                    let weight = LETTER_WEIGHT / langs.len() as f32;
                    for &l in langs {
                        score[latin_index(l)] += weight;
                    }
                }
            }
            let Some(found) = t.latin_position(word.as_bytes()) else {
                continue;
            };
            let mask = masks[found];
            let weight = 1.0 / mask.count_ones() as f32;
            for (i, (s, h)) in score.iter_mut().zip(&mut hits).enumerate() {
                if mask & (1 << i) != 0 {
                    *s += weight;
                    *h += 1;
                    lower_hits[i] += usize::from(lower);
                }
            }
            if words % 16 == 0 && clear_lead(&score) {
                break;
            }
        }
        let best =
            (0..LATIN.len()).max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))?;
        let second = (0..LATIN.len())
            .filter(|&i| i != best)
            .map(|i| score[i])
            .fold(0f32, f32::max);
        // A language pith has no lists for (Polish, Czech, Tagalog, Latin) still uses a few
        // short words that some supported language lists ("a", "i", "na", "do"): a few in a
        // hundred of its lowercase words, with no clear winner. Text in a supported language
        // uses its stopwords for 20 to 60 of a hundred lowercase words, tables of names and
        // scores included (their few lowercase words are "at", "of", "the"); or, where a
        // language's list is short (Turkish), its letters and stopwords make a clear winner.
        let distinct = lower_hits[best] * 100 >= lower_words * COMMON_STOPWORD_PERCENT
            || score[best] >= LEAD * second;
        let enough = score[best] >= MIN_SCORE
            && (hits[best] >= MIN_STOPWORDS || score[best] >= 2.0 * MIN_SCORE)
            && hits[best] * 100 >= words * MIN_STOPWORD_PERCENT
            && distinct;
        enough.then_some(LATIN[best])
    }

    /// The Snowball stemmer.
    pub(crate) fn stemmer(self) -> Stemmer {
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
    pub(crate) fn is_stopword(self, lower: &str) -> bool {
        let t = tables();
        let words = usize::from(FIRST[self as usize])..usize::from(FIRST[self as usize + 1]);
        let same = |id: usize| words.contains(&id) && t.word(id) == lower.as_bytes();
        crate::util::probe(
            &t.stop_slots,
            stop_hash(lower.as_bytes(), self as usize),
            same,
        )
        .is_ok()
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
        assert_eq!(Lang::parse_option("ger"), Ok(Some(Lang::German)));
        assert_eq!(Lang::parse_option("nob"), Ok(Some(Lang::Norwegian)));
        assert_eq!(Lang::parse_option("nor"), Ok(Some(Lang::Norwegian)));
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
    fn stopword_lists_are_sorted_and_found() {
        for lang in Lang::all() {
            let list = STOPWORDS[lang as usize];
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{lang:?}");
        }
        assert!(Lang::English.is_stopword("the"));
        assert!(Lang::German.is_stopword("und"));
        assert!(!Lang::English.is_stopword("missile"));
    }

    /// One news-like paragraph per language (the same story), and texts in related
    /// languages pith has no stemmer for.
    const SAMPLES: &[(&str, &str)] = &[
        ("da", "Regeringen har fremlagt et nyt forslag om skat, som skal give flere penge til de ældre. Oppositionen siger, at forslaget er for dyrt, og at det ikke vil hjælpe dem, der har mest brug for det."),
        ("nl", "Het kabinet heeft een nieuw plan gepresenteerd om de woningnood aan te pakken. Volgens de minister moeten er de komende jaren veel meer huizen worden gebouwd, maar de oppositie vindt dat het plan niet ver genoeg gaat."),
        ("en", "The government has unveiled a new plan to tackle the housing shortage. The minister said that many more homes would be built over the coming years, but the opposition argued that the plan did not go far enough."),
        ("fi", "Hallitus esitteli uuden suunnitelman asuntopulan ratkaisemiseksi. Ministerin mukaan tulevina vuosina rakennetaan paljon enemmän asuntoja, mutta oppositio katsoo, että suunnitelma ei ole riittävä, koska se ei auta niitä, jotka sitä eniten tarvitsevat."),
        ("fr", "Le gouvernement a présenté un nouveau plan pour lutter contre la crise du logement. Selon le ministre, beaucoup plus de logements seront construits dans les années à venir, mais l'opposition estime que le plan ne va pas assez loin."),
        ("de", "Die Regierung hat einen neuen Plan gegen die Wohnungsnot vorgestellt. Nach Angaben des Ministers sollen in den kommenden Jahren deutlich mehr Wohnungen gebaut werden, doch die Opposition hält den Plan für nicht ausreichend."),
        ("hu", "A kormány új tervet mutatott be a lakáshiány kezelésére. A miniszter szerint a következő években sokkal több lakás épül, de az ellenzék szerint a terv nem elég, mert nem segít azoknak, akiknek a legnagyobb szükségük van rá."),
        ("it", "Il governo ha presentato un nuovo piano per affrontare la crisi degli alloggi. Secondo il ministro, nei prossimi anni saranno costruite molte più case, ma l'opposizione sostiene che il piano non va abbastanza lontano."),
        ("no", "Regjeringen har lagt fram en ny plan for å løse boligmangelen. Ifølge ministeren skal det bygges mange flere boliger i årene som kommer, men opposisjonen mener at planen ikke går langt nok, og at den ikke hjelper dem som trenger det mest."),
        ("pt", "O governo apresentou um novo plano para enfrentar a crise da habitação. Segundo o ministro, serão construídas muito mais casas nos próximos anos, mas a oposição considera que o plano não vai suficientemente longe."),
        ("ro", "Guvernul a prezentat un nou plan pentru a rezolva criza locuințelor. Potrivit ministrului, în următorii ani vor fi construite mult mai multe locuințe, dar opoziția consideră că planul nu merge suficient de departe."),
        ("es", "El Gobierno ha presentado un nuevo plan para hacer frente a la crisis de la vivienda. Según el ministro, en los próximos años se construirán muchas más viviendas, pero la oposición considera que el plan no va lo bastante lejos."),
        ("sv", "Regeringen har presenterat en ny plan för att lösa bostadsbristen. Enligt ministern ska det byggas många fler bostäder under de kommande åren, men oppositionen anser att planen inte går tillräckligt långt och att den inte hjälper dem som behöver det mest."),
        ("tr", "Hükümet konut sorununu çözmek için yeni bir plan açıkladı. Bakana göre önümüzdeki yıllarda çok daha fazla konut inşa edilecek, ama muhalefet planın yeterli olmadığını ve en çok ihtiyacı olanlara yardım etmeyeceğini söylüyor."),
        ("ru", "Правительство представило новый план по решению жилищного кризиса. По словам министра, в ближайшие годы будет построено гораздо больше жилья, но оппозиция считает, что план недостаточен."),
        ("el", "Η κυβέρνηση παρουσίασε νέο σχέδιο για την αντιμετώπιση της στεγαστικής κρίσης. Σύμφωνα με τον υπουργό, τα επόμενα χρόνια θα χτιστούν πολύ περισσότερα σπίτια, αλλά η αντιπολίτευση θεωρεί ότι το σχέδιο δεν είναι αρκετό."),
        ("ar", "قدمت الحكومة خطة جديدة لمعالجة أزمة السكن. وقال الوزير إنه سيتم بناء المزيد من المنازل في السنوات المقبلة، لكن المعارضة ترى أن الخطة غير كافية."),
        ("ta", "வீட்டுவசதி நெருக்கடியைச் சமாளிக்க அரசு புதிய திட்டத்தை அறிவித்துள்ளது. வரும் ஆண்டுகளில் அதிக வீடுகள் கட்டப்படும் என்று அமைச்சர் தெரிவித்தார்."),
        ("uk", "Уряд представив новий план для вирішення житлової кризи. За словами міністра, у найближчі роки буде збудовано набагато більше житла, але опозиція вважає, що план недостатній."),
        ("fa", "دولت طرح جدیدی برای حل بحران مسکن ارائه کرد. به گفته وزیر، در سال‌های آینده خانه‌های بیشتری ساخته خواهد شد، اما مخالفان می‌گویند این طرح کافی نیست."),
        ("zh", "政府公布了解决住房短缺问题的新计划。部长表示，未来几年将建造更多住房。"),
        ("pl", "Rząd przedstawił nowy plan walki z kryzysem mieszkaniowym. Według ministra w najbliższych latach powstanie znacznie więcej mieszkań, ale opozycja uważa, że plan nie idzie wystarczająco daleko."),
        ("short-en", "Mr Smith said the plan was approved."),
        ("short-de", "Das ist gut."),
        ("short-fr1", "Le président russe a menacé de se retirer du traité. Les négociations ont duré cinq heures sans accord entre les deux parties."),
        ("short-de1", "Der russische Präsident hat gedroht, aus dem Vertrag auszusteigen. Die Verhandlungen dauerten fünf Stunden ohne Einigung."),
        ("short-es1", "El presidente ruso amenazó con retirarse del tratado. Las negociaciones duraron cinco horas sin acuerdo entre las partes."),
    ];

    #[test]
    fn detects_every_language_by_script_or_stopwords() {
        for (code, text) in SAMPLES {
            let expected = match *code {
                "uk" | "fa" | "zh" | "pl" => None,
                c if c.starts_with("short-") => Some(&c[6..8]),
                c => Some(c),
            };
            assert_eq!(
                Lang::detect(text).map(Lang::code),
                expected,
                "{code}: {text}"
            );
        }
    }

    #[test]
    fn detects_latin_languages_from_one_sentence() {
        for (code, text) in SAMPLES.iter().take(14) {
            let first = text.split(". ").next().unwrap_or_default();
            // Finnish has few stopwords and no distinctive letters in this sentence: no guess.
            let expected = (*code != "fi").then_some(*code);
            assert_eq!(
                Lang::detect(first).map(Lang::code),
                expected,
                "{code}: {first}"
            );
        }
        assert_eq!(Lang::detect(""), None);
        assert_eq!(Lang::detect("12345 !!!"), None);
    }

    #[test]
    fn packed_stopwords_match_the_generated_lists() {
        for lang in Lang::all() {
            for word in STOPWORDS[lang as usize] {
                assert!(lang.is_stopword(word), "{lang:?} {word}");
                assert!(!lang.is_stopword(&format!("{word}qx")), "{lang:?} {word}qx");
            }
        }
        let t = tables();
        let plain: Vec<u8> = STOPWORDS
            .iter()
            .flat_map(|list| list.iter())
            .flat_map(|w| w.bytes().chain([b'\n']))
            .collect();
        assert_eq!(t.packed, plain);
        let (ids, masks) = (&t.latin_ids, &t.latin_masks);
        assert_eq!(t.starts.len(), WORD_COUNT + 1);
        // One entry per distinct word.
        let mut distinct: Vec<&[u8]> = ids.iter().map(|&id| packed_word(id.into())).collect();
        distinct.sort_unstable();
        distinct.dedup();
        assert_eq!(distinct.len(), ids.len());
        for (k, lang) in LATIN.iter().enumerate() {
            for word in STOPWORDS[*lang as usize] {
                let at = t.latin_position(word.as_bytes());
                assert_eq!(
                    at.map(|i| packed_word(ids[i].into())),
                    Some(word.as_bytes()),
                    "{word}"
                );
                let other = format!("{word}qx");
                assert_eq!(t.latin_position(other.as_bytes()), None, "{other}");
                assert!(
                    at.is_some_and(|i| masks[i] & (1 << k) != 0),
                    "{lang:?} {word}"
                );
            }
        }
        // No language bit without the word in that language's list.
        for (&id, &mask) in ids.iter().zip(masks) {
            let word = std::str::from_utf8(packed_word(id.into())).expect("UTF-8");
            for (k, lang) in LATIN.iter().enumerate() {
                assert_eq!(
                    mask & (1 << k) != 0,
                    STOPWORDS[*lang as usize].contains(&word),
                    "{lang:?} {word}"
                );
            }
        }
        assert!(!Lang::Tamil.is_stopword("the"));
        assert!(!Lang::English.is_stopword(""));
    }
}
