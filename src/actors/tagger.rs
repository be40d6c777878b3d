//! The learned name tagger: decides, token by token and from context, which words are part of
//! a person's, organisation's, place's or other (MISC) name, so that spans and types are decided
//! together rather than by rules on runs of capitals.
//!
//! An averaged perceptron (Collins 2002) over hashed features, decoded greedily left to right
//! with the two previous labels as features (IO labels: a name is a run of tokens with the same
//! label). The features are the usual ones for news NER: the word and its neighbours, affixes,
//! word shapes, position in the sentence, lexicon and gazetteer hits (as evidence, not
//! verdicts) and two document facts (the word is also written in lowercase elsewhere; it is
//! written capitalised mid-sentence elsewhere). Weights are trained by `pith train tagger` on
//! CoNLL-2003 and GUM (see [`super::tagger_weights`]); training calls [`Features`], the same
//! code that analysis uses, so the two cannot drift apart.
//!
//! Each token's label comes with its probability (a softmax of the scores, with a temperature
//! fitted on development data), from which names and actors get their confidence.

use crate::lexicon::{word, Lexicon};
use crate::model::SentenceKind;
use crate::text::{Document, Shape, TokenKind};

use super::tagger_weights::{CHECK, ROWS, SCALE, TEMPERATURE, WEIGHTS};

/// Labels, in weight order. A token outside any name is `O`.
pub const LABELS: [&str; 5] = ["O", "PER", "ORG", "LOC", "MISC"];
/// The outside label's index.
pub const O: usize = 0;
/// Number of labels.
pub const N: usize = LABELS.len();

// Generated weights must match the bucket count they declare: indexing relies on it.
const _: () = assert!(WEIGHTS.len() == ROWS * N && CHECK.len() * 8 == ROWS * CHECK_BITS);

/// One name found by the tagger, in token coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tagged {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Index into [`LABELS`] (never [`O`]).
    pub label: usize,
    /// The probability of the span's label, averaged over its tokens, in `[0, 1]`.
    pub prob: f32,
}

/// murmur3's 32-bit finaliser: feature hashes combine template ids and word hashes through it,
/// so they are stable across platforms and releases (the weights depend on them).
const fn mix(mut h: u32) -> u32 {
    h ^= h >> 16;
    h = h.wrapping_mul(0x85eb_ca6b);
    h ^= h >> 13;
    h = h.wrapping_mul(0xc2b2_ae35);
    h ^ (h >> 16)
}

/// 32-bit FNV-1a of a string.
fn fnv(s: &str) -> u32 {
    let mut h = 0x811c_9dc5u32;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The feature `template` with value `v`.
fn feat(template: u32, v: u32) -> u32 {
    feat_mixed(template, mix(v))
}

/// The feature `template` with a value already passed through [`mix`]: words and affixes are
/// mixed once per document rather than once per feature (a word is read as five tokens' context).
fn feat_mixed(template: u32, mixed: u32) -> u32 {
    mix(template.wrapping_mul(0x9e37_79b9) ^ mixed)
}

/// The feature every token has (template 0, value 0), the label's prior.
const BIAS: u32 = mix(mix(0));

/// What [`Facts::word`] reads before and after the sentence, mixed.
const OUTSIDE_WORDS: [u32; 2] = [mix(1), mix(2)];

/// The last `k` characters of `w` (all of it when shorter).
fn suffix(w: &str, k: usize) -> &str {
    if w.is_ascii() {
        return &w[w.len().saturating_sub(k)..];
    }
    &w[w.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)..]
}

/// The first `k` characters of `w` (all of it when shorter).
fn prefix(w: &str, k: usize) -> &str {
    if w.is_ascii() {
        return &w[..k.min(w.len())];
    }
    &w[..w.char_indices().nth(k).map_or(w.len(), |(i, _)| i)]
}

