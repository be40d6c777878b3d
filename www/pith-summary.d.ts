// Types of the <pith-summary> element (www/pith-summary.js; "pith/element" in the package).
import type { Analysis, ArticleMetadata } from './pkg/pith.js';

/** Texts from this many UTF-16 code units up are analysed in the worker by default. */
export declare const WORKER_THRESHOLD: number;

/** Milliseconds a worker analysis may run by default (30,000); the `timeout` attribute overrides it. */
export declare const DEFAULT_TIMEOUT: number;

/** What the wasm binary can be handed in as: bytes, a compiled module, a response, or a promise of one. */
export type WasmSource = BufferSource | WebAssembly.Module | Response | Promise<BufferSource | WebAssembly.Module | Response>;

/**
 * Before the first element runs (and before the analyser's `init()`, which shares the instance):
 * `wasmUrl`, where pith_bg.wasm is fetched from, or `wasm`, the binary itself (one of the two).
 */
export declare function configure(options?: { wasmUrl?: string | URL; wasm?: WasmSource }): void;

/** `detail` of the `pith:analysed` event. */
export interface PithAnalysedDetail {
  /** The result of analyze() (see pith.js). */
  analysis: Analysis;
  /** The text that was analysed: offsets in `analysis` index it. */
  text: string;
  /** The element the text was taken from (detected, or named by `for` / `selector`). */
  container: Element | null;
  /** The page's title, byline, date, site name, language and excerpt (null where it gives none). */
  metadata: ArticleMetadata;
  /** Where analyze() ran. */
  mode: 'main' | 'worker';
  /** Time of the analysis in milliseconds, as the page saw it (worker round trip included). */
  ms: number;
  /** Time spent reading the article out of the page (main thread), in milliseconds. */
  extractMs: number;
  /**
   * Present when the worker was wanted but could not be used (it could not start or load the
   * analyser): why. The analysis then ran on the main thread (`mode: "main"`), and the page got
   * one `console.warn`.
   */
  workerError?: string;
}

/** `detail` of the `pith:error` event; the widget shows `message` too. */
export interface PithErrorDetail {
  message: string;
  /**
   * `missing`: `for` / `selector` names nothing; `empty`: no text; `error`: analysis failed
   * (a bad `article-lang`, or the analyser crashed: the next analysis gets a fresh one);
   * `timeout`: the worker ran past `timeout` and was terminated.
   */
  reason: 'missing' | 'empty' | 'error' | 'timeout';
}

/**
 * `<pith-summary>`: the gist of the article on the page.
 *
 * Attributes: `for` (article id) or `selector` (CSS); neither: the article is detected.
 * `sentences` (default 3), `article-lang` ("auto" or a code such as "de"; the page's `lang` is
 * only a hint, used when detection gives "und"), `sections` (any of
 * "summary actors positions keywords", in display order), `highlight` (clicking a sentence or a
 * position's evidence shows it in the page), `worker` (present: always analyse in a Web Worker;
 * "off": never; absent or "auto": from WORKER_THRESHOLD), `timeout` (milliseconds a worker
 * analysis may run; default DEFAULT_TIMEOUT).
 *
 * Lifecycle: a new `refresh()` cancels the element's earlier analysis (terminating the worker
 * if it runs there); removing the element cancels it too, clears its highlight and removes its
 * listeners. A timeout or a wasm trap gets a fresh worker or instance for the next analysis.
 */
export declare class PithSummary extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Where pith_bg.wasm is fetched from (before the first element runs). */
  static get wasmUrl(): string;
  static set wasmUrl(url: string | URL);
  /** Size (UTF-16 code units) from which the worker is used by default. */
  static workerThreshold: number;
  /**
   * The last analysis, or null (before the first, or after a message). It holds every actor;
   * the box shows those whose `confidence` is at least `actorDisplayConfidence()` (pith.js).
   */
  readonly analysis: Analysis | null;
  /** The analysed text, or ''. */
  readonly text: string;
  /** This element's name in `CSS.highlights` (`pith-summary-N`), for `::highlight(name)`. */
  readonly highlightName: string;
  /** Milliseconds a worker analysis may run (the `timeout` attribute; null removes it). */
  get timeout(): number;
  set timeout(ms: number | null);
  /** The `article-lang` attribute: "auto" (default) or a language code (null removes it). */
  get articleLang(): string;
  set articleLang(code: string | null);
  /**
   * Reads the article again and re-analyses it; never rejects. Resolves to the analysis, null
   * after a message or when the element is removed first, or, when a later call supersedes
   * this one, to that call's result.
   */
  refresh(): Promise<Analysis | null>;
  /** Scrolls to sentence `index` of `analysis` and highlights it in the page. */
  showSentence(index: number): Range | null;
  /** Removes this element's highlight, or the selection it made, from the page. */
  clearHighlight(): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'pith-summary': PithSummary;
  }
  interface HTMLElementEventMap {
    'pith:analysed': CustomEvent<PithAnalysedDetail>;
    'pith:error': CustomEvent<PithErrorDetail>;
  }
}
