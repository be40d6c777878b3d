//! `pith eval summaries --data FILE|DIR [--limit N]`: ROUGE-1/2/L F1 of pith's summaries
//! against human references, with LEAD-3 and TextRank computed in the same run on the same
//! sentence splits.
//!
//! Data: JSON lines (`article`, `references`: a list; each document is scored against its best
//! reference) or the BBC folder layout (`articles/<cat>/NNN.txt`, `references/<cat>/NNN.txt`).
//! ROUGE follows Google's `rouge-score` (0.1.2): lowercase, non-alphanumerics split, Porter
//! stems for words over three letters, F1 of unigram/bigram overlap and of the longest common
//! subsequence over the whole summary (`rougeL`). The unit tests pin figures computed with
//! `rouge-score` itself.

use super::porter::{rouge_tokens, word_stems};
use super::read_text;
use pith::{analyze, Analysis, Lang, Options, SentenceKind};
use std::collections::HashMap;
use std::path::Path;

struct Doc {
    article: String,
    references: Vec<String>,
}

/// ROUGE F1 scores (fractions).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rouge {
    pub r1: f64,
    pub r2: f64,
    pub rl: f64,
}

fn f1(overlap: usize, cand: usize, reference: usize) -> f64 {
    if overlap == 0 || cand == 0 || reference == 0 {
        return 0.0;
    }
    let p = overlap as f64 / cand as f64;
    let r = overlap as f64 / reference as f64;
    2.0 * p * r / (p + r)
}

fn ngram_overlap(a: &[String], b: &[String], n: usize) -> (usize, usize, usize) {
    fn grams(t: &[String], n: usize) -> HashMap<&[String], usize> {
        let mut m: HashMap<&[String], usize> = HashMap::new();
        for w in t.windows(n) {
            *m.entry(w).or_default() += 1;
        }
        m
    }
    let (ga, gb) = (grams(a, n), grams(b, n));
    let overlap = ga
        .iter()
        .map(|(g, &c)| c.min(gb.get(g).copied().unwrap_or(0)))
        .sum();
    (
        overlap,
        a.len().saturating_sub(n - 1),
        b.len().saturating_sub(n - 1),
    )
}

