import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { ClientFrame } from '../shared/protocol.ts';

// The Socket.IO arm: the ingest job done the usual Socket.IO way — each 'frame' event parsed and
// validated with the gateway's own zod schema (ClientFrame), XADDed, and acknowledged with the entry
// id. No auth, no dedupe (like the raw pipe). Started as its own process; ends when stdin ends.

const port = Number(process.env.PORT);
const stream = String(process.env.BENCH_STREAM);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const http = createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  res.statusCode = 404;
  res.end();
});
const server = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 1 << 20, serveClient: false });

server.on('connection', (socket) => {
  socket.on('frame', (text: string) => {
    let id: string | undefined;
    try {
      const parsed = ClientFrame.safeParse(JSON.parse(text));
      if (!parsed.success) return void socket.emit('reply', { type: 'error', code: 'invalid', message: parsed.error.message });
      const frame = parsed.data as { id?: string; seq?: number };
      id = frame.id;
      redis.xadd(stream, '*', 'f', text).then(
        (eventId) => socket.emit('reply', { type: 'ack', id, eventId, seq: frame.seq }),
        () => socket.emit('reply', { type: 'error', id, code: 'unavailable' }),
      );
    } catch {
      socket.emit('reply', { type: 'error', id, code: 'invalid_json' });
    }
  });
});

http.listen(port, '127.0.0.1');
process.stdin.on('end', () => process.exit(0)).resume();
process.on('SIGTERM', () => process.exit(0));
