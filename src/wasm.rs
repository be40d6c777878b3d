//! The WebAssembly binding: a thin layer over [`crate::analyze`]. No algorithm lives here.
//!
//! `analyze(text, options?)` returns the plain JS object of the output contract; bad options
//! throw a JS `Error` with a readable message. The core never panics on any input (property
//! tests check it); the panic hook only improves diagnostics should that ever fail.

use crate::json::{Json, ToJson};
use crate::{Error, Options, OptionsSpec};
use js_sys::JsString;
use wasm_bindgen::prelude::*;

/// The module's allocator: talc is about 2 KB smaller gzipped than dlmalloc (the Rust default
/// for wasm) and as fast here (README "Size").
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The declarations of the options and the output contract, generated from the Rust types
// (src/typescript.rs checks the file is current); wasm-bindgen copies them into pkg/pith.d.ts
// and strips the section from the module.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("contract.d.ts");

#[wasm_bindgen]
extern "C" {
    /// The options object, typed `AnalyzeOptions` in TypeScript.
    #[wasm_bindgen(typescript_type = "AnalyzeOptions")]
    pub type JsOptions;
    /// The result object, typed `Analysis` in TypeScript.
    #[wasm_bindgen(typescript_type = "Analysis")]
    pub type JsAnalysis;
}

/// Option names JavaScript callers may use, for the message on a typo such as `sentence`.
const OPTION_NAMES: [&str; 7] = [
    "sentences",
    "ratio",
    "words",
    "keywords",
    "lang",
    "language",
    "maxInputBytes",
];

#[wasm_bindgen]
extern "C" {
    // `console.error`, for the panic hook.
    #[wasm_bindgen(js_namespace = console)]
    fn error(message: &str);
}

// Should the core ever panic, the console says where and why before the JS exception
// ("unreachable") reaches the caller. A hook of our own (plain comments: doc comments would be
// copied into the JS glue): console_error_panic_hook also appends a JS stack trace, which
// the exception carries anyway, for 0.3 KB more of the gzipped module and glue.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| error(&format!("pith: {info}"))));
}

fn js_error(msg: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&msg.to_string()).into()
}

/// Reads the options object field by field (no serde deserialiser in the module). `undefined`
/// and `null` fields are absent, as in JSON; anything else of the wrong type is an error.
fn read_options(v: &JsValue) -> Result<OptionsSpec, JsValue> {
    if !v.is_object() {
        return Err(js_error("options must be an object such as {sentences: 3}"));
    }
    let mut spec = OptionsSpec::default();
    for key in js_sys::Object::keys(v.unchecked_ref::<js_sys::Object>()).iter() {
        let name = key.as_string().unwrap_or_default();
        if !OPTION_NAMES.contains(&name.as_str()) {
            return Err(js_error(format!(
                "invalid options: unknown field `{name}`, expected one of {}",
                OPTION_NAMES.join(", ")
            )));
        }
        let value = js_sys::Reflect::get(v, &key)?;
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let count = || {
            value
                .as_f64()
                .filter(|n| n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(n))
                .map(|n| n as u32)
                .ok_or_else(|| {
                    js_error(format!(
                        "invalid options: `{name}` must be a whole number from 0 to {}",
                        u32::MAX
                    ))
                })
        };
        match name.as_str() {
            "sentences" => spec.sentences = Some(count()?),
            "words" => spec.words = Some(count()?),
            "keywords" => spec.keywords = Some(count()?),
            "maxInputBytes" => spec.max_input_bytes = Some(count()?),
            "ratio" => {
                // The range is checked with the others, by `Options::check`.
                spec.ratio = Some(value.as_f64().ok_or_else(|| {
                    js_error("invalid options: `ratio` must be a number from 0 to 1")
                })?);
            }
            _ => {
                if spec.lang.is_some() {
                    return Err(js_error(
                        "invalid options: give one of `lang` and `language`",
                    ));
                }
                spec.lang = Some(value.as_string().ok_or_else(|| {
                    js_error(format!("invalid options: `{name}` must be a string"))
                })?);
            }
        }
    }
    Ok(spec)
}

#[wasm_bindgen]
extern "C" {
    /// JavaScript's `String(x)` for a number: the shortest decimal that reads back as `x`.
    #[wasm_bindgen(js_name = String)]
    pub(crate) fn js_number(x: f64) -> String;
}

/// A float of the output as the engine prints it ([`js_number`], so `JSON.parse` gives back the
/// same number); the scores, rounded to thousandths, without a call out. Float printing in Rust
/// (core::fmt's or serde_json's) would add 10 KB or more to the gzipped module for the three
/// scores of the output.
fn write_float(out: &mut Vec<u8>, value: f64) {
    match crate::util::thousandths(value) {
        Some(n) => crate::util::write_thousandths(out, n),
        None => out.extend_from_slice(js_number(value).as_bytes()),
    }
}

/// Code units per chunk when [`over_limit`] measures a string: its scratch copy is at most three
/// times this in bytes, small beside any input near the limit.
const MEASURE_CHUNK: u32 = 1 << 16;

