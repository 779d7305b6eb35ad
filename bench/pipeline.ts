import type { ChildProcess } from 'node:child_process';
import type { Redis } from 'ioredis';
import { freePort } from '../test/helpers/env.ts';
import { GROUPS } from '../shared/groups.ts';
import { createKeys } from '../shared/keys.ts';
import { httpJson, spawnTs, stopChild, waitHttp, type Target } from './arms.ts';

// The whole system as `npm start` runs it — gateway, snapshotter, trigger, agent (heuristic
// provider, no API key), reporter — each its own process, on the bench's fresh database and a fresh
// key prefix. No Chroma: the agent's retrieval is off without CHROMA_URL, as on a machine without it.

export const SERVICES = ['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'] as const;

export interface PipelineOptions {
  redis: Redis;
  redisUrl: string;
  databaseUrl: string;
  prefix: string;
  adminKey: string;
  tokenSecret: string;
  /** which services (default all five) */
  services?: readonly string[];
  /** extra environment for every service */
  env?: Record<string, string>;
  /** raise the services' open-files limit to the hard limit (thousands of sockets) */
  manyFiles?: boolean;
}

export interface Pipeline {
  base: string;
  prefix: string;
  pids: Record<string, number>;
  createSessions(n: number, settings?: Record<string, unknown>): Promise<Target[]>;
  stop(): Promise<void>;
}

export async function startPipeline(o: PipelineOptions): Promise<Pipeline> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: base, REDIS_URL: o.redisUrl, REDIS_PREFIX: o.prefix, DATABASE_URL: o.databaseUrl,
    ADMIN_API_KEY: o.adminKey, TOKEN_SECRET: o.tokenSecret, LLM_PROVIDER: 'heuristic', OPENAI_API_KEY: '', CHROMA_URL: '', ...o.env,
  };
  const children = new Map<string, ChildProcess>();
  for (const name of o.services ?? SERVICES) children.set(name, spawnTs(`services/${name}/main.ts`, env, false, undefined, o.manyFiles));
  const stop = async () => void (await Promise.all([...children.values()].map(stopChild)));
  try {
    if (children.has('gateway')) await waitHttp(`${base}/readyz`, children.get('gateway')!);
    // the workers are ready once their groups exist on P:in (each creates its own at start)
    const keys = createKeys(o.prefix);
    const wanted = Object.entries(GROUPS.in).filter(([svc]) => children.has(svc)).map(([, g]) => g);
    for (const until = Date.now() + 60_000; ;) {
      const groups = await (o.redis.xinfo('GROUPS', keys.in) as Promise<unknown[][]>).catch(() => [] as unknown[][]);
      const names = new Set(groups.map((g) => String(g[1])));
      if (wanted.every((g) => names.has(g))) break;
      for (const [name, c] of children) if (c.exitCode !== null) throw new Error(`${name} exited with ${c.exitCode} at start`);
      if (Date.now() > until) throw new Error(`the workers' groups did not appear on ${keys.in} in 60 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const createSessions = async (n: number, settings?: Record<string, unknown>) => {
    const out: Target[] = new Array(n);
    let next = 0;
    // a few requests at once: creating 10,000 sessions one by one would take minutes
    const worker = async () => {
      for (let i = next++; i < n; i = next++) {
        const body = { candidate: { name: `Bench ${i}`, email: `bench${i}@example.com` }, problem: { title: 'Bench', statement: 'Load.', language: 'python' }, ...(settings ? { settings } : {}) };
        const res = await httpJson(`${base}/v1/sessions`, 'POST', o.adminKey, body);
        if (res.status !== 201 && res.status !== 200) throw new Error(`session create: ${res.status} ${JSON.stringify(res.json)}`);
        out[i] = { url: res.json.wsUrl, token: res.json.candidateToken, sessionId: res.json.id };
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    return out;
  };
  return { base, prefix: o.prefix, pids: Object.fromEntries([...children].map(([k, c]) => [k, c.pid!])), createSessions, stop };
}
