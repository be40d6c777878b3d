//! The WebAssembly binding: a thin layer over [`crate::analyze`]. No algorithm lives here.
//!
//! `analyze(text, options?)` returns the plain JS object of the output contract; bad options
//! throw a JS `Error` with a readable message. The core never panics on any input (property
//! tests check it); the panic hook only improves diagnostics should that ever fail.

use crate::{Error, Options, OptionsSpec};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** Options for analyze(); every field is optional. */
export interface AnalyzeOptions {
  /** Summary length in sentences (default 3, 0-1000). Give at most one of sentences, ratio, words. */
  sentences?: number;
  /** Summary length as a share of the sentences, 0-1. */
  ratio?: number;
  /** Summary length as a word budget: the best sentences that fit (at least one). */
  words?: number;
  /** Number of keywords (default 10, 0-1000). */
  keywords?: number;
  /** ISO 639-1 code such as "en", an English name, or "auto" (default: detect). */
  lang?: string;
  /** Largest input accepted, in UTF-8 bytes (default 8 MiB). */
  maxInputBytes?: number;
}

/** Offsets are UTF-16 code units: text.slice(start, end) is the span. */
export interface Span { start: number; end: number; text: string; }

export interface Sentence {
  text: string; start: number; end: number; paragraph: number;
  kind: "body" | "headline" | "heading" | "boilerplate";
}
export interface SummarySentence { sentence: number; text: string; score: number; }
export interface Keyword { phrase: string; score: number; }
export interface Actor {
  name: string;
  kind: "person" | "organization" | "place" | "group";
  role: string | null;
  affiliation: string | null;
  salience: number;
  /** Named mentions as written ("Mr Putin"). */
  mentions: Span[];
  /** Pronouns and role nouns resolved to this actor ("He", "the Russian President"). */
  references: Span[];
}
export interface Position {
  actor: string;
  resolved: boolean;
  side: string | null;
  sentence: number;
  evidence: string;
  claim: string;
  quote: string | null;
  cue: string | null;
  stance: "says" | "supports" | "opposes" | "proposes" | "warns" | "threatens" | "rejects" | "offers" | "demands" | null;
  /** The holder as the text names it ("He", "Mr Putin"), in the evidence or, for a quote continued from the paragraph before (cue null), where its speaker was named. */
  mention: string | null;
}
export interface Analysis {
  language: string;
  sentences: Sentence[];
  summary: SummarySentence[];
  keywords: Keyword[];
  actors: Actor[];
  positions: Position[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The options object, typed `AnalyzeOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "AnalyzeOptions")]
    pub type JsOptions;
    /// The result object, typed `Analysis` in TypeScript.
    #[wasm_bindgen(typescript_type = "Analysis")]
    pub type JsAnalysis;
}

/// Option names JavaScript callers may use (serde-wasm-bindgen reads only known fields, so
/// unknown ones are checked here to report typos such as `sentence`).
const OPTION_NAMES: [&str; 7] = [
    "sentences",
    "ratio",
    "words",
    "keywords",
    "lang",
    "language",
    "maxInputBytes",
];

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

fn js_error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

/// Analyses `text` and returns the gist (see the `Analysis` type).
#[wasm_bindgen]
pub fn analyze(text: &str, options: Option<JsOptions>) -> Result<JsAnalysis, JsValue> {
    let spec: OptionsSpec = match options.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => {
            if !v.is_object() {
                return Err(js_error("options must be an object such as {sentences: 3}"));
            }
            for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
                let key = key.as_string().unwrap_or_default();
                if !OPTION_NAMES.contains(&key.as_str()) {
                    return Err(js_error(format!(
                        "invalid options: unknown field `{key}`, expected one of {}",
                        OPTION_NAMES.join(", ")
                    )));
                }
            }
            serde_wasm_bindgen::from_value(v)
                .map_err(|e| js_error(format!("invalid options: {e}")))?
        }
        _ => OptionsSpec::default(),
    };
    let opts = Options::try_from(spec).map_err(|e: Error| js_error(e))?;
    let gist = crate::analyze(text, &opts).map_err(js_error)?;
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&gist, &serializer)
        .map(JsCast::unchecked_into)
        .map_err(js_error)
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
