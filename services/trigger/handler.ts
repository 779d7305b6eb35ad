import { analyzeCode, type CodeAnalysis } from '../../shared/analysis/index.ts';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { Logger } from '../../shared/logger.ts';
import type { OutDeps } from '../../shared/out.ts';
import type { InEntry } from '../../shared/streams.ts';
import { nextWakeAt, type TriggerDecision, type TriggerState } from './rules.ts';
import type { TriggerSettings } from './settings.ts';
import { pastedChars, step, tickIsCurrent, tickStep, type StepResult } from './step.ts';
import { outboxField, outboxRows, type DecisionArchive } from './archive.ts';
import { clearOutbox, commitDecision, markAnswered, markEnded, outboxValue, readState, recordEditorEvent, schedule, type StateDeps } from './state.ts';

export interface TriggerDeps extends StateDeps, OutDeps {
  log: Logger;
  settings: (sessionId: string) => Promise<TriggerSettings>;
  analyze?: (code: string, language: string) => Promise<CodeAnalysis | null>;
  /** where routine decisions are archived (archive.ts); absent, they stay in the state's outbox */
  archive?: DecisionArchive;
  /** benchmarks only: write routine decisions to the out stream as the trigger did before the outbox */
  auditToOut?: boolean;
}

const MAX_CONFLICT_RETRIES = 5;

async function safeAnalyze(deps: TriggerDeps, code: string, language: string): Promise<CodeAnalysis | null> {
  try {
    return await (deps.analyze ?? analyzeCode)(code, language);
  } catch (err) {
    deps.log.warn({ err: err instanceof Error ? err.message : String(err), language }, 'analysis failed; using diff rules');
    return null;
  }
}

/**
 * Decide on fresh state and commit, again on a version conflict. `decideOn` returns null when the
 * entry has nothing (left) to decide: a stale update, a tick a newer event already covered.
 */
async function decideAndCommit(
  deps: TriggerDeps, msg: StreamMessage<InEntry>, settings: TriggerSettings, outbox: Record<string, string>,
  decideOn: (state: TriggerState) => { seq: number | null; result: StepResult } | null,
): Promise<TriggerDecision | null> {
  const { sessionId, at } = msg.body;
  const field = deps.auditToOut ? undefined : outboxField(msg.id);
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const state = await readState(deps, sessionId, outbox);
    const d = decideOn(state);
    if (!d) return null;
    const { decision, ask, record, audience, extra, wakeAt } = d.result;
    const result = await commitDecision(deps, {
      sessionId, version: state.version, seq: d.seq, now: at, ask, decision: record, audience, extra, wakeAt,
      pendingTimeoutMs: settings.pendingTimeoutSec * 1000, outboxField: field,
    });
    if (result.status === 'conflict') continue;
    if (result.status !== 'ok') return null;
    if (audience === 'audit' && field) outbox[field] = outboxValue(record);
    const level = ask ? 'info' : 'debug';
    deps.log[level]({ sessionId, streamId: msg.id, seq: record.seq, tick: record.tick, decision: decision.decision, reasonCode: decision.reasonCode }, decision.reason);
    return decision;
  }
  throw new Error(`trigger state for ${sessionId} kept changing; will retry`);
}

/** After a change outside trigger-commit (an answer): the gate it opened is reconsidered on time. */
async function reschedule(deps: TriggerDeps, sessionId: string): Promise<void> {
  const settings = await deps.settings(sessionId);
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const state = await readState(deps, sessionId);
    if (await schedule(deps, sessionId, state.version, nextWakeAt(state, settings))) return;
  }
}

/**
 * One P:in entry → maybe a question request. Idempotent: a redelivered update or tick is 'stale'.
 * Routine decisions wait in the state's outbox: archived before this returns when `deps.archive` is
 * set (see session.ts for the consumer's path), else left there (the outbox of every state read is
 * gathered into `outbox` for the caller to archive).
 */
export async function handleIn(deps: TriggerDeps, msg: StreamMessage<InEntry>, outbox?: Record<string, string>): Promise<TriggerDecision | null> {
  const mine = outbox ?? {};
  const decision = await decideEntry(deps, msg, mine);
  if (!outbox) await archiveOutbox(deps, msg.body.sessionId, mine);
  return decision;
}

/** Archives what the outbox holds (when deps.archive is set), then deletes it from the state. */
export async function archiveOutbox(deps: TriggerDeps, sessionId: string, outbox: Record<string, string>): Promise<void> {
  if (!deps.archive) return;
  const fields = Object.keys(outbox);
  if (!fields.length) return;
  await deps.archive.add(outboxRows(sessionId, outbox));
  await clearOutbox(deps, sessionId, fields);
}

async function decideEntry(deps: TriggerDeps, msg: StreamMessage<InEntry>, outbox: Record<string, string>): Promise<TriggerDecision | null> {
  const { sessionId, frame, at } = msg.body;
  if (frame.type === 'response_submitted') {
    await markAnswered(deps, sessionId, frame.questionId, at);
    // Also when it was already cleared: a crash between the two steps redelivers the answer.
    await reschedule(deps, sessionId);
    return null;
  }
  if (frame.type === 'editor_event') {
    await recordEditorEvent(deps, sessionId, frame.kind, at, pastedChars(frame.detail));
    return null;
  }
  if (frame.type === 'end_session') {
    await markEnded(deps, sessionId);
    return null;
  }
  if (frame.type === 'tick') {
    const settings = await deps.settings(sessionId);
    return decideAndCommit(deps, msg, settings, outbox, (state) => (tickIsCurrent(state, at) ? { seq: null, result: tickStep(sessionId, at, state, settings) } : null));
  }
  const settings = await deps.settings(sessionId);
  const analysis = await safeAnalyze(deps, frame.code, frame.language);
  return decideAndCommit(deps, msg, settings, outbox, (state) => {
    if (state.ended || (state.lastSeq !== null && frame.seq <= state.lastSeq)) return null; // newest seq wins
    return { seq: frame.seq, result: step(sessionId, frame, at, state, settings, analysis) };
  });
}
