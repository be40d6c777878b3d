// The Chromium side of bench/run.mjs: loads pith (pkg/), compromise and wink-nlp (set up as
// globals by /bench/compromise.js and /bench/wink.js) and exposes the timed runs.
import init, { analyze } from '/pkg/pith.js';
import { makeEngines, timeCorpus, timeInputs } from '/bench/engines.mjs';

const now = () => performance.now();

try {
  await init({ module_or_path: '/pkg/pith_bg.wasm' });
  const engines = makeEngines({
    analyze,
    nlp: globalThis.nlp,
    winkNLP: globalThis.winkNLP,
    winkModel: globalThis.winkModel,
  });
  window.benchCorpus = (texts, schedule) => timeCorpus(engines, texts, now, { schedule });
  window.benchInputs = (inputs) => timeInputs(analyze, inputs, now);
  window.benchReady = true;
} catch (e) {
  window.benchReady = `bench page failed: ${e && e.message}`;
}
