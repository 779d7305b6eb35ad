import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { scripts } from '../shared/redis.ts';
import { testRedis, type TestRedis } from './helpers/env.ts';

// The operator's dead-letter CLI on real Redis: lists what failed without its payload, retries by
// putting the original fields back on their stream, drops.

const run = promisify(execFile);
let tr: TestRedis;
before(() => (tr = testRedis()));
after(() => tr.cleanup());

const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'scripts/dlq.ts', ...args], { env: { ...process.env, REDIS_PREFIX: tr.prefix } });

test('list, retry and drop dead-lettered entries', async () => {
  await tr.redis.xgroup('CREATE', tr.keys.in, 'g', '0', 'MKSTREAM');
  for (const n of [1, 2]) {
    const id = await tr.redis.xadd(tr.keys.in, '*', 'sessionId', `s${n}`, 'type', 'code_update', 'frame', '{"code":"secret"}');
    await tr.redis.xreadgroup('GROUP', 'g', 'c', 'COUNT', 1, 'STREAMS', tr.keys.in, '>');
    await scripts.deadLetter.run(tr.redis, [tr.keys.in, tr.keys.dlq], ['g', id!, `boom ${n}`, 5, JSON.stringify({ sessionId: `s${n}`, type: 'code_update', frame: '{"code":"secret"}' }), 1000]);
  }
  const listed = (await cli('list')).stdout;
  assert.match(listed, /2 entries/);
  assert.match(listed, /boom 1/);
  assert.match(listed, /session=s2 type=code_update/);
  assert.doesNotMatch(listed, /secret/, 'payloads stay out of the terminal');
  const [[first]] = (await tr.redis.xrange(tr.keys.dlq, '-', '+', 'COUNT', 1)) as [string, string[]][];
  const before = await tr.redis.xlen(tr.keys.in);
  await assert.rejects(cli('retry', first), /every group reads/, 'P:in entries are not re-run for every group by accident');
  assert.match((await cli('retry', first, '--force')).stdout, /retried 1 entry/);
  assert.equal(await tr.redis.xlen(tr.keys.in), before + 1);
  const [, fields] = ((await tr.redis.xrevrange(tr.keys.in, '+', '-', 'COUNT', 1)) as [string, string[]][])[0];
  assert.deepEqual(fields, ['sessionId', 's1', 'type', 'code_update', 'frame', '{"code":"secret"}']);
  assert.match((await cli('drop', 'all')).stdout, /dropped 1 entry/);
  assert.equal(await tr.redis.xlen(tr.keys.dlq), 0);
});
