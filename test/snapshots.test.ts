import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Pool, Queryable } from '../shared/db/pool.ts';
import { applyDelta, encodeDelta } from '../shared/snapshots/delta.ts';
import { readVersions, rebuildVersions, SnapshotBroken, versionAt, versionsAt } from '../shared/snapshots/read.ts';
import { storageFigures } from '../shared/snapshots/stats.ts';
import { DEFAULT_POLICY } from '../services/snapshotter/encode.ts';
import { persistPlan, planBatch } from '../services/snapshotter/persist.ts';
import { TipCache } from '../services/snapshotter/tips.ts';
import { sessions } from '../eval/sessions/index.ts';
import { codeUpdate, entry, insertSession, persistInBatches, recordedFrames } from './helpers/snapshots.ts';
import { freshDatabase, type TestDb } from './helpers/env.ts';

// Code versions stored as keyframes and deltas (migration 1700000000004): every version of
// recorded sessions rebuilt byte-exact, text that breaks careless conversions, redelivery, two
// replicas on one session, a wrong base caught by the hash, and the storage ratio of issue 8.

let db: TestDb;
before(async () => {
  db = await freshDatabase();
});
after(async () => {
  await db.drop();
});

const LINE = 'línea ü — 🎉 你好\te\u0301 \r\n';
const BIG = LINE.repeat(Math.floor((256 * 1024) / Buffer.byteLength(LINE)));

/** A Queryable that counts the rows every query returned. */
function counting(): { q: Queryable; rows: () => number } {
  let n = 0;
  const q: Queryable = {
    query: (async (text: string, values?: unknown[]) => {
      const r = await db.pool.query(text, values);
      n += r.rowCount ?? 0;
      return r;
    }) as unknown as Pool['query'],
  };
  return { q, rows: () => n };
}

async function forms(sessionId: string): Promise<Map<number, 'key' | 'delta'>> {
  const { rows } = await db.pool.query<{ seq: number; key: boolean }>('SELECT seq, code IS NOT NULL AS key FROM code_snapshots WHERE session_id = $1', [sessionId]);
  return new Map(rows.map((r) => [r.seq, r.key ? 'key' : 'delta']));
}

