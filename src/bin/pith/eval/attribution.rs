//! `pith eval attribution --data DIR [--errors]`: who said what, scored against PolNeAR's
//! attribution annotations, with a quote-only baseline computed in the same run.
//!
//! Layout (PolNeAR v1): `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANNOTATOR.ann` (brat
//! standoff, offsets in Unicode code points); the first annotator file of each article in
//! sorted order is used.
//!
//! The metric compares holders by the head of the annotated Source, because a positions table
//! names holders ("Donald Trump") while PolNeAR marks the source's words ("Trump's campaign
//! manager Kellyanne Conway"):
//! - **gold**: attributions whose Source is a name ([`head`]);
//! - **recall**: share of gold attributions for which some row's evidence sentence overlaps a
//!   Content fragment and its holder contains the head as a whole word (case-insensitive);
//! - **precision**: share of rows with a named holder (resolved, not a pronoun) that overlap
//!   the Content of a name-sourced gold attribution whose head the holder contains.
//!
//! The baseline takes direct quotes (text in quotation marks, three words or more) and gives
//! each to the nearest capitalised name in its sentence or an adjacent one.

use super::read_text;
use pith::{analyze, Analysis, Options};

/// The display threshold (rows the demo and the widget show).
const DISPLAY_CONFIDENCE: f64 = pith::POSITION_DISPLAY_CONFIDENCE;
use std::ops::Range;
use std::path::Path;

/// Words after which a Source's words no longer name it ("Edward Alden of the Council ...").
const POST_MODIFIERS: &[&str] = &[
    "of", "in", "at", "for", "from", "with", "on", "to", "by", "who", "whose", "whom", "which",
    "that", "and", "or", "nor", "as",
];
/// Pronouns (and pronoun-like determiners) that make a Source not a name.
const PRONOUNS: &[&str] = &[
    "i",
    "me",
    "my",
    "you",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "its",
    "we",
    "us",
    "our",
    "they",
    "them",
    "their",
    "this",
    "that",
    "these",
    "those",
    "who",
    "whom",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "one",
];
/// Capitalised words the baseline does not take for names (besides the lexicon's weekdays).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "so",
    "if",
    "in",
    "on",
    "at",
    "for",
    "to",
    "of",
    "as",
    "by",
    "with",
    "from",
    "after",
    "before",
    "when",
    "while",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "he",
    "she",
    "it",
    "we",
    "they",
    "i",
    "you",
    "his",
    "her",
    "its",
    "our",
    "their",
    "my",
    "your",
    "mr",
    "mrs",
    "ms",
    "dr",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "yes",
    "no",
    "not",
    "what",
    "why",
    "how",
    "where",
    "who",
    "one",
    "all",
    "some",
    "now",
    "also",
    "still",
];

/// One annotated attribution whose Source is a name.
struct Gold {
    head: String,
    content: Vec<Range<usize>>,
    /// Source and cue as written (for `--errors`).
    source: String,
    cue: String,
}

/// One row to score: holder and evidence span (code points).
struct Row {
    holder: String,
    /// The cue as written (for `--errors`).
    cue: String,
    span: Range<usize>,
    named: bool,
}

/// Counts for one system.
#[derive(Default)]
struct Score {
    gold: usize,
    found: usize,
    rows: usize,
    correct: usize,
}

impl Score {
    fn add(&mut self, gold: &[Gold], rows: &[Row]) -> (Vec<usize>, Vec<usize>) {
        let mut missed = Vec::new();
        let mut wrong = Vec::new();
        self.gold += gold.len();
        for (gi, g) in gold.iter().enumerate() {
            if rows.iter().any(|r| matches(r, g)) {
                self.found += 1;
            } else {
                missed.push(gi);
            }
        }
        for (ri, r) in rows.iter().enumerate().filter(|(_, r)| r.named) {
            self.rows += 1;
            if gold.iter().any(|g| matches(r, g)) {
                self.correct += 1;
            } else {
                wrong.push(ri);
            }
        }
        (missed, wrong)
    }

    fn line(&self, name: &str) -> String {
        let p = ratio(self.correct, self.rows);
        let r = ratio(self.found, self.gold);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{name:<16} {:>6.1} {:>6.1} {:>6.1} {:>6} {:>6}",
            p * 100.0,
            r * 100.0,
            f * 100.0,
            self.rows,
            self.correct
        )
    }
}

/// One row for the strict rule: holder, claim words and evidence span (code points).
struct StrictRow {
    holder: String,
    claim: String,
    words: Vec<String>,
    span: Range<usize>,
    confidence: f64,
}

