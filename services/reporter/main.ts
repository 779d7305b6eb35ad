import { loadConfig, publicUrl } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { ingestDepsFromConfig } from '../../shared/ingest.ts';
import { CLEANUP_QUEUE, queueCleanup, REPORT_QUEUE, startBoss, type ReportJob } from '../../shared/jobs.ts';
import { createKeys } from '../../shared/keys.ts';
import { createLogger } from '../../shared/logger.ts';
import { runUntilSignal } from '../../shared/lifecycle.ts';
import { readinessOf } from '../../shared/readiness.ts';
import { healthPublisher } from '../../shared/health.ts';
import { createRedis } from '../../shared/redis.ts';
import { cleanupSession } from './cleanup.ts';
import { sweepExpired } from './expiry.ts';
import { writeReport, type ReporterDeps } from './handler.ts';
import { createSummariser } from './summary/summariser.ts';

const config = loadConfig();
const log = createLogger('reporter', config.LOG_LEVEL);

await runUntilSignal(log, async () => {
  const redis = createRedis(config.REDIS_URL, 'reporter');
  const db = createPool(config.DATABASE_URL, 4, 'reporter');
  const keys = createKeys(config.REDIS_PREFIX);
  const boss = await startBoss(config.DATABASE_URL, log, { worker: true });
  const base = publicUrl(config);
  const deps: ReporterDeps = {
    redis, keys, db, log, publicUrl: base,
    waitForGradesMs: config.REPORT_WAIT_FOR_GRADES_SEC * 1000,
    scheduleCleanup: (sessionId) => queueCleanup(boss, sessionId, config.OUT_STREAM_GRACE_SEC),
    summariser: createSummariser(config),
  };
  log.info({ provider: deps.summariser?.name, model: deps.summariser?.model }, 'report summary');
  const ingest = ingestDepsFromConfig(config, redis, keys);
  await boss.work<ReportJob>(REPORT_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true }, async (jobs) => {
    for (const job of jobs) await writeReport(deps, job.data, job.createdOn);
  });
  await boss.work<{ sessionId: string }>(CLEANUP_QUEUE, { pollingIntervalSeconds: 5 }, async (jobs) => {
    for (const job of jobs) await cleanupSession(deps, job.data.sessionId);
  });
  // Every replica sweeps; ending is idempotent (the ingest script refuses a second end), so the
  // sweeps need no coordination and a dead replica delays nothing.
  const sweep = setInterval(() => {
    sweepExpired({ db, ingest, log }).catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'expiry sweep failed'));
  }, config.EXPIRY_SWEEP_MS);
  sweep.unref();
  const health = healthPublisher(redis, keys.health, 'reporter');
  return {
    publish: health.publish,
    ready: readinessOf({ redis, db }),
    async stop() {
      clearInterval(sweep);
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await db.end();
      await health.withdraw();
      await redis.quit();
    },
  };
});
