import { z } from 'zod';
import { clamp, createStructuredModel, isObj, trim, trimList, type OpenAIProviderOptions, type StructuredCall, type StructuredSpec } from '../../../shared/llm/openai.ts';
import {
  EvaluationOutput, FollowUpOutput, QuestionOutput, TOPICS, type EvaluationInput, type FollowUpInput, type QuestionInput,
} from '../provider.ts';
import type { TracedProvider } from '../resilience.ts';
import { evaluationPrompt, evaluationVars, followUpPrompt, followUpVars, hasTagLookalike, questionPrompt, questionVars } from './prompts.ts';

export { ModelError, ModelOutputInvalid, ModelRefusal, ModelUnavailable } from '../resilience.ts';
export type { OpenAIProviderOptions, StructuredCall, StructuredMethod } from '../../../shared/llm/openai.ts';

// The agent's model provider: its three calls (a question, a grade, a follow-up) as structured
// calls through shared/llm/openai.ts (LangChain's ChatOpenAI against any OpenAI-compatible server,
// a forced tool call, the raw reply kept, the output normalised and validated again here).

const dim = z.number().int().min(0).max(3);
/** What the model is asked for: the contract's shape with the rubric spelled out. */
const ModelSchemas = {
  question: z.object({
    text: z.string().describe('the one question, naming the function and line(s)'),
    topic: z.enum(TOPICS),
    lines: z.array(z.number().int().min(1)).min(2).max(2).optional().describe('[first line, last line]'),
    expected: z.object({
      function: z.string().optional(), complexity: z.string().optional(), concepts: z.array(z.string()).optional(),
      answer_key: z.string().optional(), sources: z.array(z.string()).optional(),
    }).describe('what a good answer holds, for the grader'),
  }).describe('Ask the candidate one question about their code'),
  evaluation: EvaluationOutput.extend({
    score: z.number().min(0).max(100),
    rubric: z.object({ correctness: dim, grounding: dim, abstraction: dim, completeness: dim }),
  }).describe('Grade the candidate answer'),
  followUp: z.object({ text: z.string().describe('the one follow-up question, at most 400 characters') }).describe('Ask one follow-up question'),
};

export interface CallKinds {
  question: { input: QuestionInput; output: QuestionOutput };
  evaluation: { input: EvaluationInput; output: EvaluationOutput };
  followUp: { input: FollowUpInput; output: FollowUpOutput };
}
export type CallKind = keyof CallKinds;

const SPECS: { [K in CallKind]: StructuredSpec<CallKinds[K]['input'], CallKinds[K]['output']> } = {
  question: {
    tool: 'ask_question', prompt: questionPrompt, vars: questionVars, schema: ModelSchemas.question, contract: QuestionOutput,
    normalise(v, input) {
      const lines = v.lines;
      if (!Array.isArray(lines) || lines.length !== 2) return { ...v, lines: undefined };
      const max = input.code.split('\n').length;
      const [a, b] = lines.map((n) => clamp(n, 1, max));
      return { ...v, lines: typeof a === 'number' && typeof b === 'number' ? [Math.min(a, b), Math.max(a, b)] : lines };
    },
  },
  evaluation: {
    tool: 'grade_answer', prompt: evaluationPrompt, vars: evaluationVars, schema: ModelSchemas.evaluation, contract: EvaluationOutput,
    normalise(v, input) {
      const rubric = isObj(v.rubric) ? Object.fromEntries(Object.entries(v.rubric).map(([k, n]) => [k, clamp(n, 0, 3)])) : v.rubric;
      const flags = Array.isArray(v.flags) ? v.flags.filter((f): f is string => typeof f === 'string') : v.flags;
      // Our own tag look-alikes in an answer are an injection attempt whatever the model thinks.
      const injected = hasTagLookalike(input.answer) && Array.isArray(flags) && !flags.includes('prompt_injection');
      const all = Array.isArray(flags) && injected ? ['prompt_injection', ...flags] : flags;
      return {
        ...v, score: clamp(v.score, 0, 100), rubric, flags: trimList(all, 20, 64), missing: trimList(v.missing, 20, 200),
        rationale: trim(v.rationale, 2000), followUp: trim(v.followUp, 400),
      };
    },
  },
  followUp: {
    tool: 'ask_follow_up', prompt: followUpPrompt, vars: followUpVars, schema: ModelSchemas.followUp, contract: FollowUpOutput,
    // Shown to the candidate as it is: one line of text, whitespace collapsed, at most 400 characters.
    normalise: (v) => ({ ...v, text: typeof v.text === 'string' ? v.text.replace(/\s+/g, ' ').trim().slice(0, 400) : v.text }),
  },
};

export interface OpenAIProvider extends TracedProvider {
  callStructured<K extends CallKind>(kind: K, input: CallKinds[K]['input'], opts?: { signal?: AbortSignal }): Promise<StructuredCall<CallKinds[K]['output']>>;
  followUp(input: FollowUpInput): Promise<FollowUpOutput>;
}

export function createOpenAIProvider(opts: OpenAIProviderOptions): OpenAIProvider {
  const llm = createStructuredModel(opts);
  const callStructured = <K extends CallKind>(kind: K, input: CallKinds[K]['input'], callOpts: { signal?: AbortSignal } = {}) =>
    llm.call(SPECS[kind] as StructuredSpec<CallKinds[K]['input'], CallKinds[K]['output']>, input, callOpts);
  const plain = async <K extends CallKind>(kind: K, input: CallKinds[K]['input']) => (await callStructured(kind, input)).parsed;
  return {
    name: 'openai',
    model: opts.model,
    callStructured,
    question: (input) => plain('question', input),
    evaluate: (input) => plain('evaluation', input),
    followUp: (input) => plain('followUp', input),
    traced: {
      question: (input, signal) => callStructured('question', input, { signal }),
      evaluate: (input, signal) => callStructured('evaluation', input, { signal }),
      followUp: (input, signal) => callStructured('followUp', input, { signal }),
    },
  };
}
