import { analyzeCode, type CodeAnalysis } from '../../shared/analysis/index.ts';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { Logger } from '../../shared/logger.ts';
import type { OutDeps } from '../../shared/out.ts';
import type { InEntry } from '../../shared/streams.ts';
import type { TriggerDecision } from './rules.ts';
import type { TriggerSettings } from './settings.ts';
import { pastedChars, step } from './step.ts';
import { commitDecision, markAnswered, readState, recordEditorEvent, type StateDeps } from './state.ts';

export interface TriggerDeps extends StateDeps, OutDeps {
  log: Logger;
  settings: (sessionId: string) => Promise<TriggerSettings>;
  analyze?: (code: string, language: string) => Promise<CodeAnalysis | null>;
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

/** One P:in entry → maybe a question request. Idempotent: a redelivered update is 'stale'. */
export async function handleIn(deps: TriggerDeps, msg: StreamMessage<InEntry>): Promise<TriggerDecision | null> {
  const { sessionId, frame, at } = msg.body;
  if (frame.type === 'response_submitted') {
    await markAnswered(deps, sessionId, frame.questionId);
    return null;
  }
  if (frame.type === 'editor_event') {
    await recordEditorEvent(deps, sessionId, frame.kind, at, pastedChars(frame.detail));
    return null;
  }
  if (frame.type !== 'code_update') return null;
  const settings = await deps.settings(sessionId);
  const analysis = await safeAnalyze(deps, frame.code, frame.language);
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const state = await readState(deps, sessionId);
    if (state.lastSeq !== null && frame.seq <= state.lastSeq) return null; // newest seq wins
    const { decision, ask, record, audience, extra } = step(sessionId, frame, at, state, settings, analysis);
    const result = await commitDecision(deps, {
      sessionId, version: state.version, seq: frame.seq, now: at, ask, decision: record, audience, extra,
      pendingTimeoutMs: settings.pendingTimeoutSec * 1000,
    });
    if (result.status === 'conflict') continue;
    if (result.status !== 'ok') return null;
    const level = ask ? 'info' : 'debug';
    deps.log[level]({ sessionId, streamId: msg.id, seq: frame.seq, decision: decision.decision, reasonCode: decision.reasonCode }, decision.reason);
    return decision;
  }
  throw new Error(`trigger state for ${sessionId} kept changing; will retry`);
}
