// The TypeScript declarations against real output (`make types-test`, part of `make test`, after
// `make wasm`): analyze() results of the wasm module in Node, on the reference article and a few
// other texts, are written as typed literals (`const r: Analysis = {...}`) and checked with
// `tsc --noEmit --strict` against pkg/pith.d.ts, whose types are generated from the Rust ones
// (src/contract.d.ts). An object literal gets TypeScript's excess property check, so a field
// the declarations lack fails as surely as a missing one or a kind outside its union. A second
// file with one wrong value must fail, so that a check which passes everything is noticed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'target', 'types-check');
const TSC = process.env.TSC ?? path.join(ROOT, 'node_modules', '.bin', 'tsc');

const { initSync, analyze } = await import(path.join(ROOT, 'pkg', 'pith.js'));
initSync({ module: fs.readFileSync(path.join(ROOT, 'pkg', 'pith_bg.wasm')) });

const article = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt'), 'utf8');
const cases = [
  [article, {}],
  [article, { sentences: 1, keywords: 3, lang: 'en', maxInputBytes: 1 << 20 }],
  [article, { ratio: 0.2, lang: 'auto' }],
  [article, { words: 60, sentences: null }],
  ['Der Präsident sagte, der Plan sei gefährlich. Die Verhandlungen dauerten fünf Stunden.', { lang: 'de' }],
  ['', undefined],
];
const seed = path.join(ROOT, '..', 'shared', 'seed', 'missile-defence.txt');
if (fs.existsSync(seed)) cases.push([fs.readFileSync(seed, 'utf8'), {}]);

const results = cases.map(([text, options]) => analyze(text, options));
const stances = new Set(results.flatMap((r) => r.positions.map((p) => p.stance)));
const kinds = new Set(results.flatMap((r) => r.actors.map((a) => a.kind)));
if (stances.size < 3 || kinds.size < 3) {
  throw new Error(`types-test: too few stances (${[...stances]}) or kinds (${[...kinds]}) to check`);
}

const types = path.relative(OUT, path.join(ROOT, 'pkg', 'pith.js')).split(path.sep).join('/');
const header = `import type { Analysis, AnalyzeOptions } from '${types}';\n`;
const literal = (v) => JSON.stringify(v, null, 1);
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(
  path.join(OUT, 'results.ts'),
  header +
    cases.map(([, o], i) => (o ? `export const options${i}: AnalyzeOptions = ${literal(o)};\n` : '')).join('') +
    results.map((r, i) => `export const result${i}: Analysis = ${literal(r)};\n`).join(''),
);
// The same first result with a stance the contract does not have.
const wrong = structuredClone(results[0]);
wrong.positions[0].stance = 'maybe';
fs.writeFileSync(path.join(OUT, 'wrong.ts'), header + `export const wrong: Analysis = ${literal(wrong)};\n`);

const tsc = (file) =>
  execFileSync(TSC, ['--noEmit', '--strict', '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', file], {
    cwd: ROOT,
    encoding: 'utf8',
  });
tsc(path.join(OUT, 'results.ts'));
let failed = '';
try {
  tsc(path.join(OUT, 'wrong.ts'));
} catch (e) {
  failed = String(e.stdout);
}
if (!failed.includes(`Type '"maybe"' is not assignable to type 'Stance | null'`)) {
  throw new Error(`types-test: tsc accepted a wrong stance, or failed otherwise:\n${failed}`);
}
const rows = results.reduce((n, r) => n + r.positions.length + r.actors.length + r.sentences.length, 0);
console.log(
  `types-test: ${results.length} analyze() results (${rows} sentences, actors and positions; stances ${[...stances].sort().join(' ')}) type-check against pkg/pith.d.ts with tsc --strict; a wrong stance is refused`,
);
