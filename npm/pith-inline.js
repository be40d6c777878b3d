// pith/inline: the analyser and the <pith-summary> element with the wasm (base64), the CSS and
// the worker embedded, for tools that resolve nothing beside the bundle (esbuild, a plain
// <script type="module"> copied anywhere). About 600 KB of JavaScript (the wasm is 454 KB);
// `pith` and `pith/element` fetch the same bytes as files instead.
import './pith-inline-setup.js';

export * from './pith-index.js';
export { default, initSync } from './pith-index.js';
export * from './pith-summary.js';
