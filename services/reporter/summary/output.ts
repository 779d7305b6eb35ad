import { z } from 'zod';
import type { Report } from '../../../shared/report.ts';

// What the summary is written from and what it must be, without the model client: the report reads
// the recorded output through SummaryOutput, the heuristic and the replay work from SummaryInput.

export const SUMMARY_MAX = 1200;

/** What the model reads: the report as computed, without the code itself. */
export interface SummaryInput {
  language: string;
  overall: Report['overall'];
  dimensions: { label: string; score: number | null; answers: number }[];
  strengths: string[];
  weaknesses: string[];
  review: string[];
  questions: { label: string; question: string; topic: string | null; answer: string | null; score: number | null; rationale: string | null; flags: string[]; missing: string[] }[];
}

export function summaryInput(r: Report): SummaryInput {
  const flat = r.questions.flatMap((q) => [q, ...q.followUps]);
  return {
    language: r.problem.language,
    overall: r.overall,
    dimensions: r.dimensions.map((d) => ({ label: d.label, score: d.score, answers: d.answers })),
    strengths: r.strengths.map((f) => f.text),
    weaknesses: r.weaknesses.map((f) => f.text),
    review: r.humanReviewReasons.map((x) => x.message),
    questions: flat.map((q) => ({ label: q.label, question: q.question, topic: q.topic, answer: q.answer, score: q.score, rationale: q.rationale, flags: q.flags, missing: q.missing })),
  };
}

export const SummaryOutput = z.object({ summary: z.string().min(10).max(SUMMARY_MAX) });
export type SummaryOutput = z.infer<typeof SummaryOutput>;

export const BAND_PHRASES = ['strong hire', 'leaning hire', 'leaning no hire', 'strong no hire', 'insufficient evidence'] as const;

/** The band phrases a text names ("leaning-no-hire", "Strong_Hire" count too). */
export function bandsNamed(text: string): string[] {
  const t = text.toLowerCase().replace(/[-_\s]+/g, ' ');
  return BAND_PHRASES.filter((b) => new RegExp(`(^|[^a-z])${b}([^a-z]|$)`).test(t));
}
