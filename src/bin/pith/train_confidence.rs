//! `pith train confidence [--conll FILE] [--gum DIR] [--out FILE] [--check]`: fits the actor
//! confidence model of `pith::internal::actors::confidence` (a logistic regression over a dozen facts of
//! each actor) on the development data, CoNLL-2003 testa and GUM's dev split, and writes its
//! weights (by default to `src/actors/confidence_weights.rs`); with `--check`, fails instead
//! when that file differs from what fitting makes. It also prints, per display threshold, the
//! shown-actor precision that `pith eval entities` reports, from which
//! `pith::ACTOR_DISPLAY_CONFIDENCE` is chosen.
//!
//! An actor counts as right when its name, or one of its mentions, is a gold PER, ORG or LOC
//! entity of the same type in its document (the question a reader asks of a row).

use crate::eval::entities::{gum_split_with, parse_conll, Doc};
use crate::eval::read_text;
use pith::internal::actors::confidence::{logistic, K};
use pith::internal::text::Document;
use pith::ActorKind;
use std::collections::HashSet;
use std::path::PathBuf;

/// Honorifics that pith's mentions include and gold names do not.
const HONORIFICS: [&str; 8] = ["Mr ", "Mrs ", "Ms ", "Dr ", "Mr. ", "Mrs. ", "Ms. ", "Dr. "];

/// One actor of a development document: its features, whether it is right, its document and
/// its rank in the document's list.
struct Row {
    x: [f32; K],
    right: bool,
    doc: usize,
    rank: usize,
}

fn rows(docs: &[Doc], first_doc: usize, out: &mut Vec<Row>) {
    for (d, doc) in docs.iter().enumerate() {
        let text = &doc.text;
        let document = Document::new(text, Some(pith::Lang::English));
        let actors = pith::internal::actors::find(&document);
        let gold: HashSet<(usize, usize, &str)> = doc.gold.iter().copied().collect();
        let names: HashSet<(&str, &str)> =
            doc.gold.iter().map(|&(s, e, t)| (&text[s..e], t)).collect();
        for (rank, e) in actors.list.iter().enumerate() {
            let t = match e.kind {
                ActorKind::Person => "PER",
                ActorKind::Organization => "ORG",
                // Places, groups and any later kind: CoNLL has no finer type.
                _ => "LOC",
            };
            let mentioned = e.mentions.iter().any(|&(s, end)| {
                let s = s + HONORIFICS
                    .iter()
                    .find(|h| text[s..end].starts_with(*h))
                    .map_or(0, |h| h.len());
                gold.contains(&(s, end, t))
            });
            out.push(Row {
                x: e.confidence_features(),
                right: mentioned || names.contains(&(e.name.as_str(), t)),
                doc: first_doc + d,
                rank,
            });
        }
    }
}

/// Logistic regression by gradient descent with a little L2 (not on the bias), from zero: a
/// fixed number of full-batch steps, so the result is deterministic.
fn fit(rows: &[Row]) -> [f32; K] {
    let mut w = [0f64; K];
    let n = rows.len().max(1) as f64;
    for _ in 0..4000 {
        let mut grad = [0f64; K];
        for r in rows {
            let z: f64 = w.iter().zip(&r.x).map(|(a, &b)| a * f64::from(b)).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let err = p - if r.right { 1.0 } else { 0.0 };
            for (g, &x) in grad.iter_mut().zip(&r.x) {
                *g += err * f64::from(x) / n;
            }
        }
        for k in 0..K {
            let l2 = if k == 0 { 0.0 } else { 1e-3 * w[k] };
            w[k] -= 0.5 * (grad[k] + l2);
        }
    }
    let mut out = [0f32; K];
    for (o, v) in out.iter_mut().zip(w) {
        // Four decimals: the file stays readable and the same on every platform.
        *o = ((v * 1e4).round() / 1e4) as f32;
    }
    out
}

