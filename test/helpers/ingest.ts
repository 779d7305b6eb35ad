import assert from 'node:assert/strict';
import type { IngestDeps, Reply, Writer } from '../../shared/ingest.ts';
import type { ClientFrame } from '../../shared/protocol.ts';
import { randomId, type TestRedis } from './env.ts';

// What the ingest tests share: the write path's deps on a test Redis, a fresh candidate, a
// code_update, and an ack asserted as one.

export const limits = { maxFrameBytes: 1 << 20, maxCodeBytes: 256 * 1024, maxAnswerBytes: 16 * 1024 };

export function ingestDeps(tr: TestRedis): IngestDeps {
  return { redis: tr.redis, keys: tr.keys, limits, ingestTtlSec: 3600, reportUrl: (id) => `http://test/v1/sessions/${id}/report` };
}

export const candidate = (): Writer => ({ sessionId: `s${randomId()}`, role: 'candidate' });

export const update = (seq: number, code = `x = ${seq}\n`, id?: string): ClientFrame =>
  ({ type: 'code_update', seq, code, language: 'python', ts: 1000 + seq, ...(id ? { id } : {}) });

export type Ack = Extract<Reply, { type: 'ack' }>;

export function ack(r: Reply): Ack {
  assert.equal(r.type, 'ack', `expected an ack, got ${JSON.stringify(r)}`);
  return r as Ack;
}
