#!/usr/bin/env node
// Lays out the npm package: wasm-pack's pkg/ (pith.js, pith_bg.wasm, pith.d.ts) plus the
// <pith-summary> element (pith-summary.js, .css, .d.ts and pith-worker.js) beside it, and a
// package.json whose exports map serves both:
//
//   import init, { analyze } from 'pith';   // the analyser
//   import 'pith/element';                  // defines <pith-summary>
//
//   make package            # = make wasm, then node scripts/package.mjs --out dist
//
// In www/ (served at the site root, pkg/ at /pkg/) the element imports './pkg/pith.js'; here
// they become './pith.js', so the files resolve each other (and bundlers follow them) as siblings.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = path.join(ROOT, 'pkg');
const WWW = path.join(ROOT, 'www');
const ELEMENT_FILES = ['pith-summary.js', 'pith-summary.css', 'pith-summary.d.ts', 'pith-worker.js'];
const PKG_SKIP = new Set(['package.json', '.gitignore']);

/** Builds the package into `out` (replaced). Returns the package.json object written. */
export function buildPackage(out) {
  if (!fs.existsSync(path.join(PKG, 'pith.js')) || !fs.existsSync(path.join(PKG, 'pith_bg.wasm'))) {
    throw new Error('pkg/ has no pith.js or pith_bg.wasm: run `make wasm` first');
  }
  out = path.resolve(out);
  if (out === ROOT || out === PKG || out === WWW) throw new Error(`refusing to replace ${out}`);
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });

  for (const name of fs.readdirSync(PKG)) {
    if (PKG_SKIP.has(name)) continue;
    fs.cpSync(path.join(PKG, name), path.join(out, name), { recursive: true });
  }
  for (const name of ELEMENT_FILES) {
    const text = fs.readFileSync(path.join(WWW, name), 'utf8').replaceAll('./pkg/', './');
    if (text.includes('/pkg/')) throw new Error(`${name}: a /pkg/ path is left after rewriting`);
    fs.writeFileSync(path.join(out, name), text);
  }

  const base = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  const files = fs.readdirSync(out).filter((f) => f !== 'package.json').sort();
  const manifest = {
    name: base.name,
    version: base.version,
    description: base.description,
    license: base.license,
    type: 'module',
    main: './pith.js',
    types: './pith.d.ts',
    exports: {
      '.': { types: './pith.d.ts', default: './pith.js' },
      './element': { types: './pith-summary.d.ts', default: './pith-summary.js' },
      './pith-summary.css': './pith-summary.css',
      './worker': './pith-worker.js',
      './pith_bg.wasm': './pith_bg.wasm',
      './package.json': './package.json',
    },
    files,
    sideEffects: ['./pith-summary.js', './pith-worker.js', './snippets/*'],
    keywords: ['summarization', 'nlp', 'webassembly', 'custom-element', 'web-component'],
  };
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const target of Object.values(manifest.exports).flatMap((v) => (typeof v === 'string' ? [v] : Object.values(v)))) {
    if (!fs.existsSync(path.join(out, target))) throw new Error(`exports target ${target} is missing`);
  }
  return manifest;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const args = process.argv.slice(2);
  const i = args.indexOf('--out');
  const out = i >= 0 && args[i + 1] ? args[i + 1] : path.join(ROOT, 'dist');
  try {
    const manifest = buildPackage(out);
    console.log(`package ${manifest.name}@${manifest.version} in ${path.relative(ROOT, path.resolve(out)) || out}: ${manifest.files.join(', ')}`);
  } catch (err) {
    console.error(`package: ${err.message}`);
    process.exit(1);
  }
}