/// A word's written shape, coarsely: letters by case, digits, punctuation classes.
fn shape_class(doc: &Document, i: usize) -> u8 {
    let t = &doc.tokens[i];
    let text = doc.token_text(t);
    match t.kind {
        TokenKind::Number => 1,
        TokenKind::Punct => match text {
            "," => 2,
            "." => 3,
            "(" | ")" | "[" | "]" => 4,
            "\"" | "'" | "“" | "”" | "‘" | "’" | "'s" | "’s" => 5,
            "-" | "–" | "—" => 6,
            ":" | ";" => 7,
            "&" => 8,
            _ => 9,
        },
        TokenKind::Word => {
            let w = WordChars::of(text);
            match t.shape {
                _ if w.digit => 10,
                Shape::Upper if w.letters == 1 => 11,
                Shape::Upper if w.dot => 12,
                Shape::Upper if w.letters <= 4 => 13,
                Shape::Upper => 14,
                Shape::Capitalized if w.letters == 1 => 15,
                Shape::Capitalized if w.inner_caps => 16,
                Shape::Capitalized if w.joiner => 17,
                Shape::Capitalized => 18,
                _ if w.joiner => 19,
                _ => 20,
            }
        }
    }
}

/// What a word's shape class reads of its characters.
struct WordChars {
    /// How many letters it has.
    letters: usize,
    /// It has a digit.
    digit: bool,
    /// A letter after the first is a capital.
    inner_caps: bool,
    /// It has a full stop ("U.S.").
    dot: bool,
    /// It has a hyphen or an apostrophe.
    joiner: bool,
}

impl WordChars {
    /// Reads `text` in one pass over its bytes when it is ASCII, as nearly every word is: this
    /// runs for every token, and five passes decoding UTF-8 cost more than the tagging itself.
    fn of(text: &str) -> WordChars {
        if !text.is_ascii() {
            return WordChars {
                letters: text.chars().filter(|c| c.is_alphabetic()).count(),
                digit: text.chars().any(|c| c.is_ascii_digit()),
                inner_caps: text.chars().skip(1).any(char::is_uppercase),
                dot: text.contains('.'),
                joiner: text.contains(['-', '\'', '’']),
            };
        }
        let mut w = WordChars {
            letters: 0,
            digit: false,
            inner_caps: false,
            dot: false,
            joiner: false,
        };
        for (k, b) in text.bytes().enumerate() {
            w.letters += usize::from(b.is_ascii_alphabetic());
            w.digit |= b.is_ascii_digit();
            w.inner_caps |= k > 0 && b.is_ascii_uppercase();
            w.dot |= b == b'.';
            w.joiner |= b == b'-' || b == b'\'';
        }
        w
    }
}

/// What the features read of one distinct word.
#[derive(Clone, Copy, Default)]
struct WordFacts {
    /// FNV of the word, mixed.
    hash: u32,
    /// FNV of its affixes, mixed.
    affixes: [u32; 4],
    bits: u32,
    given: bool,
}

/// Per-document facts the features read, computed once.
pub struct Facts<'d, 'a> {
    doc: &'d Document<'a>,
    /// Per token: its shape class. (A word's hash is read through `words` rather than kept
    /// per token: with the shape in a byte, 7 bytes of wasm memory less per token.)
    shape: Vec<u8>,
    /// Per token: gazetteer match, 0 none, else 1 + 2*kind + (0 first word, 1 later word),
    /// kind 0 place, 1 organisation.
    gazetteer: Vec<u8>,
    /// Per vocabulary id: seen lowercase in the document (bit 0), seen capitalised
    /// mid-sentence in body text (bit 1).
    seen: Vec<u8>,
    /// Per sentence: most of its words are in capitals.
    caps: Vec<bool>,
    /// Per sentence: its number tokens.
    numbers: Vec<u32>,
    /// Per vocabulary id, what the features read of the word, computed once per distinct word
    /// (most words of an article recur): hashes of its suffixes of 2, 3 and 4 characters and
    /// its prefix of 3, its lexicon bits, and whether it is a frequent given name.
    words: Vec<WordFacts>,
    /// Per vocabulary id: how often each label was given to the word in capitals so far in
    /// the document ("extended prediction history", Ratinov and Roth 2009): a name is usually
    /// clear at its first, fuller mention, and its later, shorter ones follow it.
    history: std::cell::RefCell<Vec<[u16; N]>>,
}

