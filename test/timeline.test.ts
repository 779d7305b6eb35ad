// GET /v1/sessions/{id}/timeline and /report.html on a real Postgres, through the gateway started
// in-process. The archive rows go in through archiveEvents (the hash-chained path every writer uses);
// the report is built by loadReportInput + buildReport from the same rows.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Gateway } from '../services/gateway/server.ts';
import type { TimelineItem } from '../services/gateway/timeline.ts';
import { insertReport, loadReportInput } from '../services/reporter/queries.ts';
import { buildReport } from '../services/reporter/report.ts';
import { archiveEvents, type ArchiveRow } from '../shared/archive.ts';
import type { TestDb } from './helpers/env.ts';
import { httpRequest, startTestGateway, type Created, type Reply, type TestGateway } from './helpers/gateway.ts';

const ADMIN = 'admin-key-for-timeline-tests-0123';
const SECRET = 'token-secret-for-timeline-tests-01';
const SECRET_CODE = 'SECRET_SOLUTION_TEXT';

interface TimelineBody { sessionId: string; count: number; truncated: boolean; events: TimelineItem[] }
/** What the server sent, read as T: the assertions that follow are the check. */
const body = <T>(r: Reply): T => r.json as T;
const errorCode = (r: Reply): string | undefined => body<{ error?: { code?: string } }>(r).error?.code;

let t: TestGateway;
let db: TestDb;
let gw: Gateway;

before(async () => {
  t = await startTestGateway(ADMIN, SECRET);
  ({ db, gw } = t);
});

after(() => t?.stop());

function http(method: string, path: string, opts: { token?: string; body?: string } = {}): Promise<Reply> {
  return httpRequest(`${gw.url}${path}`, method, opts);
}

const createSession = (name = 'Linus <T>') =>
  t.createSession({ candidate: { name }, problem: { title: 'Running median', statement: 'Keep it.', language: 'python' } });

const T0 = Date.parse('2025-04-01T12:00:00.000Z');
const iso = (sec: number) => new Date(T0 + sec * 1000).toISOString();
const CODES = ['def median(xs):\n', `def median(xs):\n    # ${SECRET_CODE}\n    xs = sorted(xs)\n`, `def median(xs):\n    # ${SECRET_CODE}\n    xs = sorted(xs)\n    return xs[len(xs) // 2]\n`];

