#!/usr/bin/env node
// `make bench`, second half: the wasm module (pkg/, `make wasm`) in Node and in headless
// Chromium against compromise and wink-nlp on the same texts in the same process; scaling and
// pathological inputs in wasm next to the native figures; cold start; memory. Prints only.
//
//   node bench/run.mjs [--native target/bench-native.json] [--corpus DIR] [--limit N] [--no-inputs]
//                      [--rounds N] [--hostile]
//
// The hostile families (tests/common/hostile.rs) are read from target/hostile, which
// `cargo run --release --example hostile` writes (`make bench` does), and timed at 100 KB and
// 1 MB in Node; --hostile times them only.
//
// --rounds N repeats the blocks schedule N times in each runtime (default 1) and prints each
// round's ratio: compromise's own speed drifts on a shared machine, and this shows by how much.
//
// The corpus is the BBC articles in ../shared/eval/summaries/bbc/articles (read in place, never
// copied; skipped with a message when absent) plus tests/fixtures/missile-defence.txt, in the
// same order as examples/bench.rs, and the synthetic inputs are built the same way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { makeEngines, timeCorpus, timeInputs, median, percentile } from './engines.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpusDir = path.resolve(ROOT, flag('--corpus') ?? '../shared/eval/summaries/bbc/articles');
const limit = Number(flag('--limit') ?? Infinity);
const rounds = Math.max(1, Number(flag('--rounds') ?? 1));
const wasmPath = path.join(ROOT, 'pkg', 'pith_bg.wasm');
const now = () => performance.now();

/** BBC articles in path order (lossy UTF-8, as the native harness), then the reference. */
function loadCorpus() {
  const texts = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.txt')) texts.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(corpusDir);
  texts.push(fs.readFileSync(path.join(ROOT, 'tests/fixtures/missile-defence.txt'), 'utf8'));
  return texts;
}

const bytes = (s) => Buffer.byteLength(s, 'utf8');

/** The first `n` bytes of `text`, cut at a character boundary (as `cut` in examples/bench.rs). */
function cut(text, n) {
  const b = Buffer.from(text, 'utf8');
  if (b.length <= n) return text;
  let end = n;
  while (end > 0 && (b[end] & 0xc0) === 0x80) end--;
  return b.subarray(0, end).toString('utf8');
}

/** Scaling and pathological inputs: the same construction as `inputs` in examples/bench.rs. */
function inputs(articles) {
  let all = articles.join('\n\n');
  while (bytes(all) < 1000 * KB) all = `${all}\n\n${all}`;
  const out = [1, 10, 100, 1000].map((kb) => [`${kb} KB of articles`, cut(all, kb * KB)]);
  let plain = '';
  for (const c of all) plain += /^[A-Za-z0-9]$/.test(c) ? c : ' ';
  out.push(['1 MB sentence, no punctuation', cut(plain, 1000 * KB)]);
  out.push(['100k tiny sentences', 'He left. '.repeat(100_000)]);
  const capitalised = plain
    .split(' ')
    .filter((w) => w)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
  out.push(['1 MB capitalised words', cut(capitalised, 1000 * KB)]);
  out.push(['10k quotation marks', '"'.repeat(10_000)]);
  out.push(['10k open quotes, words', 'He said "yes '.repeat(10_000)]);
  return out;
}

const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const pad = (s, n) => String(s).padStart(n);
const padr = (s, n) => String(s).padEnd(n);

// A child process measures the wasm memory for one 1 MB analysis in a fresh instance.
if (args.includes('--memory-child')) {
  const { initSync, analyze } = await import(pathToFileURL(path.join(ROOT, 'pkg/pith.js')).href);
  const wasm = initSync({ module: fs.readFileSync(wasmPath) });
  const text = inputs(loadCorpus()).find(([n]) => n === '1000 KB of articles')[1];
  const before = wasm.memory.buffer.byteLength;
  analyze(text);
  console.log(JSON.stringify({ before, after: wasm.memory.buffer.byteLength }));
  process.exit(0);
}

let native = {};
try {
  if (flag('--native')) native = JSON.parse(fs.readFileSync(path.resolve(ROOT, flag('--native')), 'utf8'));
} catch (e) {
  console.log(`(native results unreadable: ${e.message}; ratios to native omitted)`);
}
if (!fs.existsSync(wasmPath)) {
  console.log('bench: pkg/pith_bg.wasm is missing; run `make wasm` first');
  process.exit(1);
}