impl<'d, 'a> Facts<'d, 'a> {
    /// Computes the facts of `doc`.
    pub fn new(doc: &'d Document<'a>) -> Self {
        let lx = Lexicon::english();
        let words = word_facts(doc, lx);
        let shape = (0..doc.tokens.len()).map(|i| shape_class(doc, i)).collect();
        let mut seen = vec![0u8; doc.vocab.len()];
        let mut caps = Vec::with_capacity(doc.sentences.len());
        let mut numbers = Vec::with_capacity(doc.sentences.len());
        for s in &doc.sentences {
            let range = &doc.tokens[s.tokens.clone()];
            numbers.push(range.iter().filter(|t| t.kind == TokenKind::Number).count() as u32);
            let (mut words, mut upper) = (0, 0);
            for (k, t) in doc.tokens[s.tokens.clone()].iter().enumerate() {
                if t.kind != TokenKind::Word {
                    continue;
                }
                words += 1;
                upper += usize::from(t.shape == Shape::Upper);
                let bit = match t.shape {
                    Shape::Lower => 1,
                    Shape::Capitalized if k > 0 && s.kind == SentenceKind::Body => 2,
                    _ => 0,
                };
                if let Some(v) = seen.get_mut(t.lower as usize) {
                    *v |= bit;
                }
            }
            caps.push(words >= 3 && 2 * upper > words);
        }
        let gazetteer = gazetteer_matches(doc, lx);
        Facts {
            doc,
            shape,
            gazetteer,
            seen,
            caps,
            numbers,
            words,
            history: std::cell::RefCell::new(vec![[0; N]; doc.vocab.len()]),
        }
    }

    /// Records that token `i` was labelled `label`, for the history of its word.
    pub fn remember(&self, i: usize, label: usize) {
        let t = &self.doc.tokens[i];
        if t.kind != TokenKind::Word || t.shape == Shape::Lower {
            return;
        }
        if let Some(h) = self.history.borrow_mut().get_mut(t.lower as usize) {
            h[label] = h[label].saturating_add(1);
        }
    }

    /// FNV of the lowercase text of token `i`, passed through [`mix`].
    fn hash(&self, i: usize) -> u32 {
        let lower = self.doc.tokens.get(i).map_or(u32::MAX, |t| t.lower);
        self.words.get(lower as usize).map_or(0, |w| w.hash)
    }

    /// The shape class of token `i`.
    fn shape_of(&self, i: usize) -> u32 {
        self.shape.get(i).copied().map_or(0, u32::from)
    }

    fn word(&self, i: usize) -> WordFacts {
        self.words
            .get(self.doc.tokens[i].lower as usize)
            .copied()
            .unwrap_or_default()
    }

    fn lower(&self, i: usize) -> &str {
        self.doc.vocab.get(self.doc.tokens[i].lower)
    }

    /// The hashed features of token `i` of a sentence spanning tokens `lo..hi`, given the
    /// labels of the two tokens before it, appended to `out`: the words and shapes around it,
    /// its lexicon and document facts, the previous labels, then what the document said of the
    /// word before (always in this order: the weights' check depends on the sums' order).
    pub fn features(&self, i: usize, lo: usize, hi: usize, prev: [usize; 2], out: &mut Vec<u32>) {
        let si = self.doc.sentence_of(i);
        let caps = self.caps[si];
        // In a line of capitals, the case of a word says nothing: its shape then reads as
        // "capitals", and the word itself carries the evidence.
        let s0 = if caps { 40 } else { self.shape_of(i) };
        self.context_features(i, si, lo, hi, s0, out);
        self.lexicon_features(i, si, lo, s0, out);
        let mut f = |template: u32, v: u32| out.push(feat(template, v));
        f(24, prev[0] as u32);
        f(25, (prev[1] * N + prev[0]) as u32);
        f(26, prev[0] as u32 * 64 + s0);
        self.document_features(i, si, s0, out);
    }

