import { codeAt, type InteractionRow } from './interactions.ts';
import type { AgentDeps } from './context.ts';
import { FollowUpOutput, type EvaluationOutput } from './provider.ts';
import { recordedCall, type Recorded } from './provenance.ts';

/**
 * The text of the follow-up to a partial answer: the model's, written from the question, the answer,
 * its grade and the code; the grader's own follow-up (`ev.followUp`) when no model is configured or
 * the model cannot answer (timeout, error, open circuit), the fallback recorded. Recorded in
 * llm_calls as `<parent id>:follow_up` (purpose follow_up), claimed before the call, so a redelivery
 * reuses the recorded text and never calls the model twice.
 */
export async function followUpText(deps: AgentDeps, parent: InteractionRow, ev: EvaluationOutput & { followUp: string }): Promise<Recorded<FollowUpOutput>> {
  const code = await codeAt(deps.db, parent.session_id, parent.seq);
  const rec = await recordedCall(
    deps.db,
    { key: `${parent.id}:follow_up`, kind: 'follow_up', sessionId: parent.session_id, interactionId: parent.id },
    [],
    () => deps.brain.followUp({
      language: code?.language ?? '', code: code?.code ?? '', question: parent.question, topic: parent.topic,
      lines: parent.line_from !== null && parent.line_to !== null ? [parent.line_from, parent.line_to] : null,
      answer: parent.answer ?? '', score: ev.score, rationale: ev.rationale, missing: ev.missing, suggested: ev.followUp,
    }),
  );
  // Validated when it was produced; validated again because it may come back from the database.
  return { ...rec, output: FollowUpOutput.parse(rec.output) };
}
