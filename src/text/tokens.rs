//! Tokens of one sentence: words (with internal apostrophes, dotted abbreviations such as
//! `U.S.`), numbers (`3.5`, `1,000`), and single punctuation marks. A possessive `'s` is split
//! off its word so that "Russia's" yields the name "Russia". HTML tags pasted with the text are
//! skipped.

use super::{Token, Vocab};
use crate::lang::Lang;
use crate::stem::{self, Stemmer};
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (possibly with digits, apostrophes or dots inside).
    Word,
    /// Digits, possibly with `.` or `,` inside.
    Number,
    /// One punctuation or symbol character; also the possessive `'s`, and a web address,
    /// `@handle` or `#hashtag` kept whole (embedded posts: never a name or keyword).
    Punct,
}

/// Capitalisation of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// All lowercase, or a script without case.
    Lower,
    /// First letter uppercase, not all uppercase: "Putin".
    Capitalized,
    /// Two or more letters, all uppercase: "INF", "US".
    Upper,
    /// Not a word.
    Other,
}

/// No stem cached yet for a vocabulary id.
const UNSEEN: u32 = u32::MAX;

/// Turns sentences into tokens, caching the stem and stopword flag per distinct word.
pub struct Tokenizer {
    lang: Option<Lang>,
    stemmer: Option<Stemmer>,
    /// Per vocabulary id of a lowercased word: its stem id ([`UNSEEN`] until first met) and
    /// whether it is a stopword. Ids are dense, so a vector beats a hash map here.
    words: Vec<(u32, bool)>,
    /// Reused buffer for the lowercased word.
    lower: String,
    /// Reused buffers of the English stemmer.
    stem_buf: stem::Buffers,
}

impl Tokenizer {
    /// A tokenizer for `lang` (`None`: lowercase only, no stopwords).
    pub fn new(lang: Option<Lang>) -> Self {
        Tokenizer {
            lang,
            stemmer: lang.map(Lang::stemmer),
            words: Vec::new(),
            lower: String::new(),
            stem_buf: stem::Buffers::default(),
        }
    }

    /// Appends the tokens of `span` (a sentence) to `out`.
    pub fn tokenize(
        &mut self,
        text: &str,
        span: Range<usize>,
        out: &mut Vec<Token>,
        vocab: &mut Vocab,
    ) {
        let s = &text[span.clone()];
        let first = out.len();
        // A byte index rather than a char iterator: words and tags are skipped in one step.
        let mut i = 0;
        let bytes = s.as_bytes();
        while let Some(&b) = bytes.get(i) {
            // A web address, @handle or #hashtag is one symbol token, so that "@IanHanchett"
            // or "pic.twitter.com/P2qpm3h3Pm" yields no name and no keyword; not right after a
            // word ("C#", "jo@example.com").
            let after_word = i > 0 && bytes[i - 1].is_ascii_alphanumeric();
            if let Some(len) = symbol_len(&bytes[i..]).filter(|_| !after_word) {
                out.push(self.punct(&s[i..i + len], span.start + i, vocab));
                i += len;
                continue;
            }
            // ASCII fast path: most words of most articles are ASCII letters ended by a space
            // or by punctuation that `word_end` would only confirm (and such a word has no
            // possessive to split). An apostrophe may join ("don't"); a dot or comma may
            // only after a digit or a single letter ("3.5", "1,000", "U.S.").
            if b.is_ascii_alphanumeric() {
                let mut j = i + 1;
                while bytes.get(j).is_some_and(u8::is_ascii_alphanumeric) {
                    j += 1;
                }
                let plain_end = |n: u8| match n {
                    b'\'' => false,
                    b'.' | b',' => j - i >= 2 && bytes[j - 1].is_ascii_alphabetic(),
                    _ => n.is_ascii(),
                };
                if bytes.get(j).is_none_or(|&n| plain_end(n)) {
                    out.push(self.make(&s[i..j], span.start + i, vocab));
                    i = j;
                    continue;
                }
            } else if matches!(b, b' ' | b'\t'..=b'\r') {
                i += 1;
                continue;
            }
            let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let next = i + c.len_utf8();
            if c.is_whitespace() {
                i = next;
                continue;
            }
            if c == '<' {
                if let Some(len) = html_tag_len(&s[i..]) {
                    i = ceil_char_boundary(s, i + len);
                    continue;
                }
            }
            if c.is_alphanumeric() {
                let end = word_end(s, i);
                self.push_word(&s[i..end], span.start + i, out, vocab);
                i = end.max(next);
                continue;
            }
            out.push(self.punct(&s[i..next], span.start + i, vocab));
            i = next;
        }
        self.caps_line_stopwords(&mut out[first..], vocab);
    }

