// End-to-end test of the <pith-summary> widget in headless Chromium (playwright-core, no
// downloads): the example pages in www/examples/ and the npm package layout.
//
//   make wasm && node tests/e2e/widget.test.mjs
//
// Plain Node script: prints TAP-like `ok N - name` / `not ok N - name` lines and a final
// `# widget e2e: N passed, M failed` summary; exits non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq, assertServed, get, serveDir } from './harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'tests', 'e2e', 'out');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 20_000;
const LONG_WAIT_MS = 60_000;
const LEAD = 'Councillors in Port Ellery voted on Monday night';
const HEADLINE = 'Harbour council backs £40m sea wall after stormy debate';
// Text on article.html outside the article: navigation, byline, caption, related links,
// topics, readers' comments, sidebar and footer. None of it may reach the analysed text.
const NOT_ARTICLE = [
  'Comments (3)',
  'Forty million pounds for a wall',
  'My grandparents lost their house',
  'footpath along the quay',
  'Opinion',
  'By Ruth Allingham',
  'Photograph: Courier staff',
  'Related stories',
  'Marsh Road flooded for the third time',
  'Topics:',
  'Most read',
  'Ferry timetable',
  'Sign up for our free newsletter',
  'invented newspaper',
  'Summarised in your browser',
];
const HTML_SINKS = /innerHTML|outerHTML|insertAdjacentHTML|document\.write/;
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

// Paragraphs of the reference article (whitespace collapsed), for the lifecycle tests.
const FIXTURE_PARAGRAPHS = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt'), 'utf8')
  .split(/\n\s*\n/).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
// Thai (a script pith has no stemmer for): analysed as "und" unless a hint says otherwise.
const THAI = 'สภาเมืองลงมติสร้างกำแพงกันคลื่นเมื่อคืนวันจันทร์ หลังจากการถกเถียงกันมานานสองปี ชาวบ้านหลายคนกล่าวว่าพวกเขากังวลเรื่องน้ำท่วม';
// Sentences of a card whose <header> the walk leaves out (the DOM text test).
const CARD_SENTENCES = [
  'The harbour board approved the new ferry timetable on Tuesday after a long meeting.',
  'Ferries will now leave every forty minutes during the summer months.',
  'The board said the change would cost the town nothing, and fares would stay the same.',
];

const { test, bail, finish } = harness('widget e2e');

const squash = (s) => String(s).replace(/\s+/g, ' ').trim();



