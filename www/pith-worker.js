// pith-worker.js: runs analyze() off the main thread for <pith-summary> (a module worker).
//
// Messages in: {type: 'init', module} (the WebAssembly.Module the page already compiled, so the
// binary is not fetched twice), then {type: 'analyze', id, text, options}. Messages out:
// {id, ok: true, json, ms} (the result as JSON) or {id, ok: false, error, fatal, trap} (fatal:
// the analyser could not load, so the page falls back to the main thread; trap: the wasm
// instance trapped and must not be used again, so the page terminates this worker and starts a
// fresh one for the next job). The page sends one job at a time and terminates the worker to
// cancel one (a superseded request, a removed element, a timeout).
import init, { analyze } from './pkg/pith.js';

let ready = null;

function start(module) {
  ready ??= init(module ? { module_or_path: module } : undefined);
  return ready;
}

function message(err) {
  return err instanceof Error ? err.message : String(err);
}

self.addEventListener('message', async (event) => {
  const msg = event.data || {};
  if (msg.type === 'init') {
    start(msg.module).catch(() => {});
    return;
  }
  if (msg.type !== 'analyze') return;
  try {
    await start();
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, fatal: true, error: `the analyser could not load: ${message(err)}` });
    return;
  }
  try {
    const t0 = performance.now();
    const result = analyze(String(msg.text ?? ''), msg.options);
    // As JSON: JSON.parse on the page is several times cheaper than structured-cloning the
    // object graph (tens of thousands of objects for a 100,000-word article).
    self.postMessage({ id: msg.id, ok: true, json: JSON.stringify(result), ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id: msg.id, ok: false, error: message(err), trap: err instanceof WebAssembly.RuntimeError });
  }
});
