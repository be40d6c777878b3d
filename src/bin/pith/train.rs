//! `pith train ...`: regenerates the embedded model weights (see [`crate::train_tagger`],
//! [`crate::train_confidence`] and [`crate::train_positions`]).

/// `pith train <model> ...`.
#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Train the name tagger (averaged perceptron) on CoNLL-2003 and GUM.
    Tagger(crate::train_tagger::Args),
    /// Fit the actor confidence model on CoNLL testa and GUM dev.
    Confidence(crate::train_confidence::Args),
    /// Fit the positions' confidence model on PolNeAR train, choose its threshold on dev.
    Positions(crate::train_positions::Args),
}

/// Runs `pith train ...`.
pub fn run(command: &TrainCommand) -> Result<(), String> {
    match command {
        TrainCommand::Tagger(a) => crate::train_tagger::run(a),
        TrainCommand::Confidence(a) => crate::train_confidence::run(a),
        TrainCommand::Positions(a) => crate::train_positions::run(a),
    }
}
