import { randomUUID } from 'node:crypto';
import type { Readiness } from '../../shared/readiness.ts';
import type { ServiceHealth } from '../../shared/health.ts';
import type { Redis } from 'ioredis';
import { AppError } from '../../shared/errors.ts';
import type { Pool } from '../../shared/db/pool.ts';
import { describeIssues } from '../../shared/protocol.ts';
import { completeSettings, CreateSessionBody, UUID, type SessionRow, type SessionSettings } from '../../shared/session.ts';
import { issueToken } from '../../shared/tokens.ts';
import { authorize, authorizeCredential, credentialFromHeaderOrQuery, type AuthDeps } from './auth.ts';
import type { Request, Response, Router } from './http.ts';
import type { IngestDeps } from './ingest.ts';
import { appendFrame } from './ingest.ts';
import { eraseSession, type EraseDeps } from './erase.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { reportHtmlRoute, timelineRoute } from './report-routes.ts';
import { insertSession, selectCodeAt, selectReport, selectSession, selectSessions } from './sessions.ts';

// HTTP API of DESIGN.md section 4. Handlers take their dependencies and a copied request.

export interface ApiDeps {
  db: Pool;
  redis: Redis;
  auth: AuthDeps;
  ingest: IngestDeps;
  publicUrl: string;
  /** every setting a session runs under, stored with it at creation */
  defaultSettings: Required<SessionSettings>;
  /** how long tokens stay valid after the session's end time (reading the report) */
  /** how long each role's token outlives the session's end time */
  tokenGrace: { candidate: number; interviewer: number };
  metrics: () => Promise<string>;
  /** what DELETE /v1/sessions/{id} erases, and how */
  erase: EraseDeps;
  /** this gateway's own readiness (its dependencies answer) */
  readiness: () => Promise<Readiness>;
  /** every service's published readiness (shared/health.ts), cached */
  services: () => Promise<Record<string, ServiceHealth>>;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new AppError('invalid_json');
  }
}

function sessionId(req: Request): string {
  const id = req.params.id;
  if (!UUID.test(id)) throw new AppError('not_found', 'no such session');
  return id;
}

function publicSession(s: SessionRow) {
  return {
    id: s.id, status: s.status, candidate: s.candidate, problem: s.problem, settings: s.settings,
    createdAt: s.created_at, expiresAt: s.expires_at, endedAt: s.ended_at, endedBy: s.ended_by,
  };
}

export async function createSession(deps: ApiDeps, req: Request): Promise<Response> {
  authorize(deps.auth, req.headers, ['admin']);
  const parsed = CreateSessionBody.safeParse(parseJson(req.body));
  if (!parsed.success) throw new AppError('invalid_message', describeIssues(parsed.error));
  const body = parsed.data;
  const id = randomUUID();
  const settings = completeSettings(body.settings, deps.defaultSettings);
  const expiresAt = new Date(Date.now() + settings.durationMin * 60_000);
  await insertSession(deps.db, { id, body, settings, expiresAt });
  const end = Math.floor(expiresAt.getTime() / 1000);
  const wsBase = deps.publicUrl.replace(/^http/, 'ws');
  return {
    status: 201,
    json: {
      id,
      candidateToken: issueToken(deps.auth.tokenSecret, { sid: id, role: 'candidate', exp: end + deps.tokenGrace.candidate }),
      interviewerToken: issueToken(deps.auth.tokenSecret, { sid: id, role: 'interviewer', exp: end + deps.tokenGrace.interviewer }),
      wsUrl: `${wsBase}/v1/sessions/${id}/ws`,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

export async function listSessions(deps: ApiDeps, req: Request): Promise<Response> {
  const caller = authorize(deps.auth, req.headers, ['admin', 'interviewer'], undefined, { anySession: true });
  if (caller.kind === 'session') {
    const one = await selectSession(deps.db, caller.sessionId);
    return { status: 200, json: { sessions: one ? [publicSession(one)] : [] } };
  }
  const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 50) || 50, 1), 200);
  const beforeText = req.query.get('before');
  const before = beforeText ? new Date(beforeText) : undefined;
  if (before && Number.isNaN(before.getTime())) throw new AppError('invalid_message', 'before must be an ISO time');
  const status = req.query.get('status') ?? undefined;
  const rows = await selectSessions(deps.db, { limit, before, status });
  return { status: 200, json: { sessions: rows.map(publicSession) } };
}

export async function getSession(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  authorize(deps.auth, req.headers, ['admin', 'interviewer'], id);
  const row = await selectSession(deps.db, id);
  if (!row) throw new AppError('not_found', 'no such session');
  return { status: 200, json: { ...publicSession(row), counts: row.counts } };
}

