import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createKeys, parseKey } from '../shared/keys.ts';

test('every key the module builds parses back to its kind and id', () => {
  const k = createKeys('assess');
  const sid = '0b6f2d0e-5c1d-4a57-9a53-1f0e3c1c2a11';
  assert.deepEqual(parseKey('assess', k.in), { kind: 'in' });
  assert.deepEqual(parseKey('assess', k.ask), { kind: 'ask' });
  assert.deepEqual(parseKey('assess', k.dlq), { kind: 'dlq' });
  for (const kind of ['out', 'state', 'chat', 'ingest', 'once'] as const) {
    assert.equal(k[kind](sid), `assess:${kind}:${sid}`);
    assert.deepEqual(parseKey('assess', k[kind](sid)), { kind, id: sid });
  }
  assert.deepEqual(parseKey('assess', k.ctl('gw-1')), { kind: 'ctl', id: 'gw-1' });
  assert.equal(k.sessionKeys(sid).length, 5);
});

test('foreign, malformed and hash-tagged keys do not parse', () => {
  assert.equal(parseKey('assess', 'other:in'), null);
  assert.equal(parseKey('assess', 'assess:nope'), null);
  assert.equal(parseKey('assess', 'assess:out:'), null);
  assert.equal(parseKey('assess', 'assess:out:{x}'), null);
  assert.equal(parseKey('assess', 'assess:in:extra'), null);
});

test('session ids that could break the key layout are refused', () => {
  const k = createKeys('p');
  assert.throws(() => k.out('a:b'));
  assert.throws(() => k.out(''));
  assert.throws(() => k.out('{tag}'));
});
