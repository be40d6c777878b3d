//! `pith eval`: quality measured on annotated real news, each with its baseline computed in the
//! same run. These commands read files (the evaluation sets live outside the repository, in
//! `../shared/eval/`), so they belong to the CLI, not to the I/O-free core.

pub mod attribution;
pub mod entities;
mod extraction;
mod keyphrases;
pub mod porter;
mod summaries;

/// `pith eval <set> ...`.
#[derive(clap::Subcommand)]
pub enum EvalCommand {
    /// ROUGE-1/2/L of pith, LEAD-3 and TextRank summaries against reference summaries.
    Summaries(summaries::Args),
    /// Keyphrase precision, recall and F1 at 5, 10 and 15 against annotated keyphrases.
    Keyphrases(keyphrases::Args),
    /// Attribution (who said what) against PolNeAR annotations.
    Attribution(attribution::Args),
    /// Named-entity spans and types against CoNLL-2003 or GUM.
    Entities(entities::Args),
    /// Article extraction from web pages against reference extractions (shingle P/R/F1).
    Extraction(extraction::Args),
}

/// Runs `pith eval <set> ...`.
pub fn run(command: &EvalCommand) -> Result<(), String> {
    match command {
        EvalCommand::Summaries(a) => summaries::run(a),
        EvalCommand::Keyphrases(a) => keyphrases::run(a),
        EvalCommand::Attribution(a) => attribution::run(a),
        EvalCommand::Entities(a) => entities::run(a),
        EvalCommand::Extraction(a) => extraction::run(a),
    }
}

/// Reads a file as text, replacing invalid UTF-8 (one BBC file is not valid UTF-8).
pub fn read_text(path: &std::path::Path) -> Result<String, String> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|e| format!("cannot read {}: {e}", path.display()))
}
