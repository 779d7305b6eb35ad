import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type PgBoss from 'pg-boss';
import type { StreamMessage } from '../shared/consumer.ts';
import type { Pool, Queryable } from '../shared/db/pool.ts';
import { startBoss, REPORT_QUEUE } from '../shared/jobs.ts';
import type { ClientFrame } from '../shared/protocol.ts';
import type { InEntry } from '../shared/streams.ts';
import { handleBatch } from '../services/snapshotter/handler.ts';
import { persistPlan, planBatch, sha256 } from '../services/snapshotter/persist.ts';
import { readVersions } from '../shared/snapshots/read.ts';
import { freshDatabase, testLogger, type TestDb } from './helpers/env.ts';

// The snapshotter against a fresh Postgres database: code is stored byte-exact per seq, a
// redelivered batch is a no-op, the archive holds a hash instead of a second copy of the code,
// and a batch of any size costs one round trip.

let db: TestDb;
let boss: PgBoss | null = null;
before(async () => {
  db = await freshDatabase();
});
after(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await db.drop();
});

async function newSession(): Promise<string> {
  const id = randomUUID();
  await db.pool.query(
    `INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
    [id, { name: 'Ada' }, { title: 'Two sum', statement: '…', language: 'python' }],
  );
  return id;
}

const T0 = Date.UTC(2024, 0, 2, 10, 0, 0);
let nextId = 0;
function msg(sessionId: string, frame: ClientFrame, role: InEntry['role'] = 'candidate'): StreamMessage<InEntry> {
  const n = nextId++;
  const id = `${T0 + n}-0`;
  const body: InEntry = { sessionId, role, type: frame.type, frame, at: T0 + n };
  return { id, stream: 'test:in', fields: {}, body };
}
const update = (seq: number, code: string): ClientFrame => ({ type: 'code_update', seq, code, language: 'python', ts: 5000 + seq });

// Text that loses something under any careless conversion: astral emoji, combining marks,
// CJK, CRLF, a lone CR, tabs, trailing spaces, an empty string, and one near the 256 KiB limit.
const LINE = 'línea ü — 🎉 你好\te\u0301 \r\n';
const BIG = LINE.repeat(Math.floor((256 * 1024) / Buffer.byteLength(LINE)));
const CODES = [
  'def greet():\n    return "héllo wörld 😀 Ω ∑"\n',
  'a = 1\r\nb = 2\r\n\r\nc = 3\r',
  '',
  '   \t  \n\n',
  BIG,
];

async function count(table: string, sessionId: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE session_id = $1`, [sessionId]);
  return rows[0].n;
}

test('a batch is stored byte-exact, idempotently, with a hashed archive and the session ended', async () => {
  assert.ok(Buffer.byteLength(BIG) > 250 * 1024 && Buffer.byteLength(BIG) <= 256 * 1024);
  const sid = await newSession();
  const msgs = [
    ...CODES.map((code, i) => msg(sid, update(i + 1, code))),
    msg(sid, { type: 'editor_event', kind: 'paste', ts: 9000, detail: { chars: 120 } }),
    msg(sid, { type: 'response_submitted', questionId: 'q_1', answer: 'It is O(n) — ünïcode', ts: 9100 }),
    msg(sid, { type: 'end_session' }),
  ];

  assert.deepEqual(await persistPlan(db.pool, planBatch(msgs)), { snapshots: 5, events: 8, ended: 1 });

  const snaps = await readVersions(db.pool, sid);
  assert.deepEqual(snaps.map((r) => r.seq), [1, 2, 3, 4, 5]);
  snaps.forEach((r, i) => {
    assert.ok(Buffer.from(r.code, 'utf8').equals(Buffer.from(CODES[i], 'utf8')), `seq ${r.seq} byte-exact`);
    assert.equal(r.bytes, Buffer.byteLength(CODES[i]));
    assert.equal(r.language, 'python');
    assert.equal(r.stream_id, msgs[i].id);
    assert.equal(r.received_at.getTime(), msgs[i].body.at);
  });

  // Redelivery of the same batch (a crash before XACK) changes nothing.
  assert.deepEqual(await persistPlan(db.pool, planBatch(msgs)), { snapshots: 0, events: 0, ended: 0 });
  assert.equal(await count('code_snapshots', sid), 5);
  assert.equal(await count('session_events', sid), 8);

  // The archive: one row per entry, in stream order, code replaced by its hash.
  const events = await db.pool.query<{ stream: string; stream_id: string; type: string; role: string; payload: Record<string, unknown> }>(
    'SELECT stream, stream_id, type, role, payload FROM session_events WHERE session_id = $1 ORDER BY id', [sid],
  );
  assert.deepEqual(events.rows.map((r) => r.stream_id), msgs.map((m) => m.id));
  assert.deepEqual(events.rows.map((r) => r.type), msgs.map((m) => m.body.frame.type));
  for (const [i, r] of events.rows.entries()) {
    assert.equal(r.stream, 'in');
    assert.equal(r.role, 'candidate');
    if (r.type === 'code_update') {
      assert.equal('code' in r.payload, false, 'no second copy of the code');
      assert.equal(r.payload.codeSha256, sha256(CODES[i]));
      assert.equal(r.payload.bytes, Buffer.byteLength(CODES[i]));
      assert.equal(r.payload.seq, i + 1);
    } else {
      assert.deepEqual(r.payload, msgs[i].body.frame);
    }
  }

  const { rows: [s] } = await db.pool.query<{ status: string; ended_at: Date; ended_by: string }>(
    'SELECT status, ended_at, ended_by FROM sessions WHERE id = $1', [sid],
  );
  assert.equal(s.status, 'ended');
  assert.equal(s.ended_by, 'candidate');
  assert.equal(s.ended_at.getTime(), msgs[7].body.at);
});

