// `npm start`: the whole system on this machine. Checks Redis and PostgreSQL, prepares the database,
// starts Chroma unless CHROMA_URL answers, runs the five services supervised (restarted when they
// crash) with merged readable logs, and stops all of them on Ctrl-C.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../shared/config.ts';
import { ensureDatabase, migrate, postgresAnswers } from '../shared/db/migrate.ts';
import { redisAnswers } from '../shared/redis.ts';
import { chromaAnswers, startChroma } from './chroma/runtime.ts';
import { formatLine } from './logfmt.ts';
import { policyFromEnv } from './runner/policy.ts';
import { supervise, type Supervised, type SupervisorHooks } from './runner/supervisor.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA = path.join(ROOT, '.data');
const SERVICES = ['gateway', 'snapshotter', 'trigger', 'agent', 'reporter'] as const;
const color = process.stdout.isTTY === true;
const say = (line: string) => console.log(formatLine('start', line, color));

/** A secret kept in .data so tokens and the admin key survive a restart; env wins when set. */
function persistentSecret(name: string, envValue: string | undefined): string {
  if (envValue) return envValue;
  const file = path.join(DATA, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const value = randomBytes(24).toString('base64url');
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

// What has started so far, and the stop for all of it. The signal handlers go in before anything
// starts: a Ctrl-C or SIGTERM while Chroma is still starting (the first start downloads a glibc)
// must not leave it running. Chroma still starting has no handle yet; exiting kills it
// (startChroma kills its child when this process exits).
const services = new Map<string, Supervised>();
let chroma: Awaited<ReturnType<typeof startChroma>> | null = null;
let stopping = false;
let stopped: Promise<void> | null = null;

async function stopAll(code: number): Promise<never> {
  // Ctrl-C may arrive more than once (terminal, npm, tsx); every call waits for the same stop.
  stopped ??= (async () => {
    stopping = true;
    say('stopping all services');
    await Promise.all([...services.values()].map((s) => s.stop()));
    await chroma?.stop();
    say('stopped');
  })();
  await stopped;
  process.exit(code);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

mkdirSync(DATA, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  ADMIN_API_KEY: persistentSecret('admin-key', process.env.ADMIN_API_KEY),
  TOKEN_SECRET: persistentSecret('token-secret', process.env.TOKEN_SECRET),
};
let config;
try {
  config = loadConfig(env);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

if (!(await redisAnswers(config.REDIS_URL))) {
  fail(`Redis does not answer at ${config.REDIS_URL}: start it (e.g. \`redis-server --daemonize yes\`) or set REDIS_URL.`);
}
if (!(await postgresAnswers(config.DATABASE_URL))) {
  fail(`PostgreSQL does not answer at ${config.DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}: start it (e.g. \`pg_ctlcluster 15 main start\`) or set DATABASE_URL.`);
}
if (await ensureDatabase(config.DATABASE_URL)) say('created the database');
const applied = await migrate(config.DATABASE_URL);
say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');

const localChroma = `http://127.0.0.1:${config.CHROMA_PORT}`;
if (config.CHROMA_URL === 'off') {
  // Retrieval is optional (the agent asks and grades from the analysis alone): CHROMA_URL=off runs
  // without it, for machines or tests that do not want a Chroma process.
  env.CHROMA_URL = '';
  say('CHROMA_URL=off: running without Chroma (no retrieval)');
} else if (config.CHROMA_URL && (await chromaAnswers(config.CHROMA_URL))) {
  say(`using Chroma at ${config.CHROMA_URL}`);
} else if (!config.CHROMA_URL && (await chromaAnswers(localChroma))) {
  env.CHROMA_URL = localChroma;
  say(`using the Chroma already running at ${localChroma}`);
} else {
  say('starting Chroma (the first start on a machine fetches a private glibc, ~4 MB)');
  chroma = await startChroma({
    dataDir: path.join(DATA, 'chroma'),
    port: config.CHROMA_PORT,
    // Skip the ASCII-art banner; keep what it says.
    log: (line) => /^[\s(#]*$/.test(line) || console.log(formatLine('chroma', line, color)),
  });
  env.CHROMA_URL = chroma.url;
  say(`Chroma listening on ${chroma.url}`);
}

// Each service is supervised on its own: a crash restarts it with backoff, one that keeps crashing
// is given up, and the others keep running. "ready" is said once every service reported itself
// ready (its dependencies answer, its loops run) over IPC, and the gateway answers /readyz.
let announced = false;
const hooks: SupervisorHooks = {
  line: (name, text) => console.log(formatLine(name, text, color)),
  note: (name, text, level) => (level === 'info' ? console.log : console.error)(formatLine('start', `${name} ${text}`, color)),
  readiness: (name, ready, checks) => {
    if (announced) say(ready ? `${name} is ready again` : `${name} is not ready (${describeChecks(checks)})`);
  },
  gaveUp: (name) => say(`${name} was given up; fix the cause and run \`npm run start:${name}\` beside the others, or restart npm start`),
};
const describeChecks = (checks: Record<string, string>) =>
  Object.entries(checks).filter(([, v]) => v !== 'ok').map(([k, v]) => `${k}: ${v}`).join('; ') || 'stopped';

// A stop that began while we were preparing ends the process; start nothing more meanwhile.
const policy = policyFromEnv(process.env);
for (const name of stopping ? [] : SERVICES) {
  services.set(name, supervise({
    name,
    command: process.execPath,
    args: ['--import', 'tsx', path.join(ROOT, 'services', name, 'main.ts')],
    cwd: ROOT,
    env: { ...env, FORCE_COLOR: '0', ASSESS_SUPERVISED: '1' },
  }, policy, hooks));
}
say(`started ${[...services.values()].map((s) => `${s.name} (pid ${s.pid})`).join(', ')}`);

const base = config.PUBLIC_URL || `http://127.0.0.1:${config.PORT}`;
const allReady = () => [...services.values()].every((s) => s.ready);
while (!stopping && !announced) {
  if (allReady() && (await fetch(`${base}/readyz`).then((r) => r.ok, () => false))) {
    announced = true;
    say(`ready: open ${base}  (API docs: ${base}/docs, health: ${base}/healthz)`);
    say(`admin key: ${env.ADMIN_API_KEY}   (kept in .data/admin-key; set ADMIN_API_KEY to choose one)`);
    say(`try: curl -X POST ${base}/v1/sessions -H 'Authorization: Bearer ${env.ADMIN_API_KEY}' -d '{"candidate":{"name":"Ada"},"problem":{"title":"Two sum","statement":"...","language":"python"}}'`);
    break;
  }
  const waiting = [...services.values()].filter((s) => !s.ready && s.state !== 'given-up').length;
  if (!waiting && !allReady()) {
    say('not every service could start (see above); the others keep running — Ctrl-C stops them');
    announced = true;
    break;
  }
  await new Promise((r) => setTimeout(r, 250));
}
