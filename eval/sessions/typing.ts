import type { CodeUpdate } from '../../shared/protocol.ts';
import type { Anchor, Range, SessionScript, Step } from './script.ts';

// A deterministic typist: a session script → the frames an editor sends while a person types it.
// Keystrokes come at a human pace (about 3–6 characters a second, faster inside words, slower at
// line ends); the editor debounces: a frame after a short lull in typing (300–500 ms) and at least
// one a second while typing goes on. The typist knows what it is typing, so every frame says whether
// the cursor sits mid-token (inside a word, number, string or line it has not finished typing) —
// the ground truth for "did the question interrupt".

/** Client clock of the first keystroke; frames carry ts = CLOCK_BASE + ms since the start. */
export const CLOCK_BASE = 1_750_000_000_000;
const LULL_MIN_MS = 300;
const LULL_MAX_MS = 500;
const MAX_WAIT_MS = 1000;
/** a person reads the screen this long after a pause before a question counts as interrupting again */
const MARK_GRACE_MS = 2000;
const DEFAULT_MARK_SPAN_SEC = 10;
/** a mark opens a second before its place: the last line's closing keystrokes are the same moment */
const DEFAULT_MARK_LEAD_SEC = 1;

export type SimEvent =
  | { kind: 'code'; at: number; frame: CodeUpdate; midToken: boolean }
  | { kind: 'paste'; at: number; chars: number };

export interface MarkedMoment {
  fromSec: number;
  toSec: number;
  about: string;
}

export interface Keystroke {
  at: number;
  code: string;
  cursor: number;
  midToken: boolean;
  paste?: number;
}

export interface Simulation {
  /** in time order; `at` is ms since the session started */
  events: SimEvent[];
  marks: MarkedMoment[];
  keys: Keystroke[];
  durationMs: number;
  code: string;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function once(doc: string, needle: string, what: string): number {
  const i = doc.indexOf(needle);
  if (i < 0) throw new Error(`${what}: ${JSON.stringify(needle)} is not in the document`);
  if (doc.indexOf(needle, i + 1) >= 0) throw new Error(`${what}: ${JSON.stringify(needle)} occurs more than once`);
  return i;
}

export function resolveAnchor(doc: string, at: Anchor): number {
  if (at === 'end') return doc.length;
  if ('after' in at) return once(doc, at.after, 'anchor') + at.after.length;
  return once(doc, at.before, 'anchor');
}

export function resolveRange(doc: string, r: Range): [number, number] {
  const start = once(doc, r.from, 'range start');
  if (r.to === undefined) return [start, start + r.from.length];
  const end = doc.indexOf(r.to, start);
  if (end < 0) throw new Error(`range end: ${JSON.stringify(r.to)} does not follow ${JSON.stringify(r.from)}`);
  return [start, end + r.to.length];
}

/** 1-based line, 0-based column (characters before the cursor on its line). */
export function cursorOf(doc: string, offset: number): { line: number; col: number } {
  const before = doc.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - (before.lastIndexOf('\n') + 1) };
}

const linePrefix = (doc: string, offset: number) => doc.slice(doc.lastIndexOf('\n', offset - 1) + 1, offset);
const blankPrefix = (doc: string, offset: number) => linePrefix(doc, offset).trim() === '';
const isWordChar = (c: string) => /[A-Za-z0-9_]/.test(c);

/** What one keystroke inserts: a newline takes the next line's indentation with it (the editor indents). */
function units(text: string, atLineStart: boolean): string[] {
  const indent = atLineStart ? /^[ \t]*/.exec(text)![0] : '';
  const rest = text.slice(indent.length).match(/\n[ \t]*|[^\n]/gu) ?? [];
  return indent ? [indent, ...rest] : rest;
}

