import WebSocket from 'ws';
import { receiveTargets } from './ipc.ts';
import { fileAt } from './files.ts';
import { encodeHistogram, newHistogram, recordMs } from './hdr.ts';
import { latencyFromSchedule, OpenLoopSchedule, type OpenLoopPlan } from './schedule.ts';

// One open-loop load process (S2): its share of the sessions, each sending its realistic file at
// times fixed before the run (bench/schedule.ts), whatever the acks do. Ack latency is measured from
// the scheduled time. Reports, per session, the P:in entry time of every acked update (from the
// ack's eventId), so the harness can tell how old the version a decision was taken on was.

interface Share { url: string; token: string; sessionId: string; index: number }

// the targets come over IPC: thousands of tokens exceed what one environment variable may hold
const share = await receiveTargets<Share>();
const plan = JSON.parse(String(process.env.BENCH_PLAN)) as OpenLoopPlan;
const ackWaitMs = Number(process.env.BENCH_ACK_WAIT_MS ?? 10_000);
const send = (m: unknown) => process.send?.(m);

interface Sock { ws: WebSocket; share: Share; pending: Map<string, number>; acked: number[]; errors: number }

const hist = newHistogram();
let sent = 0;
let acks = 0;
const errorCodes: Record<string, number> = {};

function open(s: Share): Promise<Sock> {
  const ws = new WebSocket(s.url, [`bearer.${s.token}`]);
  const sock: Sock = { ws, share: s, pending: new Map(), acked: [], errors: 0 };
  return new Promise((resolve, reject) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { type: string; id?: string; eventId?: string; code?: string; seq?: number };
      if (msg.type === 'welcome') return resolve(sock);
      if ((msg.type !== 'ack' && msg.type !== 'error') || msg.id === undefined) return;
      const at = sock.pending.get(msg.id);
      if (at === undefined) return;
      sock.pending.delete(msg.id);
      if (msg.type === 'error') {
        sock.errors += 1;
        errorCodes[msg.code ?? '?'] = (errorCodes[msg.code ?? '?'] ?? 0) + 1;
        return;
      }
      acks += 1;
      recordMs(hist, latencyFromSchedule(at, performance.now()));
      // the update's time: the ms part of its P:in entry id
      sock.acked[Number(msg.id) - 1] = Number(String(msg.eventId).split('-')[0]);
    });
    ws.once('error', reject);
    ws.once('close', () => resolve(sock));
  });
}

// open a few at a time: a thousand handshakes at once only measure the accept queue
const socks: Sock[] = [];
for (let i = 0; i < share.length; i += 50) socks.push(...(await Promise.all(share.slice(i, i + 50).map(open))));
const byIndex = new Map(socks.map((s) => [s.share.index, s]));
send({ kind: 'ready' });

process.once('message', (m: { startEpochMs: number }) => {
  const start = performance.now() + (m.startEpochMs - Date.now());
  const schedule = new OpenLoopSchedule(plan, start, share.map((s) => s.index));
  const tick = () => {
    for (const due of schedule.due(performance.now())) {
      const sock = byIndex.get(due.session)!;
      const seq = due.k + 1;
      const v = fileAt(due.session, due.k);
      sock.pending.set(String(seq), due.at);
      sent += 1;
      sock.ws.send(JSON.stringify({ type: 'code_update', id: String(seq), seq, code: v.code, language: 'python', ts: Date.now(), cursor: v.cursor }));
    }
    const wait = schedule.waitMs(performance.now());
    if (wait !== null) return void setTimeout(tick, Math.min(wait, 20));
    const until = performance.now() + ackWaitMs;
    const finish = () => {
      send({
        kind: 'done', sent, acks, hist: encodeHistogram(hist), errorCodes,
        unacked: socks.reduce((n, s) => n + s.pending.size, 0),
        updates: socks.map((s) => ({ sessionId: s.share.sessionId, eventMs: s.acked })),
      });
    };
    const check = () => (socks.every((s) => s.pending.size === 0) || performance.now() > until ? finish() : setTimeout(check, 50));
    check();
  };
  setTimeout(tick, Math.max(0, start - performance.now()));
});

// sockets stay open (idle) until the harness stops this process: closing them is no part of the load
process.stdin.on('end', () => process.exit(0)).resume();