/// The UTF-8 size of `text` when it is over `limit` bytes, measured without copying the whole
/// string into the module. A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair is 4
/// for 2), so `length × 3 <= limit` accepts at once, and that covers most calls; otherwise the
/// size is measured a chunk at a time, so that the error gives the exact size as the core's does.
fn over_limit(text: &JsString, limit: usize) -> Option<usize> {
    let units = text.length();
    if (units as usize).saturating_mul(3) <= limit {
        return None;
    }
    let mut bytes = 0usize;
    let mut start = 0u32;
    while start < units {
        let mut end = units.min(start.saturating_add(MEASURE_CHUNK));
        // Keep a surrogate pair in one chunk: its halves apart would each encode as U+FFFD
        // (3 bytes), where the whole string has the pair's 4. A lone surrogate is U+FFFD in both.
        if end < units && (0xD800..0xDC00).contains(&(text.char_code_at(end - 1) as u32)) {
            end += 1;
        }
        bytes += String::from(text.slice(start, end)).len();
        start = end;
    }
    (bytes > limit).then_some(bytes)
}

/// Analyses `text` and returns the gist (see the `Analysis` type).
///
/// The result crosses the boundary as JSON text (`crate::json` here, the same text as
/// serde_json's; `JSON.parse` in the engine): one writer instead of a JS-value one per type,
/// which keeps the module smaller.
/// Callers still receive a plain object.
///
/// The text stays a JS string until its size is known to be within the limit: copying it into
/// the module first would grow the wasm memory by the size of any input, however large, and a
/// page never gets that memory back.
#[wasm_bindgen]
pub fn analyze(text: &JsString, options: Option<JsOptions>) -> Result<JsAnalysis, JsValue> {
    let spec = match options.map(JsValue::from) {
        Some(v) if !v.is_undefined() && !v.is_null() => read_options(&v)?,
        _ => OptionsSpec::default(),
    };
    let opts = Options::try_from(spec).map_err(|e: Error| js_error(e))?;
    let limit = opts.input_limit();
    if let Some(bytes) = over_limit(text, limit) {
        return Err(js_error(Error::InputTooLarge { bytes, limit }));
    }
    // Within the limit: one copy (the glue encodes it straight into the module's memory).
    let text = String::from(text);
    let gist = crate::analyze(&text, &opts).map_err(js_error)?;
    drop(text);
    // Field by field, each array in pieces of about `JSON_CHUNK` bytes, rather than one buffer
    // of JSON for all of it (30 MB for 8 MiB of articles): an 8 MiB sentence peaked at 386 MiB
    // of wasm memory with one buffer and at 202 MiB in pieces (README "Hostile input").
    // Destructured without `..`, so that a new field of the output does not compile until it is
    // added here.
    let crate::Analysis {
        language,
        sentences,
        summary,
        keywords,
        actors,
        positions,
    } = gist;
    let out = js_sys::Object::new();
    let mut buf = Vec::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&out, &key.into(), value);
    set("language", &language.into())?;
    macro_rules! field {
        ($name:ident) => {{
            let array = json_array($name.len(), &mut buf, &|i, b| {
                $name[i].to_json(&mut Json {
                    out: b,
                    float: write_float,
                })
            })?;
            drop($name);
            set(stringify!($name), &array)?;
        }};
    }
    field!(sentences);
    field!(summary);
    field!(keywords);
    field!(actors);
    field!(positions);
    Ok(out.unchecked_into())
}

/// Bytes of JSON parsed at a time by [`json_array`].
const JSON_CHUNK: usize = 1 << 20;

/// Appends item `i` of a list as JSON to a buffer.
type WriteItem<'a> = dyn Fn(usize, &mut Vec<u8>) + 'a;

/// The `n` items that `write(i, buf)` serialises as a JS array: written a piece of about
/// [`JSON_CHUNK`] bytes at a time into `buf`, each piece parsed by the engine (`JSON.parse`).
/// One loop for every item type (through `dyn`), which keeps the module smaller than a generic
/// function would.
fn json_array(n: usize, buf: &mut Vec<u8>, write: &WriteItem) -> Result<JsValue, JsValue> {
    let pieces = js_sys::Array::new();
    let mut i = 0;
    loop {
        buf.clear();
        buf.push(b'[');
        while i < n && buf.len() < JSON_CHUNK {
            if buf.len() > 1 {
                buf.push(b',');
            }
            write(i, buf);
            i += 1;
        }
        buf.push(b']');
        let json =
            std::str::from_utf8(buf).map_err(|_| js_error("internal error: result not UTF-8"))?;
        pieces.push(
            &js_sys::JSON::parse(json)
                .map_err(|_| js_error("internal error: unparsable result"))?,
        );
        if i >= n {
            break;
        }
    }
    // One piece (any article of ordinary length) is the array itself.
    Ok(if pieces.length() == 1 {
        pieces.get(0)
    } else {
        pieces.flat(1).into()
    })
}

/// The confidence at or above which the demo and `<pith-summary>` show an actor (the core's
/// `pith::ACTOR_DISPLAY_CONFIDENCE`). `analyze` returns every actor with its `confidence`, so
/// callers may show fewer or more. Exported rather than copied into the JavaScript, so that the
/// pages follow the core when it is recalibrated.
#[wasm_bindgen(js_name = actorDisplayConfidence)]
pub fn actor_display_confidence() -> f64 {
    crate::actors::DISPLAY_CONFIDENCE
}

/// The confidence from which a position is shown in a display
/// ([`POSITION_DISPLAY_CONFIDENCE`](crate::POSITION_DISPLAY_CONFIDENCE)): the demo and the
/// `<pith-summary>` widget show rows with `confidence >= positionDisplayConfidence()`.
#[wasm_bindgen(js_name = positionDisplayConfidence)]
pub fn position_display_confidence() -> f64 {
    crate::positions::DISPLAY_CONFIDENCE
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
