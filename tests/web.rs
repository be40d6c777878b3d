//! The wasm binding in headless browsers (`wasm-pack test --headless --chrome/--firefox`).
#![cfg(target_arch = "wasm32")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/wasm.rs"]
mod shared;
