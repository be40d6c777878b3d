//! `pith eval attribution` (being written).

/// Runs the evaluation.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("pith eval attribution: not available yet".into())
}
