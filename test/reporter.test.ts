import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import type PgBoss from 'pg-boss';
import { REPORT_QUEUE, startBoss, type ReportJob } from '../shared/jobs.ts';
import { appendFrame, type IngestDeps } from '../shared/ingest.ts';
import { archiveEvents } from '../shared/archive.ts';
import { GROUPS } from '../shared/groups.ts';
import { askRequestId, questionIdFor } from '../shared/ids.ts';
import { encodeAsk, fieldsToRecord, InEntry, OutEntry } from '../shared/streams.ts';
import { cleanupSession } from '../services/reporter/cleanup.ts';
import { sweepExpired } from '../services/reporter/expiry.ts';
import { ReportNotReady, writeReport, type ReporterDeps } from '../services/reporter/handler.ts';
import { freshDatabase, testLogger, testRedis, waitFor, type TestDb, type TestRedis } from './helpers/env.ts';

// One report per session, whatever happens: two reporter replicas at once, a job that expires
// mid-write and is retried, a report held back while answers are still being graded, while an
// archived answer is not yet stored by the agent, and while the agent still has one of the
// session's question requests. Plus the expiry sweep and the out-stream cleanup after the grace period.

let db: TestDb;
let tr: TestRedis;
let deps: ReporterDeps;
let ingest: IngestDeps;
const cleanups: string[] = [];
const log = testLogger();

before(async () => {
  db = await freshDatabase();
  tr = testRedis();
  deps = { redis: tr.redis, keys: tr.keys, db: db.pool, log, publicUrl: 'http://x', waitForGradesMs: 60_000, scheduleCleanup: async (id) => cleanups.push(id) };
  ingest = { redis: tr.redis, keys: tr.keys, limits: { maxFrameBytes: 1e6, maxCodeBytes: 262144, maxAnswerBytes: 16384 }, ingestTtlSec: 3600, reportUrl: (id) => `http://x/${id}` };
});
after(async () => {
  await tr.cleanup();
  await db.drop();
});

async function session(expiresIn = '1 hour'): Promise<string> {
  const id = randomUUID();
  await db.pool.query(
    `INSERT INTO sessions (id, candidate, problem, expires_at, status) VALUES ($1, '{"name":"Ada"}', '{"title":"Two sum","language":"python","statement":""}', now() + $2::interval, 'ended')`,
    [id, expiresIn],
  );
  await db.pool.query(`INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at) VALUES ($1, 1, 'def f(xs):\n    return len(xs)\n', 'python', 30, 2, 0, '1-0', now())`, [id]);
  return id;
}

const job = (sessionId: string): ReportJob => ({ sessionId, reason: 'end_session' });
const reportsOf = async (id: string) => (await db.pool.query('SELECT report FROM reports WHERE session_id = $1', [id])).rowCount;
const readyOf = async (id: string) =>
  (await tr.redis.xrange(tr.keys.out(id), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f))).filter((e) => e.type === 'report_ready').length;

test('two reporters writing the same session at once leave one report and one report_ready', async () => {
  const id = await session();
  const results = await Promise.all([writeReport(deps, job(id), new Date()), writeReport(deps, job(id), new Date()), writeReport(deps, job(id), new Date())]);
  assert.equal(results.filter((r) => r === 'written').length, 1, results.join());
  assert.equal(await reportsOf(id), 1);
  assert.equal(await readyOf(id), 1);
  const archived = await db.pool.query(`SELECT type FROM session_events WHERE session_id = $1 AND stream = 'out'`, [id]);
  assert.deepEqual(archived.rows.map((r) => r.type), ['report_ready'], 'the out stream is archived, report_ready included');
  assert.equal((await db.pool.query(`SELECT status FROM sessions WHERE id = $1`, [id])).rows[0].status, 'reported');
});

test('a report waits while an answer is being graded, then goes ahead after the wait', async () => {
  const id = await session();
  await db.pool.query(
    `INSERT INTO interactions (id, session_id, request_id, seq, reason_code, reason, question, provider, model, asked_at, answer, answered_at)
     VALUES ('q_wait', $1, $2, 1, 'function_completed', 'r', 'What does f return?', 'heuristic', 'h', now(), 'its length', now())`,
    [id, `${id}:1`],
  );
  await assert.rejects(writeReport(deps, job(id), new Date()), ReportNotReady);
  assert.equal(await reportsOf(id), 0);
  assert.equal(await writeReport(deps, job(id), new Date(Date.now() - 120_000)), 'written', 'after the wait it reports what it has');
});

