//! `pith batch`: many articles on every core, one JSON line out per record, in input order.
//!
//! The input is read in chunks (at most `--chunk` records or [`CHUNK_BYTES`] bytes); a rayon
//! pool analyses a chunk while nothing else is held, so memory stays bounded by one chunk
//! whatever the input's size, and the output is written in input order after each chunk.

use crate::cli::AnalysisArgs;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use pith::{analyze, Options};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// A chunk also ends once its records hold this many bytes, so a run of long articles cannot
/// grow one chunk without bound.
const CHUNK_BYTES: usize = 64 << 20;

/// `pith batch` flags.
#[derive(clap::Args)]
#[command(
    after_help = "Output: one JSON line per record, in input order: {\"id\", ...analysis} \
or {\"id\"|\"line\", \"error\"}. A record of a web page ({\"id\",\"html\"}, or an .html file) is \
analysed as the article found in it, and its row adds the page's \"metadata\". A bad record \
(invalid JSON, no \"text\" or \"html\", over --max-bytes) is an \
error line and the run goes on. A progress bar is drawn on stderr when it is a terminal; a \
one-line summary (records, errors, seconds) ends every run."
)]
pub struct BatchArgs {
    /// A directory of .txt/.html files (the id is the path below DIR), or a JSON lines file;
    /// stdin when absent or -.
    #[arg(value_name = "DIR|FILE", conflicts_with = "input")]
    path: Option<PathBuf>,
    /// A JSON lines file of {"id","text"} or {"id","html"} records, plain or gzip (detected); -
    /// for stdin.
    #[arg(long, short, value_name = "FILE")]
    input: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
    /// Records read and analysed together; memory holds one chunk of input and output.
    #[arg(long, value_name = "N", default_value_t = 256, value_parser = clap::value_parser!(u32).range(1..))]
    chunk: u32,
    #[command(flatten)]
    analysis: AnalysisArgs,
}

/// One record to analyse, as read; parsing and file reading happen on the worker threads.
enum Job {
    /// A JSON line and its 1-based number.
    Line { n: usize, bytes: Vec<u8> },
    /// A line longer than any record under `--max-bytes` could be, skipped unread.
    TooLong { n: usize, len: usize },
    /// A file of a directory input.
    File { id: String, path: PathBuf },
}

/// Runs `pith batch`.
pub fn run(a: &BatchArgs) -> Result<(), String> {
    let options = a.analysis.options()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.threads.map_or(0, usize::from))
        .build()
        .map_err(|e| format!("cannot start the worker threads: {e}"))?;
    let mut source = Source::open(a.input.as_deref().or(a.path.as_deref()), &options)?;
    let progress = Progress::new(&source);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    let start = Instant::now();
    let (mut records, mut errors) = (0usize, 0usize);
    loop {
        let chunk = source.next_chunk(a.chunk as usize)?;
        if chunk.is_empty() {
            break;
        }
        // `collect` on an indexed parallel iterator keeps the input order.
        let rows: Vec<(String, bool)> =
            pool.install(|| chunk.par_iter().map(|job| job.run(&options)).collect());
        for (row, failed) in rows {
            writeln!(out, "{row}").map_err(|e| format!("cannot write output: {e}"))?;
            errors += usize::from(failed);
        }
        records += chunk.len();
        progress.update(records);
    }
    out.flush()
        .map_err(|e| format!("cannot write output: {e}"))?;
    progress.bar.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    let threads = pool.current_num_threads();
    eprintln!(
        "pith batch: {records} records, {errors} errors, {secs:.2} s ({:.0} records/s on {threads} thread{})",
        records as f64 / secs.max(1e-9),
        if threads == 1 { "" } else { "s" }
    );
    Ok(())
}

impl Job {
    /// The output line for this record, and whether it is an error line.
    fn run(&self, options: &Options) -> (String, bool) {
        let limit = options.input_limit();
        let result = match self {
            Job::Line { n, bytes } => line_record(*n, bytes, options),
            Job::TooLong { n, len } => Err(json!({
                "line": n,
                "error": format!("line is {len} bytes, too long for a text under --max-bytes {limit}"),
            })),
            Job::File { id, path } => file_record(id, path, limit).and_then(|input| {
                analysis(&input, id.as_str().into(), options)
                    .map_err(|e| json!({"id": id, "error": e}))
            }),
        };
        match result {
            Ok(row) => (row.to_string(), false),
            Err(row) => (row.to_string(), true),
        }
    }
}

