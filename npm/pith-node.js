// The analyser in Node (`import { analyze } from 'pith'` picks this file through the `node`
// condition of the exports map; also `pith/node`): instantiated synchronously from the
// package's own pith_bg.wasm when imported, so analyze() works at once. `await init()` resolves
// at once too, for code written for the browser.
import { readFileSync } from 'node:fs';
import { initSync } from './pith-wasm.js';

initSync({ module: readFileSync(new URL('./pith_bg.wasm', import.meta.url)) });

export * from './pith-index.js';
export { default, initSync } from './pith-index.js';