    /// Words and shapes of token `i` (of sentence `si`) and its neighbours in `lo..hi`,
    /// affixes, position.
    fn context_features(
        &self,
        i: usize,
        si: usize,
        lo: usize,
        hi: usize,
        s0: u32,
        out: &mut Vec<u32>,
    ) {
        let t = &self.doc.tokens[i];
        let caps = self.caps[si];
        let word_at = |k: isize| around(i, k, lo, hi, OUTSIDE_WORDS, |j| self.hash(j));
        let shape_at = |k: isize| around(i, k, lo, hi, [30, 31], |j| self.shape_of(j));
        out.push(BIAS);
        out.push(feat_mixed(1, self.hash(i)));
        out.push(feat_mixed(2, word_at(-1)));
        out.push(feat_mixed(3, word_at(1)));
        out.push(feat_mixed(4, word_at(-2)));
        out.push(feat_mixed(5, word_at(2)));
        if t.kind == TokenKind::Word {
            for (template, &a) in (8..).zip(&self.word(i).affixes) {
                out.push(feat_mixed(template, a));
            }
        }
        let mut f = |template: u32, v: u32| out.push(feat(template, v));
        f(12, s0);
        f(13, shape_at(-1) * 64 + s0);
        f(14, s0 * 64 + shape_at(1));
        f(15, shape_at(-1) * 4096 + s0 * 64 + shape_at(1));
        f(16, (i == lo) as u32 * 2 + caps as u32);
        f(17, self.doc.sentences[si].kind as u32);
    }

    /// Lexicon bits, given name, honorific before, gazetteer match, and how the document
    /// writes the word elsewhere.
    fn lexicon_features(&self, i: usize, si: usize, lo: usize, s0: u32, out: &mut Vec<u32>) {
        let t = &self.doc.tokens[i];
        let wf = self.word(i);
        let mut f = |template: u32, v: u32| out.push(feat(template, v));
        for b in (0..16).filter(|b| wf.bits & (1 << b) != 0) {
            f(18, b);
            f(19, b * 64 + s0);
        }
        if wf.given {
            f(20, s0);
        }
        if i > lo && self.word(i - 1).bits & word::HONORIFIC != 0 {
            f(21, s0);
        }
        f(22, u32::from(self.gazetteer[i]) * 64 + s0);
        if t.kind == TokenKind::Word && t.shape != Shape::Lower {
            let seen = self.seen.get(t.lower as usize).copied().unwrap_or(0);
            let caps = self.caps[si];
            f(23, u32::from(seen) * 4 + (i == lo) as u32 * 2 + caps as u32);
        }
    }

    /// An acronym's length, stopword, numbers in the line, and the labels the word in
    /// capitals got earlier in the document.
    fn document_features(&self, i: usize, si: usize, s0: u32, out: &mut Vec<u32>) {
        let t = &self.doc.tokens[i];
        let mut f = |template: u32, v: u32| out.push(feat(template, v));
        if t.kind == TokenKind::Word && t.shape == Shape::Upper {
            f(28, self.lower(i).chars().count().min(8) as u32);
        }
        f(29, u32::from(t.stop) * 64 + s0);
        // Lines of results and tables ("Stirling 1 Dundee 1"): clubs, not places or people.
        f(30, self.numbers[si].min(3) * 64 + s0);
        if t.kind != TokenKind::Word || t.shape == Shape::Lower {
            return;
        }
        let history = self.history.borrow();
        let Some(h) = history.get(t.lower as usize) else {
            return;
        };
        let total: u16 = h.iter().sum();
        if total > 0 {
            let label = (0..N).fold(O, |b, c| if h[c] > h[b] { c } else { b });
            let all = u32::from(h[label] == total);
            f(31, label as u32 * 2 + all);
            f(32, (label as u32 * 2 + all) * 64 + s0);
        }
    }
}