if (args.includes('--hostile')) {
  const { initSync, analyze } = await import(pathToFileURL(path.join(ROOT, 'pkg/pith.js')).href);
  initSync({ module: fs.readFileSync(wasmPath) });
  printHostile(analyze);
  process.exit(0);
}

let texts = loadCorpus();
if (texts.length === 1) {
  console.log(`BBC corpus not found at ${corpusDir}: corpus rows use the reference article only.`);
}
if (Number.isFinite(limit)) texts = [...texts.slice(0, limit - 1), texts[texts.length - 1]];
const corpusBytes = texts.reduce((s, t) => s + bytes(t), 0);
// --no-inputs (for quick runs) leaves out the scaling and pathological inputs.
const synthetic = args.includes('--no-inputs') ? [] : inputs(texts);

// ---- Node ----
const { initSync, analyze } = await import(pathToFileURL(path.join(ROOT, 'pkg/pith.js')).href);
const t0 = now();
initSync({ module: fs.readFileSync(wasmPath) });
const nodeInit = now() - t0;
const require = createRequire(import.meta.url);
const { default: nlp } = await import('compromise');
const winkNLP = require('wink-nlp');
const winkModel = require('wink-eng-lite-web-model');

console.log(`\n== wasm (pkg/, ${fs.statSync(wasmPath).size} bytes) in Node ${process.version} and headless Chromium ==`);
console.log(
  `corpus: ${texts.length} articles, ${fmt(corpusBytes / 1e6)} MB; per-article medians, ` +
    'after a 20-article warm-up; "blocks": each engine in turn over runs of 100 articles, ' +
    '"interleaved": the engines in turn article by article (see bench/engines.mjs)',
);
const nodeEngines = makeEngines({ analyze, nlp, winkNLP, winkModel });
const nodeRounds = Array.from({ length: rounds }, () => timeCorpus(nodeEngines, texts, now, { schedule: 'blocks' }));
const nodeTimes = nodeRounds[0];
const nodeInterleaved = timeCorpus(nodeEngines, texts, now, { schedule: 'interleaved' });
const nodeInputs = timeInputs(analyze, synthetic, now);

// ---- Chromium ----
let browser = null;
try {
  browser = await runChromium(texts, synthetic);
} catch (e) {
  console.log(`(Chromium skipped: ${e.message.split('\n')[0]})`);
}

// ---- Tables ----
const rows = [];
const nativeWhole = native['stage:analyze (whole)'];
if (nativeWhole) {
  rows.push(['pith analyze', 'native', nativeWhole.median_us / 1000, null, nativeWhole.mb_s, nativeWhole.articles_s]);
}
const addRows = (runtime, times) => {
  for (const [name, label] of [
    ['pith', 'pith analyze (wasm)'],
    ['compromise', 'compromise entities'],
    ['wink', 'wink-nlp sents+entities'],
  ]) {
    const v = times[name];
    const total = v.reduce((s, x) => s + x, 0) / 1000;
    rows.push([label, runtime, median(v), percentile(v, 0.9), corpusBytes / 1e6 / total, v.length / total]);
  }
};
addRows('Node', nodeTimes);
if (browser) addRows('Chromium', browser.times);
addRows('Node ilv', nodeInterleaved);
if (browser) addRows('Chr. ilv', browser.interleaved);
console.log(
  `\n${padr('engine', 26)}${padr('runtime', 10)}${pad('median/art', 12)}${pad('p90/art', 11)}${pad('MB/s', 9)}${pad('articles/s', 12)}`,
);
for (const [label, runtime, med, p90, mbs, aps] of rows) {
  console.log(
    `${padr(label, 26)}${padr(runtime, 10)}${pad(fmt(med, 3) + ' ms', 12)}${pad(p90 == null ? '-' : fmt(p90, 3) + ' ms', 11)}${pad(fmt(mbs), 9)}${pad(fmt(aps, 0), 12)}`,
  );
}
const ratio = (a, b) => fmt(median(a) > 0 ? median(b) / median(a) : NaN, 1);
console.log('\nratios of per-article medians (how many times faster pith\'s whole analysis is):');
const ratios = (label, t) =>
  console.log(`  ${padr(label + ':', 23)}pith vs compromise entity pass ${ratio(t.pith, t.compromise)}x, vs wink-nlp ${ratio(t.pith, t.wink)}x`);
