//! The `pith` command line: reports, JSON, batch mode (order, inputs, bad records), help,
//! version, completions and one-line errors.
// The binary needs the `cli` feature (`--no-default-features` builds no binary to run).
#![cfg(all(not(target_arch = "wasm32"), feature = "cli"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

const ARTICLE: &str = include_str!("fixtures/missile-defence.txt");

fn pith(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pith runs");
    let mut input = child.stdin.take().expect("stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data); // pith may stop reading early (over the limit)
    });
    let out = child.wait_with_output().expect("pith finishes");
    writer.join().expect("writer");
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn text_report_has_the_four_sections() {
    let out = pith(&["analyze", "-"], ARTICLE.as_bytes());
    assert!(out.status.success());
    let report = text(&out.stdout);
    for section in ["SUMMARY", "KEYWORDS", "ACTORS", "POSITIONS"] {
        assert!(report.contains(section), "{section}");
    }
    for name in [
        "Vladimir Putin",
        "Condoleezza Rice",
        "Robert Gates",
        "Dmitry Peskov",
        "Sergei Lavrov",
        "Anatoly Serdyukov",
    ] {
        assert!(report.contains(name), "{name}");
    }
}

#[test]
fn json_follows_the_contract_and_options() {
    let out = pith(
        &[
            "analyze",
            "--format",
            "json",
            "--sentences",
            "2",
            "--keywords",
            "5",
            "--lang",
            "en",
        ],
        ARTICLE.as_bytes(),
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["language"], "en");
    assert_eq!(v["summary"].as_array().map(Vec::len), Some(2));
    assert_eq!(v["keywords"].as_array().map(Vec::len), Some(5));
    assert!(v["actors"][0]["mentions"][0]["start"].is_u64());
    assert!(v["positions"][0]["stance"].is_string());
}

#[test]
fn empty_input_is_an_empty_report() {
    let out = pith(&["analyze", "-"], b"");
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("Sentences: 0"));
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let missing = pith(&["analyze", "/no/such/file.txt"], b"");
    assert_eq!(missing.status.code(), Some(2));
    let err = text(&missing.stderr);
    assert!(
        err.starts_with("pith: cannot read /no/such/file.txt"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1);

    let big = pith(&["analyze", "-", "--max-bytes", "1000"], &vec![b'a'; 5000]);
    assert_eq!(big.status.code(), Some(2));
    assert!(text(&big.stderr).contains("over the limit of 1000 bytes"));

    let bad = pith(&["analyze", "--sentences", "many"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(text(&bad.stderr).contains("expected a whole number"));

    // Out of range: the library's one check, with the message the builder and the wasm module
    // give, before any input is read.
    for (flags, message) in [
        (
            ["--sentences", "1001"],
            "sentences must be between 0 and 1000, got 1001",
        ),
        (
            ["--keywords", "5000"],
            "keywords must be between 0 and 1000, got 5000",
        ),
        (["--ratio", "1.5"], "ratio must be between 0 and 1, got 1.5"),
    ] {
        for command in ["analyze", "batch"] {
            let out = pith(&[command, flags[0], flags[1]], b"Some text.");
            assert_eq!(out.status.code(), Some(2), "{command} {flags:?}");
            assert_eq!(text(&out.stderr), format!("pith: {message}\n"));
            assert!(out.stdout.is_empty());
        }
    }
    assert_eq!(
        pith(&["analyze", "--lang", "xx"], b"").status.code(),
        Some(2)
    );
    assert_eq!(pith(&["frobnicate"], b"").status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let mut bytes = b"Mr Putin said the plan was bad. ".to_vec();
    bytes.extend([0xff, 0xfe, 0x00, 0x80]);
    let out = pith(&["analyze", "-"], &bytes);
    assert!(out.status.success());
    assert!(text(&out.stderr).contains("not valid UTF-8"));
}

#[test]
fn batch_writes_one_line_per_record() {
    let input = format!(
        "{}\n{}\nnot json\n{}\n",
        serde_json::json!({"id": "a", "text": ARTICLE}),
        serde_json::json!({"id": 7, "text": ""}),
        serde_json::json!({"id": "c"}),
    );
    let out = pith(&["batch", "--sentences", "1"], input.as_bytes());
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["id"], "a");
    assert_eq!(rows[0]["summary"].as_array().map(Vec::len), Some(1));
    assert_eq!(rows[1]["id"], 7);
    assert!(rows[2]["error"]
        .as_str()
        .is_some_and(|e| e.starts_with("invalid JSON")));
    assert_eq!(
        rows[3]["error"],
        "missing string field \"text\" (or \"html\")"
    );
}

/// The JSON lines of `pith` output.
fn rows(out: &Output) -> Vec<serde_json::Value> {
    text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// A scratch directory of this test's own under the target directory.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

#[test]
fn parallel_batch_keeps_the_input_order() {
    // Articles of very different lengths finish out of order on two threads; small chunks make
    // the run cross many chunk boundaries.
    let input: String = (0..200)
        .map(|i| {
            let story = "The mayor said the new bridge would open in spring. ".repeat(1 + i % 37);
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "text": story})
            )
        })
        .collect();
    let out = pith(
        &["batch", "--threads", "2", "--chunk", "16"],
        input.as_bytes(),
    );
    assert!(out.status.success());
    let ids: Vec<String> = rows(&out)
        .iter()
        .map(|r| r["id"].as_str().expect("id").to_string())
        .collect();
    let expected: Vec<String> = (0..200).map(|i| format!("r{i}")).collect();
    assert_eq!(ids, expected);
    assert!(text(&out.stderr).starts_with("pith batch: 200 records, 0 errors, "));
}

