// Types of the <pith-summary> element (www/pith-summary.js; "pith/element" in the package).
import type { Analysis } from './pkg/pith.js';

/** Texts from this many UTF-16 code units up are analysed in the worker by default. */
export declare const WORKER_THRESHOLD: number;

/** Sets where pith_bg.wasm is fetched from; call before the first element runs. */
export declare function configure(options?: { wasmUrl?: string | URL }): void;

/** `detail` of the `pith:analysed` event. */
export interface PithAnalysedDetail {
  /** The result of analyze() (see pith.js). */
  analysis: Analysis;
  /** The text that was analysed: offsets in `analysis` index it. */
  text: string;
  /** The element the text was taken from (detected, or named by `for` / `selector`). */
  container: Element | null;
  /** Where analyze() ran. */
  mode: 'main' | 'worker';
  /** Time of the analysis in milliseconds, as the page saw it (worker round trip included). */
  ms: number;
  /** Time spent reading the article out of the page (main thread), in milliseconds. */
  extractMs: number;
}

/** `detail` of the `pith:error` event; the widget shows `message` too. */
export interface PithErrorDetail {
  message: string;
  /** `missing`: `for` / `selector` names nothing; `empty`: no text; `error`: analysis failed. */
  reason: 'missing' | 'empty' | 'error';
}

/**
 * `<pith-summary>`: the gist of the article on the page.
 *
 * Attributes: `for` (article id) or `selector` (CSS); neither: the article is detected.
 * `sentences` (default 3), `lang` ("auto" or a code such as "en"), `sections` (any of
 * "summary actors positions keywords", in display order), `highlight` (clicking a sentence or a
 * position's evidence shows it in the page), `worker` (present: always analyse in a Web Worker;
 * "off": never; absent or "auto": from WORKER_THRESHOLD).
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
  /** Reads the article again and re-analyses it; never rejects. */
  refresh(): Promise<Analysis | null>;
  /** Scrolls to sentence `index` of `analysis` and highlights it in the page. */
  showSentence(index: number): Range | null;
  /** Removes the highlight from the page. */
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
