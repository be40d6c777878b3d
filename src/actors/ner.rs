//! A small trained typer for name spans that no rule can type: "Magna was up 1/8", "Italian
//! tyre giant Pirelli", "Mushtaq Ahmed took four wickets".
//!
//! The rules in the parent module find candidate spans (runs of capitalised words) and type the
//! ones with evidence: gazetteers, titles, given names, speech verbs. What is left used to be
//! dropped. This module scores each left-over span as NONE / PER / ORG / LOC with a multi-class
//! averaged perceptron over hashed features of the span and its context (words, suffixes,
//! shapes, neighbouring words, lexicon hits). Scores are summed over every mention of the same
//! name in the document, so one clear context ("shares of Magna") types them all.
//!
//! The weights are trained on the GUM corpus's train split by `pith train ner` (see the README)
//! and embedded as `i8` in [`super::ner_weights`]; training calls [`candidates`], the same
//! feature code that inference uses, so the two cannot drift apart.

use super::{find_spans, Ctx, Span};
use crate::model::SentenceKind;
use crate::text::{Document, Shape, TokenKind};

use super::ner_weights::{BUCKETS, SCALE, WEIGHTS};

/// Output classes, in weight order.
pub const CLASSES: [&str; 4] = ["NONE", "PER", "ORG", "LOC"];

/// Index of the "not a name of interest" class.
pub const NONE: usize = 0;

// Generated weights must match the bucket count they declare: indexing below relies on it.
const _: () = assert!(WEIGHTS.len() == BUCKETS * CLASSES.len());

/// [`WEIGHTS`] as the module stores it: the PER, ORG and LOC weights of every row, then the
/// sum of every row (wrapping), from which the NONE weight follows. The perceptron moves one
/// class's weight up where it moves another's down, so the sums are almost all -1, 0 or 1:
/// 5.4 KB gzipped where the rows were 6.4 KB. `WEIGHTS` itself is only read here, at compile
/// time.
static STORED: [i8; WEIGHTS.len()] = {
    let mut out = [0i8; WEIGHTS.len()];
    let mut r = 0;
    while r < BUCKETS {
        let row = &[
            WEIGHTS[4 * r],
            WEIGHTS[4 * r + 1],
            WEIGHTS[4 * r + 2],
            WEIGHTS[4 * r + 3],
        ];
        out[3 * r] = row[1];
        out[3 * r + 1] = row[2];
        out[3 * r + 2] = row[3];
        out[3 * BUCKETS + r] = row[0]
            .wrapping_add(row[1])
            .wrapping_add(row[2])
            .wrapping_add(row[3]);
        r += 1;
    }
    out
};

/// The weights, rows of one per class in [`CLASSES`] order, decoded from [`STORED`] on first
/// use.
fn weights() -> &'static [i8] {
    static ROWS: std::sync::OnceLock<Vec<i8>> = std::sync::OnceLock::new();
    ROWS.get_or_init(|| {
        let (others, sums) = STORED.split_at(3 * BUCKETS);
        others
            .chunks_exact(3)
            .zip(sums)
            .flat_map(|(o, &sum)| {
                let none = sum.wrapping_sub(o[0]).wrapping_sub(o[1]).wrapping_sub(o[2]);
                [none, o[0], o[1], o[2]]
            })
            .collect()
    })
}

/// The class with the highest score; the first best wins ties, so equal scores (no evidence)
/// stay NONE. Training and analysis both decide with it.
pub fn best_class(scores: &[f32; 4]) -> usize {
    (1..scores.len()).fold(
        NONE,
        |best, c| {
            if scores[c] > scores[best] {
                c
            } else {
                best
            }
        },
    )
}

/// A candidate span with its hashed features, for training.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Byte offset of the span's first character.
    pub start: usize,
    /// Byte offset after the span's last character.
    pub end: usize,
    /// The span's name key (lowercase words), which groups mentions of one name.
    pub key: String,
    /// Feature hashes; a model with `n` buckets uses `hash % n`.
    pub features: Vec<u32>,
}

/// The candidate spans of an English `text` with their features: what `pith train ner` learns
/// from. The same spans and features are what [`Typer`] scores at analysis time.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let doc = Document::new(text, Some(crate::Lang::English));
    let cx = Ctx::new(&doc);
    find_spans(&cx)
        .iter()
        .map(|s| Candidate {
            start: doc.tokens[s.first].start,
            end: doc.tokens[s.last].end,
            key: s.key.clone(),
            features: features(&cx, s),
        })
        .collect()
}