#[test]
fn version_help_and_completions() {
    let version = pith(&["--version"], b"");
    assert!(version.status.success());
    assert_eq!(
        text(&version.stdout),
        format!("pith {}\n", env!("CARGO_PKG_VERSION"))
    );

    let help = pith(&["batch", "--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(text(&help.stdout).contains("--threads <N>"));
    assert!(help.stderr.is_empty());

    let bash = pith(&["completions", "bash"], b"");
    assert!(bash.status.success());
    let script = text(&bash.stdout);
    assert!(script.starts_with("_pith() {"), "{script}");
    assert!(script.contains("complete -F _pith"));
    assert!(script.contains("--threads"));

    let typo = pith(&["batch", "--thread", "2"], b"");
    assert_eq!(typo.status.code(), Some(2));
    let err = text(&typo.stderr);
    assert!(err.contains("unexpected argument '--thread'"), "{err}");
    assert!(
        err.contains("a similar argument exists: '--threads'"),
        "{err}"
    );
}

#[test]
fn a_bad_json_line_is_an_error_line_with_its_number() {
    let input = "{\"id\":\"one\",\"text\":\"Ms Adeyemi said the vote was close.\"}\n\
                 {\"id\":\"two\",\"text\":\n\
                 {\"id\":\"three\",\"text\":\"Turnout rose, the council said.\"}\n";
    let out = pith(&["batch"], input.as_bytes());
    assert!(out.status.success());
    let rows = rows(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["id"], "one");
    assert_eq!(rows[1]["line"], 2);
    assert_eq!(
        rows[1]["error"],
        "invalid JSON: EOF while parsing a value at line 2 column 0"
    );
    assert_eq!(rows[2]["id"], "three");
    assert_eq!(
        rows[2]["summary"][0]["text"],
        "Turnout rose, the council said."
    );
    assert!(text(&out.stderr).starts_with("pith batch: 3 records, 1 errors, "));
}

#[test]
fn a_record_over_max_bytes_is_an_error_line_with_its_id() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "long", "text": "The harbour froze. ".repeat(100)}),
        serde_json::json!({"id": "short", "text": "The harbour froze."}),
    );
    let out = pith(&["batch", "--max-bytes", "1000"], input.as_bytes());
    assert!(out.status.success());
    let rows = rows(&out);
    assert_eq!(
        rows[0],
        serde_json::json!({
            "id": "long",
            "line": 1,
            "error": "text is 1900 bytes, over the limit of 1000 bytes (--max-bytes)"
        })
    );
    assert_eq!(rows[1]["id"], "short");
    assert_eq!(rows[1]["summary"][0]["text"], "The harbour froze.");
}

