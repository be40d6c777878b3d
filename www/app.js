// pith demo: runs the wasm analyser on the article in the textarea and renders the result.
//
// Every string derived from the input reaches the DOM through textContent / createTextNode /
// append only. Markup is built with createElement; nothing is ever parsed as HTML.
import init, { actorDisplayConfidence, analyze, positionDisplayConfidence, version } from '/pkg/pith.js';

const SAMPLE_URL = '/fixtures/missile-defence.txt';
const EMPTY_MESSAGE = 'Paste an article to see its gist.';
const DEBOUNCE_MS = 150;
const KEYWORDS = 10;
const SIDE_OTHER = 'Other';

const $ = (sel) => document.querySelector(sel);
const input = $('#input');
const sentencesInput = $('#sentences');
const statusLine = $('#status');
const errorBox = $('#error');
const articleView = $('#article');
const resetButton = $('#reset');
const focusNote = $('#focus-note');
const focusName = $('#focus-name');
const panels = {
  summary: $('#summary .panel-body'),
  keywords: $('#keywords .panel-body'),
  actors: $('#actors .panel-body'),
  positions: $('#positions .panel-body'),
};

const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

/** State of the last successful analysis, for the interactive bits. */
let current = { text: '', result: null, focusActor: null };
let ready = false;
let sampleText = '';

// ---------------------------------------------------------------------------------------------
// DOM helpers

/** createElement with a class and children (strings become text nodes via append). */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

function showError(message) {
  errorBox.replaceChildren(
    h('strong', { text: 'Something went wrong. ' }),
    document.createTextNode(message),
  );
  errorBox.hidden = false;
}

function clearError() {
  errorBox.hidden = true;
  errorBox.replaceChildren();
}

function setStatus(...parts) {
  statusLine.replaceChildren(
    ...parts.flatMap((p, i) => (i ? [h('span', { class: 'sep', 'aria-hidden': 'true', text: '·' }), p] : [p])),
  );
}

function emptyState(target) {
  target.replaceChildren(h('p', { class: 'empty', text: EMPTY_MESSAGE }));
}

function describeError(err) {
  if (err instanceof Error) return err.message;
  return String(err);
}

function languageName(code) {
  if (!code || code === 'und') return 'Unknown language';
  try {
    return (languageNames && languageNames.of(code)) || code;
  } catch {
    return code;
  }
}

function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------
// Analysis

function summaryLength() {
  const n = Math.round(Number(sentencesInput.value));
  if (!Number.isFinite(n) || sentencesInput.value === '') return 3;
  return Math.min(10, Math.max(1, n));
}

function run() {
  if (!ready) return;
  const text = input.value;
  if (text.trim() === '') {
    clearError();
    current = { text, result: null, focusActor: null };
    renderEmpty();
    setStatus('No text yet');
    return;
  }
  let result;
  const t0 = performance.now();
  try {
    result = analyze(text, { sentences: summaryLength(), keywords: KEYWORDS, lang: 'auto' });
  } catch (err) {
    showError(`The analyser could not process this text: ${describeError(err)}`);
    setStatus('Analysis failed');
    return;
  }
  const ms = performance.now() - t0;
  clearError();
  const keepFocus = current.focusActor && current.text === text ? current.focusActor : null;
  current = { text, result, focusActor: null };
  try {
    render(text, result);
    if (keepFocus) focusActor(keepFocus, { scroll: false });
  } catch (err) {
    showError(`The result could not be displayed: ${describeError(err)}`);
    return;
  }
  setStatus(
    h('span', { class: 'status-lang', text: languageName(result.language) }),
    plural(result.sentences.length, 'sentence'),
    `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`,
  );
}

let timer = 0;
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

// ---------------------------------------------------------------------------------------------
// Rendering

function renderEmpty() {
  focusNote.hidden = true;
  Object.values(panels).forEach(emptyState);
  emptyState(articleView);
}

function render(text, r) {
  focusNote.hidden = true;
  renderArticle(text, r);
  renderSummary(r);
  renderKeywords(r);
  renderActors(r);
  renderPositions(r);
}

/** Clamps a UTF-16 span to the text and to a running cursor, so bad offsets never throw. */
function clampSpan(start, end, min, max) {
  const s = Math.min(Math.max(Number(start) | 0, min), max);
  const e = Math.min(Math.max(Number(end) | 0, s), max);
  return [s, e];
}

/**
 * Renders the input text into the reading view: every sentence is a span (summary sentences a
 * <mark class="summary">), gaps between sentences are plain text nodes, and the optional
 * `highlights` (sorted, UTF-16 spans) become <mark class="mention"> inside them.
 */