ratios('Node, blocks', nodeTimes);
if (browser) ratios('Chromium, blocks', browser.times);
ratios('Node, interleaved', nodeInterleaved);
if (browser) ratios('Chromium, interleaved', browser.interleaved);
// How steady the headline (blocks) ratio is: per run of 100 articles, where both engines ran
// within seconds of each other on the same texts (the spread mixes content and machine drift),
// and per round when --rounds repeats the whole corpus.
const spread = (label, roundsOf) => {
  const perRun = [];
  for (const t of roundsOf) {
    for (let i = 0; i < t.pith.length; i += 100) {
      const p = median(t.pith.slice(i, i + 100));
      if (p > 0) perRun.push(median(t.compromise.slice(i, i + 100)) / p);
    }
  }
  perRun.sort((a, b) => a - b);
  const q = (f) => fmt(percentile(perRun, f), 1);
  const each = roundsOf.length > 1 ? `; per round ${roundsOf.map((t) => ratio(t.pith, t.compromise) + 'x').join(', ')}` : '';
  console.log(
    `  ${padr(label + ':', 23)}vs compromise per run of 100 articles (${perRun.length} runs): min ${fmt(perRun[0], 1)}x, ` +
      `quartiles ${q(0.25)} / ${q(0.5)} / ${q(0.75)}x, max ${fmt(perRun[perRun.length - 1], 1)}x${each}`,
  );
};
console.log('spread of the blocks ratio:');
spread('Node', nodeRounds);
if (browser) spread('Chromium', browser.rounds);
if (nativeWhole) {
  const w = median(nodeTimes.pith) * 1000;
  console.log(`  pith wasm in Node vs native: ${fmt(w / nativeWhole.median_us, 2)}x the native time per article`);
  if (browser) console.log(`  pith wasm in Chromium vs native: ${fmt((median(browser.times.pith) * 1000) / nativeWhole.median_us, 2)}x`);
}

console.log('\nscaling and pathological inputs (analyze, median of runs; µs/KB should stay flat for the article series):');
console.log(
  `${padr('input', 32)}${pad('KB', 8)}${pad('native ms', 11)}${pad('µs/KB', 8)}${pad('Node ms', 11)}${pad('µs/KB', 8)}${browser ? pad('Chromium ms', 13) : ''}${pad('Node/native', 13)}`,
);
synthetic.forEach(([name, text], i) => {
  const kb = bytes(text) / KB;
  const n = native[`input:${name}`]?.ms;
  const w = nodeInputs[i].ms;
  const c = browser?.inputs[i].ms;
  console.log(
    `${padr(name, 32)}${pad(fmt(kb, 1), 8)}${pad(n == null ? '-' : fmt(n, 2), 11)}${pad(n == null ? '-' : fmt((n * 1000) / kb, 1), 8)}${pad(fmt(w, 2), 11)}${pad(fmt((w * 1000) / kb, 1), 8)}${browser ? pad(fmt(c, 2), 13) : ''}${pad(n ? fmt(w / n, 2) + 'x' : '-', 13)}`,
  );
});

if (!args.includes('--no-inputs')) printHostile(analyze);

console.log('\ncold start:');
console.log(`  Node: initSync (compile + instantiate from bytes) ${fmt(nodeInit)} ms`);
if (browser) {
  const c = browser.cold;
  console.log(
    `  Chromium, fresh profile each time, median of ${c.length}: fetch+compile+instantiate (init) ${fmt(median(c.map((r) => r.init)))} ms ` +
      `(wasm fetch ${fmt(median(c.map((r) => r.fetch)))} ms), first analyze of the reference article ${fmt(median(c.map((r) => r.first)))} ms, ` +
      `second ${fmt(median(c.map((r) => r.second)))} ms`,
  );
  const p = browser.primed;
  console.log(
    `  Chromium, one short sentence analysed first, median of ${p.length}: that sentence ${fmt(median(p.map((r) => r.setup)))} ms ` +
      `(the one-time setup: lexicons and tables built on first use, and its code's first compilation), then the reference ` +
      `article's first analyze ${fmt(median(p.map((r) => r.first)))} ms, second ${fmt(median(p.map((r) => r.second)))} ms`,
  );
}

console.log('\npeak memory for 1000 KB of articles:');
if (native.peak_rss_kb) console.log(`  native: peak RSS ${native.peak_rss_kb} KB (see the native section for the part over the baseline)`);
try {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--memory-child', '--corpus', corpusDir], {
    encoding: 'utf8',
  });
  const m = JSON.parse(out.trim().split('\n').pop());
  console.log(
    `  wasm: memory.buffer ${fmt(m.before / 1048576, 1)} MiB after init, ${fmt(m.after / 1048576, 1)} MiB after analyze (wasm memory never shrinks: this is the peak)`,
  );
} catch (e) {
  console.log(`  wasm: not measured (${e.message.split('\n')[0]})`);
}

