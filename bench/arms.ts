import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeys } from '../shared/keys.ts';

// The arms: each starts its server process fresh and says where the load goes.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ArmContext {
  round: number;
  sessions: number;
  freePort(): Promise<number>;
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  adminKey: string;
  tokenSecret: string;
}

export interface Target { url: string; token?: string; sessionId: string }

export interface RunningArm {
  /** the process whose CPU is the arm's server CPU */
  pid: number;
  /** socket targets; none when the arm is its own load (the XADD loop) */
  targets: Target[];
  /** key prefix of everything this arm-round wrote */
  prefix: string;
  /** Redis keys of one session, for memory per session */
  sessionKeys?(sessionId: string): string[];
  stop(): Promise<void>;
}

export interface Arm {
  name: string;
  label: string;
  /** the load process script (closed loop), when not the plain-WebSocket one */
  load?: string;
  start(ctx: ArmContext): Promise<RunningArm>;
}

/**
 * A supervised child: stdin a pipe, so it ends with the harness however the harness ends. With
 * `manyFiles` it starts through a shell that first raises its soft open-files limit to the hard one
 * (thousands of sockets); `exec` keeps the child's pid the Node process's own.
 */
export function spawnTs(file: string, env: Record<string, string>, ipc = false, root = ROOT, manyFiles = false): ChildProcess {
  const node = [process.execPath, '--import', 'tsx', path.join(root, file)];
  const [cmd, ...args] = manyFiles ? ['/bin/sh', '-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', ...node] : node;
  const child = spawn(cmd!, args, {
    cwd: root,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, ASSESS_SUPERVISED: '1' },
    stdio: ipc ? ['pipe', 'inherit', 'inherit', 'ipc'] : ['pipe', 'ignore', 'inherit'],
  });
  child.stdin?.on('error', () => undefined);
  return child;
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

export function httpJson(url: string, method: string, token?: string, body?: unknown): Promise<{ status: number; json: any }> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (text) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent: false }, (res) => {
      let out = '';
      res.setEncoding('utf8').on('data', (c: string) => (out += c)).on('end', () => resolve({ status: res.statusCode ?? 0, json: out.startsWith('{') ? JSON.parse(out) : out }));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/**
 * Polls until the server answers (a bench may poll; a test may not). 90 s: on a shared 2-core
 * machine under load a gateway has needed over 30 s to start. A server that never answers is stopped.
 */
export async function waitHttp(url: string, child: ChildProcess): Promise<void> {
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    try {
      if ((await httpJson(url, 'GET')).status === 200) return;
    } catch { /* not listening yet */ }
    if (Date.now() > until) {
      await stopChild(child);
      throw new Error(`${url}: no answer in 90 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * An arm whose server is one of the bench's own scripts on a fresh port and stream, answering
 * /healthz; `url` says where a load process connects for session i.
 */
function scriptArm(opts: { name: string; label: string; script: string; tag: string; load?: string; url: (port: number, i: number) => string }): Arm {
  return {
    name: opts.name,
    label: opts.label,
    ...(opts.load ? { load: opts.load } : {}),
    async start(ctx) {
      const port = await ctx.freePort();
      const prefix = `${ctx.prefix}r${ctx.round}${opts.tag}`;
      const child = spawnTs(opts.script, { PORT: String(port), BENCH_STREAM: `${prefix}:in`, REDIS_URL: ctx.redisUrl });
      await waitHttp(`http://127.0.0.1:${port}/healthz`, child);
      const targets = Array.from({ length: ctx.sessions }, (_, i) => ({ url: opts.url(port, i), sessionId: `s${i}` }));
      return { pid: child.pid!, targets, prefix, stop: () => stopChild(child) };
    },
  };
}

export const rawPipe = scriptArm({
  name: 'raw-pipe', label: 'raw uWebSockets.js: JSON.parse + XADD (ioredis) + ack', script: 'bench/raw-uws.ts', tag: 'raw',
  url: (port, i) => `ws://127.0.0.1:${port}/s${i}`,
});

export const socketIo = scriptArm({
  name: 'socketio', label: 'Socket.IO server: zod validate (ClientFrame) + XADD + ack', script: 'bench/socketio-server.ts', tag: 'sio',
  load: 'bench/socketio-load.ts', url: (port) => `http://127.0.0.1:${port}`,
});

/**
 * A gateway from a checkout: this one, or (BENCH_BASELINE_DIR) an older one run in the same rounds,
 * so a change's before/after ratio is measured under the same load and the same drift.
 */
function gatewayFrom(name: string, label: string, root: string): Arm {
  return {
    name,
    label,
    async start(ctx) {
      const port = await ctx.freePort();
      const prefix = `${ctx.prefix}r${ctx.round}${name}`;
      const child = spawnTs('services/gateway/main.ts', {
        PORT: String(port), HOST: '127.0.0.1', REDIS_URL: ctx.redisUrl, REDIS_PREFIX: prefix, DATABASE_URL: ctx.databaseUrl,
        ADMIN_API_KEY: ctx.adminKey, TOKEN_SECRET: ctx.tokenSecret, WS_RATE_PER_SEC: '1000000', WS_RATE_BURST: '1000000',
      }, false, root);
      const base = `http://127.0.0.1:${port}`;
      await waitHttp(`${base}/readyz`, child);
      const targets: Target[] = [];
      for (let i = 0; i < ctx.sessions; i++) {
        const body = { candidate: { name: `Bench ${i}`, email: `bench${i}@example.com` }, problem: { title: 'Bench', statement: 'Load.', language: 'python' } };
        const res = await httpJson(`${base}/v1/sessions`, 'POST', ctx.adminKey, body);
        if (res.status !== 201 && res.status !== 200) throw new Error(`session create: ${res.status} ${JSON.stringify(res.json)}`);
        targets.push({ url: res.json.wsUrl, token: res.json.candidateToken, sessionId: res.json.id });
      }
      const keys = createKeys(prefix);
      return { pid: child.pid!, targets, prefix, sessionKeys: (id) => keys.sessionKeys(id), stop: () => stopChild(child) };
    },
  };
}

export const gateway = gatewayFrom('gateway', 'this gateway (services/gateway/main.ts), sessions via its API, no workers', ROOT);

/** The same gateway from another checkout (its own node_modules), for a before/after in one run. */
export const gatewayAt = (dir: string): Arm =>
  gatewayFrom('gateway-before', `the gateway of ${path.basename(path.resolve(dir))} (BENCH_BASELINE_DIR), same load`, path.resolve(dir));

/** Not a server: the load process is the whole arm, so its CPU is the client side of Redis. */
export const xaddLoop: Arm = {
  name: 'xadd-loop',
  label: 'raw ioredis XADD loop (no socket), same entry, same in-flight count',
  async start(ctx) {
    return { pid: 0, targets: [], prefix: `${ctx.prefix}r${ctx.round}xadd`, stop: async () => undefined };
  },
};
