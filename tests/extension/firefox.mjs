// The Firefox build (dist/extension-firefox) in headless Firefox ESR, over WebDriver BiDi (no
// geckodriver, no Playwright build of Firefox):
//
//   make extension && node --experimental-websocket tests/extension/firefox.mjs
//
// The add-on is installed as a temporary one (webExtension.install). The toolbar button is
// pressed from the browser's own chrome with Firefox's triggerAction() (what a click does:
// activeTab granted, action.onClicked, the sidebar opened); that needs
// --remote-allow-system-access, and an internal module (ExtensionParent), so this test follows
// Firefox's code, not a published API. The sidebar's page runs in the extension process, out
// of reach of the chrome scope, so the test opens a second panel in a tab of the same window:
// it takes the same request from storage.session, as a panel in another window would not.
//
// Plain Node script: TAP-like `ok N - name` lines and `# extension e2e (firefox): N passed, M failed`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { harness, assert, assertEq } from '../e2e/harness.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT = path.join(ROOT, 'dist', 'extension-firefox');
const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const ADDON_ID = 'pith-summary@pith';
// A fixed internal UUID (moz-extension://UUID/), so the test knows the panel's address.
const UUID = '2f5bd3a1-0b1e-4c0d-9a55-7e5ed0c0ffee';
const WAIT_MS = 30_000;
const HEADLINE = 'Harbour council backs £40m sea wall after stormy debate';

const { test, bail, finish } = harness('extension e2e (firefox)');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const squash = (s) => String(s).replace(/\s+/g, ' ').trim();

if (!fs.existsSync(path.join(EXT, 'manifest.json'))) bail('dist/extension-firefox is missing: run `make extension` first');
if (!fs.existsSync(FIREFOX)) bail(`no Firefox at ${FIREFOX} (set FIREFOX=/path/to/firefox)`);
if (typeof WebSocket !== 'function') bail('no WebSocket in this Node: run it with --experimental-websocket (Node 20)');

const watchdog = setTimeout(() => bail('timed out after 180 s'), 180_000);
watchdog.unref();

const { start } = await import(path.join(ROOT, 'scripts', 'serve.mjs'));
const server = await start({ port: 0, host: '127.0.0.1' });
const ORIGIN = `http://127.0.0.1:${server.address().port}`;
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pith-extension-firefox-'));
fs.writeFileSync(path.join(profile, 'user.js'), [
  `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [ADDON_ID]: UUID }))});`,
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
  'user_pref("toolkit.telemetry.reportingpolicy.firstRun", false);',
  'user_pref("app.update.disabledForTesting", true);',
  'user_pref("browser.startup.homepage_override.mstone", "ignore");',
  // Nothing of the browser's own goes out: only the loopback test server is reached.
  'user_pref("network.proxy.type", 1);',
  'user_pref("network.proxy.http", "127.0.0.1");',
  'user_pref("network.proxy.http_port", 9);',
  'user_pref("network.proxy.ssl", "127.0.0.1");',
  'user_pref("network.proxy.ssl_port", 9);',
  'user_pref("network.proxy.no_proxies_on", "127.0.0.1");',
  'user_pref("network.proxy.allow_hijacking_localhost", false);',
].join('\n'));

const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0',
  '--remote-allow-system-access', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
process.on('exit', () => firefox.kill());

let ws;
let next = 0;
const pending = new Map();
const logs = [];

/** A BiDi command; its result. */
function send(method, params = {}) {
  return new Promise((resolve, reject) => {
    const id = ++next;
    pending.set(id, (m) => (m.type === 'error' ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result)));
    ws.send(JSON.stringify({ id, method, params }));
  });
}

/** The value of `expression` (awaited) in browsing context `context`. */
async function evaluate(context, expression) {
  const r = await send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
  if (r.type === 'exception') throw new Error(`in the page: ${r.exceptionDetails.text}`);
  return r.result.value;
}

