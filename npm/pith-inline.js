// pith/inline: the analyser and the <pith-summary> element with the wasm (base64), the CSS and
// the worker embedded, for tools that resolve nothing beside the bundle (esbuild, a plain
// <script type="module"> copied anywhere). The wasm as base64 costs a third more: an esbuild
// bundle of it is 682 KB (271 KB gzipped) against 455 KB + 195 KB gzipped for the wasm file
// that `pith` and `pith/element` fetch instead.
import './pith-inline-setup.js';

export * from './pith-index.js';
export { default, initSync } from './pith-index.js';
export * from './pith-summary.js';
