import { encodeHistogram, newHistogram, recordMs } from './hdr.ts';

// One closed-loop load process, whatever the client library: its sockets each keep a fixed number of
// code_update frames in flight (every ack sends the next). Waits for 'go' over IPC, stops sending
// after the duration, waits briefly for what is still in flight, and reports acks and the ack
// latencies as an HDR histogram. The transport (ws, socket.io-client) only opens a socket.

export interface Target { url: string; token?: string; sessionId: string }

export interface Reply { type: string; id?: string }

export interface Conn { send(text: string): void; close(): void }

/** Opens one socket; resolves once it may send (after 'welcome' where the server says one). */
export type Connect = (target: Target, onReply: (reply: Reply) => void) => Promise<Conn>;

interface Sock { conn: Conn; seq: number; sent: Map<string, number>; acks: number; errors: number; target: Target }

const send = (m: unknown) => process.send?.(m);

export async function runClosedLoop(connect: Connect): Promise<void> {
  const targets = JSON.parse(String(process.env.BENCH_TARGETS)) as Target[];
  const inFlight = Number(process.env.BENCH_IN_FLIGHT);
  const durationMs = Number(process.env.BENCH_DURATION_MS);
  const code = String(process.env.BENCH_CODE);
  const hist = newHistogram();
  let running = false;
  let stopping = false;

  const frame = (s: Sock): string => {
    s.seq += 1;
    const id = String(s.seq);
    s.sent.set(id, performance.now());
    // the last line changes with every update, as an editor's would
    return JSON.stringify({ type: 'code_update', id, seq: s.seq, code: `${code}\n# edit ${s.seq}\n`, language: 'python', ts: Date.now() });
  };

  const open = async (target: Target): Promise<Sock> => {
    const s = { seq: 0, sent: new Map(), acks: 0, errors: 0, target } as unknown as Sock;
    s.conn = await connect(target, (msg) => {
      if ((msg.type !== 'ack' && msg.type !== 'error') || msg.id === undefined) return;
      const t = s.sent.get(msg.id);
      if (t === undefined) return;
      s.sent.delete(msg.id);
      if (msg.type === 'ack') {
        s.acks += 1;
        recordMs(hist, performance.now() - t);
      } else s.errors += 1;
      if (running && !stopping) s.conn.send(frame(s));
      else if (stopping && s.sent.size === 0) s.conn.close();
    });
    return s;
  };

  const socks = await Promise.all(targets.map(open));
  send({ kind: 'ready' });
  process.once('message', () => {
    running = true;
    for (const s of socks) for (let i = 0; i < inFlight; i++) s.conn.send(frame(s));
    setTimeout(() => {
      stopping = true;
      const finish = () => {
        send({ kind: 'done', acks: socks.reduce((n, s) => n + s.acks, 0), hist: encodeHistogram(hist), perSocket: socks.map((s) => ({ sessionId: s.target.sessionId, acks: s.acks, errors: s.errors })) });
        for (const s of socks) s.conn.close();
      };
      // what is still in flight gets 2 s; then the report goes out regardless
      const until = performance.now() + 2000;
      const check = () => (socks.every((s) => s.sent.size === 0) || performance.now() > until ? finish() : setTimeout(check, 20));
      check();
    }, durationMs);
  });

  // alive until the harness has read its CPU and stops it (an IPC channel alone does not hold it)
  process.stdin.on('end', () => process.exit(0)).resume();
}
