// pith extension, the side panel (Chromium) / sidebar (Firefox). When the background says a tab
// was asked for (storage.session `request`), it injects content.js into that tab (activeTab)
// and takes a snapshot of the page: what pith's walk reads of it (see content.js). It runs
// extractArticle() on that snapshot here, with the widget's wasm, and shows the gist with the
// widget itself: <pith-page-summary> is <pith-summary> (www/pith-summary.js, laid out under
// pith/ by the build) with two methods changed, so the summary, actors, positions and keywords,
// the status line, the worker for long articles and the language hint are the widget's code.
//
// The widget reads its article from an element of its own document (`for`), so the panel lays
// the article out for it: one <p> per block of extractArticle()'s result, <br> for its line
// breaks. The widget's walk gives the same text back (it collapses whitespace the same way
// both times), so the offsets of its analysis index the extracted text too; the panel checks
// that. A sentence clicked here becomes a Range over the snapshot's text nodes (the widget's
// textRange() walk), and content.js marks the page's own nodes at the same places.
//
// Text from the page reaches this document only through textContent and createTextNode; the
// snapshot is built in a document of its own that has no window, so nothing in it loads or runs.
import { PithSummary } from './pith/pith-summary.js';
import { init } from './pith/pith-wasm.js';
import { extractArticle, textRange } from './pith/pkg/pith.js';

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
// The article on screen: the tab, content.js's snapshot id, extractArticle()'s result over the
// snapshot, its text nodes' indices, and whether the widget read the same text.
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
  // Firefox reports an exception of `func` as `error`; Chromium rejects.
  if (injection && injection.error) throw injection.error;
  return injection ? injection.result : undefined;
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

/**
 * The snapshot's items (content.js) as elements and text nodes of a document with no window;
 * returns its root and its text nodes in snapshot order.
 */
function rebuild(items) {
  const doc = document.implementation.createHTMLDocument('');
  const made = [];
  const texts = [];
  for (const [parent, tag, value] of items) {
    let node;
    if (tag === null) {
      node = doc.createTextNode(value);
      texts.push(node);
    } else {
      try {
        node = doc.createElement(tag);
      } catch {
        node = doc.createElement('span'); // a name HTML cannot create (from an XML page)
      }
      for (const [name, v] of Object.entries(value)) node.setAttribute(name, v);
    }
    made.push(node);
    if (parent >= 0) made[parent].append(node);
  }
  if (made.length) doc.documentElement.replaceWith(made[0]);
  return { root: made.length ? doc.documentElement : null, texts };
}

/** The block index holding UTF-16 offset `at` (blocks are sorted and disjoint), as the widget. */
function blockAt(blocks, at) {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end <= at) lo = mid + 1;
    else if (blocks[mid].start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** A Range over the snapshot's text for [start, end) of the extracted text (the widget's rangeFor). */
function rangeFor(extracted, start, end) {
  const { blocks } = extracted;
  const first = blockAt(blocks, start);
  if (first < 0) return null;
  const last = Math.max(first, blockAt(blocks, Math.max(start, end - 1)));
  const a = blocks[first];
  const b = blocks[last];
  const range = textRange(a.element, start - a.start, Math.min(end, a.end) - a.start);
  if (!range) return null;
  if (last !== first) {
    const tail = textRange(b.element, 0, Math.min(end, b.end) - b.start);
    if (tail) range.setEnd(tail.endContainer, tail.endOffset);
  }
  return range;
}

/** What the page declares as the article's language (the widget's hint): its nearest `lang`. */
function declaredLanguage(extracted, root) {
  const c = extracted.container;
  const el = (c && c.closest('[lang]')) || root;
  return (el && el.getAttribute('lang')) || '';
}

/**
 * Title, byline, date and site. The title: the headline extractArticle() kept (an <h1> first
 * block), else the live page's og:title, else the extractor's metadata, else the tab's title.
 * The rest: the live page's meta tags, which content.js reads, then extractArticle()'s
 * metadata (the snapshot carries the page's body, so a byline element of the article).
 */