/** The hostile families in Node: µs per KB at 100 KB and 1 MB and their ratio (under 2 is
 * linear), beside the native figures of examples/bench.rs when its JSON has them. */
function printHostile(analyze) {
  const dir = path.join(ROOT, 'target/hostile');
  let list;
  try {
    list = JSON.parse(fs.readFileSync(path.join(dir, 'families.json'), 'utf8'));
  } catch {
    console.log('\nhostile families: target/hostile/families.json missing; run `cargo run --release --example hostile`');
    return;
  }
  const families = [...new Set(list.map((f) => f.name))];
  const texts = list.map((f) => fs.readFileSync(path.join(dir, f.file), 'utf8'));
  // One untimed pass over every file first: the engine compiles the hot functions in its
  // optimising tier, and the wasm memory grows to the largest input's need, before any timing.
  for (const text of texts) analyze(text);
  const timed = new Map(
    list.map((f, i) => {
      const text = texts[i];
      const [{ ms }] = timeInputs(analyze, [[f.name, text]], now);
      return [`${f.name}:${f.kb}`, { ms, kb: bytes(text) / KB }];
    }),
  );
  console.log('\nhostile families (tests/common/hostile.rs; analyze, median of runs; µs/KB at 1 MB over µs/KB at 100 KB under 2 is linear):');
  console.log(
    `${padr('', 26)}${padr('   Node µs/KB', 28)}${padr('   native µs/KB', 28)}\n` +
      `${padr('family', 26)}${pad('100 KB', 10)}${pad('1 MB', 10)}${pad('ratio', 8)}${pad('100 KB', 10)}${pad('1 MB', 10)}${pad('ratio', 8)}`,
  );
  for (const name of families) {
    const w = [100, 1000].map((kb) => timed.get(`${name}:${kb}`));
    const n = [100, 1000].map((kb, i) => native[`hostile:${name}:${kb}`]?.ms / w[i]?.kb);
    const perKb = w.map((x) => (x ? (x.ms * 1000) / x.kb : NaN));
    const nKb = n.map((x) => x * 1000);
    console.log(
      `${padr(name, 26)}${pad(fmt(perKb[0], 1), 10)}${pad(fmt(perKb[1], 1), 10)}${pad(fmt(perKb[1] / perKb[0]), 8)}` +
        `${pad(fmt(nKb[0], 1), 10)}${pad(fmt(nKb[1], 1), 10)}${pad(fmt(nKb[1] / nKb[0]), 8)}`,
    );
  }
}