async function until(context, expression, what) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await evaluate(context, expression);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`);
    await sleep(100);
  }
}

try {
  const endpoint = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its remote agent:\n${err.slice(-500)}`)), WAIT_MS);
    firefox.stderr.on('data', (d) => {
      err += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  ws = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = () => reject(new Error('could not connect to WebDriver BiDi'));
  });
  ws.onmessage = ({ data }) => {
    const m = JSON.parse(data);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    } else if (m.method === 'log.entryAdded') {
      logs.push(m.params);
    }
  };
  await send('session.new', { capabilities: {} });
  await send('session.subscribe', { events: ['log.entryAdded'] });

  let tab;
  let panel;
  let chrome;

  await test('the Firefox build installs (temporary add-on) and its panel loads', async () => {
    const installed = await send('webExtension.install', { extensionData: { type: 'path', path: EXT } });
    assertEq(installed.extension, ADDON_ID, 'add-on ID');
    tab = (await send('browsingContext.getTree', {})).contexts[0].context;
    await send('browsingContext.navigate', { context: tab, url: `${ORIGIN}/examples/article.html`, wait: 'complete' });
    chrome = (await send('browsingContext.getTree', { 'moz:scope': 'chrome' })).contexts[0].context;
    await evaluate(chrome, `gBrowser.addTab('moz-extension://${UUID}/panel.html', {
      triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(), inBackground: true }) && true`);
    const deadline = Date.now() + WAIT_MS;
    while (!panel) {
      const found = (await send('browsingContext.getTree', {})).contexts.find((c) => c.url.startsWith('moz-extension:'));
      if (found) panel = found.context;
      else if (Date.now() > deadline) throw new Error('the panel tab did not open');
      else await sleep(100);
    }
    // The notice is written after the panel asks for the command's key (asynchronous), so the
    // test waits for it rather than reading it as soon as the panel is idle (it raced under
    // load on a fresh clone).
    await until(panel, `document.readyState === 'complete' && document.getElementById('panel').dataset.state === 'idle'
      && document.getElementById('notice').textContent !== ''`, 'the idle panel and its notice');
    // Firefox gives the command its suggested key.
    assertEq(await evaluate(panel, `document.getElementById('notice').textContent`),
      'Press the pith button in the toolbar or Alt+Shift+P on a page to see its gist here. pith reads a page only when you ask, and nothing leaves your browser.', 'idle notice');
  });

  await test('the toolbar button opens the sidebar, and the panel shows the gist of the page', async () => {
    await evaluate(chrome, `(() => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(ADDON_ID)});
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return true;
    })()`);
    await until(chrome, `(document.getElementById('sidebar') || {}).getAttribute?.('src') === 'chrome://browser/content/webext-panels.xhtml'`, 'the extension\'s sidebar');
    await until(panel, `(() => { const m = document.getElementById('panel'); return m.dataset.read === '1' && !['reading', 'analysing'].includes(m.dataset.state); })()`, 'the panel to read the page');
    const s = JSON.parse(await evaluate(panel, `JSON.stringify((() => {
      const root = document.querySelector('pith-page-summary').shadowRoot;
      const all = (sel) => [...root.querySelectorAll(sel)].map((e) => e.textContent.replace(/\\s+/g, ' ').trim());
      return {
        state: document.getElementById('panel').dataset.state,
        exact: document.getElementById('panel').dataset.exact,
        title: document.getElementById('page-title').textContent,
        sections: all('.section-title'),
        summary: all('.sentences li').length,
        status: root.querySelector('.status').textContent,
      };
    })())`));
    assertEq([s.state, s.exact, s.title], ['done', 'true', HEADLINE], 'panel');
    assertEq(s.sections, ['Summary', 'Key actors', 'Positions', 'Keywords'], 'sections');
    assertEq(s.summary, 3, 'summary sentences');
    assert(/^\d[\d,]* words · English · [\d.]+ ms$/.test(s.status), `status: ${s.status}`);
  });

  await test('a summary sentence is highlighted in the page', async () => {
    const sentence = await evaluate(panel, `(() => {
      const button = document.querySelector('pith-page-summary').shadowRoot.querySelectorAll('.sentences .jump')[1];
      button.click();
      const label = button.getAttribute('aria-label');
      return label.slice(label.indexOf(': ') + 2);
    })()`);
    await until(tab, `(() => {
      const h = CSS.highlights.get('pith-extension');
      return Boolean(h) && [...h].map((r) => r.toString().replace(/\\s+/g, ' ').trim()).join('|') === ${JSON.stringify(squash(sentence))};
    })()`, 'the highlight');
  });

  await test('no errors in the page or the panel', async () => {
    const errors = logs.filter((l) => l.level === 'error').map((l) => `${l.source && l.source.context === panel ? 'panel' : 'page'}: ${l.text}`);
    assertEq(errors, [], 'errors');
  });
} catch (err) {
  await test('no unexpected error', () => {
    throw err;
  });
} finally {
  if (ws) ws.close();
  firefox.kill();
  await new Promise((resolve) => (firefox.exitCode === null ? firefox.once('exit', resolve) : resolve()));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(profile, { recursive: true, force: true });
}

finish();
