import type { Redis } from 'ioredis';
import type { Queryable } from '../../../shared/db/pool.ts';
import type { Keys } from '../../../shared/keys.ts';
import { readVersions } from '../../../shared/snapshots/read.ts';
import { fieldsToRecord } from '../../../shared/streams.ts';
import type { Op, SessionRun } from './load.ts';

// A checker in the style of Jepsen's queue checker: what the clients were told (acks) against what
// the system holds afterwards (Postgres, and each session's out stream). Per effect kind it reports
// lost (acknowledged, absent), duplicated (present more than once), reordered (archive order against
// seq order), and lists the indeterminate operations (never acknowledged) apart, with what became of them.

export interface EffectResult {
  ok: number;
  lost: string[];
  duplicated: string[];
  reordered: string[];
}

export interface CheckResult {
  snapshots: EffectResult;
  archive: EffectResult;
  questions: EffectResult;
  answers: EffectResult;
  evaluations: EffectResult;
  reports: EffectResult;
  indeterminate: { op: string; present: boolean }[];
  refused: string[];
}

const empty = (): EffectResult => ({ ok: 0, lost: [], duplicated: [], reordered: [] });

interface OutRow { stream_id: string; type: string; payload: Record<string, unknown> }

/** A session's out events: the archive and what is still in Redis, by entry id. */
async function outEvents(db: Queryable, redis: Redis, keys: Keys, sessionId: string): Promise<OutRow[]> {
  const byId = new Map<string, OutRow>();
  const { rows } = await db.query<OutRow>(`SELECT stream_id, type, payload FROM session_events WHERE session_id = $1 AND stream = 'out'`, [sessionId]);
  for (const r of rows) byId.set(r.stream_id, r);
  for (const [id, flat] of (await redis.xrange(keys.out(sessionId), '-', '+')) as [string, string[]][]) {
    const f = fieldsToRecord(flat);
    if (!byId.has(id)) byId.set(id, { stream_id: id, type: f.type, payload: JSON.parse(f.data ?? '{}') as Record<string, unknown> });
  }
  return [...byId.values()];
}