/// The strict figures: every row counts, and the claim must match the Content.
#[derive(Default)]
struct Strict {
    /// Name-sourced gold attributions, and how many some row matches.
    gold: usize,
    found: usize,
    /// Rows, and how many are right.
    rows: usize,
    correct: usize,
}

/// Token F1 a claim needs with a gold Content to count as that Content.
const CLAIM_F1: f64 = 0.5;

/// Whether row `r` states gold `g`: its evidence overlaps the Content, its claim has token F1
/// of at least [`CLAIM_F1`] with it, and its holder contains the Source's head when the Source
/// is a name (or the head of another of its conjuncts: "Ms. Lamb and Mr. Hale said").
fn strict_match(r: &StrictRow, g: &AnyGold) -> bool {
    g.content
        .iter()
        .any(|c| c.start < r.span.end && r.span.start < c.end)
        && token_f1(&r.words, &g.words) >= CLAIM_F1
        && g.head.as_ref().is_none_or(|h| {
            contains_word(&r.holder, h) || g.co_heads.iter().any(|c| contains_word(&r.holder, c))
        })
}

impl Strict {
    /// Adds one article; returns the indexes of the rows that are wrong.
    fn add(&mut self, gold: &[AnyGold], rows: &[&StrictRow]) -> Vec<usize> {
        for g in gold.iter().filter(|g| g.head.is_some()) {
            self.gold += 1;
            if rows.iter().any(|r| strict_match(r, g)) {
                self.found += 1;
            }
        }
        let mut wrong = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            self.rows += 1;
            if gold.iter().any(|g| strict_match(r, g)) {
                self.correct += 1;
            } else {
                wrong.push(i);
            }
        }
        wrong
    }

    fn line(&self, name: &str) -> String {
        Score {
            gold: self.gold,
            found: self.found,
            rows: self.rows,
            correct: self.correct,
        }
        .line(name)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn matches(r: &Row, g: &Gold) -> bool {
    g.content
        .iter()
        .any(|c| c.start < r.span.end && r.span.start < c.end)
        && contains_word(&r.holder, &g.head)
}

/// Whether `text` contains `word` as a whole word, ignoring case.
fn contains_word(text: &str, word: &str) -> bool {
    let (text, word) = (text.to_lowercase(), word.to_lowercase());
    if word.is_empty() {
        return false;
    }
    let is_word = |c: char| c.is_alphanumeric();
    text.match_indices(&word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(is_word) && !after.is_some_and(is_word)
    })
}

/// Strips quotes, punctuation and a possessive from a word.
fn bare(w: &str) -> &str {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
        .trim_matches(|c: char| !c.is_alphanumeric())
}

/// The heads of the conjuncts after the first of a coordinated Source ("Mr. Grassley and Mr.
/// Leahy", "Both Mr. King and Mr. Schultz"), each by [`head`]; empty for one name.
fn co_heads(source: &str) -> Vec<String> {
    source.split(" and ").skip(1).filter_map(head).collect()
}

/// The head of a Source when the Source is a name: the Source without parenthesised parts, cut
/// into segments at commas, semicolons and spaced dashes, each segment cut at its first
/// post-modifier; the last word of the first segment ending in a capitalised word. A Source
/// starting with a pronoun or a lower-case word is not a name.
pub fn head(source: &str) -> Option<String> {
    let mut text = String::with_capacity(source.len());
    let mut depth = 0usize;
    for c in source.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => text.push(c),
            _ => text.push(' '),
        }
    }
    let first = text.split_whitespace().map(bare).find(|w| !w.is_empty())?;
    if PRONOUNS.contains(&first.to_lowercase().as_str())
        || !first.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    // Segments: commas, semicolons, and dashes standing alone between spaces.
    let mut segments: Vec<Vec<&str>> = vec![Vec::new()];
    for w in text.split_whitespace() {
        if matches!(w, "-" | "--" | "–" | "—") {
            segments.push(Vec::new());
            continue;
        }
        let pieces: Vec<&str> = w.split([',', ';']).collect();
        for (k, p) in pieces.iter().enumerate() {
            if k > 0 {
                segments.push(Vec::new());
            }
            if !p.is_empty() {
                if let Some(last) = segments.last_mut() {
                    last.push(p);
                }
            }
        }
    }
    for seg in segments {
        let cut = seg
            .iter()
            .position(|w| POST_MODIFIERS.contains(&bare(w).to_lowercase().as_str()))
            .unwrap_or(seg.len());
        let Some(last) = seg[..cut]
            .iter()
            .rev()
            .map(|w| bare(w))
            .find(|w| !w.is_empty())
        else {
            continue;
        };
        if last.chars().next().is_some_and(char::is_uppercase) {
            return Some(last.to_string());
        }
    }
    None
}

