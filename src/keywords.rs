//! Keyphrases: n-grams bounded by stopwords, punctuation and sentence edges, counted by stem,
//! scored by frequency, spread and position, and shown in their most frequent written form.
//!
//! A single word is promoted to the phrase it mostly occurs in ("missile" to "missile
//! defence") so the list shows readable phrases rather than their fragments, and a phrase is
//! skipped when it repeats words of one already listed.

use crate::lexicon::Lexicon;
use crate::model::{Keyword, SentenceKind};
use crate::text::{Document, Shape, Token, TokenKind};
use std::collections::{HashMap, HashSet};

/// Longest phrase considered, in words.
const MAX_WORDS: usize = 4;
/// A phrase must cover at least this share of a word's occurrences to stand in for it.
const PROMOTE_SHARE: f64 = 0.3;

#[derive(Default)]
struct Candidate {
    stems: Vec<u32>,
    count: usize,
    sentences: HashSet<usize>,
    first: usize,
    in_headline: bool,
    forms: HashMap<String, usize>,
}

/// The `k` best keyphrases of `doc`.
pub fn extract(doc: &Document, k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let lx = Lexicon::english();
    let english = doc.lang == Some(crate::lang::Lang::English);
    let mut lower_seen: HashSet<u32> = HashSet::new();
    for t in &doc.tokens {
        if t.shape == Shape::Lower {
            lower_seen.insert(t.lower);
        }
    }
    let usable = |t: &Token| {
        let lower = doc.vocab.get(t.lower);
        doc.is_content(t)
            && !(english && (lx.cues.contains_key(lower) || lx.honorifics.contains_key(lower)))
    };
    let mut cands: HashMap<Vec<u32>, Candidate> = HashMap::new();
    let mut order = 0usize;
    for (si, s) in doc.sentences.iter().enumerate() {
        if !matches!(
            s.kind,
            SentenceKind::Body | SentenceKind::Headline | SentenceKind::Heading
        ) {
            continue;
        }
        let headline = s.kind == SentenceKind::Headline;
        let toks = &doc.tokens[s.tokens.clone()];
        // Runs of usable words; a hyphen between two words without spaces joins them.
        let mut runs: Vec<Vec<(usize, bool)>> = vec![Vec::new()];
        for (i, t) in toks.iter().enumerate() {
            if usable(t) {
                let hyphen = i >= 2
                    && doc.token_text(&toks[i - 1]) == "-"
                    && toks[i - 1].start == toks[i - 2].end
                    && toks[i - 1].end == t.start
                    && usable(&toks[i - 2]);
                if let Some(run) = runs.last_mut() {
                    run.push((i, hyphen));
                }
            } else if !(doc.token_text(t) == "-" && runs.last().is_some_and(|r| !r.is_empty())) {
                runs.push(Vec::new());
            }
        }
        for run in runs.iter().filter(|r| !r.is_empty()) {
            for a in 0..run.len() {
                for b in a..run.len().min(a + MAX_WORDS) {
                    // Do not start or end inside a hyphenated compound.
                    if run[a].1 || run.get(b + 1).is_some_and(|x| x.1) {
                        continue;
                    }
                    let stems: Vec<u32> = run[a..=b].iter().map(|&(i, _)| toks[i].stem).collect();
                    let mut form = String::new();
                    for (n, &(i, hyphen)) in run[a..=b].iter().enumerate() {
                        if n > 0 {
                            form.push(if hyphen { '-' } else { ' ' });
                        }
                        let t = &toks[i];
                        let text = doc.token_text(t);
                        let sentence_initial =
                            i == 0 || toks[..i].iter().all(|p| p.kind == TokenKind::Punct);
                        if (sentence_initial || headline)
                            && t.shape == Shape::Capitalized
                            && lower_seen.contains(&t.lower)
                        {
                            form.push_str(doc.vocab.get(t.lower));
                        } else {
                            form.push_str(text);
                        }
                    }
                    let c = cands.entry(stems.clone()).or_insert_with(|| Candidate {
                        stems,
                        first: order,
                        ..Candidate::default()
                    });
                    c.count += 1;
                    c.sentences.insert(si);
                    c.in_headline |= headline;
                    *c.forms.entry(form).or_default() += 1;
                }
            }
        }
        if s.kind == SentenceKind::Body {
            order += 1;
        }
    }
    let body = order.max(1) as f64;
    let score = |c: &Candidate| {
        let n = c.stems.len() as f64;
        let spread = c.sentences.len() as f64;
        let position = 1.0 + 1.0 / (1.0 + c.first as f64 / (body / 10.0).max(1.0));
        let headline = if c.in_headline { 1.5 } else { 1.0 };
        (c.count as f64 + spread) * position * headline * n.sqrt()
    };
    let mut ranked: Vec<(&Candidate, f64)> = cands
        .values()
        .filter(|c| c.stems.len() == 1 || c.count >= 2 || c.in_headline)
        .map(|c| (c, score(c)))
        .collect();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1)
            .then(a.0.first.cmp(&b.0.first))
            .then(a.0.stems.cmp(&b.0.stems))
    });
    let mut picked: Vec<(&Candidate, f64)> = Vec::new();
    for &(c, s) in &ranked {
        if picked.len() >= k {
            break;
        }
        // Promote a word to the phrase that carries it.
        let (c, s) = if c.stems.len() == 1 {
            ranked
                .iter()
                .filter(|(p, _)| {
                    p.stems.len() > 1
                        && p.count >= 2
                        && p.stems.contains(&c.stems[0])
                        && p.count as f64 >= PROMOTE_SHARE * c.count as f64
                })
                .max_by(|a, b| a.1.total_cmp(&b.1))
                .map_or((c, s), |&(p, ps)| (p, ps.max(s)))
        } else {
            (c, s)
        };
        let overlaps = picked.iter().any(|(p, _)| {
            let (small, big) = if p.stems.len() <= c.stems.len() {
                (&p.stems, &c.stems)
            } else {
                (&c.stems, &p.stems)
            };
            small.iter().all(|x| big.contains(x))
        });
        if !overlaps {
            picked.push((c, s));
        }
    }
    picked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let best = picked.first().map_or(1.0, |p| p.1).max(f64::MIN_POSITIVE);
    picked
        .into_iter()
        .map(|(c, s)| Keyword {
            phrase: c
                .forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| f.clone())
                .unwrap_or_default(),
            score: (s / best * 1000.0).round() / 1000.0,
        })
        .collect()
}