function countBy<T>(items: T[], key: (t: T) => string | undefined): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) {
    const k = key(it);
    if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export async function check(deps: { db: Queryable; redis: Redis; keys: Keys }, runs: SessionRun[]): Promise<CheckResult> {
  const res: CheckResult = { snapshots: empty(), archive: empty(), questions: empty(), answers: empty(), evaluations: empty(), reports: empty(), indeterminate: [], refused: [] };
  for (const run of runs) {
    const sid = run.sessionId;
    const tag = (what: string) => `${run.index}:${sid.slice(0, 8)} ${what}`;
    const versions = new Map((await readVersions(deps.db, sid)).map((v) => [v.seq, v]));
    const { rows: inRows } = await deps.db.query<{ stream_id: string; type: string; seq: string | null; qid: string | null }>(
      `SELECT stream_id, type, payload->>'seq' AS seq, payload->>'questionId' AS qid FROM session_events WHERE session_id = $1 AND stream = 'in' ORDER BY id`, [sid]);
    const inCodes = inRows.filter((r) => r.type === 'code_update');
    const { rows: inter } = await deps.db.query<{ id: string; request_id: string; answer: string | null; evaluation: unknown }>(
      'SELECT id, request_id, answer, evaluation FROM interactions WHERE session_id = $1', [sid]);
    const { rows: [{ reports }] } = await deps.db.query<{ reports: number }>('SELECT count(*)::int AS reports FROM reports WHERE session_id = $1', [sid]);
    const out = await outEvents(deps.db, deps.redis, deps.keys, sid);

    // Snapshots: every acknowledged update stored, with its marker, as the entry its ack named.
    const codeOps = run.ops.filter((o) => o.kind === 'code');
    for (const op of codeOps) {
      const v = versions.get(op.seq!);
      if (op.status === 'info') {
        res.indeterminate.push({ op: tag(`code seq ${op.seq}`), present: !!v?.code.includes(op.marker!) });
        continue;
      }
      if (op.status === 'fail') {
        res.refused.push(tag(`code seq ${op.seq}: ${op.error}`));
        continue;
      }
      if (!v || !v.code.includes(op.marker!)) res.snapshots.lost.push(tag(`seq ${op.seq}`));
      else if (v.stream_id !== op.eventId) res.snapshots.duplicated.push(tag(`seq ${op.seq}: acked as ${op.eventId}, stored from ${v.stream_id}`));
      else res.snapshots.ok++;
    }
    // Archive: one in entry per seq, in seq order.
    for (const [seq, n] of countBy(inCodes, (r) => r.seq ?? undefined)) if (n > 1) res.archive.duplicated.push(tag(`seq ${seq} archived ${n} times`));
    const archived = new Set(inCodes.map((r) => r.stream_id));
    for (const op of codeOps) if (op.status === 'ok') (archived.has(op.eventId!) ? res.archive.ok++ : res.archive.lost.push(tag(`seq ${op.seq} (${op.eventId})`)));
    for (let i = 1; i < inCodes.length; i++) if (Number(inCodes[i].seq) < Number(inCodes[i - 1].seq)) res.archive.reordered.push(tag(`seq ${inCodes[i].seq} after ${inCodes[i - 1].seq}`));
    for (const [kind, n] of countBy(inRows, (r) => (r.type === 'end_session' ? 'end' : r.type === 'response_submitted' ? `answer ${r.qid}` : undefined))) {
      if (n > 1) res.archive.duplicated.push(tag(`${kind} archived ${n} times`));
    }

    // Questions: each shown once on the out stream, each stored, each seen by the candidate.
    const shown = out.filter((e) => e.type === 'question');
    for (const [qid, n] of countBy(shown, (e) => e.payload.questionId as string)) if (n > 1) res.questions.duplicated.push(tag(`question ${qid} shown ${n} times`));
    const stored = new Set(inter.map((i) => i.id));
    for (const e of shown) {
      const qid = e.payload.questionId as string;
      if (!stored.has(qid)) res.questions.lost.push(tag(`question ${qid} shown but not stored`));
      else if (!run.questions.has(qid)) {
        const ended = out.find((o) => o.type === 'session_ended')?.stream_id;
        res.questions.lost.push(tag(`question ${qid} (${e.stream_id}) never reached the candidate; session_ended ${ended}, client connects ${run.client.connects}, last event seen ${run.client.lastEventId}`));
      }
      else res.questions.ok++;
    }
    const shownIds = new Set(shown.map((e) => e.payload.questionId as string));
    for (const i of inter) if (!shownIds.has(i.id)) res.questions.lost.push(tag(`question ${i.id} stored but never shown`));

    // Answers and their evaluations: each acknowledged answer stored and graded, graded once.
    for (const op of run.ops.filter((o: Op) => o.kind === 'answer')) {
      const row = inter.find((i) => i.id === op.questionId);
      if (op.status === 'info') {
        res.indeterminate.push({ op: tag(`answer ${op.questionId}`), present: row?.answer != null });
        continue;
      }
      if (op.status === 'fail') {
        res.refused.push(tag(`answer ${op.questionId}: ${op.error}`));
        continue;
      }
      if (row?.answer == null) res.answers.lost.push(tag(`answer ${op.questionId}`));
      else res.answers.ok++;
      if (row?.evaluation == null) res.evaluations.lost.push(tag(`evaluation of ${op.questionId}`));
      else res.evaluations.ok++;
    }
    for (const [qid, n] of countBy(out.filter((e) => e.type === 'evaluation'), (e) => e.payload.questionId as string)) if (n > 1) res.evaluations.duplicated.push(tag(`evaluation ${qid} shown ${n} times`));

    // Reports: exactly one per ended session, announced once.
    const end = run.ops.find((o) => o.kind === 'end');
    if (end?.status === 'ok') (reports === 1 ? res.reports.ok++ : res.reports.lost.push(tag('report')));
    else if (end) res.indeterminate.push({ op: tag('end'), present: reports === 1 });
    for (const type of ['report_ready', 'session_ended']) {
      const n = out.filter((e) => e.type === type).length;
      if (n > 1) res.reports.duplicated.push(tag(`${type} ${n} times`));
    }
  }
  return res;
}

/** One line per effect kind, for the test's diagnostics. */
export function summary(r: CheckResult): string {
  const kinds = ['snapshots', 'archive', 'questions', 'answers', 'evaluations', 'reports'] as const;
  const lines = kinds.map((k) => `${k}: ok ${r[k].ok}, lost ${r[k].lost.length}, duplicated ${r[k].duplicated.length}, reordered ${r[k].reordered.length}`
    + [...r[k].lost, ...r[k].duplicated, ...r[k].reordered].slice(0, 5).map((s) => `\n    ${s}`).join(''));
  const present = r.indeterminate.filter((i) => i.present).length;
  lines.push(`indeterminate: ${r.indeterminate.length} (${present} took effect)${r.indeterminate.slice(0, 5).map((i) => `\n    ${i.op} present=${i.present}`).join('')}`);
  if (r.refused.length) lines.push(`refused: ${r.refused.length}${r.refused.slice(0, 5).map((s) => `\n    ${s}`).join('')}`);
  return lines.join('\n');
}

export function lostOrDuplicated(r: CheckResult): string[] {
  const kinds = ['snapshots', 'archive', 'questions', 'answers', 'evaluations', 'reports'] as const;
  return kinds.flatMap((k) => [...r[k].lost.map((s) => `${k} lost ${s}`), ...r[k].duplicated.map((s) => `${k} duplicated ${s}`)]);
}
