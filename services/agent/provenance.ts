import type { Queryable } from '../../shared/db/pool.ts';
import { promptHash } from './brain.ts';
import type { ResilientResult } from './resilience.ts';

// Every model call, whichever provider answered, lands in llm_calls keyed by what caused it. A
// redelivered request finds its row and reuses the stored output instead of calling again, so a
// question or grade happens once and an audit replay can reproduce it from the table.

export interface CallKey {
  key: string;
  kind: 'question' | 'evaluation' | 'follow_up' | 'report';
  sessionId: string;
  interactionId: string | null;
}

export interface Recorded<T> {
  output: T;
  provider: string;
  model: string;
  fallback: boolean;
  reused: boolean;
  error: string | null;
}

interface Row {
  provider: string;
  model: string;
  fallback: boolean;
  parsed_output: unknown;
  error: string | null;
}

export async function recordedCall<T>(
  db: Queryable,
  call: CallKey,
  retrievedIds: string[],
  run: () => Promise<ResilientResult<T>>,
): Promise<Recorded<T>> {
  const prior = await db.query<Row>('SELECT provider, model, fallback, parsed_output, error FROM llm_calls WHERE call_key = $1', [call.key]);
  if (prior.rows[0]) {
    const r = prior.rows[0];
    return { output: r.parsed_output as T, provider: r.provider, model: r.model, fallback: r.fallback, reused: true, error: r.error };
  }
  const res = await run();
  const inserted = await db.query<Row>(
    `INSERT INTO llm_calls (session_id, interaction_id, call_key, kind, provider, model, prompt_hash, retrieved_ids,
                            raw_output, parsed_output, error, latency_ms, fallback, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (call_key) DO NOTHING
     RETURNING provider, model, fallback, parsed_output, error`,
    [call.sessionId, call.interactionId, call.key, call.kind, res.provider, res.model, promptHash(res.promptText ?? ''), retrievedIds,
      res.raw ?? null, JSON.stringify(res.output), res.error ?? null, res.latencyMs, res.fallback, res.attempts],
  );
  if (inserted.rows[0]) return { output: res.output, provider: res.provider, model: res.model, fallback: res.fallback, reused: false, error: res.error ?? null };
  // Another replica recorded the same call first: its output is the one that counts.
  return recordedCall(db, call, retrievedIds, run);
}
