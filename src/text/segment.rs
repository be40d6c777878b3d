//! Paragraph and sentence boundaries, in small numbered stages:
//!
//! 1. paragraphs: blank lines always separate; a single line break separates unless the line
//!    reads as hard-wrapped running text;
//! 2. sentence candidates: runs of `.`, `!`, `?`, `…` followed by closing quotes or brackets
//!    and whitespace;
//! 3. vetoes: the next word starts in lowercase, even after a quote mark (`us? 'she asked`);
//!    a title (`Mr.`), an initial (`J.`), an abbreviation (`U.S.`, `a.m.`, `Inc.`) unless the
//!    next word opens a sentence; an ellipsis inside a quotation (double or single quotes); a
//!    question or exclamation quoted inside a sentence that goes on after it; a list number;
//! 4. classification: headline, heading, boilerplate or body.

use super::tokens::html_tag_len;
use crate::model::SentenceKind;
use crate::util::{words, Words};
use std::ops::Range;

/// Titles and honorifics that never end a sentence.
const TITLES: Words = words![
    "adm", "brig", "capt", "cdr", "cmdr", "col", "cpl", "det", "dr", "fr", "gen", "gov", "hon",
    "insp", "lt", "maj", "messrs", "mme", "mlle", "mr", "mrs", "ms", "mt", "pres", "prof", "pte",
    "rep", "rev", "sen", "sgt", "st", "supt",
];

/// Abbreviations that end a sentence only when a sentence-opening word follows.
const WEAK_ABBREVIATIONS: Words = words![
    "al", "approx", "apr", "aug", "ave", "bros", "co", "corp", "dec", "dept", "est", "etc", "feb",
    "fig", "inc", "jan", "jr", "jul", "jun", "ltd", "mar", "no", "nos", "nov", "oct", "plc", "sep",
    "sept", "sr", "univ", "vol", "vs",
];

/// A line longer than this without final punctuation is taken as hard-wrapped text.
const WRAPPED_LINE_CHARS: usize = 60;

/// Stage 1: paragraph byte spans, trimmed, never empty.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut cur: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(cur.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = start + lead..start + lead + trimmed.len();
        cur = match cur.take() {
            Some(prev) if continues(&text[prev.clone()], trimmed) => Some(prev.start..span.end),
            Some(prev) => {
                out.push(prev);
                Some(span)
            }
            None => Some(span),
        };
    }
    out.extend(cur);
    out
}

/// Whether `next` continues the paragraph `prev` across a single line break.
fn continues(prev: &str, next: &str) -> bool {
    let last_line = prev.rsplit('\n').next().unwrap_or(prev).trim();
    if ends_sentence(last_line) || is_bullet(next) {
        return false;
    }
    let next_lower = next.chars().next().is_some_and(char::is_lowercase);
    next_lower || last_line.chars().count() > WRAPPED_LINE_CHARS
}

fn is_bullet(line: &str) -> bool {
    let mut chars = line.chars();
    match chars.next() {
        Some('-' | '*' | '•' | '–' | '—' | '·') => {
            chars.next().is_some_and(char::is_whitespace)
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with(". ") || rest.starts_with(") ")
        }
        _ => false,
    }
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '›')
}

fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '‘' | '\'' | '(' | '[' | '«' | '‹' | '¿' | '¡'
    )
}

/// Whether a line ends with final punctuation (possibly inside closing quotes).
pub fn ends_sentence(s: &str) -> bool {
    let mut s = s.trim_end();
    // Trailing HTML tags ("approved.</p>") do not hide the full stop.
    while let Some(open) = s.ends_with('>').then(|| s.rfind('<')).flatten() {
        if html_tag_len(&s[open..]) != Some(s.len() - open) {
            break;
        }
        s = s[..open].trim_end();
    }
    s.trim_end_matches(is_closer)
        .chars()
        .next_back()
        .is_some_and(is_terminal)
}