/// What the features read of each distinct lowercase word of `doc`'s tokens, by vocabulary id
/// (the vocabulary also holds stems, which no feature reads: they get the default).
fn word_facts(doc: &Document, lx: &Lexicon) -> Vec<WordFacts> {
    let mut words = vec![None; doc.vocab.len()];
    for t in &doc.tokens {
        let Some(slot) = words.get_mut(t.lower as usize) else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        let w = doc.vocab.get(t.lower);
        *slot = Some(WordFacts {
            hash: mix(fnv(w)),
            affixes: [
                mix(fnv(suffix(w, 2))),
                mix(fnv(suffix(w, 3))),
                mix(fnv(suffix(w, 4))),
                mix(fnv(prefix(w, 3))),
            ],
            bits: lx.word_bits(w),
            given: lx.given_names.contains(w),
        });
    }
    words.into_iter().map(Option::unwrap_or_default).collect()
}

/// `value(i + k)` when that token is in the sentence `lo..hi`, else `outside[0]` before it and
/// `outside[1]` after it.
fn around(
    i: usize,
    k: isize,
    lo: usize,
    hi: usize,
    outside: [u32; 2],
    value: impl Fn(usize) -> u32,
) -> u32 {
    let j = i as isize + k;
    if j < lo as isize {
        outside[0]
    } else if j >= hi as isize {
        outside[1]
    } else {
        value(j as usize)
    }
}

/// Per token, the longest place or organisation name of up to four words that covers it: 0
/// none, else 1 + 2 * kind (0 place, 1 organisation) + (0 first word, 1 later word).
fn gazetteer_matches(doc: &Document, lx: &Lexicon) -> Vec<u8> {
    let mut out = vec![0u8; doc.tokens.len()];
    let mut key = String::new();
    for s in &doc.sentences {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let mut i = lo;
        while i < hi {
            let t = &doc.tokens[i];
            if t.kind != TokenKind::Word || t.shape == Shape::Lower {
                i += 1;
                continue;
            }
            let first = doc.vocab.get(t.lower);
            let longer = lx.starts_longer_name(first);
            let mut found = None;
            for n in (1..=4usize).rev() {
                if i + n > hi || (n > 1 && !longer) {
                    continue;
                }
                key.clear();
                for k in i..i + n {
                    if k > i && doc.tokens[k - 1].end < doc.tokens[k].start {
                        key.push(' ');
                    }
                    key.push_str(doc.vocab.get(doc.tokens[k].lower));
                }
                let kind = if lx.places.contains_key(key.as_str()) {
                    Some(0)
                } else if lx.orgs.contains_key(key.as_str()) {
                    Some(1)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    found = Some((n, kind));
                    break;
                }
            }
            let Some((n, kind)) = found else {
                i += 1;
                continue;
            };
            for (k, v) in out[i..i + n].iter_mut().enumerate() {
                *v = 1 + 2 * kind + u8::from(k > 0);
            }
            i += n;
        }
    }
    out
}

/// The checks, one byte per row, unpacked on first use from the copy of [`CHECK`] that
/// `build.rs` writes beside the coded weights, where they are stored [`CHECK_BITS`] to a row,
/// low bits first.
fn checks() -> &'static [u8] {
    static C: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    C.get_or_init(|| {
        unpack_checks(
            include_bytes!(concat!(env!("OUT_DIR"), "/tagger-checks.bin")),
            ROWS,
        )
    })
}

/// The weights ([`WEIGHTS`]), decoded on first use from the range-coded copy `build.rs` writes
/// (`write_tagger_weights` there): 2 KB less in the wasm module, gzipped, than the raw bytes.
fn weights() -> &'static [u8] {
    static W: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        decode_weights(
            include_bytes!(concat!(env!("OUT_DIR"), "/tagger-weights.rc")),
            ROWS * N,
        )
    })
}

