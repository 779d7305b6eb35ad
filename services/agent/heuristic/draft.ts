// The shape a question template returns, and the context it reads. Split from the templates so both
// template files and the selector share it without importing each other.
import type { FunctionFacts, LoopFacts } from '../../../shared/analysis/index.ts';
import type { Topic } from '../provider.ts';
import type { CodeView, Extras } from './code.ts';
import type { Concept, Expected, Misconception } from './expected.ts';
import type { Lines } from './text.ts';

export interface Ctx {
  fn: FunctionFacts;
  view: CodeView;
  lines: Lines;
  language: string;
  extras: Extras;
}

export interface Draft {
  topic: Topic;
  /** rubric.ts key */
  variant: string;
  text: string;
  /** the lines the question points at (highlighted for the candidate) */
  lines: [number, number];
  /** the answer key, without the rubric's concepts (added when the question is finalised) */
  key: Omit<Partial<Expected>, 'concepts' | 'misconceptions'>;
  /** code-specific concepts or synonyms ("line 3" for "dominating line") */
  concepts?: Concept[];
  misconceptions?: Misconception[];
}

export type Template = (ctx: Ctx) => Draft | null;

export const SLOW = new Set(['O(n^2)', 'O(n^2 log n)', 'O(n^3)', 'O(2^n)']);

/** [min, max] of the given line numbers. */
export function span(...ls: (number | undefined)[]): [number, number] {
  const xs = ls.filter((x): x is number => typeof x === 'number' && x >= 1);
  return xs.length ? [Math.min(...xs), Math.max(...xs)] : [1, 1];
}

/** The innermost loop that contains `line` (loops end where the analysis says, else at the function's end). */
export function loopAround(fn: FunctionFacts, line: number): LoopFacts | undefined {
  return fn.loops
    .filter((l) => l.line <= line && (l.endLine ?? fn.endLine) >= line)
    .sort((a, b) => b.line - a.line)[0];
}

/** "lines 2–7" or "line 4" */
export function linesPhrase(a: number, b: number): string {
  return a === b ? `line ${a}` : `lines ${a}\u2013${b}`;
}
