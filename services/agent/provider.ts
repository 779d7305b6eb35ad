// What the agent asks of a model, whichever one: a question about a code change, and a grade for
// an answer. The heuristic provider and the OpenAI provider both implement it.

export interface QuestionInput {
  sessionId: string;
  seq: number;
  language: string;
  code: string;
  reasonCode: string;
  reason: string;
  context: { function?: string; lines?: [number, number]; topic?: string };
  /** questions already asked in this session, oldest first */
  asked: string[];
}

export interface QuestionOutput {
  text: string;
  topic: string;
  lines?: [number, number];
  /** what a good answer holds, for the grader (computed when the question is asked) */
  expected: Record<string, unknown>;
}

export interface EvaluationInput {
  question: string;
  topic: string | null;
  expected: Record<string, unknown>;
  answer: string;
  code: string;
  language: string;
}

export interface EvaluationOutput {
  /** 0..100 */
  score: number;
  /** dimension → 0..3 */
  rubric: Record<string, number>;
  rationale: string;
  flags: string[];
  missing: string[];
  followUp?: string;
}

export interface Provider {
  readonly name: string;
  readonly model: string;
  question(input: QuestionInput): Promise<QuestionOutput>;
  evaluate(input: EvaluationInput): Promise<EvaluationOutput>;
}
