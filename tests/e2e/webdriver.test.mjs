// End-to-end checks of the demo and the <pith-summary> examples through WebDriver
// (selenium-webdriver with WebDriver BiDi), in Debian's Firefox ESR via geckodriver, or in
// Chromium via chromedriver: the browsers that scripts/bootstrap.sh installs (Playwright cannot
// drive Debian's Firefox).
//
//   make wasm && node tests/e2e/webdriver.test.mjs firefox     (or chromium)
//
// What must hold in every browser: the panels render; the widget's highlight works through the
// CSS Custom Highlight API and through the selection where that API is missing; the worker
// runs; Tab reaches every interactive element with a visible focus ring, light and dark, at
// 375 and 1280 px (tests/e2e/keyboard.mjs); no console error; no request leaves 127.0.0.1
// (BiDi log and network events of every page). The Chromium-only suites (demo.test.mjs,
// widget.test.mjs) test the rest in depth.
//
// Plain Node script: TAP-like `ok N - name` lines and a final `# firefox e2e: N passed, M failed`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq } from './harness.mjs';
import { tabThrough, assertKeyboard, ringSummary } from './keyboard.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, 'tests', 'e2e', 'out');
const FIXTURE = path.join(ROOT, 'tests', 'fixtures', 'missile-defence.txt');
const BROWSER = process.argv[2] || 'firefox';
const WAIT_MS = 20_000;
const LONG_WAIT_MS = 90_000;
const LEAD = 'Councillors in Port Ellery voted on Monday night';
const SCHEMES = ['light', 'dark'];
const VIEWPORTS = [{ width: 375, height: 812 }, { width: 1280, height: 800 }];

const { test, bail, finish } = harness(`${BROWSER} e2e`);

if (!['firefox', 'chromium'].includes(BROWSER)) bail(`unknown browser ${BROWSER}: firefox or chromium`);
for (const f of ['pith.js', 'pith_bg.wasm']) {
  if (!fs.existsSync(path.join(ROOT, 'pkg', f))) bail(`pkg/${f} is missing: run \`make wasm\` first`);
}

/** The first executable `name` on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const file = path.join(dir, name);
    if (dir && fs.existsSync(file)) return file;
  }
  return null;
}

const BINARIES = BROWSER === 'firefox'
  ? {
    browser: process.env.FIREFOX || '/usr/bin/firefox-esr',
    driver: process.env.GECKODRIVER || onPath('geckodriver') || path.join(os.homedir(), '.cargo', 'bin', 'geckodriver'),
  }
  : {
    browser: process.env.CHROMIUM || '/usr/bin/chromium',
    driver: process.env.CHROMEDRIVER || '/usr/bin/chromedriver',
  };
for (const [what, file] of Object.entries(BINARIES)) {
  if (!fs.existsSync(file)) bail(`no ${BROWSER} ${what} at ${file}: run \`bash scripts/bootstrap.sh test\``);
}

const require = createRequire(import.meta.url);
const { Builder, By, Key } = require('selenium-webdriver');
const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));

const watchdog = setTimeout(() => bail('timed out after 300 s'), 300_000);
watchdog.unref();

const server = await start({ port: 0, host: '127.0.0.1' });
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
let driver;
let bidi;
let context;
const requests = [];
const consoleErrors = [];

/**
 * A driver for BROWSER with BiDi on, given the binaries explicitly (so selenium-webdriver
 * never looks for or downloads any). Firefox's geckodriver gets privileged access only to set
 * the colour-scheme preference (setScheme).
 */
async function createDriver() {
  if (BROWSER === 'firefox') {
    const firefox = require('selenium-webdriver/firefox');
    const options = new firefox.Options().setBinary(BINARIES.browser).addArguments('-headless').enableBidi();
    const service = new firefox.ServiceBuilder(BINARIES.driver).addArguments('--allow-system-access');
    return new Builder().forBrowser('firefox').setFirefoxOptions(options).setFirefoxService(service).build();
  }
  const chrome = require('selenium-webdriver/chrome');
  const options = new chrome.Options().setChromeBinaryPath(BINARIES.browser).addArguments(
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  ).enableBidi();
  const service = new chrome.ServiceBuilder(BINARIES.driver);
  return new Builder().forBrowser('chrome').setChromeOptions(options).setChromeService(service).build();
}