function renderArticle(text, r, highlights = []) {
  const summaryRank = new Map(r.summary.map((s, i) => [s.sentence, i + 1]));
  const frag = document.createDocumentFragment();
  const marks = normaliseSpans(highlights, text.length);
  let cursor = 0;

  const appendText = (parent, from, to) => {
    // Slices [from, to) of the text into parent, wrapping highlight spans that intersect it.
    let pos = from;
    for (const m of marks) {
      if (m.end <= pos) continue;
      if (m.start >= to) break;
      const s = Math.max(m.start, pos);
      const e = Math.min(m.end, to);
      if (s > pos) parent.append(document.createTextNode(text.slice(pos, s)));
      parent.append(h('mark', { class: `mention mention-${m.kind}` }, text.slice(s, e)));
      pos = e;
    }
    if (pos < to) parent.append(document.createTextNode(text.slice(pos, to)));
  };

  r.sentences.forEach((sentence, i) => {
    const [start, end] = clampSpan(sentence.start, sentence.end, cursor, text.length);
    if (start > cursor) appendText(frag, cursor, start);
    const rank = summaryRank.get(i);
    const el = rank
      ? h('mark', { class: 'sentence summary', dataset: { sentence: i, rank } })
      : h('span', { class: `sentence kind-${sentence.kind}`, dataset: { sentence: i } });
    if (rank) el.title = `Summary sentence ${rank}`;
    appendText(el, start, end);
    frag.append(el);
    cursor = end;
  });
  if (cursor < text.length) appendText(frag, cursor, text.length);
  articleView.replaceChildren(frag);
}

function normaliseSpans(spans, max) {
  const sorted = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start | 0), end: Math.min(max, s.end | 0) }))
    .filter((s) => s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let last = 0;
  for (const s of sorted) {
    if (s.start < last) continue; // drop overlaps: first (longest) wins
    out.push(s);
    last = s.end;
  }
  return out;
}

/**
 * Centres `el` inside the reading view's own scroll box, and brings the reading view into the
 * window only if it is not already fully visible (so the panels you clicked stay put).
 */
function revealInArticle(el) {
  const behavior = reducedMotion.matches ? 'auto' : 'smooth';
  const box = articleView.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const top = articleView.scrollTop + (r.top - box.top) - Math.max(0, (box.height - r.height) / 2);
  articleView.scrollTo({ top: Math.max(0, top), behavior });
  if (box.top < 0 || box.bottom > window.innerHeight) {
    articleView.scrollIntoView({ behavior, block: 'nearest' });
  }
}

function flashSentence(index) {
  const el = articleView.querySelector(`[data-sentence="${Number(index)}"]`);
  if (!el) return;
  revealInArticle(el);
  el.classList.remove('flash');
  // Force a reflow so the animation restarts when the same sentence is clicked twice.
  void el.offsetWidth;
  el.classList.add('flash');
  el.addEventListener('animationend', () => el.classList.remove('flash'), { once: true });
}

/** A button that flashes sentence `index`; `label`, when given, must contain its visible text. */
function jumpButton(index, children, label = null) {
  return h(
    'button',
    { type: 'button', class: 'jump', 'aria-label': label, onclick: () => flashSentence(index) },
    children,
  );
}

function renderSummary(r) {
  if (!r.summary.length) {
    panels.summary.replaceChildren(h('p', { class: 'empty', text: 'No summary sentences found.' }));
    return;
  }
  const list = h('ol', { class: 'summary-list' });
  for (const s of r.summary) {
    const sentence = r.sentences[s.sentence];
    const text = sentence ? current.text.slice(sentence.start, sentence.end) : s.text;
    list.append(
      h('li', {}, jumpButton(s.sentence, [text], `Show in article: ${text}`)),
    );
  }
  panels.summary.replaceChildren(list);
}

function renderKeywords(r) {
  if (!r.keywords.length) {
    panels.keywords.replaceChildren(h('p', { class: 'empty', text: 'No keywords found.' }));
    return;
  }
  const top = Math.max(...r.keywords.map((k) => k.score), 1e-9);
  const list = h('ul', { class: 'chips', 'aria-label': 'Keywords, most important first' });
  for (const k of r.keywords) {
    const weight = k.score / top;
    list.append(
      h('li', {
        class: `chip ${weight > 0.66 ? 'chip-strong' : weight > 0.33 ? 'chip-mid' : 'chip-light'}`,
        title: `score ${k.score.toFixed(3)}`,
        text: k.phrase,
      }),
    );
  }
  panels.keywords.replaceChildren(list);
}

/**
 * A cell's text, or for a missing value a dash that screen readers hear as "none" (a span
 * without a role cannot take an aria-label, so the word is hidden text and the dash is hidden
 * from them).
 */