/// A record's input: plain text, or a web page whose article is analysed.
enum Input<'a> {
    Text(&'a str),
    Html(&'a str),
}

/// The analysis of one JSON line, or its error line (with the line number, and the id when
/// the line has one).
fn line_record(n: usize, bytes: &[u8], options: &Options) -> Result<Value, Value> {
    let record: Value = serde_json::from_slice(bytes)
        .map_err(|e| json!({"line": n, "error": format!("invalid JSON: {e}")}))?;
    let id = record.get("id").cloned().unwrap_or(Value::Null);
    let field = |k: &str| record.get(k).and_then(Value::as_str);
    let input = match (field("text"), field("html")) {
        (Some(text), _) => Input::Text(text),
        (None, Some(html)) => Input::Html(html),
        (None, None) => {
            let e = "missing string field \"text\" (or \"html\")";
            return Err(json!({"id": id, "line": n, "error": e}));
        }
    };
    analysis(input, id.clone(), options).map_err(|e| json!({"id": id, "line": n, "error": e}))
}

/// The contents of one file of a directory input, or its error line. Files named `.html` or
/// `.htm`, or opening as a page does, are pages.
fn file_record(id: &str, path: &Path, limit: usize) -> Result<FileInput, Value> {
    let fail = |e: String| json!({"id": id, "error": e});
    let mut bytes = Vec::new();
    // Read one byte past the limit: enough to know the file is over it, and no more.
    std::fs::File::open(path)
        .and_then(|f| f.take(limit as u64 + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(format!("cannot read {}: {e}", path.display())))?;
    if bytes.len() > limit {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(fail(over_limit(size as usize, limit)));
    }
    // One BBC article is not valid UTF-8: replace, as `pith analyze` does.
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let html = crate::cli::is_html_name(path) || pith::html::looks_like_html(&text);
    Ok(FileInput { text, html })
}

/// A file's contents and whether it is a page.
struct FileInput {
    text: String,
    html: bool,
}

impl<'a> From<&'a FileInput> for Input<'a> {
    fn from(f: &'a FileInput) -> Self {
        if f.html {
            Input::Html(&f.text)
        } else {
            Input::Text(&f.text)
        }
    }
}

/// `{"id", ...analysis}` (with `"metadata"` for a page), or the error message.
fn analysis<'a>(
    input: impl Into<Input<'a>>,
    id: Value,
    options: &Options,
) -> Result<Value, String> {
    let (raw, html) = match input.into() {
        Input::Text(text) => (text, false),
        Input::Html(page) => (page, true),
    };
    // The limit is on what the record holds, page or text, before any work on it.
    if raw.len() > options.input_limit() {
        return Err(over_limit(raw.len(), options.input_limit()));
    }
    let page = html.then(|| pith::html::extract(raw));
    let text = page.as_ref().map_or(raw, |p| p.text.as_str());
    let gist = analyze(text, options).map_err(|e| e.to_string())?;
    let mut row = serde_json::to_value(&gist).map_err(|e| e.to_string())?;
    if let Some(obj) = row.as_object_mut() {
        obj.insert("id".into(), id);
        if let Some(page) = page {
            let meta = serde_json::to_value(&page.metadata).map_err(|e| e.to_string())?;
            obj.insert("metadata".into(), meta);
        }
    }
    Ok(row)
}

fn over_limit(bytes: usize, limit: usize) -> String {
    format!("text is {bytes} bytes, over the limit of {limit} bytes (--max-bytes)")
}

/// Where records come from: JSON lines (a file or stdin, plain or gzip) or a directory.
enum Source {
    Lines {
        reader: Box<dyn BufRead>,
        /// Lines read so far.
        line: usize,
        /// Longest line read whole: a text of `--max-bytes` with every byte escaped (`\u00XX`
        /// is 6 bytes), plus room for the id.
        cap: usize,
        /// Bytes of the file read so far (before decompression) and its size, for progress.
        read: Arc<AtomicU64>,
        size: Option<u64>,
    },
    Files {
        files: std::vec::IntoIter<(String, PathBuf)>,
        count: usize,
    },
}

impl Source {
    /// Opens `path` (a directory or a JSON lines file; stdin when `None` or `-`).
    fn open(path: Option<&Path>, options: &Options) -> Result<Source, String> {
        let path = path.filter(|p| *p != Path::new("-"));
        if let Some(dir) = path.filter(|p| p.is_dir()) {
            let mut files = Vec::new();
            walk(dir, dir, &mut files)?;
            files.sort();
            let count = files.len();
            return Ok(Source::Files {
                files: files.into_iter(),
                count,
            });
        }
        let read = Arc::new(AtomicU64::new(0));
        let (raw, size): (Box<dyn Read>, Option<u64>) = match path {
            None => (Box::new(std::io::stdin().lock()), None),
            Some(p) => {
                let f = std::fs::File::open(p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(f), size)
            }
        };
        let counted = Counted {
            inner: raw,
            read: Arc::clone(&read),
        };
        Ok(Source::Lines {
            reader: maybe_gunzip(counted).map_err(|e| format!("cannot read input: {e}"))?,
            line: 0,
            cap: options
                .input_limit()
                .saturating_mul(6)
                .saturating_add(64 << 10),
            read,
            size,
        })
    }

