// The esbuild app: `pith/inline` as the package README says (nothing copied beside the bundle).
import init, { analyze } from 'pith/inline';

init().then(() => {
  window.__direct = analyze('Mr Smith said the plan was fine. The council agreed on Monday.').summary.length;
});
