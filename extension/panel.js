// pith extension, the side panel (Chromium) / sidebar (Firefox). When the background says a tab
// was asked for (storage.session `request`), it injects content.js into that tab (activeTab),
// reads the article there with extractArticle(), and shows the gist with the widget itself:
// <pith-page-summary> is <pith-summary> (www/pith-summary.js, laid out under pith/ by the build)
// with two methods changed, so the summary, actors, positions and keywords, the status line,
// the worker for long articles and the language hint are the widget's own code.
//
// The widget reads its article from an element of its own document (`for`), so the panel lays
// the page's article out here as a copy: one <p> per block of extractArticle()'s result, <br>
// for its line breaks. The widget's walk gives the same text back (it collapses whitespace the
// same way both times), so the offsets of its analysis index the page's text too; the panel
// checks that, and a sentence clicked here is marked in the page by content.js (show()).
//
// Text from the page reaches this document only through textContent and createTextNode.
import { PithSummary } from './pith/pith-summary.js';

const ext = globalThis.browser ?? globalThis.chrome;

const SECTIONS = ['summary', 'actors', 'positions', 'keywords'];
// pith's languages (src/lang.rs, TABLE); the extension test checks analyze() takes each.
const LANGUAGES = ['ar', 'da', 'de', 'el', 'en', 'es', 'fi', 'fr', 'hu', 'it', 'nl', 'no', 'pt', 'ro', 'ru', 'sv', 'ta', 'tr'];
const MAX_SENTENCES = 10;
const DEFAULTS = Object.freeze({ sentences: 3, lang: 'auto', sections: SECTIONS });
// The highlight's colours: the widget's, and the page's own where it themes them.
const HIGHLIGHT_CSS = `::highlight(pith-extension) {
  background-color: var(--pith-highlight, #ffe066);
  color: var(--pith-highlight-text, #1d1f23);
}`;

const MESSAGES = {
  idle: (keys) => `Press the pith button in the toolbar${keys ? ` or ${keys}` : ''} on a page to see its gist here. pith reads a page only when you ask, and nothing leaves your browser.`,
  reading: 'Reading the page…',
  restricted: 'This page cannot be summarised: browsers keep extensions out of their own pages, the extension stores and PDF viewers.',
  unreadable: 'pith could not read this page. It may read a page only right after you ask: press the pith button on the page again.',
  unsupported: (type) => `This is not a web page pith can read (${type}).`,
  empty: 'No article was found on this page. pith summarises pages with a main text, such as news stories and blog posts.',
  stale: 'The page has changed since it was summarised. Press the pith button to summarise it again.',
  gone: 'That sentence is no longer on the page.',
  mismatch: 'That sentence could not be found in the page.',
};

const $ = (id) => document.getElementById(id);
const panel = $('panel');
const notice = $('notice');

let settings = { ...DEFAULTS };
let windowId = null;
let shortcut = '';
// The article on screen: the tab, content.js's read id, and whether the widget's text is the
// page's (then offsets match).
let page = null;
let marked = false;
let requests = 0;
let handledAt = 0; // the newest request taken (it can arrive both by storage.get and onChanged)

function say(text, state) {
  notice.textContent = text;
  notice.hidden = !text;
  if (state) panel.dataset.state = state;
}

// ---------------------------------------------------------------------------------------------
// The widget, with the page as its article.

class PagePithSummary extends PithSummary {
  /** Marks sentence `index` in the page (content.js); the Range lives there, so: null. */
  showSentence(index) {
    const sentence = this.analysis && this.analysis.sentences[index];
    if (sentence) showInPage(sentence.start, sentence.end);
    return null;
  }

  /** Takes the mark away here and in the page (Escape, a new analysis, removal). */
  clearHighlight() {
    super.clearHighlight();
    if (marked) clearInPage();
  }
}
customElements.define('pith-page-summary', PagePithSummary);

const widget = document.createElement('pith-page-summary');
widget.setAttribute('for', 'pith-article');
widget.setAttribute('highlight', '');
// The page's article, for the widget to read (see the top). Visually hidden rather than
// hidden: the widget's walk skips display:none, visibility:hidden and aria-hidden; inert keeps
// it out of the accessibility tree and of focus.
const copy = document.createElement('div');
copy.id = 'pith-article';
copy.className = 'copy';
copy.inert = true;

function applySettings() {
  widget.setAttribute('sentences', String(settings.sentences));
  widget.setAttribute('article-lang', settings.lang);
  widget.setAttribute('sections', settings.sections.join(' '));
}