/// One annotated attribution, whatever its Source (for the strict precision of rows).
struct AnyGold {
    /// The Source's head when it is a name.
    head: Option<String>,
    /// The heads of the Source's other conjuncts when it coordinates names ("Mr. Grassley
    /// and Mr. Leahy say": "Leahy"): a row for any of them states the attribution.
    co_heads: Vec<String>,
    content: Vec<Range<usize>>,
    /// The Content's words ([`words`]).
    words: Vec<String>,
}

/// Parses a brat file: the attributions with a Source that is a name.
fn parse_ann(ann: &str) -> (usize, Vec<Gold>) {
    let (total, all) = parse_all(ann);
    let gold = all
        .into_iter()
        .filter_map(|(g, source, cue)| {
            Some(Gold {
                head: g.head?,
                content: g.content,
                source,
                cue,
            })
        })
        .collect();
    (total, gold)
}

/// Parses a brat file: every attribution, with its Source and Cue as written.
fn parse_all(ann: &str) -> (usize, Vec<(AnyGold, String, String)>) {
    let mut spans: std::collections::HashMap<&str, (Vec<Range<usize>>, &str)> =
        std::collections::HashMap::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(meta)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let text = parts.next().unwrap_or("");
        let offsets = meta.split_once(' ').map_or("", |(_, o)| o);
        let ranges = offsets
            .split(';')
            .filter_map(|r| {
                let (a, b) = r.trim().split_once(' ')?;
                Some(a.parse().ok()?..b.parse().ok()?)
            })
            .collect();
        spans.insert(id, (ranges, text));
    }
    let mut total = 0;
    let mut gold = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(args)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !id.starts_with('E') {
            continue;
        }
        total += 1;
        let mut source = None;
        let mut cue = "";
        let mut content = Vec::new();
        for arg in args.split_whitespace() {
            let Some((role, t)) = arg.split_once(':') else {
                continue;
            };
            let Some((ranges, text)) = spans.get(t) else {
                continue;
            };
            if role.starts_with("Source") && source.is_none() {
                source = Some(*text);
            } else if role.starts_with("Cue") {
                cue = text;
            } else if role.starts_with("Content") {
                content.extend(ranges.iter().cloned());
            }
        }
        let mut ranges: Vec<(usize, &str)> = args
            .split_whitespace()
            .filter_map(|a| a.split_once(':'))
            .filter(|(role, _)| role.starts_with("Content"))
            .filter_map(|(_, t)| spans.get(t))
            .map(|(r, text)| (r.first().map_or(0, |r| r.start), *text))
            .collect();
        ranges.sort_by_key(|&(start, _)| start);
        let text: Vec<&str> = ranges.iter().map(|&(_, t)| t).collect();
        let source_text = source.unwrap_or("");
        gold.push((
            AnyGold {
                head: source.and_then(head),
                co_heads: source.map_or_else(Vec::new, co_heads),
                content,
                words: words(&text.join(" ")),
            },
            source_text.to_string(),
            cue.to_string(),
        ));
    }
    (total, gold)
}

/// The lowercased alphanumeric words of `text`, for token F1.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Token F1 between two bags of words.
fn token_f1(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut pool: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for w in b {
        *pool.entry(w.as_str()).or_default() += 1;
    }
    let mut common = 0usize;
    for w in a {
        if let Some(n) = pool.get_mut(w.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            common += 1;
        }
    }
    let (p, r) = (
        common as f64 / a.len() as f64,
        common as f64 / b.len() as f64,
    );
    if common == 0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Code-point offset of every UTF-16 offset of `text` (length: UTF-16 length + 1).
fn utf16_to_chars(text: &str) -> Vec<usize> {
    let mut map = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf16() {
            map.push(i);
        }
    }
    map.push(text.chars().count());
    map
}

/// pith's positions as rows; with `through_pronouns`, rows whose holder the text gives as a
/// pronoun count as named too (the variant the report prints for comparison).
fn pith_rows(g: &Analysis, map: &[usize], through_pronouns: bool) -> Vec<Row> {
    let at = |u: usize| map.get(u).copied().unwrap_or(usize::MAX);
    g.positions
        .iter()
        .filter_map(|p| {
            let s = g.sentences.get(p.sentence)?;
            // A named holder: resolved to an actor, and not through a pronoun ("He said").
            let pronoun = |w: &str| PRONOUNS.contains(&w.to_lowercase().as_str());
            let named = p.resolved
                && !pronoun(&p.actor)
                && (through_pronouns || !p.mention.as_deref().is_some_and(pronoun));
            Some(Row {
                holder: p.actor.clone(),
                cue: p.cue.clone().unwrap_or_default(),
                span: at(s.start)..at(s.end),
                named,
            })
        })
        .collect()
}