export function simulate(script: SessionScript): Simulation {
  const rnd = prng(script.seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * rnd();
  const keys: Keystroke[] = [];
  const marks: MarkedMoment[] = [];
  let doc = '';
  let cursor = 0;
  let t = 0;
  let wordMs = 150;
  let openMark: MarkedMoment | null = null;
  const wait = (ms: number) => {
    t = Math.round(t + ms); // whole milliseconds, as a client clock reports them
  };

  const press = (next: string, caret: number, midToken: boolean, pasted?: number) => {
    doc = next;
    cursor = caret;
    keys.push({ at: t, code: doc, cursor, midToken, ...(pasted !== undefined ? { paste: pasted } : {}) });
  };
  const insert = (s: string, midToken: boolean, pasted?: number) => press(doc.slice(0, cursor) + s + doc.slice(cursor), cursor + s.length, midToken, pasted);
  const backspace = () => press(doc.slice(0, cursor - 1) + doc.slice(cursor), cursor - 1, true);
  const moveTo = (at: Anchor | undefined) => {
    if (!at) return;
    wait(between(600, 1600)); // find the place and click
    cursor = resolveAnchor(doc, at);
  };

  const delayBefore = (unit: string, prev: string): number => {
    if (prev.startsWith('\n')) return rnd() < 0.1 ? between(2500, 6000) : between(500, 2200); // start of a line: what next
    if (unit === '\n' || unit.startsWith('\n')) return between(250, 700);
    if (isWordChar(unit) && !isWordChar(prev)) {
      wordMs = 1000 / between(4, 8); // each word at its own speed: bursts
      return between(150, 450);
    }
    if (!isWordChar(unit)) return between(140, 380);
    return wordMs * between(0.7, 1.3);
  };

  const typeText = (text: string, typos: number, unfinished: boolean) => {
    const us = units(text, blankPrefix(doc, cursor));
    const slipAt = new Set<number>();
    const wordInside = us.map((u, i) => i > 0 && isWordChar(u) && /[a-z]/i.test(u) && isWordChar(us[i - 1])).flatMap((ok, i) => (ok ? [i] : []));
    while (slipAt.size < Math.min(typos, wordInside.length)) slipAt.add(wordInside[Math.floor(rnd() * wordInside.length)]);
    let prev = linePrefix(doc, cursor) === '' && cursor > 0 ? '\n' : doc[cursor - 1] ?? '\n';
    us.forEach((u, i) => {
      if (slipAt.has(i)) {
        const letters = 'etaoinshrdlu';
        const wrong = letters.replace(u.toLowerCase(), '')[Math.floor(rnd() * 11)];
        wait(delayBefore(u, prev));
        insert(wrong, true);
        const more = us.slice(i + 1, i + 1 + Math.floor(rnd() * 3)).filter(isWordChar);
        for (const m of more) {
          wait(wordMs * between(0.7, 1.3));
          insert(m, true);
        }
        wait(between(300, 900)); // notices
        for (let k = 0; k <= more.length; k++) {
          wait(between(90, 160));
          backspace();
        }
      }
      wait(delayBefore(u, prev));
      // the line is done once its last character is typed: next comes a newline or the step ends
      const lineDone = i === us.length - 1 ? !unfinished : us[i + 1].startsWith('\n');
      const s = doc.slice(0, cursor) + u + doc.slice(cursor);
      insert(u, !(lineDone || blankPrefix(s, cursor + u.length)));
      prev = u;
    });
  };

  const steps: Step[] = script.steps;
  steps.forEach((st, idx) => {
    switch (st.kind) {
      case 'type':
        moveTo(st.at);
        typeText(st.text, st.typos ?? 0, st.unfinished ?? false);
        break;
      case 'delete': {
        wait(between(800, 2000)); // select
        const [a, b] = resolveRange(doc, st.range);
        cursor = b;
        const next = doc.slice(0, a) + doc.slice(b);
        press(next, a, (st.unfinished ?? false) || !blankPrefix(next, a));
        break;
      }
      case 'paste':
        moveTo(st.at);
        wait(between(500, 1500));
        insert(st.text, false, st.text.length);
        break;
      case 'pause':
        wait(st.sec * 1000);
        if (openMark && steps[idx + 1]?.kind !== 'pause') {
          openMark.toSec = (t + MARK_GRACE_MS) / 1000;
          openMark = null;
        }
        break;
      case 'mark': {
        const m: MarkedMoment = { fromSec: (t - (st.before ?? DEFAULT_MARK_LEAD_SEC) * 1000) / 1000, toSec: (t + (st.span ?? DEFAULT_MARK_SPAN_SEC) * 1000) / 1000, about: st.about };
        marks.push(m);
        if (st.span === undefined && steps[idx + 1]?.kind === 'pause') openMark = m;
        break;
      }
    }
    if (st.kind !== 'pause' && st.kind !== 'mark') openMark = null;
  });
  return { events: frames(script, keys, rnd), marks, keys, durationMs: t, code: doc };
}

/** The editor's side: debounce keystrokes into code_update frames (and report pastes at once). */
function frames(script: SessionScript, keys: Keystroke[], rnd: () => number): SimEvent[] {
  const events: SimEvent[] = [];
  let seq = 0;
  let sent = '';
  let firstUnsent: number | null = null;
  let lull = LULL_MIN_MS;
  const emit = (at: number, k: Keystroke) => {
    firstUnsent = null;
    lull = Math.round(LULL_MIN_MS + (LULL_MAX_MS - LULL_MIN_MS) * rnd());
    if (k.code === sent) return; // a slip typed and fixed between two frames: nothing changed
    sent = k.code;
    const frame: CodeUpdate = { type: 'code_update', seq: ++seq, code: k.code, language: script.language, ts: CLOCK_BASE + at, cursor: cursorOf(k.code, k.cursor) };
    events.push({ kind: 'code', at, frame, midToken: k.midToken });
  };
  // the text as of the last keystroke goes out after a lull, or when the oldest unsent change has waited long enough
  const due = (last: Keystroke, since: number) => Math.max(last.at, Math.min(last.at + lull, since + MAX_WAIT_MS));
  keys.forEach((k, i) => {
    const prev = keys[i - 1];
    if (firstUnsent !== null && prev && due(prev, firstUnsent) < k.at) emit(due(prev, firstUnsent), prev);
    if (k.paste !== undefined) events.push({ kind: 'paste', at: k.at, chars: k.paste });
    firstUnsent ??= k.at;
  });
  const last = keys[keys.length - 1];
  if (firstUnsent !== null && last) emit(due(last, firstUnsent), last);
  return events;
}

/** Was the editor mid-token at `atMs` (ms since the start)? The last keystroke at or before it decides. */
export function midTokenAt(sim: Simulation, atMs: number): boolean {
  let lo = 0;
  let hi = sim.keys.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sim.keys[mid].at <= atMs) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && sim.keys[found].midToken;
}
