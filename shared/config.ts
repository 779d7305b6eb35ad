import { z } from 'zod';

// Every service reads its configuration through this one schema, so a typo in an env var name or a
// bad value fails at start with the variable named, instead of at the first request.
const bool = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

// Timers in Node take at most 2^31-1 ms; a larger delay silently becomes 1 ms.
const int = (def: number, min = 0) => z.coerce.number().int().min(min).max(2_147_483_647).default(def);

export const ConfigSchema = z.object({
  NODE_ENV: z.string().default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only').default('assess'),
  DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/assess'),
  PG_POOL_MAX: int(10, 1),
  CHROMA_URL: z.string().default(''),
  CHROMA_PORT: int(8000, 1),
  PORT: int(8080, 0),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().default(''),
  ADMIN_API_KEY: z.string().min(16, 'ADMIN_API_KEY must be at least 16 characters').default('dev-admin-key-change-me'),
  TOKEN_SECRET: z.string().min(16, 'TOKEN_SECRET must be at least 16 characters').default('dev-token-secret-change-me'),
  // How long tokens outlive the session's end time: a candidate briefly (a late reconnect), an
  // interviewer long enough to read the report. A closed session stays closed at least as long.
  CANDIDATE_TOKEN_GRACE_SEC: int(3600, 0),
  INTERVIEWER_TOKEN_GRACE_SEC: int(7 * 24 * 3600, 0),
  ALLOW_UWS_FALLBACK: bool.default(false),
  // Protocol limits (DESIGN.md section 3); the hard socket cap is above them so that an oversize
  // frame gets a too_large error instead of a dropped connection.
  MAX_CODE_BYTES: int(256 * 1024, 1),
  MAX_ANSWER_BYTES: int(16 * 1024, 1),
  WS_MAX_PAYLOAD_BYTES: int(1024 * 1024, 1024),
  WS_MAX_BACKPRESSURE_BYTES: int(4 * 1024 * 1024, 1024),
  WS_IDLE_TIMEOUT_SEC: int(120, 8),
  WS_RATE_PER_SEC: int(50, 1),
  WS_RATE_BURST: int(200, 1),
  HTTP_MAX_BODY_BYTES: int(64 * 1024, 1024),
  // Consumer runtime.
  CONSUMER_NAME: z.string().default(''),
  CONSUMER_BLOCK_MS: int(2000, 10),
  CONSUMER_BATCH: int(100, 1),
  CONSUMER_CLAIM_IDLE_MS: int(30_000, 10),
  CONSUMER_CLAIM_EVERY_MS: int(5_000, 10),
  CONSUMER_MAX_DELIVERIES: int(5, 1),
  // Most entries one consumer holds at once (queued behind their session, in a handler, or waiting
  // for their ack); 0: twice CONSUMER_BATCH.
  CONSUMER_WINDOW: int(0, 0),
  CONSUMER_ACK_FLUSH_MS: int(10, 0),
  TRIM_EVERY_MS: int(30_000, 100),
  OUT_STREAM_GRACE_SEC: int(600, 0),
  EXPIRY_SWEEP_MS: int(30_000, 100),
  // Trigger defaults; a session's own settings override them.
  TRIGGER_MIN_INTERVAL_SEC: int(90, 0),
  TRIGGER_MIN_DIFF_LINES: int(5, 0),
  TRIGGER_QUIET_START_SEC: int(60, 0),
  TRIGGER_MAX_QUESTIONS: int(5, 0),
  TRIGGER_PENDING_TIMEOUT_SEC: int(300, 1),
  // A pause this long after the last code update is itself a moment to ask (a session may override).
  TRIGGER_PAUSE_SEC: int(20, 1),
  // A question waits until the candidate has stopped this long at a complete line (0: ask on the update
  // itself). Frames lag keystrokes by up to a second, so a question lands on a keystroke when typing
  // resumes within a second of the settle time; thinking pauses at a line start last a few seconds,
  // so 8 s (well under a 20 s pause) rarely meets one. Sweeping typist seeds: 3 s interrupted 2–6 times
  // in 45 asks, 5 s 0–1, 8 s and more none, with the same share of marked moments hit.
  TRIGGER_SETTLE_SEC: int(8, 0),
  // Follow-up questions count toward the session's maximum unless this says otherwise.
  TRIGGER_FOLLOW_UPS_COUNT: bool.default(true),
  // How often each trigger replica claims the sessions whose wake time is due.
  TRIGGER_TICK_EVERY_MS: int(1000, 50),
  // Entries one trigger replica holds. Coalescing needs a session's updates to queue together, so the
  // window must span more than the sessions typing at once: with a window of 200 and 1,000 sessions
  // each read finds one update per session, nothing coalesces and the trigger falls behind.
  TRIGGER_WINDOW: int(4096, 1),
  SESSION_DURATION_MIN: int(60, 1),
  LLM_PROVIDER: z.enum(['heuristic', 'openai']).optional(),
  OPENAI_API_KEY: z.string().default(''),
  OPENAI_BASE_URL: z.string().default(''),
  LLM_MODEL: z.string().default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: int(20_000, 100),
  LLM_RETRIES: int(2, 0),
  EMBEDDING_PROVIDER: z.enum(['local', 'openai']).default('local'),
  EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  REPORT_WAIT_FOR_GRADES_SEC: int(60, 0),
});

export type Config = z.infer<typeof ConfigSchema>;

const DEV_SECRETS = new Set(['dev-admin-key-change-me', 'dev-token-secret-change-me']);
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * The built-in secrets are public (they are in this file): fine on loopback for a developer, never
 * on an interface others can reach.
 */
export function assertSafeToListen(config: Config): void {
  const weak = [config.ADMIN_API_KEY, config.TOKEN_SECRET].some((v) => DEV_SECRETS.has(v));
  if (weak && !LOOPBACK.has(config.HOST)) {
    throw new Error(`refusing to listen on ${config.HOST} with the built-in ADMIN_API_KEY or TOKEN_SECRET: set both (or HOST=127.0.0.1)`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The provider in force: openai only when asked for or when a key is present. */
export function llmProvider(config: Config): 'heuristic' | 'openai' {
  return config.LLM_PROVIDER ?? (config.OPENAI_API_KEY ? 'openai' : 'heuristic');
}

/** Per-session working state in Redis lives this long after its last change. */
export function sessionStateTtlSec(config: Config): number {
  return (config.SESSION_DURATION_MIN + 24 * 60) * 60;
}

export function publicUrl(config: Config): string {
  return config.PUBLIC_URL || `http://127.0.0.1:${config.PORT}`;
}
