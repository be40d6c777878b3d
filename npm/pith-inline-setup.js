// Runs before pith-summary.js is evaluated (pith-inline.js imports it first): hands pith-wasm.js
// the embedded wasm, the element's CSS as text and a worker made from embedded source, so
// nothing is resolved from import.meta.url. The worker comes from a blob: URL, which a strict
// Content-Security-Policy must allow (`worker-src 'self' blob:`); where it cannot start, the
// element warns once and analyses on the main thread.
import { WASM_BASE64, STYLESHEET, WORKER_SOURCE } from './pith-inline-data.js';
import { setSource, started, overrides } from './pith-wasm.js';

function decode(base64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(base64);
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

let workerUrl = null;

// Already instantiated (pith/node in the same process, or init() given other bytes): that
// instance is the page's.
if (!started()) setSource(decode(WASM_BASE64));
overrides.stylesheet = STYLESHEET;
overrides.worker = () => {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  return new Worker(workerUrl, { type: 'module' });
};
