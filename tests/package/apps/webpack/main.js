// The webpack 5 app: the analyser and the element as the package README says (no loader, no plugin).
import init, { analyze } from 'pith';
import 'pith/element';

init().then(() => {
  window.__direct = analyze('Mr Smith said the plan was fine. The council agreed on Monday.').summary.length;
});
