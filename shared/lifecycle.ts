import type { Logger } from './logger.ts';

/**
 * Starts a service and stops it on SIGINT/SIGTERM: stop reading, finish in-flight work, close.
 * A second signal, or a stop that hangs, exits at once so an operator is never stuck.
 */
export async function runUntilSignal(log: Logger, start: () => Promise<{ stop(): Promise<void> }>, stopTimeoutMs = 15_000): Promise<void> {
  let service: { stop(): Promise<void> };
  try {
    service = await start();
    log.info('started');
  } catch (err) {
    log.fatal({ err }, 'failed to start');
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(130);
    stopping = true;
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
