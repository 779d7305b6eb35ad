// The shape of a recorded typing session: what the candidate types, where, with which pauses and
// rewrites, and the moments a person watching would ask (marked by hand). Scripts are data, so a
// reviewer reads them; the simulator (typing.ts) turns them into editor frames at eval time.

/**
 * Where the cursor goes before an edit. Anchors name text in the document as it is at that step and
 * must occur exactly once, so a script cannot silently edit the wrong place.
 */
export type Anchor = 'end' | { after: string } | { before: string };

/** A selection from the start of `from` to the end of `to` (searched after `from`); `to` omitted = `from` alone. */
export interface Range {
  from: string;
  to?: string;
}

export type Step =
  | { kind: 'type'; text: string; at?: Anchor; typos?: number; unfinished?: boolean }
  | { kind: 'pause'; sec: number }
  | { kind: 'delete'; range: Range; unfinished?: boolean }
  | { kind: 'paste'; text: string; at?: Anchor }
  | { kind: 'mark'; about: string; span?: number; before?: number };

export interface SessionScript {
  id: string;
  language: 'python' | 'javascript' | 'typescript' | 'java' | 'go' | 'cpp';
  /** seeds keystroke timing, frame debounce and typos */
  seed: number;
  /** what the session is, in one line */
  title: string;
  steps: Step[];
  /** the program as it stands at the end; the simulator must reproduce it exactly */
  final: string;
}

/**
 * Type `text` at the cursor (or at `at`), at a human pace. Leading indentation after a newline costs
 * no time (the editor indents). `typos`: that many slips, each noticed and fixed with backspace.
 * `unfinished`: the candidate stops mid-line (for instance to think in the middle of a condition).
 */
export const type = (text: string, opts: { at?: Anchor; typos?: number; unfinished?: boolean } = {}): Step => ({ kind: 'type', text, ...opts });

/** The candidate stops typing for `sec` seconds (reads, thinks). */
export const pause = (sec: number): Step => ({ kind: 'pause', sec });

/** Select a range and delete it. */
export const del = (range: Range, opts: { unfinished?: boolean } = {}): Step => ({ kind: 'delete', range, ...opts });

/** A rewrite: select a block, then type its replacement. */
export const rewrite = (range: Range, text: string, opts: { typos?: number } = {}): Step[] => [
  { kind: 'delete', range },
  { kind: 'type', text, ...opts },
];

/** Paste `text` in one go (the editor also reports a paste event). */
export const paste = (text: string, at?: Anchor): Step => ({ kind: 'paste', text, ...(at ? { at } : {}) });

/**
 * A moment a person would ask: from `before` seconds before this point (default 1: the last line's
 * closing keystrokes are the same moment) until `span` seconds after it; without `span`, until the
 * end of the pause (or pauses) that follow, plus two seconds to read the screen.
 */
export const mark = (about: string, opts: { span?: number; before?: number } = {}): Step => ({ kind: 'mark', about, ...opts });
