-- Up Migration
-- Tables of DESIGN.md section 5. Session ids are uuids; every child row goes with its session on
-- DELETE, which is how an erasure request reaches everything the session left in Postgres.

CREATE TABLE sessions (
  id            uuid PRIMARY KEY,
  candidate     jsonb NOT NULL,
  problem       jsonb NOT NULL,
  settings      jsonb NOT NULL DEFAULT '{}'::jsonb,
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended', 'reported')),
  created_at    timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  ended_at      timestamptz,
  ended_by      text
);
CREATE INDEX sessions_created_at ON sessions (created_at DESC);
CREATE INDEX sessions_active_expiry ON sessions (expires_at) WHERE status = 'active';

-- Full text per seq: the code at any seq is one indexed read, and it is what the candidate sent.
CREATE TABLE code_snapshots (
  session_id    uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  seq           bigint NOT NULL,
  code          text NOT NULL,
  language      text NOT NULL,
  bytes         integer NOT NULL,
  lines         integer NOT NULL,
  client_ts     double precision NOT NULL,
  stream_id     text NOT NULL,
  received_at   timestamptz NOT NULL,
  PRIMARY KEY (session_id, seq)
);
CREATE INDEX code_snapshots_time ON code_snapshots (session_id, received_at);

-- Every in/out stream entry of a session. prev_hash/hash form a per-session chain for tamper
-- evidence (filled by the archiver); (session_id, stream, stream_id) makes archiving idempotent.
CREATE TABLE session_events (
  id            bigserial PRIMARY KEY,
  session_id    uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  stream        text NOT NULL CHECK (stream IN ('in', 'out')),
  stream_id     text NOT NULL,
  type          text NOT NULL,
  role          text,
  payload       jsonb NOT NULL,
  at            timestamptz NOT NULL,
  prev_hash     text,
  hash          text,
  UNIQUE (session_id, stream, stream_id)
);
CREATE INDEX session_events_order ON session_events (session_id, id);

CREATE TABLE interactions (
  id              text PRIMARY KEY,
  session_id      uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  request_id      text NOT NULL UNIQUE,
  seq             bigint NOT NULL,
  reason_code     text NOT NULL,
  reason          text NOT NULL,
  question        text NOT NULL,
  topic           text,
  line_from       integer,
  line_to         integer,
  context         jsonb NOT NULL DEFAULT '{}'::jsonb,
  provider        text NOT NULL,
  model           text NOT NULL,
  fallback        boolean NOT NULL DEFAULT false,
  asked_at        timestamptz NOT NULL,
  answer          text,
  answer_stream_id text,
  answered_at     timestamptz,
  evaluation      jsonb,
  score           real,
  evaluated_at    timestamptz
);
CREATE INDEX interactions_session ON interactions (session_id, asked_at);

CREATE TABLE llm_calls (
  id              bigserial PRIMARY KEY,
  session_id      uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  interaction_id  text,
  call_key        text NOT NULL UNIQUE,
  kind            text NOT NULL,
  provider        text NOT NULL,
  model           text NOT NULL,
  prompt_hash     text NOT NULL,
  retrieved_ids   text[] NOT NULL DEFAULT '{}',
  raw_output      text,
  parsed_output   jsonb,
  error           text,
  latency_ms      integer NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX llm_calls_session ON llm_calls (session_id, id);

-- One report per session, whatever the number of reporter replicas or job retries.
CREATE TABLE reports (
  session_id    uuid PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  report        jsonb NOT NULL,
  provider      text NOT NULL,
  model         text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Down Migration
DROP TABLE reports;
DROP TABLE llm_calls;
DROP TABLE interactions;
DROP TABLE session_events;
DROP TABLE code_snapshots;
DROP TABLE sessions;
