// Every stream's consumer groups, declared once. A group name is a contract between the service
// that consumes with it and everything that reads the group's progress (the P:in trimmer, the
// metrics, tests): they all take the names from here instead of repeating literals.
//
// What a group's acknowledgement means is part of the contract: the consumer runtime
// (shared/consumer.ts) acknowledges an entry only after its handler committed, so "acknowledged by
// group G" is "G is done with it" — shared/progress.ts answers that question for other services.

export const GROUPS = {
  /** P:in, every client frame: each group sees every entry. */
  in: {
    /** stores snapshots and the event archive; queues the report at session end */
    snapshotter: 'snapshotter',
    /** decides when to ask */
    trigger: 'trigger',
    /** grades answers (response_submitted); skips everything else */
    agent: 'agent',
  },
  /** P:ask, question requests from the trigger. */
  ask: {
    /**
     * asks the question; acknowledges a request only once it is shown, withdrawn (the session ended
     * first) or dropped (the session had already ended), so an unacknowledged request of a session
     * is a question that may still appear on its out stream (the reporter waits for those)
     */
    agent: 'agent',
  },
} as const;

/** Every group on P:in: an entry may be trimmed only once all of them acknowledged it. */
export const IN_GROUPS: readonly string[] = Object.values(GROUPS.in);
