//! `pith eval entities` (being written).

/// Runs the evaluation.
pub fn run(_args: &[String]) -> Result<(), String> {
    Err("pith eval entities: not available yet".into())
}
