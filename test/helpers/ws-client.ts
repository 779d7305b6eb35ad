import WebSocket from 'ws';

// A protocol client for tests, written against DESIGN.md section 3 and nothing in the services.

export type Frame = Record<string, unknown> & { type: string };

export class TestSocket {
  readonly frames: Frame[] = [];
  private waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  closed: { code: number; reason: string } | null = null;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((w) => (w.match(frame) ? (w.resolve(frame), false) : true));
    });
    ws.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
  }

  static async connect(url: string, token: string | null, opts: { via?: 'protocol' | 'query'; lastEventId?: string } = {}): Promise<TestSocket> {
    const u = new URL(url);
    if (opts.lastEventId) u.searchParams.set('lastEventId', opts.lastEventId);
    if (token && opts.via === 'query') u.searchParams.set('token', token);
    const protocols = token && opts.via !== 'query' ? [`bearer.${token}`] : [];
    const ws = new WebSocket(u, protocols);
    const sock = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('unexpected-response', (_req, res) => (res.socket.destroy(), reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode }))));
      ws.once('error', reject);
    });
    return sock;
  }

  send(frame: object | string): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The first frame (already received or to come) that matches. */
  next(match: (f: Frame) => boolean, timeoutMs = 20_000, from = 0): Promise<Frame> {
    const seen = this.frames.slice(from).find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching frame in ${timeoutMs} ms; got ${this.frames.map((f) => f.type).join(',')}`)), timeoutMs);
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  async request(frame: Frame & { id: string }, timeoutMs = 10_000): Promise<Frame> {
    this.send(frame);
    return this.next((f) => (f.type === 'ack' || f.type === 'error') && f.id === frame.id, timeoutMs);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
