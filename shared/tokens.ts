import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Role } from './protocol.ts';

// Session tokens: HMAC-signed claims scoped to one session and one role. Stateless, so every
// gateway replica can check them with the shared secret and no database read at upgrade.

export const TokenClaims = z.object({ sid: z.string().min(1), role: Role, exp: z.number().int() });
export type TokenClaims = z.infer<typeof TokenClaims>;

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');

function sign(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(`v1.${body}`).digest();
}

export function issueToken(secret: string, claims: TokenClaims): string {
  const body = b64(JSON.stringify(claims));
  return `v1.${body}.${b64(sign(secret, body))}`;
}

export function verifyToken(secret: string, token: string, nowSec = Math.floor(Date.now() / 1000)): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== 'v1') return { ok: false, reason: 'malformed' };
  const [, body, sig] = parts;
  const expected = sign(secret, body);
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = TokenClaims.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp <= nowSec) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
