import type { StreamMessage } from '../../shared/consumer.ts';
import { questionIdFor } from '../../shared/ids.ts';
import { emitOnce } from '../../shared/out.ts';
import { claimFollowUp } from '../../shared/follow-up.ts';
import type { InEntry } from '../../shared/streams.ts';
import { emitQuestion } from './ask.ts';
import { remember, retrieve, sessionClosed, type AgentDeps } from './context.ts';
import { codeAt, insertQuestion, recordAnswer, recordEvaluation, selectByRequest, selectInteraction, type InteractionRow } from './interactions.ts';
import { appendTurn } from './memory.ts';
import { followUpText } from './follow-up.ts';
import { EvaluationOutput } from './provider.ts';
import { recordedCall } from './provenance.ts';

type StoredEvaluation = EvaluationOutput & { provider: string; model: string; fallback: boolean };

/**
 * A partial answer earns one "be more specific" question rather than a low grade alone — but only
 * when no other question is waiting, so the candidate never has two open at once, and never after
 * the session ended (checked before the claim, and again atomically when the question is shown).
 * The grader decides that a follow-up is due and suggests one (`suggested`); the text asked is the
 * model's when one is configured (follow-up.ts), made only once the claim is held.
 */
async function askFollowUp(deps: AgentDeps, parent: InteractionRow, suggested: string, at: number, ev: StoredEvaluation): Promise<void> {
  const requestId = `${parent.id}:follow_up`;
  const existing = await selectByRequest(deps.db, requestId);
  if (existing) {
    if (await emitQuestion(deps, existing)) await rememberFollowUp(deps, existing, at);
    return;
  }
  if (await sessionClosed(deps, parent.session_id)) {
    deps.log.info({ sessionId: parent.session_id, questionId: parent.id }, 'the session has ended; no follow-up');
    return;
  }
  const id = questionIdFor(requestId);
  // Blocks the trigger's next question while pending and counts toward the maximum (shared/follow-up.ts).
  if (!(await claimFollowUp(deps, { sessionId: parent.session_id, parentId: parent.id, questionId: id, at }))) return;
  const fu = await followUpText(deps, parent, { ...ev, followUp: suggested });
  const row = await insertQuestion(deps.db, {
    id, sessionId: parent.session_id, requestId, seq: parent.seq, reasonCode: 'follow_up',
    reason: `The answer to the previous question was partial${ev.missing.length ? ` (missing: ${ev.missing.slice(0, 3).join(', ')})` : ''}.`,
    question: fu.output.text, topic: parent.topic, lines: parent.line_from !== null && parent.line_to !== null ? [parent.line_from, parent.line_to] : null,
    context: { ...parent.context, followUpOf: parent.id, error: fu.error }, provider: fu.provider, model: fu.model, fallback: fu.fallback,
    askedAt: new Date(at), parentId: parent.id,
  });
  if (await emitQuestion(deps, row)) await rememberFollowUp(deps, row, at);
}

const rememberFollowUp = (deps: AgentDeps, row: InteractionRow, at: number) =>
  appendTurn(deps.memory, row.session_id, { role: 'interviewer', text: row.question, at, questionId: row.id, topic: row.topic });

async function grade(deps: AgentDeps, row: InteractionRow, answer: string): Promise<StoredEvaluation> {
  const code = await codeAt(deps.db, row.session_id, row.seq);
  const retrieved = await retrieve(deps, row.session_id, `${row.question}\n${answer.slice(0, 500)}`, row.topic);
  const rec = await recordedCall(
    deps.db,
    { key: `${row.id}:evaluation`, kind: 'evaluation', sessionId: row.session_id, interactionId: row.id },
    retrieved.map((c) => c.id),
    async () => {
      const input = {
        question: row.question, topic: row.topic, expected: (row.context.expected ?? {}) as Record<string, unknown>,
        answer, code: code?.code ?? '', language: code?.language ?? '', retrieved,
      };
      const alone = await deps.brain.evaluate(input);
      // A follow-up carries its parent's key but asks only for what the first answer missed: alone,
      // a right reply to the narrower question looks incomplete. So it is also graded as the
      // candidate's whole account (both answers to the parent question) and the better grade stands
      // (a reply that settles a hedge is graded alone, where the hedge no longer is).
      const parent = row.parent_id ? await selectInteraction(deps.db, row.session_id, row.parent_id) : null;
      if (!parent?.answer) return alone;
      const whole = await deps.brain.evaluate({ ...input, question: `${parent.question}\n${row.question}`, answer: `${parent.answer}\n\n${answer}` });
      return whole.output.score > alone.output.score ? whole : alone;
    },
  );
  const ev = EvaluationOutput.parse(rec.output);
  return { ...ev, score: Math.max(0, Math.min(100, Math.round(ev.score))), provider: rec.provider, model: rec.model, fallback: rec.fallback };
}

/**
 * An answer → stored (first one wins), acknowledged to the candidate, graded for the interviewer.
 *
 * The order matters to the reporter: it holds the report back while an answer is stored but its
 * evaluation is not (and while an archived answer is not stored yet), then archives the out stream.
 * So everything this answer shows — answer_received, the evaluation, a follow-up question — is
 * emitted BEFORE recordEvaluation, the write that tells the reporter this answer is done. Each step
 * is idempotent (emit-once, keyed chat turns, Chroma upsert, the grade re-read from its recorded
 * model call), so a redelivery at any point redoes whatever it missed and duplicates nothing.
 */
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
  await appendTurn(deps.memory, sessionId, { role: 'candidate', text: frame.answer, at, questionId: row.id });
  const stored = row.evaluation as StoredEvaluation | null;
  const ev = stored ?? (await grade(deps, row, frame.answer));
  await emitOnce(deps, sessionId, row.id, 'evaluation', { questionId: row.id, score: ev.score, rubric: ev.rubric, rationale: ev.rationale, flags: ev.flags }, 'interviewer');
  await appendTurn(deps.memory, sessionId, { role: 'grader', text: ev.rationale, at, questionId: row.id, score: ev.score });
  await remember(deps, sessionId, { id: row.id, question: row.question, answer: frame.answer, topic: row.topic ?? 'purpose', score: ev.score });
  if (ev.followUp && !row.parent_id) await askFollowUp(deps, row, ev.followUp, at, ev);
  if (!stored) await recordEvaluation(deps.db, { sessionId, id: row.id, evaluation: ev, score: ev.score });
}
