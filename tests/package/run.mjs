// The npm package as web developers use it (issue 18): `make package`'s dist/ is packed with
// `npm pack`, installed from the tarball into the fixture apps of tests/package/apps/, built
// with the real bundlers (Vite, webpack 5, esbuild: pinned devDependencies of the repository),
// served on 127.0.0.1 and loaded in headless Chromium (playwright-core, /usr/bin/chromium); a
// Node app imports the package the way its README says.
//
//   make wasm && node tests/package/run.mjs      (make package-test)
//
// Each browser app shows the reference article with `<pith-summary worker highlight>` and calls
// the analyser's init() and analyze() too. Checked: the widget renders the summary; the event
// says mode "worker" with no workerError; the analyser works; no request fails (status >= 400
// or a network failure, worker requests included); pith_bg.wasm is fetched once (zero times
// with pith/inline) and instantiated once on the main thread; no console error, no warning
// from the element, no CSP violation. And where the worker cannot start (pith/inline under a
// CSP without blob: workers): one console.warn, and `mode: "main"` with `workerError` in every
// event. Behaviour only: no timed assertion.
//
// Prints TAP-like lines and `# package test: N passed, M failed`; exits non-zero on a failure.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq, serveDir } from '../e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const APPS = path.join(ROOT, 'tests', 'package', 'apps');
// Under target/ (ignored by git), so the apps' build scripts resolve the repository's bundlers.
const WORK = path.join(ROOT, 'target', 'package-test');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 60_000;
const LEAD = 'The Russian President has stepped up pressure';
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'";
// pith/inline starts its worker from a blob: URL (README, "Bundlers and static hosting").
const INLINE_CSP = `${STRICT_CSP}; worker-src 'self' blob:`;

const { test, bail, finish } = harness('package test');

for (const f of ['pith.js', 'pith_bg.wasm']) {
  if (!fs.existsSync(path.join(ROOT, 'pkg', f))) bail(`pkg/${f} is missing: run \`make wasm\` first`);
}
if (!fs.existsSync(CHROMIUM)) bail(`no Chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);
const watchdog = setTimeout(() => bail('timed out after 600 s'), 600_000);
watchdog.unref();

const { chromium } = await import('playwright-core');
const { buildPackage } = await import(path.join(ROOT, 'scripts', 'package.mjs'));

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** The reference article as <p> elements (text escaped). */
const ARTICLE = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt'), 'utf8')
  .split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean)
  .map((t) => `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');

/** Copies app `name` to WORK/name (article filled in) and installs the packed tarball there. */
function prepareApp(name, tarball) {
  const dir = path.join(WORK, name);
  fs.cpSync(path.join(APPS, name), dir, { recursive: true });
  const html = path.join(dir, 'index.html');
  if (fs.existsSync(html)) fs.writeFileSync(html, fs.readFileSync(html, 'utf8').replace('<!-- ARTICLE -->', ARTICLE));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', tarball], dir);
  return dir;
}


// -------------------------------------------------------------------------------- builds

async function buildVite(dir) {
  const { build } = await import('vite');
  await build({ root: dir, configFile: false, logLevel: 'error', build: { outDir: path.join(dir, 'out'), emptyOutDir: true } });
  return path.join(dir, 'out');
}

async function buildWebpack(dir) {
  const { default: webpack } = await import('webpack');
  const out = path.join(dir, 'out');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      mode: 'production',
      context: dir,
      entry: './main.js',
      output: { path: out, filename: 'main.js', clean: true },
      performance: { hints: false },
    }, (err, result) => (err ? reject(err) : resolve(result)));
  });
  if (stats.hasErrors()) throw new Error(stats.toString('errors-only'));
  fs.copyFileSync(path.join(dir, 'index.html'), path.join(out, 'index.html'));
  return out;
}

async function buildEsbuild(dir) {
  const esbuild = await import('esbuild');
  const out = path.join(dir, 'out');
  fs.rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ['main.js'],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile: path.join(out, 'main.js'),
    logLevel: 'error',
  });
  fs.copyFileSync(path.join(dir, 'index.html'), path.join(out, 'index.html'));
  return out;
}

// -------------------------------------------------------------------------------- browser

