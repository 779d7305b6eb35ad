import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { IN_GROUPS } from '../shared/groups.ts';
import { readVersions } from '../shared/snapshots/read.ts';
import { deleteByPrefix, freePort, freshDatabase, randomId, REDIS_URL, waitFor, type TestDb } from './helpers/env.ts';
import { dumpLogs, startServices, type Services } from './helpers/processes.ts';
import { TestSocket, type Frame } from './helpers/ws-client.ts';

// The whole loop on real processes: a candidate types 200 updates through a real WebSocket, with
// resent seqs and a dropped connection in the middle; every update must be stored exactly once and
// in order, no reply may be lost across the reconnect, and a question must arrive and be graded.

const ADMIN = `admin-${randomId(12)}`;
let db: TestDb;
let services: Services;
let base = '';
const prefix = `e2e${randomId()}`;
const redis = new Redis(REDIS_URL);

before(async () => {
  db = await freshDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  services = startServices(['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'], {
    DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base,
    ADMIN_API_KEY: ADMIN, TOKEN_SECRET: `secret-${randomId(12)}`,
    TRIGGER_MIN_INTERVAL_SEC: '0', TRIGGER_QUIET_START_SEC: '0', TRIGGER_MIN_DIFF_LINES: '20',
    CONSUMER_CLAIM_IDLE_MS: '2000', CONSUMER_CLAIM_EVERY_MS: '500', REPORT_WAIT_FOR_GRADES_SEC: '10',
    // The test counts entries in P:in: the snapshotter must not trim it meanwhile, however slow the
    // run (an hour: far beyond the test's timeout, within setInterval's 32-bit limit).
    TRIM_EVERY_MS: String(3_600_000),
  });
  await waitFor('the gateway to be ready', async () => ((await fetch(`${base}/readyz`).catch(() => null))?.ok ? true : undefined), 60_000, 200);
});

after(async () => {
  await services?.stop();
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
  await db?.drop();
});

function program(lines: number): string {
  const body = Array.from({ length: lines }, (_, i) => `    total += nums[${i % 7}] * ${i}  # step ${i} — ünïcödé`);
  return ['def accumulate(nums):', '    total = 0', ...body, '    return total', ''].join('\n');
}

const isOut = (f: Frame) => typeof f.eventId === 'string' && f.type !== 'ack';