/// `n` weights from `coded`, the decoder of `build.rs`'s `write_tagger_weights` (which says
/// how they are modelled): LZMA's range decoder, with the same adaptive probabilities.
fn decode_weights(coded: &[u8], n: usize) -> Vec<u8> {
    let mut at = 0;
    let mut next = || {
        at += 1;
        u32::from(coded.get(at - 1).copied().unwrap_or(0))
    };
    // The encoder's first byte is always 0: five bytes fill the 32-bit code.
    let mut code = 0u32;
    for _ in 0..5 {
        code = code << 8 | next();
    }
    let mut range = u32::MAX;
    let mut probs = vec![[1024u16; 16]; N * 7];
    let mut out = Vec::with_capacity(n);
    let mut sum = 0i32;
    for i in 0..n {
        if i % N == 0 {
            sum = 0;
        }
        let p = &mut probs[i % N * 7 + (sum.clamp(-3, 3) + 3) as usize];
        let mut node = 1;
        while node < 16 {
            let bound = (range >> 11) * u32::from(p[node]);
            let bit = code >= bound;
            if bit {
                code -= bound;
                range -= bound;
                p[node] -= p[node] >> 4;
            } else {
                range = bound;
                p[node] += (2048 - p[node]) >> 4;
            }
            while range < 1 << 24 {
                range <<= 8;
                code = code << 8 | next();
            }
            node = node * 2 + usize::from(bit);
        }
        // The zigzag code: 0, 1, 2, 3, ... for 0, -1, 1, -2, ...
        let z = node as i32 - 16;
        let v = if z % 2 == 0 { z / 2 } else { -(z + 1) / 2 };
        sum += v;
        out.push(v as i8 as u8);
    }
    out
}

/// `rows` checks of [`CHECK_BITS`] bits from `packed`, low bits first.
pub fn unpack_checks(packed: &[u8], rows: usize) -> Vec<u8> {
    let per = 8 / CHECK_BITS;
    let mask = (1u8 << CHECK_BITS) - 1;
    (0..rows)
        .map(|r| {
            packed
                .get(r / per)
                .map_or(0, |b| (b >> ((r % per) * CHECK_BITS)) & mask)
        })
        .collect()
}

/// `checks` packed [`CHECK_BITS`] to a byte's bits, low bits first.
pub fn pack_checks(checks: &[u8]) -> Vec<u8> {
    let per = 8 / CHECK_BITS;
    checks
        .chunks(per)
        .map(|c| {
            c.iter()
                .enumerate()
                .fold(0u8, |b, (k, &v)| b | (v << (k * CHECK_BITS)))
        })
        .collect()
}

/// Bits of a row's check. Training hashes features into `rows << CHECK_BITS` full rows; the
/// shipped table keeps, of the full rows that share each of its rows, the one with the largest
/// weights, and a check saying which one it is. A feature whose check does not match is not in
/// the model: it then adds nothing, instead of the weights of whatever feature won its row.
pub const CHECK_BITS: usize = 4;

/// Weights in rows of one per label, with a check byte per row when compacted: floats in
/// training, the stored `i8` (as bytes) in analysis.
pub struct Table<'w, W = f32> {
    /// `rows * N` weights.
    pub w: &'w [W],
    /// Per row, which of the full rows it holds (`full / rows`, below `1 << CHECK_BITS`);
    /// empty for a full table.
    pub check: &'w [u8],
    /// Number of rows.
    pub rows: usize,
}

impl<W> Table<'_, W> {
    /// The first weight of feature hash `h`'s row, if the table holds that feature.
    pub fn row(&self, h: u32) -> Option<usize> {
        let span = if self.check.is_empty() {
            self.rows
        } else {
            self.rows << CHECK_BITS
        };
        // The shipped table has a power-of-two row count: masks and a shift then give the same
        // rows as `%` and `/`, without two integer divisions per feature (the tagger's hot path).
        let (row, which) = if self.rows.is_power_of_two() {
            let full = h as usize & (span - 1);
            (full & (self.rows - 1), full >> self.rows.trailing_zeros())
        } else {
            let full = h as usize % span;
            (full % self.rows, full / self.rows)
        };
        let holds = self.check.is_empty()
            || self
                .check
                .get(row)
                .is_some_and(|&c| usize::from(c) == which);
        holds.then_some(row * N)
    }
}

