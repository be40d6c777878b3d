// Accessibility of the demo and the widget examples in headless Chromium (playwright-core, no
// downloads), with axe-core (npm dev dependency):
//
//   make wasm && node tests/e2e/a11y.test.mjs
//
// - axe on the demo (www/index.html: analysed, an actor highlighted, empty) and on every page
//   in www/examples/ (article.html also with a message in the widget), in the light and the
//   dark colour scheme, 375 px and 1280 px wide: no violation of a rule tagged wcag2a, wcag2aa,
//   wcag21a, wcag21aa or best-practice. Each violation is printed with its elements.
// - Colour contrast of every stance, actor kind and sentence kind (the unions in pkg/pith.d.ts),
//   also those the sample articles lack: one sample of each is added where the page shows
//   that kind and axe must pass each one (4.5:1 for their small text). Ratios are printed.
// - Reflow: at 375 px, neither the page nor anything in it scrolls sideways.
// - Keyboard: Tab from the top reaches every interactive element, in document order, each in
//   view with a visible focus ring of 3:1 or more (tests/e2e/keyboard.mjs), in both schemes
//   and both widths.
//
// Plain Node script: TAP-like `ok N - name` lines and a final `# a11y: N passed, M failed`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq } from './harness.mjs';
import { tabThrough, assertKeyboard, ringSummary } from './keyboard.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WAIT_MS = 20_000;
const LONG_WAIT_MS = 60_000;
// WCAG 2.1 A and AA (2.1 AA includes 2.0 A and AA and 2.1 A) and axe's best practices.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'];
// A phone and a laptop; heights of common devices of those widths.
const VIEWPORTS = [{ width: 375, height: 812 }, { width: 1280, height: 800 }];
const EXAMPLES = ['article.html', 'csp.html', 'long.html'];

const { test, bail, finish } = harness('a11y', { testTimeoutMs: 90_000 });

for (const f of ['pith.js', 'pith_bg.wasm', 'pith.d.ts']) {
  if (!fs.existsSync(path.join(ROOT, 'pkg', f))) bail(`pkg/${f} is missing: run \`make wasm\` first`);
}
if (!fs.existsSync(CHROMIUM)) bail(`no Chromium at ${CHROMIUM} (set CHROMIUM=/path/to/chromium)`);
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
if (!fs.existsSync(AXE)) bail('node_modules/axe-core is missing: run `bash scripts/bootstrap.sh test`');
const AXE_SOURCE = fs.readFileSync(AXE, 'utf8');

// Every page in www/examples/ is checked: a new example cannot be left out by accident.
const examples = fs.readdirSync(path.join(ROOT, 'www', 'examples')).filter((f) => f.endsWith('.html')).sort();
if (JSON.stringify(examples) !== JSON.stringify(EXAMPLES)) {
  bail(`www/examples/ has ${examples.join(', ')}: give the new page its ready condition in EXAMPLES and below`);
}

/** The string literals of `export type name = "a" | "b" | ...;` in pkg/pith.d.ts (generated from the Rust enums). */
function union(name) {
  const types = fs.readFileSync(path.join(ROOT, 'pkg', 'pith.d.ts'), 'utf8');
  const line = types.match(new RegExp(`export type ${name} = ([^;]+);`));
  if (!line) bail(`pkg/pith.d.ts: no type ${name}`);
  return [...line[1].matchAll(/"([a-z-]+)"/g)].map((m) => m[1]);
}
const KINDS = {
  stances: union('Stance'),
  actorKinds: union('ActorKind'),
  sentenceKinds: union('SentenceKind'),
};

const { chromium } = await import('playwright-core');
const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));

const watchdog = setTimeout(() => bail('timed out after 420 s'), 420_000);
watchdog.unref();

const server = await start({ port: 0, host: '127.0.0.1' });
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
let browser;
const consoleErrors = [];

/** Runs axe on the page as it is (on `context`, or null for the whole page); resolves to its results. */
async function axe(page, context, options) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(([c, o]) => window.axe.run(c ?? document, o), [context, options]);
}

/** Prints each violation and its elements (every one: the harness shows only an error's head). */
function report(violations) {
  for (const v of violations) {
    console.log(`#   ${v.id} (${v.impact}; ${v.tags.filter((t) => TAGS.includes(t) || /^wcag\d/.test(t)).join(' ')}): ${v.help}`);
    console.log(`#     ${v.helpUrl}`);
    for (const n of v.nodes) {
      const why = (n.failureSummary || '').split('\n').slice(1).map((s) => s.trim()).join(' ');
      console.log(`#     ${n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' ')}: ${why}`);
    }
  }
}

// What axe may leave for review ("incomplete") without failing the run; anything else it is
// unsure of fails like a violation (an aria-label on a role-less span was one such).
const REVIEW_ONLY = {
  // Text that axe cannot see whole: the reading view's sentences scrolled out of its box. The
  // kind samples (below) check each sentence colour where axe can see it.
  'color-contrast': /partially obscured|too short to determine/,
  // The group rows of the actor and position tables: a header cell spanning the row, with the
  // group's rows below it.
  'th-has-data-cells': /Table data cells are missing or empty/,
};

