// <pith-summary>: one element that shows the gist of the article on the page it sits in.
//
//   <script type="module" src="/pith-summary.js"></script>
//   <pith-summary highlight></pith-summary>
//
// Attributes: for="ID" or selector="CSS" (the article; default: detected), sentences="3",
// article-lang="auto" (the article's language; the page's `lang` is only a hint), sections=
// "summary actors positions keywords", highlight, worker (always; "off": never; absent or
// "auto": from WORKER_THRESHOLD UTF-16 code units), timeout="30000" (ms, worker analyses).
// Properties `analysis`, `text`, `timeout`, `articleLang`, `highlightName`, methods
// `refresh()`, `showSentence(i)`, `clearHighlight()`, events `pith:analysed` and `pith:error`
// (both bubble and cross shadow roots). Types: pith-summary.d.ts.
//
// Lifecycle: each element has its own highlight name; removing it from the page cancels its
// analysis (terminating the worker if that analysis is running there), clears its highlight or
// selection and removes every listener it added to the page. A later analysis requested by the
// same element cancels the earlier one the same way. A worker analysis that runs past
// `timeout`, or a wasm trap, gets a fresh worker (or, on the main thread, a fresh instance of
// the module) for the next analysis.
//
// Security: text taken from the page reaches the DOM only through textContent, createTextNode
// and append; markup is never parsed. The page is only read: highlights use the CSS Custom
// Highlight API (or the selection) over a Range of its own text nodes. Styles come from
// pith-summary.css through a <link> in the shadow root, so a strict CSP (style-src 'self')
// holds. Requests: this module, pith.js, pith_bg.wasm, pith-summary.css and pith-worker.js,
// resolved from import.meta.url (pith.js and the wasm in ./pkg/ here, beside this file in the
// package that `make package` lays out). The wasm instance is pith-wasm.js's: the one `init()`
// of the analyser entry uses too.
//
// Bundlers: the worker is created with the literal `new Worker(new URL('./pith-worker.js',
// import.meta.url), { type: 'module' })` (the form Vite and webpack bundle as a worker), and the
// CSS and the wasm are `new URL(…, import.meta.url)` (emitted as assets). `pith/inline` sets
// pith-wasm.js's `overrides` first (the CSS as text, a worker from a blob) for tools that
// resolve none of these.
//
// Servers (SSR): where HTMLElement or customElements do not exist, importing this module
// defines nothing and throws nothing.
import * as glue from './pkg/pith.js';
import * as wasm from './pith-wasm.js';

/**
 * Texts from this many UTF-16 code units up are analysed in a Web Worker by default. Measured
 * with `node scripts/measure-worker.mjs` in headless Chromium: main-thread analyze() of the
 * reference article's paragraphs repeated crosses 50 ms at about this length (README, "Widget").
 */
export const WORKER_THRESHOLD = 60_000;

/**
 * How long an analysis in the worker may run before the worker is terminated (milliseconds).
 * The 100,000-word example takes 0.6–1.5 s there on a loaded 2-core machine, so 30 s is far
 * beyond any article and still ends a runaway job. The `timeout` attribute overrides it.
 */
export const DEFAULT_TIMEOUT = 30_000;

const TAG = 'pith-summary';
const SECTIONS = ['summary', 'actors', 'positions', 'keywords'];
const TITLES = { summary: 'Summary', actors: 'Key actors', positions: 'Positions', keywords: 'Keywords' };
const DEFAULT_SENTENCES = 3;
const MAX_SENTENCES = 20;
const KEYWORDS = 8;
const MAX_ACTORS = 8;
const MAX_POSITIONS = 10;
const CSS_URL = new URL('./pith-summary.css', import.meta.url);
const GLUE_URL = new URL('./pkg/pith.js', import.meta.url);

// ---------------------------------------------------------------------------------------------
// The wasm module: fetched and compiled once per page (pith-wasm.js, shared with the analyser's
// `init()`), and sent compiled to the worker. `api` is the main thread's instance (pith.js);
// after a trap it is replaced by a fresh one.

let ready = null;
let api = glue;
let instances = 0;
let mainSpent = false;
const compile = wasm.compile;

/**
 * Before the first analysis: `wasmUrl`, where pith_bg.wasm is fetched from, or `wasm`, the
 * binary itself (bytes, a `WebAssembly.Module`, a Response, or a promise of one), for tools
 * that do not emit the file. Either also serves the analyser's `init()` (one instance a page).
 */
