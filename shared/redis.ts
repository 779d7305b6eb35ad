import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';

export { Redis };

/** The shared client for ordinary commands. Auto-pipelining batches concurrent calls into one write. */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { connectionName: name, enableAutoPipelining: true, maxRetriesPerRequest: 20, lazyConnect: false });
}

/**
 * A client for blocking reads only: a blocked connection cannot serve other commands, and a retry
 * limit would turn a long Redis outage into a crash of the reading loop, which retries by itself.
 */
export function createBlockingRedis(base: Redis, name: string): Redis {
  return base.duplicate({ connectionName: name, enableAutoPipelining: false, maxRetriesPerRequest: null });
}

/** A Lua script run by SHA, loaded on NOSCRIPT (after a Redis restart or SCRIPT FLUSH). */
export class LuaScript {
  readonly sha: string;
  constructor(readonly name: string, readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  static load(name: string): LuaScript {
    return new LuaScript(name, readFileSync(new URL(`./lua/${name}.lua`, import.meta.url), 'utf8'));
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.includes('NOSCRIPT')) throw err;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

export const scripts = {
  ingestBatch: LuaScript.load('ingest-batch'),
  emitOnce: LuaScript.load('emit-once'),
  emitQuestion: LuaScript.load('emit-question'),
  deadLetter: LuaScript.load('dead-letter'),
  triggerCommit: LuaScript.load('trigger-commit'),
  triggerAnswered: LuaScript.load('trigger-answered'),
  triggerSchedule: LuaScript.load('trigger-schedule'),
  triggerEnd: LuaScript.load('trigger-end'),
  triggerDue: LuaScript.load('trigger-due'),
  triggerFollowUp: LuaScript.load('trigger-follow-up'),
  chatAppend: LuaScript.load('chat-append'),
  trimIn: LuaScript.load('trim-in'),
  claimKeep: LuaScript.load('claim-keep'),
};

export async function redisAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  probe.on('error', () => undefined); // the answer is the result; the error needs no log line of its own
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
