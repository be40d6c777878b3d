//! `pith train tagger --conll FILE --gum DIR [--dev FILE] [--out FILE] [--buckets N]
//! [--epochs N] [--check]`: trains the name tagger of `pith::internal::actors::tagger` on CoNLL-2003's
//! training split and GUM's train split, and writes its weights (by default
//! `src/actors/tagger_weights.bin`, with the header `src/actors/tagger_weights.rs` beside it);
//! with `--check`, fails instead when the shipped files differ from what training makes.
//!
//! Deterministic: documents in file order, a fixed-seed shuffle per epoch, no threads. The
//! softmax temperature is fitted on the development documents (CoNLL testa, GUM dev), which are
//! never trained on; GUM test is only scored.

use crate::eval::entities::{gum_split_with, parse_conll, Doc};
use crate::eval::read_text;
use pith::internal::actors::tagger::{
    best, pack_checks, probability, scores, spans_of, Facts, Table, CHECK_BITS, LABELS, N, O,
};
use pith::internal::text::Document;
use std::path::{Path, PathBuf};

/// GUM's commit, as `../shared/train/README.md` records it.
const GUM_COMMIT: &str = "72ce5ac1";
/// GUM documents are modern web news and other genres; CoNLL's 1996 wire copy outnumbers them
/// eleven to one (946 documents to 84): each GUM document is seen this many times per epoch so
/// that neither style is the only one.
const GUM_REPEAT: usize = 3;
/// Quantisation levels either side of zero.
const LEVELS: f32 = 7.0;

