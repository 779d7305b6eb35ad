// Timeouts, retries with backoff, a circuit breaker and a fallback around a model call. The primary
// (a model) may fail in many ways; the fallback (the heuristic) must answer, and the result says
// which one did and why. Shared by the agent (questions, grades, follow-ups) and the reporter (the
// summary), each with its own breaker. Clock, sleep and jitter are injectable for tests.

export type ModelErrorKind = 'refusal' | 'invalid_output' | 'unavailable' | 'timeout' | 'circuit_open';

interface ModelErrorDetails {
  raw?: string;
  promptText?: string;
  latencyMs?: number;
  status?: number;
  cause?: unknown;
}

/** What any provider may throw. `retryable` tells withResilience whether another attempt can help. */
export class ModelError extends Error {
  readonly raw?: string;
  readonly promptText?: string;
  readonly latencyMs?: number;
  readonly status?: number;
  constructor(readonly kind: ModelErrorKind, readonly retryable: boolean, message: string, details: ModelErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = new.target.name;
    this.raw = details.raw;
    this.promptText = details.promptText;
    this.latencyMs = details.latencyMs;
    this.status = details.status;
  }
}

/** The model declined (a `refusal`, a content filter, or prose with no structured output). Not retried. */
export class ModelRefusal extends ModelError {
  constructor(message: string, details: ModelErrorDetails = {}) {
    super('refusal', false, message, details);
  }
}

/** The model answered but not with valid JSON for the schema. Retried once. */
export class ModelOutputInvalid extends ModelError {
  constructor(message: string, details: ModelErrorDetails = {}) {
    super('invalid_output', true, message, details);
  }
}

/** Timeouts, connection errors, HTTP 5xx/408/429 (retryable) and other HTTP errors (not retryable). */
export class ModelUnavailable extends ModelError {
  constructor(message: string, details: ModelErrorDetails & { retryable?: boolean; timeout?: boolean } = {}) {
    super(details.timeout ? 'timeout' : 'unavailable', details.retryable ?? true, message, details);
  }
}

/** A provider call together with its provenance: the prompt as sent, the model's raw text, the time. */
export interface TracedCall<T> {
  parsed: T;
  raw: string;
  promptText: string;
  latencyMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

/** closed → open after `failureThreshold` consecutive failures → half-open after `resetAfterMs`, when
 *  exactly one trial call may pass: success closes the breaker, failure opens it again. */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(private readonly opts: { failureThreshold: number; resetAfterMs: number }, private readonly now: () => number = Date.now) {}

  get state(): BreakerState {
    if (this.openedAt === null) return 'closed';
    return this.now() - this.openedAt >= this.opts.resetAfterMs ? 'half_open' : 'open';
  }

  snapshot(): { state: BreakerState; failures: number; openedAt: number | null } {
    return { state: this.state, failures: this.failures, openedAt: this.openedAt };
  }

  /** 'call': go ahead; 'trial': the one half-open probe (no retries); 'reject': short-circuit. */
  acquire(): 'call' | 'trial' | 'reject' {
    const state = this.state;
    if (state === 'closed') return 'call';
    if (state === 'open' || this.trialInFlight) return 'reject';
    this.trialInFlight = true;
    return 'trial';
  }

