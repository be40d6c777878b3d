// <pith-summary>: one element that shows the gist of the article on the page it sits in.
//
//   <script type="module" src="/pith-summary.js"></script>
//   <pith-summary highlight></pith-summary>
//
// Attributes: for="ID" or selector="CSS" (the article; default: detected), sentences="3",
// lang="auto", sections="summary actors positions keywords", highlight, worker (always; "off":
// never; absent or "auto": from WORKER_THRESHOLD UTF-16 code units). Properties `analysis` and
// `text`, methods `refresh()`, `showSentence(i)`, `clearHighlight()`, events `pith:analysed`
// and `pith:error` (both bubble and cross shadow roots). Types: pith-summary.d.ts.
//
// Security: text taken from the page reaches the DOM only through textContent, createTextNode
// and append; markup is never parsed. The page is only read: highlights use the CSS Custom
// Highlight API (or the selection) over a Range of its own text nodes. Styles come from
// pith-summary.css through a <link> in the shadow root, so a strict CSP (style-src 'self')
// holds. Requests: this module, pith.js, pith_bg.wasm, pith-summary.css and pith-worker.js,
// resolved from import.meta.url (pith.js and the wasm in ./pkg/ here, beside this file in the
// package that `make package` lays out).
import init, { actorDisplayConfidence, analyze, extractArticle, extractText, textRange } from './pkg/pith.js';

/**
 * Texts from this many UTF-16 code units up are analysed in a Web Worker by default. Measured
 * with `node scripts/measure-worker.mjs` in headless Chromium: main-thread analyze() of the
 * reference article's paragraphs repeated crosses 50 ms at about this length (README, "Widget").
 */
export const WORKER_THRESHOLD = 60_000;

const TAG = 'pith-summary';
const HIGHLIGHT = 'pith-summary';
const SECTIONS = ['summary', 'actors', 'positions', 'keywords'];
const TITLES = { summary: 'Summary', actors: 'Key actors', positions: 'Positions', keywords: 'Keywords' };
const DEFAULT_SENTENCES = 3;
const MAX_SENTENCES = 20;
const KEYWORDS = 8;
const MAX_ACTORS = 8;
const MAX_POSITIONS = 10;
const CSS_URL = new URL('./pith-summary.css', import.meta.url);
const WORKER_URL = new URL('./pith-worker.js', import.meta.url);
// Document-level rule for the highlight: ::highlight() must be styled in the page's own scope.
const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT}) {
  background-color: var(--pith-highlight, #ffe066);
  color: var(--pith-highlight-text, #1d1f23);
}`;

// ---------------------------------------------------------------------------------------------
// The wasm module: fetched and compiled once per page, shared with the worker.

let wasmUrl = new URL('./pkg/pith_bg.wasm', import.meta.url);
let compiled = null;
let ready = null;

/** Sets where the wasm binary is fetched from (before the first element runs). */
export function configure({ wasmUrl: url } = {}) {
  if (url !== undefined) {
    if (compiled) throw new Error('pith-summary: configure() must run before the first analysis');
    wasmUrl = new URL(String(url), document.baseURI);
  }
}

function compile() {
  compiled ??= (async () => {
    const response = await fetch(wasmUrl, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${wasmUrl.pathname}`);
    const type = response.headers.get('content-type') || '';
    if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
      return WebAssembly.compileStreaming(response);
    }
    return WebAssembly.compile(await response.arrayBuffer());
  })();
  return compiled;
}

function loadWasm() {
  ready ??= compile().then((module) => init({ module_or_path: module }));
  return ready;
}

// ---------------------------------------------------------------------------------------------
// The worker: one per page, started on first use, sent the compiled module (no second fetch).

let worker = null;
let workerBroken = false;
let nextRequest = 1;
const requests = new Map();

class WorkerUnavailable extends Error {}

function failWorker(message) {
  workerBroken = true;
  if (worker) worker.terminate();
  worker = null;
  for (const { reject } of requests.values()) reject(new WorkerUnavailable(message));
  requests.clear();
}