/// A document ready to train on: its text and each token's gold label.
struct Labelled {
    text: String,
    gold: Vec<(usize, usize, &'static str)>,
}

/// Each token's gold label: the type of the gold mention that contains it, except the lowercase
/// words that open a mention (GUM's "the Bank of England": the article is no part of the name).
fn token_labels(doc: &Document, gold: &[(usize, usize, &'static str)]) -> Vec<usize> {
    let mut out = vec![O; doc.tokens.len()];
    for &(s, e, kind) in gold {
        let Some(label) = LABELS.iter().position(|l| *l == kind) else {
            continue;
        };
        let mut opening = true;
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.start < s || t.end > e {
                continue;
            }
            if opening && t.shape == pith::internal::text::Shape::Lower {
                continue;
            }
            opening = false;
            out[k] = label;
        }
    }
    out
}

/// xorshift64: a fixed-seed shuffle that is the same on every platform.
fn shuffle<T>(v: &mut [T], state: &mut u64) {
    for i in (1..v.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        v.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// The averaged perceptron's state.
struct Model {
    w: Vec<f32>,
    total: Vec<f32>,
    stamp: Vec<u64>,
    t: u64,
    /// Rows, and the check bytes of a compact table (empty while training the full one).
    rows: usize,
    check: Vec<u8>,
}

impl Model {
    fn new(rows: usize, check: Vec<u8>) -> Model {
        Model {
            w: vec![0.0; rows * N],
            total: vec![0.0; rows * N],
            stamp: vec![0; rows * N],
            t: 0,
            rows,
            check,
        }
    }

    fn table(&self) -> Table<'_> {
        Table {
            w: &self.w,
            check: &self.check,
            rows: self.rows,
        }
    }

    fn update(&mut self, features: &[u32], class: usize, delta: f32) {
        for &h in features {
            let Some(row) = self.table().row(h) else {
                continue;
            };
            let i = row + class;
            self.total[i] += (self.t - self.stamp[i]) as f32 * self.w[i];
            self.stamp[i] = self.t;
            self.w[i] += delta;
        }
    }

    fn averaged(mut self) -> Vec<f32> {
        for i in 0..self.w.len() {
            self.total[i] += (self.t - self.stamp[i]) as f32 * self.w[i];
        }
        let t = self.t.max(1) as f32;
        self.total.iter().map(|v| v / t).collect()
    }
}

/// The table of `rows` rows that keeps, for each row, the full row with the largest weights
/// among those that share it, and the check bytes that say which one.
fn compact(full: &[f32], rows: usize) -> (Vec<f32>, Vec<u8>) {
    let mut w = vec![0f32; rows * N];
    let mut check = vec![0u8; rows];
    for r in 0..rows {
        let mut best_norm = 0f32;
        for c in 0..1usize << CHECK_BITS {
            let f = (c * rows + r) * N;
            let norm: f32 = full[f..f + N].iter().map(|v| v.abs()).sum();
            if norm > best_norm {
                best_norm = norm;
                check[r] = c as u8;
                w[r * N..r * N + N].copy_from_slice(&full[f..f + N]);
            }
        }
    }
    (w, check)
}

/// One epoch over `docs`: greedy decoding with the current weights, updating on each wrong
/// token with the features it was decoded with. Returns the number of mistakes.
fn epoch(m: &mut Model, docs: &[&Labelled]) -> usize {
    let mut mistakes = 0;
    let mut feats = Vec::with_capacity(48);
    for d in docs {
        let doc = Document::new(&d.text, Some(pith::Lang::English));
        let facts = Facts::new(&doc);
        let gold = token_labels(&doc, &d.gold);
        for s in &doc.sentences {
            let mut prev = [O, O];
            for i in s.tokens.clone() {
                m.t += 1;
                feats.clear();
                facts.features(i, s.tokens.start, s.tokens.end, prev, &mut feats);
                let guess = best(&scores(&m.table(), &feats));
                facts.remember(i, guess);
                if guess != gold[i] {
                    mistakes += 1;
                    m.update(&feats, gold[i], 1.0);
                    m.update(&feats, guess, -1.0);
                }
                prev = [guess, prev[0]];
            }
        }
    }
    mistakes
}

/// Exact-span precision, recall and F1 (x100) of PER, ORG and LOC names found with weights `w`
/// in `docs`, and the mean negative log-likelihood of the gold token labels at each of
/// `temperatures`.
fn evaluate(docs: &[Labelled], table: &Table, temperatures: &[f32]) -> (f64, f64, f64, Vec<f64>) {
    let (mut right, mut predicted, mut gold_n) = (0usize, 0usize, 0usize);
    let mut nll = vec![0f64; temperatures.len()];
    let mut tokens = 0usize;
    let mut feats = Vec::with_capacity(48);
    for d in docs {
        let doc = Document::new(&d.text, Some(pith::Lang::English));
        let facts = Facts::new(&doc);
        let gold_labels = token_labels(&doc, &d.gold);
        let mut found = Vec::new();
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            // Decoded as `label_sentence` does, scoring the gold labels' likelihood on the way.
            let mut labels = Vec::with_capacity(hi - lo);
            let mut prev = [O, O];
            for (i, &gold) in gold_labels.iter().enumerate().take(hi).skip(lo) {
                feats.clear();
                facts.features(i, lo, hi, prev, &mut feats);
                let sc = scores(table, &feats);
                for (n, &t) in nll.iter_mut().zip(temperatures) {
                    *n -= f64::from(probability(&sc, gold, t).max(1e-9)).ln();
                }
                tokens += 1;
                let c = best(&sc);
                facts.remember(i, c);
                labels.push((c, 1.0));
                prev = [c, prev[0]];
            }
            spans_of(&labels, lo, &mut found);
        }
        let keep = |label: &str| matches!(label, "PER" | "ORG" | "LOC");
        let pred: std::collections::HashSet<(usize, usize, &str)> = found
            .iter()
            .filter(|t| keep(LABELS[t.label]))
            .map(|t| {
                (
                    doc.tokens[t.first].start,
                    doc.tokens[t.last].end,
                    LABELS[t.label],
                )
            })
            .collect();
        // Gold spans trimmed as the labels are (no opening lowercase words).
        let gold: std::collections::HashSet<(usize, usize, &str)> = d
            .gold
            .iter()
            .filter(|g| keep(g.2))
            .filter_map(|&(s, e, kind)| {
                let first = doc.tokens.iter().find(|t| {
                    t.start >= s && t.end <= e && t.shape != pith::internal::text::Shape::Lower
                })?;
                Some((first.start, e, kind))
            })
            .collect();
        right += pred.intersection(&gold).count();
        predicted += pred.len();
        gold_n += gold.len();
    }
    let p = 100.0 * right as f64 / predicted.max(1) as f64;
    let r = 100.0 * right as f64 / gold_n.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (
        p,
        r,
        f,
        nll.iter().map(|n| n / tokens.max(1) as f64).collect(),
    )
}

fn load_conll(path: &Path) -> Result<Vec<Labelled>, String> {
    Ok(
        parse_conll(&read_text(path)?, &["PER", "ORG", "LOC", "MISC"])
            .into_iter()
            .map(|Doc { text, gold }| Labelled { text, gold })
            .collect(),
    )
}

fn load_gum(dir: &Path, split: &str) -> Result<Vec<Labelled>, String> {
    Ok(gum_split_with(dir, &[split], true)?
        .into_iter()
        .map(|Doc { text, gold }| Labelled { text, gold })
        .collect())
}

/// `pith train tagger` flags.
#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-2003 English training split.
    #[arg(long, value_name = "FILE")]
    conll: PathBuf,
    /// The GUM corpus directory.
    #[arg(long, value_name = "DIR")]
    gum: PathBuf,
    /// CoNLL development data (temperature and reporting).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "../shared/eval/ner/eng.testa"
    )]
    dev: PathBuf,
    /// Output path without extension (writes PATH.bin and PATH.rs).
    #[arg(long, value_name = "PATH", default_value = "src/actors/tagger_weights")]
    out: String,
    /// Rows of the hashed weight table.
    #[arg(long, value_name = "N", default_value_t = 4096)]
    buckets: usize,
    /// Training epochs.
    #[arg(long, value_name = "N", default_value_t = 8)]
    epochs: usize,
    /// Write nothing; fail when the shipped weights differ from what training makes.
    #[arg(long)]
    check: bool,
}