// ---- Chromium driver ----
async function runChromium(texts, synthetic) {
  const chromium = '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) throw new Error(`${chromium} not found`);
  const { chromium: pw } = require('playwright-core');
  const { start } = await import(pathToFileURL(path.join(ROOT, 'scripts/serve.mjs')).href);
  const server = await start({ port: 0, host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const launch = async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-bench-'));
    const context = await pw.launchPersistentContext(dir, {
      executablePath: chromium,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    // Bench pages and scripts come from this process, on the same 127.0.0.1 origin; /pkg/ from
    // scripts/serve.mjs. Anything else is refused, so nothing leaves the machine.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== origin) return route.abort();
      const asset = benchAsset(url.pathname);
      if (!asset) return route.continue();
      const [type, body] = asset;
      return route.fulfill({
        status: 200,
        contentType: type,
        body,
        // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs.
        headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp', 'Cache-Control': 'no-store' },
      });
    });
    return { context, close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  };
  try {
    // Cold start: a fresh profile (empty caches) per sample; then as many samples that first
    // analyse one short sentence, which pays the one-time setup (lexicons and tables built on
    // first use) before the reference article's first analysis.
    const cold = [];
    const primed = [];
    for (const [out, prime] of [[cold, false], [primed, true]]) {
      for (let i = 0; i < 5; i++) {
        const b = await launch();
        try {
          const page = await b.context.newPage();
          await page.goto(`${origin}/bench/blank.html`);
          out.push(await page.evaluate(COLD_START, prime));
        } finally {
          await b.close();
        }
      }
    }
    const b = await launch();
    try {
      const page = await b.context.newPage();
      await page.goto(`${origin}/bench/index.html`);
      await page.waitForFunction(() => window.benchReady === true || typeof window.benchReady === 'string', null, { timeout: 60_000 });
      const ready = await page.evaluate(() => window.benchReady);
      if (ready !== true) throw new Error(ready);
      const isolated = await page.evaluate(() => crossOriginIsolated);
      if (!isolated) console.log('(Chromium page not cross-origin isolated: timer resolution 100 µs)');
      const blockRounds = [];
      for (let r = 0; r < rounds; r++) blockRounds.push(await page.evaluate((t) => window.benchCorpus(t, 'blocks'), texts));
      const times = blockRounds[0];
      const interleaved = await page.evaluate((t) => window.benchCorpus(t, 'interleaved'), texts);
      const inputsOut = await page.evaluate((s) => window.benchInputs(s), synthetic);
      return { times, rounds: blockRounds, interleaved, inputs: inputsOut, cold, primed };
    } finally {
      await b.close();
    }
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

// Runs in a fresh page: import the glue, fetch + compile + instantiate, then two analyses.
async function COLD_START(prime) {
  const t0 = performance.now();
  const m = await import('/pkg/pith.js');
  await m.default({ module_or_path: '/pkg/pith_bg.wasm' });
  const t1 = performance.now();
  const text = await (await fetch('/fixtures/missile-defence.txt')).text();
  let setup = NaN;
  if (prime) {
    const s = performance.now();
    m.analyze('The Russian President, Vladimir Putin, said the plan was a mistake.');
    setup = performance.now() - s;
  }
  const t2 = performance.now();
  m.analyze(text);
  const t3 = performance.now();
  m.analyze(text);
  const t4 = performance.now();
  const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/pkg/pith_bg.wasm'));
  return { init: t1 - t0, fetch: entry ? entry.duration : NaN, setup, first: t3 - t2, second: t4 - t3 };
}

/** A classic script defining globalThis.winkNLP and globalThis.winkModel: wink-nlp and its
 * model are CommonJS, so their modules are wrapped here (no bundler needed). */
function winkBundle() {
  const ids = new Map();
  const defs = [];
  const add = (file) => {
    if (ids.has(file)) return ids.get(file);
    const id = defs.length;
    ids.set(file, id);
    defs.push(null);
    const src = fs.readFileSync(file, 'utf8');
    const deps = {};
    if (!file.endsWith('.json')) {
      const req = createRequire(file);
      for (const [, , spec] of src.matchAll(/require\(\s*(['"])([^'"]+)\1\s*\)/g)) {
        deps[spec] = add(req.resolve(spec));
      }
    }
    const body = file.endsWith('.json') ? `module.exports = ${src};` : src;
    defs[id] = `[function (module, exports, require) {\n${body}\n}, ${JSON.stringify(deps)}]`;
    return id;
  };
  const nlpId = add(require.resolve('wink-nlp'));
  const modelId = add(require.resolve('wink-eng-lite-web-model'));
  return `(function () {
var defs = [${defs.join(',\n')}];
var cache = {};
function load(id) {
  if (cache[id]) return cache[id].exports;
  var m = { exports: {} };
  cache[id] = m;
  defs[id][0].call(m.exports, m, m.exports, function (s) {
    if (!(s in defs[id][1])) throw new Error('not bundled: ' + s);
    return load(defs[id][1][s]);
  });
  return m.exports;
}
globalThis.winkNLP = load(${nlpId});
globalThis.winkModel = load(${modelId});
})();\n`;
}

/** The bench's own pages and scripts, by path (a function, so it is hoisted). */
function benchAsset(pathname) {
  const js = (file) => ['text/javascript', fs.readFileSync(file, 'utf8')];
  switch (pathname) {
    case '/bench/blank.html':
      return ['text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><title>pith cold start</title>'];
    case '/bench/index.html':
      return [
        'text/html; charset=utf-8',
        '<!doctype html><meta charset="utf-8"><title>pith bench</title>' +
          '<script src="/bench/compromise.js"></script><script src="/bench/wink.js"></script>' +
          '<script type="module" src="/bench/page.mjs"></script>',
      ];
    case '/bench/compromise.js':
      return js(path.join(ROOT, 'node_modules/compromise/builds/compromise.js'));
    case '/bench/wink.js':
      winkBundle.cached ??= winkBundle();
      return ['text/javascript', winkBundle.cached];
    case '/bench/engines.mjs':
      return js(path.join(ROOT, 'bench/engines.mjs'));
    case '/bench/page.mjs':
      return js(path.join(ROOT, 'bench/page.mjs'));
    default:
      return null;
  }
}