test('200 updates, resends and a reconnect: stored once, in order, no reply lost, a question asked and graded', { timeout: 180_000 }, async (t) => {
  try {
    const created = await fetch(`${base}/v1/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ candidate: { name: 'Ada' }, problem: { title: 'Accumulate', statement: 'sum', language: 'python' }, settings: { maxQuestions: 2 } }),
    });
    assert.equal(created.status, 201);
    const session = (await created.json()) as { id: string; candidateToken: string; interviewerToken: string; wsUrl: string };
    const interviewer = await TestSocket.connect(session.wsUrl, session.interviewerToken);
    let candidate = await TestSocket.connect(session.wsUrl, session.candidateToken);
    const received: Frame[] = [];
    const sent = new Map<number, string>();
    const firstAck = new Map<number, string>();
    let reconnected = false;

    for (let seq = 1; seq <= 200; seq++) {
      const code = program(seq);
      sent.set(seq, code);
      const frame = { type: 'code_update', id: `c${seq}`, seq, code, language: 'python', ts: Date.now() };
      if (seq === 100 && !reconnected) {
        // Fire a few frames and drop the connection before reading their acks, as a flaky network would.
        for (let s = 100; s <= 103; s++) {
          sent.set(s, program(s));
          candidate.send({ ...frame, id: `c${s}`, seq: s, code: program(s) });
        }
        received.push(...candidate.frames.filter(isOut));
        const lastEventId = [...candidate.frames].reverse().find(isOut)?.eventId as string | undefined;
        candidate.ws.terminate();
        candidate = await TestSocket.connect(session.wsUrl, session.candidateToken, lastEventId ? { lastEventId } : {});
        reconnected = true;
        // The client resends what it never saw acked: each gets the first ack and no second entry.
        for (let s = 100; s <= 103; s++) {
          const ack = await candidate.request({ type: 'code_update', id: `r${s}`, seq: s, code: program(s), language: 'python', ts: Date.now() });
          assert.equal(ack.type, 'ack', JSON.stringify(ack));
          firstAck.set(s, ack.eventId as string);
        }
        seq = 103;
        continue;
      }
      const ack = await candidate.request(frame);
      assert.equal(ack.type, 'ack', JSON.stringify(ack));
      firstAck.set(seq, ack.eventId as string);
      if (seq % 25 === 0) {
        const again = await candidate.request({ ...frame, id: `dup${seq}` });
        assert.equal(again.eventId, ack.eventId, `resent seq ${seq} must get the first ack`);
      }
    }

    // The question may have reached the first connection, before the drop.
    const question = received.find((f) => f.type === 'question') ?? (await candidate.next((f) => f.type === 'question', 60_000));
    assert.match(String(question.text), /accumulate/);
    const answer = await candidate.request({ type: 'response_submitted', id: 'a1', questionId: question.questionId as string, answer: 'accumulate is O(n): one pass over nums.', ts: Date.now() });
    assert.equal(answer.type, 'ack');
    await candidate.next((f) => f.type === 'answer_received' && f.questionId === question.questionId, 30_000);
    const evaluation = await interviewer.next((f) => f.type === 'evaluation' && f.questionId === question.questionId, 30_000);
    assert.equal(typeof evaluation.score, 'number');
    assert.ok(!candidate.frames.some((f) => f.type === 'evaluation'), 'evaluations are for interviewer sockets only');

    const end = await candidate.request({ type: 'end_session', id: 'end' });
    assert.equal(end.type, 'ack');
    await candidate.next((f) => f.type === 'session_ended', 30_000);
    await candidate.next((f) => f.type === 'report_ready', 60_000);
    received.push(...candidate.frames.filter(isOut));

    // Every update stored exactly once, in order, byte for byte.
    const rows = await waitFor('all 200 snapshots', async () => {
      const r = await readVersions(db.pool, session.id);
      return r.length === 200 ? r : undefined;
    });
    rows.forEach((row, i) => {
      assert.equal(row.seq, i + 1);
      assert.equal(row.code, sent.get(row.seq));
      assert.equal(row.stream_id, firstAck.get(row.seq));
    });
    // The snapshotter process stored most of them as deltas.
    const { rows: [forms] } = await db.pool.query<{ deltas: number }>('SELECT count(delta)::int AS deltas FROM code_snapshots WHERE session_id = $1', [session.id]);
    assert.ok(forms.deltas >= 100, `${forms.deltas} of 200 stored as deltas`);
    const inEntries = (await redis.xrange(`${prefix}:in`, '-', '+')) as [string, string[]][];
    const updates = inEntries.filter(([, f]) => f[f.indexOf('type') + 1] === 'code_update');
    assert.equal(updates.length, 200, 'one P:in entry per seq, resends included');
    const ordered = rows.map((r) => r.stream_id);
    assert.deepEqual(ordered, [...ordered].sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]) || Number(a.split('-')[1]) - Number(b.split('-')[1])));

    // No reply lost: every out entry a candidate may see reached the candidate across both connections.
    const out = (await redis.xrange(`${prefix}:out:${session.id}`, '-', '+')) as [string, string[]][];
    const forCandidate = out.filter(([, f]) => f[f.indexOf('audience') + 1] === 'all').map(([id]) => id);
    const got = new Set(received.map((f) => f.eventId as string));
    for (const id of forCandidate) assert.ok(got.has(id), `out entry ${id} never reached the candidate`);
    // Operators see each group of the pipeline on /metrics.
    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const group of IN_GROUPS) assert.match(metrics, new RegExp(`^assess_group_pending\\{stream="in",group="${group}"\\} \\d+$`, 'm'));
    const report = await fetch(`${base}/v1/sessions/${session.id}/report`, { headers: { authorization: `Bearer ${ADMIN}` } });
    assert.equal(report.status, 200);
    await candidate.close();
    await interviewer.close();
  } catch (err) {
    t.diagnostic(dumpLogs(services));
    throw err;
  }
});
