import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { healthPublisher, readHealth } from '../shared/health.ts';
import { testRedis, type TestRedis } from './helpers/env.ts';

// Every instance's readiness in one Redis hash, read by any gateway's /readyz: fresh instances
// counted per service, stale ones ignored, long-gone ones forgotten, a clean stop withdrawn.

let tr: TestRedis;
before(() => {
  tr = testRedis();
});
after(() => tr.cleanup());

test('readiness per service from the instances that reported recently', async () => {
  const key = tr.keys.health;
  const a = healthPublisher(tr.redis, key, 'trigger', 'a');
  const b = healthPublisher(tr.redis, key, 'trigger', 'b');
  const s = healthPublisher(tr.redis, key, 'snapshotter', 's');
  await a.publish({ ready: true, checks: { redis: 'ok' } });
  await b.publish({ ready: false, checks: { redis: 'ok', postgres: 'connect ECONNREFUSED' } });
  await s.publish({ ready: true, checks: {} });
  const now = Date.now();
  assert.deepEqual(await readHealth(tr.redis, key, 10_000, now), {
    trigger: { instances: 2, ready: 1, problems: ['postgres: connect ECONNREFUSED'] },
    snapshotter: { instances: 1, ready: 1, problems: [] },
  });
  // Seen from a minute later, none is fresh; from two hours later, all are forgotten.
  assert.deepEqual(await readHealth(tr.redis, key, 10_000, now + 60_000), {});
  assert.equal(await tr.redis.hlen(key), 3);
  await readHealth(tr.redis, key, 10_000, now + 2 * 3600_000);
  assert.equal(await tr.redis.hlen(key), 0);
  await a.publish({ ready: true, checks: {} });
  await a.withdraw();
  assert.equal(await tr.redis.hlen(key), 0, 'a clean stop withdraws the instance');
});