/** Lays the page's blocks out in the copy; `lang` is what the page declared ('' for nothing). */
function fillCopy(text, blocks, lang) {
  copy.replaceChildren(...blocks.map(([start, end]) => {
    const p = document.createElement('p');
    text.slice(start, end).split('\n').forEach((line, i) => {
      if (i) p.append(document.createElement('br'));
      p.append(line);
    });
    return p;
  }));
  // An empty lang stops the widget's hint at the copy: the panel's own lang="en" says nothing
  // about the page.
  copy.setAttribute('lang', lang);
}

// ---------------------------------------------------------------------------------------------
// The page (through scripting.executeScript: nothing listens in the page between calls).

async function inPage(tabId, func, args = []) {
  const [injection] = await ext.scripting.executeScript({ target: { tabId }, func, args });
  return injection ? injection.result : undefined;
}

let wasmText = null;

/** pith_bg.wasm (the widget's, from the extension's files) in base64, for content.js. */
function wasmBase64() {
  wasmText ??= fetch(new URL('pith/pkg/pith_bg.wasm', location.href))
    .then((response) => response.arrayBuffer())
    .then((buffer) => {
      const bytes = new Uint8Array(buffer);
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    });
  return wasmText;
}

/** True for pages that no extension may script: browser pages, extension stores. */
function restricted(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false; // not known: try, and say so if it fails
  }
  if (!['http:', 'https:', 'file:'].includes(u.protocol)) return true;
  if (['chromewebstore.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com'].includes(u.hostname)) return true;
  return u.hostname === 'chrome.google.com' && u.pathname.startsWith('/webstore');
}

function restrictedError(err) {
  return /chrome:|about:|extensions gallery|cannot be scripted|restricted|privileged|chrome-extension:|moz-extension:|pdf/i
    .test(String(err && err.message));
}

async function summarise(request) {
  if (request.at <= handledAt) return;
  handledAt = request.at;
  const run = ++requests;
  await ext.storage.session.set({ handled: request.at });
  const current = () => run === requests;
  clearInPage();
  page = null;
  say(MESSAGES.reading, 'reading');
  showDetails(null);
  if (restricted(request.url)) {
    hideWidget();
    say(MESSAGES.restricted, 'restricted');
    return;
  }
  let result;
  try {
    // null: content.js is not in the page yet; false: it is, without the wasm.
    const loaded = await inPage(request.tabId, () => (globalThis.pithPage ? globalThis.pithPage.loaded() : null));
    if (loaded === null) {
      await ext.scripting.executeScript({ target: { tabId: request.tabId }, files: ['content.js'] });
      await ext.scripting.insertCSS({ target: { tabId: request.tabId }, css: HIGHLIGHT_CSS });
    }
    if (!loaded) await inPage(request.tabId, (wasm) => globalThis.pithPage.load(wasm), [await wasmBase64()]);
    result = await inPage(request.tabId, () => globalThis.pithPage.read());
  } catch (err) {
    if (!current()) return;
    hideWidget();
    say(restrictedError(err) ? MESSAGES.restricted : MESSAGES.unreadable, restrictedError(err) ? 'restricted' : 'unreadable');
    console.warn(`pith: could not read the tab (${err && err.message})`);
    return;
  }
  if (!current()) return;
  if (!result || result.kind !== 'article') {
    hideWidget();
    say(result ? MESSAGES.unsupported(result.type) : MESSAGES.unreadable, result ? 'unsupported' : 'unreadable');
    return;
  }
  if (!result.text.trim()) {
    hideWidget();
    say(MESSAGES.empty, 'empty');
    return;
  }
  showDetails(result.details, request.url);
  fillCopy(result.text, result.blocks, result.lang);
  if (!widget.isConnected) $('gist').append(widget, copy);
  widget.hidden = false;
  say('', 'analysing');
  const analysis = await widget.refresh();
  if (!current()) return;
  page = { tabId: request.tabId, id: result.id, exact: widget.text === result.text };
  if (!page.exact) console.warn('pith: the widget read a different text than the page gave; sentences cannot be shown in the page');
  panel.dataset.state = analysis ? 'done' : 'failed';
}

