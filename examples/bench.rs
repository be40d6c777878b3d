//! Native throughput of pith, per stage and whole: `make bench` (or
//! `cargo run --release --example bench -- [--corpus DIR] [--runs N] [--json FILE]
//! [--limit N] [--no-inputs] [--hostile]`).
//!
//! Reads the BBC articles (`../shared/eval/summaries/bbc/articles`, skipped with a message when
//! absent) plus the reference article, and prints medians: per stage and for `pith::analyze`
//! over the corpus, the scaling series (1 to 1000 KB of concatenated articles), pathological
//! inputs, the hostile families (tests/common/hostile.rs) at 100 KB and 1 MB, and the peak
//! memory for 1 MB (a child process of this binary). `--hostile` runs the hostile families
//! only. It only prints; nothing here asserts a time. `bench/run.mjs` builds the same inputs
//! for the wasm module, and reads the hostile families from the files examples/hostile.rs
//! writes.

use pith::internal::{actors, keywords, positions, summary, text::Document};
use pith::{Lang, Options};
use std::time::{Duration, Instant};

#[path = "../tests/common/hostile.rs"]
mod hostile;

const DEFAULT_CORPUS: &str = "../shared/eval/summaries/bbc/articles";
const REFERENCE: &str = include_str!("../tests/fixtures/missile-defence.txt");
const KB: usize = 1024;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let dir = flag("--corpus").unwrap_or_else(|| DEFAULT_CORPUS.to_string());
    let runs: usize = flag("--runs").and_then(|r| r.parse().ok()).unwrap_or(3);
    let mut articles = corpus(&dir);
    if let Some(n) = flag("--limit").and_then(|n| n.parse::<usize>().ok()) {
        // The first n - 1 BBC articles and the reference article, as bench/run.mjs --limit.
        let reference = articles.pop().unwrap_or_default();
        articles.truncate(n.saturating_sub(1));
        articles.push(reference);
    }
    if args.iter().any(|a| a == "--memory") {
        memory_child(&articles);
        return;
    }
    let mut json = Vec::new();
    if args.iter().any(|a| a == "--hostile") {
        hostile_families(&mut json);
        write_json(flag("--json"), &json);
        return;
    }

    println!("== native (cargo --release), {} ==", rustc_note());
    if articles.len() == 1 {
        println!("BBC corpus not found at {dir}: corpus rows use the reference article only.");
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    println!(
        "corpus: {} articles ({} BBC + the reference article), {:.2} MB; median of {runs} runs per article",
        articles.len(),
        articles.len() - 1,
        bytes as f64 / 1e6
    );
    stages(&articles, runs, &mut json);
    if !args.iter().any(|a| a == "--no-inputs") {
        scaling(&articles, &mut json);
        hostile_families(&mut json);
        memory(&dir, &mut json);
    }
    write_json(flag("--json"), &json);
}

/// Writes the results as one JSON object to `path`, when given.
fn write_json(path: Option<String>, json: &[String]) {
    if let Some(path) = path {
        let body = format!("{{{}}}\n", json.join(",\n"));
        std::fs::write(&path, body).expect("write the JSON results");
    }
}

fn rustc_note() -> String {
    format!(
        "{} threads available, one used",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    )
}

/// The BBC articles under `dir` in path order, then the reference article. Invalid UTF-8 is
/// decoded lossily, as `pith batch` and Node's `readFileSync(p, 'utf8')` do.
pub fn corpus(dir: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let mut texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read(p).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .collect();
    texts.push(REFERENCE.to_string());
    texts
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

fn time<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed().as_secs_f64())
}

const STAGES: [&str; 7] = [
    "lang::detect",
    "text::Document::new",
    "summary::rank",
    "keywords::extract",
    "actors::find",
    "positions::find",
    "analyze (whole)",
];