    /// Pushes `word` (at byte `start`) as a word token, with a possessive 's / ’s split off
    /// as a token of its own.
    fn push_word(&mut self, word: &str, start: usize, out: &mut Vec<Token>, vocab: &mut Vocab) {
        let base = ["'s", "'S", "’s"]
            .iter()
            .find_map(|suffix| word.strip_suffix(suffix))
            .filter(|b| b.chars().next_back().is_some_and(char::is_alphanumeric))
            .unwrap_or(word);
        out.push(self.make(base, start, vocab));
        if base.len() < word.len() {
            let k = base.len();
            out.push(self.punct(&word[k..], start + k, vocab));
        }
    }

    /// In an all-capitals line ("PUTIN ON THE ATTACK") capitals carry no information, so
    /// uppercase words of the sentence's `tokens` are treated as ordinary words there
    /// (stopwords included).
    fn caps_line_stopwords(&self, tokens: &mut [Token], vocab: &Vocab) {
        let (mut words, mut upper) = (0usize, 0usize);
        for t in tokens.iter() {
            if t.kind == TokenKind::Word {
                words += 1;
                upper += usize::from(t.shape == Shape::Upper);
            }
        }
        if words >= 3 && upper * 10 >= words * 6 {
            for t in tokens.iter_mut() {
                if t.kind == TokenKind::Word {
                    t.stop = self.lang.is_some_and(|l| l.is_stopword(vocab.get(t.lower)));
                }
            }
        }
    }

    fn make(&mut self, word: &str, start: usize, vocab: &mut Vocab) -> Token {
        let ascii = word.is_ascii();
        let (is_number, shape) = if ascii {
            let b = word.as_bytes();
            let number = b
                .iter()
                .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b',');
            (number, ascii_shape(b))
        } else {
            let number = word.chars().all(|c| c.is_numeric() || c == '.' || c == ',');
            (number, shape_of(word))
        };
        self.lower.clear();
        if ascii {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            // The full Unicode rules (final sigma included).
            self.lower.push_str(&crate::case::lowercase(word));
        }
        let lower_s = self.lower.as_str();
        let lower = vocab.intern(lower_s);
        if self.words.len() <= lower as usize {
            self.words.resize(lower as usize + 1, (UNSEEN, false));
        }
        let (mut stem, mut is_stop) = self.words[lower as usize];
        if stem == UNSEEN {
            is_stop = self.lang.is_some_and(|l| l.is_stopword(lower_s));
            // Stopwords are never compared by stem (summary, keywords and actors skip them),
            // and stemming is the costliest step of segmentation.
            stem = match (&self.stemmer, is_number || is_stop) {
                (Some(st), false) => {
                    let s = st.stem_reusing(lower_s, &mut self.stem_buf);
                    // Many words are their own stem: no second lookup then.
                    if s == lower_s {
                        lower
                    } else {
                        vocab.intern(&s)
                    }
                }
                _ => lower,
            };
            if self.words.len() <= stem as usize {
                self.words.resize(stem as usize + 1, (UNSEEN, false));
            }
            self.words[lower as usize] = (stem, is_stop);
        }
        // "US", "IT", "WHO" in capitals are names, not the stopwords "us", "it", "who".
        let stop = shape != Shape::Upper && is_stop;
        Token {
            start,
            end: start + word.len(),
            kind: if is_number {
                TokenKind::Number
            } else {
                TokenKind::Word
            },
            shape,
            lower,
            stem,
            stop,
        }
    }

    fn punct(&mut self, p: &str, start: usize, vocab: &mut Vocab) -> Token {
        let id = vocab.intern(p);
        Token {
            start,
            end: start + p.len(),
            kind: TokenKind::Punct,
            shape: Shape::Other,
            lower: id,
            stem: id,
            stop: false,
        }
    }
}

