import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { chromaAnswers, startChroma } from '../scripts/chroma/runtime.ts';
import { replaySession } from '../scripts/replay/replay.ts';
import { deleteByPrefix, freePort, freshDatabase, randomId, REDIS_URL, waitFor, type TestDb } from './helpers/env.ts';
import { dumpLogs, startServices, type Services } from './helpers/processes.ts';
import { TestSocket, type Frame } from './helpers/ws-client.ts';

// Sessions ended each of the three ways — the candidate's end_session, POST /end, the time running
// out — on the real processes with Chroma: the report arrives once, reads as a page, and cites
// evidence that exists.

const ADMIN = `admin-${randomId(12)}`;
const prefix = `e2r${randomId()}`;
const redis = new Redis(REDIS_URL);
let db: TestDb;
let services: Services;
let chroma: { url: string; stop(): Promise<void> } | null = null;
let chromaDir = '';
let base = '';

before(async () => {
  db = await freshDatabase();
  let chromaUrl = process.env.CHROMA_URL ?? '';
  if (!chromaUrl || !(await chromaAnswers(chromaUrl))) {
    chromaDir = mkdtempSync(path.join(tmpdir(), 'chroma-e2e-'));
    chroma = await startChroma({ dataDir: chromaDir, port: await freePort() });
    chromaUrl = chroma.url;
  }
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  services = startServices(['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'], {
    DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, CHROMA_URL: chromaUrl,
    ADMIN_API_KEY: ADMIN, TOKEN_SECRET: `secret-${randomId(12)}`,
    TRIGGER_MIN_INTERVAL_SEC: '0', TRIGGER_QUIET_START_SEC: '0', EXPIRY_SWEEP_MS: '300', OUT_STREAM_GRACE_SEC: '2',
    CONSUMER_CLAIM_IDLE_MS: '2000', CONSUMER_CLAIM_EVERY_MS: '500', REPORT_WAIT_FOR_GRADES_SEC: '10',
    // No trimming of P:in during the test, however slow the run (an hour, within setInterval's 32-bit limit).
    TRIM_EVERY_MS: String(3_600_000),
  });
  await waitFor('the gateway', async () => ((await fetch(`${base}/readyz`).catch(() => null))?.ok ? true : undefined), 60_000, 200);
});

after(async () => {
  await services?.stop();
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
  await db?.drop();
  if (chroma) {
    // The collections were created under this run's random prefix; dropping the server's data dir removes them.
    await chroma.stop();
    rmSync(chromaDir, { recursive: true, force: true });
  }
});

const auth = { authorization: `Bearer ${ADMIN}` };

async function createSession(): Promise<{ id: string; candidateToken: string; interviewerToken: string; wsUrl: string }> {
  const res = await fetch(`${base}/v1/sessions`, {
    method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ candidate: { name: 'Grace' }, problem: { title: 'Two sum', statement: 'pairs', language: 'python' }, settings: { maxQuestions: 3 } }),
  });
  assert.equal(res.status, 201);
  return (await res.json()) as { id: string; candidateToken: string; interviewerToken: string; wsUrl: string };
}

const BRUTE = 'def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n    return []\n';

/** Types a solution, answers the question it gets, and returns the candidate socket. */
async function work(s: { candidateToken: string; wsUrl: string }): Promise<TestSocket> {
  const ws = await TestSocket.connect(s.wsUrl, s.candidateToken);
  const lines = BRUTE.split('\n');
  for (let i = 1; i <= lines.length; i++) {
    const ack = await ws.request({ type: 'code_update', id: `u${i}`, seq: i, code: lines.slice(0, i).join('\n'), language: 'python', ts: Date.now() });
    assert.equal(ack.type, 'ack');
  }
  const q = await ws.next((f) => f.type === 'question', 30_000);
  assert.match(String(q.text), /two_sum/, 'the question is about the code the candidate wrote');
  await ws.request({ type: 'response_submitted', id: 'a1', questionId: String(q.questionId), answer: 'O(n^2): for each i the inner loop on line 3 scans the rest of nums, so about n²/2 comparisons.', ts: Date.now() });
  await ws.next((f) => f.type === 'answer_received', 30_000);
  return ws;
}