/// Per-article seconds of each stage, median over `runs` passes.
fn stages(articles: &[String], runs: usize, json: &mut Vec<String>) {
    let opts = Options::default();
    let mut samples = vec![vec![Vec::with_capacity(runs); articles.len()]; STAGES.len()];
    for _ in 0..runs {
        for (i, text) in articles.iter().enumerate() {
            let (lang, t0) = time(|| Lang::detect(text).or(Some(Lang::English)));
            let (doc, t1) = time(|| Document::new(text, lang));
            let (_, t2) = time(|| summary::rank(&doc));
            let (_, t3) = time(|| keywords::extract(&doc, opts.keyword_count()));
            let (found, t4) = time(|| actors::find(&doc));
            let (_, t5) = time(|| positions::find(&doc, &found));
            drop(doc);
            let (_, t6) = time(|| pith::analyze(text, &opts));
            for (s, t) in [t0, t1, t2, t3, t4, t5, t6].into_iter().enumerate() {
                samples[s][i].push(t);
            }
        }
    }
    let bytes: usize = articles.iter().map(String::len).sum();
    let per_article: Vec<Vec<f64>> = samples
        .into_iter()
        .map(|stage| stage.into_iter().map(median).collect())
        .collect();
    let whole: f64 = per_article[STAGES.len() - 1].iter().sum();
    println!(
        "{:<22} {:>12} {:>12} {:>10} {:>12} {:>9}",
        "stage", "median/art", "p90/art", "MB/s", "articles/s", "share"
    );
    for (name, times) in STAGES.iter().zip(&per_article) {
        let total: f64 = times.iter().sum();
        let mut sorted = times.clone();
        sorted.sort_by(f64::total_cmp);
        let p90 = sorted[(sorted.len() * 9 / 10).min(sorted.len() - 1)];
        println!(
            "{:<22} {:>9.1} µs {:>9.1} µs {:>10.2} {:>12.0} {:>8.1}%",
            name,
            median(times.clone()) * 1e6,
            p90 * 1e6,
            bytes as f64 / 1e6 / total,
            articles.len() as f64 / total,
            100.0 * total / whole
        );
        json.push(format!(
            "\"stage:{name}\": {{\"median_us\": {:.3}, \"mb_s\": {:.4}, \"articles_s\": {:.2}}}",
            median(times.clone()) * 1e6,
            bytes as f64 / 1e6 / total,
            articles.len() as f64 / total
        ));
    }
    let reference = per_article[STAGES.len() - 1].last().copied().unwrap_or(0.0);
    println!(
        "reference article ({} KB): analyze {:.0} µs",
        REFERENCE.len() / KB,
        reference * 1e6
    );
    json.push(format!("\"reference_us\": {:.3}", reference * 1e6));
}

/// `bytes` of `text` cut at a character boundary.
fn cut(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The scaling and pathological inputs, built the same way as in `bench/run.mjs`.
pub fn inputs(articles: &[String]) -> Vec<(String, String)> {
    let mut all = articles.join("\n\n");
    while all.len() < 1000 * KB {
        all = format!("{all}\n\n{all}");
    }
    let mut out: Vec<(String, String)> = [1, 10, 100, 1000]
        .iter()
        .map(|&kb| {
            (
                format!("{kb} KB of articles"),
                cut(&all, kb * KB).to_string(),
            )
        })
        .collect();
    // Only ASCII letters, digits and spaces: one sentence of real words, no punctuation.
    let plain: String = all
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    out.push((
        "1 MB sentence, no punctuation".into(),
        cut(&plain, 1000 * KB).to_string(),
    ));
    out.push(("100k tiny sentences".into(), "He left. ".repeat(100_000)));
    let capitalised: Vec<String> = plain
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| w[..1].to_ascii_uppercase() + &w[1..])
        .collect();
    out.push((
        "1 MB capitalised words".into(),
        cut(&capitalised.join(" "), 1000 * KB).to_string(),
    ));
    out.push(("10k quotation marks".into(), "\"".repeat(10_000)));
    out.push((
        "10k open quotes, words".into(),
        "He said \"yes ".repeat(10_000),
    ));
    out
}

fn scaling(articles: &[String], json: &mut Vec<String>) {
    println!("\nscaling and pathological inputs (analyze, median of runs):");
    println!(
        "{:<32} {:>9} {:>6} {:>13} {:>10}  slowest stage (one pass)",
        "input", "KB", "runs", "time", "µs/KB"
    );
    let opts = Options::default();
    for (name, text) in inputs(articles) {
        let (m, runs) = time_analyze(&text, &opts);
        let kb = text.len() as f64 / KB as f64;
        let slowest = slowest_note(&text, &opts, m);
        println!(
            "{:<32} {:>9.1} {:>6} {:>10.2} ms {:>10.1}  {}",
            name,
            kb,
            runs,
            m * 1e3,
            m * 1e6 / kb,
            slowest
        );
        json.push(format!("\"input:{name}\": {{\"ms\": {:.4}}}", m * 1e3));
    }
}

/// The median seconds of `pith::analyze` on `text`, and the number of runs: at least 3 runs
/// and 0.5 s, at most 50 runs; a single run when one takes over 2 s.
fn time_analyze(text: &str, opts: &Options) -> (f64, usize) {
    let mut times = Vec::new();
    let start = Instant::now();
    loop {
        let (g, t) = time(|| pith::analyze(text, opts));
        std::hint::black_box(g.ok());
        times.push(t);
        let spent = start.elapsed();
        if times.len() >= 50
            || spent >= Duration::from_secs(2)
            || (times.len() >= 3 && spent >= Duration::from_millis(500))
        {
            break;
        }
    }
    let runs = times.len();
    (median(times), runs)
}

