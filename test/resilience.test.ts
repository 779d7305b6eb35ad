import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EvaluationInput, EvaluationOutput, Provider, QuestionInput, QuestionOutput } from '../services/agent/provider.ts';
import {
  backoffDelay, CircuitBreaker, ModelOutputInvalid, ModelRefusal, ModelUnavailable, withResilience, type ResilienceOptions, type TracedCall, type TracedProvider,
} from '../services/agent/resilience.ts';

// withResilience with fake providers and an injected clock: retries only for retryable errors,
// backoff with jitter, per-attempt timeouts, and a breaker that opens, short-circuits, half-opens
// for one trial and closes again.

const Q_IN: QuestionInput = {
  sessionId: 's', seq: 1, language: 'python', code: 'def f(xs):\n    return sorted(xs)\n', reasonCode: 'new_function', reason: 'f appeared',
  context: { function: 'f', lines: [1, 2] }, asked: [], retrieved: [],
};
const E_IN: EvaluationInput = { question: 'What does f cost?', topic: 'time_complexity', expected: {}, answer: 'n log n', code: Q_IN.code, language: 'python', retrieved: [] };
const PRIMARY_Q: QuestionOutput = { text: 'What is the time complexity of f on line 2?', topic: 'time_complexity', lines: [2, 2], expected: {} };
const FALLBACK_Q: QuestionOutput = { text: 'In one sentence, what does f do?', topic: 'purpose', expected: {} };
const FALLBACK_E: EvaluationOutput = { score: 40, rubric: {}, rationale: 'heuristic', flags: [], missing: [] };

type Step = 'ok' | 'hang' | Error;

/** A primary that plays a script of outcomes, one per call, then repeats the last. */
function scripted(...steps: Step[]): Provider & { calls: number } {
  const p = {
    name: 'model', model: 'm-1', calls: 0,
    async question(): Promise<QuestionOutput> {
      const step = steps[Math.min(p.calls, steps.length - 1)];
      p.calls += 1;
      if (step === 'hang') return new Promise<never>(() => {});
      if (step instanceof Error) throw step;
      return PRIMARY_Q;
    },
    async evaluate(): Promise<EvaluationOutput> {
      p.calls += 1;
      return { score: 90, rubric: {}, rationale: 'model', flags: [], missing: [] };
    },
  };
  return p;
}

const fallback: Provider = { name: 'heuristic', model: 'h-1', question: async () => FALLBACK_Q, evaluate: async () => FALLBACK_E };
const down = () => new ModelUnavailable('HTTP 503: overloaded', { status: 503 });

function setup(primary: Provider, over: Partial<ResilienceOptions> = {}) {
  const clock = { t: 1_000_000 };
  const sleeps: number[] = [];
  const r = withResilience(primary, fallback, {
    timeoutMs: 200, retries: 0, baseDelayMs: 100, breaker: { failureThreshold: 3, resetAfterMs: 10_000 },
    now: () => clock.t, sleep: async (ms) => { sleeps.push(ms); }, random: () => 0.5, ...over,
  });
  return { r, clock, sleeps };
}

describe('retries', () => {
  test('retryable errors are retried with exponential backoff and jitter; success on the 3rd attempt', async () => {
    const primary = scripted(down(), down(), 'ok');
    const { r, sleeps } = setup(primary, { retries: 3 });
    const res = await r.question(Q_IN);
    assert.deepEqual(res.output, PRIMARY_Q);
    assert.equal(res.fallback, false);
    assert.equal(res.attempts, 3);
    assert.equal(res.provider, 'model');
    assert.deepEqual(sleeps, [75, 150], 'half fixed + half random (0.5) of 100, then of 200');
    assert.equal(backoffDelay(10, 100, 1000, () => 1), 1000, 'capped at maxDelayMs');
    assert.equal(backoffDelay(1, 100, 1000, () => 0), 50);
  });

  test('a refusal is not retried and does not count against the breaker', async () => {
    const primary = scripted(new ModelRefusal('model refused: no', { raw: 'no' }));
    const { r } = setup(primary, { retries: 3, breaker: { failureThreshold: 1, resetAfterMs: 10_000 } });
    const res = await r.question(Q_IN);
    assert.equal(res.fallback, true);
    assert.equal(res.attempts, 1);
    assert.equal(res.errorKind, 'refusal');
    assert.equal(res.raw, 'no');
    assert.deepEqual(res.output, FALLBACK_Q);
    assert.equal(r.breaker().state, 'closed');
  });

  test('invalid output is retried once only; non-retryable errors not at all', async () => {
    const invalid = scripted(new ModelOutputInvalid('malformed JSON'));
    const a = await setup(invalid, { retries: 5 }).r.question(Q_IN);
    assert.equal(a.attempts, 2);
    assert.equal(invalid.calls, 2);
    assert.equal(a.error, 'invalid_output: malformed JSON');
    const rejected = scripted(new ModelUnavailable('HTTP 401: bad key', { status: 401, retryable: false }));
    const b = await setup(rejected, { retries: 5 }).r.question(Q_IN);
    assert.equal(b.attempts, 1);
    const unknown = scripted(new TypeError('boom'));
    const c = await setup(unknown, { retries: 5 }).r.question(Q_IN);
    assert.equal(c.attempts, 1);
    assert.equal(c.error, 'error: boom');
  });

  test('each attempt times out; a traced primary sees its signal aborted', async () => {
    // The primary would answer after 30 s unless its signal aborts. A timeout that did not fire
    // shows as the model's late answer instead of the fallback, and breaks the 15 s bound, which is
    // so far above the 50 ms timeout that a busy machine cannot break it.
    const seen: AbortSignal[] = [];
    const aborted: AbortSignal[] = [];
    const slow = (signal?: AbortSignal) => new Promise<TracedCall<QuestionOutput>>((resolve) => {
      if (signal) seen.push(signal);
      const timer = setTimeout(() => resolve({ parsed: PRIMARY_Q, raw: '', promptText: '', latencyMs: 30_000 }), 30_000);
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        aborted.push(signal);
      });
    });
    const traced: TracedProvider = {
      ...scripted('ok'),
      traced: {
        question: (_input, signal) => slow(signal),
        evaluate: () => new Promise<never>(() => {}),
      },
    };
    const { r } = setup(traced, { timeoutMs: 50, retries: 1 });
    const started = Date.now();
    const res = await r.question(Q_IN);
    const took = Date.now() - started;
    assert.ok(took < 15_000, `took ${took} ms: the 50 ms timeouts did not cut the 30 s waits`);
    assert.equal(aborted.length, 2, 'both attempts were aborted');
    assert.equal(res.fallback, true);
    assert.equal(res.attempts, 2);
    assert.equal(res.errorKind, 'timeout');
    assert.equal(seen.length, 2);
    assert.ok(seen.every((s) => s.aborted));
  });

  test('evaluate goes through the same path; a failing fallback surfaces both errors', async () => {
    const { r } = setup(scripted('ok'));
    assert.equal((await r.evaluate(E_IN)).output.score, 90);
    const broken: Provider = { ...fallback, question: async () => { throw new Error('no heuristic'); } };
    const r2 = withResilience(scripted(down()), broken, { timeoutMs: 100, retries: 0, baseDelayMs: 1, breaker: { failureThreshold: 5, resetAfterMs: 1 } });
    await assert.rejects(r2.question(Q_IN), /primary failed \(unavailable: HTTP 503: overloaded\) and fallback failed \(error: no heuristic\)/);
  });
});

