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
 * Milliseconds per article for each engine, the engines interleaved article by article (so
 * drift in machine load hits all alike), after a warm-up on the first `warm` articles.
 */
export function timeCorpus(engines, texts, now, warm = 20) {
  const names = Object.keys(engines);
  for (const t of texts.slice(0, warm)) for (const n of names) engines[n](t);
  const out = Object.fromEntries(names.map((n) => [n, new Array(texts.length)]));
  texts.forEach((t, i) => {
    for (const n of names) {
      const t0 = now();
      engines[n](t);
      out[n][i] = now() - t0;
    }
  });
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
