import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { Readiness } from './readiness.ts';

// Every service instance's readiness, published to one Redis hash (field `<service>/<instance>`)
// so that any gateway's /readyz, an operator or a dashboard sees the whole system, whichever way it
// runs (npm start, compose, several machines). A field not refreshed for a while is an instance
// that is gone; readers drop such fields after an hour.

export interface HealthRecord {
  service: string;
  instance: string;
  ready: boolean;
  checks: Readiness['checks'];
  at: number;
}

export interface ServiceHealth {
  /** instances that reported recently */
  instances: number;
  ready: number;
  /** what the instances that are not ready say */
  problems: string[];
}

const FORGET_AFTER_MS = 3600_000;

/** How often every service reports its readiness (ASSESS_HEALTH_EVERY_MS, default 2 s). */
export function healthEveryMs(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.ASSESS_HEALTH_EVERY_MS) || 2000;
}

/** A report older than this is an instance that is gone (three missed periods and a second). */
export const freshForMs = (env: NodeJS.ProcessEnv = process.env) => 3 * healthEveryMs(env) + 1000;

export interface HealthPublisher {
  publish(r: Readiness): Promise<void>;
  /** at a clean stop, so readers do not wait for the instance to go stale */
  withdraw(): Promise<void>;
}

export function healthPublisher(redis: Redis, key: string, service: string, instance = `${hostname()}-${process.pid}`): HealthPublisher {
  const field = `${service}/${instance}`;
  return {
    async publish(r) {
      const rec: HealthRecord = { service, instance, ready: r.ready, checks: r.checks, at: Date.now() };
      await redis.hset(key, field, JSON.stringify(rec));
    },
    async withdraw() {
      await redis.hdel(key, field).catch(() => undefined);
    },
  };
}

/** Per service: instances seen within `freshMs`, how many are ready, and the problems of the others. */
export async function readHealth(redis: Redis, key: string, freshMs: number, now = Date.now()): Promise<Record<string, ServiceHealth>> {
  const all = await redis.hgetall(key);
  const out: Record<string, ServiceHealth> = {};
  const forget: string[] = [];
  for (const [field, json] of Object.entries(all)) {
    let rec: HealthRecord;
    try {
      rec = JSON.parse(json) as HealthRecord;
    } catch {
      forget.push(field);
      continue;
    }
    if (now - rec.at > FORGET_AFTER_MS) forget.push(field);
    if (now - rec.at > freshMs) continue;
    const s = (out[rec.service] ??= { instances: 0, ready: 0, problems: [] });
    s.instances++;
    if (rec.ready) s.ready++;
    else s.problems.push(Object.entries(rec.checks).filter(([, v]) => v !== 'ok').map(([k, v]) => `${k}: ${v}`).join('; ') || 'not ready');
  }
  if (forget.length) await redis.hdel(key, ...forget);
  return out;
}
