-- Up Migration
-- archive_events without deadlocks between replicas. Before, each event locked its session's row
-- (FOR UPDATE) in batch order: two replicas holding events of the same sessions in different orders
-- waited on each other, and FOR UPDATE also conflicted with the FOR KEY SHARE locks that a batch's
-- own snapshot inserts take on the same rows (foreign keys). Now every session of the batch is
-- locked once, up front, in id order, with FOR NO KEY UPDATE (which key-share locks do not block).
-- The chain stays serialised per session exactly as before.

CREATE OR REPLACE FUNCTION archive_events(events jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  sid uuid;
  prev text;
  canon text;
  wanted integer;
  locked integer;
  added integer := 0;
BEGIN
  SELECT count(DISTINCT (value->>'session_id')::uuid) INTO wanted FROM jsonb_array_elements(events);
  SELECT count(*) INTO locked FROM (
    SELECT 1 FROM sessions
     WHERE id IN (SELECT DISTINCT (value->>'session_id')::uuid FROM jsonb_array_elements(events))
     ORDER BY id FOR NO KEY UPDATE
  ) l;
  IF locked < wanted THEN
    RAISE EXCEPTION 'archive_events: % of % sessions do not exist', wanted - locked, wanted USING ERRCODE = 'foreign_key_violation';
  END IF;
  FOR e IN SELECT value FROM jsonb_array_elements(events) WITH ORDINALITY AS x(value, n) ORDER BY n LOOP
    sid := (e->>'session_id')::uuid;
    IF EXISTS (SELECT 1 FROM session_events s WHERE s.session_id = sid AND s.stream = e->>'stream' AND s.stream_id = e->>'stream_id') THEN
      CONTINUE;
    END IF;
    SELECT s.hash INTO prev FROM session_events s WHERE s.session_id = sid ORDER BY s.id DESC LIMIT 1;
    canon := event_canonical(sid, e->>'stream', e->>'stream_id', e->>'type', e->>'role', e->'payload', (e->>'at')::timestamptz);
    INSERT INTO session_events (session_id, stream, stream_id, type, role, payload, at, prev_hash, hash)
    VALUES (sid, e->>'stream', e->>'stream_id', e->>'type', e->>'role', e->'payload', (e->>'at')::timestamptz, prev, event_hash(prev, canon));
    added := added + 1;
  END LOOP;
  RETURN added;
END
$$;

-- Down Migration
CREATE OR REPLACE FUNCTION archive_events(events jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  e jsonb;
  sid uuid;
  prev text;
  canon text;
  added integer := 0;
BEGIN
  FOR e IN SELECT value FROM jsonb_array_elements(events) WITH ORDINALITY AS x(value, n) ORDER BY n LOOP
    sid := (e->>'session_id')::uuid;
    PERFORM 1 FROM sessions WHERE id = sid FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'archive_events: no session %', sid USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF EXISTS (SELECT 1 FROM session_events s WHERE s.session_id = sid AND s.stream = e->>'stream' AND s.stream_id = e->>'stream_id') THEN
      CONTINUE;
    END IF;
    SELECT s.hash INTO prev FROM session_events s WHERE s.session_id = sid ORDER BY s.id DESC LIMIT 1;
    canon := event_canonical(sid, e->>'stream', e->>'stream_id', e->>'type', e->>'role', e->'payload', (e->>'at')::timestamptz);
    INSERT INTO session_events (session_id, stream, stream_id, type, role, payload, at, prev_hash, hash)
    VALUES (sid, e->>'stream', e->>'stream_id', e->>'type', e->>'role', e->'payload', (e->>'at')::timestamptz, prev, event_hash(prev, canon));
    added := added + 1;
  END LOOP;
  RETURN added;
END
$$;