test('persistPlan costs one query for a 100-entry batch over two sessions, and one more when it ends sessions', async () => {
  const a = await newSession();
  const b = await newSession();
  const msgs: StreamMessage<InEntry>[] = [];
  for (let i = 1; i <= 98; i++) {
    const sid = i % 2 ? a : b;
    msgs.push(i % 7 === 0 ? msg(sid, { type: 'editor_event', kind: 'focus_lost', ts: i }) : msg(sid, update(i, `x = ${i}\n`)));
  }
  msgs.push(msg(a, { type: 'end_session' }), msg(b, { type: 'end_session' }, 'admin'));
  assert.equal(msgs.length, 100);

  let calls = 0;
  const counting: Queryable = {
    query: ((text: string, values?: unknown[]) => {
      calls++;
      return db.pool.query(text, values);
    }) as unknown as Pool['query'],
  };
  const snapshots = msgs.filter((m) => m.body.frame.type === 'code_update').length;
  const ends = msgs.splice(-2);
  assert.deepEqual(await persistPlan(counting, planBatch(msgs)), { snapshots, events: 98, ended: 0 });
  assert.equal(calls, 1);
  // Ends go in a statement of their own, after the archive (see END_SQL: lock order).
  assert.deepEqual(await persistPlan(counting, planBatch(ends)), { snapshots: 0, events: 2, ended: 2 });
  assert.equal(calls, 3);
  assert.equal((await count('code_snapshots', a)) + (await count('code_snapshots', b)), snapshots);
});

test('handleBatch persists, then queues one report job per ended session', { timeout: 120_000 }, async () => {
  boss = await startBoss(db.url, testLogger());
  const sid = await newSession();
  const other = await newSession();
  const msgs = [msg(sid, update(1, 'print(1)\n')), msg(other, update(1, 'print(2)\n')), msg(sid, { type: 'end_session' })];
  const deps = { db: db.pool, boss, log: testLogger() };
  await handleBatch(deps, msgs);

  const jobs = async () =>
    (await db.pool.query<{ data: { sessionId: string; reason: string }; singleton_key: string | null }>(
      `SELECT data, singleton_key FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [REPORT_QUEUE],
    )).rows;
  const first = await jobs();
  assert.equal(first.length, 1, 'one job, only for the session that ended');
  assert.deepEqual(first[0].data, { sessionId: sid, reason: 'end_session' });
  assert.equal(first[0].singleton_key, sid);
  assert.equal(await count('code_snapshots', sid), 1);
  assert.equal(await count('code_snapshots', other), 1);

  // A redelivered batch while the job is still queued: the stately queue keeps it at one.
  await handleBatch(deps, msgs);
  assert.equal((await jobs()).length, 1);

  // An end through the API (role admin) is queued with reason 'api'.
  const viaApi = await newSession();
  await handleBatch(deps, [msg(viaApi, { type: 'end_session' }, 'admin')]);
  const last = (await jobs()).find((j) => j.data.sessionId === viaApi);
  assert.deepEqual(last?.data, { sessionId: viaApi, reason: 'api' });
  const { rows: [s] } = await db.pool.query<{ status: string; ended_by: string }>('SELECT status, ended_by FROM sessions WHERE id = $1', [viaApi]);
  assert.deepEqual(s, { status: 'ended', ended_by: 'admin' });
});