fn lcs(a: &[String], b: &[String]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for x in a {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y {
                prev[j] + 1
            } else {
                cur[j].max(prev[j + 1])
            };
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// ROUGE-1/2/L F1 of `candidate` against `reference`.
pub fn rouge(candidate: &str, reference: &str) -> Rouge {
    let (c, r) = (rouge_tokens(candidate), rouge_tokens(reference));
    let (o1, c1, r1) = ngram_overlap(&c, &r, 1);
    let (o2, c2, r2) = ngram_overlap(&c, &r, 2);
    Rouge {
        r1: f1(o1, c1, r1),
        r2: f1(o2, c2, r2),
        rl: f1(lcs(&c, &r), c.len(), r.len()),
    }
}

fn load(path: &Path) -> Result<Vec<Doc>, String> {
    if path.is_dir() {
        let articles = path.join("articles");
        let mut docs = Vec::new();
        let mut cats: Vec<_> = std::fs::read_dir(&articles)
            .map_err(|e| format!("cannot read {}: {e}", articles.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        cats.sort();
        for cat in cats {
            let mut files: Vec<_> = std::fs::read_dir(&cat)
                .map_err(|e| format!("cannot read {}: {e}", cat.display()))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .collect();
            files.sort();
            for f in files {
                let (Some(c), Some(name)) = (cat.file_name(), f.file_name()) else {
                    continue;
                };
                let reference = read_text(&path.join("references").join(c).join(name))?;
                // BBC references join sentences without a space after the full stop.
                let reference = reference.replace('.', ". ");
                docs.push(Doc {
                    article: read_text(&f)?,
                    references: vec![reference],
                });
            }
        }
        return Ok(docs);
    }
    let text = read_text(path)?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, line)| {
            let v: serde_json::Value =
                serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
            let article = v["article"]
                .as_str()
                .ok_or_else(|| format!("line {}: no \"article\"", i + 1))?
                .to_string();
            let references = v["references"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|r| r.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            Ok(Doc {
                article,
                references,
            })
        })
        .collect()
}

/// Indexes of body sentences: the candidates every system chooses from.
fn body(a: &Analysis) -> Vec<usize> {
    (0..a.sentences.len())
        .filter(|&i| a.sentences[i].kind == SentenceKind::Body)
        .collect()
}

fn join(a: &Analysis, picked: &[usize]) -> String {
    picked
        .iter()
        .map(|&i| a.sentences[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn lead(a: &Analysis, k: usize) -> Vec<usize> {
    body(a).into_iter().take(k).collect()
}

/// TextRank (Mihalcea & Tarau 2004) over the same body sentences: similarity is shared stemmed
/// content words over the sum of log lengths; PageRank with damping 0.85.
fn textrank(a: &Analysis, k: usize) -> Vec<usize> {
    let ids = body(a);
    let words: Vec<Vec<String>> = ids
        .iter()
        .map(|&i| {
            let mut w: Vec<String> = a.sentences[i]
                .text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| {
                    !t.is_empty() && !pith::internal::is_stopword(Lang::English, &t.to_lowercase())
                })
                .flat_map(word_stems)
                .collect();
            w.sort();
            w
        })
        .collect();
    let n = ids.len();
    let mut sim = vec![vec![0.0f64; n]; n];
    for i in 0..n {
        for j in i + 1..n {
            let (a_, b_) = (&words[i], &words[j]);
            if a_.len() < 2 || b_.len() < 2 {
                continue;
            }
            let common = a_.iter().filter(|w| b_.binary_search(w).is_ok()).count();
            let s = common as f64 / ((a_.len() as f64).ln() + (b_.len() as f64).ln());
            sim[i][j] = s;
            sim[j][i] = s;
        }
    }
    let out: Vec<f64> = sim.iter().map(|row| row.iter().sum()).collect();
    let mut score = vec![1.0f64; n];
    for _ in 0..50 {
        score = (0..n)
            .map(|i| {
                0.15 + 0.85
                    * (0..n)
                        .filter(|&j| out[j] > 0.0)
                        .map(|j| sim[j][i] / out[j] * score[j])
                        .sum::<f64>()
            })
            .collect();
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| score[y].total_cmp(&score[x]).then(x.cmp(&y)));
    let mut picked: Vec<usize> = order.into_iter().take(k).map(|i| ids[i]).collect();
    picked.sort_unstable();
    picked
}

const SYSTEMS: [&str; 3] = ["pith", "LEAD-3", "TextRank"];

/// `pith eval summaries` flags.
#[derive(clap::Args)]
pub struct Args {
    /// The data: a JSON lines file or a directory of articles and reference summaries.
    #[arg(long, value_name = "FILE|DIR")]
    data: String,
    /// Evaluate only the first N documents.
    #[arg(long, value_name = "N")]
    limit: Option<usize>,
    /// Decimals shown (close margins that one decimal rounds away).
    #[arg(long, value_name = "N", default_value_t = 1)]
    decimals: usize,
}

/// Runs the evaluation and prints the tables.
pub fn run(args: &Args) -> Result<(), String> {
    let data = args.data.as_str();
    let path = Path::new(data);
    if !path.exists() {
        println!("pith eval summaries: {data} not found; skipped");
        return Ok(());
    }
    let mut docs = load(path)?;
    if let Some(n) = args.limit {
        docs.truncate(n);
    }
    let mut sums = [[Rouge::default(); 3]; 2];
    let mut counted = 0usize;
    for doc in &docs {
        if doc.references.is_empty() {
            continue;
        }
        counted += 1;
        add_document(doc, &mut sums)?;
    }
    print_tables(data, counted, &sums, args.decimals);
    Ok(())
}

/// Adds one document's best-reference ROUGE, per setting (3 sentences, length matched to the
/// reference) and system, to `sums` (`[setting][system]`).
fn add_document(doc: &Doc, sums: &mut [[Rouge; 3]; 2]) -> Result<(), String> {
    let base = analyze(&doc.article, &Options::new().sentences(3)).map_err(|e| e.to_string())?;
    // pith's picks per summary length, each analysed once.
    let mut by_k: HashMap<usize, Vec<usize>> = HashMap::new();
    by_k.insert(3, base.summary.iter().map(|s| s.sentence).collect());
    for (setting, sum) in sums.iter_mut().enumerate() {
        let mut best = [Rouge::default(); 3];
        for reference in &doc.references {
            let k = if setting == 0 {
                3
            } else {
                let n = analyze(reference, &Options::new().sentences(0))
                    .map(|r| r.sentences.len())
                    .unwrap_or(3);
                n.max(1)
            };
            let pith_pick = match by_k.get(&k) {
                Some(p) => p.clone(),
                None => {
                    let a = analyze(&doc.article, &Options::new().sentences(k))
                        .map_err(|e| e.to_string())?;
                    let p: Vec<usize> = a.summary.iter().map(|s| s.sentence).collect();
                    by_k.insert(k, p.clone());
                    p
                }
            };
            let picks = [pith_pick, lead(&base, k), textrank(&base, k)];
            for (b, p) in best.iter_mut().zip(&picks) {
                // Best reference per document, for each measure.
                let r = rouge(&join(&base, p), reference);
                b.r1 = b.r1.max(r.r1);
                b.r2 = b.r2.max(r.r2);
                b.rl = b.rl.max(r.rl);
            }
        }
        for (s, b) in sum.iter_mut().zip(best) {
            s.r1 += b.r1;
            s.r2 += b.r2;
            s.rl += b.rl;
        }
    }
    Ok(())
}

/// Prints one table per setting: each system's mean ROUGE over the `counted` documents, with
/// `d` decimals.
fn print_tables(data: &str, counted: usize, sums: &[[Rouge; 3]; 2], d: usize) {
    let n = counted.max(1) as f64;
    println!("pith eval summaries: {data} ({counted} documents; ROUGE F1 x100, best reference per document)");
    for (setting, name) in ["3 sentences", "length matched to the reference"]
        .iter()
        .enumerate()
    {
        println!("\n{name}");
        println!("  {:<10} {:>7} {:>7} {:>7}", "system", "R-1", "R-2", "R-L");
        for (i, sys) in SYSTEMS.iter().enumerate() {
            let s = sums[setting][i];
            println!(
                "  {:<10} {:>7.d$} {:>7.d$} {:>7.d$}",
                sys,
                100.0 * s.r1 / n,
                100.0 * s.r2 / n,
                100.0 * s.rl / n
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Figures computed with Google's `rouge-score` 0.1.2 (`RougeScorer(['rouge1', 'rouge2',
    /// 'rougeL'], use_stemmer=True).score(reference, candidate)`, F-measure).
    #[test]
    fn agrees_with_rouge_score() {
        let pairs = [
            (
                "The Russian President has stepped up pressure on the Bush administration to freeze plans.",
                "Putin stepped up pressure on the Bush administration over missile defence plans.",
                [0.615385, 0.5, 0.615385],
            ),
            (
                "Police said the suspects were arrested on Monday after a lengthy investigation into the thefts.",
                "Two suspects arrested Monday following investigation of thefts, police say.",
                [0.48, 0.0, 0.4],
            ),
            (
                "Running runners ran; the generously generalized organizations' argued arguments.",
                "runner running organization argue generous general",
                [0.8, 0.307692, 0.4],
            ),
        ];
        for (candidate, reference, want) in pairs {
            let r = rouge(candidate, reference);
            for (got, want) in [r.r1, r.r2, r.rl].into_iter().zip(want) {
                assert!((got - want).abs() < 1e-6, "{candidate}: {got} vs {want}");
            }
        }
    }
}
