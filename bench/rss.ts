import { readFileSync } from 'node:fs';
import type { Redis } from 'ioredis';
import { spawnTs, stopChild } from './arms.ts';
import { sendTargets } from './ipc.ts';
import { round } from './measure.ts';
import { startPipeline } from './pipeline.ts';
import { rssBytes } from './procs.ts';

// Gateway memory per socket: the gateway alone (no workers), sessions created through its API (one
// socket per session by default), then on a freshly started gateway 1,000 and 10,000 idle sockets opened from several load
// processes. RSS of the gateway process (VmRSS) after each step, less its RSS before any socket,
// divided by the sockets open. The gateway and the load processes raise their soft open-files limit
// to the hard one; the gateway's limit is read and reported (10,000 sockets need about 10,100).

export const RSS_PLAN = {
  steps: (process.env.BENCH_RSS_SOCKETS ?? '1000,10000').split(',').map(Number),
  socketsPerSession: Number(process.env.BENCH_RSS_SOCKETS_PER_SESSION ?? 1),
  socketsPerProcess: 2500,
  settleMs: 3000,
};

export interface RssContext { redis: Redis; redisUrl: string; databaseUrl: string; prefix: string; runId: string; tokenSecret: string }

export interface RssStep { sockets: number; opened: number; failed: number; firstError?: string; rssBytes: number; bytesPerSocket: number }
export interface RssResult { plan: typeof RSS_PLAN; openFilesLimit: string; rssBaseBytes: number; steps: RssStep[] }

const openFilesLimit = (pid: number | 'self') => /^Max open files\s+(\S+)\s+(\S+)/m.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))?.slice(1, 3).join(' soft / ') + ' hard';

export async function runRss(ctx: RssContext): Promise<RssResult> {
  const prefix = `${ctx.prefix}rss`;
  const max = Math.max(...RSS_PLAN.steps);
  const options = { ...ctx, prefix, adminKey: `bench-admin-${ctx.runId}-key`, services: ['gateway'], manyFiles: true };
  // the sessions are created by one gateway process, the sockets opened on a fresh one (same
  // database, prefix and token secret): the heap left by 10,000 API calls would blur the baseline
  const creator = await startPipeline(options);
  let sessions;
  try {
    sessions = await creator.createSessions(Math.ceil(max / RSS_PLAN.socketsPerSession));
  } finally {
    await creator.stop();
  }
  const pipeline = await startPipeline(options);
  const loaders: ReturnType<typeof spawnTs>[] = [];
  try {
    const ws = (url: string) => url.replace(creator.base.replace(/^http/, 'ws'), pipeline.base.replace(/^http/, 'ws'));
    const targets = Array.from({ length: max }, (_, i) => sessions[Math.floor(i / RSS_PLAN.socketsPerSession)]!).map((t) => ({ ...t, url: ws(t.url) }));
    const gw = pipeline.pids.gateway!;
    await new Promise((r) => setTimeout(r, RSS_PLAN.settleMs));
    const base = rssBytes(gw);
    const steps: RssStep[] = [];
    let open = 0;
    let opened = 0;
    let failed = 0;
    let firstError: string | undefined;
    for (const step of [...RSS_PLAN.steps].sort((a, b) => a - b)) {
      const batch: Promise<{ opened: number; failed: number; firstError: string }>[] = [];
      for (let i = open; i < step; i += RSS_PLAN.socketsPerProcess) {
        const c = spawnTs('bench/idle-load.ts', {}, true, undefined, true);
        sendTargets(c, targets.slice(i, Math.min(step, i + RSS_PLAN.socketsPerProcess)));
        loaders.push(c);
        batch.push(new Promise((resolve, reject) => {
          c.on('message', (m: { kind: string }) => m.kind === 'ready' && resolve(m as never));
          c.once('exit', (code) => reject(new Error(`rss: a load process exited (${code})`)));
        }));
      }
      for (const r of await Promise.all(batch)) {
        opened += r.opened;
        failed += r.failed;
        firstError ||= r.firstError || undefined;
      }
      open = step;
      await new Promise((r) => setTimeout(r, RSS_PLAN.settleMs));
      const rss = rssBytes(gw);
      steps.push({ sockets: step, opened, failed, firstError, rssBytes: rss, bytesPerSocket: round((rss - base) / Math.max(1, opened), 0) });
      console.log(`rss: ${opened} idle sockets open (${failed} failed): gateway RSS ${round(rss / 2 ** 20, 1)} MiB, ${round((rss - base) / Math.max(1, opened), 0)} bytes per socket`);
    }
    return { plan: RSS_PLAN, openFilesLimit: openFilesLimit(gw), rssBaseBytes: base, steps };
  } finally {
    await Promise.all(loaders.map(stopChild));
    await pipeline.stop();
  }
}
