import type { Logger } from './logger.ts';
import type { Readiness } from './readiness.ts';

export interface RunningService {
  stop(): Promise<void>;
  /** dependencies answer and loops run; reported to a supervising runner */
  ready?(): Promise<Readiness>;
}

/** The message a service sends its runner over IPC (`npm start` spawns services with a channel). */
export interface HealthMessage {
  type: 'health';
  ready: boolean;
  checks: Readiness['checks'];
}

/**
 * Under a runner with an IPC channel, the service's readiness at once and then every `everyMs`:
 * the runner says "ready" only when every service did, and notices one that stops being ready.
 */
function reportHealth(service: RunningService, everyMs: number): () => void {
  if (!process.send) return () => undefined;
  let busy = false;
  const send = async () => {
    if (busy || !process.connected) return;
    busy = true;
    try {
      const r = service.ready ? await service.ready() : { ready: true, checks: {} };
      const msg: HealthMessage = { type: 'health', ready: r.ready, checks: r.checks };
      process.send?.(msg);
    } catch {
      // The channel closed under us: the runner is gone, and stdin's end stops us.
    } finally {
      busy = false;
    }
  };
  void send();
  const timer = setInterval(() => void send(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Starts a service and stops it on SIGINT/SIGTERM: stop reading, finish in-flight work, close.
 * A second signal, or a stop that hangs, exits at once so an operator is never stuck.
 */
export async function runUntilSignal(log: Logger, start: () => Promise<RunningService>, stopTimeoutMs = 15_000): Promise<void> {
  let service: RunningService;
  try {
    service = await start();
    log.info('started');
  } catch (err) {
    log.fatal({ err }, 'failed to start');
    process.exit(1);
  }
  const stopReporting = reportHealth(service, Number(process.env.ASSESS_HEALTH_EVERY_MS) || 2000);
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
