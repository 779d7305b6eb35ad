// Open-loop sending: every send has a time fixed before the run, whatever the server does. A late
// ack never delays the next send (no coordinated omission), and latency is measured from the
// scheduled time, so time a send spent waiting behind a stalled client or server is counted.

export interface OpenLoopPlan {
  /** sessions across all load processes */
  sessions: number;
  /** sends per session per second */
  ratePerSec: number;
  durationMs: number;
}

export interface Send {
  /** global session index */
  session: number;
  /** 0-based send number of that session */
  k: number;
  /** when to send, ms on the same clock as startMs */
  at: number;
}

export const periodMs = (plan: OpenLoopPlan): number => 1000 / plan.ratePerSec;
export const sendsPerSession = (plan: OpenLoopPlan): number => Math.max(1, Math.floor((plan.durationMs * plan.ratePerSec) / 1000));

/**
 * Session i sends at start + i·period/sessions + k·period: the sessions' phases spread evenly
 * over one period, so the offered rate is smooth (sessions × rate per second) instead of bursts.
 */
export function sendTime(plan: OpenLoopPlan, startMs: number, session: number, k: number): number {
  const p = periodMs(plan);
  return startMs + (session * p) / plan.sessions + k * p;
}

/**
 * The sends of some sessions (one load process's share) in time order, handed out as they fall due.
 * `due(now)` returns every send scheduled at or before now that was not returned yet.
 */
export class OpenLoopSchedule {
  private readonly order: number[];
  private next = 0;
  readonly total: number;

  constructor(private readonly plan: OpenLoopPlan, private readonly startMs: number, sessions: number[]) {
    // within one period the phases are increasing with the session index
    this.order = [...sessions].sort((a, b) => a - b);
    this.total = this.order.length * sendsPerSession(plan);
  }

  private at(n: number): Send {
    const k = Math.floor(n / this.order.length);
    const session = this.order[n % this.order.length]!;
    return { session, k, at: sendTime(this.plan, this.startMs, session, k) };
  }

  due(now: number): Send[] {
    const out: Send[] = [];
    while (this.next < this.total) {
      const s = this.at(this.next);
      if (s.at > now) break;
      out.push(s);
      this.next += 1;
    }
    return out;
  }

  /** ms until the next send is due (0 if one is due now), or null when every send went out */
  waitMs(now: number): number | null {
    if (this.next >= this.total) return null;
    return Math.max(0, this.at(this.next).at - now);
  }
}

/** Latency of a reply to a scheduled send: from when it should have gone, not when it went. */
export const latencyFromSchedule = (scheduledAt: number, repliedAt: number): number => repliedAt - scheduledAt;
