import type { Queryable } from '../db/pool.ts';
import { applyDelta, codeHash } from './delta.ts';

// The one way to read code out of code_snapshots. A row is a keyframe (the full text in `code`) or
// a delta against an earlier seq (`base_seq`, `delta`); rows from before deltas existed are all
// keyframes. A version is rebuilt by walking back along base_seq to its keyframe (a bounded walk:
// see services/snapshotter/encode.ts) and checked against the row's code_hash, so a wrong or
// edited base can never pass for the candidate's code.

export interface Version {
  seq: number;
  code: string;
  language: string;
  bytes: number;
  lines: number;
  client_ts: number;
  stream_id: string;
  received_at: Date;
}

interface StoredRow extends Omit<Version, 'code'> {
  code: string | null;
  base_seq: number | null;
  delta: Buffer | null;
  code_hash: Buffer | null;
}

/** A version as the audit sees it: rebuilt (maybe not matching its hash), or why it could not be. */
export type Rebuilt = (Version & { hashOk: boolean }) | (Omit<Version, 'code'> & { code: null; error: string });

export class SnapshotBroken extends Error {
  constructor(
    readonly sessionId: string,
    readonly seq: number,
    reason: string,
  ) {
    super(`snapshot ${sessionId} seq ${seq}: ${reason}`);
  }
}

const COLS = 'seq, code, base_seq, delta, code_hash, language, bytes, lines, client_ts, stream_id, received_at';

// Rows of the target versions plus every row their chains pass through. UNION stops a walk where
// another one already went. Every step is a LATERAL … LIMIT 1 so that it stays one primary-key
// probe: joined plainly, the planner scans all the session's rows at every step.
const row = (cols: string, seq: string) => `CROSS JOIN LATERAL (SELECT ${cols} FROM code_snapshots WHERE session_id = $1 AND seq = ${seq} LIMIT 1) c`;

const chainSql = (targets: string) => `
WITH RECURSIVE targets AS (${targets}),
chain (seq, base_seq) AS (
  SELECT c.seq, c.base_seq FROM targets t ${row('seq, base_seq', 't.seq')}
  UNION
  SELECT c.seq, c.base_seq FROM chain ${row('seq, base_seq', 'chain.base_seq')}
)
SELECT c.* FROM chain ${row(COLS, 'chain.seq')} ORDER BY seq`;

// A range: its rows in one index range scan, plus the chains of those built on a seq before it.
const RANGE_SQL = `
WITH RECURSIVE before (seq, base_seq) AS (
  SELECT seq, base_seq FROM code_snapshots WHERE session_id = $1 AND seq BETWEEN $2 AND $3 AND base_seq < $2
  UNION
  SELECT c.seq, c.base_seq FROM before ${row('seq, base_seq', 'before.base_seq')}
)
SELECT ${COLS} FROM code_snapshots WHERE session_id = $1 AND seq BETWEEN $2 AND $3
UNION ALL
SELECT c.* FROM before ${row(COLS, 'before.seq')} WHERE before.seq < $2
ORDER BY seq`;
const AT_SEQS_SQL = chainSql(
  `SELECT c.seq FROM unnest($2::bigint[]) AS q(seq)
     CROSS JOIN LATERAL (SELECT seq FROM code_snapshots WHERE session_id = $1 AND seq <= q.seq ORDER BY seq DESC LIMIT 1) c`,
);
const AT_TIME_SQL = chainSql('SELECT seq FROM code_snapshots WHERE session_id = $1 AND received_at <= $2 ORDER BY received_at DESC, seq DESC LIMIT 1');
const LATEST_SQL = chainSql('SELECT seq FROM code_snapshots WHERE session_id = $1 ORDER BY seq DESC LIMIT 1');

// A version's hash is checked where it is asked for, not on the versions a walk passes through:
// the asked version's text is what must be right.
type Built = { text: Buffer } | { error: string };

