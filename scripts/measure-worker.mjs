#!/usr/bin/env node
// Measures how long analyze() blocks the main thread as the text grows, in headless Chromium,
// to choose <pith-summary>'s worker threshold (WORKER_THRESHOLD in www/pith-summary.js): the
// smallest size at which the median main-thread analyze() exceeds the budget (50 ms).
//
//   make wasm && node scripts/measure-worker.mjs [--budget 50] [--runs 7]
//
// Texts are the reference article's paragraphs repeated to each size (as www/examples/long.html
// builds its article). Prints one row per size: UTF-16 length, words, first call and the median
// of warm calls in ms.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const args = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const BUDGET = flag('--budget', 50);
const RUNS = flag('--runs', 7);
const SIZES = [1_000, 2_500, 5_000, 10_000, 20_000, 30_000, 40_000, 45_000, 50_000, 55_000, 60_000, 70_000,
  80_000, 120_000, 250_000, 600_000];

const { chromium } = await import('playwright-core');
const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));
const server = await start({ port: 0, host: '127.0.0.1' });
const { port } = server.address();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-measure-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(`http://127.0.0.1:${port}/examples/csp.html`);
  const rows = await page.evaluate(async ({ sizes, runs }) => {
    const { default: init, analyze } = await import('/pkg/pith.js');
    await init();
    const source = await (await fetch('/fixtures/missile-defence.txt')).text();
    const paragraphs = source.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const textOf = (size) => {
      const out = [];
      let length = 0;
      for (let i = 0; length < size; i++) {
        const p = paragraphs[i % paragraphs.length];
        out.push(p);
        length += p.length + 2;
      }
      return out.join('\n\n').slice(0, size);
    };
    const time = (text) => {
      const t0 = performance.now();
      analyze(text, { sentences: 3, keywords: 8 });
      return performance.now() - t0;
    };
    const result = [];
    for (const size of sizes) {
      const text = textOf(size);
      const first = time(text);
      const warm = Array.from({ length: runs }, () => time(text)).sort((a, b) => a - b);
      result.push({ chars: text.length, words: text.split(/\s+/).length, first, median: warm[warm.length >> 1] });
    }
    return result;
  }, { sizes: SIZES, runs: RUNS });
  console.log(`chromium ${context.browser() ? context.browser().version() : ''} · ${os.cpus()[0].model} · ${os.cpus().length} cores`);
  console.log('| UTF-16 length | words | first call ms | median ms |');
  console.log('|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.chars} | ${r.words} | ${r.first.toFixed(1)} | ${r.median.toFixed(1)} |`);
  }
  const over = rows.find((r) => r.median > BUDGET);
  console.log(over
    ? `threshold: the median crosses ${BUDGET} ms at ${over.chars} UTF-16 units (${over.words} words)`
    : `threshold: no size exceeded ${BUDGET} ms`);
} finally {
  await context.close();
  server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