/// pith's positions as rows for the strict rule. A row's place is its evidence sentence and,
/// when the claim reaches beyond it (a quotation ending in the sentence before, or going on
/// after it), where the claim's first and last words are found in the paragraphs around it.
fn strict_rows(text: &str, g: &Analysis, map: &[usize]) -> Vec<StrictRow> {
    let at = |u: usize| map.get(u).copied().unwrap_or(usize::MAX);
    let units: Vec<u16> = text.encode_utf16().collect();
    g.positions
        .iter()
        .filter_map(|p| {
            let s = g.sentences.get(p.sentence)?;
            let mut span = at(s.start)..at(s.end);
            // The claim as written, searched from the sentence before to the one after.
            let lo = g
                .sentences
                .get(p.sentence.saturating_sub(1))
                .map_or(s.start, |x| x.start);
            let hi = g.sentences.get(p.sentence + 1).map_or(s.end, |x| x.end);
            let around = String::from_utf16_lossy(&units[lo..hi.min(units.len())]);
            let claim_words: Vec<&str> = p.claim.split_whitespace().collect();
            if let (Some(first), Some(last)) = (claim_words.first(), claim_words.last()) {
                if let Some(i) = around.find(first) {
                    let j = around[i..]
                        .find(last)
                        .map_or(i + first.len(), |k| i + k + last.len());
                    let u16_at = |b: usize| lo + around[..b].encode_utf16().count();
                    span = span.start.min(at(u16_at(i)))..span.end.max(at(u16_at(j)));
                }
            }
            Some(StrictRow {
                holder: p.actor.clone(),
                claim: p.claim.clone(),
                words: words(&p.claim),
                span,
                confidence: p.confidence,
            })
        })
        .collect()
}

/// One article's rows (with pith's positions) and gold, for fitting and thresholding the
/// confidence model (`pith train positions`).
pub struct Article {
    rows: Vec<(pith::Position, StrictRow)>,
    gold: Vec<AnyGold>,
}

impl Article {
    /// pith's positions with whether each is right by the strict rule.
    pub fn labelled(&self) -> impl Iterator<Item = (&pith::Position, bool)> {
        self.rows
            .iter()
            .map(|(p, r)| (p, self.gold.iter().any(|g| strict_match(r, g))))
    }
}

/// The articles of a PolNeAR folder, analysed.
pub fn articles(root: &Path) -> Result<Vec<Article>, String> {
    let (text_dir, ann_dir) = (root.join("text"), root.join("attributions"));
    let ann_files = sorted_names(&ann_dir)?;
    let options = Options::new()
        .language("en")
        .map_err(|e| format!("options: {e}"))?;
    let mut out = Vec::new();
    for file in sorted_names(&text_dir)? {
        let Some(name) = file.strip_suffix(".txt") else {
            continue;
        };
        let Some(ann_path) = ann_for(&ann_dir, &ann_files, name) else {
            continue;
        };
        let text = read_text(&text_dir.join(&file))?;
        let gold = parse_all(&read_text(&ann_path)?).1;
        let g = analyze(&text, &options).map_err(|e| format!("{file}: {e}"))?;
        let map = utf16_to_chars(&text);
        let rows = g
            .positions
            .iter()
            .cloned()
            .zip(strict_rows(&text, &g, &map))
            .collect();
        out.push(Article {
            rows,
            gold: gold.into_iter().map(|(g, ..)| g).collect(),
        });
    }
    Ok(out)
}

/// Strict precision, name-sourced recall and rows over `articles`, keeping the rows `keep`
/// accepts.
pub fn strict_figures(
    articles: &[Article],
    keep: &dyn Fn(&pith::Position) -> bool,
) -> (f64, f64, usize) {
    let mut s = Strict::default();
    for a in articles {
        let rows: Vec<&StrictRow> = a
            .rows
            .iter()
            .filter(|(p, _)| keep(p))
            .map(|(_, r)| r)
            .collect();
        s.add(&a.gold, &rows);
    }
    (ratio(s.correct, s.rows), ratio(s.found, s.gold), s.rows)
}

/// The quote-only baseline: each quotation of three words or more, given to the nearest
/// capitalised name (outside quotes) in its sentence, else in the sentence before or after.
fn baseline_rows(text: &str, g: &Analysis, map: &[usize]) -> Vec<Row> {
    let chars: Vec<char> = text.chars().collect();
    let quotes = quotations(&chars);
    let inside = inside_quotes(&quotes, chars.len());
    let at = |u: usize| map.get(u).copied().unwrap_or(usize::MAX);
    let sentences: Vec<Range<usize>> = g.sentences.iter().map(|s| at(s.start)..at(s.end)).collect();
    let names = name_runs(&chars, &inside, &sentences);
    let mut rows = Vec::new();
    for q in &quotes {
        let Some(s) = sentence_of(&sentences, q.start) else {
            continue;
        };
        if let Some(r) = nearest_name(&names, q, s) {
            rows.push(Row {
                holder: chars[r].iter().collect(),
                cue: String::new(),
                span: sentences[s].clone(),
                named: true,
            });
        }
    }
    rows
}

