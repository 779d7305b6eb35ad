// `npm start`: the whole system on this machine. Checks Redis and PostgreSQL, prepares the database,
// starts Chroma unless CHROMA_URL answers, runs the five services with merged readable logs, and
// stops all of them on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../shared/config.ts';
import { ensureDatabase, migrate, postgresAnswers } from '../shared/db/migrate.ts';
import { redisAnswers } from '../shared/redis.ts';
import { chromaAnswers, startChroma } from './chroma/runtime.ts';
import { formatLine } from './logfmt.ts';

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
const children = new Map<string, ChildProcess>();
let chroma: Awaited<ReturnType<typeof startChroma>> | null = null;
let stopping = false;
let stopped: Promise<void> | null = null;

async function stopAll(code: number): Promise<never> {
  // Ctrl-C may arrive more than once (terminal, npm, tsx); every call waits for the same stop.
  stopped ??= (async () => {
    stopping = true;
    say('stopping all services');
    const exits = [...children.values()].map((c) => new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) return resolve();
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 15_000).unref();
    }));
    await Promise.all(exits);
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
if (config.CHROMA_URL && (await chromaAnswers(config.CHROMA_URL))) {
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

// "ready" is said only once every service has said it started, not merely when the gateway answers.
const started = new Set<string>();

function pipe(name: string, stream: NodeJS.ReadableStream | null): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (line) => {
    if (/"msg":"started"/.test(line)) started.add(name);
    console.log(formatLine(name, line, color));
  });
}

// A stop that began while we were preparing ends the process; start nothing more meanwhile.
for (const name of stopping ? [] : SERVICES) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'services', name, 'main.ts')], {
    cwd: ROOT,
    env: { ...env, FORCE_COLOR: '0', ASSESS_SUPERVISED: '1' },
    // Own process group: the terminal's Ctrl-C reaches only this supervisor, which stops each
    // service once and waits. stdin is a pipe whose end tells a service its supervisor is gone.
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.set(name, child);
  pipe(name, child.stdout);
  pipe(name, child.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(formatLine(name, `exited unexpectedly (code ${code}, signal ${signal}); stopping everything`, color));
    void stopAll(1);
  });
}

const base = config.PUBLIC_URL || `http://127.0.0.1:${config.PORT}`;
for (let i = 0; i < 300 && !stopping; i++) {
  const ok = started.size === SERVICES.length && (await fetch(`${base}/readyz`).then((r) => r.ok, () => false));
  if (ok) {
    say(`ready: open ${base}  (API docs: ${base}/docs, health: ${base}/healthz)`);
    say(`admin key: ${env.ADMIN_API_KEY}   (kept in .data/admin-key; set ADMIN_API_KEY to choose one)`);
    say(`try: curl -X POST ${base}/v1/sessions -H 'Authorization: Bearer ${env.ADMIN_API_KEY}' -d '{"candidate":{"name":"Ada"},"problem":{"title":"Two sum","statement":"...","language":"python"}}'`);
    break;
  }
  await new Promise((r) => setTimeout(r, 500));
}
