// One extractor, two DOMs: extractArticle() in headless Chromium gives the same article text and
// metadata as `pith extract` natively (html5ever), page by page, up to whitespace.
//
//   make wasm && cargo build --release --bin pith && node tests/e2e/extract.test.mjs
//
// The pages: the example pages of this repository (always), and, when the development pages are
// present (../shared/eval/extraction/mozilla, outside the repository), every one of them. In the
// browser each page is parsed with DOMParser, so no script of the page runs and no style sheet
// loads: the browser's tree is the HTML parser's, as natively. (On a live page the browser also
// drops what style sheets hide, which a file on disk cannot tell.)
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const DEV_PAGES = path.resolve(ROOT, '..', 'shared', 'eval', 'extraction', 'mozilla');
const { test, bail, finish } = harness('extraction e2e');

const squash = (s) => (s || '').replace(/\s+/g, ' ').trim();

function pithBinary() {
  const bin = path.join(ROOT, 'target', 'release', 'pith');
  if (!fs.existsSync(bin)) {
    const built = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'pith'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) bail('cannot build the pith CLI');
  }
  return bin;
}

/** `pith extract --format json FILE`: {text, metadata}. */
function native(bin, file) {
  const run = spawnSync(bin, ['extract', '--format', 'json', file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`pith extract ${file}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const pages = ['article.html', 'long.html', 'csp.html'].map((f) => [`examples/${f}`, path.join(ROOT, 'www', 'examples', f)]);
if (fs.existsSync(DEV_PAGES)) {
  for (const dir of fs.readdirSync(DEV_PAGES).sort()) {
    const file = path.join(DEV_PAGES, dir, 'source.html');
    if (fs.existsSync(file)) pages.push([`mozilla/${dir}`, file]);
  }
} else {
  console.log(`# ${DEV_PAGES} is absent: the example pages only`);
}

const bin = pithBinary();
const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));
const { chromium } = await import('playwright-core');
const server = await start({ port: 0, host: '127.0.0.1' });
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
page.setDefaultTimeout(30_000);
// A blank page of the server's origin that loads the module.
await page.route(`${origin}/blank.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
await page.goto(`${origin}/blank.html`);
await page.evaluate(async () => {
  const m = await import('/pkg/pith.js');
  await m.default();
  window.pith = m;
});

let agreed = 0;
for (const [name, file] of pages) {
  await test(`${name}: browser and native extractions agree`, async () => {
    const html = fs.readFileSync(file, 'utf8');
    const want = native(bin, file);
    const got = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const r = window.pith.extractArticle(doc.documentElement);
      return { text: r.text, metadata: r.metadata };
    }, html);
    assertEq(squash(got.text), squash(want.text), 'article text');
    assertEq(got.metadata, want.metadata, 'metadata');
    if (name.startsWith('examples/article')) {
      // The example article: a real extraction, not two empty ones.
      assert(got.text.startsWith('Harbour council backs'), `text starts: ${got.text.slice(0, 60)}`);
      assertEq(got.metadata.title, 'Harbour council backs £40m sea wall after stormy debate', 'title');
    }
    agreed++;
  });
}
console.log(`# ${agreed} of ${pages.length} pages agree`);
await browser.close();
server.close();
finish();