/// The baseline's quotations of three words or more, in code points: curly pairs, straight
/// pairs, reset at line breaks.
fn quotations(chars: &[char]) -> Vec<Range<usize>> {
    let mut quotes: Vec<Range<usize>> = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match (open, c) {
            (_, '\n') => open = None,
            (None, '“') | (None, '"') => open = Some(i + 1),
            (Some(o), '”') | (Some(o), '"') => {
                quotes.push(o..i);
                open = None;
            }
            _ => {}
        }
    }
    quotes
        .into_iter()
        .filter(|q| {
            chars[q.clone()]
                .iter()
                .collect::<String>()
                .split_whitespace()
                .count()
                >= 3
        })
        .collect()
}

/// Per code point of a text `len` long, whether it lies in one of `quotes` or on its marks.
fn inside_quotes(quotes: &[Range<usize>], len: usize) -> Vec<bool> {
    let mut inside = vec![false; len];
    for q in quotes {
        for f in &mut inside[q.start.saturating_sub(1)..(q.end + 1).min(len)] {
            *f = true;
        }
    }
    inside
}

/// The index of the sentence (of `sentences`, in code points) holding code point `i`.
fn sentence_of(sentences: &[Range<usize>], i: usize) -> Option<usize> {
    sentences.iter().position(|s| s.start <= i && i < s.end)
}

/// Runs of capitalised words outside quotes (`inside`) that the baseline takes for names, with
/// the sentence holding each; runs outside every sentence are dropped.
fn name_runs(
    chars: &[char],
    inside: &[bool],
    sentences: &[Range<usize>],
) -> Vec<(Range<usize>, usize)> {
    let mut names: Vec<(Range<usize>, usize)> = Vec::new();
    let mut end_run = |run: &mut Option<Range<usize>>| {
        if let Some(r) = run.take() {
            if let Some(s) = sentence_of(sentences, r.start) {
                names.push((r, s));
            }
        }
    };
    let mut i = 0;
    let mut run: Option<Range<usize>> = None;
    while i < chars.len() {
        let start = i;
        while i < chars.len() && (chars[i].is_alphanumeric() || matches!(chars[i], '-' | '.')) {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let word: String = chars[start..i].iter().collect();
        let w = word.trim_end_matches('.');
        let name_like = !inside[start] && is_name_like(w);
        match (&mut run, name_like) {
            // A capitalised word after another, spaces between: the run goes on.
            (Some(r), true) if chars[r.end..start].iter().all(|&c| c == ' ') => {
                r.end = start + w.chars().count()
            }
            (_, true) => {
                end_run(&mut run);
                run = Some(start..start + w.chars().count());
            }
            (_, false) => end_run(&mut run),
        }
    }
    end_run(&mut run);
    names
}

/// Whether the baseline takes word `w` (a trailing period trimmed) for part of a name:
/// capitalised, longer than a letter, neither in [`NOT_NAMES`] nor a weekday.
fn is_name_like(w: &str) -> bool {
    let lower = w.to_lowercase();
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() > 1
        && !NOT_NAMES.contains(&lower.as_str())
        && !pith::internal::lexicon::WEEKDAYS.contains(&lower)
}

/// The name run of `names` nearest quotation `q` (in sentence `s`): in its sentence, else in
/// the sentence before or after.
fn nearest_name(
    names: &[(Range<usize>, usize)],
    q: &Range<usize>,
    s: usize,
) -> Option<Range<usize>> {
    let distance = |r: &Range<usize>| {
        if r.end <= q.start {
            q.start - r.end
        } else {
            r.start.saturating_sub(q.end)
        }
    };
    let pick = |want: &dyn Fn(usize) -> bool| {
        names
            .iter()
            .filter(|(_, ns)| want(*ns))
            .min_by_key(|(r, _)| distance(r))
            .map(|(r, _)| r.clone())
    };
    pick(&|ns| ns == s).or_else(|| pick(&|ns| ns + 1 == s || ns == s + 1))
}

/// The annotation file of article `name`: the first `name_ANNOTATOR.ann` in sorted order.
fn ann_for(dir: &Path, files: &[String], name: &str) -> Option<std::path::PathBuf> {
    let prefix = format!("{name}_");
    files
        .iter()
        .find(|f| {
            f.strip_prefix(&prefix)
                .and_then(|rest| rest.strip_suffix(".ann"))
                .is_some_and(|annotator| !annotator.is_empty() && !annotator.contains('_'))
        })
        .map(|f| dir.join(f))
}

fn sorted_names(dir: &Path) -> Result<Vec<String>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    names.sort();
    Ok(names)
}

