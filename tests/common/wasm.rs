// Shared by tests/web.rs (headless Chrome and Firefox) and tests/node.rs (Node): the JS-facing
// binding, called as JavaScript would call it.

use js_sys::{Array, JsString, Reflect, JSON};
use pith::internal::wasm::{actor_display_confidence, JsAnalysis, JsOptions};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const ARTICLE: &str = include_str!("../fixtures/missile-defence.txt");

/// The binding called with a JS string, as JavaScript calls it.
fn analyze(text: &str, options: Option<JsOptions>) -> Result<JsAnalysis, JsValue> {
    pith::internal::wasm::analyze(&JsString::from(text), options)
}

fn opts(json: &str) -> Option<JsOptions> {
    Some(JSON::parse(json).expect("valid JSON").unchecked_into())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).expect("property")
}

fn array(v: &JsValue, key: &str) -> Array {
    get(v, key).dyn_into().expect("an array")
}

fn error_message(v: JsValue) -> String {
    let err: js_sys::Error = v.dyn_into().expect("a JS Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn returns_the_contract_for_the_reference_article() {
    let r: JsValue = analyze(ARTICLE, None).expect("analysis").into();
    assert_eq!(get(&r, "language").as_string().as_deref(), Some("en"));
    for key in ["sentences", "summary", "keywords", "actors", "positions"] {
        assert!(Array::is_array(&get(&r, key)), "{key} is an array");
    }
    assert_eq!(array(&r, "summary").length(), 3);
    let names: Vec<String> = array(&r, "actors")
        .iter()
        .filter_map(|a| get(&a, "name").as_string())
        .collect();
    for n in [
        "Vladimir Putin",
        "Condoleezza Rice",
        "Robert Gates",
        "Dmitry Peskov",
        "Sergei Lavrov",
        "Anatoly Serdyukov",
    ] {
        assert_eq!(
            names.iter().filter(|x| *x == n).count(),
            1,
            "{n} in {names:?}"
        );
    }
    // Optional fields are null, not undefined, in the JS object.
    let first = array(&r, "actors").get(0);
    assert!(Reflect::has(&first, &"role".into()).expect("object"));
    assert!(get(&first, "affiliation").is_null() || get(&first, "affiliation").is_string());
}

#[wasm_bindgen_test]
fn scores_are_the_numbers_of_the_core() {
    // The result crosses as JSON text with floats printed by the engine: the numbers must be
    // exactly those of the Rust analysis.
    let gist = pith::analyze(ARTICLE, &pith::Options::default()).expect("analysis");
    let r: JsValue = analyze(ARTICLE, None).expect("analysis").into();
    let scores = |key: &str, field: &str| -> Vec<f64> {
        array(&r, key)
            .iter()
            .map(|x| get(&x, field).as_f64().expect("a number"))
            .collect()
    };
    let summary: Vec<f64> = gist.summary.iter().map(|s| s.score).collect();
    let keywords: Vec<f64> = gist.keywords.iter().map(|k| k.score).collect();
    let salience: Vec<f64> = gist.actors.iter().map(|a| a.salience).collect();
    let confidence: Vec<f64> = gist.actors.iter().map(|a| a.confidence).collect();
    assert_eq!(scores("summary", "score"), summary);
    assert_eq!(scores("keywords", "score"), keywords);
    assert_eq!(scores("actors", "salience"), salience);
    assert_eq!(scores("actors", "confidence"), confidence);
}

#[wasm_bindgen_test]
fn the_display_threshold_is_the_core_constant() {
    // The demo and <pith-summary> filter with this export; it must be the core's value exactly,
    // not a copy that could drift.
    assert_eq!(actor_display_confidence(), pith::ACTOR_DISPLAY_CONFIDENCE);
}

#[wasm_bindgen_test]
fn offsets_are_javascript_string_indexes() {
    let text = "Café 🚀 news. Mr Putin said \"no\" to the plan. Mr Putin left.";
    let r: JsValue = analyze(text, None).expect("analysis").into();
    let js = JsString::from(text);
    for s in array(&r, "sentences").iter() {
        let start = get(&s, "start").as_f64().expect("start") as u32;
        let end = get(&s, "end").as_f64().expect("end") as u32;
        assert_eq!(
            String::from(js.slice(start, end)),
            get(&s, "text").as_string().expect("text")
        );
    }
    let putin = array(&r, "actors")
        .iter()
        .find(|a| get(a, "name").as_string().as_deref() == Some("Putin"))
        .expect("Putin");
    for m in array(&putin, "mentions").iter() {
        let start = get(&m, "start").as_f64().expect("start") as u32;
        let end = get(&m, "end").as_f64().expect("end") as u32;
        assert_eq!(String::from(js.slice(start, end)), "Mr Putin");
    }
}

#[wasm_bindgen_test]
fn options_are_applied_and_bad_ones_throw_errors() {
    let r: JsValue = analyze(
        ARTICLE,
        opts(r#"{"sentences": 1, "keywords": 4, "lang": "en"}"#),
    )
    .expect("ok")
    .into();
    assert_eq!(array(&r, "summary").length(), 1);
    assert_eq!(array(&r, "keywords").length(), 4);
    let msg = |json: &str| error_message(analyze("text", opts(json)).err().expect("an error"));
    assert!(msg(r#"{"sentences": "three"}"#).contains("invalid options"));
    assert!(msg(r#"{"sentence": 2}"#).contains("unknown field `sentence`"));
    assert!(msg(r#"{"lang": "xx"}"#).contains("unknown language \"xx\""));
    // Ranges: the core's one check (`Options::check`), with the builder's and the CLI's message.
    assert_eq!(
        msg(r#"{"sentences": 5000}"#),
        "sentences must be between 0 and 1000, got 5000"
    );
    assert_eq!(
        msg(r#"{"keywords": 1001}"#),
        "keywords must be between 0 and 1000, got 1001"
    );
    assert_eq!(
        msg(r#"{"ratio": -0.25}"#),
        "ratio must be between 0 and 1, got -0.25"
    );
    assert!(msg(r#"{"maxInputBytes": 3}"#).contains("over the limit of 3 bytes"));
    assert!(msg("42").contains("options must be an object"));
    assert!(msg(r#"{"sentences": 2, "words": 40}"#).contains("give one summary length"));
    assert_eq!(
        msg(r#"{"ratio": 1.5}"#),
        "ratio must be between 0 and 1, got 1.5"
    );
    assert!(msg(r#"{"ratio": "half"}"#).contains("invalid options"));
    assert!(msg(r#"{"keywords": 2.5}"#).contains("invalid options"));
    assert!(msg(r#"{"lang": "en", "language": "en"}"#).contains("invalid options"));
    let words: JsValue = analyze(ARTICLE, opts(r#"{"words": 40}"#))
        .expect("ok")
        .into();
    assert_eq!(array(&words, "summary").length(), 1);
    let null: JsValue = analyze("", opts("null"))
        .expect("null options are defaults")
        .into();
    assert_eq!(array(&null, "sentences").length(), 0);
}

#[wasm_bindgen_test]
fn hostile_input_never_traps() {
    let bytes: Vec<u8> = (0..50_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
        .collect();
    let noise = String::from_utf8_lossy(&bytes).into_owned();
    for text in [
        String::new(),
        noise,
        "\"".repeat(10_000),
        "<img src=x onerror=alert(1)>".repeat(100),
        "Putin ".repeat(20_000),
        "Президент Путин заявил. Переговоры продолжались.".to_string(),
    ] {
        assert!(analyze(&text, None).is_ok());
    }
}

/// The module's linear memory in bytes (it only grows).
fn memory_bytes() -> u32 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length()
}

#[wasm_bindgen_test]
fn over_limit_strings_are_rejected_before_they_are_copied() {
    // 16 MiB of ASCII against the default 8 MiB limit, built in JavaScript: the binding must
    // reject it from its length, without copying it into the module's memory first (which would
    // grow it by 16 MiB). What may grow is the allocator's scratch (a 64 Ki-unit chunk measured
    // at a time), far under 1 MiB.
    let big = JsString::from("a").repeat(16 * 1024 * 1024 + 1);
    let before = memory_bytes();
    let err = pith::internal::wasm::analyze(&big, None)
        .err()
        .expect("rejected");
    assert_eq!(
        error_message(err),
        "input is 16777217 bytes, over the limit of 8388608 bytes (raise maxInputBytes to analyse it)"
    );
    assert!(
        memory_bytes() - before <= 1024 * 1024,
        "memory grew from {before} to {} bytes",
        memory_bytes()
    );
}

#[wasm_bindgen_test]
fn the_limit_counts_utf8_bytes_exactly() {
    // Between length / 3 and length units the binding measures the UTF-8 size a chunk at a time:
    // it must agree with the core's count, surrogate pairs split across a chunk boundary
    // included ("a" first puts a high surrogate at the end of the first 65,536 units).
    let limit = r#"{"maxInputBytes": 300000}"#;
    let msg = |text: &JsString| {
        error_message(
            pith::internal::wasm::analyze(text, opts(limit))
                .err()
                .expect("rejected"),
        )
    };
    let rockets = |n: i32| JsString::from("a").concat(&JsString::from("\u{1F680}").repeat(n));
    assert_eq!(
        msg(&rockets(75_000)),
        "input is 300001 bytes, over the limit of 300000 bytes (raise maxInputBytes to analyse it)"
    );
    assert!(pith::internal::wasm::analyze(&rockets(74_999), opts(limit)).is_ok());
    // A lone surrogate crosses as U+FFFD, 3 bytes, as the copy into the module would encode it.
    let lone = JsString::from_char_code1(0xD800).repeat(100_001);
    assert_eq!(
        msg(&lone),
        "input is 300003 bytes, over the limit of 300000 bytes (raise maxInputBytes to analyse it)"
    );
    // Two bytes a unit: 150,000 units of "é" are exactly the limit, one more is over.
    assert!(
        pith::internal::wasm::analyze(&JsString::from("\u{E9}").repeat(150_000), opts(limit))
            .is_ok()
    );
    assert_eq!(
        msg(&JsString::from("\u{E9}").repeat(150_001)),
        "input is 300002 bytes, over the limit of 300000 bytes (raise maxInputBytes to analyse it)"
    );
}

#[wasm_bindgen_test]
fn the_result_is_the_cores_json_in_pieces_or_whole() {
    // The binding hands the result over an array piece (about 1 MiB of JSON) at a time; put back
    // together it must be exactly the core's JSON, field order included (both through
    // JSON.parse, so that numbers print alike). The article repeated 400 times (1.3 MB, some
    // 4 MB of JSON) needs several pieces; the article alone, one.
    let long = format!("{ARTICLE}\n\n").repeat(400);
    for text in [ARTICLE, long.as_str()] {
        let gist = pith::analyze(text, &pith::Options::default()).expect("analysis");
        let core = JSON::parse(&serde_json::to_string(&gist).expect("json")).expect("parsed");
        let js: JsValue = analyze(text, None).expect("analysis").into();
        assert_eq!(
            String::from(JSON::stringify(&js).expect("stringified")),
            String::from(JSON::stringify(&core).expect("stringified"))
        );
    }
}