/// Shown-actor precision and actors per document at `threshold`: the first ten actors per
/// document at or above it, as listed.
fn shown(rows: &[Row], w: &[f32; K], threshold: f64, docs: usize) -> (f64, f64) {
    let mut per_doc = vec![0usize; docs];
    let (mut n, mut right) = (0usize, 0usize);
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.doc, r.rank));
    for r in sorted {
        let c = (logistic(w, &r.x) * 1000.0).round() / 1000.0;
        if c < threshold || per_doc[r.doc] >= 10 {
            continue;
        }
        per_doc[r.doc] += 1;
        n += 1;
        right += usize::from(r.right);
    }
    (
        100.0 * right as f64 / n.max(1) as f64,
        n as f64 / docs.max(1) as f64,
    )
}

/// `pith train confidence` flags.
#[derive(clap::Args)]
pub struct Args {
    /// CoNLL-2003 development data (testa).
    #[arg(
        long,
        value_name = "FILE",
        default_value = "../shared/eval/ner/eng.testa"
    )]
    conll: PathBuf,
    /// The GUM corpus directory (its dev split is used).
    #[arg(long, value_name = "DIR", default_value = "../shared/train/gum")]
    gum: PathBuf,
    /// The generated Rust file.
    #[arg(
        long,
        value_name = "FILE",
        default_value = "src/actors/confidence_weights.rs"
    )]
    out: String,
    /// Write nothing; fail when the shipped weights differ from what fitting makes.
    #[arg(long)]
    check: bool,
}

/// Runs `pith train confidence ...`.
pub fn run(args: &Args) -> Result<(), String> {
    let (conll, gum) = (args.conll.as_path(), args.gum.as_path());
    if !conll.exists() || !gum.exists() {
        println!("pith train confidence: development data not found; skipped");
        return Ok(());
    }
    let out = args.out.as_str();
    let testa = parse_conll(&read_text(conll)?, &["PER", "ORG", "LOC"]);
    let gum_dev = gum_split_with(gum, &["dev"], false)?;
    let mut data = Vec::new();
    rows(&testa, 0, &mut data);
    let split = data.len();
    rows(&gum_dev, testa.len(), &mut data);
    let w = fit(&data);
    eprintln!(
        "pith train confidence: {} actors in {} testa and {} GUM dev documents; weights {w:?}",
        data.len(),
        testa.len(),
        gum_dev.len()
    );
    for t in [0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let (p, n) = shown(&data[..split], &w, t, testa.len());
        let (pg, ng) = shown(&data[split..], &w, t, testa.len() + gum_dev.len());
        eprintln!(
            "  threshold {t:.2}: testa shown precision {p:.1}% ({n:.2} per document); GUM dev {pg:.1}% ({:.2})",
            ng * (testa.len() + gum_dev.len()) as f64 / gum_dev.len().max(1) as f64
        );
    }
    let names = [
        "bias",
        "mean log-odds of the mentions' probabilities",
        "best mention's log-odds",
        "ln(1 + named mentions)",
        "written mid-sentence in body text",
        "an honorific, role or party tag",
        "known to a gazetteer",
        "a person",
        "an organisation",
        "one word",
        "three letters or fewer",
        "ln(1 + pronoun and role-noun references)",
        "a mention in running text (not a headline or a line in capitals)",
    ];
    let mut src = format!(
        "//! Generated by `pith train confidence` (`make train-ner`): do not edit.\n\
         //!\n\
         //! A logistic regression fitted on the actors pith finds in the development data:\n\
         //! CoNLL-2003 testa ({} documents; annotations of the shared task, Reuters text under\n\
         //! Reuters' research terms) and GUM's dev split ({} documents, CC-BY; see\n\
         //! `tagger_weights.rs`). An actor is right when its name or a mention is a gold entity of\n\
         //! the same type in its document.\n\n\
         /// Weights of the confidence model, in `Entity::confidence_features` order.\n\
         #[rustfmt::skip]\n\
         pub const WEIGHTS: [f32; super::confidence::K] = [\n",
        testa.len(),
        gum_dev.len()
    );
    for (v, name) in w.iter().zip(names) {
        src.push_str(&format!("    {v:?}, // {name}\n"));
    }
    src.push_str("];\n");
    if args.check {
        if std::fs::read_to_string(out).ok().as_deref() != Some(src.as_str()) {
            return Err(format!(
                "{out} is not what `pith train confidence` makes: run `make train-ner`"
            ));
        }
        eprintln!("pith train confidence: {out} is up to date");
        return Ok(());
    }
    std::fs::write(out, src).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!("pith train confidence: wrote {out}");
    Ok(())
}
