//! `pith eval keyphrases --data DIR [--k N] [--show N]`: keyphrases against the crowd-annotated
//! 500N-KPCrowd news set (`ID.txt` article, `ID.key` one gold phrase a line), with the
//! frequency baseline computed in the same run.
//!
//! The convention is YAKE's, so figures compare with published ones: everything lowercased,
//! every word of predicted and gold phrases Porter-stemmed, exact match of the stemmed phrase,
//! predictions deduplicated after stemming (so "missile defences" after "missile defence" does
//! not take a slot), gold = all `.key` lines deduplicated after stemming. P@k = hits / phrases
//! kept (at most k), R@k = hits / gold; P, R and F1 are computed per document and then averaged
//! (macro), so long articles with many keys do not dominate.

use super::porter::word_stems;
use super::read_text;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Cutoffs always reported.
const CUTOFFS: [usize; 3] = [5, 10, 15];

/// `pith eval keyphrases` flags.
#[derive(clap::Args)]
pub struct Args {
    /// The data directory.
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// Keywords asked of pith per document.
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    k: u32,
    /// Print the first N documents' keyphrases beside the annotations.
    #[arg(long, value_name = "N", default_value_t = 0)]
    show: usize,
}

/// Runs the evaluation.
pub fn run(args: &Args) -> Result<(), String> {
    let (k, show) = (args.k as usize, args.show);
    let dir = args.data.as_path();
    if !dir.is_dir() {
        println!(
            "pith eval keyphrases: {} is absent, skipped (the data lives outside the repository)",
            dir.display()
        );
        return Ok(());
    }
    let docs = documents(dir)?;
    if docs.is_empty() {
        println!(
            "pith eval keyphrases: no ID.txt with ID.key in {}, skipped",
            dir.display()
        );
        return Ok(());
    }
    let cutoffs = cutoffs(k);
    let most = cutoffs.iter().copied().max().unwrap_or(k);
    let options = pith::Options::new().keywords(most);
    let mut sums = Sums::default();
    for (n, (txt, key)) in docs.iter().enumerate() {
        let text = read_text(txt)?;
        let gold = dedup(read_text(key)?.lines().map(str::to_string));
        let analysis = pith::analyze(&text, &options).map_err(|e| e.to_string())?;
        let ours = dedup(analysis.keywords.into_iter().map(|kw| kw.phrase));
        let base = dedup(frequent_words(&text).into_iter());
        if n < show {
            print_document(txt, &gold, &ours, &base[..base.len().min(most)]);
        }
        sums.add(
            &cutoffs,
            &[("pith", ours.as_slice()), ("frequency", base.as_slice())],
            &gold,
        );
    }
    println!(
        "keyphrases: {} documents in {} (Porter-stemmed exact match, macro-averaged, x100)",
        docs.len(),
        dir.display()
    );
    sums.print(&cutoffs, docs.len() as f64, k);
    Ok(())
}

/// [`CUTOFFS`], with `k` among them in order.
fn cutoffs(k: usize) -> Vec<usize> {
    let mut cutoffs = CUTOFFS.to_vec();
    if !cutoffs.contains(&k) {
        cutoffs.push(k);
        cutoffs.sort_unstable();
    }
    cutoffs
}

/// `--show`: one document's phrases of each system, `+` marking those in the gold.
fn print_document(txt: &Path, gold: &[String], ours: &[String], base: &[String]) {
    let hit = |p: &String| if gold.contains(p) { "+" } else { "-" };
    let list = |v: &[String]| {
        v.iter()
            .map(|p| format!("{}{p}", hit(p)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("{}", txt.display());
    println!("  pith: {}", list(ours));
    println!("  freq: {}", list(base));
}

/// Sums over documents of (P, R, F1), per system and cutoff.
#[derive(Default)]
struct Sums(HashMap<(&'static str, usize), [f64; 3]>);

impl Sums {
    /// Adds one document's scores: each system's phrases, cut at each cutoff, against `gold`.
    fn add(&mut self, cutoffs: &[usize], systems: &[(&'static str, &[String])], gold: &[String]) {
        for &c in cutoffs {
            for &(name, predicted) in systems {
                let s = self.0.entry((name, c)).or_default();
                let [p, r, f] = score(&predicted[..predicted.len().min(c)], gold);
                s[0] += p;
                s[1] += r;
                s[2] += f;
            }
        }
    }

    /// Prints the table of macro-averages over `docs_n` documents, and the F1 margin at `k`.
    fn print(&self, cutoffs: &[usize], docs_n: f64, k: usize) {
        let mut header = format!("{:<10}", "system");
        for c in cutoffs {
            header.push_str(&format!(
                " | {:>5} {:>5} {:>5}",
                format!("P@{c}"),
                format!("R@{c}"),
                format!("F1@{c}")
            ));
        }
        println!("{header}");
        println!("{}", "-".repeat(header.len()));
        for name in ["pith", "frequency"] {
            let mut line = format!("{name:<10}");
            for &c in cutoffs {
                let s = self.0.get(&(name, c)).copied().unwrap_or_default();
                line.push_str(&format!(
                    " | {:>5.1} {:>5.1} {:>5.1}",
                    100.0 * s[0] / docs_n,
                    100.0 * s[1] / docs_n,
                    100.0 * s[2] / docs_n
                ));
            }
            println!("{line}");
        }
        let f1 = |name: &str| {
            self.0
                .get(&(name, k))
                .map_or(0.0, |s| 100.0 * s[2] / docs_n)
        };
        println!(
            "F1@{k}: pith {:.1}, frequency {:.1}, margin {:+.1}",
            f1("pith"),
            f1("frequency"),
            f1("pith") - f1("frequency")
        );
    }
}

/// `(ID.txt, ID.key)` pairs of `dir`, sorted by name so runs are reproducible.
fn documents(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut out: Vec<(PathBuf, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let key = p.with_extension("key");
            (p, key)
        })
        .filter(|(_, key)| key.is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// Phrases as space-joined Porter stems, empty ones dropped, first occurrence kept.
fn dedup(phrases: impl Iterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    phrases
        .map(|p| word_stems(&p).join(" "))
        .filter(|s| !s.is_empty() && seen.insert(s.clone()))
        .collect()
}

/// `[P, R, F1]` of one document.
fn score(predicted: &[String], gold: &[String]) -> [f64; 3] {
    let hits = predicted.iter().filter(|p| gold.contains(p)).count() as f64;
    let p = if predicted.is_empty() {
        0.0
    } else {
        hits / predicted.len() as f64
    };
    let r = if gold.is_empty() {
        0.0
    } else {
        hits / gold.len() as f64
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    [p, r, f]
}

/// The baseline: lowercase words (`\w+` runs with a letter) that are not English stopwords of
/// the list pith uses, most frequent first, ties broken by first occurrence. The caller keeps
/// the first k after stemmed deduplication, as for pith.
fn frequent_words(text: &str) -> Vec<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    let lower = text.to_lowercase();
    let words = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| {
            w.chars().any(char::is_alphabetic)
                && !pith::internal::is_stopword(pith::Lang::English, w)
        });
    for (i, w) in words.enumerate() {
        counts.entry(w.to_string()).or_insert((0, i)).0 += 1;
    }
    let mut ranked: Vec<(String, (usize, usize))> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.1 .1.cmp(&b.1 .1)));
    ranked.into_iter().map(|(w, _)| w).collect()
}