async function assertNoViolations(page) {
  const r = await axe(page, null, { runOnly: { type: 'tag', values: TAGS }, resultTypes: ['violations', 'incomplete'] });
  const unsure = r.incomplete.map((v) => ({
    ...v,
    nodes: v.nodes.filter((n) => {
      const message = [...n.any, ...n.all, ...n.none].map((c) => c.message).join(' ');
      return !(REVIEW_ONLY[v.id] && REVIEW_ONLY[v.id].test(message));
    }),
  })).filter((v) => v.nodes.length);
  report(r.violations);
  report(unsure);
  assert(r.passes.some((p) => p.id === 'color-contrast'), 'axe checked no colour contrast: the page did not render');
  assertEq(r.violations.map((v) => `${v.id} (${v.nodes.length})`), [], 'axe violations');
  assertEq(unsure.map((v) => `${v.id} (${v.nodes.length})`), [], 'axe results to review');
}
async function newPage(viewport, scheme) {
  // bypassCSP: axe's colour checks set inline styles, which the pages' strict policy (tested by
  // the e2e suites) would block, leaving those checks unsure.
  const page = await browser.newPage({ viewport, colorScheme: scheme, reducedMotion: 'reduce', bypassCSP: true });
  page.setDefaultTimeout(WAIT_MS);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`${page.url()}: ${err && err.message ? err.message : err}`));
  return page;
}

const demoReady = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true'
  && document.querySelector('#positions table') && document.querySelector('#actors table'));

const widgetReady = (page, timeout = WAIT_MS) => page.waitForFunction(() => {
  const el = document.querySelector('pith-summary');
  return el && el.analysis && !el.shadowRoot.querySelector('.box').hasAttribute('aria-busy');
}, null, { timeout });

const PAGES = [
  { name: 'demo', url: '/', ready: demoReady },
  ...EXAMPLES.map((f) => ({
    name: f,
    url: `/examples/${f}`,
    ready: (page) => widgetReady(page, f === 'long.html' ? LONG_WAIT_MS : WAIT_MS),
  })),
];

/** Each state of a page that axe checks, in order: [name, how to get there from the last]. */
const STATES = {
  demo: [
    ['analysed', async () => {}],
    ['an actor highlighted', async (page) => {
      await page.locator('#actors .actor-name').first().click();
      await page.waitForSelector('#focus-note:not([hidden])');
      await page.waitForSelector('#article mark.mention');
    }],
    ['empty input', async (page) => {
      await page.locator('#input').fill('');
      await page.waitForFunction(() => document.querySelector('#summary .empty'));
    }],
  ],
  'article.html': [
    ['analysed', async () => {}],
    ['a message', async (page) => {
      await page.evaluate(() => document.querySelector('pith-summary').setAttribute('for', 'no-such-article'));
      await page.waitForFunction(() => document.querySelector('pith-summary').shadowRoot.querySelector('.message'));
    }],
  ],
  'csp.html': [['analysed', async () => {}]],
  'long.html': [['analysed', async () => {}]],
};

/**
 * The page, and every element (also in shadow roots) that scrolls sideways: WCAG 1.4.10 wants
 * no two-dimensional scrolling at 320 CSS px for text like this, so none at 375.
 */
function sideways() {
  const out = [];
  const page = document.documentElement;
  if (page.scrollWidth > innerWidth) out.push(`the page: ${page.scrollWidth} px in ${innerWidth}`);
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      const x = getComputedStyle(el).overflowX;
      if ((x === 'auto' || x === 'scroll') && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.localName}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} in #${el.closest('[id]')?.id}: ${el.scrollWidth} px in ${el.clientWidth}`);
      }
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return out;
}

/**
 * Lets style and layout settle after a change of viewport or scheme: two animation frames, or
 * half a second where frames stop coming (headless Chromium under load can stop producing them,
 * and an unbounded wait hung CI). Nothing here depends on a paint: axe and `sideways` read
 * computed styles and layout, which the browser brings up to date when asked.
 */
const settle = (page) => page.evaluate(() => new Promise((done) => {
  const fallback = setTimeout(done, 500);
  requestAnimationFrame(() => requestAnimationFrame(() => {
    clearTimeout(fallback);
    done();
  }));
}));

/**
 * Adds one sample of every stance, actor kind and (demo) sentence kind where the page shows
 * them, marked data-swatch="class"; returns the classes added. The widget's go in its shadow root.
 */