/** Rebuilds `seq` from the rows at hand, remembering every version on the way. */
function rebuild(rows: Map<number, StoredRow>, memo: Map<number, Built>, seq: number): Built {
  const walk: StoredRow[] = [];
  let found: Built | undefined;
  for (let at: number | null = seq; found === undefined; ) {
    const known = memo.get(at);
    if (known) {
      found = known;
      break;
    }
    const row = rows.get(at);
    if (!row) {
      found = { error: `its base, seq ${at}, is not stored` };
      break;
    }
    walk.push(row);
    if (row.code !== null) break;
    if (row.base_seq === null || row.delta === null || row.base_seq >= at) {
      found = { error: 'is neither a keyframe nor a delta on an earlier seq' };
      break;
    }
    at = row.base_seq;
  }
  for (let i = walk.length - 1; i >= 0; i--) {
    const row = walk[i];
    let built: Built;
    if (row.code !== null) {
      built = { text: Buffer.from(row.code, 'utf8') };
    } else if (!found || 'error' in found) {
      built = found ?? { error: 'no keyframe' };
    } else {
      try {
        built = { text: applyDelta(found.text, row.delta!) };
      } catch (err) {
        built = { error: err instanceof Error ? err.message : String(err) };
      }
    }
    memo.set(row.seq, built);
    found = built;
  }
  return found!;
}

function toRebuilt(row: StoredRow, built: Built): Rebuilt {
  const { code: _c, base_seq: _b, delta: _d, code_hash: _h, ...meta } = row;
  if ('error' in built) return { ...meta, code: null, error: built.error };
  // Rows from before deltas have no hash: their text is the row itself.
  const hashOk = row.code_hash ? codeHash(built.text).equals(row.code_hash) : row.code !== null;
  return { ...meta, code: built.text.toString('utf8'), hashOk };
}

function strict(sessionId: string, r: Rebuilt): Version {
  if (r.code === null) throw new SnapshotBroken(sessionId, r.seq, (r as { error: string }).error);
  if (!(r as { hashOk: boolean }).hashOk) throw new SnapshotBroken(sessionId, r.seq, 'rebuilt code does not match its hash');
  const { hashOk: _ok, ...v } = r as Version & { hashOk: boolean };
  return v;
}

async function load(db: Queryable, sql: string, params: unknown[]): Promise<Map<number, StoredRow>> {
  const { rows } = await db.query<StoredRow>(sql, params);
  return new Map(rows.map((r) => [r.seq, r]));
}

/** Every stored version with from ≤ seq ≤ to, in seq order, as the audit sees them (never throws on a broken row). */
export async function rebuildVersions(db: Queryable, sessionId: string, range: { from?: number; to?: number } = {}): Promise<Rebuilt[]> {
  const from = range.from ?? 0;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  const rows = await load(db, RANGE_SQL, [sessionId, from, to]);
  const memo = new Map<number, Built>();
  return [...rows.values()].filter((r) => r.seq >= from && r.seq <= to).map((r) => toRebuilt(r, rebuild(rows, memo, r.seq)));
}

/** Every stored version with from ≤ seq ≤ to, in seq order; throws SnapshotBroken on a row that does not rebuild. */
export async function readVersions(db: Queryable, sessionId: string, range: { from?: number; to?: number } = {}): Promise<Version[]> {
  return (await rebuildVersions(db, sessionId, range)).map((r) => strict(sessionId, r));
}

/** The code as it stood at each of these seqs (the last version at or before it), keyed by the asked seq. */
export async function versionsAt(db: Queryable, sessionId: string, seqs: number[]): Promise<Map<number, Version>> {
  const out = new Map<number, Version>();
  if (!seqs.length) return out;
  const rows = await load(db, AT_SEQS_SQL, [sessionId, [...new Set(seqs)]]);
  const stored = [...rows.keys()];
  const memo = new Map<number, Built>();
  for (const asked of new Set(seqs)) {
    // The nearest stored seq at or below: a chain row never lies between a target and its asked seq.
    let target: number | undefined;
    for (const s of stored) if (s <= asked && (target === undefined || s > target)) target = s;
    if (target !== undefined) out.set(asked, strict(sessionId, toRebuilt(rows.get(target)!, rebuild(rows, memo, target))));
  }
  return out;
}

/** One version: the last at or before a seq or a moment, or the latest; null when there is none. */
export async function versionAt(db: Queryable, sessionId: string, at: { seq: number } | { time: Date } | 'latest'): Promise<Version | null> {
  if (at !== 'latest' && 'seq' in at) return (await versionsAt(db, sessionId, [at.seq])).get(at.seq) ?? null;
  const rows = at === 'latest' ? await load(db, LATEST_SQL, [sessionId]) : await load(db, AT_TIME_SQL, [sessionId, at.time]);
  if (!rows.size) return null;
  // The target is the newest row: every other row is on its chain, below it.
  const target = Math.max(...rows.keys());
  return strict(sessionId, toRebuilt(rows.get(target)!, rebuild(rows, new Map(), target)));
}