/// Stages 2 and 3: sentence byte spans of one paragraph. `is_starter` tells whether a word
/// commonly opens a sentence (a capitalised stopword such as "The" or "He").
///
/// The scan walks byte offsets and decodes the character at each, rather than indexing a
/// table of `(offset, char)`: that table cost 8 bytes of wasm memory per character, 64 MiB
/// for a paragraph of 8 MiB.
pub fn sentences(
    text: &str,
    para: Range<usize>,
    is_starter: &dyn Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let p = &text[para.clone()];
    let n = p.len();
    let mut out = Vec::new();
    let mut start = 0usize;
    let mut quote = Quote::default();
    let mut i = 0;
    while i < n {
        let c = char_at(p, i);
        if !is_terminal(c) {
            // Only quotation marks change the quote state; the neighbours are looked at then.
            if matches!(c, '"' | '“' | '«' | '\'' | '‘' | '’' | '”' | '»') {
                let prev = p[..i].chars().next_back();
                let next = p[i + c.len_utf8()..].chars().next();
                quote.step(c, prev, next, i);
            }
            i += c.len_utf8();
            continue;
        }
        let j = skip(p, i, is_terminal);
        let (k, tagged) = closers_and_tags(p, j, &mut quote);
        if k >= n {
            break; // the paragraph end closes the sentence anyway
        }
        if !char_at(p, k).is_whitespace() && !tagged {
            i = k.max(after(p, i));
            continue;
        }
        let m = skip(p, k, char::is_whitespace);
        if m >= n {
            break;
        }
        let run = &p[i..j];
        // A question or exclamation quoted inside a sentence ("the sign reads, 'Looking for a
        // date? Would you date a single father?'") does not end it when the quotation closes
        // at the next stop: the framing sentence goes on. A full stop inside the quotation
        // keeps splitting, as long quotations after a colon are several sentences.
        let quoted_question =
            k == j && !run.contains('.') && quote.opened_after(start) && quote_closes_ahead(p, m);
        if !quoted_question
            && is_boundary(
                run,
                word_before(p, i),
                &p[start..i],
                &p[m..],
                word_at(p, m),
                quote.open(),
                is_starter,
            )
        {
            out.push(para.start + start..para.start + k);
            start = m;
            quote = Quote::default();
        }
        i = m;
    }
    if start < n {
        out.push(para.start + start..para.end);
    }
    if out.iter().any(|r| r.len() > MAX_SENTENCE_BYTES) {
        out = out.into_iter().flat_map(|r| cut_long(text, r)).collect();
    }
    out
}

/// The longest sentence kept whole, in bytes: some 330 words. The longest sentence of the
/// 2,225 BBC development articles is 1,063 bytes; of the 130 web pages, 2,537 (a block of
/// SQL). Text that goes on longer without a full stop (a list run together, code, hostile
/// input) is cut at the last space before this many bytes: a reader cannot take it in as one
/// sentence of a summary or as a row's evidence, and the positions table quotes a row's
/// sentence as its evidence, so an 8 MiB "sentence" took 100 MB of memory there.
pub const MAX_SENTENCE_BYTES: usize = 2 * 1024;

/// `span` of `text` in pieces of at most [`MAX_SENTENCE_BYTES`], each cut after its last
/// whitespace (at a character boundary when it has none), the whitespace left out.
fn cut_long(text: &str, span: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = match text[start..limit].rfind(char::is_whitespace) {
            Some(i) if i > 0 => start + i,
            _ => limit,
        };
        pieces.push(start..cut);
        start = cut + text[cut..span.end].len() - text[cut..span.end].trim_start().len();
    }
    if start < span.end {
        pieces.push(start..span.end);
    }
    pieces
}

/// The end of what closes a stop at byte `j` of `p`: closing quotes and brackets (`quote`
/// notes the quotes), then HTML tags pasted with the text, which belong to the sentence and
/// count as a separator ("approved.</p><p>Next"); and whether there were tags.
fn closers_and_tags(p: &str, j: usize, quote: &mut Quote) -> (usize, bool) {
    let n = p.len();
    let mut k = j;
    while k < n && is_closer(char_at(p, k)) {
        quote.close(char_at(p, k));
        k = after(p, k);
    }
    let mut tagged = false;
    while k < n && char_at(p, k) == '<' {
        let Some(len) = html_tag_len(&p[k..]) else {
            break;
        };
        let stop = k + len;
        while k < n && k < stop {
            k = after(p, k);
        }
        tagged = true;
    }
    (k, tagged)
}

/// The character at byte `i` of `p` (a char boundary), or NUL past the end.
fn char_at(p: &str, i: usize) -> char {
    p.get(i..).and_then(|t| t.chars().next()).unwrap_or('\0')
}

/// The byte offset after the character at byte `i` of `p`.
fn after(p: &str, i: usize) -> usize {
    i + char_at(p, i).len_utf8()
}

