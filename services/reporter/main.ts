import { loadConfig, publicUrl } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { REPORT_QUEUE, startBoss, type ReportJob } from '../../shared/jobs.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { createRedis } from '../../shared/redis.ts';
import { writeReport } from './handler.ts';

const config = loadConfig();
const log = createLogger('reporter', config.LOG_LEVEL);

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'reporter');
  const db = createPool(config.DATABASE_URL, 4, 'reporter');
  const keys = createKeys(config.REDIS_PREFIX);
  const boss = await startBoss(config.DATABASE_URL, log, { worker: true });
  const deps = { redis, keys, db, log, publicUrl: publicUrl(config), waitForGradesMs: config.REPORT_WAIT_FOR_GRADES_SEC * 1000 };
  await boss.work<ReportJob>(REPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await writeReport(deps, job.data, job.createdOn);
  });
  return {
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await db.end();
      await redis.quit();
    },
  };
});
