import { z } from 'zod';
import type { RetrievedChunk } from '../../shared/retrieval.ts';

export type { RetrievedChunk };

// What the agent asks of a model, whichever one: a question about a code change, a grade for an
// answer. The heuristic provider and the OpenAI provider both implement it; the schemas below are
// the structured output a model must return, validated again after it answers.

export { TOPICS, Topic } from '../../shared/topics.ts';
import { Topic } from '../../shared/topics.ts';

export interface QuestionInput {
  sessionId: string;
  seq: number;
  language: string;
  code: string;
  reasonCode: string;
  reason: string;
  /** what the trigger saw: the function, its lines, the suggested topic and the structural facts */
  context: { function?: string; lines?: [number, number]; topic?: string; facts?: Record<string, unknown> };
  /** questions already asked in this session, oldest first */
  asked: { question: string; topic: string | null }[];
  retrieved: RetrievedChunk[];
}

export const QuestionOutput = z.object({
  text: z.string().min(10).max(600),
  topic: Topic,
  lines: z.tuple([z.number().int().min(1), z.number().int().min(1)]).optional(),
  /** what a good answer holds, for the grader: e.g. {complexity:'O(n^2)', concepts:[...], function:'two_sum'} */
  expected: z.record(z.string(), z.unknown()),
});
export type QuestionOutput = z.infer<typeof QuestionOutput>;

export interface EvaluationInput {
  question: string;
  topic: string | null;
  expected: Record<string, unknown>;
  answer: string;
  code: string;
  language: string;
  retrieved: RetrievedChunk[];
}

export const RUBRIC_DIMENSIONS = ['correctness', 'grounding', 'abstraction', 'completeness'] as const;

export const EvaluationOutput = z.object({
  /** 0..100 */
  score: z.number().min(0).max(100),
  /** dimension → 0..3 */
  rubric: z.record(z.string(), z.number().min(0).max(3)),
  rationale: z.string().min(1).max(2000),
  flags: z.array(z.string().max(64)).max(20),
  missing: z.array(z.string().max(200)).max(20),
  /** reported beside the score, not folded into it */
  commitment: z.enum(['committed', 'hedged', 'rambling']).optional(),
  followUp: z.string().max(400).optional(),
});
export type EvaluationOutput = z.infer<typeof EvaluationOutput>;

export interface Provider {
  readonly name: string;
  readonly model: string;
  question(input: QuestionInput): Promise<QuestionOutput>;
  evaluate(input: EvaluationInput): Promise<EvaluationOutput>;
  /** optional: without it the grader's suggested follow-up is used as it is */
  followUp?(input: FollowUpInput): Promise<FollowUpOutput>;
}

/**
 * A follow-up to a partial answer: written by the model from the question, the answer, its grade and
 * the code; `suggested` is the grader's own follow-up, which the heuristic uses as it is.
 */
export interface FollowUpInput {
  language: string;
  code: string;
  question: string;
  topic: string | null;
  /** the lines the question was about, to focus the code shown */
  lines: [number, number] | null;
  answer: string;
  score: number;
  rationale: string;
  /** the concepts the grader found missing */
  missing: string[];
  suggested: string;
}
export const FollowUpOutput = z.object({ text: z.string().min(10).max(400) });
export type FollowUpOutput = z.infer<typeof FollowUpOutput>;
