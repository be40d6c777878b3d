// End-to-end test of the pith demo page in headless Chromium (playwright-core, no downloads).
//
//   make wasm && node tests/e2e/demo.test.mjs
//
// Plain Node script: prints TAP-like `ok N - name` / `not ok N - name` lines and a final
// `# e2e: N passed, M failed` summary; exits non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq, assertServed, get } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'tests', 'e2e', 'out');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 15_000;
const EMPTY_MESSAGE = 'Paste an article to see its gist.';
const XSS_TEXT =
  '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Mr Smith said "<b>bold</b>" is fine. ' +
  'The plan was approved by the council on Monday.';
const ACTORS = [
  'Vladimir Putin',
  'Condoleezza Rice',
  'Robert Gates',
  'Dmitry Peskov',
  'Sergei Lavrov',
  'Anatoly Serdyukov',
];
const PANELS = '#summary, #keywords, #actors, #positions, #article';
// Texts written for these tests, where pith finds one actor under the display threshold
// ("Port Ellery", a place it takes for a person or an organisation, confidence about 0.6),
// beside one well above it, and then alone.
const LOW_ACTOR = 'Port Ellery';
const MIXED_TEXT =
  'The mayor of Port Ellery, Jane Holloway, said on Monday that the harbour wall would be finished by spring. ' +
  'Ms Holloway said the council had the money.';
const LOW_ONLY_TEXT =
  'The mayor of Port Ellery said on Monday that the harbour wall would be finished by spring. ' +
  'Nuclear power was not discussed at the meeting. The mayor said the council had the money.';

const { test, bail, finish } = harness('e2e');


// ------------------------------------------------------------------------------------------------

