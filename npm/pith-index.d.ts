// Types of `pith`: the analyser (pith.js), whose init() is shared with <pith-summary>.
export * from './pith.js';
export { default, initSync } from './pith.js';
