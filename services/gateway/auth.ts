import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { Role } from '../../shared/protocol.ts';
import { verifyToken } from '../../shared/tokens.ts';
import type { Request } from './http.ts';

// Who is calling: the admin (API key) or a session's candidate or interviewer (signed token).

export type Caller = { kind: 'admin' } | { kind: 'session'; sessionId: string; role: Role };
export type Allowed = 'admin' | Role;

export interface AuthDeps {
  adminKey: string;
  tokenSecret: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function bearer(headers: Record<string, string>): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(headers['authorization'] ?? '');
  return m ? m[1] : null;
}

export function identify(deps: AuthDeps, credential: string | null): Caller {
  if (!credential) throw new AppError('unauthorized', 'an Authorization: Bearer header is required');
  if (sameSecret(credential, deps.adminKey)) return { kind: 'admin' };
  const check = verifyToken(deps.tokenSecret, credential);
  if (!check.ok) throw new AppError('unauthorized', check.reason === 'expired' ? 'the token has expired' : 'the token is not valid');
  return { kind: 'session', sessionId: check.claims.sid, role: check.claims.role };
}

/** The caller, if allowed to act on this session (or on no session, for admin-only routes). */
export function authorize(
  deps: AuthDeps,
  headers: Record<string, string>,
  allowed: Allowed[],
  sessionId?: string,
  opts: { anySession?: boolean } = {},
): Caller {
  return authorizeCredential(deps, bearer(headers), allowed, sessionId, opts);
}

/**
 * The same check for a credential found elsewhere: `credentialFromHeaderOrQuery` for what a person
 * opens from a link, `socketCredential` for sockets.
 */
export function authorizeCredential(
  deps: AuthDeps,
  credential: string | null,
  allowed: Allowed[],
  sessionId?: string,
  opts: { anySession?: boolean } = {},
): Caller {
  const caller = identify(deps, credential);
  if (caller.kind === 'admin') {
    if (allowed.includes('admin')) return caller;
    throw new AppError('forbidden');
  }
  if (!allowed.includes(caller.role)) throw new AppError('forbidden', `a ${caller.role} token may not do this`);
  if (opts.anySession) return caller;
  if (sessionId === undefined || caller.sessionId !== sessionId) throw new AppError('forbidden', 'the token is for another session');
  return caller;
}

/**
 * The credential of a request a person may open from a link (report.html, and the code links on it):
 * the Authorization header or, since a browser following a link cannot set headers, `?token=<session
 * token>`. The header wins when present, and the query is then ignored. The admin key is refused in
 * the URL (401): a URL ends up in history and proxy logs. `fromQuery` says where the credential came
 * from, so a page can hand the same token on to its own links.
 */
export function credentialFromHeaderOrQuery(deps: AuthDeps, req: Pick<Request, 'headers' | 'query'>): { credential: string | null; fromQuery: boolean } {
  const header = bearer(req.headers);
  if (header) return { credential: header, fromQuery: false };
  const query = req.query.get('token');
  if (query && sameSecret(query, deps.adminKey)) throw new AppError('unauthorized', 'send the admin key in the Authorization header, not in the URL');
  return { credential: query, fromQuery: query !== null };
}

/** Socket credentials: `Sec-WebSocket-Protocol: bearer.<token>` (echoed back) or `?token=`. */
export function socketCredential(protocolHeader: string, query: URLSearchParams): { token: string | null; protocol: string } {
  for (const p of protocolHeader.split(',').map((s) => s.trim())) {
    if (p.startsWith('bearer.')) return { token: p.slice('bearer.'.length), protocol: p };
  }
  return { token: query.get('token'), protocol: '' };
}