/// Runs `pith train tagger ...`.
pub fn run(args: &Args) -> Result<(), String> {
    let (conll, gum, dev) = (args.conll.as_path(), args.gum.as_path(), args.dev.as_path());
    if !conll.exists() || !gum.exists() || !dev.exists() {
        println!("pith train tagger: training data not found; skipped");
        return Ok(());
    }
    let (buckets, epochs, out) = (args.buckets, args.epochs, args.out.as_str());
    let data = Corpora::load(conll, gum, dev)?;
    let mut order: Vec<&Labelled> = data.train_conll.iter().collect();
    for _ in 0..GUM_REPEAT {
        order.extend(data.train_gum.iter());
    }
    eprintln!(
        "pith train tagger: {} CoNLL + {} GUM (x{GUM_REPEAT}) train documents; {buckets} buckets, {epochs} epochs",
        data.train_conll.len(),
        data.train_gum.len()
    );
    let (w, check) = train(&mut order, buckets, epochs);
    let (q, scale) = quantise(&w);
    let dq: Vec<f32> = q.iter().map(|&v| f32::from(v) * scale).collect();
    let table = Table {
        w: &dq,
        check: &check,
        rows: buckets,
    };
    let best_t = fit_temperature(&data, &table);
    let zeros = q.iter().filter(|&&v| v == 0).count();
    eprintln!("  {} weights, {zeros} zero", q.len());
    write_or_check(
        args,
        out,
        &q,
        &check,
        buckets,
        epochs,
        scale,
        best_t,
        data.train_conll.len(),
        data.train_gum.len(),
    )
}

