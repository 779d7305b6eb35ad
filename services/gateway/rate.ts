// Per-socket token bucket: one noisy client is told to slow down without touching the others.
export class TokenBucket {
  private tokens: number;
  private at: number;
  constructor(private readonly perSec: number, private readonly burst: number, now = Date.now()) {
    this.tokens = burst;
    this.at = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) / 1000) * this.perSec);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