/** Also `?token=<session token>`: the report page links here, and a browser following a link sends no header. */
export async function getCode(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  const { credential, fromQuery } = credentialFromHeaderOrQuery(deps.auth, req);
  authorizeCredential(deps.auth, credential, ['admin', 'interviewer'], id);
  const seqText = req.query.get('seq');
  const atText = req.query.get('at');
  let at: { seq: number } | { time: Date };
  if (seqText !== null && /^\d+$/.test(seqText)) at = { seq: Number(seqText) };
  else if (atText !== null && !Number.isNaN(new Date(atText).getTime())) at = { time: new Date(atText) };
  else throw new AppError('invalid_message', 'give ?seq=<non-negative integer> or ?at=<ISO time>');
  const row = await selectCodeAt(deps.db, id, at);
  if (!row) throw new AppError('not_found', 'no code stored at or before that point');
  return {
    status: 200,
    json: { sessionId: id, seq: row.seq, language: row.language, code: row.code, receivedAt: row.received_at, eventId: row.stream_id },
    // a URL holding a token is not one for a shared cache to keep
    ...(fromQuery ? { headers: { 'cache-control': 'no-store' } } : {}),
  };
}

export async function endSession(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  const caller = authorize(deps.auth, req.headers, ['admin', 'interviewer', 'candidate'], id);
  const exists = await selectSession(deps.db, id);
  if (!exists) throw new AppError('not_found', 'no such session');
  const role = caller.kind === 'admin' ? 'admin' : caller.role;
  // The same path as a socket's end_session: one P:in entry, once, and session_ended on the out stream.
  const reply = await appendFrame(deps.ingest, { sessionId: id, role }, { type: 'end_session' });
  const already = reply.type === 'error' && reply.code === 'session_closed';
  return { status: 202, json: { id, status: 'ending', alreadyEnded: already, eventId: reply.type === 'ack' ? reply.eventId : undefined } };
}

export async function getReport(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  authorize(deps.auth, req.headers, ['admin', 'interviewer'], id);
  const row = await selectReport(deps.db, id);
  if (row) return { status: 200, json: row.report };
  const session = await selectSession(deps.db, id);
  if (!session) throw new AppError('not_found', 'no such session');
  return { status: 202, json: { id, status: session.status, message: session.status === 'active' ? 'the session is still running' : 'the report is being written' } };
}

/** Admin only. 200 {id, erased: counts per store}; 404 unknown (or already erased); 503 when Chroma was not reached. */
export async function deleteSession(deps: ApiDeps, req: Request): Promise<Response> {
  authorize(deps.auth, req.headers, ['admin']);
  const id = sessionId(req);
  return { status: 200, json: await eraseSession(deps.erase, id) };
}

/**
 * The status is this gateway's own readiness, so a balancer keeps routing to it while a worker
 * restarts (sockets still get acks; work waits in the streams). The body adds every service's
 * published readiness for operators and the runner.
 */
export async function ready(deps: Pick<ApiDeps, 'readiness' | 'services'>): Promise<Response> {
  const own = await deps.readiness();
  const services = await deps.services().catch(() => ({}));
  const down = (k: string) => (own.checks[k] === 'ok' ? 'ok' : 'down');
  return { status: own.ready ? 200 : 503, json: { ready: own.ready, redis: down('redis'), postgres: down('postgres'), checks: own.checks, services } };
}

export function routes(router: Router, deps: ApiDeps): Router {
  const bind = (fn: (d: ApiDeps, r: Request) => Promise<Response>) => (r: Request) => fn(deps, r);
  return router
    .add('GET', '/healthz', async () => ({ status: 200, json: { ok: true } }))
    .add('GET', '/readyz', () => ready(deps))
    .add('GET', '/metrics', async () => ({ status: 200, text: await deps.metrics(), contentType: 'text/plain; version=0.0.4' }))
    .add('GET', '/openapi.json', async () => ({ status: 200, json: openApiDocument(deps.publicUrl) }))
    .add('GET', '/docs', async () => ({ status: 200, html: docsPage() }))
    .add('POST', '/v1/sessions', bind(createSession))
    .add('GET', '/v1/sessions', bind(listSessions))
    .add('GET', '/v1/sessions/:id', bind(getSession))
    .add('DELETE', '/v1/sessions/:id', bind(deleteSession))
    .add('GET', '/v1/sessions/:id/code', bind(getCode))
    .add('POST', '/v1/sessions/:id/end', bind(endSession))
    .add('GET', '/v1/sessions/:id/timeline', bind(timelineRoute))
    .add('GET', '/v1/sessions/:id/report', bind(getReport))
    .add('GET', '/v1/sessions/:id/report.html', bind(reportHtmlRoute));
}
