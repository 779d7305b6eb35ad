-- Up Migration
-- Which provider answered, whether the fallback did, and how many tries the primary took: the
-- report's humanReviewRequired and an audit replay both need them per call.
ALTER TABLE llm_calls ADD COLUMN fallback boolean NOT NULL DEFAULT false;
ALTER TABLE llm_calls ADD COLUMN attempts integer NOT NULL DEFAULT 1;
-- A follow-up question points at the question whose partial answer prompted it.
ALTER TABLE interactions ADD COLUMN parent_id text;

-- Down Migration
ALTER TABLE interactions DROP COLUMN parent_id;
ALTER TABLE llm_calls DROP COLUMN attempts;
ALTER TABLE llm_calls DROP COLUMN fallback;
