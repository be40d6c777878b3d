// The timed work, shared by Node (bench/run.mjs) and the Chromium page (bench/page.mjs): the
// same texts through pith (wasm), compromise and wink-nlp in one process, one article at a time.

/** The three engines over one text each; every call does the whole pass the table names. */
export function makeEngines({ analyze, nlp, winkNLP, winkModel }) {
  const wink = winkNLP(winkModel);
  const its = wink.its;
  return {
    // The whole analysis: sentences, summary, keywords, actors, positions, as a JS object.
    pith: (text) => analyze(text),
    // compromise's entity pass: people, places, organisations.
    compromise: (text) => {
      const doc = nlp(text);
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
    },
    // wink-nlp: tokenise, sentences and entities (wink-eng-lite-web-model).
    wink: (text) => {
      const doc = wink.readDoc(text);
      return [doc.sentences().out(), doc.entities().out(its.detail)];
    },
  };
}

/**
 * Milliseconds per article for each engine, after a warm-up on the first `warm` articles, in
 * one of two schedules over the same texts:
 *
 * - `blocks` (the headline figures): the corpus in runs of `block` articles; each engine does a
 *   whole run in turn, and the engine that starts rotates from run to run. Each engine is timed
 *   in its own steady state, as a page or a batch job that analyses article after article sees
 *   it, and machine drift is still shared at the scale of a run (a few seconds).
 * - `interleaved`: the engines take turns article by article, so every call starts with caches
 *   filled by another engine's work. This costs a fast engine proportionally more: compromise
 *   sweeps megabytes of JS heap per article, and pith's next call then runs with its tables and
 *   code out of cache (a forced GC between calls does not change this, so it is not GC debt).
 */
export function timeCorpus(engines, texts, now, { schedule = 'blocks', warm = 20, block = 100 } = {}) {
  const names = Object.keys(engines);
  for (const t of texts.slice(0, warm)) for (const n of names) engines[n](t);
  const out = Object.fromEntries(names.map((n) => [n, new Array(texts.length)]));
  const time = (n, i) => {
    const t0 = now();
    engines[n](texts[i]);
    out[n][i] = now() - t0;
  };
  if (schedule === 'interleaved') {
    texts.forEach((_, i) => names.forEach((n) => time(n, i)));
    return out;
  }
  for (let first = 0, run = 0; first < texts.length; first += block, run++) {
    const last = Math.min(texts.length, first + block);
    for (let k = 0; k < names.length; k++) {
      const n = names[(run + k) % names.length];
      for (let i = first; i < last; i++) time(n, i);
    }
  }
  return out;
}

/** Median milliseconds of `analyze` per input. */
export function timeInputs(analyze, inputs, now) {
  return inputs.map(([name, text]) => {
    const times = [];
    const start = now();
    for (;;) {
      const t0 = now();
      analyze(text);
      times.push(now() - t0);
      const spent = now() - start;
      // As in examples/bench.rs: at least 3 runs and 0.5 s, at most 50; one run over 2 s.
      if (times.length >= 50 || spent >= 2000 || (times.length >= 3 && spent >= 500)) break;
    }
    return { name, ms: median(times), runs: times.length };
  });
}

export function median(values) {
  const v = [...values].sort((a, b) => a - b);
  if (v.length === 0) return 0;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function percentile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  return v.length ? v[Math.min(v.length - 1, Math.floor(v.length * p))] : 0;
}