/// The documents training reads: CoNLL and GUM train to learn from, CoNLL testa and GUM dev
/// to fit the temperature on, GUM test only to score.
struct Corpora {
    train_conll: Vec<Labelled>,
    train_gum: Vec<Labelled>,
    dev_conll: Vec<Labelled>,
    dev_gum: Vec<Labelled>,
    test_gum: Vec<Labelled>,
}

impl Corpora {
    fn load(conll: &Path, gum: &Path, dev: &Path) -> Result<Corpora, String> {
        Ok(Corpora {
            train_conll: load_conll(conll)?,
            train_gum: load_gum(gum, "train")?,
            dev_conll: load_conll(dev)?,
            dev_gum: load_gum(gum, "dev")?,
            test_gum: load_gum(gum, "test")?,
        })
    }
}

/// Trains on `order` (shuffled in place each epoch) and returns the averaged weights of the
/// compact table of `buckets` rows and its check bytes. First the full table, to learn which
/// features matter; then, with the features that win their compact row, the compact table
/// itself, so the weights are learnt without the rest.
fn train(order: &mut [&Labelled], buckets: usize, epochs: usize) -> (Vec<f32>, Vec<u8>) {
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut m = Model::new(buckets << CHECK_BITS, Vec::new());
    train_epochs(&mut m, order, &mut rng, epochs, "full table");
    let (_, check) = compact(&m.averaged(), buckets);
    let mut m = Model::new(buckets, check);
    train_epochs(&mut m, order, &mut rng, epochs, "compact table");
    let check = m.check.clone();
    (m.averaged(), check)
}

/// `epochs` epochs of `m` over `order`, reshuffled with `rng` before each; reports the
/// mistakes of each as `table`'s.
fn train_epochs(m: &mut Model, order: &mut [&Labelled], rng: &mut u64, epochs: usize, table: &str) {
    for e in 0..epochs {
        shuffle(order, rng);
        let mistakes = epoch(m, order);
        eprintln!("  {table}, epoch {:>2}: {mistakes} mistakes", e + 1);
    }
}

