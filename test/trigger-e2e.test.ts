import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { deleteByPrefix, freePort, freshDatabase, randomId, REDIS_URL, waitFor, type TestDb } from './helpers/env.ts';
import { dumpLogs, startServices, type Services } from './helpers/processes.ts';
import { TestSocket } from './helpers/ws-client.ts';
import { replaySession } from '../scripts/replay/replay.ts';
import { formatReplay } from '../scripts/replay/print.ts';

// Asking on time, on real processes with two trigger replicas: the candidate writes a finished
// function but stops with the caret inside a line (no boundary, nothing asked), then sends nothing
// more. The pause alone brings the question — one, though two scanners run — and the archive alone
// replays it.

const ADMIN = `admin-${randomId(12)}`;
let db: TestDb;
let services: Services;
let second: Services;
let base = '';
const prefix = `tt${randomId()}`;
const redis = new Redis(REDIS_URL);

before(async () => {
  db = await freshDatabase();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    DATABASE_URL: db.url, REDIS_PREFIX: prefix, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base,
    ADMIN_API_KEY: ADMIN, TOKEN_SECRET: `secret-${randomId(12)}`, TRIGGER_TICK_EVERY_MS: '100', REPORT_WAIT_FOR_GRADES_SEC: '5',
  };
  services = startServices(['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'], env);
  second = startServices(['trigger'], env);
  await waitFor('the gateway to be ready', async () => ((await fetch(`${base}/readyz`).catch(() => null))?.ok ? true : undefined), 60_000, 200);
});

after(async () => {
  await second?.stop();
  await services?.stop();
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
  await db?.drop();
});

const CODE = 'def closest(nums):\n    best = None\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            d = abs(nums[i] - nums[j])\n            best = d if best is None else min(best, d)\n    return best';

test('a pause with no new frame brings one question, decided on a tick, replayable from the archive', { timeout: 120_000 }, async (t) => {
  try {
    const created = await fetch(`${base}/v1/sessions`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ candidate: { name: 'Ada' }, problem: { title: 'Closest', statement: 'pairs', language: 'python' }, settings: { quietStartSec: 0, pauseSec: 2 } }),
    });
    assert.equal(created.status, 201);
    const s = (await created.json()) as { id: string; candidateToken: string; interviewerToken: string; wsUrl: string };
    const interviewer = await TestSocket.connect(s.wsUrl, s.interviewerToken);
    const ws = await TestSocket.connect(s.wsUrl, s.candidateToken);
    const lines = CODE.split('\n');
    const ack = await ws.request({ type: 'code_update', id: 'u1', seq: 1, code: CODE, language: 'python', ts: Date.now(), cursor: { line: lines.length, col: lines.at(-1)!.length } });
    assert.equal(ack.type, 'ack');
    const sentAt = Date.now();
    const q = await ws.next((f) => f.type === 'question', 30_000);
    assert.ok(Date.now() - sentAt >= 1_900, 'not before the pause');
    assert.match(String(q.text), /closest/);
    const decision = await interviewer.next((f) => f.type === 'decision' && f.decision === 'ask', 10_000);
    assert.equal(typeof decision.tick, 'number', 'the ask names the tick that caused it');
    await ws.request({ type: 'end_session', id: 'end' });
    await ws.next((f) => f.type === 'report_ready', 60_000);
    assert.equal(ws.frames.filter((f) => f.type === 'question').length, 1, 'one question for one moment');
    const { rows } = await db.pool.query(`SELECT 1 FROM session_events WHERE session_id = $1 AND type = 'tick'`, [s.id]);
    assert.ok(rows.length >= 1, 'the tick is archived');
    const report = (await (await fetch(`${base}/v1/sessions/${s.id}/report`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { timeline: { notAsked?: unknown[] } };
    assert.ok(Array.isArray(report.timeline.notAsked));
    const r = await replaySession(db.pool, s.id);
    assert.deepEqual(r.findings, [], formatReplay(r, { verify: true }));
    await Promise.all([ws.close(), interviewer.close()]);
  } catch (err) {
    t.diagnostic(`${dumpLogs(services)}\n${dumpLogs(second)}`);
    throw err;
  }
});