/// 32-bit FNV-1a, stable across platforms and releases (the weights depend on it).
#[derive(Clone, Copy)]
struct Fnv(u32);

impl Fnv {
    fn new(tag: &str) -> Fnv {
        Fnv(0x811c_9dc5).add(tag)
    }

    fn add(self, s: &str) -> Fnv {
        let mut h = self.0;
        for b in s.bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
        Fnv(h)
    }

    fn finish(self) -> u32 {
        // Fold the high bits in: FNV's low bits are weak for short keys.
        self.0 ^ (self.0 >> 15)
    }
}

fn shape_char(cx: &Ctx, i: usize) -> &'static str {
    match cx.tok(i) {
        None => "^",
        Some(t) => match (t.kind, t.shape) {
            (TokenKind::Number, _) => "9",
            (TokenKind::Punct, _) => match cx.doc.token_text(t) {
                "," => ",",
                "." => ".",
                "(" | ")" => "(",
                "\"" | "'" | "“" | "”" | "‘" | "’" => "q",
                "-" => "-",
                _ => "p",
            },
            (_, Shape::Upper) => "U",
            (_, Shape::Capitalized) => "C",
            _ => "l",
        },
    }
}

/// The last `k` characters of `w` (all of it when shorter).
fn suffix(w: &str, k: usize) -> &str {
    &w[w.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)..]
}

/// The features of span `s`, as hashes.
fn features(cx: &Ctx, s: &Span) -> Vec<u32> {
    let doc = cx.doc;
    let mut out = Vec::with_capacity(32);
    let mut f = |h: Fnv| out.push(h.finish());
    let sent = &doc.sentences[doc.tokens[s.first].sentence];
    let lo = sent.tokens.start;
    let hi = sent.tokens.end;
    let word = |i: usize| -> &str {
        if i < lo || i >= hi {
            "<s>"
        } else {
            cx.lower(i)
        }
    };
    f(Fnv::new("bias"));
    let n = s.last - s.first + 1;
    f(Fnv::new("len").add(["1", "2", "3", "4+"][(n - 1).min(3)]));
    let mut shape = Fnv::new("shape");
    for i in s.first..=s.last.min(s.first + 3) {
        shape = shape.add(shape_char(cx, i));
        f(Fnv::new("w").add(cx.lower(i)));
    }
    f(shape);
    let first = cx.lower(s.first);
    let last = cx.lower(s.last);
    f(Fnv::new("first").add(first));
    f(Fnv::new("last").add(last));

    f(Fnv::new("suf3").add(suffix(last, 3)));
    f(Fnv::new("suf2").add(suffix(last, 2)));
    // Context: the words and shapes around the span, alone and as pairs.
    let p1 = if s.first > lo {
        word(s.first - 1)
    } else {
        "<s>"
    };
    let p2 = if s.first > lo + 1 {
        word(s.first - 2)
    } else {
        "<s>"
    };
    let n1 = word(s.last + 1);
    let n2 = word(s.last + 2);
    f(Fnv::new("p1").add(p1));
    f(Fnv::new("p2").add(p2).add(" ").add(p1));
    f(Fnv::new("n1").add(n1));
    f(Fnv::new("n2").add(n1).add(" ").add(n2));
    f(Fnv::new("p1n1").add(p1).add(" ").add(n1));
    let ps = if s.first > lo {
        shape_char(cx, s.first - 1)
    } else {
        "^"
    };
    let ns = if s.last + 1 < hi {
        shape_char(cx, s.last + 1)
    } else {
        "$"
    };
    f(Fnv::new("ctxshape").add(ps).add(ns));
    let n2s = if s.last + 2 < hi {
        shape_char(cx, s.last + 2)
    } else {
        "$"
    };
    f(Fnv::new("nshape").add(ns).add(n2s));
    // Lexicon and document facts.
    let lx = cx.lx;
    if cx.is_sentence_initial(s.first) {
        f(Fnv::new("initial"));
    }
    if sent.kind != SentenceKind::Body {
        f(Fnv::new("notbody"));
    }
    if super::caps_sentence(cx, doc.tokens[s.first].sentence) {
        f(Fnv::new("caps"));
    }
    if lx.given_names.contains(first) {
        f(Fnv::new("given"));
    }
    if s.first > lo && lx.honorifics.contains_key(word(s.first - 1)) {
        f(Fnv::new("honorific"));
    }
    let key = &s.key;
    if let Some(p) = lx.places.get(key) {
        f(Fnv::new("place").add(p.kind));
    } else if n > 1 && lx.places.contains_key(last) {
        f(Fnv::new("endsplace"));
    }
    if let Some(o) = lx.orgs.get(key) {
        f(Fnv::new("org").add(o.kind));
    }
    if lx.adjectives.contains_key(first) {
        f(Fnv::new("demonym"));
    }
    if cx.lex_at(s.last) & super::lex::ORG_SUFFIX != 0 {
        f(Fnv::new("orgsuffix"));
    }
    if cx.lex(doc.tokens[s.last].lower) & super::lex::LOWER_SEEN != 0 {
        f(Fnv::new("lowerseen"));
    }
    out
}

