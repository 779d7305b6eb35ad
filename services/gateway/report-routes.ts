import { AppError } from '../../shared/errors.ts';
import { UUID } from '../../shared/session.ts';
import { authorize, authorizeCredential, credentialFromHeaderOrQuery } from './auth.ts';
import type { ApiDeps } from './api.ts';
import type { Request, Response } from './http.ts';
import { isCurrentReport, renderPendingHtml, renderRawReportHtml, renderReportHtml } from './report-html.ts';
import { selectReport, selectSession } from './sessions.ts';
import { getTimeline } from './timeline.ts';

// GET /v1/sessions/{id}/timeline and GET /v1/sessions/{id}/report.html (DESIGN.md section 4).

function sessionId(req: Request): string {
  const id = req.params.id;
  if (!UUID.test(id)) throw new AppError('not_found', 'no such session');
  return id;
}

// The page is ours alone: no script, no outside resource, not cached, no referrer (the URL may hold a token).
const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
};

export async function timelineRoute(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  authorize(deps.auth, req.headers, ['admin', 'interviewer'], id);
  const timeline = await getTimeline(deps.db, id);
  if (!timeline) throw new AppError('not_found', 'no such session');
  return { status: 200, json: timeline };
}

/**
 * A browser following a link cannot set headers, so this page also takes `?token=<session token>`.
 * The admin key is accepted in the header only: a URL ends up in history and proxy logs. Opened with
 * `?token=`, the page's links to the code carry the same token (GET /code takes it too).
 */
export async function reportHtmlRoute(deps: ApiDeps, req: Request): Promise<Response> {
  const id = sessionId(req);
  const { credential, fromQuery } = credentialFromHeaderOrQuery(deps.auth, req);
  authorizeCredential(deps.auth, credential, ['admin', 'interviewer'], id);
  const row = await selectReport(deps.db, id);
  if (!row) {
    const session = await selectSession(deps.db, id);
    if (!session) throw new AppError('not_found', 'no such session');
    return { status: 202, html: renderPendingHtml(session.status), headers: PAGE_HEADERS };
  }
  const tokenParam = fromQuery && credential ? `&token=${encodeURIComponent(credential)}` : '';
  const codeUrl = (seq: number) => `/v1/sessions/${id}/code?seq=${seq}${tokenParam}`;
  const html = isCurrentReport(row.report) ? renderReportHtml(row.report, { codeUrl }) : renderRawReportHtml(row.report);
  return { status: 200, html, headers: PAGE_HEADERS };
}
