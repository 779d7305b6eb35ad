import type { Queryable } from '../db/pool.ts';

// What the stored versions cost against their full texts (issue 8's target: ≤ 15 %). `stored`
// counts what each row keeps for its code: the text of a keyframe, or the delta plus its 8-byte
// base seq, and the code hash. `onDisk` is Postgres's own size of those columns (varlena headers
// and its compression of large texts included).

export interface StorageFigures {
  versions: number;
  keyframes: number;
  fullBytes: number;
  storedBytes: number;
  onDiskBytes: number;
  ratio: number;
}

export async function storageFigures(db: Queryable, sessionIds: string[]): Promise<StorageFigures> {
  const { rows } = await db.query<{ versions: number; keyframes: number; full: string; stored: string; disk: string }>(
    `SELECT count(*)::int AS versions, count(code)::int AS keyframes, coalesce(sum(bytes), 0)::text AS full,
            coalesce(sum(coalesce(octet_length(code), octet_length(delta) + 8) + coalesce(octet_length(code_hash), 0)), 0)::text AS stored,
            coalesce(sum(coalesce(pg_column_size(code), pg_column_size(delta) + 8) + coalesce(pg_column_size(code_hash), 0)), 0)::text AS disk
       FROM code_snapshots WHERE session_id = ANY($1::uuid[])`,
    [sessionIds],
  );
  const r = rows[0];
  const fullBytes = Number(r.full);
  const storedBytes = Number(r.stored);
  return {
    versions: r.versions, keyframes: r.keyframes, fullBytes, storedBytes, onDiskBytes: Number(r.disk),
    ratio: fullBytes ? storedBytes / fullBytes : 0,
  };
}
