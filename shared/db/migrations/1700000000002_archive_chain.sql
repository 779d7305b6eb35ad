-- Up Migration
-- Tamper evidence for the archive: each session_events row holds the hash of the previous row of
-- its session and its own hash over that and its content. Rows are chained in archive order, under
-- a lock on the session's row so concurrent archivers (replicas) never fork a chain. The canonical
-- text is rebuilt the same way by the audit replay (scripts/replay), in SQL or in JS.

CREATE FUNCTION event_canonical(session_id uuid, stream text, stream_id text, type text, role text, payload jsonb, at timestamptz)
RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(E'\n', session_id::text, stream, stream_id, type, coalesce(role, ''), payload::text,
                   ((extract(epoch FROM at) * 1000)::bigint)::text)
$$;

CREATE FUNCTION event_hash(prev text, canonical text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev, '') || E'\n' || canonical, 'UTF8')), 'hex')
$$;

-- events: a JSON array of {session_id, stream, stream_id, type, role, payload, at}; returns rows added.
CREATE FUNCTION archive_events(events jsonb) RETURNS integer LANGUAGE plpgsql AS $$
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

-- Down Migration
DROP FUNCTION archive_events(jsonb);
DROP FUNCTION event_hash(text, text);
DROP FUNCTION event_canonical(uuid, text, text, text, text, jsonb, timestamptz);