async function analyzeInWorker(text, options) {
  const module = await compile();
  if (workerBroken) throw new WorkerUnavailable('the worker failed earlier');
  if (!worker) {
    try {
      worker = new Worker(WORKER_URL, { type: 'module', name: 'pith' });
    } catch (err) {
      failWorker(describe(err));
      throw new WorkerUnavailable(describe(err));
    }
    worker.addEventListener('message', ({ data }) => {
      const request = data && requests.get(data.id);
      if (!request) return;
      requests.delete(data.id);
      if (data.ok) request.resolve(data);
      else if (data.fatal) request.reject(new WorkerUnavailable(data.error));
      else request.reject(new Error(data.error));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      failWorker(event.message || 'the worker could not start');
    });
    worker.addEventListener('messageerror', () => failWorker('a message could not be read'));
    worker.postMessage({ type: 'init', module });
  }
  const id = nextRequest++;
  return new Promise((resolve, reject) => {
    requests.set(id, { resolve, reject });
    worker.postMessage({ type: 'analyze', id, text, options });
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function describe(err) {
  return err instanceof Error ? err.message : String(err);
}

/** createElement with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'text') el.textContent = value;
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

function languageName(code) {
  if (!code || code === 'und') return 'unknown language';
  try {
    return (languageNames && languageNames.of(code)) || code;
  } catch {
    return code;
  }
}

function countWords(text) {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

const number = new Intl.NumberFormat('en');

/** The block index holding UTF-16 offset `at` (blocks are sorted and disjoint). */
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

/** A Range over the page's text for [start, end) of the extracted text, or null. */
function rangeFor(extracted, start, end) {
  const { blocks } = extracted;
  const first = blockAt(blocks, start);
  if (first < 0) return null;
  const last = Math.max(first, blockAt(blocks, Math.max(start, end - 1)));
  const a = blocks[first];
  const b = blocks[last];
  if (!a.element.isConnected || !b.element.isConnected) return null;
  const range = textRange(a.element, start - a.start, Math.min(end, a.end) - a.start);
  if (!range) return null;
  if (last !== first) {
    const tail = textRange(b.element, 0, Math.min(end, b.end) - b.start);
    if (tail) range.setEnd(tail.endContainer, tail.endOffset);
  }
  return range;
}

let highlightSheet = null;

/** Adds the ::highlight() rule to the scope holding the article (once); never throws. */
function adoptHighlightStyle(scope) {
  try {
    if (!('adoptedStyleSheets' in scope)) return;
    if (!highlightSheet) {
      highlightSheet = new CSSStyleSheet();
      highlightSheet.replaceSync(HIGHLIGHT_CSS);
    }
    if (!scope.adoptedStyleSheets.includes(highlightSheet)) {
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, highlightSheet];
    }
  } catch {
    // The page can style ::highlight(pith-summary) itself.
  }
}

/** Marks `range` without touching the page's markup: a named highlight, else the selection. */
function mark(range) {
  if (globalThis.CSS && CSS.highlights && typeof Highlight === 'function') {
    adoptHighlightStyle(range.startContainer.getRootNode());
    CSS.highlights.set(HIGHLIGHT, new Highlight(range));
    return 'highlight';
  }
  const selection = document.getSelection();
  if (!selection) return 'none';
  selection.removeAllRanges();
  selection.addRange(range);
  return 'selection';
}

const reducedMotion = globalThis.matchMedia
  ? globalThis.matchMedia('(prefers-reduced-motion: reduce)')
  : { matches: true };

let uid = 0;

// ---------------------------------------------------------------------------------------------
// The element

export class PithSummary extends HTMLElement {
  static observedAttributes = ['for', 'selector', 'sentences', 'lang', 'sections', 'highlight', 'worker'];

  /** Where the wasm binary is fetched from; set before the first element runs. */
  static get wasmUrl() {
    return String(wasmUrl);
  }

  static set wasmUrl(url) {
    configure({ wasmUrl: url });
  }

  /** Texts at least this long (UTF-16 code units) go to the worker unless `worker="off"`. */
  static workerThreshold = WORKER_THRESHOLD;

  #box;
  #status;
  #body;
  #hint;
  #ids = `pith-${++uid}`;
  #analysis = null;
  #extracted = null;
  #info = null;
  #run = 0;
  #latest = Promise.resolve(null);
  #scheduled = false;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const titleId = `${this.#ids}-title`;
    this.#status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#body = h('div', { class: 'body', part: 'body' });
    this.#hint = h('p', {
      class: 'hint', part: 'hint', id: `${this.#ids}-hint`,
      text: 'Select a sentence to show it in the article.',
    });
    this.#box = h('section', { class: 'box', part: 'box', 'aria-labelledby': titleId, hidden: true },
      h('header', { class: 'head', part: 'header' },
        h('h2', { class: 'title', part: 'title', id: titleId, text: 'The gist' }),
        this.#status),
      this.#body,
      h('p', { class: 'foot', part: 'footer', text: 'Summarised in your browser by pith. Nothing leaves this page.' }),
    );
    const link = h('link', { rel: 'stylesheet', href: CSS_URL.href });
    const reveal = () => {
      this.#box.hidden = false;
    };
    link.addEventListener('load', reveal, { once: true });
    link.addEventListener('error', reveal, { once: true });
    root.append(link, this.#box);
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.clearHighlight();
    });
  }

  /** The last analysis (the `Analysis` object of pith.js), or null. */
  get analysis() {
    return this.#analysis;
  }

  /** The text that was analysed (offsets in `analysis` index it), or ''. */
  get text() {
    return this.#extracted ? this.#extracted.text : '';
  }

  connectedCallback() {
    if (this.#analysis === null) this.#schedule();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'highlight' || name === 'sections') {
      if (this.#analysis) this.#render();
      return;
    }
    this.#schedule();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    const go = () => {
      this.#scheduled = false;
      if (this.isConnected) this.refresh();
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', go, { once: true });
    } else {
      queueMicrotask(go);
    }
  }

  /**
   * Reads the article again and re-analyses it. Resolves to the analysis, or null after a
   * message (also when a later call supersedes this one: to that call's result). Never rejects.
   */
  refresh() {
    const run = ++this.#run;
    this.#latest = this.#refresh(run);
    return this.#latest;
  }

  async #refresh(run) {
    const current = () => run === this.#run;
    this.#busy(true);
    this.#say('Reading the article…');
    try {
      await loadWasm();
      if (!current()) return this.#latest;
      const source = this.#source();
      if (source.problem) return this.#fail(source.problem, 'missing');
      const extractStart = performance.now();
      const extracted = source.element ? extractText(source.element) : extractArticle();
      const extractMs = performance.now() - extractStart;
      if (extracted.text.trim() === '') {
        return this.#fail(
          source.element
            ? 'The article element has no text to summarise yet.'
            : 'No article text was found on this page.',
          'empty',
        );
      }
      const words = countWords(extracted.text);
      const options = this.#options();
      const mode = this.#mode(extracted.text.length);
      this.#say(`Summarising ${number.format(words)} words…`);
      const started = performance.now();
      let analysis;
      let used = mode;
      if (mode === 'worker') {
        try {
          analysis = JSON.parse((await analyzeInWorker(extracted.text, options)).json);
        } catch (err) {
          if (!(err instanceof WorkerUnavailable)) throw err;
          used = 'main';
        }
      }
      if (used === 'main') analysis = analyze(extracted.text, options);
      const ms = performance.now() - started;
      if (!current()) return this.#latest;
      this.clearHighlight();
      this.#analysis = analysis;
      this.#extracted = extracted;
      this.#info = { words, ms, mode: used };
      this.#render();
      this.dispatchEvent(new CustomEvent('pith:analysed', {
        bubbles: true,
        composed: true,
        detail: { analysis, text: extracted.text, container: extracted.container, mode: used, ms, extractMs },
      }));
      return analysis;
    } catch (err) {
      if (!current()) return this.#latest;
      return this.#fail(`The article could not be summarised: ${describe(err)}`, 'error');
    } finally {
      if (current()) this.#busy(false);
    }
  }

  /** Removes this widget's highlight (or selection) from the page. */
  clearHighlight() {
    if (globalThis.CSS && CSS.highlights) CSS.highlights.delete(HIGHLIGHT);
  }

  /** Scrolls to sentence `index` of the analysis and marks it; returns the Range or null. */
  showSentence(index) {
    const sentence = this.#analysis && this.#analysis.sentences[index];
    if (!sentence || !this.#extracted) return null;
    let range = null;
    try {
      range = rangeFor(this.#extracted, sentence.start, sentence.end);
    } catch {
      range = null;
    }
    if (!range) {
      this.#say('That sentence is no longer on the page.');
      return null;
    }
    const target = range.startContainer.parentElement;
    if (target) target.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    mark(range);
    return range;
  }

  // ------------------------------------------------------------------------------- internals

  #source() {
    const scope = this.getRootNode();
    const id = (this.getAttribute('for') || '').trim();
    if (id) {
      const element = (scope.getElementById && scope.getElementById(id)) || document.getElementById(id);
      return element ? { element } : { problem: `There is no article element with the id “${id}” on this page.` };
    }
    const selector = (this.getAttribute('selector') || '').trim();
    if (selector) {
      let element = null;
      try {
        element = (scope.querySelector ? scope : document).querySelector(selector);
      } catch {
        return { problem: `“${selector}” is not a valid CSS selector.` };
      }
      return element ? { element } : { problem: `No article element matches “${selector}” on this page.` };
    }
    return {};
  }

  #options() {
    const n = Number.parseInt(this.getAttribute('sentences') || '', 10);
    const sentences = Number.isFinite(n) ? Math.min(MAX_SENTENCES, Math.max(1, n)) : DEFAULT_SENTENCES;
    const lang = (this.getAttribute('lang') || '').trim() || 'auto';
    return { sentences, keywords: KEYWORDS, lang };
  }

  #mode(length) {
    const value = (this.getAttribute('worker') ?? 'auto').trim().toLowerCase();
    if (value === 'auto') return length >= PithSummary.workerThreshold && !workerBroken ? 'worker' : 'main';
    return ['off', 'false', 'no', 'never', 'main'].includes(value) ? 'main' : 'worker';
  }

  #sections() {
    const attr = this.getAttribute('sections');
    if (attr === null) return SECTIONS;
    const wanted = attr.toLowerCase().split(/[\s,]+/).filter((s) => SECTIONS.includes(s));
    return [...new Set(wanted)];
  }

  #busy(on) {
    if (on) this.#box.setAttribute('aria-busy', 'true');
    else this.#box.removeAttribute('aria-busy');
  }

  #say(text) {
    this.#status.textContent = text;
  }

  #fail(message, reason) {
    this.clearHighlight();
    this.#analysis = null;
    this.#extracted = null;
    this.#info = null;
    this.#body.replaceChildren(h('p', { class: 'message', part: 'message', text: message }));
    this.#say(reason === 'error' ? 'Something went wrong.' : 'Nothing to summarise.');
    this.dispatchEvent(new CustomEvent('pith:error', {
      bubbles: true,
      composed: true,
      detail: { message, reason },
    }));
    return null;
  }

  #render() {
    const r = this.#analysis;
    const info = this.#info;
    if (!r || !info) return;
    const highlight = this.hasAttribute('highlight');
    const sections = this.#sections().map((name) => this.#section(name, r, highlight));
    if (highlight && this.#sections().some((s) => s === 'summary' || s === 'positions')) {
      sections.unshift(this.#hint);
    }
    this.#body.replaceChildren(...sections);
    const ms = info.ms < 10 ? info.ms.toFixed(1) : String(Math.round(info.ms));
    this.#say(`${number.format(info.words)} words · ${languageName(r.language)} · ${ms} ms`);
  }

  #section(name, r, highlight) {
    const id = `${this.#ids}-${name}`;
    const content = {
      summary: () => this.#summary(r, highlight),
      actors: () => this.#actors(r),
      positions: () => this.#positions(r, highlight, id),
      keywords: () => this.#keywords(r),
    }[name]();
    return h('section', { class: `section ${name}`, part: `section ${name}`, 'aria-labelledby': id },
      h('h3', { class: 'section-title', part: 'section-title', id, text: TITLES[name] }),
      content);
  }

  #jump(index, children, label) {
    return h('button', {
      type: 'button',
      class: 'jump',
      'aria-label': label,
      'aria-describedby': this.#hint.id,
      onclick: () => this.showSentence(index),
    }, children);
  }

  #summary(r, highlight) {
    if (!r.summary.length) return h('p', { class: 'empty', part: 'message', text: 'No summary sentences found.' });
    return h('ol', { class: 'sentences', part: 'summary' },
      r.summary.map((s) => {
        const text = (r.sentences[s.sentence] && r.sentences[s.sentence].text) || s.text;
        return h('li', { part: 'sentence' },
          highlight ? this.#jump(s.sentence, [text], `Show in the article: ${text}`) : text);
      }));
  }

  #keywords(r) {
    if (!r.keywords.length) return h('p', { class: 'empty', part: 'message', text: 'No keywords found.' });
    return h('ul', { class: 'chips', part: 'keywords', 'aria-label': 'Keywords, most important first' },
      r.keywords.map((k) => h('li', { class: 'chip', part: 'keyword', text: k.phrase })));
  }

  #actors(r) {
    // Only the actors pith is sure enough of, by the core's own threshold (the module is loaded
    // before any render, also when the worker analysed); `analysis` keeps them all.
    const threshold = actorDisplayConfidence();
    const sure = r.actors.filter((a) => a.confidence >= threshold);
    if (!sure.length) return h('p', { class: 'empty', part: 'message', text: 'No actors found.' });
    const shown = sure.slice(0, MAX_ACTORS);
    const list = h('ul', { class: 'actors', part: 'actors' },
      shown.map((a) => {
        const details = [a.role, a.affiliation].filter(Boolean).join(', ');
        return h('li', { class: 'actor', part: 'actor' },
          h('span', { class: 'name', text: a.name }),
          h('span', { class: `kind kind-${a.kind}`, part: 'actor-kind', text: a.kind }),
          details ? h('span', { class: 'details', text: details }) : null);
      }));
    return sure.length > shown.length
      ? [list, h('p', { class: 'more', text: `and ${sure.length - shown.length} more` })]
      : list;
  }

  #positions(r, highlight, labelId) {
    if (!r.positions.length) return h('p', { class: 'empty', part: 'message', text: 'No positions found.' });
    const shown = r.positions.slice(0, MAX_POSITIONS);
    const columns = ['Who', 'Stance', 'Claim'];
    if (highlight) columns.push('Evidence');
    const caption = r.positions.length > shown.length
      ? `Who holds or said what: the first ${shown.length} of ${r.positions.length} positions`
      : `Who holds or said what: ${shown.length} position${shown.length === 1 ? '' : 's'}`;
    const rows = shown.map((p) => {
      const evidence = (r.sentences[p.sentence] && r.sentences[p.sentence].text) || p.evidence;
      return h('tr', {},
        h('th', { scope: 'row', 'data-label': 'Who' },
          h('span', { class: 'name', text: p.actor }),
          p.side && p.side !== p.actor ? h('span', { class: 'side', text: p.side }) : null),
        h('td', { 'data-label': 'Stance' },
          p.stance ? h('span', { class: `stance stance-${p.stance}`, text: p.stance }) : h('span', { class: 'none', text: '—' })),
        h('td', { 'data-label': 'Claim', class: 'claim' }, p.quote ? h('q', { text: p.claim }) : p.claim),
        highlight
          ? h('td', { 'data-label': 'Evidence' },
            this.#jump(p.sentence, ['Show'], `Show the evidence in the article: ${evidence}`))
          : null);
    });
    return h('div', { class: 'table-wrap', part: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': labelId },
      h('table', { part: 'positions-table' },
        h('caption', { text: caption }),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c })))),
        h('tbody', {}, rows)));
  }
}

if (!customElements.get(TAG)) customElements.define(TAG, PithSummary);
