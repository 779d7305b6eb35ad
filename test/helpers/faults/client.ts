import WebSocket from 'ws';

// One candidate's connection that survives faults: it reconnects (with ?lastEventId=, the newest
// out event it saw) whenever the socket drops, and resends every frame still waiting for its ack,
// with the same id and seq (the gateway answers a resent seq with its first ack).

export type Frame = Record<string, unknown> & { type: string };

interface Pending {
  frame: Frame & { id: string };
  resolve: (reply: Frame) => void;
}

export class ResilientClient {
  ws: WebSocket | null = null;
  lastEventId = '';
  readonly out: Frame[] = [];
  readonly pending = new Map<string, Pending>();
  connects = 0;
  private done = false;
  private listeners = new Set<(f: Frame) => void>();
  private opened: Promise<void> | null = null;

  constructor(readonly url: string, readonly token: string, private readonly onOut: (f: Frame) => void = () => undefined) {}

  /** Connects (again); resolves once the socket is open and every pending frame was resent. */
  connect(): Promise<void> {
    this.opened ??= this.open().finally(() => (this.opened = null));
    return this.opened;
  }

  private async open(): Promise<void> {
    for (let attempt = 0; !this.done; attempt++) {
      const u = new URL(this.url);
      if (this.lastEventId) u.searchParams.set('lastEventId', this.lastEventId);
      const ws = new WebSocket(u, [`bearer.${this.token}`]);
      const ok = await new Promise<boolean>((resolve) => {
        ws.once('open', () => resolve(true));
        ws.once('unexpected-response', (_req, res) => (res.socket.destroy(), resolve(false)));
        ws.once('error', () => resolve(false));
      });
      if (!ok) {
        ws.terminate();
        // The client's own reconnect backoff, as a browser client's would be; nothing waits on it.
        await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** Math.min(attempt, 5))));
        continue;
      }
      this.connects++;
      this.ws = ws;
      ws.on('error', () => undefined);
      ws.on('message', (data) => this.receive(JSON.parse(data.toString()) as Frame));
      ws.once('close', () => {
        if (this.ws === ws) this.ws = null;
        if (!this.done) void this.connect();
      });
      for (const p of this.pending.values()) ws.send(JSON.stringify(p.frame));
      return;
    }
  }

  private receive(f: Frame): void {
    if ((f.type === 'ack' || f.type === 'error') && typeof f.id === 'string') {
      const p = this.pending.get(f.id);
      // An error without a closing code for a frame we resent after its ack is impossible; any
      // reply settles the frame.
      if (p) {
        this.pending.delete(f.id);
        p.resolve(f);
      }
    }
    if (typeof f.eventId === 'string' && f.type !== 'ack') {
      this.lastEventId = f.eventId;
      this.out.push(f);
      this.onOut(f);
    }
    for (const l of this.listeners) l(f);
  }

  /** Sends a frame; resolves with its ack or error, however many reconnects that takes. */
  request(frame: Frame & { id: string }): Promise<Frame> {
    return new Promise((resolve) => {
      this.pending.set(frame.id, { frame, resolve });
      if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(frame));
      else void this.connect();
    });
  }

  /** The first out frame (seen or to come) that matches. */
  next(match: (f: Frame) => boolean, timeoutMs: number): Promise<Frame | null> {
    const seen = this.out.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => {
      const l = (f: Frame) => {
        if (!match(f)) return;
        this.listeners.delete(l);
        clearTimeout(timer);
        resolve(f);
      };
      const timer = setTimeout(() => (this.listeners.delete(l), resolve(null)), timeoutMs);
      this.listeners.add(l);
    });
  }

  /** Drops the connection as a flaky network would (the client reconnects on its own). */
  drop(): void {
    this.ws?.terminate();
  }

  close(): void {
    this.done = true;
    this.ws?.terminate();
  }
}
