import type { Redis } from 'ioredis';
import type { Consumer } from './consumer.ts';
import type { Queryable } from './db/pool.ts';

// A service's readiness: its dependencies answer and its consumer loops run. Every service builds
// one from what it holds; the lifecycle reports it to the runner (IPC) and the gateway serves its
// own on /readyz. A check that does not answer in time counts as down: a hung dependency must not
// hang the probe.

export type CheckResult = 'ok' | string;

export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessParts {
  redis?: Redis;
  db?: Queryable;
  consumers?: Consumer[];
  /** further checks: resolve true when fine, false or throw when not */
  extra?: Record<string, () => boolean | Promise<boolean>>;
}

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}

async function check(fn: () => unknown, timeoutMs: number): Promise<CheckResult> {
  try {
    const ok = await withTimeout(Promise.resolve().then(fn), timeoutMs);
    return ok === false ? 'failing' : 'ok';
  } catch (err) {
    return errorText(err);
  }
}

export function readinessOf(parts: ReadinessParts, timeoutMs = 2000): () => Promise<Readiness> {
  return async () => {
    const named: [string, () => unknown][] = [];
    if (parts.redis) named.push(['redis', () => parts.redis!.ping()]);
    if (parts.db) named.push(['postgres', () => parts.db!.query('SELECT 1')]);
    for (const c of parts.consumers ?? []) {
      named.push([`consumer ${c.name}`, () => {
        const h = c.health();
        if (!h.ok) throw new Error(h.reason ?? 'not running');
        return true;
      }]);
    }
    for (const [name, fn] of Object.entries(parts.extra ?? {})) named.push([name, fn]);
    const results = await Promise.all(named.map(([, fn]) => check(fn, timeoutMs)));
    const checks = Object.fromEntries(named.map(([name], i) => [name, results[i]]));
    return { ready: results.every((r) => r === 'ok'), checks };
  };
}