test('delta: prefix and suffix kept, middle replaced, on UTF-8 bytes', () => {
  const cases: [string, string][] = [
    ['', ''], ['', 'abc'], ['abc', ''], ['abc', 'abc'], ['aXc', 'aYc'], ['aaaa', 'aa'], ['aa', 'aaaa'],
    ['😀', '😁'], ['a😀b', 'a😀😀b'], ['x\r\ny', 'x\ny'], ['e\u0301', 'e'], ['你好', '你们好'],
  ];
  for (const [a, b] of cases) {
    const base = Buffer.from(a);
    const next = Buffer.from(b);
    assert.ok(applyDelta(base, encodeDelta(base, next)).equals(next), `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  }
  // Typing one character costs it and two length bytes.
  assert.equal(encodeDelta(Buffer.from('def f(x):\n    return x\n'), Buffer.from('def f(x):\n    return xs\n')).length, 3);
  assert.throws(() => applyDelta(Buffer.from('ab'), Buffer.from([5, 0])), /keeps 5 bytes of a 2-byte base/);
});

test('every version of every recorded session rebuilt byte-exact; stored ≤ 15 % of the full texts', { timeout: 120_000 }, async () => {
  const tips = new TipCache();
  const ids: string[] = [];
  const sent = new Map<string, string[]>();
  for (const script of sessions) {
    const sid = await insertSession(db.pool);
    const frames = recordedFrames(script);
    ids.push(sid);
    sent.set(sid, frames.map((f) => (f.type === 'code_update' ? f.code : '')));
    await persistInBatches(db.pool, frames.map((f) => entry(sid, f)), tips);
  }
  for (const sid of ids) {
    const codes = sent.get(sid)!;
    const versions = await readVersions(db.pool, sid);
    assert.equal(versions.length, codes.length);
    versions.forEach((v, i) => {
      assert.equal(v.seq, i + 1);
      assert.ok(Buffer.from(v.code).equals(Buffer.from(codes[i])), `${sid} seq ${v.seq} byte-exact`);
      assert.equal(v.bytes, Buffer.byteLength(codes[i]));
    });
  }
  const f = await storageFigures(db.pool, ids);
  assert.equal(f.versions, [...sent.values()].reduce((n, c) => n + c.length, 0));
  assert.ok(f.keyframes >= ids.length && f.keyframes < f.versions / 10, `${f.keyframes} keyframes of ${f.versions}`);
  assert.ok(f.ratio <= 0.15, `stored ${f.storedBytes} of ${f.fullBytes} bytes = ${(100 * f.ratio).toFixed(1)} %`);
  // Each recorded session on its own meets it too, not only the sum.
  for (const sid of ids) {
    const one = await storageFigures(db.pool, [sid]);
    assert.ok(one.ratio <= 0.15, `${sid}: ${(100 * one.ratio).toFixed(1)} %`);
  }
});

test('unicode, CRLF, empty code, the largest code, a whole-file paste and everything deleted: all rebuilt', async () => {
  const sid = await insertSession(db.pool);
  const file = recordedFrames(sessions[0]).at(-1)!;
  const whole = file.type === 'code_update' ? file.code : '';
  const codes = [
    'def greet():\n    return "héllo wörld 😀 Ω ∑"\n',
    'def greet():\n    return "héllo wörld 😁 Ω ∑ 你好"\n',
    'def greet():\r\n    return "héllo wörld 😁 Ω ∑ 你好"\r\n',
    'def greet():\r\n    return "héllo wörld 😁 Ω ∑ 你好"\r\n\r\n\r',
    '',
    'x',
    whole,
    whole.replace('\n', '\n    # note: e\u0301 \t\n'),
    '',
    BIG,
    BIG.slice(0, -3) + '🎉\r\n',
    '🎉' + BIG.slice(2, -3) + '🎉\r\n',
    '',
    'print(1)\n',
    'print("\ud83d")\n',
  ];
  const tips = new TipCache();
  const msgs = codes.map((c, i) => entry(sid, codeUpdate(i + 1, c)));
  // One at a time, so that each version has its predecessor as a possible base.
  for (const m of msgs) await persistPlan(db.pool, planBatch([m]), tips);
  const versions = await readVersions(db.pool, sid);
  assert.deepEqual(versions.map((v) => v.seq), codes.map((_, i) => i + 1));
  // Byte-exact in UTF-8, as Postgres stored text before: a lone surrogate was U+FFFD there too.
  versions.forEach((v, i) => assert.ok(Buffer.from(v.code).equals(Buffer.from(codes[i])), `seq ${v.seq} byte-exact`));
  assert.equal(versions.at(-1)!.code, 'print("\ufffd")\n');
  const f = await forms(sid);
  assert.equal(f.get(2), 'delta', 'an emoji changed: a delta');
  assert.equal(f.get(7), 'key', 'a whole file pasted over one character: a keyframe');
  assert.equal(f.get(8), 'delta');
  assert.equal(f.get(9), 'key', 'everything deleted: an empty keyframe');
  assert.equal(f.get(10), 'key', 'the largest code pasted');
  assert.equal(f.get(11), 'delta', 'an edit at the end of 256 KiB');
  assert.equal(f.get(12), 'delta', 'an edit at the start of 256 KiB');
  const { rows } = await db.pool.query<{ n: number }>('SELECT octet_length(delta) AS n FROM code_snapshots WHERE session_id = $1 AND seq = 12', [sid]);
  assert.ok(rows[0].n < 16, `an edit of a 256 KiB file stores ${rows[0].n} bytes`);
});

test('reads: at a seq, at a moment, the latest, a range that starts mid-chain', async () => {
  const sid = await insertSession(db.pool);
  const tips = new TipCache();
  // seqs with gaps, as a client that skipped some
  const seqs = Array.from({ length: 150 }, (_, i) => 2 * i + 1);
  const code = (seq: number) => `def f(xs):\n    total = ${seq}\n    return total  # ${'·'.repeat(seq % 17)}\n`;
  const msgs = seqs.map((s) => entry(sid, codeUpdate(s, code(s))));
  await persistInBatches(db.pool, msgs, tips, 20);

  assert.equal((await versionAt(db.pool, sid, { seq: 0 })), null);
  assert.equal((await versionAt(db.pool, sid, { seq: 100 }))?.code, code(99));
  assert.equal((await versionAt(db.pool, sid, { seq: 99 }))?.seq, 99);
  const latest = counting();
  assert.equal((await versionAt(latest.q, sid, 'latest'))?.code, code(299));
  assert.ok(latest.rows() <= DEFAULT_POLICY.every, `the latest version read ${latest.rows()} rows, not the session's 150`);
  const at = msgs[70].body.at;
  assert.equal((await versionAt(db.pool, sid, { time: new Date(at) }))?.seq, 141);
  const many = await versionsAt(db.pool, sid, [300, 1, 2, 150, 0]);
  assert.deepEqual([...many].map(([asked, v]) => [asked, v.seq]).sort((a, b) => a[0] - b[0]), [[1, 1], [2, 1], [150, 149], [300, 299]]);
  const mid = await readVersions(db.pool, sid, { from: 201, to: 221 });
  assert.deepEqual(mid.map((v) => v.seq), [201, 203, 205, 207, 209, 211, 213, 215, 217, 219, 221]);
  mid.forEach((v) => assert.equal(v.code, code(v.seq)));
  const f = await forms(sid);
  assert.equal([...f.values()].filter((x) => x === 'key').length > 1, true, 'more than one keyframe');
  assert.equal(f.get(201), 'delta', 'the range starts mid-chain');
});

test('no version is more than `every` rows from its keyframe', async () => {
  const sid = await insertSession(db.pool);
  const tips = new TipCache();
  const msgs = Array.from({ length: 400 }, (_, i) => entry(sid, codeUpdate(i + 1, `x = 0\n${'y = 1\n'.repeat(200)}# ${i}\n`)));
  await persistInBatches(db.pool, msgs, tips, 30);
  const { rows } = await db.pool.query<{ seq: number; base_seq: number | null }>('SELECT seq, base_seq FROM code_snapshots WHERE session_id = $1', [sid]);
  const base = new Map(rows.map((r) => [r.seq, r.base_seq]));
  let longest = 0;
  for (const r of rows) {
    let n = 1;
    for (let at = r.base_seq; at !== null; at = base.get(at) ?? null) n++;
    longest = Math.max(longest, n);
  }
  assert.equal(longest, DEFAULT_POLICY.every, 'chains reach the bound and stop there');
  assert.equal((await readVersions(db.pool, sid)).length, 400);
});

test('redelivery stores nothing twice and changes nothing; a fresh cache after it still builds right', async () => {
  const sid = await insertSession(db.pool);
  const tips = new TipCache();
  const msgs = Array.from({ length: 30 }, (_, i) => entry(sid, codeUpdate(i + 1, `print(${'1'.repeat(i + 1)})\n`)));
  await persistPlan(db.pool, planBatch(msgs.slice(0, 20)), tips);
  const snapshot = async () => (await db.pool.query('SELECT seq, code, base_seq, delta, code_hash FROM code_snapshots WHERE session_id = $1 ORDER BY seq', [sid])).rows;
  const first = await snapshot();
  // The same batch again (a crash before XACK), with this process's cache and with another's.
  assert.equal((await persistPlan(db.pool, planBatch(msgs.slice(0, 20)), tips)).snapshots, 0);
  assert.equal((await persistPlan(db.pool, planBatch(msgs.slice(10, 20)), new TipCache())).snapshots, 0);
  assert.deepEqual(await snapshot(), first);
  // A batch that overlaps what is stored: only the new seqs land.
  assert.equal((await persistPlan(db.pool, planBatch(msgs.slice(15, 30)), tips)).snapshots, 10);
  const all = await readVersions(db.pool, sid);
  assert.deepEqual(all.map((v) => v.code), msgs.map((m) => (m.body.frame.type === 'code_update' ? m.body.frame.code : '')));
});

test('two replicas handling one session at once: every version still rebuilds', async () => {
  const sid = await insertSession(db.pool);
  const a = new TipCache();
  const b = new TipCache();
  const frames = recordedFrames(sessions[3]);
  const msgs = frames.map((f) => entry(sid, f));
  // Batches of 5 dealt to the two replicas in turn, each pair written concurrently.
  for (let i = 0; i < msgs.length; i += 10) {
    await Promise.all([
      persistPlan(db.pool, planBatch(msgs.slice(i, i + 5)), a),
      persistPlan(db.pool, planBatch(msgs.slice(i + 5, i + 10)), b),
    ]);
  }
  const versions = await readVersions(db.pool, sid);
  assert.equal(versions.length, msgs.length);
  versions.forEach((v, i) => assert.equal(v.code, frames[i].type === 'code_update' ? frames[i].code : null));
  const f = await storageFigures(db.pool, [sid]);
  assert.ok(f.ratio <= 0.15, `two replicas: ${(100 * f.ratio).toFixed(1)} %`);
});

test('a wrong base or an edited delta never passes for the code: the hash stops it', async () => {
  const sid = await insertSession(db.pool);
  const tips = new TipCache();
  const msgs = ['b = 12345\n', 'a = 123\n', 'a = 12\n', 'a = 1\n'].map((c, i) => entry(sid, codeUpdate(i + 1, c)));
  await persistPlan(db.pool, planBatch(msgs), tips);
  assert.deepEqual([...(await forms(sid)).values()], ['key', 'key', 'delta', 'delta']);
  // seq 4's delta says "keep 5 bytes and the last one": on seq 1 instead of 3 it gives 'b = 1\n'.
  await db.pool.query('UPDATE code_snapshots SET base_seq = 1 WHERE session_id = $1 AND seq = 4', [sid]);
  await assert.rejects(readVersions(db.pool, sid), (err: unknown) => err instanceof SnapshotBroken && err.seq === 4 && /does not match its hash/.test(err.message));
  await assert.rejects(versionAt(db.pool, sid, 'latest'), SnapshotBroken);
  const audit = await rebuildVersions(db.pool, sid);
  assert.deepEqual(audit.map((v) => ('hashOk' in v ? v.hashOk : v.error)), [true, true, true, false]);
  assert.equal(audit[3].code, 'b = 1\n', 'the audit sees what the wrong base gives');
  // A base that is not stored at all.
  await db.pool.query('UPDATE code_snapshots SET base_seq = 3 WHERE session_id = $1 AND seq = 4', [sid]);
  await db.pool.query('DELETE FROM code_snapshots WHERE session_id = $1 AND seq = 2', [sid]);
  const gone = await rebuildVersions(db.pool, sid);
  assert.deepEqual(gone.map((v) => (v.code === null ? v.error : 'ok')), ['ok', 'its base, seq 2, is not stored', 'its base, seq 2, is not stored']);
  // The table refuses a delta on a later seq, and a row that is neither form.
  await assert.rejects(db.pool.query(
    `INSERT INTO code_snapshots (session_id, seq, base_seq, delta, code_hash, language, bytes, lines, client_ts, stream_id, received_at)
     VALUES ($1, 9, 9, '\\x0000', '\\x00', 'python', 0, 0, 0, '1-0', now())`, [sid]), /code_snapshots_keyframe_or_delta/);
});

test('rows stored before deltas existed (full text, no hash) read as keyframes, and deltas follow them', async () => {
  const sid = await insertSession(db.pool);
  await db.pool.query(
    `INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at)
     VALUES ($1, 1, 'old = 1\n', 'python', 8, 1, 0, '1-0', now()), ($1, 2, 'old = 12\n', 'python', 9, 1, 0, '2-0', now())`, [sid]);
  const tips = new TipCache();
  await persistPlan(db.pool, planBatch([entry(sid, codeUpdate(3, 'old = 123\n')), entry(sid, codeUpdate(4, 'old = 1234\n'))]), tips);
  const v = await readVersions(db.pool, sid);
  assert.deepEqual(v.map((x) => x.code), ['old = 1\n', 'old = 12\n', 'old = 123\n', 'old = 1234\n']);
  assert.deepEqual([...(await forms(sid)).values()], ['key', 'key', 'key', 'delta']);
});

test('erasing the session leaves no keyframe and no delta', async () => {
  const sid = await insertSession(db.pool);
  await persistInBatches(db.pool, recordedFrames(sessions[1]).slice(0, 80).map((f) => entry(sid, f)), new TipCache());
  assert.ok((await forms(sid)).size === 80);
  await db.pool.query('DELETE FROM sessions WHERE id = $1', [sid]);
  assert.equal((await forms(sid)).size, 0);
  assert.deepEqual(await readVersions(db.pool, sid), []);
  assert.equal(await versionAt(db.pool, sid, 'latest'), null);
});