function addSwatches({ widget, kinds }) {
  const root = widget ? document.querySelector('pith-summary').shadowRoot : document;
  const added = [];
  const add = (parent, cls, text, first = false) => {
    const el = document.createElement('span');
    el.className = cls;
    el.textContent = text;
    el.dataset.swatch = cls;
    if (first) parent.prepend(el, ' ');
    else parent.append(' ', el);
    added.push(cls);
  };
  const stanceCell = root.querySelector(widget ? 'td[data-label="Stance"]' : '#positions td[data-label="Stance"]');
  for (const s of kinds.stances) add(stanceCell, `stance stance-${s}`, s);
  const kindCell = root.querySelector(widget ? '.actor' : '#actors td[data-label="Kind"]');
  for (const k of kinds.actorKinds) add(kindCell, `kind kind-${k}`, k);
  if (!widget) {
    const article = root.querySelector('#article');
    for (const k of [...kinds.sentenceKinds].reverse()) add(article, `sentence kind-${k}`, `A ${k} sentence.`, true);
    article.scrollTop = 0;
  }
  return added;
}

try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });

  // ---------------------------------------------------------------- axe, every state
  for (const spec of PAGES) {
    const page = await newPage(VIEWPORTS[1], 'light');
    await page.goto(ORIGIN + spec.url);
    await spec.ready(page);
    const widget = spec.name !== 'demo';
    for (const [state, reach] of STATES[spec.name]) {
      await reach(page);
      for (const scheme of SCHEMES) {
        for (const viewport of VIEWPORTS) {
          await test(`axe: ${spec.name} (${state}), ${scheme}, ${viewport.width} px: no violations`, async () => {
            await page.setViewportSize(viewport);
            await page.emulateMedia({ colorScheme: scheme });
            await settle(page);
            await assertNoViolations(page);
          });
        }
      }
      await test(`reflow: ${spec.name} (${state}), 375 px: nothing scrolls sideways`, async () => {
        await page.setViewportSize(VIEWPORTS[0]);
        await settle(page);
        assertEq(await page.evaluate(sideways), [], 'what is wider than its box');
      });
      if (state !== 'analysed' || spec.name === 'csp.html' || spec.name === 'long.html') continue;
      // ---------------------------------------------------------------- every kind's colour
      const added = await page.evaluate(addSwatches, { widget, kinds: KINDS });
      for (const scheme of SCHEMES) {
        for (const viewport of VIEWPORTS) {
          await test(`contrast: every stance, actor kind${widget ? '' : ' and sentence kind'} on ${spec.name}, ${scheme}, ${viewport.width} px`, async () => {
            await page.setViewportSize(viewport);
            await page.emulateMedia({ colorScheme: scheme });
            await settle(page);
            const include = widget ? [{ fromShadowDom: ['pith-summary', '[data-swatch]'] }] : ['[data-swatch]'];
            const r = await axe(page, { include }, { runOnly: ['color-contrast'] });
            const swatch = (n) => (n.html.match(/data-swatch="([^"]+)"/) || [])[1];
            const ratios = r.passes.flatMap((p) => p.nodes).map((n) => [swatch(n), n.any[0].data.contrastRatio]);
            console.log(`# ${spec.name} ${scheme} ${viewport.width}: ${ratios.map(([c, x]) => `${c.split(' ').pop()} ${x}`).join(', ')}`);
            report(r.violations);
            report(r.incomplete);
            assertEq(r.violations.flatMap((v) => v.nodes.map(swatch)), [], 'samples under their contrast threshold');
            assertEq(r.incomplete.flatMap((v) => v.nodes.map(swatch)), [], 'samples axe could not check');
            assertEq(ratios.map(([c]) => c).sort(), [...added].sort(), 'samples axe passed');
          });
        }
      }
      await page.evaluate((w) => {
        const root = w ? document.querySelector('pith-summary').shadowRoot : document;
        for (const el of root.querySelectorAll('[data-swatch]')) el.remove();
      }, widget);
    }
    await page.close();
  }

  // ---------------------------------------------------------------- keyboard
  for (const spec of PAGES) {
    if (spec.name === 'long.html') continue; // the same widget as article.html, on a page with no links
    for (const scheme of SCHEMES) {
      for (const viewport of VIEWPORTS) {
        await test(`keyboard: ${spec.name}, ${scheme}, ${viewport.width} px: Tab reaches every interactive element in order, each with a visible focus ring`, async () => {
          // A fresh page: Tab starts from its top.
          const page = await newPage(viewport, scheme);
          try {
            await page.goto(ORIGIN + spec.url);
            await spec.ready(page);
            const result = await tabThrough({
              install: (source) => page.evaluate(source),
              call: (name) => page.evaluate((n) => window.__focusProbe[n](), name),
              tab: () => page.keyboard.press('Tab'),
            });
            console.log(`# ${spec.name} ${scheme} ${viewport.width}: ${ringSummary(result)}`);
            assertKeyboard(result);
          } finally {
            await page.close();
          }
        });
      }
    }
  }

  await test('no console errors and no uncaught page errors', async () => {
    assertEq(consoleErrors, [], 'console errors');
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (browser) await browser.close().catch(() => {});
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

finish();
