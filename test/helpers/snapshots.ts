import { randomUUID } from 'node:crypto';
import type { StreamMessage } from '../../shared/consumer.ts';
import type { Queryable } from '../../shared/db/pool.ts';
import type { ClientFrame } from '../../shared/protocol.ts';
import type { InEntry } from '../../shared/streams.ts';
import { persistPlan, planBatch } from '../../services/snapshotter/persist.ts';
import type { TipCache } from '../../services/snapshotter/tips.ts';
import type { SessionScript } from '../../eval/sessions/script.ts';
import { simulate } from '../../eval/sessions/typing.ts';

// Recorded typing sessions (eval/sessions) as the P:in entries the snapshotter reads, and a way to
// persist them in batches of uneven size, as the consumer hands them over. Used by the snapshot
// tests and bench/snapshots.ts.

export async function insertSession(db: Queryable, language = 'python'): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO sessions (id, candidate, problem, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`,
    [id, { name: 'Ada' }, { title: 'Snapshots', statement: '…', language }],
  );
  return id;
}

let clock = Date.UTC(2024, 0, 2, 10, 0, 0);

export function entry(sessionId: string, frame: ClientFrame): StreamMessage<InEntry> {
  const at = clock++;
  return { id: `${at}-0`, stream: 'test:in', fields: {}, body: { sessionId, role: 'candidate', type: frame.type, frame, at } };
}

export const codeUpdate = (seq: number, code: string, language = 'python'): ClientFrame => ({ type: 'code_update', seq, code, language, ts: 1000 + seq });

/** The code_update frames of a recorded session, as the typist's editor sends them. */
export function recordedFrames(script: SessionScript): ClientFrame[] {
  return simulate(script).events.flatMap((e) => (e.kind === 'code' ? [e.frame as ClientFrame] : []));
}

/** Persists the entries in batches of 1 to `maxBatch` (a fixed uneven pattern), with the given cache. */
export async function persistInBatches(db: Queryable, msgs: StreamMessage<InEntry>[], tips: TipCache, maxBatch = 12): Promise<void> {
  for (let i = 0, n = 0; i < msgs.length; n++) {
    const size = 1 + ((n * 7) % maxBatch);
    await persistPlan(db, planBatch(msgs.slice(i, i + size)), tips);
    i += size;
  }
}

/**
 * One long session: every recorded session typed one after another into the same file, each below
 * the finished code of those before it (≈ 100 minutes, ≈ 3,200 versions, ending near 12 KB).
 */
export function longSessionFrames(scripts: SessionScript[]): ClientFrame[] {
  const out: ClientFrame[] = [];
  let above = '';
  for (const script of scripts) {
    let last = '';
    for (const f of recordedFrames(script)) {
      if (f.type !== 'code_update') continue;
      out.push({ ...f, seq: out.length + 1, code: above + f.code });
      last = f.code;
    }
    above += `${last}\n`;
  }
  return out;
}
