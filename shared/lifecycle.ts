import type { Logger } from './logger.ts';
import { healthEveryMs } from './health.ts';
import type { Readiness } from './readiness.ts';

export interface RunningService {
  stop(): Promise<void>;
  /** dependencies answer and loops run */
  ready?(): Promise<Readiness>;
  /** where the readiness goes besides the runner (shared/health.ts: a Redis hash any gateway reads) */
  publish?(r: Readiness): Promise<void>;
}

/** The message a service sends its runner over IPC (`npm start` spawns services with a channel). */
export interface HealthMessage {
  type: 'health';
  ready: boolean;
  checks: Readiness['checks'];
}

/**
 * The service's readiness at once and then every `everyMs`: to the runner over IPC when there is
 * one (it says "ready" only when every service did, and notices one that stops being ready), and
 * to wherever the service publishes it.
 */
function reportHealth(service: RunningService, log: Logger, everyMs: number): () => void {
  let busy = false;
  let warned = false;
  const send = async () => {
    if (busy) return;
    busy = true;
    try {
      const r = service.ready ? await service.ready() : { ready: true, checks: {} };
      if (process.send && process.connected) {
        const msg: HealthMessage = { type: 'health', ready: r.ready, checks: r.checks };
        process.send(msg, undefined, undefined, () => undefined);
      }
      await service.publish?.(r);
      warned = false;
    } catch (err) {
      // Redis down: the readiness says so too; one line, not one per period.
      if (!warned) log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not publish readiness');
      warned = true;
    } finally {
      busy = false;
    }
  };
  void send();
  const timer = setInterval(() => void send(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export async function runUntilSignal(log: Logger, start: () => Promise<RunningService>, stopTimeoutMs = 15_000): Promise<void> {
  let service: RunningService;
  try {
    service = await start();
    log.info('started');
  } catch (err) {
    log.fatal({ err }, 'failed to start');
    process.exit(1);
  }
  const stopReporting = reportHealth(service, log, healthEveryMs());
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
    stopReporting();
    log.info({ signal }, 'stopping');
    const timer = setTimeout(() => {
      log.error('stop timed out; exiting');
      process.exit(1);
    }, stopTimeoutMs);
    timer.unref();
    service
      .stop()
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Under `npm start` the supervisor holds our stdin; when it dies, however it died, we stop too.
  if (process.env.ASSESS_SUPERVISED === '1') {
    process.stdin.on('end', () => stop('supervisor gone'));
    process.stdin.on('error', () => stop('supervisor gone'));
    process.stdin.resume();
  }
}