/// The first char boundary of `s` at or after `i` (the length of `s` past its end).
fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i.min(s.len())
}

/// End of the word starting at byte `i`: alphanumerics, plus an apostrophe, dot or comma
/// between two alphanumerics ("don't", "U.S.", "3.5", "1,000"), plus the final dot of a
/// dotted abbreviation ("U.S.").
fn word_end(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    let mut dotted = false;
    // Chars since the word start or its last dot: the segment a dot would close ("U" in
    // "U.S").
    let mut seg_len = 0usize;
    for (k, c) in s[i..].char_indices() {
        let at = i + k;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            seg_len += 1;
            continue;
        }
        let after = &s[at + c.len_utf8()..];
        let next_alnum = || after.chars().next().is_some_and(char::is_alphanumeric);
        let joins = match c {
            '\'' | '’' => next_alnum(),
            '.' => {
                // "U.S", "a.m", "3.5": a dot between single letters or between digits.
                let prev_digit = at > 0 && b[at - 1].is_ascii_digit();
                let next = after.chars().next();
                (prev_digit && next.is_some_and(|n| n.is_ascii_digit()))
                    || (seg_len == 1 && next_alnum() && {
                        let n2 = after.chars().nth(1);
                        n2.is_none_or(|c| !c.is_alphanumeric())
                    })
            }
            ',' => {
                at > 0 && b[at - 1].is_ascii_digit() && {
                    let rest = after.as_bytes();
                    rest.len() >= 3
                        && rest[..3].iter().all(u8::is_ascii_digit)
                        && rest.get(3).is_none_or(|c| !c.is_ascii_digit())
                }
            }
            _ => false,
        };
        if !joins {
            // The closing dot of "U.S." belongs to the abbreviation.
            if c == '.' && dotted && seg_len == 1 {
                end = at + 1;
            }
            break;
        }
        if c == '.' {
            if !b[at - 1].is_ascii_digit() {
                dotted = true;
            }
            seg_len = 0;
        } else {
            seg_len += 1;
        }
        end = at + c.len_utf8();
    }
    end
}

