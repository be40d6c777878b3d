//! `pith train tagger|confidence|positions ...`: regenerates the embedded model weights (see
//! [`crate::train_tagger`], [`crate::train_confidence`], [`crate::train_positions`]).

/// Runs `pith train ...`.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("tagger") => crate::train_tagger::run(&args[1..]),
        Some("confidence") => crate::train_confidence::run(&args[1..]),
        Some("positions") => crate::train_positions::run(args),
        _ => Err("usage: pith train tagger --conll FILE --gum DIR [--dev FILE] [--out PATH] \
                  [--buckets N] [--epochs N] [--check]\n       pith train confidence [--conll FILE] \
                  [--gum DIR] [--out FILE] [--check]\n       pith train positions --data DIR --dev DIR"
            .into()),
    }
}