/** A small session as the services leave it: snapshots, the archive, one question with its follow-up. */
async function seed(sid: string): Promise<void> {
  const q1 = `${sid}:q1`;
  for (const [i, code] of CODES.entries()) {
    await db.pool.query(
      `INSERT INTO code_snapshots (session_id, seq, code, language, bytes, lines, client_ts, stream_id, received_at)
       VALUES ($1, $2, $3, 'python', $4, $5, $6, $7, $8)`,
      [sid, i + 1, code, Buffer.byteLength(code), code.split('\n').length - 1, T0 + i * 30_000, `${T0 + i * 30_000}-0`, iso(i * 30)],
    );
  }
  await db.pool.query(
    `INSERT INTO interactions (id, session_id, request_id, seq, reason_code, reason, question, topic, line_from, line_to, provider, model, asked_at,
                               answer, answered_at, evaluation, score, parent_id)
     VALUES ($1::text || ':q1', $1::uuid, $1::text || ':req1', 3, 'function_completed', 'median returns a value.', 'What does median return for an even count?', 'edge_cases', 4, 4,
             'heuristic', 'heuristic-v1', $2, 'The upper middle <b>element</b>.', $3, $4, 70, NULL),
            ($1::text || ':q1f', $1::uuid, $1::text || ':req1f', 3, 'follow_up', 'Be more specific.', 'Which index exactly?', NULL, 4, 4, 'heuristic', 'heuristic-v1', $5, NULL, NULL, NULL, NULL, $1::text || ':q1')`,
    [sid, iso(95), iso(120), { score: 70, rubric: { correctness: 2, grounding: 2, abstraction: 2, completeness: 2 }, rationale: 'Right for odd counts.', flags: [], missing: [] }, iso(130)],
  );
  const ev = (stream: 'in' | 'out', id: string, type: string, role: string | null, payload: Record<string, unknown>, sec: number): ArchiveRow =>
    ({ session_id: sid, stream, stream_id: id, type, role, payload, at: iso(sec) });
  const snap = (seq: number, sec: number) => ev('in', `${T0 + sec * 1000}-0`, 'code_update', 'candidate',
    { type: 'code_update', seq, language: 'python', ts: T0 + sec * 1000, codeSha256: 'ab'.repeat(32), bytes: Buffer.byteLength(CODES[seq - 1]) }, sec);
  await archiveEvents(db.pool, [
    snap(1, 0),
    ev('in', 'p-1', 'editor_event', 'candidate', { type: 'editor_event', kind: 'paste', ts: 1, detail: { chars: 40 } }, 20),
    snap(2, 30),
    snap(3, 60),
    ev('out', 'o-1', 'decision', 'interviewer', { decision: 'ask', reasonCode: 'function_completed', reason: 'median returns a value.', seq: 3, requestId: `${sid}:req1` }, 90),
    ev('out', 'o-2', 'question', 'all', { questionId: q1, text: 'What does median return for an even count?', reason: 'median returns a value.', lines: [4, 4] }, 95),
    ev('in', 'a-1', 'response_submitted', 'candidate', { type: 'response_submitted', questionId: q1, answer: 'The upper middle <b>element</b>.', ts: 2 }, 120),
    ev('out', 'o-3', 'answer_received', 'all', { questionId: q1 }, 121),
    ev('out', 'o-4', 'evaluation', 'interviewer', { questionId: q1, score: 70, rubric: { correctness: 2 }, rationale: 'Right for odd counts.', flags: [] }, 125),
    ev('out', 'o-5', 'question', 'all', { questionId: `${sid}:q1f`, text: 'Which index exactly?', reason: 'Be more specific.' }, 130),
    ev('in', 'e-1', 'end_session', 'candidate', { type: 'end_session' }, 200),
    ev('out', 'o-6', 'session_ended', 'all', {}, 201),
    // archived late (a replica caught up) but earlier in time: the timeline orders by time first
    ev('in', 'f-1', 'editor_event', 'candidate', { type: 'editor_event', kind: 'focus_lost', ts: 3 }, 10),
  ]);
}

describe('GET /v1/sessions/{id}/timeline', () => {
  test('every event in order, shaped per kind, without the code', async () => {
    const s = await createSession();
    await seed(s.id);
    const r = await http('GET', `/v1/sessions/${s.id}/timeline`, { token: ADMIN });
    assert.equal(r.status, 200, r.text);
    const { events, count, truncated } = body<TimelineBody>(r);
    assert.deepEqual(events.map((e) => e.kind), [
      'snapshot', 'editor_event', 'editor_event', 'snapshot', 'snapshot', 'decision', 'question', 'answer', 'answer_received', 'evaluation', 'question',
      'end_requested', 'session_ended',
    ]);
    assert.equal(count, 13);
    assert.equal(truncated, false);
    const times = events.map((e) => e.at);
    assert.deepEqual(times, [...times].sort());
    assert.deepEqual(events[1], { at: iso(10), stream: 'in', eventId: 'f-1', role: 'candidate', kind: 'editor_event', event: 'focus_lost', clientTs: 3 });
    const snap = events[4];
    assert.equal(snap.seq, 3);
    assert.equal(snap.lines, 4, 'lines come from code_snapshots');
    assert.equal(snap.bytes, Buffer.byteLength(CODES[2]));
    assert.ok(!r.text.includes(SECRET_CODE), 'the code never leaves through the timeline');
    assert.deepEqual(
      { decision: events[5].decision, reasonCode: events[5].reasonCode, reason: events[5].reason, requestId: events[5].requestId, role: events[5].role },
      { decision: 'ask', reasonCode: 'function_completed', reason: 'median returns a value.', requestId: `${s.id}:req1`, role: 'interviewer' },
    );
    assert.deepEqual({ q: events[6].questionId, topic: events[6].topic, rc: events[6].reasonCode, seq: events[6].seq, lines: events[6].lines },
      { q: `${s.id}:q1`, topic: 'edge_cases', rc: 'function_completed', seq: 3, lines: [4, 4] });
    assert.equal(events[7].answer, 'The upper middle <b>element</b>.');
    assert.equal(events[9].score, 70);
    assert.equal(events[10].parentId, `${s.id}:q1`);
  });

  test('admin and interviewer may read it; a candidate may not; unknown sessions are 404', async () => {
    const s = await createSession();
    const other = await createSession();
    assert.equal((await http('GET', `/v1/sessions/${s.id}/timeline`, { token: s.interviewerToken })).status, 200);
    const cand = await http('GET', `/v1/sessions/${s.id}/timeline`, { token: s.candidateToken });
    assert.equal(cand.status, 403);
    assert.equal(errorCode(cand), 'forbidden');
    assert.equal((await http('GET', `/v1/sessions/${s.id}/timeline`, { token: other.interviewerToken })).status, 403);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/timeline`)).status, 401);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/timeline?token=${s.interviewerToken}`)).status, 401, '?token= is for report.html only');
    assert.equal((await http('GET', `/v1/sessions/${randomUUID()}/timeline`, { token: ADMIN })).status, 404);
    const empty = await http('GET', `/v1/sessions/${s.id}/timeline`, { token: ADMIN });
    assert.deepEqual(body<TimelineBody>(empty), { sessionId: s.id, count: 0, truncated: false, events: [] });
  });
});

