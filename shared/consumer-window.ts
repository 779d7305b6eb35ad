// The consumer runtime's scheduler: entries a consumer has read wait here, one queue per session,
// until a handler slot takes them. A session with work in flight gets nothing more until that work
// is done (its order holds); every other session may run meanwhile (no batch barrier). Sessions
// take turns in the order they became ready, so a busy session cannot starve a quiet one.
// Pure bookkeeping: no Redis, no timers.

export type TakeMode =
  /** the head entry of one session */
  | 'one'
  /** every queued entry of one session, up to the cap */
  | 'session'
  /** every queued entry of as many ready sessions as fit under the cap, in turn order */
  | 'batch';

export interface Work<M> {
  /** the sessions this work holds; none of them gets more work until `done(keys)` */
  keys: string[];
  /** in stream order within each session */
  msgs: M[];
}

export class SessionWindow<M> {
  private readonly queues = new Map<string, M[]>();
  /** sessions with queued entries and nothing in flight, in turn order (a Set keeps insertion order) */
  private readonly ready = new Set<string>();
  private readonly busy = new Set<string>();
  private waiting = 0;

  /** entries queued and not yet taken */
  get queued(): number {
    return this.waiting;
  }

  push(key: string, msg: M): void {
    const q = this.queues.get(key);
    if (q) q.push(msg);
    else this.queues.set(key, [msg]);
    this.waiting++;
    if (!this.busy.has(key)) this.ready.add(key);
  }

  take(mode: TakeMode, cap: number): Work<M> | null {
    const keys: string[] = [];
    const msgs: M[] = [];
    for (const key of this.ready) {
      const q = this.queues.get(key)!;
      const n = mode === 'one' ? 1 : Math.min(q.length, cap - msgs.length);
      msgs.push(...q.splice(0, n));
      keys.push(key);
      this.ready.delete(key);
      this.busy.add(key);
      if (mode !== 'batch' || msgs.length >= cap) break;
    }
    if (!keys.length) return null;
    this.waiting -= msgs.length;
    return { keys, msgs };
  }

  /** The work of these sessions is over: the ones with more queued become ready again, last in turn. */
  done(keys: string[]): void {
    for (const key of keys) {
      this.busy.delete(key);
      const q = this.queues.get(key);
      if (q?.length) this.ready.add(key);
      else this.queues.delete(key);
    }
  }

  /** Drops every queued entry (a stopping consumer leaves them pending for others); returns them. */
  drain(): M[] {
    const all: M[] = [];
    for (const [key, q] of this.queues) {
      all.push(...q);
      if (this.busy.has(key)) this.queues.set(key, []);
      else this.queues.delete(key);
    }
    this.ready.clear();
    this.waiting = 0;
    return all;
  }
}