  success(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  failure(): void {
    this.failures += 1;
    if (this.trialInFlight || this.failures >= this.opts.failureThreshold) this.openedAt = this.now();
    this.trialInFlight = false;
  }
}

export interface ResilienceOptions {
  /** per attempt */
  timeoutMs: number;
  /** extra attempts after the first, for retryable errors only */
  retries: number;
  baseDelayMs: number;
  maxDelayMs?: number;
  breaker: { failureThreshold: number; resetAfterMs: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter */
  random?: () => number;
}

export interface ResilientResult<T> {
  output: T;
  /** who answered */
  provider: string;
  model: string;
  fallback: boolean;
  /** primary attempts made (0 when the breaker short-circuited) */
  attempts: number;
  /** why the primary did not answer, when fallback is true */
  error?: string;
  errorKind?: ModelErrorKind | 'error';
  /** the primary's prompt and raw reply; with fallback=true, those of its last failed attempt, if it got that far */
  raw?: string;
  promptText?: string;
  latencyMs: number;
}

/** Exponential backoff with equal jitter: half the step fixed, half random. */
export function backoffDelay(attempt: number, baseDelayMs: number, maxDelayMs: number, random: () => number): number {
  const step = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (step / 2) * random());
}

/** Runs fn with an AbortSignal that fires after ms; rejects with a timeout ModelUnavailable then. */
export async function withTimeout<T>(ms: number, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const err = new ModelUnavailable(`timed out after ${ms} ms`, { timeout: true, latencyMs: ms });
      ac.abort(err);
      reject(err);
    }, ms);
  });
  try {
    return await Promise.race([fn(ac.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function describe(err: unknown): { message: string; kind: ModelErrorKind | 'error' } {
  if (err instanceof ModelError) return { message: `${err.kind}: ${err.message}`, kind: err.kind };
  return { message: `error: ${err instanceof Error ? err.message : String(err)}`, kind: 'error' };
}

/** Who answers: the model, or the heuristic standing in for it. */
export interface CallParty {
  name: string;
  model: string;
}

export interface Resilient {
  /** Calls `primary` with timeouts, retries and the breaker; `fallback` answers when it cannot. */
  run<T>(who: { primary: CallParty; fallback: CallParty }, primary: (signal: AbortSignal) => Promise<TracedCall<T>>, fallback: () => Promise<T>): Promise<ResilientResult<T>>;
  breaker(): { state: BreakerState; failures: number; openedAt: number | null };
}

export function createResilience(opts: ResilienceOptions): Resilient {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = opts.random ?? Math.random;
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  const breaker = new CircuitBreaker(opts.breaker, now);

  async function run<T>(who: { primary: CallParty; fallback: CallParty }, primary: (signal: AbortSignal) => Promise<TracedCall<T>>, fallback: () => Promise<T>): Promise<ResilientResult<T>> {
    const started = now();
    const gate = breaker.acquire();
    let attempts = 0;
    let lastError: unknown;
    if (gate === 'reject') lastError = new ModelError('circuit_open', false, `circuit open since ${breaker.snapshot().openedAt ?? '?'}; primary not called`);
    else {
      const maxAttempts = gate === 'trial' ? 1 : 1 + Math.max(0, opts.retries);
      let invalidRetried = false;
      while (attempts < maxAttempts) {
        attempts += 1;
        try {
          const call = await withTimeout(opts.timeoutMs, primary);
          breaker.success();
          return {
            output: call.parsed, provider: who.primary.name, model: who.primary.model, fallback: false, attempts,
            ...(call.raw ? { raw: call.raw } : {}), ...(call.promptText ? { promptText: call.promptText } : {}),
            latencyMs: now() - started,
          };
        } catch (err) {
          lastError = err;
          let retry = err instanceof ModelError && err.retryable;
          if (err instanceof ModelOutputInvalid) {
            retry = !invalidRetried;
            invalidRetried = true;
          }
          if (!retry || attempts >= maxAttempts) break;
          await sleep(backoffDelay(attempts, opts.baseDelayMs, maxDelayMs, random));
        }
      }
      // A refusal means the endpoint is up: it does not count against the breaker.
      if (lastError instanceof ModelRefusal) breaker.success();
      else breaker.failure();
    }
    const { message, kind: errorKind } = describe(lastError);
    let output: T;
    try {
      output = await fallback();
    } catch (fallbackErr) {
      throw new Error(`primary failed (${message}) and fallback failed (${describe(fallbackErr).message})`, { cause: fallbackErr });
    }
    const trace = lastError instanceof ModelError ? lastError : undefined;
    return {
      output, provider: who.fallback.name, model: who.fallback.model, fallback: true, attempts, error: message, errorKind,
      ...(trace?.raw !== undefined ? { raw: trace.raw } : {}), ...(trace?.promptText !== undefined ? { promptText: trace.promptText } : {}),
      latencyMs: now() - started,
    };
  }

  return { run, breaker: () => breaker.snapshot() };
}
