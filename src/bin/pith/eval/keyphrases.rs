//! `pith eval keyphrases` (being written).

/// Runs the evaluation.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("pith eval keyphrases: not available yet".into())
}