/** Counts WebAssembly compiles and instantiations on the page; records widget events. */
function probe() {
  const count = { compile: 0, instantiate: 0 };
  window.__wasm = count;
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = function (...args) {
      if (name.startsWith('compile')) count.compile++;
      else count.instantiate++;
      return original.apply(this, args);
    };
  }
  window.__events = [];
  window.__csp = [];
  document.addEventListener('pith:analysed', (e) => window.__events.push({
    type: 'analysed',
    mode: e.detail.mode,
    workerError: e.detail.workerError ?? null,
    summary: e.detail.analysis.summary.map((s) => s.text),
  }));
  document.addEventListener('pith:error', (e) => window.__events.push({ type: 'error', ...e.detail }));
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

let browser;
let context;

async function checkApp(name, out, csp, wasmFetches) {
  const server = await serveDir(out, csp);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const requests = [];
  const failed = [];
  const consoleLines = [];
  const onRequest = (r) => requests.push(r.url());
  const onFailed = (r) => failed.push(`${r.url()}: ${r.failure() && r.failure().errorText}`);
  const onResponse = (r) => {
    if (r.status() >= 400) failed.push(`${r.url()}: HTTP ${r.status()}`);
  };
  context.on('request', onRequest);
  context.on('requestfailed', onFailed);
  context.on('response', onResponse);
  const page = await context.newPage();
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  try {
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.__events.length >= 1 && window.__direct !== undefined, null, { timeout: WAIT_MS });
    const r = await page.evaluate(() => ({
      events: window.__events,
      direct: window.__direct,
      wasm: window.__wasm,
      csp: window.__csp,
      items: [...document.querySelector('pith-summary').shadowRoot.querySelectorAll('.sentences li')].map((li) => li.textContent),
      defined: Boolean(customElements.get('pith-summary')),
    }));
    assertEq(r.events.length, 1, `${name}: widget events`);
    const [e] = r.events;
    assertEq([e.type, e.mode, e.workerError], ['analysed', 'worker', null], `${name}: event type, mode, workerError`);
    assert(e.summary[0].startsWith(LEAD), `${name}: first summary sentence: ${e.summary[0]}`);
    assertEq(r.items.length, 3, `${name}: summary items rendered`);
    assertEq(r.items.map((t) => t.replace(/\s+/g, ' ').trim()), e.summary.map((t) => t.replace(/\s+/g, ' ').trim()), `${name}: rendered summary`);
    assertEq(r.direct, 2, `${name}: analyze() from the analyser entry`);
    assertEq(r.wasm, { compile: 1, instantiate: 1 }, `${name}: main-thread WebAssembly compiles and instantiations`);
    assertEq(r.csp, [], `${name}: CSP violations`);
    assertEq(failed, [], `${name}: failed requests`);
    const wasm = requests.filter((u) => new URL(u).pathname.endsWith('.wasm'));
    assertEq(wasm.length, wasmFetches, `${name}: wasm fetches (${wasm.join(', ')})`);
    const offsite = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assertEq(offsite, [], `${name}: requests off the app's origin`);
    assertEq(consoleLines.filter((l) => /^(error|warning|pageerror)/.test(l)), [], `${name}: console errors and warnings`);
  } finally {
    await page.close();
    context.off('request', onRequest);
    context.off('requestfailed', onFailed);
    context.off('response', onResponse);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// -------------------------------------------------------------------------------- the suite

try {
  fs.rmSync(WORK, { recursive: true, force: true });
  fs.mkdirSync(WORK, { recursive: true });
  let tarball = '';
  let manifest;

  await test('npm pack: the package from scripts/package.mjs packs, with its own README and types for every export', async () => {
    const dist = path.join(WORK, 'dist');
    manifest = buildPackage(dist);
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', WORK], dist));
    tarball = path.join(WORK, packed[0].filename);
    const files = packed[0].files.map((f) => f.path).sort();
    assertEq(files, [...manifest.files, 'package.json'].sort(), 'files in the tarball');
    for (const [key, target] of Object.entries(manifest.exports)) {
      if (key === './package.json') continue;
      assert(typeof target === 'object' && target.types && files.includes(target.types.slice(2)), `${key} has no types`);
    }
    assertEq(manifest.exports['.'], { types: './pith-index.d.ts', node: './pith-node.js', default: './pith-index.js' }, 'the "." export');
    const readme = fs.readFileSync(path.join(dist, 'README.md'), 'utf8');
    assert(readme.includes('## Node') && readme.includes('| esbuild'), 'README lacks the Node section or the bundler table');
    assertEq(readme.match(/\bmake [a-z]|\bcargo |scripts\/|\.ci\//g), null, 'repository-only commands in the npm README');
    assertEq(readme.match(/!\[[^\]]*\]\((?!https:\/\/)[^)]*\)/g), null, 'images that are not absolute URLs');
    const worker = fs.readFileSync(path.join(dist, 'pith-worker.js'), 'utf8');
    assertEq(worker.match(/^\s*(import|export)\b/gm), null, 'import or export statements in the self-contained worker');
  });
  if (!tarball) throw new Error('no tarball: the apps cannot be installed');

  await test('node: `import { analyze } from \'pith\'` works in Node 20 (the node condition); pith/element imports and defines nothing', async () => {
    const dir = prepareApp('node', tarball);
    const r = JSON.parse(run(process.execPath, ['check.mjs'], dir));
    assertEq(r, {
      summary: ['Mr Smith said the plan was fine.', 'The council agreed on Monday.'],
      sameAsNodeEntry: true,
      elementExports: ['DEFAULT_TIMEOUT', 'PithSummary', 'WORKER_THRESHOLD', 'configure'],
      customElements: 'undefined',
      htmlElement: 'undefined',
    }, 'check.mjs output');
  });

  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  context = await browser.newContext();
  await context.addInitScript(probe);

  const apps = [
    ['vite', buildVite, STRICT_CSP, 1],
    ['webpack', buildWebpack, STRICT_CSP, 1],
    ['esbuild', buildEsbuild, INLINE_CSP, 0],
  ];
  for (const [name, build, csp, wasmFetches] of apps) {
    await test(`${name}: the app builds; <pith-summary worker> renders in mode "worker"; no request fails; wasm fetched ${wasmFetches === 1 ? 'once' : 'never (embedded)'}`, async () => {
      const dir = prepareApp(name, tarball);
      const out = await build(dir);
      await checkApp(name, out, csp, wasmFetches);
    });
  }

  await test('esbuild under a CSP without blob: workers: the worker fails, one console.warn, events say mode "main" with workerError', async () => {
    const server = await serveDir(path.join(WORK, 'esbuild', 'out'), STRICT_CSP);
    const page = await context.newPage();
    const lines = [];
    page.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => lines.push(`pageerror: ${e.message}`));
    try {
      await page.goto(`http://127.0.0.1:${server.address().port}/`);
      await page.waitForFunction(() => window.__events.length >= 1, null, { timeout: WAIT_MS });
      // A second widget that wants the worker: no second warning.
      await page.evaluate(() => {
        const second = document.createElement('pith-summary');
        second.setAttribute('for', 'story');
        second.setAttribute('worker', '');
        document.body.append(second);
      });
      await page.waitForFunction(() => window.__events.length >= 2, null, { timeout: WAIT_MS });
      const r = await page.evaluate(() => ({
        events: window.__events.map((e) => [e.type, e.mode, typeof e.workerError, Boolean(e.workerError)]),
        first: window.__events[0].summary[0],
        csp: window.__csp.map((v) => v.split(' ')[0]),
        items: document.querySelector('pith-summary').shadowRoot.querySelectorAll('.sentences li').length,
      }));
      assertEq(r.events, [['analysed', 'main', 'string', true], ['analysed', 'main', 'string', true]], 'events: type, mode, workerError');
      assert(r.first.startsWith(LEAD), `first summary sentence: ${r.first}`);
      assertEq(r.items, 3, 'summary items rendered');
      assert(r.csp.length >= 1 && r.csp.every((d) => d === 'worker-src'), `CSP violations: ${r.csp}`);
      const warnings = lines.filter((l) => /^(warning|error|pageerror)/.test(l) && !l.includes('Content Security Policy'));
      assertEq(warnings.length, 1, `console warnings and errors: ${warnings.join(' | ')}`);
      assert(warnings[0].startsWith('warning: pith-summary: the worker failed ('), `warning: ${warnings[0]}`);
    } finally {
      await page.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (browser) await browser.close().catch(() => {});
}

finish();
