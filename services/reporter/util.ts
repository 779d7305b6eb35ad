import type { Evidence, ReportQuestion } from '../../shared/report.ts';

// Small pure helpers the report's parts share. No clock, no randomness: the report is the same for
// the same input.

const EXCERPT_CHARS = 220;

export const iso = (d: Date | string | null | undefined): string | null => (d === null || d === undefined ? null : new Date(d).toISOString());
export const isoOr = (d: Date | string, fallback: string): string => iso(d) ?? fallback;
export const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
export const round = (x: number | null): number | null => (x === null ? null : Math.round(x));
export const excerpt = (s: string, n = EXCERPT_CHARS): string => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > n ? `${t.slice(0, n - 1)}…` : t; };
export const lineCount = (code: string): number => (code === '' ? 0 : code.split('\n').length - (code.endsWith('\n') ? 1 : 0));
export const byId = (a: { questionId: string }, b: { questionId: string }) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0);

/** At most `max` items, evenly spaced, the last one always kept. */
export function sample<T>(xs: T[], max: number): T[] {
  if (xs.length <= max) return xs;
  const step = Math.ceil(xs.length / (max - 1));
  return xs.filter((_, i) => i % step === 0 || i === xs.length - 1);
}

/** A graded answer as evidence for a finding, a signal or a review reason. */
export const answerEvidence = (q: ReportQuestion): Evidence => ({ kind: 'answer', questionId: q.questionId, question: excerpt(q.question, 160), answerExcerpt: excerpt(q.answer ?? '') });
