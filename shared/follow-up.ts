import type { Redis } from 'ioredis';
import type { Keys } from './keys.ts';
import { scripts } from './redis.ts';

// The agent asks follow-up questions itself; the trigger must learn of each one atomically, so that
// it blocks the trigger's next question while it waits for its answer and counts toward the
// session's maximum (unless the session's followUpsCount setting is false). Shared here because
// services may not import each other; the state belongs to the trigger (trigger-follow-up.lua).

/** Make the follow-up the session's pending question; false when it may not be asked now. */
export async function claimFollowUp(
  deps: { redis: Redis; keys: Keys },
  c: { sessionId: string; parentId: string; questionId: string; at: number },
): Promise<boolean> {
  const claimed = await scripts.triggerFollowUp.run(deps.redis, [deps.keys.state(c.sessionId)], [c.parentId, c.questionId, c.at]);
  return Number(claimed) === 1;
}
