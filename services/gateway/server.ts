import { randomBytes } from 'node:crypto';
import type { Config } from '../../shared/config.ts';
import { assertSafeToListen, publicUrl } from '../../shared/config.ts';
import { createPool } from '../../shared/db/pool.ts';
import { createKeys } from '../../shared/keys.ts';
import type { Logger } from '../../shared/logger.ts';
import { readinessOf, type Readiness } from '../../shared/readiness.ts';
import { freshForMs, healthPublisher, readHealth, type ServiceHealth } from '../../shared/health.ts';
import { createRedis } from '../../shared/redis.ts';
import { routes } from './api.ts';
import { renderMetrics } from './metrics.ts';
import { lazyRetriever } from './erase.ts';
import { Router, serveHttp } from './http.ts';
import { ingestDepsFromConfig, type IngestDeps } from '../../shared/ingest.ts';
import { createRelay } from './relay.ts';
import type { WebSocket } from 'uWebSockets.js';
import { socketBehavior, type SocketData } from './socket.ts';
import { loadUws } from './uws.ts';

// Builds the gateway from configuration: clients, relay, HTTP routes and the socket route.

export interface Gateway {
  port: number;
  url: string;
  ready(): Promise<Readiness>;
  publish(r: Readiness): Promise<void>;
  stop(): Promise<void>;
}

export async function startGateway(config: Config, log: Logger): Promise<Gateway> {
  assertSafeToListen(config);
  const { uws, native } = loadUws(config.ALLOW_UWS_FALLBACK);
  if (!native) log.warn('running on the slow uWebSockets.js JS fallback (ALLOW_UWS_FALLBACK=1)');
  const gatewayId = `gw-${randomBytes(6).toString('hex')}`;
  const redis = createRedis(config.REDIS_URL, gatewayId);
  const db = createPool(config.DATABASE_URL, config.PG_POOL_MAX, 'gateway');
  const keys = createKeys(config.REDIS_PREFIX);
  const relay = createRelay({ redis, keys, log, gatewayId, blockMs: config.CONSUMER_BLOCK_MS });
  const base = publicUrl(config);
  const ingest: IngestDeps = ingestDepsFromConfig(config, redis, keys);
  const stats = { sockets: 0, frames: 0, rejected: 0 };
  const open = new Set<WebSocket<SocketData>>();
  const metrics = () => renderMetrics(redis, keys, { ...stats, relaySessions: relay.sessionCount() });

  /** Closes this gateway's sockets of one session (an erased session); returns how many. */
  const closeSockets = (sessionId: string, code: number, reason: string): number => {
    let closed = 0;
    for (const ws of [...open]) {
      const data = ws.getUserData();
      if (data.sessionId !== sessionId || data.closed) continue;
      ws.end(code, reason);
      closed++;
    }
    return closed;
  };
  const readiness = readinessOf({ redis, db });
  const health = healthPublisher(redis, keys.health, 'gateway', gatewayId);
  // /readyz may be probed often (balancers, compose): one HGETALL a second at most.
  let cached: { at: number; value: Promise<Record<string, ServiceHealth>> } | null = null;
  const services = () => {
    const now = Date.now();
    if (!cached || now - cached.at > 1000) cached = { at: now, value: readHealth(redis, keys.health, freshForMs(), now) };
    return cached.value;
  };
  const tokenGraceSec = Math.max(config.CANDIDATE_TOKEN_GRACE_SEC, config.INTERVIEWER_TOKEN_GRACE_SEC);

  const router = routes(new Router(), {
    db, redis, ingest, publicUrl: base, metrics, readiness, services,
    erase: { db, redis, keys, log, closeSockets, tokenGraceSec, retriever: lazyRetriever(config, log) },
    auth: { adminKey: config.ADMIN_API_KEY, tokenSecret: config.TOKEN_SECRET },
    defaultSettings: {
      durationMin: config.SESSION_DURATION_MIN,
      maxQuestions: config.TRIGGER_MAX_QUESTIONS,
      minQuestionIntervalSec: config.TRIGGER_MIN_INTERVAL_SEC,
      quietStartSec: config.TRIGGER_QUIET_START_SEC,
      minDiffLines: config.TRIGGER_MIN_DIFF_LINES,
      pendingTimeoutSec: config.TRIGGER_PENDING_TIMEOUT_SEC,
      pauseSec: config.TRIGGER_PAUSE_SEC,
      settleSec: config.TRIGGER_SETTLE_SEC,
      followUpsCount: config.TRIGGER_FOLLOW_UPS_COUNT,
    },
    tokenGrace: { candidate: config.CANDIDATE_TOKEN_GRACE_SEC, interviewer: config.INTERVIEWER_TOKEN_GRACE_SEC },
  });

  await relay.start();
  const app = uws.App();
  app.ws<SocketData>(
    '/v1/sessions/:id/ws',
    socketBehavior({
      ingest, relay, log, stats, open,
      tokenSecret: config.TOKEN_SECRET,
      maxPayloadBytes: config.WS_MAX_PAYLOAD_BYTES,
      maxBackpressureBytes: config.WS_MAX_BACKPRESSURE_BYTES,
      idleTimeoutSec: config.WS_IDLE_TIMEOUT_SEC,
      ratePerSec: config.WS_RATE_PER_SEC,
      rateBurst: config.WS_RATE_BURST,
    }),
  );
  app.any('/*', serveHttp(router, log, config.HTTP_MAX_BODY_BYTES));

  const listenSocket = await new Promise<NonNullable<unknown>>((resolve, reject) => {
    app.listen(config.HOST, config.PORT, (sock) => (sock ? resolve(sock) : reject(new Error(`cannot listen on ${config.HOST}:${config.PORT}`))));
  });
  const port = uws.us_socket_local_port(listenSocket as Parameters<typeof uws.us_socket_local_port>[0]);
  log.info({ port, native, gatewayId }, 'gateway listening');

  return {
    port,
    url: config.PUBLIC_URL || `http://127.0.0.1:${port}`,
    ready: readiness,
    publish: health.publish,
    async stop() {
      uws.us_listen_socket_close(listenSocket as Parameters<typeof uws.us_listen_socket_close>[0]);
      // Closing sockets makes clients reconnect elsewhere with their lastEventId.
      for (const ws of [...open]) ws.end(1001, 'gateway stopping; reconnect with lastEventId');
      await relay.stop();
      await db.end();
      await health.withdraw();
      await redis.quit();
    },
  };
}
