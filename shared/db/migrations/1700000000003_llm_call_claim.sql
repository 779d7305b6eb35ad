-- Up Migration
-- A model call is claimed before it is made (status 'running'), so two deliveries of one request
-- handled at the same moment call the model once: the second waits for the first's row.
ALTER TABLE llm_calls ADD COLUMN status text NOT NULL DEFAULT 'done' CHECK (status IN ('running', 'done'));
ALTER TABLE llm_calls ADD COLUMN claimed_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE llm_calls ALTER COLUMN provider DROP NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN model DROP NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN prompt_hash DROP NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN latency_ms DROP NOT NULL;

-- Down Migration
DELETE FROM llm_calls WHERE status = 'running';
ALTER TABLE llm_calls ALTER COLUMN latency_ms SET NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN prompt_hash SET NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN model SET NOT NULL;
ALTER TABLE llm_calls ALTER COLUMN provider SET NOT NULL;
ALTER TABLE llm_calls DROP COLUMN claimed_at;
ALTER TABLE llm_calls DROP COLUMN status;
