import { ChatOpenAI } from '@langchain/openai';
import type { BaseMessage } from '@langchain/core/messages';
import type { ChatPromptTemplate } from '@langchain/core/prompts';
import type { z } from 'zod';
import { messagesText } from './prompt-text.ts';
import { ModelOutputInvalid, ModelRefusal, ModelUnavailable, type TracedCall } from './resilience.ts';

// A structured model call: LangChain's ChatOpenAI against any OpenAI-compatible chat-completions server.
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
// Whatever LangChain parsed, the output is normalised (the spec's clamps) and validated again here.

export type StructuredMethod = 'functionCalling' | 'jsonMode';

export interface OpenAIProviderOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  temperature?: number;
  method?: StructuredMethod;
}

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const clamp = (v: unknown, lo: number, hi: number): unknown => (typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : v);
export const trim = (v: unknown, max: number): unknown => (typeof v === 'string' ? v.slice(0, max) : v);
export const trimList = (v: unknown, n: number, max: number): unknown => (Array.isArray(v) ? v.slice(0, n).map((x) => trim(x, max)) : v);

/** One kind of call: its tool name, prompt, the schema the model is shown and the contract checked after. */
export interface StructuredSpec<I, O> {
  tool: string;
  prompt: ChatPromptTemplate;
  vars(input: I): Record<string, string>;
  /** what the model is asked for (with a description); may be stricter or more explicit than the contract */
  schema: z.ZodObject;
  contract: z.ZodType<O>;
  /** clamps and trims the model's JSON before the contract check; may throw RejectOutput to refuse it */
  normalise?(value: Obj, input: I): Obj;
}

/** Thrown by a spec's normalise when the output is well formed but contradicts the input. */
export class RejectOutput extends Error {}

export interface StructuredCall<T> extends TracedCall<T> {
  messages: BaseMessage[];
}

export interface StructuredModel {
  readonly model: string;
  call<I, O>(spec: StructuredSpec<I, O>, input: I, opts?: { signal?: AbortSignal }): Promise<StructuredCall<O>>;
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

export function createStructuredModel(opts: OpenAIProviderOptions): StructuredModel {
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
  type Runnable = ReturnType<typeof llm.withStructuredOutput<Obj>>;
  const runnables = new WeakMap<object, Runnable>();
  const runnableFor = (spec: StructuredSpec<never, unknown>): Runnable => {
    let r = runnables.get(spec);
    if (!r) {
      r = llm.withStructuredOutput<Obj>(spec.schema, { name: spec.tool, method, includeRaw: true });
      runnables.set(spec, r);
    }
    return r;
  };

  async function call<I, O>(spec: StructuredSpec<I, O>, input: I, callOpts: { signal?: AbortSignal } = {}): Promise<StructuredCall<O>> {
    const messages = await spec.prompt.formatMessages(spec.vars(input));
    const promptText = messagesText(messages);
    const started = performance.now();
    const timeout = AbortSignal.timeout(opts.timeoutMs);
    const signal = callOpts.signal ? AbortSignal.any([callOpts.signal, timeout]) : timeout;
    const elapsed = () => Math.round(performance.now() - started);
    let message: BaseMessage;
    try {
      const out: unknown = await runnableFor(spec as StructuredSpec<never, unknown>).invoke(messages, { signal });
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
    let shaped: Obj;
    try {
      shaped = spec.normalise ? spec.normalise(candidate, input) : candidate;
    } catch (err) {
      if (err instanceof RejectOutput) throw new ModelOutputInvalid(`output rejected: ${err.message}`, details);
      throw err;
    }
    const normalised = Object.fromEntries(Object.entries(shaped).filter(([, v]) => v !== null && v !== undefined));
    const checked = spec.contract.safeParse(normalised);
    if (!checked.success) {
      const issues = checked.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      throw new ModelOutputInvalid(`output does not match the schema: ${issues}`, details);
    }
    return { parsed: checked.data, raw, promptText, latencyMs, messages };
  }

  return { model: opts.model, call };
}
