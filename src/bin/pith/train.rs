//! `pith train tagger ...`: regenerates the embedded model weights (see [`crate::train_tagger`]).

/// Runs `pith train ...`.
pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("tagger") => crate::train_tagger::run(&args[1..]),
        Some("confidence") => crate::train_confidence::run(&args[1..]),
        _ => Err("usage: pith train tagger --conll FILE --gum DIR [--dev FILE] [--out PATH] \
                  [--buckets N] [--epochs N] [--check]\n       pith train confidence [--conll FILE] \
                  [--gum DIR] [--out FILE] [--check]"
            .into()),
    }
}
