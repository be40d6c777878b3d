//! `pith eval`: quality measured on annotated real news, each with its baseline computed in the
//! same run. These commands read files (the evaluation sets live outside the repository, in
//! `../shared/eval/`), so they belong to the CLI, not to the I/O-free core.

pub mod attribution;
pub mod entities;
mod keyphrases;
pub mod porter;
mod summaries;

/// Runs `pith eval <set> ...`.
pub fn run(args: &[String]) -> Result<(), String> {
    let rest = args.get(1..).unwrap_or(&[]);
    match args.first().map(String::as_str) {
        Some("summaries") => summaries::run(rest),
        Some("keyphrases") => keyphrases::run(rest),
        Some("attribution") => attribution::run(rest),
        Some("entities") => entities::run(rest),
        _ => Err("usage: pith eval summaries|keyphrases|attribution|entities --data PATH".into()),
    }
}

/// The value of `--name VALUE` in `args`.
pub fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// Reads a file as text, replacing invalid UTF-8 (one BBC file is not valid UTF-8).
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}
