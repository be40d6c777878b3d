// Peak wasm memory for the largest input `analyze` accepts (the default limit, 8 MiB of UTF-8),
// in Node with the built module (`make wasm` first): `node scripts/memory.mjs`, or `make memory`.
//
// Each input runs in a fresh child process with a fresh instance, because wasm memory only
// grows: `memory.buffer.byteLength` after the call is the peak of that call. Inputs: 8 MiB of
// BBC articles (../shared/eval/summaries/bbc/articles, repeated; skipped when absent), each
// hostile family at 8 MiB when `cargo run --release --example hostile -- --kb 8192 --out
// target/hostile-8mb` has written them, and a string one byte over the limit (rejected: the
// memory must not grow by its size). Prints only; exits 1 if an accepted input fails or the
// rejected one is accepted.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 8 * 1024 * 1024; // Options' default max_input_bytes
const MiB = (n) => (n / 1048576).toFixed(1);
const corpusDir = path.resolve(ROOT, '../shared/eval/summaries/bbc/articles');
const hostileDir = path.join(ROOT, 'target/hostile-8mb');

/** The first `n` bytes of `text`, cut at a character boundary. */
function cut(text, n) {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= n) return text;
  let end = n;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return b.subarray(0, end).toString('utf8');
}

function articles() {
  const texts = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) texts.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(corpusDir);
  let all = texts.join('\n\n');
  while (Buffer.byteLength(all, 'utf8') < LIMIT) all = `${all}\n\n${all}`;
  return cut(all, LIMIT);
}

function input(name) {
  if (name === 'articles') return articles();
  if (name === 'over') return 'a'.repeat(LIMIT + 1);
  return fs.readFileSync(path.join(hostileDir, name), 'utf8');
}

if (process.argv[2] === '--child') {
  const name = process.argv[3];
  const text = input(name);
  const { initSync, analyze } = await import(pathToFileURL(path.join(ROOT, 'pkg/pith.js')).href);
  const wasm = initSync({ module: fs.readFileSync(path.join(ROOT, 'pkg/pith_bg.wasm')) });
  const before = wasm.memory.buffer.byteLength;
  let error = null;
  try {
    analyze(text);
  } catch (e) {
    error = e.message;
  }
  const bytes = Buffer.byteLength(text, 'utf8');
  console.log(JSON.stringify({ bytes, before, after: wasm.memory.buffer.byteLength, error }));
  process.exit(0);
}

const names = [];
if (fs.existsSync(corpusDir)) names.push('articles');
if (fs.existsSync(hostileDir)) names.push(...fs.readdirSync(hostileDir).filter((f) => f.endsWith('.txt')).sort());
names.push('over');

let failed = false;
console.log(`peak wasm memory (memory.buffer.byteLength after one analyze, fresh instance), limit ${LIMIT} bytes:`);
for (const name of names) {
  const r = JSON.parse(
    execFileSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', name], {
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop(),
  );
  const label = name === 'articles' ? 'BBC articles' : name === 'over' ? 'one byte over the limit' : name.replace(/\.txt$/, '');
  const status = r.error ? `rejected: ${r.error}` : 'accepted';
  console.log(`  ${label.padEnd(34)} ${String(r.bytes).padStart(8)} B: ${MiB(r.before)} -> ${MiB(r.after)} MiB (${status})`);
  if ((name === 'over') !== (r.error !== null)) failed = true;
}
process.exit(failed ? 1 : 0);
