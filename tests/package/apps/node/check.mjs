// The Node app: the package imported as its README's Node section says. Prints one JSON line.
import { analyze } from 'pith';
import init from 'pith';
import { analyze as explicit } from 'pith/node';
import * as element from 'pith/element';

const TEXT = 'Mr Smith said the plan was fine. The council agreed on Monday.';
const gist = analyze(TEXT, { sentences: 2 });
await init(); // resolves at once: initialised on import
console.log(JSON.stringify({
  summary: gist.summary.map((s) => s.text),
  // The node condition: `pith` is pith/node (one module, one instance).
  sameAsNodeEntry: explicit === analyze,
  elementExports: Object.keys(element).sort(),
  customElements: typeof globalThis.customElements,
  htmlElement: typeof globalThis.HTMLElement,
}));