/// The byte offset of the first character from byte `i` of `p` that is not `what`.
fn skip(p: &str, mut i: usize, what: impl Fn(char) -> bool) -> usize {
    while i < p.len() && what(char_at(p, i)) {
        i = after(p, i);
    }
    i
}

/// The quotation open at the scan position, if any. Double quotes are unambiguous; a single
/// quote (the DailyMail style, 'like this,' he said) shares its character with the apostrophe,
/// so it opens only at the start of a word and closes only at the end of one: "don't",
/// "Harry's" and "the players' union" outside a quotation change nothing.
#[derive(Default)]
struct Quote {
    double: bool,
    single: bool,
    /// Byte offset of the opening mark of the innermost open quotation.
    opened: Option<usize>,
}

impl Quote {
    /// Updates the state for character `c` at byte `at`, between `prev` and `next`.
    fn step(&mut self, c: char, prev: Option<char>, next: Option<char>, at: usize) {
        let word_before = prev.is_some_and(|p| !p.is_whitespace() && !is_opener(p));
        let word_after = next.is_some_and(char::is_alphanumeric);
        match c {
            '"' if self.double => self.close(c),
            '"' | '“' | '«' => {
                self.double = true;
                self.opened = Some(at);
            }
            '\'' | '‘' if !self.single && !word_before && word_after => {
                self.single = true;
                self.opened = Some(at);
            }
            '\'' | '’' if self.single && word_before && !word_after => self.close(c),
            '”' | '»' => self.close(c),
            _ => {}
        }
    }

    /// Closes the quotation that `c` ends, if `c` is a closing quote mark.
    fn close(&mut self, c: char) {
        match c {
            '"' | '”' | '»' => self.double = false,
            '\'' | '’' | '›' => self.single = false,
            _ => return,
        }
        if !self.double && !self.single {
            self.opened = None;
        }
    }

    fn open(&self) -> bool {
        self.double || self.single
    }

    /// Whether an open quotation began inside the sentence that starts at byte `start`, after
    /// some framing words, rather than opening the sentence itself.
    fn opened_after(&self, start: usize) -> bool {
        self.opened.is_some_and(|byte| byte > start)
    }
}

/// How far [`quote_closes_ahead`] looks, in chars: a quoted question is short, and the bound
/// keeps segmentation linear on pathological input.
const QUOTE_LOOKAHEAD: usize = 300;

/// Whether the quotation open at byte `from` of `p` closes at the end of a question or
/// exclamation before any full stop: a terminal run directly followed by a closing quote mark.
fn quote_closes_ahead(p: &str, from: usize) -> bool {
    let mut i = from;
    let mut seen = 0;
    while i < p.len() && seen < QUOTE_LOOKAHEAD {
        if !is_terminal(char_at(p, i)) {
            i = after(p, i);
            seen += 1;
            continue;
        }
        let mut full_stop = false;
        while i < p.len() && is_terminal(char_at(p, i)) {
            full_stop |= matches!(char_at(p, i), '.' | '…');
            i = after(p, i);
            seen += 1;
        }
        match p[i..].chars().next() {
            Some('"' | '”' | '»' | '\'' | '’' | '›') => return true,
            Some(c) if full_stop && c.is_whitespace() => return false,
            _ => {}
        }
    }
    false
}

/// The word (letters, digits, dots, apostrophes) ending at byte `at` of `p`.
fn word_before(p: &str, at: usize) -> &str {
    let head = &p[..at];
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[from..]
}

/// The word starting at byte `at` of `p`, skipping opening quotes and brackets.
fn word_at(p: &str, at: usize) -> &str {
    let tail = p[at..].trim_start_matches(is_opener);
    let len = tail
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(tail.len(), |(i, _)| i);
    &tail[..len]
}

