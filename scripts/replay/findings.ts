// What an audit replay reports: each difference as a finding that says which check found it and
// where (a session_events row id, a code seq, a question id, a report path), in words a person reads.

export type Check = 'chain' | 'snapshot' | 'trigger' | 'question' | 'answer' | 'evaluation' | 'session' | 'report';

export interface Finding {
  check: Check;
  /** the place, as a reader would look it up: "session_events id 1234 (in code_update seq 17, stream id …)" */
  where: string;
  message: string;
  rowId?: number;
  seq?: number;
  questionId?: string;
  path?: string;
}

/**
 * Something an auditor should know that is not a difference: the archive is consistent with what
 * the live system does, e.g. a question withdrawn because the session ended while it was being
 * prepared. Notes never change the verdict.
 */
export type Note = Finding;

export interface Counts {
  /** archived session_events rows */
  events: number;
  inEvents: number;
  outEvents: number;
  codeUpdates: number;
  /** code updates whose trigger decision was re-run and compared with what was recorded */
  decisions: number;
  asks: number;
  questions: number;
  evaluations: number;
  /** whether a stored report was rebuilt and compared, or why not */
  report: 'compared' | 'none stored' | `not rebuilt: ${string}`;
}

export type TimelineKind = 'code' | 'tick' | 'editor' | 'decision' | 'ask' | 'question' | 'answer' | 'grade' | 'end' | 'notice' | 'error';

export interface TimelineItem {
  /** epoch ms, the time Redis took the entry */
  at: number;
  /** ms since the first archived event */
  offsetMs: number;
  kind: TimelineKind;
  label: string;
  text: string;
  rowId: number;
  /** a finding points at this row */
  flagged: boolean;
}

export interface ReplayResult {
  ok: boolean;
  sessionId: string;
  findings: Finding[];
  /** informational, never part of the verdict */
  notes: Note[];
  timeline: TimelineItem[];
  counts: Counts;
}

export const short = (s: string | null | undefined, n = 12): string => (s ? (s.length > n ? `${s.slice(0, n)}…` : s) : '(none)');

export function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** A value for a message: strings quoted and clipped, everything else as JSON. */
export function show(v: unknown, n = 60): string {
  if (v === undefined) return '(absent)';
  if (typeof v === 'string') return JSON.stringify(clip(v, n));
  return clip(JSON.stringify(v) ?? String(v), n);
}

/** Paths where two JSON values differ ("questions[1].score"), at most `limit` of them. */
export function jsonDiff(a: unknown, b: unknown, path = '', out: string[] = [], limit = 20): string[] {
  if (out.length >= limit) return out;
  if (Array.isArray(a) && Array.isArray(b)) {
    // An item more or less shifts every later one: one difference, at the array.
    if (a.length !== b.length) out.push(path || '(root)');
    else for (let i = 0; i < a.length; i++) jsonDiff(a[i], b[i], `${path}[${i}]`, out, limit);
    return out;
  }
  const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObj(a) && isObj(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      jsonDiff(a[k], b[k], path ? `${path}.${k}` : k, out, limit);
    }
    return out;
  }
  if (a !== b) out.push(path || '(root)');
  return out;
}

/** The value at a path produced by jsonDiff. */
export function atPath(v: unknown, path: string): unknown {
  if (path === '(root)') return v;
  let cur: unknown = v;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return jsonDiff(a, b, '', [], 1).length === 0;
}
