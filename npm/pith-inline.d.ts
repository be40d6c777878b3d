// Types of `pith/inline`: the analyser and the <pith-summary> element, wasm and CSS embedded.
export * from './pith-index.js';
export { default, initSync } from './pith-index.js';
export * from './pith-summary.js';