/// `pith eval attribution` flags.
#[derive(clap::Args)]
pub struct Args {
    /// The PolNeAR directory (with text/ and attributions/).
    #[arg(long, value_name = "DIR")]
    data: std::path::PathBuf,
    /// List every miss and false alarm.
    #[arg(long)]
    errors: bool,
}

/// Runs the evaluation.
pub fn run(args: &Args) -> Result<(), String> {
    let root = args.data.as_path();
    let (text_dir, ann_dir) = (root.join("text"), root.join("attributions"));
    if !text_dir.is_dir() || !ann_dir.is_dir() {
        println!(
            "pith eval attribution: skipped, no PolNeAR data at {} (text/, attributions/)",
            root.display()
        );
        return Ok(());
    }
    let ann_files = sorted_names(&ann_dir)?;
    let options = Options::new()
        .language("en")
        .map_err(|e| format!("options: {e}"))?;
    let mut tallies = Tallies::default();
    for file in sorted_names(&text_dir)? {
        let Some(name) = file.strip_suffix(".txt") else {
            continue;
        };
        let Some(ann_path) = ann_for(&ann_dir, &ann_files, name) else {
            continue;
        };
        let text = read_text(&text_dir.join(&file))?;
        let ann = read_text(&ann_path)?;
        let g = analyze(&text, &options).map_err(|e| format!("{file}: {e}"))?;
        let scored = tallies.add(&text, &ann, &g);
        if args.errors {
            scored.print_errors(name);
        }
    }
    tallies.print(root);
    Ok(())
}

/// The figures of a run, summed over its articles.
#[derive(Default)]
struct Tallies {
    /// pith's rows, by the lenient rule (holder and evidence).
    pith: Score,
    /// The same rows at or above [`DISPLAY_CONFIDENCE`].
    lenient_shown: Score,
    /// The quote-only baseline's rows.
    base: Score,
    /// pith's rows, those whose holder the text gives as a pronoun counted as named too.
    with_pronouns: Score,
    /// pith's rows, by the strict rule (holder and claim).
    strict: Strict,
    /// The same rows at or above [`DISPLAY_CONFIDENCE`].
    shown: Strict,
    articles: usize,
    /// Every annotated attribution, named Source or not.
    attributions: usize,
}

impl Tallies {
    /// Scores one article (its text, brat annotations and pith's analysis `g`) by every rule
    /// and system; returns what `--errors` lists of it.
    fn add<'t>(&mut self, text: &'t str, ann: &str, g: &Analysis) -> Scored<'t> {
        let (total, gold) = parse_ann(ann);
        let parsed = parse_all(ann).1;
        let cues: Vec<String> = parsed.iter().map(|(_, _, c)| c.clone()).collect();
        let all_gold: Vec<AnyGold> = parsed.into_iter().map(|(g, ..)| g).collect();
        let map = utf16_to_chars(text);
        let rows = pith_rows(g, &map, false);
        let (missed, wrong) = self.pith.add(&gold, &rows);
        self.with_pronouns.add(&gold, &pith_rows(g, &map, true));
        let mut confident = g.clone();
        confident
            .positions
            .retain(|p| p.confidence >= DISPLAY_CONFIDENCE);
        self.lenient_shown
            .add(&gold, &pith_rows(&confident, &map, false));
        let strict_rows = strict_rows(text, g, &map);
        let all: Vec<&StrictRow> = strict_rows.iter().collect();
        let strict_wrong = self.strict.add(&all_gold, &all);
        let displayed: Vec<&StrictRow> = strict_rows
            .iter()
            .filter(|r| r.confidence >= DISPLAY_CONFIDENCE)
            .collect();
        self.shown.add(&all_gold, &displayed);
        let base_rows = baseline_rows(text, g, &map);
        let (_, base_wrong) = self.base.add(&gold, &base_rows);
        self.articles += 1;
        self.attributions += total;
        Scored {
            text,
            gold,
            all_gold,
            cues,
            rows,
            base_rows,
            strict_rows,
            missed,
            wrong,
            base_wrong,
            strict_wrong,
        }
    }

    /// Prints the report: the lenient table, then the strict one.
    fn print(&self, root: &Path) {
        println!(
            "attribution: {} articles in {}, {} attributions, {} with a named source",
            self.articles,
            root.display(),
            self.attributions,
            self.pith.gold
        );
        print_header();
        println!("{}", self.pith.line("pith"));
        println!(
            "{}   (rows with confidence >= {DISPLAY_CONFIDENCE})",
            self.lenient_shown.line("pith displayed")
        );
        println!("{}", self.base.line("quote baseline"));
        println!(
            "{}   (pith, rows resolved from pronouns counted as named too)",
            self.with_pronouns.line("pith+pronouns")
        );
        println!(
            "strict: a row is right when its claim has token F1 >= {CLAIM_F1} with a gold Content its \
             evidence overlaps, and its holder contains the Source's head (or another conjunct's, \
             \"X and Y said\") where the Source is a name; P over all rows, R over name-sourced gold"
        );
        print_header();
        println!("{}", self.strict.line("pith all rows"));
        println!(
            "{}   (confidence >= {DISPLAY_CONFIDENCE})",
            self.shown.line("pith displayed")
        );
    }
}