/// Scores left-over spans and sums them per name.
pub(super) struct Typer {
    /// Name key to its row in `totals`.
    rows: crate::util::FxHashMap<String, usize>,
    /// Summed class scores, and whether some mention is more than one sentence-initial word.
    totals: Vec<([f32; 4], bool)>,
}

impl Typer {
    /// Scores the spans no rule typed, and totals the scores per name. Single letters are
    /// table furniture ("N", "W"); peoples and demonyms ("Russians", "Iraqis") are groups of
    /// their country; a name before a thing's noun ("Nuclear Forces treaty") is part of the
    /// thing's name, and one that ends like an event ("Commonwealth Games") is no actor: the
    /// lexicon knows those, so the model is not asked. Nor is it asked about a single word
    /// seen only at sentence starts ("Gasoline prices rose", "Spring is ..."): capitals say
    /// nothing there, and the model, trained mostly on mid-sentence names, guesses.
    pub(super) fn new(cx: &Ctx, spans: &[Span]) -> Typer {
        let mut rows: crate::util::FxHashMap<String, usize> = Default::default();
        let weights = weights();
        let mut totals: Vec<([f32; 4], bool)> = Vec::new();
        for s in spans {
            let key = &s.key;
            // "Nuclear Forces treaty", "Nuclear Forces (INF) treaty".
            let thing = |k: usize| super::THING_HEADS.contains(&cx.lower(k));
            let singular = key.strip_suffix('s').unwrap_or(key);
            if cx.lx.peoples.contains_key(key)
                || cx.lx.adjectives.contains_key(key)
                || cx.lx.peoples.contains_key(singular)
                || cx.lx.adjectives.contains_key(singular)
                || key.chars().count() < 2
                || super::EVENT_TAILS.contains(&cx.lower(s.last))
                || thing(s.last + 1)
                || (cx.punct_is(s.last + 1, "(")
                    && cx.punct_is(s.last + 3, ")")
                    && thing(s.last + 4))
            {
                continue;
            }
            let mut score = [0f32; 4];
            for h in features(cx, s) {
                let row = (h as usize % BUCKETS) * CLASSES.len();
                for (c, v) in score.iter_mut().enumerate() {
                    *v += f32::from(weights[row + c]) * SCALE;
                }
            }
            let row = match rows.get(key) {
                Some(&row) => row,
                None => {
                    totals.push(([0.0; 4], false));
                    rows.insert(key.clone(), totals.len() - 1);
                    totals.len() - 1
                }
            };
            let (sum, telling) = &mut totals[row];
            for (a, b) in sum.iter_mut().zip(score) {
                *a += b;
            }
            *telling |= !cx.lone_opener(s);
        }
        Typer { rows, totals }
    }

    /// The class of the name `key`, if the model finds one.
    pub(super) fn class(&self, key: &str) -> usize {
        match self.rows.get(key).map(|&row| &self.totals[row]) {
            Some((t, true)) => best_class(t),
            _ => NONE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_weights_decode_to_the_generated_ones() {
        assert_eq!(weights(), &WEIGHTS[..]);
    }

    #[test]
    fn fnv_matches_the_reference_vectors() {
        // The shipped weights are indexed by these hashes: a change here silently breaks them.
        assert_eq!(Fnv::new("").0, 0x811c_9dc5);
        assert_eq!(Fnv::new("a").0, 0xe40c_292c);
        assert_eq!(Fnv::new("foobar").0, 0xbf9c_f968);
        assert_eq!(Fnv::new("foo").add("bar").0, Fnv::new("foobar").0);
    }

    #[test]
    fn candidates_are_the_name_spans_with_features() {
        let text = "He bought shares in Magna. Mushtaq Ahmed took five wickets.";
        let c = candidates(text);
        let names: Vec<&str> = c.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(names, ["Magna", "Mushtaq Ahmed"]);
        assert!(c.iter().all(|c| c.features.len() >= 12));
        assert_eq!(c[1].key, "mushtaq ahmed");
    }
}