/// Whether `c` counts as a word of its own: a Han ideograph (CJK Unified Ideographs, their
/// extension A, the supplementary planes' extensions, compatibility ideographs) or Hiragana,
/// around each of which Unicode's word boundaries (UAX #29) fall. Chinese and Japanese are
/// written without spaces, so the tokenizer keeps a run of them as one token (a clause; one
/// token per character doubled the memory of an 8 MiB Chinese text, 53 to 133 MiB), and what
/// counts words counts these characters instead: sentence kinds, summary candidates and
/// lengths ([`super::Document::words_in`]), and the summary's terms. Taken whole, a clause
/// was one word: every line of a Chinese blog was a heading, the summary was its exclamations
/// in Latin letters ("cool!"), and every keyword a clause. (Katakana runs stay one word, as in
/// UAX #29: they spell loanwords and names.)
pub(crate) fn is_one_char_word(c: char) -> bool {
    matches!(
        c,
        '\u{3040}'..='\u{309F}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}

/// The shape of a word from its letters, each as (is uppercase), in order.
fn shape_from(letters: impl Iterator<Item = bool>) -> Shape {
    let (mut count, mut upper) = (0usize, 0usize);
    let mut first_upper = None;
    for is_upper in letters {
        count += 1;
        upper += usize::from(is_upper);
        first_upper.get_or_insert(is_upper);
    }
    match first_upper {
        None => Shape::Other,
        Some(_) if count >= 2 && upper == count => Shape::Upper,
        Some(true) => Shape::Capitalized,
        Some(false) => Shape::Lower,
    }
}

/// [`shape_of`] for an ASCII word, byte by byte.
fn ascii_shape(word: &[u8]) -> Shape {
    shape_from(
        word.iter()
            .filter(|c| c.is_ascii_alphabetic())
            .map(u8::is_ascii_uppercase),
    )
}

fn shape_of(word: &str) -> Shape {
    shape_from(
        word.chars()
            .filter(|c| c.is_alphabetic())
            .map(char::is_uppercase),
    )
}

/// Length in bytes of a web address (`https://…`, `www.…`, `pic.twitter.com/…`), `@handle` or
/// `#hashtag` at the start of `s`, if one starts there. An address runs to the next space or
/// character that cannot be in one (non-ASCII included: "…/P2qpm3h3Pm—Apple"), less trailing
/// punctuation ("see https://example.com."). A hashtag starts with a letter ("#1" is a
/// number).
fn symbol_len(s: &[u8]) -> Option<usize> {
    // Called at every token start: the first two bytes rule out almost every word before any
    // prefix is compared (`| 0x20` lowercases an ASCII letter).
    let second = s.get(1).map_or(0, |n| n | 0x20);
    let may_start = match s.first()? {
        b'@' | b'#' => true,
        b'h' | b'H' => second == b't',
        b'w' | b'W' => second == b'w',
        b'p' => second == b'i',
        _ => false,
    };
    if !may_start {
        return None;
    }
    if let [b'@' | b'#', first, ..] = s {
        if !(first.is_ascii_alphabetic() || *first == b'_') {
            return None;
        }
        let name = s[1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_');
        return Some(1 + name.count());
    }
    let prefix = [&b"http://"[..], b"https://", b"www.", b"pic.twitter.com/"]
        .into_iter()
        .find(|p| s.len() > p.len() && s[..p.len()].eq_ignore_ascii_case(p))?;
    let run = s
        .iter()
        .take_while(|&&b| b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'"'))
        .count();
    let trailing = s[..run]
        .iter()
        .rev()
        .take_while(|b| b".,;:!?')]".contains(b))
        .count();
    // A scheme or "www." with nothing after it is no address.
    Some(run - trailing).filter(|&len| len > prefix.len())
}

/// Length in bytes of an HTML tag or comment at the start of `s`, if it is one.
pub(crate) fn html_tag_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('<')?;
    let first = rest.chars().next()?;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    // A tag is short and closes before any other '<'.
    let mut cut = s.len().min(512);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let window = &s[..cut];
    let close = window.find('>')?;
    if window[1..close].contains('<') || window[..close].contains('\n') && first != '!' {
        return None;
    }
    // Script and style bodies are code, not text: skip to the closing tag (if one comes
    // before the next opening of the same element).
    for name in ["script", "style"] {
        let opens = window
            .get(1..1 + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name));
        if opens {
            if let Some(end) = s.get(close..).and_then(|rest| closing_tag(rest, name)) {
                return Some(close + end);
            }
        }
    }
    Some(close + 1)
}