/// For an input taking `seconds` of 0.1 s or more, the stage that takes the time and its share
/// (one staged pass); nothing for faster inputs.
fn slowest_note(text: &str, opts: &Options, seconds: f64) -> String {
    if seconds < 0.1 {
        return String::new();
    }
    let (name, t) = slowest_stage(text, opts);
    format!("{name} {:.0}%", 100.0 * t / seconds)
}

/// Each hostile family at 100 KB and 1 MB (1000 KB) in the same run: time per KB at both
/// sizes and their ratio, which stays under 2 when the time grows linearly with the input.
fn hostile_families(json: &mut Vec<String>) {
    println!("\nhostile families (tests/common/hostile.rs; analyze, median of runs; µs/KB at 1 MB over µs/KB at 100 KB under 2 is linear):");
    println!(
        "{:<26} {:>10} {:>10} {:>10} {:>10} {:>7}  slowest stage at 1 MB (one pass)",
        "family", "100 KB ms", "µs/KB", "1 MB ms", "µs/KB", "ratio"
    );
    let opts = Options::default();
    for name in hostile::FAMILIES {
        let mut per_kb = [0.0; 2];
        let mut ms = [0.0; 2];
        let mut note = String::new();
        for (i, kb) in [100, 1000].into_iter().enumerate() {
            let text = hostile::family(name, kb * KB).expect("a listed family");
            let (m, _) = time_analyze(&text, &opts);
            ms[i] = m * 1e3;
            per_kb[i] = m * 1e6 / (text.len() as f64 / KB as f64);
            json.push(format!(
                "\"hostile:{name}:{kb}\": {{\"ms\": {:.4}}}",
                m * 1e3
            ));
            if kb == 1000 {
                note = slowest_note(&text, &opts, m);
            }
        }
        println!(
            "{:<26} {:>10.2} {:>10.1} {:>10.2} {:>10.1} {:>7.2}  {}",
            name,
            ms[0],
            per_kb[0],
            ms[1],
            per_kb[1],
            per_kb[1] / per_kb[0],
            note
        );
    }
}

/// The stage taking the most time on `text`, with its seconds.
fn slowest_stage(text: &str, opts: &Options) -> (&'static str, f64) {
    let (lang, t0) = time(|| Lang::detect(text).or(Some(Lang::English)));
    let (doc, t1) = time(|| Document::new(text, lang));
    let (_, t2) = time(|| summary::rank(&doc));
    let (_, t3) = time(|| keywords::extract(&doc, opts.keyword_count()));
    let (found, t4) = time(|| actors::find(&doc));
    let (_, t5) = time(|| positions::find(&doc, &found));
    let times = [t0, t1, t2, t3, t4, t5];
    let i = (0..times.len())
        .max_by(|&a, &b| times[a].total_cmp(&times[b]))
        .unwrap_or(0);
    (STAGES[i], times[i])
}

/// Runs this binary again with `--memory`, so the peak measures one 1 MB analysis only.
fn memory(dir: &str, json: &mut Vec<String>) {
    let exe = std::env::current_exe().expect("own path");
    let out = std::process::Command::new(exe)
        .args(["--memory", "--corpus", dir])
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let line = String::from_utf8_lossy(&o.stdout).trim().to_string();
            println!("\n{line}");
            if let Some(kb) = line
                .split("peak RSS ")
                .nth(1)
                .and_then(|s| s.split(' ').next())
            {
                json.push(format!("\"peak_rss_kb\": {kb}"));
            }
        }
        _ => println!("\npeak memory: not measured (child process failed)"),
    }
}

fn status_kb(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn memory_child(articles: &[String]) {
    let text = inputs(articles)
        .into_iter()
        .find(|(name, _)| name == "1000 KB of articles")
        .map(|(_, t)| t)
        .unwrap_or_default();
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS (Linux).
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let before = status_kb("VmRSS:").unwrap_or(0);
    let g = pith::analyze(&text, &Options::default());
    std::hint::black_box(&g);
    match status_kb("VmHWM:") {
        Some(peak) if reset => println!(
            "native peak memory, 1000 KB input: peak RSS {peak} KB, {} KB over the {before} KB before analyze",
            peak.saturating_sub(before)
        ),
        Some(peak) => println!("native peak memory, 1000 KB input: peak RSS {peak} KB (whole process)"),
        None => println!("native peak memory: /proc/self/status unavailable"),
    }
}
