import type { Redis } from 'ioredis';
import pg from 'pg';
import type { Keys } from '../shared/keys.ts';
import { questionIdFor } from '../shared/ids.ts';
import { fieldsToRecord, OutEntry, streamIdTime } from '../shared/streams.ts';
import { newHistogram, recordMs, summarizeHistogram, type LatencySummary } from './hdr.ts';

// How fresh the trigger's decisions were, and how soon a question followed its update. Decisions
// are read from wherever they are recorded: the session's out stream (every decision up to now; the
// asks at least from then on) and the Postgres archive (session_events rows of type 'decision' or
// 'trigger_decision'), the same decision counted once. Only an out-stream entry's id tells when a
// decision was written: an archive row's `at` may be its update's own time (the trigger archives
// routine decisions under an id derived from the P:in entry), so ages come from out entries, and the
// trigger group's backlog age (bench/lag.ts) covers the decisions kept out of the out stream.

export interface Decision { sessionId: string; decision: string; seq?: number; tick?: number; requestId?: string; atMs: number; source: 'out' | 'archive' }
export interface Question { sessionId: string; questionId: string; atMs: number }

export async function readOut(redis: Redis, keys: Keys, sessionIds: string[]): Promise<{ decisions: Decision[]; questions: Question[] }> {
  const decisions: Decision[] = [];
  const questions: Question[] = [];
  for (const sessionId of sessionIds) {
    const entries = (await redis.xrange(keys.out(sessionId), '-', '+')) as [string, string[]][];
    for (const [id, flat] of entries) {
      const e = OutEntry.safeParse(fieldsToRecord(flat));
      if (!e.success) continue;
      const data = e.data.data as Record<string, unknown>;
      if (e.data.type === 'decision') decisions.push({ sessionId, decision: String(data.decision), seq: data.seq as number | undefined, tick: data.tick as number | undefined, requestId: data.requestId as string | undefined, atMs: streamIdTime(id), source: 'out' });
      if (e.data.type === 'question') questions.push({ sessionId, questionId: String(data.questionId), atMs: streamIdTime(id) });
    }
  }
  return { decisions, questions };
}

export async function readArchive(databaseUrl: string): Promise<Decision[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ session_id: string; payload: Record<string, unknown>; at: Date }>(
      `SELECT session_id, payload, at FROM session_events WHERE type IN ('decision', 'trigger_decision')`,
    );
    return rows.map((r) => ({
      sessionId: r.session_id, decision: String(r.payload.decision), seq: r.payload.seq as number | undefined, tick: r.payload.tick as number | undefined,
      requestId: r.payload.requestId as string | undefined, atMs: r.at.getTime(), source: 'archive' as const,
    }));
  } finally {
    await client.end();
  }
}

export interface DecisionFigures {
  decisions: number;
  bySource: { out: number; archive: number };
  asks: number;
  /** decisions on an update (not a tick) on the out stream whose update time is known */
  aged: number;
  /** out-stream decisions: decision time − the time of the update (P:in entry) it was taken on */
  ageMs: LatencySummary;
  questions: number;
  /** question (out entry) time − the time of the update its ask was taken on */
  updateToQuestionMs: LatencySummary;
}

/**
 * `updateMs`: per session, the P:in entry time (ms) of update seq (index seq − 1). A decision seen
 * in both sources counts once (the out stream's entry kept).
 */
export function decisionFigures(all: Decision[], questions: Question[], updateMs: Map<string, number[]>): DecisionFigures {
  const unique = new Map<string, Decision>();
  for (const d of all) {
    const key = `${d.sessionId.toLowerCase()}|${d.seq ?? ''}|${d.tick ?? ''}|${d.decision}|${d.requestId ?? ''}`;
    const seen = unique.get(key);
    if (!seen || (seen.source === 'archive' && d.source === 'out')) unique.set(key, d);
  }
  const updates = new Map([...updateMs].map(([k, v]) => [k.toLowerCase(), v]));
  const ages = newHistogram();
  const askByQuestion = new Map<string, Decision>();
  let aged = 0;
  for (const d of unique.values()) {
    if (d.decision === 'ask' && d.requestId) askByQuestion.set(questionIdFor(d.requestId), d);
    if (d.seq === undefined || d.tick !== undefined || d.source !== 'out') continue;
    const t = updates.get(d.sessionId.toLowerCase())?.[d.seq - 1];
    if (t === undefined) continue;
    aged += 1;
    recordMs(ages, d.atMs - t);
  }
  const q = newHistogram();
  for (const question of questions) {
    const ask = askByQuestion.get(question.questionId);
    const t = ask?.seq === undefined ? undefined : updates.get(question.sessionId.toLowerCase())?.[ask.seq - 1];
    if (t !== undefined) recordMs(q, question.atMs - t);
  }
  const list = [...unique.values()];
  return {
    decisions: list.length,
    bySource: { out: list.filter((d) => d.source === 'out').length, archive: list.filter((d) => d.source === 'archive').length },
    asks: list.filter((d) => d.decision === 'ask').length,
    aged,
    ageMs: summarizeHistogram(ages),
    questions: questions.length,
    updateToQuestionMs: summarizeHistogram(q),
  };
}
