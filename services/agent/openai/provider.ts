import { ChatOpenAI } from '@langchain/openai';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatPromptTemplate } from '@langchain/core/prompts';
import { z } from 'zod';
import { EvaluationOutput, QuestionOutput, TOPICS, type EvaluationInput, type QuestionInput } from '../provider.ts';
import { ModelOutputInvalid, ModelRefusal, ModelUnavailable, type TracedCall, type TracedProvider } from '../resilience.ts';
import {
  evaluationPrompt, evaluationVars, followUpPrompt, followUpVars, FollowUpOutput, hasTagLookalike, messagesText, questionPrompt,
  questionVars, summaryPrompt, summaryVars, SummaryOutput, type FollowUpInput, type SummaryInput,
} from './prompts.ts';

export { ModelError, ModelOutputInvalid, ModelRefusal, ModelUnavailable } from '../resilience.ts';

// The model provider: LangChain's ChatOpenAI against any OpenAI-compatible chat-completions server.
//
// Structured output uses method 'functionCalling' (a forced tool call, non-strict):
// - 'jsonSchema' (LangChain's default for most model names) sends response_format json_schema with
//   strict: true forced for zod 4 schemas; strict mode rejects our open records (`expected`, `rubric`)
//   and optional fields, many compatible servers do not implement it, and the request goes through
//   the SDK's chat.completions.parse(), which throws inside the model step on bad JSON, so the raw
//   text is lost for provenance.
// - 'functionCalling' is what OpenAI, vLLM, llama.cpp, Ollama, LM Studio, Groq and Together all
//   accept; the schema travels with the request (constrained decoding where the server has it), and
//   the raw arguments string stays in the message.
// - A server that ignores tools and answers with JSON in the content still works: the prompt lists
//   the output fields and the content is parsed the same way. 'jsonMode' can be chosen instead.
// Whatever LangChain parsed, the output is normalised (score clamped) and validated again here.

export type StructuredMethod = 'functionCalling' | 'jsonMode';

export interface OpenAIProviderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  temperature?: number;
  method?: StructuredMethod;
}

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
  followUp: FollowUpOutput.describe('Ask one follow-up question'),
  summary: SummaryOutput.describe('Summarise the interview'),
};

export interface CallKinds {
  question: { input: QuestionInput; output: QuestionOutput };
  evaluation: { input: EvaluationInput; output: EvaluationOutput };
  followUp: { input: FollowUpInput; output: FollowUpOutput };
  summary: { input: SummaryInput; output: SummaryOutput };
}
export type CallKind = keyof CallKinds;