/// The scores of each label for `features` under table `t`.
pub fn scores(t: &Table, features: &[u32]) -> [f32; N] {
    let mut s = [0f32; N];
    for &h in features {
        if let Some(r) = t.row(h).and_then(|row| t.w.get(row..row + N)) {
            for (a, b) in s.iter_mut().zip(r) {
                *a += b;
            }
        }
    }
    s
}

/// The best label; the first best wins ties, so no evidence means outside.
pub fn best(s: &[f32; N]) -> usize {
    (1..N).fold(O, |b, c| if s[c] > s[b] { c } else { b })
}

/// The probability of label `c` under a softmax of `s` at `temperature`.
pub fn probability(s: &[f32; N], c: usize, temperature: f32) -> f32 {
    let m = s.iter().fold(f32::MIN, |a, &b| a.max(b));
    let z: f32 = s.iter().map(|&v| ((v - m) / temperature).exp()).sum();
    ((s[c] - m) / temperature).exp() / z
}

/// The shipped table's scores for `features`, in units of [`SCALE`]. Summed as integers, they
/// are exact in any order, and the table stays a quarter of the size of its floats.
fn quantised_scores(t: &Table<u8>, features: &[u32]) -> [i32; N] {
    let mut s = [0i32; N];
    for &h in features {
        if let Some(r) = t.row(h).and_then(|row| t.w.get(row..row + N)) {
            for (a, &b) in s.iter_mut().zip(r) {
                *a += i32::from(b as i8);
            }
        }
    }
    s
}

/// Labels every token of sentence tokens `lo..hi` greedily with the shipped table, returning
/// each token's label and, for a token in a name, its probability (outside tokens get 1: no
/// span reads it, and the softmax is most of a token's cost).
fn label_sentence(facts: &Facts, t: &Table<u8>, lo: usize, hi: usize) -> Vec<(usize, f32)> {
    let mut out = Vec::with_capacity(hi - lo);
    let mut feats = Vec::with_capacity(48);
    let mut prev = [O, O];
    for i in lo..hi {
        feats.clear();
        facts.features(i, lo, hi, prev, &mut feats);
        let q = quantised_scores(t, &feats);
        let c = (1..N).fold(O, |b, c| if q[c] > q[b] { c } else { b });
        facts.remember(i, c);
        let p = if c == O {
            1.0
        } else {
            probability(&q.map(|v| v as f32 * SCALE), c, TEMPERATURE)
        };
        out.push((c, p));
        prev = [c, prev[0]];
    }
    out
}

/// The names the shipped model finds in `doc`'s sentences (boilerplate skipped), in order.
pub fn tag(doc: &Document) -> Vec<Tagged> {
    let facts = Facts::new(doc);
    let table = Table {
        w: weights(),
        check: checks(),
        rows: ROWS,
    };
    let mut out = Vec::new();
    for s in &doc.sentences {
        if s.kind == SentenceKind::Boilerplate {
            continue;
        }
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let labels = label_sentence(&facts, &table, lo, hi);
        spans_of(&labels, lo, &mut out);
    }
    out
}

/// Runs of one label in `labels` (token `lo` first) as [`Tagged`] spans.
pub fn spans_of(labels: &[(usize, f32)], lo: usize, out: &mut Vec<Tagged>) {
    let mut k = 0;
    while k < labels.len() {
        let label = labels[k].0;
        let mut end = k;
        while end + 1 < labels.len() && labels[end + 1].0 == label {
            end += 1;
        }
        if label != O {
            let sum: f32 = labels[k..=end].iter().map(|l| l.1).sum();
            out.push(Tagged {
                first: lo + k,
                last: lo + end,
                label,
                prob: sum / (end - k + 1) as f32,
            });
        }
        k = end + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The module's coded copies of the weights and checks (`build.rs`) give back exactly what
    /// training wrote to `tagger_weights.bin`.
    #[test]
    fn coded_weights_decode_to_the_trained_file() {
        assert_eq!(weights(), WEIGHTS);
        assert_eq!(checks(), unpack_checks(CHECK, ROWS));
    }
}