describe('circuit breaker', () => {
  test('opens after N consecutive failed calls and then short-circuits without calling the primary', async () => {
    const primary = scripted(down());
    const { r, clock } = setup(primary, { retries: 1 });
    for (let i = 0; i < 3; i++) {
      assert.equal(r.breaker().state, 'closed');
      const res = await r.question(Q_IN);
      assert.equal(res.fallback, true);
      assert.equal(res.attempts, 2);
    }
    assert.equal(r.breaker().state, 'open');
    assert.equal(r.breaker().openedAt, clock.t);
    const callsBefore = primary.calls;
    clock.t += 9_999;
    const res = await r.question(Q_IN);
    assert.equal(primary.calls, callsBefore, 'primary not called while open');
    assert.equal(res.fallback, true);
    assert.equal(res.attempts, 0);
    assert.equal(res.errorKind, 'circuit_open');
    assert.deepEqual(res.output, FALLBACK_Q);
  });

  test('a success resets the consecutive count', async () => {
    const primary = scripted(down(), down(), 'ok', down(), down(), 'ok');
    const { r } = setup(primary);
    for (let i = 0; i < 6; i++) await r.question(Q_IN);
    assert.equal(r.breaker().state, 'closed');
    assert.equal(primary.calls, 6);
  });

  test('half-opens after resetAfterMs: one trial without retries; failure reopens, success closes', async () => {
    const primary = scripted(down(), down(), down(), down(), 'ok');
    const { r, clock } = setup(primary, { retries: 2, breaker: { failureThreshold: 1, resetAfterMs: 10_000 } });
    await r.question(Q_IN);
    assert.equal(primary.calls, 3);
    assert.equal(r.breaker().state, 'open');

    clock.t += 10_000;
    assert.equal(r.breaker().state, 'half_open');
    const trial = await r.question(Q_IN);
    assert.equal(trial.attempts, 1, 'the trial is a single call');
    assert.equal(trial.fallback, true);
    assert.equal(primary.calls, 4);
    assert.equal(r.breaker().state, 'open', 'a failed trial reopens');
    assert.equal(r.breaker().openedAt, clock.t);

    clock.t += 5_000;
    assert.equal((await r.question(Q_IN)).attempts, 0);
    clock.t += 5_000;
    const ok = await r.question(Q_IN);
    assert.equal(ok.fallback, false);
    assert.deepEqual(ok.output, PRIMARY_Q);
    assert.deepEqual(r.breaker(), { state: 'closed', failures: 0, openedAt: null });
    assert.equal((await r.question(Q_IN)).fallback, false);
  });

  test('while the half-open trial is in flight, other calls short-circuit', async () => {
    const primary = scripted(down(), 'hang');
    const { r, clock } = setup(primary, { timeoutMs: 100, breaker: { failureThreshold: 1, resetAfterMs: 1_000 } });
    await r.question(Q_IN);
    clock.t += 1_000;
    const trial = r.question(Q_IN);
    const other = await r.question(Q_IN);
    assert.equal(other.attempts, 0);
    assert.equal(other.errorKind, 'circuit_open');
    const t = await trial;
    assert.equal(t.errorKind, 'timeout');
    assert.equal(primary.calls, 2);
    assert.equal(r.breaker().state, 'open');
  });

  test('CircuitBreaker alone: states follow the clock', () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 2, resetAfterMs: 100 }, () => t);
    assert.equal(b.acquire(), 'call');
    b.failure();
    assert.equal(b.state, 'closed');
    b.failure();
    assert.equal(b.state, 'open');
    assert.equal(b.acquire(), 'reject');
    t = 100;
    assert.equal(b.acquire(), 'trial');
    assert.equal(b.acquire(), 'reject');
    b.success();
    assert.equal(b.state, 'closed');
  });
});
