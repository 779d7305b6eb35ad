import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import type { Gateway } from '../services/gateway/server.ts';
import type { Keys } from '../shared/keys.ts';
import { emitOnce } from '../shared/out.ts';
import type { Audience, OutPayload, OutType } from '../shared/protocol.ts';
import { encodeOut, fieldsToRecord, InEntry } from '../shared/streams.ts';
import { waitFor, type TestDb } from './helpers/env.ts';
import { startTestGateway, type Created, type TestGateway } from './helpers/gateway.ts';
import type { Frame, TestSocket } from './helpers/ws-client.ts';

// The socket's other half against DESIGN.md section 3: out-stream relay with eventIds, audience,
// resume with lastEventId (no gap, no duplicate), end of session, isolation and rate limits.

const ADMIN = 'admin-key-for-relay-tests-01234';
const SECRET = 'token-secret-for-relay-tests-0123';

let t: TestGateway;
let db: TestDb;
let gw: Gateway;
/** a second replica on the same Redis and database, with a tiny per-socket rate limit */
let slow: Gateway;
let redis: Redis;
let keys: Keys;

before(async () => {
  t = await startTestGateway(ADMIN, SECRET);
  ({ db, gw, redis, keys } = t);
  slow = await t.replica({ WS_RATE_PER_SEC: '1', WS_RATE_BURST: '3' });
});

after(() => t?.stop());

const createSession = () => t.createSession({ candidate: { name: 'Grace' }, problem: { title: 'Merge intervals', statement: '', language: 'python' } });

/** A connected socket that has had its welcome; `on` moves it to another gateway replica. */
async function connect(s: Created, role: 'candidate' | 'interviewer', opts: { lastEventId?: string; on?: Gateway } = {}): Promise<TestSocket> {
  const url = opts.on ? s.wsUrl.replace(`:${gw.port}/`, `:${opts.on.port}/`) : s.wsUrl;
  return t.connect(url, role === 'candidate' ? s.candidateToken : s.interviewerToken, { lastEventId: opts.lastEventId });
}

/** XADD one OutEntry, as the agent, trigger or reporter would. */
async function emit<T extends OutType>(sessionId: string, type: T, data: OutPayload<T>, audience: Audience = 'all'): Promise<string> {
  return (await redis.xadd(keys.out(sessionId), '*', ...encodeOut(type, data, audience))) as string;
}

const question = (sessionId: string, n: number) =>
  emit(sessionId, 'question', { questionId: `q${n}`, text: `Question ${n}?`, reason: 'new loop' });

/** Event ids of relayed out entries, in the order the socket got them. */
const relayed = (sock: TestSocket) =>
  sock.frames.filter((f) => !['welcome', 'ack', 'error'].includes(f.type)).map((f) => String(f.eventId));

const gotEvent = (sock: TestSocket, eventId: string) => sock.next((f) => f.eventId === eventId && f.type !== 'ack');

const update = (seq: number, id = `c${seq}`) =>
  ({ type: 'code_update', id, seq, code: `x = ${seq}\n`, language: 'python', ts: Date.now() });

async function inSeqs(sessionId: string): Promise<number[]> {
  const raw = (await redis.xrange(keys.in, '-', '+')) as [string, string[]][];
  return raw
    .map(([, f]) => InEntry.parse(fieldsToRecord(f)))
    .filter((e) => e.sessionId === sessionId && e.frame.type === 'code_update')
    .map((e) => (e.frame.type === 'code_update' ? e.frame.seq : -1));
}

