//! Keyphrases: content words ranked by document statistics, shown as the phrase they live in
//! when they mostly occur inside one.
//!
//! Words (stem-keyed, so "defence" and "defences" are one) are scored YAKE-style from
//! statistics of this document only, so the same code serves every language with a stemmer:
//! frequency, how early the word first appears, word length, and how often its neighbours are
//! stopwords (nouns sit next to articles and prepositions; adverbs, modals and the inner words
//! of long names mostly do not). Candidate phrases are runs of content words bounded by
//! stopwords, punctuation and sentence edges; a word is promoted to the phrase that carries it
//! ("missile" to "missile defence") when that phrase is repeated and its other words are good
//! keywords too, and words already inside a listed phrase are not listed again.

use crate::lexicon::Lexicon;
use crate::model::{Keyword, SentenceKind};
use crate::text::{Document, Shape, Token, TokenKind};
use std::collections::HashMap;

/// Longest phrase considered, in words.
const MAX_WORDS: usize = 4;

fn p(name: &str, d: f64) -> f64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

/// Statistics of one word (a stem).
#[derive(Default)]
struct Word {
    count: usize,
    /// Index of the first sentence it occurs in (among the sentences read).
    first: usize,
    /// Occurrences with a stopword right before or after, counted per side.
    stop_sides: usize,
    stop_left: usize,
    stop_right: usize,
    cont_left: usize,
    cont_right: usize,
    caps: usize,
    inner: usize,
    upper: usize,
    sentences: usize,
    last: usize,
    first_token: usize,
    in_headline: bool,
    in_summary: usize,
    punct_left: usize,
    punct_right: usize,
    forms: HashMap<String, usize>,
    score: f64,
}

/// Statistics of one multi-word phrase.
#[derive(Default)]
struct Phrase {
    stems: Vec<u32>,
    count: usize,
    first: usize,
    in_headline: bool,
    forms: HashMap<String, usize>,
}

#[allow(clippy::too_many_arguments)]
fn observe(
    words: &mut HashMap<u32, Word>,
    t: &Token,
    left: Option<&Token>,
    right: Option<&Token>,
    order: usize,
    at: usize,
    headline: bool,
    initial: bool,
    form: String,
    usable: &dyn Fn(&Token) -> bool,
) {
    let is_stop = |t: Option<&Token>| t.is_some_and(|t| t.kind == TokenKind::Word && t.stop);
    let is_cont = |t: Option<&Token>| t.is_some_and(usable);
    let w = words.entry(t.stem).or_insert_with(|| Word {
        first: order,
        first_token: at,
        last: usize::MAX,
        ..Word::default()
    });
    w.count += 1;
    if w.last != order {
        w.sentences += 1;
        w.last = order;
    }
    w.in_headline |= headline;
    w.stop_left += usize::from(is_stop(left));
    w.stop_right += usize::from(is_stop(right));
    w.stop_sides += usize::from(is_stop(left)) + usize::from(is_stop(right));
    w.cont_left += usize::from(is_cont(left));
    w.cont_right += usize::from(is_cont(right));
    w.upper += usize::from(t.shape == Shape::Upper);
    w.punct_left += usize::from(left.is_none_or(|t| t.kind == TokenKind::Punct));
    w.punct_right += usize::from(right.is_none_or(|t| t.kind == TokenKind::Punct));
    if !initial && !headline {
        w.inner += 1;
        w.caps += usize::from(matches!(t.shape, Shape::Capitalized | Shape::Upper));
    }
    *w.forms.entry(form).or_default() += 1;
}