#[test]
fn gzip_input_is_detected() {
    use flate2::{write::GzEncoder, Compression};
    let lines = "{\"id\":\"g1\",\"text\":\"The ferry left at noon.\"}\n\
                 {\"id\":\"g2\",\"text\":\"Fog closed the port, officials said.\"}\n";
    let mut gz = GzEncoder::new(Vec::new(), Compression::default());
    gz.write_all(lines.as_bytes()).expect("gzip");
    let gz = gz.finish().expect("gzip");
    let file = scratch("gzip-input").join("in.jsonl.gz");
    std::fs::write(&file, &gz).expect("write");

    let from_file = pith(&["batch", "--input", file.to_str().expect("path")], b"");
    let from_stdin = pith(&["batch"], &gz);
    for out in [from_file, from_stdin] {
        assert!(out.status.success());
        let rows = rows(&out);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0]["summary"][0]["text"], "The ferry left at noon.");
        assert_eq!(rows[1]["id"], "g2");
    }
}

#[test]
fn a_directory_of_text_and_html_files() {
    let dir = scratch("directory-input");
    std::fs::create_dir_all(dir.join("world")).expect("mkdir");
    std::fs::write(dir.join("a.txt"), "The library reopened on Monday.").expect("write");
    std::fs::write(
        dir.join("world/b.html"),
        "<html><head><title>Menu</title><script>track()</script></head><body>\
         <p>Farmers said the rain came too late &amp; too hard.</p></body></html>",
    )
    .expect("write");
    std::fs::write(dir.join("notes.md"), "not an article").expect("write");

    let out = pith(&["batch", dir.to_str().expect("path")], b"");
    assert!(out.status.success());
    let rows = rows(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["id"], "a.txt");
    assert_eq!(
        rows[0]["summary"][0]["text"],
        "The library reopened on Monday."
    );
    assert_eq!(rows[1]["id"], "world/b.html");
    assert_eq!(
        rows[1]["summary"][0]["text"],
        "Farmers said the rain came too late & too hard."
    );
}

/// A saved news page of my own writing: navigation, a byline, the article, related links,
/// comments and a footer; meta tags and JSON-LD give the metadata. Its article is over 500
/// characters, as news is: under that, Readability's retries with looser rules take the
/// longest attempt, comments included.
const PAGE: &str = r#"<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Ferry fares rise again | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta name="description" content="The ferry company blames fuel costs.">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
 "headline":"Ferry fares rise for the third time this year","datePublished":"2025-06-02T08:00:00Z",
 "author":{"@type":"Person","name":"Mara Quint"}}</script>
<script>window.track = 1;</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<div class="content"><article>
<h1>Ferry fares rise for the third time this year</h1>
<p class="byline">By Mara Quint</p>
<p>The island ferry company raised its fares on Monday, the third rise this year, and said fuel costs had doubled since the spring.</p>
<p>Commuters said the new prices, which add four pounds to a return ticket, would force some families to move to the mainland.</p>
<p>"We have no choice but to pass on what we pay," the company's director, Owen Pryce, said in a statement on Monday.</p>
<p>The island council said it would ask the regional transport board to cap fares for residents, as it did for the bus routes last winter.</p>
<p>A public meeting on the new prices will be held at the harbour hall on Thursday evening, and the company has been invited to attend.</p>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Harbour wall plans approved</a></li><li><a href="/b">Bus route cut</a></li></ul></aside>
<div class="comments"><p>Comment: this is a disgrace, says a reader with a long comment here.</p></div>
</div><footer><p>Copyright The Harbour Times. All rights reserved.</p></footer></body></html>"#;

/// The article of `PAGE` as a reader would copy it.
const PAGE_TEXT: &str = "Ferry fares rise for the third time this year\n\n\
The island ferry company raised its fares on Monday, the third rise this year, and said fuel costs had doubled since the spring.\n\n\
Commuters said the new prices, which add four pounds to a return ticket, would force some families to move to the mainland.\n\n\
\"We have no choice but to pass on what we pay,\" the company's director, Owen Pryce, said in a statement on Monday.\n\n\
The island council said it would ask the regional transport board to cap fares for residents, as it did for the bus routes last winter.\n\n\
A public meeting on the new prices will be held at the harbour hall on Thursday evening, and the company has been invited to attend.";

