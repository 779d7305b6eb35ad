-- Up Migration
-- Code versions as keyframes and deltas (issue 8: stored snapshots ≤ 15 % of the full texts). A row
-- is a keyframe (the full text in `code`, as every row before this migration) or a delta against
-- an earlier seq of its session (`base_seq`, `delta`: prefix and suffix kept from the base, middle
-- replaced; see shared/snapshots/delta.ts). code_hash is the first 8 bytes of sha256 of the full
-- text: a rebuilt version must match it (the archive keeps the whole sha256 for the audit). Reads go
-- through shared/snapshots/read.ts only. Rows keep their metadata (bytes, lines, times), so counts,
-- sizes and timelines still read one row per version.
ALTER TABLE code_snapshots ALTER COLUMN code DROP NOT NULL;
ALTER TABLE code_snapshots ADD COLUMN base_seq bigint;
ALTER TABLE code_snapshots ADD COLUMN delta bytea;
ALTER TABLE code_snapshots ADD COLUMN code_hash bytea;
ALTER TABLE code_snapshots ADD CONSTRAINT code_snapshots_keyframe_or_delta CHECK (
  (code IS NOT NULL AND base_seq IS NULL AND delta IS NULL)
  OR (code IS NULL AND base_seq IS NOT NULL AND base_seq < seq AND delta IS NOT NULL AND code_hash IS NOT NULL)
);

-- Down Migration
-- Deltas cannot become text in SQL: a database holding any refuses to go down.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM code_snapshots WHERE code IS NULL) THEN
    RAISE EXCEPTION 'code_snapshots holds deltas; rebuild them as full texts before migrating down';
  END IF;
END $$;
ALTER TABLE code_snapshots DROP CONSTRAINT code_snapshots_keyframe_or_delta;
ALTER TABLE code_snapshots DROP COLUMN code_hash;
ALTER TABLE code_snapshots DROP COLUMN delta;
ALTER TABLE code_snapshots DROP COLUMN base_seq;
ALTER TABLE code_snapshots ALTER COLUMN code SET NOT NULL;
