import type { EvaluationInput, EvaluationOutput, Provider, QuestionInput, QuestionOutput } from '../provider.ts';
import { EvaluationOutput as EvaluationSchema, QuestionOutput as QuestionSchema } from '../provider.ts';
import { grade } from './grading.ts';
import { writeQuestion } from './questions.ts';

// Deterministic, offline interviewer built on the static analysis and the rubric knowledge base
// (INTERVIEWING.md): it asks one specific question about the candidate's own code and grades the
// answer on correctness against a computed key, grounding, SOLO level and concept coverage. No
// clock, no randomness: the same input always gives the same output, so an audit replay matches.
// Outputs are validated against the same schemas a model's would be.

export function createHeuristicProvider(): Provider {
  return {
    name: 'heuristic',
    model: 'heuristic-v2',
    async question(input: QuestionInput): Promise<QuestionOutput> {
      return QuestionSchema.parse(await writeQuestion(input));
    },
    async evaluate(input: EvaluationInput): Promise<EvaluationOutput> {
      return EvaluationSchema.parse(await grade(input));
    },
  };
}
