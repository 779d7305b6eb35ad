import WebSocket from 'ws';

// One load process: its sockets, each keeping a fixed number of code_update frames in flight
// (closed loop: every ack sends the next). Waits for 'go' over IPC, stops sending after the
// duration, waits briefly for what is still in flight, and reports acks and ack latencies.

interface Target { url: string; token?: string; sessionId: string }

const targets = JSON.parse(String(process.env.BENCH_TARGETS)) as Target[];
const inFlight = Number(process.env.BENCH_IN_FLIGHT);
const durationMs = Number(process.env.BENCH_DURATION_MS);
const code = String(process.env.BENCH_CODE);
const send = (m: unknown) => process.send?.(m);

interface Sock { ws: WebSocket; seq: number; sent: Map<string, number>; acks: number; errors: number; target: Target }

const latencies: number[] = [];
let running = false;
let stopping = false;

function frame(s: Sock): string {
  s.seq += 1;
  const id = String(s.seq);
  s.sent.set(id, performance.now());
  // the last line changes with every update, as an editor's would
  return JSON.stringify({ type: 'code_update', id, seq: s.seq, code: `${code}\n# edit ${s.seq}\n`, language: 'python', ts: Date.now() });
}

function open(target: Target): Promise<Sock> {
  const ws = new WebSocket(target.url, target.token ? [`bearer.${target.token}`] : []);
  const s: Sock = { ws, seq: 0, sent: new Map(), acks: 0, errors: 0, target };
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: string };
      if (msg.type === 'welcome') return resolve(s);
      if ((msg.type !== 'ack' && msg.type !== 'error') || msg.id === undefined) return;
      const t = s.sent.get(msg.id);
      if (t === undefined) return;
      s.sent.delete(msg.id);
      if (msg.type === 'ack') {
        s.acks += 1;
        latencies.push(performance.now() - t);
      } else s.errors += 1;
      if (running && !stopping) ws.send(frame(s));
      else if (stopping && s.sent.size === 0) ws.close();
    });
    ws.once('open', () => (target.token ? undefined : resolve(s)));
    ws.once('error', reject);
  });
}

const socks = await Promise.all(targets.map(open));
send({ kind: 'ready' });
process.once('message', () => {
  running = true;
  for (const s of socks) for (let i = 0; i < inFlight; i++) s.ws.send(frame(s));
  setTimeout(() => {
    stopping = true;
    const finish = () => {
      send({ kind: 'done', acks: latencies.length, latencies, perSocket: socks.map((s) => ({ sessionId: s.target.sessionId, acks: s.acks, errors: s.errors })) });
      for (const s of socks) s.ws.terminate();
    };
    // what is still in flight gets 2 s; then the report goes out regardless
    const until = performance.now() + 2000;
    const check = () => (socks.every((s) => s.sent.size === 0) || performance.now() > until ? finish() : setTimeout(check, 20));
    check();
  }, durationMs);
});

// alive until the harness has read its CPU and stops it (an IPC channel alone does not hold it)
process.stdin.on('end', () => process.exit(0)).resume();
