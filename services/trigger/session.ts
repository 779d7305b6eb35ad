import type { StreamMessage } from '../../shared/consumer.ts';
import type { InEntry } from '../../shared/streams.ts';
import { outboxField } from './archive.ts';
import { archiveOutbox, handleIn, type TriggerDeps } from './handler.ts';
import { outboxValue } from './state.ts';

// The consumer runtime's handleSession: every entry of one session queued on this consumer, in
// stream order. When a candidate types faster than the trigger decides, several code updates of a
// session wait together; only the newest is analysed and decided — the older ones would be decided
// on code that is already gone, and parsing them is what made the trigger fall behind. Each older
// update is recorded as superseded (a 'skip' with reason code 'superseded', for the archive only),
// so the audit still finds a decision for every seq. Answers, editor events, ticks and the end keep
// their place: they are handled in order, before or after the newest update as they came.

export const SUPERSEDED = 'superseded';

export async function handleSession(deps: TriggerDeps, msgs: StreamMessage<InEntry>[]): Promise<void> {
  if (!msgs.length) return;
  const sessionId = msgs[0].body.sessionId;
  let newest = -1;
  for (let i = msgs.length - 1; i >= 0 && newest < 0; i--) if (msgs[i].body.frame.type === 'code_update') newest = i;
  const last = newest >= 0 ? msgs[newest].body.frame : null;
  const newestSeq = last?.type === 'code_update' ? last.seq : null;
  const superseded: Record<string, string> = {};
  const outbox: Record<string, string> = {};
  for (let i = 0; i < msgs.length; i++) {
    const { frame } = msgs[i].body;
    if (frame.type === 'code_update' && i !== newest) {
      superseded[outboxField(msgs[i].id)] = outboxValue({
        decision: 'skip', reasonCode: SUPERSEDED, seq: frame.seq,
        reason: `Not analysed: a newer version (seq ${newestSeq}) was already waiting, and that one was decided.`,
      });
      continue;
    }
    await handleIn(deps, msgs[i], outbox);
  }
  // Recorded only now that the newest update was decided: if anything above failed, the entries are
  // retried one by one and each is decided (or found stale) on its own, with no superseded record
  // standing in for a decision that was taken after all.
  if (!deps.archive && Object.keys(superseded).length) {
    const key = deps.keys.state(sessionId);
    await deps.redis.multi().hset(key, superseded).expire(key, deps.stateTtlSec).exec();
  }
  await archiveOutbox(deps, sessionId, { ...superseded, ...outbox });
}