export function configure({ wasmUrl: url, wasm: binary } = {}) {
  if (url !== undefined && binary !== undefined) throw new Error('pith-summary: configure() takes wasmUrl or wasm, not both');
  if (url !== undefined) {
    if (wasm.started()) throw new Error('pith-summary: configure() must run before the first analysis');
    wasm.setSource(new URL(String(url), globalThis.document ? document.baseURI : undefined));
  }
  if (binary !== undefined) {
    if (wasm.started()) throw new Error('pith-summary: configure() must run before the first analysis');
    wasm.setSource(binary);
  }
}

function loadWasm() {
  ready ??= api === glue ? wasm.init() : compile().then((module) => api.default({ module_or_path: module }));
  return ready;
}

/**
 * A trap leaves the main thread's instance in an unknown state (its stack pointer, allocator
 * and borrow flags are where the trap left them): it is never called again. A second copy of
 * pith.js (a distinct module URL) gets a fresh instance of the compiled module; if that cannot
 * load (a bundle without the file beside it), analyses go to the worker from then on.
 */
function renewMainInstance() {
  const url = `${GLUE_URL.href}?instance=${++instances}`;
  ready = (async () => {
    try {
      const fresh = await import(/* webpackIgnore: true */ /* @vite-ignore */ url);
      await fresh.default({ module_or_path: await compile() });
      api = fresh;
    } catch {
      mainSpent = true;
    }
  })();
  return ready;
}

const isTrap = (err) => err instanceof WebAssembly.RuntimeError;

// ---------------------------------------------------------------------------------------------
// The worker: one per page, started on first use, sent the compiled module (no second fetch).
// It runs one job at a time; the others wait here, so a job that is cancelled (superseded by
// a later request of the same element, or its element removed) either never reaches the
// worker or, when it is the running one, ends with the worker: it is terminated and a new one
// started for the next job. A job past its timeout, or a trap, ends the worker the same way.

class WorkerUnavailable extends Error {}
class Cancelled extends Error {}
class TimedOut extends Error {}
class Trapped extends Error {}

let worker = null; // { port: Worker, answered: boolean }
let workerBroken = false;
let workerFailure = ''; // why the worker cannot be used (reported once with console.warn)
let nextJob = 1;
let active = null;
const queue = [];
let connected = 0;

/** A new worker: the bundler-visible literal form, unless pith/inline gave its own. */
function createWorker() {
  if (wasm.overrides.worker) return wasm.overrides.worker();
  return new Worker(new URL('./pith-worker.js', import.meta.url), { type: 'module' });
}

/** The worker cannot be used on this page: analyses run on the main thread from now on. */
function workerFailed(message) {
  workerBroken = true;
  if (workerFailure) return;
  workerFailure = message;
  console.warn(`pith-summary: the worker failed (${message}); analysing on the main thread`);
}

function spawnWorker(module) {
  const port = createWorker();
  const state = { port, answered: false };
  port.addEventListener('message', ({ data }) => onWorkerMessage(state, data));
  port.addEventListener('error', (event) => {
    event.preventDefault();
    onWorkerCrash(state, event.message || 'the worker could not start');
  });
  port.addEventListener('messageerror', () => onWorkerCrash(state, 'a message could not be read'));
  port.postMessage({ type: 'init', module });
  return state;
}

/** Terminates the worker (its listeners go with it); the next job starts a new one. */
function endWorker() {
  if (worker) worker.port.terminate();
  worker = null;
}

function settle(job, error, value) {
  clearTimeout(job.timer);
  if (active === job) active = null;
  if (error) job.reject(error);
  else job.resolve(value);
}

/** Starts the next waiting job when the worker is free. */
function pump() {
  if (active || !queue.length) return;
  if (workerBroken) {
    for (const job of queue.splice(0)) settle(job, new WorkerUnavailable(workerFailure));
    return;
  }
  const job = queue.shift();
  try {
    worker ??= spawnWorker(job.module);
  } catch (err) {
    workerFailed(describe(err));
    settle(job, new WorkerUnavailable(describe(err)));
    pump();
    return;
  }
  active = job;
  job.timer = setTimeout(() => {
    if (active !== job) return;
    endWorker();
    settle(job, new TimedOut(`it took longer than ${seconds(job.timeout)}`));
    pump();
  }, job.timeout);
  worker.port.postMessage({ type: 'analyze', id: job.id, text: job.text, options: job.options });
}