/** Makes the pages match `prefers-color-scheme: scheme` (from the next style recalc on). */
async function setScheme(scheme) {
  if (BROWSER === 'firefox') {
    const { Context } = require('selenium-webdriver/firefox');
    await driver.setContext(Context.CHROME);
    try {
      // 0: dark, 1: light (layout.css.prefers-color-scheme.content-override).
      await driver.executeScript(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1})`);
    } finally {
      await driver.setContext(Context.CONTENT);
    }
  } else {
    await driver.sendDevToolsCommand('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-color-scheme', value: scheme }] });
  }
}

/** The viewport, not the window: Firefox's windows are at least 450 px wide. */
const setViewport = (viewport) => bidi.send({ method: 'browsingContext.setViewport', params: { context, viewport } });

// Runs before every page's own scripts (a BiDi preload script): widget events and CSP violations.
const PROBE = `() => {
  window.__probe = { events: [], csp: [] };
  document.addEventListener('pith:analysed', (e) => window.__probe.events.push({ mode: e.detail.mode }));
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__probe.csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));
}`;

const addPreload = async (functionDeclaration) =>
  (await bidi.send({ method: 'script.addPreloadScript', params: { functionDeclaration } })).result.script;
const removePreload = (script) => bidi.send({ method: 'script.removePreloadScript', params: { script } });

const js = (fn, ...args) => driver.executeScript(fn, ...args);
const until = (fn, message, timeout = WAIT_MS, ...args) =>
  driver.wait(async () => Boolean(await js(fn, ...args)), timeout, message);
const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

const demoReady = () => until(() => document.documentElement.dataset.ready === 'true'
  && document.querySelector('#positions table') && document.querySelector('#actors table'), 'the demo never rendered');
const widgetReady = (timeout) => until(() => {
  const el = document.querySelector('pith-summary');
  return el && el.analysis && !el.shadowRoot.querySelector('.box').hasAttribute('aria-busy');
}, 'the widget never rendered an analysis', timeout);

/** The widget's buttons matching `selector` in its shadow root. */
async function widgetButtons(selector) {
  const root = await (await driver.findElement(By.css('pith-summary'))).getShadowRoot();
  return root.findElements(By.css(selector));
}

/** Text of the widget's highlight ranges (whitespace squashed), and of the selection. */
const marked = () => js(() => {
  const el = document.querySelector('pith-summary');
  const h = globalThis.CSS && CSS.highlights && CSS.highlights.get(el.highlightName);
  return {
    api: Boolean(globalThis.CSS && CSS.highlights && typeof Highlight === 'function'),
    ranges: h ? [...h].map((r) => r.toString().replace(/\s+/g, ' ').trim()) : [],
    inArticle: h ? [...h].map((r) => Boolean(r.startContainer.parentElement.closest('article'))) : [],
    selection: String(document.getSelection()).replace(/\s+/g, ' ').trim(),
  };
});

async function screenshot(name) {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const file = path.join(OUT_DIR, `${BROWSER}-${name}.png`);
  fs.writeFileSync(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
  assert(fs.statSync(file).size > 10_000, `${file} is suspiciously small`);
}

try {
  driver = await createDriver();
  const caps = await driver.getCapabilities();
  console.log(`# ${caps.get('browserName')} ${caps.get('browserVersion')}`);
  bidi = await driver.getBidi();
  context = await driver.getWindowHandle();
  await bidi.subscribe(['log.entryAdded', 'network.beforeRequestSent']);
  bidi.socket.on('message', (message) => {
    const { method, params } = JSON.parse(message.toString());
    if (method === 'network.beforeRequestSent') requests.push(params.request.url);
    if (method === 'log.entryAdded' && params.level === 'error') consoleErrors.push(`${params.type}: ${params.text}`);
  });
  await addPreload(PROBE);
  await setViewport(VIEWPORTS[1]);
  await setScheme('light');

  // ---------------------------------------------------------------- demo
  await test('demo: the panels render the reference article', async () => {
    await driver.get(`${ORIGIN}/`);
    await demoReady();
    const r = await js(() => ({
      summary: [...document.querySelectorAll('#summary ol > li')].map((li) => li.textContent.trim()),
      chips: [...document.querySelectorAll('#keywords .chip')].map((c) => c.textContent.trim()),
      actors: [...document.querySelectorAll('#actors tbody tr:not(.group-row) td:first-child')].map((td) => td.textContent.trim()),
      positions: [...document.querySelectorAll('#positions tbody tr:not(.group-row) td:first-child')].map((td) => td.textContent.trim()),
      article: document.querySelector('#article').textContent,
      status: document.querySelector('#status').textContent,
      error: document.querySelector('#error').hidden,
    }));
    assertEq(r.summary.length, 3, 'summary items');
    assert(r.summary[0].startsWith('The Russian President has stepped up pressure'), `first summary item: ${r.summary[0]}`);
    assert(r.chips.includes('missile defence'), `keywords: ${JSON.stringify(r.chips)}`);
    for (const who of ['Vladimir Putin', 'Condoleezza Rice', 'Robert Gates']) {
      assert(r.actors.includes(who), `${who} not among the actors: ${JSON.stringify(r.actors)}`);
    }
    for (const who of ['Putin', 'Rice', 'Gates']) {
      assert(r.positions.some((a) => a.includes(who)), `no position for ${who}: ${JSON.stringify(r.positions)}`);
    }
    assertEq(r.article, fs.readFileSync(FIXTURE, 'utf8'), 'reading view text');
    assert(/English/.test(r.status) && /\d+ sentences/.test(r.status), `status: ${r.status}`);
    assertEq(r.error, true, 'error alert hidden');
  });

  await test('demo: a summary item flashes its sentence; an actor\'s name marks its mentions', async () => {
    await js(() => {
      window.__flashed = [];
      new MutationObserver((changes) => {
        for (const c of changes) if (c.target.classList.contains('flash')) window.__flashed.push(c.target.textContent);
      }).observe(document.querySelector('#article'), { attributes: true, attributeFilter: ['class'], subtree: true });
    });
    await driver.findElement(By.css('#summary ol > li button')).click();
    await until(() => window.__flashed.length > 0, 'no sentence flashed');
    const flashed = await js(() => window.__flashed[0]);
    assert(flashed.startsWith('The Russian President'), `flashed: ${flashed}`);
    const putin = await driver.findElement(By.xpath('//*[@id="actors"]//button[normalize-space()="Vladimir Putin"]'));
    await putin.click();
    await until(() => document.querySelectorAll('#article mark.mention').length > 0, 'no mention marked');
    const r = await js(() => ({
      pressed: document.querySelector('#actors .actor-name[aria-pressed="true"]').textContent,
      note: document.querySelector('#focus-name').textContent,
      marks: [...document.querySelectorAll('#article mark.mention-named')].map((m) => m.textContent),
    }));
    assertEq([r.pressed, r.note], ['Vladimir Putin', 'Vladimir Putin'], 'pressed button and focus note');
    assert(r.marks.length > 0 && r.marks.every((m) => /Putin/.test(m)), `named mentions: ${JSON.stringify(r.marks)}`);
    await screenshot('demo');
  });

  // ---------------------------------------------------------------- the widget
  await test('article.html: the widget summarises the article, lead first', async () => {
    await driver.get(`${ORIGIN}/examples/article.html`);
    await widgetReady();
    const r = await js(() => ({
      items: [...document.querySelector('pith-summary').shadowRoot.querySelectorAll('.sentences li')].map((li) => li.textContent),
      sections: [...document.querySelector('pith-summary').shadowRoot.querySelectorAll('.section-title')].map((t) => t.textContent),
      events: window.__probe.events,
    }));
    assertEq(r.items.length, 3, 'summary items');
    assert(squash(r.items[0]).startsWith(LEAD), `first item: ${r.items[0]}`);
    assertEq(r.sections, ['Summary', 'Key actors', 'Positions', 'Keywords'], 'sections');
    assertEq(r.events, [{ mode: 'main' }], 'pith:analysed events');
  });

  await test('article.html: a summary sentence is marked through the Custom Highlight API, the page DOM unchanged', async () => {
    const before = await js(() => document.body.outerHTML);
    const [, second] = await widgetButtons('.sentences button');
    const want = squash(await js((el) => el.textContent, second));
    await second.click();
    const m = await marked();
    assertEq(m.api, true, 'CSS.highlights and Highlight exist');
    assertEq(m.ranges, [want], 'highlighted text');
    assertEq(m.inArticle, [true], 'highlight inside <article>');
    assertEq(m.selection, '', 'selection');
    assert(before === await js(() => document.body.outerHTML), 'document.body.outerHTML changed');
  });

  await test('article.html: a position\'s evidence is marked; Escape clears it', async () => {
    const expected = await js(() => {
      const a = document.querySelector('pith-summary').analysis;
      return a.sentences[a.positions[0].sentence].text;
    });
    const [first] = await widgetButtons('table tbody tr button');
    await first.click();
    assertEq((await marked()).ranges, [squash(expected)], 'highlighted evidence');
    await driver.actions().sendKeys(Key.ESCAPE).perform();
    assertEq((await marked()).ranges, [], 'highlight after Escape');
    await screenshot('widget');
  });

  await test('article.html without the Custom Highlight API: the selection marks the sentence; clearHighlight() clears it', async () => {
    const script = await addPreload('() => Object.defineProperty(CSS, "highlights", { value: undefined, configurable: true })');
    try {
      await driver.get(`${ORIGIN}/examples/article.html`);
      await widgetReady();
    } finally {
      await removePreload(script);
    }
    const before = await js(() => document.body.outerHTML);
    const [first] = await widgetButtons('.sentences button');
    const want = squash(await js((el) => el.textContent, first));
    await first.click();
    const m = await marked();
    assertEq(m.api, false, 'the Custom Highlight API is hidden');
    assertEq(m.selection, want, 'selected text');
    assert(before === await js(() => document.body.outerHTML), 'document.body.outerHTML changed');
    assertEq(await js(() => {
      document.querySelector('pith-summary').clearHighlight();
      return String(document.getSelection());
    }), '', 'selection after clearHighlight()');
  });

  await test('csp.html: analysed with for="story" under the strict policy; highlight works; no CSP violation', async () => {
    await driver.get(`${ORIGIN}/examples/csp.html`);
    await widgetReady();
    const text = await js(() => document.querySelector('pith-summary').text);
    assert(text.startsWith('County library service to keep village branches open'), `text: ${text.slice(0, 80)}`);
    const buttons = await widgetButtons('.sentences button');
    assertEq(buttons.length, 2, 'sentences="2"');
    const want = squash(await js((el) => el.textContent, buttons[0]));
    await buttons[0].click();
    assertEq((await marked()).ranges, [want], 'highlighted text');
    assertEq(await js(() => window.__probe.csp), [], 'securitypolicyviolation events');
  });

  await test('long.html: about 100,000 words analysed in the worker; a sentence is marked', async () => {
    await driver.get(`${ORIGIN}/examples/long.html`);
    await widgetReady(LONG_WAIT_MS);
    const r = await js(() => ({
      events: window.__probe.events,
      words: document.querySelector('pith-summary').text.split(/\s+/).length,
    }));
    assertEq(r.events, [{ mode: 'worker' }], 'pith:analysed events');
    assert(r.words > 95_000, `only ${r.words} words`);
    const [first] = await widgetButtons('.sentences button');
    const want = squash(await js((el) => el.textContent, first));
    await first.click();
    assertEq((await marked()).ranges, [want], 'highlighted text');
  });

  // ---------------------------------------------------------------- keyboard
  const PAGES = [['demo', '/', demoReady], ['article.html', '/examples/article.html', () => widgetReady()]];
  for (const [name, url, ready] of PAGES) {
    for (const scheme of SCHEMES) {
      for (const viewport of VIEWPORTS) {
        await test(`keyboard: ${name}, ${scheme}, ${viewport.width} px: Tab reaches every interactive element in order, each with a visible focus ring`, async () => {
          await setScheme(scheme);
          await setViewport(viewport);
          // A fresh load: Tab starts from the top of the page.
          await driver.get(`${ORIGIN}${url}`);
          await ready();
          const dark = await js(() => matchMedia('(prefers-color-scheme: dark)').matches);
          assertEq([dark, await js(() => innerWidth)], [scheme === 'dark', viewport.width], 'scheme and width');
          const result = await tabThrough({
            install: (source) => js(source),
            call: (method) => js(`return window.__focusProbe.${method}()`),
            tab: () => driver.actions().sendKeys(Key.TAB).perform(),
          });
          console.log(`# ${name} ${scheme} ${viewport.width}: ${ringSummary(result)}`);
          assertKeyboard(result);
        });
      }
    }
  }

  await test('no console errors and no uncaught errors', async () => {
    assertEq(consoleErrors, [], 'console errors');
  });

  await test('every request stays on 127.0.0.1', async () => {
    const paths = new Set(requests.filter((u) => u.startsWith(`${ORIGIN}/`)).map((u) => new URL(u).pathname));
    for (const p of ['/', '/pkg/pith_bg.wasm', '/examples/article.html', '/pith-worker.js']) {
      assert(paths.has(p), `no request for ${p} was seen: ${[...paths].join(' ')}`);
    }
    const offsite = requests.filter((u) => !u.startsWith(`${ORIGIN}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    assertEq(offsite, [], 'requests off 127.0.0.1');
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (driver) await driver.quit().catch(() => {});
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

finish();
