// Types of `pith` in Node (the `node` condition, and `pith/node`): initialised on import.
export * from './pith.js';
export { default, initSync } from './pith.js';
