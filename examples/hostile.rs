//! Writes the hostile input families (tests/common/hostile.rs) to files:
//! `cargo run --release --example hostile -- [--out DIR] [--kb 100,1000] [--fuzz]`.
//!
//! By default `target/hostile/<family>-<kb>kb.txt` for 100 and 1000 KB, with a
//! `families.json` listing them, which `bench/run.mjs` reads to time the same bytes in wasm.
//! With `--fuzz` each file starts with the four option bytes the fuzz target reads (default
//! options, ten keywords, language detected), so `--fuzz --out fuzz/corpus/analyze` seeds
//! `cargo fuzz run analyze` with inputs of 100 KB to 1 MB.

#[path = "../tests/common/hostile.rs"]
mod hostile;

/// The first four bytes of a fuzz input: `Options::new()` (3), unused (0), ten keywords (10),
/// language "auto" (0); see fuzz/fuzz_targets/analyze.rs.
const FUZZ_OPTIONS: [u8; 4] = [3, 0, 10, 0];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let out = std::path::PathBuf::from(flag("--out").unwrap_or_else(|| "target/hostile".into()));
    let sizes: Vec<usize> = flag("--kb")
        .unwrap_or_else(|| "100,1000".into())
        .split(',')
        .map(|kb| {
            kb.trim()
                .parse()
                .expect("--kb takes sizes in KB, comma-separated")
        })
        .collect();
    let fuzz = args.iter().any(|a| a == "--fuzz");
    std::fs::create_dir_all(&out).expect("create the output directory");
    let mut listed = Vec::new();
    for name in hostile::FAMILIES {
        for &kb in &sizes {
            let text = hostile::family(name, kb * 1024).expect("a listed family");
            let file = format!("{name}-{kb}kb.txt");
            let mut bytes = if fuzz {
                FUZZ_OPTIONS.to_vec()
            } else {
                Vec::new()
            };
            bytes.extend_from_slice(text.as_bytes());
            std::fs::write(out.join(&file), bytes).expect("write a family");
            listed.push(format!(
                "{{\"name\": \"{name}\", \"kb\": {kb}, \"file\": \"{file}\"}}"
            ));
        }
    }
    if !fuzz {
        let list = format!("[\n{}\n]\n", listed.join(",\n"));
        std::fs::write(out.join("families.json"), list).expect("write families.json");
    }
    println!("hostile: {} files in {}", listed.len(), out.display());
}