if (!fs.existsSync(path.join(ROOT, 'pkg', 'pith.js')) || !fs.existsSync(path.join(ROOT, 'pkg', 'pith_bg.wasm'))) {
  bail('pkg/pith.js is missing: run `make wasm` first to build the WebAssembly package.');
}
if (!fs.existsSync(CHROMIUM)) bail(`Chromium not found at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);

const { chromium } = await import('playwright-core');
const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));

// A hard ceiling so a hung browser never blocks CI.
const watchdog = setTimeout(() => bail('timed out after 55 s'), 55_000);
watchdog.unref();

const server = await start({ port: 0, host: '127.0.0.1' });
const { port } = server.address();
const ORIGIN = `http://127.0.0.1:${port}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-e2e-'));
let context;

const requests = [];
const consoleErrors = [];
const pageErrors = [];

try {
  // ---------------------------------------------------------------- server (from Node)
  await test('server: HTML has the strict CSP, no-cache and text/html', async () => {
    const r = await get(port, '/');
    assertEq(r.status, 200, 'status of /');
    assert(r.headers['content-type'].startsWith('text/html'), `content-type ${r.headers['content-type']}`);
    assertEq(r.headers['cache-control'], 'no-cache', 'cache-control');
    const csp = r.headers['content-security-policy'] || '';
    for (const d of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'",
      "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
      assert(csp.includes(d), `CSP lacks ${d}: ${csp}`);
    }
  });

  await test('server: MIME types for wasm, js, css and the fixture', async () => {
    const cases = [
      ['/pkg/pith_bg.wasm', 'application/wasm'],
      ['/pkg/pith.js', 'text/javascript'],
      ['/app.js', 'text/javascript'],
      ['/style.css', 'text/css'],
      ['/fixtures/missile-defence.txt', 'text/plain'],
    ];
    await assertServed(port, cases);
    const fixture = await get(port, '/fixtures/missile-defence.txt');
    assertEq(fixture.body.toString('utf8'), fs.readFileSync(FIXTURE, 'utf8'), 'fixture body');
  });

  await test('server: 404 for missing files and directory traversal', async () => {
    for (const p of ['/nope.html', '/pkg/../Cargo.toml', '/%2e%2e/Cargo.toml', '/pkg/%2e%2e/Cargo.toml',
      '/pkg/..%2f..%2fCargo.toml', '/fixtures/..%2f..%2fMakefile', '/..%5c..%5cMakefile', '/%2fetc%2fpasswd']) {
      const r = await get(port, p);
      assertEq(r.status, 404, `status of ${p}`);
    }
  });

  // ---------------------------------------------------------------- browser
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 960 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  context.on('request', (req) => requests.push(req.url()));
  const page = context.pages()[0] || (await context.newPage());
  page.setDefaultTimeout(WAIT_MS);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => pageErrors.push(String(err && err.message ? err.message : err)));

  const summaryItems = () => page.locator('#summary ol > li').allTextContents();
  const waitSummaryCount = (count) =>
    page.waitForFunction((c) => document.querySelectorAll('#summary ol > li').length === c, count);

  await test('page loads, wasm initialises and the panels fill', async () => {
    await page.goto(`${ORIGIN}/`);
    await waitSummaryCount(3);
    await page.waitForSelector('#positions table tbody tr');
    const status = await page.locator('#status').textContent();
    assert(/English/.test(status), `status line lacks the language: ${status}`);
    assert(/\d+ sentences/.test(status), `status line lacks the sentence count: ${status}`);
    assert(/\d+(\.\d+)? ms/.test(status), `status line lacks the time: ${status}`);
    assert(await page.locator('#error').isHidden(), 'error alert is visible');
  });

  await test('textarea has the reference article and a label', async () => {
    const value = await page.locator('#input').inputValue();
    assertEq(value, fs.readFileSync(FIXTURE, 'utf8'), 'textarea value');
    const label = await page.locator('label[for="input"]').count();
    assert(label === 1, 'textarea has no <label for="input">');
  });

  await test('summary: 3 items, led by "The Russian President has stepped up pressure"', async () => {
    const items = await summaryItems();
    assertEq(items.length, 3, 'summary item count');
    assert(items[0].includes('The Russian President has stepped up pressure'), `first item: ${items[0]}`);
  });

  await test('summary: boilerplate "Click to follow" is not in it', async () => {
    const text = await page.locator('#summary').textContent();
    assert(!text.includes('Click to follow'), 'summary contains "Click to follow"');
  });

  await test('keywords: at least 5 chips including "missile defence"', async () => {
    const chips = (await page.locator('#keywords .chip').allTextContents()).map((s) => s.trim());
    assert(chips.length >= 5, `only ${chips.length} chips: ${JSON.stringify(chips)}`);
    assert(chips.includes('missile defence'), `no "missile defence" chip: ${JSON.stringify(chips)}`);
  });

  await test('actors: a captioned table with the expected column headers', async () => {
    assertEq(await page.locator('#actors table caption').count(), 1, 'caption count');
    const heads = (await page.locator('#actors table thead th[scope="col"]').allTextContents()).map((s) => s.trim());
    assertEq(heads, ['Name', 'Kind', 'Role', 'Affiliation', 'Mentions'], 'actor table headers');
  });

  await test('actors: Putin, Rice, Gates, Peskov, Lavrov and Serdyukov each exactly once', async () => {
    const names = (await page.locator('#actors table tbody tr:not(.group-row) td:first-child').allTextContents()).map((s) => s.trim());
    const problems = ACTORS.map((a) => [a, names.filter((x) => x === a).length]).filter(([, c]) => c !== 1);
    assert(problems.length === 0,
      `wrong counts ${JSON.stringify(problems)} in actor names ${JSON.stringify(names)}`);
  });

  await test('actors: Mentions column equals mentions.length + references.length', async () => {
    const shown = await page.locator('#actors table tbody tr:not(.group-row)').evaluateAll((trs) =>
      trs.map((tr) => [tr.cells[0].textContent.trim(), tr.cells[4].textContent.trim()]));
    // The same analysis, straight from the wasm module the page already loaded.
    const expected = await page.evaluate(async () => {
      const { analyze, actorDisplayConfidence } = await import('/pkg/pith.js');
      const r = analyze(document.querySelector('#input').value, { sentences: 3, keywords: 10, lang: 'auto' });
      return r.actors.filter((a) => a.confidence >= actorDisplayConfidence())
        .map((a) => [a.name, String(a.mentions.length + a.references.length)]);
    });
    const byName = (rows) => JSON.stringify([...rows].sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1])));
    assertEq(byName(shown), byName(expected), 'actor names and mention counts');
  });

  await test('actors: exactly those with confidence >= actorDisplayConfidence() are shown', async () => {
    const r = await page.evaluate(async () => {
      const { analyze, actorDisplayConfidence } = await import('/pkg/pith.js');
      const a = analyze(document.querySelector('#input').value, { sentences: 3, keywords: 10, lang: 'auto' });
      const rows = [...document.querySelectorAll('#actors table tbody tr:not(.group-row)')];
      return {
        threshold: actorDisplayConfidence(),
        actors: a.actors.map((x) => [x.name, x.confidence]),
        // data-actor is the row's index into analyze's actors.
        rows: rows.map((tr) => [Number(tr.dataset.actor), tr.cells[0].textContent.trim()]),
        caption: document.querySelector('#actors table caption').textContent,
      };
    });
    const low = r.actors.map(([name, c], i) => [i, name, c]).filter(([, , c]) => c < r.threshold);
    const sure = r.actors.map(([name, c], i) => [i, name, c]).filter(([, , c]) => c >= r.threshold);
    // The reference article has names under the threshold ("Bush", "Nuclear", ...): without
    // them this test would not show that anything is left out.
    assert(low.length > 0, `no actor under ${r.threshold} in ${JSON.stringify(r.actors)}`);
    for (const [i, name] of r.rows) {
      assertEq(name, r.actors[i][0], `name of row data-actor=${i}`);
      assert(r.actors[i][1] >= r.threshold, `${name} shown with confidence ${r.actors[i][1]} < ${r.threshold}`);
    }
    assertEq(r.rows.map(([i]) => i).sort((a, b) => a - b), sure.map(([i]) => i), 'indexes of the actors shown');
    const names = r.rows.map(([, name]) => name);
    assertEq(low.filter(([, name]) => names.includes(name)), [], 'less certain actors shown');
    assert(r.caption.startsWith(`${sure.length} actors (${low.length} less certain names not shown), grouped by side`),
      `caption: ${r.caption}`);
  });

  await test('actors: grouped by side, Putin under Russia and Rice under United States', async () => {
    const groups = await page.locator('#actors tbody.side-group').evaluateAll((bodies) =>
      bodies.map((b) => [
        b.querySelector('.side-name').textContent.trim(),
        [...b.querySelectorAll('tr:not(.group-row) td:first-child')].map((td) => td.textContent.trim()),
      ]));
    const side = Object.fromEntries(groups);
    assert(side['Russia']?.includes('Vladimir Putin'), `Russia group: ${JSON.stringify(groups)}`);
    assert(side['United States']?.includes('Condoleezza Rice'), `US group: ${JSON.stringify(groups)}`);
  });

  await test('positions: captioned table, grouped by side, with rows for Putin, Rice and Gates', async () => {
    assertEq(await page.locator('#positions table caption').count(), 1, 'caption count');
    const heads = (await page.locator('#positions table thead th[scope="col"]').allTextContents()).map((s) => s.trim());
    assertEq(heads, ['Actor', 'Side', 'Stance', 'Claim', 'Evidence'], 'positions table headers');
    const groups = (await page.locator('#positions tr.group-row .side-name').allTextContents()).map((s) => s.trim());
    assert(groups.includes('Russia') && groups.includes('United States'), `side groups: ${JSON.stringify(groups)}`);
    const actors = await page.locator('#positions tbody tr:not(.group-row) td:first-child').allTextContents();
    for (const who of ['Putin', 'Rice', 'Gates']) {
      assert(actors.some((a) => a.includes(who)), `no position row for ${who}: ${JSON.stringify(actors)}`);
    }
  });

  await test('article view: summary sentences are <mark class="summary"> slices of the input', async () => {
    const marks = await page.locator('#article mark.summary').allTextContents();
    assertEq(marks.length, 3, 'number of highlighted sentences');
    assert(marks[0].startsWith('The Russian President has stepped up pressure'), `first mark: ${marks[0]}`);
    const articleText = await page.locator('#article').textContent();
    assertEq(articleText, fs.readFileSync(FIXTURE, 'utf8'), 'article view text equals the input');
  });

  await test('clicking a summary item flashes its sentence in the article view', async () => {
    await page.locator('#summary ol > li button').first().click();
    await page.waitForSelector('#article mark.summary.flash');
    const flashed = await page.locator('#article .flash').textContent();
    assert(flashed.startsWith('The Russian President'), `flashed: ${flashed}`);
  });

  await test('clicking position evidence flashes that sentence', async () => {
    const button = page.locator('#positions td.evidence button').first();
    const evidence = (await button.locator('.evidence-text').textContent()).trim();
    await button.click();
    await page.waitForFunction((want) => {
      const el = document.querySelector('#article .flash');
      return el && el.textContent.trim() === want;
    }, evidence);
  });

  await test('changing the summary length to 2 re-renders the summary', async () => {
    await page.locator('#sentences').fill('2');
    await waitSummaryCount(2);
    assertEq(await page.locator('#article mark.summary').count(), 2, 'highlighted sentences');
  });

  await test('UTF-16 offsets: emoji and accents are sliced exactly in the article view', async () => {
    const text = 'Café owners 😀 protested in Zürich on Monday. The mayor said the plan was “unfair” to them 🇨🇭. ' +
      'Officials in Kraków rejected the claim on Tuesday.';
    await page.locator('#input').fill(text);
    await page.waitForFunction((t) => document.querySelector('#article').textContent === t
      && document.querySelectorAll('#article [data-sentence]').length > 0, text);
    const mismatches = await page.evaluate(async (t) => {
      const { analyze } = await import('/pkg/pith.js');
      const r = analyze(t, { sentences: 3, keywords: 10, lang: 'auto' });
      return r.sentences.flatMap((s, i) => {
        const el = document.querySelector(`#article [data-sentence="${i}"]`);
        return el && el.textContent === s.text ? [] : [[i, s.text, el && el.textContent]];
      });
    }, text);
    assertEq(mismatches, [], 'sentences whose rendered slice differs from sentence.text');
  });

  await test('XSS: markup in the input is shown as text, never executed or parsed', async () => {
    await page.locator('#input').fill(XSS_TEXT);
    await page.waitForFunction(() => document.querySelector('#article').textContent.includes('<img src=x'));
    // Give any would-be onerror handler a chance to run.
    await page.waitForTimeout(200);
    const xss = await page.evaluate(() => typeof window.__xss);
    assertEq(xss, 'undefined', 'typeof window.__xss');
    const injected = await page.evaluate((sel) =>
      [...document.querySelectorAll(sel)].flatMap((p) => [...p.querySelectorAll('img, script, b')].map((e) => e.tagName)),
    PANELS);
    assertEq(injected, [], 'elements injected into panels/article');
    const visible = await page.locator('#article').innerText();
    assert(visible.includes('<img src=x'), `"<img src=x" not visible in the article view: ${visible}`);
    assert(await page.locator('#article').isVisible(), 'article view not visible');
  });

  await test('actors: a name under the threshold in analyze\'s output is not shown beside a sure one', async () => {
    await page.locator('#input').fill(MIXED_TEXT);
    await page.waitForFunction((t) => document.querySelector('#article').textContent === t, MIXED_TEXT);
    const r = await page.evaluate(async (t) => {
      const { analyze, actorDisplayConfidence } = await import('/pkg/pith.js');
      return {
        threshold: actorDisplayConfidence(),
        actors: analyze(t, { sentences: 3, keywords: 10, lang: 'auto' }).actors.map((a) => [a.name, a.confidence]),
        names: [...document.querySelectorAll('#actors table tbody tr:not(.group-row) td:first-child')]
          .map((td) => td.textContent.trim()),
        caption: document.querySelector('#actors table caption')?.textContent,
      };
    }, MIXED_TEXT);
    assertEq(r.actors.map(([name]) => name), ['Jane Holloway', LOW_ACTOR], 'precondition: the actors analyze finds');
    assert(r.actors[0][1] >= r.threshold && r.actors[1][1] < r.threshold,
      `precondition: Jane Holloway at or over ${r.threshold}, ${LOW_ACTOR} under it: ${JSON.stringify(r.actors)}`);
    assertEq(r.names, ['Jane Holloway'], 'actors shown');
    assert(r.caption.startsWith('1 actor (1 less certain name not shown), grouped by side'), `caption: ${r.caption}`);
  });

  await test('actors: when every name is under the threshold, the panel says so and shows none', async () => {
    await page.locator('#input').fill(LOW_ONLY_TEXT);
    await page.waitForFunction((t) => document.querySelector('#article').textContent === t, LOW_ONLY_TEXT);
    const r = await page.evaluate(async (t) => {
      const { analyze, actorDisplayConfidence } = await import('/pkg/pith.js');
      return {
        threshold: actorDisplayConfidence(),
        actors: analyze(t, { sentences: 3, keywords: 10, lang: 'auto' }).actors.map((a) => [a.name, a.confidence]),
        rows: document.querySelectorAll('#actors table').length,
        text: document.querySelector('#actors .panel-body').textContent,
      };
    }, LOW_ONLY_TEXT);
    assertEq(r.actors.map(([name]) => name), [LOW_ACTOR], 'precondition: analyze finds only this actor');
    assert(r.actors[0][1] < r.threshold, `precondition: ${LOW_ACTOR} under ${r.threshold}: ${r.actors[0][1]}`);
    assertEq(r.rows, 0, 'actor tables');
    assertEq(r.text, 'No actors found with enough confidence; 1 less certain name not shown.', 'actors panel');
  });

  await test('empty input: panels show the polite empty message', async () => {
    await page.locator('#input').fill('');
    await page.waitForFunction((msg) => document.querySelector('#summary').textContent.includes(msg), EMPTY_MESSAGE);
    for (const id of ['#summary', '#keywords', '#actors', '#positions']) {
      const text = await page.locator(id).textContent();
      assert(text.includes(EMPTY_MESSAGE), `${id} lacks the empty message: ${text}`);
    }
    assert(await page.locator('#error').isHidden(), 'error alert shown for empty input');
    assertEq(pageErrors, [], 'page errors');
  });

  await test('screenshot of the reference article saved to tests/e2e/out/demo.png', async () => {
    await page.locator('#sentences').fill('3');
    await page.locator('#input').fill(fs.readFileSync(FIXTURE, 'utf8'));
    await waitSummaryCount(3);
    await page.waitForSelector('#positions table');
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelector('#article').scrollTop = 0;
      document.querySelector('#input').scrollTop = 0;
      document.querySelector('#input').setSelectionRange(0, 0);
      document.activeElement.blur();
    });
    await page.mouse.move(0, 0);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, 'demo.png');
    await page.screenshot({ path: file, fullPage: true });
    assert(fs.statSync(file).size > 10_000, 'screenshot is suspiciously small');
  });

  await test('no console errors and no page errors', async () => {
    assertEq(consoleErrors, [], 'console errors');
    assertEq(pageErrors, [], 'page errors');
  });

  await test(`every request stays on ${ORIGIN}/`, async () => {
    const offsite = requests.filter(
      (u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert(requests.length > 0, 'no requests were recorded');
    assertEq(offsite, [], 'off-origin requests');
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (context) await context.close().catch(() => {});
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(profile, { recursive: true, force: true });
}

finish();