/// Whether the terminal `run` ends a sentence; `next` is the text after the whitespace.
fn is_boundary(
    run: &str,
    before: &str,
    sentence_so_far: &str,
    next: &str,
    next_word: &str,
    in_quote: bool,
    is_starter: &dyn Fn(&str) -> bool,
) -> bool {
    // A sentence starts with a letter, a digit, an opening quote or bracket; not with a
    // hashtag, handle, comma or dash ("did you miss the coach? #RubberDub").
    let Some(next_char) = next.chars().next() else {
        return false;
    };
    if next_char.is_lowercase() || !(next_char.is_alphanumeric() || is_opener(next_char)) {
        return false;
    }
    // Nor with a quote mark before a lowercase word or punctuation: that mark closes the
    // quotation just ended, detached by a space ("to us? 'she asked.", "'robber! '.").
    let after_openers = next.trim_start_matches(is_opener).chars().next();
    if after_openers
        .is_some_and(|c| c.is_lowercase() || !(c.is_alphanumeric() || c.is_whitespace()))
    {
        return false;
    }
    let ellipsis = run.contains('…') || run.contains("..");
    if ellipsis {
        return !in_quote;
    }
    if run != "." {
        return true;
    }
    let word = before.trim_start_matches(&['\'', '’', '.'][..]);
    if word.is_empty() {
        return true;
    }
    if is_one_of(word, TITLES) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "Robert M. Gates"
    }
    if word.chars().all(|c| c.is_ascii_digit()) && sentence_so_far.trim() == word {
        return false; // a list number: "1. First point"
    }
    if word.contains('.') || is_one_of(word, WEAK_ABBREVIATIONS) {
        return is_starter(next_word);
    }
    true
}

/// Whether `word` lowercased is in `list` (of lowercase ASCII words); without allocating
/// when `word` is ASCII, which is all but always.
fn is_one_of(word: &str, list: Words) -> bool {
    if word.is_ascii() {
        list.iter().any(|w| w.eq_ignore_ascii_case(word))
    } else {
        list.contains(&crate::case::lowercase(word))
    }
}

/// Number of whitespace-separated words, as `s.split_whitespace().count()`, counted up to
/// `cap` (classification never asks beyond a few dozen words).
fn count_words(s: &str, cap: usize) -> usize {
    let (mut n, mut in_word) = (0, false);
    let mut step = |space: bool| {
        n += usize::from(!space && !in_word);
        in_word = !space;
        n >= cap
    };
    if s.is_ascii() {
        // `char::is_whitespace` on ASCII: tab to carriage return, and space.
        for &b in s.as_bytes() {
            if step(matches!(b, b'\t'..=b'\r' | b' ')) {
                break;
            }
        }
    } else {
        for c in s.chars() {
            // A Han ideograph or Hiragana counts as a word of its own (`is_one_char_word`):
            // Chinese and Japanese lines have no spaces to count.
            let full = if super::tokens::is_one_char_word(c) {
                // As a space, a word, then a space again.
                step(true);
                let full = step(false);
                step(true);
                full
            } else {
                step(c.is_whitespace())
            };
            if full {
                break;
            }
        }
    }
    n
}

/// Stage 4: what kind of sentence this is. `index` is its position in paragraph `para`, which
/// has `count` sentences; `tokens` is its token count.
pub fn classify(
    sentence: &str,
    para: usize,
    index: usize,
    count: usize,
    tokens: usize,
) -> SentenceKind {
    // The largest word count asked below is 30.
    let words = count_words(sentence, 31);
    let unpunctuated = count == 1 && !ends_sentence(sentence) && !sentence.ends_with(':');
    // Disclosures and pleas ("We use affiliate links ...") are furniture at any length; the
    // byte test first, since most sentences hold none of their words.
    if contains_ci_hint(sentence) {
        let lower = crate::case::lowercase(sentence);
        if disclosure_phrases().any(|p| contains(&lower, p)) {
            return SentenceKind::Boilerplate;
        }
    }
    // Boilerplate is short: most sentences are not lowercased at all.
    if words <= 12 {
        let lower = crate::case::lowercase(sentence);
        if boilerplate_phrases().any(|p| contains(&lower, p)) {
            return SentenceKind::Boilerplate;
        }
        if lower.starts_with("by ") && words <= 6 && unpunctuated {
            return SentenceKind::Boilerplate; // a byline
        }
    }
    if unpunctuated && para == 0 && index == 0 && words <= 30 && tokens > 0 {
        return SentenceKind::Headline;
    }
    if unpunctuated && words <= 15 {
        return SentenceKind::Heading;
    }
    SentenceKind::Body
}