/// The end of the first `</name>` in `body`, or `None` when there is none before the next
/// opening `<name` (any case). Stopping there means the searches from successive unclosed
/// openings read separate stretches of the text, so it is read once in all rather than once
/// per opening: with no bound, 320 KB of `<script>x ` took 4.3 s, four times more per doubling.
fn closing_tag(body: &str, name: &str) -> Option<usize> {
    let name = name.as_bytes();
    let bytes = body.as_bytes();
    for (i, _) in body.match_indices('<') {
        let tag = &bytes[i + 1..];
        if let Some(rest) = tag.strip_prefix(b"/").and_then(|t| t.strip_prefix(name)) {
            if rest.first() == Some(&b'>') {
                return Some(i + name.len() + 3);
            }
        } else if tag
            .get(..name.len())
            .is_some_and(|t| t.eq_ignore_ascii_case(name))
        {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut v = Vocab::default();
        Tokenizer::new(Some(Lang::English)).tokenize(s, 0..s.len(), &mut out, &mut v);
        out.iter().map(|t| s[t.start..t.end].to_string()).collect()
    }

    #[test]
    fn token_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Russia's plan", &["Russia", "'s", "plan"]),
            ("Russia’s plan", &["Russia", "’s", "plan"]),
            ("the U.S. said", &["the", "U.S.", "said"]),
            ("US-Russia talks", &["US", "-", "Russia", "talks"]),
            (
                "3.5 per cent, 1,000 troops",
                &["3.5", "per", "cent", ",", "1,000", "troops"],
            ),
            ("don't stop", &["don't", "stop"]),
            ("at 9 a.m. today", &["at", "9", "a.m.", "today"]),
            ("<p>Hello <b>world</b></p>", &["Hello", "world"]),
            // Script and style bodies are skipped up to their closing tag, an unclosed one
            // only up to the next opening of the same element.
            ("a <script>x = 1;</script> b", &["a", "b"]),
            ("a <STYLE>p {}</style> b", &["a", "b"]),
            ("a <script>x</script > b", &["a", "x", "b"]),
            ("a <script>x <Script>y</script> b", &["a", "x", "b"]),
            ("a <style>x <script>y</script> b</style> c", &["a", "c"]),
            ("1 < 2 > 0", &["1", "<", "2", ">", "0"]),
            ("emoji 🚀 ok", &["emoji", "🚀", "ok"]),
            ("Moscow, Russia.", &["Moscow", ",", "Russia", "."]),
            ("A. Smith, 2,000.", &["A", ".", "Smith", ",", "2,000", "."]),
            ("in 2007. Then", &["in", "2007", ".", "Then"]),
            ("the U.S., Iran", &["the", "U.S.", ",", "Iran"]),
            // Embedded posts: handles, hashtags and addresses are single tokens.
            ("on Twitter @NolteNC.", &["on", "Twitter", "@NolteNC", "."]),
            ("#Trump2016 rally", &["#Trump2016", "rally"]),
            ("(@jeff_poor) June", &["(", "@jeff_poor", ")", "June"]),
            (
                "see https://t.co/hbaWqfjJcp.",
                &["see", "https://t.co/hbaWqfjJcp", "."],
            ),
            (
                "pic.twitter.com/P2qpm3h3Pm— Apple",
                &["pic.twitter.com/P2qpm3h3Pm", "—", "Apple"],
            ),
            (
                "at www.bbc.co.uk/news, then",
                &["at", "www.bbc.co.uk/news", ",", "then"],
            ),
            // Not handles, hashtags or addresses.
            (
                "mail jo@example.com",
                &["mail", "jo", "@", "example", ".", "com"],
            ),
            (
                "#1 seed, C# code",
                &["#", "1", "seed", ",", "C", "#", "code"],
            ),
            (
                "@ 5 http:// www.",
                &["@", "5", "http", ":", "/", "/", "www", "."],
            ),
            ("who picked", &["who", "picked"]),
        ];
        for (input, expected) in cases {
            assert_eq!(&toks(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn ascii_shape_is_shape_of() {
        let alphabet = ["a", "Z", "1", ".", "'", "b", "C"];
        let mut words = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for w in &words {
            assert_eq!(ascii_shape(w.as_bytes()), shape_of(w), "{w:?}");
        }
    }

    #[test]
    fn shapes_stems_and_stopwords() {
        let s = "The US missiles";
        let mut out = Vec::new();
        let mut v = Vocab::default();
        Tokenizer::new(Some(Lang::English)).tokenize(s, 0..s.len(), &mut out, &mut v);
        assert_eq!(out[0].shape, Shape::Capitalized);
        assert!(out[0].stop);
        assert_eq!(out[1].shape, Shape::Upper);
        assert!(!out[1].stop, "US in capitals is a name");
        assert_eq!(v.get(out[2].stem), "missil");
    }
}