function onWorkerMessage(state, data) {
  if (state !== worker || !active || !data || data.id !== active.id) return;
  state.answered = true;
  const job = active;
  if (data.ok) {
    settle(job, null, data);
  } else if (data.trap) {
    endWorker();
    settle(job, new Trapped(data.error));
  } else if (data.fatal) {
    workerFailed(data.error);
    endWorker();
    settle(job, new WorkerUnavailable(data.error));
  } else {
    settle(job, new Error(data.error));
  }
  pump();
}

/** An uncaught error in the worker: before its first answer it cannot run at all. */
function onWorkerCrash(state, message) {
  if (state !== worker) return;
  endWorker();
  if (!state.answered) {
    workerFailed(message);
    for (const job of [active, ...queue.splice(0)]) if (job) settle(job, new WorkerUnavailable(message));
    return;
  }
  if (active) settle(active, new Trapped(message));
  pump();
}

/** Queues `text` for the worker on behalf of `owner`; resolves to the worker's answer. */
async function analyzeInWorker(owner, text, options, timeout) {
  const module = await compile();
  if (workerBroken) throw new WorkerUnavailable(workerFailure);
  return new Promise((resolve, reject) => {
    queue.push({ id: nextJob++, owner, text, options, timeout, module, resolve, reject, timer: 0 });
    pump();
  });
}

