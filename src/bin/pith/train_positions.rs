//! `pith train positions --data TRAIN --dev DEV`: fits the positions table's confidence model
//! (`pith::internal::positions::confidence`) and prints its weights as the Rust array to paste into
//! `src/positions`, then the threshold table on dev and the model's calibration there.
//!
//! A row is labelled right by the strict rule of `pith eval attribution` (claim token F1 of at
//! least 0.5 with a gold Content, holder containing a named Source's head). The model is a
//! logistic regression over `pith::internal::positions::confidence_features`, fitted by full-batch
//! gradient descent from zero with a small L2 penalty: deterministic, no shuffling. Only
//! train is fitted on; dev chooses the display threshold.

use crate::eval::attribution::{articles, strict_figures, Article};
use pith::internal::positions::{
    confidence_features, confidence_with, sigmoid, CONFIDENCE_FEATURES,
};
use std::path::PathBuf;

/// Gradient steps, step size and L2 penalty.
const STEPS: usize = 3000;
const RATE: f64 = 0.5;
const L2: f64 = 1e-3;
/// The share of shown rows that must be right for a threshold to be chosen: above the 90% the
/// table as a whole reaches on dev, so that what a reader is shown is surer than what `analyze`
/// returns.
const TARGET_PRECISION: f64 = 0.92;

type Weights = [f64; CONFIDENCE_FEATURES];

fn fit(data: &[([f64; CONFIDENCE_FEATURES], bool)]) -> Weights {
    let mut w = [0.0; CONFIDENCE_FEATURES];
    let n = data.len().max(1) as f64;
    for _ in 0..STEPS {
        let mut grad = [0.0; CONFIDENCE_FEATURES];
        for (x, y) in data {
            let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let err = sigmoid(z) - if *y { 1.0 } else { 0.0 };
            for (g, xi) in grad.iter_mut().zip(x) {
                *g += err * xi;
            }
        }
        for (k, (wk, g)) in w.iter_mut().zip(grad).enumerate() {
            let penalty = if k == 0 { 0.0 } else { L2 * *wk };
            *wk -= RATE * (g / n + penalty);
        }
    }
    w
}

fn examples(set: &[Article]) -> Vec<([f64; CONFIDENCE_FEATURES], bool)> {
    set.iter()
        .flat_map(|a| a.labelled().map(|(p, y)| (confidence_features(p), y)))
        .collect()
}

/// `pith train positions` flags.
#[derive(clap::Args)]
pub struct Args {
    /// PolNeAR training articles (fitted on).
    #[arg(long, value_name = "DIR")]
    data: PathBuf,
    /// PolNeAR development articles (the display threshold is chosen on them).
    #[arg(long, value_name = "DIR")]
    dev: PathBuf,
}

/// Runs the fit.
pub fn run(args: &Args) -> Result<(), String> {
    let train = articles(&args.data)?;
    let dev = articles(&args.dev)?;
    let data = examples(&train);
    let w = fit(&data);
    let right = data.iter().filter(|(_, y)| *y).count();
    println!(
        "// fitted on {} rows ({} right) of {} articles",
        data.len(),
        right,
        train.len()
    );
    println!("const CONFIDENCE_WEIGHTS: [f64; CONFIDENCE_FEATURES] = [");
    for x in w {
        println!("    {x:.4},");
    }
    println!("];");
    // Calibration on dev: mean confidence against the share right, by tenths.
    let dev_rows = examples(&dev);
    let mut bins = [(0usize, 0.0f64, 0usize); 10];
    let mut brier = 0.0;
    for (x, y) in &dev_rows {
        let z: f64 = x.iter().zip(&w).map(|(a, b)| a * b).sum();
        let p = sigmoid(z);
        let b = &mut bins[((p * 10.0) as usize).min(9)];
        b.0 += 1;
        b.1 += p;
        b.2 += usize::from(*y);
        brier += (p - if *y { 1.0 } else { 0.0 }).powi(2);
    }
    println!(
        "dev calibration (Brier {:.3} over {} rows): bin, rows, mean confidence, share right",
        brier / dev_rows.len().max(1) as f64,
        dev_rows.len()
    );
    for (k, (n, sum, ok)) in bins.iter().enumerate() {
        if *n > 0 {
            println!(
                "  {:.1}-{:.1} {:>5} {:>6.3} {:>6.3}",
                k as f64 / 10.0,
                (k + 1) as f64 / 10.0,
                n,
                sum / *n as f64,
                *ok as f64 / *n as f64
            );
        }
    }
    println!("dev strict figures by threshold (every 0.05 printed, chosen to 0.01): threshold, P, R, rows");
    let mut chosen = None;
    for t in (0..=99).map(|k| k as f64 * 0.01) {
        let (p, r, n) = strict_figures(&dev, &|pos| confidence_with(pos, &w) >= t);
        if (t * 100.0).round() as usize % 5 == 0 {
            println!("  {t:.2} {:>5.1} {:>5.1} {n:>5}", p * 100.0, r * 100.0);
        }
        if chosen.is_none() && p >= TARGET_PRECISION {
            chosen = Some((t, p, r, n));
        }
    }
    match chosen {
        Some((t, p, r, n)) => println!(
            "lowest threshold with P >= {TARGET_PRECISION}: {t:.2} (P {:.1}, R {:.1}, {n} rows)",
            p * 100.0,
            r * 100.0
        ),
        None => println!("no threshold reaches P >= {TARGET_PRECISION}"),
    }
    Ok(())
}