/// The column heads of a report table.
fn print_header() {
    println!(
        "{:<16} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "system", "P", "R", "F1", "rows", "right"
    );
}

/// One article as [`Tallies::add`] scored it: its gold, every system's rows, and the indexes
/// of the gold each rule misses and of the rows it finds wrong.
struct Scored<'t> {
    text: &'t str,
    /// Name-sourced gold attributions (the lenient rule's).
    gold: Vec<Gold>,
    /// Every gold attribution, and its Cue as written (the strict rule's).
    all_gold: Vec<AnyGold>,
    cues: Vec<String>,
    /// pith's rows for the lenient rule.
    rows: Vec<Row>,
    base_rows: Vec<Row>,
    strict_rows: Vec<StrictRow>,
    /// Indexes into `gold` that no row of `rows` finds.
    missed: Vec<usize>,
    /// Indexes into `rows`, `base_rows` and `strict_rows` of the rows found wrong.
    wrong: Vec<usize>,
    base_wrong: Vec<usize>,
    strict_wrong: Vec<usize>,
}

/// Whether evidence `span` overlaps any fragment of a gold Content.
fn overlaps(content: &[Range<usize>], span: &Range<usize>) -> bool {
    content
        .iter()
        .any(|c| c.start < span.end && span.start < c.end)
}

/// Code points `r` of `chars` (clamped to them), on one line.
fn snippet(chars: &[char], r: &Range<usize>) -> String {
    let r = r.start.min(chars.len())..r.end.min(chars.len());
    chars[r].iter().collect::<String>().replace('\n', " ")
}

