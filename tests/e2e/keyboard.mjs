// The keyboard check, for any driver: Tab from the top of a freshly loaded page through every
// element it should reach (tests/e2e/focus-probe.js lists them in the page), and what each
// stop looks like. Used by the accessibility suite (Chromium, Playwright) and the WebDriver
// suite (Firefox and Chromium).
import fs from 'node:fs';

export const FOCUS_PROBE = fs.readFileSync(new URL('./focus-probe.js', import.meta.url), 'utf8');

/**
 * Presses Tab until focus leaves the page's elements or comes back to one it already reached.
 * `install(source)` runs FOCUS_PROBE in the page, `call(name)` returns the value of
 * `window.__focusProbe[name]()` there, and `tab()` presses Tab.
 */
export async function tabThrough({ install, call, tab }) {
  await install(FOCUS_PROBE);
  const { expected, positive } = await call('start');
  const stops = [];
  // Two more presses than stops expected: enough to see an extra stop and the way out.
  for (let i = 0; i < expected.length + 2; i++) {
    await tab();
    const now = await call('current');
    if (now.index === -2) break;
    if (now.index >= 0 && stops.some((s) => s.index === now.index)) break;
    stops.push(now);
  }
  return { expected, positive, stops };
}

/**
 * Throws, naming every element, unless Tab reached each expected element once, in document
 * order and nothing else, each in view with a visible focus ring of 3:1 or more.
 */
export function assertKeyboard({ expected, positive, stops }) {
  const problems = [];
  if (!expected.length) problems.push('no element to reach: the page did not render');
  if (positive.length) problems.push(`positive tabindex (it reorders Tab): ${positive.join('; ')}`);
  for (const s of stops) {
    if (s.index === -1) problems.push(`Tab stops on an element the probe did not list: ${s.what}`);
    if (!s.ring) problems.push(`no visible focus ring: ${s.what}`);
    else if (s.ring.ratio !== null && s.ring.ratio < 3) {
      problems.push(`focus ring (${s.ring.how}) ${s.ring.ratio.toFixed(2)}:1 against its background, under 3:1: ${s.what}`);
    }
    if (!s.inView) problems.push(`focused but not in view: ${s.what}`);
  }
  const reached = stops.map((s) => s.index).filter((i) => i >= 0);
  const missing = expected.filter((_, i) => !reached.includes(i));
  if (missing.length) problems.push(`not reached with Tab: ${missing.join('; ')}`);
  if (reached.some((v, k) => k > 0 && v < reached[k - 1])) {
    problems.push(`Tab order is not document order: ${stops.map((s) => s.what).join(' -> ')}`);
  }
  if (problems.length) throw new Error(problems.join('\n'));
}

/** A one-line account of the stops: how many, and each kind of ring with its lowest ratio. */
export function ringSummary({ stops }) {
  const worst = new Map();
  for (const s of stops) {
    if (!s.ring) continue;
    const kind = s.ring.how;
    const r = s.ring.ratio;
    if (!worst.has(kind) || (r !== null && r < worst.get(kind))) worst.set(kind, r);
  }
  const rings = [...worst].map(([how, r]) => (r === null ? how : `${how} >= ${r.toFixed(2)}:1`)).join(', ');
  return `${stops.length} stops; ${rings}`;
}
