// pith-wasm.js: the one wasm instance of a page. The analyser entry (pith-index.js, `pith` in
// the package), the <pith-summary> element (pith-summary.js) and the element's worker (sent the
// compiled module) all get it from here, so pith_bg.wasm is fetched and compiled once however
// many of them a page uses, and in whatever order they start.
//
// The binary comes from, in this order: what `init(input)` was given, what `setSource()` was
// given (the element's `configure({ wasm })` / `configure({ wasmUrl })`, or `pith/inline`), else
// `new URL('./pkg/pith_bg.wasm', import.meta.url)` (beside this file in the package: the form
// Vite and webpack follow and emit as an asset).
import * as glue from './pkg/pith.js';

/** Where the binary is fetched from when nothing else was handed in. */
export const DEFAULT_WASM_URL = new URL('./pkg/pith_bg.wasm', import.meta.url);

let source = DEFAULT_WASM_URL;
let compiled = null;
let ready = null;

/**
 * Settings that `pith/inline` (and tests) set before the element is defined: `stylesheet`,
 * the element's CSS as text (adopted instead of a <link>), and `worker`, a function returning
 * a Worker (instead of the element's `new Worker(new URL('./pith-worker.js', …))`).
 */
export const overrides = { stylesheet: null, worker: null };

/** True once the binary is being (or was) compiled: the source can no longer change. */
export function started() {
  return compiled !== null;
}

/**
 * Sets what the binary is compiled from: a URL (string or URL), a Request or Response, bytes
 * (ArrayBuffer, a typed array), a `WebAssembly.Module`, or a promise of one of them.
 */
export function setSource(input) {
  if (compiled) throw new Error('pith: the wasm source must be set before the first analysis or init()');
  source = input;
}

/** The source set, when it is a URL; '' otherwise. */
export function sourceUrl() {
  return source instanceof URL || typeof source === 'string' ? String(source) : '';
}

function unwrap(input) {
  return input && Object.getPrototypeOf(input) === Object.prototype && 'module_or_path' in input
    ? input.module_or_path
    : input;
}

async function toModule(input) {
  let value = await input;
  if (value instanceof WebAssembly.Module) return value;
  const isRequest = typeof Request === 'function' && value instanceof Request;
  if (typeof value === 'string' || value instanceof URL || isRequest) {
    value = await (isRequest ? fetch(value) : fetch(value, { credentials: 'same-origin' }));
  }
  if (typeof Response === 'function' && value instanceof Response) {
    if (!value.ok) throw new Error(`HTTP ${value.status} for ${new URL(value.url || 'x:/').pathname}`);
    const type = value.headers.get('content-type') || '';
    if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(value);
    }
    return WebAssembly.compile(await value.arrayBuffer());
  }
  return WebAssembly.compile(value);
}

/** The compiled module (a promise), compiled once per page. */
export function compile() {
  compiled ??= toModule(source);
  return compiled;
}

/**
 * The analyser's `init()`: instantiates pith.js once per page (the instance the element uses
 * too). `input` is optional and takes the forms `setSource()` takes, or `{ module_or_path }`;
 * it counts only if nothing was compiled yet. Resolves to the wasm exports.
 */
export function init(input) {
  if (!compiled && input !== undefined) setSource(unwrap(input));
  ready ??= compile().then((module) => glue.default({ module_or_path: module }));
  return ready;
}

/**
 * The analyser's `initSync()`: instantiates synchronously from bytes or a `WebAssembly.Module`
 * (`{ module }` or the value itself). After it, `init()` and the element reuse that module.
 */
export function initSync(input) {
  let value = input && Object.getPrototypeOf(input) === Object.prototype && 'module' in input ? input.module : input;
  if (!compiled) {
    if (!(value instanceof WebAssembly.Module)) value = new WebAssembly.Module(value);
    compiled = Promise.resolve(value);
    source = value;
  }
  const exports = glue.initSync({ module: value });
  ready ??= Promise.resolve(exports);
  return exports;
}