describe('out-stream relay', () => {
  test('an out entry reaches every socket of the session with its eventId', async () => {
    const s = await createSession();
    const cand = await connect(s, 'candidate');
    const int = await connect(s, 'interviewer');
    const id = await emit(s.id, 'question', { questionId: 'q1', text: 'Why a set here?', reason: 'data structure switch', lines: [3, 7] });
    const expected = { type: 'question', eventId: id, questionId: 'q1', text: 'Why a set here?', reason: 'data structure switch', lines: [3, 7] };
    assert.deepEqual(await gotEvent(cand, id), expected);
    assert.deepEqual(await gotEvent(int, id), expected);
    // emitOnce, as the services write: a second emit with the same dedupe id shows nothing new.
    const deps = { redis, keys };
    const a1 = await emitOnce(deps, s.id, 'msg-1', 'answer_received', { questionId: 'q1' });
    assert.equal(await emitOnce(deps, s.id, 'msg-1', 'answer_received', { questionId: 'q1' }), a1);
    const marker = await question(s.id, 2);
    await gotEvent(cand, marker);
    assert.deepEqual(relayed(cand), [id, a1, marker]);
    assert.deepEqual(await gotEvent(cand, a1), { type: 'answer_received', eventId: a1, questionId: 'q1' });
  });

  test('an evaluation reaches the interviewer socket and not the candidate socket', async () => {
    const s = await createSession();
    const other = await createSession();
    const cand = await connect(s, 'candidate');
    const int = await connect(s, 'interviewer');
    const stranger = await connect(other, 'interviewer');
    const evalId = await emit(s.id, 'evaluation', { questionId: 'q1', score: 72, rubric: { correctness: 4 }, rationale: 'mostly right', flags: [] }, 'interviewer');
    const decision = await emit(s.id, 'decision', { decision: 'skip', reasonCode: 'interval', reason: 'too soon' }, 'interviewer');
    const marker = await question(s.id, 9);
    const evaluation = await gotEvent(int, evalId);
    assert.deepEqual(evaluation, { type: 'evaluation', eventId: evalId, questionId: 'q1', score: 72, rubric: { correctness: 4 }, rationale: 'mostly right', flags: [] });
    await gotEvent(int, marker);
    assert.deepEqual(relayed(int), [evalId, decision, marker]);
    // The relay keeps stream order, so once the later marker is in, the evaluation was withheld.
    await gotEvent(cand, marker);
    assert.deepEqual(relayed(cand), [marker]);
    const otherMarker = await question(other.id, 1);
    await gotEvent(stranger, otherMarker);
    assert.deepEqual(relayed(stranger), [otherMarker], "another session's entries never leak");
  });

  test('reconnect with lastEventId replays exactly what came after it, then live', async () => {
    const s = await createSession();
    const first = await connect(s, 'candidate');
    const e = [await question(s.id, 1), await question(s.id, 2), await question(s.id, 3)];
    await gotEvent(first, e[2]);
    assert.deepEqual(relayed(first), e);
    await first.close();
    e.push(await question(s.id, 4), await question(s.id, 5)); // written while nobody is connected
    const again = await connect(s, 'candidate', { lastEventId: e[1] });
    assert.equal(again.frames[0]?.lastEventId, e[4], 'welcome names the newest event');
    await gotEvent(again, e[4]);
    e.push(await question(s.id, 6));
    await gotEvent(again, e[5]);
    assert.deepEqual(relayed(again), e.slice(2));
    assert.deepEqual(again.frames.filter((f) => f.type === 'question').map((f) => f.questionId), ['q3', 'q4', 'q5', 'q6']);
  });

  for (const others of [false, true]) {
    test(`a long backlog with live writes during replay: no gap, no duplicate (${others ? 'with' : 'without'} another live socket)`, async () => {
      const s = await createSession();
      const watcher = others ? await connect(s, 'interviewer') : null;
      const pipe = redis.pipeline();
      for (let i = 0; i < 1200; i++) pipe.xadd(keys.out(s.id), '*', ...encodeOut('answer_received', { questionId: `b${i}` }));
      const backlog = ((await pipe.exec()) ?? []).map(([err, id]) => (assert.equal(err, null), String(id)));
      const sock = await connect(s, 'candidate', { lastEventId: backlog[99] });
      const live: string[] = [];
      for (let i = 0; i < 40; i++) live.push(await question(s.id, i));
      await gotEvent(sock, live[live.length - 1]);
      assert.deepEqual(relayed(sock), [...backlog.slice(100), ...live]);
      if (watcher) {
        await gotEvent(watcher, live[live.length - 1]);
        assert.deepEqual(relayed(watcher), [...backlog, ...live]);
      }
    });
  }
});

