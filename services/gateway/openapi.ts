import { z } from 'zod';
import { ErrorCodes } from '../../shared/errors.ts';
import { ClientFrame } from '../../shared/protocol.ts';
import { CreateSessionBody } from '../../shared/session.ts';

// GET /openapi.json and GET /docs (DESIGN.md section 4): the API as clients are built against it.
// Request schemas come from the same zod schemas that validate requests, so the document cannot
// drift from what the server accepts.

interface Op {
  method: 'get' | 'post' | 'delete';
  path: string;
  who: string;
  summary: string;
  ok: string;
  params?: { name: string; in: 'query' | 'path'; description: string }[];
  body?: z.ZodType;
}

const id = { name: 'id', in: 'path' as const, description: 'session id (uuid)' };

export const OPERATIONS: Op[] = [
  { method: 'post', path: '/v1/sessions', who: 'admin', summary: 'Create a session; returns its tokens and socket URL', ok: '201 {id, candidateToken, interviewerToken, wsUrl, expiresAt}', body: CreateSessionBody },
  { method: 'get', path: '/v1/sessions', who: 'admin, interviewer (own session)', summary: 'List sessions, newest first', ok: '200 {sessions}', params: [
    { name: 'limit', in: 'query', description: '1–200, default 50' }, { name: 'before', in: 'query', description: 'ISO time: sessions created before it' },
    { name: 'status', in: 'query', description: 'active | ended | reported' }] },
  { method: 'get', path: '/v1/sessions/{id}', who: 'admin, interviewer', summary: 'One session with its status and counts', ok: '200 session', params: [id] },
  { method: 'delete', path: '/v1/sessions/{id}', who: 'admin', summary: 'Erase the session everywhere: Postgres rows (snapshots, events, interactions, model calls, report), report/cleanup job payloads, its Redis keys and shared-stream entries, its memory in Chroma; its open sockets are closed and its tokens get session_closed. 404 once erased; 503 not_ready (naming what is left) when Chroma did not answer, after erasing everything else: call again', ok: '200 {id, erased: {postgres: {sessions, code_snapshots, session_events, interactions, llm_calls, reports}, jobs: {job, archive}, redis: {keys, in, ask, dlq}, chroma: erased | not_configured, sockets}}', params: [id] },
  { method: 'get', path: '/v1/sessions/{id}/code', who: 'admin, interviewer', summary: 'The exact code at a seq or a moment', ok: '200 {seq, code, language, receivedAt, eventId}', params: [
    id, { name: 'seq', in: 'query', description: 'the last snapshot at or before this seq' }, { name: 'at', in: 'query', description: 'ISO time: the last snapshot at or before it' },
    { name: 'token', in: 'query', description: 'a session token, for links opened in a browser' }] },
  { method: 'get', path: '/v1/sessions/{id}/timeline', who: 'admin, interviewer', summary: 'Every event in order: snapshots (metadata), decisions with reasons, questions, answers, evaluations', ok: '200 {events}', params: [id] },
  { method: 'post', path: '/v1/sessions/{id}/end', who: 'admin, interviewer, candidate', summary: 'End the session; the report is queued once', ok: '202 {id, status, alreadyEnded}', params: [id] },
  { method: 'get', path: '/v1/sessions/{id}/report', who: 'admin, interviewer', summary: 'The report (202 while it is being written)', ok: '200 report | 202', params: [id] },
  { method: 'get', path: '/v1/sessions/{id}/report.html', who: 'admin, interviewer', summary: 'The report as a self-contained page', ok: '200 text/html | 202', params: [id, { name: 'token', in: 'query', description: 'a session token, for browsers' }] },
  { method: 'get', path: '/healthz', who: 'anyone', summary: 'Liveness', ok: '200 {ok}' },
  { method: 'get', path: '/readyz', who: 'anyone', summary: 'Readiness of this gateway (Redis and Postgres answer); the body adds every service instance\'s published readiness', ok: '200 | 503 {ready, redis, postgres, checks, services}' },
  { method: 'get', path: '/metrics', who: 'anyone', summary: 'Prometheus text', ok: '200 text/plain' },
];

const errorSchema = {
  type: 'object',
  properties: { error: { type: 'object', properties: { code: { enum: Object.keys(ErrorCodes) }, message: { type: 'string' } }, required: ['code', 'message'] } },
};

export function openApiDocument(serverUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      description: `Who: ${op.who}. Success: ${op.ok}.`,
      security: op.who === 'anyone' ? [] : [{ bearer: [] }],
      parameters: (op.params ?? []).map((p) => ({ name: p.name, in: p.in, required: p.in === 'path', description: p.description, schema: { type: 'string' } })),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) } } } } : {}),
      responses: { default: { description: 'error', content: { 'application/json': { schema: errorSchema } } } },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Live coding assessment API', version: '1', description: 'Sessions, code, timeline and reports. The editor speaks the WebSocket protocol in x-websocket.' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'the admin key, or a session token (candidate or interviewer)' } } },
    paths,
    'x-websocket': {
      path: '/v1/sessions/{id}/ws',
      auth: 'Sec-WebSocket-Protocol: bearer.<token> (echoed), or ?token=; resume with ?lastEventId=<id>',
      clientFrames: z.toJSONSchema(ClientFrame, { io: 'input' }),
      serverFrames: ['welcome', 'ack', 'error', 'question', 'answer_received', 'evaluation (interviewers)', 'decision (interviewers)', 'session_ended', 'report_ready'],
      errorCodes: ['invalid_json', 'invalid_message', 'too_large', 'rate_limited', 'stale_seq', 'unknown_question', 'session_closed', 'forbidden', 'internal'],
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function docsPage(): string {
  const rows = OPERATIONS.map((op) => `<tr><td><code>${op.method.toUpperCase()}</code></td><td><code>${esc(op.path)}</code></td><td>${esc(op.who)}</td><td>${esc(op.summary)}<br><small>${esc(op.ok)}${op.params?.length ? ` · ${op.params.map((p) => `<code>${esc(p.name)}</code>`).join(' ')}` : ''}</small></td></tr>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>API · Live coding assessment</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:2rem auto;padding:0 1rem;color:#1b1f24}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{background:#f3f4f6;padding:0 .2rem;border-radius:3px}</style></head><body>
<h1>Live coding assessment API</h1><p>JSON over HTTP; errors are <code>{error:{code,message}}</code> with the matching status. Authenticate with <code>Authorization: Bearer &lt;admin key or session token&gt;</code>. Machine-readable: <a href="/openapi.json">/openapi.json</a>.</p>
<table><thead><tr><th>method</th><th>path</th><th>who</th><th>what</th></tr></thead><tbody>${rows}</tbody></table>
<h2>WebSocket</h2><p><code>GET /v1/sessions/{id}/ws</code> with <code>Sec-WebSocket-Protocol: bearer.&lt;token&gt;</code> (or <code>?token=</code>); resume with <code>?lastEventId=</code>. Client frames: <code>code_update</code> {seq, code ≤ 256 KiB, language, ts, cursor?}, <code>response_submitted</code> {questionId, answer ≤ 16 KiB, ts}, <code>editor_event</code> {kind: paste | focus_lost | focus_gained | run, ts, detail?}, <code>end_session</code>; each may carry <code>id</code>, echoed in its <code>ack</code>. Server frames: welcome, ack, error, question, answer_received, evaluation and decision (interviewers only), session_ended, report_ready.</p>
</body></html>`;
}
