import { Redis } from 'ioredis';
import { encodeHistogram, newHistogram, recordMs } from './hdr.ts';

// Redis's own cost: the same entry XADDed in a closed loop with the same number in flight as the
// socket arms, no socket in between. Reports like a load client (IPC), so the harness treats it alike.

const stream = String(process.env.BENCH_STREAM);
const inFlight = Number(process.env.BENCH_IN_FLIGHT);
const durationMs = Number(process.env.BENCH_DURATION_MS);
const payload = String(process.env.BENCH_PAYLOAD);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

const send = (m: unknown) => process.send?.(m);

process.once('message', async () => {
  const hist = newHistogram();
  let acks = 0;
  const stopAt = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < stopAt) {
      const t = performance.now();
      await redis.xadd(stream, '*', 'f', payload);
      recordMs(hist, performance.now() - t);
      acks += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  send({ kind: 'done', acks, hist: encodeHistogram(hist), perSocket: [] });
  // stays up (its CPU is read after this report); the harness stops it
});
await redis.ping();
send({ kind: 'ready' });

// alive until the harness has read its CPU and stops it (an IPC channel alone does not hold it)
process.stdin.on('end', () => process.exit(0)).resume();