#[test]
fn extract_prints_the_article_and_its_metadata() {
    let out = pith(&["extract", "--format", "json", "-"], PAGE.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let page: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(page["text"], PAGE_TEXT);
    assert_eq!(
        page["metadata"],
        serde_json::json!({
            "title": "Ferry fares rise for the third time this year",
            "byline": "Mara Quint",
            "published": "2025-06-02T08:00:00Z",
            "siteName": "The Harbour Times",
            "lang": "en-GB",
            "excerpt": "The ferry company blames fuel costs.",
        })
    );
    let out = pith(&["extract", "-"], PAGE.as_bytes());
    let report = text(&out.stdout);
    assert!(
        report.starts_with(
            "title: Ferry fares rise for the third time this year\nbyline: Mara Quint\n"
        ),
        "{report}"
    );
    assert!(report.ends_with(&format!("\n\n{PAGE_TEXT}\n")), "{report}");
}

#[test]
fn a_saved_page_is_analysed_as_its_article() {
    let dir = scratch("saved-page");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let file = dir.join("ferry.html");
    std::fs::write(&file, PAGE).expect("write");
    let args = |input: &str| ["analyze", "--format", "json", input].map(str::to_string);
    let from_page = pith(
        &args(file.to_str().expect("path"))
            .each_ref()
            .map(|s| s.as_str()),
        b"",
    );
    let from_text = pith(
        &args("-").each_ref().map(|s| s.as_str()),
        PAGE_TEXT.as_bytes(),
    );
    assert!(from_page.status.success(), "{}", text(&from_page.stderr));
    assert_eq!(text(&from_page.stdout), text(&from_text.stdout));
    // Named otherwise, the page is still told by its content.
    let from_stdin = pith(&args("-").each_ref().map(|s| s.as_str()), PAGE.as_bytes());
    assert_eq!(text(&from_stdin.stdout), text(&from_text.stdout));
}

#[test]
fn batch_reads_html_records_and_adds_their_metadata() {
    let lines = format!(
        "{}\n{}\n{}\n",
        serde_json::json!({"id": "page", "html": PAGE}),
        serde_json::json!({"id": "text", "text": PAGE_TEXT}),
        serde_json::json!({"id": "none", "body": "x"}),
    );
    let out = pith(&["batch", "-"], lines.as_bytes());
    let rows = rows(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["metadata"]["byline"], "Mara Quint");
    assert_eq!(rows[0]["summary"], rows[1]["summary"]);
    assert_eq!(rows[0]["positions"], rows[1]["positions"]);
    assert!(rows[1].get("metadata").is_none());
    assert_eq!(
        rows[2]["error"],
        "missing string field \"text\" (or \"html\")"
    );
}

#[test]
fn the_report_shows_the_rows_the_widget_shows() {
    // "Port Ellery" is found with a confidence under the display threshold (about 0.6), as in
    // the widget's tests: the report leaves it out and says so; the JSON keeps it.
    let article = "The mayor of Port Ellery said on Monday that the harbour wall would be \
                finished by spring. Nuclear power was not discussed at the meeting. The mayor \
                said the council had the money.";
    let json = pith(&["analyze", "--format", "json", "-"], article.as_bytes());
    let gist: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    let actors = gist["actors"].as_array().expect("actors");
    assert_eq!(actors.len(), 1);
    assert!(actors[0]["confidence"].as_f64().expect("confidence") < pith::ACTOR_DISPLAY_CONFIDENCE);
    let report = text(&pith(&["analyze", "-"], article.as_bytes()).stdout);
    let (_, rest) = report.split_once("\nACTORS\n").expect("actors table");
    let (table, _) = rest.split_once("\nPOSITIONS\n").expect("positions table");
    assert!(!table.contains("Port Ellery"), "{report}");
    assert!(
        report.contains("(1 more row below confidence 0.8: --format json lists every row)"),
        "{report}"
    );
}
