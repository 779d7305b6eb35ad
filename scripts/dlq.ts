// `npm run dlq -- list [--limit N] | retry <dlqId|all> | drop <dlqId|all>`: the operator's view of
// P:dlq, where the consumer runtime puts entries that failed too many deliveries, with the error.
// Retry puts the original fields back on their stream as a new entry (every handler is idempotent).
import { parseArgs } from 'node:util';
import { loadConfig } from '../shared/config.ts';
import { createKeys } from '../shared/keys.ts';
import { createRedis } from '../shared/redis.ts';
import { fieldsToRecord } from '../shared/streams.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { limit: { type: 'string', default: '50' }, force: { type: 'boolean', default: false } } });
const [command = 'list', target] = positionals;
const config = loadConfig();
const keys = createKeys(config.REDIS_PREFIX);
const redis = createRedis(config.REDIS_URL, 'dlq-cli');

type Entry = [string, string[]];

async function entries(which: string | undefined, limit: number): Promise<Entry[]> {
  if (which && which !== 'all') return (await redis.xrange(keys.dlq, which, which)) as Entry[];
  return (await redis.xrange(keys.dlq, '-', '+', 'COUNT', limit)) as Entry[];
}

try {
  const limit = Number(values.limit) || 50;
  if (command === 'list') {
    const list = await entries(undefined, limit);
    console.log(`${await redis.xlen(keys.dlq)} entries in ${keys.dlq}`);
    for (const [id, flat] of list) {
      const f = fieldsToRecord(flat);
      const original = JSON.parse(f.fields ?? '{}') as Record<string, string>;
      // The session and type, never the payload: it may hold candidate code.
      console.log(`${id}  ${f.stream} ${f.id} group=${f.group} deliveries=${f.deliveries} session=${original.sessionId ?? '?'} type=${original.type ?? '?'}\n    ${f.error}`);
    }
  } else if ((command === 'retry' || command === 'drop') && target) {
    const list = await entries(target, 10_000);
    let done = 0;
    for (const [id, flat] of list) {
      const f = fieldsToRecord(flat);
      if (command === 'retry') {
        // P:in is read by every group: a new entry would be handled again by all of them, not only by
        // the one that failed (a second archive row under a new id, a second "already answered").
        if (f.stream === keys.in && !values.force) {
          console.error(`${id}: from ${keys.in}, which every group reads; retrying re-runs it for all of them. Add --force to accept that.`);
          process.exitCode = 1;
          continue;
        }
        const original = JSON.parse(f.fields) as Record<string, string>;
        await redis.xadd(f.stream, '*', ...Object.entries(original).flat());
      }
      await redis.xdel(keys.dlq, id);
      done++;
    }
    console.log(`${command === 'retry' ? 'retried' : 'dropped'} ${done} entr${done === 1 ? 'y' : 'ies'}`);
  } else {
    console.error('usage: npm run dlq -- list [--limit N] | retry <dlqId|all> [--force] | drop <dlqId|all>');
    process.exitCode = 2;
  }
} finally {
  redis.disconnect();
}
