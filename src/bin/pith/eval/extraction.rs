//! `pith eval extraction`: article extraction from real web pages against a reference
//! extraction, with the 4-word shingle metric of the public article-extraction benchmarks
//! (`../shared/eval/extraction/README.md`), and the page's whole text as the baseline in the
//! same run. Also the metadata: how often each field equals the reference's.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `pith eval extraction` flags.
#[derive(clap::Args)]
pub struct Args {
    /// A folder of pages, one folder each with `source.html`, `expected.html` and optionally
    /// `expected-metadata.json` (Mozilla Readability's test pages are in this layout).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// How many of the worst pages to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    worst: usize,
}

/// The Unicode word runs of `text` (`\w+`: letters, digits, underscore), case kept.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// The multiset of 4-token shingles (a text of 1 to 3 tokens is one short shingle).
fn shingles(tokens: &[&str]) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let windows: Vec<&[&str]> = if tokens.len() < 4 {
        vec![tokens]
    } else {
        tokens.windows(4).collect()
    };
    for w in windows {
        *out.entry(w.join(" ")).or_insert(0) += 1;
    }
    out
}

/// Precision and recall of one page: shared shingles (multiset minimum) over the predicted
/// and over the gold ones. An empty extraction scores 0 precision.
fn scores_of(predicted: &[&str], gold: &[&str]) -> (f64, f64) {
    let (p, g) = (shingles(predicted), shingles(gold));
    let (np, ng): (usize, usize) = (p.values().sum(), g.values().sum());
    let tp: usize = p
        .iter()
        .map(|(k, &n)| n.min(g.get(k).copied().unwrap_or(0)))
        .sum();
    let precision = if np == 0 { 0.0 } else { tp as f64 / np as f64 };
    let recall = if ng == 0 { 1.0 } else { tp as f64 / ng as f64 };
    (precision, recall)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// One page's outcome for one extractor.
struct Scored {
    precision: f64,
    recall: f64,
    empty: bool,
    exact: bool,
}

fn score(predicted: &str, gold: &str) -> Scored {
    let (predicted, gold) = (tokens(predicted), tokens(gold));
    let (precision, recall) = scores_of(&predicted, &gold);
    Scored {
        precision,
        recall,
        empty: predicted.is_empty(),
        exact: predicted == gold,
    }
}

/// Mean P, R, their F1, empty pages and exact pages, as a table row.
fn row(name: &str, pages: &[&Scored]) -> String {
    let n = pages.len().max(1) as f64;
    let p = pages.iter().map(|s| s.precision).sum::<f64>() / n;
    let r = pages.iter().map(|s| s.recall).sum::<f64>() / n;
    let empty = pages.iter().filter(|s| s.empty).count();
    let exact = pages.iter().filter(|s| s.exact).count();
    format!(
        "{name:<24} {:>6.3} {:>6.3} {:>6.3} {empty:>6} {exact:>6}",
        p,
        r,
        f1(p, r)
    )
}

/// The page folders under `dir` that have both files, sorted by name.
fn pages(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("source.html").is_file() && p.join("expected.html").is_file())
        .collect();
    out.sort();
    Ok(out)
}

/// Runs `pith eval extraction`.
pub fn run(a: &Args) -> Result<(), String> {
    let dirs = pages(&a.data)?;
    if dirs.is_empty() {
        return Err(format!("no page folders in {}", a.data.display()));
    }
    let mut ours = Vec::new();
    let mut whole = Vec::new();
    let mut meta = MetaTally::default();
    for dir in &dirs {
        let source = super::read_text(&dir.join("source.html"))?;
        let gold = pith::html::all_text(&super::read_text(&dir.join("expected.html"))?);
        let page = pith::html::extract(&source);
        ours.push(score(&page.text, &gold));
        whole.push(score(&pith::html::page_text(&source), &gold));
        if let Ok(json) = std::fs::read_to_string(dir.join("expected-metadata.json")) {
            meta.add(&page.metadata, &json);
        }
    }
    println!("{} pages in {}", dirs.len(), a.data.display());
    println!("(reference: the page's expected.html; 4-word shingles; P and R are page means)\n");
    println!(
        "{:<24} {:>6} {:>6} {:>6} {:>6} {:>6}",
        "", "P", "R", "F1", "empty", "exact"
    );
    println!(
        "{}",
        row("page text (baseline)", &whole.iter().collect::<Vec<_>>())
    );
    println!("{}", row("pith", &ours.iter().collect::<Vec<_>>()));
    let mut worst: Vec<(usize, f64)> = ours
        .iter()
        .enumerate()
        .map(|(i, s)| (i, f1(s.precision, s.recall)))
        .collect();
    worst.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    println!("\nworst {} pages (F1, P, R):", a.worst.min(worst.len()));
    for &(i, f) in worst.iter().take(a.worst) {
        let name = dirs[i]
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into());
        let s = &ours[i];
        println!("  {f:.3}  {:.3}  {:.3}  {name}", s.precision, s.recall);
    }
    meta.print();
    Ok(())
}

/// Metadata fields equal to the reference's (whitespace collapsed), over pages where the
/// reference has the field.
#[derive(Default)]
struct MetaTally {
    /// (field, equal, pages with a reference value)
    fields: Vec<(&'static str, usize, usize)>,
}

impl MetaTally {
    fn add(&mut self, m: &pith::extract::Metadata, json: &str) {
        let Ok(gold) = serde_json::from_str::<serde_json::Value>(json) else {
            return;
        };
        let ours = [
            ("title", &m.title),
            ("byline", &m.byline),
            ("publishedTime", &m.published),
            ("siteName", &m.site_name),
            ("lang", &m.lang),
            ("excerpt", &m.excerpt),
        ];
        let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        for (key, value) in ours {
            let Some(g) = gold
                .get(key)
                .and_then(|v| v.as_str())
                .filter(|g| !g.trim().is_empty())
            else {
                continue;
            };
            let equal = value.as_deref().is_some_and(|v| norm(v) == norm(g));
            match self.fields.iter_mut().find(|f| f.0 == key) {
                Some(f) => {
                    f.1 += usize::from(equal);
                    f.2 += 1;
                }
                None => self.fields.push((key, usize::from(equal), 1)),
            }
        }
    }

    fn print(&self) {
        if self.fields.is_empty() {
            return;
        }
        println!("\nmetadata equal to the reference (pages where it has the field):");
        for (key, equal, total) in &self.fields {
            let pct = 100.0 * *equal as f64 / (*total).max(1) as f64;
            println!("  {key:<14} {equal:>4} / {total:<4} {pct:5.1}%");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page_scores(predicted: &str, gold: &str) -> (f64, f64) {
        scores_of(&tokens(predicted), &tokens(gold))
    }

    #[test]
    fn shingle_scores_count_shared_windows() {
        // 5 tokens: 2 shingles; the prediction keeps the first 4 tokens: 1 shingle, shared.
        let (p, r) = page_scores("The cat sat on", "The cat sat on mats.");
        assert_eq!((p, r), (1.0, 0.5));
        assert_eq!(page_scores("", "some gold text here"), (0.0, 0.0));
        // Short texts are one shingle; punctuation and whitespace are not tokens.
        assert_eq!(page_scores("Hello, world!", "Hello world"), (1.0, 1.0));
        assert_eq!(
            tokens("naïve café_1 x-y"),
            vec!["naïve", "café_1", "x", "y"]
        );
    }
}
