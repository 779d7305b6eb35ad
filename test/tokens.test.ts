import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../shared/config.ts';
import { issueToken, verifyToken } from '../shared/tokens.ts';

const secret = 'a-secret-of-enough-length';

test('a token verifies with its claims until it expires', () => {
  const t = issueToken(secret, { sid: 's1', role: 'candidate', exp: 2000 });
  assert.deepEqual(verifyToken(secret, t, 1999), { ok: true, claims: { sid: 's1', role: 'candidate', exp: 2000 } });
  assert.deepEqual(verifyToken(secret, t, 2000), { ok: false, reason: 'expired' });
});

test('a token signed with another secret, altered or malformed is refused', () => {
  const t = issueToken(secret, { sid: 's1', role: 'candidate', exp: 2000 });
  assert.equal(verifyToken('another-secret-entirely', t, 1).ok, false);
  const [v, body, sig] = t.split('.');
  const forged = Buffer.from(JSON.stringify({ sid: 's1', role: 'interviewer', exp: 2000 })).toString('base64url');
  assert.deepEqual(verifyToken(secret, `${v}.${forged}.${sig}`, 1), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(verifyToken(secret, `${v}.${body}`, 1), { ok: false, reason: 'malformed' });
  assert.deepEqual(verifyToken(secret, 'garbage', 1), { ok: false, reason: 'malformed' });
});

test('configuration has working defaults and names a bad variable', () => {
  const c = loadConfig({});
  assert.equal(c.PORT, 8080);
  assert.equal(c.REDIS_PREFIX, 'assess');
  assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
  assert.throws(() => loadConfig({ REDIS_PREFIX: 'a b' }), /REDIS_PREFIX/);
  assert.throws(() => loadConfig({ ADMIN_API_KEY: 'short' }), /ADMIN_API_KEY/);
});

test('the built-in secrets are refused anywhere but loopback', async () => {
  const { assertSafeToListen } = await import('../shared/config.ts');
  assert.doesNotThrow(() => assertSafeToListen(loadConfig({})));
  assert.throws(() => assertSafeToListen(loadConfig({ HOST: '0.0.0.0' })), /refusing to listen on 0\.0\.0\.0/);
  assert.doesNotThrow(() => assertSafeToListen(loadConfig({ HOST: '0.0.0.0', ADMIN_API_KEY: 'a'.repeat(20), TOKEN_SECRET: 'b'.repeat(20) })));
});
