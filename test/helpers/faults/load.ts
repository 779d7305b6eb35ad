import { ResilientClient, type Frame } from './client.ts';
import type { System } from './system.ts';

// The load driver: N candidate sessions, each typing `frames` code updates whose every frame carries
// a unique identity (its seq, and a marker line `# f<session>-<seq>` in the code), answering every
// question it is asked, and ending its session. Every operation is recorded as acknowledged ('ok'),
// refused with an error ('fail'), or never answered ('info': indeterminate), Jepsen-style.

export type OpKind = 'code' | 'answer' | 'end';
export interface Op {
  sessionId: string;
  kind: OpKind;
  id: string;
  seq?: number;
  questionId?: string;
  marker?: string;
  status: 'ok' | 'fail' | 'info';
  eventId?: string;
  error?: string;
}

export interface SessionRun {
  sessionId: string;
  index: number;
  client: ResilientClient;
  ops: Op[];
  /** question ids the candidate received */
  questions: Set<string>;
  ended: boolean;
  answering: Promise<Op>[];
}

export interface LoadOptions {
  sessions: number;
  frames: number;
  /** unacknowledged frames a client keeps in flight */
  window?: number;
  /** pause between frames of one session (spreads the load over the fault) */
  pauseMs?: number;
  /** how long a session waits for session_ended after its end was acknowledged */
  endWaitMs?: number;
  /** after `frames`, go on typing while this says so (up to maxFrames): the load spans the fault */
  keepGoing?: () => boolean;
  maxFrames?: number;
}

export const marker = (index: number, seq: number) => `# f${index}-${seq}`;

/** Python that grows by a line per seq and gains a function every 8 seqs (a moment to ask about). */
export function program(index: number, seq: number): string {
  const out: string[] = [];
  for (let i = 1; i <= seq; i++) {
    if (i % 8 === 1) {
      if (i > 1) out.push('    return total', '');
      out.push(`def step_${i}(nums):`, '    total = 0');
    } else if (i % 10 === 5) {
      // A pasted helper (a dozen lines at once): a moment the trigger asks about.
      out.push('    return total', '', `def helper_${i}(xs):`, '    best = None', '    for x in xs:', '        if best is None or x > best:',
        '            best = x', '    seen = set()', '    for x in xs:', '        if x in seen:', '            return x', '        seen.add(x)',
        '    return best', '', `def more_${i}(nums):`, '    total = 0');
    } else if (i % 4 === 0) out.push('    for n in nums:', `        total += n * ${i}`);
    else out.push(`    total += nums[${i % 5}] * ${i}`);
  }
  out.push('    return total', '', marker(index, seq), '');
  return out.join('\n');
}

export async function createSession(sys: System, maxQuestions = 2): Promise<{ id: string; candidateToken: string; wsUrl: string }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${sys.base}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sys.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ candidate: { name: 'Faulty' }, problem: { title: 'Steps', statement: 'sum', language: 'python' }, settings: { maxQuestions, minQuestionIntervalSec: 0 } }),
    }).catch(() => null);
    if (res?.status === 201) return (await res.json()) as { id: string; candidateToken: string; wsUrl: string };
    if (attempt > 100) throw new Error(`session not created: ${res?.status}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens the sessions and connects their candidates (nothing typed yet). */
export async function openSessions(sys: System, n: number): Promise<SessionRun[]> {
  const runs: SessionRun[] = [];
  for (let index = 0; index < n; index++) {
    const s = await createSession(sys);
    const run: SessionRun = { sessionId: s.id, index, client: null as unknown as ResilientClient, ops: [], questions: new Set(), ended: false, answering: [] };
    run.client = new ResilientClient(s.wsUrl, s.candidateToken, (f) => onOut(run, f));
    runs.push(run);
  }
  await Promise.all(runs.map((r) => r.client.connect()));
  return runs;
}

function onOut(run: SessionRun, f: Frame): void {
  if (f.type !== 'question' || typeof f.questionId !== 'string' || run.questions.has(f.questionId)) return;
  run.questions.add(f.questionId);
  if (run.ended) return;
  run.answering.push(track(run, { kind: 'answer', questionId: f.questionId }, {
    type: 'response_submitted', id: `a-${f.questionId}`, questionId: f.questionId,
    answer: 'Each step is one pass over nums, so O(n) time and O(1) extra space; an empty list returns 0.', ts: Date.now(),
  }));
}

async function track(run: SessionRun, what: Partial<Op> & { kind: OpKind }, frame: Frame & { id: string }): Promise<Op> {
  const op: Op = { sessionId: run.sessionId, id: frame.id, status: 'info', ...what };
  run.ops.push(op);
  const reply = await run.client.request(frame);
  if (reply.type === 'ack') {
    op.status = 'ok';
    op.eventId = reply.eventId as string;
  } else {
    op.status = 'fail';
    op.error = String(reply.code);
  }
  return op;
}

/** Types `frames` updates (a window of them in flight), then ends the session and waits for session_ended. */
export async function typeAndEnd(run: SessionRun, opts: LoadOptions, fromSeq = 1): Promise<void> {
  const window = opts.window ?? 4;
  const inFlight = new Set<Promise<Op>>();
  for (let seq = fromSeq; seq <= opts.frames || (opts.keepGoing?.() && seq <= (opts.maxFrames ?? 600)); seq++) {
    const code = program(run.index, seq);
    const p = track(run, { kind: 'code', seq, marker: marker(run.index, seq) }, { type: 'code_update', id: `c${seq}`, seq, code, language: 'python', ts: Date.now() });
    inFlight.add(p);
    void p.then(() => inFlight.delete(p));
    if (inFlight.size >= window) await Promise.race(inFlight);
    if (opts.pauseMs) await new Promise((r) => setTimeout(r, opts.pauseMs));
  }
  await Promise.all(inFlight);
  // Answers still in flight go before the end.
  await Promise.all(run.answering);
  const end = await track(run, { kind: 'end' }, { type: 'end_session', id: 'end' });
  run.ended = true;
  if (end.status === 'ok') await run.client.next((f) => f.type === 'session_ended', opts.endWaitMs ?? 60_000);
}

/** Runs the whole load: every session types and ends; resolves when all are done. */
export async function runLoad(runs: SessionRun[], opts: LoadOptions): Promise<void> {
  await Promise.all(runs.map((r) => typeAndEnd(r, opts)));
}

export function closeAll(runs: SessionRun[]): void {
  for (const r of runs) r.client.close();
}