test('two pg-boss workers and a job that expires mid-write and is retried: still one report', { timeout: 60_000 }, async () => {
  const id = await session();
  const bosses: PgBoss[] = [];
  let calls = 0;
  // The first attempt hangs past its expiry, like a reporter stuck on a slow database, until the
  // retried attempt has written the report; then it writes too, and the test waits for that write.
  let releaseFirst!: () => void;
  const firstReleased = new Promise<void>((r) => (releaseFirst = r));
  let firstWrote!: () => void;
  const firstDone = new Promise<void>((r) => (firstWrote = r));
  try {
    for (let i = 0; i < 2; i++) {
      const boss = await startBoss(db.url, log, { worker: true, maintenanceIntervalSeconds: 1 });
      bosses.push(boss);
      await boss.work<ReportJob>(REPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: true }, async ([j]) => {
        const attempt = ++calls;
        if (attempt === 1) await firstReleased;
        try {
          await writeReport(deps, j.data, j.createdOn);
        } finally {
          if (attempt === 1) firstWrote();
        }
      });
    }
    await bosses[0].send(REPORT_QUEUE, job(id), { singletonKey: id, expireInSeconds: 1, retryLimit: 3, retryDelay: 1 });
    await waitFor('the retried attempt', () => (calls >= 2 ? true : undefined), 30_000, 100);
    await waitFor('the report', async () => ((await reportsOf(id)) === 1 ? true : undefined), 30_000, 100);
    releaseFirst();
    await firstDone;
    assert.equal(await reportsOf(id), 1);
    assert.equal(await readyOf(id), 1);
  } finally {
    await Promise.all(bosses.map((b) => b.stop({ graceful: false, wait: true, timeout: 2000 })));
  }
});

test('the expiry sweep ends sessions whose time ran out, once', async () => {
  const id = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"B"}', '{"title":"t","language":"go"}', now() - interval '1 minute')`, [id]);
  const later = randomUUID();
  await db.pool.query(`INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, '{"name":"C"}', '{"title":"t","language":"go"}', now() + interval '1 hour')`, [later]);
  assert.deepEqual(await sweepExpired({ db: db.pool, ingest, log }), [id]);
  assert.deepEqual(await sweepExpired({ db: db.pool, ingest, log }), [], 'the second sweep finds it already closed');
  const ends = (await tr.redis.xrange(tr.keys.in, '-', '+')).map(([, f]) => InEntry.parse(fieldsToRecord(f))).filter((e) => e.sessionId === id);
  assert.deepEqual(ends.map((e) => [e.type, e.role]), [['end_session', 'system']]);
  const ended = (await tr.redis.xrange(tr.keys.out(id), '-', '+')).map(([, f]) => OutEntry.parse(fieldsToRecord(f)));
  assert.deepEqual(ended.map((e) => e.type), ['session_ended']);
  const late = await appendFrame(ingest, { sessionId: id, role: 'candidate' }, { type: 'code_update', seq: 1, code: 'x', language: 'go', ts: 0 });
  assert.equal(late.type === 'error' && late.code, 'session_closed');
});

test('cleanup archives the out stream, then removes it and the working state', async () => {
  const id = await session();
  await writeReport(deps, job(id), new Date());
  await tr.redis.hset(tr.keys.state(id), 'pending', '');
  const before = await tr.redis.xlen(tr.keys.out(id));
  const { archived } = await cleanupSession(deps, id);
  assert.equal(archived, 0, 'already archived by the reporter');
  assert.equal(await tr.redis.exists(tr.keys.out(id), tr.keys.state(id), tr.keys.once(id)), 0);
  const rows = await db.pool.query(`SELECT count(*)::int AS n FROM session_events WHERE session_id = $1 AND stream = 'out'`, [id]);
  assert.equal(rows.rows[0].n, before);
  assert.ok(cleanups.includes(id), 'the cleanup was scheduled by the reporter');
});

async function question(sessionId: string, id: string, seq = 1): Promise<void> {
  await db.pool.query(
    `INSERT INTO interactions (id, session_id, request_id, seq, reason_code, reason, question, provider, model, asked_at)
     VALUES ($1, $2, $3, $4, 'function_completed', 'r', 'What does f return?', 'heuristic', 'h', now())`,
    [id, sessionId, `${sessionId}:${seq}`, seq],
  );
}

let answerSeq = 0;
/** The answer as the snapshotter archives it from P:in, before (or without) the agent storing it. */
async function archiveAnswer(sessionId: string, questionId: string): Promise<void> {
  answerSeq++;
  await archiveEvents(db.pool, [{
    session_id: sessionId, stream: 'in', stream_id: `${Date.now()}-${answerSeq}`, type: 'response_submitted', role: 'candidate',
    payload: { type: 'response_submitted', id: `a${answerSeq}`, questionId, answer: 'its length', ts: 0 }, at: new Date().toISOString(),
  }]);
}

