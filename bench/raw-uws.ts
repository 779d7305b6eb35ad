import { Redis } from 'ioredis';
import { loadUws } from '../services/gateway/uws.ts';

// The baseline arm: the least a socket-to-Redis pipe can do — parse the JSON, XADD it, ack with the
// entry id. No auth, no validation, no dedupe. Started as its own process; ends when stdin ends.

const port = Number(process.env.PORT);
const stream = String(process.env.BENCH_STREAM);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const { uws } = loadUws(false);

interface Conn { open: boolean }

uws.App()
  .ws<Conn>('/*', {
    maxPayloadLength: 1 << 20,
    open: (ws) => void (ws.getUserData().open = true),
    close: (ws) => void (ws.getUserData().open = false),
    message: (ws, message) => {
      const text = Buffer.from(message).toString('utf8');
      const frame = JSON.parse(text) as { id?: string; seq?: number };
      redis.xadd(stream, '*', 'f', text).then((eventId) => {
        if (ws.getUserData().open) ws.send(JSON.stringify({ type: 'ack', id: frame.id, eventId, seq: frame.seq }));
      }, () => undefined);
    },
  })
  .get('/healthz', (res) => void res.end('ok'))
  .listen('127.0.0.1', port, (token) => {
    if (!token) throw new Error(`cannot listen on ${port}`);
  });

process.stdin.on('end', () => process.exit(0)).resume();
process.on('SIGTERM', () => process.exit(0));
