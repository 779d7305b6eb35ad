import { createHash } from 'node:crypto';
import type { Queryable } from '../db/pool.ts';
import type { ResilientResult } from './resilience.ts';

// Every model call, whichever provider answered (the agent's questions, grades and follow-ups, the
// reporter's summary), lands in llm_calls keyed by what caused it. The
// call is claimed first (a 'running' row), so a request delivered twice at the same moment calls
// the model once: the other delivery waits for the row and reuses its output. An audit replay
// reads the same rows.

export interface CallKey {
  key: string;
  /** the call's purpose */
  kind: 'question' | 'evaluation' | 'follow_up' | 'summary';
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

export interface ClaimOptions {
  /** a 'running' claim older than this is presumed dead (its process crashed) and taken over */
  staleAfterMs: number;
  /** how long a second delivery waits for the first to finish before giving up (and retrying later) */
  waitMs: number;
  pollMs?: number;
}

interface Row {
  status: 'running' | 'done';
  provider: string | null;
  model: string | null;
  fallback: boolean;
  parsed_output: unknown;
  error: string | null;
}

export function promptHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class CallInProgress extends Error {}

const DEFAULTS: ClaimOptions = { staleAfterMs: 120_000, waitMs: 30_000, pollMs: 100 };

/** Claims the call; returns the claim's timestamp (its token), or null when someone else holds it. */
async function claim(db: Queryable, call: CallKey, staleAfterMs: number): Promise<string | null> {
  const fresh = await db.query<{ claimed: string }>(
    `INSERT INTO llm_calls (session_id, interaction_id, call_key, kind, status) VALUES ($1, $2, $3, $4, 'running')
     ON CONFLICT (call_key) DO NOTHING RETURNING claimed_at::text AS claimed`,
    [call.sessionId, call.interactionId, call.key, call.kind],
  );
  if (fresh.rows[0]) return fresh.rows[0].claimed;
  const taken = await db.query<{ claimed: string }>(
    `UPDATE llm_calls SET claimed_at = clock_timestamp() WHERE call_key = $1 AND status = 'running'
        AND claimed_at < now() - $2 * interval '1 millisecond' RETURNING claimed_at::text AS claimed`,
    [call.key, staleAfterMs],
  );
  return taken.rows[0]?.claimed ?? null;
}

async function read(db: Queryable, key: string): Promise<Row | null> {
  const { rows } = await db.query<Row>(
    `SELECT status, provider, model, fallback, parsed_output, error
       FROM llm_calls WHERE call_key = $1`,
    [key],
  );
  return rows[0] ?? null;
}

const reuse = <T>(r: Row): Recorded<T> => ({
  output: r.parsed_output as T, provider: r.provider ?? '', model: r.model ?? '', fallback: r.fallback, reused: true, error: r.error,
});

export async function recordedCall<T>(
  db: Queryable,
  call: CallKey,
  retrievedIds: string[],
  run: () => Promise<ResilientResult<T>>,
  opts: Partial<ClaimOptions> = {},
): Promise<Recorded<T>> {
  const o = { ...DEFAULTS, ...opts };
  const deadline = Date.now() + o.waitMs;
  let token: string | null = null;
  for (;;) {
    const prior = await read(db, call.key);
    if (prior?.status === 'done') return reuse<T>(prior);
    token = await claim(db, call, o.staleAfterMs);
    if (token) break;
    if (Date.now() > deadline) throw new CallInProgress(`model call ${call.key} is still running elsewhere`);
    await new Promise((r) => setTimeout(r, o.pollMs));
  }
  let res: ResilientResult<T>;
  try {
    res = await run();
  } catch (err) {
    // Release the claim so a retry can make the call.
    await db.query(`DELETE FROM llm_calls WHERE call_key = $1 AND status = 'running' AND claimed_at::text = $2`, [call.key, token]);
    throw err;
  }
  // Only the holder of the claim records: a call that took too long and was taken over must not
  // overwrite the output the rest of the session is built on.
  const stored = await db.query(
    `UPDATE llm_calls SET status = 'done', provider = $2, model = $3, prompt_hash = $4, retrieved_ids = $5, raw_output = $6,
            parsed_output = $7, error = $8, latency_ms = $9, fallback = $10, attempts = $11
      WHERE call_key = $1 AND status = 'running' AND claimed_at::text = $12`,
    [call.key, res.provider, res.model, promptHash(res.promptText ?? ''), retrievedIds, res.raw ?? null, JSON.stringify(res.output),
      res.error ?? null, res.latencyMs, res.fallback, res.attempts, token],
  );
  if (!stored.rowCount) return recordedCall(db, call, retrievedIds, run, opts);
  return { output: res.output, provider: res.provider, model: res.model, fallback: res.fallback, reused: false, error: res.error ?? null };
}
