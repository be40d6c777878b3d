//! `cargo +nightly fuzz run analyze`: any bytes, read as (lossy) UTF-8 text with options taken
//! from the first four bytes, must analyse without panicking, and the output must keep the
//! contract's invariants (offsets are UTF-16 boundaries that read as their text, the summary is
//! in document order without repeats, positions point at sentences).
//!
//! Random inputs stay small (a few KB), too small to show work that grows faster than the
//! text; `make fuzz-corpus` seeds `fuzz/corpus/analyze` with the hostile families
//! (tests/common/hostile.rs) at 100 KB to 1 MB, and libFuzzer then mutates inputs up to the
//! largest seed (its `-max_len` guess, capped at 1 MiB): `cargo +nightly fuzz run analyze`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pith::{analyze, Options};

#[path = "../../tests/common/contract.rs"]
mod contract;
use contract::check_contract;

const LANGS: [&str; 6] = ["auto", "en", "de", "ru", "ar", "ta"];

fn options(head: &[u8]) -> Options {
    let [a, b, c, d] = [head[0], head[1], head[2], head[3]];
    let opts = match a % 4 {
        0 => Options::new().sentences(usize::from(b % 8)),
        // 0 to 1: a ratio outside it is an error (`Options::check`).
        1 => Options::new().ratio(f64::from(b) / 255.0),
        2 => Options::new().words(usize::from(b)),
        _ => Options::new(),
    };
    opts.keywords(usize::from(c % 32))
        .language(LANGS[usize::from(d) % LANGS.len()])
        .expect("known language")
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let text = String::from_utf8_lossy(&data[4..]);
    let g = analyze(&text, &options(&data[..4])).expect("under the default input limit");
    check_contract(&text, &g);
});