describe('GET /v1/sessions/{id}/report.html', () => {
  test('202 page while there is no report, 200 page once written', async () => {
    const s = await createSession('Linus <script>alert(1)</script>');
    await seed(s.id);
    const pending = await http('GET', `/v1/sessions/${s.id}/report.html`, { token: s.interviewerToken });
    assert.equal(pending.status, 202);
    assert.match(pending.type, /text\/html/);
    assert.match(pending.text, /not ready yet/);

    const input = await loadReportInput(db.pool, s.id);
    assert.ok(input);
    assert.equal(input.decisions?.length, 1);
    assert.equal(input.editorEvents?.length, 2);
    assert.deepEqual(input.series?.map((p) => p.seq), [1, 2, 3]);
    assert.ok(input.analysis, 'the final code was analysed');
    const report = buildReport({ ...input, generatedAt: new Date(T0 + 300_000) });
    assert.equal(report.questions[0].followUps[0].questionId, `${s.id}:q1f`);
    assert.equal(report.timeline.decisions[0].questionId, `${s.id}:q1`);
    assert.ok(await insertReport(db.pool, { sessionId: s.id, report, provider: 'heuristic', model: 'heuristic-v1' }));

    for (const token of [ADMIN, s.interviewerToken]) {
      const r = await http('GET', `/v1/sessions/${s.id}/report.html`, { token });
      assert.equal(r.status, 200, r.text);
      assert.match(r.type, /text\/html/);
      assert.match(String(r.headers['content-security-policy']), /default-src 'none'/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.ok(r.text.includes('Linus &lt;script&gt;alert(1)&lt;/script&gt;'));
      assert.doesNotMatch(r.text, /<script/i);
      assert.ok(r.text.includes(`href="/v1/sessions/${s.id}/code?seq=3"`));
      assert.ok(r.text.includes('<svg'));
    }
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html`, { token: s.candidateToken })).status, 403);
    assert.equal((await http('GET', `/v1/sessions/${randomUUID()}/report.html`, { token: ADMIN })).status, 404);
  });

  test('?token= works for a browser following a link; the header path still wins', async () => {
    const s = await createSession();
    await db.pool.query(`INSERT INTO reports (session_id, report, provider, model) VALUES ($1, $2, 'heuristic', 'test')`, [s.id, { summary: 'old <i>format</i>' }]);
    const viaQuery = await http('GET', `/v1/sessions/${s.id}/report.html?token=${encodeURIComponent(s.interviewerToken)}`);
    assert.equal(viaQuery.status, 200, viaQuery.text);
    assert.ok(viaQuery.text.includes('old &lt;i&gt;format&lt;/i&gt;'), 'an older report is shown as stored, escaped');
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html?token=${s.candidateToken}`)).status, 403);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html?token=not-a-token`)).status, 401);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html?token=${ADMIN}`)).status, 401, 'the admin key never in a URL');
    const other = await createSession();
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html?token=${other.interviewerToken}`)).status, 403);
    // a header, when present, is the credential: a candidate header is not rescued by an interviewer query token
    assert.equal((await http('GET', `/v1/sessions/${s.id}/report.html?token=${s.interviewerToken}`, { token: s.candidateToken })).status, 403);
    const pending = await createSession();
    const p = await http('GET', `/v1/sessions/${pending.id}/report.html?token=${pending.interviewerToken}`);
    assert.equal(p.status, 202);
    assert.match(p.text, /still running/);
  });
});

describe('?token= on the report page\'s code links', () => {
  /** A session with its report written, as the reporter leaves it. */
  async function reported(): Promise<Created> {
    const s = await createSession();
    await seed(s.id);
    const input = await loadReportInput(db.pool, s.id);
    assert.ok(input);
    assert.ok(await insertReport(db.pool, { sessionId: s.id, report: buildReport({ ...input, generatedAt: new Date(T0 + 300_000) }), provider: 'heuristic', model: 'heuristic-v1' }));
    return s;
  }

  test('GET /code takes an interviewer token in the URL; the admin key there is 401, a candidate token 403', async () => {
    const s = await createSession();
    await seed(s.id);
    const ok = await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(s.interviewerToken)}`);
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual([body<{ seq: number }>(ok).seq, body<{ code: string }>(ok).code], [3, CODES[2]]);
    assert.equal(ok.headers['cache-control'], 'no-store', 'a URL holding a token is not cached');

    const admin = await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(ADMIN)}`);
    assert.equal(admin.status, 401);
    assert.equal(errorCode(admin), 'unauthorized');
    assert.match(admin.text, /admin key in the Authorization header, not in the URL/);

    const cand = await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(s.candidateToken)}`);
    assert.equal(cand.status, 403);
    assert.equal(errorCode(cand), 'forbidden');

    const other = await createSession();
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(other.interviewerToken)}`)).status, 403);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=not-a-token`)).status, 401);
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=3`)).status, 401);
    // the header, when present, is the credential: a candidate header is not rescued by an interviewer query token
    assert.equal((await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(s.interviewerToken)}`, { token: s.candidateToken })).status, 403);
    // and with a valid header, the query is not looked at (not even an admin key in it)
    const viaHeader = await http('GET', `/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(ADMIN)}`, { token: s.interviewerToken });
    assert.equal(viaHeader.status, 200, viaHeader.text);
    assert.equal(viaHeader.headers['cache-control'], undefined);
  });

  test('opened with ?token=, the page\'s code links carry it and work in a browser; with a header they stay plain', async () => {
    const s = await reported();
    const page = await http('GET', `/v1/sessions/${s.id}/report.html?token=${encodeURIComponent(s.interviewerToken)}`);
    assert.equal(page.status, 200, page.text);
    const hrefs = [...page.text.matchAll(/href="(\/v1\/sessions\/[^"]*\/code\?[^"]*)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    assert.ok(hrefs.length > 0, 'the page links to the code');
    for (const href of hrefs) assert.ok(href.endsWith(`&token=${encodeURIComponent(s.interviewerToken)}`), href);
    assert.ok(hrefs.includes(`/v1/sessions/${s.id}/code?seq=3&token=${encodeURIComponent(s.interviewerToken)}`));
    // following a link, as a browser does: no header
    const followed = await http('GET', hrefs[0]);
    assert.equal(followed.status, 200, followed.text);
    assert.equal(typeof body<{ code: unknown }>(followed).code, 'string');

    for (const token of [ADMIN, s.interviewerToken]) {
      const plain = await http('GET', `/v1/sessions/${s.id}/report.html`, { token });
      assert.equal(plain.status, 200, plain.text);
      assert.ok(plain.text.includes(`href="/v1/sessions/${s.id}/code?seq=3"`));
      assert.doesNotMatch(plain.text, /token=/, 'no credential is written into a page opened with a header');
    }
  });
});
