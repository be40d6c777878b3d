//! The TypeScript declarations of the output contract and the options, generated from the Rust
//! types with ts-rs (a native dev-dependency: nothing of it reaches the wasm module). The wasm
//! binding emits the checked-in `src/contract.d.ts` into `pkg/pith.d.ts`; this test fails when
//! that file is not what the types generate now. `PITH_BLESS=1 cargo test --lib typescript`
//! rewrites it.

use crate::{
    Actor, ActorKind, Analysis, Keyword, Mention, OptionsSpec, Position, Sentence, SentenceKind,
    Stance, SummarySentence,
};
use ts_rs::TS;

const HEADER: &str =
    "// Generated from pith's Rust types (src/model.rs, src/options.rs) by `cargo test`\n\
// (src/typescript.rs). Do not edit: `PITH_BLESS=1 cargo test --lib typescript` regenerates it.\n";

/// `export` and the declaration of `T`, after its doc comment as JSDoc.
fn declaration<T: TS>(out: &mut String) {
    out.push('\n');
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
    }
    out.push_str("export ");
    // ts-rs leaves a space at the end of some lines.
    for line in T::decl().lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Every declaration, in the order a reader meets them: options, then the result.
fn declarations() -> String {
    let mut out = HEADER.to_string();
    declaration::<OptionsSpec>(&mut out);
    declaration::<Analysis>(&mut out);
    declaration::<Sentence>(&mut out);
    declaration::<SentenceKind>(&mut out);
    declaration::<SummarySentence>(&mut out);
    declaration::<Keyword>(&mut out);
    declaration::<Actor>(&mut out);
    declaration::<ActorKind>(&mut out);
    declaration::<Mention>(&mut out);
    declaration::<Position>(&mut out);
    declaration::<Stance>(&mut out);
    out
}

#[test]
fn checked_in_declarations_are_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/contract.d.ts");
    let now = declarations();
    if std::env::var_os("PITH_BLESS").is_some() {
        // A test run asked to rewrite the file; failing to is the test's failure.
        std::fs::write(path, &now).expect("write src/contract.d.ts"); // ok: test code (the module is cfg(test))
    }
    let checked_in = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        checked_in == now,
        "src/contract.d.ts is not what the Rust types generate; run `PITH_BLESS=1 cargo test \
         --lib typescript` and commit it. Generated:\n{now}"
    );
}