/// The `k` best keyphrases of `doc`, best first.
pub fn extract(doc: &Document, k: usize) -> Vec<Keyword> {
    if k == 0 {
        return Vec::new();
    }
    let lx = Lexicon::english();
    let english = doc.lang == Some(crate::lang::Lang::English);
    // Words seen in lowercase somewhere: a capitalised sentence-initial or headline occurrence
    // of one of them is shown in lowercase.
    let lower_seen: std::collections::HashSet<u32> = doc
        .tokens
        .iter()
        .filter(|t| t.shape == Shape::Lower)
        .map(|t| t.lower)
        .collect();
    // Reporting verbs and honorifics are frequent in news but never what an article is about.
    let usable = |t: &Token| {
        let lower = doc.vocab.get(t.lower);
        doc.is_content(t)
            && !(english && (lx.cues.contains_key(lower) || lx.honorifics.contains_key(lower)))
    };
    let mut words: HashMap<u32, Word> = HashMap::new();
    let mut phrases: HashMap<Vec<u32>, Phrase> = HashMap::new();
    let mut order = 0usize;
    let top: std::collections::HashSet<usize> = crate::summary::rank(doc)
        .iter()
        .take(3)
        .map(|s| s.sentence)
        .collect();
    for (si, s) in doc.sentences.iter().enumerate() {
        if !matches!(
            s.kind,
            SentenceKind::Body | SentenceKind::Headline | SentenceKind::Heading
        ) {
            continue;
        }
        let headline = s.kind == SentenceKind::Headline;
        let toks = &doc.tokens[s.tokens.clone()];
        let shown = |i: usize| -> String {
            let t = &toks[i];
            let sentence_initial = toks[..i].iter().all(|p| p.kind == TokenKind::Punct);
            if (sentence_initial || headline)
                && t.shape == Shape::Capitalized
                && lower_seen.contains(&t.lower)
            {
                doc.vocab.get(t.lower).to_string()
            } else {
                doc.token_text(t).to_string()
            }
        };
        // Runs of usable words; a hyphen between two words without spaces joins them, and an
        // acronym in parentheses after a name stays in the run ("Forces (INF) treaty").
        let mut runs: Vec<Vec<(usize, bool)>> = vec![Vec::new()];
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if usable(t) {
                observe(
                    &mut words,
                    t,
                    i.checked_sub(1).map(|j| &toks[j]),
                    toks.get(i + 1),
                    order,
                    s.tokens.start + i,
                    headline,
                    toks[..i].iter().all(|p| p.kind == TokenKind::Punct),
                    shown(i),
                    &usable,
                );
                if top.contains(&si) {
                    if let Some(w) = words.get_mut(&t.stem) {
                        w.in_summary += 1;
                    }
                }
                let hyphen = i >= 2
                    && doc.token_text(&toks[i - 1]) == "-"
                    && toks[i - 1].start == toks[i - 2].end
                    && toks[i - 1].end == t.start
                    && usable(&toks[i - 2]);
                if let Some(run) = runs.last_mut() {
                    run.push((i, hyphen));
                }
            } else if doc.token_text(t) == "("
                && runs.last().is_some_and(|r| !r.is_empty())
                && toks
                    .get(i + 1)
                    .is_some_and(|a| a.shape == Shape::Upper && usable(a))
                && toks.get(i + 2).is_some_and(|c| doc.token_text(c) == ")")
            {
                // Keep the acronym; skip both parentheses.
                if let Some(run) = runs.last_mut() {
                    run.push((i + 1, false));
                }
                observe(
                    &mut words,
                    &toks[i + 1],
                    Some(&toks[i - 1]),
                    toks.get(i + 3),
                    order,
                    s.tokens.start + i + 1,
                    headline,
                    false,
                    shown(i + 1),
                    &usable,
                );
                i += 3;
                continue;
            } else if !(doc.token_text(t) == "-" && runs.last().is_some_and(|r| !r.is_empty())) {
                runs.push(Vec::new());
            }
            i += 1;
        }
        for run in runs.iter().filter(|r| r.len() >= 2) {
            for a in 0..run.len() {
                for b in a + 1..run.len().min(a + MAX_WORDS) {
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
                        form.push_str(&shown(i));
                    }
                    let c = phrases.entry(stems.clone()).or_insert_with(|| Phrase {
                        stems,
                        first: order,
                        ..Phrase::default()
                    });
                    c.count += 1;
                    c.in_headline |= headline;
                    *c.forms.entry(form).or_default() += 1;
                }
            }
        }
        order += 1;
    }

    let sentences_read = order.max(1) as f64;
    for w in words.values_mut() {
        let len = w
            .forms
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map_or(0, |(f, _)| f.chars().count())
            .min(10) as f64;
        let tf = w.count as f64;
        w.score = p("KA", 0.64) * tf.ln() + p("KB", 0.33) * len
            - p("KC", 0.27) * (1.0 + w.first as f64).ln()
            + p("KL", 0.63) * w.stop_left as f64 / tf
            + p("KR", 0.52) * w.stop_right as f64 / tf
            + p("KD", 2.19) * w.sentences as f64 / sentences_read
            + if w.in_headline { p("KE", 0.0) } else { 0.0 };
    }
    let mut ranked: Vec<(u32, &Word)> = words.iter().map(|(&s, w)| (s, w)).collect();
    ranked.sort_by(|a, b| {
        b.1.score
            .total_cmp(&a.1.score)
            .then(a.1.first.cmp(&b.1.first))
            .then(a.0.cmp(&b.0))
    });
    if let Ok(path) = std::env::var("KDUMP") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let ntok = doc.tokens.len().max(1);
            let _ = writeln!(f, "#doc {} {}", order, ntok);
            for (s, w) in &ranked {
                let form = w
                    .forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(f, _)| f.to_lowercase())
                    .unwrap_or_default();
                let _ = writeln!(
                    f,
                    "{}\t{}\t{} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}",
                    form.replace(char::is_whitespace, "_"),
                    doc.vocab.get(*s),
                    w.count,
                    w.first,
                    w.first_token,
                    w.stop_left,
                    w.stop_right,
                    w.cont_left,
                    w.cont_right,
                    w.caps,
                    w.inner,
                    w.upper,
                    w.sentences,
                    u8::from(w.in_headline),
                    doc.vocab.get(*s).chars().count(),
                    form.chars().count(),
                    w.in_summary,
                    w.punct_left,
                    w.punct_right
                );
            }
        }
    }
    if let Ok(path) = std::env::var("KPDUMP") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "#doc");
            let rank: HashMap<u32, usize> = ranked
                .iter()
                .enumerate()
                .map(|(i, (s, _))| (*s, i))
                .collect();
            for ph in phrases.values().filter(|p| p.count >= 2) {
                let form = ph
                    .forms
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(f, _)| f.clone())
                    .unwrap_or_default();
                let caps = form
                    .split([' ', '-'])
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
                let ranks: Vec<String> = ph
                    .stems
                    .iter()
                    .map(|s| rank.get(s).copied().unwrap_or(999).to_string())
                    .collect();
                let counts: Vec<String> = ph
                    .stems
                    .iter()
                    .map(|s| words.get(s).map_or(0, |w| w.count).to_string())
                    .collect();
                let _ = writeln!(
                    f,
                    "{}\t{} {} {} {} {}\t{}\t{}",
                    form.to_lowercase(),
                    ph.count,
                    ph.first,
                    u8::from(ph.in_headline),
                    ph.stems.len(),
                    u8::from(caps),
                    ranks.join(","),
                    counts.join(",")
                );
            }
        }
    }
    if std::env::var("KDEBUG").is_ok() {
        for (s, w) in ranked.iter().take(30) {
            eprintln!(
                "{:>6.2} {:<16} tf={} first={} stop={} h={}",
                w.score,
                doc.vocab.get(*s),
                w.count,
                w.first,
                w.stop_sides,
                w.in_headline
            );
        }
    }
    let mut ranked_phrases: Vec<&Phrase> = phrases.values().filter(|p| p.count >= 2).collect();
    ranked_phrases.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(a.first.cmp(&b.first))
            .then(a.stems.cmp(&b.stems))
    });
    // The score a word needs to be worth listing: the k-th best.
    let bar = ranked
        .get(k.saturating_sub(1).min(ranked.len().saturating_sub(1)))
        .map_or(0.0, |w| w.1.score);
    let share = p("KS", 0.5);
    let slack = p("KT", 0.0);
    let mut picked: Vec<(Vec<u32>, &HashMap<String, usize>, f64)> = Vec::new();
    for &(stem, w) in &ranked {
        if picked.len() >= k {
            break;
        }
        if picked.iter().any(|p| p.0.contains(&stem)) {
            continue;
        }
        let promoted = ranked_phrases.iter().find(|p| {
            p.stems.contains(&stem)
                && p.count as f64
                    >= share
                        * p.stems
                            .iter()
                            .filter_map(|s| words.get(s))
                            .map(|o| o.count)
                            .min()
                            .unwrap_or(0) as f64
                && p.stems
                    .iter()
                    .all(|s| *s == stem || words.get(s).is_some_and(|o| o.score >= bar - slack))
                && !picked
                    .iter()
                    .any(|q| p.stems.iter().any(|s| q.0.contains(s)))
        });
        match promoted {
            Some(p) => picked.push((p.stems.clone(), &p.forms, w.score)),
            None => picked.push((vec![stem], &w.forms, w.score)),
        }
    }
    let best = picked.first().map_or(1.0, |p| p.2);
    let low = picked.last().map_or(0.0, |p| p.2);
    picked
        .into_iter()
        .map(|(_, forms, s)| Keyword {
            phrase: forms
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(f, _)| f.clone())
                .unwrap_or_default(),
            // Relative to the best, on a scale that stays positive down the list.
            score: ((s - low + 1.0) / (best - low + 1.0) * 1000.0).round() / 1000.0,
        })
        .collect()
}
