//! `pith train ner --gum DIR [--out FILE] [--buckets N] [--epochs N] [--check]`: trains the span
//! typer of `pith::actors::ner` on the train split of the GUM corpus and writes its weights as
//! Rust source (by default to `src/actors/ner_weights.rs`, which the library embeds); with
//! `--check`, fails instead when that file differs from what training makes.
//!
//! Deterministic: documents in `splits.md` order, a fixed-seed shuffle per epoch, no threads,
//! so the same corpus gives byte-identical weights. The dev and test documents are scored at
//! the end (span-typing accuracy) but never trained on.

use crate::eval::entities::{gum_split, Doc};
use crate::eval::flag;
use pith::actors::ner::{best_class, candidates, Candidate, CLASSES, NONE};
use std::path::Path;

/// GUM's commit, as `../shared/train/README.md` records it.
const GUM_COMMIT: &str = "72ce5ac1";

/// One training example: features and class index.
struct Example {
    features: Vec<u32>,
    class: usize,
}

/// The class of candidate `c` in a document whose gold mentions are `gold`: the type of a gold
/// mention that ends where it ends and starts at or before it (GUM's mentions include the
/// article: "the Bank of England"), else NONE.
fn label(c: &Candidate, gold: &[(usize, usize, &'static str)]) -> usize {
    gold.iter()
        .filter(|g| g.1 == c.end && g.0 <= c.start)
        .min_by_key(|g| c.start - g.0)
        .and_then(|g| CLASSES.iter().position(|k| *k == g.2))
        .unwrap_or(NONE)
}

fn examples(docs: &[Doc], buckets: usize) -> Vec<Example> {
    let mut out = Vec::new();
    for d in docs {
        for c in candidates(&d.text) {
            out.push(Example {
                class: label(&c, &d.gold),
                features: c.features.iter().map(|&f| f % buckets as u32).collect(),
            });
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

fn scores(w: &[f32], features: &[u32]) -> [f32; 4] {
    let mut s = [0f32; 4];
    for &f in features {
        for (c, v) in s.iter_mut().enumerate() {
            *v += w[f as usize * 4 + c];
        }
    }
    s
}

/// Multi-class averaged perceptron (Collins 2002), averaged with the usual timestamp trick.
fn train(data: &mut [Example], buckets: usize, epochs: usize) -> Vec<f32> {
    let n = buckets * 4;
    let mut w = vec![0f32; n];
    let mut total = vec![0f32; n];
    let mut stamp = vec![0u64; n];
    let mut t = 0u64;
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    for epoch in 0..epochs {
        shuffle(data, &mut rng);
        let mut errors = 0;
        for ex in data.iter() {
            t += 1;
            let guess = best_class(&scores(&w, &ex.features));
            if guess == ex.class {
                continue;
            }
            errors += 1;
            for &f in &ex.features {
                for (c, delta) in [(ex.class, 1.0f32), (guess, -1.0)] {
                    let i = f as usize * 4 + c;
                    total[i] += (t - stamp[i]) as f32 * w[i];
                    stamp[i] = t;
                    w[i] += delta;
                }
            }
        }
        eprintln!(
            "  epoch {:>2}: {errors} mistakes on {} examples",
            epoch + 1,
            data.len()
        );
    }
    for i in 0..n {
        total[i] += (t - stamp[i]) as f32 * w[i];
    }
    total.iter().map(|v| v / t.max(1) as f32).collect()
}

/// Accuracy and per-class P/R of the (quantised) weights on `data`.
fn report(name: &str, data: &[Example], w: &[f32]) {
    let mut confusion = [[0usize; 4]; 4];
    for ex in data {
        confusion[ex.class][best_class(&scores(w, &ex.features))] += 1;
    }
    let right: usize = (0..4).map(|c| confusion[c][c]).sum();
    eprint!(
        "  {name}: {} spans, accuracy {:.1}%;",
        data.len(),
        100.0 * right as f64 / data.len().max(1) as f64
    );
    for c in 1..4 {
        let pred: usize = (0..4).map(|g| confusion[g][c]).sum();
        let gold: usize = confusion[c].iter().sum();
        eprint!(
            " {} P {:.1} R {:.1} ({gold});",
            CLASSES[c],
            100.0 * confusion[c][c] as f64 / pred.max(1) as f64,
            100.0 * confusion[c][c] as f64 / gold.max(1) as f64
        );
    }
    eprintln!();
}

/// Runs `pith train ner ...`.
pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("confidence") {
        return crate::train_confidence::run(args);
    }
    if args.first().map(String::as_str) != Some("ner") {
        return Err(
            "usage: pith train ner --gum DIR [--out FILE] [--buckets N] [--epochs N] [--check]"
                .into(),
        );
    }
    let dir = Path::new(flag(args, "--gum").ok_or("pith train ner needs --gum DIR")?);
    if !dir.exists() {
        println!("pith train ner: {} not found; skipped", dir.display());
        return Ok(());
    }
    let out = flag(args, "--out").unwrap_or("src/actors/ner_weights.rs");
    let number = |name: &str, default: usize| -> Result<usize, String> {
        flag(args, name).map_or(Ok(default), |v| {
            v.parse().map_err(|_| format!("{name} needs a number"))
        })
    };
    let buckets = number("--buckets", 2048)?;
    let epochs = number("--epochs", 4)?;
    let train_docs = gum_split(dir, &["train"])?;
    let dev_docs = gum_split(dir, &["dev"])?;
    let test_docs = gum_split(dir, &["test"])?;
    let mut data = examples(&train_docs, buckets);
    let dev = examples(&dev_docs, buckets);
    let test = examples(&test_docs, buckets);
    eprintln!(
        "pith train ner: {} train, {} dev, {} test documents; {buckets} buckets, {epochs} epochs",
        train_docs.len(),
        dev_docs.len(),
        test_docs.len()
    );
    let w = train(&mut data, buckets, epochs);
    // Quantise to i8: the weights ship in the wasm module, and 8 bits lose nothing measurable.
    let max = w.iter().fold(0f32, |m, v| m.max(v.abs()));
    let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
    let q: Vec<i8> = w
        .iter()
        .map(|v| (v / scale).round().clamp(-127.0, 127.0) as i8)
        .collect();
    let dq: Vec<f32> = q.iter().map(|&v| f32::from(v) * scale).collect();
    report("train", &data, &dq);
    report("dev", &dev, &dq);
    report("test", &test, &dq);
    let mut src = String::new();
    src.push_str(&format!(
        "//! Generated by `pith train ner --gum DIR` ({epochs} epochs, {buckets} buckets): do not edit.\n\
         //!\n\
         //! Weights of the span typer in `ner.rs`, an averaged perceptron trained on the train split\n\
         //! ({} documents) of the GUM corpus, commit {GUM_COMMIT}: Amir Zeldes (2017), \"The GUM\n\
         //! Corpus: Creating Multilayer Resources in the Classroom\", Language Resources and\n\
         //! Evaluation 51(3), https://gucorpling.org/gum/. GUM's annotations are licensed CC-BY 4.0;\n\
         //! the trained documents' texts are CC-BY 4.0 (academic, court), CC-BY 2.5 (Wikinews news\n\
         //! and interviews) and CC-BY-SA 3.0 (Wikipedia biographies, Wikivoyage). These numbers are\n\
         //! derived from those annotations and texts, with attribution as above.\n\n",
        train_docs.len()
    ));
    src.push_str(&format!(
        "/// Feature buckets.\npub const BUCKETS: usize = {buckets};\n\
         /// Multiplier from the stored `i8` to the perceptron weight.\npub const SCALE: f32 = {scale:e};\n\
         /// Weights: `BUCKETS` rows of one weight per class (NONE, PER, ORG, LOC).\n\
         #[rustfmt::skip]\npub static WEIGHTS: [i8; {}] = [\n",
        q.len()
    ));
    for row in q.chunks(32) {
        let line: Vec<String> = row.iter().map(i8::to_string).collect();
        src.push_str(&line.join(","));
        src.push_str(",\n");
    }
    src.push_str("];\n");
    if args.iter().any(|a| a == "--check") {
        // The shipped weights must be what this command makes from the corpus, or a change to
        // the features (or to a lexicon list they read) silently leaves them stale.
        let shipped = std::fs::read_to_string(out).unwrap_or_default();
        if shipped != src {
            return Err(format!(
                "{out} is not what `pith train ner` makes from {}: run `make train-ner`",
                dir.display()
            ));
        }
        eprintln!("pith train ner: {out} is up to date");
        return Ok(());
    }
    std::fs::write(out, src).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("pith train ner: wrote {out}");
    Ok(())
}