fn disclosure_phrases() -> impl Iterator<Item = &'static str> {
    include_str!("../../data/disclosures.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Whether `sentence` may hold a disclosure phrase: each phrase holds one of these words
/// (without their first letter, so either case matches), and the sentence is lowercased only
/// then.
fn contains_ci_hint(sentence: &str) -> bool {
    const HINTS: Words = words![
        "ffiliate",
        "ommission",
        "e may earn",
        "ponsored",
        "artnership",
        "ewsletter",
        "ournalism",
        "igital access",
        "redit",
    ];
    HINTS.iter().any(|h| contains(sentence, h))
}

fn boilerplate_phrases() -> impl Iterator<Item = &'static str> {
    include_str!("../../data/boilerplate.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// `hay.contains(needle)` by a plain scan: the haystacks here are short lines, where setting
/// up the standard two-way search for each of the phrases cost more than the search.
fn contains(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    hay.iter()
        .enumerate()
        .any(|(i, &b)| b == first && hay[i + 1..].starts_with(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_words_is_split_whitespace_capped() {
        let cases = [
            "",
            "one",
            "  two  words ",
            "tab\tvertical\x0bform\x0cfeed\rreturn\nline",
            "no\u{a0}break\u{2003}em\u{3000}ideographic",
            "émigré café",
            "a b c d e f g h i j k l m n o p",
        ];
        for s in cases {
            for cap in [1, 3, 31] {
                let want = s.split_whitespace().count().min(cap);
                assert_eq!(count_words(s, cap), want, "{s:?} cap {cap}");
            }
        }
        // Han and Hiragana characters count as a word each.
        assert_eq!(count_words("楓紅期間入園費 $50元", 31), 9);
        assert_eq!(count_words("東京へ行きます", 31), 7);
        assert_eq!(count_words("カタカナ word", 31), 2);
        assert_eq!(count_words("楓紅期間入園費", 3), 3);
    }

    fn split(text: &str) -> Vec<&str> {
        let starter = |w: &str| {
            matches!(
                w,
                "The" | "He" | "She" | "It" | "They" | "We" | "But" | "In" | "A"
            )
        };
        paragraphs(text)
            .into_iter()
            .flat_map(|p| sentences(text, p, &starter))
            .map(|r| &text[r])
            .collect()
    }

    /// Text that runs on without a full stop is cut into sentences of at most
    /// [`MAX_SENTENCE_BYTES`]: after a space where there is one, and at a character boundary
    /// inside a word that long. Nothing is lost but the spaces at the cuts.
    #[test]
    fn a_run_on_text_is_cut_into_bounded_sentences() {
        // "the talks went on and on" 200 times: 4,999 bytes, no full stop.
        let words = vec!["the talks went on and on"; 200].join(" ");
        let pieces = split(&words);
        let lengths: Vec<usize> = pieces.iter().map(|p| p.len()).collect();
        assert_eq!(lengths, [2046, 2045, 906]);
        assert_eq!(pieces.join(" "), words);
        // Cut after a space: a piece ends with a whole word, the next starts with one.
        assert!(pieces[0].ends_with(" on and"));
        assert!(pieces[1].starts_with("on the talks"));
        // One 4,000-byte word of two-byte letters: cut at a character boundary.
        let word = "é".repeat(2_000);
        let pieces = split(&word);
        assert_eq!(
            pieces.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [2048, 1952]
        );
        assert_eq!(pieces.concat(), word);
        // A sentence under the bound, and the paragraph around it, are untouched.
        let under = format!("{}.", vec!["the talks went on and on"; 80].join(" "));
        assert_eq!(under.len(), 2000);
        let short = format!("{under} Then it stopped.");
        assert_eq!(split(&short), [under.as_str(), "Then it stopped."]);
    }

    /// Hard cases, each with the exact split expected.
    #[test]
    fn sentence_boundaries_table() {
        let cases: &[(&str, &[&str])] = &[
            ("Mr Putin spoke. Ms Rice replied.", &["Mr Putin spoke.", "Ms Rice replied."]),
            ("Mr. Smith met Dr. Jones. They talked.", &["Mr. Smith met Dr. Jones.", "They talked."]),
            ("It reached the U.S. Army base. Then it left.", &["It reached the U.S. Army base.", "Then it left."]),
            ("He moved to the U.S. The move was quick.", &["He moved to the U.S.", "The move was quick."]),
            ("Robert M. Gates said so. Others agreed.", &["Robert M. Gates said so.", "Others agreed."]),
            ("Growth was 3.5 per cent. Rates rose.", &["Growth was 3.5 per cent.", "Rates rose."]),
            ("They met at 9 a.m. on Monday. It ended.", &["They met at 9 a.m. on Monday.", "It ended."]),
            ("Apple Inc. said profits rose. But shares fell.", &["Apple Inc. said profits rose.", "But shares fell."]),
            ("\"We will go,\" she said. \"Now.\" He left.", &["\"We will go,\" she said.", "\"Now.\"", "He left."]),
            ("\"Is it over?\" he asked. Nobody knew.", &["\"Is it over?\" he asked.", "Nobody knew."]),
            ("\"We will work ... We believe we can,\" Ms Rice said.", &["\"We will work ... We believe we can,\" Ms Rice said."]),
            ("It was over... Then came news.", &["It was over...", "Then came news."]),
            ("He said: The thing we did not agree is this.\" Then he left.", &["He said: The thing we did not agree is this.\"", "Then he left."]),
            ("Live at No. 10 Downing Street. Yes.", &["Live at No. 10 Downing Street.", "Yes."]),
            ("Putin on the attack\n\nClick to follow\n\nThe Russian President spoke.", &["Putin on the attack", "Click to follow", "The Russian President spoke."]),
            ("Headline without stop\nBody text starts here. Second one.", &["Headline without stop", "Body text starts here.", "Second one."]),
            ("- first item\n- second item", &["- first item", "- second item"]),
            ("1. Point one is this.\n2. Point two.", &["1. Point one is this.", "2. Point two."]),
            ("no punctuation at all in this text", &["no punctuation at all in this text"]),
            // Single quotes (DailyMail style) are quotations, not only apostrophes.
            ("'Wanted: a wife, must love pets... Accommodation available,' it reads. He waits.", &["'Wanted: a wife, must love pets... Accommodation available,' it reads.", "He waits."]),
            ("It was Harry's... Then came news.", &["It was Harry's...", "Then came news."]),
            ("The players' union agreed... Then it left.", &["The players' union agreed...", "Then it left."]),
            // A question quoted inside a sentence does not end it when the quotation closes.
            ("His sign reads, 'Looking for a date? Would you date a single father?' It worked.", &["His sign reads, 'Looking for a date? Would you date a single father?'", "It worked."]),
            ("They shouted, \"Stop! Stop now!\" The car stopped.", &["They shouted, \"Stop! Stop now!\"", "The car stopped."]),
            ("He wrote: \"Ascent successful. Rocket landed.\" Later he clarified.", &["He wrote: \"Ascent successful.", "Rocket landed.\"", "Later he clarified."]),
            ("'Is it over? We hope so,' she said.", &["'Is it over?", "We hope so,' she said."]),
            ("He asked, 'Who is there? It is late. Go home,' she said.", &["He asked, 'Who is there?", "It is late.", "Go home,' she said."]),
            // A quote mark detached by a space closes the quotation that just ended.
            ("'Why are they doing this to us? 'she asked. Nobody knew.", &["'Why are they doing this to us? 'she asked.", "Nobody knew."]),
            ("She ran out screaming 'robber! '. The man fled.", &["She ran out screaming 'robber! '.", "The man fled."]),
            ("It sold out in the '80s. Then it closed.", &["It sold out in the '80s.", "Then it closed."]),
            ("Wrapped lines of running text that go on for more than sixty characters\nContinue here. Done.", &["Wrapped lines of running text that go on for more than sixty characters\nContinue here.", "Done."]),
        ];
        for (text, expected) in cases {
            assert_eq!(&split(text), expected, "input: {text:?}");
        }
    }

    #[test]
    fn plain_contains_agrees_with_the_standard_one() {
        let hays = [
            "",
            "a",
            "click here",
            "please click to follow us",
            "unsubscribe now",
            "ééclick here",
            "clic",
            "share on x",
            "read mor",
        ];
        let extra = ["", "é", "ck", "x", "here", "read more"];
        for h in hays {
            for p in boilerplate_phrases().chain(extra) {
                assert_eq!(contains(h, p), h.contains(p), "{h:?} {p:?}");
            }
        }
    }

    #[test]
    fn classifies_headline_boilerplate_and_byline() {
        assert_eq!(
            classify("Putin on the attack over US missile defence", 0, 0, 1, 8),
            SentenceKind::Headline
        );
        assert_eq!(
            classify("Click to follow", 1, 0, 1, 3),
            SentenceKind::Boilerplate
        );
        assert_eq!(
            classify("By Rupert Cornwell", 1, 0, 1, 3),
            SentenceKind::Boilerplate
        );
        assert_eq!(classify("The talks", 3, 0, 1, 2), SentenceKind::Heading);
        assert_eq!(
            classify("He spoke at length.", 3, 0, 1, 4),
            SentenceKind::Body
        );
    }
}