async function checkReport(id: string, ws: TestSocket): Promise<void> {
  const ready = await ws.next((f) => f.type === 'report_ready', 60_000);
  assert.ok(String(ready.reportUrl).endsWith(`/v1/sessions/${id}/report`));
  const res = await fetch(`${base}/v1/sessions/${id}/report`, { headers: auth });
  assert.equal(res.status, 200);
  const report = (await res.json()) as { sessionId: string; questions: { questionId: string; seq: number }[]; humanReviewRequired: boolean };
  assert.equal(report.sessionId, id);
  assert.ok(report.questions.length >= 1);
  for (const q of report.questions) {
    const code = await fetch(`${base}/v1/sessions/${id}/code?seq=${q.seq}`, { headers: auth });
    assert.equal(code.status, 200, 'the report cites code that exists');
  }
  const html = await fetch(`${base}/v1/sessions/${id}/report.html`, { headers: auth });
  assert.equal(html.status, 200);
  const page = await html.text();
  assert.match(page, /<svg/);
  assert.match(page, /Grace/);
  // Once the cleanup has archived and deleted the out stream, nothing more can reach the socket:
  // the archive holds every report_ready that was ever emitted, and the socket saw that one.
  await waitFor('the out stream archived and deleted', async () => ((await redis.exists(`${prefix}:out:${id}`)) === 0 ? true : undefined), 60_000, 100);
  const emitted = await db.pool.query(`SELECT 1 FROM session_events WHERE session_id = $1 AND stream = 'out' AND type = 'report_ready'`, [id]);
  assert.equal(emitted.rowCount, 1, 'report_ready emitted once');
  assert.equal(ws.frames.filter((f: Frame) => f.type === 'report_ready').length, 1, 'report_ready arrives once');
  assert.equal((await db.pool.query('SELECT 1 FROM reports WHERE session_id = $1', [id])).rowCount, 1);
  // The agent asked and graded with the knowledge base it loaded into Chroma at start.
  // (Follow-ups and the report summary retrieve nothing: they work from the recorded exchange.)
  const calls = await db.pool.query<{ retrieved_ids: string[] }>(`SELECT retrieved_ids FROM llm_calls WHERE session_id = $1 AND kind IN ('question', 'evaluation')`, [id]);
  assert.ok(calls.rows.length >= 2 && calls.rows.every((c) => c.retrieved_ids.length > 0), JSON.stringify(calls.rows));
  // The archive alone reproduces the session: chain, trigger decisions, grades and the report.
  const replay = await replaySession(db.pool, id);
  assert.ok(replay.ok, replay.findings.map((f) => f.message).join('\n'));
  assert.ok(replay.counts.decisions > 0 && replay.counts.evaluations > 0, JSON.stringify(replay.counts));
}

test('ended by the candidate over the socket', { timeout: 120_000 }, async (t) => {
  try {
    const s = await createSession();
    const ws = await work(s);
    await ws.request({ type: 'end_session', id: 'end' });
    await checkReport(s.id, ws);
    await ws.close();
  } catch (err) {
    t.diagnostic(dumpLogs(services));
    throw err;
  }
});

test('ended by the interviewer through POST /end', { timeout: 120_000 }, async () => {
  const s = await createSession();
  const ws = await work(s);
  const res = await fetch(`${base}/v1/sessions/${s.id}/end`, { method: 'POST', headers: { authorization: `Bearer ${s.interviewerToken}` } });
  assert.equal(res.status, 202);
  await ws.next((f) => f.type === 'session_ended', 30_000);
  await checkReport(s.id, ws);
  await ws.close();
});

test('ended when its time ran out; the out stream goes after the grace period', { timeout: 120_000 }, async () => {
  const s = await createSession();
  const ws = await work(s);
  await db.pool.query(`UPDATE sessions SET expires_at = now() WHERE id = $1`, [s.id]);
  await ws.next((f) => f.type === 'session_ended', 30_000);
  await checkReport(s.id, ws);
  await ws.close();
  await waitFor('the out stream to be archived and removed', async () => ((await redis.exists(`${prefix}:out:${s.id}`)) === 0 ? true : undefined), 30_000, 200);
  const archived = await db.pool.query(`SELECT type FROM session_events WHERE session_id = $1 AND stream = 'out' ORDER BY id`, [s.id]);
  const types = archived.rows.map((r) => r.type);
  for (const t of ['decision', 'question', 'answer_received', 'evaluation', 'session_ended', 'report_ready']) assert.ok(types.includes(t), `${t} archived`);
});
