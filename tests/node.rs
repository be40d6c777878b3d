//! The wasm binding in Node.js (`wasm-pack test --node`).
#![cfg(target_arch = "wasm32")]

#[path = "common/wasm.rs"]
mod shared;
