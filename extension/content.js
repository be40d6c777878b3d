// pith extension, in the page: injected by the panel with scripting.executeScript only after the
// reader asked (activeTab), into the extension's isolated world, never into the page's own
// scripts. It reads the article with pith's extractArticle(), hands the text to the panel, and
// later marks a sentence of it as the widget does: a Range over the page's own text nodes
// (textRange), shown with the CSS Custom Highlight API or, where that is missing, the
// selection. The page's markup is never changed.
//
// The wasm is the widget's pith_bg.wasm from the extension's own files: the panel reads it and
// hands it over (load()), base64 in the call's arguments. Fetching it from here would need it
// in web_accessible_resources, where every page could probe for it; embedding it in this file
// would ship it twice.
//
// The panel calls it through `globalThis.pithPage` (this world only): loaded(), load(base64),
// read(), show(id, start, end) and clear(). Injecting the file again keeps the first instance.
import init, { extractArticle, textRange } from '../pkg/pith.js';

const HIGHLIGHT = 'pith-extension';

let ready = null;
let current = null; // { id, extracted } of the last read()
let reads = 0;
let selected = null; // the Range put in the selection where highlights are missing
let escape = null; // the keydown listener that clears the mark (while one is shown)

/** Instantiates the wasm from its bytes in base64 (once a page). */
async function load(base64) {
  if (!ready) {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    ready = init({ module_or_path: bytes });
  }
  await ready;
  return true;
}

const loaded = () => ready !== null;

/** `content` of the first meta element matching `selector` that says something, else ''. */
function meta(selector) {
  for (const el of document.querySelectorAll(selector)) {
    const value = (el.getAttribute('content') || '').replace(/\s+/g, ' ').trim();
    // article:author is often a profile URL, not a name.
    if (value && !/^https?:\/\//i.test(value)) return value;
  }
  return '';
}

/**
 * Title, byline, date and site of the article. extractArticle() wins where it returns them (it
 * does not yet: these are Readability's names, which it would use); until then the headline
 * it kept (an <h1> first block), then the page's standard meta tags.
 */
function details(extracted) {
  const first = extracted.blocks[0];
  const headline = first && first.element.localName === 'h1'
    ? extracted.text.slice(first.start, first.end).trim()
    : '';
  return {
    title: extracted.title || headline || meta('meta[property="og:title"]') || document.title.replace(/\s+/g, ' ').trim(),
    byline: extracted.byline || meta('meta[name="author"], meta[property="article:author"]'),
    published: extracted.publishedTime || meta('meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"]'),
    site: extracted.siteName || meta('meta[property="og:site_name"]'),
  };
}

/** What the page declares as the article's language (the widget's hint): nearest `lang`. */
function declaredLanguage(container) {
  const el = (container && container.closest && container.closest('[lang]')) || document.documentElement;
  return (el && el.getAttribute('lang')) || '';
}

async function read() {
  const type = document.contentType || 'text/html';
  if (!/html|xml/.test(type)) return { kind: 'unsupported', type };
  if (!ready) throw new Error('pith: read() before load()');
  await ready;
  clear();
  const extracted = extractArticle();
  current = { id: ++reads, extracted };
  return {
    kind: 'article',
    id: current.id,
    text: extracted.text,
    blocks: extracted.blocks.map((b) => [b.start, b.end]),
    lang: declaredLanguage(extracted.container),
    details: details(extracted),
  };
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

/** A Range over the page's text for [start, end) of the extracted text, or null (the widget's rangeFor). */
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

function hasHighlights() {
  return Boolean(globalThis.CSS && CSS.highlights && typeof Highlight === 'function');
}

/**
 * Scrolls to [start, end) of read number `id` and marks it. Returns 'shown', 'stale' (the page
 * was read again since, or reloaded: this is a new instance) or 'gone' (the text left the page).
 */
function show(id, start, end) {
  if (!current || current.id !== id) return 'stale';
  let range = null;
  try {
    range = rangeFor(current.extracted, start, end);
  } catch {
    range = null;
  }
  if (!range) return 'gone';
  clear();
  const target = range.startContainer.parentElement;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  if (target) target.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  let marked = false;
  if (hasHighlights()) {
    try {
      CSS.highlights.set(HIGHLIGHT, new Highlight(range));
      marked = true;
    } catch {
      // Firefox's wrappers of the page's registry may refuse: the selection below.
    }
  }
  if (!marked) {
    const selection = document.getSelection();
    if (selection) {
      selection.removeAllRanges();
      selection.addRange(range);
      selected = selection.rangeCount ? selection.getRangeAt(0) : null;
    }
  }
  // Escape on the page takes the mark away, as it does in the widget.
  escape = (event) => {
    if (event.key === 'Escape') clear();
  };
  document.addEventListener('keydown', escape, true);
  return 'shown';
}

/** Removes the mark (and the selection it made, if the reader has not changed it). */
function clear() {
  if (hasHighlights()) CSS.highlights.delete(HIGHLIGHT);
  if (selected) {
    const selection = document.getSelection();
    const r = selection && selection.rangeCount === 1 ? selection.getRangeAt(0) : null;
    if (r && r.startContainer === selected.startContainer && r.startOffset === selected.startOffset
      && r.endContainer === selected.endContainer && r.endOffset === selected.endOffset) {
      selection.removeAllRanges();
    }
    selected = null;
  }
  if (escape) document.removeEventListener('keydown', escape, true);
  escape = null;
}

globalThis.pithPage ??= { loaded, load, read, show, clear, highlight: HIGHLIGHT };