function cellText(value) {
  return value === null || value === undefined || value === ''
    ? h('span', { class: 'none' },
      h('span', { 'aria-hidden': 'true', text: '—' }),
      h('span', { class: 'visually-hidden', text: 'none' }))
    : document.createTextNode(value);
}

function renderActors(r) {
  // Only actors pith is sure enough of are shown (the core's threshold, read from the module so
  // the page follows a recalibration); `analyze` still returns all of them, and the indexes
  // below stay those of r.actors, which focusActor() reads.
  const threshold = actorDisplayConfidence();
  const shown = [];
  r.actors.forEach((a, i) => {
    if (a.confidence >= threshold) shown.push([a, i]);
  });
  const hidden = r.actors.length - shown.length;
  const hiddenNote = hidden ? ` (${plural(hidden, 'less certain name')} not shown)` : '';
  if (!shown.length) {
    const text = hidden
      ? `No actors found with enough confidence; ${plural(hidden, 'less certain name')} not shown.`
      : 'No actors found.';
    panels.actors.replaceChildren(h('p', { class: 'empty', text }));
    return;
  }
  const head = h('tr', {}, ['Name', 'Kind', 'Role', 'Affiliation', 'Mentions'].map((c) =>
    h('th', { scope: 'col', class: c === 'Mentions' ? 'num' : null, text: c }),
  ));
  // Group by side (an actor's affiliation, or the state or organisation itself), sides in
  // order of their most salient actor; actors with no known side go last under "Other".
  const groups = new Map();
  shown.forEach(([a, i]) => {
    const side = a.affiliation || (a.kind === 'person' ? null : a.name) || SIDE_OTHER;
    if (!groups.has(side)) groups.set(side, []);
    groups.get(side).push([a, i]);
  });
  if (groups.has(SIDE_OTHER)) {
    const other = groups.get(SIDE_OTHER);
    groups.delete(SIDE_OTHER);
    groups.set(SIDE_OTHER, other);
  }
  const table = h('table', { class: 'data actors-table stack' },
    h('caption', { text: `${plural(shown.length, 'actor')}${hiddenNote}, grouped by side, most salient first. Select a name to highlight its mentions.` }),
    h('thead', {}, head),
  );
  for (const [side, members] of groups) {
    const body = h('tbody', { class: 'side-group' });
    body.append(
      h('tr', { class: 'group-row' },
        h('th', { scope: 'rowgroup', colspan: 5 },
          h('span', { class: 'side-name', text: side }),
          h('span', { class: 'count', text: plural(members.length, 'actor') }))),
    );
    for (const [a, i] of members) {
      const count = a.mentions.length + a.references.length;
      const name = h(
        'button',
        {
          type: 'button',
          class: 'actor-name',
          'aria-pressed': 'false',
          title: 'Highlight every mention in the reading view',
          dataset: { actor: i },
          onclick: () => focusActor(current.focusActor === i ? null : i),
        },
        a.name,
      );
      body.append(
        h('tr', { dataset: { actor: i } },
          h('td', { class: 'name', 'data-label': 'Name' }, name),
          h('td', { 'data-label': 'Kind' }, h('span', { class: `kind kind-${a.kind}`, text: a.kind })),
          h('td', { 'data-label': 'Role' }, cellText(a.role)),
          h('td', { 'data-label': 'Affiliation' }, cellText(a.affiliation)),
          h('td', { class: 'num', 'data-label': 'Mentions' },
            h('span', { class: 'bar', 'aria-hidden': 'true' },
              h('span', { class: 'bar-fill', dataset: { w: Math.round(Math.min(1, a.salience) * 10) } })),
            String(count)),
        ),
      );
    }
    table.append(body);
  }
  panels.actors.replaceChildren(h('div', { class: 'table-wrap' }, table));
}

/** Highlights the mentions and references of actor `index` in the reading view (null clears). */
function focusActor(index, { scroll = true } = {}) {
  const r = current.result;
  if (!r) return;
  const actor = index === null ? null : r.actors[index];
  current.focusActor = actor ? index : null;
  const spans = actor
    ? [
        ...actor.mentions.map((m) => ({ ...m, kind: 'named' })),
        ...actor.references.map((m) => ({ ...m, kind: 'ref' })),
      ]
    : [];
  renderArticle(current.text, r, spans);
  focusNote.hidden = !actor;
  focusName.textContent = actor ? actor.name : '';
  for (const btn of panels.actors.querySelectorAll('.actor-name')) {
    btn.setAttribute('aria-pressed', String(Number(btn.dataset.actor) === current.focusActor));
  }
  if (actor && scroll) {
    const first = articleView.querySelector('mark.mention');
    if (first) revealInArticle(first);
  }
}