test('a report waits while an archived answer is not yet stored by the agent, then while it is graded', async () => {
  const id = await session();
  await question(id, `q_unstored_${id.slice(0, 8)}`);
  await archiveAnswer(id, 'q_not_in_this_session'); // an unknown question never holds the report back
  const other = await session();
  await question(other, `q_other_${other.slice(0, 8)}`);
  await archiveAnswer(other, `q_other_${other.slice(0, 8)}`); // another session's answer neither
  assert.equal(await writeReport(deps, job(id), new Date()), 'written');

  const id2 = await session();
  const qid = `q_unstored_${id2.slice(0, 8)}`;
  await question(id2, qid);
  await archiveAnswer(id2, qid);
  await assert.rejects(writeReport(deps, job(id2), new Date()), (err: unknown) => err instanceof ReportNotReady && /archived but not yet stored/.test(err.message));
  await db.pool.query(`UPDATE interactions SET answer = 'its length', answered_at = now() WHERE id = $1`, [qid]);
  await assert.rejects(writeReport(deps, job(id2), new Date()), (err: unknown) => err instanceof ReportNotReady && /being graded/.test(err.message));
  await db.pool.query(`UPDATE interactions SET evaluation = '{"score":80}', score = 80, evaluated_at = now() WHERE id = $1`, [qid]);
  assert.equal(await writeReport(deps, job(id2), new Date()), 'written');
  assert.equal(await reportsOf(id2), 1);
});

test('a report goes ahead after the wait even when an archived answer was never stored', async () => {
  const id = await session();
  const qid = `q_lost_${id.slice(0, 8)}`;
  await question(id, qid);
  await archiveAnswer(id, qid);
  await assert.rejects(writeReport(deps, job(id), new Date()), ReportNotReady);
  assert.equal(await writeReport(deps, job(id), new Date(Date.now() - 120_000)), 'written');
});

function askFor(sessionId: string, seq: number): string[] {
  const requestId = askRequestId(sessionId, seq);
  return encodeAsk({
    sessionId, requestId, seq, reasonCode: 'function_completed', reason: 'f looks finished.', at: Date.now(),
    questionId: questionIdFor(requestId), language: 'python', code: 'def f(xs):\n    return len(xs)\n', context: {},
  });
}

test('a report waits while the agent has one of the session\'s question requests, undelivered or pending', async () => {
  const ask = tr.keys.ask;
  const agent = GROUPS.ask.agent;
  await tr.redis.xgroup('CREATE', ask, agent, '0', 'MKSTREAM').catch((err: unknown) => {
    if (!(err instanceof Error) || !err.message.includes('BUSYGROUP')) throw err;
  });
  const id = await session();
  const other = await session();
  // Another session's request, undelivered and then pending, never holds this report back.
  await tr.redis.xadd(ask, '*', ...askFor(other, 1));
  assert.equal(await writeReport(deps, job(id), new Date()), 'written');

  const id2 = await session();
  await tr.redis.xadd(ask, '*', ...askFor(id2, 1));
  await assert.rejects(writeReport(deps, job(id2), new Date()), (err: unknown) => err instanceof ReportNotReady && /not yet delivered to the agent/.test(err.message));
  // Delivered to an agent that has not acknowledged it yet (the model call, the insert, the emit).
  const read = (await tr.redis.xreadgroup('GROUP', agent, 'agent-1', 'COUNT', 10, 'STREAMS', ask, '>')) as [string, [string, string[]][]][];
  const delivered = read[0][1].map(([entryId]) => entryId);
  assert.equal(delivered.length, 2);
  await assert.rejects(writeReport(deps, job(id2), new Date()), (err: unknown) => err instanceof ReportNotReady && /still being handled by the agent/.test(err.message));
  assert.equal(await reportsOf(id2), 0);
  await tr.redis.xack(ask, agent, ...delivered);
  assert.equal(await writeReport(deps, job(id2), new Date()), 'written');

  // After the wait it reports what it has, even with the request still pending (a dead agent).
  const id3 = await session();
  await tr.redis.xadd(ask, '*', ...askFor(id3, 1));
  await tr.redis.xreadgroup('GROUP', agent, 'agent-1', 'COUNT', 10, 'STREAMS', ask, '>');
  await assert.rejects(writeReport(deps, job(id3), new Date()), ReportNotReady);
  assert.equal(await writeReport(deps, job(id3), new Date(Date.now() - 120_000)), 'written');
});