function hideWidget() {
  // Removing it would cancel its analysis and clear the page: hiding keeps both quiet.
  widget.hidden = true;
  copy.replaceChildren();
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

/** The date a page states (ISO 8601, its calendar day as written), formatted; '' if unreadable. */
function formatDate(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || '');
  if (!m) return '';
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

function showDetails(details, url) {
  const header = $('page');
  if (!details) {
    header.hidden = true;
    return;
  }
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  $('page-site').textContent = details.site || host;
  $('page-title').textContent = details.title || host || 'Untitled page';
  $('page-byline').textContent = details.byline || '';
  const date = formatDate(details.published);
  const time = $('page-date');
  time.textContent = date;
  if (date) time.setAttribute('datetime', details.published.slice(0, 10));
  else time.removeAttribute('datetime');
  $('page-credit').hidden = !details.byline && !date;
  header.hidden = false;
}

async function showInPage(start, end) {
  if (!page) return;
  if (!page.exact) {
    say(MESSAGES.mismatch);
    return;
  }
  const { tabId, id } = page;
  let outcome;
  try {
    // The reader looks at the page the sentence is in.
    await ext.tabs.update(tabId, { active: true });
    outcome = await inPage(tabId, (i, s, e) => (globalThis.pithPage ? globalThis.pithPage.show(i, s, e) : 'stale'), [id, start, end]);
  } catch {
    outcome = 'stale';
  }
  marked = outcome === 'shown';
  say(marked ? '' : MESSAGES[outcome] || MESSAGES.stale);
}

function clearInPage() {
  const tabId = page && page.tabId;
  marked = false;
  if (tabId === null || tabId === undefined) return;
  inPage(tabId, () => globalThis.pithPage && globalThis.pithPage.clear()).catch(() => {});
}

// ---------------------------------------------------------------------------------------------
// Settings (storage.sync): read here, changed here or in another window's panel.

/** Settings as stored, with anything out of range replaced by the default. */
function sanitise(stored = {}) {
  const n = Number(stored.sentences);
  const sections = Array.isArray(stored.sections) ? SECTIONS.filter((s) => stored.sections.includes(s)) : DEFAULTS.sections;
  return {
    sentences: Number.isInteger(n) && n >= 1 && n <= MAX_SENTENCES ? n : DEFAULTS.sentences,
    lang: stored.lang === 'auto' || LANGUAGES.includes(stored.lang) ? stored.lang : DEFAULTS.lang,
    sections,
  };
}

const form = $('settings-form');

function buildForm() {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const sentences = form.elements.sentences;
  for (let n = 1; n <= MAX_SENTENCES; n++) {
    sentences.append(new Option(`${n} sentence${n === 1 ? '' : 's'}`, String(n)));
  }
  const lang = form.elements.lang;
  lang.append(new Option('Detect it', 'auto'));
  const byName = LANGUAGES.map((code) => [names.of(code) || code, code]).sort(([a], [b]) => a.localeCompare(b, 'en'));
  for (const [name, code] of byName) lang.append(new Option(name, code));
  form.addEventListener('change', () => {
    const next = sanitise({
      sentences: form.elements.sentences.value,
      lang: form.elements.lang.value,
      sections: [...form.querySelectorAll('input[name="sections"]:checked')].map((i) => i.value),
    });
    ext.storage.sync.set({ settings: next });
  });
}

function showSettings() {
  form.elements.sentences.value = String(settings.sentences);
  form.elements.lang.value = settings.lang;
  for (const input of form.querySelectorAll('input[name="sections"]')) input.checked = settings.sections.includes(input.value);
}

// ---------------------------------------------------------------------------------------------

function fresh(request, handled) {
  return Boolean(request) && request.windowId === windowId && request.at > (handled || 0);
}

async function start() {
  buildForm();
  const [stored, win, commands] = await Promise.all([
    ext.storage.sync.get('settings'),
    ext.windows.getCurrent(),
    ext.commands.getAll().catch(() => []),
  ]);
  settings = sanitise(stored.settings);
  windowId = win.id;
  const command = commands.find((c) => c.name === '_execute_action');
  shortcut = command && command.shortcut ? command.shortcut : '';
  showSettings();
  applySettings();
  ext.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes.settings) {
      settings = sanitise(changes.settings.newValue);
      showSettings();
      applySettings(); // the widget re-renders (sections) or analyses again (length, language)
    }
    if (area === 'session' && changes.request && fresh(changes.request.newValue, 0)) {
      summarise(changes.request.newValue);
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && marked) widget.clearHighlight();
  });
  const { request, handled } = await ext.storage.session.get(['request', 'handled']);
  if (fresh(request, handled)) summarise(request);
  else say(MESSAGES.idle(shortcut), 'idle');
}

start();