    /// The next chunk of at most `max` records (fewer at the end; empty when done).
    fn next_chunk(&mut self, max: usize) -> Result<Vec<Job>, String> {
        let mut jobs = Vec::new();
        match self {
            Source::Files { files, .. } => jobs.extend(
                files
                    .by_ref()
                    .take(max)
                    .map(|(id, path)| Job::File { id, path }),
            ),
            Source::Lines {
                reader, line, cap, ..
            } => {
                let mut bytes = 0;
                while jobs.len() < max && bytes < CHUNK_BYTES {
                    let Some(job) = next_line(reader, line, *cap)
                        .map_err(|e| format!("line {}: cannot read: {e}", *line + 1))?
                    else {
                        break;
                    };
                    bytes += match &job {
                        Job::Line { bytes, .. } => bytes.len(),
                        _ => 0,
                    };
                    jobs.push(job);
                }
            }
        }
        Ok(jobs)
    }
}

/// The next non-blank line as a job, reading at most `cap + 1` bytes of it; `None` at the end.
fn next_line(
    reader: &mut dyn BufRead,
    line: &mut usize,
    cap: usize,
) -> std::io::Result<Option<Job>> {
    loop {
        let mut buf = Vec::new();
        if (&mut *reader)
            .take(cap as u64 + 1)
            .read_until(b'\n', &mut buf)?
            == 0
        {
            return Ok(None);
        }
        *line += 1;
        if buf.len() > cap && buf.last() != Some(&b'\n') {
            let rest = reader.skip_until(b'\n')?;
            return Ok(Some(Job::TooLong {
                n: *line,
                len: buf.len() + rest,
            }));
        }
        if !buf.iter().all(u8::is_ascii_whitespace) {
            return Ok(Some(Job::Line {
                n: *line,
                bytes: buf,
            }));
        }
    }
}

/// Buffers `raw`, decompressing it when it starts with the gzip magic bytes.
fn maybe_gunzip<R: Read + 'static>(raw: R) -> std::io::Result<Box<dyn BufRead>> {
    let mut buffered = BufReader::with_capacity(1 << 20, raw);
    Ok(if buffered.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        // Multi-member, as `cat a.gz b.gz` and pigz write.
        Box::new(BufReader::with_capacity(
            1 << 20,
            flate2::bufread::MultiGzDecoder::new(buffered),
        ))
    } else {
        Box::new(buffered)
    })
}

/// The `.txt`, `.html` and `.htm` files under `dir`, as (path below `root`, path).
fn walk(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            walk(root, &path, out)?;
            continue;
        }
        let wanted = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
            ["txt", "html", "htm"]
                .iter()
                .any(|w| e.eq_ignore_ascii_case(w))
        });
        if wanted {
            let id = path.strip_prefix(root).unwrap_or(&path);
            out.push((id.to_string_lossy().into_owned(), path));
        }
    }
    Ok(())
}

/// A reader that counts the bytes read through it (the compressed bytes, for a gzip file).
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The progress bar on stderr: drawn only when stderr is a terminal, so logs and pipes get
/// nothing but the summary line.
struct Progress {
    bar: ProgressBar,
    /// For a JSON lines file: bytes read so far (the bar's position is in bytes).
    read: Option<Arc<AtomicU64>>,
}

impl Progress {
    fn new(source: &Source) -> Progress {
        let (bar, read, template) = match source {
            Source::Files { count, .. } => (
                ProgressBar::new(*count as u64),
                None,
                "{bar:30} {pos}/{len} articles, {msg}, ETA {eta}",
            ),
            Source::Lines {
                size: Some(size),
                read,
                ..
            } => (
                ProgressBar::new(*size),
                Some(Arc::clone(read)),
                "{bar:30} {bytes}/{total_bytes}, {msg}, ETA {eta}",
            ),
            Source::Lines { .. } => (
                ProgressBar::no_length(),
                None,
                "{spinner} {pos} articles, {msg}, {elapsed}",
            ),
        };
        if std::io::stderr().is_terminal() {
            // Redraw between chunks too, so elapsed time and the spinner keep moving.
            bar.enable_steady_tick(std::time::Duration::from_millis(250));
        } else {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        if let Ok(style) = ProgressStyle::with_template(template) {
            bar.set_style(style);
        }
        Progress { bar, read }
    }

    fn update(&self, records: usize) {
        let rate = records as f64 / self.bar.elapsed().as_secs_f64().max(1e-9);
        match &self.read {
            Some(read) => {
                self.bar
                    .set_message(format!("{records} articles, {rate:.0}/s"));
                self.bar.set_position(read.load(Ordering::Relaxed));
            }
            None => {
                self.bar.set_message(format!("{rate:.0}/s"));
                self.bar.set_position(records as u64);
            }
        }
    }
}