impl Scored<'_> {
    /// Prints the `--errors` lines of article `name`: MISS, BASE-FP and FP by the lenient
    /// rule, then SMISS and SFP by the strict one.
    fn print_errors(&self, name: &str) {
        let chars: Vec<char> = self.text.chars().collect();
        self.print_lenient_errors(name, &chars);
        self.print_strict_misses(name);
        self.print_strict_false(name, &chars);
    }

    /// Gold pith misses (with the holders of the rows over its Content), then the baseline's
    /// wrong rows, then pith's.
    fn print_lenient_errors(&self, name: &str, chars: &[char]) {
        for &gi in &self.missed {
            let gd = &self.gold[gi];
            let c = gd.content.first().cloned().unwrap_or(0..0);
            let near: Vec<&str> = self
                .rows
                .iter()
                .filter(|r| overlaps(&gd.content, &r.span))
                .map(|r| r.holder.as_str())
                .collect();
            println!(
                "MISS {name} [{}] <{}> ({}) {} || rows: {near:?}",
                gd.head,
                gd.source,
                gd.cue,
                snippet(chars, &c)
            );
        }
        for &ri in &self.base_wrong {
            let r = &self.base_rows[ri];
            println!("BASE-FP {name} [{}] {}", r.holder, snippet(chars, &r.span));
        }
        for &ri in &self.wrong {
            let r = &self.rows[ri];
            println!(
                "FP   {name} [{}] ({}) {}",
                r.holder,
                r.cue,
                snippet(chars, &r.span)
            );
        }
    }

    /// Name-sourced gold no row states by the strict rule, with the claim F1 of the row over
    /// its Content that names its holder, if any.
    fn print_strict_misses(&self, name: &str) {
        let named = self
            .all_gold
            .iter()
            .zip(&self.cues)
            .filter(|(g, _)| g.head.is_some());
        for (g, cue) in named {
            if self.strict_rows.iter().any(|r| strict_match(r, g)) {
                continue;
            }
            let head = g.head.as_deref().unwrap_or("");
            let near = self
                .strict_rows
                .iter()
                .find(|r| overlaps(&g.content, &r.span) && contains_word(&r.holder, head));
            let why = match near {
                Some(r) => {
                    format!("claim F1 {:.2} <{}>", token_f1(&r.words, &g.words), r.claim)
                }
                None => "no row".to_string(),
            };
            println!(
                "SMISS {name} [{head}] ({cue}) {why} || gold <{}>",
                g.words.join(" ")
            );
        }
    }

    /// Rows wrong by the strict rule, each with why and the gold nearest it.
    fn print_strict_false(&self, name: &str, chars: &[char]) {
        for &ri in &self.strict_wrong {
            let r = &self.strict_rows[ri];
            // Why: no gold Content there, the claim off the best one, or the holder.
            let best = self
                .all_gold
                .iter()
                .filter(|g| overlaps(&g.content, &r.span))
                .map(|g| (token_f1(&r.words, &g.words), g))
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let why = match best {
                None => "no-gold".to_string(),
                Some((f1, _)) if f1 < CLAIM_F1 => format!("claim-{f1:.2}"),
                Some((_, g)) => format!("holder-{}", g.head.as_deref().unwrap_or("")),
            };
            println!(
                "SFP  {name} [{}] {:.2} {why} <{}> {}",
                r.holder,
                r.confidence,
                r.claim,
                snippet(chars, &r.span)
            );
            if let Some((_, g)) = best {
                println!(
                    "     nearest gold: [{}] <{}>",
                    g.head.as_deref().unwrap_or("-"),
                    g.words.join(" ")
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_of_sources() {
        let h = |s: &str| head(s);
        assert_eq!(
            h("Hope Hicks, the top spokeswoman for the Trump campaign").as_deref(),
            Some("Hicks")
        );
        assert_eq!(
            h("Edward Alden of the Council on Foreign Relations").as_deref(),
            Some("Alden")
        );
        assert_eq!(h("He"), None);
        assert_eq!(h("a campaign aide"), None);
        assert_eq!(
            h("His former business partner, Lawrence B. Cummings,"),
            None
        );
        assert_eq!(
            h("Sen. Elizabeth Warren (D-Mass.)").as_deref(),
            Some("Warren")
        );
        assert_eq!(h("Mr. Trump's").as_deref(), Some("Trump"));
        assert_eq!(
            h("As many tax experts, including Mr. Goldberg,").as_deref(),
            Some("Goldberg")
        );
        assert_eq!(h("The New York Post").as_deref(), Some("Post"));
        assert_eq!(h("Clinton — who spoke").as_deref(), Some("Clinton"));
    }

    #[test]
    fn strict_rule_needs_the_claim_and_the_named_holder() {
        let g = AnyGold {
            head: Some("Lamb".into()),
            co_heads: vec!["Hale".into()],
            content: vec![10..25, 30..40],
            words: words("that the bridge will open in May"),
        };
        let row = |holder: &str, claim: &str| StrictRow {
            holder: holder.into(),
            claim: claim.into(),
            words: words(claim),
            span: 0..50,
            confidence: 1.0,
        };
        assert!(strict_match(
            &row("Ada Lamb", "the bridge will open in May"),
            &g
        ));
        assert!(!strict_match(
            &row("Officials", "the bridge will open in May"),
            &g
        ));
        assert!(!strict_match(&row("Ada Lamb", "Reuters"), &g));
        // A coordinated Source ("Ms. Lamb and Mr. Hale said"): either name holds it.
        assert!(strict_match(
            &row("Tom Hale", "the bridge will open in May"),
            &g
        ));
        let unnamed = AnyGold { head: None, ..g };
        assert!(strict_match(
            &row("Officials", "the bridge will open in May"),
            &unnamed
        ));
        assert!((token_f1(&words("a b c"), &words("a b d")) - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn whole_words_only() {
        assert!(contains_word("Donald Trump", "trump"));
        assert!(!contains_word("Trumpet", "Trump"));
        assert!(contains_word("Ban Ki-moon", "Ki-moon"));
    }

    #[test]
    fn utf16_offsets_become_code_points() {
        let m = utf16_to_chars("a😀b");
        assert_eq!(m, vec![0, 1, 1, 2, 3]);
    }

    #[test]
    fn brat_events_with_split_content() {
        let ann = "T1\tSource 0 5\tTrump\nT2\tCue 6 10\tsaid\nT3\tContent 11 15;20 25\tx y\n\
                   E1\tAttribution:T2 Cue:T2 Source:T1 Content:T3\n\
                   T4\tSource 30 32\the\nE2\tAttribution:T2 Source:T4 Content:T3\n";
        let (total, gold) = parse_ann(ann);
        assert_eq!(total, 2);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].head, "Trump");
        assert_eq!(gold[0].content, vec![11..15, 20..25]);
    }
}
