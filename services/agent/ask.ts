import type { StreamMessage } from '../../shared/consumer.ts';
import { emitQuestionOnce } from '../../shared/out.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { remember, retrieve, sessionClosed, type AgentDeps } from './context.ts';
import { insertQuestion, selectByRequest, type InteractionRow } from './interactions.ts';
import { appendTurn, askedFrom, chatContext } from './memory.ts';
import { QuestionOutput } from './provider.ts';
import { recordedCall } from './provenance.ts';

/**
 * Shows a stored question on the candidate's sockets, once — unless the session ended before it
 * could be shown (emit-question.lua checks and writes in one step). A question refused that way was
 * never seen by anyone, so its interactions row is withdrawn; its llm_calls row stays as provenance
 * (the audit replay reports it as a note, not a difference). Returns whether the question is shown.
 */
export async function emitQuestion(deps: AgentDeps, row: InteractionRow): Promise<boolean> {
  const id = await emitQuestionOnce(deps, row.session_id, row.id, {
    questionId: row.id, text: row.question, reason: row.reason,
    ...(row.line_from !== null && row.line_to !== null ? { lines: [row.line_from, row.line_to] as [number, number] } : {}),
  });
  if (id !== null) return true;
  await deps.db.query('DELETE FROM interactions WHERE session_id = $1 AND id = $2 AND answer IS NULL', [row.session_id, row.id]);
  deps.log.info({ sessionId: row.session_id, questionId: row.id, requestId: row.request_id }, 'the session ended before the question could be shown; withdrawn');
  return false;
}

/**
 * Shown, then remembered: the interviewer turn in the chat history (idempotent per question) and
 * the question in the session's Chroma memory. Both run again on a redelivery, so a crash between
 * the insert and here loses neither; Chroma is not touched once the question has its answer there.
 */
async function show(deps: AgentDeps, row: InteractionRow): Promise<boolean> {
  if (!(await emitQuestion(deps, row))) return false;
  await appendTurn(deps.memory, row.session_id, { role: 'interviewer', text: row.question, at: new Date(row.asked_at).getTime(), questionId: row.id, topic: row.topic });
  if (row.answer === null) await remember(deps, row.session_id, { id: row.id, question: row.question, topic: row.topic ?? 'purpose' });
  return true;
}

/**
 * A question request → one stored question on the candidate's sockets, once per request id. After
 * the session ended it asks nothing: the request is acknowledged and dropped (returns null).
 */
export async function handleAsk(deps: AgentDeps, msg: StreamMessage<AskEntry>): Promise<InteractionRow | null> {
  const ask = msg.body;
  const existing = await selectByRequest(deps.db, ask.requestId);
  if (existing) return (await show(deps, existing)) ? existing : null;
  if (await sessionClosed(deps, ask.sessionId)) {
    deps.log.info({ sessionId: ask.sessionId, streamId: msg.id, requestId: ask.requestId, reasonCode: ask.reasonCode }, 'the session has ended; question request dropped');
    return null;
  }
  const history = await chatContext(deps.memory, ask.sessionId);
  const topic = ask.context.topic ?? null;
  const retrieved = await retrieve(deps, ask.sessionId, `${topic ?? ''} ${ask.reason}`, topic);
  const rec = await recordedCall(
    deps.db,
    { key: `${ask.requestId}:question`, kind: 'question', sessionId: ask.sessionId, interactionId: ask.questionId },
    retrieved.map((c) => c.id),
    () => deps.brain.question({
      sessionId: ask.sessionId, seq: ask.seq, language: ask.language, code: ask.code, reasonCode: ask.reasonCode,
      reason: ask.reason, context: ask.context, asked: askedFrom(history), retrieved,
    }),
  );
  // Validated when it was produced; validated again because it may come back from the database.
  const q = QuestionOutput.parse(rec.output);
  const row = await insertQuestion(deps.db, {
    id: ask.questionId, sessionId: ask.sessionId, requestId: ask.requestId, seq: ask.seq, reasonCode: ask.reasonCode,
    reason: ask.reason, question: q.text, topic: q.topic, lines: q.lines ?? ask.context.lines ?? null,
    context: { ...ask.context, expected: q.expected, retrieved: retrieved.map((c) => c.id), error: rec.error },
    provider: rec.provider, model: rec.model, fallback: rec.fallback, askedAt: new Date(ask.at),
  });
  if (!(await show(deps, row))) return null;
  deps.log.info({ sessionId: ask.sessionId, streamId: msg.id, questionId: row.id, topic: row.topic, provider: rec.provider, fallback: rec.fallback }, 'question asked');
  return row;
}