/// Weights `w` quantised to the integers -7..=7 of the largest weight's scale, and that scale:
/// most weights round to zero and the table gzips to 40% of its 127-level size for little loss
/// (by hand, at 4096 rows: testa F1 81.4 against 82.0, 12.9 against 21.4 KB gzipped).
fn quantise(w: &[f32]) -> (Vec<i8>, f32) {
    let max = w.iter().fold(0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { max / LEVELS } else { 1.0 };
    let q: Vec<i8> = w
        .iter()
        .map(|v| (v / scale).round().clamp(-LEVELS, LEVELS) as i8)
        .collect();
    (q, scale)
}

/// Scores `table` on the development and test documents, and returns the softmax temperature
/// (0.25 to 10 by 0.25) with the least negative log-likelihood on the development ones.
fn fit_temperature(data: &Corpora, table: &Table) -> f32 {
    let temperatures: Vec<f32> = (1..=40).map(|k| k as f32 * 0.25).collect();
    let mut best_t = 1.0f32;
    let (p, r, f, nll) = evaluate(&data.dev_conll, table, &temperatures);
    eprintln!("  CoNLL testa: P {p:.1} R {r:.1} F1 {f:.1}");
    let (p, r, f, nll_g) = evaluate(&data.dev_gum, table, &temperatures);
    eprintln!("  GUM dev:     P {p:.1} R {r:.1} F1 {f:.1}");
    let (p, r, f, _) = evaluate(&data.test_gum, table, &temperatures);
    eprintln!("  GUM test:    P {p:.1} R {r:.1} F1 {f:.1}");
    let mut best_nll = f64::MAX;
    for (k, &t) in temperatures.iter().enumerate() {
        let n = nll[k] + nll_g[k];
        if n < best_nll {
            best_nll = n;
            best_t = t;
        }
    }
    eprintln!(
        "  temperature {best_t} (dev NLL per token {:.4})",
        best_nll / 2.0
    );
    best_t
}

#[allow(clippy::too_many_arguments)]
fn write_or_check(
    args: &Args,
    out: &str,
    q: &[i8],
    check: &[u8],
    buckets: usize,
    epochs: usize,
    scale: f32,
    temperature: f32,
    conll_docs: usize,
    gum_docs: usize,
) -> Result<(), String> {
    let bin_path = format!("{out}.bin");
    let rs_path = format!("{out}.rs");
    let mut bin: Vec<u8> = q.iter().map(|&v| v as u8).collect();
    bin.extend_from_slice(&pack_checks(check));
    let file = Path::new(&bin_path)
        .file_name()
        .and_then(|f| f.to_str())
        .unwrap_or("tagger_weights.bin");
    let src = format!(
        "//! Generated by `pith train tagger --conll ../shared/train/conll2003/eng.train --gum\n\
         //! ../shared/train/gum` (`make train-ner`; {epochs} epochs, {buckets} buckets): do not edit.\n\
         //!\n\
         //! Weights of the name tagger in `tagger.rs`, an averaged perceptron trained on:\n\
         //! - the CoNLL-2003 English training split ({conll_docs} documents; Tjong Kim Sang and De\n\
         //!   Meulder, 2003): the annotations are the shared task's, the text Reuters news (RCV1)\n\
         //!   under Reuters' research terms, which allow weights learned from it to ship (the\n\
         //!   text itself is not in this repository);\n\
         //! - the train split ({gum_docs} documents) of the GUM corpus, commit {GUM_COMMIT}: Amir\n\
         //!   Zeldes (2017), \"The GUM Corpus: Creating Multilayer Resources in the Classroom\",\n\
         //!   Language Resources and Evaluation 51(3), https://gucorpling.org/gum/. GUM's\n\
         //!   annotations are licensed CC-BY 4.0; its texts CC-BY 4.0, CC-BY 2.5 (Wikinews) and\n\
         //!   CC-BY-SA 3.0 (Wikipedia, Wikivoyage). These numbers derive from them, with\n\
         //!   attribution as above.\n\n\
         /// Rows of the table.\npub const ROWS: usize = {buckets};\n\
         /// Multiplier from a stored `i8` to the perceptron weight.\npub const SCALE: f32 = {scale:e};\n\
         /// The softmax temperature that best predicts the development data's labels.\n\
         pub const TEMPERATURE: f32 = {temperature:?};\n\
         const DATA: &[u8; {}] = include_bytes!(\"{file}\");\n\
         /// Weights: `ROWS` rows of one `i8` per label, in `tagger::LABELS` order.\n\
         pub const WEIGHTS: &[u8] = DATA.split_at(ROWS * 5).0;\n\
         /// Per row, which of the full rows sharing it the row holds, `tagger::CHECK_BITS` bits each.\n\
         pub const CHECK: &[u8] = DATA.split_at(ROWS * 5).1;\n",
        bin.len()
    );
    if args.check {
        // The shipped weights must be what this command makes from the corpora, or a change to
        // the features (or to a lexicon list they read) silently leaves them stale.
        let same_bin = std::fs::read(&bin_path).is_ok_and(|b| b == bin);
        let same_rs = std::fs::read_to_string(&rs_path).is_ok_and(|s| s == src);
        if !same_bin || !same_rs {
            return Err(format!(
                "{out}.bin/.rs are not what `pith train tagger` makes: run `make train-ner`"
            ));
        }
        eprintln!("pith train tagger: {out}.bin and .rs are up to date");
        return Ok(());
    }
    std::fs::write(&bin_path, bin).map_err(|e| format!("cannot write {bin_path}: {e}"))?;
    std::fs::write(&rs_path, src).map_err(|e| format!("cannot write {rs_path}: {e}"))?;
    eprintln!("pith train tagger: wrote {bin_path} and {rs_path}");
    Ok(())
}
