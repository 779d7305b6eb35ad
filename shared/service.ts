import type { Config } from './config.ts';
import { createConsumer, defaultConsumerName, type Consumer, type ConsumerOptions } from './consumer.ts';

/** A consumer with the runtime settings from configuration; the caller gives what is its own. */
export function createServiceConsumer<T>(config: Config, opts: ConsumerOptions<T>): Consumer {
  return createConsumer({
    consumer: config.CONSUMER_NAME ? `${config.CONSUMER_NAME}-${opts.group}` : defaultConsumerName(opts.group),
    batchSize: config.CONSUMER_BATCH,
    blockMs: config.CONSUMER_BLOCK_MS,
    claimIdleMs: config.CONSUMER_CLAIM_IDLE_MS,
    claimEveryMs: config.CONSUMER_CLAIM_EVERY_MS,
    maxDeliveries: config.CONSUMER_MAX_DELIVERIES,
    window: config.CONSUMER_WINDOW || undefined,
    ackFlushMs: config.CONSUMER_ACK_FLUSH_MS,
    ...opts,
  });
}
