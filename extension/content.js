// pith extension, in the page: injected by the panel with scripting.executeScript only after the
// reader asked (activeTab), into the extension's isolated world, never among the page's own
// scripts. It runs no wasm: Chromium holds content scripts to the page's CSP for WebAssembly,
// and most sites' CSPs do not allow it. Instead it hands the panel a copy of what pith's
// extractArticle() reads of the page (snapshot()), the panel runs extractArticle() on that copy
// with the widget's wasm, and for a sentence the reader clicks the panel names the page's own
// text nodes and offsets (show()): marked with the CSS Custom Highlight API or, where that is
// missing, the selection, as the widget marks them. The page's markup is never changed.
//
// The copy is what the walk in src/dom.rs looks at: elements (their tag and the attributes it
// reads), text nodes, and which elements are hidden (display: none, visibility: hidden or
// collapse: the walk asks getComputedStyle, which only the page can answer, so they come
// marked aria-hidden="true", which the walk skips the same way). A flat list, not a tree, so
// deep pages do not overflow anything.
//
// The panel calls it through `globalThis.pithPage` (this world only): snapshot(), show(id,
// start, end) and clear(). Injecting the file again keeps the first instance.
(() => {
  if (globalThis.pithPage) return;

  const HIGHLIGHT = 'pith-extension';
  // The attributes the walk reads (src/dom.rs: Ctx::check) and `lang` (the language hint).
  const ATTRIBUTES = ['class', 'id', 'role', 'aria-hidden', 'lang'];
  // Subtrees the walk never reads text from: their contents are left out, the elements kept.
  // (The walk also reads a whole <p>'s textContent to see whether it ends a sentence; a script
  // inside a paragraph is rare, and inline scripts and styles can be most of a page's bytes.)
  const OPAQUE = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed']);

  let snapshots = 0;
  let current = null; // { id, nodes: the page's text nodes in snapshot order }
  let selected = null; // the Range put in the selection where highlights are missing
  let escape = null; // the keydown listener that clears the mark (while one is shown)

  function hidden(el) {
    const style = getComputedStyle(el);
    return style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse';
  }

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
   * The page as the walk sees it: `items[i]` is [parent, tag, attributes] for an element or
   * [parent, null, text] for a text node, in document order (parents first; -1: the root).
   */
  function snapshot() {
    const type = document.contentType || 'text/html';
    if (!/html|xml/.test(type)) return { kind: 'unsupported', type };
    const root = document.documentElement;
    const items = [];
    const nodes = [];
    if (root) {
      const stack = [[root, -1]];
      while (stack.length) {
        const [node, parent] = stack.pop();
        if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
          items.push([parent, null, node.data]);
          nodes.push(node);
          continue;
        }
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const tag = node.localName.toLowerCase();
        const attributes = {};
        for (const name of ATTRIBUTES) {
          const value = node.getAttribute(name);
          if (value !== null) attributes[name] = value;
        }
        if (parent >= 0 && hidden(node)) attributes['aria-hidden'] = 'true';
        const index = items.length;
        items.push([parent, tag, attributes]);
        if (OPAQUE.has(tag)) continue;
        for (let child = node.lastChild; child; child = child.previousSibling) stack.push([child, index]);
      }
    }
    current = { id: ++snapshots, nodes };
    clear();
    return {
      kind: 'page',
      id: current.id,
      items,
      title: document.title.replace(/\s+/g, ' ').trim(),
      meta: {
        title: meta('meta[property="og:title"]'),
        byline: meta('meta[name="author"], meta[property="article:author"]'),
        published: meta('meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"]'),
        site: meta('meta[property="og:site_name"]'),
      },
    };
  }

  function hasHighlights() {
    return Boolean(globalThis.CSS && CSS.highlights && typeof Highlight === 'function');
  }

  /**
   * Scrolls to the text from `start` to `end` ([text node index, offset] in snapshot `id`) and
   * marks it. Returns 'shown', 'stale' (the page was read again since, or reloaded: this is a
   * new instance) or 'gone' (that text left the page or changed).
   */
  function show(id, start, end) {
    if (!current || current.id !== id) return 'stale';
    const a = current.nodes[start[0]];
    const b = current.nodes[end[0]];
    if (!a || !b || !a.isConnected || !b.isConnected || start[1] > a.length || end[1] > b.length) return 'gone';
    const range = document.createRange();
    try {
      range.setStart(a, start[1]);
      range.setEnd(b, end[1]);
    } catch {
      return 'gone';
    }
    clear();
    const target = a.parentElement;
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (target) target.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    let marked = false;
    if (hasHighlights()) {
      try {
        CSS.highlights.set(HIGHLIGHT, new Highlight(range));
        marked = true;
      } catch {
        // A registry that refuses this world's objects: the selection below.
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

  globalThis.pithPage = { snapshot, show, clear };
})();