function detailsOf(extracted, snap) {
  const m = extracted.metadata || {};
  const first = extracted.blocks[0];
  const headline = first && first.element.localName === 'h1' ? extracted.text.slice(first.start, first.end).trim() : '';
  return {
    title: headline || snap.meta.title || m.title || snap.title,
    byline: snap.meta.byline || m.byline,
    published: snap.meta.published || m.published,
    site: snap.meta.site || m.siteName,
  };
}

async function summarise(request) {
  if (request.at <= handledAt) return;
  handledAt = request.at;
  const run = ++requests;
  // For whoever watches the panel (the extension test): which request, and how it went.
  panel.dataset.read = String(run);
  delete panel.dataset.exact;
  say(MESSAGES.reading, 'reading');
  showDetails(null);
  clearInPage();
  page = null;
  const current = () => run === requests;
  await ext.storage.session.set({ handled: request.at });
  if (restricted(request.url)) {
    hideWidget();
    say(MESSAGES.restricted, 'restricted');
    return;
  }
  let snap;
  try {
    const present = await inPage(request.tabId, () => typeof globalThis.pithPage === 'object');
    if (!present) {
      await ext.scripting.executeScript({ target: { tabId: request.tabId }, files: ['content.js'] });
      await ext.scripting.insertCSS({ target: { tabId: request.tabId }, css: HIGHLIGHT_CSS });
    }
    snap = await inPage(request.tabId, () => globalThis.pithPage.snapshot());
  } catch (err) {
    if (!current()) return;
    hideWidget();
    const refused = restrictedError(err);
    say(refused ? MESSAGES.restricted : MESSAGES.unreadable, refused ? 'restricted' : 'unreadable');
    console.warn(`pith: could not read the tab (${err && err.message})`);
    return;
  }
  if (!current()) return;
  if (!snap || snap.kind !== 'page') {
    hideWidget();
    if (!snap) say(MESSAGES.unreadable, 'unreadable');
    else if (/pdf/i.test(snap.type)) say(MESSAGES.restricted, 'restricted'); // a viewer that let us in
    else say(MESSAGES.unsupported(snap.type), 'unsupported');
    return;
  }
  await init();
  if (!current()) return;
  const { root, texts } = rebuild(snap.items);
  const extracted = root ? extractArticle(root) : { text: '', blocks: [], container: null };
  if (!extracted.text.trim()) {
    hideWidget();
    say(MESSAGES.empty, 'empty');
    return;
  }
  showDetails(detailsOf(extracted, snap), request.url);
  fillCopy(extracted.text, extracted.blocks.map((b) => [b.start, b.end]), declaredLanguage(extracted, root));
  if (!widget.isConnected) $('gist').append(widget, copy);
  widget.hidden = false;
  say('', 'analysing');
  const analysis = await widget.refresh();
  if (!current()) return;
  page = {
    tabId: request.tabId,
    id: snap.id,
    extracted,
    index: new Map(texts.map((node, i) => [node, i])),
    exact: widget.text === extracted.text,
  };
  panel.dataset.exact = String(page.exact);
  if (!page.exact) console.warn('pith: the widget read another text than extractArticle() gave; sentences cannot be shown in the page');
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
  let range = null;
  if (page.exact) {
    try {
      range = rangeFor(page.extracted, start, end);
    } catch {
      range = null;
    }
  }
  const from = range && page.index.get(range.startContainer);
  const to = range && page.index.get(range.endContainer);
  if (from === undefined || to === undefined || from === null || to === null) {
    say(MESSAGES.mismatch);
    return;
  }
  const { tabId, id } = page;
  let outcome;
  try {
    // The reader looks at the page the sentence is in.
    await ext.tabs.update(tabId, { active: true });
    outcome = await inPage(tabId, (i, s, e) => (globalThis.pithPage ? globalThis.pithPage.show(i, s, e) : 'stale'),
      [id, [from, range.startOffset], [to, range.endOffset]]);
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
