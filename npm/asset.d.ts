// Types of `pith/pith_bg.wasm` and `pith/pith-summary.css`: files, not modules. Imported through
// a bundler's asset loader (Vite `?url`, webpack `asset/resource`, esbuild `--loader:.wasm=file`)
// they give the emitted file's URL.
declare const url: string;
export default url;
