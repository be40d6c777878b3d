// The page half of the keyboard check (tests/e2e/keyboard.mjs): evaluated as a script in the
// page under test by Playwright or by a WebDriver client, so both drive the same check. It
// defines window.__focusProbe:
//   start()   lists the elements Tab should reach, in the order it should reach them (tree
//             order through open shadow roots, as sequential navigation goes when no element
//             has a positive tabindex), and records how each looks without focus;
//   current() tells which of them has focus now (-1: another element, -2: none) and whether
//             it shows a focus ring: an outline, or a box-shadow it did not have unfocused, in
//             a colour with 3:1 or more against what is behind it (WCAG 1.4.11); `auto`
//             outlines are the browser's own two-tone ring and count as visible.
// It reads the page and changes nothing.
(() => {
  const SELECTOR = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, iframe, ' +
    'summary, [tabindex], [contenteditable=""], [contenteditable="true"]';

  function* deep(root) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* deep(el.shadowRoot);
    }
  }

  /** The element or shadow host holding `el` (crossing shadow roots). */
  const up = (el) => el.parentElement || (el.getRootNode() !== document ? el.getRootNode().host : null);

  function shown(el) {
    for (let n = el; n; n = up(n)) if (n.hasAttribute('inert')) return false;
    // checkVisibility: not display:none (also through [hidden] ancestors) nor visibility:hidden.
    return el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
  }

  function tabbable(el) {
    if (!el.matches(SELECTOR) || el.disabled || el.tabIndex < 0) return false;
    // A shadow host's own tab stop is its shadow tree's elements.
    if (el.shadowRoot && !el.hasAttribute('tabindex')) return false;
    return shown(el);
  }

  function describe(el) {
    const host = el.getRootNode() !== document ? `${el.getRootNode().host.localName} >>> ` : '';
    const id = el.id ? `#${el.id}` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${host}${el.localName}${id}${cls}${text ? ` "${text}"` : ''}`;
  }

  // sRGB colours as computed styles give them: rgb(r, g, b) or rgba(r, g, b, a).
  const COLOR = /rgba?\(\s*([\d.]+),?\s+([\d.]+),?\s+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)/g;
  const parse = (text) => [...String(text).matchAll(COLOR)].map((m) => ({
    rgb: [Number(m[1]), Number(m[2]), Number(m[3])],
    alpha: m[4] === undefined ? 1 : Number(m[4]),
    index: m.index,
  }));
  const channel = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  /** The first opaque background behind `el` (its ancestors', through shadow hosts). */
  function backdrop(el) {
    for (let n = up(el); n; n = up(n)) {
      const [c] = parse(getComputedStyle(n).backgroundColor);
      if (c && c.alpha === 1) return c.rgb;
    }
    return matchMedia('(prefers-color-scheme: dark)').matches ? [18, 18, 18] : [255, 255, 255];
  }

  /** The colour of the widest box-shadow (the outer band of a two-ring focus style), or null. */
  function shadowRing(boxShadow) {
    if (!boxShadow || boxShadow === 'none') return null;
    let best = null;
    for (const part of boxShadow.split(/,(?![^(]*\))/)) {
      const [c] = parse(part);
      if (!c || c.alpha === 0) continue;
      const lengths = part.replace(COLOR, '').match(/-?[\d.]+px/g) || [];
      const spread = Number.parseFloat(lengths[3] || '0');
      if (spread > 0 && (!best || spread > best.spread)) best = { rgb: c.rgb, spread };
    }
    return best;
  }

  let list = [];
  let unfocused = [];

  function look(el) {
    const cs = getComputedStyle(el);
    return {
      outlineStyle: cs.outlineStyle,
      outlineWidth: Number.parseFloat(cs.outlineWidth) || 0,
      outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow,
    };
  }

  function deepActive() {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a;
  }

  window.__focusProbe = {
    start() {
      list = [...deep(document)].filter(tabbable);
      unfocused = list.map(look);
      return {
        expected: list.map(describe),
        positive: [...deep(document)].filter((el) => el.tabIndex > 0).map(describe),
      };
    },
    current() {
      const el = deepActive();
      if (!el || el === document.body || el === document.documentElement) return { index: -2 };
      const index = list.indexOf(el);
      const now = look(el);
      const before = index >= 0 ? unfocused[index] : look(document.body);
      const back = backdrop(el);
      let ring = null;
      if (now.outlineStyle === 'auto') {
        ring = { how: 'outline auto (the browser\'s ring)', ratio: null };
      } else if (now.outlineStyle !== 'none' && now.outlineWidth >= 1) {
        const [c] = parse(now.outlineColor);
        ring = { how: `outline ${now.outlineWidth}px ${now.outlineStyle}`, ratio: c ? ratio(c.rgb, back) : 0 };
      } else if (now.boxShadow !== before.boxShadow) {
        const band = shadowRing(now.boxShadow);
        if (band) ring = { how: `box-shadow ${band.spread}px`, ratio: ratio(band.rgb, back) };
      }
      const box = el.getBoundingClientRect();
      return {
        index,
        what: describe(el),
        ring,
        inView: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight &&
          box.right > 0 && box.left < innerWidth,
      };
    },
  };
})();
