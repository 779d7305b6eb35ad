import type { Tip } from './encode.ts';

// The newest version of each session this process stored, to build the next delta on without
// reading Postgres. Any earlier version is a valid base (the delta names its base seq), so a tip
// left behind by another replica's newer rows is still right, only a little further back. A session
// not here gets a keyframe. Bounded by bytes, least recently used first out.

export class TipCache {
  private readonly tips = new Map<string, Tip>();
  private bytes = 0;

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(sessionId: string): Tip | undefined {
    const tip = this.tips.get(sessionId);
    if (tip) {
      this.tips.delete(sessionId);
      this.tips.set(sessionId, tip);
    }
    return tip;
  }

  /** Keeps the newer of the two: batches of one session may finish out of order on replicas. */
  set(sessionId: string, tip: Tip): void {
    const old = this.tips.get(sessionId);
    if (old && old.seq > tip.seq) return;
    this.delete(sessionId);
    this.tips.set(sessionId, tip);
    this.bytes += tip.text.length;
    for (const [id, t] of this.tips) {
      if (this.bytes <= this.maxBytes) break;
      this.tips.delete(id);
      this.bytes -= t.text.length;
    }
  }

  delete(sessionId: string): void {
    const old = this.tips.get(sessionId);
    if (!old) return;
    this.tips.delete(sessionId);
    this.bytes -= old.text.length;
  }

  get size(): number {
    return this.tips.size;
  }
}