for (const f of ['pith.js', 'pith_bg.wasm']) {
  if (!fs.existsSync(path.join(ROOT, 'pkg', f))) bail(`pkg/${f} is missing: run \`make wasm\` first`);
}
if (!fs.existsSync(CHROMIUM)) bail(`no Chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);

const { chromium } = await import('playwright-core');
const { start, CSP } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));
const { buildPackage } = await import(path.join(ROOT, 'scripts', 'package.mjs'));

const watchdog = setTimeout(() => bail('timed out after 300 s'), 300_000);
watchdog.unref();

const server = await start({ port: 0, host: '127.0.0.1' });
const { port } = server.address();
const ORIGIN = `http://127.0.0.1:${port}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-widget-e2e-'));
const packageRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-package-'));
let packageServer;
let context;

const requests = [];
const consoleErrors = [];
const pageErrors = [];

/** Records, from the first script of every page: widget events, CSP violations, a 10 ms tick. */
function probe() {
  window.__pith = { events: [], errors: [], csp: [], ticks: [] };
  document.addEventListener('pith:analysed', (e) => {
    window.__pith.events.push({
      at: performance.now(),
      ms: e.detail.ms,
      extractMs: e.detail.extractMs,
      mode: e.detail.mode,
      bubbles: e.bubbles,
      composed: e.composed,
      target: e.target.localName,
      sameAsProperty: e.target.analysis === e.detail.analysis,
      textMatches: e.target.text === e.detail.text,
      summary: e.detail.analysis.summary.map((s) => s.text),
      length: e.detail.text.length,
    });
  });
  document.addEventListener('pith:error', (e) => window.__pith.errors.push({ ...e.detail, target: e.target.id }));
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__pith.csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  setInterval(() => window.__pith.ticks.push(performance.now()), 10);
  // The 10 ms ticks while analysis `e` ran (from its start to the event), the longest gap
  // between them, and the gaps at its edges (last tick before -> first inside, last inside ->
  // first after: reading the page before, taking the result and rendering after).
  window.__gapDuring = (e) => {
    const all = window.__pith.ticks;
    const start = e.at - e.ms;
    const inside = all.filter((t) => t > start && t < e.at);
    const before = all.filter((t) => t <= start).pop();
    const after = all.find((t) => t >= e.at);
    let gap = 0;
    for (let i = 1; i < inside.length; i++) gap = Math.max(gap, inside[i] - inside[i - 1]);
    const edge = (a, b) => (a === undefined || b === undefined ? 0 : b - a);
    return {
      ticks: inside.length,
      gap,
      head: edge(before, inside.length ? inside[0] : after),
      tail: inside.length ? edge(inside[inside.length - 1], after) : 0,
    };
  };
}

const waitEvents = (page, count, timeout = WAIT_MS) =>
  page.waitForFunction((c) => window.__pith.events.length >= c, count, { timeout });

/** Text of the named highlight's ranges (whitespace squashed), or of the selection. */
const marked = (page) => page.evaluate(() => {
  const name = document.querySelector('pith-summary').highlightName;
  const h = globalThis.CSS && CSS.highlights && CSS.highlights.get(name);
  const ranges = h ? [...h] : [];
  return {
    ranges: ranges.map((r) => r.toString().replace(/\s+/g, ' ').trim()),
    inArticle: ranges.map((r) => Boolean(r.startContainer.parentElement && r.startContainer.parentElement.closest('article'))),
    visible: ranges.map((r) => {
      const box = r.getBoundingClientRect();
      return box.bottom > 0 && box.top < window.innerHeight;
    }),
    selection: String(document.getSelection()).replace(/\s+/g, ' ').trim(),
  };
});

try {
  // ---------------------------------------------------------------- files and server
  await test('www/ never uses innerHTML, outerHTML, insertAdjacentHTML or document.write', async () => {
    const hits = [];
    const walk = (dir) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (HTML_SINKS.test(fs.readFileSync(p, 'utf8'))) hits.push(path.relative(ROOT, p));
      }
    };
    walk(path.join(ROOT, 'www'));
    assertEq(hits, [], 'files with HTML-parsing sinks');
  });

  await test('server: the element, its stylesheet, worker and example pages with the right types', async () => {
    const cases = [
      ['/pith-summary.js', 'text/javascript'],
      ['/pith-worker.js', 'text/javascript'],
      ['/pith-summary.css', 'text/css'],
      ['/pith-summary.d.ts', 'text/plain'],
      ['/examples/article.html', 'text/html'],
      ['/examples/csp.html', 'text/html'],
      ['/examples/long.html', 'text/html'],
      ['/examples/long.js', 'text/javascript'],
    ];
    await assertServed(port, cases);
    const csp = await get(port, '/examples/csp.html');
    assert(csp.headers['content-security-policy'].includes("style-src 'self'"), 'csp.html lacks the CSP header');
    assert(/http-equiv="Content-Security-Policy"/.test(csp.body.toString()), 'csp.html lacks the CSP meta tag');
  });

  // ---------------------------------------------------------------- browser
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
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
  await context.addInitScript(probe);
  const watch = (page) => {
    page.setDefaultTimeout(WAIT_MS);
    page.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => pageErrors.push(`${page.url()}: ${err && err.message ? err.message : err}`));
    return page;
  };
  const page = watch(context.pages()[0] || (await context.newPage()));
  const widget = page.locator('pith-summary').first();

  // ---------------------------------------------------------------- article.html
  await test('article.html: the widget finds the article by itself', async () => {
    await page.goto(`${ORIGIN}/examples/article.html`);
    await waitEvents(page, 1);
    const text = await page.evaluate(() => document.querySelector('pith-summary').text);
    assert(text.startsWith(HEADLINE), `text does not start with the headline: ${text.slice(0, 120)}`);
    assert(text.includes(LEAD), 'text lacks the lead paragraph');
    assert(text.includes('The decision now goes to the regional planning inspector'), 'text lacks the last paragraph');
    const leaked = NOT_ARTICLE.filter((s) => text.includes(s));
    assertEq(leaked, [], 'non-article text in the analysed text');
    const paragraphs = text.split('\n\n');
    assertEq(paragraphs.length, 10, 'headline + 9 paragraphs');
  });

  await test('article.html: the summary starts with the lead', async () => {
    const items = (await widget.locator('.sentences li').allTextContents()).map(squash);
    assertEq(items.length, 3, 'summary items');
    assert(items[0].startsWith(LEAD), `first summary item: ${items[0]}`);
  });

  await test('analysis property and a bubbling, composed pith:analysed event', async () => {
    const events = await page.evaluate(() => window.__pith.events);
    assertEq(events.length, 1, 'pith:analysed events');
    const [e] = events;
    assertEq([e.bubbles, e.composed, e.target, e.sameAsProperty, e.textMatches, e.mode],
      [true, true, 'pith-summary', true, true, 'main'], 'event bubbles, composed, target, detail === analysis, mode');
    const property = await page.evaluate(() => {
      const a = document.querySelector('pith-summary').analysis;
      return { language: a.language, summary: a.summary.map((s) => s.text), actors: a.actors.length };
    });
    assertEq(property.language, 'en', 'analysis.language');
    assertEq(property.summary, e.summary, 'analysis.summary equals the event detail');
    assert(property.actors > 0, 'no actors');
  });

  await test('actors: the box lists the first 8 actors with confidence >= actorDisplayConfidence()', async () => {
    const r = await widget.evaluate(async (el) => {
      const { actorDisplayConfidence } = await import('/pkg/pith.js');
      return {
        threshold: actorDisplayConfidence(),
        actors: el.analysis.actors.map((a) => [a.name, a.confidence]),
        shown: [...el.shadowRoot.querySelectorAll('.actor .name')].map((n) => n.textContent),
        more: el.shadowRoot.querySelector('.actors + .more')?.textContent ?? null,
      };
    });
    const sure = r.actors.filter(([, c]) => c >= r.threshold).map(([name]) => name);
    assert(sure.length > 0, `no actor at or over ${r.threshold}: ${JSON.stringify(r.actors)}`);
    for (const name of r.shown) {
      const [, c] = r.actors.find(([n]) => n === name);
      assert(c >= r.threshold, `${name} shown with confidence ${c} < ${r.threshold}`);
    }
    assertEq(r.shown, sure.slice(0, 8), 'actors shown');
    assertEq(r.more, sure.length > 8 ? `and ${sure.length - 8} more` : null, '"and N more" line');
  });

  await test('actors: a name under the threshold is not shown, on the main thread and from the worker', async () => {
    // A page of its own: the widgets added here fire pith:analysed, which later tests count.
    const p = watch(await context.newPage());
    await p.goto(`${ORIGIN}/examples/article.html`);
    await waitEvents(p, 1);
    const r = await p.evaluate(async ([mixed, lowOnly]) => {
      const { actorDisplayConfidence } = await import('/pkg/pith.js');
      const cases = [['mixed-main', mixed, 'off'], ['mixed-worker', mixed, 'on'], ['low-main', lowOnly, 'off']];
      const out = { threshold: actorDisplayConfidence() };
      for (const [id, text, worker] of cases) {
        const article = document.createElement('div');
        article.id = `${id}-article`;
        article.textContent = text;
        document.body.append(article);
        const el = document.createElement('pith-summary');
        el.setAttribute('for', article.id);
        el.setAttribute('sections', 'actors');
        el.setAttribute('worker', worker);
        let mode = null;
        el.addEventListener('pith:analysed', (e) => { mode = e.detail.mode; });
        document.body.append(el);
        const analysis = await el.refresh();
        out[id] = {
          mode,
          actors: analysis.actors.map((a) => [a.name, a.confidence]),
          shown: [...el.shadowRoot.querySelectorAll('.actor .name')].map((n) => n.textContent),
          empty: el.shadowRoot.querySelector('.section.actors .empty')?.textContent ?? null,
        };
        el.remove();
        article.remove();
      }
      return out;
    }, [MIXED_TEXT, LOW_ONLY_TEXT]);
    await p.close();
    for (const [id, mode] of [['mixed-main', 'main'], ['mixed-worker', 'worker']]) {
      const c = r[id];
      assertEq(c.mode, mode, `${id}: mode`);
      assertEq(c.actors.map(([name]) => name), ['Jane Holloway', LOW_ACTOR], `${id}: precondition, the actors analyze finds`);
      assert(c.actors[0][1] >= r.threshold && c.actors[1][1] < r.threshold,
        `${id}: precondition, Jane Holloway at or over ${r.threshold}, ${LOW_ACTOR} under it: ${JSON.stringify(c.actors)}`);
      assertEq(c.shown, ['Jane Holloway'], `${id}: actors shown`);
      assertEq(c.empty, null, `${id}: empty message`);
    }
    const low = r['low-main'];
    assertEq(low.actors.map(([name]) => name), [LOW_ACTOR], 'low only: precondition, the actors analyze finds');
    assert(low.actors[0][1] < r.threshold, `low only: precondition, ${LOW_ACTOR} under ${r.threshold}: ${low.actors[0][1]}`);
    assertEq(low.shown, [], 'low only: actors shown');
    assertEq(low.empty, 'No actors found.', 'low only: empty message');
  });

  await test('accessible markup: captioned positions table, header cells, labelled sections, live status', async () => {
    assertEq(await widget.locator('table caption').count(), 1, 'caption');
    const cols = (await widget.locator('table thead th[scope="col"]').allTextContents()).map(squash);
    assertEq(cols, ['Who', 'Stance', 'Claim', 'Evidence'], 'column headers');
    const rows = await widget.locator('table tbody tr').count();
    assert(rows > 0, 'no position rows');
    assertEq(await widget.locator('table tbody th[scope="row"]').count(), rows, 'row headers');
    assertEq(await widget.locator('[role="status"][aria-live="polite"]').count(), 1, 'live status');
    const labels = await widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('section[aria-labelledby]')]
      .map((s) => Boolean(el.shadowRoot.getElementById(s.getAttribute('aria-labelledby')))));
    assert(labels.length >= 5 && labels.every(Boolean), `sections without a label: ${JSON.stringify(labels)}`);
    const untyped = await widget.locator('button:not([type="button"])').count();
    assertEq(untyped, 0, 'buttons without type="button"');
    const names = (await widget.locator('.section-title').allTextContents()).map(squash);
    assertEq(names, ['Summary', 'Key actors', 'Positions', 'Keywords'], 'default sections in order');
  });

  await test('styles come from the stylesheet link (no <style>, no style attributes) and apply', async () => {
    const info = await widget.evaluate((el) => ({
      links: [...el.shadowRoot.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname),
      styles: el.shadowRoot.querySelectorAll('style, [style]').length,
      display: getComputedStyle(el).display,
      radius: getComputedStyle(el.shadowRoot.querySelector('.box')).borderTopLeftRadius,
    }));
    assertEq(info.links, ['/pith-summary.css'], 'stylesheet links');
    assertEq(info.styles, 0, '<style> elements or style attributes');
    assertEq([info.display, info.radius], ['block', '12px'], 'host display and box radius from the stylesheet');
  });

  await test('keyboard: Tab reaches the summary sentences and Enter highlights one', async () => {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.activeElement.blur();
    });
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => {
        const a = document.activeElement;
        return a && a.localName === 'pith-summary' && a.shadowRoot.activeElement?.classList.contains('jump');
      });
    }
    assert(found, 'no summary button reached with Tab');
    await page.keyboard.press('Enter');
    const m = await marked(page);
    const first = (await widget.locator('.sentences li').first().textContent()).trim();
    assertEq(m.ranges, [squash(first)], 'highlighted text after Enter');
  });

  await test('highlight: a summary sentence is marked in the article, the page DOM unchanged', async () => {
    const before = await page.evaluate(() => document.body.outerHTML);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    const button = widget.locator('.sentences button').nth(1);
    const want = squash(await button.textContent());
    await button.click();
    const m = await marked(page);
    assertEq(m.ranges, [want], 'highlighted text');
    assertEq(m.inArticle, [true], 'highlight inside <article>');
    assertEq(m.visible, [true], 'highlight scrolled into view');
    const after = await page.evaluate(() => document.body.outerHTML);
    assert(before === after, 'document.body.outerHTML changed');
  });

  await test('highlight: a position\'s evidence is marked; Escape clears it', async () => {
    const expected = await page.evaluate(() => {
      const a = document.querySelector('pith-summary').analysis;
      return a.sentences[a.positions[0].sentence].text;
    });
    const before = await page.evaluate(() => document.body.outerHTML);
    await widget.locator('table tbody tr').first().locator('button').click();
    const m = await marked(page);
    assertEq(m.ranges, [squash(expected)], 'highlighted evidence');
    assert(before === await page.evaluate(() => document.body.outerHTML), 'document.body.outerHTML changed');
    await page.keyboard.press('Escape');
    assertEq((await marked(page)).ranges, [], 'highlight after Escape');
  });

  await test('theming: dark colour scheme and custom properties reach the shadow box', async () => {
    const bg = () => widget.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.box')).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await bg();
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await bg();
    assert(light !== dark, `same background in light and dark: ${light}`);
    await widget.evaluate((el) => el.style.setProperty('--pith-bg', 'rgb(1, 2, 3)'));
    assertEq(await bg(), 'rgb(1, 2, 3)', 'background from --pith-bg');
    await widget.evaluate((el) => el.style.removeProperty('--pith-bg'));
    await page.emulateMedia({ colorScheme: 'light' });
  });

  await test('attributes: sentences="2" and sections="keywords summary" re-render', async () => {
    await widget.evaluate((el) => el.setAttribute('sentences', '2'));
    await waitEvents(page, 2);
    assertEq(await widget.locator('.sentences li').count(), 2, 'summary items');
    await widget.evaluate((el) => el.setAttribute('sections', 'keywords summary'));
    const names = (await widget.locator('.section-title').allTextContents()).map(squash);
    assertEq(names, ['Keywords', 'Summary'], 'sections shown');
    assert(await widget.locator('.chip').count() > 0, 'no keyword chips');
  });

  await test('missing, empty or invalid sources and a page without an article: a polite message', async () => {
    const results = await page.evaluate(async () => {
      const cases = [
        ['missing', { for: 'no-such-article' }],
        ['empty', { selector: '#empty-article' }],
        ['invalid', { selector: '[[[' }],
      ];
      const empty = document.createElement('div');
      empty.id = 'empty-article';
      document.querySelector('main').append(empty);
      const out = {};
      for (const [id, attrs] of cases) {
        const el = document.createElement('pith-summary');
        el.id = id;
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        document.querySelector('aside').append(el);
        await el.refresh();
        out[id] = {
          message: el.shadowRoot.querySelector('.message')?.textContent,
          status: el.shadowRoot.querySelector('[role="status"]').textContent,
          analysis: el.analysis,
        };
      }
      // The auto-detecting widget on a page whose article is gone.
      document.querySelector('article').remove();
      const main = document.querySelector('pith-summary');
      await main.refresh();
      out.auto = { message: main.shadowRoot.querySelector('.message')?.textContent, analysis: main.analysis };
      return out;
    });
    assert(/no article element with the id “no-such-article”/.test(results.missing.message), `missing: ${JSON.stringify(results.missing)}`);
    assert(/no text to summarise/.test(results.empty.message), `empty: ${JSON.stringify(results.empty)}`);
    assert(/not a valid CSS selector/.test(results.invalid.message), `invalid: ${JSON.stringify(results.invalid)}`);
    assert(/No article text was found/.test(results.auto.message), `auto: ${JSON.stringify(results.auto)}`);
    for (const r of Object.values(results)) assertEq(r.analysis, null, 'analysis after a message');
    assertEq(results.missing.status, 'Nothing to summarise.', 'status line');
    const errors = await page.evaluate(() => window.__pith.errors.map((e) => e.reason));
    assertEq(errors, ['missing', 'empty', 'missing', 'empty'], 'pith:error reasons');
    assertEq(pageErrors, [], 'page errors');
  });

  await test('selection fallback when the Custom Highlight API is missing; clearHighlight() clears it', async () => {
    const p = watch(await context.newPage());
    await p.addInitScript(() => Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true }));
    await p.goto(`${ORIGIN}/examples/article.html`);
    await waitEvents(p, 1);
    const before = await p.evaluate(() => document.body.outerHTML);
    const button = p.locator('pith-summary .sentences button').first();
    const want = squash(await button.textContent());
    await button.click();
    const m = await marked(p);
    assertEq(m.selection, want, 'selected text');
    assert(before === await p.evaluate(() => document.body.outerHTML), 'document.body.outerHTML changed');
    // clearHighlight() removes the selection it made, and only that one.
    const cleared = await p.evaluate(() => {
      const el = document.querySelector('pith-summary');
      el.clearHighlight();
      const afterClear = String(document.getSelection());
      el.showSentence(el.analysis.summary[0].sentence);
      const range = document.createRange();
      range.selectNodeContents(document.querySelector('h1'));
      document.getSelection().removeAllRanges();
      document.getSelection().addRange(range);
      el.clearHighlight();
      return { afterClear, userSelection: String(document.getSelection()) };
    });
    assertEq(cleared.afterClear, '', 'selection after clearHighlight()');
    assertEq(cleared.userSelection, HEADLINE, 'a selection the widget did not make stays');
    await p.close();
  });

  // ---------------------------------------------------------------- csp.html
  await test('csp.html: analysed with for="story", highlight works, zero CSP violations', async () => {
    const p = watch(await context.newPage());
    const errorsBefore = consoleErrors.length;
    await p.goto(`${ORIGIN}/examples/csp.html`);
    await waitEvents(p, 1);
    const text = await p.evaluate(() => document.querySelector('pith-summary').text);
    assert(text.startsWith('County library service to keep village branches open'), `text: ${text.slice(0, 80)}`);
    assertEq(await p.locator('pith-summary .sentences li').count(), 2, 'sentences="2"');
    await p.locator('pith-summary .sentences button').first().click();
    await p.locator('pith-summary table tbody tr button').first().click();
    assertEq((await marked(p)).ranges.length, 1, 'highlight ranges');
    await p.waitForTimeout(200);
    assertEq(await p.evaluate(() => window.__pith.csp), [], 'securitypolicyviolation events');
    assertEq(consoleErrors.slice(errorsBefore), [], 'console errors');
    await p.close();
  });

  // ---------------------------------------------------------------- long.html
  await test('long.html: ~100k words analysed in the worker while the main thread keeps ticking', async () => {
    const p = watch(await context.newPage());
    const wasmBefore = requests.filter((u) => u.endsWith('/pith_bg.wasm')).length;
    await p.goto(`${ORIGIN}/examples/long.html`);
    await waitEvents(p, 1, LONG_WAIT_MS);
    await p.waitForTimeout(100);
    const r = await p.evaluate(async () => {
      const { WORKER_THRESHOLD } = await import('/pith-summary.js');
      const [e] = window.__pith.events;
      const words = document.querySelector('pith-summary').text.split(/\s+/).length;
      return { mode: e.mode, ms: e.ms, extractMs: e.extractMs, length: e.length, words, threshold: WORKER_THRESHOLD, ...window.__gapDuring(e) };
    });
    const ms = (x) => `${Math.round(x)} ms`;
    console.log(`# long.html: ${r.words} words, ${r.length} UTF-16 units; reading the page ${ms(r.extractMs)}, ` +
      `worker ${ms(r.ms)} with ${r.ticks} main-thread ticks, longest gap ${ms(r.gap)} (edges ${ms(r.head)}, ${ms(r.tail)})`);
    assert(r.words > 95_000, `only ${r.words} words`);
    assert(r.length >= r.threshold, `text ${r.length} below the worker threshold ${r.threshold}`);
    assertEq(r.mode, 'worker', 'analysis mode');
    // Behaviour, not a number of milliseconds (a loaded machine stretches every gap): the page's
    // 10 ms timer ran while the worker analysed, so the main thread was not blocked for the
    // whole analysis; the control below (worker="off") shows it does not tick when it is.
    assert(r.ticks >= 2, `the main thread ticked ${r.ticks} times during the worker's analysis`);
    const wasm = requests.filter((u) => u.endsWith('/pith_bg.wasm')).length - wasmBefore;
    assertEq(wasm, 1, 'pith_bg.wasm fetches (the worker reuses the compiled module)');
    assert(requests.some((u) => u.endsWith('/pith-worker.js')), 'pith-worker.js was never requested');
    // The probe's control: the same text on the main thread (worker="off") blocks it.
    await p.evaluate(() => document.querySelector('pith-summary').setAttribute('worker', 'off'));
    await waitEvents(p, 2, LONG_WAIT_MS);
    await p.waitForTimeout(100);
    const main = await p.evaluate(() => {
      const e = window.__pith.events[1];
      return { mode: e.mode, ms: e.ms, ...window.__gapDuring(e) };
    });
    console.log(`# long.html with worker="off": main thread ${ms(main.ms)} with ${main.ticks} ticks`);
    assertEq(main.mode, 'main', 'mode with worker="off"');
    assert(main.ticks <= 1, `the probe ticked ${main.ticks} times during a main-thread analysis`);
    // The highlight maps into a page this long too.
    const button = p.locator('pith-summary .sentences button').first();
    const want = squash(await button.textContent());
    await button.click();
    assertEq((await marked(p)).ranges, [want], 'highlighted text on the long page');
    await p.close();
  });

  // ---------------------------------------------------------------- lifecycle
  // tests/fixtures/widget/lifecycle.html: an empty page whose Worker constructor runs the real
  // pith-worker.js behind test hooks (a job that hangs, a wasm trap on demand) and records
  // every worker (window.__workers); window.__log has every widget event by widget id.
  const lifecyclePage = async () => {
    const p = watch(await context.newPage());
    await p.goto(`${ORIGIN}/fixtures/widget/lifecycle.html`);
    await p.waitForFunction(() => customElements.get('pith-summary') && window.__addWidget);
    return p;
  };
  const waitLog = (p, id, count = 1, timeout = WAIT_MS) =>
    p.waitForFunction(([i, c]) => window.__log.filter((e) => e.id === i).length >= c, [id, count], { timeout });
  const logOf = (p, id) => p.evaluate((i) => window.__log.filter((e) => e.id === i), id);
  // Waits until the newest worker has been sent an analysis (the job is running there).
  const waitJobPosted = (p) => p.waitForFunction(() => {
    const w = window.__workers[window.__workers.length - 1];
    return Boolean(w && w.posted.includes('analyze'));
  });
  const ARTICLE_A = FIXTURE_PARAGRAPHS.slice(2, 6);
  const ARTICLE_B = FIXTURE_PARAGRAPHS.slice(6, 10);
  const HANG = ['This article never finishes: pith-test:hang.', ...ARTICLE_B.slice(0, 1)];
  const TRAP = ['This article makes the analyser trap: pith-test:trap.', ...ARTICLE_B.slice(0, 1)];

  await test('lifecycle: two widgets keep their own highlights; a refresh of one leaves the other\'s', async () => {
    const p = await lifecyclePage();
    await p.evaluate(([a, b]) => {
      window.__addWidget('one', a, { highlight: '', worker: 'off' });
      window.__addWidget('two', b, { highlight: '', worker: 'off' });
    }, [ARTICLE_A, ARTICLE_B]);
    await waitLog(p, 'one');
    await waitLog(p, 'two');
    const r = await p.evaluate(async () => {
      const squash = (s) => s.replace(/\s+/g, ' ').trim();
      const marks = (name) => {
        const h = CSS.highlights.get(name);
        return h ? [...h].map((range) => [squash(range.toString()), range.startContainer.parentElement.closest('div').id]) : null;
      };
      const [one, two] = [document.getElementById('one'), document.getElementById('two')];
      const first = (el) => el.analysis.summary[0].sentence;
      const want = (el, article) => [[squash(el.analysis.sentences[first(el)].text), article]];
      one.showSentence(first(one));
      two.showSentence(first(two));
      const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((rule) => rule.selectorText));
      const both = { one: marks(one.highlightName), two: marks(two.highlightName), size: CSS.highlights.size, rules: rules() };
      await two.refresh();
      const afterRefresh = { one: marks(one.highlightName), two: marks(two.highlightName) };
      return {
        names: [one.highlightName, two.highlightName],
        want: [want(one, 'one-article'), want(two, 'two-article')],
        both,
        afterRefresh,
      };
    });
    assert(r.names[0] !== r.names[1], `both widgets use the highlight name ${r.names[0]}`);
    assertEq(r.both.one, r.want[0], 'widget one\'s highlight');
    assertEq(r.both.two, r.want[1], 'widget two\'s highlight');
    assertEq(r.both.size, 2, 'CSS.highlights.size with both marked');
    for (const name of r.names) assert(r.both.rules.includes(`::highlight(${name})`), `no ::highlight(${name}) rule: ${r.both.rules}`);
    assertEq(r.afterRefresh.one, r.want[0], 'widget one\'s highlight after widget two refreshed');
    assertEq(r.afterRefresh.two, null, 'widget two\'s highlight after its own refresh');
    await p.close();
  });

  await test('lifecycle: removing a widget releases its highlight, its style rule and its listeners', async () => {
    const p = await lifecyclePage();
    await p.evaluate((a) => window.__addWidget('three', a, { highlight: '', worker: 'off' }), ARTICLE_A);
    await waitLog(p, 'three');
    const cdp = await context.newCDPSession(p);
    const listeners = async (expression) => {
      const { result } = await cdp.send('Runtime.evaluate', { expression });
      const { listeners: all } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
      return all.map((l) => l.type).sort();
    };
    const documentBefore = await listeners('document');
    await p.evaluate(() => window.__shadow = document.getElementById('three').shadowRoot);
    const shadowConnected = await listeners('window.__shadow');
    const before = await p.evaluate(() => {
      const el = document.getElementById('three');
      el.showSentence(el.analysis.summary[0].sentence);
      return { name: el.highlightName, has: CSS.highlights.has(el.highlightName), size: CSS.highlights.size };
    });
    const after = await p.evaluate(() => {
      const el = document.getElementById('three');
      el.remove();
      const rules = document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((rule) => rule.selectorText));
      return { has: CSS.highlights.has(el.highlightName), size: CSS.highlights.size, rules };
    });
    const shadowRemoved = await listeners('window.__shadow');
    const documentAfter = await listeners('document');
    await cdp.detach();
    assertEq([before.has, before.size], [true, 1], 'highlight while connected');
    assertEq([after.has, after.size], [false, 0], 'highlight after removal');
    assert(!after.rules.includes(`::highlight(${before.name})`), `the ::highlight(${before.name}) rule stayed`);
    assertEq(shadowConnected, ['keydown'], 'listeners on the shadow root while connected');
    assertEq(shadowRemoved, [], 'listeners on the shadow root after removal');
    assertEq(documentAfter, documentBefore, 'listeners on the document after removal');
    await p.close();
  });

  await test('lifecycle: removing a widget mid-analysis ends its worker job; nothing is rendered; re-adding analyses again', async () => {
    const p = await lifecyclePage();
    await p.evaluate((a) => {
      const el = window.__addWidget('four', a, { worker: '' });
      window.__four = el;
      window.__pending = el.refresh();
    }, HANG);
    await waitJobPosted(p);
    const r = await p.evaluate(async () => {
      const el = document.getElementById('four');
      el.remove();
      const resolved = await window.__pending;
      // A few frames for anything that could still arrive.
      // Each frame is bounded: headless Chromium under load can stop producing frames.
      for (let i = 0; i < 10; i++) {
        await new Promise((done) => {
          const fallback = setTimeout(done, 100);
          requestAnimationFrame(() => {
            clearTimeout(fallback);
            done();
          });
        });
      }
      return {
        resolved,
        workers: window.__workers.map((w) => w.terminated),
        log: window.__log.filter((e) => e.id === 'four'),
        busy: el.shadowRoot.querySelector('.box').hasAttribute('aria-busy'),
        body: el.shadowRoot.querySelector('.body').textContent,
      };
    });
    assertEq(r.resolved, null, 'refresh() of the removed widget');
    assertEq(r.workers, [true], 'the worker running its job is terminated');
    assertEq(r.log, [], 'events of the removed widget');
    assertEq([r.busy, r.body], [false, ''], 'nothing rendered, not busy');
    await p.evaluate((b) => {
      const el = window.__four;
      document.getElementById('four-article').replaceChildren(...b.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
      document.querySelector('main').append(el);
    }, ARTICLE_B);
    await waitLog(p, 'four');
    const again = await p.evaluate(() => ({ log: window.__log.filter((e) => e.id === 'four'), workers: window.__workers.map((w) => w.terminated) }));
    assertEq(again.log.map((e) => [e.type, e.mode]), [['analysed', 'worker']], 're-added: analysed in the worker');
    assertEq(again.workers, [true, false], 'a fresh worker for the re-added widget');
    await p.close();
  });

  await test('lifecycle: a second request while the first runs in the worker gets its result; the first is never rendered', async () => {
    const p = await lifecyclePage();
    await p.evaluate((a) => {
      const el = window.__addWidget('five', a, { worker: '' });
      window.__first = el.refresh();
    }, HANG);
    await waitJobPosted(p);
    const r = await p.evaluate(async (b) => {
      const el = document.getElementById('five');
      document.getElementById('five-article').replaceChildren(...b.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
      const second = el.refresh();
      const [first, last] = await Promise.all([window.__first, second]);
      return {
        same: first === last && last === el.analysis,
        text: el.text,
        log: window.__log.filter((e) => e.id === 'five').map((e) => [e.type, e.mode, e.text.includes('pith-test')]),
        workers: window.__workers.map((w) => [w.terminated, w.answers.length]),
      };
    }, ARTICLE_B);
    assert(r.same, 'the first refresh() does not resolve to the second\'s analysis');
    assert(r.text.startsWith(ARTICLE_B[0].slice(0, 40)), `analysed text: ${r.text.slice(0, 80)}`);
    assertEq(r.log, [['analysed', 'worker', false]], 'events: the second analysis only');
    assertEq(r.workers, [[true, 0], [false, 1]], 'workers: the busy one terminated unanswered, a fresh one answered');
    await p.close();
  });

  await test('lifecycle: a timeout (property) stops the worker; the next analysis gets a fresh one', async () => {
    const p = await lifecyclePage();
    const r = await p.evaluate(async ([hang, b]) => {
      const { DEFAULT_TIMEOUT } = await import('/pith-summary.js');
      const fresh = document.createElement('pith-summary');
      const el = document.createElement('pith-summary');
      el.timeout = 300;
      const attr = el.getAttribute('timeout');
      const defaults = [DEFAULT_TIMEOUT, fresh.timeout];
      window.__addWidget('six', hang, { worker: '', timeout: attr });
      const six = document.getElementById('six');
      const failed = await six.refresh();
      const afterTimeout = {
        failed,
        log: window.__log.filter((e) => e.id === 'six').map((e) => [e.type, e.reason, e.message]),
        workers: window.__workers.map((w) => w.terminated),
        status: six.shadowRoot.querySelector('[role="status"]').textContent,
      };
      six.removeAttribute('timeout');
      document.getElementById('six-article').replaceChildren(...b.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
      const next = await six.refresh();
      return {
        attr,
        defaults,
        afterTimeout,
        next: next && next.summary.length,
        log: window.__log.filter((e) => e.id === 'six').map((e) => [e.type, e.mode || e.reason]),
        workers: window.__workers.map((w) => w.terminated),
      };
    }, [HANG, ARTICLE_B]);
    assertEq(r.attr, '300', 'the timeout property sets the attribute');
    assertEq(r.defaults, [30000, 30000], 'DEFAULT_TIMEOUT and the property without the attribute');
    assertEq(r.afterTimeout.failed, null, 'refresh() after a timeout');
    assertEq(r.afterTimeout.log.map(([type, reason]) => [type, reason]), [['error', 'timeout']], 'event after a timeout');
    assert(/took longer than 300 ms/.test(r.afterTimeout.log[0][2]), `message: ${r.afterTimeout.log[0][2]}`);
    assertEq(r.afterTimeout.workers, [true], 'the timed-out worker is terminated');
    assertEq(r.afterTimeout.status, 'The analysis took too long.', 'status line');
    assert(r.next > 0, 'no summary after the timeout');
    assertEq(r.log, [['error', 'timeout'], ['analysed', 'worker']], 'events');
    assertEq(r.workers, [true, false], 'a fresh worker after the timeout');
    await p.close();
  });

  await test('lifecycle: a wasm trap in the worker gets a fresh worker; the next analysis works', async () => {
    const p = await lifecyclePage();
    const r = await p.evaluate(async ([trap, b]) => {
      const el = window.__addWidget('seven', trap, { worker: '' });
      const failed = await el.refresh();
      const workersAfterTrap = window.__workers.map((w) => w.terminated);
      document.getElementById('seven-article').replaceChildren(...b.map((t) => Object.assign(document.createElement('p'), { textContent: t })));
      const next = await el.refresh();
      return {
        failed,
        workersAfterTrap,
        next: next && next.summary.length,
        log: window.__log.filter((e) => e.id === 'seven').map((e) => [e.type, e.mode || e.reason, e.message || '']),
        workers: window.__workers.map((w) => w.terminated),
      };
    }, [TRAP, ARTICLE_B]);
    assertEq(r.failed, null, 'refresh() after the trap');
    assertEq(r.workersAfterTrap, [true], 'the worker that trapped is terminated');
    assert(r.next > 0, 'no summary after the trap');
    assertEq(r.log.map(([type, what]) => [type, what]), [['error', 'error'], ['analysed', 'worker']], 'events');
    assert(/analyser crashed \(unreachable/.test(r.log[0][2]), `message: ${r.log[0][2]}`);
    assertEq(r.workers, [true, false], 'a fresh worker after the trap');
    await p.close();
  });

  await test('lifecycle: a wasm trap on the main thread gets a fresh instance; the next analysis works', async () => {
    const p = await lifecyclePage();
    const before = requests.length;
    const r = await p.evaluate(async (a) => {
      const el = window.__addWidget('eight', a, { worker: 'off' });
      const first = await el.refresh();
      const instances = window.__pithTrap.instances;
      window.__pithTrap.armed = true;
      const failed = await el.refresh();
      const next = await el.refresh();
      return {
        first: first && first.summary.map((s) => s.text),
        failed,
        next: next && next.summary.map((s) => s.text),
        instances: [instances, window.__pithTrap.instances],
        log: window.__log.filter((e) => e.id === 'eight').map((e) => [e.type, e.mode || e.reason, e.message || '']),
      };
    }, ARTICLE_A);
    assertEq(r.failed, null, 'refresh() that trapped');
    assertEq(r.next, r.first, 'the summary from the fresh instance');
    assertEq(r.instances, [1, 2], 'wasm instances on the page before and after the trap');
    assertEq(r.log.map(([type, what]) => [type, what]), [['analysed', 'main'], ['error', 'error'], ['analysed', 'main']], 'events');
    assert(/analyser crashed \(unreachable/.test(r.log[1][2]), `message: ${r.log[1][2]}`);
    const glue = requests.slice(before).filter((u) => new URL(u).pathname === '/pkg/pith.js').map((u) => new URL(u).search);
    assert(glue.includes('?instance=1'), `pith.js not loaded again for the fresh instance: ${JSON.stringify(glue)}`);
    await p.close();
  });

  await test('article-lang: the article\'s language is its own attribute; the page\'s lang is a hint; the UI stays lang="en"', async () => {
    const p = await lifecyclePage();
    const r = await p.evaluate(async ([en, thai]) => {
      const cases = [
        ['hinted', en, {}, { lang: 'de' }],
        ['forced', en, { 'article-lang': 'de' }, {}],
        ['own-lang', en, { lang: 'de' }, {}],
        ['bad', en, { 'article-lang': 'xx' }, {}],
        ['und', thai, {}, { lang: 'th' }],
        ['und-hinted', thai, {}, { lang: 'en-GB' }],
      ];
      const out = {};
      for (const [id, text, attrs, articleAttrs] of cases) {
        const el = window.__addWidget(id, text, { worker: 'off', ...attrs }, articleAttrs);
        const analysis = await el.refresh();
        const root = el.shadowRoot;
        out[id] = {
          language: analysis && analysis.language,
          articleLang: el.articleLang,
          box: root.querySelector('.box').getAttribute('lang'),
          // The first text quoted from the article: the summary, else the keywords.
          quoted: root.querySelector('.sentences, .chip')?.getAttribute('lang') ?? null,
          status: root.querySelector('[role="status"]').textContent.split(' · ')[1] ?? null,
          error: window.__log.find((e) => e.id === id && e.type === 'error')?.message ?? null,
        };
      }
      return out;
    }, [ARTICLE_A, [THAI]]);
    assertEq([r.hinted.language, r.hinted.box, r.hinted.quoted, r.hinted.articleLang], ['en', 'en', 'en', 'auto'],
      'article lang="de" on English text: detection decides (language, box lang, summary lang, articleLang)');
    assertEq([r.forced.language, r.forced.box, r.forced.quoted, r.forced.status, r.forced.articleLang], ['de', 'en', 'de', 'German', 'de'],
      'article-lang="de": analysed as German, the UI still English');
    assertEq([r['own-lang'].language, r['own-lang'].box], ['en', 'en'], 'the element\'s own lang="de" is not the article\'s language');
    assert(/unknown language "xx"/.test(r.bad.error), `article-lang="xx": ${JSON.stringify(r.bad)}`);
    assertEq([r.und.language, r.und.quoted], ['und', ''], 'Thai text, an unsupported hint: und, quoted text lang=""');
    assertEq(r['und-hinted'].language, 'en', 'Thai text in an element with lang="en-GB": the hint is used for und');
    await p.close();
  });

  await test('DOM text: a <header> inside a non-article block is left out and highlights land on the right words', async () => {
    const p = await lifecyclePage();
    const r = await p.evaluate((sentences) => {
      // Outside <main>, <article> and <section>: the walk skips this <header> as page chrome.
      const story = document.createElement('div');
      story.id = 'card-story';
      const card = document.createElement('div');
      card.className = 'card';
      const header = document.createElement('header');
      header.textContent = 'Kicker: words the reader never sees in the gist.';
      card.append(header, sentences.join(' '));
      story.append(card);
      document.body.append(story);
      const el = document.createElement('pith-summary');
      el.id = 'card';
      el.setAttribute('for', 'card-story');
      el.setAttribute('worker', 'off');
      document.body.append(el);
      return el.refresh().then((analysis) => {
        const squash = (s) => s.replace(/\s+/g, ' ').trim();
        const marked = analysis.sentences.map((s, i) => {
          el.showSentence(i);
          const h = CSS.highlights.get(el.highlightName);
          return h ? [...h].map((range) => squash(range.toString())) : null;
        });
        return { text: el.text, sentences: analysis.sentences.map((s) => squash(s.text)), marked };
      });
    }, CARD_SENTENCES);
    assert(!r.text.includes('Kicker'), `the header reached the text: ${r.text.slice(0, 80)}`);
    assertEq(r.sentences.length, CARD_SENTENCES.length, 'sentences');
    assertEq(r.marked, r.sentences.map((s) => [s]), 'highlighted text of each sentence');
    await p.close();
  });

  // ---------------------------------------------------------------- package layout
  await test('package: dist layout with exports map; element, worker and pith.js load as siblings', async () => {
    const dir = path.join(packageRoot, 'node_modules', 'pith');
    const manifest = buildPackage(dir);
    assertEq(Object.keys(manifest.exports).slice(0, 2), ['.', './element'], 'exports map');
    for (const target of ['pith.js', 'pith_bg.wasm', 'pith.d.ts', 'pith-summary.js', 'pith-summary.css', 'pith-summary.d.ts', 'pith-worker.js']) {
      assert(fs.existsSync(path.join(dir, target)), `package lacks ${target}`);
    }
    for (const f of ['pith-summary.js', 'pith-worker.js', 'pith-summary.d.ts']) {
      assert(!fs.readFileSync(path.join(dir, f), 'utf8').includes('/pkg/'), `${f} still points into pkg/`);
    }
    // The display threshold is typed for `import { actorDisplayConfidence } from 'pith'`.
    const types = fs.readFileSync(path.join(dir, 'pith.d.ts'), 'utf8');
    assert(types.includes('export function actorDisplayConfidence(): number;'), 'pith.d.ts lacks actorDisplayConfidence');
    const article = fs.readFileSync(path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt'), 'utf8')
      .split(/\n\s*\n/).map((t) => `<p>${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
    fs.writeFileSync(path.join(packageRoot, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>package</title><link rel="icon" href="data:,"><script type="module" src="app.js"></script></head><body>
<article id="a">${article}</article><pith-summary for="a" worker highlight></pith-summary></body></html>`);
    fs.writeFileSync(path.join(packageRoot, 'app.js'), `import init, { analyze } from './node_modules/pith/pith-index.js';
import './node_modules/pith/pith-summary.js';
await init();
window.__direct = analyze('Mr Smith said the plan was fine. The council agreed on Monday.').summary.length;
`);
    packageServer = await serveDir(packageRoot, CSP);
    const origin = `http://127.0.0.1:${packageServer.address().port}`;
    const p = watch(await context.newPage());
    const before = requests.length;
    await p.goto(`${origin}/`);
    await waitEvents(p, 1);
    const r = await p.evaluate(() => ({ e: window.__pith.events[0], direct: window.__direct, csp: window.__pith.csp }));
    assertEq(r.e.mode, 'worker', 'mode with the worker attribute');
    assert(r.e.summary[0].startsWith('The Russian President has stepped up pressure'), `summary: ${r.e.summary[0]}`);
    await p.waitForFunction(() => window.__direct !== undefined);
        // Both sentences are summary candidates (three content words make a sentence, not a fragment).
    assertEq(await p.evaluate(() => window.__direct), 2, 'pith.js used directly');
    assertEq(r.csp, [], 'CSP violations');
    const paths = [...new Set(requests.slice(before).filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))].sort();
    assertEq(paths, ['/', '/app.js', '/node_modules/pith/pith-summary.css', '/node_modules/pith/pith-summary.js',
      '/node_modules/pith/pith-worker.js', '/node_modules/pith/pith.js', '/node_modules/pith/pith_bg.wasm',
      '/node_modules/pith/pith-index.js', '/node_modules/pith/pith-wasm.js']
      .sort(), 'requests of the package page');
    // init() and the element share one instance: the binary is fetched once.
    assertEq(requests.slice(before).filter((u) => u.endsWith('/pith_bg.wasm')).length, 1, 'pith_bg.wasm fetches');
    await p.close();
  });

  await test('screenshot of article.html saved to tests/e2e/out/widget.png', async () => {
    const p = watch(await context.newPage());
    await p.goto(`${ORIGIN}/examples/article.html`);
    await waitEvents(p, 1);
    await p.locator('pith-summary .sentences button').nth(1).click();
    await p.evaluate(() => window.scrollTo(0, 0));
    await p.mouse.move(0, 0);
    fs.mkdirSync(OUT_DIR, { recursive: true });
    const file = path.join(OUT_DIR, 'widget.png');
    await p.screenshot({ path: file, fullPage: true });
    assert(fs.statSync(file).size > 10_000, 'screenshot is suspiciously small');
    await p.close();
  });

  await test('no console errors and no uncaught page errors', async () => {
    assertEq(consoleErrors, [], 'console errors');
    assertEq(pageErrors, [], 'page errors');
  });

  await test('every request stays on 127.0.0.1', async () => {
    const offsite = requests.filter((u) => !u.startsWith('http://127.0.0.1:') && !u.startsWith('data:') && !u.startsWith('blob:'));
    assert(requests.length > 0, 'no requests were recorded');
    assertEq(offsite, [], 'off-host requests');
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (context) await context.close().catch(() => {});
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  if (packageServer) {
    packageServer.closeAllConnections();
    await new Promise((resolve) => packageServer.close(resolve));
  }
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(packageRoot, { recursive: true, force: true });
}

finish();