function renderPositions(r) {
  // Only rows the core is confident enough about (pith::positions::DISPLAY_CONFIDENCE);
  // analyze() keeps them all.
  const threshold = positionDisplayConfidence();
  const positions = r.positions.filter((p) => p.confidence >= threshold);
  if (!positions.length) {
    panels.positions.replaceChildren(h('p', { class: 'empty', text: 'No positions found.' }));
    return;
  }
  // Group by side, in order of first appearance; actors without a side go last under "Other".
  const groups = new Map();
  for (const p of positions) {
    const side = p.side || SIDE_OTHER;
    if (!groups.has(side)) groups.set(side, []);
    groups.get(side).push(p);
  }
  if (groups.has(SIDE_OTHER)) {
    const other = groups.get(SIDE_OTHER);
    groups.delete(SIDE_OTHER);
    groups.set(SIDE_OTHER, other);
  }

  const head = h('tr', {}, ['Actor', 'Side', 'Stance', 'Claim', 'Evidence'].map((c) =>
    h('th', { scope: 'col', text: c }),
  ));
  const table = h('table', { class: 'data positions-table stack' },
    h('caption', { text: `${plural(positions.length, 'position')}, grouped by side.` }),
    h('thead', {}, head),
  );
  for (const [side, rows] of groups) {
    const body = h('tbody', { class: 'side-group' });
    body.append(
      h('tr', { class: 'group-row' },
        h('th', { scope: 'rowgroup', colspan: 5 },
          h('span', { class: 'side-name', text: side }),
          h('span', { class: 'count', text: plural(rows.length, 'position') }))),
    );
    for (const p of rows) {
      const sentence = r.sentences[p.sentence];
      const evidence = sentence ? current.text.slice(sentence.start, sentence.end) : p.evidence;
      const actorCell = h('td', { class: 'name', 'data-label': 'Actor' }, h('span', { class: 'actor', text: p.actor }));
      if (!p.resolved) {
        actorCell.append(' ', h('span', { class: 'unresolved', title: 'The speaker could not be resolved to a named actor', text: '(unresolved)' }));
      }
      const claim = p.quote
        ? h('q', { class: 'claim quote', text: p.claim })
        : h('span', { class: 'claim', text: p.claim });
      body.append(
        h('tr', { class: p.resolved ? null : 'is-unresolved' },
          actorCell,
          h('td', { class: 'side', 'data-label': 'Side' }, cellText(p.side)),
          h('td', { 'data-label': 'Stance' }, p.stance
            ? h('span', { class: `stance stance-${p.stance}`, title: p.cue ? `cue: “${p.cue}”` : null, text: p.stance })
            : cellText(null)),
          h('td', { class: 'claim-cell', 'data-label': 'Claim' }, claim),
          h('td', { class: 'evidence', 'data-label': 'Evidence' },
            // Named by its visible text ("sentence 4 ..."), so that speech input can say
            // what is shown (WCAG 2.5.3), after a hidden "Show in article:".
            jumpButton(p.sentence, [
              h('span', { class: 'visually-hidden', text: 'Show in article: ' }),
              h('span', { class: 'evidence-ref' },
                h('span', { 'aria-hidden': 'true', text: '¶ ' }),
                `sentence ${p.sentence + 1}`),
              h('span', { class: 'evidence-text', text: evidence }),
            ])),
        ),
      );
    }
    table.append(body);
  }
  panels.positions.replaceChildren(h('div', { class: 'table-wrap' }, table));
}

// ---------------------------------------------------------------------------------------------
// Start-up

async function loadSample() {
  const res = await fetch(SAMPLE_URL, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`could not load the sample article (HTTP ${res.status})`);
  return res.text();
}

input.addEventListener('input', schedule);
$('#focus-clear').addEventListener('click', () => focusActor(null));
sentencesInput.addEventListener('input', schedule);
sentencesInput.addEventListener('change', () => {
  if (sentencesInput.value !== '') sentencesInput.value = String(summaryLength());
  schedule();
});
resetButton.addEventListener('click', async () => {
  try {
    if (!sampleText) sampleText = await loadSample();
    input.value = sampleText;
    run();
  } catch (err) {
    showError(describeError(err));
  }
});

async function main() {
  renderEmpty();
  const sample = loadSample().catch((err) => {
    showError(`${describeError(err)}. Paste an article into the box instead.`);
    return '';
  });
  try {
    await init();
  } catch (err) {
    setStatus('Analyser unavailable');
    showError(`The analyser (WebAssembly) failed to load: ${describeError(err)}`);
    return;
  }
  ready = true;
  try {
    $('#version').textContent = `v${version()}`;
  } catch {
    /* cosmetic only */
  }
  sampleText = await sample;
  if (input.value === '') input.value = sampleText;
  run();
  document.documentElement.dataset.ready = 'true';
}

main();
