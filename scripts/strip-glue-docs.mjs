// Removes the doc comments (`/** ... */` blocks) that wasm-bindgen copies from the Rust docs
// into the JS glue: 0.5 KB of the gzipped download that no caller runs. The same docs ship in
// pith.d.ts (TypeScript and editors read them there), which this leaves alone.
// Usage: node scripts/strip-glue-docs.mjs pkg/pith.js
import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/strip-glue-docs.mjs FILE.js');
  process.exit(1);
}
const before = fs.readFileSync(file, 'utf8');
// Only whole-line blocks that open with `/**`: generated code has no such text elsewhere.
const after = before.replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, '');
fs.writeFileSync(file, after);