interface Spec<K extends CallKind> {
  tool: string;
  prompt: ChatPromptTemplate;
  vars(input: CallKinds[K]['input']): Record<string, string>;
  contract: z.ZodType<CallKinds[K]['output']>;
  normalise?(value: Record<string, unknown>, input: CallKinds[K]['input']): Record<string, unknown>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const clamp = (v: unknown, lo: number, hi: number): unknown => (typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v);
const trim = (v: unknown, max: number): unknown => (typeof v === 'string' ? v.slice(0, max) : v);
const trimList = (v: unknown, n: number, max: number): unknown => (Array.isArray(v) ? v.slice(0, n).map((x) => trim(x, max)) : v);

const SPECS: { [K in CallKind]: Spec<K> } = {
  question: {
    tool: 'ask_question', prompt: questionPrompt, vars: questionVars, contract: QuestionOutput,
    normalise(v, input) {
      const lines = v.lines;
      if (!Array.isArray(lines) || lines.length !== 2) return { ...v, lines: undefined };
      const max = input.code.split('\n').length;
      const [a, b] = lines.map((n) => clamp(n, 1, max));
      return { ...v, lines: typeof a === 'number' && typeof b === 'number' ? [Math.min(a, b), Math.max(a, b)] : lines };
    },
  },
  evaluation: {
    tool: 'grade_answer', prompt: evaluationPrompt, vars: evaluationVars, contract: EvaluationOutput,
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
  followUp: { tool: 'ask_follow_up', prompt: followUpPrompt, vars: followUpVars, contract: FollowUpOutput },
  summary: { tool: 'summarise_interview', prompt: summaryPrompt, vars: summaryVars, contract: SummaryOutput },
};

export interface StructuredCall<T> extends TracedCall<T> {
  messages: BaseMessage[];
}

export interface OpenAIProvider extends TracedProvider {
  callStructured<K extends CallKind>(kind: K, input: CallKinds[K]['input'], opts?: { signal?: AbortSignal }): Promise<StructuredCall<CallKinds[K]['output']>>;
  followUp(input: FollowUpInput): Promise<FollowUpOutput>;
  summary(input: SummaryInput): Promise<SummaryOutput>;
}

/** What the server actually said: the tool arguments or content as text, and any refusal. */
function readReply(message: BaseMessage): { text: string; fromTool: boolean; refusal?: string; finish?: string } {
  const kwargs: Obj = message.additional_kwargs;
  const response = isObj(kwargs.__raw_response) ? kwargs.__raw_response : {};
  const choice = Array.isArray(response.choices) && isObj(response.choices[0]) ? response.choices[0] : {};
  const msg = isObj(choice.message) ? choice.message : {};
  const refusal = typeof msg.refusal === 'string' && msg.refusal ? msg.refusal : undefined;
  const finish = typeof choice.finish_reason === 'string' ? choice.finish_reason : undefined;
  const calls = Array.isArray(kwargs.tool_calls) ? kwargs.tool_calls : [];
  const fn = isObj(calls[0]) && isObj(calls[0].function) ? calls[0].function : undefined;
  if (fn && typeof fn.arguments === 'string') return { text: fn.arguments, fromTool: true, refusal, finish };
  const content = typeof message.content === 'string' ? message.content : message.content.map((p) => (isObj(p) && typeof p.text === 'string' ? p.text : '')).join('');
  return { text: content, fromTool: false, refusal, finish };
}

/** Parses the model's JSON: tool arguments as they are, content with fences or prose around it. */
function parseJson(text: string, fromTool: boolean): { ok: true; value: unknown } | { ok: false; looksLikeJson: boolean; error: string } {
  let body = text.trim();
  if (!fromTool) {
    const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(body);
    if (fenced) body = fenced[1].trim();
    else if (!body.startsWith('{')) {
      const start = body.indexOf('{');
      const end = body.lastIndexOf('}');
      if (start < 0 || end < start) return { ok: false, looksLikeJson: false, error: 'no JSON object in the reply' };
      body = body.slice(start, end + 1);
    }
  }
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (err) {
    return { ok: false, looksLikeJson: true, error: err instanceof Error ? err.message : String(err) };
  }
}

function transportError(err: unknown, timedOut: boolean, timeoutMs: number, details: { promptText: string; latencyMs: number }): Error {
  if (err instanceof ModelUnavailable) return err;
  const e = isObj(err) ? err : {};
  const message = typeof e.message === 'string' ? e.message : String(err);
  const name = typeof e.name === 'string' ? e.name : '';
  if (timedOut || name === 'TimeoutError' || /timed? ?out/i.test(message)) {
    return new ModelUnavailable(`no reply within ${timeoutMs} ms`, { ...details, timeout: true, cause: err });
  }
  if (name === 'AbortError' || /abort/i.test(message)) return new ModelUnavailable(`request aborted: ${message}`, { ...details, cause: err });
  if (typeof e.status === 'number') {
    const retryable = e.status >= 500 || e.status === 408 || e.status === 429;
    return new ModelUnavailable(`HTTP ${e.status}: ${message}`.slice(0, 500), { ...details, status: e.status, retryable, cause: err });
  }
  if (/connect|ECONN|ENOTFOUND|EAI_AGAIN|socket|fetch failed/i.test(`${name} ${message}`)) {
    return new ModelUnavailable(`connection failed: ${message}`, { ...details, cause: err });
  }
  return new ModelUnavailable(`model call failed: ${message}`, { ...details, retryable: false, cause: err });
}

export function createOpenAIProvider(opts: OpenAIProviderOptions): OpenAIProvider {
  const method = opts.method ?? 'functionCalling';
  const llm = new ChatOpenAI({
    model: opts.model,
    apiKey: opts.apiKey,
    configuration: opts.baseURL ? { baseURL: opts.baseURL } : {},
    maxRetries: 0,
    timeout: opts.timeoutMs,
    ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
    // keeps the server's reply (message.refusal, finish_reason) on the message
    __includeRawResponse: true,
  });
  const runnables = Object.fromEntries((Object.keys(SPECS) as CallKind[]).map((kind) => [
    kind, llm.withStructuredOutput<Record<string, unknown>>(ModelSchemas[kind], { name: SPECS[kind].tool, method, includeRaw: true }),
  ])) as Record<CallKind, ReturnType<typeof llm.withStructuredOutput<Record<string, unknown>>>>;

  async function callStructured<K extends CallKind>(kind: K, input: CallKinds[K]['input'], callOpts: { signal?: AbortSignal } = {}): Promise<StructuredCall<CallKinds[K]['output']>> {
    const spec = SPECS[kind] as Spec<K>;
    const messages = await spec.prompt.formatMessages(spec.vars(input));
    const promptText = messagesText(messages);
    const started = performance.now();
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = callOpts.signal ? AbortSignal.any([callOpts.signal, timeout]) : timeout;
    const elapsed = () => Math.round(performance.now() - started);
    let message: BaseMessage;
    try {
      const out: unknown = await runnables[kind].invoke(messages, { signal });
      if (!isObj(out) || !isObj(out.raw)) throw new ModelUnavailable('model step returned no message', { retryable: false });
      message = out.raw as unknown as BaseMessage;
    } catch (err) {
      throw transportError(err, timeout.aborted, opts.timeoutMs, { promptText, latencyMs: elapsed() });
    }
    const latencyMs = elapsed();
    const { text: raw, fromTool, refusal, finish } = readReply(message);
    const details = { raw: refusal ?? raw, promptText, latencyMs };
    if (refusal) throw new ModelRefusal(`model refused: ${refusal.slice(0, 300)}`, details);
    if (finish === 'content_filter') throw new ModelRefusal('reply stopped by the content filter', details);
    // LangChain's own `parsed` is null whenever its zod check fails (includeRaw swallows the error),
    // so the raw text is parsed here in every case: one path, and an audit can replay it from `raw`.
    if (!raw.trim()) throw new ModelOutputInvalid(`empty reply (finish_reason ${finish ?? 'unknown'})`, details);
    const parsed = parseJson(raw, fromTool);
    if (!parsed.ok && !parsed.looksLikeJson) throw new ModelRefusal(`no structured output: ${raw.slice(0, 300)}`, details);
    if (!parsed.ok) throw new ModelOutputInvalid(`malformed JSON${finish === 'length' ? ' (cut off at max tokens)' : ''}: ${parsed.error}`, details);
    const candidate = parsed.value;
    if (!isObj(candidate)) throw new ModelOutputInvalid('reply is not a JSON object', details);
    // Models often send null for an optional field; the contract wants it absent.
    const normalised = Object.fromEntries(Object.entries(spec.normalise ? spec.normalise(candidate, input) : candidate).filter(([, v]) => v !== null && v !== undefined));
    const checked = spec.contract.safeParse(normalised);
    if (!checked.success) {
      const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new ModelOutputInvalid(`output does not match the schema: ${issues}`, details);
    }
    return { parsed: checked.data, raw, promptText, latencyMs, messages };
  }

  const plain = async <K extends CallKind>(kind: K, input: CallKinds[K]['input']) => (await callStructured(kind, input)).parsed;
  return {
    name: 'openai',
    model: opts.model,
    callStructured,
    question: (input) => plain('question', input),
    evaluate: (input) => plain('evaluation', input),
    followUp: (input) => plain('followUp', input),
    summary: (input) => plain('summary', input),
    traced: {
      question: (input, signal) => callStructured('question', input, { signal }),
      evaluate: (input, signal) => callStructured('evaluation', input, { signal }),
    },
  };
}
