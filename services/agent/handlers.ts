import type { StreamMessage } from '../../shared/consumer.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { Logger } from '../../shared/logger.ts';
import { emitOnce, type OutDeps } from '../../shared/out.ts';
import type { AskEntry, InEntry } from '../../shared/streams.ts';
import { insertQuestion, recordAnswer, recordEvaluation, selectInteraction, type InteractionRow } from './interactions.ts';
import type { Provider } from './provider.ts';

export interface AgentDeps extends OutDeps {
  db: Queryable;
  log: Logger;
  provider: Provider;
}

async function askedBefore(db: Queryable, sessionId: string): Promise<{ question: string; topic: string | null }[]> {
  const { rows } = await db.query<{ question: string; topic: string | null }>('SELECT question, topic FROM interactions WHERE session_id = $1 ORDER BY asked_at', [sessionId]);
  return rows;
}

async function codeAt(db: Queryable, sessionId: string, seq: number): Promise<{ code: string; language: string } | null> {
  const { rows } = await db.query<{ code: string; language: string }>(
    'SELECT code, language FROM code_snapshots WHERE session_id = $1 AND seq <= $2 ORDER BY seq DESC LIMIT 1',
    [sessionId, seq],
  );
  return rows[0] ?? null;
}

/** A question request → a stored question on the candidate's sockets, once per request id. */
export async function handleAsk(deps: AgentDeps, msg: StreamMessage<AskEntry>): Promise<InteractionRow> {
  const ask = msg.body;
  const existing = await deps.db.query<InteractionRow>('SELECT * FROM interactions WHERE request_id = $1', [ask.requestId]);
  let row = existing.rows[0];
  if (!row) {
    const q = await deps.provider.question({
      sessionId: ask.sessionId, seq: ask.seq, language: ask.language, code: ask.code, reasonCode: ask.reasonCode,
      reason: ask.reason, context: ask.context, asked: await askedBefore(deps.db, ask.sessionId), retrieved: [],
    });
    row = await insertQuestion(deps.db, {
      id: ask.questionId, sessionId: ask.sessionId, requestId: ask.requestId, seq: ask.seq, reasonCode: ask.reasonCode,
      reason: ask.reason, question: q.text, topic: q.topic, lines: q.lines ?? null, context: { ...ask.context, expected: q.expected },
      provider: deps.provider.name, model: deps.provider.model, fallback: false, askedAt: new Date(ask.at),
    });
  }
  await emitOnce(deps, ask.sessionId, row.id, 'question', {
    questionId: row.id, text: row.question, reason: row.reason,
    ...(row.line_from !== null && row.line_to !== null ? { lines: [row.line_from, row.line_to] as [number, number] } : {}),
  });
  deps.log.info({ sessionId: ask.sessionId, streamId: msg.id, questionId: row.id, topic: row.topic }, 'question asked');
  return row;
}

/** An answer → stored (first one wins), acknowledged to the candidate, graded for the interviewer. */
export async function handleAnswer(deps: AgentDeps, msg: StreamMessage<InEntry>): Promise<void> {
  const { sessionId, frame, at } = msg.body;
  if (frame.type !== 'response_submitted') return;
  const known = await selectInteraction(deps.db, sessionId, frame.questionId);
  if (!known) {
    await emitOnce(deps, sessionId, msg.id, 'error', { id: frame.id, code: 'unknown_question', message: `no question ${frame.questionId} in this session` });
    return;
  }
  const row = await recordAnswer(deps.db, { sessionId, id: frame.questionId, answer: frame.answer, streamId: msg.id, at: new Date(at) });
  if (!row || row.answer_stream_id !== msg.id) {
    await emitOnce(deps, sessionId, msg.id, 'error', { id: frame.id, code: 'invalid_message', message: 'this question was already answered; the first answer stands' });
    return;
  }
  await emitOnce(deps, sessionId, row.id, 'answer_received', { questionId: row.id });
  if (!row.evaluation) {
    const code = await codeAt(deps.db, sessionId, row.seq);
    const expected = (row.context.expected ?? {}) as Record<string, unknown>;
    const ev = await deps.provider.evaluate({
      question: row.question, topic: row.topic, expected, answer: frame.answer, code: code?.code ?? '', language: code?.language ?? '', retrieved: [],
    });
    const score = Math.max(0, Math.min(100, Math.round(ev.score)));
    await recordEvaluation(deps.db, { sessionId, id: row.id, evaluation: { ...ev, score }, score });
    row.evaluation = { ...ev, score };
  }
  const ev = row.evaluation as { score: number; rubric: Record<string, number>; rationale: string; flags: string[] };
  await emitOnce(deps, sessionId, row.id, 'evaluation', { questionId: row.id, score: ev.score, rubric: ev.rubric, rationale: ev.rationale, flags: ev.flags }, 'interviewer');
}
