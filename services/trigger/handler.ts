import type { StreamMessage } from '../../shared/consumer.ts';
import { askRequestId, questionIdFor } from '../../shared/ids.ts';
import type { Logger } from '../../shared/logger.ts';
import type { OutDeps } from '../../shared/out.ts';
import type { AskEntry, InEntry } from '../../shared/streams.ts';
import { decide, type TriggerDecision } from './rules.ts';
import type { TriggerSettings } from './settings.ts';
import { commitDecision, markAnswered, readState, type StateDeps } from './state.ts';

export interface TriggerDeps extends StateDeps, OutDeps {
  log: Logger;
  settings: (sessionId: string) => Promise<TriggerSettings>;
}

const MAX_CONFLICT_RETRIES = 5;

/** One P:in entry → maybe a question request. Idempotent: a redelivered update is 'stale'. */
export async function handleIn(deps: TriggerDeps, msg: StreamMessage<InEntry>): Promise<TriggerDecision | null> {
  const { sessionId, frame, at } = msg.body;
  if (frame.type === 'response_submitted') {
    await markAnswered(deps, sessionId, frame.questionId);
    return null;
  }
  if (frame.type !== 'code_update') return null;
  const settings = await deps.settings(sessionId);
  for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
    const state = await readState(deps, sessionId);
    if (state.lastSeq !== null && frame.seq <= state.lastSeq) return null; // newest seq wins
    const decision = decide({ now: at, seq: frame.seq, code: frame.code, state, settings });
    const requestId = askRequestId(sessionId, frame.seq);
    const ask: AskEntry | null = decision.decision === 'ask'
      ? {
          sessionId, requestId, seq: frame.seq, reasonCode: decision.reasonCode, reason: decision.reason, at,
          questionId: questionIdFor(requestId), language: frame.language, code: frame.code, context: decision.context,
        }
      : null;
    const shown = ask ? { decision: 'ask' as const, reasonCode: decision.reasonCode, reason: decision.reason, seq: frame.seq, requestId } : undefined;
    const result = await commitDecision(deps, { sessionId, version: state.version, seq: frame.seq, now: at, ask, decision: shown });
    if (result.status === 'conflict') continue;
    if (result.status !== 'ok') return null;
    if (ask) {
      deps.log.info({ sessionId, streamId: msg.id, seq: frame.seq, reasonCode: decision.reasonCode }, 'question requested');
    }
    return decision;
  }
  throw new Error(`trigger state for ${sessionId} kept changing; will retry`);
}