describe('end of session over the socket', () => {
  test('end_session is acked, session_ended follows, then frames get session_closed', async () => {
    const s = await createSession();
    const cand = await connect(s, 'candidate');
    const int = await connect(s, 'interviewer');
    assert.equal((await cand.request(update(1))).type, 'ack');
    const ack = await cand.request({ type: 'end_session', id: 'bye' });
    assert.equal(ack.type, 'ack');
    assert.equal(ack.id, 'bye');
    const [entry] = (await redis.xrange(keys.in, String(ack.eventId), String(ack.eventId))) as [string, string[]][];
    assert.equal(InEntry.parse(fieldsToRecord(entry[1])).type, 'end_session');
    for (const sock of [cand, int]) {
      const ended = await sock.next((f) => f.type === 'session_ended');
      assert.match(String(ended.eventId), /^\d+-\d+$/);
      assert.equal(ended.reportUrl, `${gw.url}/v1/sessions/${s.id}/report`);
    }
    const late = await cand.request(update(2));
    assert.deepEqual([late.type, late.code, late.id], ['error', 'session_closed', 'c2']);
    const twice = await cand.request({ type: 'end_session', id: 'bye2' });
    assert.deepEqual([twice.type, twice.code], ['error', 'session_closed']);
    // A resend of an already acked seq still gets its first ack: the client may not have seen it.
    const resent = await cand.request(update(1, 'resent'));
    assert.equal(resent.type, 'ack');
    assert.equal(cand.closed, null);
    const ends = (await redis.xrange(keys.out(s.id), '-', '+')) as [string, string[]][];
    assert.equal(ends.filter(([, f]) => fieldsToRecord(f).type === 'session_ended').length, 1);
    assert.deepEqual(await inSeqs(s.id), [1]);
  });
});

describe('isolation', () => {
  test("one bad client does not hurt another session's socket", async () => {
    const bad = await createSession();
    const good = await createSession();
    const a = await connect(bad, 'candidate');
    const b = await connect(good, 'candidate');
    let seq = 0;
    const bIsFine = async () => {
      seq++;
      const ack = await b.request(update(seq));
      assert.equal(ack.type, 'ack', JSON.stringify(ack));
    };
    for (let i = 0; i < 50; i++) a.send('{garbage');
    await bIsFine();
    a.ws.send(Buffer.alloc(4096, 1), { binary: true });
    a.send({ type: 'code_update', id: 'huge', seq: 1, code: 'x'.repeat(300 * 1024), language: 'python', ts: 1 });
    await a.next((f) => f.id === 'huge');
    await bIsFine();
    // Over the hard socket cap (WS_MAX_PAYLOAD_BYTES, 1 MiB by default): that socket is dropped.
    a.send('"' + 'y'.repeat(1024 * 1024 + 16) + '"');
    await waitFor('the oversize socket to be closed', () => a.closed ?? undefined);
    await bIsFine();
    const marker = await question(good.id, 1);
    await gotEvent(b, marker);
    assert.deepEqual(await inSeqs(good.id), [1, 2, 3]);
    assert.deepEqual(await inSeqs(bad.id), []);
    assert.equal(b.closed, null);
  });

  test('rate limit: a flooding socket gets rate_limited, with ids; others on the replica are acked', async () => {
    const flood = await createSession();
    const calm = await createSession();
    const a = await connect(flood, 'candidate', { on: slow });
    const b = await connect(calm, 'candidate', { on: slow });
    const n = 30;
    for (let i = 1; i <= n; i++) a.send(update(i));
    const replies: Frame[] = [];
    for (let i = 1; i <= n; i++) replies.push(await a.next((f) => (f.type === 'ack' || f.type === 'error') && f.id === `c${i}`));
    const limited = replies.filter((r) => r.type === 'error').map((r) => (assert.equal(r.code, 'rate_limited'), String(r.id)));
    const acked = replies.filter((r) => r.type === 'ack').map((r) => Number(r.seq));
    assert.ok(limited.length >= 1, 'some frames are rate limited');
    assert.deepEqual(acked.slice(0, 3), [1, 2, 3], 'the burst passes');
    assert.equal(acked.length + limited.length, n);
    assert.deepEqual(await inSeqs(flood.id), acked, 'exactly the acked frames are stored');
    // Another socket on the same replica has its own bucket.
    const ok = await b.request(update(1));
    assert.equal(ok.type, 'ack');
    assert.equal(a.closed, null);
  });
});
