import type { Redis } from 'ioredis';
import type { Keys } from '../../shared/keys.ts';
import { parseKey } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { createBlockingReader } from '../../shared/blocking.ts';
import { compareStreamIds, fieldsToRecord, OutEntry } from '../../shared/streams.ts';

// One reader per gateway process over the out streams of its connected sessions (y-redis style).
// A session joining writes to this gateway's control stream, which is part of the same XREAD, so
// the reader wakes at once instead of after BLOCK. Each sink keeps the id of the last entry it got:
// backlog replay and live delivery can overlap without a gap or a duplicate.

export interface Sink {
  /** false when the sink can take no more (closed or backpressure); it will be dropped */
  deliver(eventId: string, entry: OutEntry): boolean;
}

interface SinkState {
  sink: Sink;
  lastSent: string;
  ready: boolean;
}

interface SessionState {
  /** id of the last entry the reader has seen; null until the first join has positioned it */
  cursor: string | null;
  sinks: Map<Sink, SinkState>;
}

export interface RelayDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
  gatewayId: string;
  blockMs?: number;
  count?: number;
}

export interface Relay {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Replays everything after `after` to the sink, then keeps it live. */
  join(sessionId: string, sink: Sink, after: string, latest?: string): Promise<void>;
  leave(sessionId: string, sink: Sink): void;
  /** The newest entry id of a session's out stream, or 0-0. */
  latestId(sessionId: string): Promise<string>;
  sessionCount(): number;
}

type RawEntry = [string, string[]];
const REPLAY_PAGE = 500;

export function createRelay(deps: RelayDeps): Relay {
  const { redis, keys } = deps;
  const log = deps.log.child({ role: 'relay', gatewayId: deps.gatewayId });
  const blockMs = Math.min(deps.blockMs ?? 2000, 5000);
  const count = deps.count ?? 100;
  const ctlKey = keys.ctl(deps.gatewayId);
  const sessions = new Map<string, SessionState>();
  let ctlCursor = '0-0';
  const reader = createBlockingReader(redis, `${deps.gatewayId}:relay`, blockMs, log);
  let stopping = false;
  let loop: Promise<void> | null = null;

  function decode(fields: string[], id: string, sessionId: string): OutEntry | null {
    const parsed = OutEntry.safeParse(fieldsToRecord(fields));
    if (parsed.success) return parsed.data;
    log.error({ sessionId, streamId: id }, 'undecodable out entry skipped');
    return null;
  }

  function deliver(sessionId: string, state: SinkState, id: string, fields: string[]): void {
    if (compareStreamIds(id, state.lastSent) <= 0) return;
    const entry = decode(fields, id, sessionId);
    state.lastSent = id;
    if (entry && !state.sink.deliver(id, entry)) leave(sessionId, state.sink);
  }

  function leave(sessionId: string, sink: Sink): void {
    const s = sessions.get(sessionId);
    if (!s) return;
    s.sinks.delete(sink);
    if (s.sinks.size === 0) sessions.delete(sessionId);
  }

  async function wake(): Promise<void> {
    await redis.multi().xadd(ctlKey, 'MAXLEN', '~', '100', '*', 'join', '1').expire(ctlKey, 86_400).exec();
  }

  /** `known`: the newest id, when the caller already read it (for the welcome); saves a round trip. */
  async function join(sessionId: string, sink: Sink, after: string, known?: string): Promise<void> {
    let s = sessions.get(sessionId);
    if (!s) {
      s = { cursor: null, sinks: new Map() };
      sessions.set(sessionId, s);
    }
    // A client cannot resume from an id the stream has not reached: that would park the session's
    // reader in the future, past entries still to come.
    const latest = known ?? (await latestId(sessionId));
    const state: SinkState = { sink, lastSent: compareStreamIds(after, latest) > 0 ? latest : after, ready: false };
    s.sinks.set(sink, state);
    const key = keys.out(sessionId);
    for (;;) {
      const page = (await redis.xrange(key, `(${state.lastSent}`, '+', 'COUNT', REPLAY_PAGE)) as RawEntry[];
      if (sessions.get(sessionId) !== s || !s.sinks.has(sink)) return; // left while replaying
      for (const [id, fields] of page) deliver(sessionId, state, id, fields);
      if (!s.sinks.has(sink)) return;
      if (page.length === REPLAY_PAGE) continue;
      if (s.cursor === null) {
        s.cursor = state.lastSent;
        state.ready = true;
        await wake();
        return;
      }
      // The reader may already have passed this point for other sinks; replay up to it first. An
      // empty page means nothing exists past lastSent, so there is nothing left to catch up on.
      if (page.length === 0 || compareStreamIds(s.cursor, state.lastSent) <= 0) {
        state.ready = true;
        return;
      }
    }
  }

  async function readOnce(): Promise<void> {
    const ids: string[] = [];
    const streamKeys: string[] = [];
    for (const [sessionId, s] of sessions) {
      if (s.cursor === null) continue;
      streamKeys.push(keys.out(sessionId));
      ids.push(s.cursor);
    }
    const reply = (await reader.read('XREAD', ['COUNT', count, 'BLOCK', blockMs, 'STREAMS', ctlKey, ...streamKeys, ctlCursor, ...ids])) as [string, RawEntry[]][] | null;
    for (const [key, entries] of reply ?? []) {
      if (!entries.length) continue;
      const last = entries[entries.length - 1][0];
      if (key === ctlKey) {
        ctlCursor = last;
        continue;
      }
      const parsed = parseKey(keys.prefix, key);
      const s = parsed?.id ? sessions.get(parsed.id) : undefined;
      if (!s || !parsed?.id) continue;
      for (const [id, fields] of entries) {
        for (const state of [...s.sinks.values()]) if (state.ready) deliver(parsed.id, state, id, fields);
      }
      if (s.cursor === null || compareStreamIds(last, s.cursor) > 0) s.cursor = last;
    }
  }

  async function run(): Promise<void> {
    let backoff = 100;
    while (!stopping) {
      try {
        await readOnce();
        backoff = 100;
      } catch (err) {
        if (stopping) break;
        log.error({ err: err instanceof Error ? err.message : String(err) }, 'relay read failed');
        await new Promise((r) => setTimeout(r, backoff));
        backoff = Math.min(backoff * 2, 5000);
      }
    }
  }

  async function latestId(sessionId: string): Promise<string> {
    const last = (await redis.xrevrange(keys.out(sessionId), '+', '-', 'COUNT', 1)) as RawEntry[];
    return last[0]?.[0] ?? '0-0';
  }

  return {
    async start() {
      // Position the control cursor before any join can write to it.
      const last = (await redis.xrevrange(ctlKey, '+', '-', 'COUNT', 1)) as RawEntry[];
      ctlCursor = last[0]?.[0] ?? '0-0';
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      await reader.unblock();
      await loop;
      loop = null;
      await reader.close();
      await redis.del(ctlKey).catch(() => undefined);
      sessions.clear();
    },
    join,
    leave,
    latestId,
    sessionCount: () => sessions.size,
  };
}
