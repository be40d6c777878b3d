// pith-index.js: the analyser (`import init, { analyze } from 'pith'` in the package). pith.js
// as wasm-pack built it, with `init()` and `initSync()` from pith-wasm.js, so the analyser and
// the <pith-summary> element share one wasm instance (and one download) per page.
export * from './pkg/pith.js';
export { init as default, initSync } from './pith-wasm.js';
