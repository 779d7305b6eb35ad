import type { StreamMessage } from '../../shared/consumer.ts';
import { emitOnce } from '../../shared/out.ts';
import type { AskEntry } from '../../shared/streams.ts';
import { remember, retrieve, type AgentDeps } from './context.ts';
import { insertQuestion, selectByRequest, type InteractionRow } from './interactions.ts';
import { appendTurn, askedFrom, chatContext } from './memory.ts';
import { QuestionOutput } from './provider.ts';
import { recordedCall } from './provenance.ts';

export async function emitQuestion(deps: AgentDeps, row: InteractionRow): Promise<void> {
  await emitOnce(deps, row.session_id, row.id, 'question', {
    questionId: row.id, text: row.question, reason: row.reason,
    ...(row.line_from !== null && row.line_to !== null ? { lines: [row.line_from, row.line_to] as [number, number] } : {}),
  });
}

/** A question request → one stored question on the candidate's sockets, once per request id. */
export async function handleAsk(deps: AgentDeps, msg: StreamMessage<AskEntry>): Promise<InteractionRow> {
  const ask = msg.body;
  const existing = await selectByRequest(deps.db, ask.requestId);
  if (existing) {
    await emitQuestion(deps, existing);
    return existing;
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
  await appendTurn(deps.memory, ask.sessionId, { role: 'interviewer', text: row.question, at: ask.at, questionId: row.id, topic: row.topic });
  await remember(deps, ask.sessionId, { id: row.id, question: row.question, topic: row.topic ?? 'purpose' });
  await emitQuestion(deps, row);
  deps.log.info({ sessionId: ask.sessionId, streamId: msg.id, questionId: row.id, topic: row.topic, provider: rec.provider, fallback: rec.fallback }, 'question asked');
  return row;
}
