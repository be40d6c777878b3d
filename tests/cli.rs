//! The `pith` command line: reports, JSON, batch mode and one-line errors.
#![cfg(not(target_arch = "wasm32"))]

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
    assert_eq!(rows[3]["error"], "missing string field \"text\"");
}
