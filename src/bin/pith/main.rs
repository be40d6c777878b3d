//! `pith`: the command-line interface. Native only; it calls the library and formats.
//!
//! ```text
//! pith analyze [FILE|-] [--format text|json] [--sentences N|--ratio R|--words N] [--keywords N] [--lang CODE]
//! pith batch [--sentences N] [--keywords N] [--lang CODE]   < {"id","text"} JSON lines
//! pith eval summaries|keyphrases|attribution|entities ...     (quality on annotated data)
//! pith train tagger --conll FILE --gum DIR                      (regenerates the tagger weights)
//! pith train confidence                                         (fits the actors' confidence)
//! pith train positions --data DIR --dev DIR                     (fits the positions' confidence)
//! ```

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run(std::env::args().skip(1).collect()));
}

#[cfg(not(target_arch = "wasm32"))]
mod eval;
#[cfg(not(target_arch = "wasm32"))]
mod train;
#[cfg(not(target_arch = "wasm32"))]
mod train_confidence;
#[cfg(not(target_arch = "wasm32"))]
mod train_positions;
#[cfg(not(target_arch = "wasm32"))]
mod train_tagger;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use pith::{analyze, Analysis, Options};
    use std::io::{BufRead, Read, Write};

    const USAGE: &str = "usage:
  pith analyze [FILE|-] [--format text|json] [--sentences N|--ratio R|--words N] [--keywords N] [--lang CODE]
  pith batch [--sentences N] [--keywords N] [--lang CODE]   (JSON lines {\"id\",\"text\"} on stdin)
    pith eval summaries --data FILE|DIR [--decimals N]
  pith eval keyphrases --data DIR
  pith eval attribution --data DIR
    pith eval entities --conll FILE | --gum DIR [--split dev|test] [--errors]
    pith train tagger --conll FILE --gum DIR [--dev FILE] [--out PATH] [--buckets N] [--epochs N] [--check]
    pith train confidence [--conll FILE] [--gum DIR] [--out FILE] [--check]
    pith train positions --data DIR --dev DIR";

    struct Args {
        input: Option<String>,
        json: bool,
        options: Options,
    }

    fn parse(args: &[String]) -> Result<Args, String> {
        let mut out = Args {
            input: None,
            json: false,
            options: Options::default(),
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let mut value = |name: &str| {
                it.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match a.as_str() {
                "--format" => match value("--format")?.as_str() {
                    "json" => out.json = true,
                    "text" => out.json = false,
                    f => return Err(format!("unknown format {f:?} (text or json)")),
                },
                "--sentences" => {
                    out.options = out.options.sentences(number(&value("--sentences")?)?)
                }
                "--keywords" => out.options = out.options.keywords(number(&value("--keywords")?)?),
                "--words" => out.options = out.options.words(number(&value("--words")?)?),
                "--ratio" => {
                    let v = value("--ratio")?;
                    let r: f64 = v
                        .parse()
                        .ok()
                        .filter(|r| (0.0..=1.0).contains(r))
                        .ok_or_else(|| {
                            format!("--ratio must be a number between 0 and 1, got {v:?}")
                        })?;
                    out.options = out.options.ratio(r)
                }
                "--lang" => {
                    out.options = out
                        .options
                        .language(&value("--lang")?)
                        .map_err(|e| e.to_string())?
                }
                "--max-bytes" => {
                    out.options = out.options.max_input_bytes(number(&value("--max-bytes")?)?)
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                s if s.starts_with("--") => return Err(format!("unknown option {s}\n{USAGE}")),
                s if out.input.is_none() => out.input = Some(s.to_string()),
                s => return Err(format!("unexpected argument {s:?}\n{USAGE}")),
            }
        }
        Ok(out)
    }

    fn number(s: &str) -> Result<usize, String> {
        s.parse()
            .map_err(|_| format!("expected a whole number, got {s:?}"))
    }

    /// Reads a file or stdin as text; invalid UTF-8 is replaced, with a warning.
    fn read_input(path: Option<&str>, limit: usize) -> Result<String, String> {
        let mut bytes = Vec::new();
        // Read one byte past the limit so an oversize input is reported, not truncated.
        let cap = limit as u64 + 1;
        match path {
            None | Some("-") => std::io::stdin()
                .lock()
                .take(cap)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read stdin: {e}"))?,
            Some(p) => std::fs::File::open(p)
                .and_then(|f| f.take(cap).read_to_end(&mut bytes))
                .map_err(|e| format!("cannot read {p}: {e}"))?,
        };
        Ok(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("pith: warning: input is not valid UTF-8; invalid bytes were replaced");
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        })
    }

    pub fn run(args: Vec<String>) -> i32 {
        let result = match args.first().map(String::as_str) {
            Some("analyze") => parse(&args[1..]).and_then(|a| analyze_cmd(&a)),
            Some("batch") => parse(&args[1..]).and_then(|a| batch_cmd(&a)),
            Some("eval") => crate::eval::run(&args[1..]),
            Some("train") => crate::train::run(&args[1..]),
            Some("-h" | "--help") | None => {
                println!("{USAGE}");
                Ok(())
            }
            Some(c) => Err(format!("unknown command {c:?}\n{USAGE}")),
        };
        match result {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("pith: {e}");
                2
            }
        }
    }

    fn analyze_cmd(a: &Args) -> Result<(), String> {
        let text = read_input(a.input.as_deref(), a.options.input_limit())?;
        let gist = analyze(&text, &a.options).map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        let written = if a.json {
            serde_json::to_writer_pretty(&mut out, &gist)
                .map_err(|e| e.to_string())
                .and_then(|_| writeln!(out).map_err(|e| e.to_string()))
        } else {
            write!(out, "{}", report(&gist)).map_err(|e| e.to_string())
        };
        written.map_err(|e| format!("cannot write output: {e}"))
    }

    fn batch_cmd(a: &Args) -> Result<(), String> {
        let stdin = std::io::stdin();
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        for (n, line) in stdin.lock().lines().enumerate() {
            let line = line.map_err(|e| format!("line {}: cannot read: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let record: serde_json::Value = match serde_json::from_str(&line) {
                Ok(v) => v,
                Err(e) => {
                    writeln!(
                        out,
                        "{}",
                        serde_json::json!({"line": n + 1, "error": format!("invalid JSON: {e}")})
                    )
                    .map_err(|e| e.to_string())?;
                    continue;
                }
            };
            let id = record.get("id").cloned().unwrap_or(serde_json::Value::Null);
            let Some(text) = record.get("text").and_then(|t| t.as_str()) else {
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"id": id, "error": "missing string field \"text\""})
                )
                .map_err(|e| e.to_string())?;
                continue;
            };
            let row = match analyze(text, &a.options) {
                Ok(gist) => {
                    let mut v = serde_json::to_value(&gist).map_err(|e| e.to_string())?;
                    if let Some(obj) = v.as_object_mut() {
                        obj.insert("id".into(), id);
                    }
                    v
                }
                Err(e) => serde_json::json!({"id": id, "error": e.to_string()}),
            };
            writeln!(out, "{row}").map_err(|e| format!("cannot write output: {e}"))?;
        }
        out.flush().map_err(|e| e.to_string())
    }

    /// The readable report: summary, keywords, actors table, positions table.
    fn report(g: &Analysis) -> String {
        let mut s = String::new();
        let push = |s: &mut String, line: String| {
            s.push_str(&line);
            s.push('\n');
        };
        push(
            &mut s,
            format!(
                "Language: {}   Sentences: {}",
                g.language,
                g.sentences.len()
            ),
        );
        push(&mut s, "\nSUMMARY".into());
        for x in &g.summary {
            push(&mut s, format!("  [{}] {}", x.sentence, x.text));
        }
        push(&mut s, "\nKEYWORDS".into());
        push(
            &mut s,
            format!(
                "  {}",
                g.keywords
                    .iter()
                    .map(|k| k.phrase.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
        push(&mut s, "\nACTORS".into());
        let rows: Vec<[String; 5]> = g
            .actors
            .iter()
            .map(|a| {
                [
                    a.name.clone(),
                    format!("{:?}", a.kind).to_lowercase(),
                    a.role.clone().unwrap_or_else(|| "-".into()),
                    a.affiliation.clone().unwrap_or_else(|| "-".into()),
                    format!("{}+{}", a.mentions.len(), a.references.len()),
                ]
            })
            .collect();
        table(
            &mut s,
            ["name", "kind", "role", "affiliation", "mentions"],
            &rows,
        );
        push(&mut s, "\nPOSITIONS".into());
        let rows: Vec<[String; 5]> = g
            .positions
            .iter()
            .map(|p| {
                [
                    if p.resolved {
                        p.actor.clone()
                    } else {
                        format!("{} (unresolved)", p.actor)
                    },
                    p.side.clone().unwrap_or_else(|| "-".into()),
                    p.stance.clone().unwrap_or_default(),
                    clip(&p.claim, 70),
                    format!("#{}", p.sentence),
                ]
            })
            .collect();
        table(
            &mut s,
            ["actor", "side", "stance", "claim", "evidence"],
            &rows,
        );
        s
    }

    fn clip(s: &str, n: usize) -> String {
        if s.chars().count() <= n {
            return s.to_string();
        }
        let cut: String = s.chars().take(n - 1).collect();
        format!("{cut}…")
    }

    fn table<const N: usize>(s: &mut String, head: [&str; N], rows: &[[String; N]]) {
        let mut w = head.map(|h| h.chars().count());
        for r in rows {
            for (i, c) in r.iter().enumerate() {
                w[i] = w[i].max(c.chars().count());
            }
        }
        let line = |cells: Vec<&str>| {
            let mut l = String::from(" ");
            for (i, c) in cells.iter().enumerate() {
                l.push(' ');
                l.push_str(c);
                l.push_str(&" ".repeat(w[i] - c.chars().count()));
                l.push_str(" |");
            }
            l.pop();
            l.trim_end().to_string() + "\n"
        };
        s.push_str(&line(head.to_vec()));
        s.push_str(&line(
            w.iter()
                .map(|&n| "-".repeat(n))
                .collect::<Vec<_>>()
                .iter()
                .map(String::as_str)
                .collect(),
        ));
        for r in rows {
            s.push_str(&line(r.iter().map(String::as_str).collect()));
        }
        if rows.is_empty() {
            s.push_str("  (none)\n");
        }
    }
}