/** Cancels the jobs of `owner`: waiting ones are dropped, a running one ends its worker. */
function cancelJobs(owner) {
  for (let i = queue.length - 1; i >= 0; i--) {
    if (queue[i].owner === owner) settle(queue.splice(i, 1)[0], new Cancelled('superseded'));
  }
  if (active && active.owner === owner) {
    endWorker();
    settle(active, new Cancelled('superseded'));
    pump();
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

function describe(err) {
  return err instanceof Error ? err.message : String(err);
}

function seconds(ms) {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
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

/** The primary subtag of a BCP 47 tag (`en-GB` -> `en`), lowercased; '' for none. */
function primaryLanguage(tag) {
  return String(tag || '').trim().toLowerCase().split(/[-_]/)[0];
}

/** A missing value: a dash that screen readers hear as "none" (a role-less span takes no aria-label). */
function none() {
  return h('span', { class: 'none' },
    h('span', { 'aria-hidden': 'true', text: '—' }),
    h('span', { class: 'visually-hidden', text: 'none' }));
}

function countWords(text) {
  const words = text.match(/\S+/g);
  return words ? words.length : 0;
}

const number = new Intl.NumberFormat('en');
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
// A date without a time is a calendar day, not UTC midnight (which is the day before in the
// Americas).
const dayFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * A page's publication date for a reader: "5 Mar 2024" from an ISO date, else the page's own
 * text when it is short enough to be a date, else nothing.
 */
function publishedDate(published) {
  if (!published) return '';
  const text = published.trim();
  const iso = /^\d{4}-\d{2}-\d{2}/.test(text);
  const when = iso ? new Date(text) : null;
  if (when && !Number.isNaN(when.getTime())) return (text.length === 10 ? dayFormat : dateFormat).format(when);
  return published.length <= 32 ? published.trim() : '';
}

/** The `lang` of text quoted from the article: its analysed language, '' (unknown) for und. */
function quoted(analysis) {
  return analysis.language && analysis.language !== 'und' ? analysis.language : '';
}

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
  const range = api.textRange(a.element, start - a.start, Math.min(end, a.end) - a.start);
  if (!range) return null;
  if (last !== first) {
    const tail = api.textRange(b.element, 0, Math.min(end, b.end) - b.start);
    if (tail) range.setEnd(tail.endContainer, tail.endOffset);
  }
  return range;
}

// Document-level rules for the highlights: ::highlight() must be styled in the page's own
// scope, one rule per live element's highlight name.
const highlightNames = new Set();
let highlightSheet = null;

function highlightRules() {
  return [...highlightNames].map((name) => `::highlight(${name}) {
  background-color: var(--pith-highlight, #ffe066);
  color: var(--pith-highlight-text, #1d1f23);
}`).join('\n');
}

function updateHighlightSheet() {
  try {
    if (highlightSheet) highlightSheet.replaceSync(highlightRules());
  } catch {
    // The page can style ::highlight(name) itself.
  }
}

function useHighlightName(name, used) {
  if (used) highlightNames.add(name);
  else highlightNames.delete(name);
  updateHighlightSheet();
}

/** Adds the ::highlight() rules to the scope holding the article (once); never throws. */
function adoptHighlightStyle(scope) {
  try {
    if (!('adoptedStyleSheets' in scope)) return;
    if (!highlightSheet) {
      highlightSheet = new CSSStyleSheet();
      highlightSheet.replaceSync(highlightRules());
    }
    if (!scope.adoptedStyleSheets.includes(highlightSheet)) {
      scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, highlightSheet];
    }
  } catch {
    // The page can style ::highlight(name) itself.
  }
}

const hasHighlights = () => Boolean(globalThis.CSS && CSS.highlights && typeof Highlight === 'function');

const sameRange = (a, b) => a.startContainer === b.startContainer && a.startOffset === b.startOffset
  && a.endContainer === b.endContainer && a.endOffset === b.endOffset;

const reducedMotion = globalThis.matchMedia
  ? globalThis.matchMedia('(prefers-reduced-motion: reduce)')
  : { matches: true };

let uid = 0;

// ---------------------------------------------------------------------------------------------
// The element

// Where there is no DOM (a server rendering the page), the class extends a stand-in and is
// never defined as an element.
const ElementBase = globalThis.HTMLElement ?? class {};

export class PithSummary extends ElementBase {
  static observedAttributes = ['for', 'selector', 'sentences', 'article-lang', 'sections', 'highlight', 'worker'];

  /** Where the wasm binary is fetched from; set before the first element runs. */
  static get wasmUrl() {
    return wasm.sourceUrl();
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
  #highlightName = `pith-summary-${uid}`;
  #selected = null;
  #analysis = null;
  #extracted = null;
  #about = null;
  #info = null;
  #run = 0;
  #latest = Promise.resolve(null);
  #scheduled = false;
  #interrupted = false;
  #connection = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const titleId = `${this.#ids}-title`;
    this.#status = h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' });
    this.#body = h('div', { class: 'body', part: 'body' });
    // The page's own title, byline and date (from its metadata), so a reader sees which article
    // the gist is of.
    this.#about = h('p', { class: 'about', part: 'about', hidden: true });
    this.#hint = h('p', {
      class: 'hint', part: 'hint', id: `${this.#ids}-hint`,
      text: 'Select a sentence to show it in the article.',
    });
    // The interface is English whatever the page's language; what it quotes from the article
    // carries the article's language (see #render).
    this.#box = h('section', { class: 'box', part: 'box', lang: 'en', 'aria-labelledby': titleId, hidden: true },
      h('header', { class: 'head', part: 'header' },
        h('h2', { class: 'title', part: 'title', id: titleId, text: 'The gist' }),
        this.#status,
        this.#about),
      this.#body,
      h('p', { class: 'foot', part: 'footer', text: 'Summarised in your browser by pith. Nothing leaves this page.' }),
    );
    const sheet = inlineSheet();
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
      this.#box.hidden = false;
      root.append(this.#box);
      return;
    }
    const link = h('link', { rel: 'stylesheet', href: CSS_URL.href });
    const reveal = () => {
      this.#box.hidden = false;
    };
    link.addEventListener('load', reveal, { once: true });
    link.addEventListener('error', reveal, { once: true });
    root.append(link, this.#box);
  }

  /** The last analysis (the `Analysis` object of pith.js), or null. */
  get analysis() {
    return this.#analysis;
  }

  /** The text that was analysed (offsets in `analysis` index it), or ''. */
  get text() {
    return this.#extracted ? this.#extracted.text : '';
  }

  /** The name of this element's entry in `CSS.highlights` (style it with `::highlight(name)`). */
  get highlightName() {
    return this.#highlightName;
  }

  /** Milliseconds a worker analysis may take (`timeout` attribute; default DEFAULT_TIMEOUT). */
  get timeout() {
    const n = Number(this.getAttribute('timeout'));
    return Number.isFinite(n) && n > 0 ? n : DEFAULT_TIMEOUT;
  }

  set timeout(ms) {
    if (ms === null || ms === undefined) this.removeAttribute('timeout');
    else this.setAttribute('timeout', String(ms));
  }

  /** The `article-lang` attribute: "auto" (the default) or a language code. */
  get articleLang() {
    return (this.getAttribute('article-lang') || '').trim() || 'auto';
  }

  set articleLang(code) {
    if (code === null || code === undefined) this.removeAttribute('article-lang');
    else this.setAttribute('article-lang', String(code));
  }

  connectedCallback() {
    connected++;
    this.#connection = new AbortController();
    const { signal } = this.#connection;
    useHighlightName(this.#highlightName, true);
    this.shadowRoot.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.clearHighlight();
    }, { signal });
    if (this.#analysis === null || this.#interrupted) this.#schedule();
  }

  disconnectedCallback() {
    connected--;
    // Whatever is in flight is dropped: its result is never rendered, its job cancelled.
    this.#interrupted = this.#box.hasAttribute('aria-busy');
    this.#run++;
    this.#latest = Promise.resolve(null);
    this.#scheduled = false;
    cancelJobs(this);
    this.clearHighlight();
    useHighlightName(this.#highlightName, false);
    if (this.#connection) this.#connection.abort();
    this.#connection = null;
    this.#busy(false);
    // The last element gone: no worker is kept idle for a page with no widget.
    if (connected === 0 && !active && !queue.length) endWorker();
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
      if (!this.#scheduled) return;
      this.#scheduled = false;
      if (this.isConnected) this.refresh();
    };
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', go, { once: true, signal: this.#connection?.signal });
    } else {
      queueMicrotask(go);
    }
  }

  /**
   * Reads the article again and re-analyses it. Resolves to the analysis, or null after a
   * message (also when a later call supersedes this one: to that call's result; and null when
   * the element is removed first). Never rejects. An earlier analysis still running is
   * cancelled (in the worker, by terminating it).
   */
  refresh() {
    const run = ++this.#run;
    this.#interrupted = false;
    this.#scheduled = false;
    cancelJobs(this);
    this.#latest = this.#refresh(run);
    return this.#latest;
  }

  async #refresh(run) {
    const current = () => run === this.#run;
    // A result for a superseded call: the latest call's, or null once the element is gone.
    const superseded = () => (this.isConnected ? this.#latest : null);
    this.#busy(true);
    this.#say('Reading the article…');
    try {
      await loadWasm();
      if (!current()) return superseded();
      const source = this.#source();
      if (source.problem) return this.#fail(source.problem, 'missing');
      const extractStart = performance.now();
      const extracted = source.element ? api.extractText(source.element) : api.extractArticle();
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
      let { analysis, used, workerError } = await this.#analyse(extracted.text, options, mode);
      // Detection found no language pith knows: the page's declared language is the hint.
      const hint = options.lang === 'auto' ? this.#languageHint(extracted.container) : '';
      if (analysis.language === 'und' && hint && hint !== 'und') {
        try {
          ({ analysis, used, workerError } = await this.#analyse(extracted.text, { ...options, lang: hint }, mode));
        } catch (err) {
          // A hint pith has no stemmer for: keep the undetermined result.
          if (err instanceof Cancelled || err instanceof TimedOut || err instanceof Trapped || isTrap(err)) throw err;
        }
      }
      const ms = performance.now() - started;
      if (!current()) return superseded();
      this.clearHighlight();
      this.#analysis = analysis;
      this.#extracted = extracted;
      this.#info = { words, ms, mode: used };
      this.#render();
      this.dispatchEvent(new CustomEvent('pith:analysed', {
        bubbles: true,
        composed: true,
        detail: {
          analysis, text: extracted.text, container: extracted.container, metadata: extracted.metadata,
          mode: used, ms, extractMs,
          ...(workerError ? { workerError } : {}),
        },
      }));
      return analysis;
    } catch (err) {
      if (!current()) return superseded();
      if (err instanceof Cancelled) return superseded();
      if (err instanceof TimedOut) {
        return this.#fail(`The analysis was stopped: ${describe(err)}. Try again, or set a longer timeout.`, 'timeout');
      }
      if (isTrap(err)) {
        // The main thread's instance trapped (in the worker: Trapped, the worker is gone).
        await renewMainInstance();
      }
      const crashed = err instanceof Trapped || isTrap(err);
      return this.#fail(
        crashed
          ? `The analyser crashed (${describe(err)}); a fresh one will be used next time.`
          : `The article could not be summarised: ${describe(err)}`,
        'error',
      );
    } finally {
      if (current()) this.#busy(false);
    }
  }

  /** Runs analyze() where `mode` says (the worker, unless it cannot start, or the main thread). */
  async #analyse(text, options, mode) {
    if (mode === 'worker' || mainSpent) {
      try {
        const answer = await analyzeInWorker(this, text, options, this.timeout);
        return { analysis: JSON.parse(answer.json), used: 'worker' };
      } catch (err) {
        if (!(err instanceof WorkerUnavailable) || mainSpent) throw err;
        return { analysis: api.analyze(text, options), used: 'main', workerError: describe(err) };
      }
    }
    return { analysis: api.analyze(text, options), used: 'main' };
  }

  /** Removes this widget's highlight, or the selection it made where highlights are missing. */
  clearHighlight() {
    if (globalThis.CSS && CSS.highlights) CSS.highlights.delete(this.#highlightName);
    const mine = this.#selected;
    this.#selected = null;
    const selection = mine && document.getSelection();
    if (selection && selection.rangeCount === 1 && sameRange(selection.getRangeAt(0), mine)) {
      selection.removeAllRanges();
    }
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
    this.#mark(range);
    return range;
  }

  // ------------------------------------------------------------------------------- internals

  /** Marks `range` without touching the page's markup: this element's highlight, else the selection. */
  #mark(range) {
    this.clearHighlight();
    if (hasHighlights()) {
      if (this.isConnected) {
        adoptHighlightStyle(range.startContainer.getRootNode());
        CSS.highlights.set(this.#highlightName, new Highlight(range));
      }
      return;
    }
    const selection = document.getSelection();
    if (!selection) return;
    selection.removeAllRanges();
    selection.addRange(range);
    this.#selected = selection.rangeCount ? selection.getRangeAt(0) : null;
  }

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
    // `article-lang` only: the element's own `lang` is HTML's attribute for the widget's
    // language, and the page's is a hint (#languageHint).
    return { sentences, keywords: KEYWORDS, lang: this.articleLang };
  }

  /** The language the page declares for the article (its nearest `lang`, else `<html lang>`). */
  #languageHint(container) {
    const declared = (container && container.closest && container.closest('[lang]')) || document.documentElement;
    return declared ? primaryLanguage(declared.getAttribute('lang')) : '';
  }

  #mode(length) {
    const value = (this.getAttribute('worker') ?? 'auto').trim().toLowerCase();
    if (value === 'auto') {
      if (mainSpent) return 'worker';
      return length >= PithSummary.workerThreshold ? 'worker' : 'main';
    }
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
    this.#about.hidden = true;
    this.#body.replaceChildren(h('p', { class: 'message', part: 'message', text: message }));
    const status = { error: 'Something went wrong.', timeout: 'The analysis took too long.' };
    this.#say(status[reason] || 'Nothing to summarise.');
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
    this.#renderAbout(r);
    const ms = info.ms < 10 ? info.ms.toFixed(1) : String(Math.round(info.ms));
    this.#say(`${number.format(info.words)} words · ${languageName(r.language)} · ${ms} ms`);
  }

  /** The article's title, byline and date, where the page gives them; hidden otherwise. */
  #renderAbout(r) {
    const meta = (this.#extracted && this.#extracted.metadata) || {};
    const date = publishedDate(meta.published);
    const parts = [
      meta.title ? h('cite', { class: 'about-title', part: 'about-title', lang: quoted(r), text: meta.title }) : null,
      meta.byline ? h('span', { class: 'about-byline', part: 'about-byline', lang: quoted(r), text: meta.byline }) : null,
      date ? h('time', { class: 'about-date', part: 'about-date', datetime: meta.published, text: date }) : null,
    ].filter(Boolean);
    const joined = parts.flatMap((p, i) => (i ? [' · ', p] : [p]));
    this.#about.replaceChildren(...joined);
    this.#about.hidden = parts.length === 0;
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
    return h('ol', { class: 'sentences', part: 'summary', lang: quoted(r) },
      r.summary.map((s) => {
        const text = (r.sentences[s.sentence] && r.sentences[s.sentence].text) || s.text;
        return h('li', { part: 'sentence' },
          highlight ? this.#jump(s.sentence, [text], `Show in the article: ${text}`) : text);
      }));
  }

  #keywords(r) {
    if (!r.keywords.length) return h('p', { class: 'empty', part: 'message', text: 'No keywords found.' });
    return h('ul', { class: 'chips', part: 'keywords', 'aria-label': 'Keywords, most important first' },
      r.keywords.map((k) => h('li', { class: 'chip', part: 'keyword', lang: quoted(r), text: k.phrase })));
  }

  #actors(r) {
    // Only the actors pith is sure enough of, by the core's own threshold (the module is loaded
    // before any render, also when the worker analysed); `analysis` keeps them all.
    const threshold = api.actorDisplayConfidence();
    const sure = r.actors.filter((a) => a.confidence >= threshold);
    if (!sure.length) return h('p', { class: 'empty', part: 'message', text: 'No actors found.' });
    const shown = sure.slice(0, MAX_ACTORS);
    const list = h('ul', { class: 'actors', part: 'actors' },
      shown.map((a) => {
        const details = [a.role, a.affiliation].filter(Boolean).join(', ');
        return h('li', { class: 'actor', part: 'actor' },
          h('span', { class: 'name', lang: quoted(r), text: a.name }),
          h('span', { class: `kind kind-${a.kind}`, part: 'actor-kind', text: a.kind }),
          details ? h('span', { class: 'details', lang: quoted(r), text: details }) : null);
      }));
    return sure.length > shown.length
      ? [list, h('p', { class: 'more', text: `and ${sure.length - shown.length} more` })]
      : list;
  }

  #positions(r, highlight, labelId) {
    // Only rows the core is confident enough about (pith::positions::DISPLAY_CONFIDENCE), by the
    // module's own threshold as for actors.
    const threshold = api.positionDisplayConfidence();
    const confident = r.positions.filter((p) => p.confidence >= threshold);
    if (!confident.length) return h('p', { class: 'empty', part: 'message', text: 'No positions found.' });
    const shown = confident.slice(0, MAX_POSITIONS);
    const columns = ['Who', 'Stance', 'Claim'];
    if (highlight) columns.push('Evidence');
    const caption = confident.length > shown.length
      ? `Who holds or said what: the first ${shown.length} of ${confident.length} positions`
      : `Who holds or said what: ${shown.length} position${shown.length === 1 ? '' : 's'}`;
    const rows = shown.map((p) => {
      const evidence = (r.sentences[p.sentence] && r.sentences[p.sentence].text) || p.evidence;
      return h('tr', {},
        h('th', { scope: 'row', 'data-label': 'Who' },
          h('span', { class: 'name', lang: quoted(r), text: p.actor }),
          p.side && p.side !== p.actor ? h('span', { class: 'side', lang: quoted(r), text: p.side }) : null),
        h('td', { 'data-label': 'Stance' },
          p.stance ? h('span', { class: `stance stance-${p.stance}`, text: p.stance }) : none()),
        h('td', { 'data-label': 'Claim', class: 'claim', lang: quoted(r) }, p.quote ? h('q', { text: p.claim }) : p.claim),
        highlight
          ? h('td', { 'data-label': 'Evidence' },
            this.#jump(p.sentence, ['Show'], `Show the evidence in the article: ${evidence}`))
          : null);
    });
    // A scrolling region that keyboard users can focus, named by the table's caption: the
    // section around it is already the landmark named "Positions", and two landmarks with one
    // name cannot be told apart.
    const captionId = `${labelId}-caption`;
    return h('div', { class: 'table-wrap', part: 'table-wrap', role: 'region', tabindex: 0, 'aria-labelledby': captionId },
      h('table', { part: 'positions-table' },
        h('caption', { id: captionId, text: caption }),
        h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', text: c })))),
        h('tbody', {}, rows)));
  }
}

/** The element's CSS as a constructed sheet when pith/inline handed it in as text (else null). */
let constructedSheet = null;
function inlineSheet() {
  if (!wasm.overrides.stylesheet) return null;
  if (!constructedSheet) {
    constructedSheet = new CSSStyleSheet();
    constructedSheet.replaceSync(wasm.overrides.stylesheet);
  }
  return constructedSheet;
}

if (globalThis.customElements && globalThis.HTMLElement && !customElements.get(TAG)) {
  customElements.define(TAG, PithSummary);
}
