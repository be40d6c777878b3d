//! `pith`: the command-line interface. Native only; it calls the library and formats.
//!
//! ```text
//! pith analyze [FILE|-] [--format text|json] [--sentences N|--ratio R|--words N] [--keywords N] [--lang CODE]
//! pith batch [DIR|FILE|-] [--input FILE] [--threads N] [--max-bytes N] ...   ({"id","text"|"html"} JSON lines)
//! pith extract [FILE|-] [--format text|json]                  (a web page's article and metadata)
//! pith eval summaries|keyphrases|attribution|entities ...     (quality on annotated data)
//! pith train tagger|confidence ...                            (regenerates the model weights)
//! pith completions bash|zsh|fish|elvish|powershell
//! ```
//!
//! `pith help COMMAND` or `pith COMMAND --help` documents every flag.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::run());
}

#[cfg(not(target_arch = "wasm32"))]
mod batch;
#[cfg(not(target_arch = "wasm32"))]
mod eval;
#[cfg(not(target_arch = "wasm32"))]
mod report;
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
    use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
    use pith::{analyze, Options};
    use std::io::{Read, Write};

    /// The gist of a news article: summary, keywords, actors and positions.
    #[derive(Parser)]
    #[command(name = "pith", version, propagate_version = true)]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Analyse one article (a file or stdin) and print a report or the JSON contract. A web
        /// page (named .html/.htm, or opening with a doctype or <html>) is analysed as the
        /// article found in it.
        Analyze(AnalyzeArgs),
        /// Find the article in a web page (a file or stdin) and print its text and metadata.
        Extract(ExtractArgs),
        /// Analyse many articles on every core: {"id","text"} JSON lines (plain or gzip) or a
        /// directory of .txt/.html files in, one JSON line per record out, in input order.
        Batch(crate::batch::BatchArgs),
        /// Measure quality on annotated data (the sets live in ../shared/eval/).
        #[command(subcommand)]
        Eval(crate::eval::EvalCommand),
        /// Regenerate the embedded model weights from the training corpora.
        #[command(subcommand)]
        Train(crate::train::TrainCommand),
        /// Print a shell completion script on stdout (e.g. `pith completions bash > ~/.local/share/bash-completion/completions/pith`).
        Completions {
            /// The shell to complete for.
            shell: clap_complete::Shell,
        },
    }

    /// The analysis options shared by `analyze` and `batch`: the fields of
    /// [`pith::OptionsSpec`], as the wasm module's options object has them. Clap reads each as a
    /// number or a string; their ranges are the library's one check ([`Options::check`]), so a
    /// flag out of range gets the message a JavaScript caller or the builder gets.
    #[derive(Args)]
    pub struct AnalysisArgs {
        /// Summary length in sentences, 0 to 1000 [default: 3].
        #[arg(long, value_name = "N", value_parser = count, group = "length")]
        sentences: Option<u32>,
        /// Summary length as a share of the candidate sentences, 0 to 1.
        #[arg(long, value_name = "R", group = "length")]
        ratio: Option<f64>,
        /// Summary length as a word budget: the best sentences that fit, at least one.
        #[arg(long, value_name = "N", value_parser = count, group = "length")]
        words: Option<u32>,
        /// Number of keywords, 0 to 1000.
        #[arg(long, value_name = "N", value_parser = count, default_value_t = default().keyword_count() as u32)]
        keywords: u32,
        /// Language: an ISO 639-1 code (en), an English name (german) or auto (detect).
        #[arg(long, value_name = "CODE", default_value = "auto")]
        lang: String,
        /// Largest input accepted (per record in batch), in UTF-8 bytes.
        #[arg(long, value_name = "N", value_parser = count, default_value_t = default().input_limit() as u32)]
        max_bytes: u32,
    }

    impl AnalysisArgs {
        /// The library options these flags ask for, through the one validation.
        pub fn options(&self) -> Result<Options, String> {
            let mut spec = pith::OptionsSpec::default();
            spec.sentences = self.sentences;
            spec.ratio = self.ratio;
            spec.words = self.words;
            spec.keywords = Some(self.keywords);
            spec.lang = Some(self.lang.clone());
            spec.max_input_bytes = Some(self.max_bytes);
            // `analyze` checks too; checking here reports bad flags before any input is read.
            let options = Options::try_from(spec).map_err(|e| e.to_string())?;
            options.check().map_err(|e| e.to_string())?;
            Ok(options)
        }
    }

    #[derive(Args)]
    struct AnalyzeArgs {
        /// The article: a text file, or - (the default) for stdin.
        #[arg(value_name = "FILE")]
        input: Option<String>,
        /// Output: a readable report or the JSON contract.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        analysis: AnalysisArgs,
    }

    #[derive(Args)]
    struct ExtractArgs {
        /// The page: an HTML file, or - (the default) for stdin.
        #[arg(value_name = "FILE")]
        input: Option<String>,
        /// Output: the metadata as "key: value" lines, a blank line and the text; or JSON
        /// {"text", "metadata"}.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Largest page accepted, in UTF-8 bytes.
        #[arg(long, value_name = "N", value_parser = count, default_value_t = Options::default().input_limit() as u32)]
        max_bytes: u32,
    }

    /// Whether a file's name says it is a web page.
    pub fn is_html_name(path: &std::path::Path) -> bool {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
    }

    #[derive(Clone, Copy, ValueEnum)]
    enum Format {
        Text,
        Json,
    }

    /// The library's defaults, which the flags' defaults show.
    fn default() -> Options {
        Options::default()
    }

    /// An option's whole number, as the wasm module reads one (0 to 2^32 - 1); its range is
    /// [`Options::check`]'s.
    fn count(s: &str) -> Result<u32, String> {
        s.parse()
            .map_err(|_| format!("expected a whole number from 0 to {}, got {s:?}", u32::MAX))
    }

    /// Parses the command line and runs it; returns the exit code (2 on any error).
    pub fn run() -> i32 {
        // clap prints --help and --version on stdout (exit 0) and usage errors, with
        // suggestions, on stderr (exit 2).
        let cli = Cli::parse();
        let result = match cli.command {
            Command::Analyze(a) => analyze_cmd(&a),
            Command::Extract(a) => extract_cmd(&a),
            Command::Batch(a) => crate::batch::run(&a),
            Command::Eval(c) => crate::eval::run(&c),
            Command::Train(c) => crate::train::run(&c),
            Command::Completions { shell } => {
                // Into a buffer first: clap_complete panics on a write error (a closed pipe).
                let mut script = Vec::new();
                clap_complete::generate(shell, &mut Cli::command(), "pith", &mut script);
                std::io::stdout()
                    .write_all(&script)
                    .map_err(|e| format!("cannot write output: {e}"))
            }
        };
        match result {
            Ok(()) => 0,
            Err(e) => {
                eprintln!("pith: {e}");
                2
            }
        }
    }

    /// Reads a file or stdin as text; invalid UTF-8 is replaced, with a warning.
    fn read_input(path: Option<&str>, limit: usize) -> Result<String, String> {
        let text = read_bytes(path, limit)?;
        if text.len() > limit {
            let e = pith::Error::InputTooLarge {
                bytes: text.len(),
                limit,
            };
            return Err(e.to_string());
        }
        Ok(text)
    }

    fn read_bytes(path: Option<&str>, limit: usize) -> Result<String, String> {
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

    fn analyze_cmd(a: &AnalyzeArgs) -> Result<(), String> {
        let options = a.analysis.options()?;
        let path = a.input.as_deref();
        let mut text = read_input(path, options.input_limit())?;
        let named = path.is_some_and(|p| is_html_name(std::path::Path::new(p)));
        if named || pith::html::looks_like_html(&text) {
            text = pith::html::extract(&text).text;
        }
        let gist = analyze(&text, &options).map_err(|e| e.to_string())?;
        let mut out = std::io::stdout().lock();
        let written = match a.format {
            Format::Json => serde_json::to_writer_pretty(&mut out, &gist)
                .map_err(|e| e.to_string())
                .and_then(|_| writeln!(out).map_err(|e| e.to_string())),
            Format::Text => {
                write!(out, "{}", crate::report::report(&gist)).map_err(|e| e.to_string())
            }
        };
        written.map_err(|e| format!("cannot write output: {e}"))
    }

    fn extract_cmd(a: &ExtractArgs) -> Result<(), String> {
        let html = read_input(a.input.as_deref(), a.max_bytes as usize)?;
        let page = pith::html::extract(&html);
        let mut out = std::io::stdout().lock();
        let written = match a.format {
            Format::Json => serde_json::to_writer_pretty(&mut out, &page)
                .map_err(|e| e.to_string())
                .and_then(|_| writeln!(out).map_err(|e| e.to_string())),
            Format::Text => {
                let m = &page.metadata;
                let fields = [
                    ("title", &m.title),
                    ("byline", &m.byline),
                    ("published", &m.published),
                    ("site", &m.site_name),
                    ("lang", &m.lang),
                ];
                let mut head = String::new();
                for (key, value) in fields {
                    if let Some(v) = value {
                        head.push_str(&format!("{key}: {v}\n"));
                    }
                }
                let sep = if head.is_empty() { "" } else { "\n" };
                writeln!(out, "{head}{sep}{}", page.text).map_err(|e| e.to_string())
            }
        };
        written.map_err(|e| format!("cannot write output: {e}"))
    }
}
