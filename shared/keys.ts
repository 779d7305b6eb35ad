// The one place that builds every Redis key, and the one that parses them back (y-redis style).
// No braces: in Redis Cluster they are hash tags, and a cluster layout should choose them on purpose.

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export type KeyKind = 'in' | 'ask' | 'dlq' | 'due' | 'health' | 'out' | 'state' | 'chat' | 'ingest' | 'once' | 'ctl';

const PER_SESSION: ReadonlySet<KeyKind> = new Set(['out', 'state', 'chat', 'ingest', 'once']);

export interface Keys {
  prefix: string;
  /** stream: every client frame that passed validation */
  in: string;
  /** stream: question requests from the trigger */
  ask: string;
  /** stream: entries that failed too many deliveries, with the error */
  dlq: string;
  /** sorted set: session id -> the trigger's next wake time (ms), claimed by trigger-due.lua */
  due: string;
  /** hash: `<service>/<instance>` -> its latest readiness (shared/health.ts) */
  health: string;
  /** stream: everything a session's sockets should see */
  out(sessionId: string): string;
  /** hash: trigger state */
  state(sessionId: string): string;
  /** list: chat history for the model */
  chat(sessionId: string): string;
  /** hash: gateway seq dedupe, bounded — a ring of the last 128 seqs ('r<seq % 128>' -> '<seq>:<first entry id>'), last seq, closed flag, TTL stamp (ingest-batch.lua) */
  ingest(sessionId: string): string;
  /** hash: emit-once markers for out entries (dedupe id -> entry id) */
  once(sessionId: string): string;
  /** stream: wakes one gateway's reply reader when a session joins */
  ctl(gatewayId: string): string;
  /** every per-session key, for erasure */
  sessionKeys(sessionId: string): string[];
}

export function assertSessionId(id: string): string {
  if (!SESSION_ID.test(id)) throw new Error(`invalid session id: ${JSON.stringify(id)}`);
  return id;
}

export function createKeys(prefix: string): Keys {
  const per = (kind: KeyKind) => (id: string) => `${prefix}:${kind}:${assertSessionId(id)}`;
  const keys: Keys = {
    prefix,
    in: `${prefix}:in`,
    ask: `${prefix}:ask`,
    dlq: `${prefix}:dlq`,
    due: `${prefix}:due`,
    health: `${prefix}:health`,
    out: per('out'),
    state: per('state'),
    chat: per('chat'),
    ingest: per('ingest'),
    once: per('once'),
    ctl: per('ctl'),
    sessionKeys: (id) => [...PER_SESSION].map((k) => per(k)(id)),
  };
  return keys;
}

export interface ParsedKey {
  kind: KeyKind;
  /** the session id, or the gateway id for `ctl` */
  id?: string;
}

export function parseKey(prefix: string, key: string): ParsedKey | null {
  if (!key.startsWith(`${prefix}:`)) return null;
  const rest = key.slice(prefix.length + 1);
  const colon = rest.indexOf(':');
  const kind = (colon < 0 ? rest : rest.slice(0, colon)) as KeyKind;
  if (colon < 0) return kind === 'in' || kind === 'ask' || kind === 'dlq' || kind === 'due' || kind === 'health' ? { kind } : null;
  const id = rest.slice(colon + 1);
  if (!(PER_SESSION.has(kind) || kind === 'ctl') || !SESSION_ID.test(id)) return null;
  return { kind, id };
}
