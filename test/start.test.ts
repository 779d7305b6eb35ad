import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, test } from 'node:test';
import { Redis } from 'ioredis';
import { dropDatabase } from '../shared/db/migrate.ts';
import { chromaAnswers } from '../scripts/chroma/runtime.ts';
import { databaseUrlFor, deleteByPrefix, freePort, randomId, REDIS_URL, waitFor } from './helpers/env.ts';

// `npm start` as a newcomer runs it: it creates the database, migrates, starts Chroma and the five
// services, says where to go and which admin key is in use, and Ctrl-C stops every one of them.

const dbUrl = databaseUrlFor(`assess_start_${randomId()}`);
const prefix = `st${randomId()}`;
after(async () => {
  const redis = new Redis(REDIS_URL);
  await deleteByPrefix(redis, prefix);
  redis.disconnect();
  await dropDatabase(dbUrl);
});

test('npm start brings the whole system up, restarts a killed worker, and Ctrl-C takes it all down', { timeout: 180_000 }, async () => {
  const [port, chromaPort] = [await freePort(), await freePort()];
  const admin = `admin-${randomId(12)}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), CHROMA_PORT: String(chromaPort), CHROMA_URL: '', DATABASE_URL: dbUrl, REDIS_PREFIX: prefix, ADMIN_API_KEY: admin, TOKEN_SECRET: `secret-${randomId(12)}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await waitFor('the ready line', () => (out.includes('ready: open') ? true : undefined), 150_000, 200);
    assert.match(out, /created the database/);
    assert.match(out, new RegExp(`admin key: ${admin}`));
    for (const name of ['gateway', 'snapshotter', 'trigger', 'agent', 'reporter']) assert.match(out, new RegExp(`^${name}\\s*\\|`, 'm'), `${name} logs, named`);
    const readyz = await fetch(`http://127.0.0.1:${port}/readyz`);
    assert.equal(readyz.status, 200);
    // Every service published its own readiness; any gateway shows them all.
    const body = (await readyz.json()) as { services: Record<string, { instances: number; ready: number }> };
    for (const name of ['gateway', 'snapshotter', 'trigger', 'agent', 'reporter']) assert.ok((body.services[name]?.ready ?? 0) >= 1, `${name} ready in /readyz: ${JSON.stringify(body.services)}`);
    assert.ok(await chromaAnswers(`http://127.0.0.1:${chromaPort}`), 'Chroma runs');

    // A worker killed outright costs that worker a moment, not the system: the runner restarts it,
    // the gateway answers throughout, and the worker reports itself ready again.
    const pid = Number(/snapshotter \(pid (\d+)\)/.exec(out)?.[1]);
    assert.ok(pid > 0, 'the runner names each service pid');
    process.kill(pid, 'SIGKILL');
    await waitFor('the restart line', () => (/snapshotter exited unexpectedly \(signal SIGKILL\); restarting/.test(out) ? true : undefined), 30_000, 100);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200, 'the gateway still answers');
    await waitFor('the snapshotter ready again', () => (/snapshotter is ready again/.test(out) ? true : undefined), 60_000, 100);
    assert.doesNotMatch(out, /stopping all services/);
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 0, out.slice(-2000));
  assert.match(out, /stopped$/m);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/healthz`), 'the gateway is gone');
  assert.equal(await chromaAnswers(`http://127.0.0.1:${chromaPort}`, 500), false, 'Chroma is gone');
});
